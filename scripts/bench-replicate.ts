/**
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

/** Runs `cairn ARGS` to its end; stdout is discarded unless `keep`; throws on a non-zero exit */
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
  const child = spawn(process.execPath, ['--conditions=development', BIN, 'daemon', ...LISTEN, ...extra], { cwd: ROOT, env: env(repo), stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  child.stdout.on('data', (d: Buffer) => { text += d.toString() })
  child.stderr.on('data', (d: Buffer) => { text += d.toString() })
  const closed = new Promise<void>(resolve => child.on('close', () => { resolve() }))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`daemon not ready:\n${text}`)) }, 120_000)
    child.stdout.on('data', () => { if (text.includes('Daemon is ready')) { clearTimeout(timer); resolve() } })
    void closed.then(() => { clearTimeout(timer); reject(new Error(`daemon exited:\n${text}`)) })
  })
  return { child, text: () => text, stop: async () => { child.kill('SIGTERM'); await closed } }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2)

const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-replicate-'))
const daemons: Daemon[] = []
try {
  const names = ['b', 'c', 'd']
  const repoA = join(dir, 'a')
  const repos = Object.fromEntries(names.map(n => [n, join(dir, n)]))
  await Promise.all([repoA, ...Object.values(repos)].map(async repo => cairn(repo, ['init', '--profile=test'])))
  const services: Record<string, { url: string, token: string, swarm: string }> = {}
  for (const name of names) {
    const token = (await cairn(repos[name], ['pinning-service', 'token', 'create', '--name', 'bench'])).trim()
    const d = await daemon(repos[name], ['--pinning-service', '/ip4/127.0.0.1/tcp/0'])
    daemons.push(d)
    const m = /Pinning Service API listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(d.text())
    if (m == null) throw new Error(`no pinning service line:\n${d.text()}`)
    services[name] = { url: `http://${m[1]}:${m[2]}`, token, swarm: '' }
  }
  for (const name of names) await cairn(repoA, ['pin', 'remote', 'service', 'add', name, services[name].url, services[name].token])
  await cairn(repoA, ['config', 'Pinning.ReplicaCheckInterval', '0'])
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
  const fetches: number[] = []
  for (const name of names) {
    await cairn(repos[name], ['swarm', 'connect', addrA])
    const t0 = performance.now()
    await cairn(repos[name], ['cat', cid], false)
    fetches.push(performance.now() - t0)
    await cairn(repos[name], ['repo', 'gc'], false)
    process.stdout.write(`  cat by ${name}: ${seconds(fetches.at(-1)!)} s\n`)
  }
  const oneFetch = fetches.reduce((x, y) => x + y, 0) / fetches.length

  const t0 = performance.now()
  await cairn(repoA, ['pin', 'add', '--replicas=3', cid])
  const replicas = performance.now() - t0
  const ratio = replicas / oneFetch
  process.stdout.write(`  pin add --replicas=3 (all pinned): ${seconds(replicas)} s\n`)
  process.stdout.write(`  one fetch (mean of 3): ${seconds(oneFetch)} s, three sequential: ${seconds(fetches.reduce((x, y) => x + y, 0))} s\n`)
  process.stdout.write(`  ratio replicas / one fetch: ${ratio.toFixed(2)}x (target <= 1.5x: ${ratio <= 1.5 ? 'met' : 'NOT met'})\n`)
} finally {
  await Promise.all(daemons.map(async d => d.stop()))
  await rm(dir, { recursive: true, force: true })
}
