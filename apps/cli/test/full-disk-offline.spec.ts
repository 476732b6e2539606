/**
 * A full disk never locks the repo out, offline, through the real CLI as child processes on a
 * 64 MiB tmpfs (mounted here as root, as CI runs, and unmounted after): with zero bytes free an
 * offline `add` opens the repo by releasing a reserve file and fails cleanly (exit 4, `storage
 * full: `), and then offline `repo verify` and `repo gc` still open and work, and a daemon started
 * there answers an RPC add with 507; once space is back, adds work again and every pinned file
 * reads back byte-exact.
 *
 * Before the fix, the add's open released the block store's 16 MiB reserve and the add then wrote
 * its blocks into that room until the disk was full again, so the next offline command failed
 * with "cannot be opened: the disk is full" until space was freed elsewhere.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, open, readFile, rm, rmdir, stat, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

const test = suite('full disk offline')
const run = promisify(execFile)
const MiB = 1024 * 1024
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

async function freeBytes (path: string): Promise<number> {
  const s = await statfs(path)
  return s.bavail * s.bsize
}

const sizeOf = async (path: string): Promise<number> => stat(path).then(s => s.size, () => -1)

/** Writes ballast until the disk is full (page by page at the end: one write past it fails whole) */
async function fillDisk (file: string): Promise<void> {
  const fh = await open(file, 'w')
  const chunk = new Uint8Array(MiB)
  try {
    for (;;) {
      try {
        await fh.write(chunk, 0, Math.min(chunk.byteLength, Math.max(4096, await freeBytes(file.slice(0, file.lastIndexOf('/'))))))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return
        throw err
      }
    }
  } finally {
    await fh.close()
  }
}

test('offline on a full disk: a failed add leaves the repo open for verify and gc', async () => {
  const work = await mkdtemp(join(tmpdir(), 'cairn-full-offline-'))
  const mount = join(work, 'mnt')
  await run('mkdir', ['-p', mount])
  await run('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount])
  const repo = join(mount, 'repo')
  let daemon: Daemon | undefined
  try {
    await ok(['init', '--profile=test'], { repo })
    const pinned = new Map<string, Buffer>()
    const addPinned = async (bytes: Buffer, args: string[] = []): Promise<void> => {
      const file = join(work, `f${pinned.size}`)
      await writeFile(file, bytes)
      const cid = (await ok(['add', '-q', ...args, file], { repo, timeoutMs: 60_000 })).out.trim()
      assert.match(cid, /^Qm\w+$/)
      pinned.set(cid, bytes)
    }
    const readsBack = async (where: string): Promise<void> => {
      const pins = (await ok(['pin', 'ls', '--type=recursive'], { repo })).out
      for (const [cid, bytes] of pinned) {
        assert.ok(pins.includes(`${cid} recursive`), `${where}: ${cid} still pinned`)
        assert.ok((await ok(['cat', cid], { repo })).stdout.equals(bytes), `${where}: ${cid} reads back byte-exact`)
      }
    }
    await addPinned(randomBytes(MiB))
    await addPinned(randomBytes(300_000), ['--chunker=size-1024'])
    // the add made the store's reserve (16 MiB) beside its index
    assert.is(await sizeOf(join(repo, 'blocks', 'reserve')), 16 * MiB, 'the block store holds its reserve')

    // the disk fills: the offline add opens the repo (releasing a reserve to do so) and fails cleanly
    await fillDisk(join(mount, 'ballast'))
    assert.ok(await freeBytes(mount) < 64 * 1024, 'the disk is full')
    const big = join(work, 'big')
    await writeFile(big, randomBytes(20 * MiB))
    const failed = await cairn(['add', '-q', big], { repo, timeoutMs: 60_000 })
    assert.is(failed.code, 4, `the add on a full disk exits 4: ${failed.err}`)
    assert.match(failed.err, /^Error: storage full: .*reserve/)
    assert.is(failed.err.trimEnd().split('\n').length, 1, `one line: ${JSON.stringify(failed.err)}`)
    assert.is(failed.out.trim(), '', 'the failed add acknowledged nothing')

    // the next offline commands still open: verify, gc, reads, pin ls, another refused add
    assert.match((await ok(['repo', 'verify'], { repo, timeoutMs: 60_000 })).out, /verify complete, all blocks validated/)
    await ok(['repo', 'gc'], { repo, timeoutMs: 60_000 })
    await readsBack('on the full disk')
    const again = await cairn(['add', '-q', big], { repo, timeoutMs: 60_000 })
    assert.is(again.code, 4, `a second add on the full disk exits 4 too: ${again.err}`)
    assert.match(again.err, /^Error: storage full: .*reserve/)
    assert.match((await ok(['repo', 'verify'], { repo, timeoutMs: 60_000 })).out, /verify complete, all blocks validated/)

    // a daemon started meanwhile serves reads and refuses adds over the RPC with 507 and Kubo's JSON
    daemon = await startDaemon(repo, LISTEN)
    const form = new FormData()
    form.append('file', new Blob([randomBytes(4 * MiB)]), 'big')
    const api = daemon.apiMultiaddr.split('/')
    const res = await fetch(`http://${api[2]}:${api[4]}/api/v0/add`, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) })
    assert.is(res.status, 507)
    const body = await res.json() as { Message: string, Code: number, Type: string }
    assert.is(body.Type, 'error')
    assert.match(body.Message, /^storage full: .*reserve/)
    await readsBack('through the daemon on the full disk')
    assert.is(await daemon.stop(), 0)
    daemon = undefined
    assert.match((await ok(['repo', 'verify'], { repo, timeoutMs: 60_000 })).out, /verify complete, all blocks validated/)

    // space back: the reserve is made again, adds work, everything pinned reads back byte-exact
    await rm(join(mount, 'ballast'))
    await addPinned(await readFile(big))
    assert.is(await sizeOf(join(repo, 'blocks', 'reserve')), 16 * MiB, 'the block store holds its reserve again')
    await addPinned(randomBytes(2 * MiB))
    assert.match((await ok(['repo', 'verify'], { repo, timeoutMs: 60_000 })).out, /verify complete, all blocks validated/)
    await ok(['repo', 'gc'], { repo, timeoutMs: 60_000 })
    await readsBack('after space came back')
  } finally {
    await daemon?.stop()
    await run('umount', [mount]).catch(() => {})
    await rmdir(mount).catch(() => {})
    await rm(work, { recursive: true, force: true })
  }
})

test.run()
