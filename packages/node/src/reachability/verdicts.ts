/**
 * What AutoNAT concluded about our public addresses. libp2p's AutoNAT services (v1 and v2) tell
 * the address manager: `confirmObservedAddr` once enough peers dialled an address back,
 * `removeObservedAddr` once enough failed to. A refuted observed address is then simply gone
 * from the address manager, so "AutoNAT says we are not reachable" (go-libp2p's Private) was
 * nowhere to read. The AutoNAT services are given an address manager that also records their
 * verdicts here.
 */
import type { Connection, PeerId } from '@libp2p/interface'
import type { AddressManager } from '@libp2p/interface-internal'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface AutonatVerdicts {
  /** Addresses AutoNAT found not dialable within the last `ttlMs` */
  refuted(now?: number): string[]
  /** Whether AutoNAT found `addr` not dialable within the last `ttlMs` */
  isRefuted(addr: string, now?: number): boolean
  record(addr: Multiaddr, dialable: boolean, now?: number): void
  /** An AutoNAT service's topology: it asks each peer that connects (and speaks `protocol`) to check our addresses */
  watch(protocol: string, onConnect: (peer: PeerId, connection: Connection) => void): void
  /**
   * Has every AutoNAT service ask again the peers already connected (`connected` picks those that
   * speak a protocol): libp2p's AutoNAT asks a peer only when it connects, so an address found
   * afterwards would wait for new peers
   */
  askConnected(connected: (protocol: string) => Connection[]): void
}

const HOUR = 60 * 60 * 1000
/** At most this many refuted addresses are remembered (each peer may report another port) */
const MAX_REFUTED = 64

/** @param ttlMs how long a refutation counts (libp2p re-checks addresses after an hour) */
export function createAutonatVerdicts (ttlMs = HOUR): AutonatVerdicts {
  const refuted = new Map<string, number>()
  const watchers: Array<{ protocol: string, onConnect: (peer: PeerId, connection: Connection) => void }> = []
  const live = (now: number): void => {
    for (const [addr, at] of refuted) if (now - at > ttlMs) refuted.delete(addr)
  }
  return {
    refuted (now = Date.now()) {
      live(now)
      return [...refuted.keys()]
    },
    isRefuted (addr, now = Date.now()) {
      const at = refuted.get(addr)
      return at != null && now - at <= ttlMs
    },
    watch (protocol, onConnect) {
      watchers.push({ protocol, onConnect })
    },
    askConnected (connected) {
      for (const { protocol, onConnect } of watchers) {
        for (const connection of connected(protocol)) onConnect(connection.remotePeer, connection)
      }
    },
    record (addr, dialable, now = Date.now()) {
      const key = addr.toString()
      refuted.delete(key)
      if (dialable) return
      refuted.set(key, now)
      if (refuted.size > MAX_REFUTED) refuted.delete(refuted.keys().next().value as string)
    }
  }
}

/** The address manager handed to the AutoNAT services: their verdicts are also recorded */
export function recordingAddressManager (addressManager: AddressManager, verdicts: AutonatVerdicts): AddressManager {
  return new Proxy(addressManager, {
    get (target, key, receiver) {
      if (key === 'confirmObservedAddr') {
        return (addr: Multiaddr, options?: Parameters<AddressManager['confirmObservedAddr']>[1]) => {
          verdicts.record(addr, true)
          target.confirmObservedAddr(addr, options)
        }
      }
      if (key === 'removeObservedAddr') {
        return (addr: Multiaddr) => {
          verdicts.record(addr, false)
          target.removeObservedAddr(addr)
        }
      }
      const value = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}
