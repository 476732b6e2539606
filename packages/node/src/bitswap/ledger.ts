/**
 * What each remote peer wants from us (its wantlist) and what we have exchanged with it
 * (the ledger), and the per-peer loop that serves those wants from the block store.
 */
import { CID } from 'multiformats/cid'
import { hasCode } from '@cairn/interface'
import { keyOf } from './block-identity.ts'
import { PRESENCE_DONT_HAVE, PRESENCE_HAVE, WANT_BLOCK } from './pb/message.ts'
import type { Network } from './network.ts'
import type { ServeBudget } from './serve-budget.ts'
import type { Wantlist, WantType } from './pb/message.ts'
import type { BlockGetter, BlockHas } from '@cairn/interface'
import type { Logger, PeerId } from '@libp2p/interface'

/** A peer's share of the serving budget never drops below one 256 KiB block */
const MIN_PEER_SHARE_BYTES = 256 * 1024

/** Pause before blocks whose sends failed are served again */
const UNSENT_RETRY_MS = 1_000

export interface PeerWant {
  cid: CID
  priority: number
  wantType: WantType
  sendDontHave: boolean
  /**
   * Its block is queued for the peer: the entry stays until the stream has taken the block, so
   * a send that fails puts it back to be served again instead of losing it
   */
  sending?: boolean
}

export interface LedgerStats {
  blocksSent: number
  dataSent: number
  blocksReceived: number
  dataReceived: number
}

export class PeerLedger implements LedgerStats {
  readonly peer: PeerId
  readonly wantlist = new Map<string, PeerWant>()
  /** Keys to answer, oldest first; an entry may since have been cancelled */
  readonly tasks: string[] = []
  readonly queued = new Set<string>()
  /**
   * want-haves to answer, apart from `tasks`: a presence must not wait behind the block reads
   * queued before it, nor for the peer's send queue to drain (a replica probing us decides
   * whether to ask the origin by how soon we answer)
   */
  readonly haveTasks: string[] = []
  readonly haveQueued = new Set<string>()
  answering = false
  serving = false
  blocksSent = 0
  dataSent = 0
  blocksReceived = 0
  dataReceived = 0

  constructor (peer: PeerId) {
    this.peer = peer
  }
}

export interface ServerInit {
  maxWantlistEntries: number
  serveReadConcurrency: number
  maxSendQueueBytes: number
  /** The node-wide budget every peer's reads and queued blocks are charged to */
  budget: ServeBudget
  /**
   * We are fetching this block ourselves (a want-block of ours is out for it): a want-have for it
   * gets no DONT_HAVE, and the HAVE follows when it arrives (`notify`). A replica probing us for a
   * block we are about to have would otherwise ask the origin for it too.
   */
  fetching?(key: string): boolean
}

export class Server {
  private readonly ledgers = new Map<string, PeerLedger>()
  private readonly blockstore: BlockGetter & BlockHas
  private readonly network: Network
  private readonly init: ServerInit
  private readonly log: Logger

  constructor (blockstore: BlockGetter & BlockHas, network: Network, init: ServerInit, log: Logger) {
    this.blockstore = blockstore
    this.network = network
    this.init = init
    this.log = log
  }

  ledgerFor (peer: PeerId): PeerLedger {
    const id = peer.toString()
    let l = this.ledgers.get(id)
    if (l == null) {
      l = new PeerLedger(peer)
      this.ledgers.set(id, l)
    }
    return l
  }

  peekLedger (peer: PeerId): PeerLedger | undefined {
    return this.ledgers.get(peer.toString())
  }

  /** A peer that goes takes its wantlist and ledger with it (the service keeps the totals) */
  peerGone (peer: PeerId): void {
    const l = this.ledgers.get(peer.toString())
    if (l == null) return
    l.wantlist.clear()
    l.tasks.length = 0
    l.queued.clear()
    this.ledgers.delete(peer.toString())
  }

  clear (): void {
    this.ledgers.clear()
  }

  onWantlist (peer: PeerId, wantlist: Wantlist): void {
    const l = this.ledgerFor(peer)
    if (wantlist.full) {
      // a block already on its way stays on its way; the rest is replaced
      for (const [key, want] of l.wantlist) if (want.sending !== true) l.wantlist.delete(key)
    }
    for (const e of wantlist.entries) {
      let cid: CID
      try {
        cid = CID.decode(e.cid)
      } catch (err) {
        this.log('ignoring undecodable CID in wantlist from %p - %e', peer, err)
        continue
      }
      const key = keyOf(cid)
      if (e.cancel) {
        l.wantlist.delete(key)
        continue
      }
      const existing = l.wantlist.get(key)
      if (existing == null && l.wantlist.size >= this.init.maxWantlistEntries) {
        this.log('wantlist of %p is full, dropping %c', peer, cid)
        continue
      }
      // a repeat (a client rebroadcasting its wantlist) of a want whose block is queued already
      if (existing?.sending === true && (existing.wantType === WANT_BLOCK || e.wantType !== WANT_BLOCK)) continue
      l.wantlist.set(key, { cid, priority: e.priority, wantType: e.wantType, sendDontHave: e.sendDontHave })
      if (e.wantType !== WANT_BLOCK) {
        if (!l.haveQueued.has(key)) {
          l.haveQueued.add(key)
          l.haveTasks.push(key)
        }
      } else if (!l.queued.has(key)) {
        l.queued.add(key)
        l.tasks.push(key)
      }
    }
    this.answerHaves(l)
    this.kick(l)
  }

  /** Answers the peer's want-haves in arrival order, a batch of lookups at a time */
  private answerHaves (l: PeerLedger): void {
    if (l.answering || l.haveTasks.length === 0) return
    l.answering = true
    void (async () => {
      while (l.haveTasks.length > 0 && this.network.isRunning()) {
        const batch = l.haveTasks.splice(0, this.init.serveReadConcurrency * 4)
        for (const key of batch) l.haveQueued.delete(key)
        const wants = batch.flatMap(key => {
          const want = l.wantlist.get(key)
          return want != null && want.wantType !== WANT_BLOCK ? [{ key, want }] : []
        })
        const found = await Promise.all(wants.map(async ({ want }) => this.read(want)))
        wants.forEach(({ key, want }, i) => {
          // cancelled, or made a want-block (then `serve` answers it) meanwhile
          if (l.wantlist.get(key) !== want) return
          if (found[i] === true) this.network.sendPresence(l.peer, want.cid, PRESENCE_HAVE)
          else if (want.sendDontHave && this.init.fetching?.(key) !== true) this.network.sendPresence(l.peer, want.cid, PRESENCE_DONT_HAVE)
        })
      }
    })().catch(err => { this.log.error('answering want-haves of %p failed - %e', l.peer, err) })
      .finally(() => {
        l.answering = false
        if (l.haveTasks.length > 0 && this.network.isRunning()) this.answerHaves(l)
      })
  }

  /** Blocks just stored locally: answer every peer whose wantlist holds them */
  notify (blocks: Array<{ cid: CID, bytes: Uint8Array }>): void {
    for (const l of this.ledgers.values()) {
      for (const block of blocks) {
        const key = keyOf(block.cid)
        const want = l.wantlist.get(key)
        if (want == null || want.sending === true) continue
        if (want.wantType === WANT_BLOCK) {
          want.sending = true
          this.network.sendBlock(l.peer, want.cid, block.bytes)
        } else {
          this.network.sendPresence(l.peer, want.cid, PRESENCE_HAVE)
        }
      }
    }
  }

  private kick (l: PeerLedger): void {
    if (l.serving || l.tasks.length === 0) return
    l.serving = true
    this.serve(l)
      .catch(err => { this.log.error('serving %p failed - %e', l.peer, err) })
      .finally(() => {
        l.serving = false
        if (l.tasks.length > 0 && this.network.isRunning()) this.kick(l)
      })
  }

  private async serve (l: PeerLedger): Promise<void> {
    while (l.tasks.length > 0 && this.network.isRunning()) {
      const batch: Array<{ key: string, want: PeerWant }> = []
      while (l.tasks.length > 0 && batch.length < this.init.serveReadConcurrency) {
        const key = l.tasks.shift() as string
        l.queued.delete(key)
        const want = l.wantlist.get(key)
        if (want != null) batch.push({ key, want })
      }
      // reads start together; each block is handed on as soon as it and those before it are
      // read (in order, as clients expect), so no block waits for the whole batch while holding
      // budget that a later read of the batch is waiting for
      const reads = batch.map(async ({ want }) => this.read(want))
      for (let i = 0; i < batch.length; i++) {
        const { key, want } = batch[i]
        const found = await reads[i]
        // cancelled or replaced while we were reading
        if (l.wantlist.get(key) !== want || want.sending === true || !this.network.isRunning()) {
          if (found instanceof Uint8Array) this.init.budget.release(found.byteLength)
          continue
        }
        if (found === false) {
          if (want.sendDontHave) this.network.sendPresence(l.peer, want.cid, PRESENCE_DONT_HAVE)
        } else if (found === true) {
          this.network.sendPresence(l.peer, want.cid, PRESENCE_HAVE)
        } else {
          want.sending = true
          this.network.sendBlock(l.peer, want.cid, found, found.byteLength)
        }
      }
      // bound memory: read no further ahead than what the stream is taking, and leave the
      // budget to others: a peer that reads slowly holds at most its share of it
      await this.network.waitForSpace(l.peer, this.peerShareBytes())
    }
  }

  /**
   * What one peer may have queued: `maxSendQueueBytes`, or less when many peers are served at
   * once, so that peers slow to read (whose queued blocks stay charged until their streams take
   * them) cannot hold the whole budget between them
   */
  private peerShareBytes (): number {
    let serving = 0
    for (const l of this.ledgers.values()) if (l.serving) serving++
    return Math.max(MIN_PEER_SHARE_BYTES, Math.min(this.init.maxSendQueueBytes, Math.floor(this.init.budget.maxBytes / Math.max(1, serving))))
  }

  /**
   * false: we do not have it; true: we have it (want-have); bytes: the block (want-block), held
   * against the serving budget until the stream takes it (or it is dropped)
   */
  private async read (want: PeerWant): Promise<Uint8Array | boolean> {
    if (want.wantType !== WANT_BLOCK) {
      try {
        return await this.blockstore.hasBlock(want.cid)
      } catch (err) {
        this.log.error('looking up %c failed - %e', want.cid, err)
        return false
      }
    }
    await this.init.budget.acquireRead()
    let bytes: Uint8Array | undefined
    try {
      bytes = await this.blockstore.getBlock(want.cid)
      return bytes
    } catch (err) {
      if (!hasCode(err, 'ERR_NOT_FOUND')) this.log.error('reading %c failed - %e', want.cid, err)
      return false
    } finally {
      this.init.budget.readDone(bytes?.byteLength ?? 0)
    }
  }

  /** The stream took these blocks: their wants are answered */
  sent (peer: PeerId, cids: CID[]): void {
    const l = this.ledgers.get(peer.toString())
    if (l == null) return
    for (const cid of cids) {
      const key = keyOf(cid)
      if (l.wantlist.get(key)?.sending === true) l.wantlist.delete(key)
    }
  }

  /** These blocks could not be sent: the peer still wants them, so they are served again */
  unsent (peer: PeerId, cids: CID[]): void {
    const l = this.ledgers.get(peer.toString())
    if (l == null) return
    for (const cid of cids) {
      const key = keyOf(cid)
      const want = l.wantlist.get(key)
      if (want?.sending !== true) continue
      want.sending = false
      if (!l.queued.has(key)) {
        l.queued.add(key)
        l.tasks.push(key)
      }
    }
    // not at once: the sends just failed several times over. Served after a pause if the peer
    // is still there, else by its next wantlist message (a client rebroadcasts) or never (it left)
    const timer = setTimeout(() => { if (this.ledgers.get(peer.toString()) === l && this.network.isConnected(peer)) this.kick(l) }, UNSENT_RETRY_MS)
    timer.unref?.()
  }

  /** Peers whose wantlist holds `key`: they are fetching the block too */
  peersWanting (key: string): string[] {
    const ids: string[] = []
    for (const [id, l] of this.ledgers) if (l.wantlist.has(key)) ids.push(id)
    return ids
  }

  wantlistOf (peer: PeerId): CID[] {
    const l = this.ledgers.get(peer.toString())
    return l == null ? [] : [...l.wantlist.values()].map(w => w.cid)
  }
}
