import { appendFileSync, readFileSync } from 'node:fs'
/* exp */ /**
 * `pnpm bench:replicate`: how long `cairn pin add --replicas=3` takes for a file of BENCH_SIZE_MB
 * (default 256) MiB, from the moment it is asked until three Cairn pinning services (B, C, D,
 * each a `cairn daemon --pinning-service`) report it `pinned`, beside three sequential
 * `cairn cat`s of the same file from the origin A by B, C and D (each then `repo gc`'d). All
 * daemons are real processes on 127.0.0.1 (test profile); the machine is shared, so only the
 * ratio means anything. Target (issue 20): the three replicas in at most 1.5x one fetch.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'

const SIZE_MB = Number(process.env.BENCH_SIZE_MB ?? 256)
const ROOT = resolve(import.meta.dirname, '..')
const BIN = join(ROOT, 'apps/cli/src/bin.ts')
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

const env = (repo: string): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, CAIRN_PATH: repo, NO_COLOR: '1' }
  delete e.CAIRN_API
  return e
}

/* exp */ /** Runs `cairn ARGS` to its end; stdout is discarded unless `keep`; throws on a non-zero exit */
async function cairn (repo: string, args: string[], keep = true): Promise<string> {
  const child = spawn(process.execPath, ['--conditions=development', BIN, ...args], { cwd: ROOT, env: env(repo), stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { err += d.toString() })
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  if (code !== 0) throw new Error(`cairn ${args.join(' ')} exited ${code}: ${err}`)
  return out
}

interface Daemon { child: ChildProcess, text: () => string, stop: () => Promise<void> }

async function daemon (repo: string, extra: string[] = []): Promise<Daemon> {
  const child = spawn(process.execPath, [...(process.env.PROF_DIR != null ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}`, `--cpu-prof-name=${repo.split('/').at(-1)}.cpuprofile`] : []), '--conditions=development', BIN, 'daemon', ...LISTEN, ...extra], { cwd: ROOT, env: env(repo), stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  child.stdout.on('data', (d: Buffer) => { text += d.toString() })
  child.stderr.on('data', (d: Buffer) => { text += d.toString() })
  const closed = new Promise<void>(resolve => child.on('close', () => { resolve() }))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`daemon not ready:\n${text}`)) }, 120_000)
    child.stdout.on('data', () => { if (text.includes('Daemon is ready')) { clearTimeout(timer); resolve() } })
    void closed.then(() => { clearTimeout(timer); reject(new Error(`daemon exited:\n${text}`)) })
  })
  child.stderr.on('data', (d: Buffer) => { appendFileSync(repo + '.log', d) }); return { child, text: () => text, stop: async () => { child.kill('SIGTERM'); await closed } }
}

const cpu = (): string => daemons.map(d => { const f = readFileSync(`/proc/${d.child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return ((Number(f[11]) + Number(f[12])) / 100).toFixed(1) }).join(' ')
/** Polls every daemon's metrics until no DHT provide is queued or running (at most 5 min); returns ms waited */
async function providesDone (): Promise<number> {
  const t0 = performance.now()
  const urls = daemons.map(d => { const m = /RPC API server listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(d.text())!; return `http://${m[1]}:${m[2]}/debug/metrics/prometheus` })
  while (performance.now() - t0 < 300_000) {
    const busy = await Promise.all(urls.map(async u => {
      const text = await (await fetch(u)).text()
      return [...text.matchAll(/^cairn_provide_queue_size\{state="(?:queued|running)"\} (\d+)/gm)].some(m => Number(m[1]) > 0)
    }))
    if (!busy.some(b => b)) break
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  return performance.now() - t0
}
const seconds = (ms: number): string => (ms / 1000).toFixed(2)

const dir = await mkdtemp(join(tmpdir(), "cairn-exp-replicate-")); process.stdout.write(dir + "\n")
const daemons: Daemon[] = []
try {
  const names = (process.env.NAMES ?? 'b,c,d').split(',')
  const repoA = join(dir, 'a')
  const repos = Object.fromEntries(names.map(n => [n, join(dir, n)]))
  await Promise.all([repoA, ...Object.values(repos)].map(async repo => cairn(repo, ['init', '--profile=test'])))
  const services: Record<string, { url: string, token: string, swarm: string }> = {}
  for (const name of names) {
    if (process.env.STRATEGY != null) await cairn(repos[name], ['config', 'Reprovider.Strategy', process.env.STRATEGY])
    if (process.env.ROUTING != null) await cairn(repos[name], ['config', 'Routing.Type', process.env.ROUTING])
    const token = (await cairn(repos[name], ['pinning-service', 'token', 'create', '--name', 'bench'])).trim()
    const d = await daemon(repos[name], ['--pinning-service', '/ip4/127.0.0.1/tcp/0'])
    daemons.push(d)
    const m = /Pinning Service API listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(d.text())
    if (m == null) throw new Error(`no pinning service line:\n${d.text()}`)
    services[name] = { url: `http://${m[1]}:${m[2]}`, token, swarm: '' }
  }
  for (const name of names) await cairn(repoA, ['pin', 'remote', 'service', 'add', name, services[name].url, services[name].token])
  await cairn(repoA, ['config', 'Pinning.ReplicaCheckInterval', '0'])
  if (process.env.ROUTING != null) await cairn(repoA, ['config', 'Routing.Type', process.env.ROUTING])
  const a = await daemon(repoA)
  daemons.push(a)
  const peerId = /PeerID: (\S+)/.exec(a.text())![1]
  const addrA = `${/Swarm listening on (\S+)/.exec(a.text())![1]}/p2p/${peerId}`

  const file = join(dir, 'data.bin')
  await writeFile(file, randomBytes(SIZE_MB * 1024 * 1024))
  const cid = (await cairn(repoA, ['add', '-Q', file])).trim()
  await rm(file)
  process.stdout.write(`bench:replicate ${SIZE_MB} MiB, CID ${cid}\n`)

  // three sequential fetches from the origin, each by a node that has none of it
  if (process.env.QUIET != null) process.stdout.write(`  waited ${seconds(await providesDone())} s for the add's provides\n`)
  const fetches: number[] = []
  process.stdout.write(`cpu before cats (b c d a): ${cpu()}\n`)
  for (const name of names) {
    await cairn(repos[name], ['swarm', 'connect', addrA])
    const t0 = performance.now()
    await cairn(repos[name], ['cat', cid], false)
    fetches.push(performance.now() - t0)
    process.stdout.write(`cpu after cat (b c d a): ${cpu()}\n`)
    await cairn(repos[name], ['repo', 'gc'], false)
    process.stdout.write(`  cat by ${name}: ${seconds(fetches.at(-1)!)} s\n`)
  }
  process.stdout.write(`cpu after cats (b c d a): ${cpu()}\n`)
  const oneFetch = fetches.reduce((x, y) => x + y, 0) / fetches.length

  if (process.env.QUIET != null) process.stdout.write(`  waited ${seconds(await providesDone())} s for provides\n`)
  const t0 = performance.now()
  await cairn(repoA, ['pin', 'add', `--replicas=${names.length}`, cid])
  const replicas = performance.now() - t0
  process.stdout.write(`cpu after replicas (b c d a): ${cpu()}\n`)
  for (const name of [...names, 'a']) {
    const st = JSON.parse(await cairn(name === 'a' ? repoA : repos[name], ['bitswap', 'stat', '--enc=json']))
    process.stdout.write(`  ${name}: blocks recv ${st.BlocksReceived} dup ${st.DupBlksReceived} sent ${st.BlocksSent} data recv ${(st.DataReceived/1048576).toFixed(0)} MiB sent ${(st.DataSent/1048576).toFixed(0)} MiB peers ${st.Peers?.length}\n`)
  }
  const ratio = replicas / oneFetch
  process.stdout.write(`  pin add --replicas=3 (all pinned): ${seconds(replicas)} s\n`)
  process.stdout.write(`  one fetch (mean of 3): ${seconds(oneFetch)} s, three sequential: ${seconds(fetches.reduce((x, y) => x + y, 0))} s\n`)
  process.stdout.write(`  ratio replicas / one fetch: ${ratio.toFixed(2)}x (target <= 1.5x: ${ratio <= 1.5 ? 'met' : 'NOT met'})\n`)
} finally {
  await Promise.all(daemons.map(async d => d.stop()))
  if (process.env.KEEP == null) await rm(dir, { recursive: true, force: true })
}
