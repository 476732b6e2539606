/**
 * A pin walk SIGKILLed in the middle, in a real child process: the store holds the walk's marker,
 * no half pin is ever visible, and the first pin operation (or GC) after reopening completes the
 * walk, leaving counts exactly as an uninterrupted walk would.
 *
 * The first test is the proof at scale: a DAG of 500,000 tiny raw leaves (502,891 blocks)
 * pinned with the default batch size, killed a fifth of the way. The others kill a release and a pin update on smaller DAGs
 * with small batches, which exercises the same code in the other phases.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { PREFIX_COUNT, PREFIX_HOLE, PREFIX_QUEUE, decodeCount, prefixRange } from '../src/encoding.ts'
import { PIN_WALK_KEY } from '../src/pin-walk.ts'
import { collect, pseudoRandom, rawBlock, tempDir } from './fixtures/blocks.ts'
import { putWideDag } from './fixtures/wide-dag.ts'
import type { CairnBlockstore } from '../src/index.ts'
import type { WideDag } from './fixtures/wide-dag.ts'
import type { Level } from 'level'

const test = suite('pin-crash')
const CHILD_TIMEOUT_MS = 120_000

/** Runs one pin operation in a child and SIGKILLs it once it reports `killAt` nodes walked */
async function killMidway (path: string, batch: number, args: string[], killAt: number): Promise<number> {
  const child = spawn(process.execPath, [
    '--conditions=development', join(import.meta.dirname, 'fixtures', 'pin-writer.ts'), path, String(batch), ...args
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CAIRN_PIN_WRITER_HALT_AT: String(killAt) } })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  let progress = 0
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pin writer did not reach ${killAt} in time: ${stderr}`)), CHILD_TIMEOUT_MS)
      let buffered = ''
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        for (const line of lines) {
          const m = /^progress (\d+)$/.exec(line)
          if (m != null) progress = Number(m[1])
        }
        if (progress >= killAt) {
          clearTimeout(timer)
          child.kill('SIGKILL')
          resolve()
        }
      })
      child.on('exit', code => { clearTimeout(timer); reject(new Error(`pin writer exited with ${code} before the kill (progress ${progress}): ${stderr}`)) })
    })
  } finally {
    child.kill('SIGKILL')
  }
  await new Promise<void>(resolve => { if (child.exitCode != null || child.signalCode != null) resolve(); else child.on('exit', () => resolve()) })
  assert.is(child.signalCode, 'SIGKILL', 'the writer was killed, not finished')
  return progress
}

const dbOf = (store: CairnBlockstore): Level<Uint8Array, Uint8Array> => (store as unknown as { db: Level<Uint8Array, Uint8Array> }).db

async function walkPhase (store: CairnBlockstore): Promise<string | undefined> {
  const value = await dbOf(store).get(PIN_WALK_KEY)
  return value == null ? undefined : JSON.parse(new TextDecoder().decode(value)).phase
}

/** Every count in the index: how many nodes are roots of one pin, how many have one parent, and anything else */
async function countSummary (store: CairnBlockstore): Promise<{ roots: number, children: number, other: number }> {
  const out = { roots: 0, children: 0, other: 0 }
  for await (const value of dbOf(store).values(prefixRange(PREFIX_COUNT))) {
    const { roots, parents } = decodeCount(value)
    if (roots === 1 && parents === 0) out.roots++
    else if (roots === 0 && parents === 1) out.children++
    else out.other++
  }
  return out
}

async function assertNoWalkState (store: CairnBlockstore): Promise<void> {
  assert.is(await walkPhase(store), undefined, 'no walk marker left')
  for (const prefix of [PREFIX_QUEUE, PREFIX_HOLE]) {
    assert.equal(await collect(dbOf(store).keys({ ...prefixRange(prefix), limit: 1 })), [], `no ${String.fromCharCode(prefix)} keys left`)
  }
}

async function buildStore (path: string, dags: Array<{ leaves: number, seed: number }>): Promise<WideDag[]> {
  const store = await createBlockstore({ path })
  try {
    const out: WideDag[] = []
    for (const { leaves, seed } of dags) out.push(await putWideDag(store, leaves, seed))
    return out
  } finally {
    await store.close()
  }
}

test('a pin of 500,000 blocks SIGKILLed midway: no half pin, completed on reopen, exact counts, GC keeps it whole', async () => {
  const dir = await tempDir('pin-crash-500k')
  try {
    const [dag] = await buildStore(dir.path, [{ leaves: 500_000, seed: 1 }])
    assert.ok(dag.blocks >= 500_000)
    const progress = await killMidway(dir.path, 8192, ['add', dag.root.toString(), 'big dag'], Math.floor(dag.blocks / 5))
    assert.ok(progress < dag.blocks, `killed midway (${progress} of ${dag.blocks})`)

    const store = await createBlockstore({ path: dir.path })
    try {
      assert.is(await walkPhase(store), 'add', 'the interrupted walk left its marker')
      // No half pin: the root is listed only once its whole DAG is counted, which the first pin
      // operation makes so by completing the walk
      assert.equal((await collect(store.pins.ls({ type: 'recursive' }))).map(e => `${e.cid.toString()} ${e.name}`), [`${dag.root.toString()} big dag`], 'the walk marker kept the name')
      await assertNoWalkState(store)
      assert.equal(await countSummary(store), { roots: 1, children: dag.blocks - 1, other: 0 }, 'each node counted exactly once')

      // GC over the whole repo keeps the DAG and removes exactly the unpinned blocks
      const loose = await Promise.all([1, 2, 3].map(async i => rawBlock(pseudoRandom(64, i))))
      await store.putBlocks(loose)
      const removed = (await collect(store.gc())).map(c => c.toString()).sort()
      assert.equal(removed, loose.map(b => b.cid.toString()).sort())
      assert.equal(await store.stats().then(s => s.blocks), dag.blocks)
    } finally {
      await store.close()
    }
  } finally {
    await dir.remove()
  }
})

test('a release SIGKILLed midway: the pin is gone at once, the release completes on reopen', async () => {
  const dir = await tempDir('pin-crash-rm')
  try {
    const [dag] = await buildStore(dir.path, [{ leaves: 6_000, seed: 2 }])
    let store = await createBlockstore({ path: dir.path })
    await store.pins.add(dag.root)
    await store.close()
    await killMidway(dir.path, 64, ['rm', dag.root.toString()], Math.floor(dag.blocks / 3))
    store = await createBlockstore({ path: dir.path })
    try {
      assert.is(await walkPhase(store), 'release')
      assert.equal(await collect(store.pins.ls()), [])
      await assertNoWalkState(store)
      assert.equal(await countSummary(store), { roots: 0, children: 0, other: 0 })
      assert.is((await collect(store.gc())).length, dag.blocks)
    } finally {
      await store.close()
    }
  } finally {
    await dir.remove()
  }
})

test('a pin update SIGKILLed while adding the new root: reopening completes it, old root released', async () => {
  const dir = await tempDir('pin-crash-update')
  try {
    const [from, to] = await buildStore(dir.path, [{ leaves: 2_000, seed: 3 }, { leaves: 6_000, seed: 4 }])
    let store = await createBlockstore({ path: dir.path })
    await store.pins.add(from.root)
    await store.close()
    await killMidway(dir.path, 64, ['update', from.root.toString(), to.root.toString()], Math.floor(to.blocks / 3))
    store = await createBlockstore({ path: dir.path })
    try {
      assert.is(await walkPhase(store), 'add')
      // GC is a pin operation too: it completes the walk before it looks at the counts
      assert.is((await collect(store.gc())).length, from.blocks)
      await assertNoWalkState(store)
      assert.equal((await collect(store.pins.ls({ type: 'recursive' }))).map(e => e.cid.toString()), [to.root.toString()])
      assert.equal(await countSummary(store), { roots: 1, children: to.blocks - 1, other: 0 })
    } finally {
      await store.close()
    }
  } finally {
    await dir.remove()
  }
})

test.run()
