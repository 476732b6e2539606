/**
 * The node's view of its own reachability, as a libp2p service:
 *
 * - It advertises public interface addresses at once, as Kubo does. libp2p would hold them back
 *   until AutoNAT confirms them, so a public server with no `Addresses.Announce` advertised only
 *   127.0.0.1 and its provider records were useless.
 * - While the node is not publicly reachable it reserves a slot on a relay (`Swarm.RelayClient`):
 *   the configured `StaticRelays`, or any relay it finds, and so advertises `/p2p-circuit`
 *   addresses that NATed peers can be reached through (and DCUtR can upgrade).
 * - It reports public / private / unknown (and the relayed addresses) for `id`, `swarm addrs
 *   autonat` and the daemon's startup lines, and emits `change` when that changes.
 */
import { isPrivate, isNetworkAddress, repeatingTask } from '@libp2p/utils'
import { isRelayedAddress } from './announce.ts'
import { multiaddr } from '@multiformats/multiaddr'
import { TypedEventEmitter } from 'main-event'
import type { ComponentLogger, Libp2pEvents, Logger, PeerId, Startable, TypedEventTarget } from '@libp2p/interface'
import type { AddressManager, TransportManager } from '@libp2p/interface-internal'
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
  /** How often the status is re-read and static relays retried. @default 10s */
  checkIntervalMs?: number
}

export interface ReachabilityComponents {
  addressManager: AddressManager
  transportManager: TransportManager
  events: TypedEventTarget<Libp2pEvents>
  logger: ComponentLogger
  peerId: PeerId
}

const HOUR = 60 * 60 * 1000

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
  /** Static relays we hold a reservation on (by address string) */
  private readonly reserved = new Set<string>()
  private searching = false
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
    this.onAddressesChanged = this.onAddressesChanged.bind(this)
    this.task = repeatingTask(async () => { await this.check() }, init.checkIntervalMs ?? 10_000, { runImmediately: true })
  }

  readonly [Symbol.toStringTag] = '@cairn/reachability'

  async start (): Promise<void> {
    if (this.started) return
    this.started = true
    this.components.events.addEventListener('transport:listening', this.onAddressesChanged)
    this.components.events.addEventListener('self:peer:update', this.onAddressesChanged)
  }

  /** After every transport listens: the interface addresses are known by then */
  async afterStart (): Promise<void> {
    this.confirmInterfaceAddresses()
    this.task.start()
  }

  async stop (): Promise<void> {
    this.started = false
    this.task.stop()
    this.components.events.removeEventListener('transport:listening', this.onAddressesChanged)
    this.components.events.removeEventListener('self:peer:update', this.onAddressesChanged)
  }

  private onAddressesChanged (evt: Event): void {
    if (evt.type === 'transport:listening') this.confirmInterfaceAddresses()
    this.emitIfChanged()
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

  private async check (): Promise<void> {
    // re-confirm before the interface addresses' confirmation lapses (the TTL is an hour)
    this.confirmInterfaceAddresses()
    if (this.relayClient && this.status().reachability !== 'Public') await this.reserveRelays()
    this.emitIfChanged()
  }

  /** Listening on `/p2p-circuit` is how libp2p's relay transport is told to hold a reservation */
  private async reserveRelays (): Promise<void> {
    const { transportManager } = this.components
    if (this.staticRelays.length > 0) {
      for (const relay of this.staticRelays) {
        const key = relay.toString()
        if (this.reserved.has(key)) continue
        try {
          await transportManager.listen([relay.encapsulate('/p2p-circuit')])
          this.reserved.add(key)
          this.log('reserved a slot on static relay %a', relay)
        } catch (err) {
          this.log('static relay %a refused or unreachable, retrying later - %e', relay, err)
        }
      }
      return
    }
    // a private network has no NAT to get through: peers dial our own addresses
    if (this.searching || this.privateNetwork) return
    this.searching = true
    try {
      await transportManager.listen([multiaddr('/p2p-circuit')])
      this.log('searching for a relay to reserve a slot on')
    } catch (err) {
      this.searching = false
      this.log.error('could not start the relay search - %e', err)
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
      relayed.push(text.endsWith(self) ? text.slice(0, -self.length) : text)
    }
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
