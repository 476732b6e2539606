/**
 * gc-tuning.ts: with the flag V8 no longer runs a full collection per 64 MiB of Buffers that die
 * young. Counted in real child processes from V8's own `--trace-gc` lines.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { applyGcTuning, gcTuningEnabled } from '../src/gc-tuning.ts'

const CHURN = resolve(import.meta.dirname, 'fixtures/buffer-churn.ts')

async function churn (tuning: 'on' | 'off'): Promise<{ applied: boolean, fullGcs: number }> {
  const env = { ...process.env, CAIRN_GC_TUNING: tuning === 'on' ? '' : 'off' }
  const { stdout } = await promisify(execFile)(process.execPath, ['--trace-gc', CHURN], { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 })
  const lines = stdout.trim().split('\n')
  const fullGcs = lines.filter(l => / Mark-Compact /.test(l)).length
  const result = lines.find(l => l.startsWith('{'))
  if (result == null) throw new Error(`no result line from the child:\n${stdout.slice(-2000)}`)
  return { applied: JSON.parse(result).applied, fullGcs }
}

test('1 GiB of short-lived Buffers: about one full GC per 64 MiB by default, a few with the tuning', async () => {
  const off = await churn('off')
  const on = await churn('on')
  process.stdout.write(`full GCs for 1 GiB of Buffers: ${off.fullGcs} by default, ${on.fullGcs} tuned\n`)
  assert.is(off.applied, false)
  assert.is(on.applied, true)
  // V8's default: a full collection each time ~64 MiB of off-heap memory was allocated (16 here)
  assert.ok(off.fullGcs >= 8, `only ${off.fullGcs} full GCs by default: V8 changed how it paces them, and the tuning may be moot`)
  assert.ok(on.fullGcs <= off.fullGcs / 3, `${on.fullGcs} full GCs tuned against ${off.fullGcs} by default`)
})

test('the Buffer cap: garbage Buffers past it are collected by a full GC it starts', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [resolve(import.meta.dirname, 'fixtures/buffer-cap.ts')], { timeout: 60_000 })
  const r = JSON.parse(stdout.trim().split('\n').at(-1)!)
  assert.ok(r.timeout !== true, `Buffer memory still ${Math.round(r.after / 1048576)} MiB after 10 s (cap 32 MiB)`)
  assert.ok(r.before > 96 * 1024 * 1024, `only ${r.before} bytes of Buffers to begin with`)
  assert.ok(r.collections >= 1, 'the cap started no GC')
})

test('CAIRN_GC_TUNING=off|0|false turns it off; a Node before 24 (whose V8 lacks the flag) is left alone', () => {
  for (const v of ['off', 'OFF', '0', 'false']) assert.is(gcTuningEnabled({ CAIRN_GC_TUNING: v }), false, v)
  assert.is(gcTuningEnabled({}), true)
  assert.is(applyGcTuning({ CAIRN_GC_TUNING: 'off' }), undefined)
  assert.is(applyGcTuning({}, '20.20.2'), undefined)
})

test.run()
