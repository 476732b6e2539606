import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseDuration } from '../src/index.ts'

const MS = 1
const S = 1000 * MS
const MIN = 60 * S
const H = 60 * MIN

// Go's own cases (src/time/time_test.go, parseDurationTests), in milliseconds; negative ones are refused here
const VALID: Array<[string, number]> = [
  ['0', 0], ['5s', 5 * S], ['30s', 30 * S], ['1478s', 1478 * S], ['+5s', 5 * S], ['-0', 0], ['+0', 0],
  ['5.0s', 5 * S], ['5.6s', 5.6 * S], ['5.s', 5 * S], ['.5s', 0.5 * S], ['1.0s', S], ['1.00s', S], ['1.004s', 1004 * MS],
  ['100.00100s', 100_001 * MS], ['10ns', 10e-6], ['11us', 11e-3], ['12µs', 12e-3], ['12μs', 12e-3], ['13ms', 13 * MS],
  ['14s', 14 * S], ['15m', 15 * MIN], ['16h', 16 * H], ['3h30m', 3.5 * H], ['10.5s4m', 4 * MIN + 10.5 * S],
  ['1h2m3s4ms5us6ns', H + 2 * MIN + 3 * S + 4 * MS + 5e-3 + 6e-6], ['39h9m14.425s', 39 * H + 9 * MIN + 14_425 * MS],
  ['22h', 22 * H], ['1m30s', 90 * S]
]

const INVALID = ['', '3', '5', '-', 's', '.', '-.', '.s', '+.s', '1d', '1h30', '1.2.3s', '\u0085\u0085', 'hello world', '1m junk', '-5s', '-2m3.4s', ' 1s']

test('parseDuration reads Go durations as Go does', () => {
  for (const [text, ms] of VALID) {
    const got = parseDuration(text)
    assert.ok(Math.abs(got - ms) < 1e-9, `${text}: ${got} ms, expected ${ms}`)
  }
})

test('a bare number other than 0, an unknown unit, a negative duration or junk is InvalidParametersError', () => {
  for (const text of INVALID) {
    assert.throws(() => parseDuration(text), (err: any) => err.code === 'ERR_INVALID_PARAMETERS' && err.name === 'InvalidParametersError', JSON.stringify(text))
  }
  assert.throws(() => parseDuration('5'), /^missing unit in duration '5': use a Go duration such as 30s or 1m30s$/)
  assert.throws(() => parseDuration('soon'), /^invalid duration 'soon': use a Go duration such as 30s or 1m30s$/)
  assert.throws(() => parseDuration('1d'), /unknown unit "d"/)
  assert.throws(() => parseDuration('x'.repeat(500)), (err: Error) => err.message.length < 120, 'long input is not echoed whole')
})

test.run()
