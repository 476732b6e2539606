/**
 * `/ipns/{name}` on the gateway (boxo's `handler.go` for mutable paths): the name (an IPNS key or
 * a DNSLink domain) is resolved through the backend to an `/ipfs/` path, and the request goes on
 * as a content request whose `X-Ipfs-Path` stays the `/ipns/` path and whose `Cache-Control`
 * follows the record's TTL instead of "immutable". `?format=ipns-record` answers the signed
 * record itself (trustless gateway).
 */
import { createHash } from 'node:crypto'
import { InvalidPathError } from '@cairn/interface'
import { base36 } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import { parseCid } from './cid.ts'
import { inlineDnsLink, uninlineDnsLink } from './public-gateways.ts'
import { NotAcceptableError } from './errors.ts'
import { splitSegments } from './request.ts'
import type { GatewayBackend } from './backend.ts'
import type { BaseHeaders } from './handlers/context.ts'
import type { ContentRequest, NameRequest } from './request.ts'
import type { ServerResponse } from 'node:http'

export const IPNS_RECORD_TYPE = 'application/vnd.ipfs.ipns-record'
/** Cache-Control max-age of an IPNS answer whose TTL is unknown (Kubo's default record TTL) */
const DEFAULT_NAME_MAX_AGE_S = 300
const LIBP2P_KEY = 0x72

/** Whether the request asks for the signed record rather than the content */
export function wantsRecord (query: URLSearchParams, accept: string | undefined): boolean {
  return query.get('format') === 'ipns-record' || (accept ?? '').split(',').some(t => t.split(';')[0].trim().toLowerCase() === IPNS_RECORD_TYPE)
}

/**
 * The DNS label a name takes on a subdomain gateway: a key as CIDv1 base36 (`k51...`); a domain
 * as it is, or with `inline` (`InlineDNSLink`, or HTTPS) with `-` doubled and `.` turned into `-`
 * (the subdomain gateway spec's DNSLink inlining, one label for a wildcard TLS certificate)
 */
export function ipnsLabel (name: string, inline = true): string {
  if (name.includes('.')) return inline ? inlineDnsLink(name) : name
  try {
    if (name.startsWith('1') || name.startsWith('Q')) return CID.createV1(LIBP2P_KEY, Digest.decode(base58btc.baseDecode(name))).toString(base36)
    const cid = CID.parse(name, name.startsWith('k') ? base36 : undefined)
    return cid.code === LIBP2P_KEY ? cid.toString(base36) : name
  } catch {
    return name
  }
}

/** The name a subdomain label stands for: a key or a dotted domain as it is, an inlined domain back with its dots */
export function nameOfLabel (label: string): string {
  if (label.includes('.') || /^(k51|k2|bafz|12D3|Qm)/i.test(label)) return label
  return uninlineDnsLink(label)
}

/** Resolves the name and turns the request into a content request */
export async function resolveNameRequest (backend: GatewayBackend, r: NameRequest, signal: AbortSignal): Promise<ContentRequest> {
  if (backend.resolveName == null) throw new NotAcceptableError('this gateway resolves no /ipns/ names')
  const { path, ttlMs } = await backend.resolveName(r.name, { signal })
  const m = /^\/ipfs\/([^/]+)(\/.*)?$/.exec(path)
  if (m == null) throw new InvalidPathError(`/ipns/${r.name} resolves to "${path.slice(0, 100)}", not an /ipfs/ path`)
  let root
  try {
    root = parseCid(m[1])
  } catch (err) {
    throw new InvalidPathError(`/ipns/${r.name} resolves to an invalid CID`, { cause: err })
  }
  const inner = splitSegments(m[2] ?? '')
  const { segments, trailingSlash } = splitSegments(r.rest)
  const maxAge = Math.floor((ttlMs ?? DEFAULT_NAME_MAX_AGE_S * 1000) / 1000)
  return {
    root,
    segments: [...inner.segments, ...segments],
    trailingSlash,
    contentPath: `/ipns/${r.name}${r.rest}`,
    urlPath: r.urlPath,
    search: r.search,
    query: r.query,
    subdomain: r.subdomain,
    parent: r.parent,
    cacheControl: `public, max-age=${maxAge}`
  }
}

/** `?format=ipns-record`: the signed record, as the trustless gateway spec answers it */
export async function serveIpnsRecord (backend: GatewayBackend, r: NameRequest, res: ServerResponse, base: BaseHeaders, head: boolean, signal: AbortSignal): Promise<void> {
  if (backend.ipnsRecord == null || r.name.includes('.')) throw new NotAcceptableError('only IPNS keys have signed records (not DNSLink names)')
  const record = await backend.ipnsRecord(r.name, { signal })
  const ttlMs = backend.resolveName != null ? (await backend.resolveName(r.name, { signal })).ttlMs : undefined
  base.set('X-Ipfs-Path', `/ipns/${r.name}`)
  base.apply()
  const etag = `"${createHash('sha256').update(record).digest('hex').slice(0, 32)}"`
  res.writeHead(200, {
    'Content-Type': IPNS_RECORD_TYPE,
    'Content-Length': String(record.byteLength),
    'Content-Disposition': `attachment; filename="${ipnsLabel(r.name)}.ipns-record"`,
    'Cache-Control': `public, max-age=${Math.floor((ttlMs ?? DEFAULT_NAME_MAX_AGE_S * 1000) / 1000)}`,
    Etag: etag,
    Vary: 'Accept'
  })
  res.end(head ? undefined : record)
}

/**
 * A request whose `Host` is a website's own domain (not a gateway host, not an address): served
 * as `/ipns/{host}{path}` when the domain has a DNSLink, as Kubo's gateway does unless
 * `Gateway.NoDNSLink`. Returns undefined when the host cannot be a DNSLink name.
 */
export function dnslinkCandidate (host: string | undefined, url: string, isGatewayHost: (host: string) => boolean): NameRequest | undefined {
  if (host == null) return undefined
  const name = host.replace(/:\d+$/, '').toLowerCase()
  if (!name.includes('.') || name.endsWith('.localhost') || isGatewayHost(host) || /^[\d.]+$/.test(name) || name.startsWith('[')) return undefined
  const parsed = new URL(url, 'http://dnslink.invalid')
  // a site on its own origin: `_redirects` applies, as on a subdomain gateway
  return { name, rest: parsed.pathname === '/' ? '' : parsed.pathname, urlPath: parsed.pathname, search: parsed.search, query: parsed.searchParams, subdomain: true, parent: undefined }
}
