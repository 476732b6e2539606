import { throwIfAborted } from './errors.ts'
import { open, rm, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CarBlockIterator } from '@ipld/car/iterator'
import * as dagCbor from '@ipld/dag-cbor'
import { CairnError, InvalidCarError, InvalidParametersError } from '@cairn/interface'
import type { AbortOptions, Block, BlockGetter, BlockPutter, CarExportOptions, CarImportResult } from '@cairn/interface'
import { blockLinks, encodeVarint as varint, readVarint, verifyBlock, MAX_VARINT_BYTES } from '@cairn/ipld'
import { CID } from 'multiformats/cid'
import { CODEC_DAG_PB, DEFAULT_CAR_IMPORT_MEMORY_BYTES, DEFAULT_WRITE_BATCH_BYTES, HASH_IDENTITY, MAX_BLOCK_SIZE_BYTES, MAX_DAG_DEPTH } from './constants.ts'
import { contentSize, interpret, loadBlock, type DagNode } from './node.ts'
import { visitFile } from './reader.ts'
import { resolvePath } from './resolve.ts'

/** A CARv1 header naming `roots` */
export function carHeader (roots: CID[]): Uint8Array {
  const header = dagCbor.encode({ version: 1, roots })
  const length = varint(header.byteLength)
  const out = new Uint8Array(length.byteLength + header.byteLength)
  out.set(length, 0)
  out.set(header, length.byteLength)
  return out
}

/** One CARv1 section: varint(length of CID and block) ‖ CID ‖ block */
export function carSection (cid: CID, bytes: Uint8Array): Uint8Array {
  const length = varint(cid.bytes.byteLength + bytes.byteLength)
  const out = new Uint8Array(length.byteLength + cid.bytes.byteLength + bytes.byteLength)
  out.set(length)
  out.set(cid.bytes, length.byteLength)
  out.set(bytes, length.byteLength + cid.bytes.byteLength)
  return out
}

/** A CARv1 stream without its header, so the sections of one export can follow another's header */
export async function * carSections (car: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array | undefined = new Uint8Array(0)
  for await (const chunk of car) {
    if (pending == null) {
      yield chunk
      continue
    }
    const joined: Uint8Array = new Uint8Array(pending.byteLength + chunk.byteLength)
    joined.set(pending)
    joined.set(chunk, pending.byteLength)
    const length = readVarint(joined, 0)
    if (length == null || joined.byteLength < length.next + length.value) {
      pending = joined
      continue
    }
    const rest = joined.subarray(length.next + length.value)
    pending = undefined
    if (rest.byteLength > 0) yield rest
  }
}

/** The byte range `entity-bytes=from:to` selects in a file of `size` bytes, or undefined when it selects nothing */
export function entityRange (size: number, range: { from: number, to: number | '*' }): { offset: number, length: number } | undefined {
  if (!Number.isSafeInteger(range.from) || (range.to !== '*' && !Number.isSafeInteger(range.to))) {
    throw new InvalidParametersError('entity-bytes bounds must be integers or "*"')
  }
  const from = range.from < 0 ? Math.max(size + range.from, 0) : range.from
  const to = range.to === '*' ? size - 1 : range.to < 0 ? size + range.to : Math.min(range.to, size - 1)
  if (from > to || from >= size) return undefined
  return { offset: from, length: to - from + 1 }
}

/**
 * Export the DAG at `path` as a CARv1 stream in depth-first order: first the blocks that prove
 * the path, then the terminal element as `dagScope` asks (`all`, `entity`, `block`), or only the
 * blocks covering `entityBytes` of a file. Identity blocks are never sent; each block once
 * unless `dups`.
 */
export async function * exportCar (path: string | CID, getter: BlockGetter, options: CarExportOptions = {}): AsyncGenerator<Uint8Array> {
  const { cid, root, pathBlocks } = await resolvePath(path, getter, options)
  const scope = options.entityBytes != null ? 'entity' : options.dagScope ?? 'all'
  if (scope !== 'all' && scope !== 'entity' && scope !== 'block') throw new InvalidParametersError(`Unknown dag-scope "${String(scope)}"`)
  const dups = options.dups ?? false
  const seen = new Set<string>()
  // root first so a missing root fails before any byte is sent
  const rootBytes = await loadBlock(root, getter, options)
  yield carHeader([root])

  function * emit (c: CID, bytes: Uint8Array): Generator<Uint8Array> {
    if (c.multihash.code === HASH_IDENTITY) return
    if (!dups) {
      const k = c.multihash.bytes.join(',') + ':' + c.code
      if (seen.has(k)) return
      seen.add(k)
    }
    yield varint(c.bytes.byteLength + bytes.byteLength)
    yield c.bytes
    yield bytes
  }

  for (const c of pathBlocks) yield * emit(c, c.equals(root) ? rootBytes : await loadBlock(c, getter, options))
  const bytes = cid.equals(root) ? rootBytes : await loadBlock(cid, getter, options)

  if (scope === 'block') { yield * emit(cid, bytes); return }
  if (scope === 'all') { yield * walkAll(cid, bytes); return }

  // entity
  let node: DagNode
  try { node = interpret(cid, bytes) } catch (err) {
    // a block we cannot read as UnixFS is its own entity
    if (err instanceof CairnError && err.code === 'ERR_UNSUPPORTED_CODEC') { yield * emit(cid, bytes); return }
    throw err
  }
  if (node.type === 'file' || node.type === 'raw') {
    let range: { offset: number, length: number } | undefined = { offset: 0, length: Infinity }
    if (options.entityBytes != null) range = entityRange(contentSize(node), options.entityBytes)
    if (range == null) { yield * emit(cid, bytes); return }
    for await (const v of visitFile(node, getter, { ...range, signal: options.signal })) yield * emit(v.cid, v.bytes)
    return
  }
  yield * emit(cid, bytes)
  if (node.type === 'directory' && node.unixfs?.type === 'hamt-sharded-directory') {
    // a sharded directory's entity is every shard block, not the entries they point at
    yield * walkShards(node, 0)
  }

  async function * walkShards (shard: DagNode, depth: number): AsyncGenerator<Uint8Array> {
    if (depth > MAX_DAG_DEPTH) throw new InvalidParametersError('HAMT deeper than the supported limit')
    const padLength = (Number(shard.unixfs?.fanout ?? 0n) - 1).toString(16).length
    for (const l of shard.pb?.Links ?? []) {
      if ((l.Name ?? '').length !== padLength) continue
      const b = await loadBlock(l.Hash, getter, options)
      yield * emit(l.Hash, b)
      yield * walkShards(interpret(l.Hash, b), depth + 1)
    }
  }

  async function * walkAll (start: CID, startBytes: Uint8Array): AsyncGenerator<Uint8Array> {
    // explicit stack: a deep DAG must not exhaust the call stack
    const stack: Array<{ cid: CID, bytes?: Uint8Array }> = [{ cid: start, bytes: startBytes }]
    while (stack.length > 0) {
      throwIfAborted(options.signal)
      const { cid: c, bytes: known } = stack.pop()!
      if (!dups && seen.has(c.multihash.bytes.join(',') + ':' + c.code)) continue
      const b = known ?? await loadBlock(c, getter, options)
      if (c.code === CODEC_DAG_PB) {
        const node = interpret(c, b)
        if (node.type === 'file' || node.type === 'raw') {
          // a UnixFS file: its blocks in the same depth-first order, fetched ahead of use
          for await (const v of visitFile(node, getter, { signal: options.signal })) yield * emit(v.cid, v.bytes)
          continue
        }
        yield * emit(c, b)
        const links = node.pb?.Links ?? []
        for (let i = links.length - 1; i >= 0; i--) stack.push({ cid: links[i].Hash })
        continue
      }
      yield * emit(c, b)
      const links = blockLinks(c, b)
      for (let i = links.length - 1; i >= 0; i--) stack.push({ cid: links[i] })
    }
  }
}

export interface CarImportOptions extends AbortOptions {
  /** Verified blocks kept in memory before spilling to a temp file. @default 67108864 */
  memoryBytes?: number
}

/**
 * Import a CAR (v1 or v2): every block is hash-verified, and nothing is written until the whole
 * CAR has been read and checked, so a truncated or lying CAR leaves nothing behind. Blocks beyond
 * `memoryBytes` wait in a temp file rather than in memory.
 */
export async function importCar (source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, putter: BlockPutter, options: CarImportOptions = {}): Promise<CarImportResult> {
  const memoryLimit = options.memoryBytes ?? DEFAULT_CAR_IMPORT_MEMORY_BYTES
  const staged = new Stage(memoryLimit)
  let roots: CID[]
  let count = 0
  try {
    let iterator: CarBlockIterator
    try {
      iterator = await CarBlockIterator.fromIterable(toAsync(source))
      roots = await iterator.getRoots()
    } catch (err) {
      throw new InvalidCarError(`Invalid CAR header: ${(err as Error).message}`, { cause: err })
    }
    const it = iterator[Symbol.asyncIterator]()
    while (true) {
      throwIfAborted(options.signal)
      let next: IteratorResult<{ cid: CID, bytes: Uint8Array }>
      try {
        next = await it.next()
      } catch (err) {
        throw new InvalidCarError(`Invalid CAR data after ${count} blocks: ${(err as Error).message}`, { cause: err })
      }
      if (next.done === true) break
      const { cid, bytes } = next.value
      if (bytes.byteLength > MAX_BLOCK_SIZE_BYTES) throw new InvalidCarError(`CAR block ${cid.toString()} is larger than ${MAX_BLOCK_SIZE_BYTES} bytes`)
      await verifyBlock(cid, bytes)
      count++
      if (cid.multihash.code !== HASH_IDENTITY) await staged.add(cid, bytes)
    }
    await staged.commit(putter, options)
  } finally {
    await staged.dispose()
  }
  return { roots, blocks: count }
}

async function * toAsync (source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array)) throw new InvalidCarError('CAR source must yield Uint8Arrays')
    yield chunk
  }
}

/** Verified blocks waiting for the whole CAR to check out: memory first, then a temp file */
class Stage {
  private readonly limit: number
  private memory: Block[] = []
  private memoryBytes = 0
  private dir?: string
  private file?: import('node:fs/promises').FileHandle
  private fileBytes = 0

  constructor (limit: number) { this.limit = limit }

  async add (cid: CID, bytes: Uint8Array): Promise<void> {
    if (this.memoryBytes + bytes.byteLength <= this.limit) {
      this.memory.push({ cid, bytes })
      this.memoryBytes += bytes.byteLength
      return
    }
    if (this.file == null) {
      this.dir = await mkdtemp(join(tmpdir(), 'cairn-car-'))
      this.file = await open(join(this.dir, 'blocks'), 'w+')
    }
    const record = Buffer.concat([varint(cid.bytes.byteLength), cid.bytes, varint(bytes.byteLength), bytes])
    await this.file.write(record, 0, record.byteLength, this.fileBytes)
    this.fileBytes += record.byteLength
  }

  async commit (putter: BlockPutter, options: AbortOptions): Promise<void> {
    await putBatched(this.memory, putter, options)
    this.memory = []
    if (this.file == null) return
    // replay the spilled records in order, a batch at a time
    let pos = 0
    let batch: Block[] = []
    let batchBytes = 0
    const head = Buffer.alloc(20)
    while (pos < this.fileBytes) {
      const cidLen = await this.readVarint(head, pos)
      const cidBytes = Buffer.alloc(cidLen.value)
      await this.file.read(cidBytes, 0, cidLen.value, pos + cidLen.size)
      pos += cidLen.size + cidLen.value
      const len = await this.readVarint(head, pos)
      const bytes = Buffer.allocUnsafe(len.value)
      await this.file.read(bytes, 0, len.value, pos + len.size)
      pos += len.size + len.value
      batch.push({ cid: CID.decode(cidBytes), bytes })
      batchBytes += len.value
      if (batchBytes >= DEFAULT_WRITE_BATCH_BYTES) { await putBatched(batch, putter, options); batch = []; batchBytes = 0 }
    }
    await putBatched(batch, putter, options)
  }

  private async readVarint (buf: Buffer, pos: number): Promise<{ value: number, size: number }> {
    const { bytesRead } = await this.file!.read(buf, 0, MAX_VARINT_BYTES, pos)
    const read = readVarint(buf, 0, bytesRead)
    if (read == null) throw new InvalidCarError('Staged CAR block record is corrupt')
    return { value: read.value, size: read.next }
  }

  async dispose (): Promise<void> {
    this.memory = []
    await this.file?.close()
    if (this.dir != null) await rm(this.dir, { recursive: true, force: true })
  }
}

async function putBatched (blocks: Block[], putter: BlockPutter, options: AbortOptions): Promise<void> {
  if (blocks.length === 0) return
  if (putter.putBlocks != null) {
    for (let i = 0; i < blocks.length; i += 256) await putter.putBlocks(blocks.slice(i, i + 256), options)
    return
  }
  for (const b of blocks) await putter.putBlock(b.cid, b.bytes, options)
}
