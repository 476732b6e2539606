import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { base32 } from 'multiformats/bases/base32'
import { createBlockstore } from '../src/index.ts'
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

async function bodyFiles (path: string): Promise<string[]> {
  const out: string[] = []
  for (const shard of await readdir(join(path, 'data'))) out.push(...await readdir(join(path, 'data', shard)))
  return out.sort()
}

test('GC keeps recursive and direct pins and reports every block it removes', async ({ store, dir }) => {
  const pinned = await smallDag(1, 3, 5000)
  const unpinned = await smallDag(2, 3, 5000)
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
  // Body files left: exactly the pinned large blocks
  assert.is((await bodyFiles(dir!.path)).length, 4)
  const stats = await store!.stats()
  assert.is(stats.blocks, 5)
})

test('GC sweeps body files the index does not name', async ({ store, dir }) => {
  const kept = await rawBlock(pseudoRandom(5000, 5))
  await store!.putBlock(kept.cid, kept.bytes)
  await store!.pins.add(kept.cid)
  const before = await bodyFiles(dir!.path)
  // What a crash between body write and index commit leaves behind
  const ghost = await rawBlock(pseudoRandom(5000, 6))
  const name = `${base32.baseEncode(ghost.cid.multihash.bytes)}.deadbeef0`
  const shardDir = join(dir!.path, 'data', name.slice(0, name.indexOf('.')).slice(-3, -1))
  const { mkdir } = await import('node:fs/promises')
  await mkdir(shardDir, { recursive: true })
  await writeFile(join(shardDir, name), ghost.bytes)
  // and a second body for a block that is indexed, under another name
  const twin = `${before[0].slice(0, before[0].indexOf('.'))}.deadbeef1`
  await writeFile(join(dir!.path, 'data', before[0].slice(0, before[0].indexOf('.')).slice(-3, -1), twin), kept.bytes)
  assert.is((await bodyFiles(dir!.path)).length, 3)
  await collect(store!.gc())
  assert.equal(await bodyFiles(dir!.path), before)
  assert.equal(await store!.getBlock(kept.cid), kept.bytes)
})

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

test.run()
