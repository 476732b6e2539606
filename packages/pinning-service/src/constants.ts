/** Pin requests fetched at once: each holds a Bitswap session, so a handful keeps links busy without starving the node */
export const DEFAULT_CONCURRENCY = 4
/** A fetch that gets no new block for this long fails: the data is nowhere we can reach */
export const DEFAULT_STALL_TIMEOUT_MS = 2 * 60_000
/** Pin requests one token may hold, any status: bounds the in-memory index and every listing scan */
export const DEFAULT_MAX_PINS_PER_TOKEN = 10_000
/** Bytes of pinned DAGs one token may hold; 0 is no limit (the repo's `Datastore.StorageMax` still applies) */
export const DEFAULT_MAX_BYTES_PER_TOKEN = 0
/** Origins dialled at once per request, each bounded by DEFAULT_ORIGIN_DIAL_TIMEOUT_MS */
export const ORIGINS_DIALED_MAX = 20
/** A dial to an origin is best effort (the spec): it never holds a fetch longer than this */
export const DEFAULT_ORIGIN_DIAL_TIMEOUT_MS = 10_000
/** Bytes of a request's `meta` as JSON: the spec bounds only the key count, this bounds the memory */
export const META_JSON_BYTES_MAX = 64 * 1024
/** Characters of one origin multiaddr */
export const ORIGIN_CHARS_MAX = 1024
/** How often a running service looks for purges asked in the tokens file (`token revoke --purge`) */
export const PURGE_CHECK_MS = 5_000
/** Tokens in the file: each request authenticates against them */
export const TOKENS_MAX = 10_000
/** The repo folder holding the tokens file and the request store */
export const PINNING_SERVICE_DIRNAME = 'pinning-service'
export const TOKENS_FILENAME = 'tokens.json'
export const REQUESTS_DIRNAME = 'requests'
/** Every token starts with this, so a leaked one is recognisable (as GitHub's `ghp_`) */
export const TOKEN_PREFIX = 'cairn-pst-'
/** The spec's limits (ipfs-pinning-service.yaml v1.0.0) */
export const PIN_NAME_CHARS_MAX = 255
export const PIN_ORIGINS_MAX = 20
export const PIN_DELEGATES_MAX = 20
export const LIST_CIDS_MAX = 10
/** `PinMeta` maxProperties */
export const PIN_META_KEYS_MAX = 1000
