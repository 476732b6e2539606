/**
 * A retrieval session: the wants of one DAG fetch. It learns which peers hold the DAG (those
 * that sent blocks or HAVE) and asks them first, keeps a bounded window of wants on the network
 * so a large file streams instead of moving one block per round trip, and searches routing for
 * providers when connected peers do not have what it needs.
 */
import { AbortError, TimeoutError, UnsupportedHashError } from '@cairn/interface'
import { isSupportedHash } from './block-identity.ts'
import type { Want } from './want.ts'
import type { WantManager } from './want-manager.ts'
import type { BitswapSession } from './index.ts'
import type { Network } from './network.ts'
import type { AbortOptions, Logger, PeerId, PeerStore } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'

export interface SessionInit {
  wantsInFlight: number
  wantTimeoutMs: number
  maxProvidersPerSearch: number
  providerSearchDelayMs: number
  dialTimeoutMs: number
  /** See `SessionOptions.swarm` */
  swarm?: boolean
}

export interface SessionDeps {
  manager: WantManager
  network: Network
  local(cid: CID, options: AbortOptions): Promise<Uint8Array | undefined>
  routing?: { findProviders(cid: CID, options?: AbortOptions): AsyncIterable<{ id: PeerId, multiaddrs: Multiaddr[] }> }
  peerStore?: Pick<PeerStore, 'merge'>
  self: PeerId
  isBanned(peer: PeerId): boolean
  isRunning(): boolean
  log: Logger
}

/** Peers that said DONT_HAVE and nothing else yet, asked whether they have each want (want-have) */
const MAX_CANDIDATES = 16
/** A candidate that said DONT_HAVE this often without a HAVE or a block holds none of the DAG: not asked again */
const CANDIDATE_MAX_MISSES = 256

export class SessionImpl implements BitswapSession {
  /** Peers that sent a block or HAVE for one of our wants */
  readonly peers = new Map<string, PeerId>()
  /**
   * Session peers and candidates that said DONT_HAVE to one of our wants: they hold part of the
   * DAG at most (a node fetching it too); the others hold all of it as far as we know
   */
  readonly partial = new Set<string>()
  /**
   * Peers that said DONT_HAVE and nothing else: a node that will have part of the DAG soon (a
   * replica fetching it too) or none of it. Asked whether they have each want, without waiting
   * for their answer; one that says HAVE becomes a session peer.
   */
  readonly candidates = new Map<string, { peer: PeerId, misses: number }>()
  private readonly ignored = new Set<string>()
  readonly wants = new Set<Want>()
  /** Wants held back by the `swarm` limit at a whole-DAG peer, oldest first */
  readonly capped = new Set<Want>()
  readonly swarm: boolean
  private readonly init: SessionInit
  private readonly deps: SessionDeps
  private readonly controller = new AbortController()
  private inFlight = 0
  private readonly slotWaiters: Array<() => void> = []
  private searching = false
  private lastSearch = 0

  private readonly callerSignal?: AbortSignal
  private readonly onCallerAbort = (): void => { this.close() }

  constructor (init: SessionInit, deps: SessionDeps, signal?: AbortSignal) {
    this.init = init
    this.deps = deps
    this.swarm = init.swarm === true
    this.callerSignal = signal
    if (signal != null) {
      if (signal.aborted) this.close()
      else signal.addEventListener('abort', this.onCallerAbort, { once: true })
    }
  }

  async want (cid: CID, options: AbortOptions = {}): Promise<Uint8Array> {
    const callerSignals = [this.controller.signal]
    if (options.signal != null) callerSignals.push(options.signal)
    let signal = AbortSignal.any(callerSignals)
    // the want timeout runs from when the want goes out, not while it waits for a window slot
    let timeout: AbortSignal | undefined
    const failure = (): Error => {
      const reason = signal.reason
      if (options.signal?.aborted === true) {
        return (reason as Error)?.name === 'TimeoutError'
          ? new TimeoutError(`Timed out fetching ${cid}`, { cause: reason })
          : new AbortError(`Fetching ${cid} was aborted`, { cause: reason })
      }
      if (timeout?.aborted === true) return new TimeoutError(`No peer sent ${cid} within ${this.init.wantTimeoutMs} ms`)
      return new AbortError(`Session closed while fetching ${cid}`)
    }
    if (signal.aborted || !this.deps.isRunning()) throw signal.aborted ? failure() : new AbortError('Bitswap is not running')

    const local = await this.deps.local(cid, { signal })
    if (local != null) return local
    // a block we could not verify is a block we must not accept: fail now, not at the timeout
    if (!isSupportedHash(cid.multihash.code)) throw new UnsupportedHashError(`Cannot verify ${cid}: multihash code 0x${cid.multihash.code.toString(16)} is not supported`)

    await this.acquire(signal, failure)
    // a timer cleared when the want ends: AbortSignal.timeout would keep one alive per block
    const expiry = new AbortController()
    const timer = setTimeout(() => { expiry.abort() }, this.init.wantTimeoutMs)
    timeout = expiry.signal
    signal = AbortSignal.any([signal, timeout])
    try {
      const want = this.deps.manager.add(cid, this)
      let onAbort: (() => void) | undefined
      try {
        return await new Promise<Uint8Array>((resolve, reject) => {
          onAbort = () => {
            const err = failure()
            this.deps.manager.release(want, this, err)
            reject(err)
          }
          if (signal.aborted) { onAbort(); return }
          signal.addEventListener('abort', onAbort, { once: true })
          want.promise.then(bytes => {
            want.waiters--
            resolve(bytes)
          }, reject)
        })
      } finally {
        if (onAbort != null) signal.removeEventListener('abort', onAbort)
      }
    } finally {
      clearTimeout(timer)
      this.releaseSlot()
    }
  }

  private async acquire (signal: AbortSignal, failure: () => Error): Promise<void> {
    while (this.inFlight >= this.init.wantsInFlight) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const i = this.slotWaiters.indexOf(wake)
          if (i >= 0) this.slotWaiters.splice(i, 1)
          reject(failure())
        }
        const wake = (): void => {
          signal.removeEventListener('abort', onAbort)
          resolve()
        }
        if (signal.aborted) { reject(failure()); return }
        signal.addEventListener('abort', onAbort, { once: true })
        this.slotWaiters.push(wake)
      })
    }
    this.inFlight++
  }

  private releaseSlot (): void {
    this.inFlight--
    this.slotWaiters.shift()?.()
  }

  addPeer (peer: PeerId, redispatch = true): void {
    if (peer.equals(this.deps.self) || this.deps.isBanned(peer)) return
    const id = peer.toString()
    if (this.peers.has(id)) return
    this.peers.set(id, peer)
    this.candidates.delete(id)
    if (redispatch) this.deps.manager.dispatchSession(this)
  }

  /** `peer` said DONT_HAVE to one of our wants */
  noteDontHave (peer: PeerId): void {
    if (peer.equals(this.deps.self) || this.deps.isBanned(peer)) return
    const id = peer.toString()
    if (this.peers.has(id)) {
      this.partial.add(id)
      return
    }
    if (this.ignored.has(id)) return
    let c = this.candidates.get(id)
    if (c == null) {
      if (this.candidates.size >= MAX_CANDIDATES) return
      c = { peer, misses: 0 }
      this.candidates.set(id, c)
      this.partial.add(id)
    }
    if (++c.misses >= CANDIDATE_MAX_MISSES) {
      this.candidates.delete(id)
      this.partial.delete(id)
      this.ignored.add(id)
    }
  }

  /**
   * `peer` asked us for one of this session's blocks: it is fetching the same DAG, so it holds
   * part of it (a partial peer, asked whether it has each want)
   */
  notePeerFetching (peer: PeerId): void {
    if (peer.equals(this.deps.self) || this.deps.isBanned(peer)) return
    const id = peer.toString()
    if (this.partial.has(id) || this.ignored.has(id)) return
    if (this.peers.has(id)) {
      this.partial.add(id)
      return
    }
    if (this.candidates.size >= MAX_CANDIDATES) return
    this.candidates.set(id, { peer, misses: 0 })
    this.partial.add(id)
  }

  /** The connection to `id` went: it is no longer asked (it rejoins by answering again) */
  peerLost (id: string): void {
    this.peers.delete(id)
    this.candidates.delete(id)
    this.partial.delete(id)
  }

  /** Looks `cid` up in routing, dials what it finds and makes those peers session peers */
  findProviders (cid: CID): void {
    const routing = this.deps.routing
    if (routing == null || this.searching || this.controller.signal.aborted) return
    // one search at a time per session, and not more often than the search delay
    if (Date.now() - this.lastSearch < this.init.providerSearchDelayMs) return
    this.searching = true
    this.lastSearch = Date.now()
    const log = this.deps.log
    Promise.resolve().then(async () => {
      let found = 0
      for await (const provider of routing.findProviders(cid, { signal: this.controller.signal })) {
        if (provider.id.equals(this.deps.self) || this.deps.isBanned(provider.id)) continue
        try {
          if (!this.deps.network.isConnected(provider.id)) {
            if (provider.multiaddrs.length > 0 && this.deps.peerStore != null) {
              await this.deps.peerStore.merge(provider.id, { multiaddrs: provider.multiaddrs })
            }
            await this.deps.network.dial(provider.id, AbortSignal.any([this.controller.signal, AbortSignal.timeout(this.init.dialTimeoutMs)]))
          }
        } catch (err) {
          log('could not dial provider %p of %c - %e', provider.id, cid, err)
          continue
        }
        log('provider %p of %c connected', provider.id, cid)
        this.addPeer(provider.id)
        if (++found >= this.init.maxProvidersPerSearch) break
      }
    })
      .catch(err => { if (!this.controller.signal.aborted) log('provider search for %c failed - %e', cid, err) })
      .finally(() => { this.searching = false })
  }

  close (): void {
    if (this.controller.signal.aborted) return
    // a long-lived caller signal must not collect a listener per session
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort)
    this.controller.abort(new AbortError('Session closed'))
  }
}
