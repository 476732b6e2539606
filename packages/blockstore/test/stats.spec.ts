import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { collect, pseudoRandom, rawBlock, smallDag, tempDir } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'

const test = suite('stats')

/** The truth the counters must match: a full scan */
async function scan (store: CairnBlockstore): Promise<{ blocks: number, bytes: number }> {
  let blocks = 0
  let bytes = 0
  for await (const pair of store.getAll()) {
    blocks++
    for await (const chunk of pair.bytes) bytes += chunk.byteLength
  }
  return { blocks, bytes }
}

test('counters stay exact through puts, duplicate puts, deletes, GC and reopening', async () => {
  const dir = await tempDir('stats')
  let store = await createBlockstore({ path: dir.path, inlineBytesMax: 2048 })
  try {
    assert.equal(await store.stats(), { blocks: 0, bytes: 0 })
    const blocks = await Promise.all(Array.from({ length: 30 }, async (_, i) => rawBlock(pseudoRandom(100 + i * 200, i))))
    await store.putBlocks(blocks.slice(0, 20))
    await Promise.all(blocks.slice(10, 30).map(async b => store.putBlock(b.cid, b.bytes))) // 10 duplicates, concurrent
    await collect(store.putMany(blocks.slice(0, 5)))
    assert.equal(await store.stats(), await scan(store))
    assert.is((await store.stats()).blocks, 30)

    await Promise.all(blocks.slice(0, 8).map(async b => store.deleteBlock(b.cid)))
    await collect(store.deleteMany(blocks.slice(5, 10).map(b => b.cid)))
    assert.equal(await store.stats(), await scan(store))
    assert.is((await store.stats()).blocks, 20)

    const dag = await smallDag(50, 3, 3000)
    await store.putBlocks(dag.blocks)
    await store.pins.add(dag.root)
    const removed = await collect(store.gc())
    assert.is(removed.length, 20)
    assert.equal(await store.stats(), await scan(store))
    assert.is((await store.stats()).blocks, 4)

    await store.close()
    store = await createBlockstore({ path: dir.path })
    assert.equal(await store.stats(), await scan(store))
    assert.is((await store.stats()).blocks, 4)
  } finally {
    await store.close()
    await dir.remove()
  }
})

test.run()
