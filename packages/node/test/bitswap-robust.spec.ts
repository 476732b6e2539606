/**
 * What keeps many concurrent Bitswap fetches from stalling, and serving them bounded: wants a
 * server lost are rebroadcast, a peer that lost its connection is asked again once it is back,
 * and serving many peers holds one node-wide memory budget. Real libp2p nodes over TCP.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cidToPrefix, emptyMessage, PRESENCE_HAVE, WANT_BLOCK } from '../src/bitswap/index.ts'
import { sendTimeoutMs } from '../src/bitswap/network.ts'
import { ServeBudget } from '../src/bitswap/serve-budget.ts'
import { connect, createBitswapNode, createProbe, equalBytes, rawBlock } from './fixtures/bitswap-helpers.ts'
import { waitFor } from './fixtures/nodes.ts'
import { CID } from 'multiformats/cid'
import type { BitswapNode } from './fixtures/bitswap-helpers.ts'
import type { Libp2p } from '@libp2p/interface'

const robust = suite<{ stop: Array<Libp2p<any>> }>('Bitswap under load')

robust.before.each((ctx) => { ctx.stop = [] })
robust.after.each(async (ctx) => { await Promise.all(ctx.stop.map(async n => n.stop())) })

robust('a want the server lost while it goes on answering others is rebroadcast and then answered', async (ctx) => {
  // widening (which re-asks only a silent peer) is pushed far out: only the rebroadcast can help
  const client = await createBitswapNode({ rebroadcastIntervalMs: 400, providerSearchDelayMs: 60_000, wantTimeoutMs: 15_000 })
  const lost = await rawBlock(5000)
  const other = await rawBlock(300)
  let askedForLost = 0
  // a server that drops the first want for `lost` (as a server whose send timed out did) but
  // keeps talking: it answers every want-have with HAVE, so it never looks stalled
  const server = await createProbe({
    onMessage (probe, from, m) {
      const reply = emptyMessage()
      for (const e of m.wantlist?.entries ?? []) {
        if (e.cancel) continue
        const cid = CID.decode(e.cid)
        if (cid.equals(lost.cid) && e.wantType === WANT_BLOCK && ++askedForLost === 1) continue
        const block = cid.equals(lost.cid) ? lost : cid.equals(other.cid) ? other : undefined
        if (block == null) continue
        if (e.wantType === WANT_BLOCK) reply.payload.push({ prefix: cidToPrefix(cid), data: block.bytes })
        else reply.blockPresences.push({ cid: e.cid, type: PRESENCE_HAVE })
      }
      if (reply.payload.length > 0 || reply.blockPresences.length > 0) probe.send(from, reply).catch(() => {})
    }
  })
  ctx.stop.push(client.libp2p, server.libp2p)
  await connect(client.libp2p, server.libp2p)
  const session = client.bitswap.createSession()
  session.addPeer(server.libp2p.peerId)
  const [bytes, otherBytes] = await Promise.all([session.want(lost.cid), session.want(other.cid)])
  session.close()
  assert.ok(equalBytes(bytes, lost.bytes) && equalBytes(otherBytes, other.bytes))
  assert.ok(askedForLost >= 2, `asked for the lost block ${askedForLost} times`)
  assert.ok(client.bitswap.stats().wantsRebroadcast >= 1, 'counted as rebroadcast')
})

robust('a peer that answered DONT_HAVE and lost its connection is asked again once it is back', async (ctx) => {
  const client = await createBitswapNode({ wantTimeoutMs: 20_000, providerSearchDelayMs: 200, rebroadcastIntervalMs: 60_000 })
  const server = await createBitswapNode()
  ctx.stop.push(client.libp2p, server.libp2p)
  const block = await rawBlock(4000)
  await connect(client.libp2p, server.libp2p)
  await waitFor(() => client.bitswap.peers().length > 0, 10_000, 'the client to know the server speaks Bitswap')
  // the server's store is asked when the want reaches it (the client cancels a want-block
  // answered DONT_HAVE, so the server's wantlist holds it only for a moment)
  let looked = false
  const { getBlock, hasBlock } = server.blocks
  server.blocks.getBlock = async (cid, options) => { if (cid.equals(block.cid)) looked = true; return getBlock.call(server.blocks, cid, options) }
  server.blocks.hasBlock = async (cid) => { if (cid.equals(block.cid)) looked = true; return hasBlock.call(server.blocks, cid) }
  const wanted = client.bitswap.want(block.cid)
  // the server has nothing yet: it answers DONT_HAVE
  await waitFor(() => looked, 10_000, 'the want to reach the server')
  await client.libp2p.hangUp(server.libp2p.peerId)
  await waitFor(() => server.bitswap.wantlist(client.libp2p.peerId).length === 0, 10_000, 'the server to forget the client')
  await server.blocks.putBlock(block.cid, block.bytes)
  await connect(client.libp2p, server.libp2p)
  // before: the server counted as asked (and as not having it) forever, and the want timed out
  assert.ok(equalBytes(await wanted, block.bytes))
})

robust('serving many peers at once holds one node-wide budget, released once all is sent', async (ctx) => {
  const budgetBytes = 1024 * 1024
  const readsMax = 4
  const blockBytes = 256 * 1024
  const server = await createBitswapNode({ serveBudgetBytes: budgetBytes, serveReadsMax: readsMax })
  const blocks = await Promise.all(Array.from({ length: 32 }, async () => rawBlock(blockBytes)))
  for (const b of blocks) await server.blocks.putBlock(b.cid, b.bytes)
  const clients: BitswapNode[] = []
  // four: libp2p accepts at most five inbound connections a second from one host. Each client
  // asks for each block exactly once: its rebroadcast (every 30 s) and its widening (which asks a
  // silent peer again) are pushed past the test, since on a loaded machine either re-asks and the
  // server rightly sends a block twice (136 or 159 sends were seen). What they do is tested above
  for (let i = 0; i < 4; i++) clients.push(await createBitswapNode({ wantTimeoutMs: 120_000, rebroadcastIntervalMs: 600_000, providerSearchDelayMs: 600_000 }))
  ctx.stop.push(server.libp2p, ...clients.map(c => c.libp2p))
  for (const c of clients) await connect(c.libp2p, server.libp2p)
  await Promise.all(clients.map(async c => {
    const session = c.bitswap.createSession()
    session.addPeer(server.libp2p.peerId)
    const got = await Promise.all(blocks.map(async b => session.want(b.cid)))
    session.close()
    got.forEach((bytes, i) => { assert.ok(equalBytes(bytes, blocks[i].bytes), 'byte-exact') })
  }))
  const stats = server.bitswap.stats()
  // every block reached every peer once: nothing lost, nothing sent twice
  for (const c of clients) {
    assert.is(server.bitswap.ledger(c.libp2p.peerId).blocksSent, 32, 'each peer was sent each block once')
    assert.is(c.bitswap.stats().duplicateBlocks, 0, 'no peer received a block twice')
  }
  assert.is(stats.blocksSent, 4 * 32)
  // per-peer limits alone let each of the 4 peers hold a 4 MiB queue plus 8 reads
  assert.ok(stats.serveBytesPeak <= budgetBytes + readsMax * blockBytes, `held at most ${stats.serveBytesPeak} bytes`)
  assert.ok(stats.serveBytesPeak > 0, 'the budget saw the reads')
  assert.is(stats.serveBytes, 0, 'everything charged was released')
})

robust('the budget admits reads first come, first served, and only while under its limits', async () => {
  const budget = new ServeBudget({ maxBytes: 100, maxReads: 2 })
  const order: number[] = []
  await budget.acquireRead()
  await budget.acquireRead()
  const waiting = [1, 2, 3].map(async n => { await budget.acquireRead(); order.push(n) })
  await new Promise(resolve => setImmediate(resolve))
  assert.equal(order, [], 'no third read while two run')
  budget.readDone(150) // over the byte limit now: a finished read frees no slot
  await new Promise(resolve => setImmediate(resolve))
  assert.equal(order, [])
  budget.release(150)
  await new Promise(resolve => setImmediate(resolve))
  assert.equal(order, [1], 'one slot, the first waiter')
  budget.readDone(0)
  budget.readDone(0)
  await Promise.all(waiting)
  assert.equal(order, [1, 2, 3])
  assert.is(budget.peakBytes, 150)
})

robust('a send may take as long as boxo allows a message: 10 s to 2 min, by size', () => {
  assert.is(sendTimeoutMs(100), 10_000)
  assert.is(sendTimeoutMs(2 * 1024 * 1024), 120_000)
  assert.is(sendTimeoutMs(500_000), 42_000)
})

robust.run()
