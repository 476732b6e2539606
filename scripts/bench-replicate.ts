/**
 * `pnpm bench:replicate`: how long `cairn pin add --replicas=3` takes for a file of BENCH_SIZE_MB
 * (default 256) MiB, from the moment it is asked until three Cairn pinning services (B, C, D,
 * each a `cairn daemon --pinning-service`) report it `pinned`, beside three sequential
 * `cairn cat`s of the same file from the origin A by B, C and D (each then `repo gc`'d). Target
 * (issue 20): the three replicas in at most 1.5x one fetch.
 *
 * Where the daemons run (`BENCH_NET`):
 * - `netns` (default; Linux, root): each daemon on its own emulated host, a network namespace on
 *   its own veth link to a router namespace, every link shaped to BENCH_LINK_MBIT (default 50)
 *   Mbit/s in each direction with tc htb, plus BENCH_LINK_DELAY_MS (default 0) one way with tc
 *   netem when the kernel has it (scripts/bench-hosts.ts, apps/cli/test/fixtures/netns.ts). Each
 *   daemon and every `cairn` command talking to it runs inside its namespace. This is what the
 *   target is about: copies on other machines, where the origin's uplink is what three copies share.
 *   The default rate is one where a single fetch is bounded by the link, not by this machine's
 *   2 shared cores, with room left for three transfers at once (see the README's benchmark
 *   section); each fetch and replication prints what share of the link it used.
 * - `loopback`: all daemons on 127.0.0.1 of this machine: the transfers then share its cores,
 *   so the ratio measures CPU per copied byte rather than replication.
 *
 * BENCH_ROUNDS rounds (default 3), each three cats and one replication, the order of the two
 * alternating from round to round; after a replication the copies are removed (`pin remote rm`)
 * and collected (`repo gc`), so every round starts from the same state. The ratio reported is the
 * median of the rounds' ratios. Every phase starts with no DHT provide queued or running on any
 * daemon (the add's provides, a replica's own); the providing a replica does once pinned is in
 * its phase. Beside the times it prints, per phase, each daemon's CPU-seconds and Bitswap blocks
 * sent (and in netns mode the MiB its link carried out), so the reader sees where the bytes came
 * from, and the replicas' CPU against one cat's.
 *
 * `BENCH_NICE=N` runs every daemon and `cairn` command at niceness N (e.g. -10: on a shared machine
 * the neighbours' load then cannot starve them, as if each host had its own CPU; the bench prints
 * the load average each round either way).
 *
 * `BENCH_ROUTING=none` runs the same with `Routing.Type` none (no DHT: the copies only meet the
 * origin); `BENCH_PROVIDE_STRATEGY` sets every node's `Reprovider.Strategy`; `BENCH_CONFIG` sets
 * more keys on every node (`Key=JSON;Key=JSON`, e.g. `Provide.DHT.SweepEnabled=false` for the
 * legacy provider); `BENCH_CPU_PROF=DIR` has every daemon write a V8 CPU profile there when it
 * stops, and prints each replication's window on the profiles' clock.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { createBenchNet } from './bench-hosts.ts'
import type { BenchHost, BenchNet } from './bench-hosts.ts'

const SIZE_MB = Number(process.env.BENCH_SIZE_MB ?? 256)
/** Rounds of (three cats, three replicas), the phase order alternating; the ratio is their median */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
/** `netns` (each daemon on its own emulated host and link) or `loopback` (all on 127.0.0.1) */
const NET = process.env.BENCH_NET ?? 'netns'
/** netns: every link's rate in each direction, Mbit/s */
const LINK_MBIT = Number(process.env.BENCH_LINK_MBIT ?? 50)
/** netns: one-way delay added on every link in each direction, ms (tc netem) */
const LINK_DELAY_MS = Number(process.env.BENCH_LINK_DELAY_MS ?? 0)
/** Niceness of every daemon and `cairn` command (`nice -n`; e.g. -10 so neighbours' load does not starve them) */
const NICE = Number(process.env.BENCH_NICE ?? 0)
const ROUTING = process.env.BENCH_ROUTING
/** `Reprovider.Strategy` of every node (all, pinned, roots): what each replica announces to the DHT */
const PROVIDE_STRATEGY = process.env.BENCH_PROVIDE_STRATEGY
/** More config for every node, `Key=JSON;Key=JSON` (e.g. `Provide.DHT.SweepEnabled=false`) */
const EXTRA_CONFIG = (process.env.BENCH_CONFIG ?? '').split(';').filter(Boolean).map(kv => kv.split('=') as [string, string])
/** A directory: every daemon writes a V8 CPU profile there when it stops (`--cpu-prof`) */
const CPU_PROF = process.env.BENCH_CPU_PROF
const ROOT = resolve(import.meta.dirname, '..')
const BIN = join(ROOT, 'apps/cli/src/bin.ts')

if (NET !== 'netns' && NET !== 'loopback') throw new Error(`BENCH_NET must be netns or loopback, got ${NET}`)

/** The daemon's listeners: RPC and gateway on the host's own 127.0.0.1, the swarm on its address */
const listen = (host: BenchHost): string[] =>
  ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', `/ip4/${host.ip}/tcp/0`]

const env = (repo: string): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, CAIRN_PATH: repo, NO_COLOR: '1' }
  delete e.CAIRN_API
  return e
}

/** A host and the repo of the daemon it runs */
interface Node { host: BenchHost, repo: string }

/** Runs `cairn ARGS` on the node's host to its end; stdout is discarded unless `keep`; throws on a non-zero exit */
async function cairn (node: Node, args: string[], keep = true): Promise<string> {
  const child = spawn(...node.host.node(['--conditions=development', BIN, ...args]), { cwd: ROOT, env: env(node.repo), stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { err += d.toString() })
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  if (code !== 0) throw new Error(`cairn ${args.join(' ')} on ${node.host.name} exited ${code}: ${err}`)
  return out
}

interface Daemon { node: Node, child: ChildProcess, text: () => string, rpc: (path: string) => Promise<string>, stop: () => Promise<void> }

async function daemon (node: Node, extra: string[] = []): Promise<Daemon> {
  const { host, repo } = node
  const prof = CPU_PROF != null ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`, `--cpu-prof-name=${basename(repo)}.cpuprofile`] : []
  const child = spawn(...host.node([...prof, '--conditions=development', BIN, 'daemon', ...listen(host), ...extra]), { cwd: ROOT, env: env(repo), stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  child.stdout!.on('data', (d: Buffer) => { text += d.toString() })
  child.stderr!.on('data', (d: Buffer) => { text += d.toString() })
  const closed = new Promise<void>(resolve => child.on('close', () => { resolve() }))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`daemon not ready:\n${text}`)) }, 120_000)
    child.stdout!.on('data', () => { if (text.includes('Daemon is ready')) { clearTimeout(timer); resolve() } })
    void closed.then(() => { clearTimeout(timer); reject(new Error(`daemon exited:\n${text}`)) })
  })
  const m = /RPC API server listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(text)
  if (m == null) throw new Error(`no RPC line:\n${text}`)
  const api = `http://${m[1]}:${m[2]}`
  return {
    node,
    child,
    text: () => text,
    // from the daemon's own host: in netns mode its 127.0.0.1 is only reachable there
    rpc: async path => host.request(`${api}${path}`, path.startsWith('/api/') ? 'POST' : 'GET'),
    stop: async () => {
      child.kill('SIGTERM')
      await closed
      // BENCH_LOG_DIR: each daemon's output (with DEBUG=… set, its debug log) kept for reading
      if (process.env.BENCH_LOG_DIR != null) await writeFile(join(process.env.BENCH_LOG_DIR, `${basename(repo)}.log`), text)
    }
  }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2)

/** CPU-seconds (user + system) each daemon has used so far, from /proc */
function cpuSeconds (list: Daemon[]): number[] {
  return list.map(d => {
    const fields = readFileSync(`/proc/${d.child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  })
}

/** What each daemon sent so far: Bitswap blocks (its own count) and, in netns mode, bytes out of its link */
async function sentSoFar (list: Daemon[]): Promise<Array<{ blocks: number, bytes?: number }>> {
  return Promise.all(list.map(async d => {
    const st = JSON.parse(await d.rpc('/api/v0/bitswap/stat'))
    return { blocks: Number(st.BlocksSent), bytes: (await d.node.host.counters())?.tx }
  }))
}

/**
 * netns: what share of a link's rate `bytes` in `ms` is (the file's bytes for a fetch, the origin's
 * link bytes for a replication): near 100% the phase was bound by the link, well under it by CPU
 */
const linkUse = (bytes: number, ms: number): string =>
  NET === 'netns' ? `, ${(100 * bytes * 8 / (ms / 1000) / (LINK_MBIT * 1e6)).toFixed(0)}% of the link` : ''

const cpuLine = (names: string[], before: number[], after: number[]): string =>
  names.map((n, i) => `${n} ${(after[i] - before[i]).toFixed(1)}`).join(', ')

type Sent = Awaited<ReturnType<typeof sentSoFar>>
const sentLine = (names: string[], before: Sent, after: Sent): string =>
  'sent ' + names.map((n, i) => {
    const mib = after[i].bytes != null ? ` ${((after[i].bytes! - before[i].bytes!) / 2 ** 20).toFixed(0)} MiB` : ''
    return `${n} ${after[i].blocks - before[i].blocks} blocks${mib}`
  }).join(', ')

/** Tenths of a phase in the link trace */
const TRACE_SLICES = 10

/**
 * netns: samples every host's link counters about once a second while `phase` runs, then gives each
 * host's upload (tx) as a share of its link per tenth of the phase: where in the phase a link sat idle
 */
async function traceLinks <T> (list: Daemon[], names: string[], phase: () => Promise<T>): Promise<{ result: T, line: string }> {
  if (NET !== 'netns') return { result: await phase(), line: '' }
  const samples: Array<{ t: number, tx: number[] }> = []
  const sample = async (): Promise<void> => {
    const tx = await Promise.all(list.map(async d => (await d.node.host.counters())!.tx))
    samples.push({ t: performance.now(), tx })
  }
  await sample()
  let running = true
  const sampler = (async () => {
    while (running) {
      await new Promise(resolve => setTimeout(resolve, 1000))
      await sample()
    }
  })()
  const result = await phase()
  running = false
  await sampler
  await sample()
  const t0 = samples[0].t
  const span = samples.at(-1)!.t - t0
  /** Bytes host i had sent at time t, linear between samples */
  const at = (i: number, t: number): number => {
    const k = samples.findIndex(x => x.t >= t)
    if (k <= 0) return samples[Math.max(k, 0)].tx[i]
    const [a, b] = [samples[k - 1], samples[k]]
    return a.tx[i] + (b.tx[i] - a.tx[i]) * (t - a.t) / (b.t - a.t)
  }
  const slice = span / TRACE_SLICES
  const rows = names.map((n, i) => {
    const shares = Array.from({ length: TRACE_SLICES }, (_, j) =>
      100 * (at(i, t0 + (j + 1) * slice) - at(i, t0 + j * slice)) * 8 / (slice / 1000) / (LINK_MBIT * 1e6))
    return `${n} ${shares.map(x => x.toFixed(0)).join(' ')}`
  })
  return { result, line: `\n      upload, % of the link per tenth of the phase: ${rows.join('; ')}` }
}

/** Polls every daemon's metrics until none has a DHT provide queued or running (at most 10 min); returns ms waited */
async function providesSettled (list: Daemon[]): Promise<number> {
  const t0 = performance.now()
  while (performance.now() - t0 < 600_000) {
    const busy = await Promise.all(list.map(async d => {
      const text = await d.rpc('/debug/metrics/prometheus')
      return [...text.matchAll(/^cairn_provide_queue_size\{state="(?:queued|running)"\} (\d+)/gm)].some(m => Number(m[1]) > 0)
    }))
    if (!busy.includes(true)) break
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  return performance.now() - t0
}

const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-replicate-'))
const daemons: Daemon[] = []
let net: BenchNet | undefined
try {
  const names = ['b', 'c', 'd']
  try {
    net = await createBenchNet({ mode: NET, names: ['a', ...names], link: { mbit: LINK_MBIT, delayMs: LINK_DELAY_MS }, nice: NICE })
  } catch (err: any) {
    // no namespaces here (not root, not Linux, no htb/netem): one line, and the way to run anyway
    if (err.code !== 'ERR_NETNS_UNAVAILABLE') throw err
    process.stderr.write(`bench:replicate: ${err.message as string} (BENCH_NET=loopback runs all daemons on 127.0.0.1)\n`)
    await rm(dir, { recursive: true, force: true })
    process.exit(1)
  }
  const nodeA: Node = { host: net.hosts[0], repo: join(dir, 'a') }
  const nodes: Record<string, Node> = Object.fromEntries(names.map((n, i) => [n, { host: net!.hosts[i + 1], repo: join(dir, n) }]))
  await Promise.all([nodeA, ...Object.values(nodes)].map(async node => {
    await cairn(node, ['init', '--profile=test'])
    if (ROUTING != null) await cairn(node, ['config', 'Routing.Type', ROUTING])
    if (PROVIDE_STRATEGY != null) await cairn(node, ['config', 'Reprovider.Strategy', PROVIDE_STRATEGY])
    for (const [key, value] of EXTRA_CONFIG) await cairn(node, ['config', '--json', key, value])
  }))
  const services: Record<string, { url: string, token: string }> = {}
  for (const name of names) {
    const node = nodes[name]
    const token = (await cairn(node, ['pinning-service', 'token', 'create', '--name', 'bench'])).trim()
    const d = await daemon(node, ['--pinning-service', `/ip4/${node.host.ip}/tcp/0`])
    daemons.push(d)
    const m = /Pinning Service API listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/.exec(d.text())
    if (m == null) throw new Error(`no pinning service line:\n${d.text()}`)
    services[name] = { url: `http://${m[1]}:${m[2]}`, token }
  }
  for (const name of names) await cairn(nodeA, ['pin', 'remote', 'service', 'add', name, services[name].url, services[name].token])
  await cairn(nodeA, ['config', 'Pinning.ReplicaCheckInterval', '0'])
  const a = await daemon(nodeA)
  daemons.push(a)
  const peerId = /PeerID: (\S+)/.exec(a.text())![1]
  const addrA = `${/Swarm listening on (\S+)/.exec(a.text())![1]}/p2p/${peerId}`

  const file = join(dir, 'data.bin')
  await writeFile(file, randomBytes(SIZE_MB * 1024 * 1024))
  const cid = (await cairn(nodeA, ['add', '-Q', file])).trim()
  await rm(file)
  const where = net.mode === 'netns'
    ? `netns: each daemon on its own host, links ${LINK_MBIT} Mbit/s each way${LINK_DELAY_MS > 0 ? `, +${LINK_DELAY_MS} ms each way` : ''}`
    : 'loopback: all daemons on 127.0.0.1 of this machine'
  process.stdout.write(`bench:replicate ${SIZE_MB} MiB, ${where}${NICE !== 0 ? `, nice ${NICE}` : ''}${ROUTING != null ? `, Routing.Type ${ROUTING}` : ''}${PROVIDE_STRATEGY != null ? `, Reprovider.Strategy ${PROVIDE_STRATEGY}` : ''}${EXTRA_CONFIG.map(([k, v]) => `, ${k} ${v}`).join('')}, CID ${cid}\n`)
  const all = [...daemons.slice(0, names.length), a]
  const labels = [...names, 'a']
  /** netns: the origin's upload during a phase against its link's rate */
  const originLinkUse = (before: Sent, after: Sent, ms: number): string => {
    const [b, a] = [before[labels.indexOf('a')].bytes, after[labels.indexOf('a')].bytes]
    return a != null && b != null ? linkUse(a - b, ms).replace('link', "origin's link") : ''
  }
  // one network: the origin's provides reach B, C and D (with no peer they would only time out)
  for (const name of names) await cairn(nodes[name], ['swarm', 'connect', addrA])
  process.stdout.write(`  waited ${seconds(await providesSettled(all))} s for the add's DHT provides to settle\n`)

  const sum = (xs: number[]): number => xs.reduce((x, y) => x + y, 0)
  const cpuSum = (before: number[], after: number[]): number => sum(after.map((v, i) => v - before[i]))

  /** Three sequential fetches from the origin, each by a node that has none of it; returns the mean */
  async function cats (): Promise<{ oneFetch: number, cpu: number, line: string }> {
    const fetches: number[] = []
    const c0 = cpuSeconds(all)
    const s0 = await sentSoFar(all)
    for (const name of names) {
      await cairn(nodes[name], ['swarm', 'connect', addrA])
      const t0 = performance.now()
      await cairn(nodes[name], ['cat', cid], false)
      fetches.push(performance.now() - t0)
      await cairn(nodes[name], ['repo', 'gc'], false)
    }
    const c1 = cpuSeconds(all)
    const s1 = await sentSoFar(all)
    return { oneFetch: sum(fetches) / fetches.length, cpu: cpuSum(c0, c1), line: `cats ${fetches.map(ms => `${seconds(ms)} s${linkUse(SIZE_MB * 2 ** 20, ms)}`).join('; ')} (CPU-s ${cpuLine(labels, c0, c1)}; ${sentLine(labels, s0, s1)})` }
  }

  /** `pin add --replicas=3` until all pinned; then the copies are removed and collected again */
  async function replicate (): Promise<{ time: number, cpu: number, line: string }> {
    const c0 = cpuSeconds(all)
    const s0 = await sentSoFar(all)
    let time = 0
    let mono0 = 0n
    // timed inside: the trace's first sample is taken before
    const trace = await traceLinks(all, labels, async () => {
      const t0 = performance.now()
      mono0 = process.hrtime.bigint() / 1000n
      await cairn(nodeA, ['pin', 'add', '--replicas=3', cid])
      time = performance.now() - t0
    })
    // the profiles' sample times are this clock's microseconds: the window picks the replica phase out
    const window = CPU_PROF != null ? `, monotonic µs ${mono0} ${process.hrtime.bigint() / 1000n}` : ''
    const c1 = cpuSeconds(all)
    const s1 = await sentSoFar(all)
    for (const name of names) await cairn(nodeA, ['pin', 'remote', 'rm', `--service=${name}`, `--cid=${cid}`, '--force'], false)
    for (const name of names) await cairn(nodes[name], ['repo', 'gc'], false)
    return { time, cpu: cpuSum(c0, c1), line: `replicas ${seconds(time)} s${originLinkUse(s0, s1, time)} (CPU-s ${cpuLine(labels, c0, c1)}${window}; ${sentLine(labels, s0, s1)})${trace.line}` }
  }

  // rounds alternate which phase goes first, so a load that drifts weighs on both alike
  const ratios: number[] = []
  const cpuRatios: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    let c: Awaited<ReturnType<typeof cats>>
    let r: Awaited<ReturnType<typeof replicate>>
    if (round % 2 === 1) {
      c = await cats()
      await providesSettled(all)
      r = await replicate()
    } else {
      r = await replicate()
      await providesSettled(all)
      c = await cats()
    }
    await providesSettled(all)
    ratios.push(r.time / c.oneFetch)
    cpuRatios.push(r.cpu / (c.cpu / 3))
    // the machine is shared: the load says how much of its 2 cores the daemons could have had
    process.stdout.write(`  round ${round} (load average ${loadavg()[0].toFixed(1)}): ratio ${ratios.at(-1)!.toFixed(2)}x, CPU ${cpuRatios.at(-1)!.toFixed(2)}x\n    ${c.line}\n    ${r.line}\n`)
  }
  for (const [i, name] of labels.entries()) {
    const st = JSON.parse(await all[i].rpc('/api/v0/bitswap/stat'))
    process.stdout.write(`  ${name} Bitswap (whole run): blocks received ${st.BlocksReceived} (duplicates ${st.DupBlksReceived}), sent ${st.BlocksSent}\n`)
  }
  const median = (xs: number[]): number => { const v = [...xs].sort((x, y) => x - y); return v.length % 2 === 1 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2 }
  const ratio = median(ratios)
  process.stdout.write(`  replica CPU-seconds / one cat's, median: ${median(cpuRatios).toFixed(2)}x\n`)
  process.stdout.write(`  ratio replicas / one fetch (${where}), median of ${ROUNDS} rounds: ${ratio.toFixed(2)}x (${ratios.map(x => x.toFixed(2)).join(', ')}; target <= 1.5x: ${ratio <= 1.5 ? 'met' : 'NOT met'})\n`)
} finally {
  await Promise.all(daemons.map(async d => d.stop()))
  await net?.close()
  await rm(dir, { recursive: true, force: true })
}
