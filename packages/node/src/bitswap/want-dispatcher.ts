/**
 * Where and when each of our wants is asked: the peer it goes to (`dispatch`), how many
 * want-blocks each peer has of ours and whether it may be asked at all, wants waiting for room at
 * a peer, HAVE and DONT_HAVE moving a want along, and wants that waited long (`widen`). Wants held
 * back from an origin are held-wants.ts's; the table of wants and their lifetime is the want
 * manager's (want-manager.ts), which owns this.
 */
import { equalBytes, keyOf } from './block-identity.ts'
import { HeldWants } from './held-wants.ts'
import { WANT_BLOCK, WANT_HAVE } from './pb/message.ts'
import type { HeldWantsDeps, HeldWantsInit, ProbeStats } from './held-wants.ts'
import type { Network } from './network.ts'
import type { Want } from './want.ts'
import type { PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

export interface WantDispatcherInit extends HeldWantsInit {
  optimisticWantBlockPeers: number
  maxOutstandingWantsPerPeer: number
  providerSearchDelayMs: number
  providerSearchIntervalMs: number
}

export interface WantDispatcherDeps extends HeldWantsDeps {
  network: Network
  isBanned(peer: PeerId): boolean
}

const STALL_MARGIN_MS = 10

export class WantDispatcher {
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
  private readonly held: HeldWants
  readonly probeStats: ProbeStats
  /** The want manager's table of wants, by key */
  private readonly wants: ReadonlyMap<string, Want>
  private readonly init: WantDispatcherInit
  private readonly deps: WantDispatcherDeps

  constructor (wants: ReadonlyMap<string, Want>, init: WantDispatcherInit, deps: WantDispatcherDeps) {
    this.wants = wants
    this.init = init
    this.deps = deps
    this.held = new HeldWants(init, deps, {
      wants,
      usable: (peer) => this.usable(peer),
      sendWantHave: (want, peer) => { this.sendWantHave(want, peer) },
      dispatch: (want) => { this.dispatch(want) }
    })
    this.probeStats = this.held.probeStats
  }

  scheduleSearch (want: Want, delayMs: number): void {
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

  usable (peer: PeerId): boolean {
    const id = peer.toString()
    const until = this.unreachable.get(id)
    if (until != null) {
      if (until > Date.now()) return false
      this.unreachable.delete(id)
    }
    return !this.deps.isBanned(peer) && this.deps.network.isConnected(peer)
  }

  hasLiveBlockPeer (want: Want): boolean {
    for (const [id, peer] of want.blockPeers) {
      if (this.usable(peer)) return true
      want.blockPeers.delete(id)
      this.load.get(id)?.delete(want.key)
    }
    return false
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
    this.held.forget(want)
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
      if (this.held.probe(want)) return
      const cappedBy = this.held.offerWholePeers(want, consider)
      if (best == null && cappedBy != null) {
        this.deferred.delete(want)
        this.held.hold(want, cappedBy)
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
    this.held.released(want)
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
    if (this.held.isHeld(want)) return
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

  /**
   * `want` ended (`from` sent its block, or nobody did): CANCEL goes to every other peer asked,
   * and the room its want-blocks took goes to held and deferred wants
   */
  ended (want: Want, from: PeerId | undefined): void {
    const fromId = from?.toString()
    for (const [id, peer] of want.asked) {
      this.load.get(id)?.delete(want.key)
      if (id !== fromId) this.deps.network.sendWants(peer, [{ cid: want.cid, wantType: WANT_BLOCK, cancel: true }])
    }
    this.deferred.delete(want)
    this.held.forget(want)
    this.held.released(want)
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

  /** The peer is gone or failed: the want-blocks it was asked for go elsewhere */
  peerLost (peer: PeerId, failed: boolean): void {
    const id = peer.toString()
    this.lastHeard.delete(id)
    if (failed) this.unreachable.set(id, Date.now() + 30_000)
    const keys = this.load.get(id)
    this.load.delete(id)
    if (keys != null) {
      for (const key of keys) {
        const want = this.wants.get(key)
        if (want == null) continue
        want.blockPeers.delete(id)
        this.dispatch(want)
        this.held.released(want)
      }
    }
    if (this.deferred.size > 0) this.dispatchDeferred()
  }

  /** The peer connected: a send that failed before no longer keeps it from being asked */
  peerConnected (id: string): void {
    this.unreachable.delete(id)
  }

  /** Some peer's load dropped: wants waiting for room go out, oldest first */
  dispatchDeferred (): void {
    for (const want of this.deferred) {
      this.dispatch(want)
      if (this.deferred.has(want)) return // still no room anywhere
    }
  }

  stop (): void {
    this.held.stop()
    this.deferred.clear()
    this.load.clear()
  }
}
