import { readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { PREFIX_TOUCH, prefixRange } from '../src/encoding.ts'
import type { GcTouches } from '../src/touches.ts'
import type { Level } from 'level'
import { collect, pseudoRandom, rawBlock, smallDag, tempDir, walkDag } from './fixtures/blocks.ts'
import type { CairnBlockstore } from '../src/index.ts'
import type { CID } from 'multiformats/cid'

interface Context { dir?: { path: string, remove: () => Promise<void> }, store?: CairnBlockstore }
const test = suite<Context>('gc')

test.before.each(async ctx => {
  ctx.dir = await tempDir('gc')
  // A low inline limit so that both inline and file-backed blocks are swept
  ctx.store = await createBlockstore({ path: ctx.dir.path, inlineBytesMax: 1024 })
})

test.after.each(async ctx => {
  await ctx.store?.close()
  await ctx.dir?.remove()
})

/** Pack file names and their total size */
async function packFiles (path: string): Promise<{ names: string[], bytes: number }> {
  const names = (await readdir(join(path, 'packs'))).sort()
  let bytes = 0
  for (const name of names) bytes += (await stat(join(path, 'packs', name))).size
  return { names, bytes }
}

test('GC keeps recursive and direct pins and reports every block it removes', async ({ store, dir }) => {
  const pinned = await smallDag(1, 3, 5000)
  const unpinned = await smallDag(2, 3, 8000)
  const direct = await rawBlock(pseudoRandom(3000, 3))
  const loose = await rawBlock(pseudoRandom(10, 4))
  await store!.putBlocks([...pinned.blocks, ...unpinned.blocks, direct, loose])
  await store!.pins.add(pinned.root)
  await store!.pins.add(direct.cid, { recursive: false })

  const removed = (await collect(store!.gc())).map(c => c.toString()).sort()
  assert.equal(removed, [...unpinned.blocks.map(b => b.cid), loose.cid].map(c => c.toString()).sort())
  assert.is((await walkDag(store!, pinned.root)).length, 4)
  assert.ok(await store!.hasBlock(direct.cid))
  assert.equal(await collect(store!.gc()), [], 'a second GC finds nothing')
  // Less than half the pack was live, so it was compacted: only the live large bodies remain on disk
  assert.is((await packFiles(dir!.path)).bytes, 3 * 5000 + 3000)
  const stats = await store!.stats()
  assert.is(stats.blocks, 5)
})

test('GC compacts mostly-dead packs and removes empty ones; opening removes packs no commit reached', async ({ dir }) => {
  const path = join(dir!.path, 'compact')
  const logged: string[] = []
  const logger = {
    forComponent: (name: string) => Object.assign((f: string, ...a: unknown[]) => { logged.push(`${name} ${f} ${a.join(' ')}`) }, { error: () => {} })
  }
  let store = await createBlockstore({ path, inlineBytesMax: 1024, packBytesMax: 64 * 1024, logger })
  try {
    const blocks = await Promise.all(Array.from({ length: 40 }, async (_, i) => rawBlock(pseudoRandom(5000, 100 + i))))
    for (let i = 0; i < 40; i += 5) await store.putBlocks(blocks.slice(i, i + 5))
    const before = await packFiles(path)
    assert.ok(before.names.length >= 3, `${before.names.length} packs written`)
    assert.is(before.bytes, 40 * 5000)
    const kept = blocks.filter((_, i) => i % 4 === 0)
    for (const b of kept) await store.pins.add(b.cid)
    // Empty the first pack completely
    for (const b of blocks.slice(0, 10)) if (!kept.includes(b)) await store.deleteBlock(b.cid)
    await store.pins.rm(blocks[0].cid)
    await store.pins.rm(blocks[4].cid)
    await store.pins.rm(blocks[8].cid)
    const removed = await collect(store.gc())
    assert.is(removed.length, 40 - 10 - 7 + 3)
    const after = await packFiles(path)
    assert.is(after.bytes, 7 * 5000, 'only live bodies take space')
    assert.not.ok(after.names.includes(before.names[0]), 'the emptied pack is gone')
    assert.ok(logged.some(l => l.startsWith('cairn:blockstore compacting packs')), 'compaction is logged')
    for (const b of kept.slice(3)) assert.equal(await store.getBlock(b.cid), b.bytes)
    assert.equal(await collect(store.verify()), [])
    assert.equal(await store.stats(), { blocks: 7, bytes: 7 * 5000 })

    // A pack file without any committed body (a crash before the first commit into it)
    await store.close()
    await writeFile(join(path, 'packs', '999.pack'), pseudoRandom(1000, 1))
    store = await createBlockstore({ path, inlineBytesMax: 1024 })
    assert.not.ok((await packFiles(path)).names.includes('999.pack'))
    for (const b of kept.slice(3)) assert.equal(await store.getBlock(b.cid), b.bytes)
    assert.equal(await store.stats(), { blocks: 7, bytes: 7 * 5000 })
  } finally {
    await store.close()
  }
})

for (const syncReadSlowMs of [undefined, 0]) {
  test(`reads racing compaction still find their block (syncReadSlowMs ${syncReadSlowMs})`, async ({ dir }) => {
    const store = await createBlockstore({ path: join(dir!.path, 'race'), inlineBytesMax: 1024, syncReadSlowMs })
    try {
      const blocks = await Promise.all(Array.from({ length: 30 }, async (_, i) => rawBlock(pseudoRandom(4000, 200 + i))))
      await store.putBlocks(blocks)
      const kept = blocks.slice(0, 5)
      for (const b of kept) await store.pins.add(b.cid)
      let reads = 0
      let stop = false
      const readers = Promise.all(kept.map(async b => {
        while (!stop) {
          assert.equal(await store.getBlock(b.cid), b.bytes)
          reads++
        }
      }))
      for (let i = 0; i < 3; i++) await collect(store.gc())
      stop = true
      await readers
      assert.ok(reads > 0)
      assert.is((await readdir(join(dir!.path, 'race', 'packs'))).length, 1, 'compacted into one pack')
      assert.equal(await collect(store.verify()), [])
    } finally {
      await store.close()
    }
  })
}

test('GC in a loop while adds run under the add lock never loses an added-then-pinned block', async ({ store }) => {
  const ADDS = 40
  const roots: CID[] = []
  let removedTotal = 0
  let gcRuns = 0
  let addsDone = false

  const adds = (async () => {
    await Promise.all(Array.from({ length: 4 }, async (_, worker) => {
      for (let i = worker; i < ADDS; i += 4) {
        const dag = await smallDag(100 + i, 4, 500 + i * 100)
        const garbage = await rawBlock(pseudoRandom(2000, 10_000 + i))
        // garbage is written outside the lock: GC may take it, which is what GC is for
        await store!.putBlock(garbage.cid, garbage.bytes)
        await store!.withAddLock(async () => {
          for (const block of dag.blocks) {
            await store!.putBlock(block.cid, block.bytes)
            await new Promise(resolve => setImmediate(resolve)) // let GC try to get in between
          }
          await store!.pins.add(dag.root)
        })
        roots.push(dag.root)
      }
    }))
    addsDone = true
  })()

  const gcLoop = (async () => {
    // Bounded: at most 500 runs, and not past the adds
    for (let run = 0; run < 500 && !addsDone; run++) {
      for await (const _ of store!.gc({ signal: AbortSignal.timeout(10_000) })) removedTotal++
      gcRuns++
      await new Promise(resolve => setImmediate(resolve))
    }
  })()

  await Promise.all([adds, gcLoop])
  assert.is(roots.length, ADDS)
  assert.ok(gcRuns > 1, `GC ran ${gcRuns} times during the adds`)
  assert.ok(removedTotal > 0, 'GC removed garbage while adds ran')
  for (const root of roots) assert.is((await walkDag(store!, root)).length, 5, `DAG of ${root} is whole`)
  assert.equal(await collect(store!.verify()), [])
})

test('closing the store during a GC stops it with AbortError; the store reopens whole', async ({ dir }) => {
  const path = join(dir!.path, 'close-during-gc')
  const store = await createBlockstore({ path, inlineBytesMax: 1024 })
  const kept = await smallDag(5, 3, 5000)
  const garbage = await Promise.all(Array.from({ length: 600 }, async (_, i) => rawBlock(pseudoRandom(2000, 1000 + i))))
  await store.putBlocks([...kept.blocks, ...garbage])
  await store.pins.add(kept.root)

  const sweep = store.gc()[Symbol.asyncIterator]()
  const first = await sweep.next()
  assert.not.ok(first.done, 'GC removed a first block')
  await store.close()
  let stopped: any
  try {
    while (!(await sweep.next()).done) {}
  } catch (err) {
    stopped = err
  }
  assert.is(stopped?.name, 'AbortError', 'the GC stops with AbortError, not a database error')
  assert.match(stopped.message, /closed/)

  const reopened = await createBlockstore({ path, inlineBytesMax: 1024 })
  try {
    assert.equal(await collect(reopened.verify()), [], 'no block damaged')
    assert.is((await walkDag(reopened, kept.root)).length, 4, 'the pinned DAG is whole')
    // the sweep resumes where it stopped: the rest of the garbage goes on the next run
    await collect(reopened.gc())
    assert.is((await reopened.stats()).blocks, 4)
  } finally {
    await reopened.close()
  }
})

test('touch records go when the last sweep ends, a step at a time; a sweep begun meanwhile keeps its own', async ({ store }) => {
  const { touches, db } = store as unknown as { touches: GcTouches, db: Level<Uint8Array, Uint8Array> }
  const count = async (): Promise<number> => (await collect(db.keys(prefixRange(PREFIX_TOUCH)))).length
  const many = await Promise.all(Array.from({ length: 700 }, async (_, i) => (await rawBlock(pseudoRandom(16, 5000 + i))).cid))
  touches.begin()
  await touches.touch(many)
  assert.is(await count(), 700)
  await touches.end()
  assert.is(await count(), 0, 'more than one clearing step, all cleared')

  touches.begin()
  await touches.touch(many)
  const ending = touches.end()
  // a new sweep begins before the clearing's first step: its touch must survive
  touches.begin()
  const mine = (await rawBlock(pseudoRandom(16, 9999))).cid
  await touches.touch([mine])
  await ending
  assert.equal(await touches.touched([mine.multihash.bytes]), [true], 'the new sweep\'s touch is kept')
  await touches.end()
  assert.is(await count(), 0)
})

test('gc() inside withAddLock is refused instead of deadlocking', async ({ store }) => {
  await store!.withAddLock(async () => {
    try {
      await collect(store!.gc())
      assert.unreachable('should throw')
    } catch (err: any) {
      assert.is(err.name, 'InvalidParametersError')
    }
  })
})


test('the sweep merges block keys against pin keys in order across hash functions, digest lengths and codecs', async ({ store }) => {
  // Multihashes of different lengths and codes interleave in key order; pins are keyed by
  // multihash ‖ codec. The merge join must match each block to its pins exactly.
  const { sha512 } = await import('multiformats/hashes/sha2')
  const { CID } = await import('multiformats/cid')
  const dagCbor = await import('@ipld/dag-cbor')
  const Digest = await import('multiformats/hashes/digest')
  const blocks: Array<{ cid: CID, bytes: Uint8Array }> = []
  for (let i = 0; i < 60; i++) {
    const bytes = pseudoRandom(20, 700 + i)
    const digest = i % 3 === 0
      ? await sha512.digest(bytes)
      : i % 3 === 1
        ? (await rawBlock(bytes)).cid.multihash
        // A truncated sha2-512 (32 bytes of it): same code, another length
        : Digest.create(sha512.code, (await sha512.digest(bytes)).digest.subarray(0, 32))
    blocks.push({ cid: CID.createV1(0x55, digest), bytes })
  }
  await store!.putBlocks(blocks)
  // dag-cbor parents over every fourth block, pinned recursively; every seventh pinned directly;
  // one block pinned as dag-cbor under the raw block's multihash is a different node, same bytes
  const parents = []
  for (let i = 0; i < 60; i += 12) {
    const bytes = dagCbor.encode({ links: blocks.slice(i, i + 12).filter((_, j) => j % 4 === 0).map(b => b.cid) })
    const parent = { cid: CID.createV1(dagCbor.code, await sha512.digest(bytes)), bytes }
    parents.push(parent)
  }
  await store!.putBlocks(parents)
  for (const p of parents) await store!.pins.add(p.cid)
  for (let i = 0; i < 60; i += 7) await store!.pins.add(blocks[i].cid, { recursive: false })
  const keep = new Set([...parents.map(p => p.cid.toString()), ...blocks.filter((_, i) => i % 4 === 0 || i % 7 === 0).map(b => b.cid.toString())])
  const removed = (await collect(store!.gc())).map(c => c.toString()).sort()
  assert.equal(removed, blocks.map(b => b.cid.toString()).filter(c => !keep.has(c)).sort())
  for (const c of keep) assert.ok(await store!.hasBlock((await import('multiformats/cid')).CID.parse(c)), `${c} kept`)
})

test('pack ids are never reused: after GC deletes the newest pack, the next pack gets a new id and stale ids name nothing', async () => {
  const dir = await tempDir('gc-pack-ids')
  const packs = async (): Promise<string[]> => (await readdir(join(dir.path, 'packs'))).filter(n => n.endsWith('.pack')).sort()
  try {
    let store = await createBlockstore({ path: dir.path, inlineBytesMax: 1024, packBytesMax: 1 << 20 })
    const first = await rawBlock(pseudoRandom(20_000, 1))
    await store.putBlock(first.cid, first.bytes)
    await store.close()
    assert.equal(await packs(), ['0.pack'])
    // a new session: pack 0 is the newest, and GC deletes it whole
    store = await createBlockstore({ path: dir.path, inlineBytesMax: 1024, packBytesMax: 1 << 20 })
    await collect(store.gc())
    assert.equal(await packs(), [], 'GC deleted the newest pack')
    const second = await rawBlock(pseudoRandom(20_000, 2))
    await store.putBlock(second.cid, second.bytes)
    assert.equal(await packs(), ['1.pack'], 'the next pack does not take the deleted id')
    await collect(store.gc())
    await store.close()
    // no pack file is left to tell the newest id: the index's counter does
    assert.equal(await packs(), [])
    store = await createBlockstore({ path: dir.path, inlineBytesMax: 1024, packBytesMax: 1 << 20 })
    await store.putBlock(second.cid, second.bytes)
    assert.equal(await packs(), ['2.pack'], 'after a restart with no pack on disk, the next pack still gets a new id')
    await store.close()
    store = await createBlockstore({ path: dir.path, inlineBytesMax: 1024, packBytesMax: 1 << 20 })
    try {
      const third = await rawBlock(pseudoRandom(20_000, 3))
      await store.putBlock(third.cid, third.bytes)
      assert.equal(await packs(), ['2.pack', '3.pack'], 'nor after another restart')
      assert.ok(Buffer.from(await store.getBlock(second.cid)).equals(second.bytes))
      assert.equal(await collect(store.verify()), [])
    } finally {
      await store.close()
    }
  } finally {
    await dir.remove()
  }
})

test.run()
