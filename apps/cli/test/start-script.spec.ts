/**
 * `pnpm start` (scripts/start.ts): initialises a fresh repo, runs the daemon in the foreground,
 * passes its arguments on (also after npm's `--`), and a SIGTERM stops the daemon cleanly.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

const START = resolve(import.meta.dirname, '../../../scripts/start.ts')
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

start.run()
