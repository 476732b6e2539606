/** Kubo's gateway port, so that existing habits and tools find us */
export const DEFAULT_GATEWAY_PORT = 8080
/** Kubo's RPC port */
export const DEFAULT_API_PORT = 5001
/** Both listeners stay on loopback unless configured otherwise: the RPC can write and delete */
export const DEFAULT_HOST = '127.0.0.1'

/** How long the gateway waits for content from the network (no progress) before answering 504, as Kubo's Gateway.Timeout */
export const DEFAULT_TIMEOUT_MS = 60_000

/** Larger request headers get 431 from node:http; 16 KiB is what browsers and Kubo live with */
export const DEFAULT_MAX_HEADER_BYTES = 16 * 1024
/** Upper bound on one RPC request body (add, dag/import): a runaway client cannot fill the disk */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024 * 1024
/** block/put carries one block; the network will not carry more than 2 MiB anyway */
export const DEFAULT_MAX_BLOCK_BYTES = 2 * 1024 * 1024
/** Files and directories in one multipart add: bounds the work one request can ask for */
export const DEFAULT_MAX_MULTIPART_PARTS = 100_000
/** Longest URL path the gateway will try to resolve, in bytes */
export const DEFAULT_MAX_URL_BYTES = 8 * 1024
/** Entries shown in one HTML directory listing; a bigger (HAMT) directory is cut with a note */
export const DEFAULT_MAX_LISTING_ENTRIES = 10_000

/** Cache-Control for anything addressed by CID: it can never change */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=29030400, immutable'
/** Bytes looked at to guess a content type when the name has no known extension (as Go's http.DetectContentType) */
export const SNIFF_BYTES = 512

/** Bytes of recently read, hash-verified blocks the gateway keeps (path blocks, one-block files) */
export const DEFAULT_BLOCK_CACHE_BYTES = 32 * 1024 * 1024
/** Bytes of whole answers (headers and body) the path gateway keeps for files held in one block */
export const DEFAULT_RESPONSE_CACHE_BYTES = 16 * 1024 * 1024
/** Resolved content paths the gateway keeps (`{cid}/a/b` → CID, type, size): content never changes */
export const DEFAULT_PATH_CACHE_ENTRIES = 10_000

/** Providers one `/routing/v1/providers` lookup collects (boxo's DefaultRecordsLimit) */
export const ROUTING_V1_PROVIDERS_MAX = 20
