/**
 * Hand-rolled dag-pb / UnixFS encoding for the blocks an import writes by the thousand (leaves and
 * file parents): one allocation and one copy per block. Everything else goes through `@ipld/dag-pb`
 * and `ipfs-unixfs`; the golden-CID tests hold both paths to the same bytes.
 */
import * as dagPb from '@ipld/dag-pb'
import { UnixFS } from 'ipfs-unixfs'
import { MalformedBlockError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { utf8 } from './utf8.ts'
import { varintLength, writeVarint } from '@cairn/ipld'

export const UNIXFS_RAW = 0
export const UNIXFS_DIRECTORY = 1
export const UNIXFS_FILE = 2
export const UNIXFS_METADATA = 3
export const UNIXFS_SYMLINK = 4
export const UNIXFS_HAMT = 5

/** Where a leaf's content sits inside its dag-pb block, and how big the block is */
export function leafLayout (dataLength: number): { blockLength: number, dataOffset: number } {
  const dataField = dataLength > 0 ? 1 + varintLength(dataLength) + dataLength : 0
  const unixfsLen = 2 + dataField + 1 + varintLength(dataLength)
  const blockLength = 1 + varintLength(unixfsLen) + unixfsLen
  const dataOffset = dataLength > 0 ? 1 + varintLength(unixfsLen) + 2 + 1 + varintLength(dataLength) : blockLength
  return { blockLength, dataOffset }
}

/**
 * Write the dag-pb/UnixFS framing of a leaf around content already at `dataOffset` in `block`
 * (see `leafLayout`), so a file can be read straight into its block with no copy.
 */
export function frameLeaf (block: Uint8Array, dataLength: number, type: number): Uint8Array {
  const dataField = dataLength > 0 ? 1 + varintLength(dataLength) + dataLength : 0
  const unixfsLen = 2 + dataField + 1 + varintLength(dataLength)
  let pos = 0
  block[pos++] = 0x0a
  pos = writeVarint(block, pos, unixfsLen)
  block[pos++] = 0x08
  block[pos++] = type
  if (dataLength > 0) {
    block[pos++] = 0x12
    pos = writeVarint(block, pos, dataLength)
    pos += dataLength
  }
  block[pos++] = 0x18
  writeVarint(block, pos, dataLength)
  return block
}

/** dag-pb node whose only field is UnixFS data of `type` carrying `data` (a balanced or trickle leaf) */
export function encodeLeaf (data: Uint8Array, type: number): Uint8Array {
  const { blockLength, dataOffset } = leafLayout(data.byteLength)
  // allocUnsafe: every byte is written below, zero-filling 256 KiB per block would be wasted work
  const out = Buffer.allocUnsafe(blockLength)
  if (data.byteLength > 0) out.set(data, dataOffset)
  return frameLeaf(out, data.byteLength, type)
}

/** UnixFS data of a file node without content of its own: type, filesize and one blocksize per link */
export function encodeFileParentData (blockSizes: number[]): Uint8Array {
  let fileSize = 0
  let len = 2
  for (const s of blockSizes) { fileSize += s; len += 1 + varintLength(s) }
  len += 1 + varintLength(fileSize)
  const out = new Uint8Array(len)
  out[0] = 0x08
  out[1] = UNIXFS_FILE
  let pos = 2
  out[pos++] = 0x18
  pos = writeVarint(out, pos, fileSize)
  for (const s of blockSizes) {
    out[pos++] = 0x20
    pos = writeVarint(out, pos, s)
  }
  return out
}

export interface EncodedLink {
  cid: CID
  /** Link name; file parents use '' (Kubo writes the empty name) */
  name: string
  tsize: number
  /** `name` as UTF-8, when the caller has it already */
  nameBytes?: Uint8Array
}

/** Bytes `link` takes in an encoded dag-pb node (framing included) */
export function linkLength (nameLength: number, cidLength: number, tsize: number): number {
  const inner = 1 + varintLength(cidLength) + cidLength + 1 + varintLength(nameLength) + nameLength + 1 + varintLength(tsize)
  return 1 + varintLength(inner) + inner
}

/** A dag-pb node, links first as the canonical form requires; links must already be in order */
export function encodeNode (data: Uint8Array | undefined, links: EncodedLink[]): Uint8Array {
  const names: Uint8Array[] = new Array(links.length)
  const linkLens: number[] = new Array(links.length)
  let total = 0
  for (let i = 0; i < links.length; i++) {
    const l = links[i]
    const name = l.nameBytes ?? (l.name === '' ? EMPTY : utf8(l.name))
    names[i] = name
    const cidLen = l.cid.bytes.byteLength
    const linkLen = 1 + varintLength(cidLen) + cidLen + 1 + varintLength(name.byteLength) + name.byteLength + 1 + varintLength(l.tsize)
    linkLens[i] = linkLen
    total += 1 + varintLength(linkLen) + linkLen
  }
  if (data != null) total += 1 + varintLength(data.byteLength) + data.byteLength
  const out = new Uint8Array(total)
  let pos = 0
  for (let i = 0; i < links.length; i++) {
    const l = links[i]
    const cidBytes = l.cid.bytes
    out[pos++] = 0x12
    pos = writeVarint(out, pos, linkLens[i])
    out[pos++] = 0x0a
    pos = writeVarint(out, pos, cidBytes.byteLength)
    out.set(cidBytes, pos)
    pos += cidBytes.byteLength
    out[pos++] = 0x12
    pos = writeVarint(out, pos, names[i].byteLength)
    out.set(names[i], pos)
    pos += names[i].byteLength
    out[pos++] = 0x18
    pos = writeVarint(out, pos, l.tsize)
  }
  if (data != null) {
    out[pos++] = 0x0a
    pos = writeVarint(out, pos, data.byteLength)
    out.set(data, pos)
  }
  return out
}

const EMPTY = new Uint8Array(0)

export interface DecodedNode {
  node: dagPb.PBNode
  unixfs?: UnixFS
}

/** Decode a dag-pb block and its UnixFS data; anything malformed is a typed error */
export function decodePb (bytes: Uint8Array, cid?: CID): DecodedNode {
  let node: dagPb.PBNode
  try {
    node = dagPb.decode(bytes)
  } catch (err) {
    throw new MalformedBlockError(`Block ${cid?.toString() ?? ''} is not valid dag-pb`, { cause: err })
  }
  if (node.Data == null) return { node }
  try {
    return { node, unixfs: UnixFS.unmarshal(node.Data) }
  } catch (err) {
    throw new MalformedBlockError(`Block ${cid?.toString() ?? ''} holds malformed UnixFS data`, { cause: err })
  }
}

/** Decode a dag-pb block that must carry UnixFS data */
export function decodeUnixfs (bytes: Uint8Array, cid?: CID): { node: dagPb.PBNode, unixfs: UnixFS } {
  const d = decodePb(bytes, cid)
  if (d.unixfs == null) throw new MalformedBlockError(`Block ${cid?.toString() ?? ''} is dag-pb without UnixFS data`)
  return { node: d.node, unixfs: d.unixfs }
}
