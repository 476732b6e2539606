import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { create } from 'kubo-rpc-client'
import { createHash } from 'node:crypto'
import { CID } from 'multiformats/cid'
import { base36 } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'
import * as raw from 'multiformats/codecs/raw'
import { create as createDigest } from 'multiformats/hashes/digest'
import { request } from './fixtures/http.ts'
import type { Response } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, api: string }

const test = suite<Ctx>('RPC: bad input, limits, origins and authorization')
const BOUNDARY = '----cairn-test-boundary'

function multipart (parts: Array<{ name?: string, filename: string, type?: string, body: string | Uint8Array }>, close = true): Buffer {
  const chunks: Buffer[] = []
  for (const p of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name ?? 'file'}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`))
    chunks.push(Buffer.from(p.body))
    chunks.push(Buffer.from('\r\n'))
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(chunks)
}

const post = async (url: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Response> =>
  request(url, { method: 'POST', body, headers: body != null ? { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers } : headers })

function kuboError (res: Response, status: number): string {
  assert.is(res.status, status)
  assert.match(res.headers['content-type']!, /^application\/json/)
  const json = JSON.parse(res.text)
  assert.is(json.Type, 'error')
  assert.is(json.Code, status >= 500 ? 0 : 1)
  assert.type(json.Message, 'string')
  return json.Message
}

async function pinCount (api: string): Promise<number> {
  const res = await post(`${api}/api/v0/pin/ls?type=recursive`)
  return Object.keys(JSON.parse(res.text).Keys).length
}

async function stored (api: string, cid: string): Promise<boolean> {
  return (await post(`${api}/api/v0/block/stat?arg=${cid}`)).status === 200
}

const rawCid = (bytes: Uint8Array): CID => CID.createV1(raw.code, createDigest(0x12, createHash('sha256').update(bytes).digest()))

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false, maxBlockBytes: 64 * 1024, maxBodyBytes: 1024 * 1024 })
  ctx.api = ctx.gw.gateway.apiUrl!
})

test.after(async ctx => { await ctx.gw?.stop() })

test('unknown commands are 404 and Kubo commands Cairn lacks 501, both in Kubo\'s error JSON; other methods than POST are 405', async ({ api }) => {
  assert.match(kuboError(await post(`${api}/api/v0/nope`), 404), /unknown command "nope"/)
  kuboError(await post(`${api}/api/v0/__proto__`), 404)
  kuboError(await post(`${api}/api/v0/pin/nope`), 404)
  assert.is((await post(`${api}/elsewhere`)).status, 404)
  for (const name of ['p2p/listen', 'p2p/ls', 'p2p/stream/close', 'mount', 'filestore/ls', 'filestore/verify', 'update']) {
    const res = await post(`${api}/api/v0/${name}?arg=x&unknown-flag=1`)
    assert.match(kuboError(res, 501), /not supported by Cairn/, name)
    assert.is(res.headers['x-cairn-error-code'], 'ERR_UNSUPPORTED_COMMAND')
  }
  const get = await request(`${api}/api/v0/version`)
  assert.is(get.status, 405)
  assert.is(get.headers.allow, 'OPTIONS, POST')
  const options = await request(`${api}/api/v0/version`, { method: 'OPTIONS' })
  assert.is(options.status, 204)
  assert.is(options.headers.allow, 'OPTIONS, POST')
})

test('bad arguments are 400 with Kubo\'s error JSON', async ({ api }) => {
  // options a command does not know are ignored, as go-ipfs-cmds does over HTTP; known ones are checked
  assert.is((await post(`${api}/api/v0/version?bogus=1&preload=false`)).status, 200)
  // Kubo's error texts, which clients match on
  const dirAdd = await post(`${api}/api/v0/add?wrap-with-directory=true`, multipart([{ filename: 'f.txt', body: 'f' }]))
  const dir = dirAdd.text.trim().split('\n').map(l => JSON.parse(l)).find(r => r.Name === '').Hash as string
  assert.is(kuboError(await post(`${api}/api/v0/cat?arg=${dir}`), 500), 'this dag node is a directory')
  assert.is(kuboError(await post(`${api}/api/v0/cat?arg=/ipfs/${dir}/nope`), 500), `no link named "nope" under ${dir}`)
  // Kubo's --peerid-base: the peer ID as a libp2p-key CIDv1 in that multibase
  const self = JSON.parse((await post(`${api}/api/v0/id`)).text).ID as string
  const b36 = JSON.parse((await post(`${api}/api/v0/id?peerid-base=base36`)).text).ID as string
  assert.match(b36, /^k51/)
  assert.is(CID.parse(b36, base36).code, 0x72)
  assert.is(base58btc.baseEncode(CID.parse(b36, base36).multihash.bytes), self)
  assert.match(JSON.parse((await post(`${api}/api/v0/id?peerid-base=b`)).text).ID, /^bafzaa/)
  assert.is(JSON.parse((await post(`${api}/api/v0/id?peerid-base=b58mh`)).text).ID, self)
  kuboError(await post(`${api}/api/v0/id?peerid-base=nope`), 400)
  // another peer's identity needs the network
  assert.match(kuboError(await post(`${api}/api/v0/id?arg=12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN`), 500), /offline|online mode/i)
  const added = await post(`${api}/api/v0/add?preload=false&fscache=true&whatever=x`, multipart([{ filename: 'x.txt', body: 'hello world\n' }]))
  assert.is(JSON.parse(added.text).Hash, 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o')
  assert.match(kuboError(await post(`${api}/api/v0/add?cid-version=x`, multipart([{ filename: 'x.txt', body: 'x' }])), 400), /cid-version/)
  assert.match(kuboError(await post(`${api}/api/v0/cat`), 400), /argument "arg" is required/)
  const invalid = await post(`${api}/api/v0/cat?arg=not-a-cid`)
  kuboError(invalid, 400)
  assert.is(invalid.headers['x-cairn-error-code'], 'ERR_INVALID_CID', 'the stable code travels beside Kubo\'s JSON')
  kuboError(await post(`${api}/api/v0/cat?arg=a&arg=b`), 400)
  kuboError(await post(`${api}/api/v0/pin/add?arg=${rawCid(Uint8Array.of(1))}&recursive=maybe`), 400)
  kuboError(await post(`${api}/api/v0/cat?arg=${rawCid(Uint8Array.of(1))}&offset=-5`), 400)
  kuboError(await post(`${api}/api/v0/add?cid-version=7`, multipart([{ filename: 'a', body: 'a' }])), 400)
  kuboError(await post(`${api}/api/v0/pubsub/pub?arg=plain-topic`, multipart([{ filename: '', body: 'x' }])), 400)
  kuboError(await post(`${api}/api/v0/config?arg=Foo&arg={bad&json=true`), 400)
  // content the offline node does not have is a server-side failure (500), as Kubo
  const missing = await post(`${api}/api/v0/block/get?arg=${rawCid(Uint8Array.of(9, 9))}`)
  kuboError(missing, 500)
  assert.match(String(missing.headers['x-cairn-error-code']), /^ERR_(NOT_FOUND|OFFLINE)$/)
})

test('malformed multipart bodies are 400 and store nothing', async ({ api }) => {
  const before = await pinCount(api)
  kuboError(await post(`${api}/api/v0/add`, Buffer.from('x'), { 'Content-Type': 'multipart/form-data' }), 400)
  kuboError(await post(`${api}/api/v0/add`, Buffer.from('just text'), { 'Content-Type': 'text/plain' }), 400)
  kuboError(await post(`${api}/api/v0/add`, Buffer.from('garbage without any boundary')), 400)
  kuboError(await post(`${api}/api/v0/add`, multipart([{ name: 'file', filename: '../../etc/passwd', body: 'x' }])), 400)
  // a form field without a filename is not a file
  const field = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\nvalue\r\n--${BOUNDARY}--\r\n`)
  kuboError(await post(`${api}/api/v0/add`, field), 400)
  // a body cut before its closing boundary: the file must not be added, pinned or stored
  const content = Buffer.alloc(300 * 1024, 7)
  const truncated = multipart([{ filename: 'big.bin', body: content }], false)
  const res = await post(`${api}/api/v0/add`, truncated.subarray(0, truncated.length - 10))
  assert.ok(res.status === 400 || (res.status === 200 && /X-Stream-Error|error/i.test(JSON.stringify(res.headers) + res.text)), `got ${res.status}`)
  assert.is(await pinCount(api), before, 'no pin was made')
  const whole = multipart([{ filename: 'big.bin', body: content }])
  const onlyHash = JSON.parse((await post(`${api}/api/v0/add?only-hash=true`, whole)).text)
  assert.not.ok(await stored(api, onlyHash.Hash), 'the root of the cut upload is not stored')
})

test('oversized bodies and blocks are 413 and store nothing', async ({ api }) => {
  const block = Buffer.alloc(65 * 1024, 1)
  kuboError(await post(`${api}/api/v0/block/put`, multipart([{ filename: '', body: block }])), 413)
  assert.not.ok(await stored(api, rawCid(block).toString()))
  const ok = JSON.parse((await post(`${api}/api/v0/block/put`, multipart([{ filename: '', body: block.subarray(0, 1000) }]))).text)
  assert.is(ok.Key, rawCid(block.subarray(0, 1000)).toString())
  const before = await pinCount(api)
  kuboError(await post(`${api}/api/v0/add`, multipart([{ filename: 'huge.bin', body: Buffer.alloc(2 * 1024 * 1024, 3) }])), 413)
  assert.is(await pinCount(api), before)
  const huge = await request(`${api}/api/v0/version`, { method: 'POST', headers: { 'X-Big': 'y'.repeat(20 * 1024) } })
  assert.is(huge.status, 431)
})

test('a corrupt CAR in dag/import is 400 and pins nothing', async ({ api }) => {
  const before = await pinCount(api)
  kuboError(await post(`${api}/api/v0/dag/import`, multipart([{ filename: 'x.car', body: Buffer.from('definitely not a CAR file') }])), 400)
  assert.is(await pinCount(api), before)
})

test('browser requests are refused as Kubo refuses them: foreign Origin or Referer, a browser agent with neither', async ({ api }) => {
  const port = new URL(api).port
  const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
  const refused: Array<Record<string, string>> = [
    { Origin: 'http://evil.example' },
    { Referer: 'http://evil.example/page' },
    { Origin: 'null' },
    { Origin: `http://localhost:${Number(port) + 1}` },
    { Origin: `http://127.0.0.1:${port}.evil.example` },
    // a DNS-rebound page: its Host matches its Origin, but it is not the API's own origin
    { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` },
    { Referer: 'evil.example/page' },
    { Origin: 'chrome-extension://someotherextension' },
    // a browser always sends Origin or Referer with a POST: without them it is a forged request
    { 'User-Agent': FIREFOX },
    { 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36' }
  ]
  for (const headers of refused) {
    const res = await post(`${api}/api/v0/version`, undefined, headers)
    assert.is(res.status, 403, JSON.stringify(headers))
    assert.is(res.headers['access-control-allow-origin'], undefined)
  }
  // refused before the command is looked at, as go-ipfs-cmds checks before parsing
  assert.is((await post(`${api}/api/v0/no-such-command`, undefined, { Origin: 'http://evil.example' })).status, 403)
})

test('browser requests Kubo allows: the API\'s own origins, IPFS Companion, Electron, non-browser agents', async ({ api }) => {
  const port = new URL(api).port
  const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
  const own = ['http', 'https'].flatMap(scheme => ['127.0.0.1', 'localhost', '[::1]'].map(host => `${scheme}://${host}:${port}`))
  const companion = ['chrome-extension://nibjojkomfdiaoajekhjakgkdhaomnch', 'chrome-extension://hjoieblefckbooibpepigmacodalfndh']
  for (const origin of [...own, ...companion]) {
    const res = await post(`${api}/api/v0/version`, undefined, { Origin: origin, 'User-Agent': FIREFOX })
    assert.is(res.status, 200, origin)
    assert.is(res.headers['access-control-allow-origin'], origin)
  }
  const allowed: Array<Record<string, string>> = [
    { Referer: `http://localhost:${port}/webui/#/files` },
    { Referer: `https://127.0.0.1:${port}/` },
    { 'User-Agent': `${FIREFOX} Electron/31.0.0` },
    { 'User-Agent': 'curl/8.5.0' },
    { 'User-Agent': 'node' },
    {}
  ]
  for (const headers of allowed) assert.is((await post(`${api}/api/v0/version`, undefined, headers)).status, 200, JSON.stringify(headers))
  // a preflight from a foreign origin is answered, but grants nothing
  const preflight = await request(`${api}/api/v0/version`, { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } })
  assert.is(preflight.status, 204)
  assert.is(preflight.headers['access-control-allow-origin'], undefined)
})

test('a configured origin may call from a browser, preflight included', async () => {
  const { startGateway: start } = await import('./fixtures/node.ts')
  const withApp = await start({ gateway: false, allowedOrigins: ['http://app.example'] })
  try {
    const url = withApp.gateway.apiUrl!
    const preflight = await request(`${url}/api/v0/version`, { method: 'OPTIONS', headers: { Origin: 'http://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } })
    assert.is(preflight.status, 204)
    assert.is(preflight.headers['access-control-allow-origin'], 'http://app.example')
    assert.is(preflight.headers['access-control-allow-methods'], 'POST')
    const ok = await post(`${url}/api/v0/version`, undefined, { Origin: 'http://app.example' })
    assert.is(ok.status, 200)
    assert.is(ok.headers['access-control-allow-origin'], 'http://app.example')
    assert.is((await post(`${url}/api/v0/version`, undefined, { Origin: 'http://other.example' })).status, 403)
    assert.is((await post(`${url}/api/v0/version`, undefined, { Referer: 'http://app.example/some/page' })).status, 200)
  } finally {
    await withApp.stop()
  }
  const anyOrigin = await start({ gateway: false, allowedOrigins: ['*'] })
  try {
    const url = anyOrigin.gateway.apiUrl!
    for (const origin of ['http://any.example', 'null']) assert.is((await post(`${url}/api/v0/version`, undefined, { Origin: origin })).status, 200, origin)
  } finally {
    await anyOrigin.stop()
  }
})

test('bearer authorization, limited to the allowed paths', async ({ gw }) => {
  const { startGateway: start } = await import('./fixtures/node.ts')
  const secured = await start({ gateway: false, authorizations: { ci: { AuthSecret: 'bearer:s3cret', AllowedPaths: ['/api/v0/id', '/api/v0/version'] } } })
  try {
    const url = secured.gateway.apiUrl!
    assert.is((await post(`${url}/api/v0/version`)).status, 403)
    assert.is((await post(`${url}/api/v0/version`, undefined, { Authorization: 'Bearer wrong' })).status, 403)
    assert.is((await post(`${url}/api/v0/version`, undefined, { Authorization: 'Bearer s3cret' })).status, 200)
    assert.is((await post(`${url}/api/v0/repo/stat`, undefined, { Authorization: 'Bearer s3cret' })).status, 403)
    const versionOnly = await start({ gateway: false, authorizations: { v: { AuthSecret: 'bearer:v', AllowedPaths: ['/api/v0/id'] } } })
    try {
      // Kubo lets any valid secret ask for the version, and nothing else beyond its paths
      const vurl = versionOnly.gateway.apiUrl!
      assert.is((await post(`${vurl}/api/v0/version`, undefined, { Authorization: 'Bearer v' })).status, 200)
      assert.is((await post(`${vurl}/api/v0/version`, undefined, { Authorization: 'Bearer w' })).status, 403)
      assert.is((await post(`${vurl}/api/v0/repo/stat`, undefined, { Authorization: 'Bearer v' })).status, 403)
    } finally {
      await versionOnly.stop()
    }
    const client = create({ url: `${url}/api/v0`, headers: { Authorization: 'Bearer s3cret' } })
    assert.is((await client.id({ signal: AbortSignal.timeout(10_000) })).id.toString(), secured.node.peerId)
  } finally {
    await secured.stop()
  }
  assert.ok(gw.node.peerId.length > 0)
})

test('Kubo config keys give the defaults: API.Authorizations from the repo config', async () => {
  const { startGateway: start } = await import('./fixtures/node.ts')
  const configured = await start({ gateway: false }, true, { API: { Authorizations: { cli: { AuthSecret: 'basic:alice:pw', AllowedPaths: ['/api/v0'] } } } })
  try {
    const url = configured.gateway.apiUrl!
    assert.is((await post(`${url}/api/v0/version`)).status, 403)
    const basic = `Basic ${Buffer.from('alice:pw').toString('base64')}`
    assert.is((await post(`${url}/api/v0/version`, undefined, { Authorization: basic })).status, 200)
  } finally {
    await configured.stop()
  }
})

test.run()
