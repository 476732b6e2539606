/**
 * The wire behaviour of our Bitswap service, observed from a peer that speaks the protocol
 * through our codec only (a "probe"): presences, send-dont-have, cancels, the message split,
 * notify, old protocol versions, and peers that lie.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import { sha256 } from 'multiformats/hashes/sha2'
import {
  BITSWAP_100, BITSWAP_110, cidToPrefix, DEFAULT_MAX_MESSAGE_BYTES, emptyMessage, PRESENCE_DONT_HAVE, PRESENCE_HAVE, WANT_BLOCK, WANT_HAVE
} from '../src/bitswap/index.ts'
import { answeringProbe, connect, createBitswapNode, createProbe, equalBytes, rawBlock, wantMessage } from './fixtures/bitswap-helpers.ts'
import { acquireHashOffload } from '../src/bitswap/hash-offload.ts'
import { waitFor } from './fixtures/nodes.ts'
import type { BitswapNode, Probe } from './fixtures/bitswap-helpers.ts'
import type { BitswapMessage, PresenceType, WantType } from '../src/bitswap/index.ts'
import type { Libp2p } from '@libp2p/interface'

const eq = (a: Uint8Array, b: Uint8Array): boolean => equalBytes(a, b)

interface Ctx { node: BitswapNode, probe: Probe, others: Array<Libp2p<any>> }
const wire = suite<Ctx>('Bitswap wire protocol')

wire.before.each(async (ctx) => {
  ctx.others = []
  ctx.node = await createBitswapNode({ wantTimeoutMs: 10_000, providerSearchDelayMs: 200 })
  ctx.probe = await createProbe()
  await connect(ctx.probe.libp2p, ctx.node.libp2p)
})

wire.after.each(async (ctx) => {
  await Promise.all([ctx.node?.libp2p.stop(), ctx.probe?.libp2p.stop(), ...ctx.others.map(async o => o.stop())])
})

wire('answers want-have with HAVE, unknown blocks with DONT_HAVE, want-block with the block; keeps and cancels wantlist entries', async ({ node, probe }) => {
  const have = await rawBlock(1000)
  const big = await rawBlock(300_000)
  const missing = await rawBlock(10)
  await node.blocks.putBlock(have.cid, have.bytes)
  await node.blocks.putBlock(big.cid, big.bytes)
  const nodeId = node.libp2p.peerId
  await probe.send(nodeId, wantMessage([
    { cid: have.cid, wantType: WANT_HAVE, sendDontHave: true },
    { cid: missing.cid, wantType: WANT_HAVE, sendDontHave: true },
    { cid: big.cid, wantType: WANT_BLOCK, sendDontHave: true }
  ]))
  const signal = AbortSignal.timeout(10_000)
  await probe.waitFor(m => m.blockPresences.some(p => eq(p.cid, have.cid.bytes) && p.type === PRESENCE_HAVE), signal)
  await probe.waitFor(m => m.blockPresences.some(p => eq(p.cid, missing.cid.bytes) && p.type === PRESENCE_DONT_HAVE), signal)
  const withBlock = await probe.waitFor(m => m.payload.some(b => eq(b.data, big.bytes)), signal)
  assert.ok(eq(withBlock.payload[0].prefix, cidToPrefix(big.cid)), 'block carries its CID prefix')

  // want-have entries stay until cancelled; the served want-block is gone
  const wanted = node.bitswap.wantlist(probe.libp2p.peerId).map(c => c.toString()).sort()
  assert.equal(wanted, [have.cid.toString(), missing.cid.toString()].sort())

  await probe.send(nodeId, wantMessage([{ cid: have.cid, cancel: true }, { cid: missing.cid, cancel: true }]))
  await waitFor(() => node.bitswap.wantlist(probe.libp2p.peerId).length === 0, 10_000, 'the cancels to land')
  assert.equal(node.bitswap.wantlist(probe.libp2p.peerId), [])
})

wire('without send-dont-have a missing block gets no answer, and notify() sends it once stored', async ({ node, probe }) => {
  const later = await rawBlock(2000)
  await probe.send(node.libp2p.peerId, wantMessage([{ cid: later.cid, wantType: WANT_BLOCK, sendDontHave: false }]))
  await waitFor(() => node.bitswap.wantlist(probe.libp2p.peerId).length > 0, 10_000, 'the want to land')
  assert.equal(node.bitswap.wantlist(probe.libp2p.peerId).map(String), [later.cid.toString()])
  assert.is(probe.received.length, 0, 'no DONT_HAVE without send-dont-have')

  await node.blocks.putBlock(later.cid, later.bytes)
  node.bitswap.notify([{ cid: later.cid, bytes: later.bytes }])
  await probe.waitFor(m => m.payload.some(b => eq(b.data, later.bytes)), AbortSignal.timeout(10_000))
  assert.equal(node.bitswap.wantlist(probe.libp2p.peerId), [])
})

wire('answers a want-have ahead of the blocks asked for before it', async ({ node, probe }) => {
  // 64 x 256 KiB is four times what one peer may have queued (4 MiB): the later blocks are read
  // only as the first leave. A replica decides whether to ask the origin by how soon a HAVE comes.
  const blocks = await Promise.all(Array.from({ length: 64 }, async () => rawBlock(256 * 1024)))
  const have = await rawBlock(1000)
  for (const b of [...blocks, have]) await node.blocks.putBlock(b.cid, b.bytes)
  await probe.send(node.libp2p.peerId, wantMessage(blocks.map(b => ({ cid: b.cid, wantType: WANT_BLOCK }))))
  await probe.send(node.libp2p.peerId, wantMessage([{ cid: have.cid, wantType: WANT_HAVE, sendDontHave: true }]))
  const signal = AbortSignal.timeout(30_000)
  await probe.waitFor(() => probe.received.reduce((n, r) => n + r.message.payload.length, 0) >= blocks.length, signal)
  await probe.waitFor(m => m.blockPresences.some(p => eq(p.cid, have.cid.bytes) && p.type === PRESENCE_HAVE), signal)
  const haveAt = probe.received.findIndex(r => r.message.blockPresences.some(p => eq(p.cid, have.cid.bytes)))
  const blocksBefore = probe.received.slice(0, haveAt).reduce((n, r) => n + r.message.payload.length, 0)
  // measured: before the first block; answered in turn after the want-blocks, after 48 of them
  assert.ok(blocksBefore < blocks.length / 4, `the HAVE came after ${blocksBefore} of the ${blocks.length} blocks`)
})

wire('splits replies larger than the message limit (512 KiB) into several messages, each within it', async ({ node, probe }) => {
  const blocks = await Promise.all(Array.from({ length: 12 }, async () => rawBlock(256 * 1024)))
  for (const b of blocks) await node.blocks.putBlock(b.cid, b.bytes)
  await probe.send(node.libp2p.peerId, wantMessage(blocks.map(b => ({ cid: b.cid, wantType: WANT_BLOCK }))))
  const signal = AbortSignal.timeout(15_000)
  await probe.waitFor(() => probe.received.reduce((n, r) => n + r.message.payload.length, 0) >= blocks.length, signal)
  const withBlocks = probe.received.filter(r => r.message.payload.length > 0)
  assert.ok(withBlocks.length >= 2, `3 MiB of blocks came in ${withBlocks.length} message(s)`)
  for (const r of withBlocks) assert.ok(r.frameBytes <= DEFAULT_MAX_MESSAGE_BYTES, `message of ${r.frameBytes} bytes exceeds the limit`)
  const got = withBlocks.flatMap(r => r.message.payload.map(b => b.data))
  for (const b of blocks) assert.ok(got.some(d => eq(d, b.bytes)), 'every block delivered')
})

/** Two probes the node knows as Bitswap peers, and helpers to read what it sent them about `cid` */
async function twoPeers (node: BitswapNode, probe: Probe, others: Array<Libp2p<any>>): Promise<Probe[]> {
  const other = await createProbe()
  others.push(other.libp2p)
  await connect(other.libp2p, node.libp2p)
  await waitFor(() => node.bitswap.stats().peers === 2, 10_000, 'both probes identified')
  return [probe, other]
}
const wants = (cid: CID, type: WantType) => (m: BitswapMessage): boolean =>
  m.wantlist?.entries.some(e => eq(e.cid, cid.bytes) && !e.cancel && e.wantType === type) === true
const cancels = (cid: CID) => (m: BitswapMessage): boolean => m.wantlist?.entries.some(e => eq(e.cid, cid.bytes) && e.cancel) === true
const sent = (p: Probe, match: (m: BitswapMessage) => boolean): boolean => p.received.some(r => match(r.message))
function presence (cid: CID, type: PresenceType): BitswapMessage {
  const m = emptyMessage()
  m.blockPresences.push({ cid: cid.bytes, type })
  return m
}
function blockMessage (block: { cid: CID, bytes: Uint8Array }): BitswapMessage {
  const m = emptyMessage()
  m.payload.push({ prefix: cidToPrefix(block.cid), data: block.bytes })
  return m
}

wire('a block is asked of one peer at a time: the others hear want-have, a DONT_HAVE cancels the want-block there', async ({ node, probe, others }) => {
  const peers = await twoPeers(node, probe, others)
  const block = await rawBlock(20_000)
  const pending = node.bitswap.want(block.cid, { signal: AbortSignal.timeout(15_000) })
  pending.catch(() => {}) // awaited below
  const signal = AbortSignal.timeout(10_000)
  await Promise.all(peers.map(async p => p.waitFor(m => wants(block.cid, WANT_BLOCK)(m) || wants(block.cid, WANT_HAVE)(m), signal)))
  const asked = peers.filter(p => sent(p, wants(block.cid, WANT_BLOCK)))
  assert.is(asked.length, 1, 'want-block went to one peer only')
  const [first] = asked
  const second = peers.find(p => p !== first) as Probe
  assert.ok(sent(second, wants(block.cid, WANT_HAVE)), 'the other peer heard want-have')

  // a server keeps a want-block it cannot answer and sends the block once it has it: cancelled
  await first.send(node.libp2p.peerId, presence(block.cid, PRESENCE_DONT_HAVE))
  await first.waitFor(cancels(block.cid), signal)
  // the peer that has it is asked for the block, and its block answers the want
  await second.send(node.libp2p.peerId, presence(block.cid, PRESENCE_HAVE))
  await second.waitFor(wants(block.cid, WANT_BLOCK), signal)
  await second.send(node.libp2p.peerId, blockMessage(block))
  assert.ok(eq(await pending, block.bytes))
  assert.is(node.bitswap.stats().duplicateBlocks, 0)
})

wire('a want-have for a block the node is fetching gets HAVE once it arrives, not DONT_HAVE first', async ({ node, probe, others }) => {
  const peers = await twoPeers(node, probe, others)
  const block = await rawBlock(20_000)
  const pending = node.bitswap.want(block.cid, { signal: AbortSignal.timeout(15_000) })
  pending.catch(() => {}) // awaited below
  const signal = AbortSignal.timeout(10_000)
  await Promise.all(peers.map(async p => p.waitFor(m => wants(block.cid, WANT_BLOCK)(m) || wants(block.cid, WANT_HAVE)(m), signal)))
  const first = peers.find(p => sent(p, wants(block.cid, WANT_BLOCK))) as Probe
  const second = peers.find(p => p !== first) as Probe
  // a replica fetching the same block asks the node whether it has it
  await second.send(node.libp2p.peerId, wantMessage([{ cid: block.cid, wantType: WANT_HAVE, sendDontHave: true }]))
  await waitFor(() => node.bitswap.wantlist(second.libp2p.peerId).some(c => c.equals(block.cid)), 10_000, 'the want-have to land')
  await first.send(node.libp2p.peerId, blockMessage(block))
  assert.ok(eq(await pending, block.bytes))
  await second.waitFor(m => m.blockPresences.some(p => eq(p.cid, block.cid.bytes)), signal)
  const presences = second.received.flatMap(r => r.message.blockPresences).filter(p => eq(p.cid, block.cid.bytes)).map(p => p.type)
  assert.equal(presences, [PRESENCE_HAVE], 'HAVE, with no DONT_HAVE before it')
})

wire('a want-block a peer sits on moves to a peer that said HAVE, and the silent peer gets CANCEL', async ({ node, probe, others }) => {
  // the node's providerSearchDelayMs is 200: a block peer silent that long has stalled
  const peers = await twoPeers(node, probe, others)
  const block = await rawBlock(20_000)
  const pending = node.bitswap.want(block.cid, { signal: AbortSignal.timeout(15_000) })
  pending.catch(() => {}) // awaited below
  const signal = AbortSignal.timeout(10_000)
  await Promise.all(peers.map(async p => p.waitFor(m => wants(block.cid, WANT_BLOCK)(m) || wants(block.cid, WANT_HAVE)(m), signal)))
  const silent = peers.find(p => sent(p, wants(block.cid, WANT_BLOCK))) as Probe
  const holder = peers.find(p => p !== silent) as Probe
  assert.not.ok(sent(holder, wants(block.cid, WANT_BLOCK)), 'one want-block at a time')
  await holder.send(node.libp2p.peerId, presence(block.cid, PRESENCE_HAVE))
  await holder.waitFor(wants(block.cid, WANT_BLOCK), signal)
  await silent.waitFor(cancels(block.cid), signal)
  await holder.send(node.libp2p.peerId, blockMessage(block))
  assert.ok(eq(await pending, block.bytes))
})

wire('swarming: a peer fetching the same DAG is asked want-have first; the origin gets the want-block only when it says DONT_HAVE', async ({ node, others }) => {
  const blocks = await Promise.all([0, 1, 2, 3].map(async i => rawBlock(10_000 + i)))
  const held = new Map(blocks.map(b => [b.cid.toString(), b.bytes]))
  // the origin holds every block and answers at once (b0 and b1 once the test lets it); the
  // partial peer is driven by the test
  const gates = [Promise.withResolvers<void>(), Promise.withResolvers<void>()]
  const origin = await createProbe({
    onMessage (probe, from, m) {
      const reply = emptyMessage()
      for (const e of m.wantlist?.entries ?? []) {
        const cid = CID.decode(e.cid)
        const data = held.get(cid.toString())
        if (e.cancel || data == null) continue
        if (e.wantType === WANT_HAVE) reply.blockPresences.push({ cid: e.cid, type: PRESENCE_HAVE })
        else reply.payload.push({ prefix: cidToPrefix(cid), data })
      }
      if (reply.payload.length === 0 && reply.blockPresences.length === 0) return
      const gate = gates.find((_, i) => reply.payload.some(b => eq(b.data, blocks[i].bytes)) || reply.blockPresences.some(p => eq(p.cid, blocks[i].cid.bytes)))
      void (gate?.promise ?? Promise.resolve()).then(async () => probe.send(from, reply)).catch(() => {})
    }
  })
  const partial = await createProbe()
  others.push(origin.libp2p, partial.libp2p)
  await connect(origin.libp2p, node.libp2p)
  await connect(partial.libp2p, node.libp2p)
  await waitFor(() => node.bitswap.stats().peers === 2, 10_000, 'both probes identified')
  const signal = AbortSignal.timeout(10_000)
  const session = node.bitswap.createSession({ signal: AbortSignal.timeout(15_000) })
  const [b0, b1, b2, b3] = blocks

  // the partial peer has none of b0: a candidate (DONT_HAVE, nothing else yet)
  const got0 = session.want(b0.cid)
  await partial.waitFor(m => wants(b0.cid, WANT_HAVE)(m) || wants(b0.cid, WANT_BLOCK)(m), signal)
  await partial.send(node.libp2p.peerId, presence(b0.cid, PRESENCE_DONT_HAVE))
  await waitFor(() => (session as any).candidates.size === 1, 10_000, 'the DONT_HAVE to land')
  gates[0].resolve()
  assert.ok(eq(await got0, b0.bytes))
  // a candidate is asked want-have but not waited for: b1 is asked of the origin at once; the
  // partial peer's HAVE (as a node that just stored it) makes it a partial peer of the session
  const got1 = session.want(b1.cid)
  await partial.waitFor(wants(b1.cid, WANT_HAVE), signal)
  await origin.waitFor(wants(b1.cid, WANT_BLOCK), signal)
  await partial.send(node.libp2p.peerId, presence(b1.cid, PRESENCE_HAVE))
  await waitFor(() => (session as any).peers.has(partial.libp2p.peerId.toString()), 10_000, 'the HAVE to land')
  gates[1].resolve()
  assert.ok(eq(await got1, b1.bytes))

  // b2: the partial peer is asked first, says HAVE, and sends it; the origin never hears of b2
  const got2 = session.want(b2.cid)
  await partial.waitFor(wants(b2.cid, WANT_HAVE), signal)
  await partial.send(node.libp2p.peerId, presence(b2.cid, PRESENCE_HAVE))
  await partial.waitFor(wants(b2.cid, WANT_BLOCK), signal)
  await partial.send(node.libp2p.peerId, blockMessage(b2))
  assert.ok(eq(await got2, b2.bytes))
  assert.not.ok(sent(origin, m => wants(b2.cid, WANT_BLOCK)(m) || wants(b2.cid, WANT_HAVE)(m)), 'the origin was not asked for b2')

  // b3: the partial peer says DONT_HAVE, then the origin is asked and sends it
  const got3 = session.want(b3.cid)
  await partial.waitFor(wants(b3.cid, WANT_HAVE), signal)
  assert.not.ok(sent(origin, wants(b3.cid, WANT_BLOCK)), 'the origin waits for the partial peer to answer')
  await partial.send(node.libp2p.peerId, presence(b3.cid, PRESENCE_DONT_HAVE))
  assert.ok(eq(await got3, b3.bytes))
  assert.ok(sent(origin, wants(b3.cid, WANT_BLOCK)))
  session.close()
  const { probes, duplicateBlocks } = node.bitswap.stats()
  assert.is(probes.have, 1)
  assert.is(probes.dontHave, 1)
  assert.is(duplicateBlocks, 0)
})

wire('aborting a want sends CANCEL to the peers asked and ends with AbortError', async ({ node, probe }) => {
  const absent = await rawBlock(100)
  const controller = new AbortController()
  const pending = node.bitswap.want(absent.cid, { signal: controller.signal })
  await probe.waitFor(m => m.wantlist?.entries.some(e => eq(e.cid, absent.cid.bytes) && !e.cancel) === true, AbortSignal.timeout(10_000))
  assert.equal(node.bitswap.wantlist().map(String), [absent.cid.toString()])
  controller.abort()
  const err = await pending.then(() => undefined, (e: any) => e)
  assert.is(err?.name, 'AbortError')
  assert.is(err?.code, 'ERR_ABORTED')
  await probe.waitFor(m => m.wantlist?.entries.some(e => eq(e.cid, absent.cid.bytes) && e.cancel) === true, AbortSignal.timeout(10_000))
  assert.equal(node.bitswap.wantlist(), [])
})

wire('an unreachable CID ends with TimeoutError, from the caller signal or the configured want timeout', async ({ node, others }) => {
  const absent = await rawBlock(100)
  const err1 = await node.bitswap.want(absent.cid, { signal: AbortSignal.timeout(300) }).then(() => undefined, (e: any) => e)
  assert.is(err1?.name, 'TimeoutError')
  assert.is(err1?.code, 'ERR_TIMEOUT')

  const lonely = await createBitswapNode({ wantTimeoutMs: 300 })
  others.push(lonely.libp2p)
  const err2 = await lonely.bitswap.want(absent.cid).then(() => undefined, (e: any) => e)
  assert.is(err2?.name, 'TimeoutError')
  assert.equal(lonely.bitswap.wantlist(), [])
})

wire('a CID whose hash we cannot verify fails at once with UnsupportedHashError and asks nobody', async ({ node, probe }) => {
  const blake3 = CID.createV1(0x55, Digest.create(0x1e, new Uint8Array(32).fill(1)))
  const err = await node.bitswap.want(blake3, { signal: AbortSignal.timeout(5_000) }).then(() => undefined, (e: any) => e)
  assert.is(err?.code, 'ERR_UNSUPPORTED_HASH')
  assert.equal(node.bitswap.wantlist(), [])
  assert.is(probe.received.length, 0)
})

wire('a peer that answers with bytes that do not match is disconnected, banned and not asked again', async ({ node, others }) => {
  const wanted = await rawBlock(50_000)
  const next = await rawBlock(50_000)
  // the liar claims to have everything and answers every want-block with the right prefix and wrong bytes
  const liar = await createProbe({
    onMessage (probe, from, m) {
      const reply = emptyMessage()
      for (const e of m.wantlist?.entries ?? []) {
        if (e.cancel) continue
        if (e.wantType === WANT_HAVE) reply.blockPresences.push({ cid: e.cid, type: PRESENCE_HAVE })
        else reply.payload.push({ prefix: cidToPrefix(CID.decode(e.cid)), data: new Uint8Array(50_000).fill(7) })
      }
      if (reply.payload.length > 0 || reply.blockPresences.length > 0) probe.send(from, reply).catch(() => {})
    }
  })
  const honest = await createBitswapNode()
  others.push(liar.libp2p, honest.libp2p)
  await honest.blocks.putBlock(wanted.cid, wanted.bytes)
  await honest.blocks.putBlock(next.cid, next.bytes)
  await connect(liar.libp2p, node.libp2p)

  // the liar alone first, so it certainly gets asked and answers
  const pending = node.bitswap.want(wanted.cid, { signal: AbortSignal.timeout(15_000) })
  pending.catch(() => {}) // awaited below; a failed assertion before that must not crash the run
  await liar.waitFor(m => m.wantlist?.entries.some(e => eq(e.cid, wanted.cid.bytes)) === true, AbortSignal.timeout(10_000))
  await waitFor(() => node.bitswap.stats().bannedPeers > 0, 10_000, 'the liar to be banned')
  assert.is(node.bitswap.stats().bannedPeers, 1, 'liar banned')
  await waitFor(() => node.libp2p.getConnections(liar.libp2p.peerId).length === 0, 10_000, 'the liar to be disconnected')
  assert.is(node.libp2p.getConnections(liar.libp2p.peerId).length, 0, 'liar disconnected')
  assert.is(await node.blocks.hasBlock(wanted.cid), false, 'nothing stored from the liar')

  // an honest provider turns up: the same want completes with the right bytes
  await connect(honest.libp2p, node.libp2p)
  const bytes = await pending
  assert.ok(eq(bytes, wanted.bytes))
  assert.ok(eq(await node.blocks.getBlock(wanted.cid), wanted.bytes))

  // the liar comes back: it is not asked for the next block
  await connect(liar.libp2p, node.libp2p).catch(() => {})
  const seen = liar.received.length
  assert.ok(eq(await node.bitswap.want(next.cid, { signal: AbortSignal.timeout(10_000) }), next.bytes))
  assert.not.ok(liar.received.slice(seen).some(r => r.message.wantlist?.entries.some(e => eq(e.cid, next.cid.bytes))), 'banned peer asked again')
})

wire('blocks of large messages are verified on the hash worker: right bytes stored, a liar banned', async ({ node, others }) => {
  const held = new Map<string, Uint8Array>()
  const honest = await answeringProbe(held)
  others.push(honest.libp2p)
  await connect(honest.libp2p, node.libp2p)
  // the worker starts in the background with the node: once it is online, large messages go to it
  const worker = acquireHashOffload()
  try {
    assert.ok(await worker.whenReady({ signal: AbortSignal.timeout(10_000) }), 'the hash worker came online')
  } finally {
    worker.release()
  }
  {
    const blocks = await Promise.all(Array.from({ length: 4 }, async () => rawBlock(100_000)))
    for (const b of blocks) held.set(b.cid.toString(), b.bytes)
    const session = node.bitswap.createSession({ signal: AbortSignal.timeout(10_000) })
    const got = await Promise.all(blocks.map(async b => session.want(b.cid)))
    session.close()
    blocks.forEach((b, i) => { assert.ok(eq(got[i], b.bytes), 'fetched bytes') })
    for (const b of blocks) assert.ok(eq(await node.blocks.getBlock(b.cid), b.bytes), 'stored bytes')
  }
  assert.ok(node.bitswap.stats().blocksHashedOnWorker > 0, 'the hash worker verified blocks')

  const hashedBefore = node.bitswap.stats().blocksHashedOnWorker
  // each lie alone is past the offload threshold, however the session batches its wants
  const liar = await answeringProbe(held, () => new Uint8Array(200_000).fill(9))
  others.push(liar.libp2p)
  await honest.libp2p.stop()
  await connect(liar.libp2p, node.libp2p)
  const wanted = await Promise.all(Array.from({ length: 4 }, async () => rawBlock(200_000)))
  const session = node.bitswap.createSession({ signal: AbortSignal.timeout(5_000) })
  const pending = wanted.map(async b => session.want(b.cid).then(() => 'fetched', () => 'failed'))
  await waitFor(() => node.bitswap.stats().bannedPeers > 0, 10_000, 'the liar to be banned')
  assert.is(node.bitswap.stats().bannedPeers, 1, 'liar banned')
  assert.ok(node.bitswap.stats().blocksHashedOnWorker > hashedBefore, 'the lie was caught on the worker')
  session.close()
  assert.equal(await Promise.all(pending), wanted.map(() => 'failed'))
  for (const b of wanted) assert.is(await node.blocks.hasBlock(b.cid), false, 'nothing stored from the liar')
})

wire('with hashOnWorker false every block is verified on the main thread', async ({ others }) => {
  const node = await createBitswapNode({ hashOnWorker: false })
  others.push(node.libp2p)
  const held = new Map<string, Uint8Array>()
  const honest = await answeringProbe(held)
  others.push(honest.libp2p)
  await connect(honest.libp2p, node.libp2p)
  const blocks = await Promise.all(Array.from({ length: 4 }, async () => rawBlock(100_000)))
  for (const b of blocks) held.set(b.cid.toString(), b.bytes)
  // the process's worker is online (this file's other nodes use it): only the option keeps it out
  const worker = acquireHashOffload()
  try {
    assert.ok(await worker.whenReady({ signal: AbortSignal.timeout(10_000) }), 'the hash worker came online')
    const session = node.bitswap.createSession({ signal: AbortSignal.timeout(10_000) })
    const got = await Promise.all(blocks.map(async b => session.want(b.cid)))
    session.close()
    blocks.forEach((b, i) => { assert.ok(eq(got[i], b.bytes)) })
  } finally {
    worker.release()
  }
  assert.is(node.bitswap.stats().blocksHashedOnWorker, 0)
})

wire('serves and fetches from a peer that speaks only /ipfs/bitswap/1.0.0 (CIDv0 blocks without prefixes)', async ({ node, others }) => {
  const bytes = new Uint8Array(4000).fill(3)
  const v0 = CID.createV0(await sha256.digest(bytes))
  const fromOld = new Uint8Array(5000).fill(9)
  const fromOldCid = CID.createV0(await sha256.digest(fromOld))
  await node.blocks.putBlock(v0, bytes)
  const old = await createProbe({
    protocols: [BITSWAP_100],
    onMessage (probe, from, m) {
      if (m.wantlist?.entries.some(e => eq(e.cid, fromOldCid.bytes) && !e.cancel) === true) {
        const reply = emptyMessage()
        reply.blocks.push(fromOld)
        probe.send(from, reply, BITSWAP_100).catch(() => {})
      }
    }
  })
  others.push(old.libp2p)
  await connect(old.libp2p, node.libp2p)

  await old.send(node.libp2p.peerId, wantMessage([{ cid: v0, wantType: WANT_BLOCK }]), BITSWAP_100)
  const reply = await old.waitFor(m => m.blocks.length > 0, AbortSignal.timeout(10_000))
  assert.ok(eq(reply.blocks[0], bytes), 'block sent in the 1.0.0 blocks field')
  assert.is(reply.payload.length, 0)
  assert.ok(old.received.every(r => r.protocol === BITSWAP_100))

  const got = await node.bitswap.want(fromOldCid, { signal: AbortSignal.timeout(10_000) })
  assert.ok(eq(got, fromOld))
  const asked = old.received.flatMap(r => r.message.wantlist?.entries ?? []).find(e => eq(e.cid, fromOldCid.bytes))
  assert.is(asked?.wantType, WANT_BLOCK, '1.0.0 peers are sent want-block, never want-have')
})

wire('speaks /ipfs/bitswap/1.1.0 with a peer that knows nothing newer: blocks with prefixes, no presences, want-block only', async ({ node, others }) => {
  const served = await rawBlock(3000)
  const missing = await rawBlock(10)
  const fromOld = await rawBlock(6000)
  await node.blocks.putBlock(served.cid, served.bytes)
  const old = await createProbe({
    protocols: [BITSWAP_110],
    onMessage (probe, from, m) {
      if (m.wantlist?.entries.some(e => eq(e.cid, fromOld.cid.bytes) && !e.cancel) === true) {
        const reply = emptyMessage()
        reply.payload.push({ prefix: cidToPrefix(fromOld.cid), data: fromOld.bytes })
        probe.send(from, reply, BITSWAP_110).catch(() => {})
      }
    }
  })
  others.push(old.libp2p)
  await connect(old.libp2p, node.libp2p)

  await old.send(node.libp2p.peerId, wantMessage([
    { cid: missing.cid, wantType: WANT_BLOCK, sendDontHave: true },
    { cid: served.cid, wantType: WANT_BLOCK }
  ]), BITSWAP_110)
  const reply = await old.waitFor(m => m.payload.length > 0, AbortSignal.timeout(10_000))
  assert.ok(eq(reply.payload[0].data, served.bytes))
  assert.ok(eq(reply.payload[0].prefix, cidToPrefix(served.cid)))
  assert.ok(old.received.every(r => r.protocol === BITSWAP_110 && r.message.blockPresences.length === 0), 'no presences on 1.1.0')

  const got = await node.bitswap.want(fromOld.cid, { signal: AbortSignal.timeout(10_000) })
  assert.ok(eq(got, fromOld.bytes))
  const asked = old.received.flatMap(r => r.message.wantlist?.entries ?? []).filter(e => eq(e.cid, fromOld.cid.bytes))
  assert.ok(asked.length > 0 && asked.every(e => e.wantType === WANT_BLOCK && !e.sendDontHave))
})

wire.run()
