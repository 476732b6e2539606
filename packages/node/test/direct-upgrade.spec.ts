/**
 * The direct-upgrade service (reachability/webrtc.ts) remembers, per peer, that no hole could be
 * punched (issue 18): a peer behind a symmetric NAT made Bitswap wait `AWAIT_DIRECT_MS` (3 s) on
 * every new relayed connection before its bulk data used the relay. Bare libp2p nodes over TCP on
 * 127.0.0.1 carry the service; the relay is a real Cairn node. The peers speak the WebRTC
 * signalling protocol but have no WebRTC transport, so every punch fails as one across a
 * symmetric NAT does.
 */
import { noise } from '@chainsafe/libp2p-noise'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { createLibp2p } from 'libp2p'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { directUpgrade, WEBRTC_SIGNALING_PROTOCOL } from '../src/reachability/webrtc.ts'
import type { DirectUpgrade } from '../src/reachability/webrtc.ts'
import { cleanup, testNode, waitFor } from './fixtures/nodes.ts'
import type { Connection, Libp2p } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

const test = suite('direct upgrade: a peer no hole could be punched to is remembered')

const started: Libp2p[] = []
test.after(async () => {
  await Promise.allSettled(started.map(async n => n.stop()))
  await cleanup()
})

type Node = Libp2p<{ directUpgrade: DirectUpgrade }>

/** A node that answers WebRTC signalling by hanging up: nothing can be punched to it */
async function peer (listen: string[]): Promise<Node> {
  const node = await createLibp2p({
    addresses: { listen },
    transports: [tcp(), circuitRelayTransport()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), directUpgrade: directUpgrade({ attempts: 1, dialTimeoutMs: 2000 }) }
  })
  await node.handle(WEBRTC_SIGNALING_PROTOCOL, (stream) => { stream.abort(new Error('no WebRTC here')) }, { runOnLimitedConnection: true })
  started.push(node)
  return node
}

/** Resolves with what `p` gives, or rejects once `ms` pass: "answers at once", bounded */
async function within<T> (p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await Promise.race([p, new Promise<T>((_resolve, reject) => { timer = setTimeout(() => { reject(new Error(`${what}: still waiting after ${ms} ms`)) }, ms) })])
  } finally {
    clearTimeout(timer)
  }
}

const circuitOf = (node: Node): Multiaddr | undefined => node.getMultiaddrs().find(m => m.toString().includes('/p2p-circuit'))

const relayedTo = (node: Node, other: Node): Connection | undefined =>
  node.getConnections(other.peerId).find(c => c.status === 'open' && c.limits != null)

test('the dialling side: after its upgrade fails, the next wait returns at once; a direct connection forgets it', async () => {
  const relay = await testNode()
  const relayAddr = (await relay.swarm.localAddrs())[0]
  const a = await peer(['/ip4/127.0.0.1/tcp/0', `${relayAddr}/p2p-circuit`])
  await waitFor(() => circuitOf(a) != null, 15_000, 'a relay reservation')
  const circuit = circuitOf(a)!
  const b = await peer([])

  // B reaches A through the relay; identify shows A speaks signalling, so B tries to punch, and fails
  await b.dial(circuit)
  await waitFor(() => b.services.directUpgrade.stats().failed === 1, 15_000, 'the upgrade to fail')
  assert.is(b.services.directUpgrade.stats().unpunchable, 1)
  assert.ok(relayedTo(b, a) != null, 'still relayed')

  // a new relayed connection: Bitswap's wait for a punch (a minute here) returns at once, while
  // an upgrade is still tried in the background (a failure may have been passing)
  await b.hangUp(a.peerId)
  await b.dial(circuit)
  assert.is(await within(b.services.directUpgrade.awaitDirect(a.peerId, { waitMs: 60_000 }), 5_000, 'awaitDirect'), undefined)
  await waitFor(() => b.services.directUpgrade.stats().failed === 2, 15_000, 'the second upgrade to fail')
  assert.is(b.services.directUpgrade.stats().started, 2)

  // a direct connection shows a hole is not needed: forgotten, and awaitDirect hands it over
  const direct = await b.dial(a.getMultiaddrs().find(m => !m.toString().includes('/p2p-circuit'))!)
  assert.is(direct.limits, undefined)
  assert.is(b.services.directUpgrade.stats().unpunchable, 0)
  assert.is((await b.services.directUpgrade.awaitDirect(a.peerId))?.id, direct.id)
})

test('the dialled side: a wait for the peer\'s punch that ends without a direct connection is remembered', async () => {
  const relay = await testNode()
  const relayAddr = (await relay.swarm.localAddrs())[0]
  const a = await peer([`${relayAddr}/p2p-circuit`])
  await waitFor(() => circuitOf(a) != null, 15_000, 'a relay reservation')
  const circuit = circuitOf(a)!
  const b = await peer([])
  await b.dial(circuit)
  // A learns B speaks signalling (identify runs both ways)
  await waitFor(async () => (await a.peerStore.get(b.peerId).catch(() => undefined))?.protocols.includes(WEBRTC_SIGNALING_PROTOCOL) === true, 10_000, 'identify')
  assert.ok(relayedTo(a, b) != null, 'A holds a relayed connection from B')

  // the first wait runs its window (short here) and finds no direct connection
  assert.is(await a.services.directUpgrade.awaitDirect(b.peerId, { waitMs: 300 }), undefined)
  assert.is(a.services.directUpgrade.stats().unpunchable, 1)
  // on a new relayed connection the next one does not wait
  await b.hangUp(a.peerId)
  await waitFor(() => relayedTo(a, b) == null, 5_000, 'the relayed connection to close')
  await b.dial(circuit)
  await waitFor(() => relayedTo(a, b) != null, 5_000, 'a new relayed connection')
  assert.is(await within(a.services.directUpgrade.awaitDirect(b.peerId, { waitMs: 60_000 }), 5_000, 'awaitDirect'), undefined)
})

test.run()
