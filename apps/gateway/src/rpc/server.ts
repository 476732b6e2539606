import type { CairnApi } from '@cairn/interface'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { defaultLogger } from '@libp2p/logger'
import type { ComponentLogger } from '@libp2p/interface'
import { timingSafeEqual } from 'node:crypto'
import { TimeoutError, parseDuration } from '@cairn/interface'
import { DEFAULT_MAX_BLOCK_BYTES, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_MULTIPART_PARTS } from '../constants.ts'
import { ForbiddenError, MethodNotAllowedError, UnknownCommandError } from '../errors.ts'
import { sendError } from '../respond.ts'
import { toRpcStatus } from '../status.ts'
import { parseArgs } from './args.ts'
import { createOriginPolicy } from './origin.ts'
import { canEndWithError, endStream } from './output.ts'
import { commands } from './commands/index.ts'
import { namespaceCommands } from './commands/local-only.ts'
import { ActiveCommands } from './active.ts'
import { DEBUG_PATHS, serveDebug } from './debug.ts'
import { setRoute } from '../http-metrics.ts'
import type { Command } from './command.ts'
import type { MetricsSource } from './debug.ts'

/** Kubo's `API.Authorizations` entry */
export interface RpcAuthorization {
  /** `bearer:<token>`, `basic:<user>:<password>`, or a bare token (bearer) */
  AuthSecret: string
  /** Path prefixes this secret may call, e.g. `/api/v0` or `/api/v0/cat` */
  AllowedPaths: string[]
}

export interface RpcInit {
  api: CairnApi
  /** When set, every request needs a matching `Authorization` header. @default undefined (none needed) */
  authorizations?: Record<string, RpcAuthorization>
  /** Origins allowed to call from a browser, as Kubo's `API.HTTPHeaders.Access-Control-Allow-Origin`. @default [] */
  allowedOrigins?: string[]
  /** @default DEFAULT_MAX_BODY_BYTES */
  maxBodyBytes?: number
  /** @default DEFAULT_MAX_BLOCK_BYTES */
  maxBlockBytes?: number
  /** @default DEFAULT_MAX_MULTIPART_PARTS */
  maxParts?: number
  /** Extra commands or replacements, keyed by path below /api/v0/ (the CLI may add its own) */
  commands?: Record<string, Command>
  /** @default `defaultLogger()` of `@libp2p/logger` (enable with `DEBUG=cairn:gateway*`) */
  /** The node's metrics, served at `/debug/metrics/prometheus` (404 without) */
  metrics?: MetricsSource
  logger?: ComponentLogger
}

const API_PREFIX = '/api/v0/'

function expectedHeader (secret: string): string {
  if (secret.startsWith('basic:')) return `Basic ${Buffer.from(secret.slice('basic:'.length)).toString('base64')}`
  if (secret.startsWith('bearer:')) return `Bearer ${secret.slice('bearer:'.length)}`
  return `Bearer ${secret}`
}

function safeEqual (a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * A CORS preflight is answered whatever the origin, with the CORS grant only for an allowed one
 * (set before this), as rs/cors in go-ipfs-cmds; a plain OPTIONS lists the methods.
 */
function answerOptions (req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['access-control-request-method'] == null) {
    res.writeHead(204, { Allow: 'OPTIONS, POST' })
  } else if (res.hasHeader('Access-Control-Allow-Origin')) {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type, Authorization'
    })
  } else {
    res.writeHead(204)
  }
  res.end()
}

/**
 * The `/api/v0` RPC as Kubo serves it: POST only, `arg` and options in the query string, JSON
 * or NDJSON or byte-stream answers, Kubo's error JSON. Browsers from other origins are refused
 * (a web page must not drive the node), and optional bearer or basic credentials are checked.
 */
export function createRpcHandler (init: RpcInit): (req: IncomingMessage, res: ServerResponse) => void {
  const log = (init.logger ?? defaultLogger()).forComponent('cairn:gateway:rpc')
  const merged: Record<string, Command> = { ...commands, ...init.commands }
  // namespaces of the extra commands too (`commands/completion` when the CLI adds its scripts)
  const table: Record<string, Command> = { ...namespaceCommands(merged), ...merged }
  const active = new ActiveCommands()
  const origins = createOriginPolicy(init.allowedOrigins)
  const authorizations = Object.values(init.authorizations ?? {})
  const limits = {
    maxBodyBytes: init.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxPartBytes: init.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxParts: init.maxParts ?? DEFAULT_MAX_MULTIPART_PARTS,
    maxBlockBytes: init.maxBlockBytes ?? DEFAULT_MAX_BLOCK_BYTES
  }

  function checkAuthorization (req: IncomingMessage, path: string): void {
    if (authorizations.length === 0) return
    const header = req.headers.authorization ?? ''
    const match = authorizations.find(a => safeEqual(header, expectedHeader(a.AuthSecret)))
    if (match == null) throw new ForbiddenError('missing or wrong authorization')
    // Kubo lets any valid secret ask for the version
    if (path === '/api/v0/version') return
    if (!match.AllowedPaths.some(p => path === p || path.startsWith(p.endsWith('/') ? p : p + '/'))) {
      throw new ForbiddenError(`not authorized for ${path.slice(0, 100)}`)
    }
  }

  async function handle (req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api.invalid')
    const origin = req.headers.origin ?? ''
    if (origin !== '' && origins.allows(origin, req.socket.localPort)) {
      // an allowed web app may call the RPC: tell its browser so (rs/cors in go-ipfs-cmds)
      res.setHeader('Access-Control-Allow-Origin', origin)
      res.setHeader('Vary', 'Origin')
      res.setHeader('Access-Control-Expose-Headers', 'X-Stream-Output, X-Chunked-Output, X-Content-Length, X-Stream-Error')
    }
    if (req.method === 'OPTIONS') {
      answerOptions(req, res)
      return
    }
    checkAuthorization(req, url.pathname)
    if (DEBUG_PATHS.includes(url.pathname)) {
      setRoute(req, url.pathname)
      await serveDebug(url.pathname, url, req, res, init.metrics, signal)
      return
    }
    if (!url.pathname.startsWith(API_PREFIX)) throw new UnknownCommandError(`404 page not found: ${url.pathname.slice(0, 100)}`)
    // go-ipfs-cmds' order: the method, then origin, referer and user agent, then the command
    if (req.method !== 'POST') throw new MethodNotAllowedError('POST', `${req.method} is not allowed: the RPC API takes POST only`)
    origins.check(req)
    const name = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, '')
    const command = Object.hasOwn(table, name) ? table[name] : undefined
    if (command == null) throw new UnknownCommandError(`unknown command "${name.slice(0, 100)}"`)
    setRoute(req, API_PREFIX + name)
    const args = parseArgs(url.searchParams, command)
    const timeout = args.string('timeout')
    const signals = [signal]
    if (timeout != null) signals.push(AbortSignal.timeout(parseDuration(timeout)))
    const ended = active.start(name, args.args, Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'arg')))
    try {
      await command.run({ api: init.api, args, req, res, signal: AbortSignal.any(signals), limits, active })
    } catch (err) {
      if (signals.length > 1 && signals[1].aborted && !signal.aborted) throw new TimeoutError('context deadline exceeded', { cause: err })
      throw err
    } finally {
      ended()
    }
  }

  return (req, res) => {
    const controller = new AbortController()
    res.on('close', () => { if (!res.writableFinished) controller.abort() })
    handle(req, res, controller.signal).catch((err: unknown) => {
      if ((err as Error)?.name === 'MethodNotAllowedError') res.setHeader('Allow', 'OPTIONS, POST')
      // a request body we did not read must not stall the connection
      if (!req.complete) req.resume()
      if (res.headersSent || toRpcStatus(err) >= 500) log.error('%s %s - %e', req.method, req.url, err)
      // a stream that announced the X-Stream-Error trailer ends with it, as go-ipfs-cmds does
      if (canEndWithError(res)) endStream(res, err)
      else sendError(res, err, 'rpc')
    })
  }
}
