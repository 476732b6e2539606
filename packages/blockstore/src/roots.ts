import { InvalidParametersError, hasCode, NotFoundError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { prefixRange, prefixed } from './encoding.ts'
import type { LevelBlockstore } from './blockstore.ts'
import type { AbortOptions } from '@cairn/interface'

/** 'R' name → CID bytes: a named GC root (the MFS root is one) */
export const PREFIX_ROOT = 0x52

/** Blocks touched per index write while marking what the roots reach */
const MARK_BATCH_BLOCKS = 1024
/** Longest root name, so a key stays small */
const ROOT_NAME_BYTES_MAX = 64

/**
 * Named roots that GC keeps, with everything they reach, without being pins: they do not show in
 * `pin ls` and cost no reference counts, as Kubo's MFS root (`/local/filesroot`) is kept. A root
 * may reach blocks that are not local (a lazy `files cp`): those are skipped.
 */
export interface GcRoots {
  get(name: string, options?: AbortOptions): Promise<CID | undefined>
  /** Durable (synced) before it resolves; call once every block the root reaches is stored */
  set(name: string, cid: CID, options?: AbortOptions): Promise<void>
  delete(name: string, options?: AbortOptions): Promise<void>
  list(options?: AbortOptions): AsyncIterable<{ name: string, cid: CID }>
  /**
   * While a GC sweep runs, keeps every local block `cid` reaches through this sweep (call before
   * linking old content under a root, e.g. `files cp /ipfs/...`); a no-op otherwise
   */
  hold(cid: CID, options?: AbortOptions): Promise<void>
}

function rootKey (name: string): Uint8Array {
  const bytes = new TextEncoder().encode(name)
  if (bytes.byteLength === 0 || bytes.byteLength > ROOT_NAME_BYTES_MAX) throw new InvalidParametersError(`A GC root name must be 1 to ${ROOT_NAME_BYTES_MAX} bytes`)
  return prefixed(PREFIX_ROOT, bytes)
}

export class GcRootsImpl implements GcRoots {
  readonly #store: LevelBlockstore

  constructor (store: LevelBlockstore) {
    this.#store = store
  }

  async get (name: string): Promise<CID | undefined> {
    const value = await this.#store.db.get(rootKey(name))
    return value == null ? undefined : CID.decode(value)
  }

  async set (name: string, cid: CID): Promise<void> {
    // a sweep under way keeps what the new root reaches: it may link blocks its snapshot holds unpinned
    await this.hold(cid)
    await this.#store.ledger.write([{ type: 'put', key: rootKey(name), value: cid.bytes }], true)
  }

  async delete (name: string): Promise<void> {
    await this.#store.ledger.write([{ type: 'del', key: rootKey(name) }], true)
  }

  async * list (): AsyncGenerator<{ name: string, cid: CID }> {
    for await (const [key, value] of this.#store.db.iterator(prefixRange(PREFIX_ROOT))) {
      yield { name: new TextDecoder().decode(key.subarray(1)), cid: CID.decode(value) }
    }
  }

  async hold (cid: CID, options: AbortOptions = {}): Promise<void> {
    if (!this.#store.touches.active) return
    await this.#touchReachable([cid], options)
  }

  /** GC, after its snapshot and before its sweep: touch every local block a root reaches */
  async mark (options: AbortOptions = {}): Promise<void> {
    const roots: CID[] = []
    for await (const { cid } of this.list()) roots.push(cid)
    await this.#touchReachable(roots, options)
  }

  /**
   * Depth-first, so memory is the depth times the widest node rather than the tree; a block two
   * parents share is visited twice (touching is idempotent)
   */
  async #touchReachable (roots: CID[], options: AbortOptions): Promise<void> {
    const stack = [...roots]
    let batch: CID[] = []
    while (stack.length > 0) {
      options.signal?.throwIfAborted()
      const cid = stack.pop()!
      let links: CID[]
      try {
        links = await this.#store.linksOf(cid, options)
      } catch (err) {
        // not local (a lazy copy): nothing below it is either, as far as GC is concerned
        if (hasCode(err, NotFoundError.code)) continue
        throw err
      }
      batch.push(cid)
      if (batch.length >= MARK_BATCH_BLOCKS) {
        await this.#store.touches.touch(batch)
        batch = []
      }
      for (let i = links.length - 1; i >= 0; i--) stack.push(links[i])
    }
    await this.#store.touches.touch(batch)
  }
}
