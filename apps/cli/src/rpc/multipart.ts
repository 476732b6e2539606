/**
 * The multipart bodies Kubo's RPC reads (go-ipfs-files): `add`'s directories, files and symlinks
 * told apart by Content-Type, and the single-file bodies of `block/put`, `dag/import`, `pubsub/pub`.
 */
import type { ImportCandidate } from '@cairn/interface'

// not `import … from 'node:crypto'`: an ES module namespace of it reads the lazy `webcrypto`
// getter, which loads Web Crypto for nothing
const { randomUUID } = process.getBuiltinModule('node:crypto')

const encoder = new TextEncoder()

/** Kubo's `mode=0644` field parameter */
const modeString = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0')

/** A boundary no content can contain by chance */
export function newBoundary (): string {
  return `----cairn-${randomUUID()}`
}

export function multipartContentType (boundary: string): string {
  return `multipart/form-data; boundary=${boundary}`
}

/** The multipart body of Kubo's `add`, as go-ipfs-files reads it: directories, files and symlinks by Content-Type */
export async function * multipartBody (source: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>, boundary: string): AsyncGenerator<Uint8Array> {
  let index = 0
  for await (const c of source) {
    const kind = c.symlinkTarget != null ? 'symlink' : c.content == null ? 'dir' : 'file'
    const params: string[] = []
    if (c.mode != null) params.push(`mode=${modeString(c.mode)}`)
    if (c.mtime != null) {
      params.push(`mtime=${c.mtime.secs}`)
      if (c.mtime.nsecs != null) params.push(`mtime-nsecs=${c.mtime.nsecs}`)
    }
    const field = `${kind}${index > 0 ? `-${index}` : ''}${params.length > 0 ? `?${params.join('&')}` : ''}`
    const type = kind === 'symlink' ? 'application/symlink' : kind === 'dir' ? 'application/x-directory' : 'application/octet-stream'
    yield encoder.encode(`${index > 0 ? '\r\n' : ''}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(c.path)}"\r\nContent-Type: ${type}\r\n\r\n`)
    if (c.symlinkTarget != null) {
      yield encoder.encode(c.symlinkTarget)
    } else if (c.content instanceof Uint8Array) {
      yield c.content
    } else if (c.content != null) {
      for await (const chunk of c.content) yield chunk
    }
    index++
  }
  yield encoder.encode(`${index > 0 ? '\r\n' : ''}--${boundary}--\r\n`)
}

/** One unnamed file part: what `block/put`, `dag/import` and `pubsub/pub` take */
export function multipartFile (content: Uint8Array | AsyncIterable<Uint8Array>, boundary: string): AsyncGenerator<Uint8Array> {
  return multipartBody([{ path: '', content }], boundary)
}
