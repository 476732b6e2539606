/**
 * Bytes per peer, for Kubo's `stats bw --peer`: libp2p's metrics count bytes in total and per
 * protocol, never per peer. Each raw connection libp2p hands its metrics component is counted from
 * its first byte (handshakes included, as go-libp2p's bandwidth counter does); once the connection
 * is upgraded and its peer known (`connection:open`), its counts are that peer's.
 */
import type { Connection, MultiaddrConnection, TypedEventTarget, Libp2pEvents } from '@libp2p/interface'

/** Peers remembered after they disconnect, oldest forgotten first (Kubo trims idle peers too) */
export const DEFAULT_MAX_PEERS = 4096
/** Raw connections still upgrading that are tracked at once (a flood of half-open ones stays bounded) */
const MAX_PENDING = 1024

interface Count { in: bigint, out: bigint }

export interface PeerBandwidth {
  /** Wraps a raw connection's send and receive (from libp2p's `trackMultiaddrConnection`) */
  track(maConn: MultiaddrConnection): void
  /** Listens for upgraded connections on libp2p's event bus */
  listen(events: TypedEventTarget<Libp2pEvents>): void
  /** Bytes exchanged with `peer` since the node started (0 for a peer never seen) */
  totals(peer: string): Count
}

const addrKey = (addr: { toString(): string }): string => addr.toString().replace(/\/p2p\/[^/]+$/, '')

export function createPeerBandwidth (init: { maxPeers?: number } = {}): PeerBandwidth {
  const maxPeers = init.maxPeers ?? DEFAULT_MAX_PEERS
  const peers = new Map<string, Count>()
  /** Raw connections not upgraded yet, by remote address: hands each its peer's record once known */
  const pending = new Map<string, (peer: Count) => void>()

  const peerCount = (peer: string): Count => {
    let c = peers.get(peer)
    if (c == null) {
      c = { in: 0n, out: 0n }
      if (peers.size >= maxPeers) peers.delete(peers.keys().next().value as string)
    } else {
      peers.delete(peer)
    }
    // most recently used last, so the oldest is first to go
    peers.set(peer, c)
    return c
  }

  return {
    track (maConn) {
      let count: Count = { in: 0n, out: 0n }
      const key = addrKey(maConn.remoteAddr)
      if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string)
      pending.set(key, (peer) => {
        peer.in += count.in
        peer.out += count.out
        count = peer
      })
      const dispatchEvent = maConn.dispatchEvent.bind(maConn)
      maConn.dispatchEvent = (evt: Event) => {
        if (evt.type === 'message') count.in += BigInt((evt as Event & { data: { byteLength: number } }).data.byteLength)
        if (evt.type === 'close') pending.delete(key)
        return dispatchEvent(evt)
      }
      const send = maConn.send.bind(maConn)
      maConn.send = (buf) => {
        count.out += BigInt(buf.byteLength)
        return send(buf)
      }
    },
    listen (events) {
      events.addEventListener('connection:open', (evt: CustomEvent<Connection>) => {
        const key = addrKey(evt.detail.remoteAddr)
        const attach = pending.get(key)
        pending.delete(key)
        attach?.(peerCount(evt.detail.remotePeer.toString()))
      })
    },
    totals (peer) {
      const c = peers.get(peer)
      return { in: c?.in ?? 0n, out: c?.out ?? 0n }
    }
  }
}
