import type { CID } from 'multiformats/cid'
import type { ResolvedPath } from '../backend.ts'
import { IMMUTABLE_CACHE_CONTROL, SNIFF_BYTES } from '../constants.ts'
import { contentTypeFromName, sniffContentType } from '../content-type.ts'
import { PreconditionFailedError, RangeNotSatisfiableError } from '../errors.ts'
import { parseRange } from '../range.ts'
import { sendStream } from '../respond.ts'
import { contentDisposition, etagMatches, notModified, sendHead } from './context.ts'
import type { RequestContext } from './context.ts'

/** Types sniffed from one-block files lately served (keyed by their bytes, which the block cache keeps) */
const SNIFFED = new WeakMap<Uint8Array, string>()

function sniffedType (content: Uint8Array): string {
  let type = SNIFFED.get(content)
  if (type == null) {
    type = sniffContentType(content.subarray(0, SNIFF_BYTES), content.length > SNIFF_BYTES)
    SNIFFED.set(content, type)
  }
  return type
}

export interface ServeFileOptions {
  /** The name the type is guessed from (the last path segment, `index.html`...) */
  name?: string
  /** A `_redirects` rule's status (200 rewrite, 404 page...): no ranges, no 304 */
  status?: number
  /** The entity tag's CID when it is not the file's (a directory served by its index.html) */
  etagCid?: CID
}

/**
 * A UnixFS file or raw block as its bytes, with ranges and a content type from the name or the
 * first bytes (boxo's `handler_unixfs_file.go`)
 */
export async function serveFile (ctx: RequestContext, resolved: ResolvedPath, options: ServeFileOptions = {}): Promise<void> {
  const { req, backend, signal } = ctx
  const statusOverride = options.status
  const etag = `"${(options.etagCid ?? resolved.cid).toString()}"`
  if (resolved.content == null) ctx.base.apply()
  if (statusOverride == null && etagMatches(req.headers['if-none-match'], etag)) {
    ctx.base.apply()
    return notModified(ctx.res, etag, ctx.request.cacheControl)
  }
  const ifMatch = req.headers['if-match']
  if (ifMatch != null && !etagMatches(ifMatch, etag)) throw new PreconditionFailedError(`If-Match does not match ${etag}`)
  const size = resolved.size
  const range = statusOverride == null ? parseRange(req.headers.range, size) : undefined
  if (range === 'unsatisfiable') throw new RangeNotSatisfiableError(size, `range not satisfiable for ${size} bytes`)
  const headers: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Cache-Control': ctx.request.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  }
  const disposition = contentDisposition(ctx.request.query)
  if (disposition != null) headers['Content-Disposition'] = disposition
  const byName = contentTypeFromName(ctx.request.query.get('filename') ?? options.name ?? '')
  const start = range?.start ?? 0
  const length = range != null ? range.end - range.start + 1 : size
  const status = statusOverride ?? (range != null ? 206 : 200)
  if (range != null) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`
  headers['Content-Length'] = String(length)

  if (resolved.content != null) {
    // a one-block file the backend read already: one write, no stream
    const content = resolved.content
    if (byName != null) headers['Content-Type'] = byName
    else if (range != null && range.start > 0) headers['Content-Type'] = 'text/plain; charset=utf-8'
    else headers['Content-Type'] = sniffedType(content)
    const all = ctx.base.flat(headers)
    if (all != null) ctx.res.writeHead(status, all)
    else ctx.res.writeHead(status, headers)
    const body = content.subarray(start, start + length)
    // the same request gets this very answer again: the content behind a CID never changes
    if (all != null && status === 200 && range == null) ctx.remember?.(all, body)
    ctx.res.end(ctx.head ? undefined : body)
    return
  }

  // only bytes of the wanted range are read; the first bytes are read separately when the
  // type must be sniffed and the range does not start at 0
  const stream = backend.cat(resolved.cid, { signal, offset: start, length })[Symbol.asyncIterator]()
  let first: Uint8Array | undefined
  if (length > 0 && !ctx.head) {
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
      const sniffed = (head ?? new Uint8Array(0)).subarray(0, SNIFF_BYTES)
      type = sniffContentType(sniffed, sniffed.length < size)
    }
  }
  headers['Content-Type'] = type
  if (ctx.head) {
    await stream.return?.()
    return sendHead(ctx.res, status, headers)
  }
  await sendStream(ctx.res, status, headers, { [Symbol.asyncIterator]: () => stream }, ctx.progress, first)
}
