import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { cleanup, collect, connect, pseudoRandomBytes, tempDir, testNode, waitFor, waitForRoutingTable } from './fixtures/nodes.ts'
import { initRepo } from '../src/index.ts'
import type { CairnNode } from '../src/index.ts'

const test = suite('providing, reprovide strategies and network fetch bounds')

test.after(cleanup)

/** Providers found within 5 s (a lookup cut short returns what it found) */
async function providers (seeker: CairnNode, cid: CID): Promise<string[]> {
  const ids: string[] = []
  try {
    for await (const p of seeker.routing.findProvs(cid, { signal: AbortSignal.timeout(5_000) })) ids.push(p.id)
  } catch (err: any) {
    if (err.code !== 'ERR_ABORTED') throw err
  }
  return ids
}

async function strategyNode (strategy: 'all' | 'pinned' | 'roots'): Promise<CairnNode> {
  const dir = await tempDir()
  await initRepo(dir, { profile: 'test', config: { Reprovider: { Strategy: strategy } } })
  return testNode({ repoPath: dir })
}

test('strategy roots announces pin roots only; all announces every block; reprovide counts follow', async () => {
  const seeker = await testNode()
  const roots = await strategyNode('roots')
  const all = await strategyNode('all')
  await connect(roots, seeker)
  await connect(all, seeker)
  await waitForRoutingTable(seeker, 2)

  const content = pseudoRandomBytes(300 * 1024, 11)
  const tree = [{ path: 'd/f.bin', content }]
  const [fileR, dirR] = await collect(roots.add(tree, { cidVersion: 1 }))
  const [fileA, dirA] = await collect(all.add(tree, { cidVersion: 1 }))
  assert.ok(dirR.cid.equals(dirA.cid), 'same content, same CIDs')

  await waitFor(async () => (await providers(seeker, dirR.cid)).length === 2, 15_000, 'both nodes to announce the root')
  await all.provider.onIdle()
  await roots.provider.onIdle()
  await waitFor(async () => (await providers(seeker, fileA.cid)).includes(all.peerId), 15_000, 'strategy all to announce the file')
  const fileProviders = await providers(seeker, fileR.cid)
  assert.not.ok(fileProviders.includes(roots.peerId), 'strategy roots does not announce the file under the root')

  // d, f.bin and its two leaves: 4 blocks, 1 pin root; `all` also has the MFS root (the empty
  // directory every repo holds, as Kubo's)
  assert.is(await roots.provider.reprovide(), 1)
  assert.is(await all.provider.reprovide(), 5)
  const pinned = await strategyNode('pinned')
  await connect(pinned, seeker)
  await collect(pinned.add(tree, { cidVersion: 1 }))
  await collect(pinned.add([{ path: 'loose', content: new Uint8Array([1, 2, 3]) }], { pin: false }))
  assert.is(await pinned.provider.reprovide(), 4, 'pinned: every pinned block, not the loose one')
})

test('Provide.DHT.SweepEnabled=false: the legacy provider (one kad-dht provide per CID) still announces', async () => {
  const seeker = await testNode()
  const dir = await tempDir()
  await initRepo(dir, { profile: 'test', config: { Provide: { DHT: { SweepEnabled: false } } } as any })
  const legacy = await testNode({ repoPath: dir })
  await connect(legacy, seeker)
  await waitForRoutingTable(seeker, 1)
  const [file] = await collect(legacy.add([{ path: 'f.bin', content: pseudoRandomBytes(300 * 1024, 12) }], { cidVersion: 1 }))
  await waitFor(async () => (await providers(seeker, file.cid)).includes(legacy.peerId), 15_000, 'the legacy provider to announce the root')
  await legacy.provider.onIdle()
  assert.ok(legacy.provider.stats().provided >= 3, 'root and both leaves, one provide each')
  // kad-dht's own provide sent the records (the sweep writes its own streams, which kad-dht does not count)
  const adds = async (node: CairnNode): Promise<number> => {
    const text = await node.metrics!.registry.metrics()
    return Number(/^libp2p_kad_dht_outbound_rpc_requests_total\{\w+="ADD_PROVIDER"\} (\d+)/m.exec(text)?.[1] ?? 0)
  }
  assert.ok(await adds(legacy) >= 3, 'ADD_PROVIDER through kad-dht')
  const sweeping = await testNode()
  await connect(sweeping, seeker)
  const [other] = await collect(sweeping.add([{ path: 'g.bin', content: pseudoRandomBytes(300 * 1024, 13) }], { cidVersion: 1 }))
  await waitFor(async () => (await providers(seeker, other.cid)).includes(sweeping.peerId), 15_000, 'the sweep to announce the root')
  assert.is(await adds(sweeping), 0, 'the sweep sends its records itself')
})

test('an unreachable CID ends in TimeoutError, an aborted fetch in AbortError', async () => {
  const node = await testNode({ fetchTimeoutMs: 1_500 })
  const peer = await testNode()
  await connect(node, peer)
  const missing = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode('nobody has this')))
  try {
    await node.block.get(missing)
    assert.unreachable('should time out')
  } catch (err: any) {
    assert.is(err.code, 'ERR_TIMEOUT', err.message)
  }
  const controller = new AbortController()
  const reading = collect(node.cat(missing, { signal: controller.signal }))
  reading.catch(() => {}) // awaited below
  // aborted while the want is out on the network
  await waitFor(() => node.libp2p.services.bitswap?.wantlist().some(c => c.equals(missing)) === true, 10_000, 'the want to go out')
  controller.abort()
  try {
    await reading
    assert.unreachable('should abort')
  } catch (err: any) {
    assert.is(err.code, 'ERR_ABORTED', err.message)
  }
  assert.is(await node.blockstore.hasBlock(missing), false)
  const bw = await node.stats.bw()
  assert.ok(bw.totalIn > 0n && bw.totalOut > 0n, 'bandwidth is counted')
})

test.run()
