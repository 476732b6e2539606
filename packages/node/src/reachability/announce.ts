/**
 * What the node advertises (libp2p's `announceFilter`):
 *
 * - `Addresses.NoAnnounce`, as Kubo reads it: exact multiaddrs, or `/ipcidr` ranges (the
 *   `server` profile lists the private ranges);
 * - a relay's word is not taken for where it is: a `/p2p-circuit` address is advertised only
 *   when its relay part names a peer we are connected to directly, at an address that peer
 *   itself listed or that we are connected to. A relay lying about its reservation cannot make
 *   us advertise another peer's ID or an address of its choosing.
 */
import { IpNet } from '@chainsafe/netmask'
import { multiaddr } from '@multiformats/multiaddr'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface RelayView {
  /** The remote addresses of our open direct connections to `peer` and those the peer store holds */
  knownAddrs(peer: string): string[]
}

/**
 * Whether an address goes through a relay: `/p2p-circuit` anywhere in it, including the
 * `<relay>/p2p-circuit/webrtc` addresses of WebRTC (which the matchers' `Circuit` misses)
 */
export function isRelayedAddress (ma: Multiaddr): boolean {
  return ma.getComponents().some(c => c.name === 'p2p-circuit')
}

/**
 * A relayed address whose relay is its own target (`/p2p/R/p2p-circuit[/webrtc]/p2p/R`). js-libp2p
 * takes the last `/p2p/` of `<relay>/p2p/R/p2p-circuit/webrtc` (a NATed peer's WebRTC address,
 * stored without the peer's own ID) for the relay's, files it under the relay and dials the relay
 * through itself, opening WebRTC sessions to it in a loop; such an address is never dialled.
 */
export function relaysThroughItself (ma: Multiaddr): boolean {
  const parts = ma.getComponents()
  const at = parts.findIndex(c => c.name === 'p2p-circuit')
  if (at < 1) return false
  const relay = parts.slice(0, at).findLast(c => c.name === 'p2p')?.value
  const target = parts.slice(at).findLast(c => c.name === 'p2p')?.value
  return relay != null && relay === target
}

/** Parses `Addresses.NoAnnounce` into a predicate; entries that do not parse are ignored */
export function noAnnounceMatcher (entries: string[]): (ma: Multiaddr) => boolean {
  const exact = new Set<string>()
  const nets: IpNet[] = []
  for (const entry of entries) {
    try {
      const parts = multiaddr(entry).getComponents()
      if (parts.length === 2 && (parts[0].name === 'ip4' || parts[0].name === 'ip6') && parts[1].name === 'ipcidr') {
        nets.push(new IpNet(parts[0].value ?? '', Number(parts[1].value)))
      } else {
        exact.add(multiaddr(entry).toString())
      }
    } catch {}
  }
  return (ma) => {
    const bare = ma.toString().replace(/\/p2p\/[^/]+$/, '')
    if (exact.has(bare) || exact.has(ma.toString())) return true
    if (nets.length === 0 || isRelayedAddress(ma)) return false
    const host = ma.getComponents().find(c => c.name === 'ip4' || c.name === 'ip6')?.value
    return host != null && nets.some(n => n.contains(host))
  }
}

/** The relay part of a circuit address: `{ relay: peer id, addr: its transport address }` */
export function relayOf (ma: Multiaddr): { relay: string, addr: string } | undefined {
  const text = ma.toString()
  const at = text.indexOf('/p2p-circuit')
  if (at < 0) return undefined
  const m = /^(.*)\/p2p\/([^/]+)$/.exec(text.slice(0, at))
  if (m == null) return undefined
  return { addr: m[1], relay: m[2] }
}

export function announceFilter (noAnnounce: string[], relays: () => RelayView | undefined): (addrs: Multiaddr[]) => Multiaddr[] {
  const hidden = noAnnounceMatcher(noAnnounce)
  return (addrs) => addrs.filter(ma => {
    if (hidden(ma)) return false
    if (!isRelayedAddress(ma)) return true
    const part = relayOf(ma)
    const view = relays()
    if (part == null || view == null) return false
    return view.knownAddrs(part.relay).includes(part.addr)
  })
}
