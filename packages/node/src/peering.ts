/**
 * Kubo's peering subsystem (`Peering.Peers`, `swarm peering add|ls|rm`): peers the node keeps
 * connected. Each one is dialled on start and whenever its last connection closes, redialled
 * with exponential backoff (with jitter) until it answers, and protected from connection pruning.
 */
import { InvalidParametersError } from '@cairn/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { PeeringPeer } from '@cairn/interface'
import type { Libp2p, Logger, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

/** The peer-store tag that keeps the connection manager from pruning peering connections */
const PEERING_TAG = 'ipfs-peering'

export interface PeeringInit {
  /** First redial delay after a disconnect or a failed dial. @default 1000 */
  initialDelayMs?: number
  /** Longest delay between redials (boxo's peering caps it at 10 minutes). @default 600_000 */
  maxDelayMs?: number
}

export interface PeeringService {
  /** Keeps the peer connected (adding addresses to one already kept) */
  add(peer: PeeringPeer): void
  /** Stops keeping it connected; false when it was not kept */
  remove(peerId: string): boolean
  list(): PeeringPeer[]
  start(libp2p: Libp2p): void
  stop(): void
}

/** `/ip4/.../p2p/<id>` or `/p2p/<id>` as Kubo's `peer.AddrInfoFromP2pAddr`, grouped by peer */
export function peeringPeersFromAddrs (addrs: string[]): PeeringPeer[] {
  const byId = new Map<string, PeeringPeer>()
  for (const addr of addrs) {
    let ma: Multiaddr
    try {
      ma = multiaddr(addr)
    } catch (err) {
      throw new InvalidParametersError(`failed to parse multiaddr "${addr.slice(0, 200)}": ${(err as Error).message}`, { cause: err })
    }
    const components = ma.getComponents()
    const last = components.at(-1)
    if (last?.name !== 'p2p' || last.value == null) throw new InvalidParametersError(`invalid p2p multiaddr: ${addr.slice(0, 200)} has no /p2p/<peer id> at its end`)
    const id = peerIdFromString(last.value).toString()
    const transport = components.slice(0, -1).map(c => `/${c.name}${c.value != null ? `/${c.value}` : ''}`).join('')
    const entry = byId.get(id) ?? { id, addrs: [] }
    if (transport !== '' && !entry.addrs.includes(transport)) entry.addrs.push(transport)
    byId.set(id, entry)
  }
  return [...byId.values()]
}

interface Kept {
  peer: PeeringPeer
  id: PeerId
  delayMs: number
  timer?: ReturnType<typeof setTimeout>
  dialing: boolean
}

export function createPeering (log: Logger, init: PeeringInit = {}): PeeringService {
  const initialDelayMs = init.initialDelayMs ?? 1000
  const maxDelayMs = init.maxDelayMs ?? 600_000
  const kept = new Map<string, Kept>()
  let node: Libp2p | undefined

  const connected = (k: Kept): boolean => (node?.getConnections(k.id).length ?? 0) > 0

  const schedule = (k: Kept): void => {
    if (node == null || k.timer != null || !kept.has(k.peer.id)) return
    // ±20% jitter so peers that went together do not all come back at once
    const delay = k.delayMs * (0.8 + Math.random() * 0.4)
    k.delayMs = Math.min(k.delayMs * 2, maxDelayMs)
    k.timer = setTimeout(() => {
      k.timer = undefined
      void dial(k)
    }, delay)
    k.timer.unref?.()
  }

  const dial = async (k: Kept): Promise<void> => {
    const libp2p = node
    if (libp2p == null || k.dialing || !kept.has(k.peer.id)) return
    if (connected(k)) { k.delayMs = initialDelayMs; return }
    k.dialing = true
    try {
      if (k.peer.addrs.length > 0) await libp2p.peerStore.merge(k.id, { multiaddrs: k.peer.addrs.map(a => multiaddr(a)) })
      await libp2p.dial(k.id, { signal: AbortSignal.timeout(60_000) })
      k.delayMs = initialDelayMs
      log('peering: connected to %s', k.peer.id)
    } catch (err) {
      log('peering: dialling %s failed, retrying - %e', k.peer.id, err)
      schedule(k)
    } finally {
      k.dialing = false
    }
  }

  const onDisconnect = (evt: CustomEvent<PeerId>): void => {
    const k = kept.get(evt.detail.toString())
    if (k != null) schedule(k)
  }

  const protect = async (k: Kept): Promise<void> => {
    await node?.peerStore.merge(k.id, { tags: { [PEERING_TAG]: { value: 100 } } }).catch(() => {})
  }

  return {
    add (peer) {
      const existing = kept.get(peer.id)
      if (existing != null) {
        for (const a of peer.addrs) if (!existing.peer.addrs.includes(a)) existing.peer.addrs.push(a)
        return
      }
      const k: Kept = { peer: { id: peer.id, addrs: [...peer.addrs] }, id: peerIdFromString(peer.id), delayMs: initialDelayMs, dialing: false }
      kept.set(peer.id, k)
      if (node != null) {
        void protect(k)
        void dial(k)
      }
    },
    remove (peerId) {
      const k = kept.get(peerId)
      if (k == null) return false
      kept.delete(peerId)
      if (k.timer != null) clearTimeout(k.timer)
      void node?.peerStore.merge(k.id, { tags: { [PEERING_TAG]: undefined } }).catch(() => {})
      return true
    },
    list () {
      return [...kept.values()].map(k => ({ id: k.peer.id, addrs: [...k.peer.addrs] }))
    },
    start (libp2p) {
      node = libp2p
      libp2p.addEventListener('peer:disconnect', onDisconnect)
      for (const k of kept.values()) {
        void protect(k)
        void dial(k)
      }
    },
    stop () {
      node?.removeEventListener('peer:disconnect', onDisconnect)
      node = undefined
      for (const k of kept.values()) {
        if (k.timer != null) clearTimeout(k.timer)
        k.timer = undefined
        k.delayMs = initialDelayMs
      }
    }
  }
}
