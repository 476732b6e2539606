import { contentSize, cumulativeSize, type DagNode } from '@cairn/dag'
import { InvalidParametersError, NotFoundError, hasCode } from '@cairn/interface'
import type { AbortOptions, BlockGetter, FilesStat } from '@cairn/interface'
import { blockLinks, readVarint as decodeAt } from '@cairn/ipld'
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
  if (mode != null && hasStoredMode(node)) out.mode = mode
  else if (node.type === 'symlink') out.mode = 0o120777
  const mtime = node.unixfs.mtime
  if (mtime != null) out.mtime = { secs: Number(mtime.secs), ...(mtime.nsecs != null && mtime.nsecs > 0 ? { nsecs: mtime.nsecs } : {}) }
  return out
}

/** Whether the UnixFS data holds a mode field (field 7): ipfs-unixfs fills in a default otherwise */
function hasStoredMode (node: DagNode): boolean {
  const data = node.pb?.Data
  if (data == null) return false
  let pos = 0
  while (pos < data.byteLength) {
    const key = readVarint(data, pos)
    pos = key.next
    const field = key.value >> 3
    const wire = key.value & 7
    if (field === 7) return true
    if (wire === 0) pos = readVarint(data, pos).next
    else if (wire === 2) { const len = readVarint(data, pos); pos = len.next + len.value } else if (wire === 1) pos += 8
    else if (wire === 5) pos += 4
    else return false
  }
  return false
}

function readVarint (bytes: Uint8Array, pos: number): { value: number, next: number } {
  return decodeAt(bytes, pos) ?? { value: 0, next: bytes.byteLength }
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
