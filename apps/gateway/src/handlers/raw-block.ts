import type { ResolvedPath } from '../backend.ts'
import { IMMUTABLE_CACHE_CONTROL } from '../constants.ts'
import { CONTENT_TYPE_OF } from '../negotiate.ts'
import { attachment, etagMatches, notModified, sendBytes } from './context.ts'
import type { RequestContext } from './context.ts'

/** `?format=raw` / `application/vnd.ipld.raw`: the exact bytes of one block (boxo's `handler_block.go`) */
export async function serveRawBlock (ctx: RequestContext, resolved: ResolvedPath): Promise<void> {
  const etag = `"${resolved.cid.toString()}.raw"`
  if (etagMatches(ctx.req.headers['if-none-match'], etag)) return notModified(ctx.res, etag, ctx.request.cacheControl)
  const bytes = await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal })
  sendBytes(ctx, bytes, {
    'Content-Type': CONTENT_TYPE_OF.raw,
    'Content-Disposition': attachment(ctx.request.query, `${resolved.cid.toString()}.bin`),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': ctx.request.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  })
}
