import type { CID } from 'multiformats/cid'
import type { AbortOptions, PinEntry, PinType, RepoStats } from './blocks.ts'
import type { CairnConfig } from './config.ts'
import type { KeyApi, NameApi } from './names.ts'
import type { RemotePinApi } from './pinning.ts'
import type { FilesApi } from './files.ts'
import type { AutoNatReport, ResourceReport, BitswapApi, DiagApi, LogApi, DhtStats, PingOptions, PingResult, ProvideStats, SwarmFiltersApi, SwarmPeeringApi } from './network.ts'
import type { AddOptions, AddResult, CarExportOptions, CatOptions, GetEntry, ImportCandidate, LsEntry, LsOptions, StatResult } from './unixfs.ts'

/**
 * What a running Cairn node offers, in Kubo's command shape. Implemented in-process by
 * `@cairn/node` and over HTTP by the CLI's RPC client (speaking Kubo's `/api/v0`), so the same
 * code and the same tests drive both.
 *
 * Paths are `/ipfs/<cid>[/a/b]`, `<cid>[/a/b]` or a CID.
 */
export interface CairnApi {
  /**
   * This node's identity, or with `peerId` another peer's (Kubo's `id PEER`: connects, then
   * identifies). `dial: false` reports only what the peer store already holds, never connecting
   * (Kubo's `swarm peers --identify`); the CLI's RPC client, speaking Kubo's `id`, ignores it.
   */
  id(options?: AbortOptions & { peerId?: string, dial?: boolean }): Promise<IdResult>
  version(options?: AbortOptions): Promise<VersionResult>

  add(source: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>, options?: AddOptions): AsyncIterable<AddResult>
  cat(path: string | CID, options?: CatOptions): AsyncIterable<Uint8Array>
  get(path: string | CID, options?: AbortOptions): AsyncIterable<GetEntry>
  /** Entries of a directory; a file lists nothing (Kubo shows it as an object without links) */
  ls(path: string | CID, options?: LsOptions): AsyncIterable<LsEntry>
  /** UnixFS-aware stat of a path (Kubo's `files stat`) */
  stat(path: string | CID, options?: AbortOptions): Promise<StatResult>

  /** Kubo's `refs`: the links below each path, as edges; the CLI and RPC format them */
  refs(paths: Array<string | CID>, options?: RefsOptions): AsyncIterable<RefEdge>
  /** Kubo's `refs local`: every local block, as CIDv1 raw (the store keys blocks by multihash) */
  refsLocal(options?: AbortOptions): AsyncIterable<CID>

  /** MFS, Kubo's `ipfs files` */
  files: FilesApi
  pin: PinApi
  block: BlockApi
  dag: DagApi
  repo: RepoApi
  swarm: SwarmApi
  routing: RoutingApi
  pubsub: PubsubApi
  stats: StatsApi
  config: ConfigApi
  bootstrap: BootstrapApi
  key: KeyApi
  name: NameApi
  /**
   * Kubo's `resolve`: an /ipns/ name (IPNS or DNSLink) or an /ipfs/ path to the /ipfs/ path it
   * stands for (`recursive`, the default, follows names until an /ipfs/ path)
   */
  resolve(path: string, options?: AbortOptions & { recursive?: boolean, nocache?: boolean }): Promise<string>
  /** Kubo's `dns`: the DNSLink path of a domain */
  dns(domain: string, options?: AbortOptions & { recursive?: boolean }): Promise<string>
  bitswap: BitswapApi
  diag: DiagApi
  /** Kubo's `log` commands (named so because a node's own logger is its `log`) */
  logging: LogApi
  /** Kubo's `ping PEER`: status lines and pongs as they come; needs the network */
  ping(peer: string, options?: PingOptions): AsyncIterable<PingResult>
  /** Stops the daemon answering (Kubo's `shutdown`); a node that is no daemon refuses */
  shutdown(options?: AbortOptions): Promise<void>
}

export interface IdResult {
  id: string
  publicKey: string
  addresses: string[]
  agentVersion: string
  protocolVersion: string
  protocols: string[]
  /**
   * This node's own reachability as AutoNAT found it, in go-libp2p's words as Kubo's `swarm addrs
   * autonat` prints them (Public / Private / Unknown), when online; not in Kubo's `id`. A node that
   * is Private and holds relay reservations is still Private: its `/p2p-circuit` addresses are in
   * `addresses`
   */
  reachability?: 'Public' | 'Private' | 'Unknown'
}

export interface VersionResult {
  version: string
  commit: string
  repo: string
  system: string
}

export interface PinAddOptions extends AbortOptions {
  /** @default true */
  recursive?: boolean
  /** Kubo's `--name` (at most 255 bytes); pinning a pinned CID again replaces its name */
  name?: string
  /** Called as the pin advances: DAG nodes walked and bytes fetched from the network so far */
  onProgress?: (blocks: number, bytes?: number) => void
  /**
   * Copies wanted beyond the local one, asked of the `Pinning.RemoteServices` (one copy per
   * service); resolves once every copy is `pinned`, fails when too few services answer
   */
  replicas?: number
}

export interface PinLsApiOptions extends AbortOptions {
  type?: PinType | 'all'
  paths?: Array<string | CID>
  /** Only pins whose name contains this (case-sensitive), as Kubo's `pin ls --name` */
  name?: string
}

/** Kubo's `pin verify` result for one recursive pin */
export interface PinVerifyResult {
  cid: CID
  ok: boolean
  /** With `explain` (the default): each node that is missing or does not decode */
  badNodes?: Array<{ cid: CID, error: string }>
}

export interface PinApi {
  /** Returns the pinned CIDs */
  add(path: string | CID, options?: PinAddOptions): Promise<CID[]>
  rm(path: string | CID, options?: AbortOptions & { recursive?: boolean }): Promise<CID[]>
  ls(options?: PinLsApiOptions): AsyncIterable<PinEntry>
  /** Moves a recursive pin from `from` to `to`, walking only what is new. Returns [from, to] */
  update(from: string | CID, to: string | CID, options?: AbortOptions & { unpin?: boolean }): Promise<CID[]>
  /**
   * Checks every recursive pin's DAG is whole in the local store (no network). Yields broken pins,
   * and with `includeOk` the whole ones too; `explain` (default true) lists each bad node.
   */
  verify(options?: AbortOptions & { includeOk?: boolean, explain?: boolean }): AsyncIterable<PinVerifyResult>
  /** Kubo's `pin remote`: pins on remote pinning services, and the replicas of local pins */
  remote: RemotePinApi
}

export interface BlockPutOptions extends AbortOptions {
  /** Kubo's `--cid-codec`. @default 'raw' */
  cidCodec?: 'raw' | 'dag-pb' | 'dag-cbor' | 'dag-json'
  /** Kubo's `--mhtype`. @default 'sha2-256' */
  mhtype?: string
  /** Kubo's `--mhlen`: digest bytes kept (-1: the function's full length). @default -1 */
  mhlen?: number
  /** @default false */
  pin?: boolean
  /** Store blocks over Kubo's 2 MiB soft limit (Kubo's `--allow-big-block`). @default false */
  allowBigBlock?: boolean
}

export interface BlockRmResult {
  cid: CID
  /** Set when this block could not be removed (for example: it is pinned) */
  error?: string
}

export interface BlockApi {
  get(cid: string | CID, options?: AbortOptions): Promise<Uint8Array>
  put(bytes: Uint8Array, options?: BlockPutOptions): Promise<CID>
  stat(cid: string | CID, options?: AbortOptions): Promise<{ cid: CID, size: number }>
  rm(cids: Array<string | CID>, options?: AbortOptions & { force?: boolean }): AsyncIterable<BlockRmResult>
}

/**
 * What `dag.import` reads: one CAR stream, several, or (for a multipart body, whose parts can only
 * be read in turn) a stream of CAR streams
 */
export type CarInput = AsyncIterable<Uint8Array> | Array<AsyncIterable<Uint8Array>> | { cars: AsyncIterable<AsyncIterable<Uint8Array>> }

export interface DagImportOptions extends AbortOptions {
  /** @default true */
  pinRoots?: boolean
  /** Called once every block is imported: Kubo's `--stats` */
  onStats?: (stats: { blockCount: number, blockBytesCount: number }) => void
}

export interface DagImportResult {
  root: { cid: CID, pinErrorMsg?: string }
}

export interface DagPutOptions extends AbortOptions {
  /** Codec the input bytes are in (Kubo's `--input-codec`). @default 'dag-json' */
  inputCodec?: string
  /** Codec the stored block is encoded with (Kubo's `--store-codec`). @default 'dag-cbor' */
  storeCodec?: string
  /** Multihash function (Kubo's `--hash`). @default 'sha2-256' */
  hash?: string
  /** @default false */
  pin?: boolean
  /** Store blocks over Kubo's 2 MiB soft limit (Kubo's `--allow-big-block`). @default false */
  allowBigBlock?: boolean
}

export interface DagResolveResult {
  /** The last block the path reaches */
  cid: CID
  /** The rest of the path, inside that block (Kubo's `RemPath`); '' when the path ends at a block */
  remPath: string
}

/** Kubo's `refs`: one edge per link walked */
export interface RefEdge {
  src: CID
  dst: CID
  /** The link's name (dag-pb), or its path inside a DAG-CBOR/DAG-JSON document */
  linkName: string
}

export interface RefsOptions extends AbortOptions {
  /** Walk the whole DAG, not only the roots' own links. @default false */
  recursive?: boolean
  /** Each target once. @default false */
  unique?: boolean
  /** Only this many levels below each root (-1: no limit). @default -1 (1 unless recursive) */
  maxDepth?: number
}

export interface DagApi {
  /** Kubo's `dag put`: decodes `input` with `inputCodec`, stores it encoded with `storeCodec` (CIDv1) */
  put(input: Uint8Array, options?: DagPutOptions): Promise<CID>
  /** Kubo's `dag get`: the node (or the value the path names inside it) encoded with `outputCodec` (default dag-json) */
  get(path: string | CID, options?: AbortOptions & { outputCodec?: string }): Promise<Uint8Array>
  /** Kubo's `dag resolve`: the last block a path reaches and the rest of the path */
  resolve(path: string | CID, options?: AbortOptions): Promise<DagResolveResult>
  /**
   * Imports one CAR stream or several, then (as Kubo) pins the roots of all of them, so a DAG may
   * span files; `pinRoots: false` pins nothing and also accepts incomplete DAGs
   */
  import(car: CarInput, options?: DagImportOptions): AsyncIterable<DagImportResult>
  export(cid: string | CID, options?: CarExportOptions): AsyncIterable<Uint8Array>
  /** The DAG's size and block count; `onProgress` hears the running totals as the walk goes (Kubo's `--progress`) */
  stat(cid: string | CID, options?: AbortOptions & { onProgress?: (blocks: number, bytes: number) => void }): Promise<{ cid: CID, size: number, numBlocks: number }>
}

export interface GcResult {
  cid?: CID
  error?: string
}

export interface RepoApi {
  gc(options?: AbortOptions): AsyncIterable<GcResult>
  stat(options?: AbortOptions): Promise<RepoStats>
  /** Streams one line per problem found, then a summary */
  verify(options?: AbortOptions): AsyncIterable<{ msg: string, progress?: number }>
}

export interface PeerInfo {
  peer: string
  addr: string
  direction?: 'inbound' | 'outbound'
  latency?: string
  /** Protocols of the streams open on this connection */
  streams?: string[]
}

export interface SwarmApi {
  peers(options?: AbortOptions): Promise<PeerInfo[]>
  connect(addr: string, options?: AbortOptions): Promise<void>
  /** Known addresses of every peer in the peer store */
  addrs(options?: AbortOptions): Promise<Array<{ id: string, addrs: string[] }>>
  /** This node's listen addresses, with `/p2p/<id>` */
  localAddrs(options?: AbortOptions): Promise<string[]>
  /** The interface addresses the node listens on (Kubo's `swarm addrs listen`), without `/p2p/` */
  listenAddrs(options?: AbortOptions): Promise<string[]>
  /** Reachability per address (Kubo's `swarm addrs autonat`); optional for clients that lack it */
  autonat?(options?: AbortOptions): Promise<AutoNatReport>
  /** Limits the network enforces and what is in use against them (Kubo's `swarm resources`) */
  resources(options?: AbortOptions): Promise<ResourceReport>
  /** Closes the connections to the peer of `addr` (`/p2p/<id>`, with or without a transport) */
  disconnect(addr: string, options?: AbortOptions): Promise<void>
  peering: SwarmPeeringApi
  filters: SwarmFiltersApi
}

export interface ProviderInfo {
  id: string
  addrs: string[]
}

export interface RoutingApi {
  findProvs(cid: string | CID, options?: AbortOptions & { numProviders?: number }): AsyncIterable<ProviderInfo>
  provide(cids: Array<string | CID>, options?: AbortOptions & { recursive?: boolean }): Promise<void>
  /** Addresses of a peer, from the peer store or a DHT walk; NotFoundError when no one knows it */
  findPeer(peerId: string, options?: AbortOptions): Promise<ProviderInfo>
  /** The best value stored under `/ipns/<peer>` or `/pk/<peer>` */
  get(key: string, options?: AbortOptions): Promise<Uint8Array>
  /** Stores a value under `/ipns/<peer>` or `/pk/<peer>` after the DHT's validators accept it */
  put(key: string, value: Uint8Array, options?: AbortOptions & { allowOffline?: boolean }): Promise<void>
  /** The peers closest to a peer ID, from a DHT walk (Kubo's `dht query`) */
  query(peerId: string, options?: AbortOptions): AsyncIterable<string>
  /** Runs one reprovide pass now (Kubo's `routing reprovide`) */
  reprovide(options?: AbortOptions): Promise<void>
  /** Drops the announcements still queued (Kubo's `provide clear`); returns how many */
  clearProvideQueue(options?: AbortOptions): Promise<number>
}

export interface PubsubMessage {
  from: string
  topic: string
  data: Uint8Array
  sequenceNumber?: bigint
}

export interface PubsubApi {
  publish(topic: string, data: Uint8Array, options?: AbortOptions): Promise<void>
  /**
   * Delivers messages to `handler` until `options.signal` aborts or `unsubscribe` is called.
   * `onError` hears of a subscription that ended by itself (a remote node went away), once.
   */
  subscribe(topic: string, handler: (message: PubsubMessage) => void, options?: AbortOptions & { onError?: (err: Error) => void }): Promise<void>
  unsubscribe(topic: string, handler?: (message: PubsubMessage) => void, options?: AbortOptions): Promise<void>
  ls(options?: AbortOptions): Promise<string[]>
  peers(topic: string, options?: AbortOptions): Promise<string[]>
  /**
   * Kubo's `pubsub reset`: clears the persisted sequence-number validator state (of one peer, or
   * of all); returns how many entries were deleted
   */
  reset(options?: AbortOptions & { peer?: string }): Promise<number>
}

export interface BandwidthStats {
  totalIn: bigint
  totalOut: bigint
  rateIn: number
  rateOut: number
}

/** Kubo's `stats bitswap` (`bitswap stat`): the exchange's counters since the node started */
export interface BitswapStats {
  /** CIDs this node wants now */
  wantlist: CID[]
  /** Connected peers speaking Bitswap */
  peers: string[]
  blocksReceived: number
  dataReceived: number
  blocksSent: number
  dataSent: number
  dupBlksReceived: number
  dupDataReceived: number
}

export interface StatsApi {
  /** Totals, or for one peer or one protocol (Kubo: not both) */
  bw(options?: AbortOptions & { peer?: string, proto?: string }): Promise<BandwidthStats>
  /** OfflineError on an offline node */
  bitswap(options?: AbortOptions): Promise<BitswapStats>
  /** The reprovider's counters (Kubo's legacy `provide stat`) */
  provide(options?: AbortOptions): Promise<ProvideStats>
  /** The DHT routing table by bucket (Kubo's `stats dht`) */
  dht(options?: AbortOptions): Promise<DhtStats[]>
}

export interface ConfigApi {
  show(options?: AbortOptions): Promise<CairnConfig>
  /** Dotted key, as Kubo: `Addresses.API` */
  get(key: string, options?: AbortOptions): Promise<unknown>
  set(key: string, value: unknown, options?: AbortOptions): Promise<void>
  /** Replaces the whole file, keeping the identity (Kubo's `config replace`) */
  replace(config: Record<string, unknown>, options?: AbortOptions): Promise<void>
  /** Applies one of Kubo's profiles (`config profile apply`); `dryRun` only says what would change */
  applyProfile(name: string, options?: AbortOptions & { dryRun?: boolean }): Promise<{ oldConfig: CairnConfig, newConfig: CairnConfig }>
}

export interface BootstrapApi {
  list(options?: AbortOptions): Promise<string[]>
  /** Adds addresses (or the default list with `default: true`); returns what was added */
  add(addrs: string[], options?: AbortOptions & { default?: boolean }): Promise<string[]>
  /** Removes addresses (or all with `all: true`); returns what was removed */
  rm(addrs: string[], options?: AbortOptions & { all?: boolean }): Promise<string[]>
}
