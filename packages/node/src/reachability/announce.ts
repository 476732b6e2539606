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
import { Circuit } from '@multiformats/multiaddr-matcher'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface RelayView {
  /** The remote addresses of our open direct connections to `peer` and those the peer store holds */
  knownAddrs(peer: string): string[]
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
    if (nets.length === 0 || Circuit.matches(ma)) return false
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
    if (!Circuit.matches(ma)) return true
    const part = relayOf(ma)
    const view = relays()
    if (part == null || view == null) return false
    return view.knownAddrs(part.relay).includes(part.addr)
  })
}
