/**
 * Kubo's `Swarm.AddrFilters`: IP ranges (`/ip4/10.0.0.0/ipcidr/8`) the node neither dials nor
 * accepts connections from. The set lives in the running node (the connection gater reads it on
 * every dial and accept) and `swarm filters add|rm` changes it there and in the config at once.
 */
import { IpNet } from '@chainsafe/netmask'
import { InvalidParametersError } from '@cairn/interface'
import { multiaddr } from '@multiformats/multiaddr'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface AddrFilters {
  /** The filters in force, as written */
  list(): string[]
  add(filters: string[]): void
  remove(filters: string[]): void
  clear(): void
  /** Whether an address falls in a filtered range (a connection gater's answer) */
  denies(addr: Multiaddr): boolean
}

/** `/ip4|ip6/<addr>/ipcidr/<bits>` as an IpNet, or Kubo-like "invalid" errors */
export function parseAddrFilter (filter: string): IpNet {
  let components
  try {
    components = multiaddr(filter).getComponents()
  } catch (err) {
    throw new InvalidParametersError(`invalid address filter "${filter.slice(0, 200)}": ${(err as Error).message}`, { cause: err })
  }
  const [ip, cidr] = components
  if (components.length !== 2 || (ip.name !== 'ip4' && ip.name !== 'ip6') || cidr.name !== 'ipcidr' || ip.value == null || cidr.value == null) {
    throw new InvalidParametersError(`invalid address filter "${filter.slice(0, 200)}": expected /ip4/<addr>/ipcidr/<bits> or /ip6/<addr>/ipcidr/<bits>`)
  }
  try {
    return new IpNet(ip.value, Number(cidr.value))
  } catch (err) {
    throw new InvalidParametersError(`invalid address filter "${filter}": ${(err as Error).message}`, { cause: err })
  }
}

export function createAddrFilters (initial: string[] = []): AddrFilters {
  const filters = new Map<string, IpNet>()
  for (const f of initial) filters.set(f, parseAddrFilter(f))
  return {
    list: () => [...filters.keys()],
    add (list) {
      // all parse before any is added
      const parsed = list.map(f => [f, parseAddrFilter(f)] as const)
      for (const [f, net] of parsed) filters.set(f, net)
    },
    remove (list) {
      for (const f of list) parseAddrFilter(f)
      for (const f of list) filters.delete(f)
    },
    clear () { filters.clear() },
    denies (addr) {
      if (filters.size === 0) return false
      const host = addr.getComponents().find(c => c.name === 'ip4' || c.name === 'ip6')?.value
      if (host == null) return false
      for (const net of filters.values()) if (net.contains(host)) return true
      return false
    }
  }
}
