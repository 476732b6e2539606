/**
 * `pnpm bench:gateway-load`: the memory of a real `cairn daemon` process (test profile, port 0)
 * while it serves many clients at once, as the kernel counts it (RSS from /proc; Linux only).
 *
 * 1. gateway: BENCH_LOAD_CLIENTS (default 64) concurrent HTTP downloads of one file, for each
 *    size in BENCH_LOAD_SIZES_MIB (default `64,1024`), every body checked byte-exact (sha256);
 * 2. Bitswap: as many client nodes, in BENCH_LOAD_PROCESSES (default 4) processes, each fetching
 *    the same files from the daemon's node over loopback TCP and reading them in order
 *    (@cairn/dag's `cat` over a Bitswap session), checked the same way. Sizes in
 *    BENCH_LOAD_BITSWAP_SIZES_MIB (default: the gateway's); `0` skips this part. A want left
 *    unanswered for 30 s is asked again (boxo's clients rebroadcast their wantlists; ours do not),
 *    and the run says how many were.
 *
 * For each: the daemon's RSS before, its peak during (the kernel's high-water mark, reset first,
 * and 100 ms samples), the time from the last client's end until RSS is back within
 * BENCH_LOAD_SETTLE_MARGIN_MIB (default 64) of where it started, and the RSS then. Targets: peak
 * under 512 MiB whatever the client count and the file size; settled within 30 s.
 *
 * BENCH_LOAD_SETTLE_TIMEOUT_S (default 60) bounds the wait for settling; BENCH_LOAD_TIMEOUT_S
 * (default 1800) bounds each round of clients. BENCH_LOAD_DAEMON_ENV adds `K=V` pairs to the daemon's
 * environment; several sets separated by `|` (e.g. `CAIRN_MALLOC=system|CAIRN_MALLOC=jemalloc`) run
 * every round once per set, each on a fresh daemon over the same repo, and print each set's peak,
 * settled RSS and throughput as ratios to the first set's, so allocators compare within one run.
 * BENCH_LOAD_BREAKDOWN=1 prints what the daemon's RSS is made of (smaps by mapping, V8's heap
 * spaces) before, right after and 30 s after each round, and the daemon's heap-settle and jemalloc
 * exit lines when NODE_DEBUG=cairn-heap or MALLOC_CONF=…,stats_print:true is in its environment.
 * Each round prints the daemon's CPU seconds (and the Bitswap client processes').
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ok, startDaemon } from '../test/fixtures/cli.ts'
import type { Daemon } from '../test/fixtures/cli.ts'
import { formatBreakdown, memoryBreakdown } from '../test/fixtures/memory-breakdown.ts'
import type { MemoryBreakdown } from '../test/fixtures/memory-breakdown.ts'
import { MIB, RssSampler, bitswapFetchConcurrently, cpuMs, downloadConcurrently, mib, resetPeakRss, rssBytes, waitForRss, writeRandomFile } from '../test/fixtures/load.ts'

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 64)
const SIZES_MIB = (process.env.BENCH_LOAD_SIZES_MIB ?? '64,1024').split(',').map(Number).filter(n => n > 0)
const BITSWAP_SIZES_MIB = (process.env.BENCH_LOAD_BITSWAP_SIZES_MIB ?? SIZES_MIB.join(',')).split(',').map(Number).filter(n => n > 0)
const PROCESSES = Number(process.env.BENCH_LOAD_PROCESSES ?? 4)
const SETTLE_MARGIN_BYTES = Number(process.env.BENCH_LOAD_SETTLE_MARGIN_MIB ?? 64) * MIB
const SETTLE_TIMEOUT_MS = Number(process.env.BENCH_LOAD_SETTLE_TIMEOUT_S ?? 60) * 1000
const ROUND_TIMEOUT_MS = Number(process.env.BENCH_LOAD_TIMEOUT_S ?? 1800) * 1000
/**
 * Extra environment for the daemon, `K=V` pairs separated by spaces: e.g. glibc's allocator knobs
 * (`MALLOC_MMAP_THRESHOLD_=131072`), to see what of the RSS after a round is memory glibc kept
 */
const DAEMON_ENVS = (process.env.BENCH_LOAD_DAEMON_ENV ?? '').split('|').map(set => Object.fromEntries(set.split(/\s+/).filter(kv => kv.includes('=')).map(kv => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])))
/** `1`: print what RSS is made of (smaps by mapping, V8 heap spaces) before, right after and 30 s after each round */
const BREAKDOWN = process.env.BENCH_LOAD_BREAKDOWN === '1'
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

interface Stored { sizeMib: number, cid: string, sha256: string }
interface Row { what: string, before: number, peak: number, settleMs?: number, settled: number, at30s: number, seconds: number, mbps: number }

/** One round: runs `load`, watching the daemon's RSS, then waits for it to settle */
async function measure (daemon: Daemon, what: string, bytes: number, load: () => Promise<void>): Promise<Row> {
  const pid = daemon.child.pid!
  const api = /\/ip4\/([^/]+)\/tcp\/(\d+)/.exec(daemon.apiMultiaddr)!
  const breakdown = async (): Promise<MemoryBreakdown> => memoryBreakdown(pid, `http://${api[1]}:${api[2]}`)
  const startBreakdown = BREAKDOWN ? await breakdown() : undefined
  const before = await rssBytes(pid)
  const cpuBefore = await cpuMs(pid)
  await resetPeakRss(pid)
  const sampler = new RssSampler(pid)
  const start = performance.now()
  try {
    await load()
  } finally {
    sampler.stop()
  }
  const seconds = (performance.now() - start) / 1000
  process.stdout.write(`(daemon CPU ${((await cpuMs(pid) - cpuBefore) / 1000).toFixed(0)} s in the ${seconds.toFixed(0)} s round)\n`)
  const peak = await sampler.peak()
  const ended = performance.now()
  if (startBreakdown != null) process.stdout.write(formatBreakdown(`after ${what}`, await breakdown(), startBreakdown))
  const settle = await waitForRss(pid, before + SETTLE_MARGIN_BYTES, SETTLE_TIMEOUT_MS)
  // the RSS 30 s after the last client ended (the issue's settling time), whenever it settled
  const wait = 30_000 - (performance.now() - ended)
  if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
  const at30s = await rssBytes(pid)
  if (startBreakdown != null) process.stdout.write(formatBreakdown(`30 s after ${what}`, await breakdown(), startBreakdown))
  const row = { what, before, peak, settleMs: settle.ms, settled: settle.rss, at30s, seconds, mbps: bytes / seconds / 1e6 }
  process.stdout.write(`${format(row)}\n`)
  return row
}

function format (r: Row): string {
  const settle = r.settleMs != null ? `${(r.settleMs / 1000).toFixed(1)} s` : `not within ${SETTLE_TIMEOUT_MS / 1000} s`
  return `| ${r.what} | ${mib(r.before)} | ${mib(r.peak)} | ${settle} | ${mib(r.settled)} | ${mib(r.at30s)} | ${r.seconds.toFixed(1)} s (${r.mbps.toFixed(0)} MB/s) |`
}

async function gatewayRound (daemon: Daemon, file: Stored): Promise<Row> {
  return measure(daemon, `gateway: ${CLIENTS} × ${file.sizeMib} MiB`, CLIENTS * file.sizeMib * MIB, async () => {
    const results = await downloadConcurrently(`${daemon.gatewayUrl}/ipfs/${file.cid}`, CLIENTS, { timeoutMs: ROUND_TIMEOUT_MS })
    const bad = results.filter(r => r.status !== 200 || r.length !== file.sizeMib * MIB || r.sha256 !== file.sha256)
    if (bad.length > 0) throw new Error(`${bad.length} of ${CLIENTS} downloads were not byte-exact: ${JSON.stringify(bad[0])}`)
  })
}

async function bitswapRound (daemon: Daemon, file: Stored): Promise<Row> {
  const processes = Math.min(PROCESSES, CLIENTS)
  return measure(daemon, `Bitswap: ${CLIENTS} nodes × ${file.sizeMib} MiB`, CLIENTS * file.sizeMib * MIB, async () => {
    const results = await bitswapFetchConcurrently(daemon.swarm[0], file.cid, CLIENTS, { processes, timeoutMs: ROUND_TIMEOUT_MS })
    const bad = results.filter(r => r.length !== file.sizeMib * MIB || r.sha256 !== file.sha256)
    if (bad.length > 0 || results.length !== CLIENTS) throw new Error(`${bad.length} of ${results.length} Bitswap fetches were not byte-exact`)
    const sum = (f: (r: typeof results[number]) => number): number => results.reduce((n, r) => n + f(r), 0)
    process.stdout.write(`(Bitswap: ${sum(r => r.reasked)} wants unanswered for 30 s asked again by the benchmark, ${sum(r => r.rebroadcast)} rebroadcast by the clients, ${sum(r => r.disconnects)} connections lost; client processes' CPU ${(sum(r => r.cpuMs) / 1000).toFixed(0)} s)\n`)
  })
}

async function main (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-load-'))
  const repo = join(dir, 'repo')
  let daemon: Daemon | undefined
  try {
    await ok(['init', '--profile=test'], { repo })
    const stored: Stored[] = []
    for (const sizeMib of [...new Set([...SIZES_MIB, ...BITSWAP_SIZES_MIB])]) {
      const path = join(dir, `file-${sizeMib}`)
      const sha256 = await writeRandomFile(path, sizeMib * MIB, sizeMib)
      const cid = (await ok(['add', '-q', path], { repo, timeoutMs: 600_000 })).out.trim()
      await rm(path)
      stored.push({ sizeMib, cid, sha256 })
    }
    const runs: Array<{ env: string, rows: Row[] }> = []
    for (const daemonEnv of DAEMON_ENVS) {
      daemon = await startDaemon(repo, LISTEN, undefined, { env: daemonEnv })
      const env = Object.entries(daemonEnv).map(([k, v]) => `${k}=${v}`).join(' ')
      const allocator = /^Memory allocator: (.*)$/m.exec(daemon.output())?.[1] ?? 'allocator not reported'
      process.stdout.write(`cairn daemon pid ${daemon.child.pid}${env !== '' ? ` (${env})` : ''}, ${allocator}, ${CLIENTS} clients, load average ${loadavg().map(l => l.toFixed(1)).join(' ')}\n`)
      // one small download first, so the daemon's lazy start-up allocations are not counted as load
      const first = stored[0]
      await downloadConcurrently(`${daemon.gatewayUrl}/ipfs/${first.cid}`, 1, { timeoutMs: ROUND_TIMEOUT_MS })
      process.stdout.write(`RSS after start-up and one download: ${mib(await rssBytes(daemon.child.pid!))}\n\n`)
      process.stdout.write('| load | RSS before | peak RSS | back within ' + mib(SETTLE_MARGIN_BYTES) + ' of before | RSS then | RSS 30 s after | time |\n| --- | --- | --- | --- | --- | --- | --- |\n')
      const rows: Row[] = []
      for (const file of stored.filter(f => SIZES_MIB.includes(f.sizeMib))) rows.push(await gatewayRound(daemon, file))
      for (const file of stored.filter(f => BITSWAP_SIZES_MIB.includes(f.sizeMib))) rows.push(await bitswapRound(daemon, file))
      const worst = Math.max(...rows.map(r => r.peak))
      const slow = rows.filter(r => r.settleMs == null || r.settleMs > 30_000)
      process.stdout.write(`\nhighest peak ${mib(worst)} (target < 512 MiB): ${worst < 512 * MIB ? 'met' : 'NOT met'}; settled within 30 s: ${slow.length === 0 ? 'all' : `not ${slow.map(r => r.what).join(', ')}`}\n\n`)
      await daemon.stop()
      // what the daemon said about its heap settling (NODE_DEBUG=cairn-heap) and jemalloc's totals at exit (MALLOC_CONF=...,stats_print:true)
      if (BREAKDOWN) process.stdout.write(daemon.output().split('\n').filter(l => /full GC after load|^(Allocated|Background threads|Run-time option settings):|resident:|retained/.test(l)).join('\n') + '\n\n')
      daemon = undefined
      runs.push({ env: env !== '' ? env : '(default)', rows })
    }
    if (runs.length > 1) {
      const base = runs[0]
      process.stdout.write(`ratios to ${base.env}:\n\n| daemon env | load | peak RSS | RSS 30 s after | above its start 30 s after | throughput |\n| --- | --- | --- | --- | --- | --- |\n`)
      for (const run of runs.slice(1)) {
        run.rows.forEach((r, i) => {
          const b = base.rows[i]
          process.stdout.write(`| ${run.env} | ${r.what} | ${(r.peak / b.peak).toFixed(2)}x | ${(r.at30s / b.at30s).toFixed(2)}x | ${mib(r.at30s - r.before)} vs ${mib(b.at30s - b.before)} | ${(r.mbps / b.mbps).toFixed(2)}x |\n`)
        })
      }
    }
  } finally {
    await daemon?.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
