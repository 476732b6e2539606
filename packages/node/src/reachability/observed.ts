/**
 * Candidate public TCP addresses for AutoNAT to check, from what peers observe. libp2p's identify
 * drops the TCP addresses peers see us at (js dials from random ports, so each connection is
 * seen at another port), and a node behind NAT then had no public address for AutoNAT to check:
 * it stayed Unknown. Once `observersNeeded` distinct peers saw us at the same public IP, that IP
 * with our TCP listen port (what a port forward or a port-preserving NAT would expose) is a
 * candidate, as go-libp2p's observed-address manager pairs observed IPs with its listen ports.
 */
import { TCP } from '@multiformats/multiaddr-matcher'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface ObservedTcpInit {
  /**
   * Distinct peers that must see us at one IP, so that a few peers cannot make us test an IP of
   * their choosing (go-libp2p's activation threshold). @default 4
   */
  observersNeeded?: number
  /** Candidates counted at once (each peer may say another IP). @default 32 */
  maxCandidates?: number
}

export interface ObservedTcp {
  /**
   * `observer` saw us at `observed` (a public TCP address): the candidates that now have enough
   * observers, each returned once. `listening` are our own addresses (their TCP ports are used);
   * `skip` leaves out candidates already known or refuted.
   */
  observe(observed: Multiaddr, observer: string, listening: Multiaddr[], skip: (candidate: string) => boolean): string[]
}

export function observedTcp (init: ObservedTcpInit = {}): ObservedTcp {
  const needed = init.observersNeeded ?? 4
  const max = init.maxCandidates ?? 32
  const candidates = new Map<string, Set<string>>()
  return {
    observe (observed, observer, listening, skip) {
      if (!TCP.matches(observed)) return []
      const ip = observed.getComponents()[0]
      const ports = new Set<string>()
      for (const ma of listening) {
        const parts = ma.getComponents()
        if (TCP.exactMatch(ma) && parts[0].name === ip.name) ports.add(parts[1].value as string)
      }
      const ready: string[] = []
      for (const port of ports) {
        const candidate = `/${ip.name}/${ip.value}/tcp/${port}`
        if (skip(candidate)) continue
        let observers = candidates.get(candidate)
        if (observers == null) {
          if (candidates.size >= max) candidates.delete(candidates.keys().next().value as string)
          candidates.set(candidate, observers = new Set())
        }
        observers.add(observer)
        if (observers.size < needed) continue
        candidates.delete(candidate)
        ready.push(candidate)
      }
      return ready
    }
  }
}
