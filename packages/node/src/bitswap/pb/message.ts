/**
 * The Bitswap wire message (boxo's `bitswap/message/pb/message.proto`), encoded by hand:
 * protons generates TypeScript enums and namespaces, which Node's type stripping cannot run, and
 * writing it ourselves lets block bytes go to the wire by reference instead of being copied.
 *
 * ```proto
 * message Message {
 *   message Wantlist {
 *     enum WantType { Block = 0; Have = 1; }
 *     message Entry { bytes block = 1; int32 priority = 2; bool cancel = 3; WantType wantType = 4; bool sendDontHave = 5; }
 *     repeated Entry entries = 1; bool full = 2;
 *   }
 *   message Block { bytes prefix = 1; bytes data = 2; }
 *   enum BlockPresenceType { Have = 0; DontHave = 1; }
 *   message BlockPresence { bytes cid = 1; BlockPresenceType type = 2; }
 *   Wantlist wantlist = 1;
 *   repeated bytes blocks = 2;          // 1.0.0
 *   repeated Block payload = 3;         // 1.1.0 and later
 *   repeated BlockPresence blockPresences = 4;
 *   int32 pendingBytes = 5;
 * }
 * ```
 */
import { varintLength as unsignedVarintLength, writeVarint as writeUnsignedVarint } from '@cairn/ipld'
import { reader as createReader } from 'protons-runtime'
import { Uint8ArrayList } from 'uint8arraylist'
import type { Reader } from 'protons-runtime'

/** WantType on the wire */
export const WANT_BLOCK = 0
export const WANT_HAVE = 1
export type WantType = typeof WANT_BLOCK | typeof WANT_HAVE

/** BlockPresenceType on the wire */
export const PRESENCE_HAVE = 0
export const PRESENCE_DONT_HAVE = 1
export type PresenceType = typeof PRESENCE_HAVE | typeof PRESENCE_DONT_HAVE

export interface WantlistEntry {
  /** CID bytes (a bare multihash for CIDv0) */
  cid: Uint8Array
  priority: number
  cancel: boolean
  wantType: WantType
  sendDontHave: boolean
}

export interface Wantlist {
  entries: WantlistEntry[]
  full: boolean
}

export interface PayloadBlock {
  /** CID version, codec, multihash code and length, as varints */
  prefix: Uint8Array
  data: Uint8Array
}

export interface BlockPresence {
  cid: Uint8Array
  type: PresenceType
}

export interface BitswapMessage {
  wantlist?: Wantlist
  /** 1.0.0 blocks: bytes only, CIDv0 implied */
  blocks: Uint8Array[]
  /** 1.1.0+ blocks */
  payload: PayloadBlock[]
  blockPresences: BlockPresence[]
  pendingBytes: number
}

export function emptyMessage (): BitswapMessage {
  return { blocks: [], payload: [], blockPresences: [], pendingBytes: 0 }
}

export interface DecodeLimits {
  /** Most wantlist entries accepted in one message */
  maxEntries: number
  /** Most blocks plus presences accepted in one message */
  maxBlocks: number
}

export class MessageDecodeError extends Error {
  static override name = 'MessageDecodeError'
  constructor (message = 'Malformed Bitswap message', options?: ErrorOptions) {
    super(message, options)
    this.name = 'MessageDecodeError'
  }
}

// ---- encoding ---------------------------------------------------------------------------------

/** Bytes of a protobuf varint field; a negative int32 is sign-extended to ten bytes */
export function varintLength (n: number): number {
  return n < 0 ? 10 : unsignedVarintLength(n)
}

function writeVarint (buf: Uint8Array, pos: number, n: number): number {
  if (n >= 0) return writeUnsignedVarint(buf, pos, n)
  // protobuf encodes a negative int32 as its 64-bit two's complement, past what a JS number
  // (and so uint8-varint) holds exactly: written from a BigInt, seven bits at a time
  let big = BigInt.asUintN(64, BigInt(n))
  while (big >= 0x80n) {
    buf[pos++] = Number(big & 0x7fn) | 0x80
    big >>= 7n
  }
  buf[pos++] = Number(big)
  return pos
}

/** Size of a length-delimited field with a one-byte tag */
function bytesFieldLength (len: number): number {
  return 1 + varintLength(len) + len
}

function entryLength (e: WantlistEntry): number {
  let len = bytesFieldLength(e.cid.byteLength)
  if (e.priority !== 0) len += 1 + varintLength(e.priority)
  if (e.cancel) len += 2
  if (e.wantType !== WANT_BLOCK) len += 2
  if (e.sendDontHave) len += 2
  return len
}

export function wantlistEntrySize (e: WantlistEntry): number {
  return bytesFieldLength(entryLength(e))
}

export function payloadBlockSize (b: PayloadBlock): number {
  return bytesFieldLength(bytesFieldLength(b.prefix.byteLength) + bytesFieldLength(b.data.byteLength))
}

export function rawBlockSize (data: Uint8Array): number {
  return bytesFieldLength(data.byteLength)
}

export function presenceSize (p: BlockPresence): number {
  return bytesFieldLength(bytesFieldLength(p.cid.byteLength) + (p.type !== PRESENCE_HAVE ? 2 : 0))
}

function wantlistLength (w: Wantlist): number {
  let len = w.full ? 2 : 0
  for (const e of w.entries) len += wantlistEntrySize(e)
  return len
}

/** Encoded size of a message, without the length prefix */
export function messageSize (m: BitswapMessage): number {
  let len = 0
  if (m.wantlist != null) len += bytesFieldLength(wantlistLength(m.wantlist))
  for (const b of m.blocks) len += rawBlockSize(b)
  for (const b of m.payload) len += payloadBlockSize(b)
  for (const p of m.blockPresences) len += presenceSize(p)
  if (m.pendingBytes !== 0) len += 1 + varintLength(m.pendingBytes)
  return len
}

/**
 * Encodes a message with its varint length prefix. Block data is referenced, not copied: the
 * result is a list of small header buffers interleaved with the blocks' own bytes.
 */
export function encodeFrame (m: BitswapMessage): Uint8ArrayList {
  const out = new Uint8ArrayList()
  const size = messageSize(m)
  // scratch buffer for everything except block data
  let scratch = new Uint8Array(1024)
  let pos = 0
  const ensure = (n: number): void => {
    if (pos + n <= scratch.byteLength) return
    const next = new Uint8Array(Math.max(scratch.byteLength * 2, pos + n))
    next.set(scratch.subarray(0, pos))
    scratch = next
  }
  const flush = (): void => {
    if (pos === 0) return
    out.append(scratch.subarray(0, pos))
    scratch = scratch.subarray(pos)
    pos = 0
  }
  const tagVarint = (tag: number, n: number): void => {
    ensure(11)
    scratch[pos++] = tag
    pos = writeVarint(scratch, pos, n)
  }
  const tagBytesSmall = (tag: number, bytes: Uint8Array): void => {
    ensure(11 + bytes.byteLength)
    scratch[pos++] = tag
    pos = writeVarint(scratch, pos, bytes.byteLength)
    scratch.set(bytes, pos)
    pos += bytes.byteLength
  }
  const tagBytesRef = (tag: number, bytes: Uint8Array): void => {
    tagVarint(tag, bytes.byteLength)
    flush()
    out.append(bytes)
  }

  ensure(10)
  pos = writeVarint(scratch, pos, size)

  if (m.wantlist != null) {
    tagVarint(0x0a, wantlistLength(m.wantlist))
    for (const e of m.wantlist.entries) {
      tagVarint(0x0a, entryLength(e))
      tagBytesSmall(0x0a, e.cid)
      if (e.priority !== 0) tagVarint(0x10, e.priority)
      if (e.cancel) tagVarint(0x18, 1)
      if (e.wantType !== WANT_BLOCK) tagVarint(0x20, e.wantType)
      if (e.sendDontHave) tagVarint(0x28, 1)
    }
    if (m.wantlist.full) tagVarint(0x10, 1)
  }
  for (const b of m.blocks) tagBytesRef(0x12, b)
  for (const b of m.payload) {
    tagVarint(0x1a, bytesFieldLength(b.prefix.byteLength) + bytesFieldLength(b.data.byteLength))
    tagBytesSmall(0x0a, b.prefix)
    tagBytesRef(0x12, b.data)
  }
  for (const p of m.blockPresences) {
    tagVarint(0x22, bytesFieldLength(p.cid.byteLength) + (p.type !== PRESENCE_HAVE ? 2 : 0))
    tagBytesSmall(0x0a, p.cid)
    if (p.type !== PRESENCE_HAVE) tagVarint(0x10, p.type)
  }
  if (m.pendingBytes !== 0) tagVarint(0x28, m.pendingBytes)
  flush()
  return out
}

// ---- decoding ---------------------------------------------------------------------------------

/**
 * A length-delimited field copied out of the message (not `.slice()`: on a Node Buffer that is a
 * view too), so the message buffer can move to another thread while the copy stays here
 */
function copyBytes (r: Reader): Uint8Array {
  return new Uint8Array(r.bytes())
}

function subReader (r: Reader): number {
  const len = r.uint32()
  const end = r.pos + len
  if (end > r.len) throw new MessageDecodeError('Field length runs past the end of the message')
  return end
}

function decodeEntry (r: Reader, end: number): WantlistEntry {
  // an absent int32 is proto3's 0, as every other implementation reads it (the Helia cross-check spec)
  const e: WantlistEntry = { cid: new Uint8Array(0), priority: 0, cancel: false, wantType: WANT_BLOCK, sendDontHave: false }
  while (r.pos < end) {
    const tag = r.uint32()
    switch (tag >>> 3) {
      case 1: e.cid = copyBytes(r); break
      case 2: e.priority = r.int32(); break
      case 3: e.cancel = r.bool(); break
      case 4: e.wantType = r.int32() === WANT_HAVE ? WANT_HAVE : WANT_BLOCK; break
      case 5: e.sendDontHave = r.bool(); break
      default: r.skipType(tag & 7)
    }
  }
  return e
}

function decodeWantlist (r: Reader, end: number, limits: DecodeLimits): Wantlist {
  const w: Wantlist = { entries: [], full: false }
  while (r.pos < end) {
    const tag = r.uint32()
    switch (tag >>> 3) {
      case 1: {
        const entryEnd = subReader(r)
        if (w.entries.length >= limits.maxEntries) throw new MessageDecodeError('Too many wantlist entries')
        w.entries.push(decodeEntry(r, entryEnd))
        r.pos = entryEnd
        break
      }
      case 2: w.full = r.bool(); break
      default: r.skipType(tag & 7)
    }
  }
  return w
}

function decodePayload (r: Reader, end: number): PayloadBlock {
  const b: PayloadBlock = { prefix: new Uint8Array(0), data: new Uint8Array(0) }
  while (r.pos < end) {
    const tag = r.uint32()
    switch (tag >>> 3) {
      case 1: b.prefix = copyBytes(r); break
      case 2: b.data = r.bytes(); break
      default: r.skipType(tag & 7)
    }
  }
  return b
}

function decodePresence (r: Reader, end: number): BlockPresence {
  const p: BlockPresence = { cid: new Uint8Array(0), type: PRESENCE_HAVE }
  while (r.pos < end) {
    const tag = r.uint32()
    switch (tag >>> 3) {
      case 1: p.cid = copyBytes(r); break
      case 2: p.type = r.int32() === PRESENCE_DONT_HAVE ? PRESENCE_DONT_HAVE : PRESENCE_HAVE; break
      default: r.skipType(tag & 7)
    }
  }
  return p
}

/**
 * Decodes one message (without its length prefix). Block data are views into `buf`; every other
 * byte field is a copy, so `buf` may move to another thread once the blocks are viewed anew.
 */
export function decodeMessage (buf: Uint8Array | Uint8ArrayList, limits: DecodeLimits): BitswapMessage {
  const bytes = buf instanceof Uint8Array ? buf : buf.subarray()
  const r = createReader(bytes)
  const m = emptyMessage()
  let blocks = 0
  try {
    while (r.pos < r.len) {
      const tag = r.uint32()
      switch (tag >>> 3) {
        case 1: {
          const end = subReader(r)
          m.wantlist = decodeWantlist(r, end, limits)
          r.pos = end
          break
        }
        case 2:
          if (++blocks > limits.maxBlocks) throw new MessageDecodeError('Too many blocks')
          m.blocks.push(r.bytes())
          break
        case 3: {
          if (++blocks > limits.maxBlocks) throw new MessageDecodeError('Too many blocks')
          const end = subReader(r)
          m.payload.push(decodePayload(r, end))
          r.pos = end
          break
        }
        case 4: {
          if (++blocks > limits.maxBlocks) throw new MessageDecodeError('Too many block presences')
          const end = subReader(r)
          m.blockPresences.push(decodePresence(r, end))
          r.pos = end
          break
        }
        case 5: m.pendingBytes = r.int32(); break
        default: r.skipType(tag & 7)
      }
    }
  } catch (err: any) {
    if (err instanceof MessageDecodeError) throw err
    throw new MessageDecodeError(`Malformed Bitswap message: ${err.message}`, { cause: err })
  }
  return m
}
