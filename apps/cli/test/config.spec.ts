import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { normaliseBoolean, parseConfig, parseDuration } from '../src/config.ts'

const test = suite('parseConfig')

test('repo path: $CAIRN_PATH, then ~/.cairn, --repo-dir wins', () => {
  assert.is(parseConfig({ HOME: '/home/u' }, ['id']).repoPath, '/home/u/.cairn')
  assert.is(parseConfig({ HOME: '/home/u', CAIRN_PATH: '/r' }, ['id']).repoPath, '/r')
  assert.is(parseConfig({ CAIRN_PATH: '/r' }, ['--repo-dir', '/x', 'id']).repoPath, '/x')
  assert.is(parseConfig({ CAIRN_PATH: '/r' }, ['id', '--repo-dir=/y']).repoPath, '/y')
})

test('global flags are taken out of argv wherever they stand', () => {
  const c = parseConfig({}, ['add', '--enc=json', '-r', 'dir', '--debug', '--timeout', '1m30s'])
  assert.is(c.enc, 'json')
  assert.is(c.debug, true)
  assert.is(c.timeoutMs, 90_000)
  assert.equal(c.args, ['add', '-r', 'dir'])
})

test('--api is global except for daemon, which owns --api and --offline', () => {
  const cat = parseConfig({}, ['cat', '--api', '/ip4/127.0.0.1/tcp/1', 'Qm'])
  assert.is(cat.api, '/ip4/127.0.0.1/tcp/1')
  assert.equal(cat.args, ['cat', 'Qm'])
  const daemon = parseConfig({}, ['daemon', '--api', '/ip4/127.0.0.1/tcp/0', '--offline'])
  assert.is(daemon.api, undefined)
  assert.is(daemon.offline, false)
  assert.equal(daemon.args, ['daemon', '--api', '/ip4/127.0.0.1/tcp/0', '--offline'])
  // a global value flag before the command does not make its value the command
  const before = parseConfig({}, ['--repo-dir', 'daemon', 'id', '--offline'])
  assert.is(before.repoPath, 'daemon')
  assert.is(before.offline, true)
})

test('$CAIRN_API names a daemon', () => {
  assert.is(parseConfig({ CAIRN_API: '/ip4/127.0.0.1/tcp/9' }, ['id']).api, '/ip4/127.0.0.1/tcp/9')
})

test("Kubo's --flag=false becomes commander's --no-flag", () => {
  assert.equal(parseConfig({}, ['add', '--pin=false', '--raw-leaves=true', 'f']).args, ['add', '--no-pin', '--raw-leaves', 'f'])
  assert.equal(parseConfig({}, ['dag', 'import', '--pin-roots=false', 'x.car']).args, ['dag', 'import', '--no-pin-roots', 'x.car'])
  assert.is(normaliseBoolean('--cid-version=1'), '--cid-version=1')
})

test('everything after -- is left alone', () => {
  assert.equal(parseConfig({}, ['pubsub', 'pub', '--', '--debug']).args, ['pubsub', 'pub', '--', '--debug'])
})

test('bad values are typed errors', () => {
  assert.throws(() => parseConfig({}, ['--enc=xml', 'id']), (err: any) => err.code === 'ERR_INVALID_PARAMETERS')
  assert.throws(() => parseConfig({}, ['id', '--enc']), (err: any) => err.code === 'ERR_INVALID_PARAMETERS')
  assert.throws(() => parseConfig({}, ['id', '--debug=maybe']), (err: any) => err.code === 'ERR_INVALID_PARAMETERS')
  assert.throws(() => parseConfig({}, ['id', '--timeout=soon']), (err: any) => err.code === 'ERR_INVALID_PARAMETERS')
})

test('parseDuration reads Go durations', () => {
  assert.is(parseDuration('300ms'), 300)
  assert.is(parseDuration('2h'), 7_200_000)
  assert.is(parseDuration('1m30s'), 90_000)
  assert.throws(() => parseDuration('5'), /missing unit/) // Go's semantics (issue 13): a bare number is not seconds
  assert.throws(() => parseDuration('5x'))
  assert.throws(() => parseDuration('1m junk'))
})

test('pnpm cairn reads relative paths from the caller folder (INIT_CWD), other scripts do not', () => {
  assert.is(parseConfig({ npm_lifecycle_event: 'cairn', INIT_CWD: '/home/u/work' }, ['add', 'f']).cwd, '/home/u/work')
  assert.is(parseConfig({ npm_lifecycle_event: 'test', INIT_CWD: '/work/main' }, ['add', 'f']).cwd, undefined)
})

test.run()
