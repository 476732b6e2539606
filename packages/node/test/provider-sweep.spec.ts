import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { logger } from '@libp2p/logger'
import { cleanup, connect, testNode, waitFor, waitForRoutingTable } from './fixtures/nodes.ts'
import { createSweepProvider } from '../src/provider-sweep.ts'
import { cidKadId, closestPeers, commonPrefixLength, peerKadId, regionBits } from '../src/provider-keyspace.ts'
import { DHT_PROTOCOL } from '../src/constants.ts'
import type { CairnNode } from '../src/index.ts'
import type { SingleKadDHT } from '@libp2p/kad-dht'
import type { PeerId } from '@libp2p/interface'

const test = suite('sweep providing: batches by keyspace region on a 20-node loopback DHT')

test.after(cleanup)

const dhtOf = (node: CairnNode): SingleKadDHT & { providers: { getProviders(cid: CID): Promise<PeerId[]> } } =>
  node.libp2p.services.dht as any

async function cidOf (i: number): Promise<CID> {
  return CID.createV1(0x55, await sha256.digest(new TextEncoder().encode(`sweep key ${i}`)))
}

test('keyspace: regions, prefixes and closeness', async () => {
  const a = new Uint8Array(32)
  const b = new Uint8Array(32)
  b[0] = 0b00010000
  assert.is(commonPrefixLength(a, b), 3)
  assert.is(commonPrefixLength(a, a), 256)
  const peers = [b, new Uint8Array(32).fill(0xff), new Uint8Array(32).fill(0x01)].map((kadId, i) => ({ peer: i, kadId }))
  assert.equal(closestPeers(a, peers, 2).map(p => p.peer), [2, 0])
  // fewer peers than a lookup returns: the lookup saw the whole network, one region
  assert.is(regionBits(a, peers, 20), 0)
  // a full lookup: the farthest peer (0xff…) shares 0 bits, so the region is the 1-bit prefix
  assert.is(regionBits(a, peers, 3), 1)
})

test('one batch spanning several regions reaches the closest peers of each key, and a fresh node finds them', async () => {
  const nodes: CairnNode[] = []
  for (let i = 0; i < 20; i++) nodes.push(await testNode())
  const [hub, provider] = nodes
  // every node knows the hub and its neighbour: lookups can reach everyone
  for (let i = 1; i < nodes.length; i++) {
    await connect(nodes[i], hub)
    if (i > 1) await connect(nodes[i], nodes[i - 1])
  }
  await waitForRoutingTable(hub, nodes.length - 1)
  for (const n of nodes) await waitForRoutingTable(n, 2)

  const keys = await Promise.all(Array.from({ length: 48 }, async (_, i) => cidOf(i)))
  const log = logger('cairn:test:sweep')
  const replication = 3
  const sweep = createSweepProvider({
    self: () => provider.libp2p.peerId,
    log,
    getClosestPeers: (key, options) => dhtOf(provider).getClosestPeers(key, options),
    addresses: () => provider.libp2p.getMultiaddrs(),
    dialProtocol: async (peer, protocol, options) => provider.libp2p.dialProtocol(peer, protocol, options)
  }, { protocol: DHT_PROTOCOL, lookupSize: 4, replication })
  const result = await sweep.provide(keys)

  assert.is(result.failed.length, 0, result.failed.map(f => f.error.message).join('; '))
  assert.is(result.provided.length, keys.length)
  assert.ok(result.regions >= 2, `the batch spans several regions (${result.regions})`)
  assert.ok(result.lookups >= 2 && result.lookups < keys.length / 2, `one lookup per region, not per key (${result.lookups} for ${keys.length} keys)`)

  // where the records are: every key on exactly `replication` peers, at least one of them among
  // the key's true closest (computed from every peer of the network). A record is sent once its
  // stream closed; the peer stores it just after, so the count is polled
  const others = await Promise.all(nodes.filter(n => n !== provider).map(async n => ({ peer: n, kadId: await peerKadId(n.libp2p.peerId) })))
  const holdersOf = async (key: CID): Promise<CairnNode[]> => {
    const holders: CairnNode[] = []
    for (const { peer } of others) {
      if ((await dhtOf(peer).providers.getProviders(key)).some(p => p.equals(provider.libp2p.peerId))) holders.push(peer)
    }
    return holders
  }
  let records = 0
  await waitFor(async () => {
    records = 0
    for (const key of keys) records += (await holdersOf(key)).length
    return records >= keys.length * replication
  }, 10_000, 'every record to be stored').catch(() => {})
  assert.is(records, keys.length * replication, 'each key went to `replication` peers, once')
  let exact = 0
  for (const key of keys) {
    const holders = await holdersOf(key)
    const truth = closestPeers(await cidKadId(key), others, replication).map(p => p.peer)
    assert.ok(holders.some(h => truth.includes(h)), `a record of ${key} sits on one of its ${replication} closest peers`)
    if (truth.every(t => holders.includes(t))) exact++
  }
  log('%d of %d keys on exactly their closest peers', exact, keys.length)

  // a node that joins afterwards, knowing one peer, finds the provider of keys from every region
  const fresh = await testNode()
  await connect(fresh, nodes[nodes.length - 1])
  await waitForRoutingTable(fresh, 1)
  for (const key of keys.filter((_, i) => i % 6 === 0)) {
    await waitFor(async () => {
      try {
        for await (const p of fresh.routing.findProvs(key, { numProviders: 1, signal: AbortSignal.timeout(5_000) })) {
          if (p.id === provider.peerId) return true
        }
      } catch {
        // a lookup cut short is retried
      }
      return false
    }, 20_000, `the fresh node to find the provider of ${key}`)
  }
})

test.run()
