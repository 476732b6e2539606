/**
 * The node's view of its own reachability, as a libp2p service:
 *
 * - It advertises public interface addresses at once, as Kubo does. libp2p would hold them back
 *   until AutoNAT confirms them, so a public server with no `Addresses.Announce` advertised only
 *   127.0.0.1 and its provider records were useless.
 * - It gives AutoNAT something to check behind a NAT (observed.ts): the IP peers see us at with
 *   our TCP listen port; AutoNAT's verdict (verdicts.ts) makes us Public, or Private as
 *   go-libp2p says.
 * - When AutoNAT says Private it reserves a slot on a relay (`Swarm.RelayClient`): the
 *   configured `StaticRelays`, or any relay it finds, and so advertises `/p2p-circuit` addresses
 *   that NATed peers can be reached through (and DCUtR can upgrade). js-libp2p's AutoNAT needs
 *   8 failed dial-backs from 8 network segments to say so, which a node with few peers never
 *   collects: still Unknown after `unknownGraceMs` (go-libp2p autorelay's boot delay, 20 s), it
 *   reserves too.
 * - A reservation that is lost (the relay hung up, restarted, or let it lapse) or that was refused
 *   or timed out is asked for again after `relayRetryMs`: libp2p asks a static relay once per
 *   `listen`, and its discovery asks a relay once per connection, so on their own neither retries.
 * - It reports public / private / unknown (and the relayed addresses) for `id`, `swarm addrs
 *   autonat` and the daemon's startup lines, and emits `change` when that changes.
 */
import { RELAY_V2_HOP_CODEC } from '@libp2p/circuit-relay-v2'
import { peerIdFromString } from '@libp2p/peer-id'
import { isPrivate, isNetworkAddress, repeatingTask } from '@libp2p/utils'
import { isRelayedAddress } from './announce.ts'
import { observedTcp } from './observed.ts'
import { multiaddr } from '@multiformats/multiaddr'
import { TypedEventEmitter } from 'main-event'
import type { AutonatVerdicts } from './verdicts.ts'
import type { ComponentLogger, IdentifyResult, Libp2pEvents, Logger, PeerId, PeerStore, Startable, TypedEventTarget } from '@libp2p/interface'
import type { AddressManager, ConnectionManager, TransportManager } from '@libp2p/interface-internal'
import type { RepeatingTask } from '@libp2p/utils'
import type { Multiaddr } from '@multiformats/multiaddr'

/** go-libp2p's `network.Reachability` names, as Kubo prints them */
export type Reachability = 'Public' | 'Private' | 'Unknown'

export interface ReachabilityStatus {
  /** Public once an address is confirmed reachable (a public interface address, AutoNAT or UPnP) */
  reachability: Reachability
  /** How others can reach us: directly, only through a relay, or not known yet */
  mode: 'public' | 'relayed' | 'unknown'
  /** Addresses confirmed reachable (interface, AutoNAT, UPnP, announced) */
  reachable: string[]
  /** Public addresses AutoNAT found unreachable */
  unreachable: string[]
  /** Public addresses seen by peers but not yet checked */
  unknown: string[]
  /** `/p2p-circuit` addresses we advertise (our relay reservations) */
  relayed: string[]
}

export interface ReachabilityEvents {
  change: CustomEvent<ReachabilityStatus>
}

export interface ReachabilityService extends TypedEventTarget<ReachabilityEvents> {
  status(): ReachabilityStatus
}

export interface ReachabilityInit {
  /** Reserve relay slots while not publicly reachable. @default true */
  relayClient?: boolean
  /** Relays to reserve on (`/…/p2p/<id>`); when empty, any relay the node finds. @default [] */
  staticRelays?: string[]
  /** Every listen address is private (a LAN, tests): every peer can dial us. @default false */
  privateNetwork?: boolean
  /** How long an interface address counts as confirmed before it is confirmed again. @default 1h */
  interfaceAddrTtlMs?: number
  /** How often the status is re-read and relay reservations checked. @default 10s */
  checkIntervalMs?: number
  /** After a relay reservation is lost, refused or timed out, how long until we ask again. @default 30s */
  relayRetryMs?: number
  /** Reserve on a relay after this long without an AutoNAT verdict (Private reserves at once). @default 20s */
  unknownGraceMs?: number
  /** Where the AutoNAT services record their verdicts on our addresses. @default none (no Private) */
  autonatVerdicts?: AutonatVerdicts
  /**
   * How long after start an observed-address candidate waits before AutoNAT is asked about it.
   * With UPnP on, the router may be about to map our port (its SSDP search alone takes 5 s): asked
   * before that, every connected peer refutes the candidate, and libp2p's AutoNAT never asks a
   * peer about an address twice, so the mapped address stayed unconfirmed (measured in the lab).
   * Asked after, the candidate is the mapped address itself, already known, and AutoNAT checks
   * that (one dial-back confirms a mapping). @default 0
   */
  observedCandidateDelayMs?: number
}

export interface ReachabilityComponents {
  addressManager: AddressManager
  transportManager: TransportManager
  connectionManager: Pick<ConnectionManager, 'getConnections' | 'openConnection' | 'closeConnections'>
  peerStore: Pick<PeerStore, 'get'>
  events: TypedEventTarget<Libp2pEvents>
  logger: ComponentLogger
  peerId: PeerId
}

const HOUR = 60 * 60 * 1000
const DEFAULT_RELAY_RETRY_MS = 30_000
const DEFAULT_UNKNOWN_GRACE_MS = 20_000

/**
 * The part of `@libp2p/circuit-relay-v2`'s transport we use: its public `reservationStore`, which
 * its listeners and its discovery drive (the class itself is not exported)
 */
interface RelayReservations {
  addRelay(peer: PeerId, type: 'configured' | 'discovered'): Promise<unknown>
  hasReservation(peer: PeerId): boolean
  reservationCount(): number
}

/** The relay's peer ID in a `/…/p2p/<relay>/p2p-circuit…` address */
function relayOf (ma: Multiaddr): string | undefined {
  let relay: string | undefined
  for (const c of ma.getComponents()) {
    if (c.name === 'p2p-circuit') return relay
    if (c.name === 'p2p') relay = c.value
  }
  return undefined
}

/** An address anyone on the internet could dial: an IP one, not private, not relayed */
export function isPublicAddress (ma: Multiaddr): boolean {
  return isNetworkAddress(ma) && isPrivate(ma) !== true && !isRelayedAddress(ma)
}

class DefaultReachability extends TypedEventEmitter<ReachabilityEvents> implements ReachabilityService, Startable {
  private readonly components: ReachabilityComponents
  private readonly log: Logger
  private readonly relayClient: boolean
  private readonly staticRelays: Multiaddr[]
  private readonly privateNetwork: boolean
  private readonly interfaceAddrTtlMs: number
  private readonly task: RepeatingTask
  private readonly relayRetryMs: number
  /** Static relay (peer ID) -> when we last asked it for a reservation, while we hold none there */
  private readonly asked = new Map<string, number>()
  /** Static relays a listener was made for: it re-advertises whenever their reservation is renewed */
  private readonly listening = new Set<string>()
  private searching = false
  private reserving = false
  private startedAt = 0
  private readonly unknownGraceMs: number
  private readonly verdicts?: AutonatVerdicts
  private readonly observed = observedTcp()
  private readonly observedCandidateDelayMs: number
  /** Candidates held until `observedCandidateDelayMs` after start */
  private readonly deferred = new Set<string>()
  private deferTimer?: ReturnType<typeof setTimeout>
  /** Port mappings (UPnP) AutoNAT was asked about: libp2p's asks a peer only when it connects */
  private readonly mappingsAsked = new Set<string>()
  /** Since when the relay search has held no reservation */
  private searchIdleSince = 0
  private last = ''
  private started = false

  constructor (components: ReachabilityComponents, init: ReachabilityInit = {}) {
    super()
    this.components = components
    this.log = components.logger.forComponent('cairn:reachability')
    this.relayClient = init.relayClient ?? true
    this.staticRelays = (init.staticRelays ?? []).map(a => multiaddr(a))
    this.privateNetwork = init.privateNetwork ?? false
    this.interfaceAddrTtlMs = init.interfaceAddrTtlMs ?? HOUR
    this.relayRetryMs = init.relayRetryMs ?? DEFAULT_RELAY_RETRY_MS
    this.unknownGraceMs = init.unknownGraceMs ?? DEFAULT_UNKNOWN_GRACE_MS
    this.verdicts = init.autonatVerdicts
    this.observedCandidateDelayMs = init.observedCandidateDelayMs ?? 0
    this.onIdentify = this.onIdentify.bind(this)
    this.onAddressesChanged = this.onAddressesChanged.bind(this)
    this.onPeerUpdate = this.onPeerUpdate.bind(this)
    this.task = repeatingTask(async () => { await this.check() }, init.checkIntervalMs ?? 10_000, { runImmediately: true })
  }

  readonly [Symbol.toStringTag] = '@cairn/reachability'

  async start (): Promise<void> {
    if (this.started) return
    this.started = true
    this.components.events.addEventListener('transport:listening', this.onAddressesChanged)
    this.components.events.addEventListener('self:peer:update', this.onAddressesChanged)
    this.components.events.addEventListener('peer:update', this.onPeerUpdate)
    this.components.events.addEventListener('peer:identify', this.onIdentify)
  }

  /** After every transport listens: the interface addresses are known by then */
  async afterStart (): Promise<void> {
    this.startedAt = Date.now()
    this.confirmInterfaceAddresses()
    this.task.start()
  }

  async stop (): Promise<void> {
    this.started = false
    this.task.stop()
    clearTimeout(this.deferTimer)
    this.deferTimer = undefined
    this.deferred.clear()
    this.components.events.removeEventListener('transport:listening', this.onAddressesChanged)
    this.components.events.removeEventListener('self:peer:update', this.onAddressesChanged)
    this.components.events.removeEventListener('peer:update', this.onPeerUpdate)
    this.components.events.removeEventListener('peer:identify', this.onIdentify)
  }

  /** A peer told us the address it sees us at: a TCP one may make a candidate for AutoNAT */
  private onIdentify (evt: CustomEvent<IdentifyResult>): void {
    const { observedAddr, peerId, connection } = evt.detail
    if (observedAddr == null || connection?.limits != null || !isPublicAddress(observedAddr)) return
    const candidates = this.observed.observe(observedAddr, peerId.toString(), this.components.transportManager.getAddrs(), (c) => this.skipCandidate(c))
    if (candidates.length === 0) return
    const wait = this.startedAt + this.observedCandidateDelayMs - Date.now()
    if (wait > 0) {
      for (const c of candidates) this.deferred.add(c)
      this.deferTimer ??= setTimeout(() => {
        const held = [...this.deferred].filter(c => !this.skipCandidate(c))
        this.deferred.clear()
        if (this.started) this.submitCandidates(held)
      }, wait)
      return
    }
    this.submitCandidates(candidates)
  }

  /** Known already (a UPnP mapping, an interface address) or refuted lately */
  private skipCandidate (candidate: string): boolean {
    return this.components.addressManager.getAddressesWithMetadata().some(a => a.multiaddr.toString() === candidate) ||
      this.verdicts?.isRefuted(candidate) === true
  }

  private submitCandidates (candidates: string[]): void {
    for (const candidate of candidates) {
      this.log('peers see us at %s: asking AutoNAT whether it is reachable', candidate)
      this.components.addressManager.addObservedAddr(multiaddr(candidate))
    }
    if (candidates.length > 0) this.askAutonatAgain().catch(err => { this.log.error('could not ask AutoNAT peers again - %e', err) })
  }

  /** The peers connected before the candidate existed are asked too (libp2p asks only new ones) */
  private async askAutonatAgain (): Promise<void> {
    const verdicts = this.verdicts
    if (verdicts == null) return
    const connections = this.components.connectionManager.getConnections().filter(c => c.status === 'open' && c.limits == null)
    const protocols = new Map(await Promise.all(connections.map(async c =>
      [c.id, await this.components.peerStore.get(c.remotePeer).then(p => p.protocols, (): string[] => [])] as const)))
    verdicts.askConnected(protocol => connections.filter(c => protocols.get(c.id)?.includes(protocol) === true))
  }

  /**
   * A relay we hold a reservation on stopped relaying (its node is no longer public, as Kubo's
   * relays do): identify-push says so. libp2p would keep the dead reservation, and advertise its
   * address, until the refresh an hour later; closing the connection it lives on drops it now,
   * and the next check reserves elsewhere or again.
   */
  private onPeerUpdate (evt: CustomEvent<{ peer: { id: PeerId, protocols: string[] }, previous?: { protocols: string[] } }>): void {
    const { peer, previous } = evt.detail
    if (previous?.protocols.includes(RELAY_V2_HOP_CODEC) !== true || peer.protocols.includes(RELAY_V2_HOP_CODEC)) return
    if (this.reservations()?.hasReservation(peer.id) !== true) return
    this.log('relay %p stopped relaying: dropping our reservation there', peer.id)
    this.components.connectionManager.closeConnections(peer.id).catch(err => { this.log('closing the connection to relay %p failed - %e', peer.id, err) })
  }

  private onAddressesChanged (evt: Event): void {
    if (evt.type === 'transport:listening') this.confirmInterfaceAddresses()
    this.askAboutNewMappings()
    this.emitIfChanged()
    // AutoNAT just said Private: reserve now rather than at the next check
    if (this.relayClient && !this.reserving && this.started && this.status().reachability === 'Private') {
      this.check().catch(err => { this.log.error('reachability check failed - %e', err) })
    }
  }

  /**
   * A public IP on one of our own interfaces is reachable unless a firewall says otherwise, and
   * Kubo advertises it; libp2p would wait for AutoNAT, which needs several dial-back peers.
   */
  private confirmInterfaceAddresses (): void {
    const { addressManager, transportManager } = this.components
    if (addressManager.getAnnounceAddrs().length > 0) return
    const now = Date.now()
    const known = new Map(addressManager.getAddressesWithMetadata().map(a => [a.multiaddr.toString(), a]))
    for (const ma of transportManager.getAddrs()) {
      if (!isPublicAddress(ma)) continue
      const meta = known.get(ma.toString())
      // AutoNAT refuted it (a firewall): leave it out until libp2p's retry time passes
      if (meta != null && !meta.verified && meta.expires > now) continue
      // still confirmed for more than half its time
      if (meta?.verified === true && meta.expires - now > this.interfaceAddrTtlMs / 2) continue
      addressManager.confirmObservedAddr(ma, { ttl: this.interfaceAddrTtlMs, type: 'transport' })
    }
  }

  /**
   * A port mapping (UPnP) made after our peers connected is never checked by libp2p's AutoNAT,
   * which asks a peer only when it connects: the peers connected now are asked about it
   */
  private askAboutNewMappings (): void {
    const fresh = this.components.addressManager.getAddressesWithMetadata()
      .filter(a => a.type === 'ip-mapping' && !a.verified && isPublicAddress(a.multiaddr) && !this.mappingsAsked.has(a.multiaddr.toString()))
    if (fresh.length === 0) return
    for (const a of fresh) this.mappingsAsked.add(a.multiaddr.toString())
    this.log('new port mappings %s: asking AutoNAT whether they are reachable', fresh.map(a => a.multiaddr.toString()).join(', '))
    this.askAutonatAgain().catch(err => { this.log.error('could not ask AutoNAT peers again - %e', err) })
  }

  private async check (): Promise<void> {
    // re-confirm before the interface addresses' confirmation lapses (the TTL is an hour)
    this.confirmInterfaceAddresses()
    this.askAboutNewMappings()
    if (this.relayClient && this.wantsRelay()) {
      this.reserving = true
      await this.reserveRelays()
    }
    this.emitIfChanged()
  }

  /**
   * AutoNAT says Private; or, on a private network, AutoNAT has nothing to check (every address is
   * private) and static relays are all there is; or no verdict came within `unknownGraceMs`
   */
  private wantsRelay (): boolean {
    const { reachability } = this.status()
    if (reachability === 'Public') return false
    if (reachability === 'Private' || this.privateNetwork || this.reserving) return true
    return Date.now() - this.startedAt >= this.unknownGraceMs
  }

  private reservations (): RelayReservations | undefined {
    const transport = this.components.transportManager.getTransports()
      .find(t => t[Symbol.toStringTag] === '@libp2p/circuit-relay-v2-transport') as { reservationStore?: RelayReservations } | undefined
    return transport?.reservationStore
  }

  /** Relays (peer IDs) behind the `/p2p-circuit` addresses we listen on now */
  private relaysInUse (): Set<string> {
    const relays = new Set<string>()
    for (const ma of this.components.transportManager.getAddrs()) {
      const relay = isRelayedAddress(ma) ? relayOf(ma) : undefined
      if (relay != null) relays.add(relay)
    }
    return relays
  }

  /** Listening on `/p2p-circuit` is how libp2p's relay transport is told to hold a reservation */
  private async reserveRelays (): Promise<void> {
    const now = Date.now()
    const inUse = this.relaysInUse()
    const store = this.reservations()
    if (this.staticRelays.length > 0) {
      for (const relay of this.staticRelays) {
        const id = relay.getComponents().findLast(c => c.name === 'p2p')?.value as string
        const peer = peerIdFromString(id)
        if (inUse.has(id) || store?.hasReservation(peer) === true) { this.asked.delete(id); continue }
        const last = this.asked.get(id)
        if (last != null && now - last < this.relayRetryMs) continue
        this.asked.set(id, now)
        try {
          // reached first: an unreachable relay then leaves no listener behind, and libp2p never
          // sees a failed dial (it would not ask that relay again while the node runs)
          await this.components.connectionManager.openConnection(relay, { signal: AbortSignal.timeout(this.relayRetryMs) })
          // nor a relay that does not relay now (its node is not public): that too is never asked again
          const protocols = await this.components.peerStore.get(peer).then(p => p.protocols, (): string[] => [])
          if (protocols.length > 0 && !protocols.includes(RELAY_V2_HOP_CODEC)) {
            this.log('static relay %a does not relay at the moment, asking again in %d ms', relay, this.relayRetryMs)
            continue
          }
          if (this.listening.has(id) && store != null) {
            // a reservation we held was lost: renewing it makes the listener made for this relay
            // advertise again (a second listen would leave one more listener behind each time)
            await store.addRelay(peer, 'configured')
          } else {
            await this.components.transportManager.listen([relay.encapsulate('/p2p-circuit')])
            this.listening.add(id)
          }
          this.log('reserved a slot on static relay %a', relay)
        } catch (err) {
          this.log('static relay %a refused or unreachable, asking again in %d ms - %e', relay, this.relayRetryMs, err)
        }
      }
      return
    }
    // a private network has no NAT to get through: peers dial our own addresses
    if (this.privateNetwork) return
    if (!this.searching) {
      this.searching = true
      this.searchIdleSince = now
      try {
        await this.components.transportManager.listen([multiaddr('/p2p-circuit')])
        this.log('searching for a relay to reserve a slot on')
      } catch (err) {
        this.searching = false
        this.log.error('could not start the relay search - %e', err)
      }
      return
    }
    if (inUse.size > 0 || (store?.reservationCount() ?? 0) > 0) { this.searchIdleSince = now; return }
    if (store == null || now - this.searchIdleSince < this.relayRetryMs) return
    this.searchIdleSince = now
    // libp2p's discovery offers a relay once per connection: one that refused us, or whose answer
    // timed out, while we stayed connected, is never asked again. Ask the relays we are connected to.
    const seen = new Set<string>()
    for (const conn of this.components.connectionManager.getConnections()) {
      const id = conn.remotePeer.toString()
      if (conn.limits != null || seen.has(id)) continue
      seen.add(id)
      const protocols = await this.components.peerStore.get(conn.remotePeer).then(p => p.protocols, (): string[] => [])
      if (!protocols.includes(RELAY_V2_HOP_CODEC)) continue
      this.log('no relay reservation for %d ms: asking relay %p again', this.relayRetryMs, conn.remotePeer)
      store.addRelay(conn.remotePeer, 'discovered').catch(err => { this.log('relay %p refused or unreachable - %e', conn.remotePeer, err) })
    }
  }

  status (): ReachabilityStatus {
    const now = Date.now()
    const reachable: string[] = []
    const unreachable: string[] = []
    const unknown: string[] = []
    const relayed: string[] = []
    const seen = new Set<string>()
    for (const addr of this.components.addressManager.getAddressesWithMetadata()) {
      const ma = addr.multiaddr
      const key = ma.toString()
      if (seen.has(key)) continue
      seen.add(key)
      // relayed addresses come from getAddresses below: after the announce filter's checks
      if (isRelayedAddress(ma)) continue
      if (addr.verified && (isPublicAddress(ma) || addr.type === 'announce')) reachable.push(key)
      else if (!addr.verified && isPublicAddress(ma)) {
        // libp2p marks an address AutoNAT refuted as unverified with a retry time
        if (addr.expires > now) unreachable.push(key)
        else unknown.push(key)
      }
    }
    const self = `/p2p/${this.components.peerId.toString()}`
    for (const ma of this.components.addressManager.getAddresses()) {
      if (!isRelayedAddress(ma)) continue
      const text = ma.toString()
      const addr = text.endsWith(self) ? text.slice(0, -self.length) : text
      if (!relayed.includes(addr)) relayed.push(addr)
    }
    for (const addr of this.verdicts?.refuted() ?? []) if (!unreachable.includes(addr)) unreachable.push(addr)
    const publicReachable = reachable.some(a => isPublicAddress(multiaddr(a)))
    const reachability: Reachability = publicReachable ? 'Public' : unreachable.length > 0 ? 'Private' : 'Unknown'
    const mode = publicReachable ? 'public' : relayed.length > 0 ? 'relayed' : 'unknown'
    return { reachability, mode, reachable, unreachable, unknown, relayed }
  }

  private emitIfChanged (): void {
    const status = this.status()
    const key = `${status.reachability} ${status.mode} ${status.reachable.join(',')} ${status.relayed.join(',')}`
    if (key === this.last) return
    this.last = key
    this.log('reachability %s (%s): reachable %s relayed %s', status.reachability, status.mode, status.reachable, status.relayed)
    this.safeDispatchEvent('change', { detail: status })
  }
}

export function reachability (init: ReachabilityInit = {}): (components: ReachabilityComponents) => ReachabilityService {
  return (components) => new DefaultReachability(components, init)
}
