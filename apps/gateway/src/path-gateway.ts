import { InvalidPathError, NotFoundError, TimeoutError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { defaultLogger } from '@libp2p/logger'
import type { ComponentLogger } from '@libp2p/interface'
import type { GatewayBackend, ResolvedPath } from './backend.ts'
import { parseCid } from './cid.ts'
import { DEFAULT_MAX_LISTING_ENTRIES, DEFAULT_MAX_URL_BYTES, DEFAULT_SUBDOMAIN_HOSTS, DEFAULT_TIMEOUT_MS, IMMUTABLE_CACHE_CONTROL, SNIFF_BYTES } from './constants.ts'
import { contentTypeFromName, sniffContentType } from './content-type.ts'
import { MethodNotAllowedError, PreconditionFailedError, RangeNotSatisfiableError, StatusError } from './errors.ts'
import { renderDagPage, renderListing } from './listing.ts'
import type { ListingEntry } from './listing.ts'
import { CONTENT_TYPE_OF, negotiate } from './negotiate.ts'
import type { Negotiated } from './negotiate.ts'
import { parseRange } from './range.ts'
import { MAX_REDIRECTS_FILE_BYTES, matchRedirect, parseRedirects } from './redirects.ts'
import { sendError, sendStream } from './respond.ts'
import type { Progress } from './respond.ts'
import { SubdomainHosts, subdomainUrl, toDnsLabel } from './subdomain.ts'
import { tarStream } from './tar.ts'
import { convertBlock } from './convert.ts'
import { toHttpStatus } from './status.ts'

export interface PathGatewayInit {
  backend: GatewayBackend
  /** @default DEFAULT_TIMEOUT_MS */
  timeoutMs?: number
  /** @default DEFAULT_MAX_LISTING_ENTRIES */
  maxListingEntries?: number
  /** @default DEFAULT_MAX_URL_BYTES */
  maxUrlBytes?: number
  /** Hostnames that serve `{cid}.ipfs.{host}` subdomain gateways. @default DEFAULT_SUBDOMAIN_HOSTS (`['localhost']`) */
  subdomainHosts?: string[]
  /** @default `defaultLogger()` of `@libp2p/logger` (enable with `DEBUG=cairn:gateway*`) */
  logger?: ComponentLogger
}

/** What a request asks for once host and path are read */
interface ContentRequest {
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
}

const LISTING_CACHE_CONTROL = 'public, max-age=604800, stale-while-revalidate=2678400'
const EXPOSED_HEADERS = 'Content-Range, Content-Length, X-Chunked-Output, X-Stream-Output, X-Ipfs-Path, X-Ipfs-Roots, Ipfs-Uri, ETag'

const CODEC_FORMAT: Record<number, Negotiated['format']> = { 0x71: 'dag-cbor', 0x0129: 'dag-json', 0x0200: 'json', 0x51: 'cbor' }

function splitSegments (rest: string): { segments: string[], trailingSlash: boolean } {
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

function etagMatches (header: string | undefined, etag: string): boolean {
  if (header == null) return false
  const bare = etag.replace(/^W\//, '')
  return header.split(',').map(s => s.trim()).some(t => t === '*' || t.replace(/^W\//, '') === bare)
}

/** `{cid}.json` shown inline, `{cid}.cbor` downloaded, as Kubo names IPLD renderings */
function codecDisposition (query: URLSearchParams, cid: CID, format: string): string {
  const ext = format.endsWith('json') ? 'json' : 'cbor'
  const value = contentDisposition(query, `${cid.toString()}.${ext}`)!
  return ext === 'cbor' ? value.replace(/^inline/, 'attachment') : value
}

function contentDisposition (query: URLSearchParams, fallback?: string): string | undefined {
  const filename = query.get('filename') ?? fallback
  const download = query.get('download') === 'true'
  if (filename == null) return download ? 'attachment' : undefined
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  // RFC 6266: the UTF-8 form only when the plain one had to lose characters, as boxo writes it
  const utf8 = ascii !== filename ? `; filename*=UTF-8''${encodeURIComponent(filename)}` : ''
  return `${download ? 'attachment' : 'inline'}; filename="${ascii}"${utf8}`
}

async function collectListing (backend: GatewayBackend, cid: CID, max: number, signal: AbortSignal): Promise<{ entries: ListingEntry[], truncated: boolean }> {
  const entries: ListingEntry[] = []
  for await (const e of backend.ls(cid, { signal })) {
    if (entries.length === max) return { entries, truncated: true }
    entries.push({ name: e.name, cid: e.cid, size: e.size, type: e.type })
  }
  entries.sort((a, b) => a.name.localeCompare(b.name))
  return { entries, truncated: false }
}

/**
 * The path gateway (`/ipfs/{cid}[/path]`), its subdomain form (`{cid}.ipfs.localhost`) and the
 * trustless responses (`?format=raw|car`), over a `GatewayBackend`.
 */
export function createPathGateway (init: PathGatewayInit): (req: IncomingMessage, res: ServerResponse) => void {
  const log = (init.logger ?? defaultLogger()).forComponent('cairn:gateway:http')
  const backend = init.backend
  const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxListing = init.maxListingEntries ?? DEFAULT_MAX_LISTING_ENTRIES
  const maxUrlBytes = init.maxUrlBytes ?? DEFAULT_MAX_URL_BYTES
  const subdomains = new SubdomainHosts(init.subdomainHosts ?? DEFAULT_SUBDOMAIN_HOSTS)

  function readRequest (req: IncomingMessage): ContentRequest | { redirect: string } | { landing: true } {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid')
    // WHATWG URL parsing resolves `..` and `%2e%2e`; the raw path is read instead so that such
    // requests are refused rather than quietly sent somewhere else
    const rawPath = (req.url ?? '/').replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0].split('#')[0]
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
    if (sub != null) {
      if (sub.namespace === 'ipns') throw new StatusError(501, 'IPNS names are not supported by this gateway')
      cidText = sub.id
      rest = url.pathname
    } else {
      if (url.pathname === '/' || url.pathname === '') return { landing: true }
      if (url.pathname.startsWith('/ipns/')) throw new StatusError(501, 'IPNS names are not supported by this gateway')
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
      urlPath: url.pathname,
      search: url.search,
      query: url.searchParams,
      subdomain: sub != null,
      parent: sub?.parent
    }
  }

  async function serve (req: IncomingMessage, res: ServerResponse, signal: AbortSignal, progress: Progress): Promise<void> {
    // content is public and immutable: any page may read it, as Kubo's gateway allows
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Range, User-Agent, X-Requested-With, If-None-Match, If-Match, Accept, Cache-Control')
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { Allow: 'GET, HEAD, OPTIONS' })
      res.end()
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new MethodNotAllowedError('GET, HEAD', `method ${req.method} not allowed`)
    if ((req.url ?? '').length > maxUrlBytes) throw new StatusError(414, 'URL too long')
    const parsed = readRequest(req)
    if ('landing' in parsed) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : 'Cairn IPFS gateway: GET /ipfs/<cid>[/path]\n')
      return
    }
    if ('redirect' in parsed) {
      res.writeHead(301, { Location: parsed.redirect })
      res.end()
      return
    }
    const r = parsed
    const head = req.method === 'HEAD'
    if (/\bonly-if-cached\b/i.test(String(req.headers['cache-control'] ?? '')) && backend.isLocal != null &&
        !(await backend.isLocal(r.root, { signal }))) {
      throw new PreconditionFailedError(`${r.root.toString()} is not in the local store (only-if-cached)`)
    }
    const negotiated = negotiate(r.query, req.headers.accept)
    res.setHeader('X-Ipfs-Path', r.contentPath)
    res.setHeader('Vary', 'Accept')

    if (negotiated.format === 'car') {
      const car = negotiated.car!
      const scopeKey = `${car.dagScope}.${car.entityBytes != null ? `${car.entityBytes.from}:${car.entityBytes.to}` : ''}.${car.dups ? 'y' : 'n'}`
      const etag = `W/"${r.root.toString()}${r.segments.length > 0 ? '/' + r.segments.join('/') : ''}.car.${scopeKey}"`
      if (etagMatches(req.headers['if-none-match'], etag)) return notModified(res, etag)
      const resolved = r.segments.length > 0 ? await backend.resolvePath(r.root, r.segments, { signal }) : undefined
      if (resolved != null) res.setHeader('X-Ipfs-Roots', resolved.roots.join(','))
      const headers = {
        'Content-Type': `application/vnd.ipld.car; version=1; order=dfs; dups=${car.dups ? 'y' : 'n'}`,
        'Content-Disposition': contentDisposition(r.query, `${(resolved?.cid ?? r.root).toString()}.car`)!.replace(/^inline/, 'attachment'),
        'X-Content-Type-Options': 'nosniff',
        // streamed as read, so no byte ranges: partial fetches use dag-scope and entity-bytes
        'Accept-Ranges': 'none',
        'Cache-Control': IMMUTABLE_CACHE_CONTROL,
        ETag: etag
      }
      if (head) return sendHead(res, 200, headers)
      const stream = backend.getCar(r.root, r.segments, { signal, dagScope: car.dagScope, entityBytes: car.entityBytes, dups: car.dups })
      await sendStream(res, 200, headers, stream, progress)
      return
    }

    let resolved: ResolvedPath
    try {
      resolved = await backend.resolvePath(r.root, r.segments, { signal })
    } catch (err) {
      // a site on its own origin may answer missing paths through its _redirects file
      if (r.subdomain && negotiated.format === 'deserialized' && (err as Error)?.name === 'NotFoundError' &&
          await serveRedirects(req, res, r, signal, progress)) return
      throw err
    }
    res.setHeader('X-Ipfs-Roots', resolved.roots.join(','))

    if (negotiated.format === 'raw') {
      const etag = `"${resolved.cid.toString()}.raw"`
      if (etagMatches(req.headers['if-none-match'], etag)) return notModified(res, etag)
      const bytes = await backend.getBlock(resolved.cid, { signal })
      const range = parseRange(req.headers.range, bytes.length)
      if (range === 'unsatisfiable') throw new RangeNotSatisfiableError(bytes.length, `range not satisfiable for ${bytes.length} bytes`)
      const body = range != null ? bytes.subarray(range.start, range.end + 1) : bytes
      const headers: Record<string, string> = {
        'Content-Type': CONTENT_TYPE_OF.raw,
        'Content-Length': String(body.length),
        'Content-Disposition': contentDisposition(r.query, `${resolved.cid.toString()}.bin`)!.replace(/^inline/, 'attachment'),
        'X-Content-Type-Options': 'nosniff',
        'Accept-Ranges': 'bytes',
        'Cache-Control': IMMUTABLE_CACHE_CONTROL,
        ETag: etag
      }
      if (range != null) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${bytes.length}`
      res.writeHead(range != null ? 206 : 200, headers)
      res.end(head ? undefined : body)
      return
    }

    if (negotiated.format === 'tar') {
      const etag = `W/"${resolved.cid.toString()}.x-tar"`
      if (etagMatches(req.headers['if-none-match'], etag)) return notModified(res, etag)
      const headers = {
        'Content-Type': CONTENT_TYPE_OF.tar,
        'Content-Disposition': contentDisposition(r.query, `${resolved.cid.toString()}.tar`)!.replace(/^inline/, 'attachment'),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': IMMUTABLE_CACHE_CONTROL,
        ETag: etag
      }
      if (head) return sendHead(res, 200, headers)
      await sendStream(res, 200, headers, tarWithError(tarStream(backend.get(resolved.cid, { signal }))), progress)
      return
    }

    // plain `json`/`cbor` only speak to blocks of those codecs; for UnixFS they change nothing
    const unixfs = resolved.cid.code === 0x70 || resolved.cid.code === 0x55
    if (negotiated.format !== 'deserialized' && !(unixfs && (negotiated.format === 'json' || negotiated.format === 'cbor'))) {
      // dag-json, dag-cbor, json, cbor: served as stored when the block already is that codec,
      // re-encoded between dag-pb, dag-cbor and dag-json otherwise
      const format = negotiated.format
      if (CODEC_FORMAT[resolved.cid.code] === format) {
        return serveBlockAs(req, res, resolved, CONTENT_TYPE_OF[format], r, signal, format)
      }
      const etag = `"${resolved.cid.toString()}.${format}"`
      if (etagMatches(req.headers['if-none-match'], etag)) return notModified(res, etag)
      const converted = convertBlock(resolved.cid.code, await backend.getBlock(resolved.cid, { signal }), format)
      return sendBytes(req, res, converted, {
        'Content-Type': CONTENT_TYPE_OF[format],
        'Content-Disposition': codecDisposition(r.query, resolved.cid, format),
        'Cache-Control': IMMUTABLE_CACHE_CONTROL,
        ETag: etag
      })
    }

    switch (resolved.type) {
      case 'directory':
        return serveDirectory(req, res, r, resolved, signal, progress)
      case 'file':
      case 'raw':
        return serveFile(req, res, r, resolved, r.segments.at(-1), signal, progress)
      case 'symlink':
        return serveSymlink(req, res, resolved, signal)
      default: {
        const format = CODEC_FORMAT[resolved.cid.code]
        // a browser asking for a DAG-JSON/DAG-CBOR document gets a page that shows it
        if ((format === 'dag-json' || format === 'dag-cbor') && /\btext\/html\b/.test(req.headers.accept ?? '')) {
          return serveDagPage(req, res, resolved, r, signal)
        }
        return serveBlockAs(req, res, resolved, format != null ? CONTENT_TYPE_OF[format as keyof typeof CONTENT_TYPE_OF] : 'application/octet-stream', r, signal)
      }
    }
  }

  /** Applies the site's `_redirects` to a missing path; false when no file or no rule applies */
  async function serveRedirects (req: IncomingMessage, res: ServerResponse, r: ContentRequest, signal: AbortSignal, progress: Progress): Promise<boolean> {
    let file: ResolvedPath
    try {
      file = await backend.resolvePath(r.root, ['_redirects'], { signal })
    } catch (err) {
      if ((err as Error)?.name === 'NotFoundError') return false
      throw err
    }
    if (file.type !== 'file' && file.type !== 'raw') return false
    if (file.size > MAX_REDIRECTS_FILE_BYTES) throw new StatusError(500, `could not parse _redirects: redirects file size cannot exceed ${MAX_REDIRECTS_FILE_BYTES} bytes`)
    const chunks: Uint8Array[] = []
    for await (const chunk of backend.cat(file.cid, { signal })) chunks.push(chunk)
    const match = matchRedirect(parseRedirects(Buffer.concat(chunks).toString('utf8')), '/' + r.segments.join('/'))
    if (match == null) return false
    if (match.status >= 300 && match.status < 400) {
      res.writeHead(match.status, { Location: match.to })
      res.end()
      return true
    }
    // 200 rewrites, 404/410/451 custom pages: the target's content with the rule's status
    const { segments } = splitSegments(match.to.split('?')[0])
    let target = await backend.resolvePath(r.root, segments, { signal })
    let name = segments.at(-1)
    if (target.type === 'directory') {
      target = await backend.resolvePath(r.root, [...segments, 'index.html'], { signal })
      name = 'index.html'
    }
    await serveFile(req, res, r, target, name, signal, progress, match.status)
    return true
  }

  async function serveBlockAs (req: IncomingMessage, res: ServerResponse, resolved: ResolvedPath, contentType: string, r: ContentRequest, signal: AbortSignal, format?: string): Promise<void> {
    const codec = format ?? CODEC_FORMAT[resolved.cid.code]
    // the rendering is part of the entity: `{cid}.dag-json` differs from `{cid}.json`
    const etag = codec != null ? `"${resolved.cid.toString()}.${codec}"` : `"${resolved.cid.toString()}"`
    if (etagMatches(req.headers['if-none-match'], etag)) return notModified(res, etag)
    const bytes = await backend.getBlock(resolved.cid, { signal })
    const disposition = codec != null ? codecDisposition(r.query, resolved.cid, codec) : contentDisposition(r.query)
    return sendBytes(req, res, bytes, {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': IMMUTABLE_CACHE_CONTROL,
      ETag: etag,
      ...(disposition != null ? { 'Content-Disposition': disposition } : {})
    })
  }

  /** An HTML page showing a DAG-JSON/DAG-CBOR document as indented DAG-JSON, its links clickable */
  async function serveDagPage (req: IncomingMessage, res: ServerResponse, resolved: ResolvedPath, r: ContentRequest, signal: AbortSignal): Promise<void> {
    const etag = `"DagIndex-cairn1_CID-${resolved.cid.toString()}"`
    if (etagMatches(req.headers['if-none-match'], etag)) return notModified(res, etag, 'no-cache')
    const json = new TextDecoder().decode(convertBlock(resolved.cid.code, await backend.getBlock(resolved.cid, { signal }), 'dag-json'))
    const html = renderDagPage(resolved.cid, JSON.stringify(JSON.parse(json), null, 2), r.subdomain ? `//${r.parent}` : '')
    // generated HTML, like a listing; no Cache-Control, as Kubo
    return sendBytes(req, res, Buffer.from(html), { 'Content-Type': 'text/html; charset=utf-8', ETag: etag })
  }

  /** One in-memory body, honouring a single `Range` */
  function sendBytes (req: IncomingMessage, res: ServerResponse, bytes: Uint8Array, headers: Record<string, string>): void {
    const range = parseRange(req.headers.range, bytes.length)
    if (range === 'unsatisfiable') throw new RangeNotSatisfiableError(bytes.length, `range not satisfiable for ${bytes.length} bytes`)
    const body = range != null ? bytes.subarray(range.start, range.end + 1) : bytes
    const all: Record<string, string> = { ...headers, 'Accept-Ranges': 'bytes', 'Content-Length': String(body.length) }
    if (range != null) all['Content-Range'] = `bytes ${range.start}-${range.end}/${bytes.length}`
    res.writeHead(range != null ? 206 : 200, all)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  async function serveSymlink (req: IncomingMessage, res: ServerResponse, resolved: ResolvedPath, signal: AbortSignal): Promise<void> {
    let target = ''
    for await (const entry of backend.get(resolved.cid, { signal })) {
      target = entry.symlinkTarget ?? ''
      break
    }
    const etag = `"${resolved.cid.toString()}"`
    res.writeHead(200, {
      'Content-Type': 'inode/symlink',
      'Content-Length': String(Buffer.byteLength(target)),
      'Cache-Control': IMMUTABLE_CACHE_CONTROL,
      ETag: etag
    })
    res.end(req.method === 'HEAD' ? undefined : target)
  }

  async function serveDirectory (req: IncomingMessage, res: ServerResponse, r: ContentRequest, resolved: ResolvedPath, signal: AbortSignal, progress: Progress): Promise<void> {
    if (!r.trailingSlash && !(r.subdomain && r.segments.length === 0 && r.urlPath.endsWith('/'))) {
      res.writeHead(301, { Location: `${r.urlPath}/${r.search}` })
      res.end()
      return
    }
    // a directory with an index.html is a web site
    let index: ResolvedPath | undefined
    try {
      index = await backend.resolvePath(r.root, [...r.segments, 'index.html'], { signal })
    } catch (err) {
      if ((err as Error)?.name !== 'NotFoundError') throw err
    }
    if (index != null && (index.type === 'file' || index.type === 'raw')) {
      // the site is the directory: its CID is the entity tag, as Kubo
      return serveFile(req, res, r, { ...index, roots: resolved.roots }, 'index.html', signal, progress, undefined, resolved.cid)
    }
    const etag = `"DirIndex-cairn1_CID-${resolved.cid.toString()}"`
    if (etagMatches(req.headers['if-none-match'], etag) || etagMatches(req.headers['if-none-match'], `"${resolved.cid.toString()}"`)) {
      return notModified(res, etag, LISTING_CACHE_CONTROL)
    }
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      // generated HTML may change with Cairn's version: cached a week, not forever
      'Cache-Control': LISTING_CACHE_CONTROL,
      ETag: etag
    }
    if (req.method === 'HEAD') return sendHead(res, 200, headers)
    const { entries, truncated } = await collectListing(backend, resolved.cid, maxListing, signal)
    const html = renderListing({
      path: r.contentPath.replace(/\/$/, '') || '/',
      root: r.root.toString(),
      segments: r.segments,
      base: r.urlPath,
      rootBase: r.subdomain ? `//${r.parent}/ipfs/${r.root.toString()}` : `/ipfs/${r.root.toString()}`,
      cid: resolved.cid,
      entries,
      hasParent: r.segments.length > 0,
      ipfsBase: r.subdomain ? `//${r.parent}` : '',
      truncatedAt: truncated ? maxListing : undefined
    })
    headers['Content-Length'] = String(Buffer.byteLength(html))
    res.writeHead(200, headers)
    res.end(html)
  }

  async function serveFile (req: IncomingMessage, res: ServerResponse, r: ContentRequest, resolved: ResolvedPath, name: string | undefined, signal: AbortSignal, progress: Progress, statusOverride?: number, etagCid?: CID): Promise<void> {
    const etag = `"${(etagCid ?? resolved.cid).toString()}"`
    if (statusOverride == null && etagMatches(req.headers['if-none-match'], etag)) return notModified(res, etag)
    const ifMatch = req.headers['if-match']
    if (ifMatch != null && !etagMatches(ifMatch, etag)) throw new PreconditionFailedError(`If-Match does not match ${etag}`)
    const size = resolved.size
    const range = statusOverride == null ? parseRange(req.headers.range, size) : undefined
    if (range === 'unsatisfiable') throw new RangeNotSatisfiableError(size, `range not satisfiable for ${size} bytes`)
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      'Cache-Control': IMMUTABLE_CACHE_CONTROL,
      ETag: etag
    }
    const disposition = contentDisposition(r.query)
    if (disposition != null) headers['Content-Disposition'] = disposition
    const byName = contentTypeFromName(r.query.get('filename') ?? name ?? '')
    const start = range?.start ?? 0
    const length = range != null ? range.end - range.start + 1 : size
    const status = statusOverride ?? (range != null ? 206 : 200)
    if (range != null) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`
    headers['Content-Length'] = String(length)

    // only bytes of the wanted range are read; the first bytes are read separately when the
    // type must be sniffed and the range does not start at 0
    const stream = backend.cat(resolved.cid, { signal, offset: start, length })[Symbol.asyncIterator]()
    let first: Uint8Array | undefined
    if (length > 0 && req.method !== 'HEAD') {
      const next = await stream.next()
      if (next.done !== true) first = next.value
    }
    let type = byName
    if (type == null) {
      if (range != null && range.start > 0) {
        // only the blocks covering the range are read, so there is nothing to sniff; Kubo's default
        type = 'text/plain; charset=utf-8'
      } else {
        let head = first
        if (head == null && size > 0) {
          // HEAD: read just the first bytes
          head = new Uint8Array(0)
          for await (const chunk of backend.cat(resolved.cid, { signal, offset: 0, length: Math.min(SNIFF_BYTES, size) })) {
            head = chunk
            break
          }
        }
        type = sniffContentType((head ?? new Uint8Array(0)).subarray(0, SNIFF_BYTES))
      }
    }
    headers['Content-Type'] = type
    if (req.method === 'HEAD') {
      await stream.return?.()
      return sendHead(res, status, headers)
    }
    await sendStream(res, status, headers, { [Symbol.asyncIterator]: () => stream }, progress, first)
  }

  return (req, res) => {
    const controller = new AbortController()
    let timedOut = false
    // an idle timer: any progress from the backend restarts it, so big files may take long
    let clientIsSlow = false
    const timer = setTimeout(function expire () {
      if (clientIsSlow) {
        timer.refresh()
        return
      }
      timedOut = true
      controller.abort(new TimeoutError(`no content within ${timeoutMs} ms`))
    }, timeoutMs)
    const progress: Progress = (): void => { timer.refresh() }
    progress.waiting = (on: boolean): void => {
      clientIsSlow = on
      if (!on) timer.refresh()
    }
    res.on('close', () => {
      clearTimeout(timer)
      if (!res.writableFinished) controller.abort()
    })
    serve(req, res, controller.signal, progress).then(() => {
      clearTimeout(timer)
    }, (err: unknown) => {
      clearTimeout(timer)
      const error = timedOut ? new TimeoutError(`content not found within ${timeoutMs} ms`, { cause: err }) : err
      if (res.headersSent) {
        log.error('%s %s failed after the headers, cutting the connection - %e', req.method, req.url, error)
        res.destroy(error instanceof Error ? error : undefined)
        return
      }
      if (toHttpStatus(error) >= 500) log.error('%s %s - %e', req.method, req.url, error)
      if ((error as Error)?.name === 'RangeNotSatisfiableError') res.setHeader('Content-Range', `bytes */${(error as RangeNotSatisfiableError).size}`)
      if ((error as Error)?.name === 'MethodNotAllowedError') res.setHeader('Allow', 'GET, HEAD')
      sendError(res, error, 'gateway')
    })
  }
}

/**
 * A tar that fails part-way ends with the reason as text, as Kubo's does: the archive is then
 * unreadable (no end-of-archive blocks, a bad header), and a person looking at it sees why
 */
async function * tarWithError (tar: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let started = false
  try {
    for await (const chunk of tar) {
      started = true
      yield chunk
    }
  } catch (err) {
    if (!started) throw err
    yield new TextEncoder().encode(`\n${(err as Error).message}\n`)
  }
}

function firstHeader (value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return v?.split(',')[0].trim() || undefined
}

function notModified (res: ServerResponse, etag: string, cacheControl = IMMUTABLE_CACHE_CONTROL): void {
  res.writeHead(304, { ETag: etag, 'Cache-Control': cacheControl })
  res.end()
}

function sendHead (res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, headers)
  res.end()
}
