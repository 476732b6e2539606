/**
 * LevelDB's own writes fail (issue 11): a fault layer preloaded under the store's child process
 * (`fixtures/level-faults.c`, built here with the machine's C compiler) makes chosen writes,
 * flushes, syncs, file creations and renames of LevelDB's files fail with EIO or ENOSPC, one call
 * at a time or as a disk-full episode, during adds, pins, unpins, loose puts, GCs and a pack
 * compaction (`fixtures/level-fault-worker.ts`). LevelDB's log, its table files written by its
 * background compaction, its MANIFEST and CURRENT all meet them. After each run: every failure was
 * the store's typed error, the store took an add afterwards without a restart, and, reopened
 * without the layer, `verify()` is clean, every acknowledged pin's DAG reads back byte-exact and
 * the counters equal a scan, before and after a GC.
 */
import { spawn } from 'node:child_process'
import { readFile, realpath, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { createBlockstore } from '../src/index.ts'
import { collect, smallDag, tempDir } from './fixtures/blocks.ts'
import { assertInvariants } from './fixtures/invariants.ts'
import { buildFaultLayer, countsOf, planEnv } from './fixtures/level-faults.ts'
import type { FaultPlan } from './fixtures/level-faults.ts'
import type { AckedDag } from './fixtures/invariants.ts'
import type { DagSpec } from './fixtures/random-worker.ts'

const test = suite('level faults')

const WORKER = join(import.meta.dirname, 'fixtures', 'level-fault-worker.ts')
/**
 * Fault positions per class of call, spread over the calls a clean run makes (2 keeps the spec
 * near 20 s; `CAIRN_LEVEL_FAULT_POSITIONS=<n>` for a long run)
 */
const POSITIONS = Number(process.env.CAIRN_LEVEL_FAULT_POSITIONS ?? 2)

interface Run { lines: string[], stderr: string, code: number | null, report: string }

async function runWorker (library: string, path: string, plan: Omit<FaultPlan, 'dir' | 'report' | 'arm'>): Promise<Run> {
  const report = `${path}.report`
  const arm = `${path}.armed`
  await rm(report, { force: true })
  await rm(arm, { force: true })
  const env = { ...process.env, ...planEnv(library, { ...plan, dir: join(await realpath(path).catch(() => path), 'index'), report, arm }) }
  const child = spawn(process.execPath, ['--conditions=development', WORKER, path, arm], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`worker did not finish in 120 s (plan ${JSON.stringify(plan)}): ${out.slice(-500)}`)) }, 120_000)
    child.on('exit', (c) => { clearTimeout(timer); resolve(c) })
  })
  return { lines: out.split('\n').filter(l => l !== ''), stderr, code, report: await readFile(report, 'utf8').catch(() => '') }
}

/** The pins a run acknowledged and did not try to remove */
async function ackedOf (lines: string[]): Promise<AckedDag[]> {
  const acked = new Map<string, AckedDag>()
  for (const line of lines) {
    if (line.startsWith('ack ')) {
      const spec = JSON.parse(line.slice(4)) as DagSpec
      const dag = await smallDag(spec.seed, spec.leaves, spec.leafSize)
      acked.set(dag.root.toString(), dag)
    } else if (line.startsWith('unpin ')) {
      acked.delete(CID.parse(line.slice(6)).toString())
    }
  }
  return [...acked.values()]
}

test('EIO and ENOSPC on LevelDB\'s writes, flushes, syncs, creations and renames lose nothing acknowledged', async () => {
  const library = await buildFaultLayer()
  // a clean run: how many calls of each class LevelDB makes once the store is open
  const clean = await tempDir('level-faults-clean')
  let totals: Record<string, number>
  try {
    const run = await runWorker(library, clean.path, { ops: [], at: 0, errno: 'EIO' })
    assert.is(run.code, 0, `clean run: ${run.stderr}`)
    assert.ok(run.lines.includes('final ok'))
    totals = countsOf(run.report)
    for (const op of ['write', 'flush', 'sync', 'create']) assert.ok(totals[op] > 0, `the clean run makes ${op} calls (${run.report})`)
  } finally {
    await clean.remove()
  }

  const plans: Array<Omit<FaultPlan, 'dir' | 'report' | 'arm'>> = []
  let k = 0
  for (const op of ['write', 'flush', 'sync', 'create'] as const) {
    for (let p = 0; p < POSITIONS; p++) {
      plans.push({ ops: [op], at: Math.max(1, Math.floor(totals[op] * (p + 0.5) / POSITIONS)), errno: k++ % 2 === 0 ? 'EIO' : 'ENOSPC' })
    }
  }
  // disk-full episodes: every class fails for a while (LevelDB's reopen after the failure too)
  const all = ['write', 'flush', 'sync', 'create', 'rename'] as const
  const calls = totals.write + totals.flush + totals.sync + totals.create + totals.rename
  for (const at of [0.2, 0.5, 0.8]) plans.push({ ops: [...all], at: Math.max(1, Math.floor(calls * at)), count: 25, errno: 'ENOSPC' })

  const fired = new Map<string, number>()
  for (const plan of plans) {
    const dir = await tempDir('level-faults')
    const what = `${plan.errno} at ${plan.ops.join('/')} #${plan.at}${plan.count != null ? ` x${plan.count}` : ''}`
    try {
      const run = await runWorker(library, dir.path, plan)
      assert.is(run.code, 0, `${what}: the worker met only typed errors and finished: ${run.stderr.slice(-2000)}`)
      assert.ok(run.lines.includes('final ok'), `${what}: the store took an add after the faults without a restart`)
      for (const line of run.report.split('\n').filter(l => l.startsWith('fault '))) {
        const op = line.split(' ')[1]
        fired.set(op, (fired.get(op) ?? 0) + 1)
      }
      const acked = await ackedOf(run.lines)
      const store = await createBlockstore({ path: dir.path, inlineBytesMax: 2048, packBytesMax: 40_000, reserveBytes: 64 * 1024 })
      try {
        await assertInvariants(store, acked, `${what}, reopened`)
        await collect(store.gc())
        await assertInvariants(store, acked, `${what}, after a GC`)
      } finally {
        await store.close()
      }
    } finally {
      await dir.remove()
    }
  }
  // renames happen only when the index reopens after a failure (CURRENT): the episodes reach them
  for (const op of ['write', 'flush', 'sync', 'create', 'rename']) assert.ok((fired.get(op) ?? 0) > 0, `faults were injected at LevelDB's ${op} calls (${JSON.stringify([...fired])})`)
})

test.run()
