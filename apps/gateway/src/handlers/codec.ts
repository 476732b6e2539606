import { UnsupportedCodecError } from '@cairn/interface'
import { convertBlock } from '@cairn/dag'
import type { ResolvedPath } from '../backend.ts'
import { IMMUTABLE_CACHE_CONTROL } from '../constants.ts'
import { renderDagPage } from '../listing.ts'
import { CONTENT_TYPE_OF } from '../negotiate.ts'
import type { Negotiated } from '../negotiate.ts'
import { NotAcceptableError } from '../errors.ts'
import { codecDisposition, contentDisposition, etagMatches, notModified, sendBytes } from './context.ts'
import type { RequestContext } from './context.ts'

/** The response format that serves a block of each codec as stored */
export const CODEC_FORMAT: Record<number, Negotiated['format']> = { 0x71: 'dag-cbor', 0x0129: 'dag-json', 0x0200: 'json', 0x51: 'cbor' }

export type CodecFormat = 'dag-json' | 'dag-cbor' | 'json' | 'cbor'

/** Codecs a block may have to be served, as stored, in each format (boxo's `contentTypeToRaw`) */
const SERVED_AS: Record<CodecFormat, number[]> = {
  'dag-json': [0x0129],
  'dag-cbor': [0x71],
  json: [0x0200, 0x0129],
  cbor: [0x51, 0x71]
}

const CODEC_NAME: Record<number, string> = { 0x70: 'dag-pb', 0x55: 'raw', 0x71: 'dag-cbor', 0x0129: 'dag-json', 0x0200: 'json', 0x51: 'cbor' }

/**
 * `?format=dag-json|dag-cbor|json|cbor` (boxo's `handler_codec.go`): the block as stored when its
 * codec is that format (or its plain/DAG twin for `json`/`cbor`); any other codec is 406 (IPIP-0524),
 * unless `allowCodecConversion` re-encodes dag-pb, dag-cbor and dag-json into `dag-json`/`dag-cbor`
 */
export async function serveCodec (ctx: RequestContext, resolved: ResolvedPath, format: CodecFormat, allowCodecConversion = false): Promise<void> {
  const code = resolved.cid.code
  if (SERVED_AS[format].includes(code)) {
    return serveBlockAs(ctx, resolved, CONTENT_TYPE_OF[format], format)
  }
  if (!allowCodecConversion || (format !== 'dag-json' && format !== 'dag-cbor')) {
    const codec = CODEC_NAME[code] ?? `0x${code.toString(16)}`
    throw new NotAcceptableError(`format "${format}" requested but block has codec "${codec}": codec conversion is not supported, fetch raw block with ?format=raw and convert client-side`)
  }
  const etag = `"${resolved.cid.toString()}.${format}"`
  if (etagMatches(ctx.req.headers['if-none-match'], etag)) return notModified(ctx.res, etag, ctx.request.cacheControl)
  const block = await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal })
  let converted: Uint8Array
  try {
    converted = convertBlock(code, block, format)
  } catch (err) {
    // a codec with no decoder here is still the client's choice of format: 406, as the others
    if (err instanceof UnsupportedCodecError) throw new NotAcceptableError(err.message)
    throw err
  }
  sendBytes(ctx, converted, {
    'Content-Type': CONTENT_TYPE_OF[format],
    'Content-Disposition': codecDisposition(ctx.request.query, resolved.cid, format),
    'Cache-Control': ctx.request.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
    Etag: etag
  })
}

/**
 * A block that is neither UnixFS nor asked for in a format: a browser asking for a DAG-JSON/DAG-CBOR
 * document gets a page that shows it, anyone else the block as stored
 */
export async function serveDocument (ctx: RequestContext, resolved: ResolvedPath): Promise<void> {
  const format = CODEC_FORMAT[resolved.cid.code]
  if ((format === 'dag-json' || format === 'dag-cbor') && /\btext\/html\b/.test(ctx.req.headers.accept ?? '')) {
    return serveDagPage(ctx, resolved)
  }
  return serveBlockAs(ctx, resolved, format != null ? CONTENT_TYPE_OF[format as CodecFormat] : 'application/octet-stream')
}

async function serveBlockAs (ctx: RequestContext, resolved: ResolvedPath, contentType: string, format?: string): Promise<void> {
  const codec = format ?? CODEC_FORMAT[resolved.cid.code]
  // the rendering is part of the entity: `{cid}.dag-json` differs from `{cid}.json`
  const etag = codec != null ? `"${resolved.cid.toString()}.${codec}"` : `"${resolved.cid.toString()}"`
  if (etagMatches(ctx.req.headers['if-none-match'], etag)) return notModified(ctx.res, etag, ctx.request.cacheControl)
  const bytes = await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal })
  const disposition = codec != null ? codecDisposition(ctx.request.query, resolved.cid, codec) : contentDisposition(ctx.request.query)
  sendBytes(ctx, bytes, {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': ctx.request.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
    Etag: etag,
    ...(disposition != null ? { 'Content-Disposition': disposition } : {})
  })
}

/** An HTML page showing a DAG-JSON/DAG-CBOR document as indented DAG-JSON, its links clickable */
async function serveDagPage (ctx: RequestContext, resolved: ResolvedPath): Promise<void> {
  const etag = `"DagIndex-cairn1_CID-${resolved.cid.toString()}"`
  if (etagMatches(ctx.req.headers['if-none-match'], etag)) return notModified(ctx.res, etag, 'no-cache')
  const json = new TextDecoder().decode(convertBlock(resolved.cid.code, await ctx.backend.getBlock(resolved.cid, { signal: ctx.signal }), 'dag-json'))
  const r = ctx.request
  const html = renderDagPage(resolved.cid, JSON.stringify(JSON.parse(json), null, 2), r.subdomain ? `//${r.parent}` : '')
  // generated HTML, like a listing; no Cache-Control, as Kubo
  sendBytes(ctx, Buffer.from(html), { 'Content-Type': 'text/html; charset=utf-8', Etag: etag })
}
