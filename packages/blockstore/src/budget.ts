import { AbortError, StorageFullError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { PREFIX_COUNT, PREFIX_DIRECT, PREFIX_LRU, decodeMultihash, prefixed } from './encoding.ts'
import { lruGeneration } from './uses.ts'
import type { IndexLedger } from './ledger.ts'
import type { GcTouches } from './touches.ts'
import type { UseIndex } from './uses.ts'
import type { BlockstoreLogger, BudgetCounters } from './index.ts'
import type { AbortOptions } from '@cairn/interface'

/** `l` keys read per eviction step */
const SCAN_STEP = 1024

/** Blocks removed per eviction commit */
const EVICT_BATCH = 64

/** A new use generation starts each time this fraction of the budget was written: the LRU's resolution */
const GENERATION_SHARE = 1 / 32

/** What eviction needs of the store */
export interface BudgetHost {
  readonly path: string
  readonly log: BlockstoreLogger
  readonly ledger: IndexLedger
  readonly touches: GcTouches
  readonly uses: UseIndex
  readonly closed: boolean
  readonly batchBlocksMax: number
  deleteBlocks(cids: CID[], options: AbortOptions & { keepTouched?: boolean, sync?: boolean, freed?: { bytes: number }, bytesMax?: number }): Promise<CID[]>
  /** Touches the DAGs of the GC roots (BlockstoreInit.gcRoots) so that this sweep keeps them */
  markRoots(options: AbortOptions): Promise<void>
  /** Reclaims dead pack space (GC's compaction) */
  compact(options: AbortOptions): Promise<void>
  /** Told of every block eviction removed */
  onEvict?(cids: CID[]): void
}

export interface BudgetInit {
  /** Bytes of block data the store may hold; Infinity: no budget */
  storageMax: number
  /** Percent of `storageMax` past which eviction starts */
  watermarkPercent: number
}

/**
 * The storage budget (Kubo's `Datastore.StorageMax` and `StorageGCWatermark`, enforced): once the
 * block bytes pass the watermark, unpinned blocks are evicted least recently used first, in the
 * background, down to 10 points of `storageMax` below the watermark; a put that would pass
 * `storageMax` itself waits for that eviction, and fails with StorageFullError when what is left
 * (pinned blocks, GC roots, blocks of adds in flight) still leaves no room.
 *
 * Eviction is a sweep like GC's (see README "Storage budget"): it records touches, waits for the
 * puts that looked at the store before that, then starts a new use generation and skips the
 * blocks stamped by adds since the oldest add in flight started (uses.ts). So it never removes a
 * block written or relied on by an add or pin in flight (stamped so, or touched), nor a pinned
 * block (not a candidate; pinned meanwhile: touched first), nor what the GC roots reach.
 * It needs no lock an add holds, so a put may wait for it without deadlock.
 */
export class StorageBudget {
  readonly max: number
  /** Eviction starts past this many bytes */
  readonly high: number
  /** and stops once at or below this many */
  readonly low: number
  readonly counters: BudgetCounters = { evictions: 0, evictedBlocks: 0, evictedBytes: 0, refusals: 0 }
  readonly #host: BudgetHost
  /** Bytes admitted for puts not committed yet */
  #reserved = 0
  /** Bytes admitted since the use generation last moved on */
  #sinceAdvance = 0
  #eviction?: Promise<void>
  /** Puts under way: eviction waits for those that looked at the store before it began touches */
  readonly #puts = new Set<Promise<void>>()
  /** Generation at which each add or pin in flight started (their blocks are never evicted) */
  readonly #adds = new Map<symbol, number>()

  constructor (host: BudgetHost, init: BudgetInit) {
    this.#host = host
    this.max = init.storageMax
    this.high = Math.floor(init.storageMax * init.watermarkPercent / 100)
    this.low = Math.max(0, Math.floor(init.storageMax * (init.watermarkPercent - 10) / 100))
    host.uses.enabled = this.enabled
  }

  get enabled (): boolean {
    return Number.isFinite(this.max)
  }

  /** True while an eviction runs */
  get evicting (): boolean {
    return this.#eviction != null
  }

  /** An add or pin starts: its blocks, of this generation or later, are not evicted until it ends */
  holdGeneration (): () => void {
    const token = Symbol('add')
    this.#adds.set(token, this.#host.uses.startAdd())
    return () => { this.#adds.delete(token) }
  }

  /** Registers a put under way until the returned function is called */
  putStarted (): () => void {
    let done!: () => void
    const settled = new Promise<void>(resolve => { done = resolve })
    this.#puts.add(settled)
    return () => {
      this.#puts.delete(settled)
      done()
    }
  }

  /**
   * Makes room for a put of up to `bytes` new bytes (`exact()` tells how many are really new when
   * the bound does not fit): waits for eviction when needed, throws StorageFullError when even
   * that leaves no room. Returns the release of the room reserved, called once the put committed.
   */
  async admit (bytes: number, exact: () => Promise<number>): Promise<() => void> {
    if (!this.enabled || bytes === 0) return () => {}
    const ledger = this.#host.ledger
    let need = bytes
    if (ledger.bytes + this.#reserved + need > this.max) need = await exact()
    if (ledger.bytes + this.#reserved + need > this.max) {
      await this.evict(Math.max(0, Math.min(this.low, this.max - need - this.#reserved)))
      if (ledger.bytes + this.#reserved + need > this.max) {
        this.counters.refusals++
        throw new StorageFullError(`storage full: ${ledger.bytes + this.#reserved} bytes are pinned or in use and ${need} more do not fit in Datastore.StorageMax (${this.max} bytes); unpin something or raise Datastore.StorageMax`)
      }
    }
    this.#reserved += need
    this.#sinceAdvance += need
    if (this.#sinceAdvance >= this.max * GENERATION_SHARE) {
      this.#sinceAdvance = 0
      this.#host.uses.advance().catch(err => { this.#host.log.error('starting a use generation failed - %e', err) })
    }
    if (ledger.bytes + this.#reserved > this.high) this.evictSoon()
    let released = false
    return () => {
      if (released) return
      released = true
      this.#reserved -= need
    }
  }

  /** Starts an eviction in the background when the store is past the watermark */
  evictSoon (): void {
    if (!this.enabled || this.#eviction != null || this.#host.closed || this.#host.ledger.bytes <= this.high) return
    this.evict(this.low).catch(err => {
      if (!this.#host.closed) this.#host.log.error('evicting blocks for the storage budget failed - %e', err)
    })
  }

  /** Evicts until at most `target` bytes are stored (or nothing evictable is left); joins a running eviction */
  async evict (target: number, options: AbortOptions = {}): Promise<void> {
    for (let tries = 0; tries < 2; tries++) {
      if (this.#eviction != null) {
        await this.#eviction.catch(() => {})
        continue
      }
      if (this.#host.ledger.bytes <= target) return
      this.#eviction = this.#run(target, options).finally(() => { this.#eviction = undefined })
      await this.#eviction
      return
    }
  }

  /** Waits for a running eviction to stop (the store is closing) */
  async idle (): Promise<void> {
    await this.#eviction?.catch(() => {})
  }

  async #run (target: number, options: AbortOptions): Promise<void> {
    const host = this.#host
    const { ledger, uses, touches } = host
    const started = ledger.bytes
    touches.begin()
    try {
      // Puts that looked at the store before touches were recorded: finished (their uses buffered)
      await Promise.all([...this.#puts])
      const gen = await uses.advance()
      const floor = Math.min(gen, ...this.#adds.values())
      await host.markRoots(options)
      const freed = { bytes: 0 }
      const db = ledger.db
      const lru = db.keys({ gte: Uint8Array.of(PREFIX_LRU), lt: Uint8Array.of(PREFIX_LRU + 1) })
      const counts = db.keys({ gte: Uint8Array.of(PREFIX_COUNT), lt: Uint8Array.of(PREFIX_COUNT + 1) })
      const direct = db.keys({ gte: Uint8Array.of(PREFIX_DIRECT), lt: Uint8Array.of(PREFIX_DIRECT + 1) })
      let evicted = 0
      try {
        while (ledger.bytes > target) {
          this.#continue(options)
          const keys = await lru.nextv(SCAN_STEP) as Uint8Array[]
          if (keys.length === 0) break
          const candidates: CID[] = []
          for (const key of keys) {
            // an odd stamp from the oldest add in flight on: that add still relies on the block
            const stamp = lruGeneration(key)
            if (stamp >= floor && stamp % 2 === 1) continue
            const mh = key.subarray(5)
            if (await startsWith(counts, prefixed(PREFIX_COUNT, mh)) || await startsWith(direct, prefixed(PREFIX_DIRECT, mh))) continue
            candidates.push(CID.createV1(0x55, decodeMultihash(mh)))
          }
          // small commits: a put waiting for the write lock waits for one of them at most
          const step = Math.min(EVICT_BATCH, host.batchBlocksMax)
          for (let i = 0; i < candidates.length && ledger.bytes > target; i += step) {
            this.#continue(options)
            const removed = await host.deleteBlocks(candidates.slice(i, i + step), { keepTouched: true, freed, bytesMax: ledger.bytes - target })
            evicted += removed.length
            if (removed.length > 0) host.onEvict?.(removed)
          }
        }
      } finally {
        await Promise.all([lru.close(), counts.close(), direct.close()])
      }
      this.counters.evictions++
      this.counters.evictedBlocks += evicted
      this.counters.evictedBytes += freed.bytes
      if (evicted > 0) await host.compact(options)
      host.log('evicted %d blocks (%d bytes) for the storage budget: %d → %d bytes, target %d', evicted, freed.bytes, started, ledger.bytes, target)
    } finally {
      await touches.end()
    }
  }

  #continue (options: AbortOptions): void {
    options.signal?.throwIfAborted()
    if (this.#host.closed) throw new AbortError(`eviction stopped: block store at ${this.#host.path} was closed`)
  }
}

/** Whether the range of `it` holds a key starting with `prefix` (seeking forward or back) */
async function startsWith (it: ReturnType<IndexLedger['db']['keys']>, prefix: Uint8Array): Promise<boolean> {
  it.seek(prefix)
  const key = await it.next() as Uint8Array | undefined
  if (key == null || key.byteLength < prefix.byteLength) return false
  return Buffer.compare(key.subarray(0, prefix.byteLength), prefix) === 0
}
