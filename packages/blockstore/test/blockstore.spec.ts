import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import * as dagPb from '@ipld/dag-pb'
import { identity } from 'multiformats/hashes/identity'
import { createBlockstore } from '../src/index.ts'
import { pbNode, pseudoRandom, rawBlock, tempDir } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'

interface Context { dir?: { path: string, remove: () => Promise<void> }, store?: CairnBlockstore }
const test = suite<Context>('blockstore')

test.before.each(async ctx => {
  ctx.dir = await tempDir('basic')
  ctx.store = await createBlockstore({ path: ctx.dir.path })
})

test.after.each(async ctx => {
  await ctx.store?.close()
  await ctx.dir?.remove()
})

test('put, get and has, small and large blocks', async ({ store }) => {
  const small = await rawBlock(pseudoRandom(100, 1))
  const large = await rawBlock(pseudoRandom(256 * 1024, 2))
  assert.not.ok(await store!.hasBlock(small.cid))
  await store!.putBlock(small.cid, small.bytes)
  await store!.putBlocks([large])
  assert.ok(await store!.hasBlock(small.cid))
  assert.ok(await store!.hasBlock(large.cid))
  assert.equal(await store!.getBlock(small.cid), small.bytes)
  assert.equal(await store!.getBlock(large.cid), large.bytes)
  assert.equal(await store!.stats(), { blocks: 2, bytes: 100 + 256 * 1024 })
})

test('sizeOf answers from the index: inline and packed bodies, identity CIDs, NotFoundError when absent', async ({ store }) => {
  const small = await rawBlock(pseudoRandom(100, 5))
  const large = await rawBlock(pseudoRandom(256 * 1024, 6))
  const node = await pbNode([large.cid], pseudoRandom(20_000, 7))
  await store!.putBlocks([small, large, node])
  const reads = store!.counters().reads
  assert.is(await store!.sizeOf(small.cid), 100)
  assert.is(await store!.sizeOf(large.cid), 256 * 1024)
  assert.is(await store!.sizeOf(node.cid), node.bytes.byteLength)
  assert.is(store!.counters().reads, reads, 'no body read')
  const bytes = new TextEncoder().encode('inline')
  assert.is(await store!.sizeOf(CID.createV1(0x55, identity.digest(bytes))), bytes.byteLength)
  const absent = await rawBlock(pseudoRandom(10, 8))
  const err = await store!.sizeOf(absent.cid).then(() => undefined, (e: Error & { code?: string }) => e)
  assert.is(err?.name, 'NotFoundError')
  assert.is(err?.code, 'ERR_NOT_FOUND')
})

test('concurrent puts of the same and of different blocks commit together and count once', async ({ store }) => {
  const same = await rawBlock(pseudoRandom(50_000, 70))
  const others = await Promise.all(Array.from({ length: 40 }, async (_, i) => rawBlock(pseudoRandom(i % 2 === 0 ? 100 : 30_000, 71 + i))))
  await Promise.all([
    ...Array.from({ length: 30 }, async () => store!.putBlock(same.cid, same.bytes)),
    ...others.map(async b => store!.putBlock(b.cid, b.bytes))
  ])
  const expectedBytes = 50_000 + others.reduce((n, b) => n + b.bytes.byteLength, 0)
  assert.equal(await store!.stats(), { blocks: 41, bytes: expectedBytes })
  assert.equal(await store!.getBlock(same.cid), same.bytes)
  for (const b of others) assert.equal(await store!.getBlock(b.cid), b.bytes)
})

test('sync: true stores, reads, deletes and collects the same way', async ({ dir }) => {
  const path = `${dir!.path}-sync`
  const store = await createBlockstore({ path, sync: true })
  try {
    const blocks = [await rawBlock(pseudoRandom(100, 80)), await rawBlock(pseudoRandom(40_000, 81))]
    await store.putBlocks(blocks)
    for (const b of blocks) assert.equal(await store.getBlock(b.cid), b.bytes)
    await store.pins.add(blocks[1].cid)
    const removed = []
    for await (const cid of store.gc()) removed.push(cid.toString())
    assert.equal(removed, [blocks[0].cid.toString()])
    assert.equal(await store.stats(), { blocks: 1, bytes: 40_000 })
  } finally {
    await store.close()
    const { rm } = await import('node:fs/promises')
    await rm(path, { recursive: true, force: true })
  }
})

test('a missing block is NotFoundError with code ERR_NOT_FOUND', async ({ store }) => {
  const { cid } = await rawBlock(pseudoRandom(10, 3))
  try {
    await store!.getBlock(cid)
    assert.unreachable('should throw')
  } catch (err: any) {
    assert.is(err.name, 'NotFoundError')
    assert.is(err.code, 'ERR_NOT_FOUND')
  }
})

test('CIDv0 and CIDv1 of the same bytes share one copy', async ({ store }) => {
  const v0 = await pbNode([], pseudoRandom(64, 4), 0)
  const v1 = CID.createV1(dagPb.code, v0.cid.multihash)
  await store!.putBlock(v0.cid, v0.bytes)
  await store!.putBlock(v1, v0.bytes)
  assert.ok(await store!.hasBlock(v1))
  assert.equal(await store!.getBlock(v1), v0.bytes)
  assert.equal(await store!.stats(), { blocks: 1, bytes: v0.bytes.byteLength })
  const all = []
  for await (const pair of store!.getAll()) all.push(pair.cid)
  assert.is(all.length, 1)
  assert.is(all[0].toString(), v0.cid.toString(), 'getAll returns the CID first stored')
})

test('identity CIDs are answered from the CID and never stored', async ({ store }) => {
  const bytes = new TextEncoder().encode('inline')
  const cid = CID.createV1(0x55, identity.digest(bytes))
  await store!.putBlock(cid, bytes)
  assert.ok(await store!.hasBlock(cid))
  assert.equal(await store!.getBlock(cid), bytes)
  assert.equal(await store!.stats(), { blocks: 0, bytes: 0 })
})

test('delete removes block and counts, including the body file', async ({ store }) => {
  const large = await rawBlock(pseudoRandom(100_000, 5))
  const small = await rawBlock(pseudoRandom(10, 6))
  await store!.putBlocks([large, small])
  await store!.deleteBlock(large.cid)
  assert.not.ok(await store!.hasBlock(large.cid))
  assert.ok(await store!.hasBlock(small.cid))
  assert.equal(await store!.stats(), { blocks: 1, bytes: 10 })
  await store!.deleteBlock(large.cid)
  assert.equal(await store!.stats(), { blocks: 1, bytes: 10 }, 'deleting an absent block changes nothing')
})

test('reads stay correct when slow synchronous reads move them to the thread pool and back', async ({ dir }) => {
  // Every synchronous read counts as slow here, so reads keep switching between the two paths
  const store = await createBlockstore({ path: `${dir!.path}-slow`, inlineBytesMax: 0, syncReadSlowMs: 1e-9, asyncReadWindowMs: 1 })
  try {
    const blocks = await Promise.all(Array.from({ length: 20 }, async (_, i) => rawBlock(pseudoRandom(3000, 40 + i))))
    await store.putBlocks(blocks)
    for (let round = 0; round < 10; round++) {
      for (const b of blocks) assert.equal(await store.getBlock(b.cid), b.bytes)
      await new Promise(resolve => setTimeout(resolve, 2))
    }
  } finally {
    await store.close()
    const { rm } = await import('node:fs/promises')
    await rm(`${dir!.path}-slow`, { recursive: true, force: true })
  }
})

test('a caller looping over cached reads still lets timers run', async ({ store }) => {
  const blocks = [await rawBlock(pseudoRandom(100, 60)), await rawBlock(pseudoRandom(100_000, 61))]
  await store!.putBlocks(blocks)
  let fired = false
  setTimeout(() => { fired = true }, 5)
  // Bounded: gives up after 20000 reads; synchronous fast paths alone would never let the timer in
  for (let i = 0; i < 20_000 && !fired; i++) {
    await store!.getBlock(blocks[i % 2].cid)
    await store!.hasBlock(blocks[i % 2].cid)
  }
  assert.ok(fired, 'the timer fired while the loop ran')
})

test('after close() every call rejects with StoreClosedError (ERR_STORE_CLOSED), not a LevelDB error', async ({ dir }) => {
  const path = `${dir!.path}-closed`
  const store = await createBlockstore({ path })
  const block = await rawBlock(pseudoRandom(40_000, 90))
  await store.putBlock(block.cid, block.bytes)
  await store.close()
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['getBlock', async () => store.getBlock(block.cid)],
    ['hasBlock', async () => store.hasBlock(block.cid)],
    ['putBlock', async () => store.putBlock(block.cid, block.bytes)],
    ['deleteBlock', async () => store.deleteBlock(block.cid)],
    ['linksOf', async () => store.linksOf(block.cid)],
    ['sizeOf', async () => store.sizeOf(block.cid)],
    ['stats', async () => store.stats()],
    ['pins.add', async () => store.pins.add(block.cid)],
    ['pins.isPinned', async () => store.pins.isPinned(block.cid)],
    ['pins.ls', async () => { for await (const _ of store.pins.ls()) {} }],
    ['gc', async () => { for await (const _ of store.gc()) {} }],
    ['verify', async () => { for await (const _ of store.verify()) {} }],
    ['get (interface-blockstore)', async () => { for await (const _ of store.get(block.cid)) {} }]
  ]
  for (const [name, call] of calls) {
    const err = await call().then(() => undefined, (e: unknown) => e as Error & { code?: string })
    assert.ok(err != null, `${name} after close() resolved`)
    assert.is(err.name, 'StoreClosedError', `${name}: ${err.name}: ${err.message}`)
    assert.is(err.code, 'ERR_STORE_CLOSED', name)
  }
  await store.close() // idempotent
})

test.run()
