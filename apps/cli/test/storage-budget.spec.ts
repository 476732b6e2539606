/**
 * The storage budget through the real CLI and daemon (issue 19): with `Datastore.StorageMax` set,
 * unpinned adds flow through without the repo passing it (least recently used blocks evicted), a
 * pinned add that does not fit fails with one `Error: storage full: ...` line and exit 4, through
 * the daemon and offline, the RPC answers 507 with Kubo's JSON error, and the repo verifies.
 * Then the disk fills before the budget does (a small tmpfs, mounted here as root as CI runs, and
 * unmounted after): ENOSPC gives the same kind of clean error and the repo verifies.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, open, rm, rmdir, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

const test = suite('storage budget')
const run = promisify(execFile)
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']
// Kubo's units: 1MB is 1,000,000 bytes
const MAX = 1_000_000

function assertStorageFull (r: { code: number | null, err: string }, where: string, why = /Datastore\.StorageMax/): void {
  assert.is(r.code, 4, `${where}: exit 4 (repo), stderr ${r.err}`)
  const lines = r.err.trimEnd().split('\n')
  assert.is(lines.length, 1, `${where}: one line, got ${JSON.stringify(r.err)}`)
  assert.match(lines[0], /^Error: storage full: /)
  assert.match(lines[0], why)
}

async function freeBytes (path: string): Promise<number> {
  const s = await statfs(path)
  return s.bavail * s.bsize
}

/** Writes ballast until only about `leave` bytes are free */
async function fillDisk (file: string, leave: number): Promise<void> {
  const fh = await open(file, 'w')
  const chunk = new Uint8Array(256 * 1024)
  try {
    for (;;) {
      const room = await freeBytes(file.slice(0, file.lastIndexOf('/'))) - leave
      if (room <= 0) return
      await fh.write(chunk, 0, Math.min(chunk.byteLength, room))
    }
  } finally {
    await fh.close()
  }
}

test('StorageMax enforced: unpinned adds flow through under it, a pinned add that does not fit fails cleanly (CLI line, 507)', async () => {
  const work = await mkdtemp(join(tmpdir(), 'cairn-budget-'))
  const repo = join(work, 'repo')
  let daemon: Daemon | undefined
  try {
    await ok(['init', '--profile=test'], { repo })
    await ok(['config', 'Datastore.StorageMax', '1MB'], { repo })
    const files: string[] = []
    for (let i = 0; i < 6; i++) {
      files.push(join(work, `f${i}`))
      await writeFile(files[i], randomBytes(i < 4 ? 400_000 : 600_000))
    }
    daemon = await startDaemon(repo, LISTEN)

    // 1.6 MB of unpinned adds through a 1 MB budget
    for (const file of files.slice(0, 4)) {
      await ok(['add', '-q', '--pin=false', file], { repo })
      const stat = JSON.parse((await ok(['repo', 'stat', '--enc=json'], { repo })).out)
      assert.is(stat.StorageMax, MAX)
      assert.is(stat.StorageGCWatermark, 90)
      assert.ok(stat.RepoSize <= MAX, `RepoSize ${stat.RepoSize} is within StorageMax`)
    }
    // usage against the budget, through the daemon
    const text = (await ok(['repo', 'stat'], { repo })).out
    const used = /\nStorageUsed: +(\d+\.\d\d)%\n/.exec(text)
    assert.ok(used != null && Number(used[1]) > 0 && Number(used[1]) <= 100, text)
    assert.match(text, /\nGCWatermark: +90% \(900000\)\n/)
    // a pinned add evicts unpinned blocks to fit
    const kept = (await ok(['add', '-q', files[4]], { repo })).out.trim()
    // the next one cannot fit beside it: pinned data alone would pass the budget
    assertStorageFull(await cairn(['add', '-q', files[5]], { repo }), 'through the daemon')

    // the RPC: 507 Insufficient Storage with Kubo's error JSON
    const form = new FormData()
    form.append('file', new Blob([randomBytes(600_000)]), 'big')
    const api = daemon.apiMultiaddr.split('/')
    const res = await fetch(`http://${api[2]}:${api[4]}/api/v0/add`, { method: 'POST', body: form, signal: AbortSignal.timeout(30_000) })
    assert.is(res.status, 507)
    const body = await res.json() as { Message: string, Code: number, Type: string }
    assert.is(body.Type, 'error')
    assert.is(body.Code, 0)
    assert.match(body.Message, /^storage full/)

    const metrics = await (await fetch(`http://${api[2]}:${api[4]}/debug/metrics/prometheus`, { signal: AbortSignal.timeout(30_000) })).text()
    assert.match(metrics, /^cairn_storage_max_bytes 1000000$/m)
    assert.match(metrics, /^cairn_storage_evictions_total [1-9]/m)
    assert.match(metrics, /^cairn_storage_full_errors_total [2-9]/m)
    assert.is(await daemon.stop(), 0)
    daemon = undefined

    // offline: the same one line
    assertStorageFull(await cairn(['add', '-q', files[5]], { repo }), 'offline')
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    const back = await ok(['cat', kept], { repo })
    assert.is(back.stdout.byteLength, 600_000)
    const stat = JSON.parse((await ok(['repo', 'stat', '--enc=json'], { repo })).out)
    assert.ok(stat.RepoSize <= MAX, `RepoSize ${stat.RepoSize} is within StorageMax`)
  } finally {
    await daemon?.stop()
    await rm(work, { recursive: true, force: true })
  }
})

test('the disk fills before StorageMax: ENOSPC is one clean line, exit 4 and 507 too, and the repo verifies', async () => {
  const work = await mkdtemp(join(tmpdir(), 'cairn-budget-disk-'))
  const mount = join(work, 'mnt')
  await mkdir(mount)
  await run('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount])
  const repo = join(mount, 'repo')
  let daemon: Daemon | undefined
  try {
    await ok(['init', '--profile=test'], { repo })
    // the default budget (Kubo's 10GB) is far above this disk: the disk is what fills
    const before = JSON.parse((await ok(['repo', 'stat', '--enc=json'], { repo })).out)
    assert.ok(before.StorageMax > 64 * 1024 * 1024, `StorageMax ${before.StorageMax} is above the disk`)
    const keptBytes = randomBytes(1_000_000)
    const keptFile = join(work, 'kept')
    await writeFile(keptFile, keptBytes)
    const big = join(work, 'big')
    await writeFile(big, randomBytes(24 * 1024 * 1024))
    daemon = await startDaemon(repo, LISTEN)
    const kept = (await ok(['add', '-q', keptFile], { repo })).out.trim()

    await fillDisk(join(mount, 'ballast'), 2 * 1024 * 1024)
    assertStorageFull(await cairn(['add', '-q', big], { repo, timeoutMs: 60_000 }), 'ENOSPC through the daemon', /no space left|disk is full/)
    const form = new FormData()
    form.append('file', new Blob([randomBytes(8 * 1024 * 1024)]), 'big')
    const api = daemon.apiMultiaddr.split('/')
    const res = await fetch(`http://${api[2]}:${api[4]}/api/v0/add`, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) })
    assert.is(res.status, 507)
    const body = await res.json() as { Message: string, Code: number, Type: string }
    assert.is(body.Type, 'error')
    assert.is(body.Code, 0)
    assert.match(body.Message, /^storage full: /)
    // reads go on on the full disk, and the repo verifies there
    assert.ok((await ok(['cat', kept], { repo })).stdout.equals(keptBytes))
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    assert.is(await daemon.stop(), 0)
    daemon = undefined

    // offline: the same one line (the disk filled again: opening may release the store's 16 MiB
    // reserve file for room, as it is there to, so the file is larger than that)
    await fillDisk(join(mount, 'ballast-2'), 2 * 1024 * 1024)
    assertStorageFull(await cairn(['add', '-q', big], { repo, timeoutMs: 60_000 }), 'ENOSPC offline', /no space left|disk is full/)

    // space back: the repo verifies, GC reclaims what the failed adds left, adds work again,
    // nothing pinned was lost
    await rm(join(mount, 'ballast'))
    await rm(join(mount, 'ballast-2'))
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    await ok(['repo', 'gc'], { repo, timeoutMs: 60_000 })
    const again = (await ok(['add', '-q', big], { repo, timeoutMs: 60_000 })).out.trim()
    assert.match(again, /^Qm\w+$/)
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    assert.ok((await ok(['cat', kept], { repo })).stdout.equals(keptBytes), 'the pinned file reads back byte-exact')
    assert.ok((await ok(['pin', 'ls', '--type=recursive'], { repo })).out.includes(`${kept} recursive`))
  } finally {
    await daemon?.stop()
    await run('umount', [mount]).catch(() => {})
    await rmdir(mount).catch(() => {})
    await rm(work, { recursive: true, force: true })
  }
})

test.run()
