import { STATUS_CODES } from 'node:http'
import type { ServerResponse } from 'node:http'
import { toHttpStatus, toRpcStatus } from './status.ts'

function messageOf (err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  // one line, bounded: error bodies are for people and logs, not for echoing input back
  return message.replace(/\s+/g, ' ').slice(0, 500)
}

/**
 * Answers with the error's status: a short text body on the gateway, Kubo's error JSON
 * (`{ Message, Code, Type: 'error' }`) on the RPC.
 */
export function sendError (res: ServerResponse, err: unknown, surface: 'gateway' | 'rpc'): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const status = surface === 'gateway' ? toHttpStatus(err) : toRpcStatus(err)
  // Kubo's error JSON has no room for our stable code: clients (the cairn CLI) read it here
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code === 'string' && /^ERR_[A-Z_]+$/.test(code)) res.setHeader('X-Cairn-Error-Code', code)
  const retryAfter = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter))
  let body: string
  if (surface === 'rpc' && status !== 405 && status !== 403) {
    // go-ipfs-cmds: ErrNormal (0) is a server failure, ErrClient (1) a bad request (an unknown command too)
    body = JSON.stringify({ Message: messageOf(err), Code: status >= 400 && status < 500 ? 1 : 0, Type: 'error' }) + '\n'
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
  } else {
    body = `${status} ${STATUS_CODES[status] ?? 'Error'}: ${messageOf(err)}\n`
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  }
  for (const h of ['Content-Length', 'Content-Range', 'ETag', 'Cache-Control', 'Content-Disposition']) {
    if (h !== 'Content-Range' || status !== 416) res.removeHeader(h)
  }
  res.setHeader('Content-Length', String(Buffer.byteLength(body)))
  res.writeHead(status)
  res.end(body)
}

/** Resolves when the response can take more bytes, or has closed */
function drained (res: ServerResponse): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/**
 * Streams `source` with backpressure. `first` is a chunk already pulled (to learn the status or
 * sniff the type before the headers went out). Errors after the headers cut the connection,
 * so that a client never takes a truncated body for a whole one.
 */
export interface Progress {
  /** The backend produced bytes: restart the idle timer */
  (): void
  /** Waiting on a slow client, not on the backend: the idle timer must not fire meanwhile */
  waiting?(on: boolean): void
}

export async function sendStream (res: ServerResponse, status: number, headers: Record<string, string>, source: AsyncIterable<Uint8Array>, progress: Progress, first?: Uint8Array): Promise<void> {
  const drainedWhileWaiting = async (): Promise<void> => {
    progress.waiting?.(true)
    try {
      await drained(res)
    } finally {
      progress.waiting?.(false)
    }
  }
  const iterator = source[Symbol.asyncIterator]()
  if (first == null) {
    // pull one chunk before committing to a status: a missing block becomes an error status
    const next = await iterator.next()
    if (next.done !== true) first = next.value
  }
  res.writeHead(status, headers)
  if (first != null && first.length > 0) {
    progress()
    if (!res.write(first)) await drainedWhileWaiting()
  }
  while (!res.destroyed) {
    const next = await iterator.next()
    if (next.done === true) break
    progress()
    if (!res.write(next.value)) await drainedWhileWaiting()
  }
  if (res.destroyed) {
    await iterator.return?.()
    return
  }
  await new Promise<void>(resolve => res.end(resolve))
}
