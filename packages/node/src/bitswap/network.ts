/**
 * Bitswap streams. Inbound: any number of streams per peer, each a sequence of length-prefixed
 * messages. Outbound: one long-lived stream per peer (boxo does the same; Helia opens a stream
 * per message, which costs a multistream round trip each time), with wantlist changes,
 * presences and blocks coalesced into messages below the size limit.
 */
import { RelayLimitError } from '@cairn/interface'
import { LengthPrefixedDecoder } from '@libp2p/utils'
import { CID } from 'multiformats/cid'
import { BITSWAP_100, BITSWAP_120, BITSWAP_PROTOCOLS } from './constants.ts'
import { cidToPrefix, keyOf } from './block-identity.ts'
import {
  decodeMessage, emptyMessage, encodeFrame, payloadBlockSize, presenceSize, rawBlockSize, wantlistEntrySize,
  WANT_BLOCK
} from './pb/message.ts'
import type { BitswapComponents } from './index.ts'

/**
 * Bitswap over relayed connections: at most one relay data limit's worth per peer per window (the
 * relay says its limit; Kubo's default 128 KiB otherwise)
 */
const RELAY_WINDOW_MS = 10 * 60_000
const DEFAULT_RELAY_DATA_LIMIT_BYTES = 131_072

/**
 * The receiving side cannot count what the sender sent (a relay cutting a connection drops what
 * it still held), but it sees the cut: the relay resetting a relayed connection at its limits. A
 * peer that has sent nothing over a relay for this long since has stopped sending for the limit.
 */
const RELAY_STALL_MS = 5_000

/**
 * A relayed connection that ends is a cut for the relay's limits only when the far end reset it
 * (`StreamResetError`: a relay cuts a circuit by resetting both its streams) and it carried
 * Bitswap, or at least this share of its data limit had crossed it, or at most
 * `RELAY_DURATION_SLACK_S` of its time was left. The receiver cannot go by the bytes alone: the
 * relay drops what it still held for us when it cuts (measured: 5 KB of a 64 KiB limit arrived).
 * Anything else says nothing about the relay's limits. Concurrent dials to a peer behind a relay
 * open duplicate relayed connections, which libp2p aborts at once ("Duplicate multiaddr
 * connection", an `InvalidMultiaddrError` here, a `StreamResetError` with no Bitswap on it at the
 * far end): those were counted as cuts, and a transfer that fit the limits then failed with
 * RelayLimitError whenever its data paused for 5 s (2 of 8 runs of the lab's relayed 16 MiB
 * fetch; 0 of 10 since).
 */
const RELAY_CUT_DATA_SHARE = 0.5
const RELAY_DURATION_SLACK_S = 5

/**
 * The smallest message budget on a relayed stream, however little of the allowance is left: room
 * for wantlist entries and presences (a block bigger than the budget still goes, alone)
 */
const RELAYED_MESSAGE_MIN_BYTES = 16 * 1024

export { RelayLimitError }
import type { ServeBudget } from './serve-budget.ts'
import type { BitswapMessage, BlockPresence, PresenceType, WantlistEntry, WantType } from './pb/message.ts'
import type { Connection, Logger, PeerId, Stream, Topology } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface NetworkInit {
  maxMessageBytes: number
  maxIncomingMessageBytes: number
  /** Undecoded bytes buffered per inbound stream */
  maxInboundBufferBytes: number
  /**
   * Bytes of one peer's messages being verified and stored at once beyond which its streams are
   * reset: more than it can owe us (see BitswapService)
   */
  maxInboundPendingBytes: number
  /** Pending bytes at which a peer counts as busy (`isInboundBusy`) */
  inboundBusyBytes: number
  maxWantlistEntries: number
  maxInboundStreams: number
  maxOutboundStreams: number
  streamIdleTimeoutMs: number
  dialTimeoutMs: number
  /** The node-wide serving budget the bytes of queued blocks are charged to */
  budget: ServeBudget
}

export interface NetworkHandlers {
  /**
   * A decoded message; resolves when it has been fully handled (blocks verified and stored).
   * `owned`: the message's block data view one buffer that nothing else references, which may
   * therefore be moved to another thread.
   */
  onMessage(peer: PeerId, message: BitswapMessage, protocol: string, owned: boolean): Promise<void>
  onPeerConnected(peer: PeerId): void
  onPeerDisconnected(peer: PeerId): void
  /** An outbound message could not be delivered: what it asked for must be asked elsewhere */
  onSendFailed(peer: PeerId, err: Error): void
  /** Blocks that reached the stream, and their bytes */
  onBlocksSent(peer: PeerId, cids: CID[], bytes: number): void
  /**
   * Blocks queued for the peer that could not be sent (the stream failed for good): the peer
   * still wants them, so they go back to its wantlist rather than vanish
   */
  onBlocksUnsent(peer: PeerId, cids: CID[]): void
  /** A busy peer's pending bytes fell below the busy limit: wants held back may go to it */
  onInboundDrained(peer: PeerId): void
  isBanned(peer: PeerId): boolean
}

export interface OutgoingBlock {
  cid: CID
  data: Uint8Array
  /** Bytes charged to the serving budget for it, released once the stream has taken it */
  charged: number
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

/**
 * One message's bytes in one piece. A message that arrived in several chunks is copied into a
 * buffer of its own (`owned`); one that arrived in a single chunk is a view of a buffer the
 * transport may share with other data.
 */
function flatten (frame: Uint8ArrayList): { bytes: Uint8Array, owned: boolean } {
  const bufs = [...frame]
  if (bufs.length === 1) return { bytes: bufs[0], owned: false }
  // unpooled (allocUnsafe may hand out a slice of a shared pool, which could not be moved) and
  // not zero-filled: every byte is written just below
  const bytes = Buffer.allocUnsafeSlow(frame.byteLength)
  let offset = 0
  for (const buf of bufs) {
    bytes.set(buf, offset)
    offset += buf.byteLength
  }
  return { bytes, owned: true }
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
  opening?: Promise<Stream>
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

export class Network {
  private readonly components: BitswapComponents
  private readonly init: NetworkInit
  private readonly handlers: NetworkHandlers
  private readonly log: Logger
  private readonly queues = new Map<string, PeerQueue>()
  /** Peers that speak Bitswap and are connected, by string id */
  readonly peers = new Map<string, PeerId>()
  private topologyIds: string[] = []
  /** peer -> bytes of its messages still being verified and stored, over all its streams */
  private readonly pending = new Map<string, number>()
  /** What we sent each peer over relayed connections, per window (the relay's data limit) */
  private readonly relayed = new Map<string, { since: number, sent: number, max: number }>()
  /** Relayed connections by id -> their data limit (bytes left when they opened; 0: none) */
  private readonly relayLimits = new Map<string, number>()
  /** Relayed connections (by id) a Bitswap stream ran on, either way */
  private readonly relayedBitswap = new Set<string>()
  /** peer -> when a relay first cut a connection to it in this window, and the relay's data limit */
  private readonly relayCuts = new Map<string, { at: number, limit: number }>()
  /** peer -> when it last sent us Bitswap data over a relayed connection */
  private readonly relayedLastIn = new Map<string, number>()
  private running = false

  constructor (components: BitswapComponents, init: NetworkInit, handlers: NetworkHandlers) {
    this.components = components
    this.init = init
    this.handlers = handlers
    this.log = components.logger.forComponent('cairn:bitswap:network')
    this.onStream = this.onStream.bind(this)
    this.onConnectionOpen = this.onConnectionOpen.bind(this)
  }

  async start (): Promise<void> {
    if (this.running) return
    this.running = true
    for (const protocol of BITSWAP_PROTOCOLS) {
      await this.components.registrar.handle(protocol, this.onStream, {
        maxInboundStreams: this.init.maxInboundStreams,
        maxOutboundStreams: this.init.maxOutboundStreams,
        // a peer behind NAT may be reachable only through a relay until DCUtR upgrades the
        // connection; the relay's own limits bound what crosses it
        runOnLimitedConnection: true
      })
    }
    const topology: Topology = {
      onConnect: (peer: PeerId) => { this.addPeer(peer) },
      onDisconnect: (peer: PeerId) => { this.removePeer(peer) },
      // a peer reachable only through a relay is still a Bitswap peer
      notifyOnLimitedConnection: true
    }
    for (const protocol of BITSWAP_PROTOCOLS) {
      this.topologyIds.push(await this.components.registrar.register(protocol, topology))
    }
    this.components.events?.addEventListener('connection:open', this.onConnectionOpen)
  }

  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    for (const id of this.topologyIds) this.components.registrar.unregister(id)
    this.topologyIds = []
    this.components.events?.removeEventListener('connection:open', this.onConnectionOpen)
    for (const protocol of BITSWAP_PROTOCOLS) {
      await this.components.registrar.unhandle(protocol)
    }
    for (const q of this.queues.values()) {
      clearTimeout(q.idleTimer)
      q.stream?.abort(new Error('Bitswap stopped'))
      this.dropBlocks(q)
      for (const w of q.spaceWaiters.splice(0)) w()
    }
    this.queues.clear()
    this.peers.clear()
    this.relayLimits.clear()
    this.relayedBitswap.clear()
  }

  isRunning (): boolean {
    return this.running
  }

  private addPeer (peer: PeerId): void {
    const id = peer.toString()
    if (this.peers.has(id) || !this.running) return
    this.peers.set(id, peer)
    this.handlers.onPeerConnected(peer)
  }

  private removePeer (peer: PeerId): void {
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
    if (!this.peers.delete(id)) return
    this.handlers.onPeerDisconnected(peer)
  }

  /**
   * Peers to broadcast to: those known to speak Bitswap, or, while identify has told us of none
   * yet, every peer with an open connection (a peer that does not speak it fails the stream).
   */
  connectedPeers (): PeerId[] {
    const usable = (p: PeerId): boolean => !this.handlers.isBanned(p) && !p.equals(this.components.peerId)
    const known = [...this.peers.values()].filter(p => usable(p) && this.isConnected(p))
    if (known.length > 0) return known
    const out = new Map<string, PeerId>()
    for (const conn of this.components.connectionManager.getConnections()) {
      if (conn.status === 'open' && usable(conn.remotePeer)) out.set(conn.remotePeer.toString(), conn.remotePeer)
    }
    return [...out.values()]
  }

  /** So much of the peer's data still waits to be verified and stored that it is not asked for more */
  isInboundBusy (peer: PeerId): boolean {
    return (this.pending.get(peer.toString()) ?? 0) >= this.init.inboundBusyBytes
  }

  isConnected (peer: PeerId): boolean {
    return this.components.connectionManager.getConnections(peer).some(c => c.status === 'open')
  }

  async hangUp (peer: PeerId): Promise<void> {
    this.removePeer(peer)
    await this.components.connectionManager.closeConnections(peer)
  }

  async dial (peer: PeerId, signal: AbortSignal): Promise<void> {
    await this.components.connectionManager.openConnection(peer, { signal })
  }

  // ---- inbound --------------------------------------------------------------------------------

  private onStream (stream: Stream, connection: Connection): void {
    const peer = connection.remotePeer
    if (!this.running || this.handlers.isBanned(peer)) {
      stream.abort(new Error('Not accepting Bitswap streams from this peer'))
      return
    }
    // a peer that opened a Bitswap stream speaks Bitswap, whatever identify has said so far
    this.addPeer(peer)
    const protocol = stream.protocol
    const decoder = new LengthPrefixedDecoder({
      maxDataLength: this.init.maxIncomingMessageBytes,
      // a muxer hands over whatever its window held, often several messages at once
      maxBufferSize: this.init.maxInboundBufferBytes
    })
    const id = peer.toString()
    // blocks and presences answer our wantlist, which peers may hold four times larger than ours
    const limits = { maxEntries: this.init.maxWantlistEntries, maxBlocks: this.init.maxWantlistEntries * 4 }

    const limited = connection.limits != null
    if (limited && this.relayLimits.has(connection.id)) this.relayedBitswap.add(connection.id)
    stream.addEventListener('message', (evt) => {
      if (limited) this.relayedLastIn.set(id, Date.now())
      let frames: Uint8ArrayList[]
      try {
        frames = [...decoder.decode(evt.data)]
      } catch (err: any) {
        this.log.error('bad framing from %p - %e', peer, err)
        stream.abort(err)
        return
      }
      for (const frame of frames) {
        let message: BitswapMessage
        const { bytes, owned } = flatten(frame)
        try {
          message = decodeMessage(bytes, limits)
        } catch (err: any) {
          this.log.error('undecodable message from %p - %e', peer, err)
          stream.abort(err)
          return
        }
        const size = frame.byteLength
        const pending = (this.pending.get(id) ?? 0) + size
        if (pending > this.init.maxInboundPendingBytes) {
          this.log.error('%p sent %d bytes more than it can owe us', peer, pending - this.init.maxInboundPendingBytes)
          stream.abort(new Error('Peer sends more than we asked for'))
          return
        }
        this.pending.set(id, pending)
        // onMessage applies wantlists and presences synchronously, in wire order; only the
        // storing of blocks continues after it returns
        this.handlers.onMessage(peer, message, protocol, owned)
          .catch(err => { this.log.error('handling message from %p failed - %e', peer, err) })
          .finally(() => {
            const before = this.pending.get(id) ?? size
            const left = before - size
            if (left > 0) this.pending.set(id, left)
            else this.pending.delete(id)
            if (before >= this.init.inboundBusyBytes && left < this.init.inboundBusyBytes) this.handlers.onInboundDrained(peer)
          })
      }
    })
    // we never write on inbound streams
    stream.close().catch(err => { this.log.trace('closing inbound write side - %e', err) })
  }

  // ---- outbound -------------------------------------------------------------------------------

  private queueFor (peer: PeerId): PeerQueue {
    const id = peer.toString()
    let q = this.queues.get(id)
    if (q == null) {
      q = new PeerQueue(peer)
      this.queues.set(id, q)
    }
    return q
  }

  sendWants (peer: PeerId, entries: Array<{ cid: CID, wantType: WantType, cancel?: boolean, priority?: number }>): void {
    if (!this.running || this.handlers.isBanned(peer)) return
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
    if (!this.running) return
    const q = this.queueFor(peer)
    q.presences.set(keyOf(cid), { cid: cid.bytes, type })
    this.kick(q)
  }

  /** Queues a block; `charged`: bytes of it held against the serving budget */
  sendBlock (peer: PeerId, cid: CID, data: Uint8Array, charged = 0): void {
    if (!this.running) {
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
    while (q != null && this.running && q.blockBytes > maxBytes && this.queues.get(peer.toString()) === q) {
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
        if (this.running && q.failures < SEND_ATTEMPTS && this.isConnected(q.peer) && this.queues.get(q.peer.toString()) === q) {
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
        if (!this.peers.has(q.peer.toString())) this.queues.delete(q.peer.toString())
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

  private onConnectionOpen (evt: CustomEvent<Connection>): void {
    const conn = evt.detail
    const limits = conn.limits
    if (limits == null) return
    this.relayLimits.set(conn.id, Number(limits.bytes ?? 0n))
    // the connection's own close event says how it ended (libp2p's connection:close does not)
    conn.addEventListener('close', (e) => { this.onRelayedClose(conn, e.error) }, { once: true })
  }

  /**
   * A relayed connection ended: a cut if it looks like the relay ending it at its limits (see
   * `RELAY_CUT_DATA_SHARE`). The connection's live limits (`bytes` and `seconds` left) are
   * libp2p's count of what crossed it.
   */
  private onRelayedClose (conn: Connection, err?: Error): void {
    const opened = this.relayLimits.get(conn.id)
    if (opened == null) return
    this.relayLimits.delete(conn.id)
    const carriedBitswap = this.relayedBitswap.delete(conn.id)
    const now = Date.now()
    // bounded by the peers whose relayed connections were cut in the last window
    for (const [k, c] of this.relayCuts) {
      if (now - c.at > RELAY_WINDOW_MS) {
        this.relayCuts.delete(k)
        this.relayedLastIn.delete(k)
      }
    }
    if (err?.name !== 'StreamResetError') return
    const left = conn.limits
    const bytesLeft = left?.bytes != null ? Number(left.bytes) : undefined
    const dataSpent = opened > 0 && bytesLeft != null && bytesLeft <= opened * (1 - RELAY_CUT_DATA_SHARE)
    const timeUp = left?.seconds != null && left.seconds <= RELAY_DURATION_SLACK_S
    this.log('relayed connection %s to %p reset: %s of %d bytes left, %s s left, Bitswap %s', conn.id, conn.remotePeer, bytesLeft ?? '-', opened, left?.seconds ?? '-', carriedBitswap ? 'on it' : 'not on it')
    if (!carriedBitswap && !dataSpent && !timeUp) return
    const key = conn.remotePeer.toString()
    // the first cut counts: re-dialled connections that the sender leaves idle close again
    if (!this.relayCuts.has(key)) this.relayCuts.set(key, { at: now, limit: opened })
  }

  /**
   * The relay's data limit (bytes, 0 when it set none) if `peer` has stopped sending to us for
   * the relay's limits: a relayed connection to it closed in this window, it has sent nothing
   * over a relay since (for `RELAY_STALL_MS`), and no direct connection to it is open. The sender
   * stops at the limit (above), so nothing more comes that way until a direct connection is made.
   * The want manager asks only about peers its wants were waiting on when they went.
   */
  relayExhausted (peer: PeerId, now = Date.now()): number | undefined {
    const key = peer.toString()
    const cut = this.relayCuts.get(key)
    if (cut == null || now - cut.at > RELAY_WINDOW_MS) return undefined
    if (now - Math.max(cut.at, this.relayedLastIn.get(key) ?? 0) < RELAY_STALL_MS) return undefined
    if (this.components.connectionManager.getConnections(peer).some(c => c.status === 'open' && c.limits == null)) return undefined
    return cut.limit
  }

  /** Whether any relayed connection closed lately (the want manager's cheap check) */
  hasRelayCuts (): boolean {
    return this.relayCuts.size > 0
  }

  /** The peer's relayed-data window: the relay's limit (or Kubo's default) per window */
  private relayAllowance (peer: PeerId, conn?: Connection): { since: number, sent: number, max: number } {
    const key = peer.toString()
    let a = this.relayed.get(key)
    if (a == null || Date.now() - a.since > RELAY_WINDOW_MS) {
      const told = conn?.limits?.bytes
      a = { since: Date.now(), sent: 0, max: told != null && told > 0n ? Number(told) : DEFAULT_RELAY_DATA_LIMIT_BYTES }
      this.relayed.set(key, a)
    }
    return a
  }

  /**
   * Throws RelayLimitError once this window's relayed allowance for `peer` is spent. Checked
   * before every message on a relayed stream, not only when one opens: a stream that stayed open
   * kept taking blocks until the relay cut it, and what was in flight by then (the muxer's window,
   * socket buffers) crossed the relay on top of its limit.
   */
  private checkRelayAllowance (peer: PeerId, conn?: Connection): void {
    const allowance = this.relayAllowance(peer, conn)
    if (allowance.sent < allowance.max) return
    // each relayed connection gets the relay's data allowance afresh: re-dialling through it
    // would carry bulk data a slice at a time, which is what the relay's limit exists to stop
    throw new RelayLimitError(`peer ${peer.toString()} is reachable only through a relay and this exchange already sent it the relay's data limit (${allowance.max} bytes): no direct connection to move the rest to`)
  }

  private async sendLoop (q: PeerQueue): Promise<void> {
    while (!q.isEmpty() && this.running) {
      const stream = await this.streamFor(q)
      let cap: number | undefined
      if (q.streamLimited) {
        this.checkRelayAllowance(q.peer)
        // no more in one message than the allowance has left. The last message may still take the
        // total past it (a block goes whole): the relay's count then passes its limit too and it
        // cuts the connection, which the receiver sees. What a bigger message still had in flight
        // then (up to the muxer's window and the socket buffers) crossed into the relay for
        // nothing: 556 kB from the sender in the lab (5 MiB, Kubo's 128 KiB, 2 MiB messages).
        const a = this.relayAllowance(q.peer)
        cap = Math.max(RELAYED_MESSAGE_MIN_BYTES, a.max - a.sent)
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
      if (q.streamLimited) this.relayAllowance(q.peer).sent += frame.byteLength
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

  private async awaitDirect (peer: PeerId, signal: AbortSignal): Promise<Connection | undefined> {
    let upgrade: BitswapComponents['directUpgrade']
    try {
      upgrade = this.components.directUpgrade
    } catch {
      // libp2p's components throw for a service that is not there
      return undefined
    }
    return upgrade?.awaitDirect(peer, { signal })
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
    if (conn.limits != null) conn = (await this.awaitDirect(q.peer, signal)) ?? conn
    const limited = conn.limits != null
    if (limited) this.checkRelayAllowance(q.peer, conn)
    const stream = await conn.newStream(BITSWAP_PROTOCOLS, { signal, runOnLimitedConnection: true })
    q.streamLimited = limited
    if (limited && this.relayLimits.has(conn.id)) this.relayedBitswap.add(conn.id)
    // we never read outbound streams; whatever arrives is dropped
    stream.addEventListener('close', () => { if (q.stream === stream) q.stream = undefined })
    q.stream = stream
    this.addPeer(q.peer)
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
