/**
 * What the store syncs of LevelDB's logs before a synced write (ledger.ts `#syncLogs`): every log
 * written since it was last durable, and only those. Counted by the LevelDB fault layer
 * (`fixtures/level-faults.c`, counting only) in a child process (`fixtures/log-sync-worker.ts`).
 * level-power-loss.spec checks that what is acknowledged survives a cut; this checks the cost.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { tempDir } from './fixtures/blocks.ts'
import { buildFaultLayer, countsOf, planEnv } from './fixtures/level-faults.ts'

const WORKER = join(import.meta.dirname, 'fixtures', 'log-sync-worker.ts')
const ROUNDS = 20

async function syncsOf (mode: 'idle' | 'writes'): Promise<number> {
  const library = await buildFaultLayer()
  const dir = await tempDir(`log-sync-${mode}`)
  try {
    const report = `${dir.path}.report`
    const arm = `${dir.path}.armed`
    const env = { ...process.env, ...planEnv(library, { dir: join(dir.path, 'index'), ops: [], at: 0, errno: 'EIO', report, arm }) }
    const child = spawn(process.execPath, ['--conditions=development', WORKER, dir.path, arm, mode, String(ROUNDS)], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    if (code !== 0) throw new Error(`worker failed (${code}): ${stderr}`)
    return countsOf(await readFile(report, 'utf8')).sync
  } finally {
    await dir.remove()
  }
}

test('a synced write syncs a log written since it was last durable, and skips one nothing was written to', async () => {
  const writes = await syncsOf('writes')
  const idle = await syncsOf('idle')
  process.stdout.write(`index syncs for ${ROUNDS} sync() calls: ${writes} with a write before each, ${idle} with none\n`)
  // each round: the log the unsynced write went to is synced first (the power-loss guarantee),
  // then LevelDB syncs it again with the batch
  assert.ok(writes >= 2 * ROUNDS, `${writes} syncs for ${ROUNDS} rounds that each wrote first`)
  // nothing written since the last synced batch: only LevelDB's own sync of each batch
  assert.ok(idle <= ROUNDS + 4, `${idle} syncs for ${ROUNDS} rounds with nothing written between them`)
})

test.run()
