import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, collect, concatBytes, connect, pseudoRandomBytes, testNode, waitFor, waitForRoutingTable } from './fixtures/nodes.ts'

const test = suite('DHT retrieval over TCP on 127.0.0.1')

test.after(cleanup)

test('content added on A is found through the DHT and fetched by C, which only knows B', async () => {
  const a = await testNode()
  const b = await testNode()
  await connect(a, b)
  await waitForRoutingTable(a)
  await waitForRoutingTable(b)

  // two blocks and a root: more than one round trip
  const content = pseudoRandomBytes(600 * 1024, 7)
  const [added] = await collect(a.add([{ path: 'big.bin', content }], { cidVersion: 1 }))
  const root = added.cid

  // A announces what it added on its own; B, its only DHT peer, ends up holding the record
  await waitFor(async () => {
    try {
      for await (const p of b.routing.findProvs(root, { numProviders: 1, signal: AbortSignal.timeout(2_000) })) {
        if (p.id === a.peerId) return true
      }
    } catch {
      // a slow lookup is retried by waitFor
    }
    return false
  }, 20_000, 'B to learn that A provides the root')

  // C joins later, connected to B only
  const c = await testNode()
  await connect(c, b)
  await waitForRoutingTable(c)
  assert.is(c.libp2p.getConnections(a.libp2p.peerId).length, 0, 'C starts without a connection to A')

  const providers = await collect(c.routing.findProvs(root, { numProviders: 1, signal: AbortSignal.timeout(10_000) }))
  assert.is(providers[0]?.id, a.peerId, 'the DHT names A as provider')
  assert.ok(providers[0].addrs.some(addr => addr.startsWith('/ip4/127.0.0.1/tcp/')), 'with its loopback address kept')

  // peer routing: A's addresses, from the DHT
  const found = await c.routing.findPeer(a.peerId, { signal: AbortSignal.timeout(10_000) })
  assert.is(found.id, a.peerId)
  assert.ok(found.addrs.length > 0)

  // the whole file through the DAG reader: every block fetched over Bitswap and verified
  const fetched = await concatBytes(c.cat(root, { signal: AbortSignal.timeout(20_000) }))
  assert.equal(fetched, content)
  const pinned = await c.pin.add(root, { signal: AbortSignal.timeout(20_000) })
  assert.equal(pinned.map(String), [root.toString()])
  const stats = await c.repo.stat()
  assert.ok(stats.repoSize >= content.byteLength, 'C now stores the whole DAG')
  assert.equal((await collect(c.pin.ls({ type: 'recursive' }))).map(p => p.cid.toString()), [root.toString()])
  assert.ok(c.libp2p.getConnections(a.libp2p.peerId).length > 0, 'C dialled A, found through the DHT')

  // having pinned it, C announces it too: the DHT now names both
  await waitFor(async () => {
    const ids: string[] = []
    try {
      for await (const p of b.routing.findProvs(root, { signal: AbortSignal.timeout(3_000) })) ids.push(p.id)
    } catch {
      // a slow lookup is retried by waitFor
    }
    return ids.includes(a.peerId) && ids.includes(c.peerId)
  }, 20_000, 'C to be announced as a provider after pinning')
})

test.run()
