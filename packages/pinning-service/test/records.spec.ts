/**
 * The pin request store through a full disk (issue 11): after a write fails, nothing more is
 * acknowledged until it has reopened and re-read its requests; what memory lists is what the disk
 * took; every acknowledged request survives a restart. A real LevelDB on a small tmpfs (mounted
 * here as root, as CI runs, and unmounted after).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, open, rm, rmdir, statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { openRequestStore } from '../src/records.ts'
import type { RequestRecord } from '../src/records.ts'

const test = suite('request store')
const run = promisify(execFile)

const record = (i: number): RequestRecord => ({
  requestid: `req-${i}`,
  token: 't',
  created: i,
  status: 'queued',
  pin: { cid: 'bafkqaaa', name: 'x'.repeat(3000) },
  key: `k${i}`
})

test('after a write fails with ENOSPC, writes are refused until the store reopened; every acknowledged request survives a restart', async () => {
  const mount = await mkdtemp(join(tmpdir(), 'cairn-requests-'))
  await run('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount])
  const path = join(mount, 'requests')
  const free = async (): Promise<number> => { const s = await statfs(mount); return s.bavail * s.bsize }
  try {
    let store = await openRequestStore(path)
    const acked = new Set<string>()
    for (let i = 0; i < 20; i++) { await store.put(record(i)); acked.add(`req-${i}`) }
    // fill the disk, leaving a little room for the log
    const fh = await open(join(mount, 'ballast'), 'w')
    try {
      const chunk = new Uint8Array(64 * 1024)
      for (let room = await free() - 128 * 1024; room > 0; room = await free() - 128 * 1024) await fh.write(chunk, 0, Math.min(chunk.byteLength, room))
    } finally {
      await fh.close()
    }
    let failed: Error | undefined
    let refused = 0
    for (let i = 20; i < 200; i++) {
      try {
        await store.put(record(i))
        assert.ok(failed == null, `request ${i} acknowledged after a failed write`)
        acked.add(`req-${i}`)
      } catch (err) {
        if ((err as Error).name === 'Assertion') throw err
        failed ??= err as Error
        assert.is((err as { code?: string }).code, 'ERR_NO_SPACE', (err as Error).message)
        assert.not.ok(store.records.has(`req-${i}`), 'a refused request is not listed')
        refused++
      }
    }
    assert.ok(failed != null && refused > 1, `the disk filled, and writes after the failure were refused (${refused})`)
    assert.equal(new Set(store.records.keys()), acked, 'memory lists what the disk took')
    await rm(join(mount, 'ballast'))
    // space is back: the store reopens (once a second at most after a failed try) and takes writes
    const deadline = Date.now() + 10_000
    for (let i = 200, after = 0; after < 20; i++) {
      try {
        await store.put(record(i))
        acked.add(`req-${i}`)
        after++
      } catch (err) {
        if (Date.now() > deadline) throw err
        await new Promise(resolve => setTimeout(resolve, 100))
      }
    }
    await store.close()
    store = await openRequestStore(path)
    try {
      // (a write that failed may or may not have landed: only the acknowledged ones are owed)
      const lost = [...acked].filter(id => !store.records.has(id))
      assert.equal(lost, [], `${lost.length} of ${acked.size} acknowledged requests lost on restart`)
    } finally {
      await store.close()
    }
  } finally {
    await run('umount', [mount]).catch(() => {})
    await rmdir(mount).catch(() => {})
  }
})

test('a status change queued behind a delete does not bring the request back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-requests-order-'))
  try {
    let store = await openRequestStore(join(dir, 'requests'))
    await store.put(record(1))
    // the service's pattern: a DELETE and the worker's status change, issued in that order at once
    const [, updated] = await Promise.all([store.del('req-1'), store.update('req-1', { status: 'pinned' })])
    assert.is(updated, undefined, 'the update saw the request gone')
    assert.not.ok(store.records.has('req-1'))
    await store.close()
    store = await openRequestStore(join(dir, 'requests'))
    assert.not.ok(store.records.has('req-1'), 'nothing came back on disk either')
    // an update of a request still there lands, in memory and on disk
    await store.put(record(2))
    const next = await store.update('req-2', { status: 'pinning' })
    assert.is(next?.status, 'pinning')
    await store.close()
    store = await openRequestStore(join(dir, 'requests'))
    assert.is(store.records.get('req-2')?.status, 'pinning')
    await store.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test.run()
