/**
 * The pin's read-ahead over a real UnixFS DAG (Kubo's defaults: dag-pb leaves, 1 KiB chunks here
 * so the DAG has two levels): one block asked for, and the rest of the DAG arrives below it, never
 * more than `window` fetches at once; blocks already local are neither fetched nor descended into;
 * `close` stops it. The getter is a real source of the blocks with a little latency, as a network.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { randomBytes } from 'node:crypto'
import { importBytes } from '@cairn/dag'
import { blockLinks } from '@cairn/ipld'
import { prefetchingGetter } from '../src/dag-prefetch.ts'
import type { BlockGetter } from '@cairn/interface'
import { CID } from 'multiformats/cid'

const test = suite('dag prefetch')

interface Source {
  root: CID
  blocks: Map<string, Uint8Array>
}

/** 400 chunks of 1 KiB: a root over three internal nodes over 400 dag-pb leaves */
async function source (): Promise<Source> {
  const blocks = new Map<string, Uint8Array>()
  const { cid } = await importBytes(randomBytes(400 * 1024), { putBlock: async (c, b) => { blocks.set(c.toString(), b) } }, { chunker: 'size-1024' })
  return { root: cid, blocks }
}

/** A getter over `src` that answers after `ms`, into `local`, counting fetches in flight */
function network (src: Source, local: Set<string>, ms: number): BlockGetter & { fetched: string[], peak: number } {
  let inFlight = 0
  const net = {
    fetched: [] as string[],
    peak: 0,
    async getBlock (cid: CID): Promise<Uint8Array> {
      inFlight++
      net.peak = Math.max(net.peak, inFlight)
      try {
        await new Promise(resolve => setTimeout(resolve, ms))
        const bytes = src.blocks.get(cid.toString())
        if (bytes == null) throw new Error(`no block ${cid}`)
        net.fetched.push(cid.toString())
        local.add(cid.toString())
        return bytes
      } finally {
        inFlight--
      }
    }
  }
  return net
}

async function until (fn: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!fn()) {
    if (Date.now() > end) throw new Error('not within time')
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

test('one block asked for brings the DAG below it, at most `window` fetches at once, each once', async () => {
  const src = await source()
  const local = new Set<string>()
  const net = network(src, local, 2)
  const getter = prefetchingGetter(net, async c => local.has(c.toString()), { window: 8 })
  const rootBytes = await getter.getBlock(src.root)
  assert.ok(blockLinks(src.root, rootBytes).length > 1)
  await until(() => local.size === src.blocks.size)
  assert.is(net.peak <= 9, true, `peak ${net.peak}: the window plus the one asked for`)
  assert.ok(net.peak >= 8, `peak ${net.peak}: the window was used`)
  assert.is(new Set(net.fetched).size, net.fetched.length, 'no block fetched twice')
  getter.close()
})

test('local blocks are neither fetched nor descended into; close stops the read-ahead', async () => {
  const src = await source()
  const local = new Set<string>()
  const net = network(src, local, 5)
  const children = blockLinks(src.root, src.blocks.get(src.root.toString())!)
  // the first internal node is local already: none of its leaves may be fetched
  local.add(children[0].toString())
  const below = new Set(blockLinks(children[0], src.blocks.get(children[0].toString())!).map(c => c.toString()))
  const getter = prefetchingGetter(net, async c => local.has(c.toString()), { window: 4 })
  await getter.getBlock(src.root)
  await until(() => net.fetched.length >= 20)
  getter.close()
  const stopped = net.fetched.length
  await new Promise(resolve => setTimeout(resolve, 100))
  // what was in flight at close may land; nothing new starts
  assert.ok(net.fetched.length <= stopped + 4, `${net.fetched.length} fetched after close, ${stopped} before`)
  assert.ok(local.size < src.blocks.size, 'stopped before the whole DAG')
  assert.not.ok(net.fetched.includes(children[0].toString()))
  assert.not.ok(net.fetched.some(c => below.has(c)), 'a leaf under a local node was fetched')
})

/** A seeded random source in [0, 1) (xorshift) */
function seeded (seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}

test('random order: two fetchers of one DAG take its leaves in different orders; the walk waits for the read-ahead', async () => {
  const src = await source()
  const orders: string[][] = []
  for (const seed of [1, 2]) {
    const local = new Set<string>()
    const net = network(src, local, 1)
    const getter = prefetchingGetter(net, async c => local.has(c.toString()), { window: 4, order: 'random', random: seeded(seed) })
    const root = await getter.getBlock(src.root)
    // the walk asks for the first internal node's leaves in DAG order, as the pin walk does
    const first = blockLinks(src.root, root)[0]
    const leaves = blockLinks(first, await getter.getBlock(first))
    const got = await Promise.all(leaves.map(async c => getter.getBlock(c)))
    got.forEach((bytes, i) => { assert.equal(bytes, src.blocks.get(leaves[i].toString()), 'the walk gets the right bytes') })
    await until(() => local.size === src.blocks.size)
    assert.is(new Set(net.fetched).size, net.fetched.length, 'no block fetched twice: the walk took what the read-ahead brought')
    assert.ok(net.peak <= 5, `peak ${net.peak}: the walk adds no fetches of its own`)
    orders.push(net.fetched)
    getter.close()
  }
  const leafOrder = (fetched: string[]): string[] => fetched.filter(c => !blockLinks(CID.parse(c), src.blocks.get(c)!).length)
  const [a, b] = orders.map(leafOrder)
  assert.is(a.length, b.length)
  assert.not.equal(a, b, 'the two fetchers took the leaves in different orders')
  const inDagOrder = [...a].sort((x, y) => indexIn(src, x) - indexIn(src, y))
  assert.not.equal(a, inDagOrder, 'not in DAG order')
})

test('in-order: links are fetched in DAG order, the walk fetching what it reaches first itself', async () => {
  const src = await source()
  const local = new Set<string>()
  const net = network(src, local, 1)
  const getter = prefetchingGetter(net, async c => local.has(c.toString()), { window: 1, order: 'in-order' })
  await getter.getBlock(src.root)
  await until(() => local.size === src.blocks.size)
  const leaves = net.fetched.filter(c => !blockLinks(CID.parse(c), src.blocks.get(c)!).length)
  assert.equal(leaves, [...leaves].sort((x, y) => indexIn(src, x) - indexIn(src, y)))
  getter.close()
})

/** Position of a leaf in the DAG's order (depth first) */
const leafOrders = new WeakMap<Source, Map<string, number>>()
function indexIn (src: Source, key: string): number {
  let order = leafOrders.get(src)
  if (order == null) {
    const found = new Map<string, number>()
    const walk = (cid: CID): void => {
      const links = blockLinks(cid, src.blocks.get(cid.toString())!)
      if (links.length === 0) found.set(cid.toString(), found.size)
      for (const l of links) walk(l)
    }
    walk(src.root)
    leafOrders.set(src, order = found)
  }
  return order.get(key) ?? -1
}

test.run()
