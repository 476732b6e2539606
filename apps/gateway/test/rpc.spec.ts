import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { create } from 'kubo-rpc-client'
import type { KuboRPCClient } from 'kubo-rpc-client'
import { extract } from 'it-tar'
import { CarBlockIterator } from '@ipld/car'
import { CID } from 'multiformats/cid'
import { peerIdFromString } from '@libp2p/peer-id'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CONFORMANCE, request } from './fixtures/http.ts'
import { startGateway, startPeer } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, peer: Awaited<ReturnType<typeof startPeer>>, api: string, ipfs: KuboRPCClient }

// `ipfs add` of "hello world\n" with Kubo's defaults (CIDv0, 256 KiB chunks) and with --cid-version=1
const HELLO_V0 = 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o'
const HELLO_V1 = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
const signal = (): AbortSignal => AbortSignal.timeout(20_000)

async function all<T> (source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of source) out.push(x)
  return out
}

async function bytes (source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  return Buffer.concat(await all(source))
}

const test = suite<Ctx>('RPC API with kubo-rpc-client against a real node')

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false, maxBlockBytes: 64 * 1024 }, false)
  ctx.peer = await startPeer()
  ctx.api = ctx.gw.gateway.apiUrl!
  ctx.ipfs = create({ url: `${ctx.api}/api/v0` })
})

test.after(async ctx => {
  await ctx.gw?.stop()
  await ctx.peer?.stop()
})

test('id and version', async ({ ipfs, gw }) => {
  const id = await ipfs.id({ signal: signal() })
  assert.is(id.id.toString(), gw.node.peerId)
  const v = await ipfs.version({ signal: signal() })
  assert.type(v.version, 'string')
  assert.ok(v.version.length > 0)
})

test('add: Kubo CIDs for the default and --cid-version=1, progress, directories', async ({ ipfs, api }) => {
  const added = await ipfs.add('hello world\n', { signal: signal() })
  assert.is(added.cid.toString(), HELLO_V0)
  assert.is(added.size, 20)
  const v1 = await ipfs.add(new TextEncoder().encode('hello world\n'), { cidVersion: 1, signal: signal() })
  assert.is(v1.cid.toString(), HELLO_V1)
  const progress: number[] = []
  const big = new Uint8Array(600 * 1024).map((_, i) => (i * 7) % 251)
  const withProgress = await ipfs.add(big, { progress: (n: number) => progress.push(n), signal: signal() })
  assert.ok(progress.length > 0, 'progress lines arrived')
  assert.is(progress.at(-1), big.length)
  assert.is(Buffer.compare(await bytes(ipfs.cat(withProgress.cid, { signal: signal() })), Buffer.from(big)), 0)
  const results = await all(ipfs.addAll([
    { path: 'site/index.html', content: '<h1>hi</h1>' },
    { path: 'site/a b/c%d.txt', content: 'percent' },
    { path: 'site/empty' }
  ], { wrapWithDirectory: true, signal: signal() }))
  const paths = results.map(r => r.path)
  for (const p of ['site/index.html', 'site/a b/c%d.txt', 'site/empty', 'site', '']) assert.ok(paths.includes(p), `added ${p}`)
  const root = results.find(r => r.path === '')!.cid
  assert.is((await bytes(ipfs.cat(`/ipfs/${root}/site/a b/c%d.txt`, { signal: signal() }))).toString(), 'percent')
  const listing = await all(ipfs.ls(`/ipfs/${root}/site`, { signal: signal() }))
  assert.equal(listing.map(e => [e.name, e.type]).sort(), [['a b', 'dir'], ['empty', 'dir'], ['index.html', 'file']])
  const dirStat = await ipfs.files.stat(`/ipfs/${root}/site`, { signal: signal() })
  assert.is(dirStat.type, 'directory')
  const fileStat = await ipfs.files.stat(`/ipfs/${root}/site/index.html`, { signal: signal() })
  assert.equal([fileStat.type, fileStat.size], ['file', 11])
  assert.ok(fileStat.cumulativeSize >= 11)
  const ofFile = await request(`${api}/api/v0/ls?arg=/ipfs/${root}/site/index.html`, { method: 'POST' })
  assert.is(ofFile.status, 200)
  assert.equal(JSON.parse(ofFile.text).Objects[0].Links, [], 'a file lists as an object without links, as Kubo')
})

test('ls: one document for several paths, one line per link with stream, errors before any output', async ({ ipfs, api }) => {
  const added = await all(ipfs.addAll([{ path: 'l/a.txt', content: 'a' }, { path: 'l/b/c.txt', content: 'c' }, { path: 'l/d.txt', content: 'dd' }], { signal: signal() }))
  const dir = added.at(-1)!.cid.toString()
  const sub = added.find(r => r.path === 'l/b')!.cid.toString()
  const doc = await request(`${api}/api/v0/ls?arg=${dir}&arg=/ipfs/${dir}/b`, { method: 'POST' })
  assert.is(doc.status, 200)
  assert.is(doc.headers['x-chunked-output'], undefined, 'one value, as Kubo\'s EmitOnce')
  const objects = JSON.parse(doc.text).Objects
  assert.equal(objects.map((o: { Hash: string }) => o.Hash), [dir, `/ipfs/${dir}/b`])
  assert.equal(objects[0].Links.map((l: { Name: string, Type: number }) => [l.Name, l.Type]), [['a.txt', 2], ['b', 1], ['d.txt', 2]])
  assert.equal(objects[1].Links.map((l: { Name: string }) => l.Name), ['c.txt'])
  assert.is(objects[0].Links[1].Hash, sub)
  const streamed = await request(`${api}/api/v0/ls?arg=${dir}&stream=true`, { method: 'POST' })
  assert.is(streamed.headers['x-chunked-output'], '1')
  const lines = streamed.text.trim().split('\n').map(l => JSON.parse(l))
  assert.equal(lines.map(l => [l.Objects.length, l.Objects[0].Hash, l.Objects[0].Links.length, l.Objects[0].Links[0].Name]),
    [[1, dir, 1, 'a.txt'], [1, dir, 1, 'b'], [1, dir, 1, 'd.txt']])
  assert.equal(lines.map(l => l.Objects[0].Links[0]), objects[0].Links, 'the same links either way')
  const missing = await request(`${api}/api/v0/ls?arg=/ipfs/${dir}/nope`, { method: 'POST' })
  assert.is(missing.status, 500)
  assert.is(JSON.parse(missing.text).Type, 'error')
})

test('cat with offset and length, get as a tar', async ({ ipfs }) => {
  const { cid } = await ipfs.add('0123456789', { signal: signal() })
  assert.is((await bytes(ipfs.cat(cid, { offset: 3, length: 4, signal: signal() }))).toString(), '3456')
  const dir = (await all(ipfs.addAll([{ path: 'd/x.txt', content: 'xx' }, { path: 'd/y/z.txt', content: 'zzz' }], { signal: signal() }))).at(-1)!.cid
  const entries: Record<string, string> = {}
  for await (const entry of extract()(ipfs.get(dir, { signal: signal() }))) {
    const chunks = []
    for await (const c of entry.body) chunks.push(c.subarray())
    entries[entry.header.name] = entry.header.type === 'directory' ? '<dir>' : Buffer.concat(chunks).toString()
  }
  assert.is(entries[`${dir}/x.txt`], 'xx')
  assert.is(entries[`${dir}/y/z.txt`], 'zzz')
  assert.is(entries[`${dir}/y`], '<dir>')
})

test('pin add, ls, update and rm', async ({ ipfs }) => {
  const a = (await ipfs.add('pin a', { pin: false, signal: signal() })).cid
  const b = (await ipfs.add('pin b', { pin: false, signal: signal() })).cid
  assert.equal((await all(ipfs.pin.addAll([{ cid: a }], { signal: signal() }))).map(String), [a.toString()])
  const pins = await all(ipfs.pin.ls({ type: 'recursive', signal: signal() }))
  assert.ok(pins.some(p => p.cid.equals(a) && p.type === 'recursive'))
  const one = await all(ipfs.pin.ls({ paths: [a], signal: signal() }))
  assert.is(one.length, 1)
  assert.equal((await ipfs.pin.update(a, b, { signal: signal() })).map(String), [a.toString(), b.toString()])
  const after = (await all(ipfs.pin.ls({ type: 'recursive', signal: signal() }))).map(p => p.cid.toString())
  assert.ok(after.includes(b.toString()))
  assert.not.ok(after.includes(a.toString()))
  assert.equal((await all(ipfs.pin.rmAll([{ cid: b }], { signal: signal() }))).map(String), [b.toString()])
})

test('pin ls shapes and errors as Kubo: stream lines omit an empty Name, Keys keep it; "path \'...\' is not pinned"', async ({ ipfs, api }) => {
  const c = (await ipfs.add('pin ls shapes', { signal: signal() })).cid.toString()
  const loose = (await ipfs.add('never pinned', { pin: false, signal: signal() })).cid.toString()
  const streamed = await request(`${api}/api/v0/pin/ls?arg=${c}&stream=true`, { method: 'POST' })
  assert.equal(JSON.parse(streamed.text), { Cid: c, Type: 'recursive' })
  const keys = await request(`${api}/api/v0/pin/ls?arg=/ipfs/${c}`, { method: 'POST' })
  assert.equal(JSON.parse(keys.text), { Keys: { [c]: { Type: 'recursive', Name: '' } } })
  for (const [arg, type] of [[loose, 'all'], [`/ipfs/${loose}`, 'all'], [c, 'direct']]) {
    const res = await request(`${api}/api/v0/pin/ls?arg=${arg}&type=${type}`, { method: 'POST' })
    assert.is(res.status, 500)
    assert.is(JSON.parse(res.text).Message, `path '${arg}' is not pinned`)
  }
})

test('ls sizes and types as Kubo: directories and symlinks 0, raw leaves are files (2)', async ({ ipfs, api }) => {
  const added = await all(ipfs.addAll([
    { path: 'sz/file.txt', content: 'twelve bytes' },
    { path: 'sz/sub/inner.txt', content: 'x' }
  ], { cidVersion: 1, signal: signal() }))
  const dir = added.find(r => r.path === 'sz')!.cid.toString()
  const res = await request(`${api}/api/v0/ls?arg=${dir}`, { method: 'POST' })
  const links = JSON.parse(res.text).Objects[0].Links
  assert.equal(links.map((l: { Name: string, Size: number, Type: number }) => [l.Name, l.Size, l.Type]), [['file.txt', 12, 2], ['sub', 0, 1]])
})

test('block put, get, stat and rm', async ({ ipfs }) => {
  const data = new TextEncoder().encode('a raw block')
  const cid = await ipfs.block.put(data, { signal: signal() })
  assert.is(cid.code, 0x55)
  assert.is(Buffer.compare(Buffer.from(await ipfs.block.get(cid, { signal: signal() })), Buffer.from(data)), 0)
  assert.equal(await ipfs.block.stat(cid, { signal: signal() }), { cid, size: data.length })
  const removed = await all(ipfs.block.rm(cid, { signal: signal() }))
  assert.is(removed.length, 1)
  assert.ok(removed[0].cid.equals(cid))
  assert.is(removed[0].error, undefined)
  // the node would now look for it on the network: Kubo's `timeout` option bounds that
  let message = ''
  try { await ipfs.block.stat(cid, { timeout: 300, signal: signal() }) } catch (err) { message = (err as Error).message }
  assert.match(message, /timed out|not found|deadline/i, 'the block is gone')
  const dagCbor = await ipfs.block.put(Uint8Array.from([0xa1, 0x61, 0x61, 0x01]), { format: 'dag-cbor', signal: signal() })
  assert.is(dagCbor.code, 0x71)
})

test('dag import, export and stat', async ({ ipfs, api }) => {
  const car = await readFile(join(CONFORMANCE, 'path_gateway_unixfs/dir-with-files.car'))
  const imported = await all(ipfs.dag.import([car], { signal: signal() }))
  assert.is(imported.length, 1)
  const root = imported[0].root.cid
  assert.is(root.toString(), 'bafybeihchr7vmgjaasntayyatmp5sv6xza57iy2h4xj7g46bpjij6yhrmy')
  const exported = await bytes(ipfs.dag.export(root, { signal: signal() }))
  const it = await CarBlockIterator.fromBytes(exported)
  assert.equal((await it.getRoots()).map(String), [root.toString()])
  let n = 0
  for await (const _ of it) n++
  assert.is(n, 9, 'the fixture\'s nine blocks')
  const stat = await request(`${api}/api/v0/dag/stat?arg=${root}&progress=false`, { method: 'POST' })
  assert.is(stat.status, 200)
  const json = JSON.parse(stat.text)
  assert.is(json.DagStats[0].Cid, root.toString(), "Kubo's DagStat.Cid is a string")
  assert.is(json.DagStats[0].NumBlocks, 9)
  const pinned = (await all(ipfs.pin.ls({ paths: [root], signal: signal() }))).map(p => p.type)
  assert.equal(pinned, ['recursive'], 'dag import pins roots by default')
  // a CAR whose DAG is incomplete is accepted when roots are not pinned
  const incomplete = await readFile(join(CONFORMANCE, 'trustless_gateway_car/file-3k-and-3-blocks-missing-block.car'))
  const partial = await all(ipfs.dag.import([incomplete], { pinRoots: false, signal: signal() }))
  assert.ok(partial.length <= 1)
  const leaf = await ipfs.block.stat(CID.parse('QmPKt7ptM2ZYSGPUc8PmPT2VBkLDK3iqpG9TBJY7PCE9rF'), { signal: signal() })
  assert.ok(leaf.size > 0, 'its blocks were stored')
})

test('repo gc, stat and verify', async ({ ipfs, api }) => {
  const loose = (await ipfs.add('collect me', { pin: false, signal: signal() })).cid
  const collected = await all(ipfs.repo.gc({ signal: signal() }))
  assert.ok(collected.some(r => (r as unknown as { cid: CID | null }).cid?.equals(loose) === true), 'the unpinned block was collected')
  const stat = await ipfs.repo.stat({ signal: signal() })
  assert.is(typeof stat.numObjects, 'bigint')
  assert.ok(stat.repoSize > 0n)
  const verify = await request(`${api}/api/v0/repo/verify`, { method: 'POST' })
  assert.is(verify.status, 200)
  const lines = verify.text.trim().split('\n').map(l => JSON.parse(l))
  assert.ok(lines.length > 0 && lines.every(l => typeof l.Msg === 'string'))
})

test('swarm connect, peers and addrs; routing provide and findprovs; stats bw', async ({ ipfs, peer, gw }) => {
  const addr = (await peer.node.swarm.localAddrs()).find(a => a.includes('/tcp/'))!
  // typed as void, but kubo-rpc-client returns Kubo's `Strings`
  const connected = await ipfs.swarm.connect(addr as never, { signal: signal() }) as unknown as string[]
  assert.equal(connected.map(String), [`connect ${peer.node.peerId} success`])
  const peers = await ipfs.swarm.peers({ signal: signal() })
  assert.ok(peers.some(p => p.peer.toString() === peer.node.peerId))
  // Kubo's connInfo: empty fields omitted, Identify always there; flags add Latency, Direction, Identify
  const plain = JSON.parse((await request(`${gw.gateway.apiUrl!}/api/v0/swarm/peers`, { method: 'POST' })).text).Peers
  const mine = plain.find((p: { Peer: string }) => p.Peer === peer.node.peerId)
  assert.equal(Object.keys(mine), ['Addr', 'Peer', 'Identify'])
  assert.equal(mine.Identify, { ID: '', PublicKey: '', Addresses: null, AgentVersion: '', Protocols: null })
  assert.equal(plain.map((p: { Addr: string }) => p.Addr), plain.map((p: { Addr: string }) => p.Addr).sort(), 'sorted by address')
  const latencyOnly = JSON.parse((await request(`${gw.gateway.apiUrl!}/api/v0/swarm/peers?latency=true`, { method: 'POST' })).text).Peers
  assert.equal(Object.keys(latencyOnly.find((p: { Peer: string }) => p.Peer === peer.node.peerId)), ['Addr', 'Peer', 'Latency', 'Identify'])
  const verbose = JSON.parse((await request(`${gw.gateway.apiUrl!}/api/v0/swarm/peers?verbose=true`, { method: 'POST' })).text).Peers
  const v = verbose.find((p: { Peer: string }) => p.Peer === peer.node.peerId)
  assert.match(v.Latency, /^(n\/a|\d+(\.\d+)?(ns|µs|us|ms|s|m|h))+$/)
  assert.ok(v.Direction === 1 || v.Direction === 2)
  assert.is(v.Identify.ID, peer.node.peerId)
  if (v.Streams != null) {
    const protocols = v.Streams.map((x: { Protocol: string }) => x.Protocol)
    assert.ok(protocols.length > 0 && protocols.every((x: string) => x.startsWith('/')), JSON.stringify(v.Streams))
    assert.equal(protocols, [...protocols].sort())
  }
  // a stream that stays open (a pubsub subscription) is listed with `streams`
  await peer.node.pubsub.subscribe('streams-listed', () => {})
  const withStreams = async (): Promise<string[]> => {
    const list = JSON.parse((await request(`${gw.gateway.apiUrl!}/api/v0/swarm/peers?streams=true`, { method: 'POST' })).text).Peers
    return (list.find((p: { Peer: string }) => p.Peer === peer.node.peerId).Streams ?? []).map((x: { Protocol: string }) => x.Protocol)
  }
  const deadline = Date.now() + 10_000
  while (!(await withStreams()).some(p => p.startsWith('/meshsub/')) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100))
  assert.ok((await withStreams()).some(p => p.startsWith('/meshsub/')), 'the gossipsub stream is listed')
  await peer.node.pubsub.unsubscribe('streams-listed')
  assert.ok(v.Identify.Protocols.includes('/ipfs/kad/1.0.0'))
  const addrs = await ipfs.swarm.addrs({ signal: signal() })
  assert.ok(addrs.some(a => a.id.toString() === peer.node.peerId && a.addrs.length > 0))
  let message = ''
  try {
    await ipfs.swarm.connect('/ip4/127.0.0.1/tcp/1/p2p/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN' as never, { signal: signal() })
  } catch (err) {
    message = (err as Error).message
  }
  assert.ok(message.length > 0, 'a failed dial comes back as an error with a message')
  // the peer announces content; our node finds it through the DHT
  const { cid } = await ipfs.add('provided by the peer', { pin: false, signal: signal() })
  const onPeer = await peer.node.block.put(new TextEncoder().encode(`peer block ${Date.now()}`))
  await peer.node.routing.provide([onPeer], { signal: signal() })
  const events = await all(ipfs.routing.findProvs(onPeer, { numProviders: 1, signal: signal() }))
  assert.ok(events.some((e: { name: string, providers?: Array<{ id: { toString(): string } }> }) => e.name === 'PROVIDER' && e.providers?.some(p => p.id.toString() === peer.node.peerId)))
  await all(ipfs.routing.provide(cid, { signal: signal() }))
  const bw = await all(ipfs.stats.bw({ signal: signal() }))
  assert.is(bw.length, 1)
  assert.is(typeof bw[0].totalIn, 'bigint')
  assert.ok(gw.node.peerId !== peer.node.peerId)
})

test('id of another peer: kubo-rpc-client\'s id({ peerId }), arg and peer-id alone, as Kubo\'s ipfs id PEER', async ({ ipfs, peer, api }) => {
  const addr = (await peer.node.swarm.localAddrs()).find(a => a.includes('/tcp/'))!
  await ipfs.swarm.connect(addr as never, { signal: signal() })
  const own = await peer.node.id()
  const remote = await ipfs.id({ peerId: peerIdFromString(peer.node.peerId), signal: signal() })
  assert.is(remote.id.toString(), peer.node.peerId)
  assert.is(remote.publicKey, own.publicKey)
  assert.is(remote.agentVersion, own.agentVersion)
  assert.equal(remote.protocols.map(String), [...remote.protocols.map(String)].sort())
  for (const p of ['/ipfs/kad/1.0.0', '/ipfs/bitswap/1.2.0', '/ipfs/id/1.0.0']) assert.ok(remote.protocols.map(String).includes(p), p)
  const addresses = (remote.addresses ?? []).map(String)
  assert.ok(addresses.length > 0 && addresses.every(a => a.endsWith(`/p2p/${peer.node.peerId}`)), addresses.join())
  for (const query of [`arg=${peer.node.peerId}`, `peer-id=${peer.node.peerId}`]) {
    const res = await request(`${api}/api/v0/id?${query}`, { method: 'POST' })
    assert.is(JSON.parse(res.text).ID, peer.node.peerId, query)
  }
  const bad = await request(`${api}/api/v0/id?arg=not-a-peer`, { method: 'POST' })
  assert.is(JSON.parse(bad.text).Message, 'invalid peer id')
})

test('config and bootstrap, as the CLI uses them', async ({ ipfs, gw }) => {
  const all = await ipfs.config.getAll({ signal: signal() }) as Record<string, unknown>
  assert.ok('Addresses' in all)
  await ipfs.config.set('Gateway.Timeout', '30s', { signal: signal() })
  assert.is(await ipfs.config.get('Gateway.Timeout', { signal: signal() }), '30s')
  await ipfs.config.set('Discovery.MDNS.Enabled', false, { signal: signal() })
  assert.is(await ipfs.config.get('Discovery.MDNS.Enabled', { signal: signal() }), false)
  // a key Kubo's config does not have is refused with Kubo's message
  const fruit = await request(`${gw.gateway.apiUrl!}/api/v0/config?arg=Fruit&arg=banana`, { method: 'POST' })
  assert.is(fruit.status, 400)
  assert.is(JSON.parse(fruit.text).Message, 'failed to set config value: Fruit not found (maybe use --json?)')
  const addr = '/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN'
  const added = await ipfs.bootstrap.add(addr as never, { signal: signal() })
  assert.equal(added.Peers.map(String), [addr])
  assert.ok((await ipfs.bootstrap.list({ signal: signal() })).Peers.map(String).includes(addr))
  assert.equal((await ipfs.bootstrap.rm(addr as never, { signal: signal() })).Peers.map(String), [addr])
})

test('bootstrap add/rm as Kubo: an address already there is returned, a bare /p2p/ID removes the peer, a bad one is refused', async ({ api }) => {
  const peer = '12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN'
  const one = `/ip4/127.0.0.1/tcp/4001/p2p/${peer}`
  const two = `/ip4/127.0.0.2/tcp/4001/p2p/${peer}`
  const call = async (path: string): Promise<{ status: number, body: any }> => {
    const res = await request(`${api}/api/v0/${path}`, { method: 'POST' })
    return { status: res.status, body: JSON.parse(res.text) }
  }
  assert.equal((await call(`bootstrap/add?arg=${one}&arg=${two}`)).body.Peers, [one, two])
  assert.equal((await call(`bootstrap/add?arg=${one}`)).body.Peers, [one], 'present already, still reported')
  const bad = await call('bootstrap/rm?arg=not-a-multiaddr')
  assert.is(bad.status, 400)
  assert.is((await call('bootstrap/rm?arg=/ip4/127.0.0.1/tcp/4001')).status, 400, 'no /p2p/ part')
  assert.equal((await call('bootstrap/list')).body.Peers.filter((a: string) => a.endsWith(peer)).sort(), [one, two])
  assert.equal((await call(`bootstrap/rm?arg=/p2p/${peer}`)).body.Peers.sort(), [one, two])
  assert.equal((await call('bootstrap/list')).body.Peers.filter((a: string) => a.endsWith(peer)), [])
})

test('pubsub: a subscriber hears what its own node publishes, as go-libp2p-pubsub delivers it', async ({ ipfs, gw }) => {
  const topic = 'cairn/local echo'
  const controller = new AbortController()
  const received: Array<{ from: string, data: string, topic: string, seqno: bigint }> = []
  await ipfs.pubsub.subscribe(topic, (m: any) => {
    received.push({ from: m.from.toString(), data: new TextDecoder().decode(m.data), topic: m.topic, seqno: m.sequenceNumber })
  }, { signal: controller.signal })
  try {
    await ipfs.pubsub.publish(topic, new TextEncoder().encode('to myself'), { signal: signal() })
    await ipfs.pubsub.publish('cairn/nobody listens', new TextEncoder().encode('elsewhere'), { signal: signal() })
    await ipfs.pubsub.publish(topic, new TextEncoder().encode('twice'), { signal: signal() })
    const deadline = Date.now() + 10_000
    while (received.length < 2 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50))
    assert.equal(received.map(m => [m.from, m.data, m.topic]), [[gw.node.peerId, 'to myself', topic], [gw.node.peerId, 'twice', topic]])
    assert.ok(received[1].seqno > received[0].seqno, 'sequence numbers grow')
  } finally {
    controller.abort()
  }
})

test('pubsub: subscribe, ls, publish both ways, topics and data multibase-encoded as Kubo', async ({ ipfs, peer }) => {
  const topic = 'cairn/test topic ✓'
  const controller = new AbortController()
  const received: string[] = []
  const atPeer: string[] = []
  await peer.node.pubsub.subscribe(topic, m => { atPeer.push(new TextDecoder().decode(m.data)) })
  await ipfs.pubsub.subscribe(topic, (m: { data: Uint8Array, topic: string }) => { received.push(`${m.topic}:${new TextDecoder().decode(m.data)}`) }, { signal: controller.signal })
  try {
    assert.ok((await ipfs.pubsub.ls({ signal: signal() })).includes(topic))
    // gossipsub needs the mesh to form: publish until heard, bounded
    const deadline = Date.now() + 15_000
    while ((received.length === 0 || atPeer.length === 0) && Date.now() < deadline) {
      await peer.node.pubsub.publish(topic, new TextEncoder().encode('from peer')).catch(() => {})
      await ipfs.pubsub.publish(topic, new TextEncoder().encode('from rpc'), { signal: signal() }).catch(() => {})
      await new Promise(resolve => setTimeout(resolve, 300))
    }
    assert.ok(received.includes(`${topic}:from peer`), 'the RPC subscriber got the peer\'s message')
    assert.ok(atPeer.includes('from rpc'), 'the peer got the message published over the RPC')
  } finally {
    controller.abort()
    await peer.node.pubsub.unsubscribe(topic)
  }
})

test.run()
