import { read as readCb, readSync, writev as writevCb } from 'node:fs'
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { checksum } from './checksum.ts'
import { PACK_PREFIX_BYTES } from './encoding.ts'
import { storageError } from './faults.ts'
import { Mutex } from './locks.ts'
import type { PackLocation } from './encoding.ts'
import type { FaultHook } from './faults.ts'
import type { SyncBudget } from './sync-budget.ts'
import type { BlockstoreLogger } from './index.ts'
import type { FileHandle } from 'node:fs/promises'

export type { PackLocation } from './encoding.ts'

export interface PackFilesInit {
  log: BlockstoreLogger
  /** A new pack is started once the active one would grow past this */
  packBytesMax: number
  /** Read handles kept open; the least recently used idle one is closed beyond this */
  openPacksMax: number
  /** A synchronous read slower than this means the disk, not the page cache, answered */
  syncReadSlowMs: number
  /** After a slow synchronous read, reads go through the thread pool for this long */
  asyncReadWindowMs: number
  /** Shared with the index lookups: how long synchronous work may hold the event loop */
  syncBudget: SyncBudget
  /**
   * The id of a new pack, made durable in the index before the file exists, so an id is never
   * used twice (a record left behind by a lost index write can then only name a missing pack)
   */
  allocateId: () => Promise<number>
  faults?: FaultHook
}

/** `fd` is set once the open has completed, for synchronous reads */
interface Handle { fh: Promise<FileHandle>, fd?: number, users: number, retired: boolean }

/**
 * Block bodies too large for LevelDB, appended to pack files `packs/<id>.pack`.
 *
 * Creating a file costs far more than writing one here (ext4 measured 141 MB/s creating 256 KiB
 * files, against 700+ MB/s appending the same bytes to one file), so bodies are appended to the
 * active pack with one positional `writev` per batch, and read back with one `pread` on a cached
 * handle. Packs are append-only: a written range never changes, so a reader holding an index
 * record always reads what the record describes. Space of deleted bodies is reclaimed by GC,
 * which copies the live bodies of mostly-dead packs forward and removes the old pack.
 *
 * A pack's bytes are only reachable through index records committed after the bytes were
 * written, so a crash leaves at worst unreferenced tails and unreferenced packs: dead space,
 * never a dangling record.
 */
export class PackFiles {
  readonly dir: string
  readonly #init: PackFilesInit
  readonly #handles = new Map<number, Handle>()
  /** Serialises the choice of the active pack and the reservation of ranges in it */
  readonly #appendLock = new Mutex()
  /** Ranges reserved per pack whose index entries are not committed yet */
  readonly #pending = new Map<number, number>()
  #active?: { id: number, end: number }
  /** Packs appended to since they were last fdatasync'ed */
  readonly #dirty = new Set<number>()
  /** A pack was created since the folder was last fsync'ed: its name is not durable yet */
  #dirDirty = false
  /** Until this time (performance.now()), reads go through the thread pool */
  #asyncUntil = 0
  /**
   * Which of the last SYNC_READ_WINDOW synchronous reads were slow, as bits. One slow read is
   * usually the thread being descheduled on a busy machine; many are a disk
   */
  #slowBits = 0
  #slowCount = 0

  constructor (dir: string, init: PackFilesInit) {
    this.dir = dir
    this.#init = init
  }

  /** Makes the folder if needed; returns the ids present */
  async load (): Promise<number[]> {
    await mkdir(this.dir, { recursive: true })
    return this.list()
  }

  async list (): Promise<number[]> {
    const names = await readdir(this.dir)
    return names.map(parsePackName).filter((id): id is number => id != null).sort((a, b) => a - b)
  }

  pathOf (id: number): string {
    return join(this.dir, `${id}.pack`)
  }

  /** The pack new bodies go to, if one is open */
  get activeId (): number | undefined {
    return this.#active?.id
  }

  /** True while bodies written to `id` may still be committed: it must not be swept or compacted */
  isBusy (id: number): boolean {
    return this.#active?.id === id || (this.#pending.get(id) ?? 0) > 0
  }

  /**
   * Appends bodies to the active pack and returns where each went, with each body's checksums.
   * The caller commits index records for them and then calls `settle` (also on failure). A failed
   * write is `NoSpaceError` or `StoreWriteError`; its bytes are dead space nothing names.
   */
  async append (bodies: Uint8Array[], sync: boolean): Promise<PackLocation[]> {
    let total = 0
    for (const b of bodies) total += b.byteLength
    const { id, start } = await this.#appendLock.run(async () => {
      if (this.#active == null || (this.#active.end > 0 && this.#active.end + total > this.#init.packBytesMax)) {
        await this.#startPack()
      }
      const active = this.#active!
      const start = active.end
      active.end += total
      this.#pending.set(active.id, (this.#pending.get(active.id) ?? 0) + 1)
      return { id: active.id, start }
    })
    const locations: PackLocation[] = []
    let offset = start
    for (const b of bodies) {
      const prefixSum = b.byteLength > PACK_PREFIX_BYTES ? checksum(b.subarray(0, PACK_PREFIX_BYTES)) : undefined
      locations.push({ pack: id, offset, size: b.byteLength, sum: checksum(b), prefixSum })
      offset += b.byteLength
    }
    try {
      await this.#use(id, async fh => {
        this.#init.faults?.('pack-write', { pack: id, offset: start, length: total })
        this.#dirty.add(id)
        await writeAllAt(fh, bodies, start, total)
        if (sync) {
          await this.#datasync(id, fh)
        }
      })
      if (sync) await this.#syncDir()
    } catch (err) {
      this.settle(id)
      throw storageError(err, `Writing to pack ${id} in ${this.dir}`)
    }
    return locations
  }

  /**
   * Makes every body appended so far durable: fdatasyncs each pack written since its last sync,
   * then the folder if a pack was created since (a new file's name is only durable once its
   * folder is synced: without it, a power loss can take the whole file). A failure is
   * `NoSpaceError` or `StoreWriteError`, and the packs stay marked for the next sync.
   */
  async sync (): Promise<void> {
    for (const id of [...this.#dirty]) {
      this.#dirty.delete(id)
      try {
        await this.#use(id, async fh => { await this.#datasync(id, fh) })
      } catch (err) {
        // a pack GC removed meanwhile has nothing left to sync
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
        this.#dirty.add(id)
        throw storageError(err, `Syncing pack ${id} in ${this.dir}`)
      }
    }
    await this.#syncDir()
  }

  async #datasync (id: number, fh: FileHandle): Promise<void> {
    this.#dirty.delete(id)
    this.#init.faults?.('pack-sync', { pack: id })
    // what was written before the fdatasync began is what it makes durable
    const length = (await fh.stat()).size
    await fh.datasync()
    this.#init.faults?.('pack-synced', { pack: id, length })
  }

  async #syncDir (): Promise<void> {
    if (!this.#dirDirty) return
    this.#dirDirty = false
    try {
      this.#init.faults?.('dir-sync')
      const dir = await open(this.dir, 'r')
      try {
        await dir.sync()
      } finally {
        await dir.close()
      }
      this.#init.faults?.('dir-synced')
    } catch (err) {
      this.#dirDirty = true
      throw storageError(err, `Syncing the pack folder ${this.dir}`)
    }
  }

  /** Makes the next append start a new pack, so GC may compact the one that was active */
  async seal (id: number): Promise<void> {
    await this.#appendLock.run(async () => {
      if (this.#active?.id === id) this.#active = undefined
    })
  }

  /** Ends one `append`'s claim on its pack, committed or not */
  settle (id: number): void {
    const left = (this.#pending.get(id) ?? 1) - 1
    if (left <= 0) this.#pending.delete(id)
    else this.#pending.set(id, left)
  }

  /**
   * Reads one body. While reads are answered from the page cache they are done synchronously: a
   * 256 KiB pread from the cache takes ~50 µs, while a round trip through libuv's thread pool
   * measured 100-800 µs on this loaded 2-core machine, which is what made reads slower than raw
   * LevelDB's (a LevelDB get is one round trip too). When half of the recent synchronous reads
   * took longer than `syncReadSlowMs` the disk is being hit (a single slow read is more often the
   * thread being descheduled), and blocking the event loop on a disk is not acceptable, so reads
   * go back to the thread pool for `asyncReadWindowMs`. On a spinning disk that costs eight
   * blocking reads per window; an SSD answers a 256 KiB read well within `syncReadSlowMs`.
   */
  async read (location: PackLocation): Promise<Uint8Array> {
    const bytes = await this.#readRange(location.pack, location.offset, location.size)
    if (location.sum != null && checksum(bytes) !== location.sum) throw checksumMismatch(location, location.size)
    return bytes
  }

  /**
   * The first `PACK_PREFIX_BYTES` of a body (all of it when shorter), checked against the prefix
   * checksum when the record has one
   */
  async readPrefix (location: PackLocation): Promise<Uint8Array> {
    if (location.size <= PACK_PREFIX_BYTES) return this.read(location)
    const bytes = await this.#readRange(location.pack, location.offset, PACK_PREFIX_BYTES)
    if (location.prefixSum != null && checksum(bytes) !== location.prefixSum) throw checksumMismatch(location, PACK_PREFIX_BYTES)
    return bytes
  }

  async #readRange (pack: number, offset: number, size: number): Promise<Uint8Array> {
    const location = { pack, offset, size }
    if (this.#init.syncReadSlowMs > 0 && performance.now() >= this.#asyncUntil) {
      const wait = this.#init.syncBudget.pause()
      if (wait != null) await wait
    }
    const handle = this.#handles.get(location.pack)
    if (handle?.fd != null && !handle.retired && this.#init.syncReadSlowMs > 0 && performance.now() >= this.#asyncUntil) {
      const start = performance.now()
      const bytes = uninitialized(location.size)
      let done = 0
      while (done < location.size) {
        const n = readSync(handle.fd, bytes, done, location.size - done, location.offset + done)
        if (n === 0) throw new Error(`pack ${location.pack} ends before ${location.offset + location.size}`)
        done += n
      }
      const end = performance.now()
      const slow = end - start > this.#init.syncReadSlowMs ? 1 : 0
      this.#slowCount += slow - ((this.#slowBits >>> (SYNC_READ_WINDOW - 1)) & 1)
      this.#slowBits = ((this.#slowBits << 1) | slow) & SYNC_READ_WINDOW_MASK
      if (this.#slowCount >= SYNC_READ_SLOW_COUNT_MAX) {
        this.#init.log('pack reads are slow (the disk answers): thread-pool reads for %d ms', this.#init.asyncReadWindowMs)
        this.#asyncUntil = end + this.#init.asyncReadWindowMs
        this.#slowBits = 0
        this.#slowCount = 0
      }
      this.#handles.delete(location.pack)
      this.#handles.set(location.pack, handle)
      return bytes
    }
    return this.#use(location.pack, async fh => {
      const bytes = uninitialized(location.size)
      let done = 0
      while (done < location.size) {
        const bytesRead = await preadInto(fh.fd, bytes, done, location.size - done, location.offset + done)
        if (bytesRead === 0) throw new Error(`pack ${location.pack} ends before ${location.offset + location.size}`)
        done += bytesRead
      }
      return bytes
    })
  }

  async sizeOf (id: number): Promise<number> {
    return (await stat(this.pathOf(id))).size
  }

  /** Deletes a pack file; readers already inside it finish on their open handle */
  async remove (id: number): Promise<void> {
    if (this.#active?.id === id) this.#active = undefined

    const handle = this.#handles.get(id)
    if (handle != null) {
      handle.retired = true
      this.#handles.delete(id)
      if (handle.users === 0) await closeHandle(handle)
    }
    try {
      this.#init.faults?.('pack-unlink', { pack: id })
      await unlink(this.pathOf(id))
    } catch (err) {
      // Left behind, the file is dead space: nothing names it, and the next GC or open removes it
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(err, `Deleting pack ${id} in ${this.dir}`)
    }
  }

  async close (): Promise<void> {
    await this.#appendLock.run(async () => {
      this.#active = undefined
      const handles = [...this.#handles.values()]
      this.#handles.clear()
      await Promise.all(handles.map(closeHandle))
    })
  }

  async #startPack (): Promise<void> {
    // Never append to a pack from an earlier session: its tail may hold uncommitted bytes
    const id = await this.#init.allocateId()
    const previous = this.#active
    const handle: Handle = { fh: this.#create(id), users: 0, retired: false }
    handle.fh.catch(() => {})
    try {
      handle.fd = (await handle.fh).fd
    } catch (err) {
      throw storageError(err, `Creating pack ${id} in ${this.dir}`)
    }
    this.#handles.set(id, handle)
    this.#active = { id, end: 0 }
    if (previous != null) this.#evictIdle()
  }

  async #create (id: number): Promise<FileHandle> {
    this.#init.faults?.('pack-create', { pack: id })
    const fh = await open(this.pathOf(id), 'wx+')
    this.#dirDirty = true
    return fh
  }

  async #use <T> (id: number, fn: (fh: FileHandle) => Promise<T>): Promise<T> {
    let handle = this.#handles.get(id)
    if (handle == null) {
      handle = { fh: open(this.pathOf(id), 'r'), users: 0, retired: false }
      this.#handles.set(id, handle)
      this.#evictIdle()
    } else {
      // Map order is recency order
      this.#handles.delete(id)
      this.#handles.set(id, handle)
    }
    handle.users++
    try {
      const fh = await handle.fh
      handle.fd = fh.fd
      return await fn(fh)
    } catch (err) {
      if (this.#handles.get(id) === handle && (err as NodeJS.ErrnoException).code === 'ENOENT') this.#handles.delete(id)
      throw err
    } finally {
      handle.users--
      if (handle.users === 0 && handle.retired) await closeHandle(handle)
    }
  }

  #evictIdle (): void {
    if (this.#handles.size <= this.#init.openPacksMax) return
    for (const [id, handle] of this.#handles) {
      if (this.#handles.size <= this.#init.openPacksMax) break
      if (handle.users > 0 || id === this.#active?.id) continue
      this.#handles.delete(id)
      handle.retired = true
      void closeHandle(handle)
    }
  }
}

/** Bytes read from a pack that are not the bytes written there */
export class ChecksumMismatch extends Error {
  override name = 'ChecksumMismatch'
}

function checksumMismatch (location: PackLocation, size: number): Error {
  return new ChecksumMismatch(`${size} bytes at ${location.offset} of pack ${location.pack} do not match their checksum`)
}

async function closeHandle (handle: Handle): Promise<void> {
  try {
    await (await handle.fh).close()
  } catch {
    // A handle that never opened (the open failed) or is already closed has nothing to release
  }
}

/** Synchronous reads remembered to judge whether the disk is answering */
const SYNC_READ_WINDOW = 16
const SYNC_READ_WINDOW_MASK = (1 << SYNC_READ_WINDOW) - 1
/** Slow reads among the remembered ones that move reads to the thread pool */
const SYNC_READ_SLOW_COUNT_MAX = 8

/** IOV_MAX on Linux: more buffers than this in one writev fail with EINVAL */
const WRITEV_BUFFERS_MAX = 1024

async function writeAllAt (fh: FileHandle, buffers: Uint8Array[], position: number, total: number): Promise<void> {
  let written = 0
  let i = 0
  while (i < buffers.length) {
    const chunk = buffers.slice(i, i + WRITEV_BUFFERS_MAX)
    let chunkBytes = 0
    for (const b of chunk) chunkBytes += b.byteLength
    const bytesWritten = await pwritev(fh.fd, chunk, position + written)
    if (bytesWritten < chunkBytes) {
      // Short write (rare on regular files): finish this chunk byte-range by byte-range
      let done = bytesWritten
      let skip = bytesWritten
      for (const b of chunk) {
        if (skip >= b.byteLength) { skip -= b.byteLength; continue }
        let o = skip
        skip = 0
        while (o < b.byteLength) {
          const r = await fh.write(b, o, b.byteLength - o, position + written + done)
          o += r.bytesWritten
          done += r.bytesWritten
        }
      }
    }
    written += chunkBytes
    i += chunk.length
  }
  if (written !== total) throw new Error(`wrote ${written} of ${total} bytes`)
}

/**
 * A plain Uint8Array whose memory is not zeroed first: every byte is overwritten by the read (or
 * the read throws), and zeroing 256 KiB costs a measurable share of a cached read
 */
function uninitialized (size: number): Uint8Array {
  const buf = Buffer.allocUnsafeSlow(size)
  return new Uint8Array(buf.buffer, buf.byteOffset, size)
}

// The callback forms on the raw descriptor: FileHandle's promise methods cost measurably more per
// call, which shows on random 256 KiB reads. The handle stays open while `#use` counts a user.
async function preadInto (fd: number, buffer: Uint8Array, offset: number, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => {
    readCb(fd, buffer, offset, length, position, (err, bytesRead) => { if (err != null) reject(err); else resolve(bytesRead) })
  })
}

async function pwritev (fd: number, buffers: Uint8Array[], position: number): Promise<number> {
  return new Promise((resolve, reject) => {
    writevCb(fd, buffers, position, (err, bytesWritten) => { if (err != null) reject(err); else resolve(bytesWritten) })
  })
}

function parsePackName (name: string): number | undefined {
  const m = /^(\d+)\.pack$/.exec(name)
  return m == null ? undefined : Number(m[1])
}
