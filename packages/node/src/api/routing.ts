import { AbortError, InvalidParametersError, NotFoundError } from '@cairn/interface'
import { DEFAULT_NUM_PROVIDERS, DEFAULT_ROUTING_TIMEOUT_MS } from '../constants.ts'
import type { ContentProvider } from '../provider.ts'
import type { AbortOptions, ProviderInfo, RoutingApi } from '@cairn/interface'
import type { Libp2p } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

export interface RoutingApiComponents {
  /** Throws OfflineError when offline */
  libp2p(): Libp2p
  provider(): ContentProvider
  parseCid(cid: string | CID): CID
  /** Every CID of the DAG under `root`, from the local store */
  walk(root: CID, options?: AbortOptions): AsyncIterable<CID>
}

/** Kubo's `routing` commands, with peer routing (`routing findpeer`) beside the CairnApi ones */
export interface NodeRoutingApi extends RoutingApi {
  /** Addresses of a peer, from the peer store or a DHT walk; NotFoundError when no one knows it */
  findPeer(peerId: string, options?: AbortOptions): Promise<ProviderInfo>
}

export function createRoutingApi (components: RoutingApiComponents): NodeRoutingApi {
  return {
    async findPeer (peerId: string, options: AbortOptions = {}): Promise<ProviderInfo> {
      // loaded here: peer ids bring key crypto, which an offline node never needs
      const { peerIdFromString } = await import('@libp2p/peer-id')
      let id
      try {
        id = peerIdFromString(peerId)
      } catch (err) {
        throw new InvalidParametersError(`Invalid peer ID "${peerId}"`, { cause: err })
      }
      try {
        const info = await components.libp2p().peerRouting.findPeer(id, { signal: options.signal ?? AbortSignal.timeout(DEFAULT_ROUTING_TIMEOUT_MS) })
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
      components.libp2p()
      const roots = cids.map(c => components.parseCid(c))
      const all: CID[] = []
      for (const root of roots) {
        if (options.recursive === true) {
          for await (const cid of components.walk(root, options)) all.push(cid)
        } else {
          all.push(root)
        }
      }
      await components.provider().provideNow(all, options)
    }
  }
}
