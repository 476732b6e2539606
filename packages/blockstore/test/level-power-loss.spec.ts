/**
 * Power loss, modelled for LevelDB's own files (the index): `power-loss.spec.ts` models the packs
 * and trusts LevelDB to keep what it synced; this checks that the store asks LevelDB to sync what
 * it acknowledges. The LevelDB fault layer (`fixtures/level-faults.c`) reports, for each of the
 * index's files, the size an fsync or fdatasync covered, and each rename; the store's child
 * process (`fixtures/level-fault-worker.ts`: adds, loose blocks, unpins, GCs, a compaction)
 * SIGKILLs itself right after its k-th index batch landed (10 cut points spread over a clean run's
 * batches), and the cut keeps of each index file only what a sync
 * covered (a file never synced is emptied; LevelDB's info log and lock file are left alone; a
 * rename carries what was synced to its new name; deletions stand). Then the store opens, and
 * every acknowledged pin's DAG reads back byte-exact with `verify()` clean and the counters exact,
 * before and after a GC. Packs are left whole here (their loss is the other spec's).
 */
import { spawn } from 'node:child_process'
import { readdir, readFile, realpath, stat, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { createBlockstore } from '../src/index.ts'
import { collect, smallDag, tempDir } from './fixtures/blocks.ts'
import { assertInvariants } from './fixtures/invariants.ts'
import { buildFaultLayer, planEnv } from './fixtures/level-faults.ts'
import type { AckedDag } from './fixtures/invariants.ts'
import type { DagSpec } from './fixtures/random-worker.ts'

const test = suite('level power loss')
const WORKER = join(import.meta.dirname, 'fixtures', 'level-fault-worker.ts')
/**
 * A table sync waits this long in the worker (a slow disk): LevelDB's background flush of a full
 * memtable is then still running at most cuts, as it was on a loaded CI machine, so its old log's
 * unsynced tail is cut while later batches in the new log were synced
 */
const TABLE_SYNC_MS = Number(process.env.CAIRN_TABLE_SYNC_MS ?? 300)

/** Runs the worker; with `killAt`, it SIGKILLs itself right after that many index batches landed (the cut) */
async function runWorker (library: string, path: string, killAt?: number): Promise<{ lines: string[], report: string, killed: boolean }> {
  const report = `${path}.report`
  const arm = `${path}.armed`
  const env = { ...process.env, ...planEnv(library, { dir: join(path, 'index'), ops: [], at: 0, errno: 'EIO', report, arm }), CAIRN_FAULT_SYNCS: '1', CAIRN_FAULT_TABLE_SYNC_MS: String(TABLE_SYNC_MS) }
  const child = spawn(process.execPath, ['--conditions=development', WORKER, path, arm, ...(killAt != null ? [String(killAt)] : [])], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const killed = await new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`worker did not finish in 120 s: ${out.slice(-300)}`)) }, 120_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`worker failed (${code}): ${stderr}`))
      else resolve(signal === 'SIGKILL')
    })
  })
  return { lines: out.split('\n').filter(l => l !== ''), report: await readFile(report, 'utf8').catch(() => ''), killed }
}

/** Cuts the power: each index file keeps what a sync covered */
async function cut (indexDir: string, report: string): Promise<{ files: number, cutBytes: number, dropped: string[] }> {
  const synced = new Map<string, number>()
  for (const line of report.split('\n')) {
    const [kind, a, b] = line.split(' ')
    if (kind === 'synced') synced.set(a, Number(b))
    if (kind === 'renamed') { synced.set(b, synced.get(a) ?? 0); synced.delete(a) }
  }
  let files = 0
  let cutBytes = 0
  const dropped: string[] = []
  for (const name of await readdir(indexDir)) {
    if (name === 'LOCK' || name.startsWith('LOG')) continue
    const path = join(indexDir, name)
    const { size } = await stat(path)
    const keep = Math.min(size, synced.get(path) ?? 0)
    if (keep < size) {
      await truncate(path, keep)
      files++
      cutBytes += size - keep
      dropped.push(`${name} -${size - keep}`)
    }
  }
  return { files, cutBytes, dropped }
}

test('a power cut that keeps only what LevelDB synced loses no acknowledged pin', async () => {
  const library = await buildFaultLayer()
  const clean = await tempDir('level-power-clean')
  let total: number
  try {
    const run = await runWorker(library, await realpath(clean.path))
    total = Number(run.lines.find(l => l.startsWith('index-writes '))?.slice(13))
    assert.ok(total > 20, `the clean run writes the index (${total} batches)`)
  } finally {
    await clean.remove()
  }
  let cutSomething = 0
  const CUTS = 10
  // cut points spread over the run, each right after an index batch landed; CAIRN_POWER_CUTS=43,50
  // runs only those (what a failure prints)
  const only = process.env.CAIRN_POWER_CUTS?.split(',').map(Number)
  const cuts = only ?? Array.from({ length: CUTS }, (_, c) => 1 + Math.floor(total * (c + 0.5) / CUTS))
  for (const killAt of cuts) {
    const dir = await tempDir('level-power')
    try {
      const path = await realpath(dir.path)
      const run = await runWorker(library, path, killAt)
      assert.ok(run.killed, `cut at index batch ${killAt} of ${total}`)
      const acked = new Map<string, AckedDag>()
      for (const line of run.lines) {
        if (line.startsWith('ack ')) {
          const spec = JSON.parse(line.slice(4)) as DagSpec
          const dag = await smallDag(spec.seed, spec.leaves, spec.leafSize)
          acked.set(dag.root.toString(), dag)
        } else if (line.startsWith('unpin ')) {
          acked.delete(CID.parse(line.slice(6)).toString())
        }
      }
      const { files, dropped } = await cut(join(path, 'index'), run.report)
      if (files > 0) cutSomething++
      const context = `cut after index batch ${killAt} of ${total} (${acked.size} pins acknowledged; unsynced bytes dropped: ${dropped.join(', ') || 'none'}; rerun: CAIRN_POWER_CUTS=${killAt})`
      const store = await createBlockstore({ path, inlineBytesMax: 2048, packBytesMax: 40_000, reserveBytes: 64 * 1024 })
      try {
        await assertInvariants(store, acked.values(), context)
        await collect(store.gc())
        await assertInvariants(store, acked.values(), `${context}, after a GC`)
      } finally {
        await store.close()
      }
    } finally {
      await dir.remove()
    }
  }
  assert.ok(cutSomething >= cuts.length / 2, `the cuts dropped unsynced index bytes in ${cutSomething} of ${cuts.length} runs`)
})

test.run()
