import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import * as raw from 'multiformats/codecs/raw'
import { createBlockWriter, MutableShard, writeDirectory } from '../src/index.ts'
import type { BlockPutter } from '@cairn/interface'

/** Blocks kept in a map: the test counts what each write stores */
function memory (): BlockPutter & { puts: number } {
  const blocks = new Map<string, Uint8Array>()
  const store = {
    puts: 0,
    async putBlock (cid: CID, bytes: Uint8Array) { store.puts++; blocks.set(cid.toString(), bytes) }
  }
  return store
}

async function fileCid (i: number, generation = 0): Promise<CID> {
  return CID.createV1(raw.code, await sha256.digest(new TextEncoder().encode(`${i}/${generation}`)))
}

const settings = (cidVersion: 0 | 1) => ({ format: { cidVersion, inlineLimit: -1 }, shardSplitStrategy: 'links-bytes' as const, shardThresholdBytes: 0 })

/** What `add -r` would write for the same set: a fresh layout of every entry */
async function reference (entries: Map<string, { cid: CID, tsize: number }>, cidVersion: 0 | 1, meta = {}): Promise<string> {
  const written = await writeDirectory(entries, meta, createBlockWriter(undefined), { ...settings(cidVersion), keepDefaultMode: true })
  return written.cid.toString()
}

test('set and delete in any order give the CID a fresh layout of the same entries gives, writing only changed nodes', async () => {
  const shard = new MutableShard()
  const entries = new Map<string, { cid: CID, tsize: number }>()
  const store = memory()
  // enough names for sub-shards two levels down, added in a scrambled order
  const names = Array.from({ length: 3000 }, (_, i) => `entry-${(i * 7919) % 3000}`)
  for (const [i, name] of names.entries()) {
    const e = { cid: await fileCid(i), tsize: 100 + i }
    shard.set({ name, ...e })
    entries.set(name, e)
  }
  assert.is(shard.size, 3000)
  let writer = createBlockWriter(store)
  let root = await shard.write(writer, { cidVersion: 1, inlineLimit: -1 })
  await writer.flush()
  assert.is(root.cid.toString(), await reference(entries, 1))
  const firstPuts = store.puts

  // a few changes rewrite only the nodes on their paths
  store.puts = 0
  for (const i of [5, 1000, 2999]) {
    const e = { cid: await fileCid(i, 1), tsize: 7 }
    shard.set({ name: names[i], ...e })
    entries.set(names[i], e)
  }
  writer = createBlockWriter(store)
  root = await shard.write(writer, { cidVersion: 1, inlineLimit: -1 })
  await writer.flush()
  assert.is(root.cid.toString(), await reference(entries, 1))
  assert.ok(store.puts <= 1 + 3 * 2, `${store.puts} blocks written for 3 changes (first write: ${firstPuts})`)

  // removing most entries folds sub-shards back into their slots, as a fresh layout has them
  for (const name of names.slice(0, 2990)) {
    assert.ok(shard.delete(name))
    entries.delete(name)
  }
  assert.not.ok(shard.delete('not-there'))
  assert.is(shard.size, 10)
  root = await shard.write(createBlockWriter(undefined), { cidVersion: 1, inlineLimit: -1 }, { mode: 0o755, keepDefaultMode: true })
  assert.is(root.cid.toString(), await reference(entries, 1, { mode: 0o755 }))
  assert.equal(shard.get(names[2995])?.cid, entries.get(names[2995])?.cid)

  // another CID version rewrites every node, and the unchanged sub-shards are reported for GC
  root = await shard.write(createBlockWriter(undefined), { cidVersion: 0, inlineLimit: -1 })
  assert.is(root.cid.toString(), await reference(entries, 0))
  assert.is(root.cid.version, 0)
})

test('unchanged sub-shards are the ones a GC must keep until the next write', async () => {
  const shard = MutableShard.from(Array.from({ length: 600 }, (_, i) => ({ name: `n${i}`, cid: CID.parse('bafkqaaa'), tsize: 0 })))
  assert.equal(shard.writtenRoots(), [])
  await shard.write(createBlockWriter(undefined), { cidVersion: 1, inlineLimit: -1 })
  const before = shard.writtenRoots().length
  assert.ok(before > 0)
  shard.delete('n1')
  assert.ok(shard.writtenRoots().length >= before - 1)
})

test.run()
