/** Kubo's `stats *` and `bitswap wantlist|ledger`, read from the node's running parts */
import { InvalidParametersError } from '@cairn/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import type { Bitswap } from '../bitswap/index.ts'
import type { NodeMetrics } from '../metrics.ts'
import type { ContentProvider } from '../provider.ts'
import type { BandwidthStats, BitswapApi, BitswapStats, DhtStats, ProvideStats, StatsApi } from '@cairn/interface'
import type { Libp2p, PeerId } from '@libp2p/interface'
import type { KadDHT, SingleKadDHT } from '@libp2p/kad-dht'

export interface StatsApiComponents {
  metrics?: NodeMetrics
  /** Throws OfflineError offline */
  libp2p(): Libp2p
  /** Throws when the node has no Bitswap (offline) */
  bitswap(): Bitswap
  dht(): KadDHT | undefined
  provider: ContentProvider
  /** `Reprovider.Interval` in ms (0: never) */
  reprovideIntervalMs: number
}

/** The part of kad-dht's `KBucket` read here */
interface KBuckets {
  localPeer?: { kadId: Uint8Array }
  toIterable(): Iterable<{ kadId: Uint8Array, peerId: PeerId, lastPing: number }>
}

const NS_PER_MS = 1_000_000
const ZERO_TIME = '0001-01-01T00:00:00Z'

function parsePeer (text: string): PeerId {
  try {
    return peerIdFromString(text)
  } catch (err) {
    throw new InvalidParametersError(`invalid peer ID "${text.slice(0, 100)}": ${(err as Error).message}`, { cause: err })
  }
}

/** Leading bits two kad IDs share: the bucket a peer falls in, as go-libp2p-kbucket numbers them */
function commonPrefixLength (a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ^ b[i]
    if (x !== 0) return i * 8 + Math.clz32(x) - 24
  }
  return Math.min(a.length, b.length) * 8
}

export function createStatsApi (components: StatsApiComponents): StatsApi {
  return {
    async bw (options = {}): Promise<BandwidthStats> {
      if (options.peer != null && options.proto != null) throw new InvalidParametersError('please only specify peer OR protocol')
      components.libp2p()
      const peer = options.peer != null ? parsePeer(options.peer).toString() : undefined
      return await components.metrics?.bandwidth({ proto: options.proto, peer }) ?? { totalIn: 0n, totalOut: 0n, rateIn: 0, rateOut: 0 }
    },

    async bitswap (): Promise<BitswapStats> {
      const exchange = components.bitswap()
      const s = exchange.stats()
      return {
        wantlist: exchange.wantlist(),
        peers: exchange.peers().map(String),
        blocksReceived: s.blocksReceived,
        dataReceived: s.dataReceived,
        blocksSent: s.blocksSent,
        dataSent: s.dataSent,
        dupBlksReceived: s.duplicateBlocks,
        dupDataReceived: s.duplicateData
      }
    },

    async provide (): Promise<ProvideStats> {
      components.libp2p()
      const s = components.provider.stats()
      const lastNs = Math.round(s.lastReprovideSeconds * 1e9)
      return {
        totalReprovides: s.reprovided,
        avgReprovideDurationNs: s.reprovideRuns > 0 ? Math.round(s.totalReprovideSeconds / s.reprovideRuns * 1e9) : 0,
        lastReprovideDurationNs: lastNs,
        ...(s.lastReprovideAt != null ? { lastRun: new Date(s.lastReprovideAt).toISOString() } : {}),
        reprovideIntervalNs: components.reprovideIntervalMs * NS_PER_MS,
        queued: s.queued
      }
    },

    async dht (): Promise<DhtStats[]> {
      const libp2p = components.libp2p()
      const dht = components.dht()
      if (dht == null) throw new InvalidParametersError('routing service is not a DHT')
      // kad-dht's k-bucket tree is not in its public types: read it when it is there
      const kb = (dht as SingleKadDHT & { routingTable: { kb?: KBuckets } }).routingTable.kb
      if (kb == null) return [{ name: 'wan', buckets: [] }]
      const self = kb.localPeer?.kadId
      const buckets: DhtStats['buckets'] = []
      const peers = await Promise.all([...kb.toIterable()].map(async p => {
        const agent = await libp2p.peerStore.get(p.peerId).then(
          info => new TextDecoder().decode(info.metadata.get('AgentVersion') ?? new Uint8Array()),
          () => '')
        return { cpl: self == null ? 0 : commonPrefixLength(self, p.kadId), id: p.peerId.toString(), connected: libp2p.getConnections(p.peerId).length > 0, agentVersion: agent, lastQueriedAt: p.lastPing > 0 ? new Date(p.lastPing).toISOString() : ZERO_TIME }
      }))
      const deepest = peers.reduce((max, p) => Math.max(max, p.cpl), -1)
      for (let i = 0; i <= deepest; i++) {
        buckets.push({
          lastRefresh: ZERO_TIME,
          peers: peers.filter(p => p.cpl === i).map(p => ({ id: p.id, connected: p.connected, agentVersion: p.agentVersion, lastUsefulAt: ZERO_TIME, lastQueriedAt: p.lastQueriedAt }))
        })
      }
      return [{ name: 'wan', buckets }]
    }
  }
}

export function createBitswapApi (components: Pick<StatsApiComponents, 'bitswap' | 'libp2p'>): BitswapApi {
  return {
    async wantlist (options = {}) {
      const exchange = components.bitswap()
      if (options.peer != null) {
        const peer = parsePeer(options.peer)
        if (!peer.equals(components.libp2p().peerId)) return exchange.wantlist(peer)
      }
      return exchange.wantlist()
    },
    async ledger (peer) {
      const exchange = components.bitswap()
      const id = parsePeer(peer)
      const l = exchange.ledger(id)
      return {
        peer: id.toString(),
        value: l.dataSent / (l.dataReceived + 1),
        sent: l.dataSent,
        recv: l.dataReceived,
        exchanged: l.blocksSent + l.blocksReceived
      }
    }
  }
}
