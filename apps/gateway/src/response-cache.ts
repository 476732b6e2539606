import type { IncomingMessage } from 'node:http'
import { LRUCache } from 'lru-cache'

/**
 * Whole answers to `/ipfs/` requests for files held in one block, replayed as they were sent.
 * Content addressed by CID never changes, so the same request (URL, host, `Accept`) always gets
 * the same status, headers and bytes: a hit skips parsing the URL, negotiating, resolving the
 * path, the request's timer and abort signal, and building about 25 header lines, which for a
 * 1 KiB file cost more than serving its bytes. Only answers built from hash-verified content are
 * kept (what the block cache holds), so a hit serves nothing the slow path would not.
 */
export interface ResponseCache {
  /** The key of a request that may be answered from the cache; undefined when it must take the full path */
  keyOf(req: IncomingMessage): string | undefined
  get(key: string): CachedResponse | undefined
  /** Keeps a `200` answer: header name/value pairs as given to `writeHead`, and the whole body */
  set(key: string, headers: string[], body: Uint8Array): void
}

export interface CachedResponse {
  readonly headers: readonly string[]
  readonly body: Uint8Array
}

/** The largest body kept: a one-block file is at most a chunk (256 KiB by default) */
export const MAX_CACHED_RESPONSE_BYTES = 256 * 1024

/**
 * Request headers that change the answer beyond the key (ranges, conditional requests,
 * `only-if-cached`, the service-worker guard): such a request always takes the full path
 */
const PER_REQUEST_HEADERS = ['range', 'if-none-match', 'if-match', 'if-range', 'cache-control', 'service-worker'] as const

function headerText (value: string | string[] | undefined): string {
  return value == null ? '' : Array.isArray(value) ? value.join(', ') : value
}

/** A cache of about `maxBytes` (bodies, headers and keys); undefined when `maxBytes` is 0 */
export function createResponseCache (maxBytes: number): ResponseCache | undefined {
  if (maxBytes <= 0) return undefined
  const cache = new LRUCache<string, CachedResponse>({
    maxSize: maxBytes,
    sizeCalculation: (entry, key) => {
      let bytes = key.length + entry.body.byteLength
      for (const h of entry.headers) bytes += h.length
      return Math.max(1, bytes)
    }
  })
  return {
    keyOf (req) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return undefined
      const headers = req.headers
      for (const name of PER_REQUEST_HEADERS) if (headers[name] != null) return undefined
      // everything else the answer depends on: the URL, the host (subdomain gateways, also behind
      // a proxy) and the negotiated format
      return `${req.url ?? ''}\n${headers.host ?? ''}\n${headerText(headers['x-forwarded-host'])}\n${headerText(headers['x-forwarded-proto'])}\n${headers.accept ?? ''}`
    },
    get: key => cache.get(key),
    set (key, headers, body) {
      if (body.byteLength > MAX_CACHED_RESPONSE_BYTES) return
      cache.set(key, { headers, body })
    }
  }
}
