import { base32 } from 'multiformats/bases/base32'
import type { CID } from 'multiformats/cid'
import { StatusError } from './errors.ts'

export interface SubdomainRequest {
  namespace: 'ipfs' | 'ipns'
  /** The first DNS label: a CID (or an IPNS name) */
  id: string
  /** The parent gateway host with its port, e.g. `localhost:8080` */
  parent: string
}

/** A DNS label carries at most 63 characters (RFC 1035) */
export const MAX_DNS_LABEL_LENGTH = 63

function hostname (host: string): string {
  return host.replace(/:\d+$/, '').toLowerCase()
}

/**
 * Subdomain gateways: `{cid}.ipfs.{parent}` for each configured parent hostname (Kubo offers
 * `localhost` by default), so every site gets its own origin
 */
export class SubdomainHosts {
  readonly #parents: Set<string>

  constructor (parents: string[]) {
    this.#parents = new Set(parents.map(p => p.toLowerCase()))
  }

  /** `{cid}.ipfs.localhost[:port]` → its parts */
  parse (host: string | undefined): SubdomainRequest | undefined {
    const match = /^([^.]+)\.(ipfs|ipns)\.(.+)$/i.exec(host ?? '')
    if (match == null || !this.#parents.has(hostname(match[3]))) return undefined
    return { id: match[1], namespace: match[2].toLowerCase() as 'ipfs' | 'ipns', parent: match[3].toLowerCase() }
  }

  /** Hosts whose `/ipfs/{cid}` paths are moved to a subdomain for origin isolation */
  isParent (host: string | undefined): boolean {
    return host != null && this.#parents.has(hostname(host))
  }
}

/** The CID in the form a DNS label can carry: CIDv1, base32 (case-insensitive) */
export function toDnsLabel (cid: CID): string {
  const label = (cid.version === 0 ? cid.toV1() : cid).toString(base32)
  if (label.length > MAX_DNS_LABEL_LENGTH) {
    throw new StatusError(400, `CID incompatible with DNS label length limit of ${MAX_DNS_LABEL_LENGTH}: ${label}`)
  }
  return label
}

/** Where a path-gateway request on a subdomain-capable host is moved to */
export function subdomainUrl (cid: CID, parent: string, rest: string, search: string, scheme = 'http'): string {
  return `${scheme}://${toDnsLabel(cid)}.ipfs.${parent}${rest === '' ? '/' : rest}${search}`
}
