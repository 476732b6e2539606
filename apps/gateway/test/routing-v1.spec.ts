/**
 * The Delegated Routing V1 HTTP API on the gateway of a real node whose DHT holds a second node:
 * plain HTTP checks of each endpoint and `@helia/delegated-routing-v1-http-api-client` against it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createNode, TEST_PROFILE } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import { delegatedRoutingV1HttpApiClient } from '@helia/delegated-routing-v1-http-api-client'
import { defaultLogger } from '@libp2p/logger'
import { CID } from 'multiformats/cid'
import { base36 } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'
import * as Digest from 'multiformats/hashes/digest'
import { createGateway } from '../src/index.ts'

interface Context { a?: CairnNode, b?: CairnNode, gateway?: Awaited<ReturnType<typeof createGateway>>, dirs: string[], url: string }
const test = suite<Context>('routing v1 on the gateway', { dirs: [], url: '' })

async function node (ctx: Context): Promise<CairnNode> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-routing-v1-'))
  ctx.dirs.push(dir)
  return createNode({ repoPath: dir, initIfMissing: true, config: TEST_PROFILE, reprovideInitialDelayMs: 600_000 })
}

/** Polls until `check` holds, at most `ms` */
async function waitFor (check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  let last: unknown
  while (Date.now() < deadline) {
    if (await check().catch((err) => { last = err; return false })) return
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}`, { cause: last })
}

test.before(async (ctx) => {
  ctx.a = await node(ctx)
  ctx.b = await node(ctx)
  await ctx.a.swarm.connect((await ctx.b.swarm.localAddrs())[0], { signal: AbortSignal.timeout(10_000) })
  ctx.gateway = await createGateway(ctx.b, { gateway: { port: 0 }, api: false, timeoutMs: 10_000 })
  await ctx.gateway.start()
  ctx.url = ctx.gateway.gatewayUrl!
})

test.after(async (ctx) => {
  await ctx.gateway?.stop()
  await ctx.a?.stop()
  await ctx.b?.stop()
  for (const dir of ctx.dirs) await rm(dir, { recursive: true, force: true })
})

test('providers, peers and IPNS records over plain HTTP, with Kubo’s statuses', async (ctx) => {
  const a = ctx.a!
  let cid = ''
  for await (const r of a.add([{ path: 'x', content: new TextEncoder().encode('routed') }], { cidVersion: 1 })) cid = r.cid.toString()
  await a.routing.provide([cid], { signal: AbortSignal.timeout(20_000) })

  await waitFor(async () => {
    const res = await fetch(`${ctx.url}/routing/v1/providers/${cid}`, { signal: AbortSignal.timeout(10_000) })
    const body = await res.json() as { Providers: Array<{ ID: string, Schema: string, Addrs: string[] }> }
    return res.status === 200 && body.Providers.some(p => p.ID === a.peerId && p.Schema === 'peer' && p.Addrs.length > 0)
  }, 20_000, 'A listed as provider')
  const ndjson = await fetch(`${ctx.url}/routing/v1/providers/${cid}`, { headers: { Accept: 'application/x-ndjson' } })
  assert.is(ndjson.headers.get('content-type'), 'application/x-ndjson')
  assert.ok((await ndjson.text()).split('\n').filter(Boolean).some(l => JSON.parse(l).ID === a.peerId))

  const peers = await fetch(`${ctx.url}/routing/v1/peers/${a.peerId}`)
  assert.is(peers.status, 200)
  const peer = (await peers.json() as { Peers: Array<{ ID: string, Addrs: string[] }> }).Peers[0]
  assert.is(peer.ID, a.peerId)
  assert.ok(peer.Addrs.some(ad => ad.startsWith('/ip4/127.0.0.1/tcp/')))

  const { name } = await a.name.publish(cid, { signal: AbortSignal.timeout(20_000) })
  const got = await fetch(`${ctx.url}/routing/v1/ipns/${name}`)
  assert.is(got.status, 200)
  assert.is(got.headers.get('content-type'), 'application/vnd.ipfs.ipns-record')
  assert.match(String(got.headers.get('cache-control')), /^public, max-age=\d+, stale-while-revalidate=\d+/)
  assert.equal(new Uint8Array(await got.arrayBuffer()), await a.name.get(name))

  // an unknown name is a 200 with text (IPIP-0513); bad input is a 4xx
  const never = await ctx.b!.key.gen('never')
  const unknownName = CID.createV1(0x72, Digest.decode(base58btc.baseDecode(never.id))).toString(base36)
  const none = await fetch(`${ctx.url}/routing/v1/ipns/${unknownName}`, { signal: AbortSignal.timeout(60_000) })
  assert.is(none.status, 200)
  assert.match(String(none.headers.get('content-type')), /^text\/plain/)
  assert.is((await fetch(`${ctx.url}/routing/v1/ipns/${cid}`)).status, 400, 'a content CID is not an IPNS name')
  assert.is((await fetch(`${ctx.url}/routing/v1/providers/not-a-cid`)).status, 400)
  assert.is((await fetch(`${ctx.url}/routing/v1/ipns/${name}`, { method: 'PUT', body: new Uint8Array([1]) })).status, 406)
  const garbage = await fetch(`${ctx.url}/routing/v1/ipns/${name}`, { method: 'PUT', body: new Uint8Array([1, 2, 3]), headers: { 'Content-Type': 'application/vnd.ipfs.ipns-record' } })
  assert.is(garbage.status, 400)
  const wrongKey = await fetch(`${ctx.url}/routing/v1/ipns/${unknownName}`, { method: 'PUT', body: await a.name.get(name), headers: { 'Content-Type': 'application/vnd.ipfs.ipns-record' } })
  assert.is(wrongKey.status, 400, 'a record signed by another key')
  const huge = await fetch(`${ctx.url}/routing/v1/ipns/${name}`, { method: 'PUT', body: new Uint8Array(10 * 1024 * 1024), headers: { 'Content-Type': 'application/vnd.ipfs.ipns-record' } }).catch((err: Error) => err)
  // the server answers 400 as soon as the length is over 10 KiB, and may close before the body is sent
  if (!(huge instanceof Error)) assert.is(huge.status, 400, 'a 10 MiB record')
  // a worse record (lower sequence) never replaces the better one
  const older = await a.name.get(name)
  let newer = ''
  for await (const r of a.add([{ path: 'y', content: new TextEncoder().encode('routed again') }], { cidVersion: 1 })) newer = r.cid.toString()
  await a.name.publish(newer, { signal: AbortSignal.timeout(20_000) })
  const stale = await fetch(`${ctx.url}/routing/v1/ipns/${name}`, { method: 'PUT', body: older, headers: { 'Content-Type': 'application/vnd.ipfs.ipns-record' } })
  assert.is(stale.status, 400, 'a lower sequence')
  assert.match(await stale.text(), /sequence/)
  assert.is(await a.name.resolve(name, { nocache: true, signal: AbortSignal.timeout(20_000) }), `/ipfs/${newer}`)
})

test('DHT closest peers (IPIP-0476): by peer ID or CID, JSON and NDJSON, bad keys refused', async (ctx) => {
  const a = ctx.a!
  const aAsCid = CID.createV1(0x72, Digest.decode(base58btc.baseDecode(a.peerId))).toString(base36)
  for (const key of [a.peerId, aAsCid, 'bafkqaaa']) {
    const res = await fetch(`${ctx.url}/routing/v1/dht/closest/peers/${key}`, { signal: AbortSignal.timeout(30_000) })
    assert.is(res.status, 200, key)
    assert.is(res.headers.get('content-type'), 'application/json')
    const { Peers } = await res.json() as { Peers: Array<{ Schema: string, ID: string, Addrs: string[], Protocols?: string[] }> }
    // B's only DHT peer is A: the closest to anything, with the addresses B knows
    const found = Peers.find(p => p.ID === a.peerId)
    assert.ok(found, `A among the closest peers to ${key}`)
    assert.is(found!.Schema, 'peer')
    assert.ok(found!.Addrs.some(ad => ad.startsWith('/ip4/127.0.0.1/tcp/')))
    assert.is(found!.Protocols, undefined)
  }
  const ndjson = await fetch(`${ctx.url}/routing/v1/dht/closest/peers/${a.peerId}`, { headers: { Accept: 'application/x-ndjson' }, signal: AbortSignal.timeout(30_000) })
  assert.is(ndjson.headers.get('content-type'), 'application/x-ndjson')
  assert.ok((await ndjson.text()).split('\n').filter(Boolean).some(l => JSON.parse(l).ID === a.peerId))
  const bad = await fetch(`${ctx.url}/routing/v1/dht/closest/peers/not-a-key`)
  assert.is(bad.status, 400)
  assert.match(await bad.text(), /^unable to parse key "not-a-key"/)
  // the Helia client's getClosestPeers reads the same answer
  const client = delegatedRoutingV1HttpApiClient({ url: ctx.url, timeout: 30_000, cacheTTL: 0 })({ logger: defaultLogger() })
  const want = CID.parse(aAsCid, base36)
  let seen = false
  // the client hands peer IDs back as CIDs (libp2p-key)
  for await (const p of client.getClosestPeers(want, { signal: AbortSignal.timeout(30_000) })) seen ||= want.equals(CID.asCID(p.ID) ?? CID.parse(String(p.ID)))
  assert.ok(seen, 'the client sees A')
  client.stop?.()
})

test('@helia/delegated-routing-v1-http-api-client reads and writes through it', async (ctx) => {
  const a = ctx.a!
  const client = delegatedRoutingV1HttpApiClient({ url: ctx.url, timeout: 30_000, cacheTTL: 0 })({ logger: defaultLogger() })
  let cid = ''
  for await (const r of a.add([{ path: 'y', content: new TextEncoder().encode('helia client') }], { cidVersion: 1 })) cid = r.cid.toString()
  await a.routing.provide([cid], { signal: AbortSignal.timeout(20_000) })
  await waitFor(async () => {
    // the client hands peer IDs back as CIDs (libp2p-key)
    const want = CID.createV1(0x72, Digest.decode(base58btc.baseDecode(a.peerId)))
    for await (const p of client.getProviders(CID.parse(cid), { signal: AbortSignal.timeout(10_000) })) if (want.equals(CID.asCID(p.ID) ?? CID.parse(String(p.ID)))) return true
    return false
  }, 20_000, 'the client to find A')

  // a record for a second key of A goes in through PUT and comes back through GET
  await a.key.gen('put-me')
  const { name } = await a.name.publish(cid, { key: 'put-me', allowOffline: true, signal: AbortSignal.timeout(20_000) })
  const record = await a.name.get(name)
  const nameCid = CID.parse(name, base36)
  await client.putIPNS(nameCid, record, { signal: AbortSignal.timeout(20_000) })
  assert.equal(new Uint8Array(await client.getIPNS(nameCid, { signal: AbortSignal.timeout(20_000) })), record)
  assert.equal(await ctx.b!.name.get(name), record)
  client.stop?.()
})

test.run()
