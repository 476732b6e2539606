/**
 * Issue 20's proof of replicas, with four real `cairn daemon` processes on 127.0.0.1: A adds
 * 64 MiB and `pin add --replicas=2` asks B and C (Cairn's own Pinning Service API) for copies; both
 * end `pinned`; A's repo is wiped and the file comes back from B or C; C stops and A's replica
 * check puts the missing copy on D. The transfers of 64 MiB get minutes each on a loaded machine.
 *
 * @timeout-ms 900000
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

const SIZE = 64 * 1024 * 1024
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']
const SERVICES = ['b', 'c', 'd'] as const
/** Bound of each command that moves the 64 MiB (a loaded 2-core machine runs several suites at once) */
const TRANSFER_MS = 300_000

interface Service { repo: string, daemon?: Daemon, url: string, token: string }
interface Context { dir: string, repoA: string, a?: Daemon, services: Record<string, Service>, cid: string, sha: string }

const test = suite<Context>('replicas across four daemons', { dir: '', repoA: '', services: {}, cid: '', sha: '' })

/** A daemon serving the Pinning Service API on a free port, and the URL it serves it at */
async function startService (repo: string): Promise<{ daemon: Daemon, url: string }> {
  const daemon = await startDaemon(repo, [...LISTEN, '--pinning-service', '/ip4/127.0.0.1/tcp/0'])
  const m = /Pinning Service API listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(daemon.output())
  if (m == null) throw new Error(`no pinning service line:\n${daemon.output()}`)
  return { daemon, url: `http://${m[1]}:${m[2]}` }
}

/** A's repo, with B, C and D as its remote services and a fast replica check */
async function initA (ctx: Context): Promise<void> {
  await ok(['init', '--profile=test'], { repo: ctx.repoA })
  for (const name of SERVICES) await ok(['pin', 'remote', 'service', 'add', name, ctx.services[name].url, ctx.services[name].token], { repo: ctx.repoA })
  await ok(['config', 'Pinning.ReplicaCheckInterval', '500ms'], { repo: ctx.repoA })
}

async function eventually<T> (fn: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms
  while (true) {
    const value = await fn()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

interface Copy { Cid: string, Service: string, Status: string }
const copies = async (ctx: Context): Promise<Copy[]> =>
  JSON.parse((await ok(['pin', 'ls', '--remote', '--enc=json'], { repo: ctx.repoA, timeoutMs: 120_000 })).out).Remote

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-replicas-'))
  ctx.repoA = join(ctx.dir, 'a')
  await Promise.all(SERVICES.map(async name => {
    const repo = join(ctx.dir, name)
    await ok(['init', '--profile=test'], { repo })
    const token = (await ok(['pinning-service', 'token', 'create', '--name', 'a'], { repo })).out.trim()
    const { daemon, url } = await startService(repo)
    ctx.services[name] = { repo, daemon, url, token }
  }))
  await initA(ctx)
  ctx.a = await startDaemon(ctx.repoA, LISTEN)
})

test.after(async (ctx) => {
  await Promise.all([ctx.a?.stop(), ...Object.values(ctx.services).map(async s => s.daemon?.stop())])
  await rm(ctx.dir, { recursive: true, force: true })
})

test('pin add --replicas=2: B and C both end pinned, pin ls --remote shows where', async (ctx) => {
  const data = randomBytes(SIZE)
  ctx.sha = createHash('sha256').update(data).digest('hex')
  const file = join(ctx.dir, 'big.bin')
  await writeFile(file, data)
  ctx.cid = (await ok(['add', '-Q', '--pin=false', file], { repo: ctx.repoA })).out.trim()
  const out = await ok(['pin', 'add', '--replicas=2', ctx.cid], { repo: ctx.repoA, timeoutMs: TRANSFER_MS })
  assert.is(out.out, `pinned ${ctx.cid} recursively\n`)
  const listed = (await copies(ctx)).filter(c => c.Cid === ctx.cid)
  assert.equal(listed.map(c => [c.Service, c.Status]).sort(), [['b', 'pinned'], ['c', 'pinned']])
  // each service holds the whole DAG itself, pinned
  for (const name of ['b', 'c']) {
    const pins = await ok(['pin', 'ls', '--type=recursive', ctx.cid], { repo: ctx.services[name].repo })
    assert.is(pins.out, `${ctx.cid} recursive\n`)
  }
  const text = await ok(['pin', 'ls', '--remote', ctx.cid], { repo: ctx.repoA })
  assert.ok(text.out.includes(`${ctx.cid} remote b pinned\n`) && text.out.includes(`${ctx.cid} remote c pinned\n`), text.out)
  // C, asked after B, got B's delegates as origins besides A's addresses: the copies connect to
  // each other (and fetch from each other) even with no DHT
  const pinOf = async (name: string): Promise<{ pin: { origins?: string[] }, delegates: string[] }> => {
    const res = await fetch(`${ctx.services[name].url}/pins?cid=${ctx.cid}&status=pinned`, { headers: { authorization: `Bearer ${ctx.services[name].token}` } })
    assert.is(res.status, 200)
    return ((await res.json()) as { results: Array<{ pin: { origins?: string[] }, delegates: string[] }> }).results[0]
  }
  const [b, c] = [await pinOf('b'), await pinOf('c')]
  assert.ok(b.delegates.length > 0)
  for (const d of b.delegates) assert.ok(c.pin.origins?.includes(d), `C's origins ${JSON.stringify(c.pin.origins)} lack B's delegate ${d}`)
})

test('too many replicas for the services configured is refused before anything is asked', async (ctx) => {
  const r = await cairn(['pin', 'add', '--replicas=4', ctx.cid], { repo: ctx.repoA })
  assert.is.not(r.code, 0)
  assert.is(r.err, "Error: 4 replicas need 4 remote pinning services, 3 configured (see 'pin remote service add')\n")
})

test('A\'s repo is wiped: the file comes back from B or C', async (ctx) => {
  await ctx.a!.stop()
  await rm(ctx.repoA, { recursive: true, force: true })
  await initA(ctx)
  ctx.a = await startDaemon(ctx.repoA, LISTEN)
  await ok(['swarm', 'connect', ctx.services.b.daemon!.swarm[0]], { repo: ctx.repoA })
  await ok(['swarm', 'connect', ctx.services.c.daemon!.swarm[0]], { repo: ctx.repoA })
  const got = await cairn(['cat', ctx.cid], { repo: ctx.repoA, timeoutMs: TRANSFER_MS })
  assert.is(got.code, 0, got.err)
  assert.is(createHash('sha256').update(got.stdout).digest('hex'), ctx.sha)
})

test('pin ls --remote CID, not pinned here: no error, the copies on B and C (CLI and RPC)', async (ctx) => {
  const text = await ok(['pin', 'ls', '--remote', ctx.cid], { repo: ctx.repoA })
  assert.is(text.out.split('\n').filter(l => l !== '').sort().join('\n'), `${ctx.cid} remote b pinned\n${ctx.cid} remote c pinned`)
  const [, host, port] = /\/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(ctx.a!.apiMultiaddr)!
  const res = await fetch(`http://${host}:${port}/api/v0/pin/ls?arg=${ctx.cid}&remote=true`, { method: 'POST', signal: AbortSignal.timeout(60_000) })
  assert.is(res.status, 200)
  const body = await res.json() as { Keys: Record<string, unknown>, Remote: Copy[] }
  assert.equal(body.Keys, {})
  assert.equal(body.Remote.map(c => [c.Cid, c.Service, c.Status]).sort(), [[ctx.cid, 'b', 'pinned'], [ctx.cid, 'c', 'pinned']])
  // without --remote, Kubo's error stands
  const plain = await cairn(['pin', 'ls', ctx.cid], { repo: ctx.repoA })
  assert.is.not(plain.code, 0)
  assert.match(plain.err, /is not pinned/)
})

test('C stops: the replica check restores two copies, on D', async (ctx) => {
  await ctx.services.c.daemon!.stop()
  const restored = await eventually(async () => {
    const now = (await copies(ctx)).filter(c => c.Cid === ctx.cid && c.Status === 'pinned')
    return now.length >= 2 ? now : undefined
  }, TRANSFER_MS, 'two pinned copies again')
  assert.equal(restored.map(c => c.Service).sort(), ['b', 'd'])
  assert.ok((await copies(ctx)).some(c => c.Service === 'c' && c.Status === 'unreachable'))
  const pins = await ok(['pin', 'ls', '--type=recursive', ctx.cid], { repo: ctx.services.d.repo })
  assert.is(pins.out, `${ctx.cid} recursive\n`)
})

test('C comes back with its copy: the check removes the surplus, two copies stay', async (ctx) => {
  const c = ctx.services.c
  c.daemon = (await startService(c.repo)).daemon
  // C's service listens on a new port: A's config follows it
  const m = /Pinning Service API listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(c.daemon.output())!
  c.url = `http://${m[1]}:${m[2]}`
  await ok(['pin', 'remote', 'service', 'rm', 'c'], { repo: ctx.repoA })
  await ok(['pin', 'remote', 'service', 'add', 'c', c.url, c.token], { repo: ctx.repoA })
  const left = await eventually(async () => {
    const all = await copies(ctx)
    // C answers again (else the two would be B's and D's before anything was removed)
    if (all.some(x => x.Status === 'unreachable')) return undefined
    const now = all.filter(x => x.Cid === ctx.cid)
    return now.length === 2 && now.every(x => x.Status === 'pinned') ? now : undefined
  }, 120_000, 'the surplus copy removed')
  assert.is(left.length, 2)
  // pinned copies, the older first: B's (placed first) stays; C's or D's goes
  assert.ok(left.some(x => x.Service === 'b'), JSON.stringify(left))
})

test.run()
