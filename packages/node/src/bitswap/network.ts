/**
 * Bitswap streams. Inbound: any number of streams per peer, each a sequence of length-prefixed
 * messages. Outbound: one long-lived stream per peer (boxo does the same; Helia opens a stream
 * per message, which costs a multistream round trip each time), with wantlist changes,
 * presences and blocks coalesced into messages below the size limit.
 *
 * This module owns the protocol's registration, which peers speak Bitswap, and the inbound
 * streams; the outbound side is `outbox.ts`, the accounting of relayed connections
 * `relay-allowance.ts`.
 */
import { RelayLimitError } from '@cairn/interface'
import { LengthPrefixedDecoder } from '@libp2p/utils'
import { BITSWAP_PROTOCOLS } from './constants.ts'
import { decodeMessage } from './pb/message.ts'
import { Outbox } from './outbox.ts'
import { RelayAllowance } from './relay-allowance.ts'
import type { BitswapComponents } from './index.ts'
import type { OutgoingWant } from './outbox.ts'
import type { ServeBudget } from './serve-budget.ts'
import type { BitswapMessage, PresenceType } from './pb/message.ts'
import type { Connection, Logger, PeerId, Stream, Topology } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'
import type { Uint8ArrayList } from 'uint8arraylist'

export { RelayLimitError }
export { sendTimeoutMs } from './outbox.ts'
export type { OutgoingBlock } from './outbox.ts'

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

export class Network {
  private readonly components: BitswapComponents
  private readonly init: NetworkInit
  private readonly handlers: NetworkHandlers
  private readonly log: Logger
  /** Peers that speak Bitswap and are connected, by string id */
  readonly peers = new Map<string, PeerId>()
  private topologyIds: string[] = []
  /** peer -> bytes of its messages still being verified and stored, over all its streams */
  private readonly pending = new Map<string, number>()
  private readonly relay: RelayAllowance
  private readonly outbox: Outbox
  private running = false

  constructor (components: BitswapComponents, init: NetworkInit, handlers: NetworkHandlers) {
    this.components = components
    this.init = init
    this.handlers = handlers
    this.log = components.logger.forComponent('cairn:bitswap:network')
    this.onStream = this.onStream.bind(this)
    this.relay = new RelayAllowance(components, this.log)
    this.outbox = new Outbox(init, {
      components,
      handlers,
      relay: this.relay,
      log: this.log,
      isRunning: () => this.running,
      isConnected: (peer) => this.isConnected(peer),
      isPeer: (peer) => this.peers.has(peer.toString()),
      addPeer: (peer) => { this.addPeer(peer) }
    })
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
    this.components.events?.addEventListener('connection:open', this.relay.onConnectionOpen)
  }

  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    for (const id of this.topologyIds) this.components.registrar.unregister(id)
    this.topologyIds = []
    this.components.events?.removeEventListener('connection:open', this.relay.onConnectionOpen)
    for (const protocol of BITSWAP_PROTOCOLS) {
      await this.components.registrar.unhandle(protocol)
    }
    this.outbox.stop()
    this.peers.clear()
    this.relay.clearConnections()
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
    this.outbox.removePeer(peer)
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
    if (limited) this.relay.bitswapOn(connection)
    stream.addEventListener('message', (evt) => {
      if (limited) this.relay.receivedFrom(id)
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

  // ---- outbound (outbox.ts) -------------------------------------------------------------------

  sendWants (peer: PeerId, entries: OutgoingWant[]): void {
    this.outbox.sendWants(peer, entries)
  }

  sendPresence (peer: PeerId, cid: CID, type: PresenceType): void {
    this.outbox.sendPresence(peer, cid, type)
  }

  /** Queues a block; `charged`: bytes of it held against the serving budget */
  sendBlock (peer: PeerId, cid: CID, data: Uint8Array, charged = 0): void {
    this.outbox.sendBlock(peer, cid, data, charged)
  }

  /** Resolves once the bytes queued for `peer` drop below `maxBytes` */
  waitForSpace (peer: PeerId, maxBytes: number): Promise<void> {
    return this.outbox.waitForSpace(peer, maxBytes)
  }

  // ---- relayed connections (relay-allowance.ts) -----------------------------------------------

  /**
   * The relay's data limit (bytes, 0 when it set none) if `peer` has stopped sending to us for
   * the relay's limits, else undefined (`RelayAllowance.exhausted`)
   */
  relayExhausted (peer: PeerId, now = Date.now()): number | undefined {
    return this.relay.exhausted(peer, now)
  }

  /** Whether any relayed connection closed lately (the want manager's cheap check) */
  hasRelayCuts (): boolean {
    return this.relay.hasCuts()
  }
}
