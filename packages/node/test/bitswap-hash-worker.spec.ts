/**
 * A hash worker that dies holding a message loses that message's bytes: the blocks must be asked
 * for again at once, not when the want's search timer runs out, and hashing goes on inline. Its
 * own file (own process): the worker is shared by the whole process.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { WANT_BLOCK } from '../src/bitswap/index.ts'
import { acquireHashOffload, setHashWorkerSource } from '../src/bitswap/hash-offload.ts'
import { answeringProbe, connect, createBitswapNode, equalBytes, rawBlock } from './fixtures/bitswap-helpers.ts'

const crash = suite('hash worker crash')

crash('blocks lost with a dying worker are asked again at once and verified inline', async () => {
  // a worker that ends the moment it is handed a message (the buffer goes with it)
  setHashWorkerSource("require('node:worker_threads').parentPort.on('message', () => process.exit(3))")
  // the search timer would re-ask only after a minute: well past this test's deadline
  const node = await createBitswapNode({ providerSearchDelayMs: 60_000, providerSearchIntervalMs: 60_000 })
  const held = new Map<string, Uint8Array>()
  const probe = await answeringProbe(held)
  try {
    await connect(probe.libp2p, node.libp2p)
    // the node's Bitswap started the process's one worker: wait until it is online, or the
    // blocks would be hashed inline and the crash never happen
    const worker = acquireHashOffload()
    try {
      assert.ok(await worker.whenReady({ signal: AbortSignal.timeout(10_000) }), 'the hash worker came online')
    } finally {
      worker.release()
    }
    // over the worker's 128 KiB threshold, and answered in one message
    const blocks = await Promise.all(Array.from({ length: 4 }, async () => rawBlock(100_000)))
    for (const b of blocks) held.set(b.cid.toString(), b.bytes)

    const session = node.bitswap.createSession({ signal: AbortSignal.timeout(8_000) })
    const got = await Promise.all(blocks.map(async b => session.want(b.cid)))
    session.close()

    blocks.forEach((b, i) => { assert.ok(equalBytes(got[i], b.bytes), 'fetched bytes') })
    for (const b of blocks) assert.ok(equalBytes(await node.blocks.getBlock(b.cid), b.bytes), 'stored bytes')
    assert.is(node.bitswap.stats().blocksHashedOnWorker, 0, 'nothing came back from the worker')
    const after = acquireHashOffload()
    assert.not.ok(after.ready, 'the worker was handed a message and died')
    after.release()
    assert.is(node.bitswap.stats().bannedPeers, 0, 'the peer did nothing wrong')
    const asks = (cid: Uint8Array): number => probe.received.filter(r =>
      r.message.wantlist?.entries.some(e => !e.cancel && e.wantType === WANT_BLOCK && equalBytes(e.cid, cid))).length
    assert.ok(blocks.every(b => asks(b.cid.bytes) >= 2), 'each block was asked for again')
  } finally {
    await Promise.all([node.libp2p.stop(), probe.libp2p.stop()])
  }
})

crash.run()
