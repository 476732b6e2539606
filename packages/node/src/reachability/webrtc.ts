/**
 * Hole punching over WebRTC (private-to-private): how two nodes behind NAT end up on a direct
 * connection in js-libp2p.
 *
 * js-libp2p's TCP dials from ephemeral ports and its QUIC transport dials from a socket other than
 * the one it listens on, so DCUtR's simultaneous dials never line up behind a NAT. WebRTC does the
 * punching itself: the SDP offer and answer cross the relayed connection the peers already share
 * (`/webrtc-signaling/0.0.1`), each side learns its NAT's public mapping from a STUN server
 * (a server-reflexive ICE candidate), and ICE's connectivity checks, sent by both sides at once,
 * open both NATs. Across endpoint-independent NATs that always works; across a symmetric NAT it
 * cannot, and the relayed connection stays.
 *
 * Cairn's keys (Kubo has no WebRTC private-to-private transport):
 * - `Swarm.Transports.Network.WebRTC` (flag, default true): the transport, listening on
 *   `/webrtc`, so a node with a relay reservation also advertises `<relayed address>/webrtc`;
 * - `Swarm.WebRTC.STUNServers` (array of `stun:host:port`; default js-libp2p's public STUN
 *   servers): where ICE learns the NAT's public address. `[]` means host candidates only (a LAN).
 * - `Swarm.WebRTC.MTU` (integer, default {@link DEFAULT_WEBRTC_MTU}): the IP packet size the SCTP
 *   layer sizes its packets for (libdatachannel's `mtu`; it subtracts SCTP, DTLS, UDP and an IPv6
 *   header). The sender's CPU goes mostly into per-packet work, so bigger packets move more bytes per
 *   CPU second; but usrsctp does no path MTU discovery and libjuice sets Don't Fragment, so a value
 *   above the path's MTU black-holes the connection's bulk data. Raise it only where the whole path
 *   is known (1500 on plain Ethernet).
 *
 * The `directUpgrade` service below upgrades a relayed connection we dialled: once identify
 * shows the peer speaks the signalling protocol, it dials the peer's `/webrtc` address through
 * the same relay. Bitswap moves its traffic to the direct connection when one opens.
 */
import { InvalidParametersError } from '@cairn/interface'
import { multiaddr } from '@multiformats/multiaddr'
import { loopbackAddressLast, publicAddressesFirst, reliableTransportsFirst } from '@libp2p/utils'
import { WebRTC } from '@multiformats/multiaddr-matcher'
import { isRelayedAddress } from './announce.ts'
import type { CairnConfig } from '@cairn/interface'
import type { AbortOptions, Address, ComponentLogger, Connection, IdentifyResult, Libp2pEvents, Logger, PeerId, PeerStore, Startable, TypedEventTarget } from '@libp2p/interface'
import type { ConnectionManager, TransportManager } from '@libp2p/interface-internal'

/** js-libp2p's default ICE servers (`@libp2p/webrtc`'s constants): public STUN, no TURN */
export const DEFAULT_STUN_SERVERS = [
  'stun:stun.l.google.com:19302',
  'stun:global.stun.twilio.com:3478',
  'stun:stun.cloudflare.com:3478',
  'stun:stun.services.mozilla.com:3478'
] as const

/** The protocol WebRTC private-to-private signals over (SDP and ICE candidates) */
export const WEBRTC_SIGNALING_PROTOCOL = '/webrtc-signaling/0.0.1'

/**
 * `Swarm.WebRTC.MTU`'s default: 1400 makes UDP datagrams of 1352 bytes, the size Chromium's QUIC
 * sends without path MTU discovery (1350) across the internet; it fits PPPoE (1492), DS-Lite (1460)
 * and WireGuard (1420) links, where a full 1500 would not. libdatachannel's own default is 1280.
 */
export const DEFAULT_WEBRTC_MTU = 1400
/** The smallest MTU every IPv6 path carries, and the largest jumbo frame */
const MTU_RANGE = [1280, 9000] as const

export interface WebRTCOptions {
  /** `Swarm.Transports.Network.WebRTC` (default true) */
  enabled: boolean
  /** `Swarm.WebRTC.STUNServers`: ICE server URLs (`stun:host:port`) */
  iceServers: string[]
  /** `Swarm.WebRTC.MTU`: the IP packet size SCTP packets are sized for */
  mtu: number
}

const obj = (value: unknown): Record<string, unknown> => value != null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {}

/** Reads Cairn's WebRTC keys; bad values fail while the node is built */
export function webrtcOptions (config: CairnConfig): WebRTCOptions {
  const swarm = obj(config.Swarm)
  const flag = obj(obj(swarm.Transports).Network).WebRTC
  if (flag != null && flag !== 'default' && typeof flag !== 'boolean') {
    throw new InvalidParametersError(`config: Swarm.Transports.Network.WebRTC must be true, false or null, not ${JSON.stringify(flag)}`)
  }
  const servers = obj(swarm.WebRTC).STUNServers ?? [...DEFAULT_STUN_SERVERS]
  if (!Array.isArray(servers) || !servers.every(s => typeof s === 'string')) {
    throw new InvalidParametersError('config: Swarm.WebRTC.STUNServers must be an array of "stun:host:port" URLs')
  }
  for (const url of servers as string[]) {
    if (!/^stuns?:[^\s:/]+(:\d{1,5})?$/.test(url)) {
      throw new InvalidParametersError(`config: Swarm.WebRTC.STUNServers: "${url.slice(0, 200)}" is not a stun:host:port URL`)
    }
  }
  const mtu = obj(swarm.WebRTC).MTU ?? DEFAULT_WEBRTC_MTU
  if (typeof mtu !== 'number' || !Number.isInteger(mtu) || mtu < MTU_RANGE[0] || mtu > MTU_RANGE[1]) {
    throw new InvalidParametersError(`config: Swarm.WebRTC.MTU must be an integer from ${MTU_RANGE[0]} to ${MTU_RANGE[1]}, not ${JSON.stringify(mtu)?.slice(0, 100)}`)
  }
  return { enabled: flag !== false, iceServers: servers as string[], mtu }
}

export interface DirectUpgradeInit {
  /** Tries per relayed connection before it is left relayed. @default 3 */
  attempts?: number
  /** Wait before a retry (doubled each time). @default 1000 */
  retryDelayMs?: number
  /** One WebRTC dial (signalling and ICE). @default 20000 */
  dialTimeoutMs?: number
  /**
   * How long a peer no hole could be punched to (a symmetric NAT on one side) is remembered:
   * meanwhile Bitswap uses the relay at once rather than wait `AWAIT_DIRECT_MS` on every new
   * relayed connection (an upgrade is still tried on each, in the background). A direct
   * connection to the peer forgets it.
   * @default 600000 (10 min)
   */
  punchFailureTtlMs?: number
}

export interface DirectUpgradeComponents {
  connectionManager: ConnectionManager
  transportManager: TransportManager
  peerStore: PeerStore
  events: TypedEventTarget<Libp2pEvents>
  logger: ComponentLogger
}

export interface DirectUpgradeStats {
  /** Relayed connections an upgrade was started on */
  started: number
  /** Of those, upgraded to a direct connection */
  succeeded: number
  /** Of those, left relayed after every attempt */
  failed: number
  /** Peers remembered as unpunchable now (see `punchFailureTtlMs`) */
  unpunchable: number
}

export interface DirectUpgrade {
  stats(): DirectUpgradeStats
  /**
   * Resolves with a direct connection to `peer` if one is open, or opens within `waitMs` while
   * an upgrade is plausible (both of us speak WebRTC signalling: the side that dialled through
   * the relay is punching); undefined otherwise. Bitswap asks before sending blocks over a
   * relayed connection, so the bulk never crosses the relay when a hole can be punched.
   */
  awaitDirect(peer: PeerId, options?: AbortOptions & { waitMs?: number }): Promise<Connection | undefined>
}

/**
 * How long a sender waits for a hole to be punched before using the relay, once per relayed
 * connection (lab median to a punched connection: about 1 s). Kept under Bitswap's 5 s after
 * which a peer silent on a relay counts as cut off by the relay's limits.
 * @see DirectUpgrade.awaitDirect
 */
export const AWAIT_DIRECT_MS = 3000

/** @see DirectUpgradeInit.punchFailureTtlMs */
export const PUNCH_FAILURE_TTL_MS = 10 * 60_000
/** At most this many unpunchable peers are remembered (the oldest is forgotten first) */
const PUNCH_FAILURES_MAX = 4096

const rank = (ma: Address['multiaddr']): number => !isRelayedAddress(ma) ? 0 : WebRTC.matches(ma) ? 2 : 1

/**
 * libp2p's dial order (public before private, loopback last, certified first, TCP first) with
 * relayed addresses after direct ones and `<relay>/p2p-circuit/webrtc` last of all. libp2p's own
 * sorter takes the WebRTC ones for direct and dials them first: wherever no hole can be punched
 * (a symmetric NAT) that costs its per-address timeout, and the relayed connection it opens to
 * signal on outlives a failed dial. A plain relayed connection opens at once; the `directUpgrade`
 * service then punches from it, and Bitswap waits for that before sending blocks (`awaitDirect`).
 */
export function webrtcAwareAddressSorter (a: Address, b: Address): -1 | 0 | 1 {
  const byRank = Math.sign(rank(a.multiaddr) - rank(b.multiaddr)) as -1 | 0 | 1
  return loopbackAddressLast(a.multiaddr, b.multiaddr) ||
    publicAddressesFirst(a.multiaddr, b.multiaddr) ||
    byRank ||
    (a.isCertified === b.isCertified ? 0 : a.isCertified ? -1 : 1) ||
    reliableTransportsFirst(a.multiaddr, b.multiaddr)
}

/** The `/webrtc` address of the peer at the far end of a relayed connection */
export function webrtcAddressOf (conn: Connection): string | undefined {
  const addr = conn.remoteAddr
  if (!isRelayedAddress(addr) || WebRTC.matches(addr)) return undefined
  const peer = conn.remotePeer.toString()
  const text = addr.toString().replace(new RegExp(`/p2p/${peer}$`), '')
  if (!text.endsWith('/p2p-circuit')) return undefined
  return `${text}/webrtc/p2p/${peer}`
}

class DefaultDirectUpgrade implements DirectUpgrade, Startable {
  private readonly components: DirectUpgradeComponents
  private readonly log: Logger
  private readonly attempts: number
  private readonly retryDelayMs: number
  private readonly dialTimeoutMs: number
  /** Peers an upgrade is under way for: one at a time per peer */
  private readonly pending = new Set<string>()
  private readonly counts = { started: 0, succeeded: 0, failed: 0 }
  private readonly punchFailureTtlMs: number
  /**
   * Peers no hole could be punched to -> until when that is remembered: our upgrade failed after
   * every attempt, or a wait for the peer's punch passed without a direct connection
   */
  private readonly unpunchable = new Map<string, number>()
  /** When Bitswap stops waiting for a punched connection, per relayed connection id */
  private readonly windows = new Map<string, number>()
  private shutdown = new AbortController()

  constructor (components: DirectUpgradeComponents, init: DirectUpgradeInit = {}) {
    this.components = components
    this.log = components.logger.forComponent('cairn:direct-upgrade')
    this.attempts = init.attempts ?? 3
    this.retryDelayMs = init.retryDelayMs ?? 1000
    this.dialTimeoutMs = init.dialTimeoutMs ?? 20_000
    this.punchFailureTtlMs = init.punchFailureTtlMs ?? PUNCH_FAILURE_TTL_MS
    this.onIdentify = this.onIdentify.bind(this)
    this.onOpen = this.onOpen.bind(this)
    this.onClose = this.onClose.bind(this)
  }

  private onOpen (evt: CustomEvent<Connection>): void {
    // a direct connection proves a hole can be punched (or is not needed) to this peer
    if (evt.detail.limits == null) this.unpunchable.delete(evt.detail.remotePeer.toString())
  }

  private onClose (evt: CustomEvent<Connection>): void {
    this.windows.delete(evt.detail.id)
  }

  /** Whether punching to `peer` failed lately (forgotten after `punchFailureTtlMs`) */
  private isUnpunchable (peer: PeerId, now = Date.now()): boolean {
    const key = peer.toString()
    const until = this.unpunchable.get(key)
    if (until == null) return false
    if (until > now) return true
    this.unpunchable.delete(key)
    return false
  }

  private rememberUnpunchable (peer: PeerId): void {
    const key = peer.toString()
    const known = this.unpunchable.delete(key)
    // bounded: the oldest entry goes first (a Map keeps insertion order)
    if (this.unpunchable.size >= PUNCH_FAILURES_MAX) this.unpunchable.delete(this.unpunchable.keys().next().value as string)
    this.unpunchable.set(key, Date.now() + this.punchFailureTtlMs)
    if (!known) this.log('no hole could be punched to %p: its data uses the relay at once for %d ms', peer, this.punchFailureTtlMs)
  }

  readonly [Symbol.toStringTag] = '@cairn/direct-upgrade'

  async start (): Promise<void> {
    this.shutdown = new AbortController()
    this.components.events.addEventListener('peer:identify', this.onIdentify)
    this.components.events.addEventListener('connection:open', this.onOpen)
    this.components.events.addEventListener('connection:close', this.onClose)
  }

  async stop (): Promise<void> {
    this.components.events.removeEventListener('peer:identify', this.onIdentify)
    this.components.events.removeEventListener('connection:open', this.onOpen)
    this.components.events.removeEventListener('connection:close', this.onClose)
    this.shutdown.abort()
    this.pending.clear()
    this.windows.clear()
    this.unpunchable.clear()
  }

  stats (): DirectUpgradeStats {
    const now = Date.now()
    let unpunchable = 0
    for (const until of this.unpunchable.values()) if (until > now) unpunchable++
    return { ...this.counts, unpunchable }
  }

  private direct (peer: PeerId): Connection | undefined {
    return this.components.connectionManager.getConnections(peer).find(c => c.status === 'open' && c.limits == null)
  }

  private hasDirect (peer: PeerId): boolean {
    return this.direct(peer) != null
  }

  async awaitDirect (peer: PeerId, options: AbortOptions & { waitMs?: number } = {}): Promise<Connection | undefined> {
    const now = this.direct(peer)
    if (now != null) return now
    // no hole could be punched to this peer lately: nothing to wait for
    if (this.isUnpunchable(peer)) return undefined
    // one window per relayed connection, however many streams ask: past it the relay is used
    const relayed = this.components.connectionManager.getConnections(peer).find(c => c.status === 'open' && c.limits != null)
    if (relayed == null) return undefined
    const deadline = this.windows.get(relayed.id) ?? Date.now() + (options.waitMs ?? AWAIT_DIRECT_MS)
    this.windows.set(relayed.id, deadline)
    if (deadline <= Date.now()) return undefined
    let protocols: string[] = []
    try {
      protocols = (await this.components.peerStore.get(peer)).protocols
    } catch {}
    if (!protocols.includes(WEBRTC_SIGNALING_PROTOCOL)) return undefined
    const { events } = this.components
    return new Promise<Connection | undefined>(resolve => {
      const done = (conn?: Connection): void => {
        clearTimeout(timer)
        events.removeEventListener('connection:open', onOpen)
        options.signal?.removeEventListener('abort', onAbort)
        resolve(conn)
      }
      const onOpen = (evt: CustomEvent<Connection>): void => {
        if (evt.detail.remotePeer.equals(peer) && evt.detail.limits == null) done(evt.detail)
      }
      const onAbort = (): void => { done(this.direct(peer)) }
      const timer = setTimeout(() => {
        const conn = this.direct(peer)
        // the peer had the whole window to punch: the next relayed connection to it does not wait
        if (conn == null) this.rememberUnpunchable(peer)
        done(conn)
      }, deadline - Date.now())
      events.addEventListener('connection:open', onOpen)
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  private onIdentify (evt: CustomEvent<IdentifyResult>): void {
    const { connection, protocols, peerId } = evt.detail
    // the side that dialled through the relay upgrades: both doing it would open two connections
    if (connection.limits == null || connection.direction !== 'outbound') return
    if (!protocols.includes(WEBRTC_SIGNALING_PROTOCOL)) return
    const target = webrtcAddressOf(connection)
    const key = peerId.toString()
    // tried again on every new relayed connection, remembered failure or not (a failure may have
    // been passing): only Bitswap's wait for it is skipped
    if (target == null || this.pending.has(key) || this.hasDirect(peerId)) return
    this.pending.add(key)
    this.counts.started++
    void this.upgrade(peerId, target).finally(() => this.pending.delete(key))
  }

  /** A dial to `peer` under way (libp2p's own, e.g. to its `/webrtc` address): wait it out */
  private async dialSettled (peer: PeerId, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + this.dialTimeoutMs
    while (!signal.aborted && Date.now() < deadline &&
      this.components.connectionManager.getDialQueue().some(d => d.peerId?.equals(peer) === true)) {
      await new Promise(resolve => setTimeout(resolve, 100).unref())
    }
  }

  private async upgrade (peer: PeerId, target: string): Promise<void> {
    const signal = this.shutdown.signal
    let delay = this.retryDelayMs
    for (let attempt = 1; attempt <= this.attempts && !signal.aborted; attempt++) {
      // the relayed connection may be the signalling one of a WebRTC dial in progress
      await this.dialSettled(peer, signal)
      if (this.hasDirect(peer)) break
      try {
        this.log('attempt %d to upgrade the relayed connection to %p over %s', attempt, peer, target)
        // straight to the transport: the dial queue's per-address timeout (6 s) is shorter than
        // ICE takes on a loaded machine, and the queue would hand back the relayed connection
        const conn = await this.components.transportManager.dial(multiaddr(target), {
          signal: AbortSignal.any([signal, AbortSignal.timeout(this.dialTimeoutMs)])
        })
        this.log('direct connection to %p: %a', peer, conn.remoteAddr)
        this.counts.succeeded++
        return
      } catch (err) {
        this.log('upgrade attempt %d to %p failed - %e', attempt, peer, err)
      }
      if (attempt < this.attempts) {
        await new Promise(resolve => setTimeout(resolve, delay).unref())
        delay *= 2
      }
    }
    if (this.hasDirect(peer)) this.counts.succeeded++
    else {
      this.counts.failed++
      this.rememberUnpunchable(peer)
    }
  }
}

export function directUpgrade (init: DirectUpgradeInit = {}): (components: DirectUpgradeComponents) => DirectUpgrade {
  return (components) => new DefaultDirectUpgrade(components, init)
}
