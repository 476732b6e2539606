// @cairn/ipld: hash verification over several hash functions, links of each codec, varints
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { blockLinks, verifyBlock, verifyBlockSync, isSupportedHash, readVarint, writeVarint, varintLength, DAG_PB_CODE } from '@cairn/ipld'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256, sha512 } from 'multiformats/hashes/sha2'

const bytes = new TextEncoder().encode('cairn')
for (const hasher of [sha256, sha512]) {
  const cid = CID.createV1(raw.code, await hasher.digest(bytes))
  assert.ok(isSupportedHash(hasher.code))
  await verifyBlock(cid, bytes)
  assert.throws(() => verifyBlockSync(cid, bytes.subarray(1)), { code: 'ERR_HASH_MISMATCH' })
}
const leaf = CID.createV1(raw.code, await sha256.digest(bytes))
const node = dagPb.encode(dagPb.prepare({ Links: [{ Hash: leaf, Name: 'a', Tsize: 5 }, { Hash: leaf, Name: 'b', Tsize: 5 }] }))
const nodeCid = CID.createV0(await sha256.digest(node))
assert.equal(nodeCid.code, DAG_PB_CODE)
assert.deepEqual(blockLinks(nodeCid, node).map(String), [leaf.toString()], 'links in order, deduplicated')
assert.throws(() => blockLinks(nodeCid, Uint8Array.of(0xff, 0xff)), { code: 'ERR_MALFORMED_BLOCK' })

const buf = new Uint8Array(16)
for (const n of [0, 127, 128, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
  const end = writeVarint(buf, 0, n)
  assert.equal(end, varintLength(n))
  assert.deepEqual(readVarint(buf, 0), { value: n, next: end })
}
assert.equal(readVarint(Uint8Array.of(0x80), 0), undefined, 'a truncated varint')

assert.match(createRequire(import.meta.url).resolve('@cairn/ipld'), /\/dist\/src\/index\.js$/)
console.log('@cairn/ipld ok')
