import { throwIfAborted } from './errors.ts'
import { InvalidParametersError, InvalidPathError } from '@cairn/interface'
import type { AddOptions, AddResult, BlockPutter, ImportCandidate } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { createBlockWriter } from './block-writer.ts'
import { parseChunker, fixedSize, type Chunker } from './chunker.ts'
import {
  CODEC_DAG_PB, DEFAULT_HAMT_THRESHOLD_BYTES, DEFAULT_INLINE_LIMIT_BYTES, DEFAULT_MAX_LINKS, HASH_SHA2_256,
  MAX_INLINE_LIMIT_BYTES, PROFILE_V1_2025_CHUNK_SIZE_BYTES, PROFILE_V1_2025_MAX_LINKS
} from './constants.ts'
import { flushDir, newDir, sortedNames, type DirResult, type ShardSplitStrategy, type TreeDir } from './dir-builder.ts'
import { buildFile } from './file-builder.ts'
import { cidFor, type CidFormat } from './hash.ts'
import { encodeNode } from './pb.ts'
import { UnixFS } from 'ipfs-unixfs'
import { IDENTITY_CODE, supportedHashes } from '@cairn/ipld'

/** Every import setting, resolved from Kubo's flags and the profile */
export interface ImportSettings {
  format: CidFormat
  rawLeaves: boolean
  chunker: Chunker
  trickle: boolean
  maxLinks: number
  wrapWithDirectory: boolean
  onlyHash: boolean
  shardSplitStrategy: ShardSplitStrategy
  shardThresholdBytes: number
}

/** Resolve `AddOptions` the way Kubo does: profile first, then explicit flags win */
export function resolveImportSettings (options: AddOptions = {}): ImportSettings {
  const v1Profile = options.profile === 'unixfs-v1-2025'
  if (options.profile != null && options.profile !== 'unixfs-v0-2015' && !v1Profile) {
    throw new InvalidParametersError(`Unknown import profile "${String(options.profile)}"`)
  }
  const hash = hashFunction(options.hash)
  // Kubo: a hash other than sha2-256 implies CIDv1, which CIDv0 cannot carry
  if (hash !== HASH_SHA2_256 && options.cidVersion === 0) throw new InvalidParametersError('CIDv0 only supports sha2-256')
  const cidVersion = options.cidVersion ?? (v1Profile || hash !== HASH_SHA2_256 ? 1 : 0)
  if (cidVersion !== 0 && cidVersion !== 1) throw new InvalidParametersError(`Unknown CID version ${String(cidVersion)}`)
  // Kubo: --cid-version=1 implies raw leaves unless --raw-leaves is given explicitly
  const rawLeaves = options.rawLeaves ?? (cidVersion === 1)
  const chunker = options.chunker != null
    ? parseChunker(options.chunker)
    : fixedSize(v1Profile ? PROFILE_V1_2025_CHUNK_SIZE_BYTES : undefined)
  const maxLinks = options.maxLinks ?? (v1Profile ? PROFILE_V1_2025_MAX_LINKS : DEFAULT_MAX_LINKS)
  if (!Number.isSafeInteger(maxLinks) || maxLinks < 2) throw new InvalidParametersError(`maxLinks must be an integer of at least 2, got ${maxLinks}`)
  let inlineLimit = -1
  if (options.inline === true) {
    inlineLimit = options.inlineLimit ?? DEFAULT_INLINE_LIMIT_BYTES
    if (!Number.isSafeInteger(inlineLimit) || inlineLimit < 0 || inlineLimit > MAX_INLINE_LIMIT_BYTES) {
      throw new InvalidParametersError(`inlineLimit must be between 0 and ${MAX_INLINE_LIMIT_BYTES}, got ${inlineLimit}`)
    }
  }
  const shardThresholdBytes = options.shardThresholdBytes ?? DEFAULT_HAMT_THRESHOLD_BYTES
  if (!Number.isSafeInteger(shardThresholdBytes) || shardThresholdBytes < 0) throw new InvalidParametersError(`shardThresholdBytes must be a non-negative integer, got ${shardThresholdBytes}`)
  return {
    format: { cidVersion, inlineLimit, hash },
    rawLeaves,
    chunker,
    trickle: options.trickle ?? false,
    maxLinks,
    wrapWithDirectory: options.wrapWithDirectory ?? false,
    onlyHash: options.onlyHash ?? false,
    shardSplitStrategy: v1Profile ? 'block-bytes' : 'links-bytes',
    shardThresholdBytes
  }
}

/** Kubo's `--hash` name to its multihash code, with Kubo's error for a name it does not know */
function hashFunction (name: string | undefined): number {
  if (name == null || name === '') return HASH_SHA2_256
  const lower = name.toLowerCase()
  const known = supportedHashes().find(h => h.name === lower)
  // identity is no hash: a CID that holds its block is `--inline`
  if (known == null || known.code === IDENTITY_CODE) throw new InvalidParametersError(`unrecognized hash function: "${lower}"`)
  return known.code
}

/** `a//b/./c/` → ['a', 'b', 'c']; '..' is refused so an import cannot name things outside itself */
export function pathSegments (path: string): string[] {
  const segments = path.split('/').filter(s => s !== '' && s !== '.')
  if (segments.includes('..')) throw new InvalidPathError(`Import path "${path}" may not contain ".."`)
  return segments
}

function toContent (content: ImportCandidate['content']): Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  if (content instanceof Uint8Array) return content
  if (content == null) return []
  if (typeof content === 'object' && (Symbol.asyncIterator in content || Symbol.iterator in content)) return content
  throw new InvalidParametersError('File content must be a Uint8Array or an (async) iterable of Uint8Arrays')
}

/**
 * Import files, directories and symlinks into UnixFS with Kubo's CIDs. Yields one result per file,
 * in input order, once its blocks are stored (writes are batched, so results trail the hashing by up
 * to a few batches), then every directory children-first, the root last. With `onlyHash` nothing is
 * written and results come as soon as they are hashed.
 */
export async function * importer (source: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>, putter: BlockPutter, options: AddOptions = {}): AsyncGenerator<AddResult> {
  const settings = resolveImportSettings(options)
  const signal = options.signal
  const writer = createBlockWriter(settings.onlyHash ? undefined : putter, { signal })
  const root = newDir('')
  let bare = 0
  let entries = 0
  // file results wait here until the store has every block they name
  const ready: Array<{ result: AddResult, position: number }> = []
  const fileSettings = { ...settings, signal, onProgress: options.onProgress }

  for await (const candidate of source) {
    throwIfAborted(signal)
    if (candidate == null || typeof candidate !== 'object' || typeof candidate.path !== 'string') {
      throw new InvalidParametersError('Each import candidate needs a string path')
    }
    entries++
    const segments = pathSegments(candidate.path)
    const path = segments.join('/')
    const isFile = candidate.content != null
    const isSymlink = candidate.symlinkTarget != null
    if (segments.length === 0) {
      if (!isFile) throw new InvalidParametersError('A directory or symlink candidate needs a name')
      bare++
    }
    if (isFile || isSymlink) {
      const link = isSymlink
        ? await writeSymlink(candidate, writer, settings.format)
        : await buildFile(toContent(candidate.content), writer, fileSettings, { path, mode: candidate.mode, mtime: candidate.mtime })
      if (segments.length > 0) {
        const parent = ensureDir(root, segments.slice(0, -1))
        parent.children.set(segments[segments.length - 1], { kind: 'leaf', cid: link.cid, tsize: link.tsize })
      } else if (settings.wrapWithDirectory) {
        // an unnamed file (stdin) is named by its CID in the wrapping directory, as Kubo's adder does
        root.children.set(link.cid.toString(), { kind: 'leaf', cid: link.cid, tsize: link.tsize })
      }
      ready.push({ result: { cid: link.cid, path: segments.length === 0 ? link.cid.toString() : path, size: link.tsize }, position: writer.position() })
      while (ready.length > 0 && ready[0].position <= writer.durable()) yield ready.shift()!.result
    } else {
      const dir = ensureDir(root, segments)
      if (candidate.mode != null) dir.mode = candidate.mode
      if (candidate.mtime != null) dir.mtime = candidate.mtime
    }
  }
  if (bare > 0 && entries > bare) throw new InvalidParametersError('A bare (unnamed) file cannot be imported together with named entries')
  await writer.flush()
  for (const r of ready) yield r.result

  const dirs: DirResult[] = []
  if (settings.wrapWithDirectory) {
    await flushDir(root, writer, settings, dirs)
  } else {
    for (const name of sortedNames(root.children.keys())) {
      const child = root.children.get(name)!
      if (child.kind === 'dir') await flushDir(child, writer, settings, dirs)
    }
  }
  await writer.flush()
  for (const d of dirs) yield { cid: d.cid, path: d.path, size: d.tsize }
}

function ensureDir (root: TreeDir, segments: string[]): TreeDir {
  let dir = root
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i]
    let child = dir.children.get(name)
    if (child == null || child.kind !== 'dir') {
      // a later entry that makes a file's path a directory replaces the file, as the last write wins
      child = newDir(segments.slice(0, i + 1).join('/'))
      dir.children.set(name, child)
    }
    dir = child
  }
  return dir
}

async function writeSymlink (candidate: ImportCandidate, writer: ReturnType<typeof createBlockWriter>, format: CidFormat): Promise<{ cid: CID, tsize: number }> {
  const data = new UnixFS({ type: 'symlink', data: new TextEncoder().encode(candidate.symlinkTarget), mode: candidate.mode, mtime: candidate.mtime }).marshal()
  const block = encodeNode(data, [])
  const cid = cidFor(CODEC_DAG_PB, block, format)
  await writer.put(cid, block)
  return { cid, tsize: block.byteLength }
}

/** Import one unnamed stream of bytes as a file; its `path` is its CID, as Kubo prints for stdin */
export async function importBytes (content: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, putter: BlockPutter, options: AddOptions = {}): Promise<AddResult> {
  let last: AddResult | undefined
  for await (const r of importer([{ path: '', content }], putter, { ...options, wrapWithDirectory: false })) last = r
  if (last == null) throw new InvalidParametersError('Nothing was imported')
  return last
}

