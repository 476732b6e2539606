import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { UnsupportedCodecError } from '@cairn/interface'
import { convertBlock } from '../src/index.ts'

const child = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode('leaf')))

test('a dag-pb node converts to DAG-JSON and DAG-CBOR with the same data model', () => {
  const pb = dagPb.encode(dagPb.prepare({ Data: new Uint8Array([8, 1]), Links: [{ Hash: child, Name: 'a', Tsize: 4 }] }))
  const json = dagJson.decode(convertBlock(dagPb.code, pb, 'dag-json')) as dagPb.PBNode
  assert.equal(json.Links[0].Name, 'a')
  assert.ok(json.Links[0].Hash.equals(child))
  assert.equal(dagCbor.decode(convertBlock(dagPb.code, pb, 'dag-cbor')), dagPb.decode(pb))
})

test('DAG-CBOR and DAG-JSON convert into each other; a raw block is one bytes value', () => {
  const value = { n: 1, link: child, s: 'x' }
  assert.equal(dagJson.decode(convertBlock(dagCbor.code, dagCbor.encode(value), 'json')), value)
  assert.equal(dagCbor.decode(convertBlock(dagJson.code, dagJson.encode(value), 'cbor')), value)
  assert.equal(dagJson.decode(convertBlock(0x55, new Uint8Array([1, 2]), 'dag-json')), new Uint8Array([1, 2]))
})

test('a codec or format it cannot convert is UnsupportedCodecError', () => {
  assert.throws(() => convertBlock(0x0200, new Uint8Array([0x7b, 0x7d]), 'dag-cbor'), (err: Error) => err instanceof UnsupportedCodecError)
  assert.throws(() => convertBlock(dagCbor.code, dagCbor.encode({}), 'yaml'), (err: Error) => err instanceof UnsupportedCodecError)
})

test.run()
