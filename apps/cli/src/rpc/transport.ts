/**
 * One POST to a daemon's `/api/v0/<command>` over `node:http` (not `fetch`: only `node:http` shows
 * the `X-Stream-Error` trailer in which Kubo's RPC reports a failure after its answer has started).
 * Every way an answer can fail ends in a thrown error: an error status, an error value in NDJSON,
 * the trailer, a connection cut before the end of the body. None of them ends as silence.
 */
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { RemoteError } from '../errors.ts'
import { CUT_STREAM_MESSAGE, ERROR_CODE_HEADER, STREAM_ERROR_TRAILER, errorMessage, isErrorValue, remoteError, toRpcError } from './errors.ts'
import { readNdjson } from './ndjson.ts'

// `import … from 'node:http'` copies every export into an ES module namespace, which reads http's
// lazy `WebSocket`/`CloseEvent` getters and so loads undici: ~80 ms of CPU at every command's
// start. The CommonJS module object, taken as it is, leaves them untouched.
const { Agent, request: httpRequest } = process.getBuiltinModule('node:http')

export interface TransportInit {
  /** `http://host:port` of the daemon's RPC */
  url: string
  /** Headers sent with every request (`Authorization`) */
  headers?: Record<string, string>
  /** Sockets kept open to the daemon */
  maxSockets: number
  /** Largest JSON answer (or NDJSON line) read */
  maxJsonBytes: number
}

export type Params = Record<string, string | number | boolean | undefined>

export interface CallInit {
  /** Kubo's positional `arg` parameters, in order */
  args?: string[]
  params?: Params
  /** A request body (multipart), streamed */
  body?: AsyncIterable<Uint8Array>
  contentType?: string
  signal?: AbortSignal
}

export interface Transport {
  readonly url: string
  /** The whole answer as one JSON value */
  json<T = any>(command: string, init?: CallInit): Promise<T>
  /** The answer as NDJSON values, one at a time */
  ndjson<T = any>(command: string, init?: CallInit): AsyncGenerator<T>
  /** The answer's bytes (cat, get, block/get, dag/export) */
  bytes(command: string, init?: CallInit): AsyncGenerator<Uint8Array>
  /** Sends the request and hands back the open answer once its headers are in (pubsub/sub) */
  open(command: string, init?: CallInit): Promise<IncomingMessage>
  /** The answer's body, checked to its end (trailer, completeness) */
  body(res: IncomingMessage): AsyncGenerator<Uint8Array>
  close(): void
}

export function createTransport (init: TransportInit): Transport {
  const agent = new Agent({ keepAlive: true, maxSockets: init.maxSockets })
  const url = init.url
  const bodyErrors = new WeakMap<IncomingMessage, () => Error | undefined>()

  const open = async (command: string, call: CallInit = {}): Promise<IncomingMessage> => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(call.params ?? {})) if (value != null) search.set(key, String(value))
    for (const arg of call.args ?? []) search.append('arg', arg)
    const query = search.toString()
    // a body that fails to produce (a file that cannot be read) is the cause of whatever follows
    let bodyError: Error | undefined
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(`${url}/api/v0/${command}${query !== '' ? `?${query}` : ''}`, {
        method: 'POST',
        agent,
        signal: call.signal,
        headers: { ...init.headers, ...(call.contentType != null ? { 'Content-Type': call.contentType } : {}) }
      }, resolve)
      req.on('error', err => { reject(bodyError ?? toRpcError(err, url)) })
      if (call.body == null) {
        req.end()
      } else {
        pipeline(call.body, req).catch((err: Error) => {
          // a daemon may answer (an error) before it has read the whole body: then that answer wins
          if (req.destroyed && err.message === 'aborted') return
          if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') bodyError = err
        })
      }
    })
    bodyErrors.set(res, () => bodyError)
    if (res.statusCode === 200) return res
    const chunks: Buffer[] = []
    let size = 0
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        size += chunk.byteLength
        if (size <= init.maxJsonBytes) chunks.push(chunk)
      }
    } catch {}
    const message = errorMessage(Buffer.concat(chunks).toString('utf8'), res.statusCode ?? 0)
    const code = res.headers[ERROR_CODE_HEADER]
    throw remoteError(message, typeof code === 'string' ? code : undefined)
  }

  async function * body (res: IncomingMessage): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) yield chunk
    } catch (err) {
      throw bodyErrors.get(res)?.() ?? toRpcError(err, url, true)
    } finally {
      // the caller stopped reading early: drop the connection rather than drain it
      if (!res.complete) res.destroy()
    }
    const trailer = res.trailers[STREAM_ERROR_TRAILER]
    if (trailer != null && trailer !== '') throw remoteError(trailer)
    if (!res.complete) throw bodyErrors.get(res)?.() ?? new RemoteError(CUT_STREAM_MESSAGE)
  }

  const json = async <T>(command: string, call?: CallInit): Promise<T> => {
    const res = await open(command, call)
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of body(res)) {
      size += chunk.byteLength
      if (size > init.maxJsonBytes) throw new RemoteError(`answer larger than ${init.maxJsonBytes} bytes`)
      chunks.push(chunk)
    }
    const text = Buffer.concat(chunks).toString('utf8').trim()
    let value: unknown
    try {
      value = text === '' ? undefined : JSON.parse(text)
    } catch (err) {
      throw new RemoteError(`the daemon's answer to ${command} is not JSON`, { cause: err })
    }
    if (isErrorValue(value)) throw remoteError(value.Message)
    return value as T
  }

  async function * ndjson<T> (command: string, call?: CallInit): AsyncGenerator<T> {
    const res = await open(command, call)
    yield * readNdjson<T>(body(res), { maxLineBytes: init.maxJsonBytes })
  }

  async function * bytes (command: string, call?: CallInit): AsyncGenerator<Uint8Array> {
    yield * body(await open(command, call))
  }

  return { url, json, ndjson, bytes, open, body, close: () => { agent.destroy() } }
}
