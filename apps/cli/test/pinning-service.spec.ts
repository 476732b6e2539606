/**
 * The Pinning Service API served by a real `cairn daemon` (`--pinning-service`): tokens made with
 * the CLI, a pin fetched from the origin the request names (a second daemon on 127.0.0.1), per-token
 * isolation, revocation seen by the running daemon, and a request that survives a SIGKILL mid-fetch.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'
import { multiaddrToUrl } from '../src/multiaddr.ts'

interface Context {
  dir: string
  repoA: string
  repoB: string
  a?: Daemon
  b?: Daemon
  url: string
  token: string
}

const test = suite<Context>('cairn daemon: Pinning Service API', { dir: '', repoA: '', repoB: '', url: '', token: '' })
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']
const SERVICE = ['--pinning-service', '/ip4/127.0.0.1/tcp/0']
const WAIT_MS = 30_000

function serviceUrl (d: Daemon): string {
  const addr = /Pinning Service API listening on (\S+)/.exec(d.output())?.[1]
  if (addr == null) throw new Error(`no pinning service line in:\n${d.output()}`)
  return multiaddrToUrl(addr)
}

async function call (ctx: Context, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number, json: any }> {
  const res = await fetch(`${ctx.url}${path}`, {
    method,
    headers: { ...(token != null ? { Authorization: `Bearer ${token}` } : {}), ...(body != null ? { 'Content-Type': 'application/json' } : {}) },
    ...(body != null ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(WAIT_MS)
  })
  const text = await res.text()
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) }
}

/** Polls the request until it leaves queued/pinning (bounded) */
async function settled (ctx: Context, requestid: string, token = ctx.token): Promise<any> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const r = await call(ctx, 'GET', `/pins/${requestid}`, token)
    if (r.status !== 200) throw new Error(`GET /pins/${requestid}: ${r.status} ${JSON.stringify(r.json)}`)
    if (r.json.status === 'pinned' || r.json.status === 'failed') return r.json
    if (Date.now() > deadline) throw new Error(`request ${requestid} still ${r.json.status} after ${WAIT_MS} ms`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

test.before(async (ctx) => {
  try {
    ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-pinsvc-'))
    ctx.repoA = join(ctx.dir, 'a')
    ctx.repoB = join(ctx.dir, 'b')
    await Promise.all([ok(['init', '--profile=test'], { repo: ctx.repoA }), ok(['init', '--profile=test'], { repo: ctx.repoB })])
    ctx.token = (await ok(['pinning-service', 'token', 'create', '--name', 'alice'], { repo: ctx.repoA })).out.trim()
    ctx.a = await startDaemon(ctx.repoA, [...LISTEN, ...SERVICE])
    ctx.b = await startDaemon(ctx.repoB, LISTEN)
    ctx.url = serviceUrl(ctx.a)
  } catch (err) {
    process.stderr.write(`before: ${(err as Error).stack}\n`)
    throw err
  }
})

test.after(async (ctx) => {
  await Promise.all([ctx.a?.stop(), ctx.b?.stop()])
  await rm(ctx.dir, { recursive: true, force: true })
})

test('token create prints the secret once; only its hash is in the repo; ls never shows it', async (ctx) => {
  assert.match(ctx.token, /^cairn-pst-[A-Za-z0-9_-]{43}$/)
  const file = await readFile(join(ctx.repoA, 'pinning-service', 'tokens.json'), 'utf8')
  assert.not.ok(file.includes(ctx.token.slice(10)), 'the secret is stored')
  const ls = await ok(['pinning-service', 'token', 'ls'], { repo: ctx.repoA })
  assert.match(ls.out, /^alice\t[0-9a-f]{16}\t\d{4}-/)
  assert.not.ok(ls.out.includes(ctx.token.slice(10)))
  const dup = await cairn(['pinning-service', 'token', 'create', '--name', 'alice'], { repo: ctx.repoA })
  assert.is.not(dup.code, 0)
  assert.is(dup.err, "Error: a token named 'alice' exists\n")
})

test('a pin request is fetched from its origin and pinned on the daemon; delete unpins it', async (ctx) => {
  const added = await ok(['add', '-Q'], { repo: ctx.repoB, input: randomBytes(600_000) })
  const cid = added.out.trim()
  const post = await call(ctx, 'POST', '/pins', ctx.token, { cid, name: 'file.bin', origins: ctx.b!.swarm, meta: { app: 'test' } })
  assert.is(post.status, 202, JSON.stringify(post.json))
  assert.ok(['queued', 'pinning', 'pinned'].includes(post.json.status))
  assert.equal(post.json.pin, { cid, name: 'file.bin', origins: ctx.b!.swarm, meta: { app: 'test' } })
  assert.ok(post.json.delegates.length >= 1 && post.json.delegates.every((d: string) => d.includes(`/p2p/${ctx.a!.peerId}`)), JSON.stringify(post.json.delegates))
  const done = await settled(ctx, post.json.requestid)
  assert.is(done.status, 'pinned', JSON.stringify(done))
  assert.ok(Number(done.info.dag_size) > 600_000)
  const pins = await ok(['pin', 'ls', '--type=recursive', cid], { repo: ctx.repoA })
  assert.match(pins.out, `${cid} recursive`)

  const del = await call(ctx, 'DELETE', `/pins/${post.json.requestid}`, ctx.token)
  assert.is(del.status, 202)
  assert.is(del.json, undefined)
  assert.is((await call(ctx, 'GET', `/pins/${post.json.requestid}`, ctx.token)).status, 404)
  const after = await cairn(['pin', 'ls', '--type=recursive', cid], { repo: ctx.repoA })
  assert.is.not(after.code, 0, after.out)
})

test('tokens are isolated; a revoked token is refused by the running daemon', async (ctx) => {
  const bob = (await ok(['pinning-service', 'token', 'create', '--name', 'bob'], { repo: ctx.repoA })).out.trim()
  const cid = (await ok(['add', '-Q'], { repo: ctx.repoB, input: 'bob only' })).out.trim()
  const post = await call(ctx, 'POST', '/pins', bob, { cid, origins: ctx.b!.swarm })
  assert.is(post.status, 202)
  await settled(ctx, post.json.requestid, bob)
  const aliceSees = await call(ctx, 'GET', `/pins/${post.json.requestid}`, ctx.token)
  assert.is(aliceSees.status, 404)
  assert.is(aliceSees.json.error.reason, 'NOT_FOUND')
  assert.is((await call(ctx, 'DELETE', `/pins/${post.json.requestid}`, ctx.token)).status, 404)
  const list = await call(ctx, 'GET', `/pins?cid=${cid}`, ctx.token)
  assert.equal(list.json, { count: 0, results: [] })
  assert.is((await call(ctx, 'GET', `/pins?cid=${cid}`, bob)).json.count, 1)

  await ok(['pinning-service', 'token', 'revoke', 'bob'], { repo: ctx.repoA })
  const refused = await call(ctx, 'GET', '/pins', bob)
  assert.is(refused.status, 401)
  assert.is(refused.json.error.reason, 'UNAUTHORIZED')
})

/** Polls until `cid` is no longer pinned on A's daemon */
async function unpinnedOnA (ctx: Context, cid: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  while ((await cairn(['pin', 'ls', '--type=recursive', cid], { repo: ctx.repoA })).code === 0) {
    if (Date.now() > deadline) throw new Error(`${cid} still pinned`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

test('purges: token purge drops a token revoked earlier; revoke --purge drops its requests at once', async (ctx) => {
  // bob was revoked above without --purge: his pin stayed
  const bobCid = (await ok(['add', '-Q', '--only-hash'], { repo: ctx.repoB, input: 'bob only' })).out.trim()
  assert.match((await ok(['pin', 'ls', '--type=recursive', bobCid], { repo: ctx.repoA })).out, 'recursive')
  const purgeOut = await ok(['pinning-service', 'token', 'purge'], { repo: ctx.repoA })
  assert.match(purgeOut.out, /^purge of every revoked token's pin requests asked/)
  await unpinnedOnA(ctx, bobCid)
  // done purges are taken off the file
  const file = async (): Promise<{ Purge?: string[] }> => JSON.parse(await readFile(join(ctx.repoA, 'pinning-service', 'tokens.json'), 'utf8'))
  const deadline = Date.now() + WAIT_MS
  while ((await file()).Purge != null) {
    if (Date.now() > deadline) throw new Error('Purge still in the tokens file')
    await new Promise(resolve => setTimeout(resolve, 100))
  }

  const carol = (await ok(['pinning-service', 'token', 'create', '--name', 'carol'], { repo: ctx.repoA })).out.trim()
  const carolCid = (await ok(['add', '-Q'], { repo: ctx.repoB, input: 'carol only' })).out.trim()
  const post = await call(ctx, 'POST', '/pins', carol, { cid: carolCid, origins: ctx.b!.swarm })
  assert.is((await settled(ctx, post.json.requestid, carol)).status, 'pinned')
  const revoked = await ok(['pinning-service', 'token', 'revoke', 'carol', '--purge'], { repo: ctx.repoA })
  assert.is(revoked.out, 'revoked carol (its pin requests are purged)\n')
  await unpinnedOnA(ctx, carolCid)
  // a valid token's id cannot be purged; a malformed id is refused
  const id = JSON.parse((await ok(['pinning-service', 'token', 'ls', '--enc=json'], { repo: ctx.repoA })).out).Tokens.find((t: { Name: string }) => t.Name === 'alice').ID
  const refused = await cairn(['pinning-service', 'token', 'purge', id], { repo: ctx.repoA })
  assert.is.not(refused.code, 0)
  assert.match(refused.err, /is not revoked/)
  const bad = await cairn(['pinning-service', 'token', 'purge', 'nope'], { repo: ctx.repoA })
  assert.is.not(bad.code, 0)
  assert.match(bad.err, /not a token id/)
})

test('a request survives a SIGKILL mid-fetch and is pinned after the restart', async (ctx) => {
  // nobody holds the data yet (only its CID is computed): the request waits in `pinning`
  const data = randomBytes(300_000)
  const cid = (await ok(['add', '-Q', '--only-hash'], { repo: ctx.repoB, input: data })).out.trim()
  const post = await call(ctx, 'POST', '/pins', ctx.token, { cid })
  assert.is(post.status, 202)
  const deadline = Date.now() + WAIT_MS
  while ((await call(ctx, 'GET', `/pins/${post.json.requestid}`, ctx.token)).json.status !== 'pinning') {
    if (Date.now() > deadline) throw new Error('never pinning')
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  ctx.a!.child.kill('SIGKILL')
  await new Promise(resolve => ctx.a!.child.once('close', resolve))
  // this time from the config (settable before it is in the file), not the flag; the killed
  // daemon's stale api file is left for the next daemon to clear, hence --offline
  await ok(['--offline', 'config', 'Pinning.Service.Listen', '/ip4/127.0.0.1/tcp/0'], { repo: ctx.repoA })
  await ok(['--offline', 'config', '--json', 'Pinning.Service.Concurrency', '2'], { repo: ctx.repoA })
  ctx.a = await startDaemon(ctx.repoA, LISTEN)
  ctx.url = serviceUrl(ctx.a)
  const again = await call(ctx, 'GET', `/pins/${post.json.requestid}`, ctx.token)
  assert.is(again.status, 200)
  assert.ok(['queued', 'pinning'].includes(again.json.status), again.json.status)
  // now the data becomes reachable: the resumed fetch completes
  assert.is((await ok(['add', '-Q'], { repo: ctx.repoB, input: data })).out.trim(), cid)
  await ok(['swarm', 'connect', ctx.b!.swarm[0]], { repo: ctx.repoA })
  const done = await settled(ctx, post.json.requestid)
  assert.is(done.status, 'pinned', JSON.stringify(done))
  const check = await ok(['pin', 'verify'], { repo: ctx.repoA })
  assert.not.match(check.out, /fail|missing/i)
})

test.run()
