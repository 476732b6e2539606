/**
 * The fault matrix: every step where the store writes the disk (index batches, before and after
 * they land; pack creation, appends, fdatasyncs, the pack folder's fsync and deletions) fails in turn, with
 * ENOSPC or EIO, during an add, a pin, an unpin with GC, and a pack compaction. After each: the
 * store recovers without a restart (the next write succeeds), and after a reopen every
 * acknowledged pin's DAG reads back byte-exact, `verify()` is clean and the counters are exact.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { collect, pseudoRandom, rawBlock, smallDag, tempDir } from './fixtures/blocks.ts'
import { assertInvariants } from './fixtures/invariants.ts'
import type { AckedDag } from './fixtures/invariants.ts'
import type { CairnBlockstore, FaultPoint } from '../src/index.ts'

const test = suite('faults')

/** A fault armed at the n-th time the store reaches `point` */
class Faults {
  armed?: { point: FaultPoint, n: number, code: string }
  hits = 0
  fired = false
  readonly hook = (point: FaultPoint): void => {
    if (this.armed == null || point !== this.armed.point) return
    if (++this.hits !== this.armed.n) return
    this.fired = true
    const err = new Error(`${this.armed.code}: injected at ${point} #${this.armed.n}`) as NodeJS.ErrnoException
    err.code = this.armed.code
    throw err
  }

  arm (point: FaultPoint, n: number, code: string): void {
    this.armed = { point, n, code }
    this.hits = 0
    this.fired = false
  }

  disarm (): void {
    this.armed = undefined
  }
}

// Small packs and inline limit, so that every scenario touches packs, roll-overs and compaction
const OPTIONS = { inlineBytesMax: 2048, packBytesMax: 40_000, reserveBytes: 64 * 1024 }

async function pinDag (store: CairnBlockstore, dag: AckedDag): Promise<void> {
  await store.withAddLock(async () => {
    await store.putBlocks(dag.blocks)
    await store.pins.add(dag.root)
  })
}

interface Scenario {
  name: string
  /** Runs without faults; returns the pins acknowledged so far */
  setup: (store: CairnBlockstore, seed: number) => Promise<Map<string, AckedDag>>
  /** Runs with the fault armed; updates `acked` as soon as each pin or unpin is acknowledged */
  run: (store: CairnBlockstore, acked: Map<string, AckedDag>, seed: number) => Promise<void>
}

const scenarios: Scenario[] = [{
  name: 'add',
  setup: async (store, seed) => {
    const first = await smallDag(seed, 3, 9000)
    await pinDag(store, first)
    return new Map([[first.root.toString(), first]])
  },
  run: async (store, acked, seed) => {
    const dag = await smallDag(seed + 1, 4, 7000)
    await pinDag(store, dag)
    acked.set(dag.root.toString(), dag)
  }
}, {
  name: 'pin',
  setup: async (store, seed) => {
    const dag = await smallDag(seed + 1, 4, 7000)
    await store.putBlocks(dag.blocks)
    return new Map()
  },
  run: async (store, acked, seed) => {
    const dag = await smallDag(seed + 1, 4, 7000)
    await store.pins.add(dag.root)
    acked.set(dag.root.toString(), dag)
  }
}, {
  name: 'unpin and GC',
  setup: async (store, seed) => {
    const a = await smallDag(seed, 3, 9000)
    const b = await smallDag(seed + 1, 3, 500)
    await pinDag(store, a)
    await pinDag(store, b)
    const loose = await rawBlock(pseudoRandom(5000, seed))
    await store.putBlock(loose.cid, loose.bytes)
    return new Map([[a.root.toString(), a], [b.root.toString(), b]])
  },
  run: async (store, acked) => {
    // An unpin that fails may or may not have landed: either way is right, so it is no longer required
    const [first] = acked.values()
    acked.delete(first.root.toString())
    await store.pins.rm(first.root)
    await collect(store.gc())
  }
}, {
  name: 'compaction',
  setup: async (store, seed) => {
    // Four DAGs in the one active pack (4 x 10 kB of bodies), three unpinned: the pack is three
    // quarters dead, so compaction seals it, copies the live bodies into a new pack (created,
    // written, fdatasync'ed, its name flushed to the folder) and deletes it. With 8 kB leaves the
    // DAGs were split over two packs each half live, and compaction only deleted the dead one
    const dags = await Promise.all([0, 1, 2, 3].map(async i => smallDag(seed + i, 2, 5000)))
    for (const dag of dags) await pinDag(store, dag)
    for (const dag of dags.slice(1)) await store.pins.rm(dag.root)
    return new Map([[dags[0].root.toString(), dags[0]]])
  },
  run: async (store) => {
    await collect(store.gc())
  }
}]

// dir-sync: the fsync of the pack folder that makes a new pack's name durable (at an add's
// acknowledgement, and after compaction made a pack)
const POINTS: FaultPoint[] = ['index-write', 'index-written', 'pack-create', 'pack-write', 'pack-sync', 'dir-sync', 'pack-unlink']
/** Which scenarios reached each point (a fault fired there at least once) */
const reached = new Map<FaultPoint, Set<string>>(POINTS.map(p => [p, new Set()]))
/** Bounds one (scenario, point) pair: no scenario reaches a point more often than this */
const HITS_MAX = 40

for (const scenario of scenarios) {
  test(`a fault at every disk step of ${scenario.name} loses nothing acknowledged`, async () => {
    const dir = await tempDir(`faults-${scenario.name.replace(/\W+/g, '-')}`)
    const faults = new Faults()
    let cases = 0
    try {
      for (const point of POINTS) {
        for (let n = 1; n <= HITS_MAX; n++) {
          const code = n % 2 === 1 ? 'ENOSPC' : 'EIO'
          const context = `${scenario.name}, ${code} at ${point} #${n}`
          const path = `${dir.path}/${cases++}`
          // pack-sync happens only in synced stores (and in GC's compaction): cover both
          let store = await createBlockstore({ path, ...OPTIONS, sync: point === 'pack-sync' && scenario.name !== 'compaction', faults: faults.hook })
          let acked: Map<string, AckedDag>
          try {
            acked = await scenario.setup(store, cases)
            faults.arm(point, n, code)
            let error: Error | undefined
            try {
              await scenario.run(store, acked, cases)
            } catch (err) {
              error = err as Error
            }
            faults.disarm()
            if (error != null) {
              assert.ok(faults.fired, `${context}: failed without the fault: ${error.message}`)
              assert.ok(['NoSpaceError', 'StoreWriteError'].includes(error.name), `${context}: typed error, got ${error.name}: ${error.message}`)
              assert.is((error as any).code, code === 'ENOSPC' ? 'ERR_NO_SPACE' : 'ERR_STORE_WRITE', context)
            }
            // Recovers without a restart: the next add goes through, and reads went on
            const after = await smallDag(cases + 500, 2, 3000)
            await pinDag(store, after)
            acked.set(after.root.toString(), after)
            await assertInvariants(store, acked.values(), `${context}, before reopening`)
            // A GC after the fault leaves everything acknowledged in place too
            await collect(store.gc())
          } finally {
            await store.close()
          }
          store = await createBlockstore({ path, ...OPTIONS })
          try {
            await assertInvariants(store, acked.values(), `${context}, reopened`)
          } finally {
            await store.close()
          }
          if (!faults.fired) break
          reached.get(point)?.add(scenario.name)
        }
      }
      assert.ok(cases > POINTS.length, `${cases} cases run`)
    } finally {
      await dir.remove()
    }
  })
}

test('the matrix reached every disk step it names, the folder flush in adds and compaction', () => {
  for (const [point, names] of reached) assert.ok(names.size > 0, `no scenario reached ${point}`)
  for (const point of ['pack-create', 'pack-write', 'pack-sync', 'dir-sync', 'pack-unlink'] as const) {
    assert.ok(reached.get(point)?.has('compaction'), `compaction never reached ${point}`)
  }
  assert.ok(reached.get('dir-sync')?.has('add'), 'an add never reached the folder flush')
})

test.run()
