/**
 * The node's datastore keeps the block store's two promises (issue 11): nothing is acknowledged
 * after a failed write until it has reopened (LevelDB's log tear on ENOSPC), and the room a
 * released reserve freed is not spent on new records. Real LevelDB on small tmpfs mounts (as root,
 * as CI runs), unmounted after.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, open, readFile, realpath, rm, rmdir, stat, statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { LevelDatastore } from 'datastore-level'
import { Key } from 'interface-datastore'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { GuardedDatastore } from '../src/datastore-guard.ts'
import { createNode, initRepo } from '../src/index.ts'
import { buildFaultLayer, countsOf, planEnv } from './fixtures/level-faults.ts'
import type { FaultPlan } from './fixtures/level-faults.ts'
import type { CairnNode } from '../src/index.ts'

const test = suite('datastore guard')
const run = promisify(execFile)

interface Mount { path: string, free: () => Promise<number>, fill: (leave?: number) => Promise<void>, drain: () => Promise<void>, unmount: () => Promise<void> }

async function mountTmpfs (size: string): Promise<Mount> {
  const path = await mkdtemp(join(tmpdir(), 'cairn-ds-guard-'))
  await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path])
  const free = async (): Promise<number> => { const s = await statfs(path); return s.bavail * s.bsize }
  let n = 0
  return {
    path,
    free,
    fill: async (leave = 0) => {
      const fh = await open(join(path, `ballast-${n++}`), 'w')
      const chunk = new Uint8Array(64 * 1024)
      try {
        for (;;) {
          const room = (await free()) - leave
          if (room <= 0) return
          await fh.write(chunk, 0, Math.min(chunk.byteLength, room))
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
      } finally {
        await fh.close()
      }
    },
    drain: async () => { for (let i = 0; i < n; i++) await rm(join(path, `ballast-${i}`), { force: true }) },
    unmount: async () => { await run('umount', [path]); await rmdir(path) }
  }
}

const valueOf = (i: number): Uint8Array => new Uint8Array(3000).fill(i % 251)

test('after a write fails with ENOSPC nothing more is acknowledged until the datastore reopened; everything acknowledged survives a restart', async () => {
  const disk = await mountTmpfs('16m')
  const path = join(disk.path, 'datastore')
  const acked = new Map<string, number>()
  let refused = 0
  let guard: GuardedDatastore | undefined
  try {
    guard = new GuardedDatastore(new LevelDatastore(path), { path })
    await guard.level.open()
    for (let i = 0; i < 50; i++) { await guard.put(new Key(`/before/${i}`), valueOf(i)); acked.set(`/before/${i}`, i) }
    await disk.fill(256 * 1024)
    // the log fills up: one put fails, and every one after it is refused (never acknowledged)
    let failed: Error | undefined
    for (let i = 0; i < 400; i++) {
      try {
        await guard.put(new Key(`/full/${i}`), valueOf(i))
        if (failed != null) assert.unreachable(`put ${i} acknowledged after the failed write`)
        acked.set(`/full/${i}`, i)
      } catch (err) {
        if ((err as Error).name === 'Assertion') throw err
        failed ??= err as Error
        assert.is((err as { code?: string }).code, 'ERR_NO_SPACE', (err as Error).message)
        refused++
      }
    }
    assert.ok(failed != null, 'the disk filled')
    assert.ok(refused > 1, `writes after the failure are refused too (${refused})`)
    // reads go on, from what was acknowledged
    assert.ok(Buffer.from(await guard.get(new Key('/before/7'))).equals(valueOf(7)), 'an acknowledged record reads back')
    // space comes back: the next write reopens the datastore first, then is acknowledged
    await disk.drain()
    const deadline = Date.now() + 10_000
    for (let i = 0, after = 0; after < 100; i++) {
      try {
        await guard.put(new Key(`/after/${i}`), valueOf(i))
        acked.set(`/after/${i}`, i)
        after++
      } catch (err) {
        // at most one refusal a second while the reopen waits out its retry interval
        if (Date.now() > deadline) throw err
        await new Promise(resolve => setTimeout(resolve, 100))
      }
    }
    assert.ok(guard.reopens >= 1, 'the datastore reopened before acknowledging again')
    await guard.close()
    guard = undefined

    const again = new LevelDatastore(path)
    await again.open()
    try {
      const lost: string[] = []
      for (const [key, i] of acked) {
        const got = await again.get(new Key(key)).catch(() => undefined)
        if (got == null || got.byteLength !== 3000 || got[0] !== i % 251) lost.push(key)
      }
      assert.equal(lost, [], `${lost.length} of ${acked.size} acknowledged writes lost on restart`)
    } finally {
      await again.close()
    }
  } finally {
    await guard?.close().catch(() => {})
    await disk.unmount()
  }
})

const WORKER = join(import.meta.dirname, 'fixtures', 'datastore-fault-worker.ts')

async function runWorker (library: string, path: string, plan: Omit<FaultPlan, 'dir' | 'report' | 'arm'>): Promise<{ lines: string[], stderr: string, code: number | null, report: string }> {
  const report = `${path}.report`
  const arm = `${path}.armed`
  const env = { ...process.env, ...planEnv(library, { ...plan, dir: path, report, arm }) }
  const child = spawn(process.execPath, ['--conditions=development', WORKER, path, arm], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`worker did not finish in 60 s: ${out.slice(-300)}`)) }, 60_000)
    child.on('exit', (c) => { clearTimeout(timer); resolve(c) })
  })
  return { lines: out.split('\n').filter(l => l !== ''), stderr, code, report: await readFile(report, 'utf8').catch(() => '') }
}

test('EIO and ENOSPC on the datastore LevelDB\'s own writes, flushes, syncs, creations and renames: typed errors, writes again without a restart, nothing acknowledged lost', async () => {
  const library = await buildFaultLayer()
  const work = await realpath(await mkdtemp(join(tmpdir(), 'cairn-ds-faults-')))
  try {
    const clean = await runWorker(library, join(work, 'clean'), { ops: [], at: 0, errno: 'EIO' })
    assert.is(clean.code, 0, clean.stderr)
    const totals = countsOf(clean.report)
    for (const op of ['write', 'flush', 'create']) assert.ok(totals[op] > 0, `the clean run makes ${op} calls (${clean.report})`)
    const plans: Array<Omit<FaultPlan, 'dir' | 'report' | 'arm'>> = []
    let k = 0
    for (const op of ['write', 'flush', 'sync', 'create'] as const) {
      if (totals[op] === 0) continue
      for (const at of [0.5]) plans.push({ ops: [op], at: Math.max(1, Math.floor(totals[op] * at)), errno: k++ % 2 === 0 ? 'EIO' : 'ENOSPC' })
    }
    const calls = totals.write + totals.flush + totals.sync + totals.create
    for (const at of [0.5]) plans.push({ ops: ['write', 'flush', 'sync', 'create', 'rename'], at: Math.floor(calls * at), count: 20, errno: 'ENOSPC' })
    let faults = 0
    let reopened = 0
    for (const [n, plan] of plans.entries()) {
      const path = join(work, `run-${n}`)
      const what = `${plan.errno} at ${plan.ops.join('/')} #${plan.at}${plan.count != null ? ` x${plan.count}` : ''}`
      const run = await runWorker(library, path, plan)
      assert.is(run.code, 0, `${what}: only typed errors, and writes again within 10 s: ${run.stderr.slice(-1500)}`)
      assert.ok(run.lines.includes('final ok'), what)
      if (run.report.includes('fault ')) faults++
      if (Number(run.lines.find(l => l.startsWith('reopens '))?.slice(8)) > 0) reopened++
      const again = new LevelDatastore(path)
      await again.open()
      try {
        for (const line of run.lines.filter(l => l.startsWith('ack '))) {
          const [, key, byte] = line.split(' ')
          const got = await again.get(new Key(key)).catch(() => undefined)
          assert.ok(got != null && got.byteLength === 8000 && got.every(b => b === Number(byte)), `${what}: acknowledged ${key} reads back after a restart`)
        }
      } finally {
        await again.close()
      }
    }
    assert.ok(faults >= plans.length - 1, `faults were injected (${faults} of ${plans.length} runs)`)
    assert.ok(reopened >= 1, `the datastore reopened after a failed write (${reopened} runs)`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})

// the name published: the identity CID of no bytes, which needs no block
const VALUE = '/ipfs/bafkqaaa'

for (const offline of [true, false]) {
  test(`while a GC has released the block store's reserve, the ${offline ? 'offline' : 'online'} node's datastore takes no new records${offline ? '; once there is room it does' : ''}`, async () => {
    const disk = await mountTmpfs('64m')
    const repoPath = join(disk.path, 'repo')
    let node: CairnNode | undefined
    try {
      await initRepo(repoPath, { profile: 'test' })
      node = await createNode({ repoPath, offline })
      const publish = async (): Promise<{ name: string }> => node!.name.publish(VALUE, { allowOffline: true, signal: AbortSignal.timeout(20_000) })
      // online, a publication also goes to the DHT, which this lone node cannot reach: the record
      // is kept before anything leaves, so a refusal comes first; acceptance is checked offline
      if (offline) await publish()
      await disk.fill()
      // GC on the full disk releases the block store's reserve for its own commits
      for await (const _ of node.repo.gc()) { /* nothing to remove */ }
      assert.is((await stat(join(repoPath, 'blocks', 'reserve'))).size, 0, 'GC released the block store\'s reserve')
      const refused = await publish().then(() => undefined, (err: Error & { code?: string }) => err)
      assert.is(refused?.code, 'ERR_NO_SPACE', `refused: ${refused?.message}`)
      assert.match(refused?.message ?? '', /^storage full: .*reserve .*datastore takes no new records/)
      await disk.drain()
      if (!offline) return
      const published = await publish()
      assert.is(await node.name.resolve(published.name, { signal: AbortSignal.timeout(10_000) }), VALUE)
    } finally {
      await node?.stop().catch(() => {})
      await disk.unmount()
    }
  })
}

test.run()
