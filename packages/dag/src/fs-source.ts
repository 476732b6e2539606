import { open, lstat, readdir, readlink } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { InvalidParametersError, NotFoundError } from '@cairn/interface'
import type { ImportCandidate } from '@cairn/interface'
import { DEFAULT_FILE_READ_BYTES } from './constants.ts'
import { UnreadablePathError } from './errors.ts'

export interface FileSourceOptions {
  /** Descend into directories (Kubo's `-r`); a directory without it is an error. @default false */
  recursive?: boolean
  /** Include entries whose names start with a dot (Kubo's `--hidden`). @default false */
  hidden?: boolean
  /** Bytes per read. @default 1048576 */
  readBytes?: number
  /**
   * Leaves out an entry below the given paths when it returns true (Kubo's `--ignore` and
   * `--ignore-rules-path`, matched on the entry's name as boxo's `files.Filter` does)
   */
  exclude?: (name: string, isDirectory: boolean) => boolean
}

function fsError (err: unknown, path: string): Error {
  const code = (err as { code?: string }).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return new NotFoundError(`No such file or directory: ${path}`, { cause: err })
  return new UnreadablePathError(`Cannot read ${path}: ${code ?? (err as Error).message}`, { cause: err, details: { path, code } })
}

const compareNames = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))

/**
 * Files and folders from disk as import candidates, with Kubo's defaults: entries in byte order
 * of their names, dot-files skipped below the given paths, empty folders kept, symlinks stored as
 * symlinks (never followed). A path that cannot be read is a typed error.
 */
export async function * fileSource (paths: string[], options: FileSourceOptions = {}): AsyncGenerator<ImportCandidate> {
  const readBytes = options.readBytes ?? DEFAULT_FILE_READ_BYTES * 4
  for (const given of paths) {
    const abs = resolve(given)
    yield * walk(abs, basename(abs), true)
  }

  async function * walk (abs: string, name: string, top: boolean): AsyncGenerator<ImportCandidate> {
    let st
    try { st = await lstat(abs) } catch (err) { throw fsError(err, abs) }
    if (!top && options.exclude?.(basename(abs), st.isDirectory()) === true) return
    if (st.isSymbolicLink()) {
      let target: string
      try { target = await readlink(abs) } catch (err) { throw fsError(err, abs) }
      yield { path: name, symlinkTarget: target }
    } else if (st.isFile()) {
      yield { path: name, content: new FileContent(abs, readBytes) }
    } else if (st.isDirectory()) {
      if (top && options.recursive !== true) throw new InvalidParametersError(`${abs} is a directory, use the recursive option`)
      let names: string[]
      try { names = await readdir(abs) } catch (err) { throw fsError(err, abs) }
      yield { path: name }
      for (const child of names.sort(compareNames)) {
        if (options.hidden !== true && child.startsWith('.')) continue
        yield * walk(join(abs, child), `${name}/${child}`, false)
      }
    } else {
      throw new UnreadablePathError(`Unrecognized file type at ${abs} (not a file, directory or symlink)`)
    }
  }
}

export interface FileLeaf {
  /** The chunk of file content */
  data: Uint8Array
  /** The block holding it: `data` itself for raw leaves, or the framed dag-pb leaf around it */
  block: Uint8Array
}

/**
 * A file on disk as import content. Iterating it yields its bytes like any stream; the importer
 * instead asks it for `leaves`, which reads each chunk straight into the block that will be hashed
 * and stored (no copy), one read ahead of the hashing.
 */
export class FileContent implements AsyncIterable<Uint8Array> {
  readonly path: string
  private readonly readBytes: number

  constructor (path: string, readBytes: number = DEFAULT_FILE_READ_BYTES) {
    this.path = path
    this.readBytes = readBytes
  }

  [Symbol.asyncIterator] (): AsyncIterator<Uint8Array> {
    return readFileChunks(this.path, this.readBytes)
  }

  /** Chunks of exactly `chunkSize` bytes (the last shorter); `leafType` set = dag-pb leaves of that UnixFS type */
  async * leaves (chunkSize: number, leafType: number | undefined): AsyncGenerator<FileLeaf> {
    const path = this.path
    // the dag-pb framing only when leaves are framed: a plain read (the CLI sending a file to a
    // daemon) loads no codec
    const pb = leafType == null ? undefined : await import('./pb.ts')
    let fh
    try { fh = await open(path, 'r') } catch (err) { throw fsError(err, path) }
    let pending: Promise<FileLeaf> | undefined
    try {
      let size: number
      try { size = (await fh.stat()).size } catch (err) { throw fsError(err, path) }
      const handle = fh
      const readLeaf = async (pos: number): Promise<FileLeaf> => {
        const n = Math.min(chunkSize, size - pos)
        const layout = pb == null ? { blockLength: n, dataOffset: 0 } : pb.leafLayout(n)
        const block = Buffer.allocUnsafe(layout.blockLength)
        let got = 0
        while (got < n) {
          let bytesRead: number
          try { ({ bytesRead } = await handle.read(block, layout.dataOffset + got, n - got, pos + got)) } catch (err) { throw fsError(err, path) }
          if (bytesRead === 0) throw new UnreadablePathError(`${path} shrank while it was being read`)
          got += bytesRead
        }
        const data = block.subarray(layout.dataOffset, layout.dataOffset + n)
        return { data, block: pb == null || leafType == null ? data : pb.frameLeaf(block, n, leafType) }
      }
      let pos = 0
      if (size > 0) pending = readLeaf(0)
      while (pending != null) {
        const leaf = await pending
        pos += leaf.data.byteLength
        pending = pos < size ? readLeaf(pos) : undefined
        // a read left behind by an early exit must not become an unhandled rejection
        pending?.catch(() => {})
        yield leaf
      }
    } finally {
      await pending?.catch(() => {})
      await fh.close()
    }
  }
}

/** Fresh buffers per read: the importer keeps references to chunks it has not written yet */
async function * readFileChunks (path: string, readBytes: number): AsyncGenerator<Uint8Array> {
  let fh
  try { fh = await open(path, 'r') } catch (err) { throw fsError(err, path) }
  try {
    while (true) {
      const buf = Buffer.allocUnsafeSlow(readBytes)
      let n: number
      try { ({ bytesRead: n } = await fh.read(buf, 0, readBytes, null)) } catch (err) { throw fsError(err, path) }
      if (n === 0) return
      yield n === readBytes ? buf : buf.subarray(0, n)
    }
  } finally {
    await fh.close()
  }
}
