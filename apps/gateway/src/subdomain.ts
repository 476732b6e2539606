import { base32 } from 'multiformats/bases/base32'
import type { CID } from 'multiformats/cid'
import { StatusError } from './errors.ts'

/** A DNS label carries at most 63 characters (RFC 1035) */
export const MAX_DNS_LABEL_LENGTH = 63

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
