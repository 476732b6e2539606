/**
 * IPv6 address -> autonomous system number, for `Swarm.RelayService.MaxReservationsPerASN`, as
 * go-libp2p's relay does it (`go-libp2p-asn-util`): IPv6 only (IPv4 peers are bounded per IP), and
 * an address with no known ASN is not limited by it.
 *
 * The table is `@ip-location-db/asn`'s `asn-ipv6-num.csv` (RouteViews, DB-IP and NRO data, CC BY
 * 4.0, republished on npm as the routing tables change): about 100,000 ranges, read on first use
 * (a relay that never sees an IPv6 reservation never loads it), kept sorted, looked up by binary
 * search.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { isIPv6 } from 'node:net'

export interface AsnTable {
  /** The ASN `ip` is announced by, or undefined (IPv4, IPv4-mapped, private or unannounced) */
  asnOf(ip: string): number | undefined
  /** Ranges in the table */
  readonly size: number
}

/**
 * An IPv6 address as a 128-bit number; undefined for anything else, IPv4-mapped and IPv4-compatible
 * forms included (go's `To4()` takes those for IPv4)
 */
export function ipv6ToBigInt (ip: string): bigint | undefined {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!isIPv6(bare) || bare.includes('.')) return undefined
  const [head, tail] = bare.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail == null || tail === '' ? [] : tail.split(':')
  const groups = tail == null ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  let n = 0n
  for (const g of groups) n = (n << 16n) | BigInt(parseInt(g, 16))
  // ::ffff:a.b.c.d written in hex is IPv4 all the same
  if (n >> 32n === 0xffffn) return undefined
  return n
}

/** Parses `start,end,asn,name` lines (decimal 128-bit bounds, sorted by start) */
export function parseAsnTable (csv: string): AsnTable {
  const starts: bigint[] = []
  const ends: bigint[] = []
  const asns: number[] = []
  for (const line of csv.split('\n')) {
    const a = line.indexOf(',')
    const b = line.indexOf(',', a + 1)
    const c = line.indexOf(',', b + 1)
    if (a < 0 || b < 0) continue
    const asn = Number(line.slice(b + 1, c < 0 ? undefined : c))
    if (!Number.isSafeInteger(asn) || asn <= 0) continue
    const start = BigInt(line.slice(0, a))
    // the file is sorted; a line out of order would break the search, so it is left out
    if (starts.length > 0 && start <= starts[starts.length - 1]) continue
    starts.push(start)
    ends.push(BigInt(line.slice(a + 1, b)))
    asns.push(asn)
  }
  return {
    size: starts.length,
    asnOf (ip) {
      const n = ipv6ToBigInt(ip)
      if (n == null) return undefined
      // the last range starting at or below n
      let lo = 0
      let hi = starts.length - 1
      let at = -1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (starts[mid] <= n) { at = mid; lo = mid + 1 } else hi = mid - 1
      }
      return at >= 0 && n <= ends[at] ? asns[at] : undefined
    }
  }
}

let loading: Promise<AsnTable> | undefined

/** The IPv6 table from `@ip-location-db/asn`, read once per process */
export async function ipv6AsnTable (): Promise<AsnTable> {
  loading ??= (async () => {
    const path = createRequire(import.meta.url).resolve('@ip-location-db/asn/asn-ipv6-num.csv')
    return parseAsnTable(await readFile(path, 'utf8'))
  })()
  return loading
}
