import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Level } from 'level'
import { createBlockstore } from '../src/index.ts'
import { encodeInline, blockKey } from '../src/encoding.ts'
import { collect, pseudoRandom, rawBlock, rejects, tempDir } from './fixtures/blocks.ts'

const test = suite('verify')

async function bodyPath (root: string): Promise<string> {
  for (const shard of await readdir(join(root, 'data'))) {
    for (const name of await readdir(join(root, 'data', shard))) return join(root, 'data', shard, name)
  }
  throw new Error('no body file')
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

    // Tamper: flip bytes of the large block's body (same length), and of the small block inside LevelDB
    await writeFile(await bodyPath(dir.path), pseudoRandom(50_000, 99))
    const db = new Level<Uint8Array, Uint8Array>(join(dir.path, 'index'), { keyEncoding: 'view', valueEncoding: 'view' })
    await db.put(blockKey(small.cid), encodeInline(small.cid, pseudoRandom(100, 98)))
    await db.close()

    store = await createBlockstore({ path: dir.path, verify: true })
    await store.putBlock(gone.cid, gone.bytes)
    const files = (await readdir(join(dir.path, 'data'), { recursive: true })).filter(f => f.includes('.'))
    assert.is(files.length, 2)

    const err = await rejects(async () => store.getBlock(large.cid), 'HashMismatchError')
    assert.is(err.code, 'ERR_HASH_MISMATCH')
    await rejects(async () => store.getBlock(small.cid), 'HashMismatchError')
    assert.equal(await store.getBlock(good.cid), good.bytes)

    // Remove the other body file: unreadable
    await store.close()
    for (const f of files) {
      const { stat } = await import('node:fs/promises')
      if ((await stat(join(dir.path, 'data', f))).size === 40_000) await rm(join(dir.path, 'data', f))
    }
    store = await createBlockstore({ path: dir.path })
    const problems = (await collect(store.verify())).map(p => `${p.reason} ${p.cid}`).sort()
    assert.equal(problems, [
      `hash-mismatch ${large.cid}`, `hash-mismatch ${small.cid}`, `unreadable ${gone.cid}`
    ].sort())
    // Without verify on read, the bad bytes come back as stored
    assert.equal(await store.getBlock(large.cid), pseudoRandom(50_000, 99))
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
    assert.equal(await readdir(join(dir.path, 'data')), [], 'no body file written')
  } finally {
    await store.close()
    await dir.remove()
  }
})

test.run()
