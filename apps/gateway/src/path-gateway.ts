import { NotFoundError, TimeoutError } from '@cairn/interface'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { defaultLogger } from '@libp2p/logger'
import type { ComponentLogger } from '@libp2p/interface'
import type { GatewayBackend, ResolvedPath } from './backend.ts'
import { DEFAULT_MAX_LISTING_ENTRIES, DEFAULT_MAX_URL_BYTES, DEFAULT_RESPONSE_CACHE_BYTES, DEFAULT_TIMEOUT_MS } from './constants.ts'
import { MethodNotAllowedError, PreconditionFailedError, StatusError } from './errors.ts'
import type { RangeNotSatisfiableError } from './errors.ts'
import { contentLocation, negotiate } from './negotiate.ts'
import { serveRoutingV1 } from './routing-v1.ts'
import type { RoutingV1Backend } from './routing-v1.ts'
import { firstHeader, parseRequest } from './request.ts'
import { dnslinkCandidate, resolveNameRequest, serveIpnsRecord, wantsRecord } from './ipns.ts'
import type { ParsedRequest } from './request.ts'
import { LRUCache } from 'lru-cache'
import { sendError } from './respond.ts'
import { createResponseCache } from './response-cache.ts'
import type { Progress } from './respond.ts'
import { PublicGateways, hasPathPrefix } from './public-gateways.ts'
import type { PublicGatewayConfig } from './public-gateways.ts'
import { toHttpStatus } from './status.ts'
import { BaseHeaders } from './handlers/context.ts'
import type { RequestContext } from './handlers/context.ts'
import { serveCar } from './handlers/car.ts'
import { serveCodec, serveDocument } from './handlers/codec.ts'
import { serveDirectory } from './handlers/directory.ts'
import { serveRawBlock } from './handlers/raw-block.ts'
import { serveRedirects } from './handlers/redirects.ts'
import { serveSymlink } from './handlers/symlink.ts'
import { serveTar } from './handlers/tar.ts'
import { serveFile } from './handlers/unixfs-file.ts'

export interface PathGatewayInit {
  backend: GatewayBackend
  /** @default DEFAULT_TIMEOUT_MS */
  timeoutMs?: number
  /** @default DEFAULT_MAX_LISTING_ENTRIES */
  maxListingEntries?: number
  /** @default DEFAULT_MAX_URL_BYTES */
  maxUrlBytes?: number
  /**
   * Kubo's `Gateway.PublicGateways`: per hostname (`*` wildcards allowed) the paths it serves, and
   * whether it is a subdomain gateway, a DNSLink site, or inlines DNSLink names. Merged over the
   * implicit `localhost` subdomain gateway (`null` removes it); see `public-gateways.ts`.
   * @default {} (only `localhost`)
   */
  publicGateways?: Record<string, PublicGatewayConfig | null>
  /**
   * Re-encode dag-pb, dag-cbor and dag-json blocks into `?format=dag-json|dag-cbor` instead of
   * answering 406 (IPIP-0524), as Kubo's `Gateway.AllowCodecConversion`. @default false
   */
  allowCodecConversion?: boolean
  /** Serve a request whose Host is a domain with a DNSLink as that site (Kubo: `Gateway.NoDNSLink: false`). @default true */
  dnslinkHosts?: boolean
  /** Serves the Delegated Routing V1 HTTP API at `/routing/v1` (Kubo's `Gateway.ExposeRoutingAPI`); none when absent */
  routing?: RoutingV1Backend
  /**
   * Bytes of whole answers kept for files held in one block (headers and body, replayed for the
   * same URL, host and `Accept`; see `response-cache.ts`); 0 keeps none.
   * @default DEFAULT_RESPONSE_CACHE_BYTES (16 MiB)
   */
  responseCacheBytes?: number
  /** @default `defaultLogger()` of `@libp2p/logger` (enable with `DEBUG=cairn:gateway*`) */
  logger?: ComponentLogger
}

/**
 * CORS as Kubo sends it (boxo's `Headers.ApplyCors`): content is public and immutable, so any page
 * may read it; one value per header line, names canonical and sorted
 */
const CORS_HEADERS: Record<string, string[]> = {
  'Access-Control-Allow-Origin': ['*'],
  'Access-Control-Allow-Methods': ['GET', 'HEAD', 'OPTIONS'],
  'Access-Control-Allow-Headers': ['Content-Type', 'Range', 'User-Agent', 'X-Requested-With'],
  'Access-Control-Expose-Headers': ['Content-Length', 'Content-Range', 'X-Chunked-Output', 'X-Ipfs-Path', 'X-Ipfs-Roots', 'X-Stream-Output']
}

const CORS_ENTRIES = Object.entries(CORS_HEADERS)
const CORS_FLAT = CORS_ENTRIES.flatMap(([name, values]) => values.flatMap(value => [name, value]))

/** Requests whose parsed host and path are kept, and about the memory they may take (URLs are up to 8 KiB) */
const PARSED_REQUEST_CACHE_ENTRIES = 4096
const PARSED_REQUEST_CACHE_BYTES = 4 * 1024 * 1024

/** The namespace root itself: a service worker registered there would control every CID */
const NAMESPACE_ROOT = /^\/ip[fn]s\/[^/]+$/

/**
 * The path gateway (`/ipfs/{cid}[/path]`), its subdomain form (`{cid}.ipfs.localhost`) and the
 * trustless responses (`?format=raw|car`), over a `GatewayBackend`. Requests are read by
 * `request.ts`, the format negotiated by `negotiate.ts`, and each format answered by its own
 * module in `handlers/`, as boxo's `gateway/handler_*.go`.
 */
export function createPathGateway (init: PathGatewayInit): (req: IncomingMessage, res: ServerResponse) => void {
  const log = (init.logger ?? defaultLogger()).forComponent('cairn:gateway:http')
  const backend = init.backend
  const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxListingEntries = init.maxListingEntries ?? DEFAULT_MAX_LISTING_ENTRIES
  const maxUrlBytes = init.maxUrlBytes ?? DEFAULT_MAX_URL_BYTES
  const subdomains = new PublicGateways(init.publicGateways)
  const allowCodecConversion = init.allowCodecConversion ?? false
  // the same URLs come again and again (small files, a site's assets): read each once
  const parsedRequests = new LRUCache<string, ParsedRequest>({ max: PARSED_REQUEST_CACHE_ENTRIES, maxSize: PARSED_REQUEST_CACHE_BYTES, sizeCalculation: (_v, key) => key.length * 4 })
  const responses = createResponseCache(init.responseCacheBytes ?? DEFAULT_RESPONSE_CACHE_BYTES)

  const dnslinkHosts = init.dnslinkHosts ?? true
  const isGatewayHost = (host: string): boolean => subdomains.known(host) != null || subdomains.parse(host) != null

  /** A DNSLink website by its Host header, or undefined to serve the request as a gateway path */
  async function dnslinkSite (req: IncomingMessage, signal: AbortSignal, gatewayHost = false): Promise<ParsedRequest | undefined> {
    if (backend.resolveName == null) return undefined
    // a known gateway's own name is a site only where its Paths do not reach (hostGate)
    const candidate = dnslinkCandidate(firstHeader(req.headers['x-forwarded-host']) ?? req.headers.host, req.url ?? '/', gatewayHost ? () => false : isGatewayHost)
    if (candidate == null) return undefined
    try {
      await backend.resolveName(candidate.name, { signal })
    } catch (err) {
      // a host without a DNSLink is an ordinary gateway host
      if ((err as Error)?.name === 'ResolveFailedError' || (err as Error)?.name === 'InvalidParametersError') return undefined
      throw err
    }
    return { ipns: candidate }
  }

  /**
   * boxo's hostname handler: on a known gateway host a path outside its `Paths` is the host's
   * DNSLink site (unless its `NoDNSLink`) or a 404; a subdomain of a gateway that is not a
   * subdomain gateway for that namespace is a 404; any other host may be a DNSLink site
   * (`Gateway.NoDNSLink`), else the plain path gateway. The landing page at `/` stays.
   */
  async function hostGate (req: IncomingMessage, signal: AbortSignal): Promise<ParsedRequest> {
    const host = firstHeader(req.headers['x-forwarded-host']) ?? req.headers.host
    const known = subdomains.known(host)
    if (known != null) {
      const path = new URL(req.url ?? '/', 'http://gateway.invalid').pathname
      if (path !== '/' && !hasPathPrefix(path, known.paths)) {
        const site = known.noDNSLink ? undefined : await dnslinkSite(req, signal, true)
        if (site != null) return site
        throw new NotFoundError(`404 page not found: ${path.slice(0, 100)} is not served on this host`)
      }
      return parseRequest(req, subdomains, parsedRequests)
    }
    const sub = subdomains.parse(host)
    if (sub != null) {
      if (!sub.gateway.useSubdomains || !hasPathPrefix(`/${sub.namespace}/${sub.id}`, sub.gateway.paths)) {
        throw new NotFoundError(`404 page not found: ${sub.parent} is not a subdomain gateway for /${sub.namespace}`)
      }
      return parseRequest(req, subdomains, parsedRequests)
    }
    return (dnslinkHosts ? await dnslinkSite(req, signal) : undefined) ?? parseRequest(req, subdomains, parsedRequests)
  }

  async function serve (req: IncomingMessage, res: ServerResponse, base: BaseHeaders, signal: AbortSignal, progress: Progress, cacheKey?: string): Promise<void> {
    if (req.method === 'OPTIONS') {
      base.apply()
      // a preflight; a path that moves to a subdomain moves for it too, as Kubo
      let moved: string | undefined
      try {
        const parsed = parseRequest(req, subdomains)
        if ('redirect' in parsed) moved = parsed.redirect
      } catch {}
      res.setHeader('Allow', ['GET', 'HEAD', 'OPTIONS'])
      res.writeHead(moved != null ? 301 : 200, moved != null ? { Location: moved } : {})
      res.end()
      return
    }
    if (init.routing != null && (req.url ?? '').startsWith('/routing/v1/') && await serveRoutingV1(init.routing, req, res, signal)) return
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new MethodNotAllowedError('GET, HEAD', `method ${req.method} not allowed`)
    if ((req.url ?? '').length > maxUrlBytes) throw new StatusError(414, 'URL too long')
    const parsed = await hostGate(req, signal)
    if (req.headers['service-worker'] === 'script' && !('landing' in parsed) && !('redirect' in parsed) &&
        !('ipns' in parsed ? parsed.ipns : parsed).subdomain && NAMESPACE_ROOT.test(('ipns' in parsed ? parsed.ipns : parsed).urlPath)) {
      // boxo's guard (kubo#4025): a worker at /ipfs/{cid} would be scoped to every site on this origin
      throw new StatusError(400, 'navigator.serviceWorker: registration is not allowed for this scope')
    }
    if ('landing' in parsed || 'redirect' in parsed) base.apply()
    if ('ipns' in parsed && wantsRecord(parsed.ipns.query, req.headers.accept)) {
      return serveIpnsRecord(backend, parsed.ipns, res, base, req.method === 'HEAD', signal)
    }
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
    const r = 'ipns' in parsed ? await resolveNameRequest(backend, parsed.ipns, signal) : parsed
    if (/\bonly-if-cached\b/i.test(String(req.headers['cache-control'] ?? '')) && backend.isLocal != null &&
        !(await backend.isLocal(r.root, { signal }))) {
      throw new PreconditionFailedError(`${r.root.toString()} is not in the local store (only-if-cached)`)
    }
    const negotiated = negotiate(r.query, req.headers.accept)
    base.set('X-Ipfs-Path', r.contentPath)
    base.set('Vary', 'Accept')
    const location = contentLocation(r.urlPath, r.query, negotiated)
    if (location != null) base.set('Content-Location', location)
    const ctx: RequestContext = { req, res, base, request: r, backend, signal, progress, head: req.method === 'HEAD', maxListingEntries }
    // only immutable answers are replayed: what an /ipns/ name or a DNSLink host points at moves
    if (cacheKey != null && !('ipns' in parsed)) ctx.remember = (headers, body) => { responses?.set(cacheKey, headers, body) }

    if (negotiated.format === 'car') {
      base.apply()
      return serveCar(ctx, negotiated.car!)
    }

    let resolved: ResolvedPath
    try {
      resolved = await backend.resolvePath(r.root, r.segments, { signal })
    } catch (err) {
      // a site on its own origin may answer missing paths through its _redirects file
      if (r.subdomain && negotiated.format === 'deserialized' && (err as Error)?.name === 'NotFoundError') {
        base.apply()
        if (await serveRedirects(ctx)) return
      }
      throw err
    }
    base.set('X-Ipfs-Roots', resolved.roots.join(','))

    const format = negotiated.format
    // only a one-block file may still put these headers in its single writeHead
    if (format !== 'deserialized' || resolved.content == null) base.apply()
    if (format === 'raw') return serveRawBlock(ctx, resolved)
    if (format === 'tar') return serveTar(ctx, resolved)
    // plain `json`/`cbor` only speak to blocks of those codecs; for UnixFS they change nothing
    const unixfs = resolved.cid.code === 0x70 || resolved.cid.code === 0x55
    if (format !== 'deserialized' && !(unixfs && (format === 'json' || format === 'cbor'))) {
      return serveCodec(ctx, resolved, format, allowCodecConversion)
    }
    switch (resolved.type) {
      case 'directory':
        return serveDirectory(ctx, resolved)
      case 'file':
      case 'raw':
        return serveFile(ctx, resolved, { name: r.segments.at(-1) })
      case 'symlink':
        return serveSymlink(ctx, resolved)
      default:
        return serveDocument(ctx, resolved)
    }
  }

  return (req, res) => {
    const cacheKey = responses?.keyOf(req)
    if (cacheKey != null) {
      const hit = responses!.get(cacheKey)
      if (hit != null) {
        res.writeHead(200, hit.headers as string[])
        res.end(req.method === 'HEAD' ? undefined : hit.body)
        return
      }
    }
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
    const base = new BaseHeaders(res, CORS_ENTRIES, CORS_FLAT)
    serve(req, res, base, controller.signal, progress, cacheKey).then(() => {
      clearTimeout(timer)
    }, (err: unknown) => {
      clearTimeout(timer)
      const error = timedOut ? new TimeoutError(`content not found within ${timeoutMs} ms`, { cause: err }) : err
      if (res.headersSent) {
        log.error('%s %s failed after the headers, cutting the connection - %e', req.method, req.url, error)
        res.destroy(error instanceof Error ? error : undefined)
        return
      }
      base.apply()
      if (toHttpStatus(error) >= 500) log.error('%s %s - %e', req.method, req.url, error)
      if ((error as Error)?.name === 'RangeNotSatisfiableError') res.setHeader('Content-Range', `bytes */${(error as RangeNotSatisfiableError).size}`)
      if ((error as Error)?.name === 'MethodNotAllowedError') res.setHeader('Allow', 'GET, HEAD')
      sendError(res, error, 'gateway')
    })
  }
}
