/**
 * @packageDocumentation
 *
 * `@cairn/blockstore`: the persistent block store of a Cairn repo. Blocks are keyed by multihash
 * (CIDv0 and CIDv1 of the same bytes share one copy); small blocks live in LevelDB, large block
 * bodies in append-only pack files beside it, with LevelDB as the index. Pins follow Kubo's
 * semantics, GC is mark-and-sweep under Kubo's GC lock, and the store implements
 * `interface-blockstore` v7.
 *
 * ```ts
 * const store = await createBlockstore({ path: join(repo, 'blocks') })
 * await store.putBlock(cid, bytes)
 * await store.pins.add(cid)
 * for await (const removed of store.gc()) console.info('removed', removed)
 * await store.close()
 * ```
 */
import { openBlockstore } from './open.ts'
import type { FaultHook, ProbeHook } from './faults.ts'
import type { AbortOptions, Block, BlockGetter, BlockHas, BlockPutter, PinEntry, PinType, VerifyProblem } from '@cairn/interface'
import type { Blockstore, InputPair, Pair } from 'interface-blockstore'
import type { CID } from 'multiformats/cid'

export { levelOpenError, openLevelWithReserve } from './open.ts'
export { freeBytes } from './reserve.ts'
export { isNoSpace, storageError } from './faults.ts'
export type { LevelReserve, OpenLevelWithReserveInit } from './open.ts'
export type { FaultDetail, FaultHook, FaultPoint, ProbeHook, ProbePoint } from './faults.ts'
export type { NamedRoots } from './named-roots.ts'
import type { NamedRoots } from './named-roots.ts'
import type { LevelReserve } from './open.ts'
export * from './constants.ts'

/** A logger, as libp2p's `Logger` (which fits): `log('fmt %s', x)`, `log.error('fmt %e', err)` */
export interface BlockstoreLogger {
  (formatter: any, ...args: any[]): void
  error(formatter: any, ...args: any[]): void
}

/** libp2p's `ComponentLogger` fits: the node passes its own so `DEBUG=cairn:*` shows the store */
export interface BlockstoreComponentLogger {
  forComponent(name: string): BlockstoreLogger
}

export interface BlockstoreInit {
  /** The folder the store owns (created if missing); a node passes `<repo>/blocks` */
  path: string
  /**
   * Hash-check bytes on every read, and refuse puts whose bytes do not match their CID
   * @default false (DEFAULT_VERIFY)
   */
  verify?: boolean
  /**
   * Blocks up to this many bytes are kept inside LevelDB; larger ones get a body file
   * @default 16384 (DEFAULT_INLINE_BYTES_MAX)
   */
  inlineBytesMax?: number
  /**
   * `putMany` commits one index batch per this many blocks
   * @default 256 (DEFAULT_BATCH_BLOCKS_MAX)
   */
  batchBlocksMax?: number
  /**
   * `putMany` commits one index batch per this many buffered bytes
   * @default 67108864 (DEFAULT_BATCH_BYTES_MAX)
   */
  batchBytesMax?: number
  /**
   * Bodies larger than `inlineBytesMax` are appended to pack files of at most this many bytes
   * @default 67108864 (DEFAULT_PACK_BYTES_MAX)
   */
  packBytesMax?: number
  /**
   * GC rewrites a pack once less than this fraction of it is live
   * @default 0.5 (DEFAULT_PACK_LIVE_RATIO_MIN)
   */
  packLiveRatioMin?: number
  /**
   * Pack files kept open for reads
   * @default 64 (DEFAULT_OPEN_PACKS_MAX)
   */
  openPacksMax?: number
  /**
   * Pack reads are synchronous while the page cache answers them; once half of the recent ones
   * take longer than this many milliseconds, reads go through the thread pool for
   * `asyncReadWindowMs`. 0 keeps every read off the event loop
   * @default 2 (DEFAULT_SYNC_READ_SLOW_MS)
   */
  syncReadSlowMs?: number
  /**
   * How long reads stay in the thread pool once synchronous reads turned slow, in milliseconds
   * @default 1000 (DEFAULT_ASYNC_READ_WINDOW_MS)
   */
  asyncReadWindowMs?: number
  /**
   * fsync pack files and the index before a put resolves, so that a power loss
   * cannot lose acknowledged blocks. Off by default, like LevelDB's own `sync`: a process crash
   * (SIGKILL included) loses nothing acknowledged either way.
   * @default false (DEFAULT_SYNC)
   */
  sync?: boolean
  /**
   * Largest block accepted, in bytes
   * @default 4194304 (DEFAULT_BLOCK_BYTES_MAX)
   */
  blockBytesMax?: number
  /**
   * LevelDB block cache of the index, in bytes
   * @default 33554432 (DEFAULT_INDEX_CACHE_BYTES)
   */
  indexCacheBytes?: number
  /**
   * Where the store logs (component `cairn:blockstore`); silent by default
   */
  logger?: BlockstoreComponentLogger
  /**
   * Reference-count changes per LevelDB batch of a pin walk; bounds a pin's memory whatever the
   * size of its DAG (larger walks keep their queue in the index, see README "Pins")
   * @default 8192 (DEFAULT_PIN_BATCH_NODES_MAX)
   */
  pinBatchNodesMax?: number
  /**
   * LevelDB write buffer of the index, in bytes
   * @default 16777216 (DEFAULT_INDEX_WRITE_BUFFER_BYTES)
   */
  indexWriteBufferBytes?: number
  /**
   * Bytes of the reserve file the store keeps so that a full disk never locks the repo out: it
   * is released to open the index and to run GC when the disk is full, and made again once
   * twice its size is free. 0: none
   * @default 16777216 (DEFAULT_RESERVE_BYTES)
   */
  reserveBytes?: number
  /**
   * The repo's other reserve files (the node passes its datastore's): when the store moves from a
   * layout before 3, those missing are marked released with the store's own, since a Cairn of that
   * age deleted a reserve it released (README "What the store guarantees", 4)
   */
  legacyReserves?: string[]
  /**
   * The storage budget in bytes of block data (Kubo's `Datastore.StorageMax`): past the watermark
   * unpinned blocks are evicted least recently used first, and a put that would pass it fails
   * with StorageFullError once nothing is left to evict (README "Storage budget"). A node passes
   * its config's value. Infinity: no budget
   * @default Infinity
   */
  storageMax?: number
  /**
   * Percent of `storageMax` past which eviction starts (Kubo's `Datastore.StorageGCWatermark`);
   * it stops 10 points below
   * @default 90 (DEFAULT_STORAGE_GC_WATERMARK)
   */
  storageGcWatermark?: number
  /**
   * More roots for GC and eviction besides pins: every DAG these CIDs reach is kept, read afresh
   * at the start of each sweep. The node passes its registered roots here (MFS's root)
   */
  gcRoots?: GcRoots
  /** Told of the blocks each eviction step removed (the node stops announcing them) */
  onEvict?: (cids: CID[]) => void
  /**
   * For tests: called at each step where the store writes the disk, and may throw to make that
   * step fail as a disk would (see `FaultPoint`)
   */
  faults?: FaultHook
  /** For tests: told of the reserve's release and the puts racing it, and may pause a put (see `ProbePoint`) */
  probe?: ProbeHook
}

export interface PinAddOptions extends AbortOptions {
  /** Pin the whole DAG (true) or only this block (false) @default true */
  recursive?: boolean
  /** Where to fetch blocks that are not local (e.g. the network); they are verified before storing */
  getter?: BlockGetter
  /** Called as the walk advances, with the number of DAG nodes visited so far */
  onProgress?: (blocks: number) => void
  /** The pin's name (Kubo's `--name`, at most 255 bytes); pinning again replaces it */
  name?: string
}

export interface PinRmOptions extends AbortOptions {
  /** Remove a recursive pin (true also removes a direct one); false removes only a direct pin @default true */
  recursive?: boolean
  /** Called after each batch of a recursive pin's release, with the DAG nodes released so far */
  onProgress?: (blocks: number) => void
}

export interface PinLsOptions extends AbortOptions {
  /** @default 'all' */
  type?: PinType | 'all'
  /** Only these CIDs, each of which must be pinned (NotPinnedError otherwise) */
  cids?: CID[]
  /** Only pins whose name contains this (case-sensitive), as Kubo's `pin ls --name` */
  name?: string
}

export interface PinUpdateOptions extends AbortOptions {
  /** Remove the pin on `from` once `to` is pinned @default true */
  unpin?: boolean
  getter?: BlockGetter
  onProgress?: (blocks: number) => void
}

export interface Pins {
  /** Pins `cid`; a recursive pin needs its whole DAG local or fetchable through `options.getter` */
  add(cid: CID, options?: PinAddOptions): Promise<void>
  /** NotPinnedError if not pinned that way (e.g. only indirectly) */
  rm(cid: CID, options?: PinRmOptions): Promise<void>
  /** Recursive, then direct, then indirect entries (a node reached from a root but not a root) */
  ls(options?: PinLsOptions): AsyncIterable<PinEntry>
  /** Moves a recursive pin from `from` to `to` without walking what the two DAGs share */
  update(from: CID, to: CID, options?: PinUpdateOptions): Promise<void>
  /** How the block behind `cid` (by multihash) is pinned, if at all; for `block rm` */
  isPinned(cid: CID): Promise<PinEntry | undefined>
}

export interface GcOptions extends AbortOptions {}

/** Where GC and eviction read extra roots: called once per sweep */
export type GcRoots = () => Iterable<CID> | AsyncIterable<CID>

/** What the storage budget did since the store was opened */
export interface BudgetCounters {
  /** Evictions run */
  evictions: number
  /** Blocks and bytes they removed */
  evictedBlocks: number
  evictedBytes: number
  /** Puts refused with StorageFullError */
  refusals: number
}

export interface BlockstoreCounters extends BudgetCounters {
  /** Blocks read (`getBlock`, and the `interface-blockstore` reads over it) */
  reads: number
  readBytes: number
  /** Blocks written that were not stored yet */
  writes: number
  writtenBytes: number
  /** Pack files holding live bodies */
  packFiles: number
  /** Bytes of blocks GC removed */
  gcFreedBytes: number
  /** The budget in bytes (Infinity: none), and the watermark where eviction starts */
  storageMax: number
  storageHigh: number
}
export interface VerifyOptions extends AbortOptions {}

export interface CairnBlockstore extends Blockstore, BlockGetter, BlockPutter, BlockHas {
  /** The folder the store owns */
  readonly path: string
  /** NotFoundError (code ERR_NOT_FOUND) when absent; HashMismatchError on a bad read with `verify` */
  getBlock(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /** HashMismatchError when `verify` is on and the bytes do not match */
  putBlock(cid: CID, bytes: Uint8Array, options?: AbortOptions): Promise<void>
  /** The batched path the DAG builder uses: large bodies in one pack write, one index batch */
  putBlocks(blocks: Block[], options?: AbortOptions): Promise<void>
  hasBlock(cid: CID, options?: AbortOptions): Promise<boolean>
  /**
   * The links of a stored block (as `blockLinks`); reads only the first bytes of a large dag-pb
   * body, where dag-pb keeps its links. NotFoundError when absent
   */
  linksOf(cid: CID, options?: AbortOptions): Promise<CID[]>
  /** A stored block's size in bytes, read from the index (not the body). NotFoundError when absent */
  sizeOf(cid: CID, options?: AbortOptions): Promise<number>
  /** Removes a block whether pinned or not (check `pins.isPinned` first, as `block rm` must) */
  deleteBlock(cid: CID, options?: AbortOptions): Promise<void>
  readonly pins: Pins
  /**
   * Named roots recorded durably in the index (the MFS root): not pins; their owner hands them to
   * GC and eviction through `gcRoots`
   */
  readonly roots: NamedRoots
  /** Removes every block no pin needs, yielding each removed CID; adds and pins run meanwhile (README "GC beside adds") */
  gc(options?: GcOptions): AsyncIterable<CID>
  /**
   * Runs `fn` holding the GC lock shared: an add keeps it until it has pinned. GC waits for it to
   * start; eviction never removes what `fn` writes or relies on. The outermost hold ends with
   * `sync()`, so an add or pin is durable (power loss included) once acknowledged; `sync: false`
   * leaves that to a later `sync()` (the holder makes its writes durable itself, later)
   */
  withAddLock<T>(fn: () => Promise<T>, options?: { sync?: boolean }): Promise<T>
  /** Every stored block, named by its multihash as a CIDv1 raw, without reading bodies (Kubo's `refs local`) */
  multihashes(options?: AbortOptions): AsyncGenerator<CID>
  /**
   * Makes every write acknowledged so far durable against power loss: fdatasyncs the packs (and
   * the pack folder) written since the last sync, then syncs the index's log
   */
  sync(): Promise<void>
  /**
   * Keeps the whole DAGs under `roots` through the GC or eviction sweeping now (a no-op when none
   * runs). Call it after linking stored blocks into a GC root (`gcRoots`), before relying on them:
   * a sweep that started earlier read the roots before the link existed
   */
  keep(roots: CID[], options?: AbortOptions): Promise<void>
  /**
   * Evicts unpinned blocks least recently used first down to `targetBytes` (default 10 points
   * under the watermark); what the budget does by itself past the watermark
   */
  evict(options?: AbortOptions & { targetBytes?: number }): Promise<void>
  /**
   * Also refuses new blocks and pins while `reserve`, another reserve file on the same disk (the
   * node's datastore's, from `openLevelWithReserve`), is released, as it does while its own is
   * (README "What the store guarantees", 4). Returns the function that stops it.
   */
  holdReserve(reserve: LevelReserve): () => void
  /** The store's own reserve (beside its index): what others on the disk hold back for, too */
  readonly reserve: LevelReserve
  /** Block count and bytes, from counters kept in the index (no scan) */
  stats(): Promise<{ blocks: number, bytes: number }>
  /** Reads, writes and pack files since the store was opened (what metrics report) */
  counters(): BlockstoreCounters
  /** Every block whose bytes are unreadable or no longer match their CID */
  verify(options?: VerifyOptions): AsyncIterable<VerifyProblem>
  close(): Promise<void>
  // interface-blockstore methods, narrowed to the async generators this store returns
  putMany(source: Iterable<InputPair> | AsyncIterable<InputPair>, options?: AbortOptions): AsyncGenerator<CID>
  get(cid: CID, options?: AbortOptions): AsyncGenerator<Uint8Array>
  getMany(source: Iterable<CID> | AsyncIterable<CID>, options?: AbortOptions): AsyncGenerator<Pair>
  deleteMany(source: Iterable<CID> | AsyncIterable<CID>, options?: AbortOptions): AsyncGenerator<CID>
  getAll(options?: AbortOptions): AsyncGenerator<Pair>
}

/**
 * Opens the store in `init.path`, creating it if needed. RepoLockedError when another process (or
 * another open store) holds it, RepoCorruptError when the folder cannot be read as a store.
 */
export async function createBlockstore (init: BlockstoreInit): Promise<CairnBlockstore> {
  return openBlockstore(init)
}
