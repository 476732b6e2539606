import { join } from 'node:path'
import { BlockTooLargeError, HashMismatchError, NoSpaceError, NotFoundError, RepoCorruptError, StoreClosedError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { InterfaceBlockstoreAdapter } from './adapter.ts'
import { DAG_PB_CODE, RAW_CODE, blockLinks, dagPbLinksFromPrefix, isLeafCodec } from '@cairn/ipld'
import { ChecksumMismatch, PackFiles } from './packs.ts'
import { Reserve, markLegacyReserve } from './reserve.ts'
import {
  DEFAULT_ASYNC_READ_WINDOW_MS, DEFAULT_BATCH_BLOCKS_MAX, DEFAULT_BATCH_BYTES_MAX, DEFAULT_BLOCK_BYTES_MAX,
  DEFAULT_INLINE_BYTES_MAX, DEFAULT_OPEN_PACKS_MAX, DEFAULT_PACK_BYTES_MAX, DEFAULT_PACK_LIVE_RATIO_MIN,
  DEFAULT_PIN_BATCH_NODES_MAX, DEFAULT_RESERVE_BYTES, DEFAULT_SYNC, DEFAULT_SYNC_READ_SLOW_MS, DEFAULT_SYNC_STREAK_MS_MAX,
  DEFAULT_STORAGE_GC_WATERMARK, DEFAULT_VERIFY, STORE_VERSION
} from './constants.ts'
import {
  NEXT_PACK_KEY, PACK_PREFIX_BYTES, PREFIX_BLOCK, STATS_KEY, VERSION_KEY, blockKey, decodeBlockRecord, decodeMultihash, encodeInline, encodePacked,
  encodeStats, keyString, prefixRange, recordCid, recordSize
} from './encoding.ts'
import { StorageBudget } from './budget.ts'
import { collectGarbage, compactPacks } from './gc.ts'
import { keepDags } from './roots.ts'
import { UseIndex } from './uses.ts'
import { IndexLedger } from './ledger.ts'
import { GcLock, Mutex } from './locks.ts'
import { PinsImpl } from './pins.ts'
import { GcTouches } from './touches.ts'
import { NamedRootsImpl } from './named-roots.ts'
import { SyncBudget } from './sync-budget.ts'
import { canVerify, verifyBlockSync } from '@cairn/ipld'
import type { BlockRecord } from './encoding.ts'
import type { GcHost } from './gc.ts'
import type { BatchOp, Db, PackLive } from './ledger.ts'
import type { PackLocation } from './packs.ts'
import type { LevelReserve } from './open.ts'
import type { BlockstoreCounters, BlockstoreInit, BlockstoreLogger, CairnBlockstore, GcOptions, GcRoots, Pins, VerifyOptions } from './index.ts'
import type { AbortOptions, Block, VerifyProblem } from '@cairn/interface'

export type { Db } from './ledger.ts'

const IDENTITY_CODE = 0x00

/** Puts committed in one group commit at most, bounding one LevelDB batch */
const COMMIT_GROUP_PUTS_MAX = 1024

/** A block about to get its index entry: its body is already in a pack when it has a location */
interface Pending { cid: CID, key: Uint8Array, bytes: Uint8Array, location?: PackLocation, forAdd?: boolean }

const silent: BlockstoreLogger = Object.assign(() => {}, { error: () => {} })

export class LevelBlockstore extends InterfaceBlockstoreAdapter implements CairnBlockstore, GcHost {
  readonly path: string
  readonly log: BlockstoreLogger
  readonly pins: PinsImpl
  readonly db: Db
  readonly ledger: IndexLedger
  /** Blocks relied on while GC sweeps (see touches.ts) */
  readonly touches: GcTouches
  /** Named roots recorded in the index (the MFS root); GC keeps them through `gcRoots` */
  readonly roots: NamedRootsImpl
  /** One GC at a time */
  readonly gcRuns = new Mutex()
  readonly packs: PackFiles
  readonly reserve: Reserve
  readonly gcLock = new GcLock()
  /** When each block was last used: what eviction orders by (see uses.ts) */
  readonly uses: UseIndex
  /** Datastore.StorageMax, enforced (see budget.ts) */
  readonly budget: StorageBudget
  /** One pack compaction at a time: GC's and eviction's */
  readonly compaction = new Mutex()
  readonly #gcRoots?: GcRoots
  #gcFreedBytes = 0
  readonly batchBlocksMax: number
  readonly batchBytesMax: number
  readonly packLiveRatioMin: number
  readonly syncEveryPut: boolean
  readonly #commitQueue: Array<{ pending: Pending[], resolve: () => void, reject: (err: unknown) => void }> = []
  #committing = false
  /** Reads and writes since open, for metrics */
  readonly #ops = { reads: 0, readBytes: 0, writes: 0, writtenBytes: 0 }
  readonly #verify: boolean
  readonly #inlineMax: number
  readonly #blockMax: number
  readonly #getSync: boolean
  readonly #syncBudget = new SyncBudget(DEFAULT_SYNC_STREAK_MS_MAX)
  #closed = false
  readonly #otherReserves = new Set<LevelReserve>()
  readonly #probe?: BlockstoreInit['probe']
  readonly #legacyReserves?: string[]

  constructor (init: BlockstoreInit, db: Db) {
    super()
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this
    this.path = init.path
    this.db = db
    this.log = init.logger?.forComponent('cairn:blockstore') ?? silent
    this.syncEveryPut = init.sync ?? DEFAULT_SYNC
    this.#probe = init.probe
    this.#legacyReserves = init.legacyReserves
    this.reserve = new Reserve(join(init.path, 'reserve'), init.reserveBytes ?? DEFAULT_RESERVE_BYTES, this.log, init.faults, init.probe)
    this.ledger = new IndexLedger({
      path: init.path,
      db,
      sync: this.syncEveryPut,
      log: this.log,
      reserve: this.reserve,
      faults: init.faults,
      // New bodies go to a new pack after a reopen, as after a restart
      onReopen: async () => { const id = this.packs.activeId; if (id != null) await this.packs.seal(id) }
    })
    this.packs = new PackFiles(join(init.path, 'packs'), {
      log: this.log,
      packBytesMax: init.packBytesMax ?? DEFAULT_PACK_BYTES_MAX,
      openPacksMax: init.openPacksMax ?? DEFAULT_OPEN_PACKS_MAX,
      syncReadSlowMs: init.syncReadSlowMs ?? DEFAULT_SYNC_READ_SLOW_MS,
      asyncReadWindowMs: init.asyncReadWindowMs ?? DEFAULT_ASYNC_READ_WINDOW_MS,
      syncBudget: this.#syncBudget,
      allocateId: async () => this.ledger.allocatePack(),
      faults: init.faults
    })
    this.#verify = init.verify ?? DEFAULT_VERIFY
    this.#inlineMax = init.inlineBytesMax ?? DEFAULT_INLINE_BYTES_MAX
    this.batchBlocksMax = init.batchBlocksMax ?? DEFAULT_BATCH_BLOCKS_MAX
    this.batchBytesMax = init.batchBytesMax ?? DEFAULT_BATCH_BYTES_MAX
    this.#blockMax = init.blockBytesMax ?? DEFAULT_BLOCK_BYTES_MAX
    this.packLiveRatioMin = init.packLiveRatioMin ?? DEFAULT_PACK_LIVE_RATIO_MIN
    this.#getSync = (db.supports as { getSync?: boolean }).getSync === true
    this.touches = new GcTouches(this.ledger)
    this.roots = new NamedRootsImpl(this)
    this.pins = new PinsImpl(this, init.pinBatchNodesMax ?? DEFAULT_PIN_BATCH_NODES_MAX)
    this.#gcRoots = init.gcRoots
    this.uses = new UseIndex(this.ledger, this.log)
    const onEvict = init.onEvict
    this.budget = new StorageBudget({
      get path () { return init.path },
      log: this.log,
      ledger: this.ledger,
      touches: this.touches,
      uses: this.uses,
      batchBlocksMax: this.batchBlocksMax,
      get closed () { return store.closed },
      deleteBlocks: async (cids, options) => this.deleteBlocks(cids, options),
      markRoots: async (options) => this.markRoots(options),
      compact: async (options) => this.compaction.run(async () => compactPacks(this, options)),
      onEvict: onEvict == null ? undefined : (cids) => { onEvict(cids) }
    }, { storageMax: init.storageMax ?? Infinity, watermarkPercent: init.storageGcWatermark ?? DEFAULT_STORAGE_GC_WATERMARK })
  }

  get closed (): boolean {
    return this.#closed
  }

  /** Checks the version, loads the counters and removes packs no index entry can reach */
  async init (): Promise<void> {
    const version = await this.db.get(VERSION_KEY)
    if (version == null) {
      for await (const _ of this.db.keys({ limit: 1 })) {
        throw new RepoCorruptError(`Block store at ${this.path} has data but no /version key`)
      }
      await this.ledger.write([
        { type: 'put', key: VERSION_KEY, value: new TextEncoder().encode(String(STORE_VERSION)) },
        { type: 'put', key: STATS_KEY, value: encodeStats(0, 0) },
        { type: 'put', key: NEXT_PACK_KEY, value: Uint8Array.of(0) }
      ], true)
    } else {
      const found = new TextDecoder().decode(version)
      if (found === '1' || found === '2') {
        // 1 → 2: pin records may carry a name after the CID; version 1 records read as unnamed
        // pins, so nothing is rewritten. 2 → 3: Cairn before 3 deleted a released reserve, so a
        // missing reserve file here may be one it released: marked released (README "What the
        // store guarantees", 4), the store's own and the repo's others (`legacyReserves`), before
        // the version moves (a crash between marks again; a Cairn that reads 2 refuses 3 clearly)
        this.log('migrating the block store layout from version %s to %d (named pins, reserve marks)', found, STORE_VERSION)
        if (this.reserve.bytes > 0) {
          for (const path of [this.reserve.path, ...(this.#legacyReserves ?? [])]) {
            if (await markLegacyReserve(path)) this.log('reserve %s missing in a version %s store: marked released', path, found)
          }
        }
        await this.ledger.write([{ type: 'put', key: VERSION_KEY, value: new TextEncoder().encode(String(STORE_VERSION)) }], true)
      } else if (found !== String(STORE_VERSION)) {
        throw new RepoCorruptError(`Block store at ${this.path} has layout version ${found}; this Cairn reads version ${STORE_VERSION}`)
      }
    }
    const packIds = await this.packs.load()
    await this.ledger.load(packIds)
    await this.uses.load()
    // A pack without a 'P' key never had a body committed: a crash hit before its first commit
    for (const id of packIds) {
      if (this.ledger.packLive.has(id)) continue
      this.log('removing pack %d: no body in it was ever committed', id)
      await this.packs.remove(id)
    }
    await this.reserve.ensure()
    // A budget lowered since the last run, or the first run with one
    this.budget.evictSoon()
  }

  // --- Cairn block API -------------------------------------------------------------------------

  async getBlock (cid: CID, options: AbortOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted()
    if (cid.multihash.code === IDENTITY_CODE) return cid.multihash.digest
    const key = blockKey(cid)
    let bytes: Uint8Array
    try {
      bytes = await this.readBody(cid, await this.#record(cid, key))
    } catch (err) {
      // GC may have moved the body to another pack and removed the old one between our index read
      // and our pack read; the index then names the new place
      if ((err as Error).name !== 'RepoCorruptError') throw err
      bytes = await this.readBody(cid, await this.#record(cid, key))
    }
    if (this.#verify) verifyBlockSync(cid, bytes)
    this.uses.used(cid.multihash.bytes)
    this.#ops.reads++
    this.#ops.readBytes += bytes.byteLength
    return bytes
  }

  counters (): BlockstoreCounters {
    return { ...this.#ops, packFiles: this.ledger.packLive.size, gcFreedBytes: this.#gcFreedBytes, ...this.budget.counters, storageMax: this.budget.max, storageHigh: this.budget.high }
  }

  async #record (cid: CID, key: Uint8Array): Promise<BlockRecord> {
    this.assertOpen()
    // Index records are small and hot, so a synchronous lookup costs microseconds and saves a
    // round trip through libuv's thread pool on every read: the difference between matching raw
    // LevelDB on random reads and beating it
    if (this.ledger.reopening != null || this.db.status !== 'open') await this.ledger.ready()
    if (!this.#getSync) return decodeRecordOrThrow(cid, await this.db.get(key))
    const wait = this.#syncBudget.pause()
    if (wait != null) await wait
    return decodeRecordOrThrow(cid, this.db.getSync(key))
  }

  /** Index values, synchronous where LevelDB allows (see `#record`) */
  async #getMany (keys: Uint8Array[]): Promise<Array<Uint8Array | undefined>> {
    this.assertOpen()
    if (this.ledger.reopening != null || this.db.status !== 'open') await this.ledger.ready()
    if (!this.#getSync) return this.db.getMany(keys)
    const wait = this.#syncBudget.pause()
    if (wait != null) await wait
    return keys.map(key => this.db.getSync(key))
  }

  /** Index lookups, synchronous where LevelDB allows (see `#record`) */
  async #hasMany (keys: Uint8Array[]): Promise<boolean[]> {
    this.assertOpen()
    if (this.ledger.reopening != null || this.db.status !== 'open') await this.ledger.ready()
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
    this.assertOpen()
    if (isLeafCodec(cid.code)) return []
    if (cid.code === DAG_PB_CODE && cid.multihash.code !== IDENTITY_CODE) {
      const record = await this.#record(cid, blockKey(cid))
      // Only where the prefix has its own checksum: an older record's body is hash-checked whole
      if (record.kind === 'pack' && record.size > PACK_PREFIX_BYTES && record.prefixSum != null) {
        let prefix: Uint8Array | undefined
        try {
          prefix = await this.packs.readPrefix(record)
        } catch {
          // Moved by GC or unreadable: the full read below retries or reports it
        }
        const links = prefix == null ? undefined : dagPbLinksFromPrefix(prefix)
        if (links != null) return links
      }
    }
    return blockLinks(cid, await this.getBlock(cid, options))
  }

  /** A stored block's size in bytes, from its index record: the body is not read */
  async sizeOf (cid: CID, options: AbortOptions = {}): Promise<number> {
    options.signal?.throwIfAborted()
    if (cid.multihash.code === IDENTITY_CODE) return cid.multihash.digest.byteLength
    return recordSize(await this.#record(cid, blockKey(cid)))
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
    this.assertOpen()
    // Refused early while the index cannot be written (unless it recovers now): no body is written
    if (this.ledger.failure != null) await this.ledger.recover(false)
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
    // Room in the storage budget first, evicting if need be (StorageFullError when there is none)
    let upper = 0
    for (const p of pending) upper += p.bytes.byteLength
    const release = await this.budget.admit(upper, async () => {
      const there = await this.#hasMany(pending.map(p => p.key))
      let bytes = 0
      pending.forEach((p, i) => { if (!there[i]) bytes += p.bytes.byteLength })
      return bytes
    })
    const putDone = this.budget.putStarted()
    try {
      // While GC or eviction sweeps, blocks found already stored are kept by touching them before looking
      await this.touches.touch(pending.map(p => p.cid))
      // Skip bodies already stored before writing any; re-checked under the write lock
      const present = await this.#hasMany(pending.map(p => p.key))
      // a use of what is already there: eviction keeps it as long as what this put brings
      const forAdd = this.gcLock.heldShared
      pending.forEach((p, i) => {
        if (present[i]) this.uses.used(p.cid.multihash.bytes, forAdd)
        else p.forAdd = forAdd
      })
      pending = pending.filter((_, i) => !present[i])
      if (pending.length === 0) return
      // Checked and written under the reserve's gate: a GC releasing the reserve meanwhile waits
      // for this write, and the room it frees is never spent by a put that checked before it
      await this.reserve.held(async () => {
        await this.assertRoomForNew()
        await this.#probe?.('room-checked')
      }, async () => this.#writeNew(pending, options))
    } finally {
      putDone()
      release()
    }
  }

  /** Bodies to packs, then the index: the blocks of `pending` are not stored yet */
  async #writeNew (pending: Pending[], options: AbortOptions): Promise<void> {

    const large = pending.filter(p => p.bytes.byteLength > this.#inlineMax)
    let packId: number | undefined
    try {
      if (large.length > 0) {
        // Body first: the index never names bytes that are not written yet
        const locations = await this.packs.append(large.map(p => p.bytes), this.syncEveryPut)
        packId = locations[0].pack
        large.forEach((p, i) => { p.location = locations[i] })
      }
      options.signal?.throwIfAborted()
      await this.#commitPuts(pending)
      this.#ops.writes += pending.length
      for (const p of pending) this.#ops.writtenBytes += p.bytes.byteLength
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
          await this.ledger.writeLock.run(async () => this.#commitGroup(group.flatMap(g => g.pending)))
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
    this.assertOpen()
    const present = await this.#hasMany(pending.map(p => p.key))
    const ops: BatchOp[] = []
    const packs = new Map<number, PackLive>()
    const added = new Set<string>()
    let blocks = this.ledger.blocks
    let bytes = this.ledger.bytes
    pending.forEach((p, i) => {
      // Already there, or put by another call in this group: our pack bytes, if any, are dead space
      const k = keyString(p.key)
      if (present[i] || added.has(k)) return
      added.add(k)
      this.uses.newBlockOps(p.cid.multihash.bytes, p.forAdd === true, ops)
      if (p.location == null) {
        ops.push({ type: 'put', key: p.key, value: encodeInline(p.cid, p.bytes) })
      } else {
        ops.push({ type: 'put', key: p.key, value: encodePacked(p.cid, p.location) })
        this.ledger.bumpPack(packs, p.location.pack, 1, p.location.size)
      }
      blocks += 1
      bytes += p.bytes.byteLength
    })
    if (ops.length === 0) return
    await this.ledger.commit(ops, packs, blocks, bytes)
  }

  async deleteBlock (cid: CID, options: AbortOptions = {}): Promise<void> {
    await this.deleteBlocks([cid], options)
  }

  /** Removes blocks (pinned or not: refusing pinned blocks is `block rm`'s job, via `pins.isPinned`) */
  async deleteBlocks (cids: CID[], options: AbortOptions & { keepTouched?: boolean, sync?: boolean, freed?: { bytes: number }, bytesMax?: number } = {}): Promise<CID[]> {
    options.signal?.throwIfAborted()
    this.assertOpen()
    const keys = new Map<string, { cid: CID, key: Uint8Array }>()
    for (const cid of cids) {
      if (cid.multihash.code === IDENTITY_CODE) continue
      const key = blockKey(cid)
      keys.set(keyString(key), { cid, key })
    }
    if (keys.size === 0) return []
    const entries = [...keys.values()]
    const ledger = this.ledger
    return ledger.writeLock.run(async () => {
      // Read synchronously where LevelDB allows (see `#record`): every add's index write waits for
      // this step, and two round trips through the thread pool were most of its time under load
      const values = await this.#getMany(entries.map(e => e.key))
      // GC's sweep: what was touched since it began is relied on by an add or a pin; this check and
      // the delete below are one step under the write lock, as every touch is
      const touched = options.keepTouched === true ? await this.#hasMany(this.touches.keysOf(entries.map(e => e.cid.multihash.bytes))) : []
      const ops: BatchOp[] = []
      const packs = new Map<number, PackLive>()
      const removed: CID[] = []
      let blocks = ledger.blocks
      let bytes = ledger.bytes
      // eviction frees what it needs and no more: the blocks past `bytesMax` stay
      let room = options.bytesMax ?? Infinity
      const keep = values.map((value, i) => {
        if (value == null || touched[i] === true) return value != null
        if (room <= 0) return true
        room -= recordSize(decodeBlockRecord(value))
        return false
      })
      // with them go their use keys (also those of blocks already gone)
      await this.uses.deleteOps(entries.filter((_, i) => !keep[i]).map(e => e.cid.multihash.bytes), ops)
      values.forEach((value, i) => {
        if (value == null || keep[i]) return
        const record = decodeBlockRecord(value)
        ops.push({ type: 'del', key: entries[i].key })
        // The body stays in its pack as dead space until GC compacts the pack
        if (record.kind === 'pack') ledger.bumpPack(packs, record.pack, -1, -record.size)
        removed.push(recordCid(entries[i].cid.multihash.bytes, record))
        blocks -= 1
        bytes -= recordSize(record)
        if (options.freed != null) options.freed.bytes += recordSize(record)
      })
      if (ops.length > 0) await ledger.commit(ops, packs, blocks, bytes, options.sync ?? this.syncEveryPut)
      return removed
    })
  }

  async stats (): Promise<{ blocks: number, bytes: number }> {
    this.assertOpen()
    return { blocks: this.ledger.blocks, bytes: this.ledger.bytes }
  }

  /**
   * Runs `fn` holding the GC lock shared; the outermost hold ends with `sync()`, so what an add
   * or pin did is durable when it is acknowledged (a nested hold, as `pins.add` inside an add,
   * leaves that to the outer one). `sync: false` skips that sync, for a holder that makes its
   * writes durable itself later (MFS changes made with `flush: false`)
   */
  async withAddLock <T> (fn: () => Promise<T>, options: { sync?: boolean } = {}): Promise<T> {
    this.assertOpen()
    if (this.gcLock.heldShared) return fn()
    // what this add writes or relies on from here on is of this generation or later: not evicted
    const leave = this.budget.holdGeneration()
    try {
      return await this.gcLock.shared(async () => {
        const result = await fn()
        if (options.sync !== false) await this.sync()
        return result
      })
    } finally {
      leave()
    }
  }

  /**
   * Makes every write acknowledged so far survive a power loss: fdatasyncs the packs written
   * since the last sync and the pack folder if a pack was created, then writes the index with
   * LevelDB's `sync` (one fsync of its log covers every earlier record). Packs first, so a synced
   * record never names bytes that are not. Writes of the failed state (`NoSpaceError`,
   * `StoreWriteError`) are refused here too.
   */
  async sync (): Promise<void> {
    this.assertOpen()
    await this.packs.sync()
    const ledger = this.ledger
    // the counters as they are, rewritten: a batch LevelDB must log and sync
    await ledger.writeLock.run(async () => ledger.commit([], new Map(), ledger.blocks, ledger.bytes, true))
  }

  async keep (roots: CID[], options: AbortOptions = {}): Promise<void> {
    await keepDags(this, roots, options)
  }

  async evict (options: AbortOptions & { targetBytes?: number } = {}): Promise<void> {
    this.assertOpen()
    await this.budget.evict(options.targetBytes ?? this.budget.low, options)
  }

  /** GcHost/BudgetHost: touches every DAG the GC roots reach (a no-op without roots) */
  async markRoots (options: AbortOptions): Promise<void> {
    if (this.#gcRoots == null) return
    await keepDags(this, this.#gcRoots(), options)
  }

  countGcFreed (bytes: number): void {
    this.#gcFreedBytes += bytes
  }

  async * verify (options: VerifyOptions = {}): AsyncGenerator<VerifyProblem> {
    this.assertOpen()
    for await (const [key, value] of this.ledger.scan(prefixRange(PREFIX_BLOCK))) {
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
        bytes = await this.readBody(cid, record)
      } catch (err) {
        yield { cid, reason: (err as Error).name === 'HashMismatchError' ? 'hash-mismatch' : 'unreadable' }
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

  gc (options: GcOptions = {}): AsyncGenerator<CID> {
    return collectGarbage(this, options)
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    // An eviction stops at its next step once closed
    await this.budget.idle()
    // Let committed-or-committing batches finish before the handles go
    await this.ledger.writeLock.run(async () => {})
    // The next open may meet a full disk: hold the reserve again if there is room
    await this.reserve.ensure()
    await this.packs.close()
    await this.db.close()
  }

  // --- for the interface-blockstore adapter -------------------------------------------------------

  /** Every stored block's multihash, as a CIDv1 raw (Kubo's `refs local`), reading no body */
  async * multihashes (options: AbortOptions = {}): AsyncGenerator<CID> {
    // through the ledger: a walk cut off by a reopen of the index goes on after its last key
    for await (const key of this.ledger.scanKeys(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted()
      yield CID.createV1(RAW_CODE, decodeMultihash(key.subarray(1)))
    }
  }

  protected async * blocks (options: AbortOptions): AsyncGenerator<{ cid: CID, bytes: Uint8Array }> {
    this.assertOpen()
    for await (const [key, value] of this.ledger.scan(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted()
      const record = decodeBlockRecord(value)
      const cid = recordCid(key.subarray(1), record)
      let bytes: Uint8Array
      try {
        bytes = await this.readBody(cid, record)
      } catch (err) {
        // Moved by a concurrent GC since the iterator's snapshot
        if ((err as Error).name !== 'RepoCorruptError') throw err
        bytes = await this.getBlock(cid, options)
      }
      yield { cid, bytes }
    }
  }

  // --- internals ---------------------------------------------------------------------------------

  /**
   * A block's body, checked before it leaves the store: a pack body against the checksum in its
   * record (records written before checksums: against its CID, where the hash is one we compute).
   * HashMismatchError when the bytes are wrong, RepoCorruptError when they cannot be read.
   */
  async readBody (cid: CID, record: BlockRecord): Promise<Uint8Array> {
    if (record.kind === 'inline') return plain(record.bytes)
    let bytes: Uint8Array
    try {
      bytes = await this.packs.read(record)
    } catch (err) {
      if (err instanceof ChecksumMismatch) {
        throw new HashMismatchError(`Block ${cid} reads back wrong from pack ${record.pack}: ${err.message}`, { cause: err })
      }
      throw new RepoCorruptError(`Block ${cid} is indexed but its body cannot be read from pack ${record.pack}: ${(err as Error).message}`, { cause: err })
    }
    if (record.sum == null && canVerify(cid)) verifyBlockSync(cid, bytes)
    return bytes
  }

  /**
   * Also refuse new blocks and pins while `reserve` (another reserve on this disk: the node's
   * datastore's) is released. Returns the function that stops it.
   */
  holdReserve (reserve: LevelReserve): () => void {
    this.#otherReserves.add(reserve)
    return () => { this.#otherReserves.delete(reserve) }
  }

  /**
   * New blocks and pins are refused, with the store's full-disk error, while a reserve on this
   * disk is released (README "What the store guarantees", 4): the room it freed is for opening,
   * verify and GC, not for the write that filled the disk. Each refusal first tries to make the
   * reserves again (twice their size free), so writes resume as soon as the space is back.
   */
  async assertRoomForNew (): Promise<void> {
    const reserves: LevelReserve[] = [this.reserve, ...this.#otherReserves]
    if (!reserves.some(r => r.released)) return
    await Promise.all(reserves.map(async r => { if (r.released) await r.ensure() }))
    const held = reserves.find(r => r.released)
    if (held == null) return
    throw new NoSpaceError(`storage full: the disk is full: the reserve ${held.path} was released to open the repo or run GC, and block store at ${this.path} takes no new blocks or pins until ${2 * held.bytes} bytes are free to make it again (run repo gc, or free space)`)
  }

  assertOpen (): void {
    if (this.#closed) throw new StoreClosedError(`Block store at ${this.path} is closed`)
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
