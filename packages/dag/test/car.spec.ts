import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CarReader } from '@ipld/car'
import * as dagPb from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'
import type { AddResult, CarExportOptions, ImportCandidate } from '@cairn/interface'
import { cat, exportCar, importBytes, importCar, importer, stat, resolvePath } from '../src/index.ts'
import { pseudoRandom } from './fixtures/oracle.ts'
import { RecordingGetter } from './fixtures/getters.ts'
import { collect, countBlocks, tempStore, type TempStore } from './fixtures/store.ts'

const K = 262_144

interface Ctx { src: TempStore, dst: TempStore, data: Uint8Array, file: AddResult, dir: AddResult, sharded: AddResult }

const car = suite<Ctx>('CAR')
car.before(async ctx => {
  ctx.src = await tempStore()
  ctx.dst = await tempStore()
  ctx.data = pseudoRandom(180 * K + 99, 5)
  ctx.file = await importBytes(ctx.data, ctx.src.store)
  const tree: ImportCandidate[] = [
    { path: 'd/a', content: new TextEncoder().encode('a') },
    { path: 'd/sub/big', content: ctx.data },
    { path: 'd/sub/zeros', content: new Uint8Array(3 * K) }
  ]
  for await (const r of importer(tree, ctx.src.store)) ctx.dir = r
  const names = Array.from({ length: 5000 }, (_, i) => ({ path: `s/name-${i}-${'y'.repeat(20)}`, content: pseudoRandom(3, i + 1) }))
  for await (const r of importer(names, ctx.src.store)) ctx.sharded = r
})
car.after(async ctx => { await ctx.src.close(); await ctx.dst.close() })

async function blocksOf (path: string | CID, ctx: Ctx, options: CarExportOptions = {}): Promise<{ roots: string[], cids: string[] }> {
  const reader = await CarReader.fromBytes(await collect(exportCar(path, ctx.src.store, options)))
  const cids: string[] = []
  for await (const b of reader.blocks()) cids.push(b.cid.toString())
  return { roots: (await reader.getRoots()).map(String), cids }
}

car('export all → import into a fresh real store: every block arrives, content reads back', async ctx => {
  const bytes = await collect(exportCar(ctx.dir.cid, ctx.src.store))
  const result = await importCar([bytes.subarray(0, 1000), bytes.subarray(1000)], ctx.dst.store)
  assert.equal(result.roots.map(String), [ctx.dir.cid.toString()])
  const expected = await stat(ctx.dir.cid, ctx.src.store)
  assert.is(result.blocks, expected.blocks)
  const back = await collect(cat(`${ctx.dir.cid.toString()}/sub/big`, ctx.dst.store))
  assert.ok(Buffer.from(back).equals(ctx.data))
})

car('depth-first order: every block comes after the block that links to it, root first', async ctx => {
  const { cids, roots } = await blocksOf(ctx.file.cid, ctx)
  assert.equal(roots, [ctx.file.cid.toString()])
  assert.is(cids[0], ctx.file.cid.toString())
  const root = dagPb.decode(await ctx.src.store.getBlock(ctx.file.cid))
  // first child subtree (a 174-leaf node) is complete before the second child begins
  const first = root.Links[0].Hash.toString()
  const second = root.Links[1].Hash.toString()
  assert.is(cids[1], first)
  assert.is(cids.indexOf(second), 1 + 1 + 174)
})

car('dag-scope=block on a path: the path blocks and the terminal block only', async ctx => {
  const { cids } = await blocksOf(`${ctx.dir.cid.toString()}/sub/big`, ctx, { dagScope: 'block' })
  const r = await resolvePath(`${ctx.dir.cid.toString()}/sub/big`, ctx.src.store)
  assert.equal(cids, [...r.pathBlocks.map(String), r.cid.toString()])
})

car('dag-scope=entity: a whole file, a directory node alone, every shard of a HAMT', async ctx => {
  const file = await blocksOf(`${ctx.dir.cid.toString()}/sub/big`, ctx, { dagScope: 'entity' })
  assert.is(file.cids.length, 2 + 181 + 2 + 1, 'path blocks + all file blocks')
  const dir = await blocksOf(`${ctx.dir.cid.toString()}/sub`, ctx, { dagScope: 'entity' })
  assert.is(dir.cids.length, 2)
  const shard = await blocksOf(ctx.sharded.cid, ctx, { dagScope: 'entity' })
  for (const c of shard.cids) {
    const node = dagPb.decode(await ctx.src.store.getBlock((await resolvePath(c, ctx.src.store)).cid))
    // every block is a shard node: no file entries
    assert.ok(node.Links.length > 1, c)
  }
  assert.ok(shard.cids.length > 1 && shard.cids.length < 1000, `${shard.cids.length} shard blocks, not 5000 entries`)
  assert.is(shard.cids[0], ctx.sharded.cid.toString())
})

car('entity-bytes: only the blocks covering the range; negative and open ranges; outside = block', async ctx => {
  const path = ctx.file.cid
  const g = new RecordingGetter(ctx.src.store)
  await collect(cat(path, g, { offset: 100 * K + 1, length: K }))
  const ranged = await blocksOf(path, ctx, { entityBytes: { from: 100 * K + 1, to: 101 * K } })
  assert.equal(ranged.cids, [...new Set(g.asked)], 'the blocks cat reads for the range, in the same order')
  const tail = await blocksOf(path, ctx, { entityBytes: { from: -10, to: '*' } })
  assert.is(tail.cids.length, 3, 'root, second-layer node, last leaf')
  const outside = await blocksOf(path, ctx, { entityBytes: { from: ctx.data.length + 10, to: '*' } })
  assert.equal(outside.cids, [path.toString()])
})

car('dups: repeated leaves are sent once by default, every time with dups', async ctx => {
  const zeros = `${ctx.dir.cid.toString()}/sub/zeros`
  const once = await blocksOf(zeros, ctx, { dagScope: 'entity' })
  const every = await blocksOf(zeros, ctx, { dagScope: 'entity', dups: true })
  assert.is(once.cids.length, 2 + 1 + 1)
  assert.is(every.cids.length, 2 + 1 + 3)
})

car('dag-scope=all follows dag-cbor links too; entity on dag-cbor is the block alone', async ctx => {
  const { encode, code } = await import('@ipld/dag-cbor')
  const { sha256 } = await import('multiformats/hashes/sha2')
  const { CID } = await import('multiformats/cid')
  const bytes = encode({ note: 'points at a file', file: ctx.file.cid })
  const cborCid = CID.createV1(code, await sha256.digest(bytes))
  await ctx.src.store.putBlock(cborCid, bytes)
  const all = await blocksOf(cborCid, ctx)
  assert.is(all.cids[0], cborCid.toString())
  assert.is(all.cids.length, 1 + 184)
  const entity = await blocksOf(cborCid, ctx, { dagScope: 'entity' })
  assert.equal(entity.cids, [cborCid.toString()])
})

car('identity blocks are never written to a CAR', async ctx => {
  let root: AddResult | undefined
  for await (const r of importer([{ path: 'i/a-file-name-long-enough-to-keep-the-directory-over-the-limit', content: new TextEncoder().encode('hi') }], ctx.src.store, { inline: true })) root = r
  const { cids } = await blocksOf(root!.cid, ctx)
  assert.is(cids.length, 1, 'the directory only')
})

car('a CAR whose block lies about its CID is refused and leaves nothing behind', async ctx => {
  const t = await tempStore()
  try {
    const bytes = Buffer.from(await collect(exportCar(ctx.file.cid, ctx.src.store)))
    bytes[bytes.length - 5] ^= 0xff // flip a byte inside the last block
    try {
      await importCar([bytes], t.store)
      assert.unreachable()
    } catch (err: any) {
      assert.is(err.code, 'ERR_HASH_MISMATCH')
    }
    assert.is(await countBlocks(t.store), 0)
  } finally { await t.close() }
})

car('truncated and garbage CARs are InvalidCarError and leave nothing behind', async ctx => {
  const t = await tempStore()
  try {
    const bytes = await collect(exportCar(ctx.file.cid, ctx.src.store))
    for (const bad of [bytes.subarray(0, bytes.length - 100), bytes.subarray(0, 20), Uint8Array.from([1, 2, 3, 4]), new Uint8Array(0)]) {
      try {
        await importCar([bad], t.store)
        assert.unreachable(`${bad.length} bytes`)
      } catch (err: any) {
        assert.is(err.code, 'ERR_INVALID_CAR', `${bad.length} bytes: ${String(err.message)}`)
      }
    }
    assert.is(await countBlocks(t.store), 0)
  } finally { await t.close() }
})

car('a CAR larger than the memory budget is staged on disk and imports whole', async ctx => {
  const t = await tempStore()
  try {
    const bytes = await collect(exportCar(ctx.file.cid, ctx.src.store))
    const r = await importCar([bytes], t.store, { memoryBytes: 1_000_000 })
    assert.is(r.blocks, 184)
    assert.ok(Buffer.from(await collect(cat(ctx.file.cid, t.store))).equals(ctx.data))
  } finally { await t.close() }
})

car.run()
