import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { errorClasses, CairnError, NotFoundError, hasCode } from '../src/index.ts'

test('every error class names itself and has a distinct stable code', () => {
  const codes = new Set<string>()
  for (const E of errorClasses) {
    const err = new E()
    assert.is(err.name, E.name, `${E.name} instance name`)
    assert.ok(err instanceof CairnError)
    assert.ok(err.message.length > 0, `${E.name} has a default message`)
    assert.match(err.code, /^ERR_[A-Z_]+$/)
    assert.not.ok(codes.has(err.code), `${err.code} is used once`)
    codes.add(err.code)
  }
})

test('wrapping keeps the cause and hasCode matches by code', () => {
  const cause = new Error('disk on fire')
  const err = new NotFoundError('block missing', { cause, details: { cid: 'bafy' } })
  assert.is(err.cause, cause)
  assert.equal(err.details, { cid: 'bafy' })
  assert.ok(hasCode(err, 'ERR_NOT_FOUND'))
  assert.not.ok(hasCode(err, 'ERR_INVALID_CID'))
  assert.not.ok(hasCode(null, 'ERR_NOT_FOUND'))
})

test.run()
