/**
 * The Bitswap wire codec and block identity, byte for byte: what we encode decodes to the same
 * message, sizes are exact (the 2 MiB split depends on them), and malformed input fails with
 * typed errors instead of crashing.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { identity } from 'multiformats/hashes/identity'
import { cidFromPrefix, cidToPrefix, decodeMessage, emptyMessage, encodeFrame, PRESENCE_DONT_HAVE, PRESENCE_HAVE, WANT_BLOCK, WANT_HAVE } from '../src/bitswap/index.ts'
import { BlockWriter } from '../src/bitswap/block-writer.ts'
import { MessageDecodeError, messageSize } from '../src/bitswap/pb/message.ts'
import { MemoryBlocks } from './fixtures/bitswap-helpers.ts'
import type { Block } from '@cairn/interface'

const limits = { maxEntries: 100, maxBlocks: 100 }

function unframe (frame: Uint8Array): Uint8Array {
  let len = 0
  let shift = 0
  let i = 0
  for (;; i++) {
    len += (frame[i] & 0x7f) * 2 ** shift
    shift += 7
    if ((frame[i] & 0x80) === 0) break
  }
  assert.is(frame.byteLength - i - 1, len, 'length prefix matches the body')
  return frame.subarray(i + 1)
}

const codec = suite('Bitswap codec')

codec('a message with every field survives encode and decode, and its size is exact', async () => {
  const cid1 = CID.createV1(raw.code, await sha256.digest(new Uint8Array([1])))
  const cid0 = CID.createV0(await sha256.digest(new Uint8Array([2])))
  const m = emptyMessage()
  m.wantlist = {
    full: true,
    entries: [
      { cid: cid1.bytes, priority: 7, cancel: false, wantType: WANT_HAVE, sendDontHave: true },
      { cid: cid0.bytes, priority: -3, cancel: true, wantType: WANT_BLOCK, sendDontHave: false }
    ]
  }
  m.blocks.push(new Uint8Array(300).fill(4))
  m.payload.push({ prefix: cidToPrefix(cid1), data: new Uint8Array(200_000).fill(5) })
  m.blockPresences.push({ cid: cid1.bytes, type: PRESENCE_HAVE }, { cid: cid0.bytes, type: PRESENCE_DONT_HAVE })
  m.pendingBytes = 12345

  const body = unframe(encodeFrame(m).subarray())
  assert.is(body.byteLength, messageSize(m))
  const back = decodeMessage(body, limits)
  assert.equal(back.wantlist, m.wantlist)
  assert.equal(back.blocks, m.blocks)
  assert.equal(back.payload, m.payload)
  assert.equal(back.blockPresences, m.blockPresences)
  assert.is(back.pendingBytes, 12345)
})

codec('only block data view the message buffer: CIDs, prefixes and presences are copies, even from a Node Buffer', async () => {
  const cid = CID.createV1(raw.code, await sha256.digest(new Uint8Array([3])))
  const m = emptyMessage()
  m.wantlist = { full: false, entries: [{ cid: cid.bytes, priority: 1, cancel: false, wantType: WANT_BLOCK, sendDontHave: false }] }
  m.blocks.push(new Uint8Array(100).fill(1))
  m.payload.push({ prefix: cidToPrefix(cid), data: new Uint8Array(100).fill(2) })
  m.blockPresences.push({ cid: cid.bytes, type: PRESENCE_HAVE })
  // a Buffer, as the network hands over: Buffer#slice would be a view, not a copy
  const body = Buffer.from(unframe(encodeFrame(m).subarray()))
  const back = decodeMessage(body, limits)
  const shares = (u: Uint8Array): boolean => u.buffer === body.buffer
  assert.ok(shares(back.blocks[0]) && shares(back.payload[0].data), 'block data are views')
  assert.not.ok(shares(back.wantlist?.entries[0].cid as Uint8Array), 'wantlist CID copied')
  assert.not.ok(shares(back.payload[0].prefix), 'prefix copied')
  assert.not.ok(shares(back.blockPresences[0].cid), 'presence CID copied')
})

codec('proto3 defaults: an empty message is zero bytes and decodes empty', () => {
  const body = unframe(encodeFrame(emptyMessage()).subarray())
  assert.is(body.byteLength, 0)
  assert.equal(decodeMessage(body, limits), emptyMessage())
})

codec('malformed or oversized messages throw MessageDecodeError', async () => {
  const cid = CID.createV1(raw.code, await sha256.digest(new Uint8Array([1])))
  const m = emptyMessage()
  m.wantlist = { full: false, entries: Array.from({ length: 5 }, () => ({ cid: cid.bytes, priority: 1, cancel: false, wantType: WANT_BLOCK, sendDontHave: false })) }
  const body = unframe(encodeFrame(m).subarray())
  assert.throws(() => decodeMessage(body.subarray(0, body.byteLength - 3), limits), (err: Error) => err.name === 'MessageDecodeError')
  assert.throws(() => decodeMessage(body, { maxEntries: 4, maxBlocks: 4 }), (err: Error) => err instanceof MessageDecodeError)
  assert.throws(() => decodeMessage(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), limits), (err: Error) => err instanceof MessageDecodeError)
})

codec('a CID prefix plus the bytes gives back the CID, for v0, v1, sha2-512 and identity', async () => {
  const bytes = new Uint8Array([9, 8, 7])
  for (const cid of [
    CID.createV0(await sha256.digest(bytes)),
    CID.createV1(raw.code, await sha256.digest(bytes)),
    CID.createV1(0x71, await sha512.digest(bytes)),
    CID.createV1(raw.code, identity.digest(bytes))
  ]) {
    assert.ok(cidFromPrefix(cidToPrefix(cid), bytes).equals(cid), `${cid}`)
  }
  const other = cidFromPrefix(cidToPrefix(CID.createV1(raw.code, await sha256.digest(bytes))), new Uint8Array([1]))
  assert.not.ok(other.equals(CID.createV1(raw.code, await sha256.digest(bytes))), 'other bytes, other CID')
})

codec('bad prefixes are MalformedBlockError, unknown hashes UnsupportedHashError', () => {
  const data = new Uint8Array([1])
  assert.throws(() => cidFromPrefix(new Uint8Array([0x01, 0x55]), data), (err: any) => err.code === 'ERR_MALFORMED_BLOCK')
  assert.throws(() => cidFromPrefix(new Uint8Array([0x00, 0x55, 0x12, 0x20]), data), (err: any) => err.code === 'ERR_MALFORMED_BLOCK')
  assert.throws(() => cidFromPrefix(new Uint8Array([0x01, 0x55, 0x12, 0x40]), data), (err: any) => err.code === 'ERR_MALFORMED_BLOCK')
  assert.throws(() => cidFromPrefix(new Uint8Array([0x01, 0x55, 0x1e, 0x20]), data), (err: any) => err.code === 'ERR_UNSUPPORTED_HASH')
})

codec('error classes carry their own names', () => {
  assert.is(new MessageDecodeError().name, MessageDecodeError.name)
  assert.is(MessageDecodeError.name, 'MessageDecodeError')
})

codec('blocks arriving while a write runs are stored together in one putBlocks batch', async () => {
  const batches: number[] = []
  const store = new MemoryBlocks()
  const batching = Object.assign(store, {
    async putBlocks (blocks: Block[]): Promise<void> {
      batches.push(blocks.length)
      for (const b of blocks) await store.putBlock(b.cid, b.bytes)
    }
  })
  const writer = new BlockWriter(batching, 64)
  const blocks = await Promise.all(Array.from({ length: 10 }, async (_, i) => {
    const bytes = new Uint8Array([i])
    return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes }
  }))
  await Promise.all(blocks.map(async b => writer.put(b.cid, b.bytes)))
  assert.is(store.blocks.size, 10)
  assert.equal(batches, [9], 'the first block went alone, the nine queued behind it in one batch')
})

codec.run()
