import type { CID } from 'multiformats/cid'
import type { AbortOptions, CairnApi, CarExportOptions, CatOptions, EntryType, GetEntry, LsEntry } from '@cairn/interface'

/** What a path resolves to: the terminal CID and every CID met on the way (`X-Ipfs-Roots`) */
export interface ResolvedPath {
  cid: CID
  /** The root CID, then one CID per path segment; the last one is `cid` */
  roots: CID[]
  type: EntryType
  /** File size in bytes (files, raw blocks); 0 for directories */
  size: number
}

/**
 * All the gateway needs from a node (STYLE #7, boxo's `IPFSBackend`). Handlers only see this,
 * so any content source can sit behind the gateway and tests can pass a small one.
 * Implementations throw `@cairn/interface` errors (`NotFoundError`, `TimeoutError`...);
 * `toHttpStatus` turns them into statuses.
 */
export interface GatewayBackend {
  /** Resolve `segments` (already URL-decoded) below `root` */
  resolvePath(root: CID, segments: string[], options?: AbortOptions): Promise<ResolvedPath>
  /** File bytes of a resolved file or raw block, reading only the blocks that cover the range */
  cat(cid: CID, options?: CatOptions): AsyncIterable<Uint8Array>
  /** Entries of a resolved directory (plain or HAMT-sharded) */
  ls(cid: CID, options?: AbortOptions): AsyncIterable<LsEntry>
  /** Every entry below a resolved CID, directories before their children (for tar) */
  get(cid: CID, options?: AbortOptions): AsyncIterable<GetEntry>
  /** Exact bytes of one block */
  getBlock(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /**
   * A CARv1 whose header root is `root`, holding the blocks needed to walk `segments` and then
   * the terminal entity as `options` scope it, streamed as the blocks are read
   */
  getCar(root: CID, segments: string[], options?: CarExportOptions): AsyncIterable<Uint8Array>
  /** Whether a block is stored locally, without asking the network (`Cache-Control: only-if-cached`) */
  isLocal?(cid: CID, options?: AbortOptions): Promise<boolean>
}

/** The slice of `CairnApi` the gateway backend calls */
export type GatewayApi = Pick<CairnApi, 'stat' | 'cat' | 'ls' | 'get' | 'block' | 'dag'>

function ipfsPath (root: CID, segments: string[]): string {
  return ['/ipfs', root.toString(), ...segments].join('/')
}

/** Reads a varint from the start of `bytes`; returns [value, bytes used] or undefined if incomplete */
function readVarint (bytes: Uint8Array, offset: number): [number, number] | undefined {
  let value = 0
  let shift = 0
  for (let i = offset; i < bytes.length && i < offset + 9; i++) {
    value += (bytes[i] & 0x7f) * 2 ** shift
    if ((bytes[i] & 0x80) === 0) return [value, i + 1 - offset]
    shift += 7
  }
  return undefined
}

/** The CAR stream without its header, so blocks of two exports can follow one header */
async function * carBlocksOnly (car: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let pending: Uint8Array | undefined = new Uint8Array(0)
  for await (const chunk of car) {
    if (pending == null) {
      yield chunk
      continue
    }
    const joined: Uint8Array = new Uint8Array(pending.length + chunk.length)
    joined.set(pending)
    joined.set(chunk, pending.length)
    const varint = readVarint(joined, 0)
    if (varint == null || joined.length < varint[0] + varint[1]) {
      pending = joined
      continue
    }
    const rest = joined.subarray(varint[0] + varint[1])
    pending = undefined
    if (rest.length > 0) yield rest
  }
}

function encodeVarint (n: number): Uint8Array {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80)
    n = Math.floor(n / 0x80)
  }
  out.push(n)
  return Uint8Array.from(out)
}

/** One CAR section: varint(len(cid) + len(bytes)) cid bytes */
export function carSection (cid: CID, bytes: Uint8Array): Uint8Array {
  const length = encodeVarint(cid.bytes.length + bytes.length)
  const out = new Uint8Array(length.length + cid.bytes.length + bytes.length)
  out.set(length)
  out.set(cid.bytes, length.length)
  out.set(bytes, length.length + cid.bytes.length)
  return out
}

/**
 * A GatewayBackend over any `CairnApi` (the in-process node or an RPC client): path
 * resolution by `stat`, bytes by `cat`, listings by `ls`, CARs by `dag.export`.
 */
export interface ApiBackendInit {
  /**
   * Every block read to walk `segments` below `root` (directories and HAMT shards, the terminal
   * excluded), so path CARs carry what a client needs to verify the walk. Without it the CAR
   * carries one block per path segment, which misses the inner shards of HAMT directories.
   */
  pathBlocks?(root: CID, segments: string[], options?: AbortOptions): Promise<CID[]>
  /**
   * Path resolution without `stat`, whose cumulative sizes walk the whole DAG: a gateway only
   * needs the terminal's type and size, not a traversal of a 1 GiB file before its first byte
   */
  resolvePath?(root: CID, segments: string[], options?: AbortOptions): Promise<ResolvedPath>
  isLocal?(cid: CID, options?: AbortOptions): Promise<boolean>
}

export function createApiBackend (api: GatewayApi, init: ApiBackendInit = {}): GatewayBackend {
  async function resolveByStat (root: CID, segments: string[], options: AbortOptions = {}): Promise<ResolvedPath> {
    const roots: CID[] = []
    // every prefix is resolved to report the CIDs on the way; the last stat is the answer
    let last: ResolvedPath | undefined
    for (let i = 0; i <= segments.length; i++) {
      const stat = await api.stat(ipfsPath(root, segments.slice(0, i)), options)
      roots.push(stat.cid)
      last = { cid: stat.cid, roots, type: stat.type, size: stat.size }
    }
    return last!
  }
  const resolvePath = init.resolvePath ?? resolveByStat

  return {
    resolvePath,
    ...(init.isLocal != null ? { isLocal: init.isLocal } : {}),
    cat: (cid, options) => api.cat(cid, options),
    ls: (cid, options) => api.ls(cid, options),
    get: (cid, options) => api.get(cid, options),
    getBlock: async (cid, options) => api.block.get(cid, options),
    async * getCar (root, segments, options = {}) {
      if (segments.length === 0) {
        yield * api.dag.export(root, options)
        return
      }
      // the path's blocks first, so a client can verify the walk, then the terminal entity
      const resolved = await resolvePath(root, segments, options)
      const walked = init.pathBlocks != null ? await init.pathBlocks(root, segments, options) : resolved.roots.slice(0, -1)
      let first = true
      for (const cid of walked) {
        const bytes = await api.block.get(cid, options)
        if (first) {
          yield carHeader([root])
          first = false
        }
        yield carSection(cid, bytes)
      }
      yield * carBlocksOnly(api.dag.export(resolved.cid, options))
    }
  }
}

/** CARv1 header: dag-cbor `{ roots: [cids], version: 1 }`, varint-prefixed */
export function carHeader (roots: CID[]): Uint8Array {
  // hand-encoded dag-cbor keeps this module free of a codec dependency: map(2) "roots" array(n) tag42... "version" 1
  const parts: number[] = [0xa2, 0x65, ...Buffer.from('roots'), ...cborArrayHead(roots.length)]
  for (const cid of roots) {
    const bytes = [0, ...cid.bytes]
    parts.push(0xd8, 0x2a, ...cborBytesHead(bytes.length), ...bytes)
  }
  parts.push(0x67, ...Buffer.from('version'), 0x01)
  const body = Uint8Array.from(parts)
  const length = encodeVarint(body.length)
  const out = new Uint8Array(length.length + body.length)
  out.set(length)
  out.set(body, length.length)
  return out
}

function cborArrayHead (n: number): number[] {
  return n < 24 ? [0x80 + n] : [0x98, n]
}

function cborBytesHead (n: number): number[] {
  return n < 24 ? [0x40 + n] : n < 256 ? [0x58, n] : [0x59, n >> 8, n & 0xff]
}

