import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import { MalformedBlockError, NotADirectoryError, NotALinkError, NotFoundError } from '@cairn/interface'
import type { AbortOptions, BlockGetter } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { MAX_DAG_DEPTH } from './constants.ts'
import { hamtHash, hamtSlot, slotLabel } from './hamt.ts'
import { loadBlock, loadNode, type DagNode } from './node.ts'
import { parsePath, type ParsedPath } from './path.ts'

export interface ResolveResult {
  /** The CID the path ends at */
  cid: CID
  /** The CID the path starts from */
  root: CID
  /** The path's segments below the root */
  segments: string[]
  /**
   * The root, then one CID per segment: where each segment led (a segment that names a field
   * inside a DAG-CBOR/DAG-JSON document and is not its last step gives the document), as the
   * gateway's `X-Ipfs-Roots`
   */
  roots: CID[]
  /** Every block read on the way (directories, HAMT shards, DAG-CBOR/JSON documents), in order, the terminal excluded */
  pathBlocks: CID[]
}

/** IPLD documents a path walks into field by field */
const DOCUMENT_DECODERS: Record<number, (bytes: Uint8Array) => unknown> = {
  [dagCbor.code]: dagCbor.decode,
  [dagJson.code]: dagJson.decode
}

/**
 * Resolve `/ipfs/<cid>/a/b`, `<cid>/a/b`, a CID, or a root and its segments, across codecs:
 * plain and HAMT-sharded UnixFS directories by name, and DAG-CBOR / DAG-JSON documents field by
 * field, following the IPLD links they hold (the path gateway spec's `/ipfs/{dag-cbor cid}/a/b`)
 */
export async function resolvePath (path: string | CID | ParsedPath, getter: BlockGetter, options: AbortOptions = {}): Promise<ResolveResult> {
  const { root, segments } = isParsed(path) ? path : parsePath(path)
  if (segments.length > MAX_DAG_DEPTH) throw new NotFoundError(`Path is deeper than ${MAX_DAG_DEPTH} segments`)
  let cid = root
  const roots: CID[] = [root]
  const pathBlocks: CID[] = []
  let i = 0
  while (i < segments.length) {
    const decode = DOCUMENT_DECODERS[cid.code]
    if (decode == null) {
      cid = await resolveUnixfsStep(cid, root, segments, i, getter, pathBlocks, options)
      roots.push(cid)
      i++
      continue
    }
    const document = cid
    pathBlocks.push(document)
    let value = decodeDocument(decode, document, await loadBlock(document, getter, options))
    let consumed = 0
    while (i < segments.length && CID.asCID(value) == null) {
      const segment = segments[i]
      if (value == null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
        throw new NotFoundError(`no field "${segment}" in ${document.toString()}`)
      }
      value = (value as Record<string, unknown>)[segment]
      i++
      consumed++
    }
    const link = CID.asCID(value)
    if (link == null) throw new NotALinkError(`reading IPLD Kinds other than Links (CBOR Tag 42) is not implemented: the path ends inside ${document.toString()}`)
    for (let k = 1; k < consumed; k++) roots.push(document)
    roots.push(link)
    cid = link
  }
  return { cid, root, segments, roots, pathBlocks }
}

function isParsed (path: string | CID | ParsedPath): path is ParsedPath {
  return typeof path === 'object' && CID.asCID(path) == null && Array.isArray((path as ParsedPath).segments)
}

function decodeDocument (decode: (bytes: Uint8Array) => unknown, cid: CID, bytes: Uint8Array): unknown {
  try {
    return decode(bytes)
  } catch (err) {
    throw new MalformedBlockError(`Block ${cid.toString()} does not decode as codec 0x${cid.code.toString(16)}`, { cause: err })
  }
}

/** One segment through a UnixFS directory: its link by name, or the HAMT shard's */
export async function resolveUnixfsStep (cid: CID, root: CID, segments: string[], i: number, getter: BlockGetter, pathBlocks: CID[], options: AbortOptions): Promise<CID> {
  const node = await loadNode(cid, getter, options)
  pathBlocks.push(cid)
  const where = [root.toString(), ...segments.slice(0, i)].join('/')
  if (node.type !== 'directory' || node.pb == null || node.unixfs == null) {
    throw new NotADirectoryError(`${where} is not a directory, cannot resolve "${segments[i]}"`)
  }
  const next = node.unixfs.type === 'hamt-sharded-directory'
    ? await findInShard(node, segments[i], getter, pathBlocks, options)
    : node.pb.Links.find(l => l.Name === segments[i])?.Hash
  if (next == null) throw new NotFoundError(`no link named "${segments[i]}" under ${where}`)
  return next
}

/** Follow the name's hash down the shard: one block per level, never a scan of the directory */
export async function findInShard (shard: DagNode, name: string, getter: BlockGetter, visited: CID[], options: AbortOptions): Promise<CID | undefined> {
  const hash = hamtHash(name)
  let node = shard
  for (let level = 0; ; level++) {
    const fanout = Number(node.unixfs?.fanout ?? 0n)
    if (node.pb == null || node.unixfs?.type !== 'hamt-sharded-directory' || fanout < 2) {
      throw new MalformedBlockError(`Block ${node.cid.toString()} is not a HAMT shard`)
    }
    const label = slotLabel(hamtSlot(hash, level, fanout), fanout)
    const link = node.pb.Links.find(l => l.Name?.startsWith(label) === true)
    if (link == null) return undefined
    if (link.Name === label) {
      node = await loadNode(link.Hash, getter, options)
      visited.push(link.Hash)
      continue
    }
    return link.Name === label + name ? link.Hash : undefined
  }
}
