import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { dhtClientMode, isPrivateNetwork, splitListenAddresses } from '../src/libp2p.ts'
import { cleanup, connect, testNode, waitFor } from './fixtures/nodes.ts'

const test = suite('libp2p wiring from the config')

test.after(cleanup)

test('a private network is one where every listen address is loopback or private', () => {
  assert.is(isPrivateNetwork(['/ip4/127.0.0.1/tcp/0']), true)
  assert.is(isPrivateNetwork(['/ip4/192.168.1.4/tcp/4001', '/ip6/::1/tcp/4001']), true)
  assert.is(isPrivateNetwork(['/ip4/0.0.0.0/tcp/4001']), false, 'all interfaces may include public ones')
  assert.is(isPrivateNetwork(['/ip4/127.0.0.1/tcp/0', '/ip4/8.8.8.8/tcp/4001']), false)
  assert.is(isPrivateNetwork([]), false)
  assert.is(isPrivateNetwork(['not a multiaddr']), false)
})

test('Routing.Type maps to kad-dht client mode as in Kubo', () => {
  assert.is(dhtClientMode('dhtclient'), true)
  assert.is(dhtClientMode('dhtserver'), false)
  assert.is(dhtClientMode('auto'), undefined)
  assert.is(dhtClientMode('dht'), undefined)
})

test('listen addresses no transport of ours serves are skipped, not fatal', async () => {
  const kubo = ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/udp/0/quic-v1', '/ip4/127.0.0.1/udp/0/quic-v1/webtransport', '/ip4/127.0.0.1/tcp/0/ws']
  assert.equal(splitListenAddresses(kubo), {
    supported: ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/udp/0/quic-v1', '/ip4/127.0.0.1/tcp/0/ws'],
    unsupported: ['/ip4/127.0.0.1/udp/0/quic-v1/webtransport']
  })
  const node = await testNode({ config: { Addresses: { Swarm: kubo } } })
  const addrs = await node.swarm.localAddrs()
  assert.ok(addrs.some(a => /\/tcp\/\d+\/ws\/p2p\//.test(a)), 'listens on WebSockets')
  assert.ok(addrs.some(a => /\/tcp\/\d+\/p2p\//.test(a)), 'and on TCP')
  assert.ok(addrs.some(a => /\/udp\/\d+\/quic-v1\/p2p\//.test(a)), 'and on QUIC')
  assert.not.ok(addrs.some(a => a.includes('/webtransport')))

  // a peer dials the WebSockets address: noise and yamux over WebSockets
  const other = await testNode()
  const ws = addrs.find(a => a.includes('/ws/')) as string
  await other.swarm.connect(ws, { signal: AbortSignal.timeout(10_000) })
  const peers = await other.swarm.peers()
  assert.ok(peers.some(p => p.peer === node.peerId && p.addr.includes('/ws')), 'connected over WebSockets')
})

test('DHT mode of running nodes: server on loopback (test profile and auto), client when asked', async () => {
  const mode = (n: Awaited<ReturnType<typeof testNode>>): string => n.libp2p.services.dht?.getMode() ?? 'none'
  assert.is(mode(await testNode()), 'server')
  assert.is(mode(await testNode({ config: { Routing: { Type: 'auto' } } })), 'server')
  assert.is(mode(await testNode({ config: { Routing: { Type: 'dhtclient' } } })), 'client')
  const none = await testNode({ config: { Routing: { Type: 'none' } } })
  assert.is(none.libp2p.services.dht, undefined)
  const protocols = (await (await testNode()).id()).protocols
  for (const p of ['/ipfs/kad/1.0.0', '/ipfs/id/1.0.0', '/ipfs/ping/1.0.0', '/meshsub/1.1.0']) {
    assert.ok(protocols.includes(p), `speaks ${p}`)
  }
  assert.ok(protocols.some(p => p.startsWith('/ipfs/bitswap/1.2.0')), 'speaks Bitswap 1.2.0')
})

// The connection monitor aborts a connection whose ping fails. With libp2p's default of one ping
// stream per connection, its ping meeting a DHT liveness ping to the same peer was refused, and
// the connection dropped a few seconds after it was made (the cli-daemon pubsub test used to dial
// again to hide it). Pings that meet are all answered, and the connection stays.
test('concurrent pings on one connection are all answered and the connection stays', async () => {
  const a = await testNode()
  const b = await testNode()
  await connect(a, b)
  const ping = a.libp2p.services.ping
  assert.ok(ping != null)
  const rtts = await Promise.all([1, 2, 3].map(async () => ping.ping(b.libp2p.peerId, { signal: AbortSignal.timeout(10_000) })))
  assert.is(rtts.length, 3)
  assert.is(a.libp2p.getConnections(b.libp2p.peerId).length, 1)
  assert.is(b.libp2p.getConnections(a.libp2p.peerId).length, 1)
})

// `swarm peers --identify` (and `--verbose`, which the Web UI polls) reads identify's answers from
// the peer store, as Kubo does. It used to dial each listed peer and identify it again: a peer
// disconnected while the list was being made was connected again, which kept the Web UI's Peers
// view showing a connection its Disconnect button had just closed.
test('id of a peer with dial: false answers from the peer store and never dials', async () => {
  const a = await testNode()
  const b = await testNode()
  const own = await b.id()
  await connect(a, b)
  await waitFor(async () => (await a.libp2p.peerStore.get(b.libp2p.peerId)).protocols.includes('/ipfs/kad/1.0.0'), 10_000, 'identify to store what b speaks')
  await b.stop()
  await waitFor(() => a.libp2p.getConnections(b.libp2p.peerId).length === 0, 10_000, 'the connection to close')
  // b is gone: a dial could only fail
  const stored = await a.id({ peerId: b.peerId, dial: false, signal: AbortSignal.timeout(5000) })
  assert.is(stored.id, b.peerId)
  assert.is(stored.publicKey, own.publicKey)
  assert.is(stored.agentVersion, own.agentVersion)
  assert.ok(stored.protocols.includes('/ipfs/kad/1.0.0'), stored.protocols.join())
  assert.equal(stored.protocols, [...stored.protocols].sort())
  assert.ok(stored.addresses.length > 0 && stored.addresses.every(x => x.endsWith(`/p2p/${b.peerId}`)), stored.addresses.join())
  assert.is(a.libp2p.getConnections(b.libp2p.peerId).length, 0)
})

// kad-dht tags its closest peers keep-alive, and libp2p redialled such a peer within ~100 ms of a
// `swarm disconnect`. The disconnect now stands on this side (the other side keeps its own policy:
// B may dial back, which is inbound here).
test('swarm disconnect of a DHT peer is not undone by a keep-alive redial', async () => {
  const a = await testNode()
  const b = await testNode()
  await connect(a, b)
  const keepAlive = async (): Promise<boolean> => [...(await a.libp2p.peerStore.get(b.libp2p.peerId)).tags.keys()].some(t => t.startsWith('keep-alive'))
  await waitFor(keepAlive, 15_000, 'kad-dht to tag B keep-alive')
  await a.swarm.disconnect(`/p2p/${b.peerId}`)
  assert.not.ok(await keepAlive(), 'the keep-alive tag is dropped')
  // a redial comes within ~100 ms; watch well past that
  const outbound = (): number => a.libp2p.getConnections(b.libp2p.peerId).filter(c => c.direction === 'outbound').length
  for (const deadline = Date.now() + 2000; Date.now() < deadline;) {
    assert.is(outbound(), 0, 'A dialled B again')
    await new Promise(resolve => setTimeout(resolve, 50))
  }
})

test.run()
