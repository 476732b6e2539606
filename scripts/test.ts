/**
 * Runs every package's and app's uvu spec files, each in its own Node process (network tests
 * must not share handles), and ends with one line `N passed, M failed`.
 *
 *   node scripts/test.ts                      all of packages/*, apps/* and the root's test/
 *   node scripts/test.ts packages/dag         one package (or several folders)
 *   node scripts/test.ts packages/dag/test/car.spec.ts
 *
 * Specs run from source under the `development` export condition (Node's type stripping), so a
 * package's tests never wait for another package's build.
 * Env: CAIRN_TEST_CONCURRENCY (default 2, the machine's cores), CAIRN_TEST_TIMEOUT_MS (default 300000).
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const concurrency = Number(process.env.CAIRN_TEST_CONCURRENCY ?? 2)
const timeoutMs = Number(process.env.CAIRN_TEST_TIMEOUT_MS ?? 300_000)

function specsIn (dir: string): string[] {
  if (!existsSync(dir)) return []
  if (statSync(dir).isFile()) return [dir]
  const testDir = existsSync(join(dir, 'test')) ? join(dir, 'test') : dir
  const out: string[] = []
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (name === 'node_modules' || name === 'fixtures') continue
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith('.spec.ts')) out.push(p)
    }
  }
  walk(testDir)
  return out
}

const targets = process.argv.slice(2).map(a => resolve(process.cwd(), a))
// the workspace-wide specs (README examples, packaging) live in the root's test/
const roots = targets.length > 0
  ? targets
  : [...['packages', 'apps'].flatMap(g => readdirSync(join(root, g)).sort().map(n => join(root, g, n))), join(root, 'test')]
const specs = roots.flatMap(specsIn)

interface Outcome { file: string, passed: number, failed: number, ms: number, output: string }

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '')

/**
 * A spec may raise its own bound with a `@timeout-ms N` line in its header comment (the packaging
 * test installs packages from the registry): never lower than the global one
 */
function timeoutFor (file: string): number {
  const declared = Number(/@timeout-ms\s+(\d+)/.exec(readFileSync(file, 'utf8').slice(0, 4096))?.[1] ?? 0)
  return Math.max(timeoutMs, declared)
}

function runSpec (file: string): Promise<Outcome> {
  const started = Date.now()
  const timeoutMs = timeoutFor(file)
  return new Promise(resolvePromise => {
    const child = spawn(process.execPath, ['--conditions=development', '--enable-source-maps', file], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => { output += d.toString() })
    child.stderr.on('data', (d: Buffer) => { output += d.toString() })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try { process.kill(-child.pid!, 'SIGKILL') } catch {}
    }, timeoutMs)
    // A spec that leaves a daemon behind must not hold the run open: reap its process group.
    child.on('exit', () => {
      try { process.kill(-child.pid!, 'SIGKILL') } catch {}
    })
    child.on('close', code => {
      clearTimeout(timer)
      const text = stripAnsi(output)
      const total = Number(/Total:\s+(\d+)/.exec(text)?.[1] ?? NaN)
      const passed = Number(/Passed:\s+(\d+)/.exec(text)?.[1] ?? NaN)
      const skipped = Number(/Skipped:\s+(\d+)/.exec(text)?.[1] ?? 0)
      let p = Number.isNaN(passed) ? 0 : passed
      let f = Number.isNaN(total) ? 0 : total - p - skipped
      if (skipped > 0) f += skipped // a skipped test is a test that did not prove anything
      if ((code !== 0 || timedOut || Number.isNaN(total)) && f === 0) f = 1
      if (timedOut) output += `\n[timed out after ${timeoutMs} ms]`
      resolvePromise({ file: relative(root, file), passed: p, failed: f, ms: Date.now() - started, output })
    })
  })
}

const queue = [...specs]
const outcomes: Outcome[] = []
async function worker (): Promise<void> {
  for (let file = queue.shift(); file != null; file = queue.shift()) {
    const o = await runSpec(file)
    outcomes.push(o)
    const mark = o.failed === 0 ? 'ok  ' : 'FAIL'
    process.stdout.write(`${mark} ${o.file}  ${o.passed} passed, ${o.failed} failed (${(o.ms / 1000).toFixed(1)}s)\n`)
    if (o.failed > 0) process.stdout.write(o.output.split('\n').map(l => `     | ${l}`).join('\n') + '\n')
  }
}
await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))

const passed = outcomes.reduce((n, o) => n + o.passed, 0)
const failed = outcomes.reduce((n, o) => n + o.failed, 0)
if (specs.length === 0) process.stdout.write('no spec files found\n')
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exitCode = failed > 0 || passed === 0 ? 1 : 0
