/**
 * The Delegated Routing V1 HTTP API (specs.ipfs.tech/routing/http-routing-v1) on the gateway port,
 * as Kubo serves it with `Gateway.ExposeRoutingAPI` (boxo's `routing/http/server`): providers and
 * peers from the node's DHT, IPNS records GET and PUT. Empty answers are 200s (IPIP-0513); a
 * response is NDJSON when the client asks for `application/x-ndjson`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { base36 } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import type { AbortOptions } from '@cairn/interface'
import { parseCid } from './cid.ts'

const JSON_TYPE = 'application/json'
const NDJSON_TYPE = 'application/x-ndjson'
const IPNS_RECORD_TYPE = 'application/vnd.ipfs.ipns-record'
/** boxo's DefaultRecordsLimit for non-streaming answers */
const RECORDS_LIMIT = 20
/** An IPNS record is at most 10 KiB (IPNS spec) */
const IPNS_RECORD_BYTES_MAX = 10 * 1024
/** boxo's cache policy: results for 5 minutes, no results for 15 s, stale for 48 h */
const MAX_AGE_WITH_RESULTS_S = 300
const MAX_AGE_WITHOUT_RESULTS_S = 15
const MAX_STALE_S = 48 * 3600
const LIBP2P_KEY = 0x72

export interface PeerRecord {
  id: string
  addrs: string[]
  /** Transfer protocols to advertise. @default ['transport-bitswap'] (providers); [] prints none */
  protocols?: string[]
}

/** What the routing API reads: the node's DHT and its name system */
export interface RoutingV1Backend {
  findProviders(cid: CID, options?: AbortOptions): AsyncIterable<PeerRecord>
  findPeer(peerId: string, options?: AbortOptions): Promise<PeerRecord>
  /** The DHT peers closest to a multihash (IPIP-0476); NotFoundError when the node has no DHT */
  closestPeers(key: Uint8Array, options?: AbortOptions): AsyncIterable<PeerRecord>
  /** The record, with its TTL (seconds) and validity (RFC3339) read by the node */
  getIpns(name: string, options?: AbortOptions): Promise<{ record: Uint8Array, ttlS?: number, validity?: string }>
  putIpns(name: string, record: Uint8Array, options?: AbortOptions): Promise<void>
}

class RoutingError extends Error {
  readonly status: number
  constructor (status: number, message: string) {
    super(message)
    this.status = status
  }
}

const cacheControl = (maxAge: number, stale = MAX_STALE_S): string => `public, max-age=${maxAge}, stale-while-revalidate=${stale}, stale-if-error=${stale}`

function wantsNdjson (req: IncomingMessage): boolean {
  return String(req.headers.accept ?? '').split(',').some(t => t.split(';')[0].trim() === NDJSON_TYPE)
}

/** A peer ID as a CID or in its legacy base58 form, back to base58 (boxo's parsePeerID) */
function peerIdOf (text: string): string {
  try {
    if (text.startsWith('1') || text.startsWith('Q')) return base58btc.encode(Digest.decode(base58btc.baseDecode(text)).bytes).slice(1)
    const cid = CID.parse(text, text.startsWith('k') ? base36 : undefined)
    return base58btc.encode(cid.multihash.bytes).slice(1)
  } catch (err) {
    throw new RoutingError(400, `unable to parse PeerID: ${(err as Error).message}`)
  }
}

/** An IPNS name CID (`k51...`, or any CID of a libp2p key) as its base36 form */
function ipnsNameOf (text: string): string {
  let cid
  try {
    cid = CID.parse(text, text.startsWith('k') ? base36 : undefined)
  } catch (err) {
    throw new RoutingError(400, `unable to parse CID: ${(err as Error).message}`)
  }
  if (cid.code !== LIBP2P_KEY) throw new RoutingError(400, 'peer ID CID is not valid: not a libp2p-key CID')
  return cid.toString(base36)
}

function peerJson (p: PeerRecord): Record<string, unknown> {
  const protocols = p.protocols ?? ['transport-bitswap']
  return { Schema: 'peer', ID: p.id, Addrs: p.addrs, ...(protocols.length > 0 ? { Protocols: protocols } : {}) }
}

/**
 * boxo's `parseKey` for closest peers: a peer ID (legacy base58 or a libp2p-key CID) first, then
 * any CID; the DHT key is its multihash
 */
function dhtKeyOf (text: string): Uint8Array {
  try {
    if (text.startsWith('1') || text.startsWith('Q')) return Digest.decode(base58btc.baseDecode(text)).bytes
    return CID.parse(text, text.startsWith('k') ? base36 : undefined).multihash.bytes
  } catch (err) {
    throw new RoutingError(400, `unable to parse key "${text}": unable to parse as CID or PeerID: ${(err as Error).message}`)
  }
}

async function readBody (req: IncomingMessage, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of req) {
    length += (chunk as Buffer).length
    if (length > max) throw new RoutingError(400, `provided record is too long: over ${max} bytes`)
    chunks.push(chunk as Buffer)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

async function sendPeers (req: IncomingMessage, res: ServerResponse, key: 'Providers' | 'Peers', source: AsyncIterable<PeerRecord>, limit = RECORDS_LIMIT): Promise<void> {
  if (wantsNdjson(req)) {
    let any = false
    res.setHeader('Content-Type', NDJSON_TYPE)
    res.setHeader('Vary', 'Accept')
    for await (const p of source) {
      if (!any) {
        any = true
        res.writeHead(200, { 'Cache-Control': cacheControl(MAX_AGE_WITH_RESULTS_S) })
      }
      res.write(JSON.stringify(peerJson(p)) + '\n')
    }
    if (!any) res.writeHead(200, { 'Cache-Control': cacheControl(MAX_AGE_WITHOUT_RESULTS_S) })
    res.end()
    return
  }
  const found: Array<Record<string, unknown>> = []
  for await (const p of source) {
    found.push(peerJson(p))
    if (found.length >= limit) break
  }
  const body = JSON.stringify({ [key]: found }) + '\n'
  res.writeHead(200, {
    'Content-Type': JSON_TYPE,
    Vary: 'Accept',
    'Cache-Control': cacheControl(found.length > 0 ? MAX_AGE_WITH_RESULTS_S : MAX_AGE_WITHOUT_RESULTS_S),
    'Content-Length': String(Buffer.byteLength(body))
  })
  res.end(body)
}

/** Serves `/routing/v1/...`; returns false for any other path */
export async function serveRoutingV1 (backend: RoutingV1Backend, req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://gateway.invalid')
  const m = /^\/routing\/v1\/(providers|peers|ipns|dht\/closest\/peers)\/([^/]+)\/?$/.exec(url.pathname)
  if (m == null) {
    if (!url.pathname.startsWith('/routing/v1/')) return false
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('404 page not found\n')
    return true
  }
  const [, kind, arg] = m
  const method = req.method ?? 'GET'
  res.setHeader('Access-Control-Allow-Origin', '*')
  try {
    if (kind === 'ipns' && method === 'PUT') {
      if (!String(req.headers['content-type'] ?? '').includes(IPNS_RECORD_TYPE)) throw new RoutingError(406, "content type in 'Content-Type' header is missing or not supported")
      const name = ipnsNameOf(arg)
      const record = await readBody(req, IPNS_RECORD_BYTES_MAX)
      try {
        await backend.putIpns(name, record, { signal })
      } catch (err) {
        const code = (err as { code?: string }).code
        throw new RoutingError(code === 'ERR_INVALID_RECORD' || code === 'ERR_INVALID_PARAMETERS' ? 400 : 500, `provided record is invalid: ${(err as Error).message}`)
      }
      res.writeHead(200, { 'Content-Length': '0' })
      res.end()
      return true
    }
    if (method !== 'GET' && method !== 'HEAD') throw new RoutingError(405, `method ${method} not allowed`)
    if (kind === 'providers') {
      let cid
      try {
        cid = parseCid(arg)
      } catch (err) {
        throw new RoutingError(400, `unable to parse CID: ${(err as Error).message}`)
      }
      await sendPeers(req, res, 'Providers', backend.findProviders(cid, { signal }))
      return true
    }
    if (kind === 'dht/closest/peers') {
      const key = dhtKeyOf(arg)
      const source = async function * (): AsyncGenerator<PeerRecord> {
        try {
          for await (const p of backend.closestPeers(key, { signal })) yield { ...p, protocols: [] }
        } catch (err) {
          // boxo: routing.ErrNotFound is an empty answer
          if ((err as Error)?.name !== 'NotFoundError') throw err
        }
      }
      await sendPeers(req, res, 'Peers', source(), Infinity)
      return true
    }
    if (kind === 'peers') {
      const peerId = peerIdOf(arg)
      const source = async function * (): AsyncGenerator<PeerRecord> {
        try {
          yield await backend.findPeer(peerId, { signal })
        } catch (err) {
          if ((err as Error)?.name !== 'NotFoundError') throw err
        }
      }
      await sendPeers(req, res, 'Peers', source())
      return true
    }
    // GET /routing/v1/ipns/{name}
    const accept = String(req.headers.accept ?? '')
    if (accept !== '' && !accept.includes('*/*') && !accept.includes(IPNS_RECORD_TYPE)) {
      throw new RoutingError(406, "content type in 'Accept' header is not supported, retry with 'application/vnd.ipfs.ipns-record'")
    }
    const name = ipnsNameOf(arg)
    let found: { record: Uint8Array, ttlS?: number, validity?: string }
    try {
      found = await backend.getIpns(name, { signal })
    } catch (err) {
      const name = (err as Error)?.name
      if (name !== 'ResolveFailedError' && name !== 'NotFoundError' && name !== 'TimeoutError') throw err
      // IPIP-0513: no record is a 200 with a text body
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': cacheControl(MAX_AGE_WITHOUT_RESULTS_S) })
      res.end('delegate error: routing: not found\n')
      return true
    }
    const record = found.record
    const validUntil = Date.parse(found.validity ?? '')
    const remaining = Number.isNaN(validUntil) ? 0 : Math.floor((validUntil - Date.now()) / 1000)
    const ttl = found.ttlS ?? 300
    const maxAge = Math.min(Math.max(0, ttl), remaining)
    res.writeHead(200, {
      'Content-Type': IPNS_RECORD_TYPE,
      'Content-Length': String(record.byteLength),
      'Content-Disposition': `attachment; filename="${name}.ipns-record"`,
      'Cache-Control': remaining <= 0 ? 'no-store' : cacheControl(maxAge, remaining - maxAge),
      ...(Number.isNaN(validUntil) ? {} : { Expires: new Date(validUntil).toUTCString() }),
      Vary: 'Accept'
    })
    res.end(method === 'HEAD' ? undefined : record)
    return true
  } catch (err) {
    if (res.headersSent) {
      res.destroy(err as Error)
      return true
    }
    const status = err instanceof RoutingError ? err.status : 500
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(String((err as Error).message).slice(0, 1024))
    return true
  }
}
