import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Level } from 'level'
import { createBlockstore } from '../src/index.ts'
import { encodeInline, blockKey } from '../src/encoding.ts'
import { collect, pseudoRandom, rawBlock, rejects, tempDir } from './fixtures/blocks.ts'

const test = suite('verify')

async function packs (root: string): Promise<string[]> {
  return (await readdir(join(root, 'packs'))).sort().map(name => join(root, 'packs', name))
}

test('verify on read catches a tampered body; verify() names every bad block', async () => {
  const dir = await tempDir('verify')
  const large = await rawBlock(pseudoRandom(50_000, 1))
  const small = await rawBlock(pseudoRandom(100, 2))
  const gone = await rawBlock(pseudoRandom(40_000, 3))
  const good = await rawBlock(pseudoRandom(100, 4))
  let store = await createBlockstore({ path: dir.path, verify: true })
  try {
    await store.putBlocks([large, small, good])
    assert.equal(await collect(store.verify()), [], 'a fresh store verifies clean')
    await store.close()

    // Tamper: replace the large block's body in its pack (same length), and the small block inside LevelDB
    const [pack] = await packs(dir.path)
    await writeFile(pack, pseudoRandom(50_000, 99))
    const db = new Level<Uint8Array, Uint8Array>(join(dir.path, 'index'), { keyEncoding: 'view', valueEncoding: 'view' })
    await db.put(blockKey(small.cid), encodeInline(small.cid, pseudoRandom(100, 98)))
    await db.close()

    store = await createBlockstore({ path: dir.path, verify: true })
    await store.putBlock(gone.cid, gone.bytes)
    assert.is((await packs(dir.path)).length, 2, 'a new session appends to a new pack')

    const err = await rejects(async () => store.getBlock(large.cid), 'HashMismatchError')
    assert.is(err.code, 'ERR_HASH_MISMATCH')
    await rejects(async () => store.getBlock(small.cid), 'HashMismatchError')
    assert.equal(await store.getBlock(good.cid), good.bytes)

    // Remove the second pack: its block is unreadable
    await store.close()
    await rm((await packs(dir.path))[1])
    store = await createBlockstore({ path: dir.path })
    const problems = (await collect(store.verify())).map(p => `${p.reason} ${p.cid}`).sort()
    assert.equal(problems, [
      `hash-mismatch ${large.cid}`, `hash-mismatch ${small.cid}`, `unreadable ${gone.cid}`
    ].sort())
    // Without verify on read too, a pack body is checked against its record's checksum: bad
    // bytes never leave the store
    await rejects(async () => store.getBlock(large.cid), 'HashMismatchError')
  } finally {
    await store.close()
    await dir.remove()
  }
})

test('with verify on, a put whose bytes do not match is refused and nothing is stored', async () => {
  const dir = await tempDir('verify-put')
  const store = await createBlockstore({ path: dir.path, verify: true })
  try {
    const a = await rawBlock(pseudoRandom(30_000, 5))
    const b = await rawBlock(pseudoRandom(30_000, 6))
    const err = await rejects(async () => store.putBlocks([a, { cid: b.cid, bytes: a.bytes }]), 'HashMismatchError')
    assert.is(err.code, 'ERR_HASH_MISMATCH')
    assert.not.ok(await store.hasBlock(a.cid), 'the batch is refused whole')
    assert.equal(await store.stats(), { blocks: 0, bytes: 0 })
    await rejects(async () => store.put(b.cid, a.bytes), 'HashMismatchError')
    assert.equal(await readdir(join(dir.path, 'packs')), [], 'no pack written')
  } finally {
    await store.close()
    await dir.remove()
  }
})

test.run()
