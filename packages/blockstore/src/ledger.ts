import { open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { NoSpaceError, RepoCorruptError } from '@cairn/interface'
import { NEXT_PACK_KEY, PREFIX_PACK, STATS_KEY, decodeStats, encodeStats, packIdOfKey, packKey, prefixRange } from './encoding.ts'
import { storageError } from './faults.ts'
import { Mutex } from './locks.ts'
import { freeBytes } from './reserve.ts'
import type { FaultHook } from './faults.ts'
import type { BlockstoreLogger } from './index.ts'
import type { Reserve } from './reserve.ts'
import type { NoSpaceError as NoSpace, StoreWriteError } from '@cairn/interface'
import type { Level } from 'level'
import { varint } from 'multiformats'

export type Db = Level<Uint8Array, Uint8Array>

export type BatchOp = { type: 'put', key: Uint8Array, value: Uint8Array } | { type: 'del', key: Uint8Array }

/** Live bodies per pack, mirrored from the 'P' keys */
export interface PackLive { blocks: number, bytes: number }

/** After a reopen failed, the next write tries again no sooner than this (GC always tries) */
const RECOVERY_INTERVAL_MS = 1000

/** Free space wanted beyond the index's logs before reopening it (new MANIFEST, new log, slack) */
const REOPEN_HEADROOM_BYTES = 1024 * 1024

export interface IndexLedgerInit {
  path: string
  db: Db
  sync: boolean
  log: BlockstoreLogger
  reserve: Reserve
  faults?: FaultHook
  /** Called after the index was reopened and its counters re-read, to reset what mirrors it */
  onReopen: () => Promise<void>
}

/**
 * The index's one write path, its counters (`/stats`, each pack's `P` key, `/nextpack`) and its
 * failed state.
 *
 * Every LevelDB write of the store goes through `write`, one at a time. That is what makes a
 * failed write safe: LevelDB drops a log record whose write failed but keeps appending after it,
 * out of step with the log's block layout, so records written after a failure are lost when the
 * log is replayed (measured: 0 of 200 acknowledged puts survived a reopen). So after any failed
 * write the ledger refuses writes (reads go on: LevelDB's memory holds exactly what was
 * acknowledged) until it has closed and reopened the index, which replays the log up to the
 * failure and starts a new one, and re-read the counters from disk. It tries that on the next
 * write (once it sees room enough on the disk) and whenever GC starts.
 *
 * Block records change under `writeLock` together with the counters they change, and the
 * in-memory mirrors change only after the batch is written, so the counters equal a full scan
 * after any crash.
 */
export class IndexLedger {
  readonly db: Db
  /** Serialises every batch that adds, moves or removes blocks, so the counters stay exact */
  readonly writeLock = new Mutex()
  readonly packLive = new Map<number, PackLive>()
  readonly #init: IndexLedgerInit
  /** Serialises every LevelDB write: none may be acknowledged after one that failed */
  readonly #dbLock = new Mutex()
  #failure?: NoSpace | StoreWriteError
  #lastReopenFailure = -Infinity
  /**
   * LevelDB logs known durable, with their size then (see `#syncLogs`). Emptied on any failed
   * write and on a reopen: what is durable is then unknown, so every log is synced again.
   */
  readonly #durableLogs = new Map<string, number>()
  /** Set while the index is closed and reopened: reads wait for it */
  #reopening?: Promise<void>
  #blocks = 0
  #bytes = 0
  #nextPack = 0
  /** Times the index was closed to be reopened: an iterator older than the last one was cut off */
  #reopens = 0

  constructor (init: IndexLedgerInit) {
    this.db = init.db
    this.#init = init
  }

  get blocks (): number { return this.#blocks }
  get bytes (): number { return this.#bytes }
  /** The id the next new pack gets */
  get nextPack (): number { return this.#nextPack }
  /** Why writes are refused, while they are */
  get failure (): Error | undefined { return this.#failure }
  /** Pending while the index is being reopened */
  get reopening (): Promise<void> | undefined { return this.#reopening }
  /** Times the index has been reopened after a failed write */
  get reopens (): number { return this.#reopens }

  /**
   * The entries of a key range, in order, surviving a reopen of the index: closing LevelDB closes
   * every iterator on it, so one cut off by a reopen after a failed write (anyone's) is started
   * again after the last key it gave, once the index is back. Long walks (`verify()`, `pins.ls`)
   * then end with everything or with the store's typed error, never with LevelDB's "iterator is
   * not open".
   */
  async * scan (range: { gte: Uint8Array, lt: Uint8Array }): AsyncGenerator<[Uint8Array, Uint8Array]> {
    yield * this.#resumable(range, (r) => this.db.iterator(r), (entry) => entry[0])
  }

  /** The keys of a key range, in order, surviving a reopen of the index as `scan` does */
  async * scanKeys (range: { gte: Uint8Array, lt: Uint8Array }): AsyncGenerator<Uint8Array> {
    yield * this.#resumable(range, (r) => this.db.keys(r), (key) => key)
  }

  async * #resumable <T> (range: { gte: Uint8Array, lt: Uint8Array }, open: (r: { gte?: Uint8Array, gt?: Uint8Array, lt: Uint8Array }) => AsyncIterable<T> & { close: () => Promise<void> }, keyOf: (item: T) => Uint8Array): AsyncGenerator<T> {
    let after: Uint8Array | undefined
    for (;;) {
      await this.ready()
      const reopens = this.#reopens
      const iterator = open(after == null ? range : { gt: after, lt: range.lt })
      try {
        for await (const item of iterator) {
          after = keyOf(item)
          yield item
        }
        return
      } catch (err) {
        // anything but a reopen since this iterator began is the caller's to see
        if (this.#reopens === reopens) throw err
      } finally {
        await iterator.close().catch(() => {})
      }
    }
  }

  /** Reads the counters from the index (after a version check by the caller) */
  async load (packIds: number[] = []): Promise<void> {
    const stats = await this.db.get(STATS_KEY)
    if (stats == null) throw new RepoCorruptError(`Block store at ${this.#init.path} has no /stats key`)
    const { blocks, bytes } = decodeStats(stats)
    this.#blocks = blocks
    this.#bytes = bytes
    this.packLive.clear()
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_PACK))) {
      this.packLive.set(packIdOfKey(key), decodeStats(value))
    }
    const next = await this.db.get(NEXT_PACK_KEY)
    // Past the recorded id, every pack counter and every pack file: ids never go back
    this.#nextPack = Math.max(next != null ? varint.decode(next)[0] : 0, Math.max(-1, ...this.packLive.keys(), ...packIds) + 1)
  }

  /** Records the next pack id in the index and returns it (the file is made after) */
  async allocatePack (): Promise<number> {
    const id = this.#nextPack
    // Not synced: an fsync here would flush every dirty pack byte with it (ext4's ordered mode).
    // Every record naming pack `id` comes later in LevelDB's log, so it cannot outlive this write,
    // and `load` starts past every pack file and counter anyway
    await this.write([{ type: 'put', key: NEXT_PACK_KEY, value: varint.encodeTo(id + 1, new Uint8Array(varint.encodingLength(id + 1))) }])
    this.#nextPack = Math.max(this.#nextPack, id + 1)
    return id
  }

  /** Adds to a pack's live counters in a batch being built (starting from the committed values) */
  bumpPack (packs: Map<number, PackLive>, id: number, blocks: number, bytes: number): void {
    const current = packs.get(id) ?? { ...(this.packLive.get(id) ?? { blocks: 0, bytes: 0 }) }
    current.blocks += blocks
    current.bytes += bytes
    packs.set(id, current)
  }

  /**
   * Writes `ops` with the changed pack counters and store counters, then mirrors them in memory.
   * Callers hold `writeLock`.
   */
  async commit (ops: BatchOp[], packs: Map<number, PackLive>, blocks: number, bytes: number, sync = this.#init.sync): Promise<void> {
    for (const [id, live] of packs) ops.push({ type: 'put', key: packKey(id), value: encodeStats(live.blocks, live.bytes) })
    ops.push({ type: 'put', key: STATS_KEY, value: encodeStats(blocks, bytes) })
    await this.write(ops, sync)
    for (const [id, live] of packs) this.packLive.set(id, live)
    this.#blocks = blocks
    this.#bytes = bytes
  }

  /**
   * Deletes an emptied pack's counters, durably: the pack file is deleted only after this returns,
   * so no crash can leave a record or counter naming a deleted pack. Callers hold `writeLock`.
   */
  async dropPack (id: number): Promise<void> {
    await this.write([{ type: 'del', key: packKey(id) }], true)
    this.packLive.delete(id)
  }

  /** Deletes a key range, as `write` does a batch (one at a time, failures put the store in the failed state) */
  async clear (range: { gte: Uint8Array, lt: Uint8Array }): Promise<void> {
    await this.#guarded(async () => this.db.clear(range))
  }

  /**
   * The one way the store writes LevelDB. A failure (`NoSpaceError` or `StoreWriteError`) puts
   * the ledger in the failed state; the next write first tries to recover (see the class).
   */
  async write (ops: BatchOp[], sync = this.#init.sync): Promise<void> {
    await this.#guarded(async () => {
      if (sync) await this.#syncLogs()
      await this.db.batch(ops, { sync })
      if (sync) await this.#noteDurableLogs()
    })
  }

  /**
   * Syncs every LevelDB log before a synced write, so that it covers every write before it.
   * LevelDB syncs only its current log: when its memtable fills it closes that log unsynced and
   * starts a new one, and until the background flush has made a (synced) table of it and deleted
   * it, the old log's tail lives only in the page cache. A power cut then would keep a later synced
   * batch and lose earlier ones: counters (absolute values in every batch) ahead of the blocks they
   * count, or an acknowledged pin's records gone (level-power-loss.spec: counters said 151 blocks,
   * the index held 31). Writes are serialised (`#dbLock`), so none lands between these syncs and
   * the batch; a log switch inside `db.batch` happens before the batch is appended, to a log
   * synced here. Callers hold `#dbLock`.
   */
  async #syncLogs (): Promise<void> {
    const dir = join(this.#init.path, 'index')
    const logs = new Set<string>()
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.log')) continue
      logs.add(name)
      // a log the flush deleted meanwhile is in a synced table: nothing to do
      const size = await stat(join(dir, name)).then(s => s.size, (err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err })
      if (size == null) continue
      // unchanged since it was last durable (no write lands between: writes hold `#dbLock`)
      if (this.#durableLogs.get(name) === size) continue
      const file = await open(join(dir, name), 'r').catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err })
      if (file == null) continue
      try {
        await file.datasync()
      } finally {
        await file.close()
      }
      this.#durableLogs.set(name, size)
    }
    for (const name of this.#durableLogs.keys()) if (!logs.has(name)) this.#durableLogs.delete(name)
  }

  /**
   * After a synced batch every log is durable as it stands: LevelDB synced the one it appended the
   * batch to (a new one, if it switched), `#syncLogs` the others just before, and no write came
   * between (`#dbLock`). Recorded, so the next synced write skips logs nothing was written to since
   * (a pin right after an add's `sync()`, the several synced writes of one GC or pin). Callers hold `#dbLock`.
   */
  async #noteDurableLogs (): Promise<void> {
    const dir = join(this.#init.path, 'index')
    this.#durableLogs.clear()
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.log')) continue
      const size = await stat(join(dir, name)).then(s => s.size, () => undefined)
      if (size != null) this.#durableLogs.set(name, size)
    }
  }

  async #guarded (apply: () => Promise<void>): Promise<void> {
    await this.#dbLock.run(async () => {
      if (this.#failure != null) await this.#recover(false)
      try {
        this.#init.faults?.('index-write')
        await apply()
        this.#init.faults?.('index-written')
        this.#init.reserve.ensureSoon()
      } catch (err) {
        this.#durableLogs.clear()
        // A closed store is not a disk failure
        if (this.db.status !== 'open') throw err
        this.#failure = storageError(err, `Block store at ${this.#init.path} cannot write its index`)
        this.#init.log.error('index write failed; writes are refused until the index is reopened - %e', err)
        // Whether the batch landed is unknown: the counters follow what the index now answers
        await this.load().catch(() => {})
        throw this.#failure
      }
    })
  }

  /**
   * Leaves the failed state if the disk allows: GC calls this with `useReserve`, which releases
   * the reserve when there is not room enough to reopen the index. Throws the failure otherwise.
   */
  async recover (useReserve: boolean): Promise<void> {
    if (this.#failure == null) return
    // The release waits for puts past their reserve check, which may be waiting for `#dbLock`:
    // so it happens before taking it, never under it
    if (useReserve && await freeBytes(this.#init.path) < await this.#logBytes() + REOPEN_HEADROOM_BYTES) {
      await this.#init.reserve.release('room to reopen the index')
    }
    await this.#dbLock.run(async () => this.#recover(useReserve))
  }

  async #recover (force: boolean): Promise<void> {
    const failure = this.#failure
    if (failure == null) return
    if (!force && performance.now() - this.#lastReopenFailure < RECOVERY_INTERVAL_MS) throw failure
    const need = await this.#logBytes() + REOPEN_HEADROOM_BYTES
    const free = await freeBytes(this.#init.path)
    if (free < need) {
      throw new NoSpaceError(`Block store at ${this.#init.path} refuses writes: the disk is full (${free} bytes free; reopening its index after the failed write needs ${need})`, { cause: failure })
    }
    this.#init.log('reopening the index after a failed write')
    let done!: () => void
    this.#reopening = new Promise(resolve => { done = resolve })
    try {
      this.#reopens++
      this.#durableLogs.clear()
      await this.db.close()
      await this.db.open()
      await this.load()
      await this.#init.onReopen()
      this.#failure = undefined
      this.#init.log('index reopened: writes accepted again')
    } catch (err) {
      // Left closed or half-loaded: still failed, and reads report it (see `ready`)
      this.#lastReopenFailure = performance.now()
      this.#failure = storageError(err, `Block store at ${this.#init.path} cannot reopen its index`)
      throw this.#failure
    } finally {
      this.#reopening = undefined
      done()
    }
  }

  /**
   * Waits for a reopen in progress. When a reopen failed and left the index closed (the disk was
   * still full), tries again (at most once a second, and only with room) so that reads come back
   * with the space; throws the failure while the index stays closed.
   */
  async ready (): Promise<void> {
    if (this.#reopening != null) await this.#reopening
    if (this.db.status === 'open' || this.#failure == null) return
    await this.#dbLock.run(async () => this.#recover(false)).catch(() => {})
    if ((this.db.status as string) !== 'open' && this.#failure != null) throw this.#failure
  }

  /** Bytes of LevelDB's logs: what replaying them into a table on reopen may need */
  async #logBytes (): Promise<number> {
    const dir = join(this.#init.path, 'index')
    let total = 0
    for (const name of await readdir(dir)) {
      // LevelDB may delete an old log meanwhile (its compaction): gone, it needs no room
      if (name.endsWith('.log')) total += await stat(join(dir, name)).then(s => s.size, () => 0)
    }
    return total
  }
}
