/** Layout version written under the `/version` key; bump with a migration when the format changes */
export const STORE_VERSION = 1

/**
 * Blocks up to this size live inside LevelDB; larger ones get a file of their own. LevelDB writes
 * every value twice (log, then table) and again on compaction, which is cheap for small values and
 * the bottleneck for 256 KiB leaves; a file costs an inode and a few syscalls, which is cheap for
 * large bodies and wasteful for tiny ones. 16 KiB is where iroh draws the same line.
 */
export const DEFAULT_INLINE_BYTES_MAX = 16 * 1024

/** Blocks buffered by `putMany` before one index batch is written */
export const DEFAULT_BATCH_BLOCKS_MAX = 256

/** Bytes buffered by `putMany` before one index batch is written, whatever the block count */
export const DEFAULT_BATCH_BYTES_MAX = 64 * 1024 * 1024

/**
 * Body files one put writes at once. Each file is an open, a write and a close, each a trip through
 * libuv's 4 file-system threads; measured here, 16 in flight write ~3x faster than 1
 */
export const DEFAULT_FILE_CONCURRENCY = 16

/** fsync bodies and the index before a put returns (power-loss safety, at a large cost in speed) */
export const DEFAULT_SYNC = false

/** Hash-check block bytes on every read */
export const DEFAULT_VERIFY = false

/** LevelDB block cache for the index, in bytes (LevelDB's own default is 8 MiB) */
export const DEFAULT_INDEX_CACHE_BYTES = 32 * 1024 * 1024

/** LevelDB write buffer (memtable) size for the index, in bytes (LevelDB's own default is 4 MiB) */
export const DEFAULT_INDEX_WRITE_BUFFER_BYTES = 16 * 1024 * 1024

/** Pin-walk nodes whose links are looked up at once */
export const DEFAULT_PIN_WALK_CONCURRENCY = 16

/** Largest block the store accepts: Bitswap and Kubo refuse blocks over 2 MiB, we allow some slack */
export const DEFAULT_BLOCK_BYTES_MAX = 4 * 1024 * 1024
