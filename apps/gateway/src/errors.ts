import { CairnError } from '@cairn/interface'
import type { CairnErrorOptions } from '@cairn/interface'

/**
 * Lets a backend (or a handler) choose the HTTP status itself, as boxo's `ErrorStatusCode`:
 * `toHttpStatus` honours it before looking at the error's name.
 */
export class StatusError extends CairnError {
  static override name = 'StatusError'
  static override code = 'ERR_HTTP_STATUS'
  readonly status: number

  constructor (status = 500, message = 'HTTP error', options?: CairnErrorOptions) {
    super(message, options)
    this.status = status
  }
}

/** A StatusError that also tells the client when to come back (`Retry-After`, seconds) */
export class RetryAfterError extends StatusError {
  static override name = 'RetryAfterError'
  static override code = 'ERR_RETRY_AFTER'
  readonly retryAfterSeconds: number

  constructor (retryAfterSeconds = 60, status = 503, message = 'Service unavailable, retry later', options?: CairnErrorOptions) {
    super(status, message, options)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** No representation the client accepts can be produced (`Accept`, `?format=`) */
export class NotAcceptableError extends CairnError {
  static override name = 'NotAcceptableError'
  static override code = 'ERR_NOT_ACCEPTABLE'
  constructor (message = 'Not acceptable', options?: CairnErrorOptions) { super(message, options) }
}

/** `Range` cannot be served for this resource */
export class RangeNotSatisfiableError extends CairnError {
  static override name = 'RangeNotSatisfiableError'
  static override code = 'ERR_RANGE_NOT_SATISFIABLE'
  readonly size: number
  constructor (size = 0, message = 'Range not satisfiable', options?: CairnErrorOptions) {
    super(message, options)
    this.size = size
  }
}

/** A precondition header (`If-Match`, `If-Unmodified-Since`) failed */
export class PreconditionFailedError extends CairnError {
  static override name = 'PreconditionFailedError'
  static override code = 'ERR_PRECONDITION_FAILED'
  constructor (message = 'Precondition failed', options?: CairnErrorOptions) { super(message, options) }
}

/** The method is not one this route serves */
export class MethodNotAllowedError extends CairnError {
  static override name = 'MethodNotAllowedError'
  static override code = 'ERR_METHOD_NOT_ALLOWED'
  readonly allow: string
  constructor (allow = 'GET, HEAD', message = 'Method not allowed', options?: CairnErrorOptions) {
    super(message, options)
    this.allow = allow
  }
}

/** A request body or part larger than the configured limit */
export class PayloadTooLargeError extends CairnError {
  static override name = 'PayloadTooLargeError'
  static override code = 'ERR_PAYLOAD_TOO_LARGE'
  constructor (message = 'Request body too large', options?: CairnErrorOptions) { super(message, options) }
}

/** Cross-origin browser requests and missing or wrong credentials on the RPC */
export class ForbiddenError extends CairnError {
  static override name = 'ForbiddenError'
  static override code = 'ERR_FORBIDDEN'
  constructor (message = 'Forbidden', options?: CairnErrorOptions) { super(message, options) }
}

/** An /api/v0 command we do not have */
export class UnknownCommandError extends CairnError {
  static override name = 'UnknownCommandError'
  static override code = 'ERR_UNKNOWN_COMMAND'
  constructor (message = 'Unknown command', options?: CairnErrorOptions) { super(message, options) }
}

/** A Kubo command Cairn knows of but does not implement (`p2p`, `mount`, `filestore`, `update`) */
export class UnsupportedCommandError extends CairnError {
  static override name = 'UnsupportedCommandError'
  static override code = 'ERR_UNSUPPORTED_COMMAND'
  constructor (message = 'Command not supported by Cairn', options?: CairnErrorOptions) { super(message, options) }
}

/** A multipart body that does not parse, or parts of a kind the command does not take */
export class MalformedRequestError extends CairnError {
  static override name = 'MalformedRequestError'
  static override code = 'ERR_MALFORMED_REQUEST'
  constructor (message = 'Malformed request', options?: CairnErrorOptions) { super(message, options) }
}

export const gatewayErrorClasses = [
  StatusError, RetryAfterError, NotAcceptableError, RangeNotSatisfiableError, PreconditionFailedError,
  MethodNotAllowedError, PayloadTooLargeError, ForbiddenError, UnknownCommandError, UnsupportedCommandError, MalformedRequestError
] as const
