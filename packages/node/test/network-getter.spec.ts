import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '@cairn/blockstore'
import { verifyBlock } from '@cairn/ipld'
import { logger } from '@libp2p/logger'
import { CID } from 'multiformats/cid'
import { identity } from 'multiformats/hashes/identity'
import { sha256 } from 'multiformats/hashes/sha2'
import { createNetworkGetter } from '../src/network-getter.ts'
import { tempDir, cleanup } from './fixtures/nodes.ts'
import type { BlockExchange } from '../src/network-getter.ts'
import type { CairnBlockstore } from '@cairn/blockstore'
import type { AbortOptions } from '@cairn/interface'

// The getter against a real block store and scripted exchanges (what a remote peer might send)
const test = suite('network getter')
const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
let store: CairnBlockstore

test.before(async () => {
  store = await createBlockstore({ path: await tempDir() })
})
test.after(async () => {
  await store.close()
  await cleanup()
})

async function cidOf (bytes: Uint8Array): Promise<CID> {
  return CID.createV1(0x55, await sha256.digest(bytes))
}

function getterWith (exchange: BlockExchange | undefined, offline = false, timeoutMs = 2_000): ReturnType<typeof createNetworkGetter> {
  return createNetworkGetter({ local: store, verify: verifyBlock, exchange: () => exchange, log: logger('cairn:test:getter') }, { offline, timeoutMs })
}

async function code (p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err: any) {
    return err.code
  }
  return 'resolved'
}

test('bytes that do not hash to the CID are refused and not stored', async () => {
  const cid = await cidOf(enc('the real block'))
  const liar: BlockExchange = { want: async () => enc('something else') }
  assert.is(await code(getterWith(liar).getBlock(cid)), 'ERR_HASH_MISMATCH')
  assert.is(await store.hasBlock(cid), false)
})

test('a good block from the exchange is stored and served locally after', async () => {
  const bytes = enc('a good block')
  const cid = await cidOf(bytes)
  let asked = 0
  const honest: BlockExchange = { want: async () => { asked++; return bytes } }
  const getter = getterWith(honest)
  assert.equal(await getter.getBlock(cid), bytes)
  assert.is(await store.hasBlock(cid), true)
  assert.equal(await getter.getBlock(cid), bytes)
  assert.is(asked, 1, 'the second read is local')
})

test('a miss asks the store, never reads it; a block removed between the two is fetched again', async () => {
  const bytes = enc('removed by GC meanwhile')
  const cid = await cidOf(bytes)
  let reads = 0
  let asked = 0
  const honest: BlockExchange = { want: async () => { asked++; return bytes } }
  // says it has the block, then cannot read it: what a GC sweep between the two calls does
  const racing = {
    hasBlock: async (c: CID) => c.equals(cid) || store.hasBlock(c),
    getBlock: async (c: CID, options?: AbortOptions) => { reads++; return store.getBlock(c, options) },
    putBlock: async (c: CID, b: Uint8Array) => store.putBlock(c, b)
  }
  const getter = createNetworkGetter({ local: racing, verify: verifyBlock, exchange: () => honest, log: logger('cairn:test:getter') }, { offline: false, timeoutMs: 2_000 })
  assert.equal(await getter.getBlock(cid), bytes)
  assert.is(asked, 1)
  assert.is(reads, 1)
  const missing = await cidOf(enc('never stored'))
  reads = 0
  const plain = createNetworkGetter({ local: { ...racing, hasBlock: async (c: CID) => store.hasBlock(c) }, verify: verifyBlock, exchange: () => ({ want: async () => enc('never stored') }), log: logger('cairn:test:getter') }, { offline: false, timeoutMs: 2_000 })
  assert.equal(await plain.getBlock(missing), enc('never stored'))
  assert.is(reads, 0, 'a miss is not read')
})

test('offline: OfflineError; no exchange: NotFoundError; identity CIDs need neither', async () => {
  const cid = await cidOf(enc('nowhere'))
  assert.is(await code(getterWith(undefined, true).getBlock(cid)), 'ERR_OFFLINE')
  assert.is(await code(getterWith(undefined).getBlock(cid)), 'ERR_NOT_FOUND')
  const inline = CID.createV1(0x55, identity.digest(enc('tiny')))
  assert.equal(await getterWith(undefined, true).getBlock(inline), enc('tiny'))
})

test('a fetch nobody answers ends in TimeoutError; a caller abort in AbortError', async () => {
  const cid = await cidOf(enc('never sent'))
  const silent: BlockExchange = {
    want: async (_cid: CID, options?: AbortOptions) => new Promise((_resolve, reject) => {
      options?.signal?.addEventListener('abort', () => { reject(options.signal?.reason) }, { once: true })
    })
  }
  // AbortSignal.timeout does not hold the process open; a real node's sockets would
  const keepAlive = setInterval(() => {}, 1_000)
  try {
    assert.is(await code(getterWith(silent, false, 200).getBlock(cid)), 'ERR_TIMEOUT')
    assert.is(await code(getterWith(silent, false, 10_000).getBlock(cid, { signal: AbortSignal.timeout(100) })), 'ERR_ABORTED')
  } finally {
    clearInterval(keepAlive)
  }
})

test('a session getter uses the exchange session and closes it', async () => {
  const bytes = enc('session block')
  const cid = await cidOf(bytes)
  let sessions = 0
  let closed = 0
  const exchange: BlockExchange = {
    want: async () => { throw new Error('should go through the session') },
    createSession: () => {
      sessions++
      return { want: async () => bytes, close: () => { closed++ } }
    }
  }
  const session = getterWith(exchange).session()
  assert.equal(await session.getBlock(cid), bytes)
  session.close()
  assert.is(sessions, 1)
  assert.is(closed, 1)
})

test.run()
