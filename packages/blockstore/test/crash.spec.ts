/**
 * Crash safety with a real child process: it writes blocks and pins (adds, unpins, pin updates,
 * deletes, GC) until it is SIGKILLed at an arbitrary point; the store must then open, pass
 * `verify()`, have exact counters and no pin with an incomplete DAG. Five rounds on the same store,
 * each child opening what the previous kill left behind.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Level } from 'level'
import { createBlockstore } from '../src/index.ts'
import { PREFIX_BLOCK, PREFIX_PACK, decodeBlockRecord, decodeStats, packIdOfKey, prefixRange } from '../src/encoding.ts'
import { collect, tempDir, walkDag } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'

const test = suite('crash')
const ROUNDS = 5
const CHILD_TIMEOUT_MS = 30_000

/** Runs the writer until it has pinned `atLeast` DAGs, waits `extraMs` more, then SIGKILLs it */
async function runAndKill (path: string, seed: number, atLeast: number, extraMs: number): Promise<number> {
  const child = spawn(process.execPath, [
    '--conditions=development', join(import.meta.dirname, 'fixtures', 'crash-writer.ts'), path, String(seed)
  ], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  let pinned = -1
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer made no progress: ${stderr}`)), CHILD_TIMEOUT_MS)
      let buffered = ''
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        for (const line of lines) {
          const m = /^pinned (\d+)$/.exec(line)
          if (m != null) pinned = Number(m[1])
        }
        if (pinned >= atLeast) {
          clearTimeout(timer)
          setTimeout(resolve, extraMs)
        }
      })
      child.on('exit', code => { clearTimeout(timer); reject(new Error(`writer exited with ${code} before the kill: ${stderr}`)) })
    })
  } finally {
    child.kill('SIGKILL')
  }
  await new Promise<void>(resolve => { if (child.exitCode != null || child.signalCode != null) resolve(); else child.on('exit', () => resolve()) })
  assert.is(child.signalCode, 'SIGKILL', 'the writer was killed, not finished')
  return pinned
}

async function scan (store: CairnBlockstore): Promise<{ blocks: number, bytes: number }> {
  let blocks = 0
  let bytes = 0
  for await (const pair of store.getAll()) {
    blocks++
    for await (const chunk of pair.bytes) bytes += chunk.byteLength
  }
  return { blocks, bytes }
}

/** Each pack's live counters equal what the block records say lives in it (read with the store closed) */
async function assertPackCounters (path: string, when: string): Promise<void> {
  const db = new Level<Uint8Array, Uint8Array>(join(path, 'index'), { keyEncoding: 'view', valueEncoding: 'view' })
  await db.open()
  try {
    const counted = new Map<number, string>()
    for await (const [key, value] of db.iterator(prefixRange(PREFIX_PACK))) {
      const { blocks, bytes } = decodeStats(value)
      if (blocks > 0) counted.set(packIdOfKey(key), `${blocks}/${bytes}`)
    }
    const sums = new Map<number, { blocks: number, bytes: number }>()
    for await (const value of db.values(prefixRange(PREFIX_BLOCK))) {
      const record = decodeBlockRecord(value)
      if (record.kind !== 'pack') continue
      const sum = sums.get(record.pack) ?? { blocks: 0, bytes: 0 }
      sum.blocks++
      sum.bytes += record.size
      sums.set(record.pack, sum)
    }
    assert.equal(counted, new Map([...sums].map(([id, sum]) => [id, `${sum.blocks}/${sum.bytes}`])), `${when}: pack counters`)
  } finally {
    await db.close()
  }
}

async function assertConsistent (store: CairnBlockstore, when: string): Promise<number> {
  assert.equal(await collect(store.verify()), [], `${when}: verify() finds nothing`)
  assert.equal(await store.stats(), await scan(store), `${when}: counters match a scan`)
  const recursive = await collect(store.pins.ls({ type: 'recursive' }))
  for (const { cid } of recursive) await walkDag(store, cid) // throws on a missing block
  return recursive.length
}

test('a SIGKILLed writer leaves a store that opens, verifies and has only complete pins', async () => {
  const dir = await tempDir('crash')
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const pinned = await runAndKill(dir.path, round + 1, 8 + round * 6, round * 7)
      assert.ok(pinned >= 0)
      await assertPackCounters(dir.path, `after kill ${round + 1}`)
      const store = await createBlockstore({ path: dir.path })
      try {
        const pins = await assertConsistent(store, `after kill ${round + 1}`)
        assert.ok(pins > 1, `round ${round + 1}: ${pins} recursive pins survived`)
        // GC after a crash: removes leftovers (including orphan bodies) and breaks no pin
        await collect(store.gc())
        assert.is(await assertConsistent(store, `after GC ${round + 1}`), pins)
      } finally {
        await store.close()
      }
    }
  } finally {
    await dir.remove()
  }
})

test.run()
