/**
 * The service's own errors. Bad input uses `InvalidParametersError` / `InvalidCidError` and an
 * unknown (or another token's) request id `NotFoundError`, from `@cairn/interface`; the HTTP face
 * maps each code to the spec's status and `Failure.error.reason` in one table.
 */
import { CairnError } from '@cairn/interface'
import type { CairnErrorOptions } from '@cairn/interface'

/** No bearer token, or one that is unknown or revoked (401 UNAUTHORIZED) */
export class UnauthorizedError extends CairnError {
  static override name = 'UnauthorizedError'
  static override code = 'ERR_UNAUTHORIZED'
  constructor (message = 'Access token is missing or invalid', options?: CairnErrorOptions) { super(message, options) }
}

/** The token's quota (pin requests or bytes) is spent (409 INSUFFICIENT_FUNDS, the spec's quota answer) */
export class QuotaExceededError extends CairnError {
  static override name = 'QuotaExceededError'
  static override code = 'ERR_QUOTA_EXCEEDED'
  constructor (message = 'Quota exceeded', options?: CairnErrorOptions) { super(message, options) }
}

/** A token name already in use (`token create --name`) */
export class TokenExistsError extends CairnError {
  static override name = 'TokenExistsError'
  static override code = 'ERR_TOKEN_EXISTS'
  constructor (message = 'A token with this name exists', options?: CairnErrorOptions) { super(message, options) }
}

/** The service was used after `stop()` */
export class ServiceStoppedError extends CairnError {
  static override name = 'ServiceStoppedError'
  static override code = 'ERR_SERVICE_STOPPED'
  constructor (message = 'The pinning service is stopped', options?: CairnErrorOptions) { super(message, options) }
}

export const pinningServiceErrorClasses = [UnauthorizedError, QuotaExceededError, TokenExistsError, ServiceStoppedError] as const
