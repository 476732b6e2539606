/**
 * Pin walks larger than one batch (`pinBatchNodesMax`): the counts they leave are exactly those of
 * a one-batch walk, they leave no walk state behind, and a failed or aborted add rolls back to the
 * counts from before it. The SIGKILL-in-the-middle case is in pin-crash.spec.ts.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { PREFIX_COUNT, PREFIX_HOLE, PREFIX_QUEUE, decodeCount, keyString, prefixRange } from '../src/encoding.ts'
import { PIN_WALK_KEY } from '../src/pin-walk.ts'
import { collect, rejects, tempDir, treeDag } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'
import type { Level } from 'level'

interface Context { dirs: Array<{ path: string, remove: () => Promise<void> }>, stores: CairnBlockstore[] }
const test = suite<Context>('pin-batches', { dirs: [], stores: [] })

test.after.each(async ctx => {
  for (const store of ctx.stores) await store.close()
  for (const dir of ctx.dirs) await dir.remove()
  ctx.stores = []
  ctx.dirs = []
})

async function open (ctx: Context, pinBatchNodesMax?: number): Promise<CairnBlockstore> {
  const dir = await tempDir('pin-batches')
  ctx.dirs.push(dir)
  const store = await createBlockstore({ path: dir.path, pinBatchNodesMax })
  ctx.stores.push(store)
  return store
}

const dbOf = (store: CairnBlockstore): Level<Uint8Array, Uint8Array> => (store as unknown as { db: Level<Uint8Array, Uint8Array> }).db

/** Every reference count in the index, as text, for comparing whole states */
async function counts (store: CairnBlockstore): Promise<string[]> {
  const out: string[] = []
  for await (const [key, value] of dbOf(store).iterator(prefixRange(PREFIX_COUNT))) {
    const { roots, parents } = decodeCount(value)
    out.push(`${Buffer.from(key).toString('hex')} ${roots}/${parents}`)
  }
  return out
}

/** No walk marker, queue entry or hole record is left */
async function assertNoWalkState (store: CairnBlockstore): Promise<void> {
  const db = dbOf(store)
  assert.is(await db.get(PIN_WALK_KEY), undefined, 'no walk marker')
  for (const prefix of [PREFIX_QUEUE, PREFIX_HOLE]) {
    assert.equal(await collect(db.keys(prefixRange(prefix))), [], `no ${String.fromCharCode(prefix)} keys`)
  }
}

test('a pin of many batches counts exactly what a one-batch pin counts, and unpins to nothing', async ctx => {
  const big = await treeDag(1, 6, 3) // 1 + 6 + 36 inner nodes, 216 leaves
  const other = await treeDag(2, 5, 2)
  const sharing = { root: other.root, blocks: other.blocks }
  const small = await open(ctx, 4)
  const reference = await open(ctx)
  for (const store of [small, reference]) {
    await store.putBlocks([...big.blocks, ...sharing.blocks])
    await store.pins.add(sharing.root)
  }
  const progress: number[] = []
  await small.pins.add(big.root, { onProgress: n => progress.push(n) })
  await reference.pins.add(big.root)
  assert.ok(progress.length > 5, `reported per batch: ${progress.length}`)
  assert.ok(progress.every((n, i) => i === 0 || n > progress[i - 1]), 'progress grows')
  assert.is(progress[progress.length - 1], big.blocks.length)
  assert.equal(await counts(small), await counts(reference))
  assert.is((await counts(small)).length, big.blocks.length + sharing.blocks.length)
  await assertNoWalkState(small)

  // pin update over many batches, then rm over many batches
  for (const store of [small, reference]) await store.pins.update(sharing.root, big.root)
  assert.equal(await counts(small), await counts(reference))
  assert.equal((await collect(small.pins.ls({ type: 'recursive' }))).map(e => e.cid.toString()), [big.root.toString()])
  await small.pins.rm(big.root)
  assert.equal(await counts(small), [])
  assert.equal(await collect(small.pins.ls()), [])
  await assertNoWalkState(small)
  assert.is((await collect(small.gc())).length, big.blocks.length + sharing.blocks.length)
})

test('an add that fails after several batches (missing leaf, missing inner node) rolls back to the counts before it', async ctx => {
  const store = await open(ctx, 4)
  const kept = await treeDag(3, 4, 2)
  const dag = await treeDag(4, 6, 3)
  await store.putBlocks(kept.blocks)
  await store.pins.add(kept.root)
  const before = await counts(store)
  // Blocks come leaves first, each node after its children: [..., last leaf, its parent (the
  // last inner node over leaves), its parent, root]. The walk goes breadth first, so both are
  // found late
  const lastLeaf = dag.blocks.length - 4
  const lastInner = dag.blocks.length - 3
  assert.is(dag.blocks[lastLeaf].cid.code, 0x55)
  assert.is(dag.blocks[lastInner].cid.code, 0x70)
  for (const missing of [lastLeaf, lastInner]) {
    await store.putBlocks(dag.blocks.filter((_, i) => i !== missing))
    const progress: number[] = []
    const err = await rejects(async () => store.pins.add(dag.root, { onProgress: n => progress.push(n) }), 'NotFoundError')
    assert.match(err.message, dag.blocks[missing].cid.toString())
    assert.ok(progress.length > 3, `it failed after several committed batches: ${progress.join(',')}`)
    assert.equal(await counts(store), before, 'counts as before the add')
    assert.is(await store.pins.isPinned(dag.root), undefined)
    await assertNoWalkState(store)
    // Then the block arrives: the same add works
    await store.putBlock(dag.blocks[missing].cid, dag.blocks[missing].bytes)
    await store.pins.add(dag.root)
    assert.is((await counts(store)).length, before.length + dag.blocks.length)
    await store.pins.rm(dag.root)
    assert.equal(await counts(store), before)
    for await (const _ of store.gc()) {}
  }
})

test('an add aborted after several batches rolls back', async ctx => {
  const store = await open(ctx, 4)
  const dag = await treeDag(5, 6, 3)
  await store.putBlocks(dag.blocks)
  const controller = new AbortController()
  await rejects(async () => store.pins.add(dag.root, {
    signal: controller.signal,
    onProgress: n => { if (n > 100) controller.abort() }
  }), 'AbortError')
  assert.equal((await counts(store)).slice(0, 3), [])
  assert.equal(await collect(store.pins.ls()), [])
  await assertNoWalkState(store)
})

test('an interrupted add that cannot complete on reopen (a block gone) vanishes: rolled back, no error for the next operation', async ctx => {
  const dir = await tempDir('pin-batches-interrupted')
  ctx.dirs.push(dir)
  const dag = await treeDag(6, 6, 3)
  let store = await createBlockstore({ path: dir.path, pinBatchNodesMax: 4 })
  await store.putBlocks(dag.blocks)
  // Closing the store under a walk stops it between batches, as a crash would
  let closing: Promise<void> | undefined
  const stopped = await store.pins.add(dag.root, { onProgress: n => { if (n > 40) closing ??= store.close() } }).then(() => undefined, (err: Error) => err)
  assert.is(stopped?.name ?? 'resolved', 'StoreClosedError', 'the add stopped with the store')
  await closing
  store = await createBlockstore({ path: dir.path, pinBatchNodesMax: 4 })
  ctx.stores.push(store)
  assert.is(JSON.parse(new TextDecoder().decode(await dbOf(store).get(PIN_WALK_KEY))).phase, 'add', 'the walk was interrupted')
  // The last leaf is counted last (breadth first): remove it before anything resumes the walk
  await store.deleteBlock(dag.blocks[dag.blocks.length - 4].cid)
  assert.equal(await collect(store.pins.ls()), [], 'the first operation completes the rollback and succeeds')
  assert.equal(await counts(store), [])
  await assertNoWalkState(store)
})

test.run()
