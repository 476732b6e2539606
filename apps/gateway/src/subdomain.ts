import { CID } from 'multiformats/cid'
import { base32 } from 'multiformats/bases/base32'

export interface SubdomainRequest {
  namespace: 'ipfs' | 'ipns'
  /** The first DNS label: a CID (or an IPNS name) */
  id: string
  /** The parent gateway host with its port, e.g. `localhost:8080` */
  parent: string
}

const SUBDOMAIN_HOST = /^([^.]+)\.(ipfs|ipns)\.(localhost(?::\d+)?)$/i
const SUBDOMAIN_PARENT = /^localhost(?::\d+)?$/i

/** `{cid}.ipfs.localhost[:port]` → its parts, as Kubo's default subdomain gateway on localhost */
export function parseSubdomainHost (host: string | undefined): SubdomainRequest | undefined {
  const match = SUBDOMAIN_HOST.exec(host ?? '')
  if (match == null) return undefined
  return { id: match[1], namespace: match[2].toLowerCase() as 'ipfs' | 'ipns', parent: match[3].toLowerCase() }
}

/** Hosts whose `/ipfs/{cid}` paths are moved to a subdomain for origin isolation (Kubo: `localhost`) */
export function isSubdomainParent (host: string | undefined): boolean {
  return SUBDOMAIN_PARENT.test(host ?? '')
}

/** The CID in the form a DNS label can carry: CIDv1, base32 (case-insensitive) */
export function toDnsLabel (cid: CID): string {
  return (cid.version === 0 ? cid.toV1() : cid).toString(base32)
}

/** Where a path-gateway request on a subdomain-capable host is moved to */
export function subdomainUrl (cid: CID, parent: string, rest: string, search: string): string {
  return `http://${toDnsLabel(cid)}.ipfs.${parent}${rest === '' ? '/' : rest}${search}`
}

export { CID }
