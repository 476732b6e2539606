/**
 * Power loss, modelled for the files the store writes itself: its packs and their folder. A
 * power cut keeps of each pack only what an fdatasync covered, and of the folder only the names
 * an fsync of it covered; the rest is gone (truncated) or torn (garbage). LevelDB's own files are
 * not modelled: LevelDB syncs its log when asked (`sync: true`), which the store does at every
 * acknowledgement point and GC commit.
 *
 * Seeded rounds of adds (acknowledged once `withAddLock` returns), loose puts (never
 * acknowledged), unpins and GCs with pack compaction, each ended by a power cut (some in the
 * middle of a GC, at a seeded disk step); after each cut the store reopens, GC clears what
 * the cut broke, and every acknowledged pin's DAG must read back byte-exact with `verify()`
 * clean and the counters exact. CAIRN_POWER_SEED=<n> reproduces a run.
 *
 * Without the syncs at acknowledgement (packs were never synced with `sync: false`) or the fsync
 * of the pack folder after a pack is made, acknowledged blocks are lost here.
 */
import { open, readdir, stat, truncate, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { collect, pseudoRandom, rawBlock, smallDag, tempDir } from './fixtures/blocks.ts'
import { assertInvariants } from './fixtures/invariants.ts'
import type { AckedDag } from './fixtures/invariants.ts'
import type { CairnBlockstore, FaultDetail, FaultPoint } from '../src/index.ts'

const test = suite('power loss')

const SEED = Number(process.env.CAIRN_POWER_SEED ?? Date.now() % 100_000)
const ROUNDS = 14
// small packs and a high compaction ratio, so rounds make, fill, compact and delete packs
const OPTIONS = { inlineBytesMax: 2048, packBytesMax: 120_000, packLiveRatioMin: 0.9, reserveBytes: 0 }

class PowerCut extends Error {
  override name = 'PowerCut'
}

/** What the disk has made durable of the packs, as the store's fault hook reports it */
class DurableModel {
  /** pack -> bytes an fdatasync covered */
  readonly synced = new Map<number, number>()
  /** packs whose names an fsync of the folder covered (and those found at open) */
  readonly named = new Set<number>()
  /** packs made since the folder's last fsync began */
  readonly unnamed = new Set<number>()
  #naming = new Set<number>()
  /** Throws PowerCut at the n-th disk step, when armed */
  cutAt?: number
  steps = 0
  cut = false

  readonly hook = (point: FaultPoint, detail?: FaultDetail): void => {
    if (this.cut) throw new PowerCut(`the power is off (${point})`)
    if (this.cutAt != null && ++this.steps === this.cutAt) {
      this.cut = true
      throw new PowerCut(`power cut at ${point}`)
    }
    const pack = detail?.pack
    if (point === 'pack-create' && pack != null) this.unnamed.add(pack)
    if (point === 'dir-sync') this.#naming = new Set(this.unnamed)
    if (point === 'dir-synced') {
      for (const id of this.#naming) { this.named.add(id); this.unnamed.delete(id) }
    }
    if (point === 'pack-synced' && pack != null) this.synced.set(pack, Math.max(this.synced.get(pack) ?? 0, detail?.length ?? 0))
  }

  /** Applies the cut to the pack folder; `torn`: unsynced bytes become garbage instead of vanishing */
  async apply (dir: string, torn: boolean, seed: number): Promise<{ lostFiles: number, lostBytes: number }> {
    let lostFiles = 0
    let lostBytes = 0
    for (const name of await readdir(dir)) {
      const m = /^(\d+)\.pack$/.exec(name)
      if (m == null) continue
      const id = Number(m[1])
      const path = join(dir, name)
      if (!this.named.has(id)) {
        lostFiles++
        await unlink(path)
        continue
      }
      const size = (await stat(path)).size
      const keep = Math.min(size, this.synced.get(id) ?? 0)
      if (keep === size) continue
      lostBytes += size - keep
      if (torn) {
        const fh = await open(path, 'r+')
        await fh.write(pseudoRandom(size - keep, seed + id), 0, size - keep, keep)
        await fh.close()
      } else {
        await truncate(path, keep)
      }
    }
    return { lostFiles, lostBytes }
  }

  /** After the cut, what is on disk is what is durable */
  async restart (dir: string): Promise<void> {
    this.synced.clear()
    this.named.clear()
    this.unnamed.clear()
    this.#naming.clear()
    this.cutAt = undefined
    this.steps = 0
    this.cut = false
    for (const name of await readdir(dir)) {
      const m = /^(\d+)\.pack$/.exec(name)
      if (m == null) continue
      this.named.add(Number(m[1]))
      this.synced.set(Number(m[1]), (await stat(join(dir, name))).size)
    }
  }
}

function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

test(`acknowledged adds survive power cuts between and inside GCs (seed ${SEED})`, async () => {
  const dir = await tempDir('power-loss')
  const packsDir = join(dir.path, 'packs')
  const model = new DurableModel()
  const random = prng(SEED)
  const acked = new Map<string, AckedDag>()
  let store: CairnBlockstore = await createBlockstore({ path: dir.path, ...OPTIONS, faults: model.hook })
  let lost = 0
  let cutsInGc = 0
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const seed = SEED * 1000 + round * 10
      const ops = 2 + Math.floor(random() * 3)
      for (let i = 0; i < ops; i++) {
        const r = random()
        if (r < 0.45) {
          // an add: large leaves go to packs, the root inline
          const dag = await smallDag(seed + i, 2 + Math.floor(random() * 4), 3000 + Math.floor(random() * 40_000))
          await store.withAddLock(async () => {
            await store.putBlocks(dag.blocks)
            await store.pins.add(dag.root)
          })
          acked.set(dag.root.toString(), dag)
        } else if (r < 0.75) {
          // bytes nobody acknowledged: a fetch's blocks, an add still running
          const loose = await Promise.all(Array.from({ length: 3 }, async (_, k) => rawBlock(pseudoRandom(5000 + k * 9000, seed + 100 + i * 7 + k))))
          await store.putBlocks(loose)
        } else if (acked.size > 0) {
          const roots = [...acked.keys()]
          const root = roots[Math.floor(random() * roots.length)]
          await store.pins.rm((acked.get(root) as AckedDag).root)
          acked.delete(root)
        }
      }
      // most rounds GC; some lose power at a seeded step inside it
      const inGc = random() < 0.4
      if (inGc) {
        model.cutAt = 1 + Math.floor(random() * 12)
        model.steps = 0
      }
      if (inGc || random() < 0.6) {
        try {
          await collect(store.gc())
        } catch (err) {
          if (!model.cut) throw err
        }
      }
      if (model.cut) {
        cutsInGc++
      } else {
        model.cutAt = undefined
        // a fetch's blocks still in the page cache when the power goes: the cut must take them
        const tail = await rawBlock(pseudoRandom(6000 + Math.floor(random() * 20_000), seed + 9))
        await store.putBlock(tail.cid, tail.bytes)
      }
      // the power goes: nothing more reaches the disk, and what the disk did not sync is lost
      model.cut = true
      await store.close().catch(() => {})
      const { lostFiles, lostBytes } = await model.apply(packsDir, round % 2 === 1, seed)
      lost += lostFiles + lostBytes
      await model.restart(packsDir)
      store = await createBlockstore({ path: dir.path, ...OPTIONS, faults: model.hook })
      // what the cut broke was never acknowledged: a GC clears it
      await collect(store.gc())
      await assertInvariants(store, acked.values(), `seed ${SEED}, round ${round}`)
    }
    // the model did cut something, or it proved nothing
    assert.ok(lost > 0, 'the power cuts discarded unsynced pack bytes')
    process.stdout.write(`power loss (seed ${SEED}): ${ROUNDS} cuts, ${cutsInGc} inside a GC\n`)
  } finally {
    await store.close().catch(() => {})
    await dir.remove()
  }
})

test('sync() makes a pack and its name durable: a cut right after it loses nothing', async () => {
  const dir = await tempDir('power-sync')
  const model = new DurableModel()
  let store = await createBlockstore({ path: dir.path, ...OPTIONS, faults: model.hook })
  try {
    const dag = await smallDag(5, 4, 30_000)
    await store.putBlocks(dag.blocks)
    await store.sync()
    const loose = await rawBlock(pseudoRandom(20_000, 6))
    await store.putBlock(loose.cid, loose.bytes)
    model.cut = true
    await store.close()
    const { lostFiles, lostBytes } = await model.apply(join(dir.path, 'packs'), false, 1)
    assert.ok(lostFiles + lostBytes > 0, 'the put after sync() was not durable, and was cut')
    await model.restart(join(dir.path, 'packs'))
    store = await createBlockstore({ path: dir.path, ...OPTIONS, faults: model.hook })
    for (const block of dag.blocks) assert.ok(Buffer.from(await store.getBlock(block.cid)).equals(block.bytes), `${block.cid} survived`)
  } finally {
    await store.close().catch(() => {})
    await dir.remove()
  }
})

test.run()
