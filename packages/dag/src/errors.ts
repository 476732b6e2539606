import { CairnError, type CairnErrorOptions } from '@cairn/interface'

/** A file or folder given to `fileSource` exists but cannot be read (permissions, special file, I/O) */
export class UnreadablePathError extends CairnError {
  static override name = 'UnreadablePathError'
  static override code = 'ERR_UNREADABLE_PATH'
  constructor (message = 'Path cannot be read', options?: CairnErrorOptions) { super(message, options) }
}

/** Every error class this package defines (the shared ones come from `@cairn/interface`) */
export const dagErrorClasses = [UnreadablePathError] as const
