/** Layout version written under the `/version` key; bump with a migration when the format changes */
export const STORE_VERSION = 3

/**
 * Blocks up to this size live inside LevelDB; larger ones are appended to pack files. LevelDB
 * writes every value twice (log, then table) and again on compaction, which is cheap for small
 * values and the bottleneck for 256 KiB leaves. 16 KiB is where iroh draws the same line.
 */
export const DEFAULT_INLINE_BYTES_MAX = 16 * 1024

/** Blocks buffered by `putMany` before one index batch is written */
export const DEFAULT_BATCH_BLOCKS_MAX = 256

/** Bytes buffered by `putMany` before one index batch is written, whatever the block count */
export const DEFAULT_BATCH_BYTES_MAX = 64 * 1024 * 1024

/**
 * A new pack file is started once the active one would grow past this. Smaller packs make GC's
 * compaction copy less at a time; larger ones mean fewer files
 */
export const DEFAULT_PACK_BYTES_MAX = 64 * 1024 * 1024

/** GC compacts a pack once less than this fraction of its bytes is still live */
export const DEFAULT_PACK_LIVE_RATIO_MIN = 0.5

/** Pack files kept open for reading; one `pread` per read then, no open or close */
export const DEFAULT_OPEN_PACKS_MAX = 64

/** fsync pack files and the index before a put returns (power-loss safety, at a large cost in speed) */
export const DEFAULT_SYNC = false

/** Hash-check block bytes on every read */
export const DEFAULT_VERIFY = false

/** LevelDB block cache for the index, in bytes (LevelDB's own default is 8 MiB) */
export const DEFAULT_INDEX_CACHE_BYTES = 32 * 1024 * 1024

/** LevelDB write buffer (memtable) size for the index, in bytes (LevelDB's own default is 4 MiB) */
export const DEFAULT_INDEX_WRITE_BUFFER_BYTES = 16 * 1024 * 1024

/**
 * Reference-count changes per LevelDB batch of a pin walk: what bounds a pin's memory, whatever
 * the size of its DAG (a walk needing more batches keeps its queue in the index)
 */
export const DEFAULT_PIN_BATCH_NODES_MAX = 8192

/** Pin-walk nodes whose links are looked up at once */
export const DEFAULT_PIN_WALK_CONCURRENCY = 16

/** Largest block the store accepts: Bitswap and Kubo refuse blocks over 2 MiB, we allow some slack */
export const DEFAULT_BLOCK_BYTES_MAX = 4 * 1024 * 1024

/**
 * When half of the recent synchronous pack reads take longer than this, the disk rather than the
 * page cache answers them; reads then go through the thread pool for a while
 * (DEFAULT_ASYNC_READ_WINDOW_MS)
 */
export const DEFAULT_SYNC_READ_SLOW_MS = 2

/** How long reads stay off the event loop once synchronous reads turned slow */
export const DEFAULT_ASYNC_READ_WINDOW_MS = 1000

/**
 * Longest streak of synchronous index lookups and page-cache reads before one goes through the
 * thread pool and lets the event loop turn, so that a caller looping over reads cannot starve
 * timers and I/O
 */
export const DEFAULT_SYNC_STREAK_MS_MAX = 4

/**
 * Bytes of the reserve file kept beside the index (`<path>/reserve`), released when a full disk
 * would keep the index from opening or GC from running. LevelDB's log holds at most about one
 * write buffer (DEFAULT_INDEX_WRITE_BUFFER_BYTES) of unflushed writes, and reopening turns it into
 * a table, so the reserve matches that. 0: no reserve
 */
export const DEFAULT_RESERVE_BYTES = 16 * 1024 * 1024

/**
 * Kubo's `Datastore.StorageGCWatermark`: eviction of unpinned blocks starts once the store holds
 * this percentage of `storageMax`, and stops 10 points below it
 */
export const DEFAULT_STORAGE_GC_WATERMARK = 90
