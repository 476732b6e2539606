/**
 * Kubo's `cat` of several paths: one byte stream, the files one after the other, with `offset`
 * and `length` counted across the whole of it. Every path is resolved (and a directory refused)
 * before the first byte, as Kubo opens every file before it writes.
 */
import { InvalidParametersError, NotAFileError } from '@cairn/interface'
import type { AbortOptions, CatOptions, StatResult } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** What `catMany` reads through: a node's `cat` and `stat` (in-process or over RPC) */
export interface CatManySource {
  cat(path: string | CID, options?: CatOptions): AsyncIterable<Uint8Array>
  stat(path: string | CID, options?: AbortOptions): Promise<StatResult>
}

export async function * catMany (source: CatManySource, paths: Array<string | CID>, options: CatOptions = {}): AsyncGenerator<Uint8Array> {
  let offset = options.offset ?? 0
  let remaining = options.length
  if (offset < 0) throw new InvalidParametersError('cannot specify negative offset')
  if (remaining != null && remaining < 0) throw new InvalidParametersError('cannot specify negative length')
  if (remaining === 0) return
  if (paths.length === 1) {
    yield * source.cat(paths[0], options)
    return
  }
  const sizes: number[] = []
  for (const path of paths) {
    const s = await source.stat(path, options)
    if (s.type === 'directory') throw new NotAFileError('this dag node is a directory')
    sizes.push(s.size)
  }
  for (let i = 0; i < paths.length; i++) {
    // an offset past this file moves on to the next, less this file's bytes
    if (offset > sizes[i]) { offset -= sizes[i]; continue }
    for await (const chunk of source.cat(paths[i], { signal: options.signal, offset, length: remaining })) {
      const part = remaining != null && chunk.byteLength > remaining ? chunk.subarray(0, remaining) : chunk
      if (remaining != null) remaining -= part.byteLength
      yield part
      if (remaining === 0) return
    }
    offset = 0
  }
}
