/**
 * Shapes of the network and admin commands (Kubo's `routing`, `swarm peering|filters`,
 * `bitswap wantlist|ledger`, `ping`, `stats provide|dht`), shared by the node and the RPC client.
 */
import type { AbortOptions } from './blocks.ts'
import type { CID } from 'multiformats/cid'

/** One answer of `ping`: Kubo's `PingResult` (a text line, or a pong with its round trip) */
export interface PingResult {
  success: boolean
  /** Round trip in nanoseconds, as Kubo's `time.Duration` (0 on text lines) */
  timeNs: number
  /** Set on status lines: `PING <peer>.`, `Looking up peer ...`, `Average latency: ...` */
  text: string
}

export interface PingOptions extends AbortOptions {
  /** Kubo's `-n`. @default 10 */
  count?: number
}

/** Kubo's bitswap `server.Receipt`: what we exchanged with one peer */
export interface BitswapLedger {
  peer: string
  /** Bytes sent / (bytes received + 1), as Kubo's debt ratio */
  value: number
  sent: number
  recv: number
  /** Blocks exchanged either way */
  exchanged: number
}

/** A peer Cairn keeps connected (Kubo's `Peering.Peers` entry) */
export interface PeeringPeer {
  id: string
  addrs: string[]
}

/** Kubo's legacy `provide stat` (`boxo/provider.ReproviderStats`) */
export interface ProvideStats {
  totalReprovides: number
  /** Nanoseconds, as Go's `time.Duration` */
  avgReprovideDurationNs: number
  lastReprovideDurationNs: number
  /** ISO time of the last reprovide pass, undefined before the first */
  lastRun?: string
  reprovideIntervalNs: number
  /** CIDs waiting in the provide queue */
  queued: number
}

/** Kubo's `stats dht`: one routing table, its peers by bucket */
export interface DhtStats {
  name: string
  buckets: Array<{ lastRefresh: string, peers: Array<{ id: string, connected: boolean, agentVersion: string, lastUsefulAt: string, lastQueriedAt: string }> }>
}

/**
 * Kubo's `swarm addrs autonat`: how reachable the node is, per address, as AutoNAT (v2, then v1)
 * and the relay client see it
 */
export interface AutoNatReport {
  /** go-libp2p's names: Public once an address is confirmed reachable */
  reachability: 'Public' | 'Private' | 'Unknown'
  /** How others reach us: directly, only through a relay, or not known yet */
  mode: 'public' | 'relayed' | 'unknown'
  /** Addresses confirmed reachable (a public interface address, AutoNAT, UPnP, announced) */
  reachable: string[]
  /** Public addresses AutoNAT found unreachable */
  unreachable: string[]
  /** Public addresses peers observed that are not checked yet */
  unknown: string[]
  /** Our `/p2p-circuit` addresses: relay reservations */
  relayed: string[]
  /** Transports that could not load (QUIC, WebRTC-direct): one line each */
  notices: string[]
}

/** A resource limit as go-libp2p writes it in JSON: a number, or "unlimited" */
export type ResourceLimit = number | 'unlimited'

/** One scope of Kubo's `swarm resources` (`ResourceLimitsAndUsage`) */
export interface ResourceScope {
  Memory: ResourceLimit
  MemoryUsage: number
  FD: ResourceLimit
  FDUsage: number
  Conns: ResourceLimit
  ConnsUsage: number
  ConnsInbound: ResourceLimit
  ConnsInboundUsage: number
  ConnsOutbound: ResourceLimit
  ConnsOutboundUsage: number
  Streams: ResourceLimit
  StreamsUsage: number
  StreamsInbound: ResourceLimit
  StreamsInboundUsage: number
  StreamsOutbound: ResourceLimit
  StreamsOutboundUsage: number
}

/** Kubo's `swarm resources` (`LimitsConfigAndUsage`): limits and usage per scope */
export interface ResourceReport {
  System: ResourceScope
  Transient: ResourceScope
  Services?: Record<string, ResourceScope>
  Protocols?: Record<string, ResourceScope>
  Peers?: Record<string, ResourceScope>
}

export interface SwarmFiltersApi {
  /** `Swarm.AddrFilters`, as `/ip4/a.b.c.d/ipcidr/n` */
  ls(options?: AbortOptions): Promise<string[]>
  /** Adds to the running node and to the config; returns what was added */
  add(filters: string[], options?: AbortOptions): Promise<string[]>
  /** Removes from the running node and the config (`all` removes every one); returns what was removed */
  rm(filters: string[], options?: AbortOptions & { all?: boolean }): Promise<string[]>
}

export interface SwarmPeeringApi {
  /** Adds peers (`/.../p2p/<id>` addresses) to keep connected; returns their IDs */
  add(addrs: string[], options?: AbortOptions): Promise<string[]>
  ls(options?: AbortOptions): Promise<PeeringPeer[]>
  /** Stops keeping these peers connected; returns their IDs */
  rm(peerIds: string[], options?: AbortOptions): Promise<string[]>
}

export interface BitswapApi {
  /** Our wantlist, or with `peer` what that peer wants from us */
  wantlist(options?: AbortOptions & { peer?: string }): Promise<CID[]>
  ledger(peer: string, options?: AbortOptions): Promise<BitswapLedger>
}

/** Kubo's `log level` answer: the levels asked for, or the message of a change */
export interface LogLevelResult {
  levels?: Record<string, string>
  message?: string
}

export interface LogApi {
  /** No arguments: the default level; `all`/`*`: every subsystem; with `level`: sets it */
  level(subsystem?: string, level?: string, options?: AbortOptions): Promise<LogLevelResult>
  ls(options?: AbortOptions): Promise<string[]>
  /**
   * Kubo's `log tail`: the node's log lines as they are written (go-log's JSON line shape), at the
   * levels `level` set, filtered further by `level` here; until `signal` aborts
   */
  tail(options?: AbortOptions & { level?: string }): AsyncIterable<LogTailLine>
}

/** One line of `log tail`, as go-log's JSON encoder writes it */
export interface LogTailLine {
  level: string
  ts: string
  logger: string
  msg: string
}

/** One command the RPC server ran or runs (Kubo's `diag cmds`) */
export interface ActiveCommand {
  id: number
  command: string
  args: string[]
  options: Record<string, string>
  startTime: string
  endTime?: string
  active: boolean
}

export interface DiagApi {
  /** Kubo's `diag sys`: runtime, disk, memory and network facts, as Kubo's JSON keys */
  sys(options?: AbortOptions): Promise<Record<string, unknown>>
  cmds(options?: AbortOptions): Promise<ActiveCommand[]>
  /** Forgets the finished commands `cmds` lists (Kubo's `diag cmds clear`) */
  clearCmds(options?: AbortOptions): Promise<void>
  /** How long finished commands stay listed, a Go duration (Kubo's `diag cmds set-time`) */
  setCmdsTime(time: string, options?: AbortOptions): Promise<void>
  /**
   * Kubo's `version check`: the agent versions of the peers in the routing table that run this
   * software, against ours; `minPercent` (default 5) of them newer sets `updateAvailable`
   */
  versionCheck(options?: AbortOptions & { minPercent?: number }): Promise<VersionCheck>
  /**
   * Kubo's `diag profile`: a zip of the daemon's diagnostics (Kubo's collector names; profile time
   * a Go duration). Only a daemon's RPC answers it (Kubo's `NoLocal`)
   */
  profile?(options?: AbortOptions & { collectors?: string[], profileTime?: string }): AsyncIterable<Uint8Array>
}

/** Kubo's `VersionCheckOutput` */
export interface VersionCheck {
  UpdateAvailable: boolean
  RunningVersion: string
  GreatestVersion: string
  PeersSampled: number
  WithGreaterVersion: number
}
