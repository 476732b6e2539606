import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { connect, createBitswapNode, equalBytes, rawBlock } from './fixtures/bitswap-helpers.ts'
import type { BitswapNode } from './fixtures/bitswap-helpers.ts'

const exchange = suite<{ a: BitswapNode, b: BitswapNode }>('Bitswap exchange')

exchange.before.each(async (ctx) => {
  ctx.a = await createBitswapNode()
  ctx.b = await createBitswapNode()
  await connect(ctx.a.libp2p, ctx.b.libp2p)
})

exchange.after.each(async (ctx) => {
  await Promise.all([ctx.a?.libp2p.stop(), ctx.b?.libp2p.stop()])
})

exchange('blocks flow both ways between two nodes', async ({ a, b }) => {
  const fromA = await rawBlock(1000)
  const fromB = await rawBlock(300_000)
  await a.blocks.putBlock(fromA.cid, fromA.bytes)
  await b.blocks.putBlock(fromB.cid, fromB.bytes)
  const signal = AbortSignal.timeout(10_000)
  const [gotA, gotB] = await Promise.all([
    b.bitswap.want(fromA.cid, { signal }),
    a.bitswap.want(fromB.cid, { signal })
  ])
  assert.ok(equalBytes(gotA, fromA.bytes))
  assert.ok(equalBytes(gotB, fromB.bytes))
  assert.ok(await b.blocks.hasBlock(fromA.cid), 'received block is stored')
  assert.ok(await a.blocks.hasBlock(fromB.cid))
  assert.is(b.bitswap.stats().blocksReceived, 1)
  assert.is(a.bitswap.stats().blocksSent, 1)
  assert.is(a.bitswap.stats().dataSent, 1000)
})

exchange.run()
