/**
 * A full disk never locks the node's datastore out (issue 11): it keeps a reserve file of its own
 * beside its folder, as the block store does beside its index, released when LevelDB cannot open
 * for want of room. A real node on a small tmpfs (mounted here as root, as CI runs, and unmounted
 * after): the disk fills after the block store opened, so only the datastore's own reserve can
 * make room for it.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, open, rm, rmdir, stat, statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createNode, initRepo } from '../src/index.ts'
import { DEFAULT_DATASTORE_RESERVE_BYTES } from '../src/constants.ts'
import { waitFor } from './fixtures/nodes.ts'
import type { CairnNode } from '../src/index.ts'

const test = suite('datastore reserve')
const run = promisify(execFile)
/** The reserve file is held at its full size; released, it is truncated to 0 (the mark others see) */
const held = async (path: string): Promise<boolean> => stat(path).then(s => s.size === DEFAULT_DATASTORE_RESERVE_BYTES, () => false)
const released = async (path: string): Promise<boolean> => stat(path).then(s => s.size === 0, () => false)

async function freeBytes (path: string): Promise<number> {
  const s = await statfs(path)
  return s.bavail * s.bsize
}

/** Writes to `path` until the disk is full */
async function fill (path: string): Promise<void> {
  const fh = await open(path, 'w')
  const chunk = new Uint8Array(64 * 1024)
  try {
    for (;;) {
      const room = await freeBytes(path.slice(0, path.lastIndexOf('/')))
      if (room === 0) return
      await fh.write(chunk, 0, Math.min(chunk.byteLength, room))
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
  } finally {
    await fh.close()
  }
}

// the name published: the identity CID of no bytes, which needs no block
const VALUE = '/ipfs/bafkqaaa'

test('the datastore opens with zero bytes free by releasing its own reserve, and names resolve', async () => {
  const work = await mkdtemp(join(tmpdir(), 'cairn-datastore-reserve-'))
  const mount = join(work, 'mnt')
  await run('mkdir', ['-p', mount])
  await run('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount])
  const repoPath = join(mount, 'repo')
  const reserve = join(repoPath, 'datastore.reserve')
  let node: CairnNode | undefined
  try {
    await initRepo(repoPath, { profile: 'test' })
    node = await createNode({ repoPath, offline: true })
    const published = await node.name.publish(VALUE, { allowOffline: true })
    await waitFor(async () => held(reserve), 10_000, 'the datastore reserve to be made once it opened')
    await node.stop()

    // the block store opens with room; then the disk fills before the datastore's first use
    node = await createNode({ repoPath, offline: true })
    await fill(join(mount, 'ballast'))
    assert.is(await freeBytes(mount), 0)
    assert.is(await node.name.resolve(published.name, { signal: AbortSignal.timeout(10_000) }), VALUE, 'the record reads back')
    assert.ok(await released(reserve), 'the datastore released its reserve to open')
    await node.stop()
    node = undefined

    // without a reserve to release (it is made again only once twice its size is free), the same
    // open on a full disk is refused with one clear line
    node = await createNode({ repoPath, offline: true })
    await fill(join(mount, 'ballast-2'))
    assert.ok(await released(reserve))
    const refused = await node.name.resolve(published.name, { signal: AbortSignal.timeout(10_000) }).then(() => undefined, (err: Error & { code?: string }) => err)
    assert.is(refused?.code, 'ERR_NO_SPACE', `refused: ${refused?.message}`)
    assert.match(refused?.message ?? '', /datastore .* the disk is full/)
    await node.stop()
    node = undefined
  } finally {
    await node?.stop().catch(() => {})
    await run('umount', [mount]).catch(() => {})
    await rmdir(mount).catch(() => {})
    await rm(work, { recursive: true, force: true })
  }
})

test.run()
