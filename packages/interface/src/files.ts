import type { CID } from 'multiformats/cid'
import type { AbortOptions } from './blocks.ts'

/**
 * MFS, the mutable file system (Kubo's `ipfs files`): a tree of UnixFS directories addressed by
 * absolute paths (`/photos/2024/a.jpg`) whose root CID changes with every change. The root lives
 * in the repo and is a GC root. Options follow Kubo's flags; `flush` (default true) writes the
 * change through to the persisted root before the call returns.
 */
export interface FilesApi {
  /** An MFS path, or an immutable `/ipfs/...` path */
  stat(path: string, options?: FilesStatOptions): Promise<FilesStat>
  /** Entries of a directory (a file lists itself); `long` fills in type, size and CID */
  ls(path?: string, options?: FilesLsOptions): AsyncIterable<FilesEntry>
  mkdir(path: string, options?: FilesMkdirOptions): Promise<void>
  write(path: string, content: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options?: FilesWriteOptions): Promise<void>
  read(path: string, options?: FilesReadOptions): AsyncIterable<Uint8Array>
  /** Links `from` (an MFS path or `/ipfs/...`) at `to`: no bytes are copied */
  cp(from: string, to: string, options?: FilesCpOptions): Promise<void>
  mv(from: string, to: string, options?: FilesFlushOptions): Promise<void>
  rm(paths: string | string[], options?: FilesRmOptions): Promise<void>
  /** Writes everything pending under `path` (default '/') and returns its CID */
  flush(path?: string, options?: AbortOptions): Promise<CID>
  /** Changes the CID version (and hash) of a directory */
  chcid(path: string, options?: FilesChcidOptions): Promise<void>
  /** Sets the UnixFS 1.5 mtime (default: now) */
  touch(path: string, options?: FilesTouchOptions): Promise<void>
  /** Sets the UnixFS 1.5 mode (permission bits) */
  chmod(path: string, mode: number, options?: FilesFlushOptions): Promise<void>
}

export interface FilesFlushOptions extends AbortOptions {
  /** Write the change through to the persisted root before returning. @default true */
  flush?: boolean
}

export interface FilesStatOptions extends AbortOptions {
  /** Count how much of the DAG is in the local store (no network) */
  withLocal?: boolean
}

export interface FilesStat {
  cid: CID
  /** File size (0 for a directory) */
  size: number
  /** The root block plus the Tsize of every link */
  cumulativeSize: number
  /** Links of the root block (Kubo's ChildBlocks) */
  blocks: number
  type: 'file' | 'directory'
  mode?: number
  mtime?: { secs: number, nsecs?: number }
  /** With `withLocal`: whether every block is local, and the bytes of those that are */
  local?: boolean
  sizeLocal?: number
}

export interface FilesLsOptions extends AbortOptions {
  /** Fill in type, size and CID of each entry (Kubo's `-l`). @default false */
  long?: boolean
}

export interface FilesEntry {
  name: string
  /** Set with `long` */
  type?: 'file' | 'directory'
  size?: number
  cid?: CID
}

export interface FilesMkdirOptions extends FilesFlushOptions {
  /** No error if it exists; make parents as needed. @default false */
  parents?: boolean
  /** @default the parent directory's */
  cidVersion?: 0 | 1
  /** Only 'sha2-256' is supported */
  hash?: string
  mode?: number
  mtime?: { secs: number, nsecs?: number }
}

export interface FilesWriteOptions extends FilesFlushOptions {
  /** Byte offset to begin writing at. @default 0 */
  offset?: number
  /** Write at most this many bytes of the content */
  count?: number
  /** Create the file if it does not exist. @default false */
  create?: boolean
  /** Make parent directories as needed. @default false */
  parents?: boolean
  /** Truncate the file to size zero before writing. @default false */
  truncate?: boolean
  /** Raw leaves for new leaf nodes. @default cidVersion === 1 */
  rawLeaves?: boolean
  /** @default the parent directory's */
  cidVersion?: 0 | 1
  hash?: string
}

export interface FilesReadOptions extends AbortOptions {
  offset?: number
  count?: number
}

export interface FilesCpOptions extends FilesFlushOptions {
  /** Make parent directories as needed. @default false */
  parents?: boolean
  /** Replace an existing file at the destination. @default false */
  force?: boolean
}

export interface FilesRmOptions extends AbortOptions {
  /** Remove directories recursively. @default false */
  recursive?: boolean
  /** Remove whatever is there, directories too, and no error if nothing is. @default false */
  force?: boolean
}

export interface FilesChcidOptions extends FilesFlushOptions {
  cidVersion?: 0 | 1
  hash?: string
}

export interface FilesTouchOptions extends FilesFlushOptions {
  /** Seconds since the epoch. @default now */
  mtime?: number
  mtimeNsecs?: number
}
