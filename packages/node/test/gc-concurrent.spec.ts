/**
 * GC that never stops the node (issue 19), through the node's own API: 20 `repo.gc()` rounds while
 * concurrent `add`s (pinned and not), `pin.add`s of earlier unpinned adds and `pin.rm`s run, with a
 * storage budget small enough that evictions run among them too (and adds in flight together may
 * pass it: those fail with ERR_STORAGE_FULL). Every CID a pinned add returned stays readable after
 * every round, every pin is whole, unpinned content goes, and the store verifies at the end. Also a GC root registered with `addGcRoots` (as MFS does) is kept.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, collect, concatBytes, pseudoRandomBytes, testNode } from './fixtures/nodes.ts'
import type { CairnNode } from '../src/index.ts'
import type { CID } from 'multiformats/cid'

const test = suite('gc beside adds and pins')
test.after(cleanup)

const ROUNDS = 20
const WORKERS = 3

async function addOne (node: CairnNode, seed: number, pin: boolean, size = 8_192 + (seed % 5) * 8_000): Promise<{ cid: CID, bytes: Uint8Array }> {
  // pinned: 1-2 chunks of 32 KiB, small enough for many adds per GC; unpinned: larger, to fill the budget
  const bytes = pseudoRandomBytes(size, seed)
  const [result] = await collect(node.add([{ path: `f${seed}`, content: bytes }], { pin, chunker: 'size-32768', rawLeaves: true, cidVersion: 1 }))
  return { cid: result.cid, bytes }
}

test(`${ROUNDS} GC rounds beside concurrent adds, pins and unpins, with evictions: every pinned add stays readable`, async () => {
  // 1 MB budget: unpinned adds pass it between GCs, so the budget evicts while GC and the workers run
  const node = await testNode({ offline: true, config: { Datastore: { StorageMax: '1MB', StorageGCWatermark: 90 } } })
  const pinned = new Map<string, { cid: CID, bytes: Uint8Array }>()
  const unpinned: Array<{ cid: CID, bytes: Uint8Array }> = []
  let stop = false
  let seed = 1
  let addsDuringGc = 0
  let gcRunning = false
  let pinsOfUnpinned = 0
  let pinsOfGone = 0

  const readable = async (entry: { cid: CID, bytes: Uint8Array }, why: string): Promise<void> => {
    const back = await concatBytes(node.cat(entry.cid)).catch((err: Error) => { throw new Error(`${why}: ${entry.cid} unreadable: ${err.message}`) })
    assert.equal(back, entry.bytes, `${why}: ${entry.cid} reads back`)
  }

  // Three workers' adds in flight may together pass the budget: such an add fails cleanly
  let refused = 0
  const full = async <T> (p: Promise<T>): Promise<T | undefined> => {
    try {
      return await p
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_STORAGE_FULL') throw err
      refused++
      return undefined
    }
  }

  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !stop; i++) {
      const kind = (i + w) % 5
      const during = gcRunning
      // pinned content stays well under the budget (at most 10 files of at most 40 KB)
      if (kind <= 1 && pinned.size < 10) {
        const entry = await full(addOne(node, seed++, true))
        if (entry == null) continue
        await readable(entry, 'right after its add')
        pinned.set(entry.cid.toString(), entry)
        if (during && gcRunning) addsDuringGc++
      } else if (kind === 2) {
        const entry = await full(addOne(node, seed, false, 150_000 + (seed++ % 3) * 50_000))
        if (entry != null) unpinned.push(entry)
      } else if (kind === 3 && unpinned.length > 0) {
        // pinning an earlier unpinned add: kept whole, or GC/eviction got there first and it fails cleanly
        const entry = unpinned.splice(seed++ % unpinned.length, 1)[0]
        try {
          await node.pin.add(entry.cid, { signal: AbortSignal.timeout(5_000) })
          await readable(entry, 'right after pinning it')
          pinned.set(entry.cid.toString(), entry)
          pinsOfUnpinned++
        } catch (err) {
          if (!['ERR_NOT_FOUND', 'ERR_OFFLINE'].includes((err as { code?: string }).code ?? '')) throw err
          pinsOfGone++
        }
      } else if (pinned.size > 4) {
        const [key, entry] = [...pinned][seed++ % pinned.size]
        pinned.delete(key)
        await node.pin.rm(entry.cid)
      }
    }
  }

  const workers = Promise.all(Array.from({ length: WORKERS }, async (_, w) => worker(w)))
  let removed = 0
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      gcRunning = true
      removed += (await collect(node.repo.gc({ signal: AbortSignal.timeout(60_000) }))).length
      gcRunning = false
      for (const entry of [...pinned.values()]) {
        if (pinned.has(entry.cid.toString())) await readable(entry, `after GC round ${round}`)
      }
    }
  } finally {
    stop = true
    await workers
  }
  const counters = node.blockstore.counters()
  assert.ok(removed > 0, 'GC removed unpinned content')
  assert.ok(addsDuringGc > 0, `adds ran while GC ran (${addsDuringGc})`)
  assert.ok(counters.evictions > 0, `the budget evicted beside GC (${counters.evictions} runs)`)
  for (const entry of pinned.values()) await readable(entry, 'at the end')
  assert.equal(await collect(node.blockstore.verify()), [])
  assert.ok((await node.repo.stat()).repoSize <= 1_000_000, 'within StorageMax')
  console.info(`  ${removed} blocks removed over ${ROUNDS} rounds, ${addsDuringGc} adds during GC, ${counters.evictions} evictions (${counters.evictedBlocks} blocks), ${pinsOfUnpinned} pins of unpinned adds kept, ${pinsOfGone} found them gone, ${refused} adds refused (storage full)`)
})

test('a GC root registered with addGcRoots is kept by GC until it is removed', async () => {
  const node = await testNode({ offline: true })
  const entry = await addOne(node, 999, false)
  const remove = node.addGcRoots(() => [entry.cid])
  await collect(node.repo.gc())
  assert.equal(await concatBytes(node.cat(entry.cid)), entry.bytes, 'kept while a root')
  remove()
  const removed = (await collect(node.repo.gc())).filter(r => r.cid != null)
  assert.ok(removed.length > 0, 'removed once no longer a root')
  assert.is(await node.blockstore.hasBlock(entry.cid), false)
})

test.run()
