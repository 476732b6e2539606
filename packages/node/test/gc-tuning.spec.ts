/**
 * tuneGarbageCollector() must change how V8 collects, measurably: a process allocating 768 MiB
 * of block-sized ArrayBuffers (256 MiB of them kept) runs far fewer major GCs once tuned. Each
 * case is its own child process, since V8 flags are process-wide.
 */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { supportsGcTuning } from '../src/gc-tuning.ts'

const run = promisify(execFile)
const FIXTURE = resolve(import.meta.dirname, 'fixtures/gc-churn.ts')

async function majorGcs (mode: 'tuned' | 'plain'): Promise<number> {
  const { stdout } = await run(process.execPath, [FIXTURE, mode], { timeout: 60_000 })
  const result = JSON.parse(stdout) as { major: number, keptBytes: number }
  assert.is(result.keptBytes, 256 * 1024 * 1024)
  return result.major
}

const gc = suite('tuneGarbageCollector')

gc('external memory no longer sets off a major GC every 64 MiB', async () => {
  const [plain, tuned] = await Promise.all([majorGcs('plain'), majorGcs('tuned')])
  assert.ok(plain >= 4, `untuned V8 collects on external memory growth (${plain} major GCs)`)
  assert.ok(tuned * 2 <= plain, `tuned: ${tuned} major GCs, untuned: ${plain}`)
})

gc('only a V8 that knows the flag is given it: Node 20 and 22 print "unrecognized flag" otherwise', () => {
  assert.ok(supportsGcTuning(), `this V8 (${process.versions.v8}) is Node 24's or later`)
  assert.ok(supportsGcTuning('13.6.233.10-node.28'), 'Node 24.0')
  assert.ok(supportsGcTuning('14.1.146.11-node.12'))
  assert.not.ok(supportsGcTuning('12.4.254.21-node.33'), 'Node 22')
  assert.not.ok(supportsGcTuning('11.3.244.8-node.33'), 'Node 20')
  assert.not.ok(supportsGcTuning('13.5.1'))
})

gc.run()
