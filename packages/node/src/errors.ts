import { CairnError } from '@cairn/interface'
import type { CairnErrorOptions } from '@cairn/interface'

/** A configured swarm address could not be listened on (in use, not local, bad transport) */
export class ListenError extends CairnError {
  static override name = 'ListenError'
  static override code = 'ERR_LISTEN'
  constructor (message = 'Cannot listen on a configured address', options?: CairnErrorOptions) { super(message, options) }
}

/** The node (or the part asked for) is not started: `start()` it first */
export class NotStartedError extends CairnError {
  static override name = 'NotStartedError'
  static override code = 'ERR_NOT_STARTED'
  constructor (message = 'The node is not started', options?: CairnErrorOptions) { super(message, options) }
}

/** Every error class this package adds to `@cairn/interface`'s */
export const nodeErrorClasses = [ListenError, NotStartedError] as const
