import type { ServerResponse } from 'node:http'

/** One JSON value, as Kubo answers non-streaming commands */
export function sendJson (res: ServerResponse, value: unknown, status = 200): void {
  const body = JSON.stringify(value, (_k, v: unknown) => typeof v === 'bigint' ? Number(v) : v) + '\n'
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body))
  })
  res.end(body)
}

function drained (res: ServerResponse): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => { res.off('drain', done); res.off('close', done); resolve() }
    res.on('drain', done)
    res.on('close', done)
  })
}

/**
 * How go-ipfs-cmds marks a streamed answer: `X-Chunked-Output` for a channel of values (NDJSON),
 * `X-Stream-Output` for bytes, neither for one value written as it is built (`single`).
 */
export type StreamKind = 'values' | 'bytes' | 'single'

/** Responses whose headers announced the `X-Stream-Error` trailer and that have not ended yet */
const announced = new WeakSet<ServerResponse>()

/** Whether an error can still reach this response's client in the `X-Stream-Error` trailer */
export function canEndWithError (res: ServerResponse): boolean {
  return announced.has(res) && !res.writableEnded && !res.destroyed
}

/** Headers Kubo sends on streamed output; errors after them travel in the `X-Stream-Error` trailer */
export function startStream (res: ServerResponse, contentType: string, kind: StreamKind | boolean): void {
  announced.add(res)
  const mark = kind === true || kind === 'values' ? 'X-Chunked-Output' : kind === false || kind === 'bytes' ? 'X-Stream-Output' : undefined
  res.writeHead(200, {
    'Content-Type': contentType,
    ...(mark != null ? { [mark]: '1' } : {}),
    Trailer: 'X-Stream-Error',
    'Transfer-Encoding': 'chunked'
  })
}

export function endStream (res: ServerResponse, err?: unknown): void {
  if (err != null) res.addTrailers({ 'X-Stream-Error': (err instanceof Error ? err.message : String(err)).replace(/[\r\n]+/g, ' ').slice(0, 500) })
  res.end()
}

/**
 * A stream whose headers go out with its first write (or `start()`), as go-ipfs-cmds sends its
 * preamble with the first emitted value: an error before that still gets an error status and
 * Kubo's error JSON, an error after it the `X-Stream-Error` trailer. Never silence.
 */
export interface LazyStream {
  readonly started: boolean
  /** Sends the headers now (pubsub/sub: kubo-rpc-client resolves `subscribe()` on them) */
  start(): void
  /** Writes without waiting for the client (progress lines) */
  push(chunk: string | Uint8Array): void
  write(chunk: string | Uint8Array): Promise<void>
  /** Ends the stream, `err` in the trailer; before the headers, rethrows `err` for an error status */
  end(err?: unknown): void
}

export function lazyStream (res: ServerResponse, contentType: string, kind: StreamKind): LazyStream {
  let started = false
  const start = (): void => {
    if (started) return
    started = true
    startStream(res, contentType, kind)
  }
  return {
    get started () { return started },
    start,
    push (chunk) {
      start()
      res.write(chunk)
    },
    async write (chunk) {
      start()
      await write(res, chunk)
    },
    end (err) {
      if (!started && err != null) throw err
      start()
      endStream(res, err)
    }
  }
}

export async function write (res: ServerResponse, chunk: string | Uint8Array): Promise<void> {
  if (!res.write(chunk)) await drained(res)
}

/**
 * Streams values as NDJSON. The first value is awaited before the headers go out, so an error
 * that happens at once still gets a proper error status.
 */
export async function sendNdjson<T> (res: ServerResponse, source: AsyncIterable<T> | Iterable<T>, map: (value: T) => unknown): Promise<void> {
  const it = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]()
  const first = await it.next()
  startStream(res, 'application/json; charset=utf-8', true)
  try {
    if (first.done !== true) await write(res, JSON.stringify(map(first.value)) + '\n')
    while (!res.destroyed) {
      const next = await it.next()
      if (next.done === true) break
      await write(res, JSON.stringify(map(next.value)) + '\n')
    }
  } catch (err) {
    endStream(res, err)
    return
  }
  endStream(res)
}

/** Streams bytes (cat, get, block/get, dag/export), the first chunk awaited before the headers */
export async function sendBytes (res: ServerResponse, source: AsyncIterable<Uint8Array | string>, contentType: string, kind: StreamKind = 'bytes'): Promise<void> {
  const it = source[Symbol.asyncIterator]()
  const first = await it.next()
  startStream(res, contentType, kind)
  try {
    if (first.done !== true) await write(res, first.value)
    while (!res.destroyed) {
      const next = await it.next()
      if (next.done === true) break
      await write(res, next.value)
    }
  } catch (err) {
    endStream(res, err)
    return
  }
  endStream(res)
}
