import { InvalidPathError, NotFoundError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import type { IncomingMessage } from 'node:http'
import type { LRUCache } from 'lru-cache'
import { parseCid } from './cid.ts'
import { StatusError } from './errors.ts'
import { subdomainUrl, toDnsLabel } from './subdomain.ts'
import { ipnsLabel, nameOfLabel } from './ipns.ts'
import type { PublicGateways } from './public-gateways.ts'

/** What a request asks for once host and path are read */
export interface ContentRequest {
  root: CID
  segments: string[]
  trailingSlash: boolean
  /** `X-Ipfs-Path`: the content path, as requested */
  contentPath: string
  /** Path of this resource in the URL the client used (differs on subdomain gateways) */
  urlPath: string
  search: string
  query: URLSearchParams
  subdomain: boolean
  /** On a subdomain gateway: the parent host, where `/ipfs/` paths live */
  parent?: string
  /** Cache-Control for the answer: set for /ipns/ paths (from the record's TTL); immutable otherwise */
  cacheControl?: string
}

/** An `/ipns/{name}` request, answered once the name is resolved (`ipns.ts`) */
export interface NameRequest {
  /** An IPNS key (peer ID, `k51...`) or a DNSLink domain */
  name: string
  /** The path after the name, as sent */
  rest: string
  urlPath: string
  search: string
  query: URLSearchParams
  subdomain: boolean
  parent?: string
}

/** A request for content, a redirect to answer at once, or the landing page */
export type ParsedRequest = ContentRequest | { redirect: string } | { landing: true } | { ipns: NameRequest }

/**
 * Splits the part of a URL path after the CID into URL-decoded segments; `.`, `..` and segments
 * that decode to `/` or NUL are refused
 */
export function splitSegments (rest: string): { segments: string[], trailingSlash: boolean } {
  const parts = rest.split('/')
  const trailingSlash = rest.length > 0 && rest.endsWith('/')
  const segments: string[] = []
  for (const part of parts) {
    if (part === '') continue
    let decoded: string
    try {
      decoded = decodeURIComponent(part)
    } catch (err) {
      throw new InvalidPathError(`invalid percent-encoding in path segment "${part.slice(0, 100)}"`, { cause: err })
    }
    // content paths name links in a DAG: there is no parent to climb to and no file system to escape into
    if (decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\0')) {
      throw new InvalidPathError(`invalid path segment "${decoded.slice(0, 100)}"`)
    }
    segments.push(decoded)
  }
  return { segments, trailingSlash }
}

/** Whether a byte stays as it is in a URL path, as Go's `url.shouldEscape(c, encodePath)` */
function keptInPath (c: number, segment: boolean): boolean {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true
  const ch = String.fromCharCode(c)
  if ('-_.~'.includes(ch)) return true
  // reserved characters Go leaves in paths; a single segment also escapes `/`, `;` and `,`
  return (segment ? '$&+:=@' : '$&+,/:;=@').includes(ch)
}

function goEscape (text: string, segment: boolean): string {
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    out += keptInPath(byte, segment) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** A decoded URL path escaped as Go's `URL.EscapedPath` does (upper-case hex, `()!*'` escaped) */
export function escapePath (path: string): string {
  return goEscape(path, false)
}

/** One value escaped as Go's `url.PathEscape` (a path segment, a file name) */
export function escapeSegment (value: string): string {
  return goEscape(value, true)
}

/** Decodes each segment of an escaped path, keeping `/` as the separator */
function decodePath (path: string): string {
  return path.split('/').map(part => {
    try {
      return decodeURIComponent(part)
    } catch {
      return part
    }
  }).join('/')
}

/** A query encoded as Go's `url.Values.Encode`: keys sorted, values escaped */
function sortedQuery (query: URLSearchParams): string {
  const sorted = new URLSearchParams(query)
  sorted.sort()
  return sorted.toString()
}

/** The first value of a header that may be repeated or comma-separated (`X-Forwarded-*`) */
export function firstHeader (value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return v?.split(',')[0].trim() || undefined
}

/**
 * Reads host and path: `/ipfs/{cid}[/path]` on a path gateway, `{cid}.ipfs.{host}[/path]` on a
 * subdomain gateway, and the redirects between them (as boxo's `handler.go` and `hostname.go`).
 * `cache`: answers for the same host and URL lately read (the result is shared: never modify it).
 */
export function parseRequest (req: IncomingMessage, subdomains: PublicGateways, cache?: LRUCache<string, ParsedRequest>): ParsedRequest {
  if (cache == null) return parse(req, subdomains)
  const key = `${req.headers.host ?? ''} ${req.headers['x-forwarded-host']?.toString() ?? ''} ${req.headers['x-forwarded-proto']?.toString() ?? ''} ${req.url ?? ''}`
  let parsed = cache.get(key)
  if (parsed == null) {
    parsed = parse(req, subdomains)
    cache.set(key, parsed)
  }
  return parsed
}

function parse (req: IncomingMessage, subdomains: PublicGateways): ParsedRequest {
  const target = req.url ?? '/'
  const url = new URL(target, 'http://gateway.invalid')
  // WHATWG URL parsing resolves `..` and `%2e%2e`; the raw path is read instead so that such
  // requests are refused rather than quietly sent somewhere else
  const rawPath = target.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0].split('#')[0]
  if (rawPath.split('/').some(s => /^(\.|%2e){1,2}$/i.test(s))) throw new InvalidPathError('"." and ".." are not allowed in content paths')
  // behind a reverse proxy the original host and scheme come in X-Forwarded-* headers
  const host = firstHeader(req.headers['x-forwarded-host']) ?? req.headers.host
  const scheme = firstHeader(req.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http'
  const sub = subdomains.parse(host)
  let cidText: string
  let rest: string
  if (sub == null && (url.pathname === '/ipfs/' || url.pathname === '/ipns/') && url.searchParams.has('uri')) {
    // navigator.registerProtocolHandler sends ipfs://<cid>/<path> here
    const m = /^(ipfs|ipns):\/\/([^/?#]+)(.*)$/.exec(url.searchParams.get('uri') ?? '')
    if (m == null) throw new InvalidPathError('uri must be ipfs://<cid>[/path] or ipns://<name>[/path]')
    return { redirect: `/${m[1]}/${m[2]}${m[3]}` }
  }
  if (sub == null && /^\/ipfs\/ip[fn]s\//.test(url.pathname)) {
    // `/ipfs/ipfs/{cid}`: one namespace too many, as boxo's handleSuperfluousNamespace fixes it
    const query = url.searchParams.size > 0 ? `?${sortedQuery(url.searchParams)}` : ''
    return { redirect: `${url.pathname.slice('/ipfs'.length)}${query}` }
  }
  if (sub != null) {
    if (sub.namespace === 'ipns') {
      const name = nameOfLabel(sub.id)
      return { ipns: { name, rest: url.pathname === '/' ? '' : url.pathname, urlPath: url.pathname, search: url.search, query: url.searchParams, subdomain: true, parent: sub.parent } }
    }
    cidText = sub.id
    rest = url.pathname
  } else {
    if (url.pathname === '/' || url.pathname === '') return { landing: true }
    const ipns = /^\/ipns\/([^/]+)(\/.*)?$/.exec(url.pathname)
    if (ipns != null) {
      const name = decodeURIComponent(ipns[1])
      const rest = ipns[2] ?? ''
      // on a subdomain-capable host a name moves to its own origin, as a CID does
      if (subdomains.isParent(host)) {
        // a DNSLink name becomes one label only with InlineDNSLink or over HTTPS, as boxo's toSubdomainURL
        const inline = subdomains.known(host)?.inlineDNSLink === true || scheme === 'https'
        return { redirect: `${scheme}://${ipnsLabel(name, inline)}.ipns.${host!.toLowerCase()}${rest === '' ? '/' : rest}${url.search}` }
      }
      return { ipns: { name, rest, urlPath: url.pathname, search: url.search, query: url.searchParams, subdomain: false } }
    }
    const match = /^\/ipfs\/([^/]*)(\/.*)?$/.exec(url.pathname)
    if (match == null) throw new NotFoundError(`no such resource: ${url.pathname.slice(0, 200)}`)
    cidText = match[1]
    rest = match[2] ?? ''
    if (cidText === '') throw new InvalidPathError('missing CID in path')
  }
  let root: CID
  try {
    root = parseCid(cidText)
  } catch (err) {
    throw new InvalidPathError(`invalid path "/ipfs/${cidText.slice(0, 100)}": ${(err as Error).message}`, { cause: err })
  }
  if (sub == null && subdomains.isParent(host)) {
    return { redirect: subdomainUrl(root, host!.toLowerCase(), rest, url.search, scheme) }
  }
  if (sub != null && cidText !== toDnsLabel(root)) {
    // CIDv0 and other bases are case-sensitive, which DNS is not: move to the canonical label
    return { redirect: subdomainUrl(root, sub.parent, rest, url.search, scheme) }
  }
  const { segments, trailingSlash } = splitSegments(rest)
  return {
    root,
    segments,
    trailingSlash,
    contentPath: `/ipfs/${cidText}${rest}`,
    // escapes as sent (a client's lower-case `%c4%85`) are written again as Go does: `%C4%85`
    urlPath: rawPath.includes('%') ? escapePath(decodePath(url.pathname)) : url.pathname,
    search: url.search,
    query: url.searchParams,
    subdomain: sub != null,
    parent: sub?.parent
  }
}
