import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import type { AddResult } from '@cairn/interface'
import { cat, importer, resolvePath } from '../src/index.ts'
import { MemoryStore } from './fixtures/memory-store.ts'
import { collect } from './fixtures/store.ts'

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

async function put (store: MemoryStore, code: number, bytes: Uint8Array): Promise<CID> {
  const cid = CID.createV1(code, await sha256.digest(bytes))
  await store.putBlock(cid, bytes)
  return cid
}

async function fixture (): Promise<{ store: MemoryStore, dir: AddResult, file: CID, json: CID, cbor: CID }> {
  const store = new MemoryStore()
  let dir: AddResult | undefined
  for await (const r of importer([{ path: 'd/sub/hello.txt', content: text('hello through cbor\n') }], store)) dir = r
  const { cid: file } = await resolvePath(`${dir!.cid.toString()}/sub/hello.txt`, store)
  const json = await put(store, dagJson.code, dagJson.encode({ tree: { dir: dir!.cid }, note: 'not a link' }))
  const cbor = await put(store, dagCbor.code, dagCbor.encode({ via: { json }, list: [file], bytes: new Uint8Array(2) }))
  return { store, dir: dir!, file, json, cbor }
}

test('resolvePath follows DAG-CBOR and DAG-JSON fields and links into UnixFS directories', async () => {
  const { store, dir, file, json, cbor } = await fixture()
  const r = await resolvePath(`/ipfs/${cbor.toString()}/via/json/tree/dir/sub/hello.txt`, store)
  assert.is(r.cid.toString(), file.toString())
  assert.equal(r.segments, ['via', 'json', 'tree', 'dir', 'sub', 'hello.txt'])
  const sub = (await resolvePath(`${dir.cid.toString()}/sub`, store)).cid
  assert.equal(r.roots.map(String), [cbor, cbor, json, json, dir.cid, sub, file].map(String), 'one root per segment, the document for inner fields')
  assert.equal(r.pathBlocks.map(String), [cbor, json, dir.cid, sub].map(String), 'every block read, the terminal excluded')
  assert.is((await resolvePath(`${cbor.toString()}/list/0`, store)).cid.toString(), file.toString(), 'list index')
  assert.is(new TextDecoder().decode(await collect(cat(`/ipfs/${cbor.toString()}/list/0`, store))), 'hello through cbor\n')
  const same = await resolvePath({ root: cbor, segments: ['via', 'json'] }, store)
  assert.is(same.cid.toString(), json.toString(), 'a parsed root and segments resolve as the string does')
})

test('resolvePath through a document: missing field, a path ending at a value, a malformed document', async () => {
  const { store, cbor, json } = await fixture()
  const codeOf = async (path: string): Promise<string> => resolvePath(path, store).then(() => 'resolved', (err: any) => String(err.code))
  assert.is(await codeOf(`${cbor.toString()}/nope`), 'ERR_NOT_FOUND')
  assert.is(await codeOf(`${cbor.toString()}/via/json/nope`), 'ERR_NOT_FOUND')
  assert.is(await codeOf(`${cbor.toString()}/via`), 'ERR_NOT_A_LINK')
  assert.is(await codeOf(`${json.toString()}/note`), 'ERR_NOT_A_LINK')
  assert.is(await codeOf(`${json.toString()}/note/deeper`), 'ERR_NOT_FOUND')
  assert.is(await codeOf(`${cbor.toString()}/list/0/more`), 'ERR_NOT_A_DIRECTORY', 'past a file is past a file, whatever led there')
  const broken = await put(store, dagCbor.code, Uint8Array.from([0xff, 0x00]))
  assert.is(await codeOf(`${broken.toString()}/x`), 'ERR_MALFORMED_BLOCK')
})

test.run()
