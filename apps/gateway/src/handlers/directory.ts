import type { CID } from 'multiformats/cid'
import type { GatewayBackend, ResolvedPath } from '../backend.ts'
import { renderListing } from '../listing.ts'
import type { ListingEntry } from '../listing.ts'
import { etagMatches, notModified, sendHead } from './context.ts'
import type { RequestContext } from './context.ts'
import { serveFile } from './unixfs-file.ts'

/** Generated HTML may change with Cairn's version: cached a week, not forever */
const LISTING_CACHE_CONTROL = 'public, max-age=604800, stale-while-revalidate=2678400'

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
 * A UnixFS directory: 301 to the URL with a trailing slash, its `index.html` when it has one,
 * else an HTML listing (boxo's `handler_unixfs_dir.go`)
 */
export async function serveDirectory (ctx: RequestContext, resolved: ResolvedPath): Promise<void> {
  const { req, res, request: r, backend, signal } = ctx
  // `go get` reads the go-import meta tags of index.html where it asked (kubo#3963)
  if (!r.trailingSlash && !(r.subdomain && r.segments.length === 0 && r.urlPath.endsWith('/')) && r.query.get('go-get') !== '1') {
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
    return serveFile(ctx, { ...index, roots: resolved.roots }, { name: 'index.html', etagCid: resolved.cid })
  }
  const etag = `"DirIndex-cairn1_CID-${resolved.cid.toString()}"`
  if (etagMatches(req.headers['if-none-match'], etag) || etagMatches(req.headers['if-none-match'], `"${resolved.cid.toString()}"`)) {
    return notModified(res, etag, LISTING_CACHE_CONTROL)
  }
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': LISTING_CACHE_CONTROL,
    Etag: etag
  }
  if (ctx.head) return sendHead(res, 200, headers)
  const max = ctx.maxListingEntries
  const { entries, truncated } = await collectListing(backend, resolved.cid, max, signal)
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
    truncatedAt: truncated ? max : undefined
  })
  headers['Content-Length'] = String(Buffer.byteLength(html))
  res.writeHead(200, headers)
  res.end(html)
}
