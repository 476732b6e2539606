import { AbortError, hasCode } from '@cairn/interface'
import { serviceCapabilities, serviceDependencies } from '@libp2p/interface'
import { CID } from 'multiformats/cid'
import { verifyBlock } from '@cairn/ipld'
import { cidFromPrefix, cidToPrefix, cidV0Of, prefixIsSha256, sha256Matches } from './block-identity.ts'
import { BlockWriter } from './block-writer.ts'
import { acquireHashOffload } from './hash-offload.ts'
import {
  DEFAULT_BAN_DURATION_MS, DEFAULT_DIAL_TIMEOUT_MS, DEFAULT_INBOUND_BUSY_BYTES, DEFAULT_MAX_INBOUND_BUFFER_BYTES,
  DEFAULT_MAX_INBOUND_PENDING_BYTES, DEFAULT_MAX_INBOUND_STREAMS,
  DEFAULT_MAX_INCOMING_MESSAGE_BYTES, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_OUTBOUND_STREAMS, DEFAULT_MAX_OUTSTANDING_WANTS_PER_PEER,
  DEFAULT_MAX_PROVIDERS_PER_SEARCH, DEFAULT_MAX_SEND_QUEUE_BYTES, DEFAULT_MAX_WANTLIST_ENTRIES_PER_PEER,
  DEFAULT_MAX_WANTS_SENT_ON_CONNECT, DEFAULT_OPTIMISTIC_WANT_BLOCK_PEERS, DEFAULT_PROVIDER_SEARCH_DELAY_MS,
  DEFAULT_PROVIDER_SEARCH_INTERVAL_MS, DEFAULT_RECENT_WANTS_MAX, DEFAULT_SERVE_READ_CONCURRENCY,
  DEFAULT_SESSION_WANTS_IN_FLIGHT, DEFAULT_SWARM_WANTS_IN_FLIGHT, DEFAULT_STREAM_IDLE_TIMEOUT_MS, DEFAULT_WANT_TIMEOUT_MS, DEFAULT_MAX_WRITE_BATCH_BLOCKS,
  DEFAULT_REBROADCAST_INTERVAL_MS, DEFAULT_SERVE_BUDGET_BYTES, DEFAULT_SERVE_READS_MAX, DEFAULT_HAVE_PROBE_TIMEOUT_MS, DEFAULT_SWARM_WHOLE_PEER_WANTS,
  HASH_OFFLOAD_MIN_BYTES
} from './constants.ts'
import { Server } from './ledger.ts'
import { ServeBudget } from './serve-budget.ts'
import type { LedgerStats } from './ledger.ts'
import { Network } from './network.ts'
import { PRESENCE_DONT_HAVE } from './pb/message.ts'
import { SessionImpl } from './session.ts'
import { WantManager } from './want-manager.ts'
import type { HashOffload } from './hash-offload.ts'
import type { Want } from './want.ts'
import type { Bitswap, BitswapComponents, BitswapInit, BitswapSession, BitswapStats, SessionOptions } from './index.ts'
import type { BitswapMessage } from './pb/message.ts'
import type { SessionInit } from './session.ts'
import type { AbortOptions, Block } from '@cairn/interface'
import type { Logger, PeerId } from '@libp2p/interface'

/** Bitswap 1.0.0 blocks come without a prefix: CIDv0, dag-pb, sha2-256 */
const V0_PREFIX = cidToPrefix(CID.parse('QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n'))
const SHA2_256 = 0x12

/** Banned peers remembered at most; the oldest ban goes first */
const MAX_BANS = 4096

/** A block as it came off the wire, before we know its CID */
interface ReceivedBlock {
  /** undefined: a Bitswap 1.0.0 block, CIDv0 */
  prefix: Uint8Array | undefined
  data: Uint8Array
  /** sha2-256 of `data`, when the hash worker computed it */
  sha256?: Uint8Array
}

/** Why a peer was banned: recorded for logs and stats */
interface Ban {
  until: number
  reason: string
}

export class BitswapService implements Bitswap {
  readonly [Symbol.toStringTag] = '@cairn/bitswap'
  readonly [serviceCapabilities]: string[] = ['@cairn/bitswap']
  // topologies only hear of peers once identify has told us their protocols
  readonly [serviceDependencies]: string[] = ['@libp2p/identify']

  private readonly components: BitswapComponents
  private readonly init: BitswapInit
  private readonly log: Logger
  private readonly network: Network
  private readonly server: Server
  /** What serving all peers may hold at once */
  readonly serveBudget: ServeBudget
  private readonly manager: WantManager
  private readonly writer: BlockWriter
  private readonly sessionInit: SessionInit
  private readonly swarmWantsInFlight: number
  private readonly bans = new Map<string, Ban>()
  private readonly sessions = new Set<SessionImpl>()
  private running = false
  private hashes?: HashOffload
  private readonly counters = { blocksReceived: 0, duplicateBlocks: 0, duplicateData: 0, dataReceived: 0, blocksSent: 0, dataSent: 0, blocksHashedOnWorker: 0 }

  constructor (components: BitswapComponents, init: BitswapInit) {
    this.components = components
    this.init = init
    this.log = components.logger.forComponent('cairn:bitswap')
    const maxWantlistEntries = init.maxWantlistEntries ?? DEFAULT_MAX_WANTLIST_ENTRIES_PER_PEER
    const dialTimeoutMs = init.dialTimeoutMs ?? DEFAULT_DIAL_TIMEOUT_MS
    const providerSearchDelayMs = init.providerSearchDelayMs ?? DEFAULT_PROVIDER_SEARCH_DELAY_MS
    this.serveBudget = new ServeBudget({
      maxBytes: init.serveBudgetBytes ?? DEFAULT_SERVE_BUDGET_BYTES,
      maxReads: init.serveReadsMax ?? DEFAULT_SERVE_READS_MAX
    })

    this.network = new Network(components, {
      maxMessageBytes: init.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      maxIncomingMessageBytes: init.maxIncomingMessageBytes ?? DEFAULT_MAX_INCOMING_MESSAGE_BYTES,
      maxInboundBufferBytes: DEFAULT_MAX_INBOUND_BUFFER_BYTES,
      maxInboundPendingBytes: DEFAULT_MAX_INBOUND_PENDING_BYTES,
      inboundBusyBytes: init.inboundBusyBytes ?? DEFAULT_INBOUND_BUSY_BYTES,
      maxWantlistEntries,
      maxInboundStreams: DEFAULT_MAX_INBOUND_STREAMS,
      maxOutboundStreams: DEFAULT_MAX_OUTBOUND_STREAMS,
      streamIdleTimeoutMs: init.streamIdleTimeoutMs ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
      dialTimeoutMs,
      budget: this.serveBudget
    }, {
      onMessage: async (peer, message, protocol, owned) => this.onMessage(peer, message, protocol, owned),
      onPeerConnected: (peer) => { this.manager.peerConnected(peer) },
      onPeerDisconnected: (peer) => {
        this.server.peerGone(peer)
        this.manager.peerLost(peer, false)
      },
      onSendFailed: (peer) => { this.manager.peerLost(peer, true) },
      onBlocksSent: (peer, cids, bytes) => {
        this.server.sent(peer, cids)
        this.counters.blocksSent += cids.length
        this.counters.dataSent += bytes
        const l = this.server.ledgerFor(peer)
        l.blocksSent += cids.length
        l.dataSent += bytes
      },
      onBlocksUnsent: (peer, cids) => { this.server.unsent(peer, cids) },
      onInboundDrained: () => { this.manager.dispatchDeferred() },
      isBanned: (peer) => this.isBanned(peer)
    })
    this.server = new Server(init.blockstore, this.network, {
      maxWantlistEntries,
      serveReadConcurrency: init.serveReadConcurrency ?? DEFAULT_SERVE_READ_CONCURRENCY,
      maxSendQueueBytes: init.maxSendQueueBytes ?? DEFAULT_MAX_SEND_QUEUE_BYTES,
      budget: this.serveBudget,
      fetching: (key) => this.manager.fetching(key)
    }, components.logger.forComponent('cairn:bitswap:server'))
    this.writer = new BlockWriter(init.blockstore, DEFAULT_MAX_WRITE_BATCH_BLOCKS)
    this.manager = new WantManager({
      optimisticWantBlockPeers: init.optimisticWantBlockPeers ?? DEFAULT_OPTIMISTIC_WANT_BLOCK_PEERS,
      maxOutstandingWantsPerPeer: init.maxOutstandingWantsPerPeer ?? DEFAULT_MAX_OUTSTANDING_WANTS_PER_PEER,
      providerSearchDelayMs,
      providerSearchIntervalMs: init.providerSearchIntervalMs ?? DEFAULT_PROVIDER_SEARCH_INTERVAL_MS,
      recentWantsMax: DEFAULT_RECENT_WANTS_MAX,
      maxWantsSentOnConnect: DEFAULT_MAX_WANTS_SENT_ON_CONNECT,
      rebroadcastIntervalMs: init.rebroadcastIntervalMs ?? DEFAULT_REBROADCAST_INTERVAL_MS,
      haveProbeTimeoutMs: init.haveProbeTimeoutMs ?? DEFAULT_HAVE_PROBE_TIMEOUT_MS,
      swarmWholePeerWants: init.swarmWholePeerWants ?? DEFAULT_SWARM_WHOLE_PEER_WANTS
    }, {
      network: this.network,
      isBanned: (peer) => this.isBanned(peer),
      peersWanting: (key) => this.server.peersWanting(key),
      self: components.peerId.toString(),
      store: async (cid, bytes) => {
        await this.writer.put(cid, bytes)
        // peers that asked us for it while we were fetching it get it now
        this.server.notify([{ cid, bytes }])
      },
      log: components.logger.forComponent('cairn:bitswap:wants')
    })
    this.swarmWantsInFlight = init.swarmWantsInFlight ?? DEFAULT_SWARM_WANTS_IN_FLIGHT
    this.sessionInit = {
      wantsInFlight: init.sessionWantsInFlight ?? DEFAULT_SESSION_WANTS_IN_FLIGHT,
      wantTimeoutMs: init.wantTimeoutMs ?? DEFAULT_WANT_TIMEOUT_MS,
      maxProvidersPerSearch: init.maxProvidersPerSearch ?? DEFAULT_MAX_PROVIDERS_PER_SEARCH,
      providerSearchDelayMs,
      dialTimeoutMs
    }
  }

  async start (): Promise<void> {
    if (this.running) return
    await this.network.start()
    this.manager.start()
    if (this.init.hashOnWorker !== false) this.hashes = acquireHashOffload()
    this.running = true
  }

  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    for (const s of this.sessions) s.close()
    this.sessions.clear()
    this.manager.stop(new AbortError('Bitswap stopped'))
    await this.network.stop()
    this.hashes?.release()
    this.hashes = undefined
    this.server.clear()
  }

  isStarted (): boolean {
    return this.running
  }

  createSession (options: SessionOptions = {}): BitswapSession {
    const session: SessionImpl = new SessionImpl({ ...this.sessionInit, swarm: options.swarm === true, ...(options.swarm === true ? { wantsInFlight: this.swarmWantsInFlight } : {}) }, {
      manager: this.manager,
      network: this.network,
      local: async (cid, opts) => this.local(cid, opts),
      routing: this.init.routing,
      peerStore: this.components.peerStore,
      self: this.components.peerId,
      isBanned: (peer) => this.isBanned(peer),
      isRunning: () => this.running,
      log: this.components.logger.forComponent('cairn:bitswap:session')
    }, options.signal)
    this.sessions.add(session)
    const close = session.close.bind(session)
    session.close = () => {
      this.sessions.delete(session)
      close()
    }
    return session
  }

  async want (cid: CID, options: AbortOptions = {}): Promise<Uint8Array> {
    const session = this.createSession()
    try {
      return await session.want(cid, options)
    } finally {
      session.close()
    }
  }

  notify (blocks: Block[]): void {
    if (!this.running) return
    for (const b of blocks) this.manager.resolveLocal(b.cid, b.bytes)
    this.server.notify(blocks)
  }

  stats (): BitswapStats {
    let banned = 0
    const now = Date.now()
    for (const ban of this.bans.values()) if (ban.until > now) banned++
    return {
      ...this.counters,
      peers: this.network.peers.size,
      bannedPeers: banned,
      wants: this.manager.wants.size,
      sessions: this.sessions.size,
      wantsRebroadcast: this.manager.rebroadcasts,
      probes: { ...this.manager.probeStats },
      serveBytes: this.serveBudget.bytes,
      serveBytesPeak: this.serveBudget.peakBytes
    }
  }

  peers (): PeerId[] {
    return [...this.network.peers.values()]
  }

  ledger (peer: PeerId): LedgerStats {
    const l = this.server.peekLedger(peer)
    return { blocksSent: l?.blocksSent ?? 0, dataSent: l?.dataSent ?? 0, blocksReceived: l?.blocksReceived ?? 0, dataReceived: l?.dataReceived ?? 0 }
  }

  wantlist (peer?: PeerId): CID[] {
    return peer == null ? this.manager.list() : this.server.wantlistOf(peer)
  }

  private async local (cid: CID, options: AbortOptions): Promise<Uint8Array | undefined> {
    try {
      if (!(await this.init.blockstore.hasBlock(cid, options))) return undefined
      return await this.init.blockstore.getBlock(cid, options)
    } catch (err) {
      if (hasCode(err, 'ERR_NOT_FOUND')) return undefined
      throw err
    }
  }

  private isBanned (peer: PeerId): boolean {
    const ban = this.bans.get(peer.toString())
    if (ban == null) return false
    if (ban.until > Date.now()) return true
    this.bans.delete(peer.toString())
    return false
  }

  /**
   * The CID of a received block, from its own bytes: verified against the want it most likely
   * answers (one hash), else hashed as its prefix says and looked up (the computed digest is the
   * verification then). A peer cannot name a CID its bytes do not hash to.
   */
  private async identify (block: ReceivedBlock, likely: Want | undefined): Promise<CID> {
    const { prefix, data, sha256 } = block
    if (likely != null && !likely.done) {
      if (sha256 != null && likely.cid.multihash.code === SHA2_256) {
        if (sha256Matches(likely.cid, sha256)) return likely.cid
      } else {
        try {
          await verifyBlock(likely.cid, data)
          return likely.cid
        } catch (err) {
          if (!hasCode(err, 'ERR_HASH_MISMATCH')) throw err
        }
      }
    }
    return prefix == null ? cidV0Of(data, sha256) : cidFromPrefix(prefix, data, sha256)
  }

  /**
   * Hashes a message's sha2-256 blocks on the hash worker, when the message is big enough to be
   * worth the trip. The buffer moves to the worker and back, so every block is viewed anew.
   */
  private async hashOffThread (blocks: ReceivedBlock[]): Promise<void> {
    const hashes = this.hashes
    if (hashes == null || !hashes.ready || blocks.length === 0) return
    const buffer = blocks[0].data.buffer
    if (!(buffer instanceof ArrayBuffer)) return
    const ranges = blocks.map(b => ({ offset: b.data.byteOffset, length: b.data.byteLength }))
    const hashed: number[] = []
    let bytes = 0
    for (let i = 0; i < blocks.length; i++) {
      // an owned message's blocks all view its one buffer; anything else stays inline
      if (blocks[i].data.buffer !== buffer) return
      if (blocks[i].prefix == null || prefixIsSha256(blocks[i].prefix as Uint8Array)) {
        hashed.push(i)
        bytes += ranges[i].length
      }
    }
    if (bytes < HASH_OFFLOAD_MIN_BYTES) return
    const result = await hashes.sha256(buffer, hashed.map(i => ranges[i]))
    for (let i = 0; i < blocks.length; i++) blocks[i].data = new Uint8Array(result.buffer, ranges[i].offset, ranges[i].length)
    hashed.forEach((blockIndex, i) => { blocks[blockIndex].sha256 = result.digests[i] })
    this.counters.blocksHashedOnWorker += hashed.length
  }

  /** The peer sent bytes we never asked for: drop it and do not ask it again */
  private misbehaved (peer: PeerId, reason: string): void {
    if (this.isBanned(peer)) return
    this.log.error('banning %p: %s', peer, reason)
    if (this.bans.size >= MAX_BANS) {
      const now = Date.now()
      for (const [id, ban] of this.bans) if (ban.until <= now) this.bans.delete(id)
      if (this.bans.size >= MAX_BANS) this.bans.delete(this.bans.keys().next().value as string)
    }
    this.bans.set(peer.toString(), { until: Date.now() + (this.init.banDurationMs ?? DEFAULT_BAN_DURATION_MS), reason })
    this.server.peerGone(peer)
    this.manager.peerLost(peer, false)
    this.network.hangUp(peer).catch(err => { this.log('hanging up on %p - %e', peer, err) })
  }

  /**
   * Everything up to the first await runs as the message arrives, so wantlist changes and
   * presences are applied in wire order; only storing blocks is asynchronous.
   */
  private async onMessage (peer: PeerId, message: BitswapMessage, protocol: string, owned: boolean): Promise<void> {
    if (!this.running || this.isBanned(peer)) return
    if (message.wantlist != null) {
      this.server.onWantlist(peer, message.wantlist)
      this.manager.peerWants(peer, message.wantlist.entries)
    }
    if (message.blockPresences.length > 0 || message.payload.length > 0 || message.blocks.length > 0) this.manager.heardFrom(peer)

    for (const p of message.blockPresences) {
      let cid: CID
      try {
        cid = CID.decode(p.cid)
      } catch {
        this.misbehaved(peer, 'undecodable CID in a block presence')
        return
      }
      if (p.type === PRESENCE_DONT_HAVE) this.manager.onDontHave(peer, cid)
      else this.manager.onHave(peer, cid)
    }

    const stored: Array<Promise<void>> = []
    const blocks: ReceivedBlock[] = [
      ...message.payload.map(b => ({ prefix: b.prefix, data: b.data })),
      ...message.blocks.map(data => ({ prefix: undefined, data }))
    ]
    // claim the likely wants of every block before the first await: a message decoded right
    // after this one (same network chunk) then claims the wants after these, not the same ones
    const claims = blocks.map(({ prefix }) => {
      const want = this.manager.likelyWant(peer, prefix ?? V0_PREFIX)
      if (want != null) want.verifying = true
      return want
    })
    try {
      if (owned) {
        try {
          await this.hashOffThread(blocks)
        } catch (err: any) {
          // the worker died holding this message: its bytes are gone, not wrong
          this.log.error('lost %d blocks from %p with the hash worker - %e', blocks.length, peer, err)
          for (const want of claims) if (want != null) this.manager.reask(want, peer)
          return
        }
      }
      await this.receiveBlocks(peer, blocks, claims, stored)
    } finally {
      for (const want of claims) if (want != null) want.verifying = false
    }
    this.log.trace('%s message from %p: %d blocks', protocol, peer, blocks.length)
    await Promise.all(stored)
  }

  private async receiveBlocks (peer: PeerId, blocks: ReceivedBlock[], claims: Array<Want | undefined>, stored: Array<Promise<void>>): Promise<void> {
    const ledger = this.server.ledgerFor(peer)
    for (let i = 0; i < blocks.length; i++) {
      const { data } = blocks[i]
      let cid: CID
      try {
        cid = await this.identify(blocks[i], claims[i])
      } catch (err: any) {
        if (hasCode(err, 'ERR_UNSUPPORTED_HASH')) {
          this.log('block from %p uses a hash we cannot verify - %e', peer, err)
          continue
        }
        this.misbehaved(peer, `malformed block: ${err.message}`)
        return
      }
      if (!this.running || this.isBanned(peer)) return
      this.counters.dataReceived += data.byteLength
      ledger.blocksReceived++
      ledger.dataReceived += data.byteLength
      const { result, stored: done } = this.manager.receive(peer, cid, data)
      if (result === 'unwanted') {
        this.misbehaved(peer, `sent ${cid}, which was never asked for: bytes that match no want`)
        return
      }
      if (result === 'duplicate') {
        this.counters.duplicateBlocks++
        this.counters.duplicateData += data.byteLength
        continue
      }
      this.counters.blocksReceived++
      if (done != null) stored.push(done)
    }
  }
}
