/**
 * IPFS Cluster's `ipfshttp` connector (ipfs-cluster/ipfsconn/ipfshttp/ipfshttp.go) against Cairn:
 * every call it makes, with exactly the parameters it sends (POST, empty Content-Type, the query
 * strings it builds), and every response field it parses, checked the way it parses them. Two real
 * nodes on 127.0.0.1: the cluster peer's IPFS daemon (this gateway's node) and a second node it
 * connects to and pins from over Bitswap.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { request as httpRequest } from 'node:http'
import { CID } from 'multiformats/cid'
import { peerIdFromString } from '@libp2p/peer-id'
import { startGateway, startPeer } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, peer: Awaited<ReturnType<typeof startPeer>>, base: string }
const test = suite<Ctx>('IPFS Cluster ipfshttp connector replay')

interface Answer { status: number, body: Buffer, text: string, headers: Record<string, unknown> }

/** The connector's `doPostCtx`: POST {api}/{path}, Content-Type set even when empty */
async function post (ctx: Ctx, path: string, body?: Buffer, contentType = ''): Promise<Answer> {
  const url = new URL(`${ctx.base}/${path}`)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'Content-Type': contentType }, signal: AbortSignal.timeout(30_000) }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const b = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, body: b, text: b.toString('utf8'), headers: res.headers })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Go's json.Decoder over a stream: the concatenated JSON values, whatever the whitespace */
function decodeAll (text: string): any[] {
  const out: any[] = []
  for (const line of text.split('\n')) if (line.trim() !== '') out.push(JSON.parse(line))
  return out
}

/** The connector's `checkResponse`: anything but 200 is an ipfsError parsed from Kubo's JSON */
function ipfsError (a: Answer): { Message: string } {
  assert.is.not(a.status, 200)
  const parsed = JSON.parse(a.text)
  assert.type(parsed.Message, 'string')
  assert.is(parsed.Type, 'error')
  return parsed
}

/** `api.DecodeCid` and go-cid's JSON link form */
const cidOf = (v: unknown): CID => CID.parse(typeof v === 'string' ? v : (v as { '/': string })['/'])

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false }, false)
  ctx.peer = await startPeer()
  ctx.base = `${ctx.gw.gateway.apiUrl!}/api/v0`
})

test.after(async ctx => {
  await ctx.gw?.stop()
  await ctx.peer?.stop()
})

test('ID: id → ID (peer.Decode) and Addresses (multiaddrs)', async ctx => {
  const a = await post(ctx, 'id')
  assert.is(a.status, 200)
  const res = JSON.parse(a.text)
  assert.is(peerIdFromString(res.ID).toString(), ctx.gw.node.peerId)
  assert.ok(Array.isArray(res.Addresses))
  assert.ok(res.Addresses.length > 0)
  for (const addr of res.Addresses) assert.match(addr, /^\/(ip4|ip6|dns4|dns6|dns)\/[^/]+\/(tcp|udp)\/\d+/, 'a multiaddr')
})

test('ConnectSwarms / Pin origins: swarm/connect?arg=<escaped multiaddr>, then SwarmPeers: swarm/peers → Peers[].Peer', async ctx => {
  const target = `${ctx.peer.node.libp2p.getMultiaddrs()[0].toString()}`
  const a = await post(ctx, `swarm/connect?arg=${encodeURIComponent(target)}`)
  assert.is(a.status, 200, a.text)
  const peers = JSON.parse((await post(ctx, 'swarm/peers')).text)
  const ids = peers.Peers.map((p: { Peer: string }) => peerIdFromString(p.Peer).toString())
  assert.ok(ids.includes(ctx.peer.node.peerId))
})

test('Pin: PinLsCid (not pinned: message ends "not pinned"), pin/add with progress streamed, recursive and max-depth, then PinLsCid and PinLs', async ctx => {
  // content on the other node, fetched over Bitswap by the pin
  // no period: every 256 KiB chunk differs, so the DAG is a root and four distinct leaves
  let seed = 7
  const big = new Uint8Array(900 * 1024).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)
  const added = []
  for await (const r of ctx.peer.node.add([{ path: 'cluster.bin', content: big }])) added.push(r)
  const cid = added[added.length - 1].cid.toString()

  // PinLsCid before pinning: the connector treats a message ending in "not pinned" as unpinned
  const before = ipfsError(await post(ctx, `pin/ls?stream=true&arg=${cid}&type=recursive`))
  assert.ok(before.Message.endsWith('not pinned'), before.Message)

  // pinProgress: pin/add?arg=<cid>&recursive=true&progress=true, decoded as ipfsPinsResp until EOF
  const a = await post(ctx, `pin/add?arg=${cid}&recursive=true&progress=true`)
  assert.is(a.status, 200, a.text)
  const values = decodeAll(a.text)
  const last = values[values.length - 1]
  assert.equal(last.Pins, [cid])
  const progress = values.filter(v => v.Pins == null).map(v => v.Progress ?? 0)
  assert.ok(progress.length > 0, 'progress reported before the Pins line')
  assert.ok(progress.every(p => Number.isInteger(p)), 'Progress is an int')
  assert.ok(progress[progress.length - 1] >= 5, `the root and its four leaves: ${progress.join(',')}`)

  // PinLsCid after: stream=true&arg=<cid>&type=recursive → {Cid, Type}, Type read by prefix
  const ls = decodeAll((await post(ctx, `pin/ls?stream=true&arg=${cid}&type=recursive`)).text)
  assert.is(ls.length, 1)
  assert.is(cidOf(ls[0].Cid).toString(), cid)
  assert.ok(String(ls[0].Type).startsWith('recursive'))

  // a depth-limited cluster pin: recursive=true&max-depth=N (Kubo ignores max-depth: a recursive pin)
  const small = []
  for await (const r of ctx.gw.node.add([{ path: 'd/x.txt', content: new TextEncoder().encode('x\n') }], { pin: false })) small.push(r)
  const dir = small[small.length - 1].cid.toString()
  const depth = decodeAll((await post(ctx, `pin/add?arg=${dir}&max-depth=1&recursive=true&progress=true`)).text)
  assert.equal(depth[depth.length - 1].Pins, [dir])
  // maxDepth 0 is recursive=false: a direct pin, which PinLsCid asks for with type=direct
  const direct = (await ctx.gw.node.block.put(new TextEncoder().encode('direct block'))).toString()
  assert.equal(decodeAll((await post(ctx, `pin/add?arg=${direct}&recursive=false&progress=true`)).text).at(-1).Pins, [direct])
  assert.is(decodeAll((await post(ctx, `pin/ls?stream=true&arg=${direct}&type=direct`)).text)[0].Type, 'direct')

  // PinLs: pin/ls?stream=true&type=<filter>, one IPFSPinInfo per value
  const all = decodeAll((await post(ctx, 'pin/ls?stream=true&type=recursive')).text)
  const listed = new Map(all.map(p => [cidOf(p.Cid).toString(), p.Type]))
  assert.is(listed.get(cid), 'recursive')
  assert.is(listed.get(dir), 'recursive')
  for (const p of all) assert.ok(!('Name' in p), 'unnamed pins carry no Name')
})

test('pinUpdate: pin/update?arg=<from>&arg=<to>&unpin=false; Unpin: pin/rm?arg=<cid>, and again: exactly "not pinned or pinned indirectly"', async ctx => {
  const one = []
  for await (const r of ctx.gw.node.add([{ path: 'v1.txt', content: new TextEncoder().encode('version one\n') }])) one.push(r)
  const two = []
  for await (const r of ctx.gw.node.add([{ path: 'v2.txt', content: new TextEncoder().encode('version two\n') }], { pin: false })) two.push(r)
  const from = one[0].cid.toString()
  const to = two[0].cid.toString()
  const up = await post(ctx, `pin/update?arg=${from}&arg=${to}&unpin=false`)
  assert.is(up.status, 200, up.text)
  assert.equal(JSON.parse(up.text).Pins, [from, to])
  assert.is(decodeAll((await post(ctx, `pin/ls?stream=true&arg=${from}&type=recursive`)).text)[0].Type, 'recursive', 'unpin=false kept the old pin')

  assert.is((await post(ctx, `pin/rm?arg=${to}`)).status, 200)
  // the connector compares the message with ipfspinner.ErrNotPinned word for word
  assert.is(ipfsError(await post(ctx, `pin/rm?arg=${to}`)).Message, 'not pinned or pinned indirectly')
})

test('ConfigKey: config/show → Datastore.StorageMax; RepoStat: repo/stat?size-only=true → RepoSize, StorageMax (uint64)', async ctx => {
  const cfg = JSON.parse((await post(ctx, 'config/show')).text)
  assert.ok(cfg.Datastore != null && typeof cfg.Datastore === 'object')
  assert.type(cfg.Datastore.StorageMax, 'string')
  const stat = JSON.parse((await post(ctx, 'repo/stat?size-only=true')).text)
  for (const key of ['RepoSize', 'StorageMax']) assert.ok(Number.isSafeInteger(stat[key]) && stat[key] >= 0, `${key} is a uint64: ${stat[key]}`)
  assert.ok(stat.RepoSize > 0)
})

test('RepoGC: repo/gc?stream-errors=true → ipfsRepoGCResp {Key: go-cid JSON, Error}', async ctx => {
  const loose = (await ctx.gw.node.block.put(new TextEncoder().encode('garbage for cluster'))).toString()
  const a = await post(ctx, 'repo/gc?stream-errors=true')
  assert.is(a.status, 200, a.text)
  const keys = decodeAll(a.text)
  for (const k of keys) {
    if (k.Error != null && k.Error !== '') continue
    // go-cid's UnmarshalJSON takes only the {"/": "..."} link form
    assert.type(k.Key['/'], 'string')
  }
  assert.ok(keys.some(k => k.Key?.['/'] === loose), 'the loose block was collected')
})

test('BlockStream: block/put?cid-codec&mhtype&mhlen&pin=false&allow-big-block=true with one part per block (filename = CID); BlockGet: block/get?arg=<cid>', async ctx => {
  const blocks = ['cluster block one', 'cluster block two', 'cluster block three'].map(t => new TextEncoder().encode(t))
  const { sha256 } = await import('multiformats/hashes/sha2')
  const cids = await Promise.all(blocks.map(async b => CID.createV1(0x55, await sha256.digest(b))))
  // go-ipfs-files' MultiFileReader over the connector's chanDirectory: form-data file parts named by CID
  const boundary = 'clusterboundary1234'
  const parts: Buffer[] = []
  blocks.forEach((b, i) => {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(cids[i].toString())}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(b), Buffer.from('\r\n'))
  })
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  const query = new URLSearchParams({ 'cid-codec': 'raw', mhtype: 'sha2-256', mhlen: '32', pin: 'false', 'allow-big-block': 'true' })
  const a = await post(ctx, `block/put?${query.toString()}`, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`)
  assert.is(a.status, 200, a.text)
  const answers = decodeAll(a.text)
  // ipfsBlockPutResp {Key api.Cid (a string), Size int}; each Key must match a block sent (it.Seen)
  assert.equal(answers.map(r => r.Key), cids.map(c => c.toString()))
  assert.equal(answers.map(r => r.Size), blocks.map(b => b.byteLength))
  for (const [i, cid] of cids.entries()) {
    const got = await post(ctx, `block/get?arg=${cid.toString()}`)
    assert.is(got.status, 200)
    assert.equal(new Uint8Array(got.body), blocks[i])
  }
})

test('Resolve: a path with segments (or /ipns/) goes to resolve?arg=<url.QueryEscape(path)> → Path, split as gopath.SplitAbsPath', async ctx => {
  let dir: CID | undefined
  let file: CID | undefined
  for await (const r of ctx.gw.node.add([{ path: 'cluster dir/a file.txt', content: new TextEncoder().encode('resolved by cluster') }], {})) {
    if (r.path === 'cluster dir') dir = r.cid
    else file = r.cid
  }
  // Go's url.QueryEscape: spaces become '+', '/' is escaped
  const path = `/ipfs/${dir}/a file.txt`
  const escaped = encodeURIComponent(path).replace(/%20/g, '+')
  const a = await post(ctx, `resolve?arg=${escaped}`)
  assert.is(a.status, 200, a.text)
  const resp = JSON.parse(a.text) as { Path: string }
  // SplitAbsPath: "/ipfs/<cid>[/rest]" → the CID
  const segments = resp.Path.split('/').filter(s => s !== '')
  assert.is(segments[0], 'ipfs')
  assert.ok(cidOf(segments[1]).equals(file))
  assert.is(segments.length, 2, 'resolve answers the final CID, no remainder')
  const missing = await post(ctx, `resolve?arg=${encodeURIComponent(`/ipfs/${dir}/nope`)}`)
  assert.match(ipfsError(missing).Message, /no link named "nope"/)
})

test.run()
