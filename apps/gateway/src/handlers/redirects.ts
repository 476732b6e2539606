import type { ResolvedPath } from '../backend.ts'
import { StatusError } from '../errors.ts'
import { MAX_REDIRECTS_FILE_BYTES, matchRedirect, parseRedirects } from '../redirects.ts'
import { splitSegments } from '../request.ts'
import type { RequestContext } from './context.ts'
import { serveFile } from './unixfs-file.ts'

/**
 * Applies the site's `_redirects` to a missing path (boxo's `handler_unixfs__redirects.go`);
 * false when there is no such file or no rule applies
 */
export async function serveRedirects (ctx: RequestContext): Promise<boolean> {
  const { request: r, backend, signal } = ctx
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
    ctx.res.writeHead(match.status, { Location: withQuery(match.to, r.query) })
    ctx.res.end()
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
  await serveFile(ctx, target, { name, status: match.status })
  return true
}

/**
 * The rule's target with the request's query parameters carried over; where both name one, the
 * request's value wins (web-redirects-file spec, "Query Parameters")
 */
function withQuery (to: string, query: URLSearchParams): string {
  if (query.size === 0) return to
  const hashAt = to.indexOf('#')
  const hash = hashAt >= 0 ? to.slice(hashAt) : ''
  const base = hashAt >= 0 ? to.slice(0, hashAt) : to
  const queryAt = base.indexOf('?')
  const params = new URLSearchParams(queryAt >= 0 ? base.slice(queryAt + 1) : '')
  for (const key of new Set(query.keys())) params.delete(key)
  for (const [key, value] of query) params.append(key, value)
  return `${queryAt >= 0 ? base.slice(0, queryAt) : base}?${params.toString()}${hash}`
}
