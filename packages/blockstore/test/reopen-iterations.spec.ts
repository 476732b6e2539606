/**
 * Long walks survive the index being reopened under them: after a failed write the store closes
 * and reopens LevelDB (README "What the store guarantees", 3), which closes every iterator. A
 * `verify()` or `pins.ls` running at that moment goes on from where it was and ends with every
 * entry once, instead of failing with LevelDB's "iterator is not open".
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { collect, pseudoRandom, rawBlock, tempDir } from './fixtures/blocks.ts'
import type { LevelBlockstore } from '../src/blockstore.ts'
import type { FaultPoint } from '../src/index.ts'

const test = suite('iterations across a reopen')

/** Fails the next index write with EIO once armed */
function faultyWrites (): { hook: (point: FaultPoint) => void, arm: () => void } {
  let armed = false
  return {
    hook (point) {
      if (point !== 'index-write' || !armed) return
      armed = false
      const err = new Error('EIO: injected') as NodeJS.ErrnoException
      err.code = 'EIO'
      throw err
    },
    arm () { armed = true }
  }
}

function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0
}

/** Makes the store fail a write and then recover from it, which reopens its index */
async function failAndReopen (store: LevelBlockstore, arm: () => void, seed: number): Promise<void> {
  const reopens = store.ledger.reopens
  arm()
  const a = await rawBlock(pseudoRandom(100, seed))
  const failed = await store.putBlock(a.cid, a.bytes).then(() => undefined, (err: Error & { code?: string }) => err)
  assert.is(failed?.code, 'ERR_STORE_WRITE', 'the injected EIO fails the put')
  const b = await rawBlock(pseudoRandom(100, seed + 1))
  await store.putBlock(b.cid, b.bytes)
  assert.is(store.ledger.reopens, reopens + 1, 'the next put reopened the index')
}

test('verify() and pins.ls go on through a reopen and give every entry once', async () => {
  const dir = await tempDir('reopen-iterations')
  const faults = faultyWrites()
  const store = await createBlockstore({ path: dir.path, faults: faults.hook, reserveBytes: 0 }) as LevelBlockstore
  try {
    const blocks = await Promise.all(Array.from({ length: 300 }, async (_, i) => rawBlock(pseudoRandom(64 + (i % 7) * 5000, 1000 + i))))
    await store.putBlocks(blocks)
    for (const b of blocks.slice(0, 200)) await store.pins.add(b.cid, { recursive: false })

    // pins.ls: cut off after 50 entries
    const listed: string[] = []
    for await (const pin of store.pins.ls({ type: 'direct' })) {
      listed.push(pin.cid.toString())
      if (listed.length === 50) await failAndReopen(store, faults.arm, 7)
    }
    assert.is(listed.length, 200, 'every direct pin listed')
    assert.is(new Set(listed).size, 200, 'none twice')

    // verify(): ten blocks stored under CIDs their bytes do not hash to, so the walk yields
    // part-way (the store does not check puts unless told to); the reopen comes at the first
    const bad = await Promise.all(Array.from({ length: 10 }, async (_, i) => ({
      cid: (await rawBlock(pseudoRandom(50, 5000 + i))).cid,
      bytes: pseudoRandom(60, 6000 + i)
    })))
    for (const b of bad) await store.putBlock(b.cid, b.bytes)
    const problems: string[] = []
    for await (const problem of store.verify()) {
      problems.push(`${problem.cid.toString()} ${problem.reason}`)
      if (problems.length === 1) await failAndReopen(store, faults.arm, 9)
    }
    assert.equal(problems.sort(), bad.map(b => `${b.cid.toString()} hash-mismatch`).sort(), 'each bad block reported once, the walk finished')
    assert.is((await store.stats()).blocks, 300 + 10 + 2, "the failed puts did not land, the others did")
  } finally {
    await store.close()
    await dir.remove()
  }
})

test('getAll() and the multihash walk of `refs local` go on through a reopen and give every block once', async () => {
  const dir = await tempDir('reopen-walks')
  const faults = faultyWrites()
  const store = await createBlockstore({ path: dir.path, faults: faults.hook, reserveBytes: 0, inlineBytesMax: 1024 }) as LevelBlockstore
  try {
    const blocks = await Promise.all(Array.from({ length: 300 }, async (_, i) => rawBlock(pseudoRandom(i % 3 === 0 ? 4000 : 100, 30_000 + i))))
    await store.putBlocks(blocks)
    const stored = new Set(blocks.map(b => b.cid.multihash.bytes.toString()))
    let seed = 40
    for (const walk of [
      async function * () {
        for await (const { cid, bytes } of store.getAll()) {
          const chunks: Uint8Array[] = []
          for await (const chunk of bytes) chunks.push(chunk)
          yield { cid, bytes: Buffer.concat(chunks) }
        }
      },
      async function * () { for await (const cid of store.multihashes()) yield { cid, bytes: undefined } }
    ]) {
      const seen: string[] = []
      for await (const { cid, bytes } of walk()) {
        const key = cid.multihash.bytes.toString()
        if (stored.has(key)) seen.push(key)
        if (bytes != null) assert.ok(equalBytes(bytes, blocks.find(b => b.cid.multihash.bytes.toString() === key)!.bytes))
        if (seen.length === 100) await failAndReopen(store, faults.arm, seed += 2)
      }
      assert.is(seen.length, blocks.length, 'every block given')
      assert.is(new Set(seen).size, blocks.length, 'none twice')
    }
  } finally {
    await store.close()
    await dir.remove()
  }
})

test('a GC whose index is reopened mid-sweep, by another write or by its own, finishes the sweep', async () => {
  const dir = await tempDir('reopen-gc')
  const faults = faultyWrites()
  // small sweep batches and packs: the sweep takes many steps, and compaction has packs to move
  const store = await createBlockstore({ path: dir.path, faults: faults.hook, reserveBytes: 0, batchBlocksMax: 16, packBytesMax: 100_000 }) as LevelBlockstore
  try {
    // 2,600 blocks: more than one scan step (1024 keys) of the sweep; every 40th a 20 KB pack body
    const blocks = await Promise.all(Array.from({ length: 2600 }, async (_, i) => rawBlock(pseudoRandom(i % 40 === 0 ? 20_000 : 64 + (i % 50), 20_000 + i))))
    await store.putBlocks(blocks)
    const pinned = blocks.filter((_, i) => i % 4 === 0)
    const garbage = blocks.filter((_, i) => i % 4 !== 0)
    for (const b of pinned) await store.pins.add(b.cid, { recursive: false })
    const reopens = store.ledger.reopens

    const removed = new Set<string>()
    for await (const cid of store.gc()) {
      removed.add(cid.multihash.bytes.toString())
      // first cut: another write fails and the next one reopens the index under the sweep
      if (removed.size === 160) await failAndReopen(store, faults.arm, 11)
      // second cut: a write fails and the sweep's own next commit reopens the index
      if (removed.size === 1200) {
        faults.arm()
        const loose = await rawBlock(pseudoRandom(100, 13))
        assert.is(await store.putBlock(loose.cid, loose.bytes).then(() => undefined, (err: { code?: string }) => err.code), 'ERR_STORE_WRITE')
      }
    }
    assert.is(store.ledger.reopens, reopens + 2, 'the index was reopened twice during the GC')
    for (const b of garbage) assert.ok(removed.has(b.cid.multihash.bytes.toString()) && !(await store.hasBlock(b.cid)), 'every unpinned block was swept')
    for (const b of pinned) assert.ok(equalBytes(await store.getBlock(b.cid), b.bytes), 'every pinned block reads back byte-exact')
    assert.equal(await collect(store.verify()), [], 'verify() is clean')
    // the one loose block the first cut stored after the reopen may or may not have been swept
    const stats = await store.stats()
    assert.ok(stats.blocks === pinned.length || stats.blocks === pinned.length + 1, `${stats.blocks} blocks left`)
    // compaction ran to its end: no pack is left mostly dead
    for (const [id, live] of store.ledger.packLive) assert.ok(live.blocks > 0, `pack ${id} holds live bodies`)
  } finally {
    await store.close()
    await dir.remove()
  }
})

test.run()
