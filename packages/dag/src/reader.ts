import { InvalidParametersError, MalformedBlockError, NotADirectoryError, NotAFileError } from '@cairn/interface'
import type { AbortOptions, BlockGetter, CatOptions, GetEntry, LsEntry, StatResult } from '@cairn/interface'
import { blockLinks } from '@cairn/ipld'
import { CID } from 'multiformats/cid'
import { CODEC_DAG_PB, CODEC_RAW, DEFAULT_LS_CONCURRENCY, DEFAULT_PREFETCH_BLOCKS, MAX_DAG_DEPTH } from './constants.ts'
import { contentSize, cumulativeSize, interpret, loadBlock, loadNode, type DagNode } from './node.ts'
import { parsePath } from './path.ts'
import { viewFileNode } from './file-node.ts'
import { resolvePath } from './resolve.ts'
import type { ReadAheadBudget } from './read-ahead.ts'

export interface ReadOptions extends CatOptions {
  /** Block requests in flight while reading, the one being awaited included. @default 16 (DEFAULT_PREFETCH_BLOCKS) */
  prefetch?: number
  /**
   * Shared with other readers: blocks beyond the one being awaited are only requested while it
   * has room, so that many concurrent readers hold a bounded total. @default unbounded (each
   * reader's `prefetch` window alone)
   */
  readAhead?: ReadAheadBudget
}

interface Pending {
  cid: CID
  /** File offset where this node's content starts */
  start: number
  /** Content size the parent recorded for it (-1 for the root) */
  size: number
  fetch?: Promise<Uint8Array>
  /** Requested ahead under the shared budget: one block of it is given back when this is read */
  ahead?: boolean
}

const EMPTY = new Uint8Array(0)

function decodeCid (bytes: Uint8Array, parent: CID): CID {
  try {
    return CID.decode(bytes)
  } catch (err) {
    throw new MalformedBlockError(`Block ${parent.toString()} links to a malformed CID`, { cause: err })
  }
}

function checkRange (options: CatOptions): { offset: number, length: number } {
  const offset = options.offset ?? 0
  const length = options.length ?? Infinity
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidParametersError(`offset must be a non-negative integer, got ${offset}`)
  if (length !== Infinity && (!Number.isSafeInteger(length) || length < 0)) throw new InvalidParametersError(`length must be a non-negative integer, got ${length}`)
  return { offset, length }
}

/**
 * The bytes of a file DAG in order, or of the range `[offset, offset + length)`: only blocks that
 * cover the range are read, found through the sizes each node records for its children. Up to
 * `prefetch` blocks are requested ahead so a network getter streams instead of round-tripping.
 */
export async function * readFile (root: DagNode, getter: BlockGetter, options: ReadOptions = {}): AsyncGenerator<Uint8Array> {
  for await (const v of visitFile(root, getter, options)) {
    if (v.data.byteLength > 0) yield v.data
  }
}

export interface VisitedBlock {
  cid: CID
  bytes: Uint8Array
  /** The part of this block's own content inside the range (often empty for inner nodes) */
  data: Uint8Array
}

/** Every block of a file DAG that covers the range, depth-first, with its share of the content */
export async function * visitFile (root: DagNode, getter: BlockGetter, options: ReadOptions = {}): AsyncGenerator<VisitedBlock> {
  if (root.type === 'directory') throw new NotAFileError('this dag node is a directory')
  if (root.type !== 'file' && root.type !== 'raw') throw new NotAFileError(`${root.cid.toString()} is not a file (${root.type})`)
  const { offset, length } = checkRange(options)
  const end = offset + length
  if (length === 0) return
  const window = options.prefetch ?? DEFAULT_PREFETCH_BLOCKS
  const frames: Array<{ items: Pending[], i: number }> = [{ items: [{ cid: root.cid, start: 0, size: -1, fetch: Promise.resolve(root.bytes) }], i: 0 }]

  // blocks requested and not yet consumed, the one being awaited included: never more than `window`
  let started = 0
  const budget = options.readAhead
  const begin = (item: Pending): void => {
    item.fetch = loadBlock(item.cid, getter, options)
    // a prefetch the reader never reaches (it stopped early) must not become an unhandled rejection
    item.fetch.catch(() => {})
    started++
  }
  const prefetch = (): void => {
    for (let f = frames.length - 1; f >= 0 && started < window; f--) {
      const fr = frames[f]
      for (let j = fr.i; j < fr.items.length && started < window; j++) {
        const next = fr.items[j]
        if (next.fetch != null) continue
        if (budget != null) {
          if (!budget.tryTake()) return
          next.ahead = true
        }
        begin(next)
      }
    }
  }

  try {
    yield * walk()
  } finally {
    // a reader stopped early gives back the read-ahead it still holds
    if (budget != null) {
      for (const fr of frames) {
        for (let j = fr.i; j < fr.items.length; j++) {
          if (fr.items[j].ahead === true) budget.give()
        }
      }
    }
  }

  async function * walk (): AsyncGenerator<VisitedBlock> {
    while (frames.length > 0) {
      if (frames.length > MAX_DAG_DEPTH) throw new MalformedBlockError('File DAG is deeper than the supported limit')
      const top = frames[frames.length - 1]
      if (top.i >= top.items.length) { frames.pop(); continue }
      const item = top.items[top.i++]
      // the block needed now is this reader's own, not read-ahead
      if (item.ahead === true) {
        item.ahead = false
        budget!.give()
      }
      // ask for the block needed now before the ones after it
      if (item.fetch == null) begin(item)
      else if (item.size === -1) started++
      prefetch()
      // the frame keeps its items until its last one is read (up to 174 for Kubo's layout): an item
      // that kept its block would hold up to 43 MiB of a file per reader
      const fetch = item.fetch!
      item.fetch = undefined
      const bytes = await fetch
      started--
      let data: Uint8Array
      const children: Pending[] = []
      const view = item.size !== -1 && item.cid.code === CODEC_DAG_PB ? viewFileNode(bytes) : undefined
      if (view != null) {
        // the common case, without building CIDs for links outside the range
        data = view.data ?? EMPTY
        if (view.blockSizes.length !== view.linkHashes.length) throw new MalformedBlockError(`File node ${item.cid.toString()} has ${view.linkHashes.length} links but ${view.blockSizes.length} block sizes`)
        let pos = item.start + data.byteLength
        for (let i = 0; i < view.linkHashes.length; i++) {
          const size = view.blockSizes[i]
          if (pos < end && pos + size > offset) children.push({ cid: decodeCid(view.linkHashes[i], item.cid), start: pos, size })
          pos += size
        }
        if (pos - item.start !== item.size) {
          throw new MalformedBlockError(`Block ${item.cid.toString()} holds ${pos - item.start} bytes but its parent says ${item.size}`)
        }
        const from = Math.max(offset - item.start, 0)
        const to = Math.min(end - item.start, data.byteLength)
        yield { cid: item.cid, bytes, data: to > from ? data.subarray(from, to) : EMPTY }
        if (children.length > 0) frames.push({ items: children, i: 0 })
        continue
      }
      const node = item.size === -1 ? root : interpret(item.cid, bytes)
      if (node.unixfs == null) {
        if (node.type !== 'file') throw new MalformedBlockError(`File DAG ${root.cid.toString()} links to a non-file block ${item.cid.toString()}`)
        data = bytes
      } else {
        if (node.type !== 'file' && node.type !== 'raw') throw new MalformedBlockError(`File DAG ${root.cid.toString()} links to a ${node.type} node ${item.cid.toString()}`)
        data = node.unixfs.data ?? new Uint8Array(0)
        const links = node.pb?.Links ?? []
        const sizes = node.unixfs.blockSizes
        if (sizes.length !== links.length) throw new MalformedBlockError(`File node ${item.cid.toString()} has ${links.length} links but ${sizes.length} block sizes`)
        let pos = item.start + data.byteLength
        for (let i = 0; i < links.length; i++) {
          const size = Number(sizes[i])
          if (pos < end && pos + size > offset) children.push({ cid: links[i].Hash, start: pos, size })
          pos += size
        }
        if (item.size !== -1 && pos - item.start !== item.size) {
          throw new MalformedBlockError(`Block ${item.cid.toString()} holds ${pos - item.start} bytes but its parent says ${item.size}`)
        }
      }
      if (node.unixfs == null && item.size !== -1 && data.byteLength !== item.size) {
        throw new MalformedBlockError(`Block ${item.cid.toString()} holds ${data.byteLength} bytes but its parent says ${item.size}`)
      }
      const from = Math.max(offset - item.start, 0)
      const to = Math.min(end - item.start, data.byteLength)
      yield { cid: item.cid, bytes, data: to > from ? data.subarray(from, to) : EMPTY }
      if (children.length > 0) frames.push({ items: children, i: 0 })
    }
  }
}

/** `cat`: the content of the file at `path`, or the byte range asked for */
export async function * cat (path: string | CID, getter: BlockGetter, options: ReadOptions = {}): AsyncGenerator<Uint8Array> {
  const { cid } = await resolvePath(path, getter, options)
  yield * readFile(await loadNode(cid, getter, options), getter, options)
}

/** Type, sizes and the number of distinct blocks of the DAG at `path` */
export async function stat (path: string | CID, getter: BlockGetter, options: AbortOptions = {}): Promise<StatResult> {
  const { cid } = await resolvePath(path, getter, options)
  const node = await loadNode(cid, getter, options)
  const { numBlocks } = await dagStat(cid, getter, options)
  return { cid, type: node.type, size: contentSize(node), cumulativeSize: cumulativeSize(node), blocks: numBlocks }
}

export interface DagStatResult {
  /** Sum of the sizes of the distinct blocks */
  size: number
  numBlocks: number
}

/**
 * What a local store can tell about a block without its body being read: its size and links
 * (`@cairn/blockstore`'s `sizeOf` and `linksOf`). Each rejects with a `NotFoundError` when the
 * block is not stored.
 */
export interface BlockIndex {
  sizeOf(cid: CID, options?: AbortOptions): Promise<number>
  linksOf(cid: CID, options?: AbortOptions): Promise<CID[]>
}

export interface DagStatOptions extends AbortOptions {
  /** Blocks walked at once. @default 16 (DEFAULT_PREFETCH_BLOCKS) */
  concurrency?: number
  onProgress?: (blocks: number, bytes: number) => void
  /**
   * Sizes and links of stored blocks from the store's index: a stored block's body is then not
   * read (for a 256 MiB file, kilobytes of dag-pb prefixes instead of the file); blocks it lacks
   * come from `getter`
   */
  index?: BlockIndex
}

/** Walk the whole DAG (any codec `blockLinks` knows), counting each distinct block once */
export async function dagStat (path: string | CID, getter: BlockGetter, options: DagStatOptions = {}): Promise<DagStatResult> {
  const { cid } = typeof path === 'string' ? await resolvePath(path, getter, options) : { cid: parsePath(path).root }
  const seen = new Set<string>()
  let size = 0
  const queue: CID[] = [cid]
  seen.add(key(cid))
  const concurrency = options.concurrency ?? DEFAULT_PREFETCH_BLOCKS
  const shape = async (c: CID): Promise<{ size: number, links: CID[] }> => {
    if (options.index != null) {
      try {
        return { size: await options.index.sizeOf(c, options), links: await options.index.linksOf(c, options) }
      } catch (err) {
        if ((err as Error)?.name !== 'NotFoundError') throw err
      }
    }
    const bytes = await loadBlock(c, getter, options)
    return { size: bytes.byteLength, links: blockLinks(c, bytes) }
  }
  let done = 0
  while (queue.length > 0) {
    const batch = queue.splice(0, concurrency)
    const shapes = await Promise.all(batch.map(shape))
    for (const block of shapes) {
      size += block.size
      for (const l of block.links) {
        const k = key(l)
        if (!seen.has(k)) { seen.add(k); queue.push(l) }
      }
    }
    done += batch.length
    options.onProgress?.(done, size)
  }
  return { size, numBlocks: seen.size }
}

function key (cid: CID): string {
  return cid.multihash.bytes.join(',')
}

export interface LsOptions extends AbortOptions {
  /** Children read at once to learn their type and size. @default 16 (DEFAULT_LS_CONCURRENCY) */
  concurrency?: number
  /** Read each child to learn its type and size; false reads none (Kubo's `ResolveChildren`). @default true */
  resolveChildren?: boolean
}

interface DirLink { name: string, cid: CID, tsize: number }

/** The links of a plain or HAMT-sharded directory node, in directory order */
export async function * directoryLinks (dir: DagNode, getter: BlockGetter, options: AbortOptions = {}, depth = 0): AsyncGenerator<DirLink> {
  if (dir.type !== 'directory' || dir.pb == null || dir.unixfs == null) throw new NotADirectoryError(`${dir.cid.toString()} is not a directory`)
  if (dir.unixfs.type === 'directory') {
    for (const l of dir.pb.Links) yield { name: l.Name ?? '', cid: l.Hash, tsize: l.Tsize ?? 0 }
    return
  }
  if (depth > MAX_DAG_DEPTH) throw new MalformedBlockError('HAMT deeper than the supported limit')
  const padLength = (Number(dir.unixfs.fanout ?? 0n) - 1).toString(16).length
  for (const l of dir.pb.Links) {
    const name = l.Name ?? ''
    if (name.length < padLength) throw new MalformedBlockError(`HAMT link "${name}" in ${dir.cid.toString()} is shorter than its slot label`)
    if (name.length === padLength) {
      const sub = await loadNode(l.Hash, getter, options)
      if (sub.unixfs?.type !== 'hamt-sharded-directory') throw new MalformedBlockError(`HAMT sub-shard ${l.Hash.toString()} is not a shard`)
      yield * directoryLinks(sub, getter, options, depth + 1)
    } else {
      yield { name: name.slice(padLength), cid: l.Hash, tsize: l.Tsize ?? 0 }
    }
  }
}

/** `ls`: the entries of the directory at `path`, each resolved to learn its type and size */
export async function * ls (path: string | CID, getter: BlockGetter, options: LsOptions = {}): AsyncGenerator<LsEntry> {
  const { cid, root, segments } = await resolvePath(path, getter, options)
  const dir = await loadNode(cid, getter, options)
  const base = [root.toString(), ...segments].join('/')
  const concurrency = options.concurrency ?? DEFAULT_LS_CONCURRENCY
  const pending: Array<{ link: DirLink, node: Promise<DagNode> }> = []
  const toEntry = (link: DirLink, node: DagNode): LsEntry => ({
    name: link.name,
    path: `${base}/${link.name}`,
    cid: link.cid,
    size: node.type === 'file' || node.type === 'raw' ? contentSize(node) : link.tsize,
    type: node.type
  })
  if (options.resolveChildren === false) {
    for await (const link of directoryLinks(dir, getter, options)) {
      // a raw block is a file whose link size is its size; any other child stays unread
      const raw = link.cid.code === CODEC_RAW
      yield { name: link.name, path: `${base}/${link.name}`, cid: link.cid, size: raw ? link.tsize : 0, type: raw ? 'file' : 'unknown' }
    }
    return
  }
  for await (const link of directoryLinks(dir, getter, options)) {
    const node = loadNode(link.cid, getter, options)
    node.catch(() => {})
    pending.push({ link, node })
    if (pending.length >= concurrency) {
      const p = pending.shift()!
      yield toEntry(p.link, await p.node)
    }
  }
  for (const p of pending) yield toEntry(p.link, await p.node)
}

/**
 * `get`: the DAG at `path` as files and folders, directories before their children. Read each
 * file's `content` before asking for the next entry.
 */
export async function * get (path: string | CID, getter: BlockGetter, options: ReadOptions = {}): AsyncGenerator<GetEntry> {
  const { cid, root, segments } = await resolvePath(path, getter, options)
  const name = segments.length > 0 ? segments[segments.length - 1] : root.toString()
  yield * getEntry(await loadNode(cid, getter, options), name, getter, options, 0)
}

async function * getEntry (node: DagNode, path: string, getter: BlockGetter, options: ReadOptions, depth: number): AsyncGenerator<GetEntry> {
  if (depth > MAX_DAG_DEPTH) throw new MalformedBlockError('Directory tree deeper than the supported limit')
  const meta = { mode: node.unixfs?.mode, mtime: node.unixfs?.mtime }
  switch (node.type) {
    case 'directory': {
      yield { path, type: 'directory', cid: node.cid, ...meta }
      const links: DirLink[] = []
      for await (const link of directoryLinks(node, getter, options)) {
        if (link.name === '' || link.name === '.' || link.name === '..' || link.name.includes('/')) {
          throw new MalformedBlockError(`Directory ${node.cid.toString()} has an unsafe entry name "${link.name}"`)
        }
        links.push(link)
      }
      // the next entries' root blocks are requested while the current one is written out
      const pending = new Map<number, Promise<DagNode>>()
      const ahead = (i: number): void => {
        if (i >= links.length || pending.has(i)) return
        const p = loadNode(links[i].cid, getter, options)
        p.catch(() => {})
        pending.set(i, p)
      }
      for (let i = 0; i < links.length; i++) {
        for (let j = i; j < i + DEFAULT_LS_CONCURRENCY; j++) ahead(j)
        const child = await pending.get(i)!
        pending.delete(i)
        yield * getEntry(child, `${path}/${links[i].name}`, getter, options, depth + 1)
      }
      return
    }
    case 'symlink':
      yield { path, type: 'symlink', cid: node.cid, symlinkTarget: new TextDecoder().decode(node.unixfs?.data ?? new Uint8Array(0)), ...meta }
      return
    case 'file':
    case 'raw':
      yield { path, type: 'file', cid: node.cid, size: contentSize(node), content: readFile(node, getter, { ...options, offset: undefined, length: undefined }), ...meta }
      return
    default:
      throw new NotAFileError(`${node.cid.toString()} is not UnixFS (${node.type}) and cannot be written out as a file`)
  }
}
