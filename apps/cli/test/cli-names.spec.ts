/**
 * `cairn key`, `cairn name`, `cairn resolve` as real processes: offline on a repo, then through two
 * daemons on 127.0.0.1 where a name published on A resolves on B over the DHT.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

const test = suite('cairn key / name / resolve')
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']
const dirs: string[] = []
const daemons: Daemon[] = []

test.after(async () => {
  for (const d of daemons) await d.stop()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

/**
 * Two daemons at once, both stopped by the after hook even when one fails to start (a bare
 * Promise.all lost the one that came up, and it held the spec's process open)
 */
async function startTwo (ra: string, rb: string): Promise<[Daemon, Daemon]> {
  const started = await Promise.allSettled([startDaemon(ra, LISTEN), startDaemon(rb, LISTEN)])
  for (const s of started) if (s.status === 'fulfilled') daemons.push(s.value)
  for (const s of started) if (s.status === 'rejected') throw s.reason
  return [(started[0] as PromiseFulfilledResult<Daemon>).value, (started[1] as PromiseFulfilledResult<Daemon>).value]
}

async function repo (): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-cli-names-'))
  dirs.push(dir)
  await ok(['init', '--profile=test'], { repo: dir })
  return dir
}

test('keys offline: gen, ls -l, rename, export/import, rm, with Kubo output lines', async () => {
  const r = await repo()
  const id = (await ok(['key', 'gen', 'site'], { repo: r })).out.trim()
  assert.match(id, /^k51[0-9a-z]+$/, 'base36 CIDv1 by default')
  const b58 = (await ok(['key', 'gen', '--ipns-base=b58mh', 'other'], { repo: r })).out.trim()
  assert.match(b58, /^12D3Koo/)
  assert.is((await ok(['key', 'ls'], { repo: r })).out, 'self\nother\nsite\n')
  const long = (await ok(['key', 'ls', '-l'], { repo: r })).out.split('\n').filter(Boolean)
  assert.ok(long[2].startsWith(`${id} site`), long[2])
  assert.is((await ok(['key', 'rename', 'site', 'web'], { repo: r })).out, `Key ${id} renamed to web\n`)

  const dir = dirs[dirs.length - 1]
  await ok(['key', 'export', 'web'], { repo: r, cwd: dir })
  assert.is((await stat(join(dir, 'web.key'))).mode & 0o777, 0o600, 'exported keys are owner-only')
  await ok(['key', 'export', 'web', '-f', 'pem-pkcs8-cleartext', '-o', join(dir, 'web.pem')], { repo: r })
  assert.is((await ok(['key', 'import', 'again', join(dir, 'web.pem'), '-f', 'pem-pkcs8-cleartext'], { repo: r })).out.trim(), id)
  const dup = await cairn(['key', 'import', 'web', join(dir, 'web.key')], { repo: r })
  assert.is.not(dup.code, 0)
  assert.match(dup.err, /key with name 'web' already exists/)
  assert.is((await ok(['key', 'rm', 'web', 'again'], { repo: r })).out, 'web\nagain\n')
  const gone = await cairn(['key', 'rm', 'web'], { repo: r })
  assert.is.not(gone.code, 0)
  assert.match(gone.err, /^Error: no key named web was found\n$/)

  // key rotate: a new identity; the old one stays in the keystore under --oldkey
  const before = (await ok(['id', '-f', '<id>'], { repo: r })).out.trim()
  const rotated = await ok(['key', 'rotate', '-o', 'previous'], { repo: r })
  const after = /peer identity: (\S+)/.exec(rotated.out)?.[1]
  assert.ok(after != null && after !== before, rotated.out)
  assert.is((await ok(['id', '-f', '<id>'], { repo: r })).out.trim(), after)
  const withOld = (await ok(['key', 'ls', '-l', '--ipns-base=b58mh'], { repo: r })).out
  assert.match(withOld, new RegExp(`^${after} +self *$`, 'm'))
  assert.match(withOld, new RegExp(`^${before} +previous *$`, 'm'))

  const offline = await cairn(['name', 'publish', '/ipfs/bafkqaaa'], { repo: r })
  assert.is.not(offline.code, 0)
  assert.match(offline.err, /can't publish while offline: pass `--allow-offline` to override/)
  const pub = await ok(['name', 'publish', '--allow-offline', '--resolve=false', 'bafkqaaa'], { repo: r })
  assert.match(pub.out, /^Published to k51[0-9a-z]+: \/ipfs\/bafkqaaa\n$/)
})

test('two daemons: publish on A, resolve on B over the DHT; get | inspect; resolve /ipns/', async () => {
  const ra = await repo()
  const rb = await repo()
  const [a, b] = await startTwo(ra, rb)
  await ok(['swarm', 'connect', a.swarm[0]], { repo: rb })

  const file = join(dirs[dirs.length - 1], 'hello.txt')
  await writeFile(file, 'hello names')
  const cid = (await ok(['add', '-Q', '--cid-version=1', file], { repo: ra })).out.trim()
  const pub = await ok(['name', 'publish', '--ttl=1m', cid], { repo: ra })
  const name = /^Published to (k51[0-9a-z]+): \/ipfs\//.exec(pub.out)?.[1]
  assert.ok(name, pub.out)

  assert.is((await ok(['name', 'resolve', name], { repo: rb })).out, `/ipfs/${cid}\n`)
  assert.is((await ok(['resolve', `/ipns/${name}`], { repo: rb })).out, `/ipfs/${cid}\n`)
  assert.is((await ok(['cat', `/ipns/${name}`], { repo: rb })).out, 'hello names')

  const record = (await ok(['name', 'get', name], { repo: rb })).stdout
  const inspected = await ok(['name', 'inspect', '--verify', name], { repo: rb, input: record })
  assert.match(inspected.out, new RegExp(`^Value: +"/ipfs/${cid}"\n`))
  assert.match(inspected.out, /\nTTL: +1m0s\n/)
  assert.match(inspected.out, /\nSignature Type: +V1\+V2\n/)
  assert.match(inspected.out, /\nValidation results:\n +Valid: +true\n/)
  assert.match(inspected.out, /\nHex Dump:\n00000000  /)

  // B stores the same record again (republishing a third-party record is allowed)
  const put = await ok(['name', 'put', name], { repo: rb, input: record })
  assert.is(put.out, `Stored record for ${name}: /ipfs/${cid}\n`)
  const bad = await cairn(['name', 'put', name], { repo: rb, input: 'not a record' })
  assert.is.not(bad.code, 0)
  assert.match(bad.err, /record/)

  const missing = await cairn(['name', 'resolve', '--dht-timeout=2s', (await ok(['key', 'gen', 'unused'], { repo: rb })).out.trim()], { repo: rb })
  assert.is.not(missing.code, 0)
  assert.match(missing.err, /could not resolve name/)
})

test('name publish --allow-delegated: an offline repo publishes through a daemon\'s routing API alone', async () => {
  const ra = await repo()
  const rb = await repo()
  const rc = await repo()
  const [a, b] = await startTwo(ra, rb)
  await ok(['swarm', 'connect', a.swarm[0]], { repo: rb })
  const file = join(dirs[dirs.length - 1], 'delegated.txt')
  await writeFile(file, 'published by delegation')
  const cid = (await ok(['add', '-Q', '--cid-version=1', file], { repo: rc })).out.trim()

  const none = await cairn(['name', 'publish', '--allow-delegated', cid], { repo: rc })
  assert.is.not(none.code, 0)
  assert.is(none.err, 'Error: no delegated publishers configured: add Ipns.DelegatedPublishers or use --allow-offline for local-only publishing\n')
  const both = await cairn(['name', 'publish', '--allow-delegated', '--allow-offline', cid], { repo: rc })
  assert.is.not(both.code, 0)
  assert.match(both.err, /cannot use both --allow-offline and --allow-delegated flags/)

  // a publisher that is not there: the publish fails and says which one
  await ok(['config', '--json', 'Ipns.DelegatedPublishers', JSON.stringify(['auto', 'http://127.0.0.1:1'])], { repo: rc })
  const refused = await cairn(['name', 'publish', '--allow-delegated', cid], { repo: rc })
  assert.is.not(refused.code, 0)
  assert.match(refused.err, /no delegated publisher took the record: http:\/\/127\.0\.0\.1:1: /)

  await ok(['config', '--json', 'Ipns.DelegatedPublishers', JSON.stringify([a.gatewayUrl])], { repo: rc })
  const pub = await ok(['name', 'publish', '--allow-delegated', cid], { repo: rc })
  const name = /^Published to (k51[0-9a-z]+): \/ipfs\//.exec(pub.out)?.[1]
  assert.ok(name, pub.out)
  // A took it through PUT /routing/v1/ipns/{name} and put it in the DHT, where B finds it
  assert.is((await ok(['name', 'resolve', name], { repo: ra })).out, `/ipfs/${cid}\n`)
  assert.is((await ok(['name', 'resolve', '--nocache', name], { repo: rb })).out, `/ipfs/${cid}\n`)
  // without the flag an offline repo still refuses, as Kubo
  const offline = await cairn(['name', 'publish', cid], { repo: rc })
  assert.is.not(offline.code, 0)
  assert.match(offline.err, /can't publish while offline: pass `--allow-offline` to override or `--allow-delegated`/)
})

test.run()
