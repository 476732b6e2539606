import { InvalidParametersError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { prefixRange, prefixed } from './encoding.ts'
import { keepDags } from './roots.ts'
import type { LevelBlockstore } from './blockstore.ts'

/** 'R' name → CID bytes: a named root kept in the index (the MFS root is one) */
export const PREFIX_ROOT = 0x52

/** Longest root name, so a key stays small */
const ROOT_NAME_BYTES_MAX = 64

/**
 * Named roots recorded in the store's index, durably, as Kubo keeps its MFS root
 * (`/local/filesroot`). They are not pins (no reference counts, not in `pins.ls`): whoever owns one
 * hands it to GC and eviction through `BlockstoreInit.gcRoots` (the node's `addGcRoots`).
 */
export interface NamedRoots {
  get(name: string): Promise<CID | undefined>
  /**
   * Durable (synced) before it resolves; call once every block the root reaches is stored: the
   * packs written so far are synced first, and the record's synced index write covers the index
   * records before it, so the recorded root never names bytes a power loss can take. A sweep
   * under way keeps what the new root reaches (it may link blocks the sweep saw unreferenced)
   */
  set(name: string, cid: CID): Promise<void>
  delete(name: string): Promise<void>
  list(): AsyncIterable<{ name: string, cid: CID }>
}

function rootKey (name: string): Uint8Array {
  const bytes = new TextEncoder().encode(name)
  if (bytes.byteLength === 0 || bytes.byteLength > ROOT_NAME_BYTES_MAX) throw new InvalidParametersError(`A root name must be 1 to ${ROOT_NAME_BYTES_MAX} bytes`)
  return prefixed(PREFIX_ROOT, bytes)
}

export class NamedRootsImpl implements NamedRoots {
  readonly #store: LevelBlockstore

  constructor (store: LevelBlockstore) {
    this.#store = store
  }

  async get (name: string): Promise<CID | undefined> {
    const value = await this.#store.db.get(rootKey(name))
    return value == null ? undefined : CID.decode(value)
  }

  async set (name: string, cid: CID): Promise<void> {
    await keepDags(this.#store, [cid])
    await this.#store.packs.sync()
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
}
