/**
 * What each remote peer wants from us (its wantlist) and what we have exchanged with it
 * (the ledger), and the per-peer loop that serves those wants from the block store.
 */
import { CID } from 'multiformats/cid'
import { hasCode } from '@cairn/interface'
import { keyOf } from './block-identity.ts'
import { PRESENCE_DONT_HAVE, PRESENCE_HAVE, WANT_BLOCK } from './pb/message.ts'
import type { Network } from './network.ts'
import type { Wantlist, WantType } from './pb/message.ts'
import type { BlockGetter, BlockHas } from '@cairn/interface'
import type { Logger, PeerId } from '@libp2p/interface'

export interface PeerWant {
  cid: CID
  priority: number
  wantType: WantType
  sendDontHave: boolean
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
      l.wantlist.clear()
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
      if (!l.wantlist.has(key) && l.wantlist.size >= this.init.maxWantlistEntries) {
        this.log('wantlist of %p is full, dropping %c', peer, cid)
        continue
      }
      l.wantlist.set(key, { cid, priority: e.priority, wantType: e.wantType, sendDontHave: e.sendDontHave })
      if (!l.queued.has(key)) {
        l.queued.add(key)
        l.tasks.push(key)
      }
    }
    this.kick(l)
  }

  /** Blocks just stored locally: answer every peer whose wantlist holds them */
  notify (blocks: Array<{ cid: CID, bytes: Uint8Array }>): void {
    for (const l of this.ledgers.values()) {
      for (const block of blocks) {
        const key = keyOf(block.cid)
        const want = l.wantlist.get(key)
        if (want == null) continue
        if (want.wantType === WANT_BLOCK) {
          l.wantlist.delete(key)
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
      const results = await Promise.all(batch.map(async ({ want }) => this.read(want)))
      for (let i = 0; i < batch.length; i++) {
        const { key, want } = batch[i]
        // cancelled or replaced while we were reading
        if (l.wantlist.get(key) !== want) continue
        const found = results[i]
        if (found === false) {
          if (want.sendDontHave) this.network.sendPresence(l.peer, want.cid, PRESENCE_DONT_HAVE)
        } else if (found === true) {
          this.network.sendPresence(l.peer, want.cid, PRESENCE_HAVE)
        } else {
          l.wantlist.delete(key)
          this.network.sendBlock(l.peer, want.cid, found)
        }
      }
      // bound memory: read no further ahead than what the stream is taking
      await this.network.waitForSpace(l.peer, this.init.maxSendQueueBytes)
    }
  }

  /** false: we do not have it; true: we have it (want-have); bytes: the block (want-block) */
  private async read (want: PeerWant): Promise<Uint8Array | boolean> {
    try {
      if (want.wantType !== WANT_BLOCK) return await this.blockstore.hasBlock(want.cid)
      return await this.blockstore.getBlock(want.cid)
    } catch (err) {
      if (!hasCode(err, 'ERR_NOT_FOUND')) this.log.error('reading %c failed - %e', want.cid, err)
      return false
    }
  }

  wantlistOf (peer: PeerId): CID[] {
    const l = this.ledgers.get(peer.toString())
    return l == null ? [] : [...l.wantlist.values()].map(w => w.cid)
  }
}
