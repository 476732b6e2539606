/** Reading all of stdin, bounded, for commands that take one value there */
import { InvalidParametersError } from '@cairn/interface'
import { DEFAULT_STDIN_BYTES_MAX } from '../constants.ts'
import type { InputStream } from '../context.ts'

export async function readAll (stdin: InputStream, max = DEFAULT_STDIN_BYTES_MAX): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of stdin) {
    total += chunk.byteLength
    if (total > max) throw new InvalidParametersError(`input larger than ${max} bytes`)
    chunks.push(chunk)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) { out.set(c, offset); offset += c.byteLength }
  return out
}
