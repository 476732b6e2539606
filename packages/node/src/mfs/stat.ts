import { contentSize, cumulativeSize, hasStoredMode, type DagNode } from '@cairn/dag'
import { InvalidParametersError, NotFoundError, hasCode } from '@cairn/interface'
import type { AbortOptions, BlockGetter, FilesStat } from '@cairn/interface'
import { blockLinks } from '@cairn/ipld'
import type { CID } from 'multiformats/cid'

/** Kubo's `statNode`: ChildBlocks is the root's link count, dag-pb or raw only */
export function statNode (node: DagNode): FilesStat {
  if (node.cid.code === 0x55) {
    const size = node.bytes.byteLength
    return { cid: node.cid, size, cumulativeSize: size, blocks: 0, type: 'file' }
  }
  if (node.unixfs == null) throw new InvalidParametersError('not unixfs node (proto or raw)')
  const out: FilesStat = {
    cid: node.cid,
    size: node.type === 'directory' ? 0 : contentSize(node),
    cumulativeSize: cumulativeSize(node),
    blocks: node.pb?.Links.length ?? 0,
    type: node.type === 'directory' ? 'directory' : 'file'
  }
  const mode = node.unixfs.mode
  // ipfs-unixfs reports a default mode for nodes that carry none: Kubo shows only a stored one
  if (mode != null && hasStoredMode(node.pb?.Data)) out.mode = mode
  else if (node.type === 'symlink') out.mode = 0o120777
  const mtime = node.unixfs.mtime
  if (mtime != null) out.mtime = { secs: Number(mtime.secs), ...(mtime.nsecs != null && mtime.nsecs > 0 ? { nsecs: mtime.nsecs } : {}) }
  return out
}

/** Kubo's `walkBlock` for `--with-local`: local block bytes under `cid`, and whether all are local */
export async function localSize (cid: CID, local: BlockGetter, options: AbortOptions = {}): Promise<{ local: boolean, sizeLocal: number }> {
  let all = true
  let size = 0
  const stack: CID[] = [cid]
  while (stack.length > 0) {
    options.signal?.throwIfAborted()
    const next = stack.pop()!
    let bytes: Uint8Array
    try {
      bytes = await local.getBlock(next, options)
    } catch (err) {
      if (hasCode(err, NotFoundError.code)) { all = false; continue }
      throw err
    }
    size += bytes.byteLength
    stack.push(...blockLinks(next, bytes))
  }
  return { local: all, sizeLocal: size }
}
