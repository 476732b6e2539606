import { AbortError, InvalidParametersError, hasCode } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import {
  PREFIX_BLOCK, PREFIX_COUNT, PREFIX_DIRECT, decodeBlockRecord, decodeMultihash, encodePacked, multihashLength,
  prefixRange, recordCid
} from './encoding.ts'
import { freeBytes } from './reserve.ts'
import type { BlockRecord } from './encoding.ts'
import type { BatchOp, Db, IndexLedger, PackLive } from './ledger.ts'
import type { GcLock, Mutex } from './locks.ts'
import type { PackFiles } from './packs.ts'
import type { Reserve } from './reserve.ts'
import type { GcTouches } from './touches.ts'
import type { BlockstoreLogger, GcOptions } from './index.ts'
import type { AbortOptions } from '@cairn/interface'

/** What GC needs of the store: its index, packs, locks and its one delete path */
export interface GcHost {
  readonly path: string
  readonly log: BlockstoreLogger
  readonly ledger: IndexLedger
  readonly packs: PackFiles
  readonly reserve: Reserve
  readonly gcLock: GcLock
  readonly gcRuns: Mutex
  readonly touches: GcTouches
  /** `settled(fn)` runs `fn` with no pin walk in progress or left over from a crash */
  readonly pins: { settled: <T>(fn: () => Promise<T>) => Promise<T> }
  readonly closed: boolean
  /** Blocks swept (and bodies moved) per index commit */
  readonly batchBlocksMax: number
  readonly packLiveRatioMin: number
  deleteBlocks(cids: CID[], options: AbortOptions & { keepTouched?: boolean, sync?: boolean, freed?: { bytes: number } }): Promise<CID[]>
  /** Touches the DAGs of the GC roots (BlockstoreInit.gcRoots) so that this sweep keeps them */
  markRoots(options: AbortOptions): Promise<void>
  /** Adds the bytes a GC removed to the store's counters */
  countGcFreed(bytes: number): void
  /** One pack compaction at a time (GC and eviction both compact) */
  readonly compaction: Mutex
  /** A body read and checked, as `getBlock` returns it */
  readBody(cid: CID, record: BlockRecord): Promise<Uint8Array>
  assertOpen(): void
}

/** Below this much free space GC releases the reserve before it starts: its commits need room */
const GC_ROOM_BYTES = 4 * 1024 * 1024

type Snapshot = ReturnType<Db['snapshot']>
type KeyIterator = ReturnType<Db['keys']>

/**
 * Longest a sweep batch waits for the adds in progress to finish before it goes anyway; it waits
 * no longer than the last batch took either, so that GC keeps at least half of the time when adds
 * never stop
 */
const YIELD_TO_ADDS_MS = 100

/**
 * Blocks removed per sweep commit: small, because an add that arrives meanwhile waits for the
 * commit under way (the index write lock) before its own
 */
const SWEEP_BATCH = 64

/** Keys read from the index per iterator step */
const SCAN_STEP = 1024

/**
 * Mark and sweep beside adds: every block without a pin reference or a direct pin is removed, a
 * batch per commit, then empty packs are deleted and mostly-dead packs compacted.
 *
 * GC is how a full disk gets space back, so it runs on one: it first leaves the failed state
 * (reopening the index) and releases the reserve when room is short, and makes the reserve again
 * at the end if the space it freed allows. Every GC commit is synced: a pack is deleted only once
 * the index changes that stop naming it are durable.
 *
 * Memory does not grow with the repo: the marks are the reference counts already in the index
 * ('c' keys, kept by the pin walks) and the direct pins ('d' keys), and the sweep reads them side
 * by side with the block records ('b' keys), all three in key order, from one LevelDB snapshot
 * (a merge join): what it holds is one scan step of each, and one sweep batch.
 *
 * Adds do not wait for the sweep. GC holds the GC lock exclusively only to start: that waits for
 * the adds already running (they hold it shared until they have pinned), then it starts recording
 * touches (touches.ts) and takes its snapshot while no pin walk runs (`pins.settled`, which also
 * completes a walk a crash left behind), and lets adds go. From then on:
 *
 * - a block the snapshot shows pinned is never swept;
 * - a block put after the snapshot is not in it, so it is not swept;
 * - a block the snapshot shows unpinned is swept only if nobody touched it, checked under the
 *   write lock in the same step as its delete. Everyone who starts relying on a stored block
 *   during the sweep (a put finding it present, a pin walk about to count it, a direct pin)
 *   touches it under that lock first and only then looks: if the touch came first the sweep keeps
 *   the block; if the delete came first the look finds it gone, and the put stores it again, the
 *   pin fetches it or fails cleanly. No add or pin ever relies on a block this GC removes;
 * - adds that were running when GC began have finished (they pinned, so the snapshot shows it, or
 *   gave up); pins removed after the snapshot only make this GC keep what the next one removes.
 */
export async function * collectGarbage (store: GcHost, options: GcOptions = {}): AsyncGenerator<CID> {
  if (store.gcLock.heldShared) {
    throw new InvalidParametersError('gc() called while holding the add lock would wait for itself')
  }
  store.assertOpen()
  const endRun = await store.gcRuns.lock()
  let first: SweepSnapshot | undefined
  let touching = false
  const freed = { bytes: 0 }
  try {
    const release = await store.gcLock.exclusive()
    try {
      gcContinue(store, options)
      await store.ledger.recover(true)
      if (store.reserve.present && await freeBytes(store.path) < GC_ROOM_BYTES) await store.reserve.release('room for GC on a full disk')
      store.touches.begin()
      touching = true
      first = await takeSnapshot(store)
    } finally {
      release()
    }
    // The DAGs of GC roots (MFS) are touched, so the sweep keeps them as it keeps pinned ones
    await store.markRoots(options)
    // Sweep in batches: each batch is one index commit, like a delete. Not synced one by one: each
    // fsync would hold every add's index write behind it (the adds' latency during GC); one synced
    // commit after the sweep makes them all durable before compaction may delete a pack
    let batch: CID[] = []
    const sweep = { ...options, keepTouched: true, sync: false, freed }
    let lastBatchMs = 0
    let addsSeen = store.gcLock.taken
    for await (const mh of unpinnedBlocks(store, first, options)) {
      batch.push(CID.createV1(0x55, decodeMultihash(mh)))
      if (batch.length >= Math.min(SWEEP_BATCH, store.batchBlocksMax)) {
        // While adds are coming, GC rests as long as its last batch took: adds then find the
        // index free at least half of the time, and GC's own load (index writes, LevelDB's
        // compaction of its deletes, CPU) is halved on a machine that adds share
        if (store.gcLock.taken !== addsSeen) await rest(Math.min(YIELD_TO_ADDS_MS, lastBatchMs), options)
        addsSeen = store.gcLock.taken
        await store.gcLock.quiet(Math.min(YIELD_TO_ADDS_MS, lastBatchMs))
        const started = performance.now()
        const removed = await store.deleteBlocks(batch, sweep)
        lastBatchMs = performance.now() - started
        yield * removed
        batch = []
        gcContinue(store, options)
      }
    }
    if (batch.length > 0) yield * await store.deleteBlocks(batch, sweep)
    await durable(store)
    gcContinue(store, options)
    await store.compaction.run(async () => { await compactPacks(store, options) })
    await store.reserve.ensure()
  } catch (err) {
    // close() shuts open iterators: whatever that broke mid-step is the close, said plainly
    if (store.closed && !hasCode(err, AbortError.code)) throw new AbortError(`GC stopped: block store at ${store.path} was closed`, { cause: err })
    throw err
  } finally {
    await first?.snapshot.close().catch(() => {})
    // Stale touch records only make a later GC keep more; a closed store drops them next time
    if (touching) await store.touches.end().catch(() => {})
    store.countGcFreed(freed.bytes)
    endRun()
  }
}

interface SweepSnapshot {
  snapshot: Snapshot
  /** The index's reopen count before the snapshot was taken: a higher one means it was cut off */
  reopens: number
}

/** A snapshot of the index with no pin walk running (the caller holds the GC lock exclusively) */
async function takeSnapshot (store: GcHost): Promise<SweepSnapshot> {
  // read first: a reopen that starts later is seen, one in progress is waited for
  const reopens = store.ledger.reopens
  await store.ledger.ready()
  return { snapshot: await store.pins.settled(async () => store.ledger.db.snapshot()), reopens }
}

/**
 * Multihashes of the blocks no pin needs, from a snapshot of the index: block keys merged, in key
 * order, against the multihashes of reference counts and direct pins. Their keys are multihash ‖
 * codec, and a multihash is self-delimiting (varint code, varint length, digest), so two different
 * multihashes first differ inside both and the keys sort exactly as their multihashes do.
 *
 * The index may be closed and reopened under the sweep (after anyone's failed write: README "What
 * the store guarantees", 3), which closes the snapshot and its iterators. The sweep then takes a
 * new snapshot as GC took the first (holding the GC lock exclusively) and goes on after the last
 * block key it gave, so the GC ends with the whole sweep done rather than with LevelDB's "iterator is not open". A new snapshot is as safe as
 * the first: touches have been recorded since before the first one, and taking it waits, as at the
 * start, for the adds under way to pin (a block they put since the first snapshot is in the new
 * one, unpinned until they pin, and not touched, since it was new).
 */
async function * unpinnedBlocks (store: GcHost, first: SweepSnapshot, options: AbortOptions): AsyncGenerator<Uint8Array> {
  const { ledger } = store
  let after: Uint8Array | undefined
  for (let taken: SweepSnapshot | undefined = first; ; taken = undefined) {
    if (taken == null) {
      const release = await store.gcLock.exclusive()
      try {
        taken = await takeSnapshot(store)
      } finally {
        release()
      }
    }
    const { snapshot, reopens } = taken
    const db = ledger.db
    const range = prefixRange(PREFIX_BLOCK)
    const open: Array<{ close: () => Promise<void> }> = [snapshot]
    try {
      const counted = new MultihashCursor(db.keys({ ...prefixRange(PREFIX_COUNT), snapshot }))
      open.push(counted)
      const direct = new MultihashCursor(db.keys({ ...prefixRange(PREFIX_DIRECT), snapshot }))
      open.push(direct)
      const blocks = db.keys({ ...(after == null ? range : { gt: after, lt: range.lt }), snapshot })
      open.push(blocks)
      for (;;) {
        gcContinue(store, options)
        const keys = await blocks.nextv(SCAN_STEP) as Uint8Array[]
        if (keys.length === 0) return
        for (const key of keys) {
          const mh = key.subarray(1)
          const pinned = await counted.reaches(mh) || await direct.reaches(mh)
          after = key
          if (!pinned) yield mh
        }
      }
    } catch (err) {
      // anything but a reopen since this snapshot was taken is the GC's failure
      if (ledger.reopens === reopens || store.closed) throw err
      store.log('the index was reopened during the sweep; going on from a new snapshot - %e', err)
    } finally {
      // iterators before their snapshot; after a reopen they are closed already
      for (const o of open.reverse()) await o.close().catch(() => {})
    }
  }
}

/** Walks the multihashes of one pin key range forward, in key order, a scan step at a time */
class MultihashCursor {
  readonly #keys: KeyIterator
  #buffer: Uint8Array[] = []
  #at = 0
  #ended = false

  constructor (keys: KeyIterator) {
    this.#keys = keys
  }

  /** Moves past every multihash below `mh`; true if the range holds `mh` itself */
  async reaches (mh: Uint8Array): Promise<boolean> {
    for (;;) {
      if (this.#at === this.#buffer.length) {
        if (this.#ended) return false
        this.#buffer = await this.#keys.nextv(SCAN_STEP) as Uint8Array[]
        this.#at = 0
        if (this.#buffer.length === 0) {
          this.#ended = true
          return false
        }
      }
      const key = this.#buffer[this.#at]
      const order = Buffer.compare(key.subarray(1, 1 + multihashLength(key, 1)), mh)
      if (order === 0) return true
      if (order > 0) return false
      this.#at++
    }
  }

  async close (): Promise<void> {
    await this.#keys.close()
  }
}

/**
 * Reclaims dead pack space: deletes packs with no live body, then copies the live bodies of packs
 * that are mostly dead into the active pack and deletes the old pack, one pack at a time so that
 * a nearly full disk gets room back as it goes. Copies are committed like puts (body written and
 * fdatasync'ed first, index moved in one synced batch), only for records that still point at the
 * old place, so concurrent puts and deletes stay correct.
 */
export async function compactPacks (store: GcHost, options: AbortOptions): Promise<void> {
  const { ledger, packs } = store
  const empty: number[] = []
  const sparse: number[] = []
  for (const id of await packs.list()) {
    const live = ledger.packLive.get(id)
    let size: number
    try {
      size = await packs.sizeOf(id)
    } catch (err) {
      // A pack gone missing: nothing to reclaim; verify() reports the blocks it held
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw err
    }
    const dead = live == null || live.blocks === 0 || live.bytes < size * store.packLiveRatioMin
    if (!dead) continue
    // The active pack too, once mostly dead: appends move on to a fresh pack
    if (id === packs.activeId) await packs.seal(id)
    if (packs.isBusy(id)) continue
    if (live == null || live.blocks === 0) empty.push(id)
    else sparse.push(id)
  }
  if (empty.length + sparse.length === 0) return
  store.log('compacting packs %s; deleting empty packs %s', sparse.join(', '), empty.join(', '))
  for (const id of empty) {
    gcContinue(store, options)
    await dropIfEmpty(store, id)
  }
  for (const id of sparse) {
    gcContinue(store, options)
    await moveLiveBodies(store, id, options)
    await dropIfEmpty(store, id)
  }
}

/** Copies the live bodies of pack `id` to the active pack, a batch at a time */
async function moveLiveBodies (store: GcHost, id: number, options: AbortOptions): Promise<void> {
  const { ledger, packs } = store
  let moving: Array<{ key: Uint8Array, cid: CID, record: BlockRecord & { kind: 'pack' } }> = []
  const flush = async (): Promise<void> => {
    if (moving.length === 0) return
    // Read checked (checksum or hash), so a bad body is never copied under a fresh checksum
    const bodies: Uint8Array[] = []
    for (const m of moving) bodies.push(await store.readBody(m.cid, m.record))
    const locations = await packs.append(bodies, true)
    try {
      await ledger.writeLock.run(async () => {
        const current = await ledger.db.getMany(moving.map(m => m.key))
        const ops: BatchOp[] = []
        const counters = new Map<number, PackLive>()
        moving.forEach((m, i) => {
          const value = current[i]
          if (value == null) return
          const now = decodeBlockRecord(value)
          if (now.kind !== 'pack' || now.pack !== m.record.pack || now.offset !== m.record.offset) return
          ops.push({ type: 'put', key: m.key, value: encodePacked(m.cid, locations[i]) })
          ledger.bumpPack(counters, m.record.pack, -1, -m.record.size)
          ledger.bumpPack(counters, locations[i].pack, 1, locations[i].size)
        })
        if (ops.length > 0) await ledger.commit(ops, counters, ledger.blocks, ledger.bytes, true)
      })
    } finally {
      packs.settle(locations[0].pack)
    }
    moving = []
  }
  // `scan` goes on through a reopen of the index; each move re-checks the record under the lock
  for await (const [key, value] of ledger.scan(prefixRange(PREFIX_BLOCK))) {
    gcContinue(store, options)
    const record = decodeBlockRecord(value)
    if (record.kind !== 'pack' || record.pack !== id) continue
    moving.push({ key, cid: recordCid(key.subarray(1), record), record })
    if (moving.length >= store.batchBlocksMax) await flush()
  }
  await flush()
}

/** Deletes pack `id` if nothing lives in it any more: its 'P' key durably first, then the file */
async function dropIfEmpty (store: GcHost, id: number): Promise<void> {
  const { ledger, packs } = store
  const emptied = await ledger.writeLock.run(async () => {
    const live = ledger.packLive.get(id)
    if (packs.isBusy(id) || (live != null && live.blocks > 0)) return false
    if (live != null) await ledger.dropPack(id)
    return true
  })
  if (emptied) await packs.remove(id)
}

/**
 * Makes every index write before it durable: one synced commit (of the counters, unchanged).
 * The ledger syncs every LevelDB log before a synced write, so it covers the writes before it,
 * also those in a log LevelDB closed unsynced when it switched logs (see `IndexLedger.write`)
 */
async function durable (store: GcHost): Promise<void> {
  const { ledger } = store
  await ledger.writeLock.run(async () => ledger.commit([], new Map(), ledger.blocks, ledger.bytes, true))
}

/** Waits `ms`, or less if aborted (the next step then stops) */
async function rest (ms: number, options: AbortOptions): Promise<void> {
  if (ms <= 0) return
  await new Promise<void>(resolve => {
    const done = (): void => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    options.signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * Between GC steps: stop on abort, and stop cleanly when the store was closed meanwhile (each
 * step is one commit, so what was swept is consistent) rather than fail on a closed database
 */
function gcContinue (store: GcHost, options: AbortOptions): void {
  options.signal?.throwIfAborted()
  if (store.closed) throw new AbortError(`GC stopped: block store at ${store.path} was closed`)
}
