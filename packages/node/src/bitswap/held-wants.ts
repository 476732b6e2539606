/**
 * Wants held back from peers holding the whole DAG (origins), so that nodes fetching one DAG pass
 * its blocks among themselves: a want waits for the session's partial peers to answer a want-have
 * (`probe`), and in a swarm session for room at the origin or for the replica that fetches its
 * block first (`hold`, with the decisions of swarm.ts). The dispatcher (want-dispatcher.ts) asks
 * here before a want-block goes to a whole-DAG peer, and gets each want back when it may go.
 */
import { DeadlineTimer } from './deadline-timer.ts'
import { fetcherOf, nextHeld, sessionLoad, swarmLimit, SWARM_MAX_HOLD_MS } from './swarm.ts'
import type { Fetcher } from './swarm.ts'
import type { SessionImpl } from './session.ts'
import type { Want } from './want.ts'
import type { PeerId } from '@libp2p/interface'

export interface HeldWantsInit {
  /**
   * How long a want waits for the session's partial peers (peers fetching the same DAG, which said
   * DONT_HAVE to one of its wants) to answer a want-have before its want-block goes to a peer that
   * holds the whole DAG (see `probe`)
   */
  haveProbeTimeoutMs: number
  /**
   * want-blocks a `swarm` session keeps at once at a peer holding the whole DAG (an origin)
   * without a HAVE for them: its other wants wait for room there, or for a partial peer's HAVE
   */
  swarmWholePeerWants: number
}

export interface HeldWantsDeps {
  /** Peers fetching this block too: its want is in our server's wantlists for them */
  peersWanting(key: string): string[]
  /** Our own peer ID: rendezvous with the peers fetching a block decides who asks the origin */
  self: string
}

/** What held wants need of the dispatcher that owns them */
export interface HeldWantsHost {
  /** Our wants, by key */
  readonly wants: ReadonlyMap<string, Want>
  /** The peer may be sent a want now */
  usable(peer: PeerId): boolean
  sendWantHave(want: Want, peer: PeerId): void
  /** Picks where to ask next: a want whose wait is over goes through it again */
  dispatch(want: Want): void
}

/** Probe outcomes: a want-block went to a peer that said HAVE / to a whole-DAG peer once all said DONT_HAVE / after the timeout */
export interface ProbeStats {
  have: number
  dontHave: number
  timeout: number
}

export class HeldWants {
  readonly probeStats: ProbeStats = { have: 0, dontHave: 0, timeout: 0 }
  /** Wants waiting for partial peers to answer a want-have -> when they stop waiting */
  private readonly probing = new Map<Want, number>()
  private readonly probeTimer = new DeadlineTimer(() => { this.probesExpired() })
  /** When the oldest want held in a swarm session may go to the origin whoever was to fetch it */
  private readonly holdTimer = new DeadlineTimer(() => { this.holdsExpired() })
  private readonly init: HeldWantsInit
  private readonly deps: HeldWantsDeps
  private readonly host: HeldWantsHost

  constructor (init: HeldWantsInit, deps: HeldWantsDeps, host: HeldWantsHost) {
    this.init = init
    this.deps = deps
    this.host = host
  }

  /**
   * Asks the session's partial peers (peers that hold part of its DAG: they said DONT_HAVE to one
   * of its wants, and HAVE or a block to another, as replicas fetching the same DAG do) whether
   * they have this block, and its candidates (peers that said DONT_HAVE and nothing else yet) too
   * without waiting for them. True while a partial peer's answer is awaited (at most
   * `haveProbeTimeoutMs`): the want-block then goes to the first that says HAVE (`onHave`), and to
   * a peer holding the whole DAG (an origin) only when none has it. So an origin serving several
   * fetchers of one DAG sends each block about once, the fetchers passing it on among
   * themselves. A session with no partial peer (one origin, or peers that have it all) asks at
   * once, as before.
   */
  probe (want: Want): boolean {
    let waiting = false
    const seen = new Set<string>()
    for (const s of want.sessions) {
      for (const id of s.partial) {
        if (seen.has(id)) continue
        seen.add(id)
        const peer = s.peers.get(id) ?? s.candidates.get(id)?.peer
        if (peer == null || want.dontHaves.has(id) || want.haves.has(id) || !this.host.usable(peer)) continue
        if (!want.asked.has(id)) this.host.sendWantHave(want, peer)
        if (s.peers.has(id)) waiting = true
      }
    }
    if (!waiting) {
      if (this.probing.delete(want)) this.probeStats.dontHave++
      return false
    }
    const now = Date.now()
    if (want.probedAt === 0) want.probedAt = now
    const deadline = want.probedAt + this.init.haveProbeTimeoutMs
    if (now >= deadline) {
      this.probing.delete(want)
      return false
    }
    this.probing.set(want, deadline)
    this.probeTimer.arm(deadline)
    return true
  }

  /** Wants whose partial peers did not all answer in time go to a peer holding the whole DAG */
  private probesExpired (): void {
    const now = Date.now()
    let next = Infinity
    for (const [want, at] of this.probing) {
      if (at <= now) {
        this.probing.delete(want)
        this.probeStats.timeout++
        this.host.dispatch(want)
      } else if (at < next) next = at
    }
    if (next < Infinity) this.probeTimer.arm(next)
  }

  /**
   * Offers `consider` the peers of `want`'s sessions that hold the whole DAG as far as we know,
   * but those a swarm session keeps it from. Returns the first session that kept it from one: if
   * `consider` found no other peer, the want is held there (`hold`).
   */
  offerWholePeers (want: Want, consider: (peer: PeerId) => void): SessionImpl | undefined {
    // a whole-DAG peer (the origin) has at most `swarmWholePeerWants` of a swarm session's
    // want-blocks at once: the session's other wants wait for room there, or for a peer
    // fetching the same DAG to get the block and say HAVE (`onHave`)
    let cappedBy: SessionImpl | undefined
    for (const s of want.sessions) {
      const leftToOther = this.fetcherOf(want, s) === 'other'
      for (const [id, peer] of s.peers) {
        if (s.partial.has(id)) continue
        if (s.swarm && (leftToOther || sessionLoad(s, id) >= swarmLimit(s, this.init.swarmWholePeerWants))) {
          cappedBy ??= s
          continue
        }
        consider(peer)
      }
    }
    return cappedBy
  }

  /** Holds `want` back in swarm session `s`, until it may go (`released`) or has waited `SWARM_MAX_HOLD_MS` */
  hold (want: Want, s: SessionImpl): void {
    if (want.cappedAt === 0) want.cappedAt = Date.now()
    s.capped.add(want)
    this.holdTimer.arm(want.cappedAt + SWARM_MAX_HOLD_MS)
  }

  /** `want` waits here: for partial peers to answer, or held in a swarm session */
  isHeld (want: Want): boolean {
    if (this.probing.has(want)) return true
    for (const s of want.sessions) if (s.capped.has(want)) return true
    return false
  }

  /** `want` waits no longer: its want-block went out, or it ended */
  forget (want: Want): void {
    this.probing.delete(want)
    for (const s of want.sessions) s.capped.delete(want)
  }

  /**
   * A want-block of `want` ended (answered, cancelled, moved): its sessions' held wants may go to
   * the origin, in `nextHeld`'s order. A want another replica fetches first stays held until that
   * replica says HAVE (`onHave` takes it out) or until it has waited `SWARM_MAX_HOLD_MS`.
   */
  released (want: Want): void {
    for (const s of want.sessions) this.pumpHeld(s)
  }

  private pumpHeld (s: SessionImpl): void {
    while (s.capped.size > 0) {
      const next = nextHeld(s, w => this.fetcherOf(w, s))
      if ('wait' in next) {
        this.holdTimer.arm(next.wait)
        return
      }
      s.capped.delete(next.want)
      this.host.dispatch(next.want)
      if (s.capped.has(next.want)) return // still no room
    }
  }

  /** The held wants of every session: the first to wait too long goes now */
  private holdsExpired (): void {
    const sessions = new Set<SessionImpl>()
    for (const w of this.host.wants.values()) for (const s of w.sessions) if (s.capped.size > 0) sessions.add(s)
    for (const s of sessions) this.pumpHeld(s)
  }

  private fetcherOf (want: Want, s: SessionImpl): Fetcher {
    return fetcherOf(want, s, this.deps.peersWanting, this.deps.self)
  }

  stop (): void {
    this.probeTimer.clear()
    this.holdTimer.clear()
    this.probing.clear()
  }
}
