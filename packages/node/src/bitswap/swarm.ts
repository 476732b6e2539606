/**
 * The decisions of a `swarm` session (several replicas fetching one DAG at once, each from the
 * origin and from each other): how many want-blocks it keeps at a whole-DAG peer, which replica
 * asks the origin for a block, and which held-back want goes next when room frees there.
 * held-wants.ts applies them (packages/node/README.md, Bitswap, *Swarming*).
 */
import { fetchesFirst } from './rendezvous.ts'
import type { SessionImpl } from './session.ts'
import type { Want } from './want.ts'

/**
 * A want held back in a swarm session (for room at the origin, or for the replica that fetches it
 * first to say HAVE) goes to the origin after this long whoever was to fetch it: the rendezvous
 * is a guess about what the other replicas will do, never a promise
 */
export const SWARM_MAX_HOLD_MS = 6_000

/**
 * want-blocks a swarm session may have at once at a whole-DAG peer: `perPeer` once it knows peers
 * fetching the same DAG, twice that (a `cat`'s window) while it fetches alone
 */
export function swarmLimit (session: SessionImpl, perPeer: number): number {
  return session.partial.size > 0 ? perPeer : 2 * perPeer
}

/** want-blocks of `session` outstanding at peer `id` */
export function sessionLoad (session: SessionImpl, id: string): number {
  let n = 0
  for (const w of session.wants) if (w.blockPeers.has(id)) n++
  return n
}

export type Fetcher = 'self' | 'other' | 'none'

/**
 * Who of the replicas fetching `want`'s block (peers of `s` holding part of its DAG, whose want
 * for it is in our server's wantlists: `peersWanting`) asks the origin for it: rendezvous
 * (`fetchesFirst`) picks one, `self` when it is us (the others wait for our HAVE), `other` when it
 * is one of them (we wait for its HAVE), `none` when no replica wants it now. Each replica ranks
 * the ones it sees by the same scores, so waits never go round in a circle: the top one fetches.
 * Only in swarm sessions that know partial peers, and only until the want has been held
 * `SWARM_MAX_HOLD_MS`.
 */
export function fetcherOf (want: Want, s: SessionImpl, peersWanting: (key: string) => string[], self: string): Fetcher {
  if (!s.swarm || s.partial.size === 0) return 'none'
  const others = peersWanting(want.key).filter(id => s.partial.has(id))
  if (others.length === 0) return 'none'
  if (fetchesFirst(want.key, self, others)) return 'self'
  return want.cappedAt > 0 && Date.now() - want.cappedAt >= SWARM_MAX_HOLD_MS ? 'none' : 'other'
}

/**
 * The held-back want of `s` to send to the origin next: first one the other replicas wait for us
 * to fetch, then one no replica is fetching (BitTorrent's rarest first: what another replica is
 * fetching it will soon pass on, and two replicas asking the origin for one block make it send
 * that block twice), then one held `SWARM_MAX_HOLD_MS`. `wait`: none may go yet, and when the
 * first may.
 */
export function nextHeld (s: SessionImpl, fetcher: (want: Want) => Fetcher): { want: Want } | { wait: number } {
  let rarest: Want | undefined
  let first = Infinity
  for (const w of s.capped) {
    const f = fetcher(w)
    if (f === 'self') return { want: w }
    if (f === 'none') rarest ??= w
    first = Math.min(first, w.cappedAt)
  }
  return rarest != null ? { want: rarest } : { wait: first + SWARM_MAX_HOLD_MS }
}
