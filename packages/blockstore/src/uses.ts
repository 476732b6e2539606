import { varint } from 'multiformats'
import { LRU_KEY, PREFIX_AGE, PREFIX_BLOCK, PREFIX_LRU, keyString, prefixRange, prefixed } from './encoding.ts'
import type { BatchOp, IndexLedger } from './ledger.ts'
import type { BlockstoreLogger } from './index.ts'

/** Uses buffered before they are written to the index in one batch */
const FLUSH_AT = 4096

/** Multihashes remembered as already stamped with the current generation (skips repeat reads) */
const RECENT_MAX = 65536

/** Keys written per batch while building the index of an older store */
const BUILD_BATCH = 8192

const EMPTY = new Uint8Array(0)

function encodeGen (gen: number): Uint8Array {
  return varint.encodeTo(gen, new Uint8Array(varint.encodingLength(gen)))
}

/** `l` ‖ u32 BE generation ‖ multihash: oldest generation first in key order */
export function lruKey (gen: number, mh: Uint8Array): Uint8Array {
  const key = new Uint8Array(5 + mh.byteLength)
  key[0] = PREFIX_LRU
  new DataView(key.buffer).setUint32(1, gen)
  key.set(mh, 5)
  return key
}

/** The generation of an `l` key */
export function lruGeneration (key: Uint8Array): number {
  return new DataView(key.buffer, key.byteOffset, key.byteLength).getUint32(1)
}

/**
 * When each stored block was last put or read, coarsely: in which "use generation". The
 * generation moves on each time eviction starts and each time 1/32 of the budget was written, so
 * eviction removes blocks of older generations first (an LRU with the generations as its clock).
 *
 * Generations are even; a block written or relied on by an add in flight (a holder of the add
 * lock) is stamped with the odd number after the current one. Eviction never takes an odd stamp
 * at or past the generation the oldest add in flight started in: what adds in flight hold is
 * kept, while everything else written meanwhile stays evictable.
 *
 * Per block the index holds `a` multihash → generation and `l` generation multihash, the second
 * ordered oldest first for eviction to read. New blocks get theirs in the batch that stores them;
 * uses of stored blocks (reads, puts that find them present) are buffered and written in
 * batches, once per block and generation, so a hot block costs one write per generation, not one
 * per read. A crash loses only buffered uses: the LRU is approximate, never wrong about what is
 * stored.
 *
 * The keys are kept only while the store has a budget (they double the index writes of tiny
 * blocks): a store opened without one drops `/lru`, and the next open with a budget rebuilds them.
 */
export class UseIndex {
  readonly #ledger: IndexLedger
  readonly #log: BlockstoreLogger
  #gen = 2
  #pending: Array<{ mh: Uint8Array, add: boolean }> = []
  /** The generation moved on since `/lru` was last written */
  #dirty = false
  readonly #recent = new Set<string>()
  /** Kept only with a budget (set before `load`) */
  enabled = false

  constructor (ledger: IndexLedger, log: BlockstoreLogger) {
    this.#ledger = ledger
    this.#log = log
  }

  /** The generation new uses get */
  get generation (): number {
    return this.#gen
  }

  /**
   * Reads the generation. Without a budget, marks the keys stale (they will not be kept up); with
   * one, rebuilds stale or missing keys: every block gets generation 0
   */
  async load (): Promise<void> {
    const db = this.#ledger.db
    const stored = await db.get(LRU_KEY)
    if (!this.enabled) {
      if (stored != null) await this.#ledger.write([{ type: 'del', key: LRU_KEY }], true)
      return
    }
    if (stored != null) {
      // past the stored generation and every stamp (the generation may have moved on unwritten)
      let gen = varint.decode(stored)[0]
      for await (const key of db.keys({ ...prefixRange(PREFIX_LRU), reverse: true, limit: 1 })) gen = Math.max(gen, lruGeneration(key) + 1)
      this.#gen = gen + (gen % 2)
      return
    }
    await this.#ledger.clear(prefixRange(PREFIX_AGE))
    await this.#ledger.clear(prefixRange(PREFIX_LRU))
    let ops: BatchOp[] = []
    let n = 0
    for await (const key of db.keys(prefixRange(PREFIX_BLOCK))) {
      const mh = key.subarray(1)
      ops.push({ type: 'put', key: prefixed(PREFIX_AGE, mh), value: encodeGen(0) }, { type: 'put', key: lruKey(0, mh), value: EMPTY })
      n++
      if (ops.length >= BUILD_BATCH) {
        await this.#ledger.write(ops)
        ops = []
      }
    }
    ops.push({ type: 'put', key: LRU_KEY, value: encodeGen(2) })
    await this.#ledger.write(ops, true)
    this.#gen = 2
    if (n > 0) this.#log('built the use index of %d blocks stored before it', n)
  }

  /** The keys a new block gets, in the batch that stores it; `add`: written by an add in flight */
  newBlockOps (mh: Uint8Array, add: boolean, ops: BatchOp[]): void {
    if (!this.enabled) return
    const gen = this.#gen + (add ? 1 : 0)
    ops.push({ type: 'put', key: prefixed(PREFIX_AGE, mh), value: encodeGen(gen) }, { type: 'put', key: lruKey(gen, mh), value: EMPTY })
  }

  /** The keys to delete with these blocks; call holding the write lock */
  async deleteOps (mhs: Uint8Array[], ops: BatchOp[]): Promise<void> {
    if (!this.enabled || mhs.length === 0) return
    const ages = await this.#ledger.db.getMany(mhs.map(mh => prefixed(PREFIX_AGE, mh)))
    ages.forEach((age, i) => {
      if (age == null) return
      ops.push({ type: 'del', key: prefixed(PREFIX_AGE, mhs[i]) }, { type: 'del', key: lruKey(varint.decode(age)[0], mhs[i]) })
    })
  }

  /** A stored block was used (read, or put again; `add`: by an add in flight); written later, in a batch */
  used (mh: Uint8Array, add = false): void {
    if (!this.enabled) return
    const k = keyString(mh) + (add ? '+' : '')
    if (this.#recent.has(k)) return
    if (this.#recent.size >= RECENT_MAX) this.#recent.clear()
    this.#recent.add(k)
    this.#pending.push({ mh, add })
    if (this.#pending.length >= FLUSH_AT) {
      this.flush().catch(err => { this.#log.error('recording block uses failed - %e', err) })
    }
  }

  /** Writes the buffered uses now */
  async flush (): Promise<void> {
    if (this.#pending.length === 0) return
    await this.#ledger.writeLock.run(async () => { await this.#write([]) })
  }

  /**
   * Starts a new generation in memory (written with the next batch of uses): an add begins, and
   * what earlier adds stamped must be told apart from what it stamps
   */
  startAdd (): number {
    if (!this.enabled) return this.#gen
    this.#gen += 2
    this.#dirty = true
    this.#recent.clear()
    return this.#gen
  }

  /**
   * Writes the buffered uses and starts a new generation, in one batch: what was used before
   * this call is stamped with the old generation, later uses with the new one. Returns the new one.
   */
  async advance (): Promise<number> {
    return this.#ledger.writeLock.run(async () => {
      const next = this.#gen + 2
      await this.#write([{ type: 'put', key: LRU_KEY, value: encodeGen(next) }])
      this.#gen = next
      this.#dirty = false
      this.#recent.clear()
      return next
    })
  }

  /** Restamps the buffered uses with the current generation; call holding the write lock */
  async #write (extra: BatchOp[]): Promise<void> {
    const batch = this.#pending
    this.#pending = []
    // per block the highest stamp asked for (an add's, if any)
    const unique = new Map<string, { mh: Uint8Array, add: boolean }>()
    for (const use of batch) {
      const k = keyString(use.mh)
      if (unique.get(k)?.add !== true) unique.set(k, use)
    }
    const uses = [...unique.values()]
    const ages = uses.length === 0 ? [] : await this.#ledger.db.getMany(uses.map(u => prefixed(PREFIX_AGE, u.mh)))
    const ops: BatchOp[] = []
    ages.forEach((age, i) => {
      // gone since (deleted): nothing to restamp
      if (age == null) return
      const old = varint.decode(age)[0]
      const { mh, add } = uses[i]
      const gen = this.#gen + (add ? 1 : 0)
      if (old >= gen) return
      ops.push(
        { type: 'del', key: lruKey(old, mh) },
        { type: 'put', key: lruKey(gen, mh), value: EMPTY },
        { type: 'put', key: prefixed(PREFIX_AGE, mh), value: encodeGen(gen) }
      )
    })
    ops.push(...extra)
    if (this.#dirty && extra.length === 0) {
      ops.push({ type: 'put', key: LRU_KEY, value: encodeGen(this.#gen) })
      this.#dirty = false
    }
    if (ops.length > 0) await this.#ledger.write(ops)
  }
}
