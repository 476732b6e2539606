import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CairnError } from '@cairn/interface'
import { dagErrorClasses, UnreadablePathError } from '../src/index.ts'

test('every error class this package defines is named after itself and carries a stable code', () => {
  for (const E of dagErrorClasses) {
    const err = new E()
    assert.is(err.name, E.name)
    assert.is(new E().name, 'UnreadablePathError')
    assert.ok(err instanceof CairnError)
    assert.ok(err.message.length > 0, 'default message')
  }
  assert.is(new UnreadablePathError().code, 'ERR_UNREADABLE_PATH')
  const cause = new Error('EACCES')
  assert.is(new UnreadablePathError('x', { cause }).cause, cause)
})

test.run()
