/**
 * Two real `cairn daemon` processes on 127.0.0.1 (port 0): the CLI goes through their RPC, the
 * gateway answers a real HTTP client, and the second node fetches what was added on the first.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, spawnCairn, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

interface Context {
  dir: string
  repoA: string
  repoB: string
  a?: Daemon
  b?: Daemon
  root?: string
}

const test = suite<Context>('cairn daemon', { dir: '', repoA: '', repoB: '' })
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

const exists = async (p: string): Promise<boolean> => stat(p).then(() => true, () => false)

test.before(async (ctx) => {
  // uvu drops a hook's error: print it, or a failed start would leave no trace
  await setup(ctx).catch((err) => { process.stderr.write(`before: ${(err as Error).stack}\n`); throw err })
})

async function setup (ctx: Context): Promise<void> {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-daemon-'))
  ctx.repoA = join(ctx.dir, 'a')
  ctx.repoB = join(ctx.dir, 'b')
  await Promise.all([ok(['init', '--profile=test'], { repo: ctx.repoA }), ok(['init', '--profile=test'], { repo: ctx.repoB })])
  const [a, b] = await Promise.allSettled([startDaemon(ctx.repoA, LISTEN), startDaemon(ctx.repoB, LISTEN)])
  if (a.status === 'fulfilled') ctx.a = a.value
  if (b.status === 'fulfilled') ctx.b = b.value
  if (a.status === 'rejected') throw a.reason
  if (b.status === 'rejected') throw b.reason
}

test.after(async (ctx) => {
  await Promise.all([ctx.a?.stop(), ctx.b?.stop()])
  await rm(ctx.dir, { recursive: true, force: true })
})

test('the daemon prints its identity and writes the api and gateway files', async (ctx) => {
  const a = ctx.a!
  assert.match(a.peerId, /^12D3Koo/)
  assert.match(a.apiMultiaddr, /^\/ip4\/127\.0\.0\.1\/tcp\/\d+$/)
  assert.ok(a.swarm.length > 0 && a.swarm.every(s => s.startsWith('/ip4/127.0.0.1/tcp/')))
  assert.is(await readFile(join(ctx.repoA, 'api'), 'utf8'), a.apiMultiaddr)
  assert.is(await readFile(join(ctx.repoA, 'gateway'), 'utf8'), a.gatewayUrl)
})

test('a second daemon on the same repo is refused', async (ctx) => {
  const r = await cairn(['daemon', ...LISTEN], { repo: ctx.repoA })
  assert.is(r.code, 5)
  assert.match(r.err, /^Error: a daemon is already running on .* \(RPC API at \/ip4\/127\.0\.0\.1\/tcp\/\d+\); stop it first\n$/)
  assert.is(await readFile(join(ctx.repoA, 'api'), 'utf8'), ctx.a!.apiMultiaddr, 'the running daemon keeps its files')
})

test('commands go through the RPC while the daemon holds the repo', async (ctx) => {
  const id = JSON.parse((await ok(['id'], { repo: ctx.repoA })).out)
  assert.is(id.ID, ctx.a!.peerId)
  const file = join(ctx.dir, 'hello.txt')
  await writeFile(file, 'hello through the daemon\n')
  const added = await ok(['add', '-w', file], { repo: ctx.repoA })
  const lines = added.out.trim().split('\n')
  assert.is(lines.length, 2)
  assert.match(lines[0], /^added Qm\w+ hello\.txt$/)
  ctx.root = lines[1].split(' ')[1]
  assert.is((await ok(['cat', `${ctx.root}/hello.txt`], { repo: ctx.repoA })).out, 'hello through the daemon\n')
  assert.match((await ok(['ls', ctx.root], { repo: ctx.repoA })).out, /^Qm\w+ 25 hello\.txt\n$/)
  const out = join(ctx.dir, 'got')
  await ok(['get', ctx.root, '-o', out], { repo: ctx.repoA })
  assert.is(await readFile(join(out, 'hello.txt'), 'utf8'), 'hello through the daemon\n')
  assert.ok((await ok(['pin', 'ls', '-q'], { repo: ctx.repoA })).out.includes(ctx.root))
})

test('the gateway serves the file to a plain HTTP client', async (ctx) => {
  const res = await fetch(`${ctx.a!.gatewayUrl}/ipfs/${ctx.root!}/hello.txt`, { signal: AbortSignal.timeout(10_000) })
  assert.is(res.status, 200)
  assert.is(await res.text(), 'hello through the daemon\n')
})

test('the second daemon fetches what the first added, after swarm connect', async (ctx) => {
  const connect = await ok(['swarm', 'connect', ctx.a!.swarm[0]], { repo: ctx.repoB })
  assert.is(connect.out, `connect ${ctx.a!.peerId} success\n`)
  const peers = await ok(['swarm', 'peers'], { repo: ctx.repoB })
  assert.ok(peers.out.includes(`/p2p/${ctx.a!.peerId}`))
  const cat = await ok(['--timeout=20s', 'cat', `${ctx.root!}/hello.txt`], { repo: ctx.repoB })
  assert.is(cat.out, 'hello through the daemon\n')
  // fetched blocks are stored on B: they survive an offline read after B stops serving A's peer
  const local = await ok(['block', 'stat', ctx.root!], { repo: ctx.repoB })
  assert.match(local.out, /^Key: Qm\w+\nSize: \d+\n$/)
})

test('pubsub: a message published on the first reaches a subscriber on the second', async (ctx) => {
  const sub = spawnCairn(['--timeout=90s', 'pubsub', 'sub', 'chat'], ctx.repoB)
  const until = async (what: string, check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 30_000
    while (!await check()) {
      if (Date.now() > deadline) assert.unreachable(`${what} within 30 s; subscriber printed: ${sub.output()}`)
      await new Promise(resolve => setTimeout(resolve, 500))
    }
  }
  try {
    await until('B subscribed', async () => (await ok(['pubsub', 'ls'], { repo: ctx.repoB })).out === 'chat\n')
    // the connection made by `swarm connect` in the test before carries the subscription: no re-dial
    await until("A sees B's subscription", async () => (await ok(['pubsub', 'peers', 'chat'], { repo: ctx.repoA })).out.includes(ctx.b!.peerId))
    // A knows B is on the topic, so gossipsub's flood publishing sends it to B at once
    await ok(['pubsub', 'pub', 'chat'], { repo: ctx.repoA, input: 'hello pubsub\n' })
    assert.ok(await sub.printed('hello pubsub\n', 15_000), `subscriber printed: ${sub.output()}`)
  } finally {
    const code = await sub.stop()
    assert.is(code, 0, 'an interrupted subscription exits cleanly')
  }
})

test('pubsub: `pubsub sub` hears `pubsub pub` from another terminal on the same node, as Kubo', async (ctx) => {
  const sub = spawnCairn(['--timeout=60s', 'pubsub', 'sub', 'echo'], ctx.repoA)
  try {
    const deadline = Date.now() + 30_000
    while ((await ok(['pubsub', 'ls'], { repo: ctx.repoA })).out !== 'echo\n') {
      if (Date.now() > deadline) assert.unreachable(`not subscribed within 30 s: ${sub.output()}`)
      await new Promise(resolve => setTimeout(resolve, 200))
    }
    // one publication, no retries: local delivery does not wait for a mesh
    await ok(['pubsub', 'pub', 'echo'], { repo: ctx.repoA, input: 'said to myself\n' })
    while (!sub.output().includes('said to myself\n')) {
      if (Date.now() > deadline) assert.unreachable(`the subscriber printed: ${sub.output()}`)
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  } finally {
    assert.is(await sub.stop(), 0, 'an interrupted subscription exits cleanly')
  }
})

test('SIGTERM stops the daemon cleanly and removes its files; its subscribers say so and exit', async (ctx) => {
  const sub = spawnCairn(['pubsub', 'sub', 'farewell'], ctx.repoB)
  try {
    const deadline = Date.now() + 30_000
    while ((await ok(['pubsub', 'ls'], { repo: ctx.repoB })).out !== 'farewell\n') {
      if (Date.now() > deadline) assert.unreachable(`not subscribed within 30 s: ${sub.output()}`)
      await new Promise(resolve => setTimeout(resolve, 300))
    }
    const code = await ctx.b!.stop()
    assert.is(code, 0)
    const subCode = await Promise.race([sub.exited(), new Promise<string>(resolve => setTimeout(() => { resolve('still running') }, 15_000))])
    assert.is(subCode, 5, `the subscriber exits as a daemon problem; it printed: ${sub.output()}`)
    assert.match(sub.output(), /^Error: the daemon ended the subscription/m)
  } finally {
    await sub.stop()
  }
  assert.match(ctx.b!.output(), /Received interrupt signal, shutting down\.\.\.\n[\s\S]*Daemon stopped/)
  assert.not.ok(await exists(join(ctx.repoB, 'api')))
  assert.not.ok(await exists(join(ctx.repoB, 'gateway')))
  // with no daemon, commands open the repo themselves again
  assert.is((await ok(['cat', `${ctx.root!}/hello.txt`], { repo: ctx.repoB })).out, 'hello through the daemon\n')
})

test('an offline daemon serves what its repo holds and answers 404 at once for what it lacks', async (ctx) => {
  const offline = await startDaemon(ctx.repoB, [...LISTEN, '--offline'])
  try {
    const held = await fetch(`${offline.gatewayUrl}/ipfs/${ctx.root!}/hello.txt`, { signal: AbortSignal.timeout(10_000) })
    assert.is(held.status, 200)
    assert.is(await held.text(), 'hello through the daemon\n')
    // a CID nobody has: the raw block of the bytes "never added"
    const absent = 'bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq'
    const res = await fetch(`${offline.gatewayUrl}/ipfs/${absent}`, { signal: AbortSignal.timeout(5_000) })
    assert.is(res.status, 404)
    assert.match(await res.text(), /^404 Not Found/)
  } finally {
    assert.is(await offline.stop(), 0)
  }
})

test.run()
