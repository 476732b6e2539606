/**
 * Our own wants: which peers were asked for what, who answered HAVE or DONT_HAVE, and where
 * to ask next. A want is shared by every session that asks for the same multihash, resolves
 * once, and sends CANCEL to everyone else it asked.
 */
import { RelayLimitError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { cidToPrefix, equalBytes, keyOf } from './block-identity.ts'
import { WANT_BLOCK, WANT_HAVE } from './pb/message.ts'
import { DeadlineTimer } from './deadline-timer.ts'
import { fetcherOf, nextHeld, sessionLoad, swarmLimit, SWARM_MAX_HOLD_MS } from './swarm.ts'
import type { Fetcher } from './swarm.ts'
import type { Network } from './network.ts'
import type { WantType } from './pb/message.ts'
import type { SessionImpl } from './session.ts'
import type { Logger, PeerId } from '@libp2p/interface'

export interface WantManagerInit {
  optimisticWantBlockPeers: number
  maxOutstandingWantsPerPeer: number
  providerSearchDelayMs: number
  providerSearchIntervalMs: number
  recentWantsMax: number
  maxWantsSentOnConnect: number
  /**
   * A want unanswered this long is sent again to the peers it was sent to, as boxo's clients
   * rebroadcast their wantlists: a server may have lost it (a reset stream, a send that timed
   * out, a restart) while still answering our other wants, so silence alone cannot tell
   */
  rebroadcastIntervalMs: number
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

export interface Want {
  readonly cid: CID
  readonly key: string
  /** The CID prefix a block for this want arrives with */
  readonly prefix: Uint8Array
  readonly promise: Promise<Uint8Array>
  resolve(bytes: Uint8Array): void
  reject(err: Error): void
  waiters: number
  /** A verified block is being stored: later copies are duplicates */
  receiving: boolean
  /** A received block is being checked against this want */
  verifying: boolean
  done: boolean
  readonly sessions: Set<SessionImpl>
  /** When a want-block last went out for it */
  askedBlockAt: number
  /** When it was last sent to anyone (first ask or rebroadcast) */
  sentAt: number
  /** Peers with a want-block outstanding for this want */
  readonly blockPeers: Map<string, PeerId>
  readonly asked: Map<string, PeerId>
  readonly haves: Map<string, PeerId>
  readonly dontHaves: Set<string>
  /** Peers that were asked for it, or had it, when their connection went (they may come back) */
  readonly lost: Map<string, PeerId>
  searchTimer?: ReturnType<typeof setTimeout>
  /** When `searchTimer` fires */
  searchAt: number
  /** When the session's partial peers were first asked whether they have it (0: not yet) */
  probedAt: number
  /** When a swarm session first held it back (for room at the origin, or for another replica's HAVE); 0: never */
  cappedAt: number
}

export interface WantManagerDeps {
  network: Network
  isBanned(peer: PeerId): boolean
  /** Peers fetching this block too: its want is in our server's wantlists for them */
  peersWanting(key: string): string[]
  /** Our own peer ID: rendezvous with the peers fetching a block decides who asks the origin */
  self: string
  /** Stores a verified block under the CID we asked for */
  store(cid: CID, bytes: Uint8Array): Promise<void>
  log: Logger
}

export type ReceiveResult = 'wanted' | 'duplicate' | 'unwanted'

const STALL_MARGIN_MS = 10
/** How often wants are checked for peers that stopped at a relay's data limit */
const RELAY_CHECK_INTERVAL_MS = 1000

export class WantManager {
  readonly wants = new Map<string, Want>()
  /** key -> peers each asked for it, kept after the want ends so late copies are not lies */
  private readonly recent = new Map<string, true>()
  /** peer -> keys with a want-block outstanding there (load, and what to re-ask when it goes) */
  private readonly load = new Map<string, Set<string>>()
  /** peers a send to failed recently: not picked again until this time */
  private readonly unreachable = new Map<string, number>()
  /**
   * wants whose best peer has `maxOutstandingWantsPerPeer` want-blocks out, or too much of its data
   * still being stored: sent as that drops
   */
  private readonly deferred = new Set<Want>()
  /** peer -> when it last sent us a block or a presence */
  private readonly lastHeard = new Map<string, number>()
  private readonly init: WantManagerInit
  private readonly deps: WantManagerDeps
  private rebroadcastTimer?: ReturnType<typeof setInterval>
  private relayCheckTimer?: ReturnType<typeof setInterval>
  /** Wants sent again by the rebroadcast, for stats and tests */
  rebroadcasts = 0
  /** Probe outcomes: a want-block went to a peer that said HAVE / to a whole-DAG peer once all said DONT_HAVE / after the timeout */
  readonly probeStats = { have: 0, dontHave: 0, timeout: 0 }
  /** Wants waiting for partial peers to answer a want-have -> when they stop waiting */
  private readonly probing = new Map<Want, number>()
  private readonly probeTimer = new DeadlineTimer(() => { this.probesExpired() })
  /** When the oldest want held in a swarm session may go to the origin whoever was to fetch it */
  private readonly holdTimer = new DeadlineTimer(() => { this.holdsExpired() })

  constructor (init: WantManagerInit, deps: WantManagerDeps) {
    this.init = init
    this.deps = deps
  }

  start (): void {
    if (this.rebroadcastTimer != null) return
    // checked twice per interval, as boxo does, so a want waits at most 1.5 intervals
    this.rebroadcastTimer = setInterval(() => { this.rebroadcast(Date.now()) }, Math.max(1, this.init.rebroadcastIntervalMs / 2))
    this.rebroadcastTimer.unref?.()
    this.relayCheckTimer = setInterval(() => { this.failRelayLimited(Date.now()) }, RELAY_CHECK_INTERVAL_MS)
    this.relayCheckTimer.unref?.()
  }

  /**
   * Fails, with RelayLimitError, each want whose only possible sources are peers that stopped at
   * a relay's data limit: without a direct connection to one of them it would only run into its
   * timeout (a 504 "content not found" a minute later), when the reason is known now.
   */
  failRelayLimited (now: number): void {
    const network = this.deps.network
    if (!network.hasRelayCuts()) return
    for (const want of this.wants.values()) {
      if (want.done || want.receiving) continue
      // a peer whose relayed connection was cut is no longer connected: it counts as a source still
      const sources = new Map<string, PeerId>([...want.lost, ...want.asked, ...want.haves])
      for (const s of want.sessions) for (const [id, peer] of s.peers) sources.set(id, peer)
      for (const id of want.dontHaves) sources.delete(id)
      if (sources.size === 0) continue
      let limit: number | undefined
      for (const peer of sources.values()) {
        limit = network.relayExhausted(peer, now)
        if (limit == null) break
      }
      if (limit == null) continue
      const peers = [...sources.keys()].join(', ')
      this.deps.log('%c: every source (%s) stopped at a relay\'s limits', want.cid, peers)
      this.finish(want, undefined)
      const limits = limit > 0 ? ` (about ${Math.ceil(limit / 1024)} KiB per connection)` : ''
      want.reject(new RelayLimitError(`${want.cid} is held only by ${peers}, reachable only through a relay, and this transfer went past the relay's limits${limits}: no direct connection could be made (a symmetric NAT on one side?)`, { details: { cid: want.cid.toString(), peers: [...sources.keys()], limitBytes: limit } }))
    }
  }

  /**
   * Sends again every want that went out at least `rebroadcastIntervalMs` ago and is still
   * unanswered: want-block to the peers asked for the block, want-have to those asked whether
   * they have it that have not answered. A server that lost what we asked (and goes on serving
   * our other wants, so the want never looks stalled) gets it again; one that did not ignores
   * the repeat. A want nobody is working on is dispatched afresh.
   */
  rebroadcast (now: number): void {
    const byPeer = new Map<string, { peer: PeerId, entries: Array<{ cid: CID, wantType: WantType }> }>()
    const add = (peer: PeerId, cid: CID, wantType: WantType): void => {
      const id = peer.toString()
      let e = byPeer.get(id)
      if (e == null) byPeer.set(id, e = { peer, entries: [] })
      e.entries.push({ cid, wantType })
    }
    const idle: Want[] = []
    for (const want of this.wants.values()) {
      if (want.done || want.receiving || now - want.sentAt < this.init.rebroadcastIntervalMs) continue
      if (!this.hasLiveBlockPeer(want)) {
        idle.push(want)
        continue
      }
      want.sentAt = now
      this.rebroadcasts++
      for (const [id, peer] of want.asked) {
        if (!this.usable(peer)) continue
        if (want.blockPeers.has(id)) add(peer, want.cid, WANT_BLOCK)
        else if (!want.dontHaves.has(id) && !want.haves.has(id)) add(peer, want.cid, WANT_HAVE)
      }
    }
    for (const { peer, entries } of byPeer.values()) this.deps.network.sendWants(peer, entries)
    for (const want of idle) {
      want.sentAt = now
      this.dispatch(want)
    }
  }

  /** Registers `session`'s interest in `cid` and returns the shared want */
  add (cid: CID, session: SessionImpl): Want {
    const key = keyOf(cid)
    let want = this.wants.get(key)
    if (want == null) {
      const { promise, resolve, reject } = Promise.withResolvers<Uint8Array>()
      promise.catch(() => {}) // rejections are seen by the waiters
      want = {
        cid, key, promise, resolve, reject,
        prefix: cidToPrefix(cid),
        waiters: 0,
        receiving: false,
        verifying: false,
        done: false,
        askedBlockAt: 0,
        sentAt: Date.now(),
        searchAt: 0,
        probedAt: 0,
        cappedAt: 0,
        sessions: new Set(),
        blockPeers: new Map(),
        asked: new Map(),
        haves: new Map(),
        dontHaves: new Set(),
        lost: new Map()
      }
      this.wants.set(key, want)
      want.sessions.add(session)
      session.wants.add(want)
      this.dispatch(want)
      this.scheduleSearch(want, this.init.providerSearchDelayMs)
    } else if (!want.sessions.has(session)) {
      want.sessions.add(session)
      session.wants.add(want)
      this.dispatch(want)
    }
    want.waiters++
    return want
  }

  /** A waiter gave up; the last one cancels the want everywhere it was asked */
  release (want: Want, session: SessionImpl, err: Error): void {
    want.waiters--
    if (want.waiters > 0 || want.done) return
    session.wants.delete(want)
    this.finish(want, undefined)
    want.reject(err)
  }

  private scheduleSearch (want: Want, delayMs: number): void {
    const at = Date.now() + Math.max(0, delayMs)
    // never postpone a check that is due sooner
    if (want.searchTimer != null && want.searchAt <= at) return
    clearTimeout(want.searchTimer)
    want.searchAt = at
    want.searchTimer = setTimeout(() => {
      want.searchTimer = undefined
      if (want.done) return
      this.widen(want)
      this.scheduleSearch(want, this.init.providerSearchIntervalMs)
    }, at - Date.now())
    want.searchTimer.unref?.()
  }

  private search (want: Want): void {
    for (const s of want.sessions) s.findProviders(want.cid)
  }

  private usable (peer: PeerId): boolean {
    const id = peer.toString()
    const until = this.unreachable.get(id)
    if (until != null) {
      if (until > Date.now()) return false
      this.unreachable.delete(id)
    }
    return !this.deps.isBanned(peer) && this.deps.network.isConnected(peer)
  }

  private hasLiveBlockPeer (want: Want): boolean {
    for (const [id, peer] of want.blockPeers) {
      if (this.usable(peer)) return true
      want.blockPeers.delete(id)
      this.load.get(id)?.delete(want.key)
    }
    return false
  }

  /**
   * A want-block of `want` ended (answered, cancelled, moved): its sessions' held wants may go to
   * the origin, in `nextHeld`'s order. A want another replica fetches first stays held until that
   * replica says HAVE (`onHave` takes it out) or until it has waited `SWARM_MAX_HOLD_MS`.
   */
  private released (want: Want): void {
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
      this.dispatch(next.want)
      if (s.capped.has(next.want)) return // still no room
    }
  }

  /** The held wants of every session: the first to wait too long goes now */
  private holdsExpired (): void {
    const sessions = new Set<SessionImpl>()
    for (const w of this.wants.values()) for (const s of w.sessions) if (s.capped.size > 0) sessions.add(s)
    for (const s of sessions) this.pumpHeld(s)
  }

  private fetcherOf (want: Want, s: SessionImpl): Fetcher {
    return fetcherOf(want, s, this.deps.peersWanting, this.deps.self)
  }

  private loadOf (id: string): number {
    return this.load.get(id)?.size ?? 0
  }

  /**
   * The peer may be sent a want-block now: fewer than `maxOutstandingWantsPerPeer` are out there,
   * and not so much of what it already sent is still waiting for our store
   */
  private hasRoom (peer: PeerId): boolean {
    return this.loadOf(peer.toString()) < this.init.maxOutstandingWantsPerPeer && !this.deps.network.isInboundBusy(peer)
  }

  private sendWantBlock (want: Want, peer: PeerId): void {
    const id = peer.toString()
    this.deferred.delete(want)
    this.probing.delete(want)
    for (const s of want.sessions) s.capped.delete(want)
    want.askedBlockAt = want.sentAt = Date.now()
    want.blockPeers.set(id, peer)
    want.asked.set(id, peer)
    let keys = this.load.get(id)
    if (keys == null) {
      keys = new Set()
      this.load.set(id, keys)
    }
    keys.add(want.key)
    this.deps.network.sendWants(peer, [{ cid: want.cid, wantType: WANT_BLOCK }])
  }

  private sendWantHave (want: Want, peer: PeerId): void {
    want.sentAt = Date.now()
    want.asked.set(peer.toString(), peer)
    this.deps.network.sendWants(peer, [{ cid: want.cid, wantType: WANT_HAVE }])
  }

  /**
   * Picks where to ask next: the least loaded peer that said HAVE; else, once the session's
   * partial peers have answered (`probe`), the least loaded session peer that holds the whole
   * DAG as far as we know, else any session peer; else everyone connected
   */
  dispatch (want: Want): void {
    if (want.done || want.receiving || this.hasLiveBlockPeer(want)) {
      // served meanwhile (a HAVE took it): it must not hold up the wants deferred after it
      this.deferred.delete(want)
      return
    }

    let best: PeerId | undefined
    const consider = (peer: PeerId): void => {
      const id = peer.toString()
      if (want.dontHaves.has(id) || !this.usable(peer)) return
      if (best == null || this.loadOf(id) < this.loadOf(best.toString())) best = peer
    }
    for (const peer of want.haves.values()) consider(peer)
    if (best == null) {
      if (this.probe(want)) return
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
      if (best == null && cappedBy != null) {
        this.deferred.delete(want)
        if (want.cappedAt === 0) want.cappedAt = Date.now()
        cappedBy.capped.add(want)
        this.holdTimer.arm(want.cappedAt + SWARM_MAX_HOLD_MS)
        return
      }
    }
    if (best == null) {
      for (const s of want.sessions) for (const peer of s.peers.values()) consider(peer)
    }
    if (best != null) {
      // no room at the best peer: wait for it (to answer, or for us to store what it sent)
      if (!this.hasRoom(best)) {
        this.deferred.add(want)
        return
      }
      this.deferred.delete(want)
      this.sendWantBlock(want, best)
      return
    }
    this.deferred.delete(want)

    const fresh = this.deps.network.connectedPeers()
      .filter(p => !want.asked.has(p.toString()) && this.usable(p))
    if (fresh.length === 0) {
      // everyone we can reach was asked and none has it (or nobody is connected): look further
      this.search(want)
      return
    }
    const ready = fresh.filter(p => this.hasRoom(p))
    if (ready.length === 0) {
      // everyone to ask is busy with our earlier wants: ask when one has room
      this.deferred.add(want)
      return
    }
    ready.forEach((peer, i) => {
      if (i < this.init.optimisticWantBlockPeers) this.sendWantBlock(want, peer)
      else this.sendWantHave(want, peer)
    })
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
  private probe (want: Want): boolean {
    let waiting = false
    const seen = new Set<string>()
    for (const s of want.sessions) {
      for (const id of s.partial) {
        if (seen.has(id)) continue
        seen.add(id)
        const peer = s.peers.get(id) ?? s.candidates.get(id)?.peer
        if (peer == null || want.dontHaves.has(id) || want.haves.has(id) || !this.usable(peer)) continue
        if (!want.asked.has(id)) this.sendWantHave(want, peer)
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
        this.dispatch(want)
      } else if (at < next) next = at
    }
    if (next < Infinity) this.probeTimer.arm(next)
  }

  /**
   * `peer` asked us for blocks: where we want one of them too in a swarm session, it is fetching
   * the same DAG, so the session asks it whether it has its other blocks. Else a replica that
   * nobody answered DONT_HAVE yet (the first asked, which dials no other) would ask only the
   * origin until one did.
   */
  peerWants (peer: PeerId, entries: Array<{ cid: Uint8Array, cancel: boolean }>): void {
    for (const e of entries) {
      if (e.cancel) continue
      let key: string
      try {
        key = keyOf(CID.decode(e.cid))
      } catch {
        continue // the server logs undecodable CIDs
      }
      const want = this.wants.get(key)
      if (want == null) continue
      for (const s of want.sessions) if (s.swarm) s.notePeerFetching(peer)
    }
  }

  /** A want-block of ours is out for this block, or the block is arriving */
  fetching (key: string): boolean {
    const want = this.wants.get(key)
    return want != null && !want.done && (want.receiving || want.blockPeers.size > 0)
  }

  heardFrom (peer: PeerId): void {
    this.lastHeard.set(peer.toString(), Date.now())
  }

  onHave (peer: PeerId, cid: CID): void {
    const want = this.wants.get(keyOf(cid))
    if (want == null || want.done) return
    const id = peer.toString()
    want.haves.set(id, peer)
    want.dontHaves.delete(id)
    for (const s of want.sessions) s.addPeer(peer, false)
    // a peer that has it is asked for it, unless a peer asked already is working on it: asking
    // both would bring the block twice (a silent one is replaced here or when the want widens)
    if (want.receiving || want.blockPeers.has(id) || !this.usable(peer)) return
    if (!this.hasRoom(peer)) {
      // it is asked once it has room (it is now among the want's HAVE peers)
      if (!this.hasLiveBlockPeer(want)) this.deferred.add(want)
      return
    }
    if (!this.hasLiveBlockPeer(want)) {
      if (want.probedAt > 0) this.probeStats.have++
      this.sendWantBlock(want, peer)
    } else if (this.blockPeersStalled(want)) {
      this.moveWantBlock(want, peer)
    } else {
      // look again as soon as the peers asked would count as stalled
      this.scheduleSearch(want, want.askedBlockAt + this.init.providerSearchDelayMs - Date.now())
    }
  }

  /** Nothing heard from any peer asked for the block since the delay a want may take */
  private blockPeersStalled (want: Want): boolean {
    const now = Date.now()
    // timers may fire a little early against Date.now: a check due now counts as due
    const delay = this.init.providerSearchDelayMs - STALL_MARGIN_MS
    if (now - want.askedBlockAt < delay) return false
    for (const id of want.blockPeers.keys()) {
      if (now - (this.lastHeard.get(id) ?? 0) < delay) return false
    }
    return true
  }

  /** `peer` is no longer asked for the block: CANCEL goes to it (it stays among those asked) */
  private dropBlockPeer (want: Want, id: string, peer: PeerId): void {
    want.blockPeers.delete(id)
    this.load.get(id)?.delete(want.key)
    this.deps.network.sendWants(peer, [{ cid: want.cid, wantType: WANT_BLOCK, cancel: true }])
    this.released(want)
  }

  /**
   * The peers asked for the block went silent: the block is asked of `peer` instead, and the
   * silent ones are cancelled, so it is asked as a block of one peer at a time (two would both
   * send it). A silent peer stays a candidate: it is asked again if the new one stalls too.
   */
  private moveWantBlock (want: Want, peer: PeerId): void {
    for (const [id, old] of want.blockPeers) this.dropBlockPeer(want, id, old)
    this.sendWantBlock(want, peer)
  }

  /**
   * The want has waited long: peers asked for the block may be silent, so the block is asked of
   * another peer instead (see `moveWantBlock`), and routing is searched.
   */
  private widen (want: Want): void {
    if (want.done || want.receiving) return
    // waiting for room at a whole-DAG peer that is working through our other wants, or for
    // partial peers to answer (dispatched when they do or at `haveProbeTimeoutMs`): not lost
    if (this.probing.has(want)) return
    for (const s of want.sessions) if (s.capped.has(want)) return
    this.search(want)
    // a peer still delivering is working through our queue, not ignoring us
    if (want.blockPeers.size > 0 && !this.blockPeersStalled(want)) return
    let best: PeerId | undefined
    const consider = (peer: PeerId): void => {
      const id = peer.toString()
      if (want.blockPeers.has(id) || want.dontHaves.has(id) || !this.usable(peer) || !this.hasRoom(peer)) return
      if (best == null || this.loadOf(id) < this.loadOf(best.toString())) best = peer
    }
    // a peer that said HAVE takes the want-block over from the silent ones
    for (const peer of want.haves.values()) consider(peer)
    if (best != null) {
      this.moveWantBlock(want, best)
      return
    }
    const others = new Map<string, PeerId>()
    for (const s of want.sessions) for (const [id, peer] of s.peers) others.set(id, peer)
    for (const peer of this.deps.network.connectedPeers()) if (!want.asked.has(peer.toString())) others.set(peer.toString(), peer)
    if (want.blockPeers.size === 0) {
      // nobody is asked for the block (all gone or busy): the best of the others is
      for (const peer of others.values()) consider(peer)
      if (best != null) this.sendWantBlock(want, best)
      return
    }
    // nobody known to have it: the others are asked whether they do, and one that says HAVE takes
    // the want-block over (onHave). Moving it to a peer that may not have it would drop the silent
    // peer's place in its queue for a DONT_HAVE, or for nothing from a busy peer.
    let asked = 0
    for (const [id, peer] of others) {
      if (want.blockPeers.has(id) || want.dontHaves.has(id) || !this.usable(peer)) continue
      this.sendWantHave(want, peer)
      asked++
    }
    // nobody else to ask: ask again, in case what was sent got lost with a reset stream
    if (asked === 0) for (const peer of want.blockPeers.values()) this.deps.network.sendWants(peer, [{ cid: want.cid, wantType: WANT_BLOCK }])
  }

  onDontHave (peer: PeerId, cid: CID): void {
    const want = this.wants.get(keyOf(cid))
    if (want == null || want.done) return
    const id = peer.toString()
    want.dontHaves.add(id)
    want.haves.delete(id)
    for (const s of want.sessions) s.noteDontHave(peer)
    // a server keeps a want-block it could not answer and sends the block once it gets one (boxo
    // does too): cancelled, or a peer still fetching it would bring it again after another has
    if (want.blockPeers.has(id)) this.dropBlockPeer(want, id, peer)
    this.dispatch(want)
    if (this.deferred.size > 0) this.dispatchDeferred()
  }

  /**
   * The want a block from `peer` most likely answers: the oldest want-block outstanding there
   * with the same CID prefix (servers answer in order). Checking the bytes against this CID
   * first usually identifies and verifies a block with one hash instead of two.
   */
  likelyWant (peer: PeerId, prefix: Uint8Array): Want | undefined {
    const keys = this.load.get(peer.toString())
    if (keys == null) return undefined
    for (const key of keys) {
      const want = this.wants.get(key)
      if (want == null || want.done || want.receiving || want.verifying) continue
      return equalBytes(want.prefix, prefix) ? want : undefined
    }
    return undefined
  }

  /** A hash-verified block arrived: store it and resolve its want */
  receive (peer: PeerId, cid: CID, bytes: Uint8Array): { result: ReceiveResult, stored?: Promise<void> } {
    const key = keyOf(cid)
    const want = this.wants.get(key)
    if (want == null || want.done || want.receiving) {
      return { result: want != null || this.recent.has(key) ? 'duplicate' : 'unwanted' }
    }
    want.receiving = true
    const stored = this.deps.store(want.cid, bytes)
      .then(() => {
        this.finish(want, peer)
        want.resolve(bytes)
      }, (err: Error) => {
        this.deps.log.error('storing %c failed - %e', want.cid, err)
        this.finish(want, peer)
        want.reject(err)
      })
    return { result: 'wanted', stored }
  }

  /** A block stored locally by someone else (`notify`): our wants for it are answered */
  resolveLocal (cid: CID, bytes: Uint8Array): void {
    const want = this.wants.get(keyOf(cid))
    if (want == null || want.done || want.receiving) return
    this.finish(want, undefined)
    want.resolve(bytes)
  }

  private finish (want: Want, from: PeerId | undefined): void {
    if (want.done) return
    want.done = true
    clearTimeout(want.searchTimer)
    this.wants.delete(want.key)
    this.recent.set(want.key, true)
    if (this.recent.size > this.init.recentWantsMax) {
      this.recent.delete(this.recent.keys().next().value as string)
    }
    const fromId = from?.toString()
    for (const [id, peer] of want.asked) {
      this.load.get(id)?.delete(want.key)
      if (id !== fromId) this.deps.network.sendWants(peer, [{ cid: want.cid, wantType: WANT_BLOCK, cancel: true }])
    }
    this.deferred.delete(want)
    this.probing.delete(want)
    for (const s of want.sessions) {
      s.wants.delete(want)
      s.capped.delete(want)
      if (from != null) s.addPeer(from, false)
    }
    this.released(want)
    if (this.deferred.size > 0) this.dispatchDeferred()
  }

  /**
   * What `peer` sent for `want` was lost on our side before it could be checked (the hash worker
   * died holding it): ask again now instead of when the want's timer runs out. The peer had the
   * block, which counts as its HAVE, so it is asked first.
   */
  reask (want: Want, peer: PeerId): void {
    if (want.done || want.receiving) return
    const id = peer.toString()
    want.blockPeers.delete(id)
    this.load.get(id)?.delete(want.key)
    want.haves.set(id, peer)
    this.dispatch(want)
  }

  /** The peer is gone or failed: whatever it was asked for goes elsewhere */
  peerLost (peer: PeerId, failed: boolean): void {
    const id = peer.toString()
    this.lastHeard.delete(id)
    if (failed) this.unreachable.set(id, Date.now() + 30_000)
    const keys = this.load.get(id)
    this.load.delete(id)
    for (const want of this.wants.values()) {
      if (want.asked.has(id) || want.haves.has(id)) want.lost.set(id, peer)
      want.haves.delete(id)
      // whatever it was asked went with the connection: once back, it is asked again
      // (peerConnected), instead of counting as asked forever and never hearing from us
      want.asked.delete(id)
      want.dontHaves.delete(id)
      for (const s of want.sessions) s.peerLost(id)
    }
    if (keys != null) {
      for (const key of keys) {
        const want = this.wants.get(key)
        if (want == null) continue
        want.blockPeers.delete(id)
        this.dispatch(want)
        this.released(want)
      }
    }
    if (this.deferred.size > 0) this.dispatchDeferred()
  }

  /** A new peer: it hears what we still want, as want-have, unless it was already asked */
  peerConnected (peer: PeerId): void {
    if (this.deps.isBanned(peer)) return
    const id = peer.toString()
    this.unreachable.delete(id)
    const entries: CID[] = []
    for (const want of this.wants.values()) {
      want.lost.delete(id)
      if (entries.length >= this.init.maxWantsSentOnConnect) break
      if (want.asked.has(id) || want.receiving) continue
      want.asked.set(id, peer)
      entries.push(want.cid)
    }
    if (entries.length > 0) this.deps.network.sendWants(peer, entries.map(cid => ({ cid, wantType: WANT_HAVE })))
  }

  /** Some peer's load dropped: wants waiting for room go out, oldest first */
  dispatchDeferred (): void {
    for (const want of this.deferred) {
      this.dispatch(want)
      if (this.deferred.has(want)) return // still no room anywhere
    }
  }

  /** Redispatches a session's wants that nobody is serving (new session peers arrived) */
  dispatchSession (session: SessionImpl): void {
    for (const want of session.wants) this.dispatch(want)
  }

  stop (err: Error): void {
    clearInterval(this.rebroadcastTimer)
    this.rebroadcastTimer = undefined
    clearInterval(this.relayCheckTimer)
    this.relayCheckTimer = undefined
    this.probeTimer.clear()
    this.holdTimer.clear()
    this.probing.clear()
    for (const want of this.wants.values()) {
      clearTimeout(want.searchTimer)
      want.done = true
      want.reject(err)
    }
    this.wants.clear()
    this.deferred.clear()
    this.load.clear()
    this.recent.clear()
  }

  list (): CID[] {
    return [...this.wants.values()].map(w => w.cid)
  }
}
