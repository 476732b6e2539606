import { throwIfAborted } from './errors.ts'
import { UnixFS } from 'ipfs-unixfs'
import type { CID } from 'multiformats/cid'
import type { BlockWriter } from './block-writer.ts'
import type { Chunker } from './chunker.ts'
import { CODEC_DAG_PB, CODEC_RAW, TRICKLE_LAYER_REPEAT } from './constants.ts'
import { cidFor, type CidFormat } from './hash.ts'
import { encodeFileParentData, encodeLeaf, encodeNode, UNIXFS_FILE, UNIXFS_RAW } from './pb.ts'
import type { Mtime } from './types.ts'
import { FileContent } from './fs-source.ts'

/** A node of a file DAG as its parent links to it */
export interface FileLink {
  cid: CID
  /** Cumulative size of the sub-DAG: what the parent's link records as Tsize */
  tsize: number
  /** File bytes under this node: what the parent records in `blocksizes` */
  fileSize: number
  /** Already stored, unchanged (an edit that reuses it): its parents need no new write either */
  reused?: boolean
}

export interface FileBuildSettings {
  format: CidFormat
  chunker: Chunker
  rawLeaves: boolean
  trickle: boolean
  maxLinks: number
  signal?: AbortSignal
  onProgress?: (bytes: number, path: string) => void
}

export interface FileMeta {
  path: string
  mode?: number
  mtime?: Mtime
}

/**
 * Build a file's DAG the way Kubo does: balanced (fill left to right, depth grows as needed, a
 * single leaf is the root) or trickle (Kubo's `fillTrickleRec`, leaves are UnixFS Raw nodes and
 * the root always wraps them). Streaming: only one chunk and one partial node per level are held.
 */
export async function buildFile (content: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, writer: BlockWriter, settings: FileBuildSettings, meta: FileMeta): Promise<FileLink> {
  const leafType = settings.trickle ? UNIXFS_RAW : UNIXFS_FILE
  return await buildFromLeaves(leaves(content, settings, settings.rawLeaves ? undefined : leafType), writer, settings, meta)
}

/**
 * `buildFile` over leaves already cut: each is a chunk to store, or (an edit of a stored file)
 * the link of a leaf kept as it is, which is neither rewritten nor makes its parents rewritten.
 */
export async function buildFromLeaves (chunks: AsyncIterable<Leaf> | Iterable<Leaf>, writer: BlockWriter, settings: FileBuildSettings, meta: FileMeta): Promise<FileLink> {
  const { format, rawLeaves, signal, onProgress } = settings
  const leafType = settings.trickle ? UNIXFS_RAW : UNIXFS_FILE
  let hashed = 0
  const hasMeta = meta.mode != null || meta.mtime != null

  const makeLeaf = async (leaf: Leaf): Promise<FileLink> => {
    throwIfAborted(signal)
    if (leaf.link != null) {
      hashed += leaf.link.fileSize
      return leaf.link
    }
    const chunk = leaf.data
    let link: FileLink
    if (rawLeaves) {
      const cid = cidFor(CODEC_RAW, chunk, format)
      await writer.put(cid, chunk)
      link = { cid, tsize: chunk.byteLength, fileSize: chunk.byteLength }
    } else {
      const block = leaf.block ?? encodeLeaf(chunk, leafType)
      const cid = cidFor(CODEC_DAG_PB, block, format)
      await writer.put(cid, block)
      link = { cid, tsize: block.byteLength, fileSize: chunk.byteLength }
    }
    hashed += chunk.byteLength
    onProgress?.(hashed, meta.path)
    return link
  }

  const makeParent = async (children: FileLink[], isRoot: boolean): Promise<FileLink> => {
    const sizes = children.map(c => c.fileSize)
    const data = isRoot && hasMeta
      ? new UnixFS({ type: 'file', blockSizes: sizes.map(BigInt), mode: meta.mode, mtime: meta.mtime }).marshal()
      : encodeFileParentData(sizes)
    const block = encodeNode(data, children.map(c => ({ cid: c.cid, name: '', tsize: c.tsize })))
    const cid = cidFor(CODEC_DAG_PB, block, format)
    // the same children and data give the same block, stored already
    const reused = !isRoot && children.every(c => c.reused === true)
    if (!reused) await writer.put(cid, block)
    let tsize = block.byteLength
    let fileSize = 0
    for (const c of children) { tsize += c.tsize; fileSize += c.fileSize }
    return { cid, tsize, fileSize, reused }
  }

  if (settings.trickle) return await buildTrickle(chunks, makeLeaf, makeParent, settings.maxLinks)

  // balanced: levels[i] holds the pending links at height i. A full level is turned into one node
  // above only when one more link arrives, so the node that ends up as root is built knowing it.
  const levels: FileLink[][] = [[]]
  const push = async (level: number, link: FileLink): Promise<void> => {
    levels[level] ??= []
    if (levels[level].length === settings.maxLinks) {
      const children = levels[level]
      levels[level] = []
      await push(level + 1, await makeParent(children, false))
    }
    levels[level].push(link)
  }
  let leafCount = 0
  let firstChunk: Leaf | undefined
  for await (const chunk of chunks) {
    leafCount++
    // hold the first chunk: if it is the only one, it becomes the root itself
    if (leafCount === 1) { firstChunk = chunk; continue }
    if (leafCount === 2 && firstChunk != null) { await push(0, await makeLeaf(firstChunk)); firstChunk = undefined }
    await push(0, await makeLeaf(chunk))
  }
  if (leafCount <= 1) {
    if (!hasMeta) return await makeLeaf(firstChunk ?? { data: new Uint8Array(0) })
    const chunk = firstChunk?.data ?? new Uint8Array(0)
    // a file with metadata needs a dag-pb root even when its content fits one raw leaf
    const block = encodeNodeWithMeta(chunk, meta)
    const cid = cidFor(CODEC_DAG_PB, block, format)
    await writer.put(cid, block)
    onProgress?.(chunk.byteLength, meta.path)
    return { cid, tsize: block.byteLength, fileSize: chunk.byteLength }
  }
  for (let i = 0; ; i++) {
    if (i === levels.length - 1) return await makeParent(levels[i], true)
    const children = levels[i]
    levels[i] = []
    await push(i + 1, await makeParent(children, false))
  }
}

function encodeNodeWithMeta (chunk: Uint8Array, meta: FileMeta): Uint8Array {
  const data = new UnixFS({ type: 'file', data: chunk.byteLength > 0 ? chunk : undefined, mode: meta.mode, mtime: meta.mtime }).marshal()
  return encodeNode(data, [])
}

/**
 * A chunk of content, with its leaf block when the source could frame it in place, or a stored
 * leaf kept as it is (`link`, then `data` is unused)
 */
export interface Leaf { data: Uint8Array, block?: Uint8Array, link?: FileLink }

function leaves (content: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, settings: FileBuildSettings, leafType: number | undefined): AsyncIterable<Leaf> | Iterable<Leaf> {
  const size = settings.chunker.fixedChunkSize
  if (size != null && content instanceof Uint8Array) {
    // bytes in hand (most small files): slice them without any async machinery
    const out: Leaf[] = []
    for (let off = 0; off < content.byteLength; off += size) out.push({ data: content.subarray(off, off + size) })
    return out
  }
  if (content instanceof FileContent && size != null) return content.leaves(size, leafType)
  return chunked(settings.chunker, content instanceof Uint8Array ? [content] : content)
}

async function * chunked (chunker: Chunker, content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Leaf> {
  for await (const data of chunker.chunk(content)) yield { data }
}

type LinkMaker = (leaf: Leaf) => Promise<FileLink>
type ParentMaker = (children: FileLink[], isRoot: boolean) => Promise<FileLink>

/** Kubo's trickle layout: `maxLinks` leaves, then `TRICKLE_LAYER_REPEAT` subtrees of each growing depth */
async function buildTrickle (source: AsyncIterable<Leaf> | Iterable<Leaf>, makeLeaf: LinkMaker, makeParent: ParentMaker, maxLinks: number): Promise<FileLink> {
  const chunks: AsyncIterator<Leaf> | Iterator<Leaf> = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()
  let next: IteratorResult<Leaf> = await chunks.next()
  const done = (): boolean => next.done === true
  const take = async (): Promise<FileLink> => {
    const link = await makeLeaf(next.value as Leaf)
    next = await chunks.next()
    return link
  }
  const fill = async (maxDepth: number, isRoot: boolean): Promise<FileLink> => {
    const children: FileLink[] = []
    while (children.length < maxLinks && !done()) children.push(await take())
    for (let depth = 1; maxDepth === -1 || depth < maxDepth; depth++) {
      if (done()) break
      for (let r = 0; r < TRICKLE_LAYER_REPEAT && !done(); r++) children.push(await fill(depth, false))
    }
    return await makeParent(children, isRoot)
  }
  return await fill(-1, true)
}
