import { createIPNSRecord, marshalIPNSRecord, unmarshalIPNSRecord } from 'ipns'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, rejects, collect, connect, testNode, testRepo, waitFor, waitForRoutingTable } from './fixtures/nodes.ts'

const test = suite('IPNS: publish and resolve over the DHT on 127.0.0.1')

test.after(cleanup)

const addText = async (node: Awaited<ReturnType<typeof testNode>>, text: string): Promise<string> => {
  const [added] = await collect(node.add([{ path: 'f.txt', content: new TextEncoder().encode(text) }], { cidVersion: 1 }))
  return added.cid.toString()
}

test('a name published on A resolves on B, updates are seen, records match Kubo defaults', async () => {
  const a = await testNode()
  const b = await testNode()
  await connect(b, a)
  await waitForRoutingTable(a)
  await waitForRoutingTable(b)

  const v1 = await addText(a, 'one')
  const published = await a.name.publish(v1, { signal: AbortSignal.timeout(20_000) })
  assert.match(published.name, /^k51/, 'names print as base36 CIDv1')
  assert.is(published.value, `/ipfs/${v1}`)

  assert.is(await b.name.resolve(published.name, { signal: AbortSignal.timeout(20_000) }), `/ipfs/${v1}`)
  // the peer ID form names the same key
  assert.is(await b.name.resolve(`/ipns/${a.peerId}`, { nocache: true, signal: AbortSignal.timeout(20_000) }), `/ipfs/${v1}`)
  assert.is(await b.resolve(`/ipns/${published.name}`), `/ipfs/${v1}`)

  const raw = await b.name.get(published.name)
  const record = unmarshalIPNSRecord(raw)
  assert.is(record.sequence, 0n)
  assert.is(record.ttl, 5n * 60n * 1_000_000_000n, 'TTL: boxo DefaultRecordTTL')
  const lifetime = Date.parse(record.validity) - Date.now()
  assert.ok(lifetime > 47.9 * 3600_000 && lifetime <= 48 * 3600_000, `validity ~48h, got ${lifetime}ms`)
  const inspected = await b.name.inspect(raw, { verify: published.name })
  assert.is(inspected.signatureType, 'V1+V2')
  assert.is(inspected.validation?.valid, true)
  const wrong = await b.name.inspect(raw, { verify: b.peerId })
  assert.is(wrong.validation?.valid, false)

  // an update: the sequence rises; B, asked without its cache, sees the new value
  const v2 = await addText(a, 'two')
  await a.name.publish(v2, { signal: AbortSignal.timeout(20_000) })
  assert.is(await b.name.resolve(published.name, { nocache: true, signal: AbortSignal.timeout(20_000) }), `/ipfs/${v2}`)
  assert.is(unmarshalIPNSRecord(await a.name.get(published.name)).sequence, 1n)

  // a lower --sequence is refused; a named key publishes its own name
  await rejects(a.name.publish(v2, { sequence: 1n }), /sequence number must be greater than the current record sequence/)
  const k = await a.key.gen('site')
  const site = await a.name.publish(v1, { key: 'site', ttlMs: 1000, signal: AbortSignal.timeout(20_000) })
  assert.is.not(site.name, published.name)
  assert.is(await b.name.resolve(k.id, { signal: AbortSignal.timeout(20_000) }), `/ipfs/${v1}`)

  // B cats content through the name
  const bytes = await collect(b.cat(`/ipns/${published.name}`, { signal: AbortSignal.timeout(20_000) }))
  assert.is(new TextDecoder().decode(Buffer.concat(bytes)), 'two')
})

test('resolveStream (name resolve --stream): the record held first, then each better one the DHT walk finds', async () => {
  const a = await testNode()
  const b = await testNode()
  const c = await testNode()
  await connect(b, a)
  await connect(c, a)
  await waitForRoutingTable(a)
  await waitForRoutingTable(b)
  const v1 = await addText(a, 'stream one')
  const v2 = await addText(a, 'stream two')
  const { name } = await a.name.publish(v1, { signal: AbortSignal.timeout(20_000) })
  // B holds the first record; the second is published while B is down (C and A hold it)
  await waitFor(async () => (await b.name.resolve(name, { dhtTimeoutMs: 1000 }).catch(() => '')) === `/ipfs/${v1}`, 10_000, 'B to hold the first record')
  await b.stop()
  await a.name.publish(v2, { signal: AbortSignal.timeout(20_000) })
  await b.start()
  await connect(b, a)
  await waitForRoutingTable(b)
  // the walk goes on until 16 records or the DHT timeout: two peers give two, so the timeout ends it
  const seen = await collect(b.name.resolveStream(name, { nocache: true, dhtTimeoutMs: 5000 }))
  assert.equal(seen, [`/ipfs/${v1}`, `/ipfs/${v2}`], 'the held record, then the better one')
  assert.equal(await collect(b.name.resolveStream(name, { dhtTimeoutMs: 2000 })), [`/ipfs/${v2}`], 'now held: once')
  assert.is(await b.name.resolve(name), `/ipfs/${v2}`)
  // a name nobody published: the walk ends with Kubo's error
  const never = await b.key.gen('never-published')
  await rejects(collect(b.name.resolveStream(never.id, { dhtTimeoutMs: 3000 })), /could not resolve name/)
})

test('bad records are refused, and a worse record never replaces a better one', async () => {
  const a = await testNode()
  const b = await testNode()
  await connect(b, a)
  await waitForRoutingTable(a)
  await waitForRoutingTable(b)
  const key = await generateKeyPair('Ed25519')
  const { ipnsNameOf } = await import('../src/ipns/name.ts')
  const name = ipnsNameOf((await import('@libp2p/peer-id')).peerIdFromPrivateKey(key)).cid
  const value = `/ipfs/${await addText(a, 'x')}`

  const good = marshalIPNSRecord(await createIPNSRecord(key, value, 5n, 60_000))
  const older = marshalIPNSRecord(await createIPNSRecord(key, value, 4n, 60_000))
  const expired = marshalIPNSRecord(await createIPNSRecord(key, value, 9n, -1000))
  const other = marshalIPNSRecord(await createIPNSRecord(await generateKeyPair('Ed25519'), value, 9n, 60_000))

  await rejects(a.name.put(name, expired), (err: any) => err.code === 'ERR_INVALID_RECORD' && /record is expired/.test(err.message))
  await rejects(a.name.put(name, other), /record validation failed/)
  await rejects(a.name.put(name, new Uint8Array(11 * 1024)), /record exceeds maximum size of 10240 bytes/)
  await rejects(a.name.put(name, new Uint8Array(10 * 1024 * 1024)), /exceeds maximum size/)
  await rejects(a.name.put(name, new Uint8Array([0xff, 0x00, 0x01])), (err: any) => err.code === 'ERR_INVALID_RECORD')

  const put = await a.name.put(name, good, { signal: AbortSignal.timeout(20_000) })
  assert.equal({ ...put }, { name, value })
  await rejects(a.name.put(name, older), /existing IPNS record has sequence 5 >= new record sequence 4/)
  // forced past the command's own checks, the DHT peer still keeps the better record
  await a.name.put(name, older, { force: true, signal: AbortSignal.timeout(20_000) }).catch(() => {})
  const held = await b.name.get(name)
  assert.is(unmarshalIPNSRecord(held).sequence, 5n)

  await rejects(b.name.resolve((await b.key.gen('empty')).id, { dhtTimeoutMs: 3000 }), (err: any) => /could not resolve name/.test(err.message))
  await rejects(b.name.resolve('not-a-name'), /invalid IPNS name/)
})

test('the sequence keeps rising across restarts; offline publish needs --allow-offline', async () => {
  const repoPath = await testRepo()
  let node = await testNode({ repoPath, offline: true })
  const [added] = await collect(node.add([{ path: 'f', content: new Uint8Array([1]) }]))
  await rejects(node.name.publish(added.cid.toString()), /can't publish while offline: pass `--allow-offline`/)
  const first = await node.name.publish(added.cid.toString(), { allowOffline: true })
  assert.is(await node.name.resolve(first.name), `/ipfs/${added.cid}`)
  await node.stop()
  node = await testNode({ repoPath, offline: true })
  // the same value again keeps the sequence (boxo), a new one raises it, also after a restart
  await node.name.publish(added.cid.toString(), { allowOffline: true })
  assert.is(unmarshalIPNSRecord(await node.name.get(first.name)).sequence, 0n)
  const [other] = await collect(node.add([{ path: 'g', content: new Uint8Array([2]) }]))
  await node.name.publish(other.cid.toString(), { allowOffline: true })
  assert.is(unmarshalIPNSRecord(await node.name.get(first.name)).sequence, 1n)
  await node.stop()
  node = await testNode({ repoPath, offline: true })
  await node.name.publish(added.cid.toString(), { allowOffline: true })
  assert.is(unmarshalIPNSRecord(await node.name.get(first.name)).sequence, 2n)
  await rejects(node.name.publish('/ipfs/bafkqaaa/missing', { allowOffline: true }), (err: any) => err.code != null)
})

test('the republisher renews records on Ipns.RepublishPeriod; the DHT peer gets the renewed one', async () => {
  const a = await testNode({ config: { Ipns: { RepublishPeriod: '1s' } } })
  const b = await testNode()
  await connect(b, a)
  await waitForRoutingTable(a)
  await waitForRoutingTable(b)
  const value = await addText(a, 'renewed')
  const { name } = await a.name.publish(value, { ttlMs: 30_000, signal: AbortSignal.timeout(20_000) })
  const first = unmarshalIPNSRecord(await a.name.get(name))
  await waitFor(async () => unmarshalIPNSRecord(await a.name.get(name)).validity !== first.validity, 15_000, 'a renewed record on A')
  const renewed = unmarshalIPNSRecord(await a.name.get(name))
  assert.is(renewed.sequence, first.sequence, 'same value, same sequence')
  assert.is(renewed.ttl, first.ttl, 'same TTL')
  assert.ok(Date.parse(renewed.validity) > Date.parse(first.validity))
  await waitFor(async () => {
    await b.name.resolve(name, { nocache: true, signal: AbortSignal.timeout(5_000) })
    return unmarshalIPNSRecord(await b.name.get(name)).validity !== first.validity
  }, 15_000, 'B to hold the renewed record')
  await rejects(testNode({ config: { Ipns: { RepublishPeriod: '50h' } } }), /Ipns.RepublishPeriod \(50h\) must not exceed Ipns.RecordLifetime/)
})

test('IPNS over pubsub: a subscriber learns an update from the topic, not from a new lookup', async () => {
  const config = { Ipns: { UsePubsub: true } }
  const a = await testNode({ config })
  const b = await testNode({ config })
  await connect(b, a)
  await waitForRoutingTable(a)
  await waitForRoutingTable(b)
  const v1 = await addText(a, 'pubsub one')
  // a TTL of an hour: B's cache stays fresh, so only the topic can tell B of the update
  const { name } = await a.name.publish(v1, { ttlMs: 3600_000, signal: AbortSignal.timeout(20_000) })
  assert.is(await b.name.resolve(name, { signal: AbortSignal.timeout(20_000) }), `/ipfs/${v1}`)
  assert.equal(await b.name.pubsub.subs(), [`/ipns/${name}`])
  assert.is(await b.name.pubsub.state(), true)
  const { ipnsTopic } = await import('../src/ipns/pubsub.ts')
  const { parseIpnsName } = await import('../src/ipns/name.ts')
  const topic = ipnsTopic(parseIpnsName(name).routingKey)
  await waitFor(async () => (await a.pubsub.peers(topic)).includes(b.peerId), 15_000, 'A to see B on the name topic')

  const v2 = await addText(a, 'pubsub two')
  await a.name.publish(v2, { ttlMs: 3600_000, signal: AbortSignal.timeout(20_000) })
  await waitFor(async () => (await b.name.resolve(name)) === `/ipfs/${v2}`, 10_000, 'B to hear of the update')

  assert.is(await b.name.pubsub.cancel(name), true)
  assert.is(await b.name.pubsub.cancel(name), false)
  assert.equal(await b.name.pubsub.subs(), [])
  const plain = await testNode()
  assert.is(await plain.name.pubsub.state(), false)
})

test('IPNS over pubsub: a late follower fetches the latest record from topic peers (/libp2p/fetch/0.0.1), no DHT', async () => {
  // no DHT anywhere, and R follows the topic only after the publication: only the fetch protocol
  // can tell R of the name (go-libp2p-pubsub-router's, which Kubo serves on the same protocol)
  const config = { Ipns: { UsePubsub: true }, Routing: { Type: 'none' as const } }
  const p = await testNode({ config })
  const r = await testNode({ config })
  await connect(r, p)
  const v1 = await addText(p, 'fetched one')
  const { name } = await p.name.publish(v1, { ttlMs: 3600_000, signal: AbortSignal.timeout(20_000) })
  const { ipnsTopic } = await import('../src/ipns/pubsub.ts')
  const { parseIpnsName } = await import('../src/ipns/name.ts')
  const topic = ipnsTopic(parseIpnsName(name).routingKey)
  await waitFor(async () => (await r.pubsub.peers(topic)).includes(p.peerId), 10_000, 'R to know P follows the name')
  assert.is(await r.name.resolve(name, { signal: AbortSignal.timeout(15_000) }), `/ipfs/${v1}`)
  // a name nobody follows still fails, and fast
  const other = await p.key.gen('never-published')
  await rejects(r.name.resolve(other.id, { signal: AbortSignal.timeout(15_000) }), /could not resolve name/)
})

test('IPNS over pubsub with 15 peers on one address: nobody is graylisted, the update arrives', async () => {
  // js gossipsub's default peer scoring penalises more than 10 peers on one IP, and past 14 it
  // ignores them altogether; Kubo does not score peers, and neither do we
  const config = { Ipns: { UsePubsub: true } }
  const hub = await testNode({ config })
  const leaves = await Promise.all(Array.from({ length: 14 }, async () => testNode({ config })))
  for (const leaf of leaves) await connect(leaf, hub)
  const [a, b] = leaves
  await waitForRoutingTable(a)
  await waitForRoutingTable(b)
  const v1 = await addText(a, 'crowded one')
  const { name } = await a.name.publish(v1, { ttlMs: 3600_000, signal: AbortSignal.timeout(20_000) })
  assert.is(await b.name.resolve(name, { signal: AbortSignal.timeout(20_000) }), `/ipfs/${v1}`)
  const { ipnsTopic } = await import('../src/ipns/pubsub.ts')
  const { parseIpnsName } = await import('../src/ipns/name.ts')
  const topic = ipnsTopic(parseIpnsName(name).routingKey)
  await waitFor(async () => (await hub.pubsub.peers(topic)).includes(b.peerId) || (await a.pubsub.peers(topic)).includes(b.peerId), 15_000, 'B\'s subscription to be heard')
  const v2 = await addText(a, 'crowded two')
  await a.name.publish(v2, { ttlMs: 3600_000, signal: AbortSignal.timeout(20_000) })
  await waitFor(async () => (await b.name.resolve(name)) === `/ipfs/${v2}`, 10_000, 'B to hear of the update')
})

test.run()
