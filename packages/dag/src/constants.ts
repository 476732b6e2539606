/** Kubo's default fixed chunk size (`size-262144`) */
export const DEFAULT_CHUNK_SIZE_BYTES = 262_144
/** Chunk size of the `unixfs-v1-2025` profile */
export const PROFILE_V1_2025_CHUNK_SIZE_BYTES = 1_048_576
/** Kubo refuses larger chunks: a block must stay under the 2 MiB Bitswap limit with framing */
export const MAX_CHUNK_SIZE_BYTES = 1_048_576
/** Kubo's balanced layout: links per node (as many 34-byte CIDv0 links as fit in 8 KiB with framing) */
export const DEFAULT_MAX_LINKS = 174
/** Links per node of the `unixfs-v1-2025` profile */
export const PROFILE_V1_2025_MAX_LINKS = 1024
/** Kubo's trickle layout repeats each subtree depth this many times */
export const TRICKLE_LAYER_REPEAT = 4
/** A flat directory becomes a HAMT when its estimated size is strictly greater than this */
export const DEFAULT_HAMT_THRESHOLD_BYTES = 262_144
/** HAMT fanout (Kubo's, 8 bits of murmur3 per level) */
export const HAMT_FANOUT = 256
/** Multicodec of murmur3-x64-64, recorded in every HAMT node */
export const HAMT_HASH_CODE = 0x22
/** Blocks at most this large become identity CIDs with `inline` (Kubo's `--inline-limit`) */
export const DEFAULT_INLINE_LIMIT_BYTES = 32
/** Kubo caps `--inline-limit`: identity CIDs must stay small enough to embed anywhere */
export const MAX_INLINE_LIMIT_BYTES = 127
/** Blocks gathered before one batched write: big enough to amortise a LevelDB batch */
export const DEFAULT_WRITE_BATCH_BYTES = 4_194_304
/** Batched writes in flight while hashing continues: bounds memory to about 3 batches */
export const DEFAULT_WRITES_IN_FLIGHT = 2
/** Blocks requested ahead while reading a file, so a network getter is not one round trip per block */
export const DEFAULT_PREFETCH_BLOCKS = 16
/** Children resolved concurrently by `ls` to learn their type and size */
export const DEFAULT_LS_CONCURRENCY = 16
/** Bytes read per `read()` when a file is not chunk-aligned source */
export const DEFAULT_FILE_READ_BYTES = 262_144
/** A CAR import keeps verified blocks in memory up to this size, then spills them to a temp file */
export const DEFAULT_CAR_IMPORT_MEMORY_BYTES = 67_108_864
/** Largest block accepted from a CAR (Bitswap's limit): a bigger section is a malformed CAR */
export const MAX_BLOCK_SIZE_BYTES = 2_097_152
/** Deepest path or DAG we walk, so a cyclic or hostile DAG cannot recurse without bound */
export const MAX_DAG_DEPTH = 1024

export const CODEC_DAG_PB = 0x70
export const CODEC_RAW = 0x55
export const CODEC_DAG_CBOR = 0x71
export const CODEC_DAG_JSON = 0x0129
export const CODEC_JSON = 0x0200
export const HASH_SHA2_256 = 0x12
export const HASH_IDENTITY = 0x00
