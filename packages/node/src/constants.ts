/** Kubo's public bootstrap peers (its `config.DefaultBootstrapAddresses`) */
export const DEFAULT_BOOTSTRAP_ADDRESSES: readonly string[] = [
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmNnooDu7bfjPFoTZYxMNLWUQJyrVwtbZg5gBMjTezGAJN',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmQCU2EcMqAqQPR2i9bChDtGNJchTbq5TbXJJ16u19uLTa',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmbLHAnMoJPWSCR5Zhtx6BHJX9KiKNN6tpvbUcqanj75Nb',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmcZf59bWwK5XFi76CZX8cbJ4BhTzzA3gU1ZjYZcYW3dwt',
  '/dnsaddr/va1.bootstrap.libp2p.io/p2p/12D3KooWKnDdG3iXw9eTFijk3EWSunZcFi54Zka4wmtqtt6rPxc8',
  '/ip4/104.131.131.82/tcp/4001/p2p/QmaCpDMGvV2BGHeYERUEnRQAwe3N8SzbUtfsmvsqQLuvuJ'
]

/** The IPFS (Amino) DHT protocol, as Kubo speaks it */
export const DHT_PROTOCOL = '/ipfs/kad/1.0.0'

export const CAIRN_VERSION = '0.1.0'
/** The agent version we announce through identify */
export const AGENT_VERSION = `cairn/${CAIRN_VERSION}`
/** Bumped when the repo layout changes in a way older code cannot read */
export const REPO_VERSION = '1'

/** Names inside the repo folder */
export const REPO_CONFIG_FILE = 'config'
export const REPO_KEYSTORE_DIR = 'keystore'
export const REPO_KEY_FILE = 'self'
export const REPO_BLOCKS_DIR = 'blocks'
export const REPO_DATASTORE_DIR = 'datastore'
/** The datastore's reserve file, beside its LevelDB folder (inside, LevelDB would own the name) */
export const REPO_DATASTORE_RESERVE_FILE = 'datastore.reserve'
/**
 * Bytes of the datastore's reserve, released when a full disk keeps its LevelDB from opening (the
 * block store keeps its own, `DEFAULT_RESERVE_BYTES`): twice LevelDB's default 4 MiB write buffer,
 * which bounds the log replayed into a table on open, plus its new log and manifest
 */
export const DEFAULT_DATASTORE_RESERVE_BYTES = 8 * 1024 * 1024

/** How long a network block fetch may take before it ends in a TimeoutError (Kubo's gateway waits 60s) */
export const DEFAULT_FETCH_TIMEOUT_MS = 60_000
/**
 * Blocks read ahead by all of a node's file reads together (cat, get, the gateway's downloads):
 * 16 MiB of 256 KiB blocks, what one network read needs to stream. More concurrent readers share
 * it rather than each holding its own window, so memory does not grow with the client count
 */
export const DEFAULT_READ_AHEAD_BLOCKS = 64
/** How long to wait after start before the first reprovide run, so start-up dials settle first */
export const DEFAULT_REPROVIDE_INITIAL_DELAY_MS = 60_000
/**
 * How many provide operations run in parallel: legacy provides (each one a DHT walk), or sweep
 * batches (Kubo's `Provide.DHT.MaxWorkers` is 16; a batch here holds many CIDs)
 */
export const DEFAULT_PROVIDE_CONCURRENCY = 8
/** Sweep: how long the first CID queued waits for more to share its batch (one lookup, one stream per peer) */
export const DEFAULT_PROVIDE_BATCH_DELAY_MS = 100
/** Sweep: CIDs in one batch at most (Kubo's `Provide.DHT.KeystoreBatchSize`) */
export const DEFAULT_PROVIDE_BATCH_MAX = 16_384
/** Bound on queued provide operations, so an add of millions of blocks cannot grow memory without end */
export const DEFAULT_PROVIDE_QUEUE_MAX = 16_384
/** How long one provide may run (a DHT walk to the k closest peers) */
export const DEFAULT_PROVIDE_TIMEOUT_MS = 60_000
/**
 * Bound on a `routing.findProvs` / `findPeer` called without a signal: a DHT query with an empty
 * routing table waits for a peer to appear, which must not be forever
 */
export const DEFAULT_ROUTING_TIMEOUT_MS = 60_000
/** How many providers `routing.findProvs` yields unless told otherwise (Kubo's default) */
export const DEFAULT_NUM_PROVIDERS = 20
/**
 * libp2p's connection monitor pings every connection each 10 s and aborts it when a ping is late.
 * A ping shares the connection with everything else on it, so on a connection carrying a
 * transfer to a busy peer it waits behind megabytes of queued data: with libp2p's 5 s floor, 64
 * Bitswap client nodes in one loaded process lost 41 live connections (and every want queued on
 * them) to "ping failure". The Bitswap load benchmark's clients run with a 30 s floor. The node
 * itself keeps libp2p's default for now: with this setting the 3-node gossipsub spec failed 3
 * runs in 7 (0 in 4 without), for a reason not found yet.
 */
export const CONNECTION_MONITOR_INIT = { enabled: true, pingTimeout: { minTimeout: 30_000, maxTimeout: 60_000 } }
/** Connection manager limits (Kubo's defaults) */
export const DEFAULT_CONNMGR_LOW_WATER = 32
export const DEFAULT_CONNMGR_HIGH_WATER = 96
export const DEFAULT_CONNMGR_GRACE_PERIOD = '20s'
/**
 * Largest block `block put` and `dag put` make without `allowBigBlock`: Kubo's `SoftBlockLimit`,
 * the Bitswap spec's 2 MiB, so that every peer will exchange it
 */
export const BLOCK_SOFT_LIMIT_BYTES = 2 * 1024 * 1024
/** Kubo's `CheckBlockSize` error, word for word: clients match on it */
export const BIG_BLOCK_MESSAGE = 'produced block is over 2MiB: big blocks can\'t be exchanged with other peers. consider using UnixFS for automatic chunking of bigger files, or pass --allow-big-block to override'
/**
 * Ping streams per connection, each way. libp2p's default (1 out) makes the DHT's liveness pings
 * fail when two of them meet the same peer at once, and a failed ping evicts a live peer from the
 * routing table; 4 absorbs that without letting a peer hold many streams
 */
export const DEFAULT_PING_STREAMS_MAX = 4
/** Where libp2p's peer store keeps its records in the datastore (kept in memory, see createNode) */
export const PEER_STORE_PREFIX = '/peers'
/** Window over which `stats bw` averages `RateIn`/`RateOut` */
export const BANDWIDTH_RATE_WINDOW_MS = 10_000

/** `key gen --type=rsa` without `--size` (Kubo's default) */
export const DEFAULT_RSA_KEY_BITS = 2048
/** Kubo refuses RSA keys below 2048 bits (go-libp2p's MinRsaKeyBits) */
export const RSA_KEY_BITS_MIN = 2048
/** @libp2p/crypto's own bound on RSA key sizes */
export const RSA_KEY_BITS_MAX = 8192

/** How long a published IPNS record is valid (Kubo's `Ipns.RecordLifetime`, boxo's DefaultRecordLifetime) */
export const DEFAULT_IPNS_RECORD_LIFETIME_MS = 48 * 60 * 60 * 1000
/** How long resolvers may cache a record (boxo's DefaultRecordTTL), capped to the lifetime */
export const DEFAULT_IPNS_RECORD_TTL_MS = 5 * 60 * 1000
/** How often the node republishes its records (Kubo's `Ipns.RepublishPeriod`) */
export const DEFAULT_IPNS_REPUBLISH_PERIOD_MS = 4 * 60 * 60 * 1000
/** Resolved names kept in the cache (Kubo's `Ipns.ResolveCacheSize`) */
export const DEFAULT_IPNS_RESOLVE_CACHE_SIZE = 128
/** Records to collect before a DHT resolve stops refining (boxo's DefaultResolverDhtRecordCount) */
export const DEFAULT_IPNS_DHT_RECORD_COUNT = 16
/** Bound on one DHT resolve (boxo's DefaultResolverDhtTimeout) */
export const DEFAULT_IPNS_DHT_TIMEOUT_MS = 60_000
/** Names that point at names are followed this deep (boxo's DefaultDepthLimit) */
export const IPNS_DEPTH_LIMIT = 32
/** Largest IPNS record accepted anywhere (the IPNS spec's 10 KiB) */
export const IPNS_RECORD_BYTES_MAX = 10 * 1024
/** Kubo's `Datastore.StorageMax` default: the storage budget, enforced (10 * 1000^3 bytes) */
export const DEFAULT_STORAGE_MAX = '10GB'

/** Kubo's `Datastore.StorageGCWatermark` default, in percent of StorageMax */
export const DEFAULT_STORAGE_GC_WATERMARK = 90
