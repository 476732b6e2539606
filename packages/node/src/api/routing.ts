import { AbortError, InvalidParametersError, NotFoundError, OfflineError } from '@cairn/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { DEFAULT_NUM_PROVIDERS, DEFAULT_ROUTING_TIMEOUT_MS } from '../constants.ts'
import { routingKey, validateRecord } from '../routing-records.ts'
import type { ContentProvider } from '../provider.ts'
import type { AbortOptions, ProviderInfo, RoutingApi } from '@cairn/interface'
import type { Libp2p, PeerId } from '@libp2p/interface'
import type { KadDHT } from '@libp2p/kad-dht'
import type { CID } from 'multiformats/cid'

export interface RoutingApiComponents {
  /** Throws OfflineError when offline */
  libp2p(): Libp2p
  provider(): ContentProvider
  parseCid(cid: string | CID): CID
  /** Every CID of the DAG under `root`, from the local store */
  walk(root: CID, options?: AbortOptions): AsyncIterable<CID>
  /** Whether the local store holds the block */
  has(cid: CID, options?: AbortOptions): Promise<boolean>
  /** The DHT, undefined with `Routing.Type: "none"` (throws OfflineError when offline) */
  dht(): KadDHT | undefined
}

/** Kubo's `routing` commands (the node's `RoutingApi`), plus what the gateway's routing API reads */
export interface NodeRoutingApi extends RoutingApi {
  /**
   * The DHT peers closest to a key (a multihash: a CID's, or a peer ID's) with the addresses the
   * walk learnt, as Kubo's `GetClosestPeers` behind `/routing/v1/dht/closest/peers/{key}`
   */
  closestPeers(key: Uint8Array, options?: AbortOptions): AsyncIterable<ProviderInfo>
}

function parsePeer (peerId: string): PeerId {
  try {
    return peerIdFromString(peerId)
  } catch (err) {
    throw new InvalidParametersError(`invalid peer ID "${peerId.slice(0, 100)}": ${(err as Error).message}`, { cause: err })
  }
}

export function createRoutingApi (components: RoutingApiComponents): NodeRoutingApi {
  /** Kubo's ErrNotDHT when routing is off */
  const dht = (): KadDHT => {
    const service = components.dht()
    if (service == null) throw new InvalidParametersError('routing service is not a DHT')
    return service
  }
  const bounded = (options: AbortOptions): AbortSignal => options.signal ?? AbortSignal.timeout(DEFAULT_ROUTING_TIMEOUT_MS)

  return {
    async findPeer (peerId: string, options: AbortOptions = {}): Promise<ProviderInfo> {
      const id = parsePeer(peerId)
      if (id.equals(components.libp2p().peerId)) throw new InvalidParametersError('finding your own node in the DHT is currently not supported')
      try {
        const info = await components.libp2p().peerRouting.findPeer(id, { signal: bounded(options) })
        return { id: info.id.toString(), addrs: info.multiaddrs.map(ma => ma.toString()) }
      } catch (err: any) {
        if (err?.name === 'NotFoundError' && err?.code == null) throw new NotFoundError(`Peer ${peerId} not found`, { cause: err })
        throw err
      }
    },

    async * findProvs (cid: string | CID, options: AbortOptions & { numProviders?: number } = {}): AsyncIterable<ProviderInfo> {
      const key = components.parseCid(cid)
      const max = options.numProviders ?? DEFAULT_NUM_PROVIDERS
      if (max <= 0) return
      const signal = options.signal ?? AbortSignal.timeout(DEFAULT_ROUTING_TIMEOUT_MS)
      const seen = new Set<string>()
      try {
        for await (const peer of components.libp2p().contentRouting.findProviders(key, { signal })) {
          const id = peer.id.toString()
          if (seen.has(id)) continue
          seen.add(id)
          yield { id, addrs: peer.multiaddrs.map(ma => ma.toString()) }
          if (seen.size >= max) return
        }
      } catch (err) {
        if (options.signal?.aborted === true) throw new AbortError('findProvs was aborted', { cause: err })
        // our own bound ran out: the lookup is over, with what it found (as Kubo's findprovs)
        if (signal.aborted) return
        throw err
      }
    },

    async provide (cids: Array<string | CID>, options: AbortOptions & { recursive?: boolean } = {}): Promise<void> {
      const libp2p = components.libp2p()
      const roots = cids.map(c => components.parseCid(c))
      // Kubo's checks and words
      if (libp2p.getConnections().length === 0) throw new InvalidParametersError('cannot provide, no connected peers')
      for (const root of roots) {
        if (!(await components.has(root, options))) throw new NotFoundError(`block ${root.toString()} not found locally, cannot provide`)
      }
      const all: CID[] = []
      for (const root of roots) {
        if (options.recursive === true) {
          for await (const cid of components.walk(root, options)) all.push(cid)
        } else {
          all.push(root)
        }
      }
      await components.provider().provideNow(all, options)
    },

    async get (key: string, options: AbortOptions = {}): Promise<Uint8Array> {
      components.libp2p()
      const dhtKey = routingKey(key)
      try {
        return await components.libp2p().contentRouting.get(dhtKey, { signal: bounded(options) })
      } catch (err: any) {
        if (options.signal?.aborted === true) throw new AbortError('routing get was aborted', { cause: err })
        if (err?.name === 'NotFoundError' && err?.code == null) throw new NotFoundError('routing: not found', { cause: err })
        throw err
      }
    },

    async put (key: string, value: Uint8Array, options: AbortOptions & { allowOffline?: boolean } = {}): Promise<void> {
      const dhtKey = routingKey(key)
      let libp2p: Libp2p
      try {
        libp2p = components.libp2p()
      } catch (err) {
        if (err instanceof OfflineError) throw new OfflineError("can't put while offline: pass `--allow-offline` to override", { cause: err })
        throw err
      }
      // kad-dht stores a put locally before any check: refuse what its validators refuse first
      await validateRecord(components.dht(), dhtKey, value, options)
      if (libp2p.getConnections().length === 0 && options.allowOffline !== true) {
        throw new OfflineError("can't put while offline: pass `--allow-offline` to override")
      }
      for await (const _ of dht().put(dhtKey, value, { signal: bounded(options) })) {}
    },

    async * query (peerId: string, options: AbortOptions = {}): AsyncIterable<string> {
      components.libp2p()
      const id = parsePeer(peerId)
      const seen = new Set<string>()
      for await (const event of dht().getClosestPeers(id.toMultihash().bytes, { signal: bounded(options) })) {
        if (event.name !== 'FINAL_PEER') continue
        const found = event.peer.id.toString()
        if (seen.has(found)) continue
        seen.add(found)
        yield found
      }
    },

    async * closestPeers (key: Uint8Array, options: AbortOptions = {}): AsyncIterable<ProviderInfo> {
      const libp2p = components.libp2p()
      const seen = new Set<string>()
      for await (const event of dht().getClosestPeers(key, { signal: bounded(options) })) {
        if (event.name !== 'FINAL_PEER') continue
        const id = event.peer.id.toString()
        if (seen.has(id)) continue
        seen.add(id)
        // as Kubo: the addresses the peer store holds (a walk's answer may carry none)
        let addrs = event.peer.multiaddrs
        if (addrs.length === 0) addrs = (await libp2p.peerStore.get(event.peer.id).catch(() => undefined))?.addresses.map(a => a.multiaddr) ?? []
        yield { id, addrs: addrs.map(ma => ma.toString()) }
      }
    },

    async clearProvideQueue (): Promise<number> {
      components.libp2p()
      return components.provider().clear()
    },

    async reprovide (options: AbortOptions = {}): Promise<void> {
      components.libp2p()
      dht()
      await components.provider().reprovide(options)
    }
  }
}
