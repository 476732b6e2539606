import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  BlockTooLargeError, InvalidParametersError, NotFoundError, RepoCorruptError, RepoLockedError
} from '@cairn/interface'
import { Level } from 'level'
import { CID } from 'multiformats/cid'
import { BodyFiles, multihashOfName } from './bodies.ts'
import {
  DEFAULT_BATCH_BLOCKS_MAX, DEFAULT_BATCH_BYTES_MAX, DEFAULT_BLOCK_BYTES_MAX, DEFAULT_FILE_CONCURRENCY,
  DEFAULT_INDEX_CACHE_BYTES, DEFAULT_INDEX_WRITE_BUFFER_BYTES, DEFAULT_INLINE_BYTES_MAX, DEFAULT_SYNC,
  DEFAULT_VERIFY, STORE_VERSION
} from './constants.ts'
import {
  PREFIX_BLOCK, PREFIX_COUNT, PREFIX_DIRECT, STATS_KEY, VERSION_KEY, blockKey, decodeBlockRecord, decodeMultihash, decodeStats,
  encodeFile, encodeInline, encodeStats, keyString, multihashLength, prefixRange, recordCid, recordSize
} from './encoding.ts'
import { GcLock, Mutex, forEachLimit } from './locks.ts'
import { PinsImpl } from './pins.ts'
import { canVerify, verifyBlockSync } from './verify.ts'
import type { BlockRecord } from './encoding.ts'
import type { BlockstoreInit, CairnBlockstore, GcOptions, Pins, VerifyOptions } from './index.ts'
import type { AbortOptions, Block, VerifyProblem } from '@cairn/interface'
import type { InputPair, Pair } from 'interface-blockstore'

export type Db = Level<Uint8Array, Uint8Array>

const IDENTITY_CODE = 0x00

/** A block waiting for its index entry: the body file (if any) is already written */
interface Pending { cid: CID, key: Uint8Array, bytes: Uint8Array, file?: string }

export class LevelBlockstore implements CairnBlockstore {
  readonly path: string
  readonly pins: Pins
  readonly db: Db
  readonly bodies: BodyFiles
  readonly gcLock = new GcLock()
  /** Serialises every index batch that adds or removes blocks, so the counters stay exact */
  readonly #writeLock = new Mutex()
  /** Body files written whose index entry is not committed yet; GC's orphan sweep leaves them */
  readonly #inflight = new Set<string>()
  readonly #verify: boolean
  readonly #inlineMax: number
  readonly #batchBlocks: number
  readonly #batchBytes: number
  readonly #fileConcurrency: number
  readonly #sync: boolean
  readonly #blockMax: number
  #blocks = 0
  #bytes = 0
  #closed = false

  constructor (init: BlockstoreInit, db: Db) {
    this.path = init.path
    this.db = db
    this.bodies = new BodyFiles(join(init.path, 'data'))
    this.#verify = init.verify ?? DEFAULT_VERIFY
    this.#inlineMax = init.inlineBytesMax ?? DEFAULT_INLINE_BYTES_MAX
    this.#batchBlocks = init.batchBlocksMax ?? DEFAULT_BATCH_BLOCKS_MAX
    this.#batchBytes = init.batchBytesMax ?? DEFAULT_BATCH_BYTES_MAX
    this.#fileConcurrency = init.fileConcurrency ?? DEFAULT_FILE_CONCURRENCY
    this.#sync = init.sync ?? DEFAULT_SYNC
    this.#blockMax = init.blockBytesMax ?? DEFAULT_BLOCK_BYTES_MAX
    this.pins = new PinsImpl(this)
  }

  /** Checks the version and loads the counters; a fresh index gets both written */
  async init (): Promise<void> {
    const version = await this.db.get(VERSION_KEY)
    if (version == null) {
      for await (const _ of this.db.keys({ limit: 1 })) {
        throw new RepoCorruptError(`Block store at ${this.path} has data but no /version key`)
      }
      await this.db.batch([
        { type: 'put', key: VERSION_KEY, value: new TextEncoder().encode(String(STORE_VERSION)) },
        { type: 'put', key: STATS_KEY, value: encodeStats(0, 0) }
      ], { sync: true })
      return
    }
    const found = new TextDecoder().decode(version)
    if (found !== String(STORE_VERSION)) {
      throw new RepoCorruptError(`Block store at ${this.path} has layout version ${found}; this Cairn reads version ${STORE_VERSION}`)
    }
    const stats = await this.db.get(STATS_KEY)
    if (stats == null) throw new RepoCorruptError(`Block store at ${this.path} has no /stats key`)
    const { blocks, bytes } = decodeStats(stats)
    this.#blocks = blocks
    this.#bytes = bytes
  }

  // --- Cairn block API -------------------------------------------------------------------------

  async getBlock (cid: CID, options: AbortOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted()
    if (cid.multihash.code === IDENTITY_CODE) return cid.multihash.digest
    const value = await this.db.get(blockKey(cid))
    if (value == null) throw new NotFoundError(`Block ${cid} not found`, { details: { cid: cid.toString() } })
    const bytes = await this.#readBody(cid, decodeBlockRecord(value))
    if (this.#verify) verifyBlockSync(cid, bytes)
    return bytes
  }

  async hasBlock (cid: CID, options: AbortOptions = {}): Promise<boolean> {
    options.signal?.throwIfAborted()
    if (cid.multihash.code === IDENTITY_CODE) return true
    return this.db.has(blockKey(cid))
  }

  async putBlock (cid: CID, bytes: Uint8Array, options: AbortOptions = {}): Promise<void> {
    await this.putBlocks([{ cid, bytes }], options)
  }

  async putBlocks (blocks: Block[], options: AbortOptions = {}): Promise<void> {
    options.signal?.throwIfAborted()
    this.#assertOpen()
    // One entry per multihash: CIDv0 and CIDv1 of the same bytes share one copy
    const wanted = new Map<string, Pending>()
    for (const { cid, bytes } of blocks) {
      if (cid.multihash.code === IDENTITY_CODE) continue
      if (bytes.byteLength > this.#blockMax) {
        throw new BlockTooLargeError(`Block ${cid} is ${bytes.byteLength} bytes; the store takes at most ${this.#blockMax}`)
      }
      if (this.#verify) verifyBlockSync(cid, bytes)
      const key = blockKey(cid)
      const k = keyString(key)
      if (!wanted.has(k)) wanted.set(k, { cid, key, bytes })
    }
    if (wanted.size === 0) return
    let pending = [...wanted.values()]
    // Skip bodies already stored before writing any file; re-checked under the lock below
    const present = await this.db.hasMany(pending.map(p => p.key))
    pending = pending.filter((_, i) => !present[i])
    if (pending.length === 0) return

    const files: string[] = []
    try {
      await forEachLimit(pending.filter(p => p.bytes.byteLength > this.#inlineMax), this.#fileConcurrency, async p => {
        options.signal?.throwIfAborted()
        p.file = this.bodies.newName(p.cid.multihash.bytes)
        this.#inflight.add(p.file)
        files.push(p.file)
        await this.bodies.write(p.file, p.bytes, this.#sync)
      })
      if (this.#sync && files.length > 0) await this.bodies.syncDirs(files)
      options.signal?.throwIfAborted()
      const orphans = await this.#commitPuts(pending)
      await Promise.all(orphans.map(async f => this.bodies.remove(f)))
    } catch (err) {
      // Nothing was committed for these files: they are garbage now
      await Promise.allSettled(files.map(async f => this.bodies.remove(f)))
      throw err
    } finally {
      for (const f of files) this.#inflight.delete(f)
    }
  }

  /** The one commit point of a put: index entries and counters in one LevelDB batch */
  async #commitPuts (pending: Pending[]): Promise<string[]> {
    return this.#writeLock.run(async () => {
      this.#assertOpen()
      const present = await this.db.hasMany(pending.map(p => p.key))
      const ops: Array<{ type: 'put', key: Uint8Array, value: Uint8Array }> = []
      const orphans: string[] = []
      let blocks = this.#blocks
      let bytes = this.#bytes
      pending.forEach((p, i) => {
        if (present[i]) {
          if (p.file != null) orphans.push(p.file)
          return
        }
        const value = p.file == null ? encodeInline(p.cid, p.bytes) : encodeFile(p.cid, p.bytes.byteLength, p.file)
        ops.push({ type: 'put', key: p.key, value })
        blocks += 1
        bytes += p.bytes.byteLength
      })
      if (ops.length === 0) return orphans
      ops.push({ type: 'put', key: STATS_KEY, value: encodeStats(blocks, bytes) })
      await this.db.batch(ops, { sync: this.#sync })
      this.#blocks = blocks
      this.#bytes = bytes
      return orphans
    })
  }

  async deleteBlock (cid: CID, options: AbortOptions = {}): Promise<void> {
    await this.deleteBlocks([cid], options)
  }

  /** Removes blocks (pinned or not: refusing pinned blocks is `block rm`'s job, via `pins.isPinned`) */
  async deleteBlocks (cids: CID[], options: AbortOptions = {}): Promise<CID[]> {
    options.signal?.throwIfAborted()
    this.#assertOpen()
    const keys = new Map<string, { cid: CID, key: Uint8Array }>()
    for (const cid of cids) {
      if (cid.multihash.code === IDENTITY_CODE) continue
      const key = blockKey(cid)
      keys.set(keyString(key), { cid, key })
    }
    if (keys.size === 0) return []
    const entries = [...keys.values()]
    const { files, removed } = await this.#writeLock.run(async () => {
      const values = await this.db.getMany(entries.map(e => e.key))
      const ops: Array<{ type: 'put' | 'del', key: Uint8Array, value?: Uint8Array }> = []
      const files: string[] = []
      const removed: CID[] = []
      let blocks = this.#blocks
      let bytes = this.#bytes
      values.forEach((value, i) => {
        if (value == null) return
        const record = decodeBlockRecord(value)
        ops.push({ type: 'del', key: entries[i].key })
        if (record.kind === 'file') files.push(record.file)
        removed.push(recordCid(entries[i].cid.multihash.bytes, record))
        blocks -= 1
        bytes -= recordSize(record)
      })
      if (ops.length === 0) return { files, removed }
      ops.push({ type: 'put', key: STATS_KEY, value: encodeStats(blocks, bytes) })
      await this.db.batch(ops as any, { sync: this.#sync })
      this.#blocks = blocks
      this.#bytes = bytes
      return { files, removed }
    })
    // After the commit: a crash before these unlinks leaves orphans, which GC sweeps
    await Promise.all(files.map(async f => this.bodies.remove(f)))
    return removed
  }

  async stats (): Promise<{ blocks: number, bytes: number }> {
    return { blocks: this.#blocks, bytes: this.#bytes }
  }

  async withAddLock <T> (fn: () => Promise<T>): Promise<T> {
    return this.gcLock.shared(fn)
  }

  async * verify (options: VerifyOptions = {}): AsyncGenerator<VerifyProblem> {
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted()
      const mh = key.subarray(1)
      let record: BlockRecord
      let cid: CID
      try {
        record = decodeBlockRecord(value)
        cid = recordCid(mh, record)
      } catch {
        // An index entry we cannot even name: report it under a raw CID of its multihash
        yield { cid: CID.createV1(0x55, decodeMultihash(mh)), reason: 'unreadable' }
        continue
      }
      let bytes: Uint8Array
      try {
        bytes = await this.#readBody(cid, record)
      } catch {
        yield { cid, reason: 'unreadable' }
        continue
      }
      if (!canVerify(cid)) continue
      try {
        verifyBlockSync(cid, bytes)
      } catch {
        yield { cid, reason: 'hash-mismatch' }
      }
    }
  }

  async * gc (options: GcOptions = {}): AsyncGenerator<CID> {
    if (this.gcLock.heldShared) {
      throw new InvalidParametersError('gc() called while holding the add lock would wait for itself')
    }
    const release = await this.gcLock.exclusive()
    try {
      options.signal?.throwIfAborted()
      const live = await this.#liveMultihashes(options)
      // Sweep in batches: each batch is one index commit, like a delete
      let batch: CID[] = []
      const flush = async function * (this: LevelBlockstore): AsyncGenerator<CID> {
        const removed = await this.deleteBlocks(batch, options)
        batch = []
        yield * removed
      }
      for await (const key of this.db.keys(prefixRange(PREFIX_BLOCK))) {
        options.signal?.throwIfAborted()
        const mh = key.subarray(1)
        if (live.has(keyString(mh))) continue
        batch.push(CID.createV1(0x55, decodeMultihash(mh)))
        if (batch.length >= this.#batchBlocks) yield * flush.call(this)
      }
      if (batch.length > 0) yield * flush.call(this)
      await this.#sweepOrphanBodies(options)
    } finally {
      release()
    }
  }

  /** Multihashes GC must keep: every node with a pin reference and every direct pin */
  async #liveMultihashes (options: AbortOptions): Promise<Set<string>> {
    const live = new Set<string>()
    for (const prefix of [PREFIX_COUNT, PREFIX_DIRECT]) {
      for await (const key of this.db.keys(prefixRange(prefix))) {
        options.signal?.throwIfAborted()
        live.add(keyString(key.subarray(1, 1 + multihashLength(key, 1))))
      }
    }
    return live
  }

  /** Removes body files the index does not name (a crash between body write and commit, or commit and unlink) */
  async #sweepOrphanBodies (options: AbortOptions): Promise<void> {
    for await (const { names } of this.bodies.list()) {
      options.signal?.throwIfAborted()
      const candidates = names.map(name => ({ name, mh: multihashOfName(name) }))
      const valid = candidates.filter((c): c is { name: string, mh: Uint8Array } => c.mh != null)
      // Under the write lock no put can commit, so "not in the index and not in flight" is final
      const orphans = await this.#writeLock.run(async () => {
        const values = await this.db.getMany(valid.map(c => Uint8Array.from([PREFIX_BLOCK, ...c.mh])))
        return valid.filter((c, i) => {
          if (this.#inflight.has(c.name)) return false
          const value = values[i]
          if (value == null) return true
          const record = decodeBlockRecord(value)
          return record.kind !== 'file' || record.file !== c.name
        })
      })
      await Promise.all(orphans.map(async o => this.bodies.remove(o.name)))
    }
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    // Let committed-or-committing batches finish before the handle goes
    await this.#writeLock.run(async () => {})
    await this.db.close()
  }

  // --- interface-blockstore ---------------------------------------------------------------------

  async put (cid: CID, bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options: AbortOptions = {}): Promise<CID> {
    options.signal?.throwIfAborted()
    await this.putBlock(cid, await concat(bytes), options)
    return cid
  }

  async * putMany (source: Iterable<InputPair> | AsyncIterable<InputPair>, options: AbortOptions = {}): AsyncGenerator<CID> {
    options.signal?.throwIfAborted()
    let batch: Block[] = []
    let batchBytes = 0
    for await (const { cid, bytes } of source) {
      options.signal?.throwIfAborted()
      const block = { cid, bytes: await concat(bytes) }
      batch.push(block)
      batchBytes += block.bytes.byteLength
      if (batch.length >= this.#batchBlocks || batchBytes >= this.#batchBytes) {
        await this.putBlocks(batch, options)
        for (const b of batch) yield b.cid
        batch = []
        batchBytes = 0
      }
    }
    if (batch.length > 0) {
      await this.putBlocks(batch, options)
      for (const b of batch) yield b.cid
    }
  }

  async * get (cid: CID, options: AbortOptions = {}): AsyncGenerator<Uint8Array> {
    yield await this.getBlock(cid, options)
  }

  async * getMany (source: Iterable<CID> | AsyncIterable<CID>, options: AbortOptions = {}): AsyncGenerator<Pair> {
    for await (const cid of source) {
      const bytes = await this.getBlock(cid, options)
      yield { cid, bytes: once(bytes) }
    }
  }

  async has (cid: CID, options: AbortOptions = {}): Promise<boolean> {
    return this.hasBlock(cid, options)
  }

  async delete (cid: CID, options: AbortOptions = {}): Promise<void> {
    await this.deleteBlock(cid, options)
  }

  async * deleteMany (source: Iterable<CID> | AsyncIterable<CID>, options: AbortOptions = {}): AsyncGenerator<CID> {
    options.signal?.throwIfAborted()
    for await (const cid of source) {
      options.signal?.throwIfAborted()
      await this.deleteBlock(cid, options)
      yield cid
    }
  }

  async * getAll (options: AbortOptions = {}): AsyncGenerator<Pair> {
    options.signal?.throwIfAborted()
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted()
      const record = decodeBlockRecord(value)
      const cid = recordCid(key.subarray(1), record)
      const bytes = await this.#readBody(cid, record)
      yield { cid, bytes: once(bytes) }
    }
  }

  // --- internals ---------------------------------------------------------------------------------

  async #readBody (cid: CID, record: BlockRecord): Promise<Uint8Array> {
    if (record.kind === 'inline') return plain(record.bytes)
    let bytes: Uint8Array
    try {
      bytes = await this.bodies.read(record.file, record.size)
    } catch (err) {
      throw new RepoCorruptError(`Block ${cid} is indexed but its body file cannot be read: ${(err as Error).message}`, { cause: err })
    }
    return bytes
  }

  #assertOpen (): void {
    if (this.#closed) throw new InvalidParametersError(`Block store at ${this.path} is closed`)
  }
}

/** A plain Uint8Array view (no copy): LevelDB and fs hand out Buffers, which compare unequal to Uint8Arrays in deep-equal checks */
function plain (bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

// Async even though the bytes are in hand: consumers (and the compliance suite) await `all(bytes)`
async function * once (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}

async function concat (input: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of input) {
    chunks.push(chunk)
    length += chunk.byteLength
  }
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** Opens (creating if needed) the store folder, mapping LevelDB's failures to one-line repo errors */
export async function openBlockstore (init: BlockstoreInit): Promise<LevelBlockstore> {
  if (typeof init?.path !== 'string' || init.path === '') throw new InvalidParametersError('createBlockstore needs init.path')
  try {
    await mkdir(init.path, { recursive: true })
    if (!(await stat(init.path)).isDirectory()) throw new Error('not a directory')
  } catch (err) {
    throw new RepoCorruptError(`Block store path ${init.path} is not a usable folder: ${(err as Error).message}`, { cause: err })
  }
  const db: Db = new Level<Uint8Array, Uint8Array>(join(init.path, 'index'), {
    keyEncoding: 'view',
    valueEncoding: 'view',
    cacheSize: init.indexCacheBytes ?? DEFAULT_INDEX_CACHE_BYTES,
    writeBufferSize: init.indexWriteBufferBytes ?? DEFAULT_INDEX_WRITE_BUFFER_BYTES
  } as any)
  try {
    await db.open()
  } catch (err) {
    throw mapOpenError(init.path, err)
  }
  let store: LevelBlockstore | undefined
  try {
    store = new LevelBlockstore(init, db)
    await store.init()
    return store
  } catch (err) {
    await db.close().catch(() => {})
    if ((err as Error).name === 'RepoCorruptError') throw err
    throw new RepoCorruptError(`Block store at ${init.path} cannot be read: ${(err as Error).message}`, { cause: err })
  }
}

function mapOpenError (path: string, err: unknown): Error {
  const codes: string[] = []
  for (let e = err as { code?: string, cause?: unknown } | undefined; e != null; e = e.cause as typeof e) {
    if (typeof e.code === 'string') codes.push(e.code)
  }
  const detail = deepestMessage(err)
  if (codes.includes('LEVEL_LOCKED')) {
    return new RepoLockedError(`Block store at ${path} is locked by another process (a running daemon?) or another open store`, { cause: err })
  }
  return new RepoCorruptError(`Block store at ${path} cannot be opened: ${detail}`, { cause: err })
}

function deepestMessage (err: unknown): string {
  let e = err as { message?: string, cause?: unknown } | undefined
  let message = String(err)
  while (e != null) {
    if (typeof e.message === 'string' && e.message !== '') message = e.message
    e = e.cause as typeof e
  }
  return message.split('\n')[0]
}
