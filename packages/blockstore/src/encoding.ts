/**
 * Index key and value layout (all keys are bytes; one-letter prefixes keep the key spaces apart):
 *
 *   '/version'              → decimal store version
 *   '/stats'                → varint blocks, varint bytes (updated in the same batch as the index)
 *   '/nextpack'             → varint id of the next pack file (written before the file is made)
 *   'b' multihash           → block record (see `encodeBlockRecord`)
 *   'c' multihash codec     → pin reference count of one DAG node: varint roots, varint parents
 *   'r' multihash codec     → recursive pin: pin record (see `encodePinRecord`)
 *   'd' multihash codec     → direct pin: pin record
 *   'P' varint pack id      → live bodies in that pack file: varint blocks, varint bytes
 *   '/pin-walk'             → a pin walk spanning batches: phase, root, queue bounds (pin-walk.ts)
 *   'q' u64 big-endian      → that walk's queue: CID bytes of a node whose links are still to count
 *   'h' multihash codec     → rolling back a failed pin add: a node counted as a leaf (block missing)
 *   't' multihash           → touched while GC sweeps: the sweep keeps it (touches.ts)
 *   '/lru'                  → varint current use generation (budget.ts); absent: 'a'/'l' not built yet
 *   'a' multihash           → varint use generation of a stored block: when it was last put or read
 *   'l' u32 BE gen multihash → (empty) the same, ordered oldest first: what eviction reads
 *
 * A DAG node is (multihash, codec), not the CID: CIDv0 and CIDv1 dag-pb of the same bytes are one
 * node, while the same bytes read as raw have no links and so are a different node.
 */
import { readVarint, varintLength, writeVarint } from '@cairn/ipld'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import type { MultihashDigest } from 'multiformats/hashes/interface'
import { RepoCorruptError } from '@cairn/interface'

/** The varint at `offset` and its length in bytes; RangeError when it is cut short, as a corrupt record is */
function decodeVarintAt (bytes: Uint8Array, offset: number): [number, number] {
  const read = readVarint(bytes, offset)
  if (read == null) throw new RangeError(`Truncated varint at byte ${offset}`)
  return [read.value, read.next - offset]
}

export const VERSION_KEY = new TextEncoder().encode('/version')
export const STATS_KEY = new TextEncoder().encode('/stats')
/** The id the next new pack gets: ids only grow, so no record can ever name a reused pack */
export const NEXT_PACK_KEY = new TextEncoder().encode('/nextpack')

export const PREFIX_BLOCK = 0x62 // 'b'
export const PREFIX_COUNT = 0x63 // 'c'
export const PREFIX_DIRECT = 0x64 // 'd'
export const PREFIX_RECURSIVE = 0x72 // 'r'
export const PREFIX_PACK = 0x50 // 'P'
export const PREFIX_QUEUE = 0x71 // 'q'
export const PREFIX_HOLE = 0x68 // 'h'
export const PREFIX_TOUCH = 0x74 // 't'
export const PREFIX_AGE = 0x61 // 'a'
export const PREFIX_LRU = 0x6c // 'l'
/** The current use generation; its presence also says the 'a'/'l' keys cover every block */
export const LRU_KEY = new TextEncoder().encode('/lru')

const SHA2_256 = 0x12
const DAG_PB = 0x70

export function prefixed (prefix: number, body: Uint8Array): Uint8Array {
  const key = new Uint8Array(body.byteLength + 1)
  key[0] = prefix
  key.set(body, 1)
  return key
}

/** The key range holding every key that starts with `prefix` (and then `body`, if given) */
export function prefixRange (prefix: number, body?: Uint8Array): { gte: Uint8Array, lt: Uint8Array } {
  const gte = body == null ? Uint8Array.of(prefix) : prefixed(prefix, body)
  // Keys after the prefix start with a multihash, which is self-delimiting, so appending 0xff
  // bounds exactly the keys that extend `gte`
  const lt = new Uint8Array(gte.byteLength + 1)
  lt.set(gte)
  lt[gte.byteLength] = 0xff
  return body == null ? { gte, lt: Uint8Array.of(prefix + 1) } : { gte, lt }
}

export function blockKey (cid: CID): Uint8Array {
  return prefixed(PREFIX_BLOCK, cid.multihash.bytes)
}

/** multihash ‖ varint(codec): the identity of a DAG node for pins and reference counts */
export function nodeId (cid: CID): Uint8Array {
  const mh = cid.multihash.bytes
  const out = new Uint8Array(mh.byteLength + varintLength(cid.code))
  out.set(mh)
  writeVarint(out, mh.byteLength, cid.code)
  return out
}

/** Length of the multihash at the start of `bytes` */
export function multihashLength (bytes: Uint8Array, offset = 0): number {
  const [, codeLen] = decodeVarintAt(bytes, offset)
  const [size, sizeLen] = decodeVarintAt(bytes, offset + codeLen)
  return codeLen + sizeLen + size
}

/** The CIDv1 of a node id (`nodeId` reversed) */
export function cidFromNodeId (id: Uint8Array): CID {
  const mhLen = multihashLength(id)
  const [codec] = decodeVarintAt(id, mhLen)
  return CID.createV1(codec, decodeMultihash(id.subarray(0, mhLen)))
}

export function decodeMultihash (bytes: Uint8Array): MultihashDigest {
  return Digest.decode(bytes)
}

/** A stored block: where its bytes are and which CID version and codec it was first put with */
export type BlockRecord =
  | { kind: 'inline', version: 0 | 1, codec: number, bytes: Uint8Array }
  | { kind: 'pack', version: 0 | 1, codec: number, pack: number, offset: number, size: number, sum?: bigint, prefixSum?: bigint }

/** Where a body lives in a pack, with the checksums a read is checked against (none in old records) */
export interface PackLocation { pack: number, offset: number, size: number, sum?: bigint, prefixSum?: bigint }

/**
 * Bytes at the start of a pack body that get their own checksum, so that reading only them (a
 * large dag-pb body's links: 174 links take ~8 KiB) is checked too
 */
export const PACK_PREFIX_BYTES = 16 * 1024

const KIND_INLINE = 0
/** A pack record of layout version 1 stores before checksums: checked by hash on read */
const KIND_PACK = 1
/** A pack record with the body's xxHash64 (and its first PACK_PREFIX_BYTES' when longer) */
const KIND_PACK_SUMMED = 2

/** kind byte, varint version, varint codec, then the bytes (inline) or varint pack, offset, size */
export function encodeInline (cid: CID, bytes: Uint8Array): Uint8Array {
  const head = header(KIND_INLINE, cid, [])
  const out = new Uint8Array(head.length + bytes.byteLength)
  out.set(head)
  out.set(bytes, head.length)
  return out
}

export function encodePacked (cid: CID, location: PackLocation): Uint8Array {
  if (location.sum == null) return header(KIND_PACK, cid, [location.pack, location.offset, location.size])
  const head = header(KIND_PACK_SUMMED, cid, [location.pack, location.offset, location.size])
  const withPrefix = location.size > PACK_PREFIX_BYTES && location.prefixSum != null
  const out = new Uint8Array(head.byteLength + (withPrefix ? 16 : 8))
  out.set(head)
  const view = new DataView(out.buffer)
  view.setBigUint64(head.byteLength, location.sum)
  if (withPrefix) view.setBigUint64(head.byteLength + 8, location.prefixSum!)
  return out
}

function header (kind: number, cid: CID, extra: number[]): Uint8Array {
  const ints = [cid.version, cid.code, ...extra]
  let len = 1
  for (const n of ints) len += varintLength(n)
  const out = new Uint8Array(len)
  out[0] = kind
  let o = 1
  for (const n of ints) o = writeVarint(out, o, n)
  return out
}

export function decodeBlockRecord (value: Uint8Array): BlockRecord {
  try {
    const kind = value[0]
    let o = 1
    const next = (): number => {
      const [n, l] = decodeVarintAt(value, o)
      o += l
      return n
    }
    const version = next()
    const codec = next()
    if (version !== 0 && version !== 1) throw new Error(`bad CID version ${version}`)
    if (kind === KIND_INLINE) return { kind: 'inline', version, codec, bytes: value.subarray(o) }
    if (kind !== KIND_PACK && kind !== KIND_PACK_SUMMED) throw new Error(`bad record kind ${kind}`)
    const pack = next()
    const offset = next()
    const size = next()
    if (kind === KIND_PACK) return { kind: 'pack', version, codec, pack, offset, size }
    const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
    const withPrefix = size > PACK_PREFIX_BYTES
    if (value.byteLength !== o + (withPrefix ? 16 : 8)) throw new Error('bad checksum length')
    const sum = view.getBigUint64(o)
    const prefixSum = withPrefix ? view.getBigUint64(o + 8) : undefined
    return { kind: 'pack', version, codec, pack, offset, size, sum, prefixSum }
  } catch (err) {
    throw new RepoCorruptError(`Unreadable block record in the index: ${(err as Error).message}`, { cause: err })
  }
}

export function packKey (id: number): Uint8Array {
  const out = new Uint8Array(1 + varintLength(id))
  out[0] = PREFIX_PACK
  writeVarint(out, 1, id)
  return out
}

export function packIdOfKey (key: Uint8Array): number {
  return decodeVarintAt(key, 1)[0]
}

export function recordSize (record: BlockRecord): number {
  return record.kind === 'inline' ? record.bytes.byteLength : record.size
}

/** The CID a block was first stored under (v0 only where v0 can express it) */
export function recordCid (multihash: Uint8Array, record: BlockRecord): CID {
  const digest = decodeMultihash(multihash)
  if (record.version === 0 && record.codec === DAG_PB && digest.code === SHA2_256) return CID.createV0(digest as MultihashDigest<typeof SHA2_256>)
  return CID.createV1(record.codec, digest)
}

export function encodeStats (blocks: number, bytes: number): Uint8Array {
  const out = new Uint8Array(varintLength(blocks) + varintLength(bytes))
  writeVarint(out, 0, blocks)
  writeVarint(out, varintLength(blocks), bytes)
  return out
}

export function decodeStats (value: Uint8Array): { blocks: number, bytes: number } {
  const [blocks, bl] = decodeVarintAt(value, 0)
  const [bytes] = decodeVarintAt(value, bl)
  return { blocks, bytes }
}

/** Reference count of a DAG node: recursive pins on it, and pinned-live parents linking to it */
export interface RefCount { roots: number, parents: number }

export function encodeCount (count: RefCount): Uint8Array {
  return encodeStats(count.roots, count.parents)
}

export function decodeCount (value: Uint8Array): RefCount {
  const { blocks: roots, bytes: parents } = decodeStats(value)
  return { roots, parents }
}

/** Binary key → string, for Maps and Sets (latin1 keeps one char per byte) */
export function keyString (bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/** A pin as stored: the CID as pinned and its name (Kubo's `pin add --name`), if any */
export interface PinRecord {
  cid: CID
  name?: string
}

/**
 * Pin record (layout version 2): the CID bytes as pinned, then the pin's name in UTF-8 (nothing
 * for an unnamed pin). A CID is self-delimiting, so a version 1 record (the CID bytes alone) reads
 * as an unnamed version 2 record: the migration from 1 to 2 rewrites nothing.
 */
export function encodePinRecord (cid: CID, name?: string): Uint8Array {
  if (name == null || name === '') return cid.bytes
  const nameBytes = new TextEncoder().encode(name)
  const out = new Uint8Array(cid.bytes.byteLength + nameBytes.byteLength)
  out.set(cid.bytes)
  out.set(nameBytes, cid.bytes.byteLength)
  return out
}

export function decodePinRecord (value: Uint8Array): PinRecord {
  try {
    const [cid, rest] = CID.decodeFirst(value)
    return rest.byteLength === 0 ? { cid } : { cid, name: new TextDecoder('utf-8', { fatal: true }).decode(rest) }
  } catch (err) {
    throw new RepoCorruptError('Pin record does not start with a CID or has a name that is not UTF-8', { cause: err })
  }
}
