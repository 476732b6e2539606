/**
 * Editing a stored UnixFS file the way boxo's DAG modifier does, but giving the CID `add` gives
 * the edited bytes: with fixed-size chunks every leaf before the first touched byte and after the
 * last one keeps its CID, so only the touched leaves and the nodes above them are written
 * (O(depth) blocks for a small write into a large file). A file whose leaves are not all full
 * chunks (another chunker, trickle) is re-chunked whole.
 */
import * as dagPb from '@ipld/dag-pb'
import { UnixFS } from 'ipfs-unixfs'
import { InvalidParametersError, NotAFileError } from '@cairn/interface'
import type { BlockGetter } from '@cairn/interface'
import type { BlockWriter } from './block-writer.ts'
import { fixedSize } from './chunker.ts'
import { CODEC_DAG_PB, CODEC_RAW, MAX_DAG_DEPTH } from './constants.ts'
import { buildFile, buildFromLeaves, type FileBuildSettings, type FileLink, type Leaf } from './file-builder.ts'
import { cidFor, type CidFormat } from './hash.ts'
import { contentSize, interpret, loadNode, type DagNode } from './node.ts'
import { readFile } from './reader.ts'
import { leafLayout } from './pb.ts'
import { hasStoredMode, marshalWithMode } from './unixfs-data.ts'
import type { Mtime } from './types.ts'

export interface FileEditSettings {
  format: CidFormat
  rawLeaves: boolean
  /** Fixed chunk size of new leaves (and of the leaves an edit can keep) */
  chunkSize: number
  maxLinks: number
  signal?: AbortSignal
}

export interface FileEditOptions {
  /** Where the content goes. @default 0 */
  offset?: number
  /** At most this many bytes of the content are written */
  count?: number
  /** Drop the old content first (Kubo's `--truncate`: to size zero, before writing) */
  truncate?: boolean
}

export interface FileEditResult extends FileLink {
  /** Bytes of content written */
  written: number
}

/** Zeros handed out in slices, for writes past the end of a file */
const ZEROS = new Uint8Array(65_536)

async function * limited (content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, count: number | undefined, counter: { n: number }): AsyncGenerator<Uint8Array> {
  if (count === 0) return
  for await (const chunk of content) {
    if (count != null && counter.n + chunk.byteLength >= count) {
      const part = chunk.subarray(0, count - counter.n)
      counter.n += part.byteLength
      if (part.byteLength > 0) yield part
      return
    }
    counter.n += chunk.byteLength
    yield chunk
  }
}

function * zeros (length: number): Generator<Uint8Array> {
  for (let left = length; left > 0; left -= ZEROS.byteLength) yield ZEROS.subarray(0, Math.min(left, ZEROS.byteLength))
}

/**
 * Writes `content` into the file `root` (undefined: a new, empty file) at `offset`, returning the
 * new root. Mode and mtime of the old root are kept.
 */
export async function editFile (root: DagNode | undefined, content: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, getter: BlockGetter, writer: BlockWriter, settings: FileEditSettings, options: FileEditOptions = {}): Promise<FileEditResult> {
  const offset = options.offset ?? 0
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidParametersError('cannot have negative write offset')
  if (options.count != null && (!Number.isSafeInteger(options.count) || options.count < 0)) throw new InvalidParametersError('cannot have negative byte count')
  if (root != null && root.type !== 'file' && root.type !== 'raw') throw new NotAFileError(`${root.cid.toString()} is not a file`)
  const source = content instanceof Uint8Array ? [content] : content
  const counter = { n: 0 }
  const data = limited(source, options.count, counter)
  const meta = { path: '', mode: root?.unixfs?.mode, mtime: root?.unixfs?.mtime as Mtime | undefined }
  const build: FileBuildSettings = {
    format: settings.format,
    chunker: fixedSize(settings.chunkSize),
    rawLeaves: settings.rawLeaves,
    trickle: false,
    maxLinks: settings.maxLinks,
    signal: settings.signal
  }
  const old = options.truncate === true ? undefined : root
  const oldSize = old == null ? 0 : contentSize(old)
  if (oldSize === 0 && offset === 0) {
    const link = await buildFile(data, writer, build, meta)
    return { ...link, written: counter.n }
  }

  const c = settings.chunkSize
  const leaves = await fileLeaves(old!, getter, settings.signal)
  const uniform = leaves != null && leaves.every((l, i) => i === leaves.length - 1 ? l.fileSize <= c : l.fileSize === c)
  const start = Math.min(offset, oldSize)
  const first = uniform ? Math.floor(start / c) : 0

  async function * virtual (): AsyncGenerator<Uint8Array> {
    if (start > first * c) yield * readFile(old!, getter, { offset: first * c, length: start - first * c, signal: settings.signal })
    if (offset > oldSize) yield * zeros(offset - oldSize)
    yield * data
    const end = offset + counter.n
    if (end < oldSize) {
      const stop = uniform ? Math.min(oldSize, Math.ceil(end / c) * c) : oldSize
      if (stop > end) yield * readFile(old!, getter, { offset: end, length: stop - end, signal: settings.signal })
    }
  }

  async function * sequence (): AsyncGenerator<Leaf> {
    if (uniform) for (let i = 0; i < first; i++) yield { data: EMPTY, link: { ...leaves[i], reused: true } }
    for await (const chunk of build.chunker.chunk(virtual())) yield { data: chunk }
    const end = offset + counter.n
    if (uniform && end < oldSize) {
      for (let i = Math.ceil(end / c); i < leaves.length; i++) yield { data: EMPTY, link: { ...leaves[i], reused: true } }
    }
  }

  const link = await buildFromLeaves(sequence(), writer, build, meta)
  return { ...link, written: counter.n }
}

const EMPTY = new Uint8Array(0)

/**
 * The leaves of a file DAG, read from its inner nodes only; undefined when an inner node carries
 * content of its own (then it cannot be rebuilt from its leaves alone).
 */
async function fileLeaves (root: DagNode, getter: BlockGetter, signal?: AbortSignal): Promise<FileLink[] | undefined> {
  const out: FileLink[] = []
  const visit = async (node: DagNode, tsize: number, fileSize: number, depth: number): Promise<boolean> => {
    if (depth > MAX_DAG_DEPTH) throw new InvalidParametersError('File DAG deeper than the supported limit')
    const links = node.pb?.Links ?? []
    if (links.length === 0) {
      out.push({ cid: node.cid, tsize, fileSize })
      return true
    }
    if ((node.unixfs?.data?.byteLength ?? 0) > 0) return false
    const sizes = node.unixfs?.blockSizes ?? []
    for (let i = 0; i < links.length; i++) {
      const l = links[i]
      const size = Number(sizes[i] ?? 0n)
      // a leaf is known from its parent's record without reading it: a raw block, or a dag-pb
      // block exactly the size of a leaf framing its bytes (any inner node is larger)
      if (l.Hash.code === CODEC_RAW || (l.Tsize != null && l.Tsize === leafLayout(size).blockLength)) {
        out.push({ cid: l.Hash, tsize: l.Tsize ?? size, fileSize: size })
        continue
      }
      signal?.throwIfAborted()
      if (!(await visit(await loadNode(l.Hash, getter, { signal }), l.Tsize ?? 0, size, depth + 1))) return false
    }
    return true
  }
  return (await visit(root, root.bytes.byteLength, contentSize(root), 0)) ? out : undefined
}

export interface NodeMeta {
  mode?: number
  mtime?: Mtime
}

/**
 * The node `node` with UnixFS mode and/or mtime set (Kubo's `files chmod` and `touch`): a raw
 * leaf becomes a dag-pb file node holding the same bytes. Links are kept as they are.
 */
export async function setNodeMeta (node: DagNode, meta: NodeMeta, writer: BlockWriter, format: CidFormat): Promise<{ cid: DagNode['cid'], tsize: number }> {
  let unixfs: UnixFS
  let links: dagPb.PBLink[] = []
  if (node.unixfs == null) {
    if (node.cid.code !== CODEC_RAW) throw new NotAFileError(`${node.cid.toString()} is not UnixFS`)
    unixfs = new UnixFS({ type: 'file', data: node.bytes })
  } else {
    unixfs = node.unixfs
    links = node.pb?.Links ?? []
  }
  // a mode the node stored before is kept, as Kubo keeps it across touch
  const mode = meta.mode ?? (hasStoredMode(node.pb?.Data) ? unixfs.mode : undefined)
  if (meta.mode != null) unixfs.mode = meta.mode
  if (meta.mtime != null) unixfs.mtime = meta.mtime
  const block = dagPb.encode(dagPb.prepare({ Data: marshalWithMode(unixfs, mode), Links: links }))
  const cid = cidFor(CODEC_DAG_PB, block, format)
  await writer.put(cid, block)
  let tsize = block.byteLength
  for (const l of links) tsize += l.Tsize ?? 0
  return { cid, tsize }
}

/** The same dag-pb node under another CID version (Kubo's `files chcid` of one directory) */
export async function recodeNode (node: DagNode, writer: BlockWriter, format: CidFormat): Promise<{ cid: DagNode['cid'], tsize: number }> {
  const cid = cidFor(node.cid.code, node.bytes, format)
  await writer.put(cid, node.bytes)
  let tsize = node.bytes.byteLength
  for (const l of node.pb?.Links ?? []) tsize += l.Tsize ?? 0
  return { cid, tsize }
}

export { interpret }
