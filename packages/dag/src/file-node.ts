/**
 * A zero-allocation view of the dag-pb file nodes that make up nearly every block a read touches.
 * Only link hashes a range needs become CIDs. Anything unusual (metadata, packed fields, odd field
 * order) returns undefined and the caller falls back to the full, validating decoders.
 */
export interface FileNodeView {
  /** UnixFS type: 0 raw or 2 file */
  type: number
  data?: Uint8Array
  blockSizes: number[]
  /** Each link's Hash bytes, in order */
  linkHashes: Uint8Array[]
}

import { decodeVarint, varintEnd } from '@cairn/ipld'

interface Cursor { pos: number }

/** The varint at the cursor, which moves past it; undefined when it does not end before `end` */
function readVarint (bytes: Uint8Array, c: Cursor, end: number): number | undefined {
  const next = varintEnd(bytes, c.pos, end)
  if (next < 0) return undefined
  const value = decodeVarint(bytes, c.pos)
  c.pos = next
  return value
}

export function viewFileNode (bytes: Uint8Array): FileNodeView | undefined {
  const c: Cursor = { pos: 0 }
  const end = bytes.byteLength
  const linkHashes: Uint8Array[] = []
  let unixfs: Uint8Array | undefined
  while (c.pos < end) {
    const tag = bytes[c.pos++]
    const len = readVarint(bytes, c, end)
    if (len == null || c.pos + len > end) return undefined
    const fieldEnd = c.pos + len
    if (tag === 0x12 && unixfs == null) {
      // PBLink: Hash (1), optional Name (2), optional Tsize (3), in that order
      if (bytes[c.pos++] !== 0x0a) return undefined
      const hashLen = readVarint(bytes, c, fieldEnd)
      if (hashLen == null || c.pos + hashLen > fieldEnd) return undefined
      linkHashes.push(bytes.subarray(c.pos, c.pos + hashLen))
      c.pos += hashLen
      if (c.pos < fieldEnd && bytes[c.pos] === 0x12) {
        c.pos++
        const nameLen = readVarint(bytes, c, fieldEnd)
        if (nameLen == null || c.pos + nameLen > fieldEnd) return undefined
        c.pos += nameLen
      }
      if (c.pos < fieldEnd && bytes[c.pos] === 0x18) {
        c.pos++
        if (readVarint(bytes, c, fieldEnd) == null) return undefined
      }
      if (c.pos !== fieldEnd) return undefined
    } else if (tag === 0x0a && unixfs == null) {
      unixfs = bytes.subarray(c.pos, fieldEnd)
      c.pos = fieldEnd
    } else {
      return undefined
    }
  }
  if (unixfs == null) return undefined
  const u: Cursor = { pos: 0 }
  const uend = unixfs.byteLength
  let type: number | undefined
  let data: Uint8Array | undefined
  const blockSizes: number[] = []
  while (u.pos < uend) {
    const tag = unixfs[u.pos++]
    if (tag === 0x08 || tag === 0x18 || tag === 0x20) {
      const v = readVarint(unixfs, u, uend)
      if (v == null) return undefined
      if (tag === 0x08) type = v
      else if (tag === 0x20) blockSizes.push(v)
    } else if (tag === 0x12) {
      const len = readVarint(unixfs, u, uend)
      if (len == null || u.pos + len > uend) return undefined
      data = unixfs.subarray(u.pos, u.pos + len)
      u.pos += len
    } else {
      return undefined
    }
  }
  if (type !== 0 && type !== 2) return undefined
  return { type, data, blockSizes, linkHashes }
}
