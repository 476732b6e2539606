// @cairn/dag without any store package (it loads without LevelDB, on Node 20): a file imported
// into a Map, exported as a CAR, imported into a second Map and read back from there
import assert from 'node:assert/strict'
import { importBytes, exportCar, importCar, cat, stat } from '@cairn/dag'
import { NotFoundError } from '@cairn/interface'
import type { BlockGetter, BlockPutter } from '@cairn/interface'

function memoryStore (): BlockGetter & BlockPutter & { size: number } {
  const map = new Map<string, Uint8Array>()
  return {
    get size () { return map.size },
    async getBlock (cid) {
      const bytes = map.get(cid.toString())
      if (bytes == null) throw new NotFoundError(`${cid} not found`)
      return bytes
    },
    async putBlock (cid, bytes) { map.set(cid.toString(), bytes) }
  }
}

const first = memoryStore()
const content = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 253)
const { cid } = await importBytes(content, first, { cidVersion: 1 })
assert.equal(first.size, 13, '12 leaves of 256 KiB and their parent')

const second = memoryStore()
const result = await importCar(exportCar(cid, first), second)
assert.deepEqual(result.roots.map(String), [cid.toString()])
assert.equal(second.size, 13)
const s = await stat(cid, second)
assert.equal(s.size, content.byteLength)
const back: Uint8Array[] = []
for await (const chunk of cat(cid, second, { offset: 1_000_000, length: 10 })) back.push(chunk)
assert.deepEqual(Buffer.concat(back), Buffer.from(content.subarray(1_000_000, 1_000_010)))
// Kubo's CID for the same bytes and defaults (CIDv0, 256 KiB chunks)
const v0 = await importBytes(new TextEncoder().encode('hello\n'), memoryStore())
assert.equal(v0.cid.toString(), 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN')
console.log('@cairn/dag ok')
