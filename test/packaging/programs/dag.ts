// @cairn/dag over two stores: a CAR exported from the LevelDB store and imported into a Map, then
// read back through the Map (any BlockGetter/BlockPutter will do)
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBlockstore } from '@cairn/blockstore'
import { importBytes, exportCar, importCar, cat, stat } from '@cairn/dag'
import type { BlockGetter, BlockPutter } from '@cairn/interface'

const dir = await mkdtemp(join(tmpdir(), 'cairn-pack-'))
const store = await createBlockstore({ path: join(dir, 'blocks') })
const content = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 253)
const { cid } = await importBytes(content, store, { cidVersion: 1 })

const map = new Map<string, Uint8Array>()
const memory: BlockGetter & BlockPutter = {
  async getBlock (c) { const b = map.get(c.toString()); if (b == null) throw Object.assign(new Error('not found'), { code: 'ERR_NOT_FOUND' }); return b },
  async putBlock (c, bytes) { map.set(c.toString(), bytes) }
}
const result = await importCar(exportCar(cid, store), memory)
assert.deepEqual(result.roots.map(String), [cid.toString()])
assert.equal(map.size, 13, '12 leaves of 256 KiB and their parent')
const s = await stat(cid, memory)
assert.equal(s.size, content.byteLength)
const back: Uint8Array[] = []
for await (const chunk of cat(cid, memory, { offset: 1_000_000, length: 10 })) back.push(chunk)
assert.deepEqual(Buffer.concat(back), Buffer.from(content.subarray(1_000_000, 1_000_010)))
await store.close()
await rm(dir, { recursive: true })
console.log('@cairn/dag ok')
