/**
 * The default backend's caches of verified blocks and resolved paths, over a real node's store:
 * repeated requests stop reading the store, a block whose bytes do not match its CID is never
 * kept or served, and a cache of 0 bytes keeps nothing.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, TEST_PROFILE } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import type { AbortOptions, BlockGetter } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { createNodeBackend } from '../src/node-backend.ts'

interface Ctx { node: CairnNode, repo: string, file: CID, dir: CID, small: Uint8Array }

const test = suite<Ctx>('gateway: the default backend caches verified blocks and resolved paths')

/** The node's own getter, counting reads and optionally flipping a byte of what it returns */
function counting (blocks: BlockGetter, tamper = false): BlockGetter & { reads: number } {
  const getter = {
    reads: 0,
    async getBlock (cid: CID, options?: AbortOptions): Promise<Uint8Array> {
      getter.reads++
      const bytes = await blocks.getBlock(cid, options)
      if (!tamper) return bytes
      const bad = Uint8Array.from(bytes)
      bad[bad.length - 1] ^= 0xff
      return bad
    }
  }
  return getter
}

test.before(async ctx => {
  ctx.repo = await mkdtemp(join(tmpdir(), 'cairn-node-backend-'))
  ctx.node = await createNode({ repoPath: ctx.repo, offline: true, initIfMissing: true, config: TEST_PROFILE })
  ctx.small = new Uint8Array(1024).map((_, i) => (i * 7) % 256)
  for await (const r of ctx.node.add([{ path: '', content: ctx.small }], { cidVersion: 1 })) ctx.file = r.cid
  // CIDv0: the file is a dag-pb node whose UnixFS data holds the bytes
  for await (const r of ctx.node.add([{ path: 'site/a.bin', content: ctx.small }, { path: 'site/b.txt', content: new TextEncoder().encode('b\n') }])) ctx.dir = r.cid
})

test.after(async ctx => {
  await ctx.node?.stop()
  await rm(ctx.repo, { recursive: true, force: true })
})

test('a one-block file comes back with its content; repeats read nothing from the store', async ({ node, file, dir, small }) => {
  const blocks = counting(node.blocks)
  const backend = createNodeBackend({ ...node, blocks } as never)
  for (const [root, segments] of [[file, []], [dir, ['a.bin']]] as const) {
    const first = await backend.resolvePath(root, [...segments])
    assert.ok(first.content != null && Buffer.from(first.content).equals(small), `${root}/${segments.join('/')}`)
    const reads = blocks.reads
    for (let i = 0; i < 5; i++) {
      const again = await backend.resolvePath(root, [...segments])
      assert.ok(Buffer.from(again.content!).equals(small))
      assert.equal(again.roots.map(String), first.roots.map(String))
    }
    assert.is(blocks.reads, reads, 'served from the caches')
  }
  // a directory has no content; a multi-block file neither (it streams)
  assert.is((await backend.resolvePath(dir, [])).content, undefined)
})

test('bytes that do not match their CID are never kept nor served', async ({ node, file, dir }) => {
  const backend = createNodeBackend({ ...node, blocks: counting(node.blocks, true) } as never)
  for (const [root, segments] of [[file, []], [dir, ['a.bin']]] as const) {
    try {
      await backend.resolvePath(root, [...segments])
      assert.unreachable('tampered bytes were accepted')
    } catch (err) {
      assert.is((err as Error).name, 'HashMismatchError')
    }
  }
})

test('caches of 0 keep nothing: every request reads the store again', async ({ node, file }) => {
  const blocks = counting(node.blocks)
  const backend = createNodeBackend({ ...node, blocks } as never, { blockCacheBytes: 0, pathCacheEntries: 0 })
  await backend.resolvePath(file, [])
  const reads = blocks.reads
  await backend.resolvePath(file, [])
  assert.ok(blocks.reads > reads)
})

test.run()
