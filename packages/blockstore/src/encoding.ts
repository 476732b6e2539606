/**
 * Index key and value layout (all keys are bytes; one-letter prefixes keep the key spaces apart):
 *
 *   '/version'              → decimal store version
 *   '/stats'                → varint blocks, varint bytes (updated in the same batch as the index)
 *   'b' multihash           → block record (see `encodeBlockRecord`)
 *   'c' multihash codec     → pin reference count of one DAG node: varint roots, varint parents
 *   'r' multihash codec     → recursive pin: the CID bytes as pinned
 *   'd' multihash codec     → direct pin: the CID bytes as pinned
 *
 * A DAG node is (multihash, codec), not the CID: CIDv0 and CIDv1 dag-pb of the same bytes are one
 * node, while the same bytes read as raw have no links and so are a different node.
 */
import { varint } from 'multiformats'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import type { MultihashDigest } from 'multiformats/hashes/interface'
import { RepoCorruptError } from '@cairn/interface'

export const VERSION_KEY = new TextEncoder().encode('/version')
export const STATS_KEY = new TextEncoder().encode('/stats')

export const PREFIX_BLOCK = 0x62 // 'b'
export const PREFIX_COUNT = 0x63 // 'c'
export const PREFIX_DIRECT = 0x64 // 'd'
export const PREFIX_RECURSIVE = 0x72 // 'r'

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
  const out = new Uint8Array(mh.byteLength + varint.encodingLength(cid.code))
  out.set(mh)
  varint.encodeTo(cid.code, out, mh.byteLength)
  return out
}

/** Length of the multihash at the start of `bytes` */
export function multihashLength (bytes: Uint8Array, offset = 0): number {
  const [, codeLen] = varint.decode(bytes, offset)
  const [size, sizeLen] = varint.decode(bytes, offset + codeLen)
  return codeLen + sizeLen + size
}

/** The CIDv1 of a node id (`nodeId` reversed) */
export function cidFromNodeId (id: Uint8Array): CID {
  const mhLen = multihashLength(id)
  const [codec] = varint.decode(id, mhLen)
  return CID.createV1(codec, decodeMultihash(id.subarray(0, mhLen)))
}

export function decodeMultihash (bytes: Uint8Array): MultihashDigest {
  return Digest.decode(bytes)
}

/** A stored block: where its bytes are and which CID version and codec it was first put with */
export type BlockRecord =
  | { kind: 'inline', version: 0 | 1, codec: number, bytes: Uint8Array }
  | { kind: 'file', version: 0 | 1, codec: number, size: number, file: string }

const KIND_INLINE = 0
const KIND_FILE = 1

/** kind byte, varint version, varint codec, then the bytes (inline) or varint size ‖ file name */
export function encodeInline (cid: CID, bytes: Uint8Array): Uint8Array {
  const head = header(KIND_INLINE, cid, 0)
  const out = new Uint8Array(head.length + bytes.byteLength)
  out.set(head)
  out.set(bytes, head.length)
  return out
}

export function encodeFile (cid: CID, size: number, file: string): Uint8Array {
  const name = new TextEncoder().encode(file)
  const head = header(KIND_FILE, cid, size)
  const out = new Uint8Array(head.length + name.byteLength)
  out.set(head)
  out.set(name, head.length)
  return out
}

function header (kind: number, cid: CID, size: number): Uint8Array {
  const len = 1 + varint.encodingLength(cid.version) + varint.encodingLength(cid.code) +
    (kind === KIND_FILE ? varint.encodingLength(size) : 0)
  const out = new Uint8Array(len)
  out[0] = kind
  let o = 1
  varint.encodeTo(cid.version, out, o); o += varint.encodingLength(cid.version)
  varint.encodeTo(cid.code, out, o); o += varint.encodingLength(cid.code)
  if (kind === KIND_FILE) varint.encodeTo(size, out, o)
  return out
}

export function decodeBlockRecord (value: Uint8Array): BlockRecord {
  try {
    const kind = value[0]
    let o = 1
    const [version, vl] = varint.decode(value, o); o += vl
    const [codec, cl] = varint.decode(value, o); o += cl
    if (version !== 0 && version !== 1) throw new Error(`bad CID version ${version}`)
    if (kind === KIND_INLINE) return { kind: 'inline', version, codec, bytes: value.subarray(o) }
    if (kind !== KIND_FILE) throw new Error(`bad record kind ${kind}`)
    const [size, sl] = varint.decode(value, o); o += sl
    return { kind: 'file', version, codec, size, file: new TextDecoder().decode(value.subarray(o)) }
  } catch (err) {
    throw new RepoCorruptError(`Unreadable block record in the index: ${(err as Error).message}`, { cause: err })
  }
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
  const out = new Uint8Array(varint.encodingLength(blocks) + varint.encodingLength(bytes))
  varint.encodeTo(blocks, out, 0)
  varint.encodeTo(bytes, out, varint.encodingLength(blocks))
  return out
}

export function decodeStats (value: Uint8Array): { blocks: number, bytes: number } {
  const [blocks, bl] = varint.decode(value, 0)
  const [bytes] = varint.decode(value, bl)
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
