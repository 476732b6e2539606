/**
 * `cairn daemon` runs under jemalloc when it is installed (it replaces itself once, same pid, with
 * the library preloaded), under the system's allocator with `CAIRN_MALLOC=system`, and still runs
 * when the library is absent; each says which in one start-up line. Checked in the kernel's view of
 * the real daemon process: its /proc/PID/maps.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDaemonCommand } from '../src/allocator.ts'
import { ok, startDaemon } from './fixtures/cli.ts'
import { downloadConcurrently } from './fixtures/load.ts'
import { ensureJemalloc } from './fixtures/jemalloc.ts'

const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

interface Context { dir: string, repo: string, cid: string }

const test = suite<Context>('daemon memory allocator', { dir: '', repo: '', cid: '' })

test.before(async (ctx) => {
  await ensureJemalloc()
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-daemon-allocator-'))
  ctx.repo = join(ctx.dir, 'repo')
  await ok(['init', '--profile=test'], { repo: ctx.repo })
  const file = join(ctx.dir, 'file')
  await writeFile(file, 'allocator test bytes\n')
  ctx.cid = (await ok(['add', '-q', file], { repo: ctx.repo })).out.trim()
})

test.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true })
})

/** Starts a daemon with `env`, fetches a file through its gateway, and returns its maps and output */
async function run (ctx: Context, env: Record<string, string>): Promise<{ maps: string, output: string, environ: string }> {
  const daemon = await startDaemon(ctx.repo, LISTEN, undefined, { env })
  try {
    const [r] = await downloadConcurrently(`${daemon.gatewayUrl}/ipfs/${ctx.cid}`, 1, { timeoutMs: 60_000 })
    assert.is(r.status, 200, daemon.output())
    const pid = daemon.child.pid!
    return { maps: await readFile(`/proc/${pid}/maps`, 'utf8'), output: daemon.output(), environ: await readFile(`/proc/${pid}/environ`, 'utf8') }
  } finally {
    assert.is(await daemon.stop(), 0, daemon.output())
  }
}

test('by default the daemon process maps jemalloc and says so, with purging tuned for an idle daemon', async (ctx) => {
  const env: Record<string, string> = { CAIRN_MALLOC: '' }
  const { maps, output, environ } = await run(ctx, env)
  assert.ok(maps.includes('libjemalloc'), `no jemalloc in the daemon's maps:\n${output}`)
  assert.match(output, /^Memory allocator: jemalloc \(MALLOC_CONF=background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0;/m)
  // the same process was replaced (execve): the pid we spawned is the daemon that got the preload
  assert.ok(environ.split('\0').some(kv => kv.startsWith('LD_PRELOAD=') && kv.includes('libjemalloc')), 'the preload is in the exec environment')
})

test('CAIRN_MALLOC=system keeps the system allocator', async (ctx) => {
  const { maps, output } = await run(ctx, { CAIRN_MALLOC: 'system' })
  assert.not.ok(maps.includes('libjemalloc'), 'jemalloc mapped despite CAIRN_MALLOC=system')
  assert.match(output, /^Memory allocator: the system's \(CAIRN_MALLOC=system\)$/m)
})

test('a jemalloc that is not there: the daemon runs on the system allocator and says why', async (ctx) => {
  const missing = join(ctx.dir, 'no-such-libjemalloc.so.2')
  const { maps, output } = await run(ctx, { CAIRN_MALLOC: missing })
  assert.not.ok(maps.includes('libjemalloc'))
  assert.ok(output.includes(`Memory allocator: the system's (jemalloc not found at ${missing})`), output)
})

test('a library that cannot be preloaded: the loader ignores it, the daemon runs on the system allocator and says so', async (ctx) => {
  const broken = join(ctx.dir, 'libjemalloc.so.2')
  await writeFile(broken, 'not an ELF file\n')
  const { maps, output } = await run(ctx, { CAIRN_MALLOC: broken })
  assert.not.ok(maps.includes('libjemalloc'))
  assert.match(output, /^Memory allocator: the system's \(preloading jemalloc failed\)$/m)
})

test('an explicit library path is preloaded, and an operator MALLOC_CONF is kept', async (ctx) => {
  const library = await ensureJemalloc()
  const { maps, output } = await run(ctx, { CAIRN_MALLOC: library, MALLOC_CONF: 'dirty_decay_ms:5000' })
  assert.ok(maps.includes(library), output)
  assert.match(output, /^Memory allocator: jemalloc \(MALLOC_CONF=dirty_decay_ms:5000;/m)
})

test('only the daemon command re-execs, whatever global options come first', () => {
  assert.ok(isDaemonCommand(['daemon']))
  assert.ok(isDaemonCommand(['--repo-dir', '/r', '--enc=json', 'daemon', '--offline']))
  assert.ok(isDaemonCommand(['--api', '/ip4/1.2.3.4/tcp/5', '-D', 'daemon']))
  assert.not.ok(isDaemonCommand(['cat', 'daemon']))
  assert.not.ok(isDaemonCommand(['--repo-dir', 'daemon', 'id']))
  assert.not.ok(isDaemonCommand([]))
})

test.run()
