/**
 * The settle step (heap-settle.ts) gives V8's freed pages back to the system, not only shrinks the
 * heap: a plain full GC after a burst shrinks V8's heap but leaves the freed pages resident (V8
 * pools them), so RSS stays where the burst left it. Measured in real child processes, as the
 * kernel counts RSS. Three children of up to 120 s each run one after the other: the runner's bound
 * sits above their sum, so a slow machine gets the spec's own message rather than a kill.
 * @timeout-ms 420000
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { mib, MIB } from './fixtures/load.ts'
import { heapSettleOptions } from '../src/heap-settle.ts'

const CHURN = resolve(import.meta.dirname, 'fixtures/heap-churn.ts')
const CHILD_TIMEOUT_MS = 120_000

interface Churn { start: number, burst: number, heapAfterBurst: number, settled: number, collections: number, duringBusy: number }

async function churn (mode: 'reduce' | 'plain' | 'busy', extraArgs: string[] = []): Promise<Churn> {
  const { stdout } = await promisify(execFile)(process.execPath, [...extraArgs, CHURN, mode, '30000'], { timeout: CHILD_TIMEOUT_MS })
  return JSON.parse(stdout.trim().split('\n').at(-1)!)
}

test('after a burst the settle step hands the freed heap pages back: RSS falls near where it started', async () => {
  const r = await churn('reduce')
  const grown = r.burst - r.start
  process.stdout.write(`settle step: RSS ${mib(r.start)} at start, ${mib(r.burst)} after the burst (heap ${mib(r.heapAfterBurst)}), ${mib(r.settled)} after ${r.collections} collection(s)\n`)
  // the burst must grow RSS well past what the check below allows, or this test proves nothing
  assert.ok(grown > 192 * MIB, `the burst grew RSS by only ${mib(grown)}`)
  assert.ok(r.collections >= 1, 'the settle step never collected')
  assert.ok(r.settled - r.start < grown / 3, `RSS ${mib(r.start)} at start, ${mib(r.burst)} after the burst, still ${mib(r.settled)} after settling`)
})

test('a plain full GC leaves the pages resident (what the settle step must do better than)', async () => {
  const r = await churn('plain', ['--expose-gc'])
  const grown = r.burst - r.start
  process.stdout.write(`plain GC: RSS ${mib(r.start)} at start, ${mib(r.burst)} after the burst, ${mib(r.settled)} after 3 full GCs\n`)
  assert.ok(grown > 192 * MIB, `the burst grew RSS by only ${mib(grown)}`)
  // if this fails, V8 now gives pooled pages back on its own and the settle step's reducing GC is no longer needed
  assert.ok(r.settled - r.start > grown / 2, `plain GCs took RSS from ${mib(r.burst)} to ${mib(r.settled)} (start ${mib(r.start)})`)
})

test('no settle GC while the event loop is busy; one once the burst is over', async () => {
  const r = await churn('busy')
  process.stdout.write(`busy: ${r.duringBusy} collection(s) during 3 s of churn, ${r.collections} after it; RSS ${mib(r.burst)} -> ${mib(r.settled)}\n`)
  assert.is(r.duringBusy, 0, 'the settle step collected while the loop was busy')
  assert.ok(r.collections >= 1, 'the settle step never collected after the burst')
})

test('CAIRN_HEAP_SETTLE_MAX_BUSY: a share from 0 to 1, anything else a clear error', () => {
  assert.equal(heapSettleOptions({}), {})
  assert.equal(heapSettleOptions({ CAIRN_HEAP_SETTLE_MAX_BUSY: '1' }), { maxUtilization: 1 })
  assert.equal(heapSettleOptions({ CAIRN_HEAP_SETTLE_MAX_BUSY: '0.25' }), { maxUtilization: 0.25 })
  for (const bad of ['2', '-0.1', 'busy', 'NaN']) {
    assert.throws(() => heapSettleOptions({ CAIRN_HEAP_SETTLE_MAX_BUSY: bad }), (err: Error) => err instanceof RangeError && err.message === `CAIRN_HEAP_SETTLE_MAX_BUSY must be a number from 0 to 1, got "${bad}"`)
  }
})

test.run()
