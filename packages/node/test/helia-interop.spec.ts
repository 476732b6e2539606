/**
 * Interoperability with an implementation no one here wrote: blocks and whole DAGs flow both ways
 * between a libp2p node running our Bitswap service and a Helia 7 node (its own Bitswap), over
 * TCP on 127.0.0.1. Helia is configured loopback-only: no public bootstrap, no delegated routing,
 * no HTTP gateways, so Bitswap is the only way it can get a block.
 */
import { randomBytes } from 'node:crypto'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { noise } from '@chainsafe/libp2p-noise'
import { importBytes } from '@cairn/dag'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { createHelia } from 'helia'
import { connect, createBitswapNode, equalBytes, fetchDag, MemoryBlocks, rawBlock } from './fixtures/bitswap-helpers.ts'
import type { BitswapNode } from './fixtures/bitswap-helpers.ts'
import { CID } from 'multiformats/cid'

type HeliaNode = Awaited<ReturnType<typeof createLoopbackHelia>>

async function createLoopbackHelia () {
  const helia = createHelia({
    libp2p: {
      addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
      transports: [tcp()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      peerDiscovery: [],
      services: { identify: identify() }
    },
    http: { delegatedRouters: [], recursiveGateways: [] }
  })
  await helia.start()
  return helia
}

/** interface-blockstore 7 yields a block as chunks */
async function heliaGet (helia: HeliaNode, cid: CID, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of helia.blockstore.get(cid, { signal })) chunks.push(chunk)
  return new Uint8Array(Buffer.concat(chunks))
}

async function addFile (leaves: number, store: MemoryBlocks): Promise<CID> {
  const result = await importBytes(new Uint8Array(randomBytes(leaves * 65536)), store, { cidVersion: 1, rawLeaves: true, chunker: 'size-65536' })
  return result.cid
}

const interop = suite<{ cairn: BitswapNode, helia: HeliaNode }>('Bitswap interop with Helia 7')

interop.before.each(async (ctx) => {
  ctx.cairn = await createBitswapNode()
  ctx.helia = await createLoopbackHelia()
  await connect(ctx.cairn.libp2p, ctx.helia.libp2p)
})

interop.after.each(async (ctx) => {
  await Promise.all([ctx.cairn?.libp2p.stop(), ctx.helia?.stop()])
})

interop('Helia speaks /ipfs/bitswap/1.2.0 and nothing else could move blocks', async ({ helia }) => {
  assert.ok(helia.libp2p.getProtocols().includes('/ipfs/bitswap/1.2.0'))
  assert.not.ok(helia.libp2p.getProtocols().some(p => p.includes('kad')), 'no DHT on the Helia node')
})

interop('Helia fetches a block and a DAG from Cairn', async ({ cairn, helia }) => {
  const block = await rawBlock(5000)
  await cairn.blocks.putBlock(block.cid, block.bytes)
  const got = await heliaGet(helia, block.cid, AbortSignal.timeout(15_000))
  assert.ok(equalBytes(got, block.bytes))

  const root = await addFile(20, cairn.blocks)
  const all = await fetchDag(async (cid) => heliaGet(helia, cid, AbortSignal.timeout(15_000)), root)
  assert.is(all.size, 21)
  for (const [cid, bytes] of all) assert.ok(equalBytes(bytes, await cairn.blocks.getBlock(CID.parse(cid))))
  assert.is(cairn.bitswap.stats().blocksSent, 22, 'every block came from our Bitswap')
})

interop('Cairn fetches a block and a DAG from Helia', async ({ cairn, helia }) => {
  const block = await rawBlock(5000)
  await helia.blockstore.put(block.cid, block.bytes)
  const got = await cairn.bitswap.want(block.cid, { signal: AbortSignal.timeout(15_000) })
  assert.ok(equalBytes(got, block.bytes))

  const source = new MemoryBlocks()
  const root = await addFile(20, source)
  const expected = await fetchDag(async (cid) => source.getBlock(cid), root)
  for (const [cid, bytes] of expected) await helia.blockstore.put(CID.parse(cid), bytes)

  const session = cairn.bitswap.createSession({ signal: AbortSignal.timeout(20_000) })
  const all = await fetchDag(async (cid) => session.want(cid), root)
  session.close()
  assert.is(all.size, 21)
  for (const [cid, bytes] of expected) assert.ok(equalBytes(all.get(cid) as Uint8Array, bytes), `block ${cid}`)
  assert.is(cairn.bitswap.stats().blocksReceived, 22)
})

interop.run()
