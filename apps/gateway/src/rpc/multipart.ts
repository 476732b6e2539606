import busboy from 'busboy'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { BlockTooLargeError, InvalidParametersError } from '@cairn/interface'
import { BIG_BLOCK_MESSAGE } from '@cairn/node'
import { MalformedRequestError, PayloadTooLargeError } from '../errors.ts'

/** One part of a Kubo multipart body: a file, a directory or a symlink */
export interface Part {
  /** The form field name without its query (`file`, `file-1`, `dir-2`) */
  field: string
  /** Path within the upload, URL-decoded as kubo-rpc-client encodes it */
  path: string
  kind: 'file' | 'directory' | 'symlink'
  /** Content; empty for directories. A broken upload surfaces here as a typed error */
  content: AsyncIterable<Uint8Array>
  /** The raw part stream, for cleanup */
  stream: Readable
  mode?: number
  mtime?: { secs: bigint, nsecs?: number }
}

export interface MultipartLimits {
  /** Whole body, in bytes */
  maxBodyBytes: number
  /** One part, in bytes */
  maxPartBytes: number
  maxParts: number
}

function parseFieldParams (fieldName: string): Pick<Part, 'field' | 'mode' | 'mtime'> {
  const q = fieldName.indexOf('?')
  if (q < 0) return { field: fieldName }
  const params = new URLSearchParams(fieldName.slice(q + 1))
  const out: Pick<Part, 'field' | 'mode' | 'mtime'> = { field: fieldName.slice(0, q) }
  const mode = params.get('mode')
  if (mode != null) {
    if (!/^[0-7]{1,6}$/.test(mode)) throw new InvalidParametersError(`invalid mode "${mode.slice(0, 20)}"`)
    out.mode = parseInt(mode, 8)
  }
  const mtime = params.get('mtime')
  if (mtime != null) {
    if (!/^-?\d+$/.test(mtime)) throw new InvalidParametersError(`invalid mtime "${mtime.slice(0, 30)}"`)
    const nsecs = params.get('mtime-nsecs')
    out.mtime = { secs: BigInt(mtime), ...(nsecs != null && /^\d+$/.test(nsecs) ? { nsecs: Number(nsecs) } : {}) }
  }
  return out
}

function decodePath (raw: string): string {
  let path: string
  try {
    path = decodeURIComponent(raw)
  } catch (err) {
    throw new MalformedRequestError(`invalid file name encoding "${raw.slice(0, 100)}"`, { cause: err })
  }
  const segments = path.split('/')
  // names become links in a DAG; `..` or NUL in them would be a trap for whoever extracts it later
  if (segments.some(s => s === '..' || s === '.') || path.includes('\0')) {
    throw new MalformedRequestError(`invalid path "${path.slice(0, 100)}" in upload`)
  }
  return segments.filter(s => s !== '').join('/')
}

/**
 * Streams the parts of a `multipart/form-data` request as Kubo's `add`, `block/put` and
 * `dag/import` take them. Reading is pulled: the next part is only parsed once the previous
 * part's stream has been consumed. Malformed bodies and limits throw typed errors.
 */
export async function * multipartParts (req: IncomingMessage, limits: MultipartLimits): AsyncGenerator<Part> {
  const contentType = req.headers['content-type'] ?? ''
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new MalformedRequestError('expected a multipart/form-data body')
  }
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    throw new PayloadTooLargeError(`body of ${declared} bytes is over the ${limits.maxBodyBytes} byte limit`)
  }
  let bb: busboy.Busboy
  try {
    bb = busboy({
      headers: req.headers,
      preservePath: true,
      limits: { fileSize: limits.maxPartBytes, files: limits.maxParts, parts: limits.maxParts, fields: limits.maxParts, headerPairs: 32 }
    })
  } catch (err) {
    throw new MalformedRequestError((err as Error).message, { cause: err })
  }

  const queue: Array<Part | Error | null> = []
  let wake: (() => void) | undefined
  const push = (item: Part | Error | null): void => {
    queue.push(item)
    wake?.()
    wake = undefined
  }
  let failed: Error | undefined
  const fail = (err: Error): void => {
    if (failed != null) return
    failed = err
    push(err)
  }

  bb.on('file', (fieldName, stream, info) => {
    try {
      const params = parseFieldParams(fieldName)
      const path = decodePath(info.filename ?? '')
      const mime = (info.mimeType ?? '').toLowerCase()
      const kind = mime === 'application/x-directory' ? 'directory' : mime === 'application/symlink' ? 'symlink' : 'file'
      stream.on('limit', () => {
        const err = new PayloadTooLargeError(`part "${path}" is over the ${limits.maxPartBytes} byte limit`)
        stream.destroy(err)
        fail(err)
      })
      if (kind === 'directory') stream.resume()
      // busboy ends a cut body with a plain Error on the part: make it the request's typed error
      const content = (async function * (): AsyncGenerator<Uint8Array> {
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk
        } catch (err) {
          throw failed ?? new MalformedRequestError(`upload of "${path}" failed: ${(err as Error).message}`, { cause: err })
        }
        if (failed != null) throw failed
      })()
      push({ ...params, path, kind, stream, content })
    } catch (err) {
      stream.resume()
      fail(err as Error)
    }
  })
  bb.on('field', (name) => {
    fail(new MalformedRequestError(`unexpected form field "${name.slice(0, 50)}": parts must carry a filename`))
  })
  bb.on('filesLimit', () => { fail(new PayloadTooLargeError(`more than ${limits.maxParts} parts`)) })
  bb.on('partsLimit', () => { fail(new PayloadTooLargeError(`more than ${limits.maxParts} parts`)) })
  bb.on('error', (err: Error) => { fail(new MalformedRequestError(`malformed multipart body: ${err.message}`, { cause: err })) })
  bb.on('close', () => { push(null) })

  let received = 0
  req.on('data', (chunk: Buffer) => {
    received += chunk.length
    if (received > limits.maxBodyBytes) {
      const err = new PayloadTooLargeError(`body is over the ${limits.maxBodyBytes} byte limit`)
      fail(err)
      req.unpipe(bb)
      req.resume()
    }
  })
  req.on('aborted', () => { fail(new MalformedRequestError('request aborted by the client')) })
  req.pipe(bb)

  let current: Part | undefined
  try {
    while (true) {
      if (queue.length === 0) await new Promise<void>(resolve => { wake = resolve })
      const item = queue.shift()
      if (item === undefined) continue
      if (item === null) {
        if (failed != null) throw failed
        return
      }
      if (item instanceof Error) {
        // the part being read sees the failure too, so a consumer in the middle of it stops
        current?.stream.destroy(item)
        throw item
      }
      current = item
      yield item
      if (failed != null) throw failed
    }
  } finally {
    if (failed != null || queue.at(-1) !== null) {
      req.unpipe(bb)
      req.resume()
    }
  }
}

/** Reads one part fully, bounded by `max` bytes */
export async function readPart (part: Part, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of part.content) {
    length += chunk.length
    if (length > max) throw new PayloadTooLargeError(`part is over the ${max} byte limit`)
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  }
  return new Uint8Array(Buffer.concat(chunks, length))
}

/** A block's part: over the limit without `allow-big-block` is Kubo's own "produced block is over 2MiB" */
export async function readBlockPart (part: Part, max: number, allowBigBlock: boolean): Promise<Uint8Array> {
  try {
    return await readPart(part, max)
  } catch (err) {
    if (!allowBigBlock && (err as Error).name === 'PayloadTooLargeError') throw new BlockTooLargeError(BIG_BLOCK_MESSAGE, { cause: err })
    throw err
  }
}
