/**
 * WebRTC hole punching (reachability/webrtc.ts): its config keys, how relayed WebRTC addresses are
 * told apart, dial order, and the node's wiring. The punching itself needs two NATs: it is shown
 * for real in apps/cli/test/nat-punch.spec.ts (network namespaces).
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { multiaddr } from '@multiformats/multiaddr'
import { isRelayedAddress, relaysThroughItself } from '../src/reachability/announce.ts'
import { buildTransports, listenKind } from '../src/reachability/transports.ts'
import { natOptions } from '../src/reachability/options.ts'
import { isPublicAddress } from '../src/reachability/service.ts'
import { DEFAULT_STUN_SERVERS, DEFAULT_WEBRTC_MTU, webrtcAddressOf, webrtcAwareAddressSorter, webrtcOptions } from '../src/reachability/webrtc.ts'
import { defaultConfig } from '../src/config.ts'
import { cleanup, testNode } from './fixtures/nodes.ts'
import type { CairnConfig } from '@cairn/interface'
import type { Connection } from '@libp2p/interface'

const test = suite('WebRTC hole punching: config, addresses, wiring')
test.after(cleanup)

const R = '12D3KooWQmNNT463w8qqUHGThYp5njnDvzf8rqqy91D5j9U5UWcA'
const A = '12D3KooWMKRwkGQvUAfPi34XAtF9CUkEYfHjt5hweLqKYrA1PCMN'
const withSwarm = (swarm: Record<string, unknown>): CairnConfig => {
  const config = defaultConfig('x')
  return { ...config, Swarm: { ...config.Swarm, ...swarm } } as unknown as CairnConfig
}

test('Swarm.Transports.Network.WebRTC, Swarm.WebRTC.STUNServers and Swarm.WebRTC.MTU: defaults, overrides, bad values', () => {
  assert.equal(webrtcOptions(defaultConfig('x')), { enabled: true, iceServers: [...DEFAULT_STUN_SERVERS], mtu: DEFAULT_WEBRTC_MTU })
  assert.is(DEFAULT_WEBRTC_MTU, 1400)
  assert.is(webrtcOptions(withSwarm({ WebRTC: { MTU: 1500 } })).mtu, 1500)
  assert.is(webrtcOptions(withSwarm({ WebRTC: { MTU: 1280 } })).mtu, 1280)
  assert.equal(webrtcOptions(withSwarm({ WebRTC: { STUNServers: ['stun:11.0.0.2:3478'] } })).iceServers, ['stun:11.0.0.2:3478'])
  assert.equal(webrtcOptions(withSwarm({ WebRTC: { STUNServers: [] } })).iceServers, [], 'host candidates only')
  assert.is(webrtcOptions(withSwarm({ Transports: { Network: { WebRTC: false } } })).enabled, false)
  for (const bad of [{ WebRTC: { STUNServers: 'stun:x:1' } }, { WebRTC: { STUNServers: ['http://x'] } }, { WebRTC: { STUNServers: [3478] } }, { Transports: { Network: { WebRTC: 'yes' } } },
    { WebRTC: { MTU: 1279 } }, { WebRTC: { MTU: 9001 } }, { WebRTC: { MTU: 1400.5 } }, { WebRTC: { MTU: '1500' } }]) {
    assert.throws(() => webrtcOptions(withSwarm(bad)), (err: any) => err.code === 'ERR_INVALID_PARAMETERS' && /^config: Swarm\./.test(err.message), JSON.stringify(bad))
  }
})

test('a relayed WebRTC address is relayed: never public, never dialled through its own relay', () => {
  const webrtc = multiaddr(`/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/webrtc`)
  assert.ok(isRelayedAddress(webrtc))
  assert.not.ok(isPublicAddress(webrtc), 'a node behind NAT is not public for having a relayed WebRTC address')
  assert.not.ok(isRelayedAddress(multiaddr('/ip4/11.0.0.2/tcp/4001')))
  assert.ok(relaysThroughItself(multiaddr(`/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/webrtc/p2p/${R}`)))
  assert.ok(relaysThroughItself(multiaddr(`/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/p2p/${R}`)))
  assert.not.ok(relaysThroughItself(multiaddr(`/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/webrtc/p2p/${A}`)))
  assert.not.ok(relaysThroughItself(multiaddr(`/ip4/11.0.0.2/tcp/4001/p2p/${R}`)))
  assert.is(listenKind('/webrtc'), 'webrtc')
})

test('dial order: direct first, then plain relayed, relayed WebRTC last (the upgrade punches from the relayed one)', () => {
  const addrs = [
    `/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/webrtc/p2p/${A}`,
    `/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/p2p/${A}`,
    `/ip4/61.0.0.2/tcp/4001/p2p/${A}`
  ].map(a => ({ multiaddr: multiaddr(a), isCertified: false }))
  const sorted = [...addrs].sort(webrtcAwareAddressSorter).map(a => a.multiaddr.toString())
  assert.equal(sorted, [addrs[2], addrs[1], addrs[0]].map(a => a.multiaddr.toString()))
})

test('the upgrade dials the peer\'s /webrtc address through the relay of the relayed connection', () => {
  const conn = (addr: string): Connection => ({ remoteAddr: multiaddr(addr), remotePeer: { toString: () => A } } as unknown as Connection)
  assert.is(webrtcAddressOf(conn(`/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/p2p/${A}`)), `/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/webrtc/p2p/${A}`)
  assert.is(webrtcAddressOf(conn(`/ip4/61.0.0.2/tcp/4001/p2p/${A}`)), undefined, 'a direct connection needs no upgrade')
  assert.is(webrtcAddressOf(conn(`/ip4/11.0.0.2/tcp/4001/p2p/${R}/p2p-circuit/webrtc/p2p/${A}`)), undefined, 'already WebRTC')
})

test('the transport listens on /webrtc only beside the relay transport, and not on a private network', async () => {
  const config = defaultConfig('x')
  const built = await buildTransports(natOptions(config), ['/ip4/0.0.0.0/tcp/4001'], undefined, webrtcOptions(config))
  assert.ok(built.listen.includes('/webrtc'), built.listen.join(' '))
  const noRelay = withSwarm({ Transports: { Network: { Relay: false } } })
  const without = await buildTransports(natOptions(noRelay), ['/ip4/0.0.0.0/tcp/4001'], undefined, webrtcOptions(noRelay))
  assert.not.ok(without.listen.includes('/webrtc'), 'WebRTC signals over relayed connections')
  // a loopback node (a private network: every peer dials our own addresses) runs no WebRTC
  const node = await testNode()
  assert.not.ok((await node.swarm.localAddrs()).some(a => a.includes('/webrtc/') || a.endsWith('/webrtc')))
  assert.is((node.libp2p.services as Record<string, unknown>).directUpgrade, undefined)
})

test.run()
