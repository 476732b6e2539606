/**
 * The outbound half of Bitswap's streams: what waits to go to each peer (wantlist changes,
 * presences and blocks, merged until the send loop takes them), the one long-lived stream per
 * peer they go on (moved off a relayed connection once a direct one exists), the send loop with
 * its retries, and the assembly of messages below the size limit in the shape the peer's protocol
 * version can carry. The Network owns one; relayed streams are metered by its RelayAllowance.
 */
import { CID } from 'multiformats/cid'
import { BITSWAP_100, BITSWAP_120, BITSWAP_PROTOCOLS } from './constants.ts'
import { cidToPrefix, keyOf } from './block-identity.ts'
import { emptyMessage, encodeFrame, payloadBlockSize, presenceSize, rawBlockSize, wantlistEntrySize, WANT_BLOCK } from './pb/message.ts'
import type { BitswapComponents } from './index.ts'
import type { NetworkHandlers, NetworkInit } from './network.ts'
import type { RelayAllowance } from './relay-allowance.ts'
import type { BitswapMessage, BlockPresence, PresenceType, WantlistEntry, WantType } from './pb/message.ts'
import type { Connection, Logger, PeerId, Stream } from '@libp2p/interface'

export interface OutgoingBlock {
  cid: CID
  data: Uint8Array
  /** Bytes charged to the serving budget for it, released once the stream has taken it */
  charged: number
}

/** A wantlist change for one peer */
export interface OutgoingWant {
  cid: CID
  wantType: WantType
  cancel?: boolean
  priority?: number
}

/** Sends to a peer that fail while it stays connected are retried this many times in all */
const SEND_ATTEMPTS = 3
/** Wait before the first retry; doubled for each later one */
const SEND_RETRY_DELAY_MS = 250

/**
 * How long a message may take to reach the stream, as boxo's `sendTimeout`: 2 s of latency plus
 * the message at 100 kbit/s, between 10 s and 2 min. A busy receiver reading 2 MiB messages
 * slowly is not a dead one: a fixed 10 s aborted streams (and dropped what was queued on them)
 * under load.
 */
export function sendTimeoutMs (bytes: number): number {
  return Math.min(120_000, Math.max(10_000, 2_000 + Math.ceil(bytes / 12_500) * 1000))
}

/** What is waiting to go to one peer; merged until the send loop takes it */
class PeerQueue {
  readonly peer: PeerId
  readonly entries = new Map<string, WantlistEntry>()
  readonly presences = new Map<string, BlockPresence>()
  readonly blocks: OutgoingBlock[] = []
  blockBytes = 0
  stream?: Stream
  /** The stream runs over a relayed (limited) connection: it moves once a direct one exists */
  streamLimited = false
  sending = false
  /** Consecutive failed sends while the peer stayed connected */
  failures = 0
  idleTimer?: ReturnType<typeof setTimeout>
  readonly spaceWaiters: Array<() => void> = []

  constructor (peer: PeerId) {
    this.peer = peer
  }

  isEmpty (): boolean {
    return this.entries.size === 0 && this.presences.size === 0 && this.blocks.length === 0
  }
}

/** What the Outbox uses of the Network that owns it */
export interface OutboxDeps {
  components: BitswapComponents
  handlers: NetworkHandlers
  relay: RelayAllowance
  log: Logger
  /** Nothing is queued or sent once the Network stops */
  isRunning(): boolean
  isConnected(peer: PeerId): boolean
  /** Whether `peer` is among the Network's connected Bitswap peers */
  isPeer(peer: PeerId): boolean
  /** A stream to `peer` opened: it speaks Bitswap */
  addPeer(peer: PeerId): void
}

export class Outbox {
  private readonly init: NetworkInit
  private readonly deps: OutboxDeps
  private readonly components: BitswapComponents
  private readonly handlers: NetworkHandlers
  private readonly relay: RelayAllowance
  private readonly log: Logger
  private readonly queues = new Map<string, PeerQueue>()

  constructor (init: NetworkInit, deps: OutboxDeps) {
    this.init = init
    this.deps = deps
    this.components = deps.components
    this.handlers = deps.handlers
    this.relay = deps.relay
    this.log = deps.log
  }

  /** Ends every peer's stream and drops what was queued (the Network stopped) */
  stop (): void {
    for (const q of this.queues.values()) {
      clearTimeout(q.idleTimer)
      q.stream?.abort(new Error('Bitswap stopped'))
      this.dropBlocks(q)
      for (const w of q.spaceWaiters.splice(0)) w()
    }
    this.queues.clear()
  }

  /** Ends the peer's stream and drops what was queued for it (it disconnected) */
  removePeer (peer: PeerId): void {
    const id = peer.toString()
    const q = this.queues.get(id)
    if (q != null) {
      clearTimeout(q.idleTimer)
      q.stream?.abort(new Error('Peer disconnected'))
      q.stream = undefined
      this.dropBlocks(q)
      for (const w of q.spaceWaiters.splice(0)) w()
      this.queues.delete(id)
    }
  }

  private queueFor (peer: PeerId): PeerQueue {
    const id = peer.toString()
    let q = this.queues.get(id)
    if (q == null) {
      q = new PeerQueue(peer)
      this.queues.set(id, q)
    }
    return q
  }

  sendWants (peer: PeerId, entries: OutgoingWant[]): void {
    if (!this.deps.isRunning() || this.handlers.isBanned(peer)) return
    const q = this.queueFor(peer)
    for (const e of entries) {
      const key = keyOf(e.cid)
      const existing = q.entries.get(key)
      // a want-block queued for this peer is not downgraded by a later want-have
      const wantType = existing != null && !existing.cancel && e.cancel !== true && existing.wantType === WANT_BLOCK ? WANT_BLOCK : e.wantType
      q.entries.set(key, {
        cid: e.cid.bytes,
        priority: e.priority ?? 1,
        cancel: e.cancel === true,
        wantType,
        sendDontHave: e.cancel !== true
      })
    }
    this.kick(q)
  }

  sendPresence (peer: PeerId, cid: CID, type: PresenceType): void {
    if (!this.deps.isRunning()) return
    const q = this.queueFor(peer)
    q.presences.set(keyOf(cid), { cid: cid.bytes, type })
    this.kick(q)
  }

  /** Queues a block; `charged`: bytes of it held against the serving budget */
  sendBlock (peer: PeerId, cid: CID, data: Uint8Array, charged = 0): void {
    if (!this.deps.isRunning()) {
      this.init.budget.release(charged)
      return
    }
    const q = this.queueFor(peer)
    q.blocks.push({ cid, data, charged })
    q.blockBytes += data.byteLength
    this.kick(q)
  }

  /** Resolves once the bytes queued for `peer` drop below `maxBytes` */
  async waitForSpace (peer: PeerId, maxBytes: number): Promise<void> {
    const q = this.queues.get(peer.toString())
    while (q != null && this.deps.isRunning() && q.blockBytes > maxBytes && this.queues.get(peer.toString()) === q) {
      await new Promise<void>(resolve => { q.spaceWaiters.push(resolve) })
    }
  }

  private kick (q: PeerQueue): void {
    if (q.sending) return
    q.sending = true
    // wait out the current turn of the event loop: wants released together (one incoming
    // message resolves several) then leave in one message instead of one message each
    new Promise<void>(resolve => { setImmediate(resolve) })
      .then(async () => this.sendLoop(q))
      .then(() => { q.failures = 0 }, async err => {
        q.failures++
        if (this.deps.isRunning() && q.failures < SEND_ATTEMPTS && this.deps.isConnected(q.peer) && this.queues.get(q.peer.toString()) === q) {
          // still connected: a stream failed, not the peer. What was queued stays queued (the
          // failed message was put back) and goes on a new stream after a pause
          this.log('sending to %p failed (attempt %d), retrying - %e', q.peer, q.failures, err)
          await new Promise(resolve => setTimeout(resolve, SEND_RETRY_DELAY_MS * 2 ** (q.failures - 1)))
          return
        }
        this.log.error('sending to %p failed - %e', q.peer, err)
        q.failures = 0
        // our own wants are asked elsewhere (onSendFailed); blocks we owe go back to the peer's
        // wantlist, to be served when it can be reached again
        q.entries.clear()
        q.presences.clear()
        const unsent = this.dropBlocks(q)
        clearTimeout(q.idleTimer)
        if (!this.deps.isPeer(q.peer)) this.queues.delete(q.peer.toString())
        if (unsent.length > 0) this.handlers.onBlocksUnsent(q.peer, unsent)
        this.handlers.onSendFailed(q.peer, err)
      })
      .finally(() => {
        q.sending = false
        for (const w of q.spaceWaiters.splice(0)) w()
        if (!q.isEmpty() && this.queues.get(q.peer.toString()) === q) this.kick(q)
      })
  }

  /** Forgets the blocks queued for `q`, releasing their budget; returns their CIDs */
  private dropBlocks (q: PeerQueue): CID[] {
    const cids: CID[] = []
    for (const b of q.blocks.splice(0)) {
      this.init.budget.release(b.charged)
      cids.push(b.cid)
    }
    q.blockBytes = 0
    return cids
  }

  private async sendLoop (q: PeerQueue): Promise<void> {
    while (!q.isEmpty() && this.deps.isRunning()) {
      const stream = await this.streamFor(q)
      let cap: number | undefined
      if (q.streamLimited) {
        this.relay.check(q.peer)
        cap = this.relay.messageCap(q.peer)
      }
      const taken = this.takeMessage(q, stream.protocol, cap)
      for (const w of q.spaceWaiters.splice(0)) w()
      if (taken == null) continue
      const { message, blocks, entries, presences } = taken
      let bytes = 0
      for (const b of blocks) bytes += b.data.byteLength
      const frame = encodeFrame(message)
      try {
        if (!stream.send(frame)) {
          await stream.onDrain({ signal: AbortSignal.timeout(sendTimeoutMs(frame.byteLength)) })
        }
      } catch (err) {
        q.stream = undefined
        stream.abort(err as Error)
        // whether any of it arrived is unknown: all of it goes again (the peer ignores repeats)
        q.blocks.unshift(...blocks)
        q.blockBytes += bytes
        for (const [key, e] of entries) if (!q.entries.has(key)) q.entries.set(key, e)
        for (const [key, p] of presences) if (!q.presences.has(key)) q.presences.set(key, p)
        throw err
      }
      if (q.streamLimited) this.relay.sent(q.peer, frame.byteLength)
      let charged = 0
      for (const b of blocks) charged += b.charged
      this.init.budget.release(charged)
      if (blocks.length > 0) this.handlers.onBlocksSent(q.peer, blocks.map(b => b.cid), bytes)
      this.armIdleTimer(q, stream)
    }
  }

  private armIdleTimer (q: PeerQueue, stream: Stream): void {
    clearTimeout(q.idleTimer)
    q.idleTimer = setTimeout(() => {
      if (q.stream === stream && !q.sending) {
        q.stream = undefined
        stream.close().catch(err => { stream.abort(err) })
      }
    }, this.init.streamIdleTimeoutMs)
    q.idleTimer.unref?.()
  }

  private async streamFor (q: PeerQueue): Promise<Stream> {
    const open = (c: Connection): boolean => c.status === 'open'
    if (q.stream != null && q.stream.status === 'open' && q.stream.writeStatus === 'writable') {
      if (!q.streamLimited) return q.stream
      // the relayed connection was upgraded (DCUtR) or a direct one came: move the traffic there
      if (!this.components.connectionManager.getConnections(q.peer).some(c => open(c) && c.limits == null)) return q.stream
      q.stream.close().catch(() => {})
    }
    q.stream = undefined
    const signal = AbortSignal.timeout(this.init.dialTimeoutMs)
    const connections = this.components.connectionManager.getConnections(q.peer).filter(open)
    // a direct connection first; a relayed one already open rather than a second relayed dial
    let conn = connections.find(c => c.limits == null) ?? connections[0] ?? await this.components.connectionManager.openConnection(q.peer, { signal })
    // relayed: where a hole is being punched (WebRTC), wait for it rather than spend the relay's
    // data limit on the first blocks
    if (conn.limits != null) conn = (await this.relay.awaitDirect(q.peer, signal)) ?? conn
    const limited = conn.limits != null
    if (limited) this.relay.check(q.peer, conn)
    const stream = await conn.newStream(BITSWAP_PROTOCOLS, { signal, runOnLimitedConnection: true })
    q.streamLimited = limited
    if (limited) this.relay.bitswapOn(conn)
    // we never read outbound streams; whatever arrives is dropped
    stream.addEventListener('close', () => { if (q.stream === stream) q.stream = undefined })
    q.stream = stream
    this.deps.addPeer(q.peer)
    return stream
  }

  /**
   * Takes what fits in one message, in the shape the negotiated protocol version can carry, with
   * what it was made of (to put back if the send fails)
   */
  private takeMessage (q: PeerQueue, protocol: string, cap = Infinity): { message: BitswapMessage, blocks: OutgoingBlock[], entries: Map<string, WantlistEntry>, presences: Map<string, BlockPresence> } | undefined {
    const message = emptyMessage()
    const blocks: OutgoingBlock[] = []
    const takenEntries = new Map<string, WantlistEntry>()
    const takenPresences = new Map<string, BlockPresence>()
    let budget = Math.min(this.init.maxMessageBytes, cap) - 16
    const v120 = protocol === BITSWAP_120
    const v100 = protocol === BITSWAP_100

    if (q.entries.size > 0) {
      const entries: WantlistEntry[] = []
      for (const [key, e] of q.entries) {
        const size = wantlistEntrySize(e)
        if (size > budget) break
        q.entries.delete(key)
        takenEntries.set(key, { ...e })
        if (!v120) {
          // older peers know no want-have; asking them for the block is the only way to learn
          e.wantType = WANT_BLOCK
          e.sendDontHave = false
          if (v100) {
            const cid = CID.decode(e.cid)
            if (cid.version !== 0 && (cid.code !== 0x70 || cid.multihash.code !== 0x12)) continue
            e.cid = cid.toV0().bytes
          }
        }
        entries.push(e)
        budget -= size
      }
      message.wantlist = { entries, full: false }
    }

    if (q.presences.size > 0) {
      for (const [key, p] of q.presences) {
        const size = presenceSize(p)
        if (size > budget) break
        q.presences.delete(key)
        takenPresences.set(key, p)
        if (v120) message.blockPresences.push(p)
      }
    }

    let blockCount = 0
    while (q.blocks.length > 0) {
      const b = q.blocks[0]
      if (v100 && b.cid.multihash.code !== 0x12) {
        // a Bitswap 1.0.0 peer cannot be sent it at all: it counts as answered
        q.blocks.shift()
        q.blockBytes -= b.data.byteLength
        this.init.budget.release(b.charged)
        this.handlers.onBlocksSent(q.peer, [b.cid], 0)
        continue
      }
      const block = v100 ? undefined : { prefix: cidToPrefix(b.cid), data: b.data }
      const size = block != null ? payloadBlockSize(block) : rawBlockSize(b.data)
      // a block larger than the limit still goes, alone in its message
      if (size > budget && (blockCount > 0 || message.wantlist != null || message.blockPresences.length > 0)) break
      q.blocks.shift()
      q.blockBytes -= b.data.byteLength
      blocks.push(b)
      if (block != null) message.payload.push(block)
      else message.blocks.push(b.data)
      budget -= size
      blockCount++
    }

    if (message.wantlist == null && message.blockPresences.length === 0 && blockCount === 0) return undefined
    return { message, blocks, entries: takenEntries, presences: takenPresences }
  }
}
