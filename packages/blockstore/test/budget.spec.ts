/**
 * The storage budget (issue 19): with `storageMax` set, the store stays under it while three
 * times as much unpinned data flows through, evicting least recently used blocks first; pinned
 * blocks, blocks of adds in flight and what the GC roots reach are never evicted; when pinned
 * data alone fills the budget, puts fail with StorageFullError and the store stays consistent.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { hasCode } from '@cairn/interface'
import { createBlockstore } from '../src/index.ts'
import { collect, pseudoRandom, rawBlock, smallDag, tempDir, walkDag } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'
import type { Block } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

const test = suite('budget')
const KiB = 1024
const MAX = 1024 * KiB

async function blocks (seed: number, n: number, size: number): Promise<Block[]> {
  return Promise.all(Array.from({ length: n }, async (_, i) => rawBlock(pseudoRandom(size, seed * 10_000 + i))))
}

async function present (store: CairnBlockstore, list: Block[]): Promise<number> {
  let n = 0
  for (const b of list) if (await store.hasBlock(b.cid)) n++
  return n
}

/** Waits until no eviction runs (they run in the background past the watermark) */
async function settled (store: CairnBlockstore): Promise<void> {
  await store.evict({ targetBytes: Infinity })
  const budget = (store as unknown as { budget: { idle: () => Promise<void> } }).budget
  await budget.idle()
}

test('3x the budget of unpinned data flows through: never over StorageMax, pins kept, least recently used evicted first', async () => {
  const dir = await tempDir('budget-flow')
  // small packs, so that compaction after eviction gives the disk space back as well
  const store = await createBlockstore({ path: dir.path, storageMax: MAX, inlineBytesMax: 1024, packBytesMax: 128 * KiB })
  try {
    const pinned = await smallDag(1, 8, 16 * KiB)
    await store.putBlocks(pinned.blocks)
    await store.pins.add(pinned.root)
    const early = await blocks(2, 16, 16 * KiB)
    for (const b of early) await store.putBlock(b.cid, b.bytes)
    const middle = await blocks(3, 16, 16 * KiB)
    for (const b of middle) await store.putBlock(b.cid, b.bytes)
    // used after `middle` was put: the older `middle` goes first
    for (const b of early) await store.getBlock(b.cid)

    let flowed = 0
    let peak = 0
    for (let seed = 10; flowed < 3 * MAX; seed++) {
      const batch = await blocks(seed, 4, 8 * KiB)
      // one small block among them: inline and pack bodies are both budgeted
      batch.push(await rawBlock(pseudoRandom(512, seed)))
      await store.putBlocks(batch)
      flowed += batch.reduce((n, b) => n + b.bytes.byteLength, 0)
      const { bytes } = await store.stats()
      peak = Math.max(peak, bytes)
      assert.ok(bytes <= MAX, `${bytes} bytes stored after ${flowed} flowed: over StorageMax ${MAX}`)
      if (seed === 20) {
        // by now eviction reached `middle` but not `early`, used later
        await settled(store)
        assert.ok(await present(store, middle) < middle.length, 'older unused blocks were evicted')
        assert.is(await present(store, early), early.length, 'blocks read since were kept')
      }
    }
    await settled(store)
    const counters = store.counters()
    assert.ok(counters.evictions > 0 && counters.evictedBytes >= 2 * MAX, `evicted ${counters.evictedBytes} bytes in ${counters.evictions} runs`)
    assert.is(counters.refusals, 0, 'no put was refused: there was always something to evict')
    await walkDag(store, pinned.root)
    assert.equal(await collect(store.verify()), [])
    console.info(`  ${flowed} bytes flowed through a ${MAX} byte budget; peak ${peak}; ${counters.evictions} evictions`)
  } finally {
    await store.close()
    await dir.remove()
  }
})

test('pinned data alone fills the budget: puts fail with ERR_STORAGE_FULL, reads go on, unpinning makes room', async () => {
  const dir = await tempDir('budget-full')
  const store = await createBlockstore({ path: dir.path, storageMax: 256 * KiB, inlineBytesMax: 1024 })
  try {
    const dag = await smallDag(5, 14, 16 * KiB)
    await store.putBlocks(dag.blocks)
    await store.pins.add(dag.root)
    const more = await blocks(6, 4, 16 * KiB)
    let refused: unknown
    try {
      await store.putBlocks(more)
    } catch (err) {
      refused = err
    }
    assert.ok(hasCode(refused, 'ERR_STORAGE_FULL'), `StorageFullError, got ${String(refused)}`)
    assert.match((refused as Error).message, /Datastore\.StorageMax/)
    assert.is(await present(store, more), 0, 'nothing of the refused put was stored')
    assert.ok((await store.stats()).bytes <= 256 * KiB)
    await walkDag(store, dag.root)
    assert.equal(await collect(store.verify()), [])
    assert.is(store.counters().refusals, 1)

    await store.pins.rm(dag.root)
    await store.putBlocks(more)
    assert.is(await present(store, more), more.length, 'once unpinned, eviction made room')
    assert.ok((await store.stats()).bytes <= 256 * KiB)
  } finally {
    await store.close()
    await dir.remove()
  }
})

test('eviction never removes what an add in flight wrote or found stored, nor what the GC roots reach', async () => {
  const dir = await tempDir('budget-inflight')
  let rootOf: CID | undefined
  const store = await createBlockstore({
    path: dir.path,
    storageMax: 512 * KiB,
    inlineBytesMax: 1024,
    gcRoots: () => rootOf == null ? [] : [rootOf]
  })
  try {
    // a DAG reached only from a GC root (as MFS's), and one stored earlier that an add re-adds
    const rooted = await smallDag(7, 6, 16 * KiB)
    await store.putBlocks(rooted.blocks)
    rootOf = rooted.root
    const reAdded = await smallDag(8, 4, 16 * KiB)
    await store.putBlocks(reAdded.blocks)

    const add = await smallDag(9, 8, 16 * KiB)
    let release!: () => void
    const held = new Promise<void>(resolve => { release = resolve })
    const adding = store.withAddLock(async () => {
      await store.putBlocks(add.blocks.slice(0, 4))
      await store.putBlocks(reAdded.blocks)
      await held
      await store.putBlocks(add.blocks.slice(4))
      await store.pins.add(add.root)
      await store.pins.add(reAdded.root)
    })
    // meanwhile unpinned data well past the budget: eviction runs, and runs again
    for (let seed = 20; seed < 60; seed++) await store.putBlocks(await blocks(seed, 2, 16 * KiB))
    await settled(store)
    assert.ok(store.counters().evictions >= 2, 'evictions ran while the add was in flight')
    release()
    await adding
    await walkDag(store, add.root)
    await walkDag(store, reAdded.root)
    await walkDag(store, rooted.root)
    // GC also keeps what the roots reach, and drops it once they no longer do
    await collect(store.gc())
    await walkDag(store, rooted.root)
    rootOf = undefined
    await collect(store.gc())
    assert.is(await present(store, rooted.blocks), 0)
    assert.equal(await collect(store.verify()), [])
  } finally {
    await store.close()
    await dir.remove()
  }
})

test('a store opened without a budget drops its use index; the next open with one rebuilds it', async () => {
  const dir = await tempDir('budget-reopen')
  try {
    let store = await createBlockstore({ path: dir.path, inlineBytesMax: 1024 })
    const old = await blocks(30, 40, 16 * KiB)
    await store.putBlocks(old)
    await store.close()
    store = await createBlockstore({ path: dir.path, inlineBytesMax: 1024, storageMax: 512 * KiB })
    try {
      // over the budget at open: eviction starts by itself and brings it under
      await settled(store)
      assert.ok((await store.stats()).bytes <= 512 * KiB * 0.9, `${(await store.stats()).bytes} bytes after the open-time eviction`)
      assert.equal(await collect(store.verify()), [])
    } finally {
      await store.close()
    }
  } finally {
    await dir.remove()
  }
})

test.run()
