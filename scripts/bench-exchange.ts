/**
 * `pnpm bench:exchange`: a file fetched by one node process from another over loopback TCP,
 * Cairn's Bitswap beside two Helia 7 nodes and beside one raw libp2p stream (TCP + noise +
 * yamux) between two processes, the ceiling; and the time to the first byte of a 1 KiB block on
 * an open connection, Cairn vs Helia. Everything runs in this one invocation, so compare the
 * ratios, not the absolute figures (the machine is shared).
 *
 * The file is UnixFS from @cairn/dag's importer: CIDv1, raw leaves, 256 KiB chunks, balanced
 * layout (Kubo's `ipfs add --cid-version=1`).
 *
 * The ceiling is a stream on Cairn's transport stack (Noise with @cairn/node's tuned cipher);
 * the same stream on the stock stack, which Helia runs, is printed beside it.
 *
 * Env: BENCH_MB (default 256), BENCH_STORE (`memory`, the default, as Helia's default store, so
 * that the exchange is compared and not the stores; or `disk`: @cairn/blockstore on disk on both
 * Cairn sides), BENCH_ONLY (comma list of
 * stream,stock-stream,cairn,helia), BENCH_PROF (a folder: CPU profiles of every process), BENCH_VERBOSE (print each client's raw result),
 * BENCH_CHUNKER (the file's chunker, default size-262144; e.g. size-1048576 as unixfs-v1-2025),
 * BENCH_NODE_FLAGS (extra Node/V8 flags for every role, e.g. `--trace-gc`), BENCH_BITSWAP (JSON of
 * Bitswap options for both Cairn sides, e.g. `{"hashOnWorker":false}`), BENCH_TUNE_HELIA=1 (give
 * the Helia and stock-stream processes the GC tuning the Cairn processes get; see below),
 * BENCH_TIMEOUT_S (default 300: a client that has not finished by then is killed and its row says
 * so).
 *
 * The Cairn processes (and the ceiling's) call `tuneGarbageCollector()` from @cairn/node first,
 * as the `cairn` CLI does; the Helia processes run on Node's defaults, as Helia's users do.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { resolve } from 'node:path'

const ROLES = resolve(import.meta.dirname, '../packages/node/test/fixtures/exchange-bench-roles.ts')

if (process.argv[2] === '--role') {
  const { run } = await import(ROLES)
  await run(process.argv[3], process.argv.slice(4), {
    sizeBytes: Number(process.env.BENCH_BYTES),
    store: process.env.BENCH_STORE ?? 'memory'
  })
} else {
  await main()
}

interface ServerInfo { addr: string, root: string, small: string[] }
/** elu: the share of the transfer the client's event loop was busy (1: it was the bottleneck) */
interface ClientResult { bytes: number, ms: number, ttfbMs: number, cpuMs: number, elu: number }

function spawnRole (role: string, args: string[], env: NodeJS.ProcessEnv) {
  const v8 = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []
  const prof = process.env.BENCH_PROF != null ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`, `--cpu-prof-name=${role}.cpuprofile`] : []
  const child = spawn(process.execPath, ['--conditions=development', ...v8, ...prof, import.meta.filename, '--role', role, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  // the answer is the first JSON line; anything else (V8 tracing from BENCH_NODE_FLAGS) goes to stderr
  const firstLine = new Promise<string>((resolveLine, reject) => {
    const rl = createInterface({ input: child.stdout })
    let answered = false
    rl.on('line', line => {
      // V8 tracing (BENCH_NODE_FLAGS) may have written half a line before the answer
      const at = line.indexOf('{"')
      if (!answered && at >= 0) {
        answered = true
        resolveLine(line.slice(at))
        if (at > 0) process.stderr.write(`${role}: ${line.slice(0, at)}\n`)
      } else {
        process.stderr.write(`${role}: ${line}\n`)
      }
    })
    child.once('exit', code => { reject(new Error(`${role} exited with ${code} before answering`)) })
  })
  return { child, firstLine }
}

/** A pair's result, or undefined when its client did not answer within `timeoutMs` */
async function pair (kind: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ClientResult | undefined> {
  const server = spawnRole(`${kind}-server`, [], env)
  try {
    const info = JSON.parse(await server.firstLine) as ServerInfo
    const client = spawnRole(`${kind}-client`, [info.addr, info.root, info.small.join(',')], env)
    let timer: ReturnType<typeof setTimeout> | undefined
    const line = await Promise.race([
      client.firstLine,
      new Promise<undefined>(resolveLate => { timer = setTimeout(() => { resolveLate(undefined) }, timeoutMs) })
    ]).finally(() => { clearTimeout(timer) })
    if (line == null) {
      client.firstLine.catch(() => {}) // it is killed below: its exit is expected now
      client.child.kill('SIGKILL')
      return undefined
    }
    if (process.env.BENCH_VERBOSE != null) process.stderr.write(`${kind}: ${line}\n`)
    const result = JSON.parse(line) as ClientResult
    await new Promise(resolveExit => client.child.once('exit', resolveExit))
    return result
  } finally {
    server.child.kill('SIGTERM')
    await new Promise(resolveExit => { if (server.child.exitCode != null) resolveExit(null); else server.child.once('exit', resolveExit) })
  }
}

/**
 * Touches and frees `mb` MiB in a throwaway process. On a VM whose host takes back idle guest
 * memory, the first process to fill fresh memory after a pause pays the host's page faults
 * (measured here: 0.8-1.2 s of system time to receive 256 MiB cold, 0.4 s warm), which would land
 * on whichever contestant runs first. Every pair starts from the same warm state instead.
 */
async function warmMemory (mb: number): Promise<void> {
  const script = `const b = Buffer.allocUnsafeSlow(${mb} * 1024 * 1024); for (let i = 0; i < b.length; i += 4096) b[i] = 1`
  await new Promise<void>((resolveDone, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' })
    child.once('error', reject)
    child.once('exit', code => { code === 0 ? resolveDone() : reject(new Error(`memory warm-up exited with ${code}`)) })
  })
}

async function main (): Promise<void> {
  const mb = Number(process.env.BENCH_MB ?? 256)
  const only = (process.env.BENCH_ONLY ?? 'stream,stock-stream,cairn,helia').split(',')
  const env = { ...process.env, BENCH_BYTES: String(mb * 1024 * 1024) }
  const store = process.env.BENCH_STORE ?? 'memory'
  const chunker = process.env.BENCH_CHUNKER ?? 'size-262144'
  process.stdout.write(`bench:exchange  ${mb} MiB UnixFS file (@cairn/dag importer: CIDv1, raw leaves, chunker ${chunker}), loopback TCP+noise+yamux, Cairn store: ${store} (Helia: memory)\n`)
  process.stdout.write(`GC: Cairn and ceiling processes tuned as the cairn CLI (tuneGarbageCollector), Helia ${process.env.BENCH_TUNE_HELIA === '1' ? 'tuned the same (BENCH_TUNE_HELIA)' : 'on Node defaults'}\n`)

  const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? 300)
  const results: Record<string, ClientResult | undefined> = {}
  const late = new Set<string>()
  for (const kind of ['stream', 'stock-stream', 'cairn', 'helia']) {
    if (!only.includes(kind)) continue
    await warmMemory(4 * mb)
    results[kind] = await pair(kind, env, timeoutS * 1000)
    if (results[kind] == null) late.add(kind)
  }

  const mbps = (r?: ClientResult): number => r == null ? NaN : (r.bytes / 1e6) / (r.ms / 1000)
  const row = (name: string, kind: string, ttfb: boolean): string => {
    if (late.has(kind)) return `${name.padEnd(36)} did not finish in ${timeoutS} s (BENCH_TIMEOUT_S)`
    const r = results[kind]
    if (r == null) return `${name.padEnd(36)} not run (BENCH_ONLY)`
    return `${name.padEnd(36)} ${mbps(r).toFixed(1).padStart(8)} MB/s ${(r.ms / 1000).toFixed(2).padStart(7)} s` +
      `  client CPU ${(r.cpuMs / (r.bytes / 1e6)).toFixed(2)} ms/MB, loop ${(r.elu * 100).toFixed(0).padStart(3)}% busy` +
      (ttfb ? `   first byte of 1 KiB: ${r.ttfbMs.toFixed(1)} ms` : '')
  }
  process.stdout.write(row('libp2p stream, Cairn stack (ceiling)', 'stream', false) + '\n')
  process.stdout.write(row('libp2p stream, stock stack', 'stock-stream', false) + '\n')
  process.stdout.write(row('Cairn Bitswap -> Cairn', 'cairn', true) + '\n')
  process.stdout.write(row('Helia 7 Bitswap -> Helia 7', 'helia', true) + '\n')
  const ratio = (a: number, b: number): string => Number.isFinite(a / b) ? (a / b).toFixed(2) : 'n/a'
  process.stdout.write(`Cairn / Helia throughput:        ${ratio(mbps(results.cairn), mbps(results.helia))}x  (target >= 3)\n`)
  process.stdout.write(`Cairn / stream ceiling:          ${ratio(mbps(results.cairn), mbps(results.stream))}   (target >= 0.5)\n`)
  process.stdout.write(`Cairn / Helia first-byte time:   ${ratio(results.cairn?.ttfbMs ?? NaN, results.helia?.ttfbMs ?? NaN)}   (target <= 1)\n`)
}
