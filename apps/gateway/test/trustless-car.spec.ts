import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CarBlockIterator } from '@ipld/car'
import * as dagPb from '@ipld/dag-pb'
import { exporter } from 'ipfs-unixfs-exporter'
import { extract } from 'it-tar'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CID } from 'multiformats/cid'
import { CONFORMANCE, request } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, url: string, dir: CID, hamt: CID, missing: CID }

const test = suite<Ctx>('trustless gateway: CAR responses from a real node')

async function readCar (bytes: Uint8Array): Promise<{ roots: string[], blocks: Array<{ cid: CID, bytes: Uint8Array }> }> {
  const it = await CarBlockIterator.fromBytes(bytes)
  const blocks: Array<{ cid: CID, bytes: Uint8Array }> = []
  for await (const b of it) {
    // every block must hash to its CID: a client trusts nothing else
    assert.is(b.cid.multihash.code, 0x12)
    assert.ok(Buffer.from(b.cid.multihash.digest).equals(createHash('sha256').update(b.bytes).digest()), `block ${b.cid} verifies`)
    blocks.push({ cid: b.cid as unknown as CID, bytes: b.bytes })
  }
  return { roots: (await it.getRoots()).map(String), blocks }
}

async function fixtureCids (path: string): Promise<string[]> {
  const it = await CarBlockIterator.fromBytes(await readFile(path))
  const out: string[] = []
  for await (const b of it) out.push(b.cid.toString())
  return out
}

test.before(async ctx => {
  ctx.gw = await startGateway({ api: false })
  ctx.url = ctx.gw.gateway.gatewayUrl!
  ctx.dir = (await ctx.gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/dir-with-duplicate-files.car')))[0]
  ctx.hamt = (await ctx.gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/single-layer-hamt-with-multi-block-files.car')))[0]
  ctx.missing = (await ctx.gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/file-3k-and-3-blocks-missing-block.car')))[0]
})

test.after(async ctx => { await ctx.gw?.stop() })

test('?format=car streams the whole DAG once per block, every block verifiable', async ({ url, dir }) => {
  const res = await request(`${url}/ipfs/${dir}?format=car`)
  assert.is(res.status, 200)
  assert.is(res.headers['content-type'], 'application/vnd.ipld.car; version=1; order=dfs; dups=n')
  assert.is(res.headers['cache-control'], 'public, max-age=29030400, immutable')
  assert.is(res.headers['x-content-type-options'], 'nosniff')
  assert.is(res.headers['content-disposition'], `attachment; filename="${dir}.car"; filename*=UTF-8''${dir}.car`)
  assert.is(res.headers['accept-ranges'], 'none')
  assert.is(res.headers['content-length'], undefined, 'streamed')
  assert.match(res.headers.etag!, /^W\/"/)
  const car = await readCar(res.body)
  assert.equal(car.roots, [dir.toString()])
  const cids = car.blocks.map(b => b.cid.toString())
  assert.is(new Set(cids).size, cids.length, 'no duplicates with dups=n')
  assert.equal([...cids].sort(), [...new Set(await fixtureCids(join(CONFORMANCE, 'trustless_gateway_car/dir-with-duplicate-files.car')))].sort())
  assert.is(cids[0], dir.toString(), 'dfs order starts at the root')
})

test('Accept: application/vnd.ipld.car with dups=y repeats the duplicated file block', async ({ url, dir }) => {
  const res = await request(`${url}/ipfs/${dir}`, { headers: { Accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=y' } })
  assert.is(res.status, 200)
  assert.is(res.headers['content-type'], 'application/vnd.ipld.car; version=1; order=dfs; dups=y')
  const car = await readCar(res.body)
  const cids = car.blocks.map(b => b.cid.toString())
  assert.is(cids.length, new Set(cids).size + 1, 'ascii.txt and ascii-copy.txt share one block, sent twice')
})

test('dag-scope=block and dag-scope=entity on a path carry the path blocks then the scope', async ({ url, dir }) => {
  const block = await readCar((await request(`${url}/ipfs/${dir}/multiblock.txt?format=car&dag-scope=block`)).body)
  assert.equal(block.roots, [dir.toString()])
  assert.equal(block.blocks.map(b => b.cid.toString()), [dir.toString(), 'bafybeigcisqd7m5nf3qmuvjdbakl5bdnh4ocrmacaqkpuh77qjvggmt2sa'])
  const entity = await readCar((await request(`${url}/ipfs/${dir}/multiblock.txt?format=car&dag-scope=entity`)).body)
  assert.is(entity.blocks.length, 2 + 5, 'dir, file root, five 256-byte leaves')
  const leaves = entity.blocks.slice(2).map(b => Buffer.from(b.bytes))
  const whole = await request(`${url}/ipfs/${dir}/multiblock.txt`)
  assert.ok(Buffer.concat(leaves).equals(whole.body), 'the leaves are the file, in order')
})

test('entity-bytes limits a file entity to the blocks covering the range', async ({ url, dir }) => {
  const first = await readCar((await request(`${url}/ipfs/${dir}/multiblock.txt?format=car&dag-scope=entity&entity-bytes=0:255`)).body)
  assert.is(first.blocks.length, 3)
  const tail = await readCar((await request(`${url}/ipfs/${dir}/multiblock.txt?format=car&dag-scope=entity&entity-bytes=1000:*`)).body)
  assert.is(tail.blocks.length, 4, 'dir, root, and the two leaves holding bytes 1000-1025')
})

test('a path CAR through a HAMT carries the shards needed to verify the walk', async ({ url, hamt }) => {
  const res = await request(`${url}/ipfs/${hamt}/470.txt?format=car&dag-scope=entity`)
  assert.is(res.status, 200)
  const car = await readCar(res.body)
  assert.equal(car.roots, [hamt.toString()])
  const blocks = new Map(car.blocks.map(b => [b.cid.toString(), b.bytes]))
  // the reference exporter, given only these blocks, must be able to walk the path and read the file
  const blockstore = { async * get (cid: CID) { const b = blocks.get(cid.toString()); if (b == null) throw new Error(`missing ${cid}`); yield b } }
  const entry = await exporter(`${hamt}/470.txt`, blockstore as never)
  let size = 0
  for await (const chunk of (entry as { content(): AsyncIterable<Uint8Array> }).content()) size += chunk.length
  assert.is(size, 1026)
})

test('blocks of other codecs are served as they are stored, with their media type', async ({ gw, url }) => {
  const [cbor] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/plain-cbor.car'))
  const [json] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/plain-json.car'))
  const [dagCbor] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/dag-cbor-traversal.car'))
  const cases: Array<[CID, string, string]> = [[cbor, '', 'application/cbor'], [json, '', 'application/json'], [dagCbor, '', 'application/vnd.ipld.dag-cbor'], [cbor, '?format=raw', 'application/vnd.ipld.raw']]
  for (const [cid, query, type] of cases) {
    const res = await request(`${url}/ipfs/${cid}${query}`)
    assert.is(res.status, 200, `${cid}${query}`)
    assert.is(res.headers['content-type'], type)
    assert.ok(Buffer.from(cid.multihash.digest).equals(createHash('sha256').update(res.body).digest()), 'the stored bytes')
  }
  // IPIP-0524: no conversion between codecs (the opt-in is tested in newest-spec.spec.ts)
  assert.is((await request(`${url}/ipfs/${dagCbor}?format=dag-json`)).status, 406)
  const [pbDir] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/dag-pb.car'))
  assert.is((await request(`${url}/ipfs/${pbDir}`, { headers: { Accept: 'application/vnd.ipld.dag-json' } })).status, 406)
  assert.is((await request(`${url}/ipfs/${json}?format=dag-cbor`)).status, 406)
})

test('conformance: path CARs carry exactly the walk, then the scope, in order', async ({ gw, url }) => {
  const [two] = await gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/subdir-with-two-single-block-files.car'))
  const [mixed] = await gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/subdir-with-mixed-block-files.car'))
  const [withCbor] = await gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/dir-with-dag-cbor-with-links.car'))
  const subdir = 'bafybeiggghzz6dlue3m6nb2dttnbrygxh3lrjl5764f2m4gq7dgzdt55o4'
  const mixedSubdir = 'bafybeicnmple4ehlz3ostv2sbojz3zhh5q7tz5r2qkfdpqfilgggeen7xm'
  const ascii = 'bafkreifkam6ns4aoolg3wedr4uzrs3kvq66p4pecirz6y2vlrngla62mxm'
  const multiblock = 'bafybeigcisqd7m5nf3qmuvjdbakl5bdnh4ocrmacaqkpuh77qjvggmt2sa'
  const leaves = ['bafkreie5noke3mb7hqxukzcy73nl23k6lxszxi5w3dtmuwz62wnvkpsscm', 'bafkreih4ephajybraj6wnxsbwjwa77fukurtpl7oj7t7pfq545duhot7cq', 'bafkreigu7buvm3cfunb35766dn7tmqyh2um62zcio63en2btvxuybgcpue', 'bafkreicll3huefkc3qnrzeony7zcfo7cr3nbx64hnxrqzsixpceg332fhe', 'bafkreifst3pqztuvj57lycamoi7z34b4emf7gawxs74nwrc2c7jncmpaqm']
  const document = 'bafyreidy4q6mmetut5jzc54ambsfnatbyoujmwbfzyyolqw24majazwgha'
  const single = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
  const blocksOf = async (path: string): Promise<string[]> => {
    const res = await request(`${url}${path}`)
    assert.is(res.status, 200, path)
    return (await readCar(res.body)).blocks.map(b => b.cid.toString())
  }
  assert.equal(await blocksOf(`/ipfs/${two}/subdir/ascii.txt?format=car`), [two.toString(), subdir, ascii])
  assert.equal(await blocksOf(`/ipfs/${two}/subdir?format=car&dag-scope=block`), [two.toString(), subdir])
  assert.equal(await blocksOf(`/ipfs/${two}?format=car&dag-scope=entity`), [two.toString()])
  assert.equal(await blocksOf(`/ipfs/${mixed}/subdir/multiblock.txt?format=car&dag-scope=entity`), [mixed.toString(), mixedSubdir, multiblock, ...leaves])
  assert.equal(await blocksOf(`/ipfs/${mixed}/subdir?format=car&dag-scope=all`), [mixed.toString(), mixedSubdir, ascii, single, multiblock, ...leaves])
  // through a DAG-CBOR document, following its IPLD links
  assert.equal(await blocksOf(`/ipfs/${document}/files/single?format=car`), [document, single])
  assert.equal(await blocksOf(`/ipfs/${withCbor}/document?format=car&dag-scope=entity`), [withCbor.toString(), document])
  const viaCbor = await request(`${url}/ipfs/${document}/files/single`)
  assert.is(viaCbor.text, 'hello world\n')
  assert.is(viaCbor.headers['x-ipfs-roots'], `${document},${document},${single}`)
  assert.is((await request(`${url}/ipfs/${document}/files/missing`)).status, 404)
  assert.is((await request(`${url}/ipfs/${two}/subdir/i-do-not-exist?format=car`)).status, 404)
})

test('conformance: caching headers, X-Ipfs-Roots and If-None-Match on nested paths (gateway-cache fixture)', async ({ gw, url }) => {
  const path = join(CONFORMANCE, 'gateway-cache/fixtures.car')
  const [root] = await gw.importCar(path)
  // the fixture's own links, read with @ipld/dag-pb: root/root2/root3/root4/index.html
  const links = new Map<string, Map<string, string>>()
  const it = await CarBlockIterator.fromBytes(await readFile(path))
  for await (const b of it) {
    if (b.cid.code === dagPb.code) links.set(b.cid.toString(), new Map(dagPb.decode(b.bytes).Links.map(l => [l.Name ?? '', l.Hash.toString()])))
  }
  const chain = [root.toString()]
  for (const name of ['root2', 'root3', 'root4', 'index.html']) chain.push(links.get(chain.at(-1)!)!.get(name)!)
  const listing = await request(`${url}/ipfs/${root}/root2/root3/`)
  assert.is(listing.status, 200)
  assert.is(listing.headers['x-ipfs-path'], `/ipfs/${root}/root2/root3/`)
  assert.is(listing.headers['x-ipfs-roots'], chain.slice(0, 3).join(','))
  assert.match(listing.headers.etag!, new RegExp(`DirIndex-.*_CID-${chain[2]}`))
  const site = await request(`${url}/ipfs/${root}/root2/root3/root4/`)
  assert.is(site.headers['x-ipfs-roots'], chain.slice(0, 4).join(','))
  assert.is(site.headers.etag, `"${chain[3]}"`)
  assert.is(site.headers['cache-control'], 'public, max-age=29030400, immutable')
  const file = await request(`${url}/ipfs/${root}/root2/root3/root4/index.html`)
  assert.is(file.headers['x-ipfs-roots'], chain.join(','))
  assert.is(file.headers.etag, `"${chain[4]}"`)
  for (const inm of [`"${chain[4]}"`, `"fakeEtag1", "fakeEtag2", "${chain[4]}"`, `W/"${chain[4]}"`, '*']) {
    assert.is((await request(`${url}/ipfs/${root}/root2/root3/root4/index.html`, { headers: { 'If-None-Match': inm } })).status, 304, inm)
  }
  assert.is((await request(`${url}/ipfs/${root}/root2/root3/`, { headers: { 'If-None-Match': `W/"${chain[2]}"` } })).status, 304)
  // plain json on UnixFS serves the UnixFS entity; dag-json of a dag-pb block is 406 (IPIP-0524)
  const asJson = await request(`${url}/ipfs/${root}/root2/root3/root4/?format=json`)
  assert.is(asJson.status, 200)
  assert.is(asJson.headers['cache-control'], 'public, max-age=29030400, immutable')
  assert.is((await request(`${url}/ipfs/${root}/root2/root3/root4/?format=dag-json`)).status, 406)
  // Cache-Control: only-if-cached answers from the local store or not at all
  const cached = await request(`${url}/ipfs/${root}/root2/root3/root4/?format=json`, { method: 'HEAD', headers: { 'Cache-Control': 'only-if-cached' } })
  assert.is(cached.status, 200)
  for (const method of ['HEAD', 'GET']) {
    const absent = await request(`${url}/ipfs/QmYzfKSE55XCjD1MW128RfciAf2DViABhEiXfgVFMabSjN`, { method, headers: { 'Cache-Control': 'only-if-cached' } })
    assert.is(absent.status, 412, method)
  }
})

test('identity CIDs are served from the CID itself, no block needed', async ({ url }) => {
  const res = await request(`${url}/ipfs/bafkqabtimvwgy3yk/`)
  assert.is(res.status, 200)
  assert.is(res.text, 'hello\n')
  const raw = await request(`${url}/ipfs/bafkqabtimvwgy3yk?format=raw`)
  assert.is(raw.text, 'hello\n')
})

test('conformance: tar answers, names normalised, nothing outside the root', async ({ gw, url }) => {
  const [dir] = await gw.importCar(join(CONFORMANCE, 'path_gateway_tar/fixtures.car'))
  const [outside] = await gw.importCar(join(CONFORMANCE, 'path_gateway_tar/outside-root.car'))
  const [inside] = await gw.importCar(join(CONFORMANCE, 'path_gateway_tar/inside-root.car'))
  const file = 'bafkreialihlqnf5uwo4byh4n3cmwlntwqzxxs2fg5vanqdi3d7tb2l5xkm'
  const entries = async (bytes: Buffer): Promise<Record<string, string>> => {
    const out: Record<string, string> = {}
    for await (const e of extract()([bytes])) {
      const chunks = []
      for await (const c of e.body) chunks.push(c.subarray())
      out[e.header.name] = Buffer.concat(chunks).toString()
    }
    return out
  }
  const single = await request(`${url}/ipfs/${file}`, { headers: { Accept: 'application/x-tar' } })
  assert.is(single.status, 200)
  assert.match(single.headers['content-disposition']!, /^attachment;/)
  assert.ok(single.headers.etag!.startsWith(`W/"${file}.x-tar`))
  assert.is((await entries(single.body))[file], 'I am a txt file on path with utf8\n')
  const whole = await request(`${url}/ipfs/${dir}?format=tar`)
  assert.is((await entries(whole.body))[`${dir}/ą/ę/file-źł.txt`], 'I am a txt file on path with utf8\n')
  const named = await request(`${url}/ipfs/${dir}?format=tar&filename=${encodeURIComponent('testтест.tar')}`)
  assert.ok(named.headers['content-disposition']!.includes(`attachment; filename="test____.tar"; filename*=UTF-8''test%D1%82%D0%B5%D1%81%D1%82.tar`))
  // Cairn's reader refuses `..` in link names even when they stay inside (Kubo normalises them):
  // the archive stops with the reader's reason, not with the outside-the-root one
  const insideRes = await request(`${url}/ipfs/${inside}?format=tar`)
  assert.ok(insideRes.text.includes('unsafe entry name "../file"'))
  assert.not.ok(insideRes.text.includes('outside the root'))
  const escaping = await request(`${url}/ipfs/${outside}?format=tar`)
  assert.ok(escaping.text.includes('relative UnixFS paths outside the root are now allowed'))
  assert.not.ok(escaping.body.includes(Buffer.from(`${outside}/../foo`)), 'no entry for the escaping name')
  assert.not.ok(escaping.body.includes(Buffer.from('foo\0')), 'not even normalised')
})

test('conformance: IPLD renderings, dispositions, traversal through DAG-JSON/DAG-CBOR', async ({ gw, url }) => {
  const [jsonTraversal] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/dag-json-traversal.car'))
  const [cborTraversal] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/dag-cbor-traversal.car'))
  const [plainJson] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/plain-json.car'))
  const [plainCbor] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/plain-cbor.car'))
  const [site] = await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/gateway-json-cbor.car'))
  for (const [root, format] of [[jsonTraversal, 'dag-json'], [cborTraversal, 'dag-cbor']] as const) {
    const remainder = await request(`${url}/ipfs/${root}/foo?format=${format}`)
    assert.is(remainder.status, 501)
    assert.ok(remainder.text.includes('reading IPLD Kinds other than Links (CBOR Tag 42) is not implemented'))
    const far = await request(`${url}/ipfs/${root}/foo/link/bar?format=${format}`)
    assert.is(far.status, 200)
    assert.is(far.headers['content-type'], `application/vnd.ipld.${format}`)
    assert.is((await request(`${url}/ipfs/${root}/foo/i-do-not-exist`)).status, 404)
  }
  for (const [root, format] of [[jsonTraversal, 'dag-json'], [cborTraversal, 'dag-cbor']] as const) {
    const asIs = await request(`${url}/ipfs/${root}`, { headers: { Accept: `application/vnd.ipld.${format}` } })
    assert.is(asIs.headers['content-type'], `application/vnd.ipld.${format}`)
    assert.is(asIs.headers.etag, `"${root}.${format}"`)
    assert.is(asIs.headers['x-content-type-options'], 'nosniff')
    assert.match(asIs.headers['content-disposition']!, new RegExp(`^(inline|attachment); filename="${root}\\.(json|cbor)"`))
    const head = await request(`${url}/ipfs/${root}`, { method: 'HEAD' })
    assert.is(head.status, 200)
    assert.ok(Number(head.headers['content-length']) > 0)
    const page = await request(`${url}/ipfs/${root}/`, { headers: { Accept: 'text/html' } })
    assert.is(page.status, 200)
    assert.match(page.headers['content-type']!, /^text\/html/)
    assert.match(page.headers.etag!, /DagIndex-/)
    assert.is(page.headers['content-disposition'], undefined)
    assert.is(page.headers['cache-control'], undefined)
    assert.ok(page.text.includes('</html>') && page.text.includes('link'), 'the document, readable')
  }
  const json = await request(`${url}/ipfs/${plainJson}`)
  assert.is(json.headers['content-type'], 'application/json')
  assert.is(json.headers['content-disposition'], `inline; filename="${plainJson}.json"; filename*=UTF-8''${plainJson}.json`)
  const jsonPart = await request(`${url}/ipfs/${plainJson}`, { headers: { Range: 'bytes=1-5' } })
  assert.is(jsonPart.status, 206)
  assert.ok(jsonPart.body.equals(json.body.subarray(1, 6)))
  const cbor = await request(`${url}/ipfs/${plainCbor}?format=cbor`)
  assert.is(cbor.headers['content-disposition'], `attachment; filename="${plainCbor}.cbor"; filename*=UTF-8''${plainCbor}.cbor`)
  const tJson = await request(`${url}/ipfs/${site}/%C4%85/%C4%99/t.json`, { headers: { Accept: 'application/json' } })
  assert.is(tJson.status, 200)
  assert.is(tJson.headers['content-type'], 'application/json', 'JSON stored as a UnixFS file is a file')
  // a UnixFS file: dag-* is 406 (IPIP-0524), plain json/cbor change nothing
  const file = `/ipfs/${site}/%C4%85/%C4%99/file-%C5%BA%C5%82.txt`
  assert.is((await request(`${url}${file}?format=dag-json`)).status, 406)
  assert.is((await request(`${url}${file}`, { headers: { Accept: 'foo, application/vnd.ipld.dag-cbor,bar' } })).status, 406)
  for (const [query, headers] of [['?format=json', {}], ['', { Accept: 'application/cbor' }]] as const) {
    const asIs = await request(`${url}${file}${query}`, { headers })
    assert.is(asIs.status, 200)
    assert.match(asIs.headers['content-type']!, /^text\/plain/)
    assert.is(asIs.text, 'I am a txt file on path with utf8\n')
  }
})

test('conformance: entity-bytes ranges, missing blocks outside the range, identity CIDs, Accept beside ?format', async ({ gw, url, missing }) => {
  const [mixed] = await gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/subdir-with-mixed-block-files.car'))
  const [dups] = await gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/dir-with-duplicate-files.car'))
  const [hamt] = await gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/single-layer-hamt-with-multi-block-files.car'))
  const file = 'bafybeigcisqd7m5nf3qmuvjdbakl5bdnh4ocrmacaqkpuh77qjvggmt2sa'
  const leaves = ['bafkreie5noke3mb7hqxukzcy73nl23k6lxszxi5w3dtmuwz62wnvkpsscm', 'bafkreih4ephajybraj6wnxsbwjwa77fukurtpl7oj7t7pfq545duhot7cq', 'bafkreigu7buvm3cfunb35766dn7tmqyh2um62zcio63en2btvxuybgcpue', 'bafkreicll3huefkc3qnrzeony7zcfo7cr3nbx64hnxrqzsixpceg332fhe', 'bafkreifst3pqztuvj57lycamoi7z34b4emf7gawxs74nwrc2c7jncmpaqm']
  const blocksOf = async (path: string, headers: Record<string, string> = {}): Promise<string[]> => {
    const res = await request(`${url}${path}`, { headers })
    assert.is(res.status, 200, path)
    return (await readCar(res.body)).blocks.map(b => b.cid.toString())
  }
  const ranged = (bytes: string): string => `/ipfs/${file}?format=car&dag-scope=entity&entity-bytes=${bytes}`
  assert.equal(await blocksOf(`/ipfs/${mixed}/subdir/multiblock.txt?format=car&dag-scope=entity&entity-bytes=0:*`), [mixed.toString(), 'bafybeicnmple4ehlz3ostv2sbojz3zhh5q7tz5r2qkfdpqfilgggeen7xm', file, ...leaves])
  assert.equal(await blocksOf(ranged('512:*')), [file, ...leaves.slice(2)])
  assert.equal(await blocksOf(ranged('512:1023')), [file, ...leaves.slice(2, 4)])
  assert.equal(await blocksOf(ranged('512:-256')), [file, ...leaves.slice(2, 4)])
  assert.equal(await blocksOf(ranged('-5:*')), [file, ...leaves.slice(3)])
  assert.equal(await blocksOf(ranged('-9999:*')), [file, ...leaves])
  assert.equal(await blocksOf(ranged('-9999:-3')), [file, ...leaves.slice(0, 4)])
  assert.equal(await blocksOf(ranged('0:0')), [file, leaves[0]])
  // a HAMT directory as an entity: every shard, none of the files (all its entries share one 6-block file)
  const hamtAll = await fixtureCids(join(CONFORMANCE, 'trustless_gateway_car/single-layer-hamt-with-multi-block-files.car'))
  const fileBlocks = new Set([file, ...leaves])
  const shards = await blocksOf(`/ipfs/${hamt}?format=car&dag-scope=entity&entity-bytes=0:*`)
  assert.is(shards[0], hamt.toString())
  assert.equal([...shards].sort(), hamtAll.filter(c => !fileBlocks.has(c)).sort())
  // the 3 KiB file whose middle block is gone: ranges that avoid it still succeed
  assert.equal(await blocksOf(`/ipfs/${missing}?format=car&dag-scope=entity&entity-bytes=0:1000`), [missing.toString(), 'QmPKt7ptM2ZYSGPUc8PmPT2VBkLDK3iqpG9TBJY7PCE9rF'])
  assert.equal(await blocksOf(`/ipfs/${missing}?format=car&dag-scope=entity&entity-bytes=2200:*`), [missing.toString(), 'QmWXY482zQdwecnfBsj78poUUuPXvyw2JAFAEMw4tzTavV'])
  // identity blocks are never manifested in a CAR
  assert.equal(await blocksOf('/ipfs/bafkqaf3imvwgy3zaneqgc3janfxgy2lomvscay3jmqfa', { Accept: 'application/vnd.ipld.car; dups=y' }), [])
  const both = await request(`${url}/ipfs/${dups}?format=car`, { headers: { Accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=y' } })
  assert.match(both.headers['content-type']!, /dups=y/)
  const cids = (await readCar(both.body)).blocks.map(b => b.cid.toString())
  assert.is(cids.length, new Set(cids).size + 1, 'the Accept parameters apply beside ?format=car')
})

test('conformance: byte ranges of a file succeed when blocks outside the range are missing', async ({ url, missing }) => {
  for (const [range, expected] of [['bytes=997-1000', 'bytes 997-1000/3072'], ['bytes=2200-2201', 'bytes 2200-2201/3072']]) {
    const res = await request(`${url}/ipfs/${missing}`, { headers: { Range: range } })
    assert.is(res.status, 206, range)
    assert.is(res.headers['content-range'], expected)
    assert.match(res.headers['content-type']!, /^text\/plain/)
  }
})

test('conformance: a symlink is served as its target text', async ({ gw, url }) => {
  const [root] = await gw.importCar(join(CONFORMANCE, 'path_gateway_unixfs/symlink.car'))
  const listing = await request(`${url}/ipfs/${root}/`)
  assert.ok(listing.text.includes('>foo<') && listing.text.includes('>bar<'))
  const link = await request(`${url}/ipfs/${root}/bar`)
  assert.is(link.status, 200)
  assert.is(link.text, 'foo')
  assert.is(link.headers['content-type'], 'inode/symlink')
})

test('HEAD on a CAR gives its headers only', async ({ url, dir }) => {
  const res = await request(`${url}/ipfs/${dir}?format=car`, { method: 'HEAD' })
  assert.is(res.status, 200)
  assert.is(res.body.length, 0)
  assert.match(res.headers['content-type']!, /^application\/vnd\.ipld\.car/)
})

test('content the offline node does not have: 404 at once, or a cut connection mid-stream', async ({ url, missing }) => {
  const absent = await request(`${url}/ipfs/QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W`)
  assert.is(absent.status, 404)
  assert.match(absent.text, /^404 Not Found/)
  const raw = await request(`${url}/ipfs/QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W?format=raw`)
  assert.is(raw.status, 404)
  // the first leaf is there, the second is not: the response must not look complete
  let failed = false
  try {
    const res = await request(`${url}/ipfs/${missing}?format=car`)
    await readCar(res.body).then(car => { failed = car.blocks.length < 3 }, () => { failed = true })
  } catch {
    failed = true
  }
  assert.ok(failed, 'a CAR with a missing block is never delivered as complete')
})

test.run()
