import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidCidError, NotFoundError, RepoLockedError, RepoNotInitializedError } from '@cairn/interface'
import { ListenError } from '@cairn/node'
import { EXIT_DAEMON, EXIT_FAILURE, EXIT_NOT_FOUND, EXIT_REPO, EXIT_USAGE } from '../src/constants.ts'
import { RemoteError, cliErrorClasses, describeError, DaemonUnreachableError } from '../src/errors.ts'

const test = suite('errors')
const ctx = { repoPath: '/tmp/repo' }

test('every CLI error class names itself', () => {
  for (const E of cliErrorClasses) {
    const e = new E()
    assert.is(e.name, E.name)
    assert.is(e.code, E.code)
    assert.ok(e.message.length > 0)
  }
})

test('one line, Kubo style, exit code from the table', () => {
  assert.equal(describeError(new InvalidCidError('invalid CID "x"'), ctx).line, 'Error: invalid CID "x"')
  assert.is(describeError(new InvalidCidError(), ctx).exitCode, EXIT_USAGE)
  assert.is(describeError(new NotFoundError(), ctx).exitCode, EXIT_NOT_FOUND)
  assert.is(describeError(new RepoLockedError(), ctx).exitCode, EXIT_REPO)
  assert.is(describeError(new DaemonUnreachableError(), ctx).exitCode, EXIT_DAEMON)
  assert.is(describeError(new ListenError(), ctx).exitCode, EXIT_DAEMON, 'a swarm port in use is a daemon problem')
  const inUse = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:5001'), { code: 'EADDRINUSE' })
  assert.is(describeError(inUse, ctx).exitCode, EXIT_DAEMON, 'so is an API or gateway port in use')
  assert.is(describeError(new Error('boom'), ctx).exitCode, EXIT_FAILURE)
})

test('repo errors name the repo', () => {
  assert.match(describeError(new RepoNotInitializedError(), ctx).line, /no Cairn repo found in \/tmp\/repo: run `cairn init`/)
  assert.match(describeError(new RepoLockedError(), ctx).line, /\/tmp\/repo is locked/)
})

test('system errors read as Go prints them', () => {
  const err = Object.assign(new Error("ENOENT: no such file or directory, lstat 'missing.txt'"), { code: 'ENOENT', syscall: 'lstat', path: 'missing.txt' })
  const f = describeError(err, ctx)
  assert.is(f.line, 'Error: lstat missing.txt: no such file or directory')
  assert.is(f.exitCode, EXIT_NOT_FOUND)
})

test('multi-line messages are cut to their first line; the stack is kept for --debug', () => {
  const f = describeError(new Error('first\nsecond'), ctx)
  assert.is(f.line, 'Error: first')
  assert.ok(f.stack?.includes('errors.spec'))
})

test('a daemon-sent code drives the exit code', () => {
  assert.is(describeError(new RemoteError('x', { code: 'ERR_NOT_FOUND' }), ctx).exitCode, EXIT_NOT_FOUND)
  assert.is(new RemoteError('x').code, 'ERR_REMOTE')
})

test('timeouts and aborts get short messages', () => {
  assert.is(describeError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), ctx).line, 'Error: context deadline exceeded')
  assert.is(describeError(null, ctx).line, 'Error: null')
})

test.run()
