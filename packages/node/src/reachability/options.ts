/**
 * Kubo's NAT-traversal keys (`Swarm.RelayClient`, `Swarm.RelayService`, `Swarm.EnableHolePunching`,
 * `Swarm.DisableNatPortMap`, `Swarm.Transports.Network`, `AutoNAT`) read once, with Kubo's
 * defaults (docs/config.md), into one typed object the libp2p builder uses.
 */
import { InvalidParametersError, parseDuration } from '@cairn/interface'
import { multiaddr } from '@multiformats/multiaddr'
import type { CairnConfig } from '@cairn/interface'

/** Kubo's `Swarm.RelayService` defaults */
export const RELAY_SERVICE_DEFAULTS = {
  ConnectionDurationLimit: '2m',
  /**
   * bytes relayed before a relayed connection is reset (128 KiB): Kubo counts each direction,
   * js-libp2p's relay both directions together (stricter)
   */
  ConnectionDataLimit: 131_072,
  ReservationTTL: '1h',
  MaxReservations: 128,
  /** open relayed connections per peer */
  MaxCircuits: 16,
  BufferSize: 2048,
  MaxReservationsPerIP: 8,
  MaxReservationsPerASN: 32
} as const

/** Kubo's `AutoNAT.Throttle` defaults: 30 checks a minute for everyone, 3 per peer */
export const AUTONAT_THROTTLE_DEFAULTS = { GlobalLimit: 30, PeerLimit: 3, Interval: '1m' } as const

export type AutoNATServiceMode = 'enabled' | 'disabled' | 'legacy-v1'

export interface NatOptions {
  /** `Swarm.RelayClient.Enabled` (default true): reserve a slot on a relay while not publicly reachable */
  relayClient: boolean
  /** `Swarm.RelayClient.StaticRelays`: relays to reserve on instead of discovered ones */
  staticRelays: string[]
  /** `Swarm.RelayService.Enabled` (default true): relay for others once publicly reachable */
  relayService: boolean
  relayLimits: {
    durationMs: number
    dataBytes: bigint
    reservationTtlMs: number
    maxReservations: number
    maxCircuits: number
    maxReservationsPerIP: number
    /**
     * Reservations from IPv6 addresses of one autonomous system, as go-libp2p (IPv6 only; IPv4 is
     * bounded per IP above): the table is `@ip-location-db/asn`'s (asn.ts)
     */
    maxReservationsPerASN: number
    /**
     * Read and checked, nothing to size: go-libp2p copies each relayed connection through a
     * buffer this big; js-libp2p's relay forwards each chunk as it arrives, so what a circuit
     * holds is bounded by the muxer's stream window instead
     */
    bufferSize: number
  }
  /** `Swarm.EnableHolePunching` (default true; needs the relay client) */
  holePunching: boolean
  /** not `Swarm.DisableNatPortMap` (default false): ask the router for a port mapping (UPnP / NAT-PMP) */
  natPortMap: boolean
  /** `Swarm.Transports.Network.*` (each default true) */
  transports: { tcp: boolean, websocket: boolean, quic: boolean, relay: boolean, webrtcDirect: boolean }
  /** `AutoNAT.ServiceMode` (default enabled: answer others' reachability checks, v1 and v2) */
  autonatService: AutoNATServiceMode
  autonatThrottle: { globalLimit: number, peerLimit: number, intervalMs: number }
}

/** Kubo's `flag`: true, false, or unset (null/absent) for the default */
function flag (value: unknown, key: string, fallback: boolean): boolean {
  if (value == null || value === 'default') return fallback
  if (typeof value === 'boolean') return value
  throw new InvalidParametersError(`config: ${key} must be true, false or null, not ${JSON.stringify(value)}`)
}

/** Kubo's `optionalInteger`: a non-negative integer, or unset for the default */
function optionalInteger (value: unknown, key: string, fallback: number): number {
  if (value == null) return fallback
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  throw new InvalidParametersError(`config: ${key} must be a non-negative integer, not ${JSON.stringify(value)}`)
}

/** Kubo's `duration`: a Go duration string, or unset (or `0`) for the default */
function duration (value: unknown, key: string, fallback: string): number {
  if (value == null || value === 0 || value === '0' || value === '') return parseDuration(fallback)
  if (typeof value !== 'string') throw new InvalidParametersError(`config: ${key} must be a duration such as "2m", not ${JSON.stringify(value)}`)
  try {
    return parseDuration(value)
  } catch (err) {
    throw new InvalidParametersError(`config: ${key}: ${(err as Error).message}`, { cause: err })
  }
}

const obj = (value: unknown): Record<string, unknown> => value != null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {}

/** Reads the NAT-traversal keys of `config`; bad values fail here, while the node is built */
export function natOptions (config: CairnConfig): NatOptions {
  const swarm = obj(config.Swarm)
  const relayClient = obj(swarm.RelayClient)
  const relayService = obj(swarm.RelayService)
  const network = obj(obj(swarm.Transports).Network)
  const autonat = obj(config.AutoNAT)
  const throttle = obj(autonat.Throttle)

  const staticRelays = relayClient.StaticRelays ?? []
  if (!Array.isArray(staticRelays) || !staticRelays.every(s => typeof s === 'string')) {
    throw new InvalidParametersError('config: Swarm.RelayClient.StaticRelays must be an array of multiaddrs')
  }
  for (const addr of staticRelays) {
    let hasPeer = false
    try {
      hasPeer = multiaddr(addr).getComponents().some(c => c.name === 'p2p')
    } catch (err) {
      throw new InvalidParametersError(`config: Swarm.RelayClient.StaticRelays: invalid multiaddr "${addr.slice(0, 200)}"`, { cause: err })
    }
    if (!hasPeer) throw new InvalidParametersError(`config: Swarm.RelayClient.StaticRelays: "${addr}" has no /p2p/<peer id>`)
  }

  const mode = autonat.ServiceMode ?? 'enabled'
  if (mode !== 'enabled' && mode !== 'disabled' && mode !== 'legacy-v1' && mode !== 'unset' && mode !== '') {
    throw new InvalidParametersError(`config: AutoNAT.ServiceMode must be enabled, disabled or legacy-v1, not ${JSON.stringify(mode)}`)
  }

  const D = RELAY_SERVICE_DEFAULTS
  const relayClientOn = flag(relayClient.Enabled, 'Swarm.RelayClient.Enabled', true)
  return {
    relayClient: relayClientOn,
    staticRelays: staticRelays as string[],
    relayService: flag(relayService.Enabled, 'Swarm.RelayService.Enabled', true),
    relayLimits: {
      durationMs: duration(relayService.ConnectionDurationLimit, 'Swarm.RelayService.ConnectionDurationLimit', D.ConnectionDurationLimit),
      dataBytes: BigInt(optionalInteger(relayService.ConnectionDataLimit, 'Swarm.RelayService.ConnectionDataLimit', D.ConnectionDataLimit)),
      reservationTtlMs: duration(relayService.ReservationTTL, 'Swarm.RelayService.ReservationTTL', D.ReservationTTL),
      maxReservations: optionalInteger(relayService.MaxReservations, 'Swarm.RelayService.MaxReservations', D.MaxReservations),
      maxCircuits: optionalInteger(relayService.MaxCircuits, 'Swarm.RelayService.MaxCircuits', D.MaxCircuits),
      maxReservationsPerIP: optionalInteger(relayService.MaxReservationsPerIP, 'Swarm.RelayService.MaxReservationsPerIP', D.MaxReservationsPerIP),
      maxReservationsPerASN: optionalInteger(relayService.MaxReservationsPerASN, 'Swarm.RelayService.MaxReservationsPerASN', D.MaxReservationsPerASN),
      bufferSize: optionalInteger(relayService.BufferSize, 'Swarm.RelayService.BufferSize', D.BufferSize)
    },
    // Kubo: hole punching "requires Swarm.RelayClient.Enabled"
    holePunching: flag(swarm.EnableHolePunching, 'Swarm.EnableHolePunching', true) && relayClientOn,
    natPortMap: !flag(swarm.DisableNatPortMap, 'Swarm.DisableNatPortMap', false),
    transports: {
      tcp: flag(network.TCP, 'Swarm.Transports.Network.TCP', true),
      websocket: flag(network.Websocket, 'Swarm.Transports.Network.Websocket', true),
      quic: flag(network.QUIC, 'Swarm.Transports.Network.QUIC', true),
      relay: flag(network.Relay, 'Swarm.Transports.Network.Relay', true),
      webrtcDirect: flag(network.WebRTCDirect, 'Swarm.Transports.Network.WebRTCDirect', true)
    },
    autonatService: mode === 'unset' || mode === '' ? 'enabled' : mode,
    autonatThrottle: {
      globalLimit: optionalInteger(throttle.GlobalLimit, 'AutoNAT.Throttle.GlobalLimit', AUTONAT_THROTTLE_DEFAULTS.GlobalLimit),
      peerLimit: optionalInteger(throttle.PeerLimit, 'AutoNAT.Throttle.PeerLimit', AUTONAT_THROTTLE_DEFAULTS.PeerLimit),
      intervalMs: duration(throttle.Interval, 'AutoNAT.Throttle.Interval', AUTONAT_THROTTLE_DEFAULTS.Interval)
    }
  }
}
