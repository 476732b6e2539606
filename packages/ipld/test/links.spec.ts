import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import { CID } from 'multiformats/cid'
import { identity } from 'multiformats/hashes/identity'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { blockLinks, dagPbLinksFromPrefix, verifyBlock } from '../src/index.ts'
import { pbNode, pseudoRandom, rawBlock, rejects } from './fixtures/blocks.ts'

test('blockLinks reads dag-pb, dag-cbor and dag-json links, deduplicated, and none from raw or identity', async () => {
  const a = await rawBlock(pseudoRandom(10, 1))
  const b = await rawBlock(pseudoRandom(10, 2))
  const pb = await pbNode([a.cid, b.cid, a.cid])
  assert.equal(blockLinks(pb.cid, pb.bytes).map(String), [a.cid, b.cid].map(String))

  const cborBytes = dagCbor.encode({ x: [a.cid, { y: b.cid }], z: new Uint8Array(3) })
  const cborCid = CID.createV1(dagCbor.code, await sha256.digest(cborBytes))
  assert.equal(blockLinks(cborCid, cborBytes).map(String).sort(), [a.cid, b.cid].map(String).sort())

  const jsonBytes = dagJson.encode({ link: b.cid })
  const jsonCid = CID.createV1(dagJson.code, await sha256.digest(jsonBytes))
  assert.equal(blockLinks(jsonCid, jsonBytes).map(String), [b.cid.toString()])

  assert.equal(blockLinks(a.cid, a.bytes), [])
  const id = CID.createV1(0x55, identity.digest(new Uint8Array([1, 2])))
  assert.equal(blockLinks(id, new Uint8Array([1, 2])), [])
})

test('blockLinks: unknown codec is UnsupportedCodecError, undecodable bytes MalformedBlockError', async () => {
  const git = CID.createV1(0x78, await sha256.digest(new Uint8Array([1])))
  assert.throws(() => blockLinks(git, new Uint8Array([1])), (err: Error) => err.name === 'UnsupportedCodecError')
  const pb = (await pbNode([])).cid
  assert.throws(() => blockLinks(pb, new Uint8Array([0xff, 0xff, 0xff])), (err: Error) => err.name === 'MalformedBlockError')
})

test('verifyBlock checks sha2-256, sha2-512 and identity, and refuses what it cannot hash', async () => {
  const bytes = pseudoRandom(1000, 3)
  const other = pseudoRandom(1000, 4)
  const c256 = CID.createV1(0x55, await sha256.digest(bytes))
  const c512 = CID.createV1(0x55, await sha512.digest(bytes))
  const cId = CID.createV1(0x55, identity.digest(bytes.subarray(0, 20)))
  await verifyBlock(c256, bytes)
  await verifyBlock(c512, bytes)
  await verifyBlock(cId, bytes.subarray(0, 20))
  let err = await rejects(async () => verifyBlock(c256, other), 'HashMismatchError')
  assert.is(err.code, 'ERR_HASH_MISMATCH')
  await rejects(async () => verifyBlock(c512, other), 'HashMismatchError')
  await rejects(async () => verifyBlock(cId, other.subarray(0, 20)), 'HashMismatchError')
  await rejects(async () => verifyBlock(cId, bytes.subarray(0, 19)), 'HashMismatchError')
  // blake3 (0x1e) is not computed here
  const { create } = await import('multiformats/hashes/digest')
  err = await rejects(async () => verifyBlock(CID.createV1(0x55, create(0x1e, new Uint8Array(32))), bytes), 'UnsupportedHashError')
  assert.is(err.code, 'ERR_UNSUPPORTED_HASH')
})

test('dag-pb links are read from the first bytes of a node', async () => {
  const a = await rawBlock(pseudoRandom(10, 5))
  const b = await rawBlock(pseudoRandom(10, 6))
  const withData = await pbNode([a.cid, b.cid], pseudoRandom(100_000, 7))
  assert.equal(dagPbLinksFromPrefix(withData.bytes.subarray(0, 4096))?.map(String), [a.cid, b.cid].map(String))
  const leaf = await pbNode([], pseudoRandom(100_000, 8))
  assert.equal(dagPbLinksFromPrefix(leaf.bytes.subarray(0, 64)), [])
  assert.is(dagPbLinksFromPrefix(withData.bytes.subarray(0, 50)), undefined, 'links cut off: unknown')
  assert.is(dagPbLinksFromPrefix(new Uint8Array([0xff, 0xff])), undefined)
})

test.run()
