import { open, statfs, truncate, unlink } from 'node:fs/promises'
import mortice from 'mortice'
import type { FaultHook, ProbeHook } from './faults.ts'
import type { BlockstoreLogger } from './index.ts'

/** A missing reserve is looked at again no sooner than this after writes */
const RESERVE_RETRY_MS = 1000

/** Zeros written per call when the reserve is (re)made */
const RESERVE_CHUNK_BYTES = 1024 * 1024

/**
 * A file of real (written, not sparse) bytes the store keeps beside its index, so that a disk
 * filled by anyone never locks the repo out: opening the index (LevelDB replays its log into a new
 * table) and `repo gc` (its delete records, then pack copies) need a little space, and the store
 * gets it by deleting this file. It is made again once twice its size is free, so making it never
 * fills a disk by itself. The same idea as CockroachDB's emergency ballast.
 *
 * Releasing truncates the file to zero bytes rather than deleting it: a reserve file shorter than
 * its size is the on-disk mark of a released reserve, which every later open (another process)
 * sees. While it is released the block store refuses new blocks and pins (`released`), so the room
 * it freed stays for what it was freed for (opening, verify, GC) instead of being eaten by the
 * write that filled the disk, until it is made again. A missing file is a reserve never made (too
 * little room when the store was made, or `reserveBytes` 0): no mark, nothing held.
 */
export class Reserve {
  readonly path: string
  readonly bytes: number
  readonly #log: BlockstoreLogger
  readonly #faults?: FaultHook
  #present = false
  #released = false
  #making?: Promise<void>
  #lastTry = -Infinity
  /**
   * Writes of new data hold this shared from their reserve check to their last byte; a release
   * takes it exclusive. So a write that passed the check just before a release cannot spend the
   * room the release frees: the release waits for it, and writes after it see the reserve released.
   * Mortice's lock prefers the exclusive side, so a waiting release holds back later writes.
   */
  /** Writes holding `#gate` now */
  #writers = 0
  readonly #gate = mortice({ name: `cairn-reserve-${process.pid}-${++gates}`, singleProcess: true, autoFinalize: true })

  readonly #probe?: ProbeHook

  constructor (path: string, bytes: number, log: BlockstoreLogger, faults?: FaultHook, probe?: ProbeHook) {
    this.path = path
    this.bytes = bytes
    this.#log = log
    this.#faults = faults
    this.#probe = probe
  }

  /** True while the reserve is on disk (it has not been released, or it was made again) */
  get present (): boolean {
    return this.#present
  }

  /**
   * True while the reserve is released and not made again yet: its file is on disk but shorter
   * than its size (released by this process or another, or left short by a crash while made)
   */
  get released (): boolean {
    return this.#released && this.bytes > 0
  }

  /**
   * Runs `check` then `write` so that no release of this reserve happens between them or during
   * `write` (see `#gate`). Not re-entrant: `write` must not call `held` again.
   */
  async held <T> (check: () => Promise<void>, write: () => Promise<T>): Promise<T> {
    const done = await this.#gate.readLock()
    this.#writers++
    try {
      await check()
      return await write()
    } finally {
      this.#writers--
      done()
    }
  }

  /**
   * After a write succeeded: if the reserve is missing, makes it in the background (at most once
   * a second), so that space given back by GC or by others is held again before the disk fills
   */
  ensureSoon (): void {
    if (this.#present || this.bytes <= 0 || this.#making != null) return
    const now = performance.now()
    if (now - this.#lastTry < RESERVE_RETRY_MS) return
    this.#lastTry = now
    void this.ensure()
  }

  /** Makes the reserve if it is missing and twice its size is free; never throws */
  async ensure (): Promise<void> {
    if (this.bytes <= 0) return
    this.#making ??= this.#make().finally(() => { this.#making = undefined })
    await this.#making
  }

  async #make (): Promise<void> {
    let fh
    try {
      fh = await open(this.path, 'r+')
      const { size } = await fh.stat()
      if (size >= this.bytes) {
        this.#present = true
        this.#released = false
        return
      }
      this.#released = true
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') this.#released = false
      else {
        this.#log.error('reserve %s unreadable - %e', this.path, err)
        return
      }
    } finally {
      await fh?.close()
    }
    if (await freeBytes(this.path.slice(0, this.path.lastIndexOf('/'))) < 2 * this.bytes) return
    try {
      fh = await open(this.path, 'w')
      const zeros = new Uint8Array(Math.min(RESERVE_CHUNK_BYTES, this.bytes))
      for (let at = 0; at < this.bytes; at += zeros.byteLength) {
        this.#faults?.('reserve-write')
        await fh.write(zeros, 0, Math.min(zeros.byteLength, this.bytes - at), at)
      }
      // No fsync: the filesystem counts written blocks as used at once (ext4's delayed allocation
      // reserves them), and a reserve a crash left short is made again on the next open
      await fh.close()
      this.#present = true
      this.#released = false
      this.#log('reserve of %d bytes made at %s', this.bytes, this.path)
    } catch (err) {
      await fh?.close().catch(() => {})
      // a released reserve stays marked as released (an empty file); one never made stays absent
      await (this.#released ? truncate(this.path, 0) : unlink(this.path)).catch(() => {})
      this.#present = false
      this.#log('reserve not made: %s', (err as Error).message)
    }
  }

  /**
   * Frees the reserve's room for the store's own recovery, truncating its file to zero bytes (the
   * mark of a released reserve, see the class); true if it freed anything
   */
  async release (why: string): Promise<boolean> {
    // writes that passed their reserve check finish first (see `#gate`)
    if (this.#writers > 0) void this.#probe?.('reserve-gate')
    const done = await this.#gate.writeLock()
    try {
      return await this.#release(why)
    } finally {
      done()
    }
  }

  async #release (why: string): Promise<boolean> {
    if (this.#making != null) await this.#making
    let fh
    try {
      fh = await open(this.path, 'r+')
      const { size } = await fh.stat()
      await fh.truncate(0)
      this.#present = false
      this.#released = true
      void this.#probe?.('reserve-released')
      if (size === 0) return false
      this.#log.error('released the %d-byte reserve: %s', this.bytes, why)
      return true
    } catch (err) {
      this.#present = false
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.#log.error('reserve %s not released - %e', this.path, err)
      return false
    } finally {
      await fh?.close().catch(() => {})
    }
  }
}

let gates = 0

/**
 * Marks a reserve file that an older Cairn may have released as released: Cairn before store
 * layout 3 deleted a released reserve instead of truncating it, so in a store it left, a missing
 * reserve file may be one it released (or one it never made: too little room). Either way the safe
 * reading is "released": an empty file says so to every later open, and the reserve is made again
 * as soon as twice its size is free (README "What the store guarantees", 4).
 */
export async function markLegacyReserve (path: string): Promise<boolean> {
  try {
    const fh = await open(path, 'wx')
    await fh.close()
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
}

/** Bytes an unprivileged process may still write on the filesystem holding `path` */
export async function freeBytes (path: string): Promise<number> {
  const s = await statfs(path)
  return s.bavail * s.bsize
}
