import type { CID } from 'multiformats/cid'
import { carHeader, carSection, carSections } from '@cairn/dag'
import type { AbortOptions, CairnApi, CarExportOptions, CatOptions, EntryType, GetEntry, LsEntry } from '@cairn/interface'

/** What a path resolves to: the terminal CID and every CID met on the way (`X-Ipfs-Roots`) */
export interface ResolvedPath {
  cid: CID
  /** The root CID, then one CID per path segment; the last one is `cid` */
  roots: CID[]
  type: EntryType
  /** File size in bytes (files, raw blocks); 0 for directories */
  size: number
  /** The whole content of a file held in one block, when the backend read it already (hash-verified) */
  content?: Uint8Array
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
  /** An IPNS key or DNSLink domain to the `/ipfs/` path it names, and how long that may be cached */
  resolveName?(name: string, options?: AbortOptions): Promise<{ path: string, ttlMs?: number }>
  /** The signed IPNS record of a key (`?format=ipns-record`) */
  ipnsRecord?(name: string, options?: AbortOptions): Promise<Uint8Array>
}

/** The slice of `CairnApi` the gateway backend calls */
export type GatewayApi = Pick<CairnApi, 'stat' | 'cat' | 'ls' | 'get' | 'block' | 'dag'> & Partial<Pick<CairnApi, 'name'>>

function ipfsPath (root: CID, segments: string[]): string {
  return ['/ipfs', root.toString(), ...segments].join('/')
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

  const names = api.name
  return {
    resolvePath,
    ...(init.isLocal != null ? { isLocal: init.isLocal } : {}),
    ...(names != null
      ? {
          async resolveName (name: string, options?: AbortOptions) {
            const path = await names.resolve(`/ipns/${name}`, { signal: options?.signal })
            // the in-process node knows how long its answer stays fresh
            const ttlMs = (names as { cachedTtlMs?: (n: string) => number | undefined }).cachedTtlMs?.(name)
            return { path, ttlMs }
          },
          ipnsRecord: async (name: string, options?: AbortOptions) => names.get(name, options)
        }
      : {}),
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
      yield * carSections(api.dag.export(resolved.cid, options))
    }
  }
}
