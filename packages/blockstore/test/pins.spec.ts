import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import * as dagPb from '@ipld/dag-pb'
import { createBlockstore } from '../src/index.ts'
import { collect, pbNode, pseudoRandom, rawBlock, rejects, smallDag, tempDir, walkDag } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'
import type { Block } from '@cairn/interface'

interface Context { dir?: { path: string, remove: () => Promise<void> }, store?: CairnBlockstore }
const test = suite<Context>('pins')

test.before.each(async ctx => {
  ctx.dir = await tempDir('pins')
  ctx.store = await createBlockstore({ path: ctx.dir.path })
})

test.after.each(async ctx => {
  await ctx.store?.close()
  await ctx.dir?.remove()
})

const key = (c: CID): string => c.toString()
const sorted = (entries: Array<{ cid: CID, type: string }>): string[] => entries.map(e => `${e.type} ${key(e.cid)}`).sort()

test('a recursive pin makes its root recursive and its descendants indirect', async ({ store }) => {
  const dag = await smallDag(1, 4, 1000)
  await store!.putBlocks(dag.blocks)
  await store!.pins.add(dag.root)
  const leaves = dag.blocks.slice(0, 4).map(b => b.cid)
  assert.equal(sorted(await collect(store!.pins.ls())), sorted([
    { cid: dag.root, type: 'recursive' }, ...leaves.map(cid => ({ cid, type: 'indirect' }))
  ]))
  assert.equal(sorted(await collect(store!.pins.ls({ type: 'recursive' }))), [`recursive ${key(dag.root)}`])
  assert.is((await collect(store!.pins.ls({ type: 'indirect' }))).length, 4)
  assert.is((await collect(store!.pins.ls({ type: 'direct' }))).length, 0)
  assert.is((await store!.pins.isPinned(leaves[0]))?.type, 'indirect')
  assert.is((await store!.pins.isPinned(dag.root))?.type, 'recursive')
})

test('pinning a DAG with a missing block fails and pins nothing', async ({ store }) => {
  const dag = await smallDag(2, 3, 100)
  await store!.putBlocks(dag.blocks.filter((_, i) => i !== 1))
  const err = await rejects(async () => store!.pins.add(dag.root), 'NotFoundError')
  assert.is(err.code, 'ERR_NOT_FOUND')
  assert.equal(await collect(store!.pins.ls()), [])
  assert.is(await store!.pins.isPinned(dag.blocks[0].cid), undefined)
  // Nothing half-counted: GC removes everything
  const removed = await collect(store!.gc())
  assert.is(removed.length, 3)
})

test('pin add fetches missing blocks through a getter and verifies them', async ({ store, dir }) => {
  const source = await createBlockstore({ path: `${dir!.path}-source` })
  try {
    const dag = await smallDag(3, 5, 30_000)
    await source.putBlocks(dag.blocks)
    await store!.putBlock(dag.blocks[0].cid, dag.blocks[0].bytes)
    let fetched = 0
    const progress: number[] = []
    await store!.pins.add(dag.root, {
      getter: { getBlock: async (cid, o) => { fetched++; return source.getBlock(cid, o) } },
      onProgress: n => progress.push(n)
    })
    assert.is(fetched, 5, 'only the blocks that were missing are fetched')
    assert.ok(progress.length > 0 && progress[progress.length - 1] >= 6)
    assert.ok(progress.every((n, i) => i === 0 || n >= progress[i - 1]), `progress only grows: ${progress.join(',')}`)
    assert.is((await walkDag(store!, dag.root)).length, 6)

    // A getter returning the wrong bytes: refused, nothing stored, nothing pinned
    const other = await smallDag(4, 2, 100)
    await source.putBlocks(other.blocks)
    const liar = { getBlock: async (cid: CID) => cid.equals(other.root) ? source.getBlock(cid) : pseudoRandom(100, 99) }
    await rejects(async () => store!.pins.add(other.root, { getter: liar }), 'HashMismatchError')
    assert.not.ok(await store!.hasBlock(other.blocks[0].cid))
    assert.is(await store!.pins.isPinned(other.root), undefined)
  } finally {
    await source.close()
    const { rm } = await import('node:fs/promises')
    await rm(`${dir!.path}-source`, { recursive: true, force: true })
  }
})

test('roots sharing blocks: removing one pin never unpins what another needs', async ({ store }) => {
  const shared = await smallDag(5, 3, 500)
  const a = await smallDag(6, 2, 500, [shared.blocks[shared.blocks.length - 1]])
  const b = await smallDag(7, 2, 500, [shared.blocks[shared.blocks.length - 1]])
  await store!.putBlocks([...shared.blocks, ...a.blocks, ...b.blocks])
  await store!.pins.add(a.root)
  await store!.pins.add(b.root)
  await store!.pins.add(shared.root) // also a root of its own, and a child of both
  await store!.pins.rm(a.root)
  assert.is(await store!.pins.isPinned(a.root), undefined)
  assert.is((await store!.pins.isPinned(shared.root))?.type, 'recursive')
  await store!.pins.rm(shared.root)
  assert.is((await store!.pins.isPinned(shared.root))?.type, 'indirect', 'still under b')
  for (const blk of shared.blocks) assert.ok(await store!.pins.isPinned(blk.cid), 'shared block still pinned')

  const removed = (await collect(store!.gc())).map(key).sort()
  const aOnly = a.blocks.filter(blk => !shared.blocks.some(s => s.cid.equals(blk.cid))).map(blk => key(blk.cid)).sort()
  assert.equal(removed, aOnly, 'GC removes exactly the blocks only a needed')
  assert.is((await walkDag(store!, b.root)).length, b.blocks.length + 3, 'b, with the shared leaves, is whole')
})

test('indirect pins are listed under the CID version their blocks were stored with, as Kubo lists them', async ({ store }) => {
  const v0Child = await pbNode([], Uint8Array.of(1, 2, 3), 0)
  const v0Root = await pbNode([v0Child.cid], Uint8Array.of(4), 0)
  const v1Child = await pbNode([], Uint8Array.of(5, 6), 1)
  const v1Root = await pbNode([v1Child.cid], Uint8Array.of(7), 1)
  assert.is(v0Child.cid.version, 0)
  await store!.putBlocks([v0Child, v0Root, v1Child, v1Root])
  await store!.pins.add(v0Root.cid)
  await store!.pins.add(v1Root.cid)
  const indirect = (await collect(store!.pins.ls({ type: 'indirect' }))).map(e => key(e.cid)).sort()
  assert.equal(indirect, [key(v0Child.cid), key(v1Child.cid)].sort())
})

test('pin rm follows Kubo: not pinned, pinned indirectly, recursive vs direct', async ({ store }) => {
  const dag = await smallDag(8, 2, 100)
  await store!.putBlocks(dag.blocks)
  await store!.pins.add(dag.root)
  let err = await rejects(async () => store!.pins.rm(dag.blocks[0].cid), 'NotPinnedError')
  assert.match(err.message, /indirectly/)
  assert.is(err.code, 'ERR_NOT_PINNED')
  err = await rejects(async () => store!.pins.rm(dag.root, { recursive: false }), 'NotPinnedError')
  assert.match(err.message, /recursively/)
  const loose = await rawBlock(pseudoRandom(10, 9))
  await store!.putBlock(loose.cid, loose.bytes)
  err = await rejects(async () => store!.pins.rm(loose.cid), 'NotPinnedError')
  assert.match(err.message, /not pinned/)

  await store!.pins.add(loose.cid, { recursive: false })
  assert.equal(sorted(await collect(store!.pins.ls({ type: 'direct' }))), [`direct ${key(loose.cid)}`])
  await rejects(async () => store!.pins.add(dag.root, { recursive: false }), 'InvalidParametersError')
  await store!.pins.rm(loose.cid, { recursive: false })
  assert.is(await store!.pins.isPinned(loose.cid), undefined)
  await store!.pins.rm(dag.root)
  assert.equal(await collect(store!.pins.ls()), [])
})

test('a recursive pin replaces a direct pin on the same CID', async ({ store }) => {
  const dag = await smallDag(10, 2, 100)
  await store!.putBlocks(dag.blocks)
  await store!.pins.add(dag.root, { recursive: false })
  assert.is((await store!.pins.isPinned(dag.blocks[0].cid)), undefined, 'a direct pin does not cover children')
  await store!.pins.add(dag.root)
  assert.equal(sorted(await collect(store!.pins.ls({ type: 'recursive' }))), [`recursive ${key(dag.root)}`])
  assert.equal(await collect(store!.pins.ls({ type: 'direct' })), [])
  await store!.pins.add(dag.root) // again: no-op
  await store!.pins.rm(dag.root)
  assert.equal(await collect(store!.pins.ls()), [])
})

test('pin update moves a root without walking the subtrees the two DAGs share', async ({ store, dir }) => {
  // A big shared subtree (an inner node over 40 leaves), under two different roots
  const shared = await smallDag(11, 40, 200)
  const sharedTop = shared.blocks[shared.blocks.length - 1]
  const oldDag = await smallDag(12, 1, 200, [sharedTop])
  const newDag = await smallDag(13, 1, 200, [sharedTop])
  await store!.putBlocks([...shared.blocks, ...oldDag.blocks])
  await store!.pins.add(oldDag.root)

  const source = await createBlockstore({ path: `${dir!.path}-source` })
  try {
    await source.putBlocks([...shared.blocks, ...newDag.blocks])
    const asked: string[] = []
    const walked: number[] = []
    await store!.pins.update(oldDag.root, newDag.root, {
      getter: { getBlock: async (cid, o) => { asked.push(key(cid)); return source.getBlock(cid, o) } },
      onProgress: n => walked.push(n)
    })
    assert.equal(asked.sort(), [key(newDag.blocks[0].cid), key(newDag.root)].sort(), 'fetches only what is new')
    assert.ok(Math.max(...walked) < 10, `walked ${Math.max(...walked)} nodes, not the 41 shared ones`)
    assert.equal(sorted(await collect(store!.pins.ls({ type: 'recursive' }))), [`recursive ${key(newDag.root)}`])
    assert.is((await walkDag(store!, newDag.root)).length, newDag.blocks.length + 40, 'the new DAG is whole')
    assert.is(await store!.pins.isPinned(oldDag.blocks[0].cid), undefined)
    await rejects(async () => store!.pins.update(oldDag.root, newDag.root), 'NotPinnedError')

    // unpin: false keeps both
    const third = await smallDag(14, 1, 100, [sharedTop])
    await store!.putBlocks(third.blocks)
    await store!.pins.update(newDag.root, third.root, { unpin: false })
    assert.is((await collect(store!.pins.ls({ type: 'recursive' }))).length, 2)
  } finally {
    await source.close()
    const { rm } = await import('node:fs/promises')
    await rm(`${dir!.path}-source`, { recursive: true, force: true })
  }
})

test('pin ls with cids reports each CID or throws NotPinnedError', async ({ store }) => {
  const dag = await smallDag(15, 2, 100)
  await store!.putBlocks(dag.blocks)
  await store!.pins.add(dag.root)
  const entries = await collect(store!.pins.ls({ cids: [dag.root, dag.blocks[0].cid] }))
  assert.equal(entries.map(e => e.type), ['recursive', 'indirect'])
  await rejects(async () => collect(store!.pins.ls({ cids: [dag.blocks[0].cid], type: 'recursive' })), 'NotPinnedError')
  await rejects(async () => collect(store!.pins.ls({ type: 'bogus' as any })), 'InvalidParametersError')
})

test('CIDv0 and CIDv1 of a dag-pb root are one pin; pins survive reopening', async ({ store, dir }) => {
  const leaf = await rawBlock(pseudoRandom(100, 16))
  const root = await pbNode([leaf.cid], new Uint8Array(0), 0)
  const v1 = CID.createV1(dagPb.code, root.cid.multihash)
  await store!.putBlocks([leaf, root])
  await store!.pins.add(root.cid)
  await store!.pins.add(v1)
  assert.is((await collect(store!.pins.ls({ type: 'recursive' }))).length, 1)
  await store!.close()
  const reopened = await createBlockstore({ path: dir!.path })
  try {
    const entries = await collect(reopened.pins.ls({ type: 'recursive' }))
    assert.is(entries[0].cid.toString(), root.cid.toString(), 'listed as pinned')
    assert.is((await reopened.pins.isPinned(leaf.cid))?.type, 'indirect')
    await reopened.pins.rm(v1)
    assert.equal(await collect(reopened.pins.ls()), [])
  } finally {
    await reopened.close()
  }
})

test('a DAG of large dag-pb nodes pins and unpins from the first bytes of each node', async ({ store }) => {
  const leaves = await Promise.all(Array.from({ length: 6 }, async (_, i) => pbNode([], pseudoRandom(60_000, 300 + i), 0)))
  const mid = await pbNode(leaves.slice(0, 3).map(l => l.cid), pseudoRandom(40_000, 310), 0)
  const root = await pbNode([mid.cid, ...leaves.slice(3).map(l => l.cid)], pseudoRandom(30_000, 311), 0)
  await store!.putBlocks([...leaves, mid, root])
  await store!.pins.add(root.cid)
  assert.is((await collect(store!.pins.ls({ type: 'indirect' }))).length, 7)
  for (const l of leaves) assert.is((await store!.pins.isPinned(l.cid))?.type, 'indirect')
  assert.equal(await collect(store!.gc()), [])
  await store!.pins.rm(root.cid)
  assert.equal(await collect(store!.pins.ls()), [])
  assert.is((await collect(store!.gc())).length, 8)
})

test('dag-cbor links are followed', async ({ store }) => {
  const dagCbor = await import('@ipld/dag-cbor')
  const { sha256 } = await import('multiformats/hashes/sha2')
  const leaf = await rawBlock(pseudoRandom(50, 17))
  const bytes = dagCbor.encode({ nested: { list: [leaf.cid] }, name: 'x' })
  const node: Block = { cid: CID.createV1(dagCbor.code, await sha256.digest(bytes)), bytes }
  await store!.putBlocks([leaf, node])
  await store!.pins.add(node.cid)
  assert.is((await store!.pins.isPinned(leaf.cid))?.type, 'indirect')
})

test('named pins: kept, listed, filtered by substring, renamed by pinning again, surviving reopen', async ({ store, dir }) => {
  const one = await smallDag(1, 3, 100)
  const two = await smallDag(1, 2, 200)
  const loose = await rawBlock(pseudoRandom(50, 77))
  await store!.putBlocks([...one.blocks, ...two.blocks, loose])
  await store!.pins.add(one.root, { name: 'photos 2024' })
  await store!.pins.add(two.root)
  await store!.pins.add(loose.cid, { recursive: false, name: 'ünïcode' })
  const named = (entries: Array<{ cid: CID, type: string, name?: string }>): string[] => entries.map(e => `${e.type} ${key(e.cid)} ${e.name ?? '-'}`).sort()
  assert.equal(named(await collect(store!.pins.ls({ type: 'recursive' }))), [`recursive ${key(one.root)} photos 2024`, `recursive ${key(two.root)} -`].sort())
  assert.equal(named(await collect(store!.pins.ls({ name: '2024' }))), [`recursive ${key(one.root)} photos 2024`])
  assert.equal(named(await collect(store!.pins.ls({ name: 'ünï' }))), [`direct ${key(loose.cid)} ünïcode`])
  assert.equal(await collect(store!.pins.ls({ name: 'Photos' })), [], 'case-sensitive')
  assert.is((await store!.pins.isPinned(one.root))?.name, 'photos 2024')
  assert.ok(!('name' in (await store!.pins.isPinned(two.root))!), 'an unnamed pin has no name field')
  // pinning again re-saves the pin with the new name; without one, the name goes (Kubo's pinner)
  await store!.pins.add(two.root, { name: 'second' })
  assert.is((await store!.pins.isPinned(two.root))?.name, 'second')
  await store!.pins.add(one.root)
  assert.is((await store!.pins.isPinned(one.root))?.name, undefined)
  await store!.close()
  const reopened = await createBlockstore({ path: dir!.path })
  try {
    assert.equal(named(await collect(reopened.pins.ls({ type: 'direct' }))), [`direct ${key(loose.cid)} ünïcode`])
    await reopened.pins.rm(loose.cid)
    assert.equal(await collect(reopened.pins.ls({ type: 'direct' })), [])
  } finally {
    await reopened.close()
  }
})

test.run()
