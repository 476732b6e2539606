/**
 * Reads a daemon's NDJSON answer with `it-ndjson`, one value at a time, and turns an error value in
 * the stream (go-ipfs-cmds' `{"Message","Code","Type":"error"}`) into a thrown error: an error the
 * daemon reports mid-stream must never end the command as if it had succeeded.
 */
import { parse } from 'it-ndjson'
import { remoteError, isErrorValue } from './errors.ts'

export interface NdjsonOptions {
  /** Longest line accepted, so a broken daemon cannot make the CLI buffer without end */
  maxLineBytes: number
}

export async function * readNdjson<T = any> (body: AsyncIterable<Uint8Array>, options: NdjsonOptions): AsyncGenerator<T> {
  for await (const value of parse(body, { maxMessageLength: options.maxLineBytes })) {
    if (isErrorValue(value)) throw remoteError(value.Message)
    yield value as T
  }
}
