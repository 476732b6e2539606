/**
 * Long walks survive the index being reopened under them: after a failed write the store closes
 * and reopens LevelDB (README "What the store guarantees", 3), which closes every iterator. A
 * `verify()` or `pins.ls` running at that moment goes on from where it was and ends with every
 * entry once, instead of failing with LevelDB's "iterator is not open".
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '../src/index.ts'
import { pseudoRandom, rawBlock, tempDir } from './fixtures/blocks.ts'
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

test.run()
