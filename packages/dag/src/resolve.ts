import { MalformedBlockError, NotADirectoryError, NotFoundError } from '@cairn/interface'
import type { AbortOptions, BlockGetter } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { MAX_DAG_DEPTH } from './constants.ts'
import { hamtHash, hamtSlot, slotLabel } from './hamt.ts'
import { loadNode, type DagNode } from './node.ts'
import { parsePath } from './path.ts'

export interface ResolveResult {
  /** The CID the path ends at */
  cid: CID
  /** The CID the path starts from */
  root: CID
  /** The path's segments below the root */
  segments: string[]
  /** Every block read on the way (directories and HAMT shards), in order, the terminal excluded */
  pathBlocks: CID[]
}

/** Resolve `/ipfs/<cid>/a/b`, `<cid>/a/b` or a CID through plain and HAMT-sharded directories */
export async function resolvePath (path: string | CID, getter: BlockGetter, options: AbortOptions = {}): Promise<ResolveResult> {
  const { root, segments } = parsePath(path)
  if (segments.length > MAX_DAG_DEPTH) throw new NotFoundError(`Path is deeper than ${MAX_DAG_DEPTH} segments`)
  let cid = root
  const pathBlocks: CID[] = []
  for (let i = 0; i < segments.length; i++) {
    const node = await loadNode(cid, getter, options)
    pathBlocks.push(cid)
    const where = [root.toString(), ...segments.slice(0, i)].join('/')
    if (node.type !== 'directory' || node.pb == null || node.unixfs == null) {
      throw new NotADirectoryError(`${where} is not a directory, cannot resolve "${segments[i]}"`)
    }
    const next = node.unixfs.type === 'hamt-sharded-directory'
      ? await findInShard(node, segments[i], getter, pathBlocks, options)
      : node.pb.Links.find(l => l.Name === segments[i])?.Hash
    if (next == null) throw new NotFoundError(`No link named "${segments[i]}" under ${where}`)
    cid = next
  }
  return { cid, root, segments, pathBlocks }
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
