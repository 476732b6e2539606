/**
 * `pnpm start` (scripts/start.ts): initialises a fresh repo, runs the daemon in the foreground,
 * passes its arguments on (also after npm's `--`), and a SIGTERM stops the daemon cleanly; run
 * through pnpm itself, a Ctrl-C stops it with exit code 0 and no ELIFECYCLE line.
 */
import { spawn } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

const ROOT = resolve(import.meta.dirname, '../../..')
const START = join(ROOT, 'scripts/start.ts')
const exists = async (p: string): Promise<boolean> => stat(p).then(() => true, () => false)

const start = suite('pnpm start')

start('initialises the repo, takes arguments after `--`, and stops cleanly on SIGTERM', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-start-'))
  const repo = join(dir, 'repo')
  try {
    const child = spawn(process.execPath, [START, '--', '--offline', '--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0'], {
      env: { ...process.env, CAIRN_PATH: repo },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let onOutput = (): void => {}
    const append = (s: string): void => {
      out += s
      onOutput()
    }
    child.stdout.setEncoding('utf8').on('data', append)
    child.stderr.setEncoding('utf8').on('data', append)
    const exited = new Promise<number | null>(resolveExit => child.once('exit', code => { resolveExit(code) }))
    // ready, exited or 30 s, whichever comes first
    await new Promise<void>(resolveReady => {
      const timer = setTimeout(resolveReady, 30_000)
      const done = (): void => {
        clearTimeout(timer)
        resolveReady()
      }
      onOutput = () => { if (out.includes('Daemon is ready')) done() }
      exited.then(done, done)
    })
    assert.ok(out.includes('Daemon is ready'), out)
    assert.ok(out.includes('Offline mode'), 'the argument after `--` reached the daemon')
    assert.ok(await exists(join(repo, 'config')), 'repo initialised')
    assert.ok(await exists(join(repo, 'api')), 'api file while running')
    child.kill('SIGTERM')
    assert.is(await exited, 0)
    assert.not.ok(await exists(join(repo, 'api')), 'api file removed on the way out')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

/**
 * pnpm's own script run by this Node: a `pnpm` found on the PATH as-is would start through the
 * `node` on a pnpm script's PATH, a `sh` wrapper (node_modules/.bin/node) that a Ctrl-C kills
 */
function pnpmCommand (): [string, string[]] {
  const candidates = [process.env.npm_execpath, ...(process.env.PATH ?? '').split(delimiter).map(d => join(d, 'pnpm'))]
  for (const candidate of candidates) {
    if (candidate == null || !/pnpm/.test(candidate) || !existsSync(candidate)) continue
    const real = realpathSync(candidate)
    return /\.[cm]?js$/.test(real) ? [process.execPath, [real]] : [real, []]
  }
  throw new Error('pnpm is not on the PATH')
}

start('`pnpm start` stopped by Ctrl-C (SIGINT to the process group) exits 0 without pnpm\'s ELIFECYCLE line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-start-'))
  const repo = join(dir, 'repo')
  try {
    const [command, prefix] = pnpmCommand()
    const env: NodeJS.ProcessEnv = { ...process.env, CAIRN_PATH: repo, NO_COLOR: '1' }
    // started as `pnpm test` ran us: pnpm's own variables would make it think it runs nested
    for (const key of Object.keys(env)) if (key.startsWith('npm_') || key.startsWith('PNPM_')) delete env[key]
    const child = spawn(command, [...prefix, 'start', '--offline', '--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // its own process group, as a terminal gives a foreground job
      detached: true
    })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s })
    child.stderr.setEncoding('utf8').on('data', (s: string) => { out += s })
    const exited = new Promise<number | null>(resolveExit => child.once('exit', code => { resolveExit(code) }))
    const deadline = Date.now() + 60_000
    while (!out.includes('Daemon is ready') && child.exitCode == null && Date.now() < deadline) {
      await new Promise(resolveWait => setTimeout(resolveWait, 50))
    }
    assert.ok(out.includes('Daemon is ready'), out)
    process.kill(-child.pid!, 'SIGINT')
    const timeout = new Promise<'timeout'>(resolveTimeout => setTimeout(() => { resolveTimeout('timeout') }, 30_000).unref())
    const code = await Promise.race([exited, timeout])
    if (code === 'timeout') process.kill(-child.pid!, 'SIGKILL')
    assert.is(code, 0, out)
    assert.ok(out.includes('Daemon stopped'), out)
    assert.not.match(out, /ELIFECYCLE|ERR_PNPM|Command failed/)
    assert.not.ok(await exists(join(repo, 'api')), 'api file removed on the way out')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

start.run()
