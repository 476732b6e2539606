import type { CID } from 'multiformats/cid'
import type { AbortOptions } from './blocks.ts'

/** One entry to import: a file (with content), a directory (no content) or a symlink */
export interface ImportCandidate {
  /** Path inside the import, `/`-separated; may be empty for a single bare file */
  path: string
  /** File bytes; absent for a directory */
  content?: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>
  /** Present for a symlink: its target, stored as a UnixFS symlink node */
  symlinkTarget?: string
  mode?: number
  mtime?: { secs: bigint, nsecs?: number }
}

/** Kubo's `ipfs add` flags, with Kubo's defaults */
export interface AddOptions extends AbortOptions {
  /** Also link the added root into MFS at this path (Kubo's `--to-files`; a path ending in '/' keeps the added name) */
  toFiles?: string
  /** @default 0 (1 when `profile` is `unixfs-v1-2025`) */
  cidVersion?: 0 | 1
  /** @default false, true when cidVersion is 1 */
  rawLeaves?: boolean
  /** Kubo chunker spec: `size-N`, `rabin[-min-avg-max]`, `buzhash`. @default 'size-262144' */
  chunker?: string
  /** Trickle layout instead of balanced. @default false */
  trickle?: boolean
  /** Wrap the input in a directory. @default false */
  wrapWithDirectory?: boolean
  /** Include files whose names start with a dot. @default false */
  hidden?: boolean
  /** Compute CIDs, write nothing. @default false */
  onlyHash?: boolean
  /** Pin the root(s) recursively once added. @default true */
  pin?: boolean
  /** Use identity CIDs for blocks no larger than `inlineLimit`. @default false */
  inline?: boolean
  /** @default 32 */
  inlineLimit?: number
  /** Named import profile: `unixfs-v0-2015` (Kubo's legacy default) or `unixfs-v1-2025` */
  profile?: 'unixfs-v0-2015' | 'unixfs-v1-2025'
  /** Max links per node (balanced layout). @default 174 (1024 in unixfs-v1-2025) */
  maxLinks?: number
  /**
   * Kubo's `--hash`: the multihash function by name (`sha2-512`, `blake2b-256`...). Anything but
   * sha2-256 implies CIDv1 (and so raw leaves), and is refused with an explicit `cidVersion: 0`.
   * @default 'sha2-256'
   */
  hash?: string
  /**
   * A directory becomes a HAMT shard when its estimated size passes this many bytes (Kubo's
   * `Import.UnixFSHAMTDirectorySizeThreshold`, formerly `Internal.UnixFSShardingSizeThreshold`).
   * @default 262144 (256 KiB)
   */
  shardThresholdBytes?: number
  /** Called as bytes are hashed: total so far for `path` */
  onProgress?: (bytes: number, path: string) => void
}

export interface AddResult {
  cid: CID
  /** The name Kubo prints: the path within the import, or the CID for a bare stream */
  path: string
  /** Cumulative DAG size in bytes (Kubo's `Size`) */
  size: number
}

/** `unknown`: a dag-pb child `ls` did not read (Kubo's `--resolve-type=false --size=false`) */
export type EntryType = 'file' | 'directory' | 'symlink' | 'raw' | 'object' | 'unknown'

/** Kubo's `ls` flags that change what is read */
export interface LsOptions extends AbortOptions {
  /**
   * Read each child's root block to learn its type and file size (Kubo's `--resolve-type` or
   * `--size`). Without it a raw child is a file sized by its link and a dag-pb child is `unknown`
   * with size 0, and nothing below the directory is fetched. @default true
   */
  resolveChildren?: boolean
}

export interface LsEntry {
  name: string
  /** `<parent path>/<name>` */
  path: string
  cid: CID
  /** File size for files, cumulative DAG size (Tsize) otherwise */
  size: number
  type: EntryType
}

export interface StatResult {
  cid: CID
  type: EntryType
  /** File size in bytes (0 for directories) */
  size: number
  /** Sum of block sizes of the whole DAG */
  cumulativeSize: number
  /** Number of blocks in the DAG */
  blocks: number
}

export interface CatOptions extends AbortOptions {
  offset?: number
  length?: number
}

/** One entry of `get`: directories come before their children */
export interface GetEntry {
  /** Path relative to the requested root, starting with the root's name */
  path: string
  type: 'file' | 'directory' | 'symlink'
  cid: CID
  /** File bytes, for files; read each entry's content before advancing to the next entry */
  content?: AsyncIterable<Uint8Array>
  symlinkTarget?: string
  mode?: number
  mtime?: { secs: bigint, nsecs?: number }
  size?: number
}

/** Trustless gateway `dag-scope` */
export type DagScope = 'all' | 'entity' | 'block'

export interface CarExportOptions extends AbortOptions {
  /** @default 'all' */
  dagScope?: DagScope
  /** `entity-bytes=from:to` for a file entity; `to` may be '*' or negative, as the spec says */
  entityBytes?: { from: number, to: number | '*' }
  /** Emit a block every time it is met (`dups=y`). @default false */
  dups?: boolean
}

export interface CarImportResult {
  roots: CID[]
  blocks: number
}
