/**
 * Real full disks: the store on small tmpfs filesystems that a ballast file fills, so LevelDB and
 * the packs meet a real ENOSPC (a torn log record, a short pack write) at every step of an add, a
 * pin, a GC and a compaction in turn.
 */
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore, openLevelWithReserve } from '../src/index.ts'
import { Level } from 'level'
import { collect, pseudoRandom, rawBlock, rejects, smallDag } from './fixtures/blocks.ts'
import { VERSION_KEY } from '../src/encoding.ts'
import { assertInvariants } from './fixtures/invariants.ts'
import { mountTmpfs } from './fixtures/tmpfs.ts'
import type { AckedDag } from './fixtures/invariants.ts'
import type { CairnBlockstore } from '../src/index.ts'

const test = suite('tmpfs')

const RESERVE = 512 * 1024
const OPTIONS = { inlineBytesMax: 2048, packBytesMax: 256 * 1024, reserveBytes: RESERVE, indexWriteBufferBytes: 256 * 1024 }

async function pinDag (store: CairnBlockstore, dag: AckedDag): Promise<void> {
  await store.withAddLock(async () => {
    await store.putBlocks(dag.blocks)
    await store.pins.add(dag.root)
  })
}

const exists = async (path: string): Promise<boolean> => stat(path).then(() => true, () => false)
/** A reserve file's size: its full size while held, 0 once released (the on-disk mark), -1 if never made */
const sizeOf = async (path: string): Promise<number> => stat(path).then(s => s.size, () => -1)

test('writes acknowledged after the index hit ENOSPC survive a reopen; reads go on; writes resume without a restart', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  let store: CairnBlockstore | undefined
  try {
    const path = join(fs.path, 'store')
    store = await createBlockstore({ path, ...OPTIONS })
    const a = await smallDag(1, 3, 20_000)
    await pinDag(store, a)
    await fs.fill()
    // Small blocks: only the index is written, and its log append fails part-way
    const small = await Promise.all(Array.from({ length: 300 }, async (_, i) => rawBlock(pseudoRandom(100, 1000 + i))))
    const err = await rejects(async () => store!.putBlocks(small), 'NoSpaceError')
    assert.is(err.code, 'ERR_NO_SPACE')
    assert.not.ok(err.message.includes('\n'))
    // Refused at once while the disk is full, and reads go on
    await rejects(async () => store!.putBlocks(small), 'NoSpaceError')
    await rejects(async () => store!.pins.add(a.blocks[0].cid, { recursive: false }), 'NoSpaceError')
    await assertInvariants(store, [a], 'while the disk is full')

    await fs.drain()
    // Enough writes after the failure to cross LevelDB log blocks: before the fix all were lost on reopen
    const b = await smallDag(2, 200, 100)
    await pinDag(store, b)
    const c = await smallDag(3, 3, 20_000)
    await pinDag(store, c)
    await store.pins.rm(a.root)
    await collect(store.gc())
    await assertInvariants(store, [b, c], 'recovered')
    await store.close()

    store = await createBlockstore({ path, ...OPTIONS })
    await assertInvariants(store, [b, c], 'reopened')
    assert.is((await store.stats()).blocks, b.blocks.length + c.blocks.length)
    await store.close()
  } finally {
    await store?.close().catch(() => {})
    await fs.unmount()
  }
})

test('ENOSPC at every fill level during add, pin, unpin, GC and compaction loses nothing acknowledged', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  let failures = 0
  try {
    // Free space left when the sequence starts: from nothing to enough for most of it
    for (const [i, leave] of [0, 4096, 12_288, 28_672, 61_440, 126_976, 258_048, 520_192].entries()) {
      const path = join(fs.path, `store-${i}`)
      let store = await createBlockstore({ path, ...OPTIONS })
      const acked = new Map<string, AckedDag>()
      try {
        const base = await smallDag(100 + i, 4, 30_000)
        await pinDag(store, base)
        acked.set(base.root.toString(), base)
        const old = await smallDag(200 + i, 6, 30_000)
        await pinDag(store, old)
        acked.set(old.root.toString(), old)
        await fs.fill(leave)
        const steps: Array<() => Promise<void>> = [
          async () => { const dag = await smallDag(300 + i, 6, 30_000); await pinDag(store, dag); acked.set(dag.root.toString(), dag) },
          async () => { const dag = await smallDag(400 + i, 40, 200); await store.putBlocks(dag.blocks); await store.pins.add(dag.root); acked.set(dag.root.toString(), dag) },
          async () => { acked.delete(old.root.toString()); await store.pins.rm(old.root) },
          async () => { await collect(store.gc()) }
        ]
        for (const step of steps) {
          try {
            await step()
          } catch (err) {
            failures++
            assert.is((err as Error).name, 'NoSpaceError', (err as Error).message)
          }
          await assertInvariants(store, acked.values(), `leave ${leave}, after a step`)
        }
        await fs.drain()
        // Recovers without a restart, and GC reclaims what failed adds left
        const after = await smallDag(500 + i, 2, 30_000)
        await pinDag(store, after)
        acked.set(after.root.toString(), after)
        await collect(store.gc())
        await assertInvariants(store, acked.values(), `leave ${leave}, space back`)
      } finally {
        await store.close()
      }
      store = await createBlockstore({ path, ...OPTIONS })
      try {
        await assertInvariants(store, acked.values(), `leave ${leave}, reopened`)
        await collect(store.gc())
      } finally {
        await store.close()
      }
    }
    assert.ok(failures >= 8, `${failures} steps met ENOSPC`)
  } finally {
    await fs.unmount()
  }
})

test('a full disk never locks the repo out: it opens with zero bytes free, reads, and GC reclaims a failed add', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  let store: CairnBlockstore | undefined
  try {
    const path = join(fs.path, 'store')
    store = await createBlockstore({ path, ...OPTIONS })
    assert.is(await sizeOf(join(path, 'reserve')), RESERVE, 'the reserve is made')
    const pinned = await smallDag(1, 4, 30_000)
    await pinDag(store, pinned)
    // An add that fills the disk and fails, as in the issue: its first batches are committed, unpinned
    let added = 0
    await rejects(async () => store!.withAddLock(async () => {
      for (let i = 0; ; i++) {
        const dag = await smallDag(1000 + i, 8, 60_000)
        await store!.putBlocks(dag.blocks)
        added += dag.blocks.length
      }
    }), 'NoSpaceError')
    assert.ok(added > 0)
    // Some small-block writes so that the index log holds unflushed records to replay on open
    await fs.fill()
    await store.close()
    assert.is(await fs.free(), 0)

    store = await createBlockstore({ path, ...OPTIONS })
    assert.is(await sizeOf(join(path, 'reserve')), 0, 'the reserve was released to open the index (truncated: the mark of a released reserve)')
    await assertInvariants(store, [pinned], 'opened on a full disk')
    // the room the reserve freed is for recovery: new blocks and pins are refused, cleanly
    const fresh = await smallDag(5000, 2, 30_000)
    const refused = await rejects(async () => store!.putBlocks(fresh.blocks), 'NoSpaceError')
    assert.match(refused.message, /^storage full: .*reserve/)
    await rejects(async () => store!.pins.add(pinned.blocks[1].cid), 'NoSpaceError')
    assert.not.ok(await store.hasBlock(fresh.root), 'nothing of the refused put was stored')
    const before = await store.stats()
    const removed = await collect(store.gc())
    assert.is(removed.length, before.blocks - pinned.blocks.length, 'GC removes the failed add')
    await assertInvariants(store, [pinned], 'after GC on a full disk')
    assert.ok(await fs.free() > 2 * RESERVE, `GC freed the failed add's bodies: ${await fs.free()} bytes free`)
    await fs.drain()
    await collect(store.gc())
    assert.is(await sizeOf(join(path, 'reserve')), RESERVE, 'the reserve is made again once there is room')
    await pinDag(store, fresh)
    await store.close()

    store = await createBlockstore({ path, ...OPTIONS })
    await assertInvariants(store, [pinned, fresh], 'reopened')
    await store.close()
  } finally {
    await store?.close().catch(() => {})
    await fs.unmount()
  }
})

test('a reserve GC released on a full disk holds new blocks back until it is made again, in this process and the next', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  const path = join(fs.path, 'store')
  let store: CairnBlockstore | undefined
  try {
    store = await createBlockstore({ path, ...OPTIONS })
    const pinned = await smallDag(1, 4, 30_000)
    await pinDag(store, pinned)
    assert.is(await sizeOf(join(path, 'reserve')), RESERVE)
    await fs.fill()
    // GC on the full disk releases the reserve for its own commits
    await collect(store.gc())
    assert.is(await sizeOf(join(path, 'reserve')), 0, 'GC released the reserve')
    const fresh = await smallDag(9000, 3, 20_000)
    await rejects(async () => store!.putBlocks(fresh.blocks), 'NoSpaceError')
    await rejects(async () => store!.pins.update(pinned.root, fresh.root), 'NoSpaceError')
    // a put of blocks already stored writes nothing, and is not refused
    await store.putBlocks(pinned.blocks)
    await store.close()
    // the mark is on disk: the next process is held back as well, though it opens without a release
    store = await createBlockstore({ path, ...OPTIONS })
    await rejects(async () => store!.putBlocks(fresh.blocks), 'NoSpaceError')
    await assertInvariants(store, [pinned], 'reopened while released')
    await fs.drain()
    await pinDag(store, fresh)
    assert.is(await sizeOf(join(path, 'reserve')), RESERVE, 'the next put made the reserve again before writing')
    await assertInvariants(store, [pinned, fresh], 'after space came back')
  } finally {
    await store?.close().catch(() => {})
    await fs.unmount()
  }
})

test('a put that passed its reserve check before GC released the reserve does not write into the room the release freed', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  const path = join(fs.path, 'store')
  let store: CairnBlockstore | undefined
  const events: string[] = []
  let paused: (() => void) | undefined
  let pause: Promise<void> | undefined
  try {
    store = await createBlockstore({
      path,
      ...OPTIONS,
      faults: (point, detail) => {
        if (point === 'pack-write' && detail?.pack != null) events.push('pack-write')
      },
      probe: (point) => {
        if (point === 'reserve-released') { events.push('released'); paused?.() }
        if (point === 'reserve-gate') paused?.()
        if (point === 'room-checked' && pause != null) return pause
      }
    })
    assert.is(await sizeOf(join(path, 'reserve')), RESERVE)
    await fs.fill(64 * 1024)
    // a loose put (a Bitswap fetch: no add lock) passes its check, then stops before writing
    pause = new Promise<void>(resolve => { paused = resolve })
    const block = await rawBlock(pseudoRandom(32 * 1024, 77))
    const put = store.putBlock(block.cid, block.bytes).then(() => 'stored', (err: Error) => err.name)
    // GC on the nearly full disk releases the reserve; the put goes on once the release waits for
    // it (or, were there no gate, once the release is done: then its bytes would land after)
    const gc = collect(store.gc())
    const outcome = await put
    pause = undefined
    await gc
    assert.ok(events.includes('released'), 'GC released the reserve')
    const released = events.indexOf('released')
    assert.ok(!events.slice(released).includes('pack-write'), `no pack byte of the put written after the release (${events.join(', ')}; put: ${outcome})`)
    // after the release, new blocks are refused until the reserve is made again
    const next = await rawBlock(pseudoRandom(32 * 1024, 78))
    await rejects(async () => store!.putBlock(next.cid, next.bytes), 'NoSpaceError')
  } finally {
    paused?.()
    await store?.close().catch(() => {})
    await fs.unmount()
  }
})

test('a missing reserve in a store an older Cairn left (layout 2, which deleted released reserves) reads as released, its companions too; in a current store, as never made', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  const path = join(fs.path, 'store')
  const companion = join(fs.path, 'datastore.reserve')
  let store: CairnBlockstore | undefined
  try {
    store = await createBlockstore({ path, ...OPTIONS })
    const pinned = await smallDag(1, 4, 30_000)
    await pinDag(store, pinned)
    await store.close()
    store = undefined
    // what an older Cairn left after releasing on a full disk: layout 2 and no reserve file
    const db = new Level<Uint8Array, Uint8Array>(join(path, 'index'), { keyEncoding: 'view', valueEncoding: 'view' })
    await db.put(VERSION_KEY, new TextEncoder().encode('2'))
    await db.close()
    await rm(join(path, 'reserve'))
    await fs.fill(RESERVE)
    store = await createBlockstore({ path, ...OPTIONS, legacyReserves: [companion] })
    assert.is(await sizeOf(join(path, 'reserve')), 0, 'the missing reserve is marked released')
    assert.is(await sizeOf(companion), 0, 'the repo\'s other reserve, missing too, is marked released')
    const fresh = await smallDag(9000, 3, 20_000)
    const refused = await rejects(async () => store!.putBlocks(fresh.blocks), 'NoSpaceError')
    assert.match(refused.message, /^storage full: .*reserve/)
    await assertInvariants(store, [pinned], 'migrated with the reserve released')
    await store.close()
    store = undefined
    // a current store's missing reserve is one never made: nothing is held back
    await rm(join(path, 'reserve'))
    store = await createBlockstore({ path, ...OPTIONS, legacyReserves: [companion] })
    assert.is(await sizeOf(join(path, 'reserve')), -1, 'not marked: the store is current')
    await pinDag(store, fresh)
    await fs.drain()
    await store.close()
    store = await createBlockstore({ path, ...OPTIONS })
    assert.is(await sizeOf(join(path, 'reserve')), RESERVE, 'made once there is room')
    await assertInvariants(store, [pinned, fresh], 'after space came back')
  } finally {
    await store?.close().catch(() => {})
    await fs.unmount()
  }
})

test('any LevelDB opened with its own reserve (the node\'s datastore) opens with zero bytes free, and makes the reserve again once there is room', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  const path = join(fs.path, 'datastore')
  const reservePath = join(fs.path, 'datastore.reserve')
  const init = { reservePath, reserveBytes: RESERVE, what: `The datastore at ${path}` }
  const records = Array.from({ length: 200 }, (_, i) => ({ type: 'put' as const, key: `/record/${i}`, value: Buffer.from(pseudoRandom(512, i)).toString('hex') }))
  let db = new Level<string, string>(path)
  try {
    const reserve = await openLevelWithReserve(db, init)
    await reserve.ensure()
    assert.ok(reserve.present && await sizeOf(reservePath) === RESERVE, 'the reserve is made after the first open')
    // 200 KB in the log, which opening replays into a table: that needs room, which the reserve
    // (512 KiB here, twice LevelDB's default write buffer for the node's datastore) must cover
    await db.batch(records)
    await db.close()
    await fs.fill()
    assert.is(await fs.free(), 0)

    const without = new Level<string, string>(path)
    const failed = await without.open().then(() => undefined, (err: Error) => err)
    await without.close().catch(() => {})
    assert.ok(failed != null, 'without the reserve, LevelDB cannot open on the full disk')

    db = new Level<string, string>(path)
    const opened = await openLevelWithReserve(db, { ...init, remake: false })
    assert.ok(!opened.present && opened.released && await sizeOf(reservePath) === 0, 'the reserve was released to open')
    assert.is((await db.getMany(records.map(r => r.key))).filter((v, i) => v === records[i].value).length, records.length, 'every record reads back')
    await opened.ensure()
    assert.ok(opened.released && await sizeOf(reservePath) === 0, 'not made again while the disk is full')
    await db.close()

    await fs.drain()
    db = new Level<string, string>(path)
    const again = await openLevelWithReserve(db, { ...init, remake: false })
    await again.ensure()
    assert.ok(again.present && !again.released && await sizeOf(reservePath) === RESERVE, 'made again once there is room')
  } finally {
    await db.close().catch(() => {})
    await fs.unmount()
  }
})

test('a store holding another reserve (the node\'s datastore\'s) takes no new blocks while it is released, and takes them again once it is made', async () => {
  const fs = await mountTmpfs(8 * 1024 * 1024)
  const dsPath = join(fs.path, 'datastore')
  const init = { reservePath: join(fs.path, 'datastore.reserve'), reserveBytes: RESERVE, what: `The datastore at ${dsPath}` }
  let db = new Level<string, string>(dsPath)
  let store: CairnBlockstore | undefined
  try {
    store = await createBlockstore({ path: join(fs.path, 'store'), ...OPTIONS })
    const pinned = await smallDag(1, 4, 30_000)
    await pinDag(store, pinned)
    await (await openLevelWithReserve(db, init)).ensure()
    await db.batch(Array.from({ length: 200 }, (_, i) => ({ type: 'put' as const, key: `/record/${i}`, value: Buffer.from(pseudoRandom(512, i)).toString('hex') })))
    await db.close()
    await fs.fill()
    db = new Level<string, string>(dsPath)
    const reserve = await openLevelWithReserve(db, { ...init, remake: false })
    assert.ok(reserve.released, 'the datastore released its reserve to open on the full disk')
    const unhold = store.holdReserve(reserve)
    const fresh = await smallDag(7000, 3, 20_000)
    const refused = await rejects(async () => store!.putBlocks(fresh.blocks), 'NoSpaceError')
    assert.match(refused.message, /datastore\.reserve/)
    // reads, unpins and GC go on
    await assertInvariants(store, [pinned], 'while the datastore reserve is released')
    await fs.drain()
    await pinDag(store, fresh)
    assert.ok(reserve.present && !reserve.released, 'the refused write\'s retry made the datastore reserve again')
    await assertInvariants(store, [pinned, fresh], 'after space came back')
    unhold()
  } finally {
    await store?.close().catch(() => {})
    await db.close().catch(() => {})
    await fs.unmount()
  }
})

test.run()
