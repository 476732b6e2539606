/**
 * Our own wants: the table of them, from the first session that asks for a block to the block
 * stored (or the want given up, or failed at a relay's limits). A want is shared by every session
 * that asks for the same multihash, resolves once, and sends CANCEL to everyone else it asked.
 * Where and when each is asked, and what HAVE and DONT_HAVE change, is the dispatcher's
 * (want-dispatcher.ts), which this owns.
 */
import { RelayLimitError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { keyOf } from './block-identity.ts'
import { WANT_BLOCK, WANT_HAVE } from './pb/message.ts'
import { createWant } from './want.ts'
import { WantDispatcher } from './want-dispatcher.ts'
import type { ProbeStats } from './held-wants.ts'
import type { WantDispatcherDeps, WantDispatcherInit } from './want-dispatcher.ts'
import type { WantType } from './pb/message.ts'
import type { SessionImpl } from './session.ts'
import type { Want } from './want.ts'
import type { Logger, PeerId } from '@libp2p/interface'

export interface WantManagerInit extends WantDispatcherInit {
  recentWantsMax: number
  maxWantsSentOnConnect: number
  /**
   * A want unanswered this long is sent again to the peers it was sent to, as boxo's clients
   * rebroadcast their wantlists: a server may have lost it (a reset stream, a send that timed
   * out, a restart) while still answering our other wants, so silence alone cannot tell
   */
  rebroadcastIntervalMs: number
}

export interface WantManagerDeps extends WantDispatcherDeps {
  /** Stores a verified block under the CID we asked for */
  store(cid: CID, bytes: Uint8Array): Promise<void>
  log: Logger
}

export type ReceiveResult = 'wanted' | 'duplicate' | 'unwanted'

/** How often wants are checked for peers that stopped at a relay's data limit */
const RELAY_CHECK_INTERVAL_MS = 1000

export class WantManager {
  readonly wants = new Map<string, Want>()
  /** key -> peers each asked for it, kept after the want ends so late copies are not lies */
  private readonly recent = new Map<string, true>()
  private readonly init: WantManagerInit
  private readonly deps: WantManagerDeps
  /** Where and when each want is asked */
  private readonly dispatcher: WantDispatcher
  private rebroadcastTimer?: ReturnType<typeof setInterval>
  private relayCheckTimer?: ReturnType<typeof setInterval>
  /** Wants sent again by the rebroadcast, for stats and tests */
  rebroadcasts = 0
  /** Probe outcomes (held-wants.ts) */
  readonly probeStats: ProbeStats

  constructor (init: WantManagerInit, deps: WantManagerDeps) {
    this.init = init
    this.deps = deps
    this.dispatcher = new WantDispatcher(this.wants, init, deps)
    this.probeStats = this.dispatcher.probeStats
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
      if (!this.dispatcher.hasLiveBlockPeer(want)) {
        idle.push(want)
        continue
      }
      want.sentAt = now
      this.rebroadcasts++
      for (const [id, peer] of want.asked) {
        if (!this.dispatcher.usable(peer)) continue
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
      want = createWant(cid, key)
      this.wants.set(key, want)
      want.sessions.add(session)
      session.wants.add(want)
      this.dispatch(want)
      this.dispatcher.scheduleSearch(want, this.init.providerSearchDelayMs)
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

  /** `peer` sent us a block or a presence (it is not silent) */
  heardFrom (peer: PeerId): void {
    this.dispatcher.heardFrom(peer)
  }

  onHave (peer: PeerId, cid: CID): void {
    this.dispatcher.onHave(peer, cid)
  }

  onDontHave (peer: PeerId, cid: CID): void {
    this.dispatcher.onDontHave(peer, cid)
  }

  /** The want a block from `peer` most likely answers (see the dispatcher's `likelyWant`) */
  likelyWant (peer: PeerId, prefix: Uint8Array): Want | undefined {
    return this.dispatcher.likelyWant(peer, prefix)
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
    for (const s of want.sessions) {
      s.wants.delete(want)
      if (from != null) s.addPeer(from, false)
    }
    this.dispatcher.ended(want, from)
  }

  /** What `peer` sent for `want` was lost before it could be checked: ask again, `peer` first */
  reask (want: Want, peer: PeerId): void {
    this.dispatcher.reask(want, peer)
  }

  /** The peer is gone or failed: whatever it was asked for goes elsewhere */
  peerLost (peer: PeerId, failed: boolean): void {
    const id = peer.toString()
    for (const want of this.wants.values()) {
      if (want.asked.has(id) || want.haves.has(id)) want.lost.set(id, peer)
      want.haves.delete(id)
      // whatever it was asked went with the connection: once back, it is asked again
      // (peerConnected), instead of counting as asked forever and never hearing from us
      want.asked.delete(id)
      want.dontHaves.delete(id)
      for (const s of want.sessions) s.peerLost(id)
    }
    this.dispatcher.peerLost(peer, failed)
  }

  /** A new peer: it hears what we still want, as want-have, unless it was already asked */
  peerConnected (peer: PeerId): void {
    if (this.deps.isBanned(peer)) return
    const id = peer.toString()
    this.dispatcher.peerConnected(id)
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

  /** Picks where to ask next (see the dispatcher's `dispatch`) */
  dispatch (want: Want): void {
    this.dispatcher.dispatch(want)
  }

  /** Some peer's load dropped: wants waiting for room go out, oldest first */
  dispatchDeferred (): void {
    this.dispatcher.dispatchDeferred()
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
    this.dispatcher.stop()
    for (const want of this.wants.values()) {
      clearTimeout(want.searchTimer)
      want.done = true
      want.reject(err)
    }
    this.wants.clear()
    this.recent.clear()
  }

  list (): CID[] {
    return [...this.wants.values()].map(w => w.cid)
  }
}
