// @cairn/blockstore: pack files and inline blocks, reopen, the folder lock, pins and GC, the
// interface-blockstore face, and typed errors after close()
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBlockstore } from '@cairn/blockstore'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'

const dir = await mkdtemp(join(tmpdir(), 'cairn-pack-'))
const path = join(dir, 'blocks')
async function block (size: number, seed: number) {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31 + seed) % 256)
  return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes }
}
const small = await block(100, 1)
const large = await block(300 * 1024, 2)   // a pack file body

let store = await createBlockstore({ path })
await store.putBlocks([small, large])
await assert.rejects(createBlockstore({ path }), { code: 'ERR_REPO_LOCKED' })
await store.close()

store = await createBlockstore({ path })
assert.deepEqual(await store.getBlock(large.cid), large.bytes)
// interface-blockstore v7: get yields chunks, has, put
const chunks: Uint8Array[] = []
for await (const chunk of store.get(small.cid)) chunks.push(chunk)
assert.deepEqual(Buffer.concat(chunks), Buffer.from(small.bytes))
assert.ok(await store.has(large.cid))
await store.pins.add(large.cid)
const removed: string[] = []
for await (const cid of store.gc()) removed.push(cid.toString())
assert.deepEqual(removed, [small.cid.toString()])
assert.deepEqual(await store.stats(), { blocks: 1, bytes: 300 * 1024 })
for await (const problem of store.verify()) assert.fail(`verify: ${JSON.stringify(problem)}`)
await store.close()
await assert.rejects(store.getBlock(large.cid), { name: 'StoreClosedError', code: 'ERR_STORE_CLOSED' })
await rm(dir, { recursive: true })
console.log('@cairn/blockstore ok')
