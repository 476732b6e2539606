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

test.run()
