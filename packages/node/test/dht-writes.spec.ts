import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { join } from 'node:path'
import { LevelDatastore } from 'datastore-level'
import { Key } from 'interface-datastore'
import { logger } from '@libp2p/logger'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { dedupeAddressMerges, writeBehindProviders } from '../src/dht-writes.ts'
import { cleanup, collect, tempDir } from './fixtures/nodes.ts'
import type { PeerStore } from '@libp2p/interface'

const test = suite('DHT writes: provider records written behind, repeated address merges skipped')

test.after(cleanup)

test('staged provider records are read back at once, committed in batches, and other keys pass through', async () => {
  const level = new LevelDatastore(join(await tempDir(), 'ds'))
  await level.open()
  let batches = 0
  let puts = 0
  const counted = new Proxy(level, {
    get (target, prop) {
      if (prop === 'batch') return () => { batches++; return target.batch() }
      if (prop === 'put') return async (...args: Parameters<LevelDatastore['put']>) => { puts++; return target.put(...args) }
      const v = Reflect.get(target, prop, target)
      return typeof v === 'function' ? v.bind(target) : v
    }
  })
  const ds = writeBehindProviders(counted, logger('cairn:test:dht-writes'), { flushDelayMs: 10_000 })
  try {
    for (let i = 0; i < 100; i++) await ds.put(new Key(`/dht/provider/key${i % 10}/peer${i}`), Uint8Array.of(i))
    assert.is(puts + batches, 0, 'nothing written yet: staged')
    // a read of the prefix sees every staged record (it commits them first, in one batch)
    const found = await collect(ds.query({ prefix: '/dht/provider/key3' }) as AsyncIterable<unknown>)
    assert.is(found.length, 10)
    assert.is(batches, 1)
    assert.equal([...await level.get(new Key('/dht/provider/key3/peer3'))], [3], 'on disk')
    // other keys are written through, as before
    await ds.put(new Key('/peers/x'), Uint8Array.of(1))
    assert.is(puts, 1)
    assert.ok(await level.has(new Key('/peers/x')))
    await ds.put(new Key('/dht/provider/late/peer'), Uint8Array.of(9))
    assert.ok(await ds.has(new Key('/dht/provider/late/peer')), 'has() waits for the staged record')
    assert.is(batches, 2)
    // the flush bound: a full stage commits without waiting for the timer
    const small = writeBehindProviders(counted, logger('cairn:test:dht-writes'), { flushDelayMs: 10_000, flushMax: 5 })
    for (let i = 0; i < 5; i++) await small.put(new Key(`/dht/provider/b/p${i}`), Uint8Array.of(i))
    await small.flush()
    assert.is(batches, 3)
    assert.ok(await level.has(new Key('/dht/provider/b/p4')))
  } finally {
    await level.close()
  }
})

test('an address-only merge repeated within the TTL is skipped; other merges pass', async () => {
  const calls: string[] = []
  const inner = {
    merge: async (peer: any, data: any) => { calls.push(Object.keys(data).join(',')); return { id: peer } },
    get: async () => { throw new Error('not read') }
  } as unknown as PeerStore
  const store = dedupeAddressMerges(inner, { mergeTtlMs: 60_000 })
  const peer = peerIdFromString('12D3KooWLNrymkFKRcuNnuE9DA6LmfYDB4WkiGzaZg3nFg5Ny4Wm')
  const a = multiaddr('/ip4/127.0.0.1/tcp/1')
  const b = multiaddr('/ip4/127.0.0.1/tcp/2')
  await store.merge(peer, { multiaddrs: [a, b] })
  const again = await store.merge(peer, { multiaddrs: [b, a] })
  assert.ok(again.id.equals(peer), 'the first merge result is returned')
  assert.is(calls.length, 1, 'the same addresses, in any order: one merge')
  await store.merge(peer, { multiaddrs: [a] })
  assert.is(calls.length, 2, 'other addresses: merged')
  await store.merge(peer, { multiaddrs: [a], tags: { x: { value: 1 } } })
  assert.is(calls.length, 3, 'a merge with more than addresses always passes')
})

test.run()
