import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createNode, initRepo, isRepoInitialized, parseBytes, parseDuration, DEFAULT_BOOTSTRAP_ADDRESSES } from '../src/index.ts'
import { cleanup, collect, connect, tempDir, testNode, testRepo, waitFor } from './fixtures/nodes.ts'
import type { CairnNode } from '../src/index.ts'
import type { CID } from 'multiformats/cid'

const execFileAsync = promisify(execFile)
const test = suite('repo, identity and config')

test.after(cleanup)

async function rejects (fn: () => Promise<unknown>, code: string): Promise<void> {
  try {
    await fn()
  } catch (err: any) {
    assert.is(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`)
    return
  }
  assert.unreachable(`expected ${code}`)
}

test('initRepo writes config and an Ed25519 key, and refuses to overwrite', async () => {
  const dir = await tempDir()
  assert.is(await isRepoInitialized(dir), false)
  const config = await initRepo(dir)
  assert.is(await isRepoInitialized(dir), true)
  assert.match(config.Identity.PeerID, /^12D3KooW/)
  const onDisk = JSON.parse(await readFile(join(dir, 'config'), 'utf8'))
  assert.equal(onDisk, config)
  // the default profile is Kubo's
  assert.equal(onDisk.Bootstrap, [...DEFAULT_BOOTSTRAP_ADDRESSES])
  assert.is(onDisk.Discovery.MDNS.Enabled, true)
  assert.ok(onDisk.Addresses.Swarm.includes('/ip4/0.0.0.0/tcp/4001'))
  assert.is(onDisk.Addresses.API, '/ip4/127.0.0.1/tcp/5001')
  assert.is(onDisk.Addresses.Gateway, '/ip4/127.0.0.1/tcp/8080')
  assert.ok((await readFile(join(dir, 'keystore', 'self'))).byteLength > 32)
  await rejects(async () => initRepo(dir), 'ERR_INVALID_PARAMETERS')
  assert.equal(JSON.parse(await readFile(join(dir, 'config'), 'utf8')), config, 'the first repo is untouched')
})

test('test profile: loopback, port 0, no bootstrap, no mDNS', async () => {
  const dir = await tempDir()
  const config = await initRepo(dir, { profile: 'test', config: { Reprovider: { Strategy: 'roots' } } })
  assert.equal(config.Addresses.Swarm, ['/ip4/127.0.0.1/tcp/0'])
  assert.is(config.Addresses.API, '/ip4/127.0.0.1/tcp/0')
  assert.equal(config.Bootstrap, [])
  assert.is(config.Discovery.MDNS.Enabled, false)
  assert.is(config.Reprovider.Strategy, 'roots')
})

test('createNode without a repo: RepoNotInitializedError, or init with initIfMissing', async () => {
  const dir = await tempDir()
  await rejects(async () => createNode({ repoPath: dir, offline: true }), 'ERR_REPO_NOT_INITIALIZED')
  const node = await testNode({ repoPath: dir, offline: true, initIfMissing: true })
  assert.is(await isRepoInitialized(dir), true)
  assert.is(node.config.Identity.PeerID, node.peerId)
})

test('identity persists across restarts; a second open of the repo is RepoLockedError', async () => {
  const dir = await testRepo()
  const first = await createNode({ repoPath: dir })
  const peerId = first.peerId
  await rejects(async () => createNode({ repoPath: dir, offline: true }), 'ERR_REPO_LOCKED')
  await first.stop()
  const second = await testNode({ repoPath: dir })
  assert.is(second.peerId, peerId)
  assert.is((await second.id()).id, peerId)
})

test('a second process on an open repo gets RepoLockedError', async () => {
  const dir = await testRepo()
  const node = await testNode({ repoPath: dir })
  const run = async (): Promise<string> => {
    const { stdout } = await execFileAsync(process.execPath, ['--conditions=development', join(import.meta.dirname, 'fixtures', 'open-repo.ts'), dir], { timeout: 30_000 })
    return stdout.trim()
  }
  assert.is(await run(), 'ERR_REPO_LOCKED')
  await node.stop()
  assert.is(await run(), 'opened', 'the lock is released by stop()')
})

test('DHT provider records persist in $repo/datastore across a restart; the peer store does not', async () => {
  const dir = await testRepo()
  const a = await createNode({ repoPath: dir, reprovideInitialDelayMs: 600_000 })
  const b = await testNode()
  await connect(b, a)
  // kad-dht's own record store, read directly: no public API lists the records a node holds
  const records = async (n: CairnNode, cid: CID): Promise<string[]> =>
    (await (n.libp2p.services as any).dht.providers.getProviders(cid)).map(String)
  const [added] = await collect(b.add([{ path: 'p.txt', content: new TextEncoder().encode('provided by B') }]))
  await waitFor(async () => (await records(a, added.cid)).includes(b.peerId), 15_000, 'A to hold B\'s provider record')
  assert.ok((await a.swarm.addrs()).some(p => p.id === b.peerId))
  await a.stop()

  const again = await testNode({ repoPath: dir })
  assert.ok((await records(again, added.cid)).includes(b.peerId), 'the record survived')
  assert.not.ok((await again.swarm.addrs()).some(p => p.id === b.peerId), 'peer addresses are not kept, as in Kubo')
})

test('a config that is not JSON is RepoCorruptError', async () => {
  const dir = await testRepo()
  await writeFile(join(dir, 'config'), '{ nope')
  await rejects(async () => createNode({ repoPath: dir, offline: true }), 'ERR_REPO_CORRUPT')
})

test('overrides apply to the run only; config set/get and bootstrap add/rm write the file', async () => {
  const dir = await testRepo()
  const node = await testNode({ repoPath: dir, offline: true, config: { Reprovider: { Interval: '1h' } } })
  assert.is(node.config.Reprovider.Interval, '1h')
  assert.is(await node.config.get('Reprovider.Interval'), '22h', 'the file keeps its value')

  await node.config.set('Datastore.StorageMax', '20GB')
  assert.is(await node.config.get('Datastore.StorageMax'), '20GB')
  // keys Kubo's config has, though not in this file yet: map entries too
  await node.config.set('Swarm.ResourceMgr.MaxMemory', '1GB')
  await node.config.set('Gateway.HTTPHeaders.X-Custom', ['yes'])
  await node.config.set('Plugins.Plugins.foo.Config', { any: { thing: 1 } })
  assert.equal(await node.config.get('Gateway.HTTPHeaders.X-Custom'), ['yes'])
  const file = JSON.parse(await readFile(join(dir, 'config'), 'utf8'))
  assert.is(file.Datastore.StorageMax, '20GB')
  // keys Kubo does not know are refused with its words (config.CheckKey), and change nothing
  for (const [key, message] of [
    ['Fruit', 'Fruit not found'],
    ['Custom.Nested.Key', 'Custom not found'],
    ['Datastore.Nope', 'Datastore.Nope not found'],
    ['Bootstrap.First', 'Bootstrap key is not a map'],
    ['Routing.Type.Sub', 'Routing.Type.Sub not found']
  ]) {
    try {
      await node.config.set(key, 'banana')
      assert.unreachable(key)
    } catch (err: any) {
      assert.is(err.code, 'ERR_INVALID_PARAMETERS', key)
      assert.is(err.message, `failed to set config value: ${message} (maybe use --json?)`)
    }
  }
  assert.is((await node.config.show() as any).Fruit, undefined)
  // Cairn's own keys, already in the file, stay settable
  await node.config.set('Gateway.Timeout', '30s')
  await rejects(async () => node.config.get('No.Such.Key'), 'ERR_INVALID_PARAMETERS')
  await rejects(async () => node.config.set('Reprovider.Strategy', 'sometimes'), 'ERR_INVALID_PARAMETERS')
  await rejects(async () => node.config.set('Identity.PeerID', 'x'), 'ERR_INVALID_PARAMETERS')
  await rejects(async () => node.config.set('__proto__.x', 1), 'ERR_INVALID_PARAMETERS')
  assert.is(await node.config.get('Reprovider.Strategy'), 'all', 'a refused set changes nothing')
  // Kubo's Provide.* names: set and read back; a bad value refused as the old key's is
  await node.config.set('Provide.DHT.SweepEnabled', false)
  assert.is(await node.config.get('Provide.DHT.SweepEnabled'), false)
  await rejects(async () => node.config.set('Provide.Strategy', 'sometimes'), 'ERR_INVALID_PARAMETERS')
  await rejects(async () => node.config.set('Provide.DHT.Interval', 'soon'), 'ERR_INVALID_PARAMETERS')
  assert.not.ok(Object.keys(node.config).includes('set'), 'the API methods are not config keys')

  const peer = '/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWDzpYzCuaehZBsjUyCsj8bCnLGz3FQsm47SGhX1BGx6Hb'
  assert.equal(await node.bootstrap.list(), [])
  assert.equal(await node.bootstrap.add([peer]), [peer])
  assert.equal(await node.bootstrap.add([peer]), [peer], 'adding twice reports it again, as Kubo')
  assert.equal(await node.bootstrap.list(), [peer])
  await rejects(async () => node.bootstrap.add(['/ip4/127.0.0.1/tcp/4001']), 'ERR_INVALID_PARAMETERS')
  await rejects(async () => node.bootstrap.add(['not a multiaddr']), 'ERR_INVALID_PARAMETERS')
  const defaults = await node.bootstrap.add([], { default: true })
  assert.equal(defaults, [...DEFAULT_BOOTSTRAP_ADDRESSES])
  assert.equal((await node.bootstrap.list())[0], defaults[0], 'what is added goes first, as Kubo')
  await rejects(async () => node.bootstrap.rm(['not a multiaddr']), 'ERR_INVALID_PARAMETERS')
  assert.equal(await node.bootstrap.rm([peer]), [peer])
  assert.equal((await node.bootstrap.rm([], { all: true })).length, DEFAULT_BOOTSTRAP_ADDRESSES.length)
  assert.equal(JSON.parse(await readFile(join(dir, 'config'), 'utf8')).Bootstrap, [])
})

test('Go durations and Kubo sizes', () => {
  assert.is(parseDuration('22h'), 22 * 3_600_000)
  assert.is(parseDuration('1h30m'), 90 * 60_000)
  assert.is(parseDuration('500ms'), 500)
  assert.is(parseDuration('0'), 0)
  assert.throws(() => parseDuration('soon'))
  assert.throws(() => parseDuration('10x'))
  assert.is(parseBytes('10GB'), 10_000_000_000)
  assert.is(parseBytes('512MiB'), 512 * 1024 * 1024)
  assert.is(parseBytes('1000'), 1000)
  assert.throws(() => parseBytes('lots'))
})

test.run()
