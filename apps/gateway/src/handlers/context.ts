import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CID } from 'multiformats/cid'
import type { GatewayBackend } from '../backend.ts'
import { IMMUTABLE_CACHE_CONTROL } from '../constants.ts'
import { RangeNotSatisfiableError } from '../errors.ts'
import { parseRange } from '../range.ts'
import { escapeSegment } from '../request.ts'
import type { ContentRequest } from '../request.ts'
import type { Progress } from '../respond.ts'

/**
 * Headers every answer of one request carries (CORS, `X-Ipfs-Path`, `X-Ipfs-Roots`...). They are
 * collected and put on the response once: with `apply()` (`setHeader`) before a handler writes its
 * own way, or with `flat()` in the single `writeHead` of a small in-memory answer, which spares
 * Node's per-header bookkeeping on the path that serves most requests.
 */
export class BaseHeaders {
  readonly #res: ServerResponse
  readonly #fixed: ReadonlyArray<readonly [string, string[]]>
  readonly #fixedFlat: readonly string[]
  readonly #extra: Array<[string, string]> = []
  #applied = false

  constructor (res: ServerResponse, fixed: ReadonlyArray<readonly [string, string[]]>, fixedFlat: readonly string[]) {
    this.#res = res
    this.#fixed = fixed
    this.#fixedFlat = fixedFlat
  }

  set (name: string, value: string): void {
    if (this.#applied) this.#res.setHeader(name, value)
    else this.#extra.push([name, value])
  }

  /** Puts the headers on the response, once */
  apply (): void {
    if (this.#applied) return
    this.#applied = true
    for (const [name, values] of this.#fixed) this.#res.setHeader(name, values)
    for (const [name, value] of this.#extra) this.#res.setHeader(name, value)
  }

  /** Name/value pairs for one `writeHead(status, pairs)`, `own` after these; undefined once applied */
  flat (own: Record<string, string>): string[] | undefined {
    if (this.#applied) return undefined
    this.#applied = true
    const out = this.#fixedFlat.slice()
    for (const [name, value] of this.#extra) out.push(name, value)
    for (const name in own) out.push(name, own[name])
    return out
  }
}

/** Everything a response handler needs for one request */
export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  /** Headers every answer carries: `apply()` them before writing any other way than `flat()` */
  base: BaseHeaders
  request: ContentRequest
  backend: GatewayBackend
  signal: AbortSignal
  /** Restarts the idle timer when the backend makes progress */
  progress: Progress
  /** HEAD: headers only */
  head: boolean
  /** Entries shown in one HTML directory listing */
  maxListingEntries: number
  /**
   * Keeps a whole `200` answer for the same request to replay (set only when the request may be
   * answered from the response cache): header pairs as given to `writeHead`, and the body
   */
  remember?: (headers: string[], body: Uint8Array) => void
}

/** Whether an `If-None-Match`/`If-Match` header names `etag` (weak and strong compare equal) */
export function etagMatches (header: string | undefined, etag: string): boolean {
  if (header == null) return false
  const bare = etag.replace(/^W\//, '')
  return header.split(',').map(s => s.trim()).some(t => t === '*' || t.replace(/^W\//, '') === bare)
}

export function notModified (res: ServerResponse, etag: string, cacheControl = IMMUTABLE_CACHE_CONTROL): void {
  res.writeHead(304, { Etag: etag, 'Cache-Control': cacheControl })
  res.end()
}

export function sendHead (res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, headers)
  res.end()
}

/** One in-memory body, honouring a single `Range` */
export function sendBytes (ctx: RequestContext, bytes: Uint8Array, headers: Record<string, string>): void {
  const range = parseRange(ctx.req.headers.range, bytes.length)
  if (range === 'unsatisfiable') throw new RangeNotSatisfiableError(bytes.length, `range not satisfiable for ${bytes.length} bytes`)
  const body = range != null ? bytes.subarray(range.start, range.end + 1) : bytes
  const all: Record<string, string> = { ...headers, 'Accept-Ranges': 'bytes', 'Content-Length': String(body.length) }
  if (range != null) all['Content-Range'] = `bytes ${range.start}-${range.end}/${bytes.length}`
  ctx.res.writeHead(range != null ? 206 : 200, all)
  ctx.res.end(ctx.head ? undefined : body)
}

/**
 * `Content-Disposition` from `?filename=` (or `fallback`) and `?download=true`, written as boxo's
 * `setContentDispositionHeader`: the name with non-ASCII characters as `_`, then its UTF-8 form
 * (RFC 6266), both escaped as Go's `url.PathEscape`
 */
export function contentDisposition (query: URLSearchParams, fallback?: string): string | undefined {
  if (fallback == null && query.size === 0) return undefined
  const filename = query.get('filename') || fallback
  const download = query.get('download') === 'true'
  if (filename == null || filename === '') return download ? 'attachment' : undefined
  const ascii = escapeSegment(filename.replace(/[^\x00-\x7f]/gu, '_'))
  return `${download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${escapeSegment(filename)}`
}

/** `Content-Disposition` of a download-only format (raw, CAR, tar): always an attachment */
export function attachment (query: URLSearchParams, fallback: string): string {
  return contentDisposition(query, fallback)!.replace(/^inline/, 'attachment')
}

/** `{cid}.json` shown inline, `{cid}.cbor` downloaded, as Kubo names IPLD renderings */
export function codecDisposition (query: URLSearchParams, cid: CID, format: string): string {
  const ext = format.endsWith('json') ? 'json' : 'cbor'
  const value = contentDisposition(query, `${cid.toString()}.${ext}`)!
  return ext === 'cbor' ? value.replace(/^inline/, 'attachment') : value
}
