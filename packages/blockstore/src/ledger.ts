import { RepoCorruptError } from '@cairn/interface'
import { PREFIX_PACK, STATS_KEY, decodeStats, encodeStats, packIdOfKey, packKey, prefixRange } from './encoding.ts'
import { Mutex } from './locks.ts'
import type { Level } from 'level'

export type Db = Level<Uint8Array, Uint8Array>

export type BatchOp = { type: 'put', key: Uint8Array, value: Uint8Array } | { type: 'del', key: Uint8Array }

/** Live bodies per pack, mirrored from the 'P' keys */
export interface PackLive { blocks: number, bytes: number }

/**
 * The index's counters (`/stats` and each pack's `P` key) and the one path that changes them: a
 * batch that adds, moves or removes block records commits under `writeLock` together with the
 * counters it changes, and only then are the in-memory mirrors updated. So the counters equal a
 * full scan after any crash.
 */
export class IndexLedger {
  readonly db: Db
  /** Serialises every index batch that adds, moves or removes blocks, so the counters stay exact */
  readonly writeLock = new Mutex()
  readonly packLive = new Map<number, PackLive>()
  readonly #sync: boolean
  #blocks = 0
  #bytes = 0

  constructor (db: Db, sync: boolean) {
    this.db = db
    this.#sync = sync
  }

  get blocks (): number { return this.#blocks }
  get bytes (): number { return this.#bytes }

  /** Reads the counters from the index (after a version check by the caller) */
  async load (path: string): Promise<void> {
    const stats = await this.db.get(STATS_KEY)
    if (stats == null) throw new RepoCorruptError(`Block store at ${path} has no /stats key`)
    const { blocks, bytes } = decodeStats(stats)
    this.#blocks = blocks
    this.#bytes = bytes
    this.packLive.clear()
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_PACK))) {
      this.packLive.set(packIdOfKey(key), decodeStats(value))
    }
  }

  /** Adds to a pack's live counters in a batch being built (starting from the committed values) */
  bumpPack (packs: Map<number, PackLive>, id: number, blocks: number, bytes: number): void {
    const current = packs.get(id) ?? { ...(this.packLive.get(id) ?? { blocks: 0, bytes: 0 }) }
    current.blocks += blocks
    current.bytes += bytes
    packs.set(id, current)
  }

  /** Deletes an emptied pack's counters; callers hold `writeLock` */
  async dropPack (id: number): Promise<void> {
    await this.db.del(packKey(id), { sync: this.#sync })
    this.packLive.delete(id)
  }

  /**
   * Writes `ops` with the changed pack counters and store counters, then mirrors them in memory.
   * Callers hold `writeLock`.
   */
  async commit (ops: BatchOp[], packs: Map<number, PackLive>, blocks: number, bytes: number): Promise<void> {
    for (const [id, live] of packs) ops.push({ type: 'put', key: packKey(id), value: encodeStats(live.blocks, live.bytes) })
    ops.push({ type: 'put', key: STATS_KEY, value: encodeStats(blocks, bytes) })
    await this.db.batch(ops, { sync: this.#sync })
    for (const [id, live] of packs) this.packLive.set(id, live)
    this.#blocks = blocks
    this.#bytes = bytes
  }
}
