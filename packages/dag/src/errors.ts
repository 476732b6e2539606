import { AbortError, CairnError, type CairnErrorOptions } from '@cairn/interface'

/** A file or folder given to `fileSource` exists but cannot be read (permissions, special file, I/O) */
export class UnreadablePathError extends CairnError {
  static override name = 'UnreadablePathError'
  static override code = 'ERR_UNREADABLE_PATH'
  constructor (message = 'Path cannot be read', options?: CairnErrorOptions) { super(message, options) }
}

/** Every error class this package defines (the shared ones come from `@cairn/interface`) */
export const dagErrorClasses = [UnreadablePathError] as const

/** Stop with Cairn's typed `AbortError` (code ERR_ABORTED) once `signal` has fired */
export function throwIfAborted (signal?: AbortSignal): void {
  if (signal?.aborted === true) throw new AbortError('The operation was aborted', { cause: signal.reason })
}
