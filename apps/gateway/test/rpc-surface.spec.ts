/**
 * The reading commands of issue 15's last wave over the RPC, on a real node and real HTTP:
 * `cat` of several paths, `get` with `archive`/`compress`, `ls` with `stream` and
 * `resolve-type=false`, through kubo-rpc-client where it has the method and plain HTTP otherwise.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { gunzipSync } from 'node:zlib'
import { create } from 'kubo-rpc-client'
import type { KuboRPCClient } from 'kubo-rpc-client'
import { extract } from 'it-tar'
import { CID } from 'multiformats/cid'
import { request } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, api: string, ipfs: KuboRPCClient, a: CID, b: CID, dir: CID }

const signal = (): AbortSignal => AbortSignal.timeout(20_000)
const test = suite<Ctx>('reading commands over the RPC')
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

async function collect (source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  for await (const c of source) chunks.push(c)
  return Buffer.concat(chunks)
}

async function tarNames (body: Uint8Array): Promise<Array<{ name: string, text: string }>> {
  const out: Array<{ name: string, text: string }> = []
  for await (const entry of extract()((async function * () { yield body })())) {
    out.push({ name: entry.header.name, text: (await collect(entry.body)).toString() })
  }
  return out
}

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false }, true)
  ctx.api = ctx.gw.gateway.apiUrl!
  ctx.ipfs = create({ url: `${ctx.api}/api/v0` })
  const add = async (path: string, text: string): Promise<CID> => {
    let last: CID | undefined
    for await (const r of ctx.gw.node.add([{ path, content: bytes(text) }], {})) last = r.cid
    return last!
  }
  ctx.a = await add('', 'hello ')
  ctx.b = await add('', 'world\n')
  const results = []
  for await (const r of ctx.gw.node.add([
    { path: 'd/a.txt', content: bytes('in a dir') },
    { path: 'd/sub/b.txt', content: bytes('deeper\n') }
  ], { pin: false })) results.push(r)
  ctx.dir = results.find(r => r.path === 'd')!.cid
})

test.after(async ctx => { await ctx.gw?.stop() })

test('cat of several paths is one stream; offset and length run across the files', async ({ api, ipfs, a, b, dir }) => {
  const both = await request(`${api}/api/v0/cat?arg=${a}&arg=${b}`, { method: 'POST' })
  assert.is(both.status, 200)
  assert.is(both.text, 'hello world\n')
  assert.is((await request(`${api}/api/v0/cat?arg=${a}&arg=${b}&offset=3&length=5`, { method: 'POST' })).text, 'lo wo')
  // an offset past the first file starts inside the second
  assert.is((await request(`${api}/api/v0/cat?arg=${a}&arg=${b}&offset=7`, { method: 'POST' })).text, 'orld\n')
  // every path is opened before a byte is sent: a directory among them fails the whole call
  const withDir = await request(`${api}/api/v0/cat?arg=${a}&arg=${dir}`, { method: 'POST' })
  assert.is(withDir.status, 500)
  assert.is(JSON.parse(withDir.text).Message, 'this dag node is a directory')
  const negative = await request(`${api}/api/v0/cat?arg=${a}&offset=-1`, { method: 'POST' })
  assert.is(negative.status, 400)
  assert.is(JSON.parse(negative.text).Message, 'cannot specify negative offset')
  // kubo-rpc-client's cat, one path, with Kubo's offset and length
  assert.is((await collect(ipfs.cat(b, { offset: 1, length: 3, signal: signal() }))).toString(), 'orl')
})

test('get: archive is a tar, compress gzips it (or a lone file), bad levels are refused', async ({ api, ipfs, a, dir }) => {
  const tar = await request(`${api}/api/v0/get?arg=${dir}&archive=true`, { method: 'POST' })
  assert.is(tar.headers['content-type'], 'application/x-tar')
  const names = await tarNames(tar.body)
  assert.equal(names.map(e => e.name), [`${dir}`, `${dir}/a.txt`, `${dir}/sub`, `${dir}/sub/b.txt`])
  assert.is(names[3].text, 'deeper\n')

  const gz = await collect(ipfs.get(dir, { archive: true, compress: true, searchParams: { 'compression-level': 9 }, signal: signal() } as any))
  assert.equal((await tarNames(gunzipSync(gz))).map(e => e.name), names.map(e => e.name))
  const gzHead = await request(`${api}/api/v0/get?arg=${dir}&archive=true&compress=true`, { method: 'POST' })
  assert.is(gzHead.headers['content-type'], 'application/gzip')

  // compress without archive: the file's bytes alone, gzipped; a directory is not a regular file
  const lone = await request(`${api}/api/v0/get?arg=${a}&compress=true`, { method: 'POST' })
  assert.is(gunzipSync(lone.body).toString(), 'hello ')
  const notFile = await request(`${api}/api/v0/get?arg=${dir}&compress=true`, { method: 'POST' })
  assert.is(JSON.parse(notFile.text).Message, 'file is not regular')
  for (const level of [0, 10]) {
    const bad = await request(`${api}/api/v0/get?arg=${a}&compress=true&compression-level=${level}`, { method: 'POST' })
    assert.is(bad.status, 400, `level ${level}`)
    assert.is(JSON.parse(bad.text).Message, 'compression level must be between 1 and 9')
  }
})

test('ls: stream gives one object per link; resolve-type=false with size=false reads no child', async ({ api, ipfs, dir }) => {
  const listed = []
  for await (const e of ipfs.ls(dir, { signal: signal() })) listed.push(e)
  assert.equal(listed.map(e => [e.name, e.type, e.size]), [['a.txt', 'file', 8], ['sub', 'dir', 0]])

  const streamed = await request(`${api}/api/v0/ls?arg=${dir}&stream=true`, { method: 'POST' })
  const lines = streamed.text.trim().split('\n').map(l => JSON.parse(l))
  assert.is(lines.length, 2)
  for (const line of lines) assert.is(line.Objects[0].Links.length, 1)

  // the child blocks are removed: a listing that reads them fails, one that does not still answers
  const children = listed.map(e => e.cid)
  const subEntries = []
  for await (const e of ipfs.ls(children[1], { signal: signal() })) subEntries.push(e)
  for await (const r of ipfs.block.rm([...children, ...subEntries.map(e => e.cid)], { force: true, signal: signal() })) assert.is(r.error, undefined, String(r.error))
  const unresolved = await request(`${api}/api/v0/ls?arg=${dir}&resolve-type=false&size=false`, { method: 'POST' })
  assert.is(unresolved.status, 200, unresolved.text)
  const links = JSON.parse(unresolved.text).Objects[0].Links
  assert.equal(links.map((l: any) => [l.Name, l.Type, l.Size]), [['a.txt', 0, 0], ['sub', 0, 0]])
  const resolving = await request(`${api}/api/v0/ls?arg=${dir}&resolve-type=false`, { method: 'POST' })
  assert.is.not(resolving.status, 200, 'size=true still reads the children, as Kubo')

})

test('ls resolve-type=false: a raw child is a file sized by its link, without being read', async ({ api, gw }) => {
  let root: CID | undefined
  for await (const r of gw.node.add([{ path: 'w/raw.bin', content: bytes('raw bytes') }], { cidVersion: 1 })) if (r.path === 'w') root = r.cid
  const listed = await request(`${api}/api/v0/ls?arg=${root}&resolve-type=false&size=false`, { method: 'POST' })
  assert.equal(JSON.parse(listed.text).Objects[0].Links.map((l: any) => [l.Name, l.Type, l.Size]), [['raw.bin', 2, 9]])
})

test('ls of a HAMT directory is sorted by name as Kubo (stream keeps the shard order)', async ({ api, gw }) => {
  const names = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}`)
  let root: CID | undefined
  for await (const r of gw.node.add(names.map(n => ({ path: `h/${n}`, content: bytes(n) })), { shardThresholdBytes: 1, pin: false })) if (r.path === 'h') root = r.cid
  const listed = await request(`${api}/api/v0/ls?arg=${root}`, { method: 'POST' })
  assert.equal(JSON.parse(listed.text).Objects[0].Links.map((l: any) => l.Name), names)
  const streamed = (await request(`${api}/api/v0/ls?arg=${root}&stream=true`, { method: 'POST' })).text.trim().split('\n').map(l => JSON.parse(l).Objects[0].Links[0].Name)
  assert.equal([...streamed].sort(), names)
  assert.not.equal(streamed, names, 'a shard lists in hash order: the sort is what orders the document')
})

test('cid-base on files/stat, files/ls, files/flush, dag/stat and resolve (Kubo encodes them server-side)', async ({ api, dir, a }) => {
  const post = async (path: string): Promise<any> => JSON.parse((await request(`${api}/api/v0/${path}`, { method: 'POST' })).text.trim().split('\n').at(-1)!)
  const v1 = dir.toV1()
  assert.is((await request(`${api}/api/v0/files/cp?arg=/ipfs/${dir}&arg=/cb`, { method: 'POST' })).status, 200)
  assert.is((await post('files/stat?arg=/cb&cid-base=base32')).Hash, v1.toString())
  assert.is((await post('files/stat?arg=/cb')).Hash, dir.toString(), 'no base: as stored')
  assert.is((await post('files/ls?arg=/&long=true&cid-base=base32')).Entries.find((e: any) => e.Name === 'cb').Hash, v1.toString())
  assert.match((await post('files/flush?arg=/&cid-base=base32')).Cid, /^bafy/)
  // (the directory's children were removed by an earlier case: a one-block file is walked instead)
  assert.is((await post(`dag/stat?arg=${a}&progress=false&cid-base=base32`)).DagStats[0].Cid, a.toV1().toString())
  assert.is((await post(`dag/stat?arg=${a}&progress=false`)).DagStats[0].Cid, a.toString(), "Kubo's DagStat.Cid is a string")
  assert.is((await post(`resolve?arg=/ipfs/${dir}&cid-base=base32`)).Path, `/ipfs/${v1.toString()}`)
  assert.is((await post(`resolve?arg=/ipfs/${dir}`)).Path, `/ipfs/${dir.toString()}`)
  const bad = await request(`${api}/api/v0/files/stat?arg=/cb&cid-base=base99`, { method: 'POST' })
  assert.is(bad.status, 400)
  assert.is((await request(`${api}/api/v0/files/rm?arg=/cb&recursive=true`, { method: 'POST' })).status, 200)
})

test('cid-base on add, ls, pin ls, refs and block stat; pin ls of an indirect pin names its root; repo/ls', async ({ api, ipfs, a, gw }) => {
  const post = async (path: string): Promise<any[]> => (await request(`${api}/api/v0/${path}`, { method: 'POST' })).text.trim().split('\n').map(l => JSON.parse(l))
  let root: CID | undefined
  let child: CID | undefined
  for await (const r of gw.node.add([{ path: 'p/inner.txt', content: bytes('held by p') }], {})) {
    if (r.path === 'p') root = r.cid
    else child = r.cid
  }
  const v1 = a.toV1().toString()
  assert.is((await post(`block/stat?arg=${a}&cid-base=base32`))[0].Key, v1)
  const plainRef = (await post(`refs?arg=${root}`))[0].Ref
  assert.ok(plainRef.startsWith('Qm'))
  assert.is((await post(`refs?arg=${root}&cid-base=base32`))[0].Ref, CID.parse(plainRef).toV1().toString())
  assert.ok((await post(`pin/ls?arg=${a}&cid-base=base32`))[0].Keys[v1])
  const lsd = (await post(`ls?arg=${root}&cid-base=base32`))[0].Objects[0].Links
  for (const l of lsd) assert.ok(l.Hash.startsWith('bafy'), l.Hash)
  const form = new FormData()
  form.append('file', new Blob(['base36 please']), 'x.txt')
  const added = await (await fetch(`${api}/api/v0/add?cid-base=base36`, { method: 'POST', body: form })).json() as { Hash: string }
  assert.ok(added.Hash.startsWith('k'), added.Hash)
  const bad = await request(`${api}/api/v0/ls?arg=${root}&cid-base=nope`, { method: 'POST' })
  assert.is(bad.status, 400)
  assert.is(JSON.parse(bad.text).Message, 'unsupported multibase encoding: nope')
  // the deprecated flag still forces the upgrade without a base
  assert.is((await post(`block/stat?arg=${a}&upgrade-cidv0-in-output=true`))[0].Key, v1)

  // an indirect pin asked for by path: "indirect through <root>", as Kubo; kubo-rpc-client reads it
  const keys = (await post(`pin/ls?arg=${child}`))[0].Keys
  assert.equal(keys, { [child!.toString()]: { Type: `indirect through ${root}`, Name: '' } })
  const listed = []
  for await (const p of ipfs.pin.ls({ paths: [child!], signal: signal() })) listed.push(p)
  assert.is(listed[0].type, `indirect through ${root}`)

  // repo/ls answers as refs/local
  assert.equal(await post('repo/ls'), await post('refs/local'))
})

test('dag/stat streams running summaries (Ratio 0) before the final one; progress=false gives one', async ({ api, a }) => {
  const streamed = (await request(`${api}/api/v0/dag/stat?arg=${a}`, { method: 'POST' })).text.trim().split('\n').map(l => JSON.parse(l))
  assert.ok(streamed.length >= 2, JSON.stringify(streamed))
  assert.is(streamed[0].Ratio, 0)
  const final = streamed[streamed.length - 1]
  assert.is(final.Ratio, 1)
  const single = JSON.parse((await request(`${api}/api/v0/dag/stat?arg=${a}&progress=false`, { method: 'POST' })).text)
  assert.equal(single, final)
  assert.ok(streamed[0].UniqueBlocks <= final.UniqueBlocks)
})

test('add with kubo-rpc-client\'s hashAlg: CIDv1 under that multihash; Kubo\'s errors for CIDv0 and unknown names', async ({ api, ipfs }) => {
  const added = await ipfs.add(bytes('hashed otherwise'), { hashAlg: 'sha2-512', signal: signal() })
  assert.is(added.cid.version, 1)
  assert.is(added.cid.multihash.code, 0x13)
  assert.is(added.cid.code, 0x55, 'CIDv1 implies raw leaves')
  assert.is(new TextDecoder().decode(await collect(ipfs.cat(added.cid, { signal: signal() }))), 'hashed otherwise')
  const form = (): FormData => { const f = new FormData(); f.append('file', new Blob(['x']), 'x'); return f }
  const v0 = await fetch(`${api}/api/v0/add?hash=sha2-512&cid-version=0`, { method: 'POST', body: form() })
  assert.is(v0.status, 400)
  assert.is(((await v0.json()) as { Message: string }).Message, 'CIDv0 only supports sha2-256')
  const unknown = await fetch(`${api}/api/v0/add?hash=md5`, { method: 'POST', body: form() })
  assert.is(((await unknown.json()) as { Message: string }).Message, 'unrecognized hash function: "md5"')
})

test.run()
