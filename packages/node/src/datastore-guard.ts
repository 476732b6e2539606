/**
 * The repo's datastore as everything in the node writes it (kad-dht's provider and IPNS records,
 * the node's own IPNS records): `datastore-level` under two guards the block store's index has
 * too (issue 11, blockstore README "What the store guarantees", 3 and 4).
 *
 * - **Nothing is acknowledged after a failed write.** When LevelDB fails to append a record to its
 *   log (ENOSPC), it keeps appending the next ones after the torn bytes, and a reopen's replay
 *   stops at the tear: writes acknowledged after it are lost. So writes go to LevelDB one at a
 *   time, and after any failure every write is refused (`NoSpaceError`, `StoreWriteError`) until
 *   the datastore has been closed and reopened (which replays the log up to the failure and starts
 *   a new one): the state is re-read from disk, never trusted from memory. Reads go on meanwhile
 *   (LevelDB's memory holds exactly what was acknowledged); the next write reopens once the disk
 *   has room for it, so writes resume without a restart.
 * - **Released room is for recovery only.** While a reserve it holds is released (its own, and the
 *   block store's: one disk), puts are refused with `NoSpaceError` before anything is written, as
 *   the block store refuses new blocks, so DHT records arriving from the network cannot spend the
 *   room that opening the repo and `repo gc` need. Each refusal first tries to make the reserves
 *   again (twice their size free). Deletes go on: they free room.
 */
import { NoSpaceError } from '@cairn/interface'
import { freeBytes, storageError } from '@cairn/blockstore'
import { BaseDatastore } from 'datastore-core'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { LevelReserve } from '@cairn/blockstore'
import type { AbortOptions, ComponentLogger, Logger } from '@libp2p/interface'
import type { LevelDatastore } from 'datastore-level'
import type { Batch, Datastore, Key, KeyQuery, Pair, Query } from 'interface-datastore'

/** After a reopen failed, the next write tries again no sooner than this */
const RECOVERY_INTERVAL_MS = 1000

/** Free space wanted beyond the datastore's logs before reopening it (new MANIFEST, new log, slack) */
const REOPEN_HEADROOM_BYTES = 1024 * 1024

export interface GuardedDatastoreInit {
  /** The LevelDB folder (`$repo/datastore`): its logs size what a reopen needs */
  path: string
  logger?: ComponentLogger
}

/**
 * `datastore-level` guarded as the module says. `level` is the datastore underneath: open it with
 * `openDatastore` (which gives the reserve to `holdReserve`) and close it through `close()`.
 */
export class GuardedDatastore extends BaseDatastore implements Datastore {
  readonly level: LevelDatastore
  readonly #path: string
  readonly #log: Logger | undefined
  readonly #reserves = new Set<LevelReserve>()
  /** Every write waits for the one before it: none may be acknowledged after one that failed */
  #tail: Promise<unknown> = Promise.resolve()
  #failure?: Error
  #lastReopenFailure = -Infinity
  #reopening?: Promise<void>
  #reopens = 0

  constructor (level: LevelDatastore, init: GuardedDatastoreInit) {
    super()
    this.level = level
    this.#path = init.path
    this.#log = init.logger?.forComponent('cairn:node:datastore')
  }

  /** Why writes are refused, while they are (after a failed write, until the reopen) */
  get failure (): Error | undefined { return this.#failure }
  /** Times the datastore was reopened after a failed write */
  get reopens (): number { return this.#reopens }

  /** Refuse puts while `reserve` (a reserve file on this disk) is released; returns the undo */
  holdReserve (reserve: LevelReserve): () => void {
    this.#reserves.add(reserve)
    return () => { this.#reserves.delete(reserve) }
  }

  async close (): Promise<void> {
    await this.#tail.catch(() => {})
    await this.level.close()
  }

  override async put (key: Key, value: Uint8Array, options?: AbortOptions): Promise<Key> {
    await this.#write(true, async () => this.level.put(key, value, options))
    return key
  }

  override async delete (key: Key, options?: AbortOptions): Promise<void> {
    await this.#write(false, async () => this.level.delete(key, options))
  }

  override async get (key: Key, options?: AbortOptions): Promise<Uint8Array> {
    await this.#ready()
    return this.level.get(key, options)
  }

  override async has (key: Key, options?: AbortOptions): Promise<boolean> {
    await this.#ready()
    return this.level.has(key, options)
  }

  override batch (): Batch {
    const inner = this.level.batch()
    let puts = false
    return {
      put: (key, value) => { puts = true; inner.put(key, value) },
      delete: (key) => { inner.delete(key) },
      commit: async (options) => { await this.#write(puts, async () => inner.commit(options)) }
    }
  }

  override async * query (q: Query, options?: AbortOptions): AsyncGenerator<Pair> {
    await this.#ready()
    yield * this.level.query(q, options)
  }

  override async * queryKeys (q: KeyQuery, options?: AbortOptions): AsyncGenerator<Key> {
    await this.#ready()
    yield * this.level.queryKeys(q, options)
  }

  /** One write, after the one before it; `puts`: it adds data, so it waits for released reserves */
  async #write (puts: boolean, apply: () => Promise<unknown>): Promise<void> {
    const run = this.#tail.then(async () => {
      if (this.#failure != null) await this.#recover()
      if (puts) await this.#assertRoom()
      try {
        await apply()
      } catch (err) {
        // a closed datastore, an aborted call: not a disk failure
        if (this.level.db.status !== 'open' || (err as Error)?.name === 'AbortError') throw err
        this.#failure = storageError(err, `The repo's datastore at ${this.#path} cannot write`)
        this.#log?.error('write failed; writes are refused until the datastore is reopened - %e', err)
        throw this.#failure
      }
    })
    this.#tail = run.catch(() => {})
    await run
  }

  async #assertRoom (): Promise<void> {
    const reserves = [...this.#reserves]
    if (!reserves.some(r => r.released)) return
    await Promise.all(reserves.map(async r => { if (r.released) await r.ensure() }))
    const held = reserves.find(r => r.released)
    if (held == null) return
    throw new NoSpaceError(`storage full: the disk is full: the reserve ${held.path} was released to open the repo or run GC, and the repo's datastore takes no new records until ${2 * held.bytes} bytes are free to make it again (run repo gc, or free space)`)
  }

  /** Leaves the failed state by reopening LevelDB, if the disk has room for it; throws otherwise */
  async #recover (): Promise<void> {
    const failure = this.#failure
    if (failure == null) return
    if (performance.now() - this.#lastReopenFailure < RECOVERY_INTERVAL_MS) throw failure
    const need = await this.#logBytes() + REOPEN_HEADROOM_BYTES
    const free = await freeBytes(this.#path)
    if (free < need) {
      this.#lastReopenFailure = performance.now()
      throw new NoSpaceError(`The repo's datastore at ${this.#path} refuses writes: the disk is full (${free} bytes free; reopening it after the failed write needs ${need})`, { cause: failure })
    }
    this.#log?.('reopening the datastore after a failed write')
    let done!: () => void
    this.#reopening = new Promise(resolve => { done = resolve })
    try {
      this.#reopens++
      await this.level.db.close()
      await this.level.db.open()
      this.#failure = undefined
      this.#log?.('datastore reopened: writes accepted again')
    } catch (err) {
      this.#lastReopenFailure = performance.now()
      this.#failure = storageError(err, `The repo's datastore at ${this.#path} cannot reopen`)
      throw this.#failure
    } finally {
      this.#reopening = undefined
      done()
    }
  }

  /**
   * Waits for a reopen in progress. When a reopen failed and left the datastore closed, tries it
   * again (at most once a second, with room) so that reads come back with the disk; throws the
   * failure while it stays closed.
   */
  async #ready (): Promise<void> {
    if (this.#reopening != null) await this.#reopening
    if (this.level.db.status === 'open' || this.#failure == null) return
    await this.#write(false, async () => {}).catch(() => {})
    if ((this.level.db.status as string) !== 'open' && this.#failure != null) throw this.#failure
  }

  /** Bytes of LevelDB's logs: what replaying them into a table on reopen may need */
  async #logBytes (): Promise<number> {
    let total = 0
    for (const name of await readdir(this.#path)) {
      // LevelDB may delete an old log meanwhile (its compaction): gone, it needs no room
      if (name.endsWith('.log')) total += await stat(join(this.#path, name)).then(s => s.size, () => 0)
    }
    return total
  }
}
