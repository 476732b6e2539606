import { PREFIX_TOUCH, prefixRange, prefixed } from './encoding.ts'
import type { IndexLedger } from './ledger.ts'
import type { CID } from 'multiformats/cid'

const EMPTY = new Uint8Array(0)

/** Touch records deleted per index commit when a sweep ends */
const CLEAR_STEP = 256

/**
 * What lets adds run while GC sweeps (see README "GC beside adds"). While a sweep is under way,
 * whoever is about to rely on blocks being present (a put that finds them already stored, a pin
 * walk about to count them, a direct pin) first touches them: a `t` record per multihash,
 * committed under the index write lock. Only then does it look. The sweep checks for touches in
 * the same write-locked step as its delete, so either the touch comes first and the sweep keeps
 * the block, or the delete comes first and the look finds the block gone (a put then stores it
 * again, a pin fetches it or fails cleanly). Records go when the sweep ends; the sweep holds none
 * of them in memory.
 */
export class GcTouches {
  readonly #ledger: IndexLedger
  /** Sweeps under way (GC and eviction may overlap): records are kept until the last one ends */
  #active = 0

  constructor (ledger: IndexLedger) {
    this.#ledger = ledger
  }

  /** True while a sweep runs: touches are being recorded */
  get active (): boolean {
    return this.#active > 0
  }

  /** From now on touches are recorded; call before GC takes its snapshot. Each begin needs one end */
  begin (): void {
    this.#active++
  }

  /**
   * Ends one sweep's recording; the last one to end drops the records (each sweep starts with
   * none), CLEAR_STEP at a time, each step under the write lock: a sweep beside busy adds leaves
   * tens of thousands, and clearing them in one step held every add's index write for a second
   * (bench:gc, 1M blocks). Safe to interleave with touches: a touch writes its record only under
   * that lock and only while a sweep is active, so a step that finds none active deletes only
   * records of sweeps that ended; once a new sweep begins, clearing stops and the records left
   * (stale: they only make that sweep keep more) go when it ends.
   */
  async end (): Promise<void> {
    this.#active = Math.max(0, this.#active - 1)
    if (this.#active > 0) return
    const range = prefixRange(PREFIX_TOUCH)
    for (;;) {
      const more = await this.#ledger.writeLock.run(async () => {
        if (this.#active > 0) return false
        const keys = this.#ledger.db.keys({ ...range, limit: CLEAR_STEP })
        let found: Uint8Array[]
        try {
          found = await keys.nextv(CLEAR_STEP) as Uint8Array[]
        } finally {
          await keys.close()
        }
        if (found.length > 0) await this.#ledger.write(found.map(key => ({ type: 'del' as const, key })), false)
        return found.length === CLEAR_STEP
      })
      if (!more) return
    }
  }

  /** Call before looking at blocks one is about to rely on; a no-op when no sweep runs */
  async touch (cids: readonly CID[]): Promise<void> {
    if (!this.#active || cids.length === 0) return
    const ops = cids.map(cid => ({ type: 'put' as const, key: prefixed(PREFIX_TOUCH, cid.multihash.bytes), value: EMPTY }))
    await this.#ledger.writeLock.run(async () => {
      // the sweep may have ended while this waited for the lock: its records are already cleared
      if (this.#active > 0) await this.#ledger.write(ops)
    })
  }

  /** Which of these multihashes are touched; call holding the write lock */
  async touched (multihashes: readonly Uint8Array[]): Promise<boolean[]> {
    return this.#ledger.db.hasMany(this.keysOf(multihashes))
  }

  /** The index keys of these multihashes' touch records, for a caller that looks them up itself */
  keysOf (multihashes: readonly Uint8Array[]): Uint8Array[] {
    return multihashes.map(mh => prefixed(PREFIX_TOUCH, mh))
  }
}
