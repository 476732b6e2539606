/**
 * The Pinning Service API (ipfs/pinning-services-api-spec v1.0.0) over HTTP: `/pins` and
 * `/pins/{requestid}` on their own listener (`Pinning.Service.Listen`), each request
 * authenticated by `Authorization: Bearer <token>` and turned into one call on the
 * `@cairn/pinning-service` token scope. Errors are the spec's `Failure` bodies, their statuses and
 * reasons from the one table below.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FailureObject } from '@cairn/interface'
import { parseQuery } from '@cairn/pinning-service'
import type { PinningService } from '@cairn/pinning-service'
import { defaultLogger } from '@libp2p/logger'
import type { ComponentLogger } from '@libp2p/interface'

/** A Pin body is a CID, a name, 20 origins and a bounded meta: 1 MiB is far more than any needs */
export const DEFAULT_PINNING_BODY_BYTES_MAX = 1024 * 1024
export const DEFAULT_PINNING_SERVICE_PORT = 5002

export interface PinningServiceServerInit {
  /** @default '127.0.0.1' */
  host?: string
  /** 0 picks a free port. @default DEFAULT_PINNING_SERVICE_PORT (5002) */
  port?: number
  /** @default DEFAULT_PINNING_BODY_BYTES_MAX (1 MiB) */
  maxBodyBytes?: number
  logger?: ComponentLogger
}

export interface PinningServiceServer {
  start(): Promise<void>
  stop(): Promise<void>
  /** `http://host:port`, once started */
  readonly url?: string
}

/** Error name → the spec's status and `Failure.error.reason` */
const FAILURES: Record<string, { status: number, reason: string }> = {
  InvalidParametersError: { status: 400, reason: 'BAD_REQUEST' },
  InvalidCidError: { status: 400, reason: 'BAD_REQUEST' },
  MalformedRequestError: { status: 400, reason: 'BAD_REQUEST' },
  UnauthorizedError: { status: 401, reason: 'UNAUTHORIZED' },
  NotFoundError: { status: 404, reason: 'NOT_FOUND' },
  MethodNotAllowedError: { status: 405, reason: 'METHOD_NOT_ALLOWED' },
  QuotaExceededError: { status: 409, reason: 'INSUFFICIENT_FUNDS' },
  PayloadTooLargeError: { status: 413, reason: 'PAYLOAD_TOO_LARGE' },
  ServiceStoppedError: { status: 503, reason: 'SERVICE_UNAVAILABLE' }
}

class HttpError extends Error {
  constructor (name: string, message: string) {
    super(message)
    this.name = name
  }
}

function send (res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { 'Content-Length': '0' })
    res.end()
    return
  }
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) })
  res.end(text)
}

function fail (res: ServerResponse, err: unknown): void {
  const name = (err as Error)?.name ?? ''
  const row = FAILURES[name] ?? { status: 500, reason: 'INTERNAL_SERVER_ERROR' }
  const failure: FailureObject = { error: { reason: row.reason, details: (err as Error)?.message ?? String(err) } }
  if (row.status === 401) res.setHeader('WWW-Authenticate', 'Bearer')
  send(res, row.status, failure)
}

/** Bytes read and dropped past the limit before the connection is cut: enough for a client to see its 413 */
const DRAIN_BYTES_MAX = 16 * 1024 * 1024

async function readJson (req: IncomingMessage, max: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    // past the limit the rest is read and dropped (a client still sending would miss the 413), up to a bound
    if (size > max + DRAIN_BYTES_MAX) break
    if (size <= max) chunks.push(chunk as Buffer)
  }
  if (size > max) throw new HttpError('PayloadTooLargeError', `the body passes ${max} bytes`)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch (err) {
    throw new HttpError('MalformedRequestError', `the body is not JSON: ${(err as Error).message}`)
  }
}

function bearer (req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  if (header == null) return undefined
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return m?.[1] ?? ''
}

export function createPinningServiceServer (service: PinningService, init: PinningServiceServerInit = {}): PinningServiceServer {
  const host = init.host ?? '127.0.0.1'
  const port = init.port ?? DEFAULT_PINNING_SERVICE_PORT
  const maxBody = init.maxBodyBytes ?? DEFAULT_PINNING_BODY_BYTES_MAX
  const log = (init.logger ?? defaultLogger()).forComponent('cairn:gateway:pinning-service')
  let server: Server | undefined
  let url: string | undefined

  async function handle (req: IncomingMessage, res: ServerResponse): Promise<void> {
    // tokens travel in a header, never as ambient credentials: any web page may call with its own
    res.setHeader('Access-Control-Allow-Origin', '*')
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600'
      })
      res.end()
      return
    }
    const u = new URL(req.url ?? '/', 'http://localhost')
    const path = u.pathname.replace(/\/+$/, '')
    const m = /^\/pins(?:\/([^/]+))?$/.exec(path)
    if (m == null) throw new HttpError('NotFoundError', `no such endpoint: ${path.slice(0, 100)}`)
    const allowed = m[1] == null ? ['GET', 'POST'] : ['GET', 'POST', 'DELETE']
    if (!allowed.includes(req.method ?? '')) {
      res.setHeader('Allow', allowed.join(', '))
      throw new HttpError('MethodNotAllowedError', `${req.method ?? ''} is not allowed on ${path}`)
    }
    const scope = await service.authenticate(bearer(req))
    if (m[1] == null) {
      if (req.method === 'GET') {
        send(res, 200, await scope.list(parseQuery(u.searchParams)))
      } else {
        send(res, 202, await scope.add(await readJson(req, maxBody)))
      }
      return
    }
    const requestid = decodeURIComponent(m[1])
    if (req.method === 'GET') send(res, 200, await scope.get(requestid))
    else if (req.method === 'POST') send(res, 202, await scope.replace(requestid, await readJson(req, maxBody)))
    else {
      await scope.remove(requestid)
      send(res, 202)
    }
  }

  return {
    get url () { return url },
    async start () {
      if (server != null) return
      const s = createServer((req, res) => {
        handle(req, res).catch(err => {
          if (FAILURES[(err as Error)?.name] == null) log.error('%s %s - %e', req.method, req.url, err)
          if (res.headersSent) { res.destroy(); return }
          fail(res, err)
        })
      })
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject)
        s.listen(port, host, () => { s.off('error', reject); resolve() })
      })
      server = s
      const addr = s.address() as AddressInfo
      url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`
    },
    async stop () {
      const s = server
      if (s == null) return
      server = undefined
      await new Promise<void>(resolve => {
        s.close(() => { resolve() })
        s.closeAllConnections()
      })
    }
  }
}
