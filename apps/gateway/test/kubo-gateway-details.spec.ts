/**
 * Gateway details Kubo's own tests check on the wire (test/sharness/t0112-gateway-cors.sh,
 * t0115-gateway-dir-listing.sh, t0116-gateway-cache.sh, test/cli/gateway_test.go): header lines as
 * curl prints them, so names, case and one value per line matter here.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { join } from 'node:path'
import type { CID } from 'multiformats/cid'
import { toDnsLabel } from '../src/subdomain.ts'
import { CONFORMANCE, request } from './fixtures/http.ts'
import type { Response } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, url: string, site: CID, cache: CID }

const test = suite<Ctx>('gateway: details Kubo tests check')

/** The response's header lines as `Name: value`, as `curl -v` shows them */
function lines (res: Response): string[] {
  const out: string[] = []
  for (let i = 0; i < res.rawHeaders.length; i += 2) out.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`)
  return out
}

test.before(async ctx => {
  ctx.gw = await startGateway({ api: false })
  ctx.url = ctx.gw.gateway.gatewayUrl!
  ctx.site = (await ctx.gw.importCar(join(CONFORMANCE, 'path_gateway_dag/gateway-json-cbor.car')))[0]
  ctx.cache = (await ctx.gw.importCar(join(CONFORMANCE, 'gateway-cache/fixtures.car')))[0]
})

test.after(async ctx => { await ctx.gw?.stop() })

test('CORS headers: one value per line, as Kubo sends them (t0112), on GET and OPTIONS', async ({ url }) => {
  const expected = [
    'Access-Control-Allow-Origin: *',
    'Access-Control-Allow-Methods: GET', 'Access-Control-Allow-Methods: HEAD', 'Access-Control-Allow-Methods: OPTIONS',
    'Access-Control-Allow-Headers: Content-Type', 'Access-Control-Allow-Headers: Range', 'Access-Control-Allow-Headers: User-Agent', 'Access-Control-Allow-Headers: X-Requested-With',
    'Access-Control-Expose-Headers: Content-Range', 'Access-Control-Expose-Headers: Content-Length', 'Access-Control-Expose-Headers: X-Chunked-Output',
    'Access-Control-Expose-Headers: X-Stream-Output', 'Access-Control-Expose-Headers: X-Ipfs-Path', 'Access-Control-Expose-Headers: X-Ipfs-Roots'
  ]
  for (const method of ['GET', 'OPTIONS']) {
    const res = await request(`${url}/ipfs/bafkqabtimvwgy3yk`, { method, headers: { Origin: 'https://example.com' } })
    assert.is(res.status, 200, method)
    const got = lines(res)
    for (const line of expected) assert.ok(got.includes(line), `${method}: ${line}`)
  }
  // a path that moves to a subdomain moves for a preflight too, CORS headers on the way
  const moved = await request(`${url}/ipfs/bafkqabtimvwgy3yk`, { method: 'OPTIONS', headers: { Host: 'localhost', Origin: 'https://example.com' } })
  assert.is(moved.status, 301)
  assert.ok(moved.headers.location != null)
  assert.ok(lines(moved).includes('Access-Control-Allow-Methods: GET'))
})

test('redirects to the trailing slash escape in upper case (t0115), however the client escaped', async ({ url, site }) => {
  // curl sends `ą` as `%c4%85`
  const lower = await request(`${url}/ipfs/${site}/%c4%85/%c4%99?x=1`)
  assert.is(lower.status, 301)
  assert.is(lower.headers.location, `/ipfs/${site}/%C4%85/%C4%99/?x=1`)
  const sub = await request(`${url}/%c4%85/%c4%99`, { headers: { Host: `${toDnsLabel(site)}.ipfs.localhost` } })
  assert.is(sub.status, 301)
  assert.is(sub.headers.location, '/%C4%85/%C4%99/')
  // and the listing's links use the same escapes
  const listing = await request(`${url}/ipfs/${site}/%c4%85/%c4%99/`)
  assert.ok(listing.text.includes(`href="/ipfs/${site}/%C4%85/%C4%99/file-%C5%BA%C5%82.txt"`), 'name column links to its content path')
})

test('directory listings carry `Etag: "DirIndex-..._CID-{cid}"` (t0115, t0116)', async ({ url, site }) => {
  const res = await request(`${url}/ipfs/${site}/%C4%85/%C4%99/`)
  assert.is(res.status, 200)
  const cid = String(res.headers['x-ipfs-roots']).split(',').at(-1)!
  const etag = lines(res).find(l => l.startsWith('Etag: '))
  assert.ok(etag != null, 'spelled `Etag`, as Go writes it')
  assert.match(etag!, new RegExp(`^Etag: "DirIndex-.+_CID-${cid}"$`))
  assert.is((await request(`${url}/ipfs/${site}/%C4%85/%C4%99/`, { headers: { 'If-None-Match': res.headers.etag! } })).status, 304)
})

test('?filename= gives Content-Disposition for downloads and tar, as Kubo writes it', async ({ url, site, cache }) => {
  const file = `/ipfs/${site}/%C4%85/%C4%99/t.json`
  const inline = await request(`${url}${file}?filename=${encodeURIComponent('testтест.pdf')}`)
  assert.is(inline.headers['content-disposition'], 'inline; filename="test____.pdf"; filename*=UTF-8\'\'test%D1%82%D0%B5%D1%81%D1%82.pdf')
  assert.is(inline.headers['content-type'], 'application/pdf', 'the type follows the name asked for')
  const download = await request(`${url}${file}?filename=${encodeURIComponent('testтест.mp4')}&download=true`)
  assert.is(download.headers['content-disposition'], 'attachment; filename="test____.mp4"; filename*=UTF-8\'\'test%D1%82%D0%B5%D1%81%D1%82.mp4')
  const tar = await request(`${url}/ipfs/${site}?format=tar&filename=${encodeURIComponent('testтест.tar')}`)
  assert.is(tar.status, 200)
  assert.is(tar.headers['content-disposition'], 'attachment; filename="test____.tar"; filename*=UTF-8\'\'test%D1%82%D0%B5%D1%81%D1%82.tar')
  const car = await request(`${url}/ipfs/${site}?format=car&filename=x.car`)
  assert.is(car.headers['content-disposition'], 'attachment; filename="x.car"; filename*=UTF-8\'\'x.car')
  // quotes and spaces cannot break out of the quoted name
  const odd = await request(`${url}${file}?filename=${encodeURIComponent('a "b".txt')}`)
  assert.is(odd.headers['content-disposition'], 'inline; filename="a%20%22b%22.txt"; filename*=UTF-8\'\'a%20%22b%22.txt')
  // an empty file with a Range is whole, not a 416 (test/cli/gateway_test.go)
  const empty = await request(`${url}/ipfs/bafkqaaa`, { headers: { Range: 'bytes=0-1048575' } })
  assert.is(empty.status, 200)
  assert.is(empty.headers['content-length'], '0')
  // one namespace too many moves to the path meant (test/cli/gateway_test.go)
  const superfluous = await request(`${url}/ipfs/ipfs/bafkqaaa?query=to-remember`)
  assert.is(superfluous.status, 301)
  assert.is(superfluous.headers.location, '/ipfs/bafkqaaa?query=to-remember')
  // `go get` reads index.html where it asked, without the trailing-slash redirect (kubo#3963)
  const goGet = await request(`${url}/ipfs/${cache}/root2/root3/root4?go-get=1`)
  assert.is(goGet.status, 200)
  assert.match(goGet.headers['content-type']!, /^text\/html/)
})

test.run()
