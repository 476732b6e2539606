/**
 * The body of `pnpm bench:gc` (scripts/bench-gc.ts): peak RSS of pin add, GC, pin rm and the
 * sweeping GC after it, on wide DAGs of tiny raw leaves at two sizes (default 250,000 and 500,000
 * leaves), each step in a child process of its own. Memory that does not grow with the repo shows
 * as a ratio near 1 between the two sizes; beside them, the mark phase GC had before (a Set of
 * every pinned multihash), which does grow. The last GC sweeps while small adds run one after
 * another; their latencies are reported beside the same adds without GC (issue 19: adds do not
 * wait for the sweep).
 *
 * Env: BENCH_GC_LEAVES (comma-separated leaf counts, default "250000,500000"), BENCH_DIR
 * (default os.tmpdir()).
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const sizes = (process.env.BENCH_GC_LEAVES ?? '250000,500000').split(',').map(Number)
const base = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'cairn-bench-gc-'))

interface Step { op: string, ms: number, cpuMs: number, peakRssMb: number, peakAnonMb: number, [k: string]: unknown }

function step (path: string, ...args: string[]): Step {
  const child = spawnSync(process.execPath, ['--conditions=development', join(import.meta.dirname, 'gc-child.ts'), path, ...args], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!)
}

const rows = new Map<string, Step[]>()
const blocks: number[] = []
try {
  for (const [i, leaves] of sizes.entries()) {
    const path = join(base, String(leaves))
    const built = step(path, 'build', String(leaves), String(i + 1))
    blocks.push(built.blocks as number)
    const root = built.root as string
    const steps = [
      step(path, 'open'),
      step(path, 'pin', root),
      step(path, 'gc'),
      step(path, 'set-mark'),
      step(path, 'rm', root),
      step(path, 'gc-adds')
    ]
    const names = ['open (baseline)', 'pin add', 'gc, all pinned', 'old mark: Set of pinned', 'pin rm', 'gc beside adds, sweeps all']
    steps.forEach((s, j) => rows.set(names[j], [...(rows.get(names[j]) ?? []), s]))
    console.error(`${leaves} leaves done`)
  }
} finally {
  await rm(base, { recursive: true, force: true })
}

const pad = (s: string, n: number): string => s.padEnd(n)
console.info(`Per step, each in a fresh process, on DAGs of ${blocks.map(b => b.toLocaleString('en')).join(' and ')} blocks:`)
console.info('peak anonymous RSS (the process\'s own memory) / peak total RSS (with the index\'s mmapped table files), wall time')
console.info(pad('step', 30) + blocks.map(b => pad(`${b} blocks`, 26)).join('') + 'anon ratio  total ratio')
for (const [name, steps] of rows) {
  const cells = steps.map(s => pad(`${s.peakAnonMb} / ${s.peakRssMb} MB ${(s.ms / 1000).toFixed(1)} s`, 26)).join('')
  const first = steps[0]
  const last = steps[steps.length - 1]
  const ratios = steps.length > 1 ? pad(`${(last.peakAnonMb / first.peakAnonMb).toFixed(2)}x`, 12) + `${(last.peakRssMb / first.peakRssMb).toFixed(2)}x` : ''
  console.info(pad(name, 30) + cells + ratios)
}
console.info('\nadds (4 leaves of 1 KiB and a root, pinned, one after another) while the last GC sweeps everything, beside the same adds without GC:')
for (const [i, s] of (rows.get('gc beside adds, sweeps all') ?? []).entries()) {
  const alone = s.alone as { n: number, medianMs: number, worstMs: number }
  const during = s.duringGc as { n: number, medianMs: number, worstMs: number }
  console.info(`${blocks[i]} blocks: GC ${(s.gcMs as number / 1000).toFixed(1)} s removed ${s.removed as number}; ${during.n} adds during it, median ${during.medianMs} ms, worst ${during.worstMs} ms; without GC (${alone.n}) median ${alone.medianMs} ms, worst ${alone.worstMs} ms; worst during/without ${(during.worstMs / alone.worstMs).toFixed(2)}x`)
}
