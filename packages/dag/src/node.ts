import { throwIfAborted } from './errors.ts'
import { MalformedBlockError, UnsupportedCodecError } from '@cairn/interface'
import type { AbortOptions, BlockGetter, EntryType } from '@cairn/interface'
import type { PBNode } from '@ipld/dag-pb'
import type { UnixFS } from 'ipfs-unixfs'
import type { CID } from 'multiformats/cid'
import { CODEC_DAG_CBOR, CODEC_DAG_JSON, CODEC_DAG_PB, CODEC_JSON, CODEC_RAW, HASH_IDENTITY } from './constants.ts'
import { decodePb } from './pb.ts'

/** A block read and interpreted as UnixFS where it is one */
export interface DagNode {
  cid: CID
  bytes: Uint8Array
  /** dag-pb only */
  pb?: PBNode
  unixfs?: UnixFS
  type: EntryType
}

/** Identity CIDs carry their block; everything else comes from the getter */
export async function loadBlock (cid: CID, getter: BlockGetter, options?: AbortOptions): Promise<Uint8Array> {
  if (cid.multihash.code === HASH_IDENTITY) return cid.multihash.digest
  throwIfAborted(options?.signal)
  return await getter.getBlock(cid, options)
}

export function interpret (cid: CID, bytes: Uint8Array): DagNode {
  switch (cid.code) {
    case CODEC_RAW:
      return { cid, bytes, type: 'file' }
    case CODEC_DAG_PB: {
      const { node, unixfs } = decodePb(bytes, cid)
      if (unixfs == null) return { cid, bytes, pb: node, type: 'object' }
      return { cid, bytes, pb: node, unixfs, type: unixfsType(unixfs, cid) }
    }
    case CODEC_DAG_CBOR:
    case CODEC_DAG_JSON:
    case CODEC_JSON:
      return { cid, bytes, type: 'object' }
    default:
      throw new UnsupportedCodecError(`Cannot decode ${cid.toString()}: codec 0x${cid.code.toString(16)} is not supported`)
  }
}

function unixfsType (unixfs: UnixFS, cid: CID): EntryType {
  switch (unixfs.type) {
    case 'file': return 'file'
    case 'raw': return 'raw'
    case 'directory':
    case 'hamt-sharded-directory': return 'directory'
    case 'symlink': return 'symlink'
    case 'metadata': return 'object'
    default: throw new MalformedBlockError(`Block ${cid.toString()} has unknown UnixFS type ${String(unixfs.type)}`)
  }
}

export async function loadNode (cid: CID, getter: BlockGetter, options?: AbortOptions): Promise<DagNode> {
  return interpret(cid, await loadBlock(cid, getter, options))
}

/** Bytes of file content under a node: raw block length or UnixFS file size */
export function contentSize (node: DagNode): number {
  if (node.unixfs == null) return node.bytes.byteLength
  if (node.type === 'symlink') return node.unixfs.data?.byteLength ?? 0
  if (node.type === 'directory') return 0
  return Number(node.unixfs.fileSize())
}

/** Kubo's CumulativeSize: the block plus every link's Tsize */
export function cumulativeSize (node: DagNode): number {
  let size = node.bytes.byteLength
  for (const l of node.pb?.Links ?? []) size += l.Tsize ?? 0
  return size
}
