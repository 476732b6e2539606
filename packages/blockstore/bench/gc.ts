/**
 * The body of `pnpm bench:gc` (scripts/bench-gc.ts). Each step runs in a child process of its own
 * (bench/gc-child.ts), so that its peak RSS is that step's alone.
 *
 * Issue 19's run (always): a repo of BENCH_GC_BLOCKS blocks (default 1,000,000: wide DAGs of tiny
 * raw leaves), 10% of them pinned; then a GC that sweeps the other 90% while small adds (4 leaves
 * of 1 KiB and a root, pinned) run one after another. It reports the GC's duration and peak RSS,
 * and the adds' latency during the GC beside the same adds without GC, in windows of 50 adds
 * with and without GC in turn so that both see the same machine load (target: worst during at
 * most 2x worst without; Kubo's GC blocks every add for its whole run), and beside the adds
 * before GC began and after it ended.
 *
 * With BENCH_GC_LEAVES (comma-separated leaf counts, e.g. "250000,500000"), also the memory
 * scaling run: pin add, GC, pin rm and a sweeping GC at each size, beside the mark phase GC had
 * before (a Set of every pinned multihash), which grows with the repo.
 *
 * Env: BENCH_GC_BLOCKS, BENCH_GC_LEAVES, BENCH_GC_ALONE (adds before GC and after it, default 2000),
 * BENCH_DIR (default os.tmpdir()).
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const total = Number(process.env.BENCH_GC_BLOCKS ?? 1_000_000)
const scaling = process.env.BENCH_GC_LEAVES == null ? [] : process.env.BENCH_GC_LEAVES.split(',').map(Number)
const aloneAdds = process.env.BENCH_GC_ALONE ?? '2000'
const base = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'cairn-bench-gc-'))

interface Step { op: string, ms: number, cpuMs: number, peakRssMb: number, peakAnonMb: number, [k: string]: unknown }
interface Latency { n: number, medianMs: number, p99Ms: number, worstMs: number }

function step (path: string, ...args: string[]): Step {
  const child = spawnSync(process.execPath, ['--conditions=development', join(import.meta.dirname, 'gc-child.ts'), path, ...args], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!)
}

const pad = (s: string, n: number): string => s.padEnd(n)
const latency = (l: Latency): string => `${l.n} adds, median ${l.medianMs} ms, p99 ${l.p99Ms} ms, worst ${l.worstMs} ms`

try {
  // --- issue 19: 1,000,000 blocks, 10% pinned, adds beside the GC ---------------------------------
  const path = join(base, 'mixed')
  const built = step(path, 'build-mixed', String(Math.ceil(total / 1.005)), '1')
  console.error(`built ${built.blocks as number} blocks in ${(built.ms / 1000).toFixed(0)} s`)
  const pinned = step(path, 'pin', built.root as string)
  console.error(`pinned ${built.pinnedBlocks as number} blocks in ${(pinned.ms / 1000).toFixed(0)} s`)
  const gc = step(path, 'gc-adds', aloneAdds)
  const before = gc.alone as Latency
  const after = gc.after as Latency
  const without = gc.without as Latency
  const during = gc.duringGc as Latency
  console.info(`Repo of ${(built.blocks as number).toLocaleString('en')} blocks, ${(built.pinnedBlocks as number).toLocaleString('en')} pinned (${(100 * (built.pinnedBlocks as number) / (built.blocks as number)).toFixed(0)}%):`)
  console.info(`  GC: ${((gc.gcMs as number) / 1000).toFixed(1)} s running (${((gc.wallMs as number) / 1000).toFixed(1)} s with the windows it stood still), removed ${(gc.removed as number).toLocaleString('en')} blocks; peak RSS of the process ${gc.peakRssMb} MB (anonymous ${gc.peakAnonMb} MB)`)
  console.info(`  adds before GC:       ${latency(before)}`)
  console.info('  then windows of 50 adds with and without GC in turn:')
  console.info(`  adds without GC:      ${latency(without)}`)
  console.info(`  adds during GC:       ${latency(during)}`)
  console.info(`  adds after GC:        ${latency(after)}`)
  console.error(`  sweep ended at ${gc.sweepMs as number} ms; slowest adds during GC: ${JSON.stringify(gc.slowest)}`)
  console.info(`  during GC / without (interleaved): worst ${(during.worstMs / without.worstMs).toFixed(2)}x (target <= 2x); p99 ${(during.p99Ms / without.p99Ms).toFixed(2)}x; median ${(during.medianMs / without.medianMs).toFixed(2)}x`)
  console.info(`  during GC / before GC:             worst ${(during.worstMs / before.worstMs).toFixed(2)}x; p99 ${(during.p99Ms / before.p99Ms).toFixed(2)}x; median ${(during.medianMs / before.medianMs).toFixed(2)}x`)
  console.info(`  during GC / after GC:              worst ${(during.worstMs / after.worstMs).toFixed(2)}x; p99 ${(during.p99Ms / after.p99Ms).toFixed(2)}x; median ${(during.medianMs / after.medianMs).toFixed(2)}x`)

  // --- memory scaling (BENCH_GC_LEAVES) ---------------------------------------------------------
  if (scaling.length > 0) {
    const rows = new Map<string, Step[]>()
    const blocks: number[] = []
    for (const [i, leaves] of scaling.entries()) {
      const path = join(base, String(leaves))
      const built = step(path, 'build', String(leaves), String(i + 1))
      blocks.push(built.blocks as number)
      const root = built.root as string
      const steps = [step(path, 'open'), step(path, 'pin', root), step(path, 'gc'), step(path, 'set-mark'), step(path, 'rm', root), step(path, 'gc')]
      const names = ['open (baseline)', 'pin add', 'gc, all pinned', 'old mark: Set of pinned', 'pin rm', 'gc, sweeps all']
      steps.forEach((s, j) => rows.set(names[j], [...(rows.get(names[j]) ?? []), s]))
      console.error(`${leaves} leaves done`)
    }
    console.info(`\nPer step, each in a fresh process, on DAGs of ${blocks.map(b => b.toLocaleString('en')).join(' and ')} blocks:`)
    console.info('peak anonymous RSS (the process\'s own memory) / peak total RSS (with the index\'s mmapped table files), wall time')
    console.info(pad('step', 30) + blocks.map(b => pad(`${b} blocks`, 26)).join('') + 'anon ratio  total ratio')
    for (const [name, steps] of rows) {
      const cells = steps.map(s => pad(`${s.peakAnonMb} / ${s.peakRssMb} MB ${(s.ms / 1000).toFixed(1)} s`, 26)).join('')
      const first = steps[0]
      const last = steps[steps.length - 1]
      const ratios = steps.length > 1 ? pad(`${(last.peakAnonMb / first.peakAnonMb).toFixed(2)}x`, 12) + `${(last.peakRssMb / first.peakRssMb).toFixed(2)}x` : ''
      console.info(pad(name, 30) + cells + ratios)
    }
  }
} finally {
  await rm(base, { recursive: true, force: true })
}
