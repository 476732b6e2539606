import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidCidError, NotFoundError, OfflineError, TimeoutError, InvalidParametersError, errorClasses } from '@cairn/interface'
import { gatewayErrorClasses, NotAcceptableError, RangeNotSatisfiableError, RetryAfterError, StatusError } from '../src/errors.ts'
import { toHttpStatus, toRpcStatus } from '../src/status.ts'

test('every error class names itself after its class', () => {
  for (const E of gatewayErrorClasses) {
    const e = new (E as unknown as new () => Error)()
    assert.is(e.name, E.name)
    assert.ok(e.message.length > 0)
  }
})

test('one table maps errors to gateway statuses', () => {
  assert.is(toHttpStatus(new InvalidCidError()), 400)
  assert.is(toHttpStatus(new InvalidParametersError()), 400)
  assert.is(toHttpStatus(new NotFoundError()), 404)
  assert.is(toHttpStatus(new TimeoutError()), 504)
  assert.is(toHttpStatus(new OfflineError()), 404)
  assert.is(toHttpStatus(new NotAcceptableError()), 406)
  assert.is(toHttpStatus(new RangeNotSatisfiableError()), 416)
  assert.is(toHttpStatus(new StatusError(418, 'teapot')), 418)
  assert.is(toHttpStatus(new RetryAfterError(5)), 503)
  assert.is(toHttpStatus(new Error('boom')), 500)
  assert.is(toHttpStatus('not even an error'), 500)
})

test('the RPC only tells client mistakes (400) from failures (500)', () => {
  assert.is(toRpcStatus(new InvalidCidError()), 400)
  assert.is(toRpcStatus(new NotFoundError()), 500)
  assert.is(toRpcStatus(new TimeoutError()), 500)
  // every interface error has a row or falls back to 500, none throws
  for (const E of errorClasses) assert.type(toRpcStatus(new (E as unknown as new () => Error)()), 'number')
})

test.run()
