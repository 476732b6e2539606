/**
 * AutoNAT v2 and v1 (`AutoNAT.ServiceMode`, `AutoNAT.Throttle`). Each libp2p AutoNAT service both
 * asks peers to check our addresses and answers their checks. Kubo's knobs only concern the
 * answering side, so it is shaped at the registrar the services are given:
 *
 * - `disabled` (or v2 under `legacy-v1`): the service never registers its handler, so we still
 *   learn our own reachability but dial back for no one;
 * - the throttle: at most `GlobalLimit` checks per `Interval` for everyone and `PeerLimit` per
 *   peer (30 and 3 a minute); a check over the limit has its stream reset before anything is read,
 *   so a flood of requests costs no dial.
 *
 * What a check may make us dial is libp2p's rule, kept: only addresses on the requester's own
 * observed IP, never private ones (v1), and a dial-data exchange before any other IP (v2).
 */
import { autoNAT } from '@libp2p/autonat'
import { autoNATv2 } from '@libp2p/autonat-v2'
import { recordingAddressManager } from './verdicts.ts'
import { isRelayedAddress } from './announce.ts'
import type { NatOptions } from './options.ts'
import type { AutonatVerdicts } from './verdicts.ts'
import type { Connection, Stream, StreamHandler, StreamHandlerOptions, Topology } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Registrar } from '@libp2p/interface-internal'

export interface Throttle {
  /** Whether one more check from `peer` may be answered now (and counts it) */
  take(peer: string): boolean
}

/** Fixed-window counters: cheap, and exact enough for "30 a minute" */
export function createThrottle (init: { globalLimit: number, peerLimit: number, intervalMs: number }, now: () => number = Date.now): Throttle {
  let windowStart = now()
  let total = 0
  const perPeer = new Map<string, number>()
  return {
    take (peer) {
      const t = now()
      if (t - windowStart >= init.intervalMs) {
        windowStart = t
        total = 0
        perPeer.clear()
      }
      const mine = perPeer.get(peer) ?? 0
      // 0 means unlimited, as Kubo's
      if (init.globalLimit > 0 && total >= init.globalLimit) return false
      if (init.peerLimit > 0 && mine >= init.peerLimit) return false
      total++
      perPeer.set(peer, mine + 1)
      return true
    }
  }
}

/** The protocols on which others ask us to dial them back: v1's only one, v2's dial-request */
const isServerProtocol = (protocol: string): boolean => /\/autonat\/1\.0\.0$|\/autonat\/2\/dial-request$/.test(protocol)

/** A registrar whose `handle` drops (serve: false) or throttles the handlers registered on it */
export function shapedRegistrar (registrar: Registrar, serve: boolean, throttle: Throttle): Registrar {
  return new Proxy(registrar, {
    get (target, key, receiver) {
      if (key !== 'handle') {
        const value = Reflect.get(target, key, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      }
      return async (protocol: string, handler: StreamHandler, options?: StreamHandlerOptions): Promise<void> => {
        // v2's dial-back handler is the client side (peers checking *our* addresses): never shaped
        if (!isServerProtocol(protocol)) { await target.handle(protocol, handler, options); return }
        if (!serve) return
        const throttled = (stream: Stream, connection: Connection): void | Promise<void> => {
          if (!throttle.take(connection.remotePeer.toString())) {
            stream.abort(new Error('AutoNAT throttle: too many checks'))
            return
          }
          return handler(stream, connection)
        }
        await target.handle(protocol, throttled, options)
      }
    }
  })
}

/** A registrar that also hands the topologies registered on it to `verdicts` (to ask connected peers again) */
function watchedRegistrar (registrar: Registrar, verdicts: AutonatVerdicts): Registrar {
  return new Proxy(registrar, {
    get (target, key, receiver) {
      if (key === 'register') {
        return async (protocol: string, topology: Topology): Promise<string> => {
          if (topology.onConnect != null) verdicts.watch(protocol, topology.onConnect.bind(topology))
          return target.register(protocol, topology)
        }
      }
      const value = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/**
 * A connection manager whose dials always open a new connection. libp2p's AutoNAT v1 server dials
 * the address it checks with the requester's peer ID, and the connection manager hands back the
 * connection the request came on (the peer is connected, of course): the check then "fails" as
 * an unexpected address and the server closes that connection, cutting its own answer. v2 dials
 * with `force`, as this does.
 */
function forcedDials<T extends { openConnection(peer: unknown, options?: Record<string, unknown>): Promise<unknown> }> (connectionManager: T): T {
  return new Proxy(connectionManager, {
    get (target, key, receiver) {
      if (key === 'openConnection') return async (peer: unknown, options: Record<string, unknown> = {}) => target.openConnection(peer, { ...options, force: true })
      const value = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/**
 * Relayed addresses (`<relay>/p2p-circuit`, `<relay>/p2p-circuit/webrtc`) kept out of AutoNAT both
 * ways: whether a relay forwards to us says nothing of our own reachability. Asked about them, we
 * refuse (v2's `E_DIAL_REFUSED`) rather than dial through the relay; and we ask no one about ours.
 * Two punched homes otherwise checked each other's `/webrtc` address over their new connection
 * at once, each dial-back a whole WebRTC connection more (ICE and DTLS) as the first transfer
 * began.
 */
function withoutRelayed<T extends { isDialable?: (ma: Multiaddr | Multiaddr[], options?: any) => Promise<boolean>, getAddressesWithMetadata?: () => Array<{ multiaddr: Multiaddr }> }> (component: T): T {
  return new Proxy(component, {
    get (target, key, receiver) {
      if (key === 'isDialable' && target.isDialable != null) {
        return async (ma: Multiaddr | Multiaddr[], options?: unknown) =>
          (Array.isArray(ma) ? ma : [ma]).some(isRelayedAddress) ? false : target.isDialable!(ma, options)
      }
      if (key === 'getAddressesWithMetadata' && target.getAddressesWithMetadata != null) {
        return () => target.getAddressesWithMetadata!().filter(a => !isRelayedAddress(a.multiaddr))
      }
      const value = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/**
 * The two AutoNAT services, keyed by service name, their registrar shaped as configured and their
 * verdicts on our addresses recorded in `verdicts`
 */
export function autonatServices (nat: NatOptions, verdicts?: AutonatVerdicts): Record<string, (components: any) => unknown> {
  const throttle = createThrottle(nat.autonatThrottle)
  const withRegistrar = (factory: (components: any) => unknown, serve: boolean, forceDials = false) => (components: any) => {
    let registrar = shapedRegistrar(components.registrar, serve, throttle)
    if (verdicts != null) registrar = watchedRegistrar(registrar, verdicts)
    const addressManager = withoutRelayed(verdicts == null ? components.addressManager : recordingAddressManager(components.addressManager, verdicts))
    const connectionManager = withoutRelayed(forceDials ? forcedDials(components.connectionManager) : components.connectionManager)
    const parts: Record<string, unknown> = { registrar, addressManager, connectionManager }
    return factory(new Proxy(components, { get: (t, k) => typeof k === 'string' && k in parts ? parts[k] : t[k] }))
  }
  return {
    autoNAT: withRegistrar(autoNAT(), nat.autonatService !== 'disabled', true),
    autoNATv2: withRegistrar(autoNATv2(), nat.autonatService === 'enabled')
  }
}
