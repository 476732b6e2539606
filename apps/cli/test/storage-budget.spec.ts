/**
 * The storage budget through the real CLI and daemon (issue 19): with `Datastore.StorageMax` set,
 * unpinned adds flow through without the repo passing it (least recently used blocks evicted), a
 * pinned add that does not fit fails with one `Error: storage full: ...` line and exit 4, through
 * the daemon and offline, the RPC answers 507 with Kubo's JSON error, and the repo verifies.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

const test = suite('storage budget')
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']
// Kubo's units: 1MB is 1,000,000 bytes
const MAX = 1_000_000

function assertStorageFull (r: { code: number | null, err: string }, where: string): void {
  assert.is(r.code, 4, `${where}: exit 4 (repo), stderr ${r.err}`)
  const lines = r.err.trimEnd().split('\n')
  assert.is(lines.length, 1, `${where}: one line, got ${JSON.stringify(r.err)}`)
  assert.match(lines[0], /^Error: storage full: .*Datastore\.StorageMax/)
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
      assert.ok(stat.RepoSize <= MAX, `RepoSize ${stat.RepoSize} is within StorageMax`)
    }
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

test.run()
