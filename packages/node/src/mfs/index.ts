/**
 * MFS, Kubo's mutable file system (`ipfs files`), on `@cairn/dag`: an in-memory tree of the
 * directories being changed (tree.ts) over a root CID kept in the repo as a named GC root. A flush
 * writes the changed directories children-first and only then records the new root (synced), so
 * a crash leaves the previous root or the new one, never a root naming blocks that were not written.
 *
 * Locks: every change holds the store's GC lock shared (as `add` does, so GC never sweeps blocks a
 * change wrote before they are linked under the persisted root) and the tree lock exclusively;
 * readers take the tree lock shared, then read immutable blocks without it. Writes to one path
 * are serialised by a per-path lock held across building the new file.
 */
import { createBlockWriter, editFile, loadNode, readFile, setNodeMeta, DEFAULT_CHUNK_SIZE_BYTES, DEFAULT_HAMT_THRESHOLD_BYTES, DEFAULT_MAX_LINKS } from '@cairn/dag'
import { AlreadyExistsError, InvalidParametersError, InvalidPathError, NotFoundError } from '@cairn/interface'
import mortice from 'mortice'
import type { CairnBlockstore } from '@cairn/blockstore'
import type { DagNode, FileEditSettings } from '@cairn/dag'
import type {
  AbortOptions, BlockGetter, BlockPutter, FilesApi, FilesChcidOptions, FilesCpOptions, FilesEntry, FilesFlushOptions,
  FilesLsOptions, FilesMkdirOptions, FilesReadOptions, FilesRmOptions, FilesStat, FilesStatOptions, FilesTouchOptions,
  FilesWriteOptions
} from '@cairn/interface'
import type { Logger } from '@libp2p/interface'
import type { Mortice } from 'mortice'
import type { CID } from 'multiformats/cid'
import { contentPath, isContentPath, parseMfsPath, type MfsPath } from './paths.ts'
import { localSize, statNode } from './stat.ts'
import { MfsDir, prefixOfCid, SHA2_256, type MfsChild, type MfsLink, type Mtime, type Prefix, type TreeSettings } from './tree.ts'
import { IDENTITY_CODE, supportedHashes } from '@cairn/ipld'
import { PendingBlocks } from './pending.ts'

/** The name of the MFS root among the store's GC roots */
export const MFS_ROOT_NAME = 'mfs'
/** Kubo's `Internal.MFSNoFlushLimit` default: changes with `flush: false` before one must flush */
export const DEFAULT_MFS_NO_FLUSH_LIMIT = 256
/** Unflushed changes are written at most this long after the first of them (a crash loses no more) */
export const DEFAULT_MFS_FLUSH_DELAY_MS = 10_000
/** A write of bytes already in memory up to this size is built under the tree lock (one hold, not two) */
const IN_LOCK_WRITE_BYTES_MAX = 1_048_576
/** Directory entries kept loaded after a flush; beyond it unchanged subdirectories are dropped */
export const DEFAULT_MFS_CACHE_ENTRIES_MAX = 200_000

export interface MfsComponents {
  /** The node's current block store (GC lock, named roots, local reads) */
  blockstore: () => CairnBlockstore
  /** Local first, then the network: MFS reads lazily, as Kubo's */
  getter: BlockGetter
  putter: () => BlockPutter
  /** An immutable path (`/ipfs/...`) to its CID */
  resolve: (path: string, options?: AbortOptions) => Promise<CID>
  log: Logger
}

export interface MfsInit {
  /** @default 256 (DEFAULT_MFS_NO_FLUSH_LIMIT); 0: no limit */
  noFlushLimit?: number
  /** @default 10000 (DEFAULT_MFS_FLUSH_DELAY_MS); 0: only explicit flushes */
  flushDelayMs?: number
  /** @default 200000 (DEFAULT_MFS_CACHE_ENTRIES_MAX) */
  cacheEntriesMax?: number
  /** Kubo's HAMT switch, in estimated link bytes. @default 262144 */
  shardThresholdBytes?: number
}

/** The MFS of one node: `FilesApi`, plus what the node's lifecycle and GC call */
export interface Mfs extends FilesApi {
  /** Reads the root from the store (an empty directory the first time) */
  start(options?: AbortOptions): Promise<void>
  /** Writes what is pending and lets go of the tree */
  stop(): Promise<void>
  /**
   * For GC and eviction sweeps (`addGcRoots`): the recorded root, and the roots of whatever the
   * in-memory tree links that the recorded root does not yet (changes made with `flush: false`).
   * Takes no lock, so a sweep started from inside a change cannot wait for it
   */
  gcRoots(): CID[]
  /** `add --to-files`: link added roots under `dest` */
  linkAdded(entries: Array<{ name: string, cid: CID }>, dest: string, options?: AbortOptions): Promise<void>
  /**
   * Kubo's `files chroot`: records `root` (a local UnixFS directory; default the empty one) as the
   * MFS root, dropping unflushed changes; returns the root it replaced
   */
  chroot(root?: CID, options?: AbortOptions): Promise<{ old?: CID, root: CID }>
}

/**
 * Kubo's `getPrefixNew`: the CID prefix `--cid-version` and `--hash` ask for (undefined: neither,
 * the parent's is used); a hash function implies CIDv1
 */
function prefixOf (options: { cidVersion?: 0 | 1, hash?: string }): Prefix | undefined {
  if (options.cidVersion != null && options.cidVersion !== 0 && options.cidVersion !== 1) throw new InvalidParametersError(`unknown CID version ${String(options.cidVersion)}`)
  if (options.hash == null) return options.cidVersion == null ? undefined : { cidVersion: options.cidVersion, hash: SHA2_256 }
  const name = options.hash.toLowerCase()
  const known = supportedHashes().find(h => h.name === name)
  // identity is no hash: every block would live in its CID
  if (known == null || known.code === IDENTITY_CODE) throw new InvalidParametersError(`unrecognized hash function: ${name}`)
  return { cidVersion: 1, hash: known.code }
}

const formatOf = (prefix: Prefix): FileEditSettings['format'] => ({ cidVersion: prefix.cidVersion, hash: prefix.hash, inlineLimit: -1 })

/** Go's names of UnixFS types (`pb.Data_DataType`), as Kubo prints them */
const UNIXFS_TYPE_NAMES: Record<string, string> = { raw: 'Raw', directory: 'Directory', file: 'File', metadata: 'Metadata', symlink: 'Symlink', 'hamt-sharded-directory': 'HAMTShard' }

const notExist = (): NotFoundError => new NotFoundError('file does not exist')

class MfsImpl implements Mfs {
  readonly #c: MfsComponents
  readonly #settings: TreeSettings
  readonly #noFlushLimit: number
  readonly #flushDelayMs: number
  readonly #cacheEntriesMax: number
  readonly #tree: Mortice
  /** Writers waiting per path: one write per path at a time */
  readonly #pathQueues = new Map<string, Promise<void>>()
  #root?: MfsDir
  /** The root as recorded in the store */
  #persisted?: CID
  #unflushed = 0
  #timer?: ReturnType<typeof setTimeout>
  /** Blocks of `flush: false` changes not yet in the store; every MFS read goes through it */
  readonly #pending: PendingBlocks

  constructor (components: MfsComponents, init: MfsInit = {}) {
    this.#c = components
    this.#settings = { shardSplitStrategy: 'links-bytes', shardThresholdBytes: init.shardThresholdBytes ?? DEFAULT_HAMT_THRESHOLD_BYTES }
    this.#noFlushLimit = init.noFlushLimit ?? DEFAULT_MFS_NO_FLUSH_LIMIT
    this.#flushDelayMs = init.flushDelayMs ?? DEFAULT_MFS_FLUSH_DELAY_MS
    this.#cacheEntriesMax = init.cacheEntriesMax ?? DEFAULT_MFS_CACHE_ENTRIES_MAX
    this.#pending = new PendingBlocks({
      under: components.getter,
      write: async (blocks, options) => {
        const putter = this.#c.putter()
        if (putter.putBlocks != null) await putter.putBlocks(blocks, options)
        else for (const b of blocks) await putter.putBlock(b.cid, b.bytes, options)
      }
    })
    this.#tree = mortice({ name: `cairn-mfs-${process.pid}-${Math.random()}`, singleProcess: true, autoFinalize: true })
  }

  // --- lifecycle --------------------------------------------------------------------------------

  async start (options: AbortOptions = {}): Promise<void> {
    const store = this.#c.blockstore()
    let cid = await store.roots.get(MFS_ROOT_NAME)
    if (cid == null) {
      cid = await this.#emptyRoot(options)
      await store.roots.set(MFS_ROOT_NAME, cid)
      this.#c.log('created an empty MFS root %c', cid)
    }
    this.#persisted = cid
    // read when first used: commands that never touch MFS pay one index read for it
    this.#root = MfsDir.open(cid, 0, this.#pending)
    this.#unflushed = 0
  }

  async stop (): Promise<void> {
    if (this.#root == null) return
    try {
      await this.#mutate(async () => { await this.#flushAll() })
    } finally {
      clearTimeout(this.#timer)
      this.#timer = undefined
      this.#root = undefined
    }
  }

  gcRoots (): CID[] {
    const out: CID[] = []
    if (this.#persisted != null) out.push(this.#persisted)
    const visit = (dir: MfsDir): void => {
      if (dir.cid != null) { out.push(dir.cid); return }
      if (!dir.loaded) return
      out.push(...dir.writtenShards())
      for (const child of dir.loadedEntries.values()) {
        if (child.kind === 'dir') visit(child)
        else out.push(child.cid)
      }
    }
    if (this.#root != null) visit(this.#root)
    out.push(...this.#pending.links())
    return out
  }

  #rootDir (): MfsDir {
    if (this.#root == null) throw new InvalidParametersError('MFS is not started')
    return this.#root
  }

  /**
   * A change: GC lock shared (blocks it writes stay until linked), then the tree exclusively. No
   * sync at the end: what must be durable is the recorded root, and a flush syncs the blocks
   * before recording it
   */
  async #mutate <T> (fn: () => Promise<T>): Promise<T> {
    return this.#c.blockstore().withAddLock(async () => {
      const release = await this.#tree.writeLock()
      try {
        return await fn()
      } finally {
        release()
      }
    }, { sync: false })
  }

  async #read <T> (fn: () => Promise<T>): Promise<T> {
    const release = await this.#tree.readLock()
    try {
      return await fn()
    } finally {
      release()
    }
  }

  /** One writer per path: `fn` runs once the writers before it on `key` are done */
  async #serialised <T> (key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.#pathQueues.get(key) ?? Promise.resolve()
    let done!: () => void
    const mine = new Promise<void>(resolve => { done = resolve })
    const tail = before.then(async () => mine)
    this.#pathQueues.set(key, tail)
    await before
    try {
      return await fn()
    } finally {
      done()
      if (this.#pathQueues.get(key) === tail) this.#pathQueues.delete(key)
    }
  }

  // --- tree walking (callers hold the tree lock) ---------------------------------------------------

  /** The directory a child entry is, loaded and cached in its parent */
  async #asDir (parent: MfsDir, name: string, child: MfsChild, path: string, options: AbortOptions): Promise<MfsDir> {
    if (child.kind === 'dir') return child
    const dir = MfsDir.open(child.cid, child.tsize, this.#pending, options)
    try {
      await dir.entries()
    } catch (err) {
      if ((err as Error).name === 'NotADirectoryError') throw new InvalidParametersError(`${path} was not a directory`, { cause: err })
      throw err
    }
    ;(await parent.entries()).set(name, dir)
    return dir
  }

  /**
   * The directories from the root down to `segments` (all of them, last = the target); missing
   * ones are made when `create` says so, with `prefix` or their parent's
   */
  async #dirChain (segments: string[], options: AbortOptions & { create?: boolean, prefix?: Prefix }): Promise<MfsDir[]> {
    const chain = [this.#rootDir()]
    await chain[0].entries()
    for (let i = 0; i < segments.length; i++) {
      const parent = chain[chain.length - 1]
      const entries = await parent.entries()
      const name = segments[i]
      const child = entries.get(name)
      const path = '/' + segments.slice(0, i + 1).join('/')
      if (child == null) {
        if (options.create !== true) throw notExist()
        const dir = new MfsDir({ prefix: options.prefix ?? parent.prefix, entries: new Map() })
        entries.set(name, dir)
        chain.push(dir)
        for (const d of chain) d.touch()
        continue
      }
      chain.push(await this.#asDir(parent, name, child, path, options))
    }
    return chain
  }

  /** The entry at `path`: its parent chain, its name and what is there (undefined: nothing) */
  async #lookup (path: MfsPath, options: AbortOptions): Promise<{ chain: MfsDir[], name: string, child?: MfsChild }> {
    if (path.segments.length === 0) return { chain: [], name: '', child: this.#rootDir() }
    const chain = await this.#dirChain(path.segments.slice(0, -1), options)
    const name = path.segments[path.segments.length - 1]
    return { chain, name, child: (await chain[chain.length - 1].entries()).get(name) }
  }

  /** The CID of a child, writing a changed directory's blocks first (not the root record) */
  async #cidOf (child: MfsChild): Promise<MfsLink> {
    // the CID may leave MFS (stat, ls -l): whatever it reaches is stored first
    await this.#pending.drain()
    if (child.kind === 'link') return child
    const writer = createBlockWriter(this.#c.putter())
    const link = await child.flush(writer, this.#settings)
    await writer.flush()
    return link
  }

  #changed (chain: MfsDir[]): void {
    for (const d of chain) d.touch()
  }

  // --- flushing ---------------------------------------------------------------------------------

  /** Before a change: Kubo's limit on changes kept in memory with `flush: false` */
  #admit (flush: boolean | undefined): void {
    if (flush !== false) return
    if (this.#noFlushLimit > 0 && this.#unflushed >= this.#noFlushLimit) {
      throw new InvalidParametersError(`reached limit of ${this.#noFlushLimit} unflushed MFS operations. ` +
        "To resolve: 1) run 'ipfs files flush' to persist changes, 2) use --flush=true (default), or 3) increase Internal.MFSNoFlushLimit in config")
    }
  }

  /** After a change: write it through, or count it and make sure a bounded time flushes it */
  async #settle (flush: boolean | undefined): Promise<void> {
    if (flush !== false) {
      await this.#flushAll()
      return
    }
    this.#unflushed++
    if (this.#timer == null && this.#flushDelayMs > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined
        this.#mutate(async () => { if (this.#root != null) await this.#flushAll() })
          .catch(err => { this.#c.log.error('timed MFS flush failed - %e', err) })
      }, this.#flushDelayMs)
      this.#timer.unref?.()
    }
  }

  /** Writes every changed directory, then records the root (synced) if it moved */
  async #flushAll (): Promise<CID> {
    const root = this.#rootDir()
    await this.#pending.drain()
    const writer = createBlockWriter(this.#c.putter())
    const link = await root.flush(writer, this.#settings)
    await writer.flush()
    await this.#record(link.cid)
    this.#unflushed = 0
    clearTimeout(this.#timer)
    this.#timer = undefined
    if (root.held() > this.#cacheEntriesMax) root.trim()
    return link.cid
  }

  /**
   * `flush PATH` as boxo's `FlushPath`: the subtree at PATH is written, and the recorded root
   * becomes the one recorded before with PATH's new CID along its path; other unflushed changes
   * stay in memory. A directory on the path that the recorded root lacks (made since) goes in
   * whole, as its own flush would carry it there
   */
  async flush (path = '/', options: AbortOptions = {}): Promise<CID> {
    const p = parseMfsPath(path)
    return this.#mutate(async () => {
      if (p.segments.length === 0) return this.#flushAll()
      const { child } = await this.#lookup(p, options)
      if (child == null) throw notExist()
      const link = await this.#cidOf(child)
      await this.#record(await this.#graft(p.segments, link, options))
      this.#unflushed = 0
      return link.cid
    })
  }

  /** The recorded root with `link` put at `segments` (the directories on the way written anew) */
  async #graft (segments: string[], link: MfsLink, options: AbortOptions): Promise<CID> {
    const root = MfsDir.open(this.#persisted!, 0, this.#pending, options)
    const chain = [root]
    let at = segments.length - 1
    let put = link
    for (let i = 0; i < segments.length - 1; i++) {
      const entries = await chain[i].entries()
      const child = entries.get(segments[i])
      let dir: MfsDir | undefined
      if (child?.kind === 'link') {
        dir = MfsDir.open(child.cid, child.tsize, this.#pending, options)
        try {
          await dir.entries()
        } catch (err) {
          if ((err as Error).name !== 'NotADirectoryError') throw err
          dir = undefined
        }
      }
      if (dir == null) {
        // not a directory in the recorded tree: the live one goes there whole
        const live = await this.#lookup({ segments: segments.slice(0, i + 1), trailingSlash: false, text: '' }, options)
        put = await this.#cidOf(live.child!)
        at = i
        break
      }
      entries.set(segments[i], dir)
      chain.push(dir)
    }
    ;(await chain[at].entries()).set(segments[at], put)
    for (const d of chain) d.touch()
    const writer = createBlockWriter(this.#c.putter(), options)
    const written = await root.flush(writer, this.#settings)
    await writer.flush()
    return written.cid
  }

  /** Records `cid` as the root (durably; the store syncs the blocks first) if it moved */
  async #record (cid: CID): Promise<void> {
    if (this.#persisted != null && this.#persisted.equals(cid)) return
    await this.#c.blockstore().roots.set(MFS_ROOT_NAME, cid)
    this.#persisted = cid
  }

  // --- reading ----------------------------------------------------------------------------------

  async stat (path: string, options: FilesStatOptions = {}): Promise<FilesStat> {
    let cid: CID
    if (isContentPath(path)) {
      cid = await this.#c.resolve(contentPath(path), options)
    } else {
      const p = parseMfsPath(path)
      // a changed directory is written (not recorded) to learn its CID, as Kubo's GetNode does
      cid = await this.#mutate(async () => {
        const { child } = await this.#lookup(p, options)
        if (child == null) throw notExist()
        return (await this.#cidOf(child)).cid
      })
    }
    const out = statNode(await loadNode(cid, this.#pending, options))
    if (options.withLocal === true) Object.assign(out, await localSize(cid, this.#c.blockstore(), options))
    return out
  }

  async * ls (path = '/', options: FilesLsOptions = {}): AsyncGenerator<FilesEntry> {
    const p = parseMfsPath(path)
    const listing = await this.#mutate(async () => {
      const { chain, child, name } = await this.#lookup(p, options)
      if (child == null) throw notExist()
      if (child.kind === 'link') {
        const node = await loadNode(child.cid, this.#pending, options)
        if (node.type !== 'directory') return [{ name, child }]
      }
      const dir = child.kind === 'dir' ? child : await this.#asDir(chain[chain.length - 1], name, child, p.text, options)
      return [...(await dir.entries())].map(([n, c]) => ({ name: n, child: c }))
    })
    for (const { name, child } of listing) {
      if (options.long !== true) {
        yield { name }
        continue
      }
      const link = await this.#mutate(async () => this.#cidOf(child))
      const node = await loadNode(link.cid, this.#pending, options)
      yield { name, type: node.type === 'directory' ? 'directory' : 'file', size: statNode(node).size, cid: link.cid }
    }
  }

  async * read (path: string, options: FilesReadOptions = {}): AsyncGenerator<Uint8Array> {
    const p = parseMfsPath(path)
    const offset = options.offset ?? 0
    if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidParametersError('cannot specify negative offset')
    if (options.count != null && (!Number.isSafeInteger(options.count) || options.count < 0)) throw new InvalidParametersError("cannot specify negative 'count'")
    const cid = await this.#read(async () => {
      let found
      try {
        found = await this.#lookup(p, options)
      } catch (err) {
        if ((err as Error).name === 'NotFoundError') throw new NotFoundError(`${p.text}: file does not exist`, { cause: err })
        throw err
      }
      if (found.child == null) throw new NotFoundError(`${p.text}: file does not exist`)
      if (found.child.kind === 'dir') throw new InvalidParametersError(`${p.text} was not a file`)
      return found.child.cid
    })
    const node = await loadNode(cid, this.#pending, options)
    if (node.type !== 'file' && node.type !== 'raw') throw new InvalidParametersError(`${p.text} was not a file`)
    const size = statNode(node).size
    if (offset > size) throw new InvalidParametersError(`offset was past end of file (${offset} > ${size})`)
    yield * readFile(node, this.#pending, { offset, length: options.count, signal: options.signal })
  }

  // --- changing ---------------------------------------------------------------------------------

  async mkdir (path: string, options: FilesMkdirOptions = {}): Promise<void> {
    const p = parseMfsPath(path)
    const prefix = prefixOf(options)
    this.#admit(options.flush)
    await this.#mutate(async () => {
      if (p.segments.length === 0) {
        if (options.parents === true) return
        throw new AlreadyExistsError("cannot create directory '/': Already exists")
      }
      const chain = await this.#dirChain(p.segments.slice(0, -1), { ...options, create: options.parents === true, prefix })
      const parent = chain[chain.length - 1]
      const entries = await parent.entries()
      const name = p.segments[p.segments.length - 1]
      const existing = entries.get(name)
      if (existing != null) {
        if (options.parents === true && (existing.kind === 'dir' || (await loadNode(existing.cid, this.#pending, options)).type === 'directory')) return
        throw new AlreadyExistsError('file already exists')
      }
      const meta = { mode: options.mode, mtime: options.mtime == null ? undefined : { secs: BigInt(options.mtime.secs), nsecs: options.mtime.nsecs } }
      entries.set(name, new MfsDir({ prefix: prefix ?? parent.prefix, meta, entries: new Map() }))
      this.#changed(chain)
      await this.#settle(options.flush)
    })
  }

  async write (path: string, content: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: FilesWriteOptions = {}): Promise<void> {
    const p = parseMfsPath(path)
    const prefixOpt = prefixOf(options)
    if (p.segments.length === 0) throw new InvalidParametersError('/ was not a file')
    const name = p.segments[p.segments.length - 1]
    this.#admit(options.flush)
    await this.#serialised(p.text, async () => {
      await this.#c.blockstore().withAddLock(async () => {
        const dirs = async (): Promise<MfsDir[]> => this.#dirChain(p.segments.slice(0, -1), { ...options, create: options.parents === true, prefix: prefixOpt })
        // find the file (and make its parents with `parents`) under the tree lock
        const locate = async (): Promise<{ prefix: Prefix, old?: MfsLink }> => {
          const chain = await dirs()
          const child = (await chain[chain.length - 1].entries()).get(name)
          if (child == null && options.create !== true) throw notExist()
          if (child?.kind === 'dir') throw new InvalidParametersError(`${p.text} was not a file`)
          return { prefix: prefixOpt ?? chain[chain.length - 1].prefix, old: child }
        }
        const build = async (found: { prefix: Prefix, old?: MfsLink }): Promise<MfsLink> => {
          let oldNode: DagNode | undefined
          if (found.old != null) {
            oldNode = await loadNode(found.old.cid, this.#pending, options)
            if (oldNode.type === 'directory') throw new InvalidParametersError(`${p.text} was not a file`)
          }
          // unflushed, the blocks wait in memory for the flush
          const writer = createBlockWriter(options.flush === false ? this.#pending : this.#c.putter(), options)
          const result = await editFile(oldNode, content, this.#pending, writer, {
            format: formatOf(found.prefix),
            rawLeaves: options.rawLeaves ?? found.prefix.cidVersion !== 0,
            chunkSize: DEFAULT_CHUNK_SIZE_BYTES,
            maxLinks: DEFAULT_MAX_LINKS,
            signal: options.signal
          }, { offset: options.offset, count: options.count, truncate: options.truncate })
          await writer.flush()
          return { kind: 'link', cid: result.cid, tsize: result.tsize }
        }
        const link = async (file: MfsLink): Promise<void> => {
          // the parents may have gone meanwhile (rm by another caller): then there is nowhere to link it
          const chain = await dirs()
          const entries = await chain[chain.length - 1].entries()
          if (entries.get(name)?.kind === 'dir') throw new InvalidParametersError(`${p.text} was not a file`)
          entries.set(name, file)
          this.#changed(chain)
          await this.#settle(options.flush)
        }
        if (content instanceof Uint8Array && content.byteLength <= IN_LOCK_WRITE_BYTES_MAX) {
          // small and in memory already: built under one hold of the tree lock
          await this.#withTree(async () => { await link(await build(await locate())) })
          return
        }
        // a stream is built without the tree lock: readers go on meanwhile
        const file = await build(await this.#withTree(locate))
        await this.#withTree(async () => { await link(file) })
      }, { sync: false })
    })
  }

  /** The tree lock exclusively, for a caller that already holds the GC lock */
  async #withTree <T> (fn: () => Promise<T>): Promise<T> {
    const release = await this.#tree.writeLock()
    try {
      return await fn()
    } finally {
      release()
    }
  }

  async cp (from: string, to: string, options: FilesCpOptions = {}): Promise<void> {
    const content = isContentPath(from)
    const src = content ? undefined : parseMfsPath(from)
    const dst = parseMfsPath(to)
    this.#admit(options.flush)
    const srcName = content ? contentPath(from).split('/').filter(Boolean).at(-1)! : src!.segments.at(-1) ?? ''
    const segments = dst.trailingSlash || dst.segments.length === 0 ? [...dst.segments, srcName] : dst.segments
    if (segments.length === 0 || segments.at(-1) === '') throw new InvalidPathError('cp: cannot put node at /')
    const target = '/' + segments.join('/')
    await this.#mutate(async () => {
      let link: MfsLink
      try {
        if (content) {
          const cid = await this.#c.resolve(contentPath(from), options)
          link = { kind: 'link', cid, tsize: 0 }
        } else {
          const { child } = await this.#lookup(src!, options)
          if (child == null) throw notExist()
          link = await this.#cidOf(child)
        }
      } catch (err) {
        if ((err as Error).name === 'InvalidPathError' || (err as Error).name === 'InvalidCidError') throw err
        throw new NotFoundError(`cp: cannot get node from path ${content ? contentPath(from) : src!.text}: ${(err as Error).message}`, { cause: err })
      }
      // only the root is read (a lazy copy), to check it is UnixFS and to learn its Tsize
      const node = await loadNode(link.cid, this.#pending, options).catch(err => {
        throw new NotFoundError(`cp: cannot get node from path ${from}: ${(err as Error).message}`, { cause: err })
      })
      if (node.cid.code !== 0x55 && (node.cid.code !== 0x70 || node.unixfs == null)) {
        throw new InvalidParametersError('cp: source must be a valid UnixFS (dag-pb or raw codec)')
      }
      let tsize = node.bytes.byteLength
      for (const l of node.pb?.Links ?? []) tsize += l.Tsize ?? 0
      let chain: MfsDir[]
      try {
        chain = await this.#dirChain(segments.slice(0, -1), { ...options, create: options.parents === true })
      } catch (err) {
        throw new NotFoundError(`cp: cannot put node in path ${target}: ${(err as Error).message}`, { cause: err })
      }
      const entries = await chain[chain.length - 1].entries()
      const name = segments[segments.length - 1]
      const existing = entries.get(name)
      if (existing != null) {
        if (options.force !== true) throw new AlreadyExistsError(`cp: cannot put node in path ${target}: directory already has entry by that name`)
        const isDir = existing.kind === 'dir' || (await loadNode(existing.cid, this.#pending, options)).type === 'directory'
        if (isDir) throw new InvalidParametersError(`cp: cannot unlink existing file: not a file: ${target}`)
      }
      // a GC sweep under way keeps what this links (it may be unpinned content outside MFS)
      await this.#c.blockstore().keep([link.cid], options)
      entries.set(name, { kind: 'link', cid: link.cid, tsize })
      this.#changed(chain)
      await this.#settle(options.flush)
    })
  }

  async mv (from: string, to: string, options: FilesFlushOptions = {}): Promise<void> {
    const src = parseMfsPath(from)
    const dst = parseMfsPath(to)
    if (src.segments.length === 0) throw new InvalidParametersError('cannot move the root')
    this.#admit(options.flush)
    await this.#mutate(async () => {
      const found = await this.#lookup(src, options)
      if (found.child == null) throw notExist()
      let segments = dst.trailingSlash || dst.segments.length === 0 ? [...dst.segments, found.name] : dst.segments
      let target = await this.#lookup({ ...dst, segments }, options)
      // onto an existing directory: into it, under the source's name (Unix `mv`)
      if (target.child != null && !(segments.length === src.segments.length && segments.every((s, i) => s === src.segments[i]))) {
        const isDir = target.child.kind === 'dir' || (await loadNode(target.child.cid, this.#pending, options)).type === 'directory'
        if (isDir) {
          segments = [...segments, found.name]
          target = await this.#lookup({ ...dst, segments }, options)
          if (target.child != null) throw new AlreadyExistsError(`${'/' + segments.join('/')}: file already exists`)
        }
      }
      if (segments.length > src.segments.length && src.segments.every((s, i) => s === segments[i])) {
        throw new InvalidParametersError(`cannot move ${src.text} into itself`)
      }
      if (segments.length === src.segments.length && segments.every((s, i) => s === src.segments[i])) return
      const srcEntries = await found.chain[found.chain.length - 1].entries()
      srcEntries.delete(found.name)
      this.#changed(found.chain)
      // the source's removal may have changed the destination's chain objects: walk again
      const chain = await this.#dirChain(segments.slice(0, -1), options)
      ;(await chain[chain.length - 1].entries()).set(segments[segments.length - 1], found.child)
      this.#changed(chain)
      await this.#settle(options.flush)
    })
  }

  async rm (paths: string | string[], options: FilesRmOptions = {}): Promise<void> {
    const list = (Array.isArray(paths) ? paths : [paths]).map(p => parseMfsPath(p))
    if ((options as FilesFlushOptions).flush === false) {
      throw new InvalidParametersError('files rm always flushes for safety. The --flush flag cannot be set to false for this command')
    }
    await this.#mutate(async () => {
      const errors: string[] = []
      for (const p of list) {
        try {
          await this.#remove(p, options)
        } catch (err) {
          if (list.length === 1) throw err
          errors.push(`${p.text}: ${(err as Error).message}`)
        }
      }
      await this.#flushAll()
      if (errors.length > 0) throw new InvalidParametersError(`can't remove some files: ${errors.join('; ')}`)
    })
  }

  async #remove (p: MfsPath, options: FilesRmOptions): Promise<void> {
    if (p.segments.length === 0) throw new InvalidParametersError('cannot delete root')
    const force = options.force === true
    let found
    try {
      found = await this.#lookup(p, options)
    } catch (err) {
      if (force && (err as Error).name === 'NotFoundError') return
      throw err
    }
    if (found.child == null) {
      if (force) return
      throw notExist()
    }
    if (!force && options.recursive !== true) {
      const isDir = found.child.kind === 'dir' || (await loadNode(found.child.cid, this.#pending, options)).type === 'directory'
      if (isDir) throw new InvalidParametersError('path is a directory, use -r to remove directories')
    }
    ;(await found.chain[found.chain.length - 1].entries()).delete(found.name)
    this.#changed(found.chain)
  }

  async chcid (path: string, options: FilesChcidOptions = {}): Promise<void> {
    const p = parseMfsPath(path)
    if (p.segments.length === 0) {
      throw new InvalidParametersError("cannot change CID format of the MFS root; use 'ipfs config Import.CidVersion' and 'ipfs config Import.HashFunction' instead")
    }
    const prefix = prefixOf(options)
    this.#admit(options.flush)
    await this.#mutate(async () => {
      const { chain, name, child } = await this.#lookup(p, options)
      if (child == null) throw notExist()
      if (prefix == null) return
      const dir = await this.#asDir(chain[chain.length - 1], name, child, p.text, options).catch(err => {
        if ((err as Error).message.endsWith('was not a directory')) throw new InvalidParametersError('can only update directories')
        throw err
      })
      if (dir.prefix.cidVersion === prefix.cidVersion && dir.prefix.hash === prefix.hash) return
      dir.prefix = prefix
      dir.touch()
      this.#changed(chain)
      await this.#settle(options.flush)
    })
  }

  async touch (path: string, options: FilesTouchOptions = {}): Promise<void> {
    const secs = options.mtime ?? Math.floor(Date.now() / 1000)
    const nsecs = options.mtime != null ? options.mtimeNsecs : (Date.now() % 1000) * 1_000_000
    await this.#setMeta(path, { mtime: { secs: BigInt(secs), nsecs: nsecs != null && nsecs > 0 ? nsecs : undefined } }, options)
  }

  async chmod (path: string, mode: number, options: FilesFlushOptions = {}): Promise<void> {
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) throw new InvalidParametersError(`invalid mode ${String(mode)}: give permission bits in octal, e.g. 0644`)
    await this.#setMeta(path, { mode }, options)
  }

  async #setMeta (path: string, meta: { mode?: number, mtime?: Mtime }, options: FilesFlushOptions): Promise<void> {
    const p = parseMfsPath(path)
    this.#admit(options.flush)
    await this.#mutate(async () => {
      const { chain, name, child } = await this.#lookup(p, options)
      if (child == null) throw notExist()
      if (child.kind === 'dir') {
        Object.assign(child.meta, meta)
        child.touch()
      } else {
        const node = await loadNode(child.cid, this.#pending, options)
        if (node.type === 'directory') {
          const dir = await this.#asDir(chain[chain.length - 1], name, child, p.text, options)
          Object.assign(dir.meta, meta)
          dir.touch()
        } else {
          const writer = createBlockWriter(this.#c.putter(), options)
          const format = formatOf(prefixOfCid(child.cid))
          const written = await setNodeMeta(node, meta, writer, format)
          await writer.flush()
          ;(await chain[chain.length - 1].entries()).set(name, { kind: 'link', ...written })
        }
      }
      this.#changed(chain)
      await this.#settle(options.flush)
    })
  }

  async chroot (root?: CID, options: AbortOptions = {}): Promise<{ old?: CID, root: CID }> {
    return this.#mutate(async () => {
      const store = this.#c.blockstore()
      const empty = await this.#emptyRoot(options)
      const cid = root ?? empty
      if (!cid.equals(empty)) {
        if (!(await store.hasBlock(cid, options))) {
          throw new NotFoundError(`new root ${cid.toString()} does not exist locally; fetch it first with 'ipfs block get'`)
        }
        const node = await loadNode(cid, store, options).catch(err => {
          throw new InvalidParametersError(`new root is not a valid dag-pb node: ${(err as Error).message}`, { cause: err })
        })
        if (node.cid.code !== 0x70) throw new InvalidParametersError('new root is not a valid dag-pb node')
        if (node.unixfs == null) throw new InvalidParametersError('new root is not a valid UnixFS node')
        if (node.type !== 'directory') throw new InvalidParametersError(`new root must be a directory, got ${UNIXFS_TYPE_NAMES[node.unixfs.type] ?? node.unixfs.type}`)
      }
      const old = this.#persisted
      await this.#record(cid)
      this.#root = MfsDir.open(cid, 0, this.#pending)
      this.#pending.clear()
      this.#unflushed = 0
      clearTimeout(this.#timer)
      this.#timer = undefined
      return { old, root: cid }
    })
  }

  /** The empty directory MFS starts from, stored */
  async #emptyRoot (options: AbortOptions): Promise<CID> {
    const writer = createBlockWriter(this.#c.putter(), options)
    const { cid } = await new MfsDir({ prefix: { cidVersion: 0, hash: SHA2_256 }, entries: new Map() }).flush(writer, this.#settings)
    await writer.flush()
    return cid
  }

  async linkAdded (entries: Array<{ name: string, cid: CID }>, dest: string, options: AbortOptions = {}): Promise<void> {
    const d = parseMfsPath(dest === '' ? '/' : dest)
    const asDir = d.trailingSlash || d.segments.length === 0
    if (!asDir && entries.length > 1) throw new InvalidParametersError(`to-files: MFS destination is a file: only one entry can be copied to "${d.text}"`)
    for (const e of entries) {
      if (e.name === '') throw new InvalidParametersError('to-files: cannot add unnamed files to MFS')
      const target = asDir ? `${d.text === '/' ? '' : d.text}/${e.name.split('/').at(-1)!}` : d.text
      if (asDir) {
        const ok = await this.stat(d.text, options).then(s => s.type === 'directory', () => undefined)
        if (ok == null) throw new NotFoundError(`to-files: MFS destination directory "${d.text}/" does not exist`)
        if (!ok) throw new InvalidParametersError(`to-files: MFS destination "${d.text}/" is not a directory`)
      }
      await this.cp(`/ipfs/${e.cid.toString()}`, target, options)
    }
  }
}

/** The MFS over a node's store; `start()` once the store is open */
export function createMfs (components: MfsComponents, init: MfsInit = {}): Mfs {
  return new MfsImpl(components, init)
}

