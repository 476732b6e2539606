/**
 * GC beside adds (issue 19): 20 GC rounds while adds, re-adds of garbage, pins of blocks already
 * stored and unpins run concurrently. Every add's DAG stays readable, every pin stays whole, GC
 * removes garbage, and adds start and finish while a GC is sweeping (they do not wait for it).
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { PREFIX_COUNT, PREFIX_TOUCH, prefixRange } from '../src/encoding.ts'
import { collect, smallDag, tempDir, walkDag } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'
import type { Block } from '@cairn/interface'
import type { Level } from 'level'
import type { CID } from 'multiformats/cid'

const test = suite('gc-concurrent')
const ROUNDS = 20
const WORKERS = 3

const dbOf = (store: CairnBlockstore): Level<Uint8Array, Uint8Array> => (store as unknown as { db: Level<Uint8Array, Uint8Array> }).db

test('20 GC rounds beside adds, re-adds, pins of stored blocks and unpins: nothing relied on is lost, adds run during GC', async () => {
  const dir = await tempDir('gc-concurrent')
  // Small sweep batches so that a GC takes many steps for adds to run between
  const store = await createBlockstore({ path: dir.path, inlineBytesMax: 1024, batchBlocksMax: 8 })
  const pinned = new Map<string, CID>()
  const garbage: Array<{ root: CID, blocks: Block[] }> = []
  let seed = 1
  let gcRunning = false
  let gcGeneration = 0
  let stop = false
  let addsWithinOneGc = 0
  let pinsOfStoredFailed = 0
  let removed = 0

  const assertWhole = async (root: CID, why: string): Promise<void> => {
    try {
      await walkDag(store, root)
    } catch (err) {
      throw new Error(`${why}: DAG of ${root} is not whole: ${(err as Error).message}`)
    }
  }

  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !stop; i++) {
      const generation = gcGeneration
      const duringGc = gcRunning
      const kind = (i + w) % 4
      if (kind === 0 || kind === 1) {
        // An add of a fresh DAG, or a re-add of a garbage DAG GC may be sweeping right now
        const dag = kind === 0 || garbage.length === 0 ? await smallDag(seed++, 4, 200 + (seed % 7) * 300) : garbage.splice(seed++ % garbage.length, 1)[0]
        await store.withAddLock(async () => {
          await store.putBlocks(dag.blocks)
          await store.pins.add(dag.root)
        })
        await assertWhole(dag.root, 'right after its add')
        pinned.set(dag.root.toString(), dag.root)
        if (duringGc && gcRunning && generation === gcGeneration) addsWithinOneGc++
      } else if (kind === 2 && garbage.length > 0) {
        // Pinning blocks stored earlier and never pinned: either they are still there (and stay),
        // or GC removed them first and the pin fails cleanly
        const dag = garbage.splice(seed++ % garbage.length, 1)[0]
        try {
          await store.pins.add(dag.root)
          await assertWhole(dag.root, 'right after pinning stored blocks')
          pinned.set(dag.root.toString(), dag.root)
        } catch (err) {
          if ((err as Error).name !== 'NotFoundError') throw err
          pinsOfStoredFailed++
          assert.is(await store.pins.isPinned(dag.root), undefined, 'a failed pin pins nothing')
        }
      } else {
        // Garbage (put without the add lock, never pinned), and now and then an unpin
        const dag = await smallDag(seed++, 3, 100 + (seed % 5) * 400)
        await store.putBlocks(dag.blocks)
        garbage.push(dag)
        if (pinned.size > 4 && i % 3 === 0) {
          const [key, root] = [...pinned][seed % pinned.size]
          pinned.delete(key)
          await store.pins.rm(root)
        }
      }
      await new Promise(resolve => setImmediate(resolve))
    }
  }

  const workers = Promise.all(Array.from({ length: WORKERS }, async (_, w) => worker(w)))
  try {
    for (let round = 0; round < ROUNDS; round++) {
      gcRunning = true
      for await (const _ of store.gc({ signal: AbortSignal.timeout(60_000) })) removed++
      gcRunning = false
      gcGeneration++
      for (const root of [...pinned.values()]) {
        if (pinned.has(root.toString())) await assertWhole(root, `after GC round ${round + 1}`)
      }
      await new Promise(resolve => setImmediate(resolve))
    }
  } finally {
    stop = true
    await workers
  }
  try {
    assert.ok(removed > 0, 'GC removed garbage')
    assert.ok(addsWithinOneGc > 0, `adds started and finished while one GC swept: ${addsWithinOneGc}`)
    for (const root of pinned.values()) await assertWhole(root, 'at the end')
    assert.equal(await collect(store.verify()), [])
    assert.equal(await collect(dbOf(store).keys({ ...prefixRange(PREFIX_TOUCH), limit: 1 })), [], 'no touch records after GC')
    // Unpinning everything then leaves no count behind (failed pins rolled back), and GC empties the store
    for (const { cid } of await collect(store.pins.ls({ type: 'recursive' }))) await store.pins.rm(cid)
    assert.equal(await collect(dbOf(store).keys({ ...prefixRange(PREFIX_COUNT), limit: 1 })), [])
    await collect(store.gc())
    assert.is((await store.stats()).blocks, 0)
    console.info(`  ${removed} blocks removed over ${ROUNDS} rounds; ${addsWithinOneGc} adds within one GC; ${pinsOfStoredFailed} pins of swept blocks failed cleanly`)
  } finally {
    await store.close()
    await dir.remove()
  }
})

test.run()
