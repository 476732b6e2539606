/**
 * Kubo's `get` body (`core/commands/get.go`): a tar of the entries (tar is also how an unpacked
 * `get` travels), gzipped when asked; compressed without `--archive`, a file's bytes gzipped alone.
 * The RPC's `get` answers with it and `cairn get -a/-C` writes it to disk.
 */
import { Readable } from 'node:stream'
import { createGzip, constants } from 'node:zlib'
import { CairnError, InvalidParametersError } from '@cairn/interface'
import type { GetEntry } from '@cairn/interface'
import { tarStream } from './tar.ts'

/** `get -C` without `-a` of something that is not one file (Kubo: boxo's `files.ToFile` gives nil) */
export class NotRegularFileError extends CairnError {
  static override name = 'NotRegularFileError'
  static override code = 'ERR_NOT_REGULAR_FILE'
  constructor (message = 'file is not regular') { super(message) }
}

export interface ArchiveOptions {
  /** A tar archive (Kubo's `--archive`). @default false */
  archive?: boolean
  /** gzip at this level (Kubo's `--compress`); undefined: no compression. -1 is zlib's default */
  compressionLevel?: number
}

/**
 * Kubo's `getCompressOptions`: the gzip level for `--compress` and `--compression-level`, or
 * undefined when not compressing; a level outside 1-9 is refused with Kubo's message
 */
export function compressionLevel (compress: boolean | undefined, level: number | undefined): number | undefined {
  if (compress !== true) return undefined
  if (level == null) return constants.Z_DEFAULT_COMPRESSION
  if (level < 1 || level > 9) throw new InvalidParametersError('compression level must be between 1 and 9')
  return level
}

async function * gzip (source: AsyncIterable<Uint8Array>, level: number): AsyncGenerator<Uint8Array> {
  const gz = createGzip({ level })
  const input = Readable.from(source, { objectMode: false })
  // pipe() alone drops an error of the source: it reaches the reader through the gzip stream
  input.on('error', (err) => { gz.destroy(err) })
  input.pipe(gz)
  try {
    yield * gz
  } finally {
    input.destroy()
  }
}

export async function * archiveStream (entries: AsyncIterable<GetEntry>, options: ArchiveOptions = {}): AsyncGenerator<Uint8Array> {
  const level = options.compressionLevel
  if (level != null && options.archive !== true) {
    const it = entries[Symbol.asyncIterator]()
    const first = await it.next()
    if (first.done === true || first.value.type !== 'file') throw new NotRegularFileError()
    yield * gzip(first.value.content ?? (async function * () {})(), level)
    return
  }
  const tar = tarStream(entries)
  yield * (level != null ? gzip(tar, level) : tar)
}
