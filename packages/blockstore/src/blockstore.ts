import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  AbortError, BlockTooLargeError, InvalidParametersError, NotFoundError, RepoCorruptError, RepoLockedError, hasCode
} from '@cairn/interface'
import { Level } from 'level'
import { CID } from 'multiformats/cid'
import { DAG_PB_CODE, blockLinks, dagPbLinksFromPrefix, isLeafCodec } from './links.ts'
import { PackFiles } from './packs.ts'
import {
  DEFAULT_ASYNC_READ_WINDOW_MS, DEFAULT_BATCH_BLOCKS_MAX, DEFAULT_BATCH_BYTES_MAX, DEFAULT_BLOCK_BYTES_MAX, DEFAULT_INDEX_CACHE_BYTES,
  DEFAULT_INDEX_WRITE_BUFFER_BYTES, DEFAULT_INLINE_BYTES_MAX, DEFAULT_OPEN_PACKS_MAX, DEFAULT_PACK_BYTES_MAX,
  DEFAULT_PACK_LIVE_RATIO_MIN, DEFAULT_PIN_BATCH_NODES_MAX, DEFAULT_SYNC, DEFAULT_SYNC_READ_SLOW_MS, DEFAULT_SYNC_STREAK_MS_MAX, DEFAULT_VERIFY,
  STORE_VERSION
} from './constants.ts'
import {
  PREFIX_BLOCK, PREFIX_COUNT, PREFIX_DIRECT, PREFIX_PACK, STATS_KEY, VERSION_KEY, blockKey, decodeBlockRecord,
  decodeMultihash, decodeStats, encodeInline, encodePacked, encodeStats, keyString, multihashLength, packIdOfKey,
  packKey, prefixRange, recordCid, recordSize
} from './encoding.ts'
import { GcLock, Mutex } from './locks.ts'
import { PinsImpl } from './pins.ts'
import { SyncBudget } from './sync-budget.ts'
import { canVerify, verifyBlockSync } from './verify.ts'
import type { BlockRecord } from './encoding.ts'
import type { PackLocation } from './packs.ts'
import type { BlockstoreInit, BlockstoreLogger, CairnBlockstore, GcOptions, Pins, VerifyOptions } from './index.ts'
import type { AbortOptions, Block, VerifyProblem } from '@cairn/interface'
import type { InputPair, Pair } from 'interface-blockstore'
import type { DatabaseOptions } from 'level'

export type Db = Level<Uint8Array, Uint8Array>

const IDENTITY_CODE = 0x00

/** Puts committed in one group commit at most, bounding one LevelDB batch */
const COMMIT_GROUP_PUTS_MAX = 1024

/** Bytes read from the start of a large dag-pb body to find its links (174 links take ~8 KiB) */
const LINKS_PREFIX_BYTES = 16 * 1024

/** A block about to get its index entry: its body is already in a pack when it has a location */
interface Pending { cid: CID, key: Uint8Array, bytes: Uint8Array, location?: PackLocation }

type BatchOp = { type: 'put', key: Uint8Array, value: Uint8Array } | { type: 'del', key: Uint8Array }

/** Live bodies per pack, mirrored from the 'P' keys */
interface PackLive { blocks: number, bytes: number }

const silent: BlockstoreLogger = Object.assign(() => {}, { error: () => {} })

export class LevelBlockstore implements CairnBlockstore {
  readonly path: string
  readonly log: BlockstoreLogger
  readonly pins: Pins
  readonly db: Db
  readonly packs: PackFiles
  readonly gcLock = new GcLock()
  /** Serialises every index batch that adds, moves or removes blocks, so the counters stay exact */
  readonly #writeLock = new Mutex()
  readonly #packLive = new Map<number, PackLive>()
  readonly #commitQueue: Array<{ pending: Pending[], resolve: () => void, reject: (err: unknown) => void }> = []
  #committing = false
  readonly #verify: boolean
  readonly #inlineMax: number
  readonly #batchBlocks: number
  readonly #batchBytes: number
  readonly #sync: boolean
  readonly #blockMax: number
  readonly #liveRatioMin: number
  readonly #getSync: boolean
  readonly #syncBudget = new SyncBudget(DEFAULT_SYNC_STREAK_MS_MAX)
  #blocks = 0
  #bytes = 0
  #closed = false

  constructor (init: BlockstoreInit, db: Db) {
    this.path = init.path
    this.db = db
    this.log = init.logger?.forComponent('cairn:blockstore') ?? silent
    this.packs = new PackFiles(join(init.path, 'packs'), {
      log: this.log,
      packBytesMax: init.packBytesMax ?? DEFAULT_PACK_BYTES_MAX,
      openPacksMax: init.openPacksMax ?? DEFAULT_OPEN_PACKS_MAX,
      syncReadSlowMs: init.syncReadSlowMs ?? DEFAULT_SYNC_READ_SLOW_MS,
      asyncReadWindowMs: init.asyncReadWindowMs ?? DEFAULT_ASYNC_READ_WINDOW_MS,
      syncBudget: this.#syncBudget
    })
    this.#verify = init.verify ?? DEFAULT_VERIFY
    this.#inlineMax = init.inlineBytesMax ?? DEFAULT_INLINE_BYTES_MAX
    this.#batchBlocks = init.batchBlocksMax ?? DEFAULT_BATCH_BLOCKS_MAX
    this.#batchBytes = init.batchBytesMax ?? DEFAULT_BATCH_BYTES_MAX
    this.#sync = init.sync ?? DEFAULT_SYNC
    this.#blockMax = init.blockBytesMax ?? DEFAULT_BLOCK_BYTES_MAX
    this.#liveRatioMin = init.packLiveRatioMin ?? DEFAULT_PACK_LIVE_RATIO_MIN
    this.#getSync = (db.supports as { getSync?: boolean }).getSync === true
    this.pins = new PinsImpl(this, init.pinBatchNodesMax ?? DEFAULT_PIN_BATCH_NODES_MAX)
  }

  /** Checks the version, loads the counters and removes packs no index entry can reach */
  async init (): Promise<void> {
    const version = await this.db.get(VERSION_KEY)
    if (version == null) {
      for await (const _ of this.db.keys({ limit: 1 })) {
        throw new RepoCorruptError(`Block store at ${this.path} has data but no /version key`)
      }
      await this.db.batch([
        { type: 'put', key: VERSION_KEY, value: new TextEncoder().encode(String(STORE_VERSION)) },
        { type: 'put', key: STATS_KEY, value: encodeStats(0, 0) }
      ], { sync: true })
    } else {
      const found = new TextDecoder().decode(version)
      if (found !== String(STORE_VERSION)) {
        throw new RepoCorruptError(`Block store at ${this.path} has layout version ${found}; this Cairn reads version ${STORE_VERSION}`)
      }
      const stats = await this.db.get(STATS_KEY)
      if (stats == null) throw new RepoCorruptError(`Block store at ${this.path} has no /stats key`)
      const { blocks, bytes } = decodeStats(stats)
      this.#blocks = blocks
      this.#bytes = bytes
    }
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_PACK))) {
      const { blocks, bytes } = decodeStats(value)
      this.#packLive.set(packIdOfKey(key), { blocks, bytes })
    }
    // A pack without a 'P' key never had a body committed: a crash hit before its first commit
    for (const id of await this.packs.load()) {
      if (this.#packLive.has(id)) continue
      this.log('removing pack %d: no body in it was ever committed', id)
      await this.packs.remove(id)
    }
  }

  // --- Cairn block API -------------------------------------------------------------------------

  async getBlock (cid: CID, options: AbortOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted()
    if (cid.multihash.code === IDENTITY_CODE) return cid.multihash.digest
    const key = blockKey(cid)
    let bytes: Uint8Array
    try {
      bytes = await this.#readBody(cid, await this.#record(cid, key))
    } catch (err) {
      // GC may have moved the body to another pack and removed the old one between our index read
      // and our pack read; the index then names the new place
      if ((err as Error).name !== 'RepoCorruptError') throw err
      bytes = await this.#readBody(cid, await this.#record(cid, key))
    }
    if (this.#verify) verifyBlockSync(cid, bytes)
    return bytes
  }

  async #record (cid: CID, key: Uint8Array): Promise<BlockRecord> {
    // Index records are small and hot, so a synchronous lookup costs microseconds and saves a
    // round trip through libuv's thread pool on every read: the difference between matching raw
    // LevelDB on random reads and beating it
    if (!this.#getSync) return decodeRecordOrThrow(cid, await this.db.get(key))
    const wait = this.#syncBudget.pause()
    if (wait != null) await wait
    return decodeRecordOrThrow(cid, this.db.getSync(key))
  }

  /** Index lookups, synchronous where LevelDB allows (see `#record`) */
  async #hasMany (keys: Uint8Array[]): Promise<boolean[]> {
    if (!this.#getSync) return this.db.hasMany(keys)
    const wait = this.#syncBudget.pause()
    if (wait != null) await wait
    return keys.map(key => this.db.getSync(key) !== undefined)
  }

  /**
   * The links of a stored block. For a large dag-pb body only its first bytes are read, where
   * dag-pb keeps its links: pinning a 1 GiB file then reads kilobytes per leaf, not the leaves.
   */
  async linksOf (cid: CID, options: AbortOptions = {}): Promise<CID[]> {
    options.signal?.throwIfAborted()
    if (isLeafCodec(cid.code)) return []
    if (cid.code === DAG_PB_CODE && cid.multihash.code !== IDENTITY_CODE) {
      const record = await this.#record(cid, blockKey(cid))
      if (record.kind === 'pack' && record.size > LINKS_PREFIX_BYTES) {
        let prefix: Uint8Array | undefined
        try {
          prefix = await this.packs.read({ pack: record.pack, offset: record.offset, size: LINKS_PREFIX_BYTES })
        } catch {
          // Moved by GC or unreadable: the full read below retries or reports it
        }
        const links = prefix == null ? undefined : dagPbLinksFromPrefix(prefix)
        if (links != null) return links
      }
    }
    return blockLinks(cid, await this.getBlock(cid, options))
  }

  async hasBlock (cid: CID, options: AbortOptions = {}): Promise<boolean> {
    options.signal?.throwIfAborted()
    if (cid.multihash.code === IDENTITY_CODE) return true
    return (await this.#hasMany([blockKey(cid)]))[0]
  }

  async putBlock (cid: CID, bytes: Uint8Array, options: AbortOptions = {}): Promise<void> {
    await this.putBlocks([{ cid, bytes }], options)
  }

  async putBlocks (blocks: Block[], options: AbortOptions = {}): Promise<void> {
    options.signal?.throwIfAborted()
    this.#assertOpen()
    // One entry per multihash: CIDv0 and CIDv1 of the same bytes share one copy
    const wanted = new Map<string, Pending>()
    for (const { cid, bytes } of blocks) {
      if (cid.multihash.code === IDENTITY_CODE) continue
      if (bytes.byteLength > this.#blockMax) {
        throw new BlockTooLargeError(`Block ${cid} is ${bytes.byteLength} bytes; the store takes at most ${this.#blockMax}`)
      }
      if (this.#verify) verifyBlockSync(cid, bytes)
      const key = blockKey(cid)
      const k = keyString(key)
      if (!wanted.has(k)) wanted.set(k, { cid, key, bytes })
    }
    if (wanted.size === 0) return
    let pending = [...wanted.values()]
    // Skip bodies already stored before writing any; re-checked under the write lock
    const present = await this.#hasMany(pending.map(p => p.key))
    pending = pending.filter((_, i) => !present[i])
    if (pending.length === 0) return

    const large = pending.filter(p => p.bytes.byteLength > this.#inlineMax)
    let packId: number | undefined
    try {
      if (large.length > 0) {
        // Body first: the index never names bytes that are not written yet
        const locations = await this.packs.append(large.map(p => p.bytes), this.#sync)
        packId = locations[0].pack
        large.forEach((p, i) => { p.location = locations[i] })
      }
      options.signal?.throwIfAborted()
      await this.#commitPuts(pending)
    } finally {
      if (packId != null) this.packs.settle(packId)
    }
  }

  /**
   * The one commit point of a put: index entries, pack and store counters in one LevelDB batch.
   * Puts that arrive while a batch is being written are committed together in the next one (group
   * commit), so many concurrent single-block puts cost a few LevelDB writes, not one each.
   */
  async #commitPuts (pending: Pending[]): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#commitQueue.push({ pending, resolve, reject })
      if (!this.#committing) void this.#drainCommits()
    })
  }

  async #drainCommits (): Promise<void> {
    this.#committing = true
    try {
      while (this.#commitQueue.length > 0) {
        const group = this.#commitQueue.splice(0, COMMIT_GROUP_PUTS_MAX)
        try {
          await this.#writeLock.run(async () => this.#commitGroup(group.flatMap(g => g.pending)))
          for (const g of group) g.resolve()
        } catch (err) {
          for (const g of group) g.reject(err)
        }
      }
    } finally {
      this.#committing = false
    }
  }

  async #commitGroup (pending: Pending[]): Promise<void> {
    this.#assertOpen()
    const present = await this.#hasMany(pending.map(p => p.key))
    const ops: BatchOp[] = []
    const packs = new Map<number, PackLive>()
    const added = new Set<string>()
    let blocks = this.#blocks
    let bytes = this.#bytes
    pending.forEach((p, i) => {
      // Already there, or put by another call in this group: our pack bytes, if any, are dead space
      const k = keyString(p.key)
      if (present[i] || added.has(k)) return
      added.add(k)
      if (p.location == null) {
        ops.push({ type: 'put', key: p.key, value: encodeInline(p.cid, p.bytes) })
      } else {
        ops.push({ type: 'put', key: p.key, value: encodePacked(p.cid, p.location) })
        this.#bumpPack(packs, p.location.pack, 1, p.location.size)
      }
      blocks += 1
      bytes += p.bytes.byteLength
    })
    if (ops.length === 0) return
    await this.#commit(ops, packs, blocks, bytes)
  }

  /** Writes `ops` with the changed pack counters and store counters, then mirrors them in memory */
  async #commit (ops: BatchOp[], packs: Map<number, PackLive>, blocks: number, bytes: number): Promise<void> {
    for (const [id, live] of packs) ops.push({ type: 'put', key: packKey(id), value: encodeStats(live.blocks, live.bytes) })
    ops.push({ type: 'put', key: STATS_KEY, value: encodeStats(blocks, bytes) })
    await this.db.batch(ops, { sync: this.#sync })
    for (const [id, live] of packs) this.#packLive.set(id, live)
    this.#blocks = blocks
    this.#bytes = bytes
  }

  /** Adds to a pack's live counters in a batch being built (starting from the committed values) */
  #bumpPack (packs: Map<number, PackLive>, id: number, blocks: number, bytes: number): void {
    const current = packs.get(id) ?? { ...(this.#packLive.get(id) ?? { blocks: 0, bytes: 0 }) }
    current.blocks += blocks
    current.bytes += bytes
    packs.set(id, current)
  }

  async deleteBlock (cid: CID, options: AbortOptions = {}): Promise<void> {
    await this.deleteBlocks([cid], options)
  }

  /** Removes blocks (pinned or not: refusing pinned blocks is `block rm`'s job, via `pins.isPinned`) */
  async deleteBlocks (cids: CID[], options: AbortOptions = {}): Promise<CID[]> {
    options.signal?.throwIfAborted()
    this.#assertOpen()
    const keys = new Map<string, { cid: CID, key: Uint8Array }>()
    for (const cid of cids) {
      if (cid.multihash.code === IDENTITY_CODE) continue
      const key = blockKey(cid)
      keys.set(keyString(key), { cid, key })
    }
    if (keys.size === 0) return []
    const entries = [...keys.values()]
    return this.#writeLock.run(async () => {
      const values = await this.db.getMany(entries.map(e => e.key))
      const ops: BatchOp[] = []
      const packs = new Map<number, PackLive>()
      const removed: CID[] = []
      let blocks = this.#blocks
      let bytes = this.#bytes
      values.forEach((value, i) => {
        if (value == null) return
        const record = decodeBlockRecord(value)
        ops.push({ type: 'del', key: entries[i].key })
        // The body stays in its pack as dead space until GC compacts the pack
        if (record.kind === 'pack') this.#bumpPack(packs, record.pack, -1, -record.size)
        removed.push(recordCid(entries[i].cid.multihash.bytes, record))
        blocks -= 1
        bytes -= recordSize(record)
      })
      if (ops.length > 0) await this.#commit(ops, packs, blocks, bytes)
      return removed
    })
  }

  async stats (): Promise<{ blocks: number, bytes: number }> {
    return { blocks: this.#blocks, bytes: this.#bytes }
  }

  async withAddLock <T> (fn: () => Promise<T>): Promise<T> {
    return this.gcLock.shared(fn)
  }

  async * verify (options: VerifyOptions = {}): AsyncGenerator<VerifyProblem> {
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted()
      const mh = key.subarray(1)
      let record: BlockRecord
      let cid: CID
      try {
        record = decodeBlockRecord(value)
        cid = recordCid(mh, record)
      } catch {
        // An index entry we cannot even name: report it under a raw CID of its multihash
        yield { cid: CID.createV1(0x55, decodeMultihash(mh)), reason: 'unreadable' }
        continue
      }
      let bytes: Uint8Array
      try {
        bytes = await this.#readBody(cid, record)
      } catch {
        yield { cid, reason: 'unreadable' }
        continue
      }
      if (!canVerify(cid)) continue
      try {
        verifyBlockSync(cid, bytes)
      } catch {
        yield { cid, reason: 'hash-mismatch' }
      }
    }
  }

  async * gc (options: GcOptions = {}): AsyncGenerator<CID> {
    if (this.gcLock.heldShared) {
      throw new InvalidParametersError('gc() called while holding the add lock would wait for itself')
    }
    this.#assertOpen()
    const release = await this.gcLock.exclusive()
    try {
      this.#gcContinue(options)
      const live = await this.#liveMultihashes(options)
      // Sweep in batches: each batch is one index commit, like a delete
      let batch: CID[] = []
      for await (const key of this.db.keys(prefixRange(PREFIX_BLOCK))) {
        this.#gcContinue(options)
        const mh = key.subarray(1)
        if (live.has(keyString(mh))) continue
        batch.push(CID.createV1(0x55, decodeMultihash(mh)))
        if (batch.length >= this.#batchBlocks) {
          yield * await this.deleteBlocks(batch, options)
          batch = []
          this.#gcContinue(options)
        }
      }
      if (batch.length > 0) yield * await this.deleteBlocks(batch, options)
      this.#gcContinue(options)
      await this.#compactPacks(options)
    } catch (err) {
      // close() shuts open iterators: whatever that broke mid-step is the close, said plainly
      if (this.#closed && !hasCode(err, AbortError.code)) throw new AbortError(`GC stopped: block store at ${this.path} was closed`, { cause: err })
      throw err
    } finally {
      release()
    }
  }

  /** Multihashes GC must keep: every node with a pin reference and every direct pin */
  async #liveMultihashes (options: AbortOptions): Promise<Set<string>> {
    const live = new Set<string>()
    for (const prefix of [PREFIX_COUNT, PREFIX_DIRECT]) {
      for await (const key of this.db.keys(prefixRange(prefix))) {
        this.#gcContinue(options)
        live.add(keyString(key.subarray(1, 1 + multihashLength(key, 1))))
      }
    }
    return live
  }

  /**
   * Reclaims dead pack space: removes packs with no live body, and copies the live bodies of packs
   * that are mostly dead into the active pack, then removes the old pack. Copies are committed
   * like puts (body written first, index moved in one batch), only for records that still point
   * at the old place, so concurrent puts and deletes stay correct.
   */
  async #compactPacks (options: AbortOptions): Promise<void> {
    const victims = new Set<number>()
    for (const id of await this.packs.list()) {
      const live = this.#packLive.get(id)
      let size: number
      try {
        size = await this.packs.sizeOf(id)
      } catch (err) {
        // A pack gone missing: nothing to reclaim; verify() reports the blocks it held
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw err
      }
      const dead = live == null || live.blocks === 0 || live.bytes < size * this.#liveRatioMin
      if (!dead) continue
      // The active pack too, once mostly dead: appends move on to a fresh pack
      if (id === this.packs.activeId) await this.packs.seal(id)
      if (!this.packs.isBusy(id)) victims.add(id)
    }
    if (victims.size === 0) return
    this.log('compacting packs %s', [...victims].join(', '))

    // Move the live bodies of the victims, a batch at a time
    let moving: Array<{ key: Uint8Array, cid: CID, record: BlockRecord & { kind: 'pack' } }> = []
    const flush = async (): Promise<void> => {
      if (moving.length === 0) return
      const bodies = await Promise.all(moving.map(async m => this.packs.read(m.record)))
      const locations = await this.packs.append(bodies, this.#sync)
      try {
        await this.#writeLock.run(async () => {
          const current = await this.db.getMany(moving.map(m => m.key))
          const ops: BatchOp[] = []
          const packs = new Map<number, PackLive>()
          moving.forEach((m, i) => {
            const value = current[i]
            if (value == null) return
            const now = decodeBlockRecord(value)
            if (now.kind !== 'pack' || now.pack !== m.record.pack || now.offset !== m.record.offset) return
            ops.push({ type: 'put', key: m.key, value: encodePacked(m.cid, locations[i]) })
            this.#bumpPack(packs, m.record.pack, -1, -m.record.size)
            this.#bumpPack(packs, locations[i].pack, 1, locations[i].size)
          })
          if (ops.length > 0) await this.#commit(ops, packs, this.#blocks, this.#bytes)
        })
      } finally {
        this.packs.settle(locations[0].pack)
      }
      moving = []
    }
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_BLOCK))) {
      this.#gcContinue(options)
      const record = decodeBlockRecord(value)
      if (record.kind !== 'pack' || !victims.has(record.pack)) continue
      moving.push({ key, cid: recordCid(key.subarray(1), record), record })
      if (moving.length >= this.#batchBlocks) await flush()
    }
    await flush()

    // Drop the victims that are now empty: their 'P' key and then the file
    for (const id of victims) {
      const emptied = await this.#writeLock.run(async () => {
        const live = this.#packLive.get(id)
        if (this.packs.isBusy(id) || (live != null && live.blocks > 0)) return false
        if (live != null) {
          await this.db.del(packKey(id), { sync: this.#sync })
          this.#packLive.delete(id)
        }
        return true
      })
      if (emptied) await this.packs.remove(id)
    }
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    // Let committed-or-committing batches finish before the handles go
    await this.#writeLock.run(async () => {})
    await this.packs.close()
    await this.db.close()
  }

  // --- interface-blockstore ---------------------------------------------------------------------

  async put (cid: CID, bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options: AbortOptions = {}): Promise<CID> {
    options.signal?.throwIfAborted()
    await this.putBlock(cid, await concat(bytes), options)
    return cid
  }

  async * putMany (source: Iterable<InputPair> | AsyncIterable<InputPair>, options: AbortOptions = {}): AsyncGenerator<CID> {
    options.signal?.throwIfAborted()
    let batch: Block[] = []
    let batchBytes = 0
    for await (const { cid, bytes } of source) {
      options.signal?.throwIfAborted()
      const block = { cid, bytes: await concat(bytes) }
      batch.push(block)
      batchBytes += block.bytes.byteLength
      if (batch.length >= this.#batchBlocks || batchBytes >= this.#batchBytes) {
        await this.putBlocks(batch, options)
        for (const b of batch) yield b.cid
        batch = []
        batchBytes = 0
      }
    }
    if (batch.length > 0) {
      await this.putBlocks(batch, options)
      for (const b of batch) yield b.cid
    }
  }

  async * get (cid: CID, options: AbortOptions = {}): AsyncGenerator<Uint8Array> {
    yield await this.getBlock(cid, options)
  }

  async * getMany (source: Iterable<CID> | AsyncIterable<CID>, options: AbortOptions = {}): AsyncGenerator<Pair> {
    for await (const cid of source) {
      const bytes = await this.getBlock(cid, options)
      yield { cid, bytes: once(bytes) }
    }
  }

  async has (cid: CID, options: AbortOptions = {}): Promise<boolean> {
    return this.hasBlock(cid, options)
  }

  async delete (cid: CID, options: AbortOptions = {}): Promise<void> {
    await this.deleteBlock(cid, options)
  }

  async * deleteMany (source: Iterable<CID> | AsyncIterable<CID>, options: AbortOptions = {}): AsyncGenerator<CID> {
    options.signal?.throwIfAborted()
    for await (const cid of source) {
      options.signal?.throwIfAborted()
      await this.deleteBlock(cid, options)
      yield cid
    }
  }

  async * getAll (options: AbortOptions = {}): AsyncGenerator<Pair> {
    options.signal?.throwIfAborted()
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted()
      const record = decodeBlockRecord(value)
      const cid = recordCid(key.subarray(1), record)
      let bytes: Uint8Array
      try {
        bytes = await this.#readBody(cid, record)
      } catch (err) {
        // Moved by a concurrent GC since the iterator's snapshot
        if ((err as Error).name !== 'RepoCorruptError') throw err
        bytes = await this.getBlock(cid, options)
      }
      yield { cid, bytes: once(bytes) }
    }
  }

  // --- internals ---------------------------------------------------------------------------------

  async #readBody (cid: CID, record: BlockRecord): Promise<Uint8Array> {
    if (record.kind === 'inline') return plain(record.bytes)
    try {
      return await this.packs.read(record)
    } catch (err) {
      throw new RepoCorruptError(`Block ${cid} is indexed but its body cannot be read from pack ${record.pack}: ${(err as Error).message}`, { cause: err })
    }
  }

  #assertOpen (): void {
    if (this.#closed) throw new InvalidParametersError(`Block store at ${this.path} is closed`)
  }

  /**
   * Between GC steps: stop on abort, and stop cleanly when the store was closed meanwhile (each
   * step is one commit, so what was swept is consistent) rather than fail on a closed database
   */
  #gcContinue (options: AbortOptions): void {
    options.signal?.throwIfAborted()
    if (this.#closed) throw new AbortError(`GC stopped: block store at ${this.path} was closed`)
  }
}

function decodeRecordOrThrow (cid: CID, value: Uint8Array | undefined): BlockRecord {
  if (value == null) throw new NotFoundError(`Block ${cid} not found`, { details: { cid: cid.toString() } })
  return decodeBlockRecord(value)
}

/** A plain Uint8Array view (no copy): LevelDB and fs hand out Buffers, which compare unequal to Uint8Arrays in deep-equal checks */
function plain (bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

// Async even though the bytes are in hand: consumers (and the compliance suite) await `all(bytes)`
async function * once (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}

async function concat (input: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of input) {
    chunks.push(chunk)
    length += chunk.byteLength
  }
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** Opens (creating if needed) the store folder, mapping LevelDB's failures to one-line repo errors */
export async function openBlockstore (init: BlockstoreInit): Promise<LevelBlockstore> {
  if (typeof init?.path !== 'string' || init.path === '') throw new InvalidParametersError('createBlockstore needs init.path')
  try {
    await mkdir(init.path, { recursive: true })
    if (!(await stat(init.path)).isDirectory()) throw new Error('not a directory')
  } catch (err) {
    throw new RepoCorruptError(`Block store path ${init.path} is not a usable folder: ${(err as Error).message}`, { cause: err })
  }
  // LevelDB tuning that `level`'s cross-platform option type does not list (classic-level reads it)
  const options: DatabaseOptions<Uint8Array, Uint8Array> & { cacheSize: number, writeBufferSize: number } = {
    keyEncoding: 'view',
    valueEncoding: 'view',
    cacheSize: init.indexCacheBytes ?? DEFAULT_INDEX_CACHE_BYTES,
    writeBufferSize: init.indexWriteBufferBytes ?? DEFAULT_INDEX_WRITE_BUFFER_BYTES
  }
  const db: Db = new Level<Uint8Array, Uint8Array>(join(init.path, 'index'), options)
  try {
    await db.open()
  } catch (err) {
    throw mapOpenError(init.path, err)
  }
  try {
    const store = new LevelBlockstore(init, db)
    await store.init()
    return store
  } catch (err) {
    // The open failure is what the caller needs to hear about; a failing close adds nothing
    await db.close().catch(() => {})
    if ((err as Error).name === 'RepoCorruptError') throw err
    throw new RepoCorruptError(`Block store at ${init.path} cannot be read: ${deepestMessage(err)}`, { cause: err })
  }
}

function mapOpenError (path: string, err: unknown): Error {
  const codes: string[] = []
  for (let e = err as { code?: string, cause?: unknown } | undefined; e != null; e = e.cause as typeof e) {
    if (typeof e.code === 'string') codes.push(e.code)
  }
  const detail = deepestMessage(err)
  if (codes.includes('LEVEL_LOCKED')) {
    return new RepoLockedError(`Block store at ${path} is locked by another process (a running daemon?) or another open store`, { cause: err })
  }
  return new RepoCorruptError(`Block store at ${path} cannot be opened: ${detail}`, { cause: err })
}

function deepestMessage (err: unknown): string {
  let e = err as { message?: string, cause?: unknown } | undefined
  let message = String(err)
  while (e != null) {
    if (typeof e.message === 'string' && e.message !== '') message = e.message
    e = e.cause as typeof e
  }
  return message.split('\n')[0]
}
