/**
 * Issue 11's sequence, with a real daemon on a 64 MiB tmpfs (mounted here as root, as CI runs,
 * and unmounted after): a full disk fails adds, `repo gc` runs on the full disk and reclaims the
 * failed add, and after a SIGTERM the offline repo opens with zero bytes free, verifies clean,
 * runs GC, and the pinned file reads back byte-exact; a daemon starts with zero bytes free. Before the fix, index writes made after LevelDB hit ENOSPC were lost on restart
 * while GC's pack deletions were not, so the pin pointed into a deleted (later reused) pack.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, open, rm, rmdir, stat, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

const test = suite('full disk')
const run = promisify(execFile)
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

/** A held reserve file is at its full size (a released one is truncated to 0) */
const held = async (path: string, bytes: number): Promise<boolean> => stat(path).then(s => s.size === bytes, () => false)

async function freeBytes (path: string): Promise<number> {
  const s = await statfs(path)
  return s.bavail * s.bsize
}

/** Writes `bytes` of ballast (Infinity: until the disk is full) */
async function ballast (path: string, bytes: number): Promise<void> {
  const fh = await open(path, 'w')
  const chunk = new Uint8Array(1024 * 1024)
  let written = 0
  try {
    while (written < bytes) {
      const n = Math.min(chunk.byteLength, bytes - written)
      try {
        written += (await fh.write(chunk, 0, n)).bytesWritten
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOSPC' && bytes === Infinity) return
        throw err
      }
    }
  } finally {
    await fh.close()
  }
}

test('a full disk loses nothing pinned, and repo gc runs on it', async () => {
  const work = await mkdtemp(join(tmpdir(), 'cairn-full-disk-'))
  const mount = join(work, 'mnt')
  await run('mkdir', ['-p', mount])
  await run('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount])
  const repo = join(mount, 'repo')
  let daemon: Daemon | undefined
  try {
    await ok(['init', '--profile=test'], { repo })
    daemon = await startDaemon(repo, LISTEN)
    // a started daemon already holds both reserves: one still being written when the disk fills
    // would fail and give its bytes back, and the add below would find room
    assert.ok(await held(join(repo, 'blocks', 'reserve'), 16 * 1024 * 1024) && await held(join(repo, 'datastore.reserve'), 8 * 1024 * 1024), 'both reserves are on disk once the daemon is up')

    // 1. another file fills the disk; an add fails; that file is removed
    const small = join(work, 'small')
    await writeFile(small, randomBytes(1024 * 1024))
    await ballast(join(mount, 'fill'), Infinity)
    const failed = await cairn(['add', '-q', small], { repo })
    assert.not.match(failed.out, /Qm\w+/, `the add on a full disk acknowledged nothing: ${failed.out} ${failed.err}`)
    await rm(join(mount, 'fill'))

    // 2. a 256 KiB file is added (pinned) and reads back
    const file = join(work, 'f256')
    const bytes = randomBytes(256 * 1024)
    await writeFile(file, bytes)
    const cid = (await ok(['add', '-q', file], { repo })).out.trim()
    assert.match(cid, /^Qm\w+$/)
    assert.ok((await ok(['cat', cid], { repo })).stdout.equals(bytes))

    // 3. ballast, then an add larger than the space left fails on the full disk
    await ballast(join(mount, 'ballast'), await freeBytes(mount) - 6 * 1024 * 1024)
    const big = join(work, 'big')
    await writeFile(big, randomBytes(12 * 1024 * 1024))
    const bigAdd = await cairn(['add', '-q', big], { repo, timeoutMs: 120_000 })
    assert.ok(bigAdd.code !== 0 || bigAdd.out.trim() === '', `the large add failed: ${bigAdd.out}`)
    assert.ok(await freeBytes(mount) < 1024 * 1024, 'the failed add filled the disk')

    // 4. repo gc runs on the full disk (it releases the store's reserve) and reclaims the failed add
    const gc = await ok(['repo', 'gc'], { repo, timeoutMs: 60_000 })
    assert.ok(gc.out.trim().split('\n').length > 10, `GC removed the failed add's blocks: ${gc.out.length} bytes of output`)
    assert.ok(await freeBytes(mount) > 4 * 1024 * 1024, 'GC gave the space back')

    // 5. the ballast is removed; verify through the daemon; more content after the failures
    await rm(join(mount, 'ballast'))
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    const later = join(work, 'later')
    const laterBytes = randomBytes(300 * 1000)
    await writeFile(later, laterBytes)
    const laterCid = (await ok(['add', '-q', '--chunker=size-1024', later], { repo })).out.trim()

    // 6. SIGTERM
    assert.is(await daemon.stop(), 0)
    daemon = undefined

    // 7. offline, with zero bytes free, the repo opens for reading and for repo gc
    await ballast(join(mount, 'fill'), Infinity)
    assert.is(await freeBytes(mount), 0)
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    await ok(['repo', 'gc'], { repo })
    assert.ok((await ok(['cat', cid], { repo })).stdout.equals(bytes), 'the pinned 256 KiB file reads back byte-exact')
    const pins = (await ok(['pin', 'ls', '--type=recursive'], { repo })).out
    assert.ok(pins.includes(`${cid} recursive`), pins)
    await rm(join(mount, 'fill'))

    // 8. new bytes go to a new pack, never a reused number: verify stays clean
    await writeFile(small, randomBytes(1024 * 1024))
    await ok(['add', '-q', small], { repo })
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    assert.ok((await ok(['cat', laterCid], { repo })).stdout.equals(laterBytes), 'content added after the failures reads back')

    // 9. the daemon starts with zero bytes free: the block store's index and the node's datastore
    // each release their own reserve (`repo gc` first makes the store's again: there is room now)
    await ok(['repo', 'gc'], { repo })
    assert.ok(await held(join(repo, 'blocks', 'reserve'), 16 * 1024 * 1024) && await held(join(repo, 'datastore.reserve'), 8 * 1024 * 1024), 'both reserves are on disk')
    await ballast(join(mount, 'fill'), Infinity)
    assert.is(await freeBytes(mount), 0)
    daemon = await startDaemon(repo, LISTEN)
    assert.ok((await ok(['cat', cid], { repo })).stdout.equals(bytes), 'the daemon started on the full disk serves the pinned file')
    assert.match((await ok(['repo', 'verify'], { repo })).out, /verify complete, all blocks validated/)
    assert.is(await daemon.stop(), 0)
    daemon = undefined
  } finally {
    await daemon?.stop()
    await run('umount', [mount]).catch(() => {})
    await rmdir(mount).catch(() => {})
    await rm(work, { recursive: true, force: true })
  }
})

test.run()
