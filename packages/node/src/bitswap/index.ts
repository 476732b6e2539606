/**
 * @packageDocumentation
 *
 * Cairn's Bitswap 1.2.0 as a js-libp2p 3 service: want-have, want-block, HAVE / DONT_HAVE,
 * cancels, send-dont-have, messages split under 2 MiB, a wantlist and ledger per peer, and
 * retrieval sessions that keep many wants in flight. Accepts `/ipfs/bitswap/1.1.0` and `1.0.0`
 * peers too.
 *
 * ```ts
 * const libp2p = await createLibp2p({
 *   // transports, encrypters, muxers...
 *   services: {
 *     identify: identify(),
 *     bitswap: bitswap({ blockstore, routing })
 *   }
 * })
 * const bytes = await libp2p.services.bitswap.want(cid, { signal })
 * ```
 */
import type { LedgerStats } from './ledger.ts'
import { BitswapService } from './bitswap.ts'
import type { BlockGetter, BlockHas, BlockPutter, AbortOptions, Block } from '@cairn/interface'
import type { ComponentLogger, Connection, Libp2pEvents, PeerId, PeerStore, Startable, Stream, StreamHandler, StreamHandlerOptions, Topology, TypedEventTarget } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'

export * from './constants.ts'
export { cidToPrefix, cidFromPrefix } from './block-identity.ts'
export { encodeFrame, decodeMessage, emptyMessage, WANT_BLOCK, WANT_HAVE, PRESENCE_HAVE, PRESENCE_DONT_HAVE } from './pb/message.ts'
export type { BitswapMessage, Wantlist, WantlistEntry, PayloadBlock, BlockPresence, WantType, PresenceType, DecodeLimits } from './pb/message.ts'

/** Where Bitswap looks for providers when connected peers lack a block (the node wires the DHT) */
export interface BitswapRouting {
  findProviders(cid: CID, options?: AbortOptions): AsyncIterable<{ id: PeerId, multiaddrs: Multiaddr[] }>
}

export interface BitswapInit {
  /** Where received blocks are stored and served blocks are read; `@cairn/blockstore` fits */
  blockstore: BlockGetter & BlockPutter & BlockHas
  /** Provider lookup for blocks no connected peer has */
  routing?: BitswapRouting
  /** Outgoing messages are split below this. @default DEFAULT_MAX_MESSAGE_BYTES (512 KiB) */
  maxMessageBytes?: number
  /** Largest message accepted. @default DEFAULT_MAX_INCOMING_MESSAGE_BYTES (4 MiB) */
  maxIncomingMessageBytes?: number
  /** Wantlist entries kept per remote peer. @default DEFAULT_MAX_WANTLIST_ENTRIES_PER_PEER (1024) */
  maxWantlistEntries?: number
  /** Wants a session keeps on the network at once. @default DEFAULT_SESSION_WANTS_IN_FLIGHT (64) */
  sessionWantsInFlight?: number
  /** Wants a `swarm` session keeps in flight. @default DEFAULT_SWARM_WANTS_IN_FLIGHT (128) */
  swarmWantsInFlight?: number
  /** want-blocks outstanding at one peer; further wants wait for room. @default DEFAULT_MAX_OUTSTANDING_WANTS_PER_PEER (512) */
  maxOutstandingWantsPerPeer?: number
  /** Connected peers sent want-block (not want-have) by a session that knows no peer yet. @default DEFAULT_OPTIMISTIC_WANT_BLOCK_PEERS (2) */
  optimisticWantBlockPeers?: number
  /**
   * A want waits this long at most for the session's partial peers (fetching the same DAG) to say
   * whether they have its block before a peer holding the whole DAG is asked.
   * @default DEFAULT_HAVE_PROBE_TIMEOUT_MS (1 s)
   */
  haveProbeTimeoutMs?: number
  /**
   * want-blocks a session with partial peers keeps at a peer holding the whole DAG without a HAVE
   * for them, once it knows partial peers (twice this before); its other wants wait for room
   * there or for a partial peer's HAVE. @default DEFAULT_SWARM_WHOLE_PEER_WANTS (8)
   */
  swarmWholePeerWants?: number
  /** Unanswered wants are looked up in routing after this. @default DEFAULT_PROVIDER_SEARCH_DELAY_MS (1 s) */
  providerSearchDelayMs?: number
  /** And again this often. @default DEFAULT_PROVIDER_SEARCH_INTERVAL_MS (10 s) */
  providerSearchIntervalMs?: number
  /** Providers dialled per search. @default DEFAULT_MAX_PROVIDERS_PER_SEARCH (3) */
  maxProvidersPerSearch?: number
  /** A want without a caller signal fails with TimeoutError after this. @default DEFAULT_WANT_TIMEOUT_MS (60 s) */
  wantTimeoutMs?: number
  /** Dialling a provider or opening a stream. @default DEFAULT_DIAL_TIMEOUT_MS (10 s) */
  dialTimeoutMs?: number
  /** Idle outbound streams are closed after this. @default DEFAULT_STREAM_IDLE_TIMEOUT_MS (5 s) */
  streamIdleTimeoutMs?: number
  /** Blocks read at once per peer while serving. @default DEFAULT_SERVE_READ_CONCURRENCY (8) */
  serveReadConcurrency?: number
  /** Bytes queued per peer before serving waits. @default DEFAULT_MAX_SEND_QUEUE_BYTES (4 MiB) */
  maxSendQueueBytes?: number
  /**
   * Bytes serving all peers together may hold (blocks read, not yet taken by a stream): one
   * budget for the node. @default DEFAULT_SERVE_BUDGET_BYTES (32 MiB)
   */
  serveBudgetBytes?: number
  /** Block reads at once for all peers together. @default DEFAULT_SERVE_READS_MAX (32) */
  serveReadsMax?: number
  /**
   * Wants unanswered this long are sent again to the peers asked, as boxo's clients rebroadcast.
   * @default DEFAULT_REBROADCAST_INTERVAL_MS (30 s)
   */
  rebroadcastIntervalMs?: number
  /** A peer that sent unasked bytes is ignored this long. @default DEFAULT_BAN_DURATION_MS (10 min) */
  banDurationMs?: number
  /**
   * Bytes of one peer's blocks waiting to be verified and stored at which no new want-block goes
   * to it until they drop. @default DEFAULT_INBOUND_BUSY_BYTES (32 MiB)
   */
  inboundBusyBytes?: number
  /**
   * Hash received sha2-256 blocks of large messages on a worker thread (one per process, shared)
   * instead of the thread that reads the network. @default true
   */
  hashOnWorker?: boolean
}

/** The slice of libp2p's components the service uses (libp2p passes all of them) */
export interface BitswapComponents {
  peerId: PeerId
  logger: ComponentLogger
  registrar: {
    handle(protocol: string, handler: StreamHandler, options?: StreamHandlerOptions): Promise<void>
    unhandle(protocol: string, options?: AbortOptions): Promise<void>
    register(protocol: string, topology: Topology): Promise<string>
    unregister(id: string): void
  }
  connectionManager: {
    getConnections(peerId?: PeerId): Connection[]
    openConnection(peer: PeerId | Multiaddr | Multiaddr[], options?: AbortOptions): Promise<Connection>
    openStream(peer: PeerId, protocol: string | string[], options?: AbortOptions): Promise<Stream>
    closeConnections(peer: PeerId, options?: AbortOptions): Promise<void>
  }
  peerStore?: Pick<PeerStore, 'merge'>
  /**
   * The node's `directUpgrade` service, where WebRTC hole punching is on: asked before blocks
   * go over a relayed connection (reachability/webrtc.ts)
   */
  directUpgrade?: { awaitDirect(peer: PeerId, options?: AbortOptions): Promise<Connection | undefined> }
  /** Connection open/close events: relayed connections cut at the relay's data limit are noticed there */
  events?: Pick<TypedEventTarget<Libp2pEvents>, 'addEventListener' | 'removeEventListener'>
}

export interface BitswapStats {
  /** Wanted blocks received, verified and stored */
  blocksReceived: number
  /** Blocks received that another peer had already delivered */
  duplicateBlocks: number
  /** Bytes of those duplicate blocks */
  duplicateData: number
  /** Bytes of block data received, duplicates included */
  dataReceived: number
  blocksSent: number
  dataSent: number
  /** Connected peers speaking Bitswap */
  peers: number
  /** Peers ignored for sending bytes we did not ask for */
  bannedPeers: number
  /** Received blocks whose hash was computed on the hash worker (see `hashOnWorker`) */
  blocksHashedOnWorker: number
  /** Wants sent again because they went unanswered for the rebroadcast interval */
  wantsRebroadcast: number
  /**
   * Wants that first asked the session's partial peers (fetching the same DAG) whether they have
   * the block: its want-block then went to one that said HAVE (`have`), to a peer holding the
   * whole DAG once all said DONT_HAVE (`dontHave`), or to that peer when they were slow to answer
   * (`timeout`, see `haveProbeTimeoutMs`)
   */
  probes: { have: number, dontHave: number, timeout: number }
  /** Bytes serving holds now (see `serveBudgetBytes`), and the most it held at once */
  serveBytes: number
  serveBytesPeak: number
  /** Blocks we want from the network now (our wantlist) */
  wants: number
  /** Retrieval sessions open now */
  sessions: number
}

export interface SessionOptions extends AbortOptions {
  /**
   * The fetch may run beside other nodes fetching the same DAG (the replicas of a pin): the
   * session keeps at most `swarmWholePeerWants` want-blocks at a time at each peer that holds the
   * whole DAG (the origin) for blocks no other peer said HAVE to, so the origin sends the blocks
   * nobody else has yet while the fetchers pass the rest among themselves. @default false
   */
  swarm?: boolean
}

export interface BitswapSession {
  /** Fetches one block within the session; abort cancels the want */
  want(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /** A peer believed to hold the session's blocks: it is asked first */
  addPeer(peer: PeerId): void
  /** Cancels every want still open */
  close(): void
}

export interface Bitswap extends Startable {
  /**
   * Fetches a block: local store first, then connected peers, then providers from routing.
   * The bytes are hash-verified against `cid`, stored, then returned. Ends with `TimeoutError`
   * (`ERR_TIMEOUT`) or `AbortError` (`ERR_ABORTED`), sending CANCEL to the peers asked.
   */
  want(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /** A session for many wants of one DAG; closing it (or aborting `options.signal`) cancels them */
  createSession(options?: SessionOptions): BitswapSession
  /** Newly stored blocks: sent to peers whose wantlists hold them */
  notify(blocks: Block[]): void
  stats(): BitswapStats
  /** Our wants, or with `peer` what that peer wants from us */
  wantlist(peer?: PeerId): CID[]
  /** What we exchanged with a connected peer (zeros for one we have no ledger of) */
  ledger(peer: PeerId): LedgerStats
  /** Connected peers speaking Bitswap */
  peers(): PeerId[]
}

export function bitswap (init: BitswapInit): (components: BitswapComponents) => Bitswap {
  return (components) => new BitswapService(components, init)
}
