/**
 * `/api/v0/files/*` (MFS) driven by kubo-rpc-client's `files.*`, as apps and the Web UI call it,
 * against a real node over HTTP: every command, Kubo's JSON shapes, errors as Kubo's JSON with a
 * 4xx status and the tree unchanged, concurrent writers, and `add --to-files`.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { create } from 'kubo-rpc-client'
import type { KuboRPCClient } from 'kubo-rpc-client'
import { request } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, api: string, ipfs: KuboRPCClient }

const signal = (): AbortSignal => AbortSignal.timeout(20_000)
const HELLO = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN' // `echo hello | ipfs add`

async function all<T> (source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of source) out.push(x)
  return out
}

const test = suite<Ctx>('RPC files (MFS) with kubo-rpc-client')

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false }, false)
  ctx.api = ctx.gw.gateway.apiUrl!
  ctx.ipfs = create({ url: `${ctx.api}/api/v0` })
})

test.after(async ctx => {
  await ctx.gw?.stop()
})

async function post (api: string, path: string): Promise<{ status: number, json: any, text: string }> {
  const r = await request(`${api}/api/v0/${path}`, { method: 'POST' })
  let json: any
  try { json = JSON.parse(r.text) } catch {}
  return { status: r.status, json, text: r.text }
}

test('mkdir, write, read, ls, stat, cp, mv, rm, flush', async ({ ipfs, api }) => {
  await ipfs.files.mkdir('/docs', { signal: signal() })
  await ipfs.files.write('/docs/hello.txt', 'hello\n', { create: true, signal: signal() })
  const read = Buffer.concat(await all(ipfs.files.read('/docs/hello.txt', { signal: signal() }))).toString()
  assert.is(read, 'hello\n')
  assert.is(Buffer.concat(await all(ipfs.files.read('/docs/hello.txt', { offset: 1, length: 2, signal: signal() }))).toString(), 'el')
  const stat = await ipfs.files.stat('/docs/hello.txt', { signal: signal() })
  assert.is(stat.cid.toString(), HELLO)
  assert.is(stat.type, 'file')
  assert.is(stat.size, 6)
  const listing = await all(ipfs.files.ls('/docs', { signal: signal() }))
  assert.equal(listing.map(e => [e.name, e.type, e.size, e.cid.toString()]), [['hello.txt', 'file', 6, HELLO]])
  await ipfs.files.cp('/docs', '/copy', { signal: signal() })
  await ipfs.files.mv('/copy/hello.txt', '/copy/renamed', { signal: signal() })
  assert.equal((await all(ipfs.files.ls('/copy', { signal: signal() }))).map(e => e.name), ['renamed'])
  await ipfs.files.cp(`/ipfs/${HELLO}`, '/from-ipfs', { signal: signal() })
  assert.is((await ipfs.files.stat('/from-ipfs', { signal: signal() })).cid.toString(), HELLO)
  await ipfs.files.rm('/copy', { recursive: true, signal: signal() })
  const root = await ipfs.files.flush('/', { signal: signal() })
  assert.is(root.toString(), (await ipfs.files.stat('/', { signal: signal() })).cid.toString())
  // Kubo's raw JSON shapes
  const ls = await post(api, 'files/ls?arg=/&long=true')
  assert.equal(ls.json.Entries.map((e: any) => [e.Name, e.Type]).sort(), [['docs', 1], ['from-ipfs', 0]])
  const st = await post(api, 'files/stat?arg=/docs/hello.txt')
  assert.equal(st.json, { Hash: HELLO, Size: 6, CumulativeSize: 14, Blocks: 0, Type: 'file' })
  const fl = await post(api, 'files/flush?arg=/')
  assert.equal(fl.json, { Cid: root.toString() })
})

test('chmod, touch, chcid and stat of /ipfs/ paths', async ({ ipfs, api }) => {
  await ipfs.files.write('/meta', 'm', { create: true, signal: signal() })
  // kubo-rpc-client has no chmod/touch: the raw endpoints, as the CLI calls them
  assert.is((await post(api, 'files/chmod?arg=0640&arg=/meta')).status, 200)
  assert.is((await post(api, 'files/touch?arg=/meta&mtime=1700000000')).status, 200)
  const st = await post(api, 'files/stat?arg=/meta')
  assert.is(st.json.Mode, '0640')
  assert.is(st.json.Mtime, 1_700_000_000)
  await ipfs.files.mkdir('/v1dir', { signal: signal() })
  await post(api, 'files/chcid?arg=/v1dir&cid-version=1')
  assert.is((await ipfs.files.stat('/v1dir', { signal: signal() })).cid.version, 1)
  // --hash through kubo-rpc-client: the directory and a file written into it
  await ipfs.files.mkdir('/b2', { hashAlg: 'blake2b-256', signal: signal() })
  await ipfs.files.write('/b2/f', 'hashed', { create: true, signal: signal() })
  assert.is((await ipfs.files.stat('/b2', { signal: signal() })).cid.multihash.code, 0xb220)
  assert.is((await ipfs.files.stat('/b2/f', { signal: signal() })).cid.multihash.code, 0xb220)
  assert.match((await post(api, 'files/mkdir?arg=/bad-hash&hash=md5')).json.Message, /^unrecognized hash function: md5$/)
  const ipfsStat = await ipfs.files.stat(`/ipfs/${HELLO}`, { signal: signal() })
  assert.is(ipfsStat.size, 6)
  const local = await post(api, `files/stat?arg=/ipfs/${HELLO}&with-local=true`)
  assert.is(local.json.WithLocality, true)
  assert.is(local.json.Local, true)
})

test("bad input: Kubo's error JSON, a 4xx status and the tree unchanged", async ({ ipfs, api }) => {
  await ipfs.files.mkdir('/bad', { signal: signal() })
  const before = (await ipfs.files.stat('/', { signal: signal() })).cid.toString()
  const cases: Array<[string, number, RegExp]> = [
    ['files/mkdir?arg=relative', 400, /paths must start with a leading slash/],
    ['files/mkdir?arg=/bad', 400, /file already exists/],
    ['files/rm?arg=/', 400, /cannot delete root/],
    ['files/rm?arg=/bad', 400, /path is a directory, use -r to remove directories/],
    ['files/read?arg=/bad', 400, /\/bad was not a file/],
    ['files/cp?arg=/bad&arg=/bad', 400, /directory already has entry by that name/],
    // `..` is cleaned as Go's path.Clean: /x/../bad is /bad
    ['files/mkdir?arg=/x/../bad', 400, /file already exists/],
    ['files/stat?arg=/bad&hash=true&size=true', 400, /format was set by multiple options/],
    ['files/rm?arg=/bad&flush=false', 400, /always flushes/]
  ]
  for (const [path, status, message] of cases) {
    const r = await post(api, path)
    assert.is(r.status, status, path)
    assert.match(r.json.Message, message, path)
    assert.is(r.json.Type, 'error')
  }
  const missing = await post(api, 'files/stat?arg=/nope')
  assert.is(missing.json.Message, 'file does not exist')
  assert.is((await ipfs.files.stat('/', { signal: signal() })).cid.toString(), before)
})

test('concurrent writes through the RPC: each path ends whole', async ({ ipfs }) => {
  await ipfs.files.mkdir('/con', { signal: signal() })
  const bodies = Array.from({ length: 6 }, (_, i) => Buffer.alloc(100_000 + i, i + 1))
  await Promise.all(bodies.map(async (b, i) => {
    await ipfs.files.write('/con/same', b, { create: true, truncate: true, signal: signal() })
    await ipfs.files.write(`/con/f${i}`, b, { create: true, signal: signal() })
  }))
  const same = Buffer.concat(await all(ipfs.files.read('/con/same', { signal: signal() })))
  assert.ok(bodies.some(b => b.equals(same)))
  for (let i = 0; i < bodies.length; i++) assert.ok(Buffer.concat(await all(ipfs.files.read(`/con/f${i}`, { signal: signal() }))).equals(bodies[i]))
})

test('add --to-files', async ({ ipfs }) => {
  await ipfs.files.mkdir('/uploads', { signal: signal() })
  const added = await ipfs.add({ path: 'photo.jpg', content: 'jpeg bytes' }, { toFiles: '/uploads/', signal: signal() } as never)
  assert.is((await ipfs.files.stat('/uploads/photo.jpg', { signal: signal() })).cid.toString(), added.cid.toString())
})

test.run()
