import { InvalidParametersError } from '@cairn/interface'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { peeringPeersFromAddrs } from '../peering.ts'
import type { AddrFilters } from '../addr-filters.ts'
import type { PeeringService } from '../peering.ts'
import type { ConfigStore } from './config.ts'
import type { ReachabilityService } from '../reachability/service.ts'
import type { AbortOptions, AutoNatReport, PeerInfo, SwarmApi } from '@cairn/interface'
import { KEEP_ALIVE } from '@libp2p/interface'
import type { Libp2p, PeerId } from '@libp2p/interface'
import { resourceReport } from './resources.ts'
import type { ResourceLimits } from './resources.ts'

/** How long `swarm disconnect` lets a connection close gracefully before aborting it */
const DISCONNECT_GRACE_MS = 2000

/**
 * kad-dht tags the peers closest to this node keep-alive (within 5 s of meeting them), and libp2p
 * dials a keep-alive peer again the moment it disconnects: `swarm disconnect` was undone within
 * ~100 ms. As in Kubo, an explicit disconnect stands until something needs the peer again; kad-dht
 * tags the peer again only once it has left its closest set and come back. Peering peers are
 * redialled by the peering service, as Kubo's are.
 */
async function dropKeepAlive (libp2p: Libp2p, peer: PeerId): Promise<void> {
  const stored = await libp2p.peerStore.get(peer).catch(() => undefined)
  const tags: Record<string, undefined> = {}
  for (const key of stored?.tags.keys() ?? []) if (key.startsWith(KEEP_ALIVE)) tags[key] = undefined
  if (Object.keys(tags).length > 0) await libp2p.peerStore.merge(peer, { tags })
}

function parseAddr (addr: string): ReturnType<typeof multiaddr> {
  try {
    return multiaddr(addr)
  } catch (err) {
    throw new InvalidParametersError(`Invalid multiaddr "${addr}"`, { cause: err })
  }
}

export interface SwarmApiComponents {
  /** Throws OfflineError when offline */
  libp2p(): Libp2p
  peering: PeeringService
  filters: AddrFilters
  /** The repo's config, where `swarm filters add|rm` also write (Kubo's `Swarm.AddrFilters`) */
  config: ConfigStore
  /** Transports that did not load, one line each */
  notices?: string[]
  /** The connection limits libp2p was built with (`swarm resources` reports them) */
  limits?: ResourceLimits
}

function parsePeerId (id: string): string {
  try {
    return peerIdFromString(id).toString()
  } catch (err) {
    throw new InvalidParametersError(`invalid peer ID "${id.slice(0, 100)}": ${(err as Error).message}`, { cause: err })
  }
}

/** Swarm commands over libp2p */
export function createSwarmApi (components: SwarmApiComponents): SwarmApi {
  const getLibp2p = components.libp2p
  const { peering, filters } = components
  return {
    async peers (): Promise<PeerInfo[]> {
      return getLibp2p().getConnections().map(conn => ({
        peer: conn.remotePeer.toString(),
        addr: conn.remoteAddr.toString(),
        direction: conn.direction,
        latency: conn.rtt == null ? undefined : `${conn.rtt}ms`,
        streams: conn.streams.map(s => s.protocol ?? '').filter(p => p !== '')
      }))
    },

    async resources () {
      return resourceReport(getLibp2p(), components.limits)
    },

    async connect (addr: string, options?: AbortOptions): Promise<void> {
      const ma = parseAddr(addr)
      if (ma.getComponents().find(c => c.name === 'p2p') == null) {
        throw new InvalidParametersError(`"${addr}" has no /p2p/<peer id> part`)
      }
      await getLibp2p().dial(ma, { signal: options?.signal })
    },

    async addrs (): Promise<Array<{ id: string, addrs: string[] }>> {
      const peers = await getLibp2p().peerStore.all()
      return peers.map(p => ({ id: p.id.toString(), addrs: p.addresses.map(a => a.multiaddr.toString()) }))
    },

    async localAddrs (): Promise<string[]> {
      return getLibp2p().getMultiaddrs().map(ma => ma.toString())
    },

    async autonat (): Promise<AutoNatReport> {
      const reachability = (getLibp2p() as Libp2p<{ reachability?: ReachabilityService }>).services.reachability
      const status = reachability?.status() ?? { reachability: 'Unknown', mode: 'unknown', reachable: [], unreachable: [], unknown: [], relayed: [] }
      return { ...status, notices: [...(components.notices ?? [])] }
    },

    async listenAddrs (): Promise<string[]> {
      return getLibp2p().getMultiaddrs().map(ma => ma.toString().replace(/\/p2p\/[^/]+$/, '')).sort()
    },

    async disconnect (addr: string, options?: AbortOptions): Promise<void> {
      const ma = parseAddr(addr)
      const id = ma.getComponents().findLast(c => c.name === 'p2p')?.value
      if (id == null) throw new InvalidParametersError(`invalid p2p multiaddr: ${addr.slice(0, 200)} has no /p2p/<peer id>`)
      const libp2p = getLibp2p()
      const peer = peerIdFromString(id)
      const transport = ma.decapsulateCode(421).toString()
      const conns = libp2p.getConnections(peer)
      // as go-libp2p: a bare /p2p/<id> closes every connection to the peer, an address only its own
      const matching = transport === '/' || transport === '' ? conns : conns.filter(c => c.remoteAddr.decapsulateCode(421).toString() === transport)
      if (conns.length === 0) throw new InvalidParametersError('not connected')
      if (matching.length === 0) throw new InvalidParametersError('conn not found')
      if (matching.length === conns.length) await dropKeepAlive(libp2p, peer)
      // a graceful close waits on the peer (a WebRTC connection closes each data channel with a
      // FIN/FIN_ACK exchange, 10 s or more when the peer is slow): past DISCONNECT_GRACE_MS, abort
      await Promise.all(matching.map(async c => {
        const signal = AbortSignal.any([AbortSignal.timeout(DISCONNECT_GRACE_MS), ...(options?.signal != null ? [options.signal] : [])])
        await c.close({ signal }).catch((err: Error) => { c.abort(err) })
      }))
    },

    peering: {
      async add (addrs: string[]): Promise<string[]> {
        const peers = peeringPeersFromAddrs(addrs)
        getLibp2p()
        for (const p of peers) peering.add(p)
        return peers.map(p => p.id)
      },
      async ls () {
        getLibp2p()
        return peering.list()
      },
      async rm (ids: string[]): Promise<string[]> {
        const parsed = ids.map(parsePeerId)
        getLibp2p()
        for (const id of parsed) peering.remove(id)
        return parsed
      }
    },

    filters: {
      async ls () {
        getLibp2p()
        return filters.list()
      },
      async add (list: string[]): Promise<string[]> {
        getLibp2p()
        if (list.length === 0) throw new InvalidParametersError('no filters to add')
        filters.add(list)
        let added: string[] = []
        await components.config.update(config => {
          const old = readFilters(config)
          added = [...new Set(list)]
          // as Kubo: the new ones first, then the old ones not repeated
          return withFilters(config, [...added, ...old.filter(f => !added.includes(f))])
        })
        return added
      },
      async rm (list: string[], options: { all?: boolean } = {}): Promise<string[]> {
        getLibp2p()
        const all = options.all === true || list[0] === 'all' || list[0] === '*'
        if (all) filters.clear()
        else filters.remove(list)
        let removed: string[] = []
        await components.config.update(config => {
          const old = readFilters(config)
          removed = all ? old : old.filter(f => list.includes(f))
          return withFilters(config, all ? [] : old.filter(f => !list.includes(f)))
        })
        return removed
      }
    }
  }
}

function readFilters (config: Record<string, unknown>): string[] {
  const swarm = config.Swarm as { AddrFilters?: unknown } | undefined
  return Array.isArray(swarm?.AddrFilters) ? swarm.AddrFilters.map(String) : []
}

function withFilters<T extends Record<string, unknown>> (config: T, list: string[]): T {
  return { ...config, Swarm: { ...(config.Swarm as object), AddrFilters: list } }
}
