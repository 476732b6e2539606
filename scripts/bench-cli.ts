/**
 * `pnpm bench:cli`: how long whole `cairn` processes take, beside a bare `node -e 0` in the same
 * run (the machine is shared, so only the ratios mean anything). The bundled CLI that `pnpm cairn`
 * runs (`scripts/bundle-cli.ts`), on the workspace's Node, and for comparison two cases of the
 * module-by-module compiled bin that `@cairn/cli` publishes; each case runs BENCH_RUNS times (default 15), the cases interleaved round by
 * round so that load spikes hit all of them alike; the table gives medians and ratios to bare Node.
 *
 * Cases: `version`, `--help`; `id`, `cat` of a 1 KiB file and `add` of a 1 KiB file through a
 * running daemon (test profile, 127.0.0.1, port 0); the same three offline on a second repo.
 * Targets (issue 12): version and help ≤ 2x bare Node, daemon-routed ≤ 3x, offline add ≤ 5x, on
 * wall time. Where GNU time is installed, each process's own CPU time is reported beside it.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLED_BIN, COMPILED_BIN, isBundleCurrent } from './cli-entry.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const READY_TIMEOUT_MS = 60_000

interface Case { name: string, args: string[], repo?: string, target?: number }

/**
 * GNU time, when installed, also gives each process's own CPU time (user + system): unlike wall
 * time it does not count the wait for a loaded machine to schedule it, or for the daemon
 */
const GNU_TIME = '/usr/bin/time'
const hasGnuTime = existsSync(GNU_TIME)
const cpuFile = join(tmpdir(), `cairn-bench-cli-cpu-${process.pid}`)

async function run (args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number, cpuMs?: number, code: number | null, out: string, err: string }> {
  const r = await runTimed(args, env)
  if (!hasGnuTime) return r
  const [user, sys] = (await readFile(cpuFile, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number)
  return { ...r, cpuMs: (user + sys) * 1000 }
}

function runTimed (args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number, code: number | null, out: string, err: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = hasGnuTime
      ? spawn(GNU_TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s })
    child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s })
    child.on('error', reject)
    child.on('close', code => { resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, out, err }) })
  })
}

const cairnEnv = (repo: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, CAIRN_PATH: repo }
  delete env.CAIRN_API
  return env
}

async function cairnOk (args: string[], repo: string): Promise<string> {
  const r = await run([BUNDLED_BIN, ...args], cairnEnv(repo))
  if (r.code !== 0) throw new Error(`cairn ${args.join(' ')} exited ${r.code}: ${r.err}`)
  return r.out
}

async function startDaemon (repo: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BUNDLED_BIN, 'daemon'], { env: cairnEnv(repo), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`daemon not ready in ${READY_TIMEOUT_MS} ms: ${out}`)) }, READY_TIMEOUT_MS)
    const onData = (s: string): void => {
      out += s
      if (out.includes('Daemon is ready')) { clearTimeout(timer); resolve() }
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', onData)
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`daemon exited ${code}: ${out}`)) })
  })
  return child
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

if (!isBundleCurrent()) throw new Error('the bundled CLI is missing or older than its sources: run `pnpm build` (pnpm bench:cli does)')

const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-cli-'))
let daemon: ChildProcess | undefined
try {
  const online = join(dir, 'online')
  const offline = join(dir, 'offline')
  const file = join(dir, 'one-kib.bin')
  await writeFile(file, randomBytes(1024))
  for (const repo of [online, offline]) await cairnOk(['init', '--profile=test'], repo)
  const cid = (await cairnOk(['add', '-Q', file], offline)).trim()
  daemon = await startDaemon(online)
  await cairnOk(['add', '-Q', file], online)

  const cases: Case[] = [
    { name: 'node -e 0 (bare Node)', args: ['-e', '0'] },
    { name: 'cairn version', args: [BUNDLED_BIN, 'version'], repo: online, target: 2 },
    { name: 'cairn --help', args: [BUNDLED_BIN, '--help'], repo: online, target: 2 },
    { name: 'cairn id (daemon)', args: [BUNDLED_BIN, 'id'], repo: online, target: 3 },
    { name: 'cairn cat 1 KiB (daemon)', args: [BUNDLED_BIN, 'cat', cid], repo: online, target: 3 },
    { name: 'cairn add 1 KiB (daemon)', args: [BUNDLED_BIN, 'add', '-q', file], repo: online, target: 3 },
    { name: 'cairn id (offline)', args: [BUNDLED_BIN, 'id'], repo: offline },
    { name: 'cairn cat 1 KiB (offline)', args: [BUNDLED_BIN, 'cat', cid], repo: offline },
    { name: 'cairn add 1 KiB (offline)', args: [BUNDLED_BIN, 'add', '-q', file], repo: offline, target: 5 },
    // the published bin (`@cairn/cli`'s dist/src/bin.js), module by module: for comparison
    { name: 'cairn add 1 KiB (offline, unbundled)', args: [COMPILED_BIN, 'add', '-q', file], repo: offline },
    { name: 'cairn id (daemon, unbundled)', args: [COMPILED_BIN, 'id'], repo: online }
  ]
  const times = new Map<string, number[]>(cases.map(c => [c.name, []]))
  const cpu = new Map<string, number[]>(cases.map(c => [c.name, []]))
  // one warm-up round: the first start of a process pays for cold file caches
  for (let round = -1; round < RUNS; round++) {
    for (const c of cases) {
      const r = await run(c.args, c.repo != null ? cairnEnv(c.repo) : process.env)
      if (r.code !== 0) throw new Error(`${c.name} exited ${r.code}: ${r.err}`)
      if (round >= 0) times.get(c.name)!.push(r.ms)
      if (round >= 0 && r.cpuMs != null) cpu.get(c.name)!.push(r.cpuMs)
    }
  }

  const bare = median(times.get(cases[0].name)!)
  console.log(`pnpm bench:cli: ${RUNS} runs per case, interleaved; Node ${process.version}; load average ${(await import('node:os')).loadavg().map(l => l.toFixed(1)).join(' ')}`)
  console.log('')
  console.log(`| case | median ms | min ms | ratio to bare Node | target |${hasGnuTime ? ' CPU ms, user+sys (10 ms steps) |' : ''}`)
  console.log(`| --- | ---: | ---: | ---: | --- |${hasGnuTime ? ' ---: |' : ''}`)
  let missed = 0
  for (const c of cases) {
    const ms = times.get(c.name)!
    const ratio = median(ms) / bare
    const verdict = c.target == null ? '' : `≤ ${c.target}x ${ratio <= c.target ? 'met' : 'MISSED'}`
    if (c.target != null && ratio > c.target) missed++
    const cpuCells = hasGnuTime ? ` ${median(cpu.get(c.name)!).toFixed(0)} |` : ''
    console.log(`| ${c.name} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${ratio.toFixed(2)}x | ${verdict} |${cpuCells}`)
  }
  console.log('')
  console.log(missed === 0 ? 'every target met' : `${missed} target(s) missed`)
} finally {
  daemon?.kill('SIGTERM')
  if (daemon != null && daemon.exitCode == null) await new Promise(resolve => daemon!.once('exit', resolve))
  await rm(dir, { recursive: true, force: true })
  await rm(cpuFile, { force: true })
}
