import { InvalidParametersError, NotFoundError, NotPinnedError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { DEFAULT_PIN_WALK_CONCURRENCY } from './constants.ts'
import {
  PREFIX_BLOCK, PREFIX_COUNT, PREFIX_DIRECT, PREFIX_RECURSIVE, cidFromNodeId, decodeBlockRecord, decodeCount, encodeCount,
  keyString, nodeId, prefixRange, prefixed, recordCid
} from './encoding.ts'
import { blockLinks, isLeafCodec } from '@cairn/ipld'
import { Mutex, forEachLimit } from './locks.ts'
import { verifyBlock } from '@cairn/ipld'
import type { LevelBlockstore } from './blockstore.ts'
import type { RefCount } from './encoding.ts'
import type { PinAddOptions, PinLsOptions, PinRmOptions, PinUpdateOptions, Pins } from './index.ts'
import type { AbortOptions, BlockGetter, PinEntry } from '@cairn/interface'

type BatchOp = { type: 'put', key: Uint8Array, value: Uint8Array } | { type: 'del', key: Uint8Array }

/** Links of DAG nodes already read, keyed by node id, so a second walk need not read them again */
type LinkCache = Map<string, CID[]>

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
 * Every change to a pin is one LevelDB batch (pin record plus all its count changes), so a crash
 * leaves the old pin set or the new one; pin changes run one at a time.
 */
export class PinsImpl implements Pins {
  readonly #store: LevelBlockstore
  readonly #mutex = new Mutex()

  constructor (store: LevelBlockstore) {
    this.#store = store
  }

  async add (cid: CID, options: PinAddOptions = {}): Promise<void> {
    options.signal?.throwIfAborted()
    // Shared GC lock: blocks fetched or checked below cannot be swept before the pin commits
    await this.#store.withAddLock(async () => {
      if (options.recursive === false) {
        await this.#addDirect(cid, options)
        return
      }
      const cache: LinkCache = new Map()
      if (options.getter != null) await this.#fetchDag(cid, options.getter, cache, options)
      await this.#mutex.run(async () => {
        const db = this.#store.db
        const id = nodeId(cid)
        if (await db.has(prefixed(PREFIX_RECURSIVE, id))) return
        // Progress comes from one walk only: the fetch when there was one, else the count
        const tx = new CountTx(this.#store, cache, options.getter != null ? { signal: options.signal } : options)
        await tx.addRoot(cid)
        const ops = tx.ops()
        ops.push({ type: 'put', key: prefixed(PREFIX_RECURSIVE, id), value: cid.bytes })
        // A recursive pin supersedes a direct one, as in Kubo
        ops.push({ type: 'del', key: prefixed(PREFIX_DIRECT, id) })
        await db.batch(ops)
      })
    })
  }

  async #addDirect (cid: CID, options: PinAddOptions): Promise<void> {
    await this.#ensureLocal(cid, options.getter, options)
    await this.#mutex.run(async () => {
      const db = this.#store.db
      const id = nodeId(cid)
      if (await db.has(prefixed(PREFIX_RECURSIVE, id))) {
        throw new InvalidParametersError(`${cid} is already pinned recursively`)
      }
      await db.put(prefixed(PREFIX_DIRECT, id), cid.bytes)
    })
  }

  async rm (cid: CID, options: PinRmOptions = {}): Promise<void> {
    const recursive = options.recursive ?? true
    await this.#mutex.run(async () => {
      const db = this.#store.db
      const id = nodeId(cid)
      const recursiveKey = prefixed(PREFIX_RECURSIVE, id)
      if (await db.has(recursiveKey)) {
        if (!recursive) throw new NotPinnedError(`${cid} is pinned recursively`)
        const tx = new CountTx(this.#store, new Map(), {})
        await tx.removeRoot(cid)
        const ops = tx.ops()
        ops.push({ type: 'del', key: recursiveKey })
        await db.batch(ops)
        return
      }
      const directKey = prefixed(PREFIX_DIRECT, id)
      if (await db.has(directKey)) {
        await db.del(directKey)
        return
      }
      const count = await readCount(this.#store, id)
      if (count != null && count.parents > 0) throw new NotPinnedError(`${cid} is pinned indirectly`)
      throw new NotPinnedError(`${cid} is not pinned`)
    })
  }

  async update (from: CID, to: CID, options: PinUpdateOptions = {}): Promise<void> {
    options.signal?.throwIfAborted()
    const unpin = options.unpin ?? true
    await this.#store.withAddLock(async () => {
      const db = this.#store.db
      if (!(await db.has(prefixed(PREFIX_RECURSIVE, nodeId(from))))) {
        throw new NotPinnedError(`${from} is not pinned recursively`)
      }
      const cache: LinkCache = new Map()
      // Stops where it meets counted nodes, so what `from` shares with `to` is not fetched or read
      if (options.getter != null) await this.#fetchDag(to, options.getter, cache, options)
      await this.#mutex.run(async () => {
        const fromKey = prefixed(PREFIX_RECURSIVE, nodeId(from))
        const toId = nodeId(to)
        const toKey = prefixed(PREFIX_RECURSIVE, toId)
        if (!(await db.has(fromKey))) throw new NotPinnedError(`${from} is not pinned recursively`)
        const tx = new CountTx(this.#store, cache, options.getter != null ? { signal: options.signal } : options)
        const ops: BatchOp[] = []
        const toPinned = await db.has(toKey)
        // Add before release: shared subtrees keep a count above zero throughout
        if (!toPinned) await tx.addRoot(to)
        if (unpin && keyString(fromKey) !== keyString(toKey)) {
          await tx.removeRoot(from)
          ops.push({ type: 'del', key: fromKey })
        }
        ops.push(...tx.ops())
        if (!toPinned) ops.push({ type: 'put', key: toKey, value: to.bytes })
        ops.push({ type: 'del', key: prefixed(PREFIX_DIRECT, toId) })
        await db.batch(ops)
      })
    })
  }

  async * ls (options: PinLsOptions = {}): AsyncGenerator<PinEntry> {
    const type = options.type ?? 'all'
    if (!['all', 'recursive', 'direct', 'indirect'].includes(type)) {
      throw new InvalidParametersError(`Unknown pin type ${String(type)}`)
    }
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
    if (type === 'all' || type === 'recursive') {
      for await (const value of db.values(prefixRange(PREFIX_RECURSIVE))) {
        options.signal?.throwIfAborted()
        yield { cid: CID.decode(value), type: 'recursive' }
      }
    }
    if (type === 'all' || type === 'direct') {
      for await (const value of db.values(prefixRange(PREFIX_DIRECT))) {
        options.signal?.throwIfAborted()
        yield { cid: CID.decode(value), type: 'direct' }
      }
    }
    if (type === 'all' || type === 'indirect') {
      for await (const [key, value] of db.iterator(prefixRange(PREFIX_COUNT))) {
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
    const db = this.#store.db
    const mh = cid.multihash.bytes
    for await (const value of db.values({ ...prefixRange(PREFIX_RECURSIVE, mh), limit: 1 })) {
      return { cid: CID.decode(value), type: 'recursive' }
    }
    for await (const value of db.values({ ...prefixRange(PREFIX_DIRECT, mh), limit: 1 })) {
      return { cid: CID.decode(value), type: 'direct' }
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

  /**
   * Makes a whole DAG local through `getter`, recording each node's links. Stops at nodes that
   * already have a pin count: their subtrees are complete and stay so while we hold the add lock.
   */
  async #fetchDag (root: CID, getter: BlockGetter, cache: LinkCache, options: PinAddOptions): Promise<void> {
    const seen = new Set<string>()
    let frontier = [root]
    let walked = 0
    while (frontier.length > 0) {
      options.signal?.throwIfAborted()
      const wave = frontier.filter(cid => {
        const k = keyString(nodeId(cid))
        if (seen.has(k)) return false
        seen.add(k)
        return true
      })
      frontier = []
      const counts = await this.#store.db.getMany(wave.map(cid => prefixed(PREFIX_COUNT, nodeId(cid))))
      const next: CID[][] = []
      await forEachLimit(wave.filter((_, i) => counts[i] == null), DEFAULT_PIN_WALK_CONCURRENCY, async cid => {
        if (isLeafCodec(cid.code)) {
          if (!(await this.#store.hasBlock(cid, options))) await this.#ensureLocal(cid, getter, options)
          return
        }
        // Local nodes: links from the store (a prefix read for large dag-pb); others fetched and verified
        const links = await this.#store.hasBlock(cid, options)
          ? await this.#store.linksOf(cid, options)
          : blockLinks(cid, await this.#ensureLocal(cid, getter, options))
        cache.set(keyString(nodeId(cid)), links)
        next.push(links)
      })
      walked += wave.length
      options.onProgress?.(walked)
      frontier = next.flat()
    }
  }
}

async function readCount (store: LevelBlockstore, id: Uint8Array): Promise<RefCount | undefined> {
  const value = await store.db.get(prefixed(PREFIX_COUNT, id))
  return value == null ? undefined : decodeCount(value)
}

/** Count changes of one pin operation, applied in memory and written in one batch by the caller */
class CountTx {
  readonly #store: LevelBlockstore
  readonly #cache: LinkCache
  readonly #options: PinAddOptions
  readonly #counts = new Map<string, { key: Uint8Array, count: RefCount }>()
  #walked = 0

  constructor (store: LevelBlockstore, cache: LinkCache, options: PinAddOptions) {
    this.#store = store
    this.#cache = cache
    this.#options = options
  }

  async addRoot (cid: CID): Promise<void> {
    await this.#walk([{ cid, root: true }], +1)
  }

  async removeRoot (cid: CID): Promise<void> {
    await this.#walk([{ cid, root: true }], -1)
  }

  ops (): BatchOp[] {
    const ops: BatchOp[] = []
    for (const { key, count } of this.#counts.values()) {
      if (count.roots + count.parents === 0) ops.push({ type: 'del', key })
      else ops.push({ type: 'put', key, value: encodeCount(count) })
    }
    return ops
  }

  /**
   * Applies +1/-1 to each node, then walks into the nodes that crossed zero: their links gain (or
   * lose) a parent. Works in waves so that count reads and block reads are batched.
   */
  async #walk (start: Array<{ cid: CID, root: boolean }>, delta: 1 | -1): Promise<void> {
    let wave = start
    while (wave.length > 0) {
      this.#options.signal?.throwIfAborted()
      await this.#load(wave.map(w => w.cid))
      const crossed: CID[] = []
      for (const { cid, root } of wave) {
        const entry = this.#counts.get(keyString(nodeId(cid)))!
        const before = entry.count.roots + entry.count.parents
        if (root) entry.count.roots += delta
        else entry.count.parents += delta
        if (entry.count.roots < 0 || entry.count.parents < 0) {
          // Releasing a reference that was never taken: the index is damaged; keep going at zero
          entry.count.roots = Math.max(0, entry.count.roots)
          entry.count.parents = Math.max(0, entry.count.parents)
          continue
        }
        const after = entry.count.roots + entry.count.parents
        if ((delta > 0 && before === 0 && after > 0) || (delta < 0 && before > 0 && after === 0)) crossed.push(cid)
      }
      const children: CID[][] = []
      await forEachLimit(crossed, DEFAULT_PIN_WALK_CONCURRENCY, async cid => {
        children.push(await this.#links(cid, delta))
      })
      this.#walked += wave.length
      this.#options.onProgress?.(this.#walked)
      wave = children.flat().map(cid => ({ cid, root: false }))
    }
  }

  async #load (cids: CID[]): Promise<void> {
    const missing = new Map<string, Uint8Array>()
    for (const cid of cids) {
      const k = keyString(nodeId(cid))
      if (!this.#counts.has(k) && !missing.has(k)) missing.set(k, prefixed(PREFIX_COUNT, nodeId(cid)))
    }
    if (missing.size === 0) return
    const keys = [...missing.values()]
    const values = await this.#store.db.getMany(keys)
    let i = 0
    for (const [k, key] of missing) {
      const value = values[i++]
      this.#counts.set(k, { key, count: value == null ? { roots: 0, parents: 0 } : decodeCount(value) })
    }
  }

  async #links (cid: CID, delta: 1 | -1): Promise<CID[]> {
    if (isLeafCodec(cid.code)) {
      // Pinning promises the whole DAG is here, leaves included
      if (delta > 0 && !(await this.#store.hasBlock(cid))) throw missingBlock(cid)
      return []
    }
    const cached = this.#cache.get(keyString(nodeId(cid)))
    if (cached != null) return cached
    try {
      return await this.#store.linksOf(cid, this.#options)
    } catch (err) {
      if ((err as Error).name === 'NotFoundError') {
        // Unpinning a node whose block is gone (removed by hand): its children keep their counts,
        // which only keeps them from GC; adding must have the whole DAG
        if (delta < 0) {
          this.#store.log.error('unpinning %s: its block is gone, so its children stay counted (kept from GC)', cid)
          return []
        }
        throw missingBlock(cid)
      }
      throw err
    }
  }
}

function missingBlock (cid: CID): NotFoundError {
  return new NotFoundError(`Cannot pin: block ${cid} is not in the store (pass a getter to fetch it)`, { details: { cid: cid.toString() } })
}
