import type { ResolvedPath } from '../backend.ts'
import { IMMUTABLE_CACHE_CONTROL } from '../constants.ts'
import type { RequestContext } from './context.ts'

/** A UnixFS symlink: its target as the body, typed `inode/symlink` (not followed, as Kubo) */
export async function serveSymlink (ctx: RequestContext, resolved: ResolvedPath): Promise<void> {
  let target = ''
  for await (const entry of ctx.backend.get(resolved.cid, { signal: ctx.signal })) {
    target = entry.symlinkTarget ?? ''
    break
  }
  ctx.res.writeHead(200, {
    'Content-Type': 'inode/symlink',
    'Content-Length': String(Buffer.byteLength(target)),
    'Cache-Control': ctx.request.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
    Etag: `"${resolved.cid.toString()}"`
  })
  ctx.res.end(ctx.head ? undefined : target)
}
