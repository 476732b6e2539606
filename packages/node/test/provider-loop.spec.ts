import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { logger } from '@libp2p/logger'
import { createContentProvider } from '../src/provider.ts'
import { waitFor } from './fixtures/nodes.ts'
import type { ProvideStrategy } from '../src/provider.ts'

// The reprovide loop against a recording content router: the DHT itself is proven in dht.spec.ts
const test = suite('reprovide loop')

async function cidOf (s: string): Promise<CID> {
  return CID.createV1(0x55, await sha256.digest(new TextEncoder().encode(s)))
}

test('runs after the initial delay, then every interval, over the strategy selection', async () => {
  const cids = [await cidOf('a'), await cidOf('b'), await cidOf('c')]
  const provided: string[] = []
  const strategies: ProvideStrategy[] = []
  const provider = createContentProvider({
    contentRouting: {
      provide: async (cid) => { provided.push(cid.toString()) },
      cancelReprovide: async () => {}
    },
    log: logger('cairn:test:provider'),
    async * listCids (strategy) {
      strategies.push(strategy)
      yield * cids
    }
  }, { strategy: 'pinned', intervalMs: 30, initialDelayMs: 0 })
  provider.start()
  try {
    await waitFor(() => strategies.length >= 3, 5_000, 'three reprovide runs')
  } finally {
    provider.stop()
  }
  assert.ok(strategies.every(s => s === 'pinned'))
  for (const cid of cids) {
    assert.ok(provided.filter(p => p === cid.toString()).length >= 2, `${cid} provided on every run`)
  }
})

test('announce respects the strategy and logs failures; provideNow reports them', async () => {
  const provided: string[] = []
  const root = await cidOf('root')
  const leaf = await cidOf('leaf')
  const provider = createContentProvider({
    contentRouting: {
      provide: async (cid) => {
        if (cid.equals(leaf)) throw new Error('no peers')
        provided.push(cid.toString())
      },
      cancelReprovide: async () => {}
    },
    log: logger('cairn:test:provider'),
    async * listCids () {}
  }, { strategy: 'roots', intervalMs: 0 })
  provider.start()
  try {
    await provider.announce([leaf], 'block')
    await provider.announce([root], 'pin-root')
    await provider.onIdle()
    assert.equal(provided, [root.toString()], 'roots: only pin roots are announced')
    try {
      await provider.provideNow([leaf, root])
      assert.unreachable('a failed provide is reported to provideNow')
    } catch (err: any) {
      assert.is(err.message, 'no peers')
    }
    assert.equal(provided, [root.toString(), root.toString()], 'the other CID was still provided')
  } finally {
    provider.stop()
  }
})

test.run()
