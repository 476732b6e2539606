/**
 * Circuit Relay v2 server (`Swarm.RelayService`) as Kubo runs it: only once the node is publicly
 * reachable (a NATed relay helps no one), with Kubo's limits, so that relaying never carries bulk
 * data by surprise:
 *
 * - every relayed connection is reset after `ConnectionDurationLimit` or `ConnectionDataLimit`
 *   bytes in either direction (2 min, 128 KiB);
 * - at most `MaxReservations` slots (128), `MaxReservationsPerIP` from one IP (8) and, for IPv6
 *   peers, `MaxReservationsPerASN` from one autonomous system (32; asn.ts), a slot freed
 *   when its holder disconnects (go-libp2p's relay drops the reservation then; libp2p's js relay
 *   kept it for its whole TTL, an hour, so peers that came and went filled both limits);
 * - at most `MaxCircuits` relayed connections open per peer (16): extra hop/stop streams on a
 *   connection are refused by the registrar's per-connection stream limits.
 *
 * As Kubo's relay manager, it stops when the node stops being publicly reachable (AutoNAT
 * withdrew its public address): a relay behind NAT helps no one, and its reservations are
 * dropped. libp2p's relay server cannot be restarted (its shutdown signal stays aborted), so a
 * new one is built each time the node is reachable again.
 */
import { circuitRelayServer } from '@libp2p/circuit-relay-v2'
import { getNetConfig, isNetworkAddress } from '@libp2p/utils'
import { isRelayedAddress } from './announce.ts'
import { ipv6AsnTable, ipv6ToBigInt } from './asn.ts'
import type { AsnTable } from './asn.ts'
import { isPublicAddress } from './service.ts'
import type { CircuitRelayServerComponents, CircuitRelayService } from '@libp2p/circuit-relay-v2'
import type { Libp2pEvents, Logger, PeerId, Startable, TypedEventTarget } from '@libp2p/interface'
import type { NatOptions } from './options.ts'

export interface RelayServerGate {
  /** Whether the relay currently serves (the node was found reachable) */
  isServing(): boolean
  /** Reservations held, for `stats` and tests */
  reservationCount(): number
  /** The connection gater's question: refuse this peer's reservation (per-IP and per-ASN limits)? */
  denyReservation(peer: PeerId): Promise<boolean>
}

/**
 * Which of Kubo's per-source limits a reservation from `ip` would break, given the IPs of the
 * other peers holding one: `MaxReservationsPerIP`, and for IPv6 `MaxReservationsPerASN` (go-libp2p
 * counts only addresses with a known ASN, and IPv6 ones only)
 */
export async function reservationLimitReached (ip: string, holders: string[], limits: { maxReservationsPerIP: number, maxReservationsPerASN: number }, table: () => Promise<AsnTable> = ipv6AsnTable): Promise<'ip' | 'asn' | undefined> {
  if (holders.filter(h => h === ip).length >= limits.maxReservationsPerIP) return 'ip'
  if (ipv6ToBigInt(ip) == null) return undefined
  const asns = await table()
  const asn = asns.asnOf(ip)
  if (asn == null) return undefined
  return holders.filter(h => asns.asnOf(h) === asn).length >= limits.maxReservationsPerASN ? 'asn' : undefined
}

export interface GatedRelayServerComponents extends CircuitRelayServerComponents {
  events: TypedEventTarget<Libp2pEvents>
}

export interface GatedRelayServerInit {
  limits: NatOptions['relayLimits']
  /** Serve at once: on a private network every peer can dial us. @default false */
  privateNetwork?: boolean
}

class GatedRelayServer implements RelayServerGate, Startable {
  private readonly components: GatedRelayServerComponents
  private readonly init: GatedRelayServerInit
  private readonly log: Logger
  private server?: CircuitRelayService & Startable
  private running = false
  /** Starts and stops in the order the address changes came */
  private changing: Promise<void> = Promise.resolve()

  constructor (components: GatedRelayServerComponents, init: GatedRelayServerInit) {
    this.components = components
    this.init = init
    this.log = components.logger.forComponent('cairn:relay-server')
    this.onSelfUpdate = this.onSelfUpdate.bind(this)
    this.onPeerDisconnect = this.onPeerDisconnect.bind(this)
  }

  readonly [Symbol.toStringTag] = '@cairn/relay-server'

  async start (): Promise<void> {
    this.running = true
    this.components.events.addEventListener('self:peer:update', this.onSelfUpdate)
    this.components.events.addEventListener('peer:disconnect', this.onPeerDisconnect)
  }

  async afterStart (): Promise<void> {
    await this.update()
  }

  async stop (): Promise<void> {
    this.running = false
    this.components.events.removeEventListener('self:peer:update', this.onSelfUpdate)
    this.components.events.removeEventListener('peer:disconnect', this.onPeerDisconnect)
    await this.changing
    const server = this.server
    this.server = undefined
    await server?.stop()
  }

  /** The peer's last connection closed: its reservation goes, as go-libp2p's relay drops it */
  private onPeerDisconnect (evt: CustomEvent<PeerId>): void {
    const reservations = this.server?.reservations
    const reservation = reservations?.get(evt.detail)
    if (reservations == null || reservation == null) return
    // and its expiry timer, which would otherwise run on for the rest of the TTL
    ;(reservation.signal as AbortSignal & { clear?: () => void }).clear?.()
    reservations.delete(evt.detail)
    this.log('%p disconnected: its reservation is dropped', evt.detail)
  }

  private onSelfUpdate (): void {
    this.update().catch(err => { this.log.error('could not start or stop the relay service - %e', err) })
  }

  private async update (): Promise<void> {
    this.changing = this.changing.catch(() => {}).then(async () => {
      if (this.server == null) { await this.maybeServe(); return }
      if (!this.running || this.reachable()) return
      const server = this.server
      this.server = undefined
      await server.stop()
      this.log('relay service stopped: the node is no longer publicly reachable')
    })
    await this.changing
  }

  private reachable (): boolean {
    if (this.init.privateNetwork === true) return true
    return this.components.addressManager.getAddresses().some(ma => isPublicAddress(ma))
  }

  private async maybeServe (): Promise<void> {
    if (!this.running || this.server != null || !this.reachable()) return
    const { limits } = this.init
    const server = circuitRelayServer({
      // a circuit holds its hop stream (on the source's connection) and its stop stream (on the
      // destination's) open: these caps are Kubo's MaxCircuits per peer
      maxInboundHopStreams: limits.maxCircuits,
      maxOutboundHopStreams: limits.maxCircuits,
      maxOutboundStopStreams: limits.maxCircuits,
      reservations: {
        maxReservations: limits.maxReservations,
        reservationTtl: limits.reservationTtlMs,
        applyDefaultLimit: true,
        defaultDurationLimit: limits.durationMs,
        defaultDataLimit: limits.dataBytes
      }
    })(this.components) as CircuitRelayService & Startable
    this.server = server
    await server.start()
    this.log('serving as a relay: the node is reachable')
  }

  isServing (): boolean {
    return this.server != null
  }

  reservationCount (): number {
    return this.server?.reservations.size ?? 0
  }

  async denyReservation (peer: PeerId): Promise<boolean> {
    const server = this.server
    if (server == null) return true
    const ip = this.ipOf(peer)
    if (ip == null) return false
    const holders: string[] = []
    for (const [holder, reservation] of server.reservations.entries()) {
      if (holder.equals(peer)) return false // a refresh
      if (isNetworkAddress(reservation.addr)) holders.push(getNetConfig(reservation.addr).host as string)
    }
    try {
      const reached = await reservationLimitReached(ip, holders, this.init.limits)
      if (reached != null) this.log('reservation for %p from %s refused: MaxReservationsPer%s reached', peer, ip, reached === 'ip' ? 'IP' : 'ASN')
      return reached != null
    } catch (err) {
      // the ASN table could not be read: IPv6 peers are still bounded per IP and in all
      this.log.error('could not check MaxReservationsPerASN for %s - %e', ip, err)
      return false
    }
  }

  private ipOf (peer: PeerId): string | undefined {
    const conn = this.components.connectionManager.getConnections(peer).find(c => !isRelayedAddress(c.remoteAddr) && isNetworkAddress(c.remoteAddr))
    return conn == null ? undefined : getNetConfig(conn.remoteAddr).host
  }
}

export function gatedRelayServer (init: GatedRelayServerInit): (components: GatedRelayServerComponents) => RelayServerGate {
  return (components) => new GatedRelayServer(components, init)
}
