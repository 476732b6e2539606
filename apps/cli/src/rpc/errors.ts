/**
 * How whatever goes wrong between the CLI and a daemon becomes one Cairn error with a `code`: a
 * Kubo error answer (`{"Message","Code","Type":"error"}`, as a body, an NDJSON value or the
 * `X-Stream-Error` trailer), a refused connection, a cut stream.
 */
import { DaemonUnreachableError, RemoteError } from '../errors.ts'

/** Header a Cairn daemon may set with the error's stable `code`; Kubo's JSON error has no room for it */
export const ERROR_CODE_HEADER = 'x-cairn-error-code'

/** The trailer go-ipfs-cmds sends when a command fails after its answer has started */
export const STREAM_ERROR_TRAILER = 'x-stream-error'

/** Said when the daemon's answer stops short: the connection closed before the end of the body */
export const CUT_STREAM_MESSAGE = 'the daemon closed the connection before its answer was complete'

/** When the daemon sends no code, recognise Kubo's and Cairn's usual messages so exit codes still mean something */
const MESSAGE_CODES: Array<[RegExp, string]> = [
  [/not pinned/i, 'ERR_NOT_PINNED'],
  // a full disk says so after "storage full: " (NoSpaceError); the budget does not
  [/^storage full: .*(no space left|disk is full)/i, 'ERR_NO_SPACE'],
  [/^storage full/i, 'ERR_STORAGE_FULL'],
  [/reachable only through a relay/i, 'ERR_RELAY_LIMIT'],
  [/invalid (cid|path)|failed to parse cid|selected encoding not supported|invalid (multihash|varint)/i, 'ERR_INVALID_CID'],
  [/offline|must be run in online mode/i, 'ERR_OFFLINE'],
  [/not found|no link named|could not find|does not exist/i, 'ERR_NOT_FOUND'],
  [/is locked|someone else has the lock/i, 'ERR_REPO_LOCKED']
]

export function codeFromMessage (message: string): string | undefined {
  return MESSAGE_CODES.find(([re]) => re.test(message))?.[1]
}

/** A failure the daemon reported in words, with the code it sent or one read from the words */
export function remoteError (message: string, code?: string): RemoteError {
  return new RemoteError(message, { code: code ?? codeFromMessage(message) })
}

/** Kubo's error value (`{"Message": ..., "Type": "error"}`), wherever it appears */
export function isErrorValue (value: unknown): value is { Message: string, Code?: number, Type: 'error' } {
  return value != null && typeof value === 'object' && (value as { Type?: unknown }).Type === 'error' &&
    typeof (value as { Message?: unknown }).Message === 'string'
}

/** The message of an error answer's body: Kubo's JSON, else the text itself, else the status */
export function errorMessage (body: string, status: number): string {
  const text = body.trim()
  try {
    const parsed = JSON.parse(text) as { Message?: unknown }
    if (typeof parsed?.Message === 'string' && parsed.Message !== '') return parsed.Message
  } catch {}
  return text !== '' ? text : `the daemon answered HTTP ${status}`
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])

/**
 * Turns a transport failure into a Cairn error. `started` says whether the daemon had begun to
 * answer: a reset before that means no daemon listens, after it means the answer was cut.
 */
export function toRpcError (err: unknown, url: string, started = false): Error {
  const e = err as { name?: string, message?: string, code?: string, cause?: { code?: string } }
  if (e == null || typeof e !== 'object') return new RemoteError(String(err))
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return err as Error
  if (typeof e.code === 'string' && e.code.startsWith('ERR_')) return err as Error
  const code = e.cause?.code ?? e.code
  if (!started && (UNREACHABLE_CODES.has(code ?? '') || code === 'ECONNRESET')) {
    return new DaemonUnreachableError(`cannot connect to the api at ${url}. Is the daemon running? To run as a standalone CLI command remove the api file in the repo`, { cause: err })
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || e.message === 'aborted') {
    return new RemoteError(CUT_STREAM_MESSAGE, { cause: err })
  }
  return new RemoteError(e.message ?? 'request failed', { cause: err, code: codeFromMessage(e.message ?? '') })
}
