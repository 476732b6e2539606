/**
 * WebRTC-direct (issue 18): a Cairn node listening on `/udp/…/webrtc-direct` advertises its
 * certificate's hash in the address, so a browser can dial it with no CA-signed certificate. The
 * dialler here is js-libp2p's own `webRTCDirect` transport, which dials as a browser does (DTLS to
 * the `certhash` in the address, Noise inside), over UDP on 127.0.0.1; it speaks Bitswap to the
 * node over that connection.
 */
import { noise } from '@chainsafe/libp2p-noise'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { webRTCDirect } from '@libp2p/webrtc'
import { yamux } from '@libp2p/yamux'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, testNode, waitFor } from './fixtures/nodes.ts'
import type { Libp2p } from '@libp2p/interface'

const test = suite('WebRTC-direct: dialled as a browser dials, by certificate hash')

const started: Libp2p[] = []
test.after(async () => {
  await Promise.allSettled(started.map(async n => n.stop()))
  await cleanup()
})

test('the node advertises /webrtc-direct/certhash/…; a WebRTC-direct dialler connects, pings, and finds Bitswap', async () => {
  const node = await testNode({ config: { Addresses: { Swarm: ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/udp/0/webrtc-direct'] } } } as any)
  const addr = (await node.swarm.localAddrs()).find(a => a.includes('/webrtc-direct/'))
  assert.ok(addr != null, `no WebRTC-direct address in ${(await node.swarm.localAddrs()).join(' ')}`)
  assert.match(addr, /^\/ip4\/127\.0\.0\.1\/udp\/\d+\/webrtc-direct\/certhash\/u[\w-]+\/p2p\/\w+$/)

  const client = await createLibp2p({
    transports: [webRTCDirect()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping() }
  })
  started.push(client)
  const conn = await client.dial(multiaddr(addr), { signal: AbortSignal.timeout(20_000) })
  assert.ok(conn.remoteAddr.toString().includes('/webrtc-direct/'), conn.remoteAddr.toString())
  assert.is(conn.limits, undefined, 'a direct connection, not a limited one')
  assert.ok(await client.services.ping.ping(node.libp2p.peerId, { signal: AbortSignal.timeout(10_000) }) >= 0)
  await waitFor(async () => (await client.peerStore.get(node.libp2p.peerId)).protocols.some(p => p.startsWith('/ipfs/bitswap/')), 10_000, 'identify to list Bitswap')
  const stream = await conn.newStream('/ipfs/bitswap/1.2.0', { signal: AbortSignal.timeout(10_000) })
  assert.is(stream.protocol, '/ipfs/bitswap/1.2.0')
  await stream.close()
})

test.run()
