/**
 * Our hand-written Bitswap codec against Helia's, which protons generated from boxo's
 * message.proto: what we encode, Helia decodes to the same message, and what Helia encodes, we
 * decode to the same message. Random messages from a fixed seed, every field, negative priorities
 * and large blocks included.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readVarint } from '@cairn/ipld'
import { decodeMessage, emptyMessage, encodeFrame, PRESENCE_DONT_HAVE, PRESENCE_HAVE, WANT_BLOCK, WANT_HAVE } from '../src/bitswap/index.ts'
import type { BitswapMessage, PresenceType, WantType } from '../src/bitswap/pb/message.ts'

/** Helia's generated codec: `@helia/bitswap` exports only its service, so the module is loaded by path */
const helia = await import(new URL('./pb/message.js', import.meta.resolve('@helia/bitswap')).href)

const LIMITS = { maxEntries: 10_000, maxBlocks: 10_000 }
const MESSAGES = 200

/** Deterministic xorshift, so a failure names a message that can be replayed */
function prng (seed: number): (n: number) => number {
  let x = seed >>> 0 || 1
  return (n: number) => {
    x ^= x << 13; x >>>= 0
    x ^= x >>> 17
    x ^= x << 5; x >>>= 0
    return x % n
  }
}

function bytes (rand: (n: number) => number, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = rand(256)
  return out
}

/** A random message in our shape, without the 1.0.0 `blocks` field Helia's proto no longer has */
function randomMessage (seed: number): BitswapMessage {
  const rand = prng(seed)
  const m = emptyMessage()
  if (rand(4) !== 0) {
    m.wantlist = {
      full: rand(2) === 0,
      entries: Array.from({ length: rand(6) }, () => ({
        cid: bytes(rand, 34 + rand(10)),
        priority: rand(4) === 0 ? -(1 + rand(2 ** 31 - 1)) : rand(3) === 0 ? 0 : rand(2 ** 31),
        cancel: rand(2) === 0,
        wantType: (rand(2) === 0 ? WANT_BLOCK : WANT_HAVE) as WantType,
        sendDontHave: rand(2) === 0
      }))
    }
  }
  for (let i = rand(4); i > 0; i--) {
    m.payload.push({ prefix: bytes(rand, 4 + rand(3)), data: bytes(rand, rand(8) === 0 ? 300_000 + rand(1000) : rand(2000)) })
  }
  for (let i = rand(5); i > 0; i--) {
    m.blockPresences.push({ cid: bytes(rand, 36), type: (rand(2) === 0 ? PRESENCE_HAVE : PRESENCE_DONT_HAVE) as PresenceType })
  }
  m.pendingBytes = rand(3) === 0 ? 0 : rand(2 ** 31)
  return m
}

/** Our message as Helia's generated types spell it */
function toHelia (m: BitswapMessage): Record<string, unknown> {
  return {
    ...(m.wantlist != null
      ? {
          wantlist: {
            full: m.wantlist.full,
            entries: m.wantlist.entries.map(e => ({
              cid: e.cid,
              priority: e.priority,
              cancel: e.cancel,
              wantType: e.wantType === WANT_HAVE ? helia.WantType.WantHave : helia.WantType.WantBlock,
              sendDontHave: e.sendDontHave
            }))
          }
        }
      : {}),
    blocks: m.payload.map(b => ({ prefix: b.prefix, data: b.data })),
    blockPresences: m.blockPresences.map(p => ({ cid: p.cid, type: p.type === PRESENCE_HAVE ? helia.BlockPresenceType.HaveBlock : helia.BlockPresenceType.DoNotHaveBlock })),
    pendingBytes: m.pendingBytes
  }
}

/** Helia's decoded message in our shape (absent fields are proto3 defaults) */
function fromHelia (h: any): BitswapMessage {
  const m = emptyMessage()
  if (h.wantlist != null) {
    m.wantlist = {
      full: h.wantlist.full ?? false,
      entries: h.wantlist.entries.map((e: any) => ({
        cid: e.cid,
        priority: e.priority ?? 0,
        cancel: e.cancel ?? false,
        wantType: e.wantType === helia.WantType.WantHave ? WANT_HAVE : WANT_BLOCK,
        sendDontHave: e.sendDontHave ?? false
      }))
    }
  }
  m.payload = h.blocks.map((b: any) => ({ prefix: b.prefix, data: b.data }))
  m.blockPresences = h.blockPresences.map((p: any) => ({ cid: p.cid, type: p.type === helia.BlockPresenceType.DoNotHaveBlock ? PRESENCE_DONT_HAVE : PRESENCE_HAVE }))
  m.pendingBytes = h.pendingBytes ?? 0
  return m
}

function body (m: BitswapMessage): Uint8Array {
  const frame = encodeFrame(m).subarray()
  const length = readVarint(frame, 0)
  assert.ok(length != null && length.next + length.value === frame.byteLength, 'one length-prefixed message')
  return frame.subarray(length.next)
}

const plain = (m: BitswapMessage): unknown => JSON.parse(JSON.stringify(m, (_k, v) => v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))

test('what we encode, Helia\'s generated codec decodes to the same message', () => {
  for (let seed = 1; seed <= MESSAGES; seed++) {
    const m = randomMessage(seed)
    const decoded = helia.BitswapMessage.decode(body(m))
    assert.equal(plain(fromHelia(decoded)), plain(m), `message ${seed}`)
  }
})

test('what Helia encodes, we decode to the same message', () => {
  for (let seed = 1; seed <= MESSAGES; seed++) {
    const m = randomMessage(seed)
    const encoded: Uint8Array = helia.BitswapMessage.encode(toHelia(m))
    assert.equal(plain(decodeMessage(encoded, LIMITS)), plain(m), `message ${seed}`)
  }
})

test('a 1.0.0 blocks field (2) is skipped by Helia, which dropped it, and the rest still agrees', () => {
  const m = randomMessage(7)
  m.blocks.push(new Uint8Array(100).fill(1))
  const decoded = fromHelia(helia.BitswapMessage.decode(body(m)))
  assert.equal(plain(decoded), plain({ ...m, blocks: [] }))
})

test.run()
