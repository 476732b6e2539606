import { InvalidParametersError } from '@cairn/interface'
import { DEFAULT_CHUNK_SIZE_BYTES, MAX_CHUNK_SIZE_BYTES } from './constants.ts'

/** Splits a byte stream into the chunks that become a file's leaves */
export interface Chunker {
  /** The spec it was made from, normalised (`size-262144`) */
  readonly spec: string
  readonly maxChunkSize: number
  /** Set for fixed-size chunking: lets a file be read straight into chunk-sized blocks */
  readonly fixedChunkSize?: number
  chunk(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array>
}

/**
 * Fixed-size chunks, as Kubo's `size-N`: every chunk exactly `chunkSize` bytes except the last.
 * Input arrays are passed through without copying when they line up with chunk boundaries, so
 * callers must not reuse a yielded array.
 */
export function fixedSize (chunkSize: number = DEFAULT_CHUNK_SIZE_BYTES): Chunker {
  if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0) {
    throw new InvalidParametersError(`Chunk size must be a positive integer, got ${chunkSize}`)
  }
  if (chunkSize > MAX_CHUNK_SIZE_BYTES) {
    throw new InvalidParametersError(`Chunker parameters may not exceed the maximum chunk size of ${MAX_CHUNK_SIZE_BYTES}`)
  }
  return {
    spec: `size-${chunkSize}`,
    maxChunkSize: chunkSize,
    fixedChunkSize: chunkSize,
    async * chunk (source) {
      // pieces shorter than a chunk wait in a list and are copied once, into a buffer of the exact
      // size needed: a 2 KiB file must not cost a 256 KiB allocation
      let parts: Uint8Array[] = []
      let fill = 0
      const take = (): Uint8Array => {
        const out = parts.length === 1 ? parts[0] : Buffer.concat(parts, fill)
        parts = []
        fill = 0
        return out
      }
      for await (const data of source) {
        if (!(data instanceof Uint8Array)) throw new InvalidParametersError('File content must yield Uint8Arrays')
        let off = 0
        const len = data.byteLength
        while (off < len) {
          if (fill === 0 && len - off >= chunkSize) {
            yield data.subarray(off, off + chunkSize)
            off += chunkSize
            continue
          }
          const n = Math.min(chunkSize - fill, len - off)
          parts.push(data.subarray(off, off + n))
          fill += n
          off += n
          if (fill === chunkSize) yield take()
        }
      }
      if (fill > 0) yield take()
    }
  }
}

/**
 * Parse a Kubo chunker spec. `size-N` is supported; `rabin` and `buzhash` are refused with a
 * typed error because we have no independent oracle to prove their CIDs match Kubo's.
 */
export function parseChunker (spec: string = `size-${DEFAULT_CHUNK_SIZE_BYTES}`): Chunker {
  if (spec === '' || spec === 'default') return fixedSize(DEFAULT_CHUNK_SIZE_BYTES)
  if (spec.startsWith('size-')) {
    const text = spec.slice('size-'.length)
    if (!/^\d+$/.test(text)) throw new InvalidParametersError(`Bad chunker size in "${spec}"`)
    return fixedSize(Number(text))
  }
  if (spec === 'rabin' || spec.startsWith('rabin-') || spec === 'buzhash') {
    throw new InvalidParametersError(`Chunker "${spec}" is not supported: only size-N chunking is guaranteed to give Kubo's CIDs here`)
  }
  throw new InvalidParametersError(`Unrecognized chunker option: "${spec}"`)
}
