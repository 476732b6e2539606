/**
 * The newest gateway spec items (specs.ipfs.tech, gateway-conformance 0.9-0.13, boxo 0.42):
 * IPIP-0523 (`?format=` and `car-*` query parameters win over Accept), IPIP-0524 (a format
 * that does not match the block's codec is 406, conversion only as an opt-in), JSON stored as
 * UnixFS served as `application/json`, and boxo's Service-Worker guard, on a real node.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CarBlockIterator } from '@ipld/car'
import { join } from 'node:path'
import { CID } from 'multiformats/cid'
import { identity as identityHash } from 'multiformats/hashes/identity'
import { CONFORMANCE, request } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx {
  gw: RunningGateway
  url: string
  /** the same node's content through a gateway with `allowCodecConversion` */
  converting: RunningGateway
  dups: CID
  site: CID
  dagJson: CID
  dagCbor: CID
  plainJson: CID
  pbDir: CID
}

const test = suite<Ctx>('gateway: newest spec items')

async function carBlocks (bytes: Uint8Array): Promise<string[]> {
  const out: string[] = []
  for await (const b of await CarBlockIterator.fromBytes(bytes)) out.push(b.cid.toString())
  return out
}

test.before(async ctx => {
  ctx.gw = await startGateway({ api: false })
  ctx.url = ctx.gw.gateway.gatewayUrl!
  ctx.converting = await startGateway({ api: false, allowCodecConversion: true })
  for (const gw of [ctx.gw, ctx.converting]) {
    ctx.dups = (await gw.importCar(join(CONFORMANCE, 'trustless_gateway_car/dir-with-duplicate-files.car')))[0]
    ctx.site = (await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/gateway-json-cbor.car')))[0]
    ctx.dagJson = (await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/dag-json-traversal.car')))[0]
    ctx.dagCbor = (await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/dag-cbor-traversal.car')))[0]
    ctx.plainJson = (await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/plain-json.car')))[0]
    ctx.pbDir = (await gw.importCar(join(CONFORMANCE, 'path_gateway_dag/dag-pb.car')))[0]
  }
})

test.after(async ctx => {
  await ctx.gw?.stop()
  await ctx.converting?.stop()
})

test('IPIP-0523: car-dups and car-order in the query win over the Accept parameters; Content-Type says what was sent', async ({ url, dups }) => {
  const withDups = await request(`${url}/ipfs/${dups}?format=car&car-dups=y`, { headers: { Accept: 'application/vnd.ipld.car; dups=n' } })
  assert.is(withDups.status, 200)
  assert.is(withDups.headers['content-type'], 'application/vnd.ipld.car; version=1; order=dfs; dups=y')
  const blocks = await carBlocks(withDups.body)
  assert.is(blocks.length, new Set(blocks).size + 1, 'the duplicated file block is sent twice')
  const noDups = await request(`${url}/ipfs/${dups}?format=car&car-dups=n`, { headers: { Accept: 'application/vnd.ipld.car; dups=y' } })
  assert.match(noDups.headers['content-type']!, /; dups=n$/)
  const unique = await carBlocks(noDups.body)
  assert.is(unique.length, new Set(unique).size)
  assert.is.not(noDups.headers.etag, withDups.headers.etag, 'the entity tag tells the two apart')
  const ordered = await request(`${url}/ipfs/${dups}?format=car&car-order=dfs`, { headers: { Accept: 'application/vnd.ipld.car; order=unk' } })
  assert.match(ordered.headers['content-type']!, /; order=dfs;/)
  // without a query parameter the Accept parameter still counts
  const fromAccept = await request(`${url}/ipfs/${dups}?format=car`, { headers: { Accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=y' } })
  assert.match(fromAccept.headers['content-type']!, /; dups=y$/)
  for (const bad of ['car-dups=maybe', 'car-order=bfs', 'car-version=2']) {
    const res = await request(`${url}/ipfs/${dups}?format=car&${bad}`)
    assert.is(res.status, 400, bad)
    assert.ok(res.text.includes(bad.split('=')[0]), 'the body names the parameter')
  }
})

test('IPIP-0523: ?format= wins over any Accept; Content-Location names the format Accept chose', async ({ url, dups }) => {
  const raw = await request(`${url}/ipfs/${dups}?format=raw`, { headers: { Accept: 'application/vnd.ipld.car' } })
  assert.is(raw.headers['content-type'], 'application/vnd.ipld.raw')
  assert.is(raw.headers['content-location'], undefined, '?format= already says it')
  const car = await request(`${url}/ipfs/${dups}?format=car`, { headers: { Accept: 'application/vnd.ipld.raw' } })
  assert.match(car.headers['content-type']!, /^application\/vnd\.ipld\.car/)
  const byAccept = await request(`${url}/ipfs/${dups}?dag-scope=entity`, { headers: { Accept: 'application/vnd.ipld.car; version=1; dups=y' } })
  assert.is(byAccept.headers['content-location'], `/ipfs/${dups}?car-dups=y&car-version=1&dag-scope=entity&format=car`)
  const rawByAccept = await request(`${url}/ipfs/${dups}`, { headers: { Accept: 'application/vnd.ipld.raw' } })
  assert.is(rawByAccept.headers['content-location'], `/ipfs/${dups}?format=raw`)
  assert.is((await request(`${url}/ipfs/${dups}/`)).headers['content-location'], undefined, 'not for the default response')
})

test('IPIP-0524: a format that does not match the block codec is 406; matching ones are the block as stored', async ({ url, site, dagJson, dagCbor, plainJson, pbDir }) => {
  const file = `/ipfs/${site}/%C4%85/%C4%99/file-%C5%BA%C5%82.txt`
  const refused: Array<[string, Record<string, string>]> = [
    [`/ipfs/${pbDir}?format=dag-json`, {}],
    [`${file}?format=dag-cbor`, {}],
    [file, { Accept: 'application/vnd.ipld.dag-json' }],
    [`/ipfs/${dagCbor}?format=dag-json`, {}],
    [`/ipfs/${dagCbor}`, { Accept: 'application/vnd.ipld.dag-json' }],
    [`/ipfs/${dagJson}?format=dag-cbor`, {}],
    [`/ipfs/${dagCbor}?format=json`, {}],
    [`/ipfs/${plainJson}?format=cbor`, {}]
  ]
  for (const [path, headers] of refused) {
    const res = await request(`${url}${path}`, { headers })
    assert.is(res.status, 406, `${path} ${JSON.stringify(headers)}`)
    assert.ok(res.text.includes('?format=raw'), 'the body says what to do instead')
  }
  const served: Array<[string, string]> = [
    [`/ipfs/${dagJson}?format=dag-json`, 'application/vnd.ipld.dag-json'],
    [`/ipfs/${dagCbor}?format=dag-cbor`, 'application/vnd.ipld.dag-cbor'],
    // plain json/cbor take their DAG twins as stored, as boxo's contentTypeToRaw
    [`/ipfs/${dagJson}?format=json`, 'application/json'],
    [`/ipfs/${dagCbor}?format=cbor`, 'application/cbor'],
    [`/ipfs/${plainJson}?format=json`, 'application/json'],
    [`/ipfs/${pbDir}?format=raw`, 'application/vnd.ipld.raw']
  ]
  for (const [path, type] of served) {
    const res = await request(`${url}${path}`)
    assert.is(res.status, 200, path)
    assert.is(res.headers['content-type'], type, path)
    const raw = await request(`${url}${path.replace(/format=[a-z-]+/, 'format=raw')}`)
    assert.ok(res.body.equals(raw.body), `${path}: the block as stored`)
  }
  // the HTML rendering of a DAG document is not a conversion: it stays
  const page = await request(`${url}/ipfs/${dagCbor}/`, { headers: { Accept: 'text/html' } })
  assert.is(page.status, 200)
  assert.match(page.headers['content-type']!, /^text\/html/)
})

test('IPIP-0524 opt-in: allowCodecConversion re-encodes dag-pb, dag-cbor and dag-json (Kubo Gateway.AllowCodecConversion)', async ({ converting, dagCbor, pbDir, plainJson }) => {
  const url = converting.gateway.gatewayUrl!
  const asJson = await request(`${url}/ipfs/${dagCbor}?format=dag-json`)
  assert.is(asJson.status, 200)
  assert.is(asJson.headers['content-type'], 'application/vnd.ipld.dag-json')
  assert.equal(Object.keys(JSON.parse(asJson.text)), ['foo'])
  const pbAsJson = await request(`${url}/ipfs/${pbDir}`, { headers: { Accept: 'application/vnd.ipld.dag-json' } })
  assert.is(pbAsJson.status, 200)
  assert.ok(Array.isArray(JSON.parse(pbAsJson.text).Links), 'a dag-pb node as DAG-JSON has its Links')
  assert.is((await request(`${url}/ipfs/${plainJson}?format=dag-cbor`)).status, 406, 'plain json is not an IPLD codec to convert from')
  assert.is((await request(`${url}/ipfs/${dagCbor}?format=json`)).status, 406, 'only dag-json and dag-cbor are conversion targets')
})

test('a UnixFS file whose bytes are JSON is application/json, with and without Accept', async ({ url, site }) => {
  // the file's own CID: no name, so no extension to go by
  const named = await request(`${url}/ipfs/${site}/%C4%85/%C4%99/t.json`)
  const cid = String(named.headers['x-ipfs-roots']).split(',').at(-1)!
  const cases: Array<[string, Record<string, string>]> = [
    [`/ipfs/${cid}`, {}],
    [`/ipfs/${cid}`, { Accept: 'application/json' }],
    [`/ipfs/${cid}?format=json`, { Accept: 'application/vnd.ipld.raw' }]
  ]
  for (const [path, headers] of cases) {
    const res = await request(`${url}${path}`, { headers })
    assert.is(res.status, 200, `${path} ${JSON.stringify(headers)}`)
    assert.is(res.headers['content-type'], 'application/json', `${path} ${JSON.stringify(headers)}`)
    assert.ok(res.body.equals(named.body))
  }
  // text that is not JSON stays text
  const txt = await request(`${url}/ipfs/${site}/%C4%85/%C4%99/file-%C5%BA%C5%82.txt`)
  const txtCid = String(txt.headers['x-ipfs-roots']).split(',').at(-1)!
  assert.is((await request(`${url}/ipfs/${txtCid}`)).headers['content-type'], 'text/plain; charset=utf-8')
})

test('IPIP-0512: an identity CID over 128 bytes is refused with 400; 128 bytes are served', async ({ url }) => {
  const identity = (n: number): string => CID.createV1(0x55, identityHash.digest(new Uint8Array(n).fill(0x61))).toString()
  const ok = await request(`${url}/ipfs/${identity(128)}`)
  assert.is(ok.status, 200)
  assert.is(ok.body.length, 128)
  const tooBig = await request(`${url}/ipfs/${identity(129)}`)
  assert.is(tooBig.status, 400)
  assert.ok(tooBig.text.includes('IPIP-0512'))
})

test('Service-Worker: script at a namespace root is refused with 400 on the path gateway', async ({ url, site }) => {
  const refused = await request(`${url}/ipfs/${site}?filename=sw.js`, { headers: { 'Service-Worker': 'script' } })
  assert.is(refused.status, 400)
  assert.ok(refused.text.includes('navigator.serviceWorker: registration is not allowed for this scope'))
  // below the root its scope is one site's own path, and without the header nothing changes
  const inside = await request(`${url}/ipfs/${site}/%C4%85/%C4%99/t.json`, { headers: { 'Service-Worker': 'script' } })
  assert.is(inside.status, 200)
  assert.is((await request(`${url}/ipfs/${site}?filename=sw.js`)).status, 301, 'a directory, moved to its trailing slash')
})

test.run()
