import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { dhtClientMode, isPrivateNetwork } from '../src/libp2p.ts'
import { cleanup, testNode } from './fixtures/nodes.ts'

const test = suite('libp2p wiring from the config')

test.after(cleanup)

test('a private network is one where every listen address is loopback or private', () => {
  assert.is(isPrivateNetwork(['/ip4/127.0.0.1/tcp/0']), true)
  assert.is(isPrivateNetwork(['/ip4/192.168.1.4/tcp/4001', '/ip6/::1/tcp/4001']), true)
  assert.is(isPrivateNetwork(['/ip4/0.0.0.0/tcp/4001']), false, 'all interfaces may include public ones')
  assert.is(isPrivateNetwork(['/ip4/127.0.0.1/tcp/0', '/ip4/8.8.8.8/tcp/4001']), false)
  assert.is(isPrivateNetwork([]), false)
  assert.is(isPrivateNetwork(['not a multiaddr']), false)
})

test('Routing.Type maps to kad-dht client mode as in Kubo', () => {
  assert.is(dhtClientMode('dhtclient'), true)
  assert.is(dhtClientMode('dhtserver'), false)
  assert.is(dhtClientMode('auto'), undefined)
  assert.is(dhtClientMode('dht'), undefined)
})

test('DHT mode of running nodes: server on loopback (test profile and auto), client when asked', async () => {
  const mode = (n: Awaited<ReturnType<typeof testNode>>): string => (n.libp2p.services as any).dht.getMode()
  assert.is(mode(await testNode()), 'server')
  assert.is(mode(await testNode({ config: { Routing: { Type: 'auto' } } })), 'server')
  assert.is(mode(await testNode({ config: { Routing: { Type: 'dhtclient' } } })), 'client')
  const none = await testNode({ config: { Routing: { Type: 'none' } } })
  assert.is((none.libp2p.services as any).dht, undefined)
  const protocols = (await (await testNode()).id()).protocols
  for (const p of ['/ipfs/kad/1.0.0', '/ipfs/id/1.0.0', '/ipfs/ping/1.0.0', '/meshsub/1.1.0']) {
    assert.ok(protocols.includes(p), `speaks ${p}`)
  }
  assert.ok(protocols.some(p => p.startsWith('/ipfs/bitswap/1.2.0')), 'speaks Bitswap 1.2.0')
})

test.run()
