// @cairn/interface as a consumer uses it: the error classes, parseDuration, the exports map
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { CairnError, errorClasses, hasCode, parseDuration, NotFoundError } from '@cairn/interface'

const codes = new Set<string>()
for (const E of errorClasses) {
  const err = new (E as unknown as new () => CairnError)()
  assert.ok(err instanceof CairnError && err instanceof Error, E.name)
  assert.equal(err.name, E.name)
  codes.add(err.code)
}
assert.equal(codes.size, errorClasses.length, 'one code per class')
// hasCode works on a plain object too: errors that crossed a process or a package copy
assert.ok(hasCode({ code: 'ERR_NOT_FOUND' }, 'ERR_NOT_FOUND'))
assert.ok(hasCode(new NotFoundError(), NotFoundError.code))
assert.equal(parseDuration('2h45m'), 9_900_000)
assert.throws(() => parseDuration('5'), { code: 'ERR_INVALID_PARAMETERS' })

// the published exports: compiled JavaScript under every condition, nothing private reachable
const require = createRequire(import.meta.url)
assert.match(require.resolve('@cairn/interface'), /\/dist\/src\/index\.js$/)
for (const hidden of ['@cairn/interface/internal/x', '@cairn/interface/src/index.ts', '@cairn/interface/dist/src/errors.js']) {
  await assert.rejects(import(hidden), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }, hidden)
}
console.log('@cairn/interface ok')
