/**
 * Bitswap streams. Inbound: any number of streams per peer, each a sequence of length-prefixed
 * messages. Outbound: one long-lived stream per peer (boxo does the same; Helia opens a stream
 * per message, which costs a multistream round trip each time), with wantlist changes,
 * presences and blocks coalesced into messages below the size limit.
 */
import { LengthPrefixedDecoder } from '@libp2p/utils'
import { CID } from 'multiformats/cid'
import { BITSWAP_100, BITSWAP_120, BITSWAP_PROTOCOLS } from './constants.ts'
import { cidToPrefix, keyOf } from './block-identity.ts'
import {
  decodeMessage, emptyMessage, encodeFrame, payloadBlockSize, presenceSize, rawBlockSize, wantlistEntrySize,
  WANT_BLOCK
} from './pb/message.ts'
import type { BitswapComponents } from './index.ts'
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
  /** Bytes of blocks that reached the stream */
  onBlocksSent(peer: PeerId, blocks: number, bytes: number): void
  /** A busy peer's pending bytes fell below the busy limit: wants held back may go to it */
  onInboundDrained(peer: PeerId): void
  isBanned(peer: PeerId): boolean
}

export interface OutgoingBlock {
  cid: CID
  data: Uint8Array
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
  opening?: Promise<Stream>
  sending = false
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
  private running = false

  constructor (components: BitswapComponents, init: NetworkInit, handlers: NetworkHandlers) {
    this.components = components
    this.init = init
    this.handlers = handlers
    this.log = components.logger.forComponent('cairn:bitswap:network')
    this.onStream = this.onStream.bind(this)
  }

  async start (): Promise<void> {
    if (this.running) return
    this.running = true
    for (const protocol of BITSWAP_PROTOCOLS) {
      await this.components.registrar.handle(protocol, this.onStream, {
        maxInboundStreams: this.init.maxInboundStreams,
        maxOutboundStreams: this.init.maxOutboundStreams
      })
    }
    const topology: Topology = {
      onConnect: (peer: PeerId) => { this.addPeer(peer) },
      onDisconnect: (peer: PeerId) => { this.removePeer(peer) }
    }
    for (const protocol of BITSWAP_PROTOCOLS) {
      this.topologyIds.push(await this.components.registrar.register(protocol, topology))
    }
  }

  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    for (const id of this.topologyIds) this.components.registrar.unregister(id)
    this.topologyIds = []
    for (const protocol of BITSWAP_PROTOCOLS) {
      await this.components.registrar.unhandle(protocol)
    }
    for (const q of this.queues.values()) {
      clearTimeout(q.idleTimer)
      q.stream?.abort(new Error('Bitswap stopped'))
      for (const w of q.spaceWaiters.splice(0)) w()
    }
    this.queues.clear()
    this.peers.clear()
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

    stream.addEventListener('message', (evt) => {
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

  sendBlock (peer: PeerId, cid: CID, data: Uint8Array): void {
    if (!this.running) return
    const q = this.queueFor(peer)
    q.blocks.push({ cid, data })
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
      .catch(err => {
        this.log.error('sending to %p failed - %e', q.peer, err)
        // drop what was queued: the peer is unreachable, and callers re-ask elsewhere
        q.entries.clear()
        q.presences.clear()
        q.blocks.length = 0
        q.blockBytes = 0
        clearTimeout(q.idleTimer)
        if (!this.peers.has(q.peer.toString())) this.queues.delete(q.peer.toString())
        this.handlers.onSendFailed(q.peer, err)
      })
      .finally(() => {
        q.sending = false
        for (const w of q.spaceWaiters.splice(0)) w()
        if (!q.isEmpty() && this.queues.get(q.peer.toString()) === q) this.kick(q)
      })
  }

  private async sendLoop (q: PeerQueue): Promise<void> {
    while (!q.isEmpty() && this.running) {
      const stream = await this.streamFor(q)
      const message = this.takeMessage(q, stream.protocol)
      for (const w of q.spaceWaiters.splice(0)) w()
      if (message == null) continue
      const blocks = message.payload.length + message.blocks.length
      let bytes = 0
      for (const b of message.payload) bytes += b.data.byteLength
      for (const b of message.blocks) bytes += b.byteLength
      try {
        if (!stream.send(encodeFrame(message))) {
          await stream.onDrain({ signal: AbortSignal.timeout(this.init.dialTimeoutMs) })
        }
      } catch (err) {
        q.stream = undefined
        stream.abort(err as Error)
        throw err
      }
      if (blocks > 0) this.handlers.onBlocksSent(q.peer, blocks, bytes)
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
    if (q.stream != null && q.stream.status === 'open' && q.stream.writeStatus === 'writable') return q.stream
    q.stream = undefined
    const stream = await this.components.connectionManager.openStream(q.peer, BITSWAP_PROTOCOLS, {
      signal: AbortSignal.timeout(this.init.dialTimeoutMs)
    })
    // we never read outbound streams; whatever arrives is dropped
    stream.addEventListener('close', () => { if (q.stream === stream) q.stream = undefined })
    q.stream = stream
    this.addPeer(q.peer)
    return stream
  }

  /** Takes what fits in one message, in the shape the negotiated protocol version can carry */
  private takeMessage (q: PeerQueue, protocol: string): BitswapMessage | undefined {
    const message = emptyMessage()
    let budget = this.init.maxMessageBytes - 16
    const v120 = protocol === BITSWAP_120
    const v100 = protocol === BITSWAP_100

    if (q.entries.size > 0) {
      const entries: WantlistEntry[] = []
      for (const [key, e] of q.entries) {
        const size = wantlistEntrySize(e)
        if (size > budget) break
        q.entries.delete(key)
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
        if (v120) message.blockPresences.push(p)
      }
    }

    let blockCount = 0
    while (q.blocks.length > 0) {
      const b = q.blocks[0]
      if (v100 && b.cid.multihash.code !== 0x12) {
        q.blocks.shift()
        q.blockBytes -= b.data.byteLength
        continue
      }
      const block = v100 ? undefined : { prefix: cidToPrefix(b.cid), data: b.data }
      const size = block != null ? payloadBlockSize(block) : rawBlockSize(b.data)
      // a block larger than the limit still goes, alone in its message
      if (size > budget && (blockCount > 0 || message.wantlist != null || message.blockPresences.length > 0)) break
      q.blocks.shift()
      q.blockBytes -= b.data.byteLength
      if (block != null) message.payload.push(block)
      else message.blocks.push(b.data)
      budget -= size
      blockCount++
    }

    if (message.wantlist == null && message.blockPresences.length === 0 && blockCount === 0) return undefined
    return message
  }
}
