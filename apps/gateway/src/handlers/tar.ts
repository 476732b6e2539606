import type { ResolvedPath } from '../backend.ts'
import { IMMUTABLE_CACHE_CONTROL } from '../constants.ts'
import { CONTENT_TYPE_OF } from '../negotiate.ts'
import { sendStream } from '../respond.ts'
import { tarStream } from '../tar.ts'
import { attachment, etagMatches, notModified, sendHead } from './context.ts'
import type { RequestContext } from './context.ts'

/** `?format=tar` / `application/x-tar`: a file or directory tree as a tar (boxo's `handler_tar.go`) */
export async function serveTar (ctx: RequestContext, resolved: ResolvedPath): Promise<void> {
  const etag = `W/"${resolved.cid.toString()}.x-tar"`
  if (etagMatches(ctx.req.headers['if-none-match'], etag)) return notModified(ctx.res, etag, ctx.request.cacheControl)
  const headers = {
    'Content-Type': CONTENT_TYPE_OF.tar,
    'Content-Disposition': attachment(ctx.request.query, `${resolved.cid.toString()}.tar`),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': ctx.request.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  }
  if (ctx.head) return sendHead(ctx.res, 200, headers)
  await sendStream(ctx.res, 200, headers, tarWithError(tarStream(ctx.backend.get(resolved.cid, { signal: ctx.signal }))), ctx.progress)
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
