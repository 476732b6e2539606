import { InvalidParametersError } from '@cairn/interface'
import type { AbortOptions, PeerInfo, SwarmApi } from '@cairn/interface'
import type { Libp2p } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

async function parseAddr (addr: string): Promise<Multiaddr> {
  // loaded here, not with the node: an offline node's commands never parse a multiaddr
  const { multiaddr } = await import('@multiformats/multiaddr')
  try {
    return multiaddr(addr)
  } catch (err) {
    throw new InvalidParametersError(`Invalid multiaddr "${addr}"`, { cause: err })
  }
}

/** Swarm commands over libp2p; `getLibp2p` throws OfflineError when offline */
export function createSwarmApi (getLibp2p: () => Libp2p): SwarmApi {
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

    async connect (addr: string, options?: AbortOptions): Promise<void> {
      const ma = await parseAddr(addr)
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
    }
  }
}
