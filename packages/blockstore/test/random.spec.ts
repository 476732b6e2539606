/**
 * A randomized, seeded, bounded test: rounds of random adds, pins, unpins, loose puts and
 * deletes and GCs (test/fixtures/random-worker.ts) in a child process, with a disk-full episode
 * at the store's own disk steps, an episode of failing LevelDB calls (the LevelDB fault layer,
 * `fixtures/level-faults.c`: EIO or ENOSPC on its writes, flushes, syncs, creations, renames) and a
 * SIGKILL at a seeded disk step of most rounds, on one store. Pack ids are never reused: each new
 * pack file's id is above every id seen before, across kills and GCs. The worker checks the
 * invariant after every step; after every round (killed or not) the store is reopened here and
 * every acknowledged pin's DAG must read back byte-exact. Reproduce a failure with its seed:
 * CAIRN_RANDOM_SEED=<seed> pnpm exec node scripts/test.ts packages/blockstore/test/random.spec.ts
 */
import { spawn } from 'node:child_process'
import { readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { smallDag, tempDir } from './fixtures/blocks.ts'
import { assertInvariants } from './fixtures/invariants.ts'
import { buildFaultLayer, planEnv } from './fixtures/level-faults.ts'
import type { DagSpec } from './fixtures/random-worker.ts'

const test = suite('random')

const SEED = Number(process.env.CAIRN_RANDOM_SEED ?? 20261204)
/** 6 keeps the spec near 15 s; `CAIRN_RANDOM_ROUNDS=<n>` for a long run */
const ROUNDS = Number(process.env.CAIRN_RANDOM_ROUNDS ?? 6)
const STEPS = 40
const WORKER = join(import.meta.dirname, 'fixtures', 'random-worker.ts')

/** mulberry32, as the worker's */
function prng (seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

test(`random adds, pins, unpins, GCs, kills and disk-full episodes (seed ${SEED})`, async () => {
  const dir = await tempDir('random')
  const random = prng(SEED)
  const path = join(dir.path, 'store')
  const ackedFile = join(dir.path, 'acked.json')
  const acked = new Map<string, DagSpec>()
  let kills = 0
  let levelFaults = 0
  /** The highest pack id any round saw: the next round's new packs must be above it */
  let maxPack = -1
  /** Disk steps of the last round that ran to its end (before one did: the old bound) */
  let roundSteps = 320
  const library = await buildFaultLayer()
  const report = join(dir.path, 'level-faults.report')
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const context = `seed ${SEED}, round ${round}`
      const last = round === ROUNDS - 1
      // within the disk steps a round was seen to make, so that most rounds are really killed
      const killAt = last ? -1 : 20 + Math.floor(random() * Math.max(20, Math.min(300, roundSteps - 20)))
      const fullFrom = 5 + Math.floor(random() * 150)
      const fullTo = fullFrom + 1 + Math.floor(random() * 40)
      // LevelDB's calls fail too, for a few calls in a row, from a seeded one on
      const levelAt = 1 + Math.floor(random() * 400)
      const levelCount = 1 + Math.floor(random() * 8)
      const errno = round % 2 === 0 ? 'EIO' as const : 'ENOSPC' as const
      await writeFile(ackedFile, JSON.stringify([...acked.values()]))
      await rm(report, { force: true })
      const env = { ...process.env, ...planEnv(library, { dir: join(await realpath(dir.path), 'store', 'index'), ops: ['write', 'flush', 'sync', 'create', 'rename'], at: levelAt, count: levelCount, errno, report }) }
      const child = spawn(process.execPath, ['--conditions=development', WORKER, path, String(SEED * 100 + round), String(STEPS), String(killAt), String(fullFrom), String(fullTo), ackedFile, String(maxPack)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env
      })
      let out = ''
      let err = ''
      child.stdout.on('data', (d: Buffer) => { out += d.toString() })
      child.stderr.on('data', (d: Buffer) => { err += d.toString() })
      const exit = await new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve, reject) => {
        const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${context}: worker did not finish within 60 s`)) }, 60_000)
        child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal }) })
      })
      assert.ok(exit.code === 0 || exit.signal === 'SIGKILL', `${context}: worker failed (${exit.code ?? exit.signal}): ${err}`)
      if (exit.signal === 'SIGKILL') kills++
      if ((await readFile(report, 'utf8').catch(() => '')).includes('fault ')) levelFaults++
      for (const line of out.split('\n')) {
        if (line.startsWith('ack ')) {
          const spec = JSON.parse(line.slice(4)) as DagSpec
          const dag = await smallDag(spec.seed, spec.leaves, spec.leafSize)
          acked.set(dag.root.toString(), spec)
        } else if (line.startsWith('unpin ')) {
          acked.delete(line.slice(6))
        } else if (line.startsWith('disksteps ')) {
          roundSteps = Number(line.slice(10))
        } else if (line.startsWith('packs ')) {
          maxPack = Math.max(maxPack, Number(line.slice(6)))
        }
      }
      const store = await createBlockstore({ path, inlineBytesMax: 2048, packBytesMax: 60_000, reserveBytes: 64 * 1024 })
      try {
        const dags = await Promise.all([...acked.values()].map(async s => smallDag(s.seed, s.leaves, s.leafSize)))
        await assertInvariants(store, dags, `${context}, reopened after ${exit.signal ?? 'exit'}`)
      } finally {
        await store.close()
      }
    }
    assert.ok(kills >= 1, `${kills} rounds were killed mid-operation`)
    assert.ok(levelFaults >= 1, `${levelFaults} rounds met failing LevelDB calls`)
  } finally {
    await dir.remove()
  }
})

test.run()
