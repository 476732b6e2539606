import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { logger } from '@libp2p/logger'
import { createContentProvider } from '../src/provider.ts'
import { provideSettings } from '../src/config.ts'
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

test('with a sweep, queued CIDs go out in batches; failures reach provideNow; clear and stop settle waiters', async () => {
  const batches: string[][] = []
  const bad = await cidOf('bad')
  let hold: Promise<void> | undefined
  const provider = createContentProvider({
    contentRouting: {
      provide: async () => { throw new Error('the legacy path is not used with a sweep') },
      cancelReprovide: async () => {}
    },
    log: logger('cairn:test:provider'),
    async * listCids () {},
    sweep: () => ({
      async provide (cids) {
        batches.push(cids.map(String))
        await hold
        return {
          provided: cids.filter(c => !c.equals(bad)),
          failed: cids.filter(c => c.equals(bad)).map(cid => ({ cid, error: new Error('no DHT peers found close to the key') })),
          regions: 1,
          lookups: 1
        }
      }
    })
  }, { strategy: 'all', intervalMs: 0, batchDelayMs: 20, concurrency: 1 })
  provider.start()
  try {
    const cids = await Promise.all(Array.from({ length: 50 }, async (_, i) => cidOf(`c${i}`)))
    await provider.announce(cids, 'block')
    // the same CID again while queued is one job
    await provider.announce([cids[0]], 'block')
    await provider.onIdle()
    assert.is(batches.length, 1, 'fifty announcements made within the batch delay: one batch')
    assert.is(batches[0].length, 50)
    assert.is(provider.stats().provided, 50)

    try {
      await provider.provideNow([cids[1], bad])
      assert.unreachable('a key no peer took fails provideNow')
    } catch (err: any) {
      assert.is(err.message, 'no DHT peers found close to the key')
    }
    assert.is(provider.stats().failed, 1)

    // one batch running (held), more queued behind it: clear drops only the queued ones
    let release!: () => void
    hold = new Promise(resolve => { release = resolve })
    const running = provider.provideNow([cids[2]])
    await waitFor(() => provider.stats().running === 1, 5_000, 'the held batch to start')
    const queued = provider.provideNow([cids[3], cids[4]])
    queued.catch(() => {})
    await waitFor(() => provider.stats().queued === 2, 5_000, 'two CIDs queued')
    assert.is(provider.clear(), 2)
    assert.match(await queued.then(() => 'resolved', (err: Error) => err.message), /removed from the provide queue/)
    release()
    await running
    assert.is(provider.stats().queued + provider.stats().running, 0)
  } finally {
    provider.stop()
  }
})

test("Kubo's Provide.* keys win over Reprovider.*; Provide.Enabled=false announces nothing and refuses provideNow", async () => {
  const old = { Reprovider: { Interval: '12h', Strategy: 'roots' as const } }
  assert.equal(provideSettings(old), { enabled: true, strategy: 'roots', intervalMs: 12 * 3600_000, sweep: true, maxWorkers: 8, maxConnsPerWorker: 20, batchMax: 16_384, sendTimeoutMs: 10_000 })
  const s = provideSettings({ ...old, Provide: { Enabled: false, Strategy: 'pinned', DHT: { Interval: '0', SweepEnabled: false, MaxWorkers: 2, SendProviderRecordTimeout: '3s' } } })
  assert.equal([s.enabled, s.strategy, s.intervalMs, s.sweep, s.maxWorkers, s.sendTimeoutMs], [false, 'pinned', 0, false, 2, 3000])
  assert.throws(() => provideSettings({ ...old, Provide: { Strategy: 'sometimes' as any } }), /Provide.Strategy must be all, pinned or roots/)
  assert.throws(() => provideSettings({ ...old, Provide: { DHT: { MaxWorkers: -1 } } }), /Provide.DHT.MaxWorkers must be a non-negative integer/)

  const provided: string[] = []
  const provider = createContentProvider({
    contentRouting: { provide: async (cid) => { provided.push(cid.toString()) }, cancelReprovide: async () => {} },
    log: logger('cairn:test:provider'),
    async * listCids () { yield await cidOf('x') }
  }, { enabled: false, strategy: 'all', intervalMs: 10, initialDelayMs: 0 })
  provider.start()
  try {
    await provider.announce([await cidOf('a')], 'pin-root')
    await provider.onIdle()
    try {
      await provider.provideNow([await cidOf('a')])
      assert.unreachable('provideNow is refused')
    } catch (err: any) {
      assert.is(err.message, "invalid configuration: Provide.Enabled is set to 'false'")
    }
    await new Promise(resolve => setTimeout(resolve, 50))
    assert.equal(provided, [], 'no announcement, no reprovide run')
    assert.is(provider.stats().reprovideRuns, 0)
  } finally {
    provider.stop()
  }
})

test.run()
