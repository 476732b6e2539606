import { InvalidParametersError, NotPinnedError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import {
  PREFIX_BLOCK, PREFIX_COUNT, PREFIX_DIRECT, PREFIX_RECURSIVE, cidFromNodeId, decodeBlockRecord, decodeCount,
  decodePinRecord, encodePinRecord, keyString, nodeId, prefixRange, prefixed, recordCid
} from './encoding.ts'
import { Mutex } from './locks.ts'
import { PinWalker } from './pin-walk.ts'
import { verifyBlock } from '@cairn/ipld'
import type { LevelBlockstore } from './blockstore.ts'
import type { PinAddOptions, PinLsOptions, PinRmOptions, PinUpdateOptions, Pins } from './index.ts'
import type { AbortOptions, BlockGetter, PinEntry } from '@cairn/interface'

/**
 * Kubo's pin semantics kept as reference counts, so no operation walks more than it changes.
 *
 * Every DAG node (multihash, codec) reachable from a recursive pin has a count: `roots` (recursive
 * pins on it) plus `parents` (distinct pinned-live nodes linking to it). A node's links are counted
 * when it goes from 0 to live and released when it drops back to 0. Content-addressed DAGs have no
 * cycles, so the counts are exact: adding a second root that shares a subtree only bumps the
 * subtree's top count, `pin update` adds the new root before releasing the old one so shared parts
 * never drop to zero (and are never re-walked), and removing one root never unpins what another
 * still reaches. A node is indirectly pinned exactly when `parents > 0`, and GC keeps every node
 * with a count and every direct pin, without walking anything.
 *
 * The walks run in batches of bounded size (`PinWalker`): a pin of any size takes bounded memory,
 * and a crash mid-walk is completed (or, for a failed add, rolled back) by `settled()`, which
 * every pin operation and GC go through first. Pin changes run one at a time.
 */
export class PinsImpl implements Pins {
  readonly #store: LevelBlockstore
  readonly #mutex = new Mutex()
  readonly #walker: PinWalker
  /** Set once a walk left by a crash has been completed */
  #recovery: Promise<void> | undefined

  constructor (store: LevelBlockstore, batchNodesMax?: number) {
    this.#store = store
    this.#walker = new PinWalker(store, batchNodesMax)
  }

  /**
   * Runs `fn` while no pin change is in progress, after completing any walk a crash left behind:
   * GC takes its snapshot of the counts here, so it never sees a walk half done
   */
  async settled <T> (fn: () => Promise<T>): Promise<T> {
    return this.#exclusive(fn)
  }

  /** The pin mutex, entered only once the store holds no interrupted walk */
  async #exclusive <T> (fn: () => Promise<T>): Promise<T> {
    await this.#recovered()
    return this.#mutex.run(fn)
  }

  async #recovered (): Promise<void> {
    this.#store.assertOpen()
    // an index left closed by a failed reopen answers with the store's typed error (or reopens)
    await this.#store.ledger.ready()
    this.#recovery ??= this.#mutex.run(async () => { await this.#walker.resume() })
    try {
      await this.#recovery
    } catch (err) {
      this.#recovery = undefined
      throw err
    }
  }

  /** A walk that failed may have left its marker (a rollback cut short): the next operation resumes it */
  async #walk (fn: () => Promise<void>): Promise<void> {
    try {
      await fn()
    } catch (err) {
      this.#recovery = undefined
      throw err
    }
  }

  async add (cid: CID, options: PinAddOptions = {}): Promise<void> {
    options.signal?.throwIfAborted()
    // Shared GC lock: blocks fetched or checked below cannot be swept before the pin commits
    await this.#store.withAddLock(async () => {
      // Checked under the add lock: GC releases the reserve only while holding the GC lock
      // exclusively, so no release can fall between this check and the pin's writes
      await this.#store.assertRoomForNew()
      if (options.recursive === false) {
        await this.#addDirect(cid, options)
        return
      }
      await this.#exclusive(async () => {
        const key = prefixed(PREFIX_RECURSIVE, nodeId(cid))
        const existing = await this.#store.db.get(key)
        if (existing != null) {
          // Pinning again re-saves the pin under the name given (none clears it), as Kubo's pinner
          const record = encodePinRecord(decodePinRecord(existing).cid, options.name)
          if (keyString(record) !== keyString(existing)) await this.#store.ledger.write([{ type: 'put', key, value: record }])
          return
        }
        await this.#walk(async () => this.#walker.add(cid, undefined, options, options.name))
      })
    })
  }

  async #addDirect (cid: CID, options: PinAddOptions): Promise<void> {
    await this.#store.touches.touch([cid])
    await this.#ensureLocal(cid, options.getter, options)
    await this.#exclusive(async () => {
      const db = this.#store.db
      const id = nodeId(cid)
      if (await db.has(prefixed(PREFIX_RECURSIVE, id))) {
        throw new InvalidParametersError(`${cid} already pinned recursively`)
      }
      await this.#store.ledger.write([{ type: 'put', key: prefixed(PREFIX_DIRECT, id), value: encodePinRecord(cid, options.name) }])
    })
  }

  async rm (cid: CID, options: PinRmOptions = {}): Promise<void> {
    const recursive = options.recursive ?? true
    await this.#exclusive(async () => {
      const db = this.#store.db
      const id = nodeId(cid)
      if (await db.has(prefixed(PREFIX_RECURSIVE, id))) {
        if (!recursive) throw new NotPinnedError(`${cid} is pinned recursively`)
        await this.#walk(async () => this.#walker.release(cid, options))
        return
      }
      const directKey = prefixed(PREFIX_DIRECT, id)
      if (await db.has(directKey)) {
        await this.#store.ledger.write([{ type: 'del', key: directKey }])
        return
      }
      // Kubo's pinner says the same for both (ErrNotPinned), and clients such as IPFS Cluster match on it
      throw new NotPinnedError('not pinned or pinned indirectly', { details: { cid: cid.toString() } })
    })
  }

  async update (from: CID, to: CID, options: PinUpdateOptions = {}): Promise<void> {
    options.signal?.throwIfAborted()
    const unpin = options.unpin ?? true
    await this.#store.withAddLock(async () => {
      await this.#store.assertRoomForNew()
      await this.#exclusive(async () => {
        const db = this.#store.db
        const fromKey = prefixed(PREFIX_RECURSIVE, nodeId(from))
        const toKey = prefixed(PREFIX_RECURSIVE, nodeId(to))
        // Kubo's pinner's wording
        if (!(await db.has(fromKey))) throw new NotPinnedError('\'from\' cid was not recursively pinned already')
        const release = unpin && keyString(fromKey) !== keyString(toKey) ? from : undefined
        // Add before release: shared subtrees keep a count above zero throughout, so they are
        // neither fetched nor read nor walked
        if (!(await db.has(toKey))) {
          await this.#walk(async () => this.#walker.add(to, release, options))
          return
        }
        await this.#store.ledger.write([{ type: 'del', key: prefixed(PREFIX_DIRECT, nodeId(to)) }])
        if (release != null) await this.#walk(async () => this.#walker.release(release))
      })
    })
  }

  async * ls (options: PinLsOptions = {}): AsyncGenerator<PinEntry> {
    const type = options.type ?? 'all'
    if (!['all', 'recursive', 'direct', 'indirect'].includes(type)) {
      throw new InvalidParametersError(`Unknown pin type ${String(type)}`)
    }
    await this.#recovered()
    const db = this.#store.db
    if (options.cids != null) {
      for (const cid of options.cids) {
        options.signal?.throwIfAborted()
        const entry = await this.isPinned(cid)
        if (entry == null || (type !== 'all' && entry.type !== type)) {
          throw new NotPinnedError(`${cid} is not pinned${type === 'all' ? '' : ` ${type}`}`)
        }
        yield entry
      }
      return
    }
    // Kubo's `--name`: a case-sensitive substring of the name; unnamed (and indirect) pins never match
    const named = options.name != null && options.name !== ''
    const matches = (entry: PinEntry): boolean => !named || (entry.name?.includes(options.name as string) ?? false)
    for (const [wanted, prefix] of [['recursive', PREFIX_RECURSIVE], ['direct', PREFIX_DIRECT]] as const) {
      if (type !== 'all' && type !== wanted) continue
      for await (const [, value] of this.#store.ledger.scan(prefixRange(prefix))) {
        options.signal?.throwIfAborted()
        const entry = pinEntry(value, wanted)
        if (matches(entry)) yield entry
      }
    }
    if ((type === 'all' || type === 'indirect') && !named) {
      for await (const [key, value] of this.#store.ledger.scan(prefixRange(PREFIX_COUNT))) {
        options.signal?.throwIfAborted()
        const count = decodeCount(value)
        if (count.parents > 0 && count.roots === 0) yield { cid: await this.#listedCid(key.subarray(1)), type: 'indirect' }
      }
    }
  }

  /**
   * How the block behind `cid` is pinned, checked by multihash: the bytes are shared by every CID
   * with that multihash, so removing them would break a pin under any codec.
   */
  async isPinned (cid: CID): Promise<PinEntry | undefined> {
    await this.#recovered()
    const db = this.#store.db
    const mh = cid.multihash.bytes
    for await (const value of db.values({ ...prefixRange(PREFIX_RECURSIVE, mh), limit: 1 })) {
      return pinEntry(value, 'recursive')
    }
    for await (const value of db.values({ ...prefixRange(PREFIX_DIRECT, mh), limit: 1 })) {
      return pinEntry(value, 'direct')
    }
    for await (const value of db.values(prefixRange(PREFIX_COUNT, mh))) {
      if (decodeCount(value).parents > 0) return { cid, type: 'indirect' }
    }
    return undefined
  }

  /**
   * A counted node as Kubo lists it: under the CID version its block was stored with (so a CIDv0
   * DAG lists CIDv0 children), falling back to CIDv1 when the block is not (yet) local.
   */
  async #listedCid (id: Uint8Array): Promise<CID> {
    const cid = cidFromNodeId(id)
    const value = await this.#store.db.get(prefixed(PREFIX_BLOCK, cid.multihash.bytes))
    if (value == null) return cid
    const record = decodeBlockRecord(value)
    return record.codec === cid.code ? recordCid(cid.multihash.bytes, record) : cid
  }

  /** Makes one block local: already there, or fetched through `getter` and verified */
  async #ensureLocal (cid: CID, getter: BlockGetter | undefined, options: AbortOptions): Promise<Uint8Array> {
    try {
      return await this.#store.getBlock(cid, options)
    } catch (err) {
      if ((err as Error).name !== 'NotFoundError' || getter == null) throw err
    }
    const bytes = await getter.getBlock(cid, options)
    await verifyBlock(cid, bytes)
    await this.#store.putBlock(cid, bytes, options)
    return bytes
  }
}

function pinEntry (value: Uint8Array, type: 'recursive' | 'direct'): PinEntry {
  const record = decodePinRecord(value)
  return record.name == null ? { cid: record.cid, type } : { cid: record.cid, type, name: record.name }
}
