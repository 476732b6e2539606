import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, connect, testNode, waitFor } from './fixtures/nodes.ts'
import type { PubsubMessage } from '@cairn/interface'

const test = suite('gossipsub pubsub over TCP on 127.0.0.1')

test.after(cleanup)

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const dec = (b: Uint8Array): string => new TextDecoder().decode(b)

test('a message reaches every subscriber of 3 nodes, passing a validator', async () => {
  const nodes = [await testNode(), await testNode(), await testNode()]
  const [a, b, c] = nodes
  // a line: A - B - C, so C gets A's message only through B
  await connect(a, b)
  await connect(c, b)

  const topic = 'cairn-test'
  const received = new Map<string, PubsubMessage[]>()
  for (const n of nodes) {
    received.set(n.peerId, [])
    await n.pubsub.subscribe(topic, m => { received.get(n.peerId)?.push(m) }, { signal: AbortSignal.timeout(60_000) })
  }
  // messages that fail validation are neither delivered nor forwarded
  b.pubsub.setValidator(topic, m => dec(m.data).startsWith('spam') ? 'reject' : 'accept')

  assert.equal(await a.pubsub.ls(), [topic])
  await waitFor(async () => (await b.pubsub.peers(topic)).length === 2, 10_000, 'B to see both subscribers')
  await waitFor(async () => (await a.pubsub.peers(topic)).includes(b.peerId), 10_000, 'A to see B subscribed')
  await waitFor(async () => (await c.pubsub.peers(topic)).includes(b.peerId), 10_000, 'C to see B subscribed')
  // B forwards only to its mesh. When C subscribed before B's subscription reached it (a loaded
  // machine), C joins B's mesh at B's next heartbeat; a message published before that never
  // reaches C (gossip goes to peers outside the mesh, and C is in it by then)
  const meshOfB = (): string[] => (b.libp2p.services.pubsub as unknown as { getMeshPeers(topic: string): string[] }).getMeshPeers(topic)
  await waitFor(() => meshOfB().includes(a.peerId) && meshOfB().includes(c.peerId), 10_000, "A and C in B's mesh")

  await a.pubsub.publish(topic, enc('spam: buy now'))
  await a.pubsub.publish(topic, enc('hello from A'))
  await waitFor(() => received.get(b.peerId)?.length === 1 && received.get(c.peerId)?.length === 1, 15_000, 'B and C to receive')

  for (const n of [b, c]) {
    const [m] = received.get(n.peerId) ?? []
    assert.is(dec(m.data), 'hello from A')
    assert.is(m.from, a.peerId)
    assert.is(m.topic, topic)
  }
  // the publisher's own subscription hears both its messages (validators judge what arrives from
  // peers), as go-libp2p-pubsub delivers local publications to local subscribers
  assert.equal(received.get(a.peerId)?.map(m => [dec(m.data), m.from, m.topic]), [['spam: buy now', a.peerId, topic], ['hello from A', a.peerId, topic]])

  await c.pubsub.unsubscribe(topic)
  assert.equal(await c.pubsub.ls(), [])
})

test('a node alone hears its own publications on subscribed topics only, once per subscriber', async () => {
  const n = await testNode()
  const first: string[] = []
  const second: string[] = []
  const controller = new AbortController()
  await n.pubsub.subscribe('mine', m => { first.push(dec(m.data)) }, { signal: controller.signal })
  await n.pubsub.subscribe('mine', m => { second.push(dec(m.data)) })
  await n.pubsub.publish('other', enc('not subscribed'))
  await n.pubsub.publish('mine', enc('to myself'))
  await waitFor(() => first.length === 1 && second.length === 1, 5_000, 'both local subscribers to receive')
  assert.equal([first, second], [['to myself'], ['to myself']])
  controller.abort()
  await n.pubsub.publish('mine', enc('again'))
  await waitFor(() => second.length === 2, 5_000, 'the remaining subscriber to receive')
  assert.equal(first, ['to myself'], 'an ended subscription hears nothing more')
  await n.pubsub.unsubscribe('mine')
  assert.equal(await n.pubsub.ls(), [])
})

test('aborting a subscription after the node stopped is harmless', async () => {
  const n = await testNode()
  const controller = new AbortController()
  await n.pubsub.subscribe('late', () => {}, { signal: controller.signal })
  assert.equal(await n.pubsub.ls(), ['late'])
  controller.abort()
  assert.equal(await n.pubsub.ls(), [], 'abort unsubscribes')
  const again = new AbortController()
  await n.pubsub.subscribe('later', () => {}, { signal: again.signal })
  await n.stop()
  // an exception thrown from an abort listener is reported as uncaught on the next tick
  const uncaught: unknown[] = []
  const onUncaught = (err: unknown): void => { uncaught.push(err) }
  process.on('uncaughtException', onUncaught)
  try {
    again.abort()
    await new Promise(resolve => setImmediate(resolve))
  } finally {
    process.off('uncaughtException', onUncaught)
  }
  assert.equal(uncaught, [])
})

test('publish on an offline node is an OfflineError', async () => {
  const n = await testNode({ offline: true })
  try {
    await n.pubsub.publish('t', new Uint8Array([1]))
    assert.unreachable('should have thrown')
  } catch (err: any) {
    assert.is(err.code, 'ERR_OFFLINE')
  }
})

test('Pubsub.Router floodsub: floodsub nodes speak /floodsub/1.0.0 and still reach a gossipsub node', async () => {
  const flood = { config: { Pubsub: { Router: 'floodsub' } } }
  const a = await testNode(flood)
  const b = await testNode()
  const c = await testNode(flood)
  assert.ok(a.libp2p.getProtocols().includes('/floodsub/1.0.0'))
  assert.not.ok(a.libp2p.getProtocols().some(p => p.startsWith('/meshsub/')), 'no gossipsub on a floodsub node')
  assert.ok(b.libp2p.getProtocols().includes('/meshsub/1.1.0'))
  // A (floodsub) - B (gossipsub) - C (floodsub): C hears A only through B's floodsub fallback
  await connect(a, b)
  await connect(c, b)
  const topic = 'cairn-flood'
  const heard = new Map<string, string[]>([[a.peerId, []], [b.peerId, []], [c.peerId, []]])
  for (const n of [a, b, c]) await n.pubsub.subscribe(topic, m => { heard.get(n.peerId)?.push(dec(m.data)) }, { signal: AbortSignal.timeout(60_000) })
  await waitFor(async () => (await b.pubsub.peers(topic)).length === 2, 10_000, 'B to see both floodsub subscribers')
  await waitFor(async () => (await a.pubsub.peers(topic)).includes(b.peerId), 10_000, 'A to see B subscribed')
  await waitFor(async () => (await c.pubsub.peers(topic)).includes(b.peerId), 10_000, 'C to see B subscribed')
  await a.pubsub.publish(topic, enc('flooded from A'))
  await waitFor(() => [...heard.values()].every(l => l.length >= 1), 15_000, 'B and C (and A itself) to hear A')
  assert.equal([...heard.values()], [['flooded from A'], ['flooded from A'], ['flooded from A']])
  await c.pubsub.publish(topic, enc('and back from C'))
  await waitFor(() => heard.get(a.peerId)?.length === 2, 15_000, 'A to hear C through B')
})

test('an unknown Pubsub.Router fails the start with Kubo\'s message', async () => {
  try {
    await testNode({ config: { Pubsub: { Router: 'meshy' } } })
    assert.unreachable('should have thrown')
  } catch (err: any) {
    assert.is(err.message, 'unknown pubsub router meshy')
    assert.is(err.code, 'ERR_INVALID_PARAMETERS')
  }
})

test.run()
