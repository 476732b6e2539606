/**
 * Kubo's `pin remote` commands through the real `cairn` against a Pinning Service API server
 * written from the spec (not Cairn's): the cases of Kubo's `test/cli/pinning_remote_test.go`.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import { startSpecService } from './fixtures/pinning-service.ts'
import type { Daemon } from './fixtures/cli.ts'
import type { SpecService } from './fixtures/pinning-service.ts'

const TOKEN = 'testauthtoken'
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

interface Context { dir: string, repo: string, daemon?: Daemon, svc?: SpecService }
const test = suite<Context>('cairn pin remote', { dir: '', repo: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-pin-remote-'))
  ctx.repo = join(ctx.dir, 'repo')
  await ok(['init', '--profile=test'], { repo: ctx.repo })
  ctx.svc = await startSpecService(TOKEN)
  await ok(['pin', 'remote', 'service', 'add', 'svc', ctx.svc.url, TOKEN], { repo: ctx.repo })
  await ok(['config', '--json', 'Pinning.RemoteServices.svc.Policies.MFS.RepinInterval', '"1s"'], { repo: ctx.repo })
  await ok(['config', '--json', 'Pinning.RemoteServices.svc.Policies.MFS.PinName', '"test_pin"'], { repo: ctx.repo })
  await ok(['config', '--json', 'Pinning.RemoteServices.svc.Policies.MFS.Enable', 'true'], { repo: ctx.repo })
  ctx.daemon = await startDaemon(ctx.repo, LISTEN, undefined, { env: { MFS_PIN_POLL_INTERVAL: '100ms' } })
})

test.after(async (ctx) => {
  await ctx.daemon?.stop()
  await ctx.svc?.close()
  await rm(ctx.dir, { recursive: true, force: true })
})

const run = async (ctx: Context, args: string[]): Promise<string> => (await ok(args, { repo: ctx.repo })).out
const addStr = async (ctx: Context, text: string): Promise<string> => {
  const file = join(ctx.dir, `f-${Math.random()}`)
  await writeFile(file, text)
  return (await run(ctx, ['add', '-Q', file])).trim()
}

/** Polls `fn` until it returns true, at most `ms` */
async function eventually (fn: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

test('MFS policy pins the MFS root, and re-pins it when it changes', async (ctx) => {
  for (const name of ['first', 'second']) {
    await run(ctx, ['files', 'cp', '/ipfs/bafkqaaa', `/mfs-pinning-${name}`])
    await run(ctx, ['files', 'flush'])
    const hash = JSON.parse(await run(ctx, ['files', 'stat', '/', '--enc=json'])).Hash
    await eventually(async () => {
      const out = await run(ctx, ['pin', 'remote', 'ls', '--service=svc', '--name=test_pin', '--status=queued,pinning,pinned,failed', '--enc=json'])
      return out.trim() !== '' && JSON.parse(out.trim().split('\n')[0]).Cid === hash
    })
  }
  // replaced, not added: one request under the policy's name
  assert.is([...ctx.svc!.pins.values()].filter(p => p.pin.name === 'test_pin').length, 1)
})

test('service keys never show: config show, config Pinning, config replace', async (ctx) => {
  const shown = await run(ctx, ['config', 'show'])
  assert.not.ok(shown.includes(TOKEN))
  assert.ok(shown.includes(ctx.svc!.url))
  for (const key of ['Pinning', 'Pinning.RemoteServices.svc.API.Key']) {
    const r = await cairn(['config', key], { repo: ctx.repo })
    assert.is.not(r.code, 0)
    assert.ok(r.err.includes('cannot show or change pinning services credentials'), r.err)
    assert.not.ok(r.out.includes(TOKEN))
  }
  const file = join(ctx.dir, 'config-show')
  await writeFile(file, shown)
  await run(ctx, ['config', 'replace', file])
  assert.ok((await readFile(join(ctx.repo, 'config'), 'utf8')).includes(TOKEN), 'replace keeps the key')
  const withKey = JSON.parse(shown)
  withKey.Pinning.RemoteServices.svc.API.Key = 'other'
  await writeFile(file, JSON.stringify(withKey))
  const r = await cairn(['config', 'replace', file], { repo: ctx.repo })
  assert.is.not(r.code, 0)
  assert.ok(r.err.includes('cannot change remote pinning services api info with `config replace`'), r.err)
})

test('service add refuses a bad URL; ls --stat counts and flags a bad service; rm', async (ctx) => {
  for (const url of ['invalid-service.example.com', 'xyz://invalid-service.example.com']) {
    const r = await cairn(['pin', 'remote', 'service', 'add', 'bad', url, 'key'], { repo: ctx.repo })
    assert.is.not(r.code, 0)
    assert.is(r.err, 'Error: service endpoint must be a valid HTTP URL\n')
  }
  await run(ctx, ['pin', 'remote', 'service', 'add', 'invalid-svc', `${ctx.svc!.url}/invalidpath`, TOKEN])
  const dup = await cairn(['pin', 'remote', 'service', 'add', 'invalid-svc', ctx.svc!.url, TOKEN], { repo: ctx.repo })
  assert.is(dup.err, 'Error: service already present\n')
  const text = await run(ctx, ['pin', 'remote', 'service', 'ls', '--stat'])
  const lines = text.trimEnd().split('\n')
  assert.is(lines.length, 2)
  assert.match(lines[0], /^invalid-svc +http:\/\/127\.0\.0\.1:\d+\/api\/v1\/invalidpath +invalid$/)
  assert.match(lines[1], /^svc +http:\/\/127\.0\.0\.1:\d+\/api\/v1 +\d+\/\d+\/\d+\/\d+$/)
  const json = JSON.parse(await run(ctx, ['pin', 'remote', 'service', 'ls', '--stat', '--enc=json']))
  const byName = Object.fromEntries(json.RemoteServices.map((s: any) => [s.Service, s]))
  assert.is(byName.svc.Stat.Status, 'valid')
  assert.is(typeof byName.svc.Stat.PinCount.Pinned, 'number')
  assert.equal(byName['invalid-svc'].Stat, { Status: 'invalid' })
  const plain = JSON.parse(await run(ctx, ['pin', 'remote', 'service', 'ls', '--enc=json']))
  assert.ok(plain.RemoteServices.every((s: any) => s.Stat === undefined))
  const wrongPath = await cairn(['pin', 'remote', 'ls', '--service=invalid-svc'], { repo: ctx.repo })
  assert.is.not(wrongPath.code, 0)
  assert.ok(wrongPath.err.includes('404'), wrongPath.err)
  await run(ctx, ['pin', 'remote', 'service', 'rm', 'invalid-svc'])
  assert.not.ok((await run(ctx, ['pin', 'remote', 'service', 'ls'])).includes('invalid-svc'))
})

test('a wrong key is "access denied"; an unknown service and a missing --service are refused', async (ctx) => {
  await run(ctx, ['pin', 'remote', 'service', 'add', 'other', ctx.svc!.url, 'othertoken'])
  const denied = await cairn(['pin', 'remote', 'ls', '--service=other'], { repo: ctx.repo })
  assert.is.not(denied.code, 0)
  assert.ok(denied.err.includes('access denied'), denied.err)
  await run(ctx, ['pin', 'remote', 'service', 'rm', 'other'])
  assert.is((await cairn(['pin', 'remote', 'ls', '--service=nope'], { repo: ctx.repo })).err, 'Error: service not known\n')
  assert.is((await cairn(['pin', 'remote', 'ls'], { repo: ctx.repo })).err, 'Error: a service name must be passed\n')
  assert.is((await cairn(['pin', 'remote', 'ls', '--service=svc', '--status=bogus'], { repo: ctx.repo })).err, 'Error: status "bogus" is not valid\n')
})

test('add --background returns queued; ls follows each status; the request carries our origins', async (ctx) => {
  const hash = await addStr(ctx, 'foo')
  const out = await run(ctx, ['pin', 'remote', 'add', '--background=true', '--service=svc', '--name=pin1', hash])
  assert.is(out, `CID:    ${hash}\nName:   pin1\nStatus: queued\n`)
  const pin = [...ctx.svc!.pins.values()].find(p => p.pin.name === 'pin1')!
  assert.ok(pin.pin.origins!.some(o => o.endsWith(`/p2p/${ctx.daemon!.peerId}`)), JSON.stringify(pin.pin.origins))
  for (const status of ['queued', 'pinning', 'pinned', 'failed'] as const) {
    ctx.svc!.setStatus(pin.requestid, status)
    const r = JSON.parse(await run(ctx, ['pin', 'remote', 'ls', '--service=svc', '--enc=json', '--name=pin1', `--status=${status}`]))
    assert.equal(r, { Status: status, Cid: hash, Name: 'pin1' })
  }
})

test('add waits until pinned; a failed request is an error', async (ctx) => {
  const hash = await addStr(ctx, 'bar')
  ctx.svc!.onAdd = (s) => { setTimeout(() => { s.status = 'pinned' }, 700) }
  const out = await run(ctx, ['pin', 'remote', 'add', '--service=svc', '--name=pin2', hash])
  assert.is(out, `CID:    ${hash}\nName:   pin2\nStatus: pinned\n`)
  ctx.svc!.onAdd = (s) => { s.status = 'failed' }
  const failed = await cairn(['pin', 'remote', 'add', '--service=svc', '--name=pin3', hash], { repo: ctx.repo })
  assert.is.not(failed.code, 0)
  assert.match(failed.err, /^Error: remote service failed to pin requestid="[^"]+"\n$/)
  ctx.svc!.onAdd = undefined
})

test('offline, with the block local: Kubo\'s warning on stdout first (text only), and no origins sent', async (ctx) => {
  const repo = join(ctx.dir, 'offline')
  await ok(['init', '--profile=test'], { repo })
  await ok(['pin', 'remote', 'service', 'add', 'svc', ctx.svc!.url, TOKEN], { repo })
  const file = join(ctx.dir, 'offline.txt')
  await writeFile(file, 'held here, served by nobody')
  const hash = (await ok(['add', '-Q', file], { repo })).out.trim()
  const out = (await ok(['pin', 'remote', 'add', '--background', '--service=svc', '--name=offline1', hash], { repo })).out
  assert.is(out, `WARNING: the local node is offline and remote pinning may fail if there is no other provider for this CID\nCID:    ${hash}\nName:   offline1\nStatus: queued\n`)
  const pin = [...ctx.svc!.pins.values()].find(p => p.pin.name === 'offline1')!
  assert.is(pin.pin.origins, undefined)
  const json = (await ok(['pin', 'remote', 'add', '--background', '--service=svc', '--name=offline2', '--enc=json', hash], { repo })).out
  assert.equal(JSON.parse(json), { Status: 'queued', Cid: hash, Name: 'offline2' })
  // a CID that is not local: nothing to warn about
  const elsewhere = (await ok(['add', '-Q', '--only-hash', join(ctx.dir, 'offline.txt'), '--cid-version=1'], { repo })).out.trim()
  const quiet = (await ok(['pin', 'remote', 'add', '--background', '--service=svc', '--name=offline3', elsewhere], { repo })).out
  assert.is(quiet, `CID:    ${elsewhere}\nName:   offline3\nStatus: queued\n`)
})

test('ls by CID and status; rm needs --force for several matches; text lines as Kubo', async (ctx) => {
  const hash = await addStr(ctx, 'baz')
  ctx.svc!.onAdd = (s) => { s.status = 'pinned' }
  await run(ctx, ['pin', 'remote', 'add', '--service=svc', '--name=force-test-name', hash])
  await run(ctx, ['pin', 'remote', 'add', '--service=svc', '--name=force-test-name', hash])
  ctx.svc!.onAdd = undefined
  const byCid = await run(ctx, ['pin', 'remote', 'ls', '--service=svc', `--cid=${hash}`])
  assert.is(byCid, `${hash}\tpinned\tforce-test-name\n${hash}\tpinned\tforce-test-name\n`)
  const refused = await cairn(['pin', 'remote', 'rm', '--service=svc', '--name=force-test-name'], { repo: ctx.repo })
  assert.is.not(refused.code, 0)
  assert.is(refused.err, 'Error: multiple remote pins are matching this query, add --force to confirm the bulk removal\n')
  assert.is((await run(ctx, ['pin', 'remote', 'ls', '--service=svc', '--name=force-test-name'])).trimEnd().split('\n').length, 2)
  await run(ctx, ['pin', 'remote', 'rm', '--service=svc', '--name=force-test-name', '--force'])
  assert.is(await run(ctx, ['pin', 'remote', 'ls', '--service=svc', '--name=force-test-name']), '')
  const badCid = await cairn(['pin', 'remote', 'ls', '--service=svc', '--cid=notacid'], { repo: ctx.repo })
  assert.is.not(badCid.code, 0)
  assert.match(badCid.err, /^Error: CID "notacid" cannot be parsed/)
})

test('ls pages through more than one page of results', async (ctx) => {
  // 1001 pins: two pages at the spec's maximum limit, joined by `before`
  const cid = 'bafkqaaa'
  for (let i = 0; i < 1001; i++) {
    const created = new Date(Date.UTC(2020, 0, 1) + i).toISOString()
    ctx.svc!.pins.set(`page-${i}`, { requestid: `page-${i}`, status: 'pinned', created, pin: { cid, name: 'paged' }, delegates: [] })
  }
  const out = await run(ctx, ['pin', 'remote', 'ls', '--service=svc', '--name=paged'])
  assert.is(out.trimEnd().split('\n').length, 1001)
  assert.ok(ctx.svc!.log.some(l => l.includes('before=')), 'a second page was asked for')
  for (let i = 0; i < 1001; i++) ctx.svc!.pins.delete(`page-${i}`)
})

test.run()
