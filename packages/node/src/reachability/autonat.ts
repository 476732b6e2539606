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
import type { NatOptions } from './options.ts'
import type { Connection, Stream, StreamHandler, StreamHandlerOptions } from '@libp2p/interface'
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

/** The two AutoNAT services, keyed by service name, their registrar shaped as configured */
export function autonatServices (nat: NatOptions): Record<string, (components: any) => unknown> {
  const throttle = createThrottle(nat.autonatThrottle)
  const withRegistrar = (factory: (components: any) => unknown, serve: boolean) => (components: any) => {
    const registrar = shapedRegistrar(components.registrar, serve, throttle)
    return factory(new Proxy(components, { get: (t, k) => k === 'registrar' ? registrar : t[k] }))
  }
  return {
    autoNAT: withRegistrar(autoNAT(), nat.autonatService !== 'disabled'),
    autoNATv2: withRegistrar(autoNATv2(), nat.autonatService === 'enabled')
  }
}
