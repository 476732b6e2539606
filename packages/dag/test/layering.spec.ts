/**
 * @cairn/dag takes any block getter and putter: it must load and work on a machine without
 * LevelDB. A child process with `level` made unresolvable imports it and round-trips a file.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const FIXTURES = join(import.meta.dirname, 'fixtures')
/** One child process loading the library on a loaded 2-core machine */
const CHILD_TIMEOUT_MS = 60_000

test('@cairn/dag loads and imports/cats with `level` unresolvable; @cairn/blockstore cannot', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--conditions=development', '--import', join(FIXTURES, 'without-level.ts'), join(FIXTURES, 'load-without-level.ts')
  ], { timeout: CHILD_TIMEOUT_MS, cwd: join(import.meta.dirname, '..') })
  const report = JSON.parse(stdout)
  assert.is(report.dagError, undefined, String(report.dagError))
  // the CID is Kubo's for these bytes (ipfs_cid agrees)
  assert.equal(report.dag, { cid: 'QmPJpvy5E6y7jZ7UiqhkhgmLhSJEz7MiBzKrxfcg8fRuNZ', text: 'no LevelDB here\n' })
  assert.is(report.blockstore, 'ERR_MODULE_NOT_FOUND', 'the hook does hide level: the store cannot load')
  const modules = report.modules as string[]
  assert.ok(modules.some(u => u.includes('/packages/dag/src/')), 'the module list is recorded')
  const store = modules.filter(u => /\/(level|classic-level|abstract-level|packages\/blockstore)\//.test(u))
  assert.equal(store, [], 'nothing of LevelDB or the store is loaded by @cairn/dag')
})

test.run()
