import { IMMUTABLE_CACHE_CONTROL } from '../constants.ts'
import type { Negotiated } from '../negotiate.ts'
import { sendStream } from '../respond.ts'
import { attachment, etagMatches, notModified, sendHead } from './context.ts'
import type { RequestContext } from './context.ts'

/**
 * `?format=car` / `application/vnd.ipld.car`: the blocks that walk the path, then the terminal
 * entity as `dag-scope` and `entity-bytes` say, streamed as read (boxo's `handler_car.go`)
 */
export async function serveCar (ctx: RequestContext, car: NonNullable<Negotiated['car']>): Promise<void> {
  const { request: r, res } = ctx
  const scopeKey = `${car.dagScope}.${car.entityBytes != null ? `${car.entityBytes.from}:${car.entityBytes.to}` : ''}.${car.dups ? 'y' : 'n'}`
  const etag = `W/"${r.root.toString()}${r.segments.length > 0 ? '/' + r.segments.join('/') : ''}.car.${scopeKey}"`
  if (etagMatches(ctx.req.headers['if-none-match'], etag)) return notModified(res, etag, ctx.request.cacheControl)
  const resolved = r.segments.length > 0 ? await ctx.backend.resolvePath(r.root, r.segments, { signal: ctx.signal }) : undefined
  if (resolved != null) res.setHeader('X-Ipfs-Roots', resolved.roots.join(','))
  const headers = {
    'Content-Type': `application/vnd.ipld.car; version=1; order=dfs; dups=${car.dups ? 'y' : 'n'}`,
    'Content-Disposition': attachment(r.query, `${(resolved?.cid ?? r.root).toString()}.car`),
    'X-Content-Type-Options': 'nosniff',
    // streamed as read, so no byte ranges: partial fetches use dag-scope and entity-bytes
    'Accept-Ranges': 'none',
    'Cache-Control': ctx.request.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  }
  if (ctx.head) return sendHead(res, 200, headers)
  const stream = ctx.backend.getCar(r.root, r.segments, { signal: ctx.signal, dagScope: car.dagScope, entityBytes: car.entityBytes, dups: car.dups })
  await sendStream(res, 200, headers, stream, ctx.progress)
}
