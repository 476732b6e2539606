import { NoSpaceError, StoreWriteError } from '@cairn/interface'

/**
 * The steps where the store touches the disk, for fault injection in tests: a `FaultHook` passed
 * as `BlockstoreInit.faults` is called at each one and may throw (an `Error` with `code` ENOSPC or
 * EIO, say) to make that step fail as the disk would.
 *
 * - `index-write`: before a LevelDB batch (it is not applied)
 * - `index-written`: after a LevelDB batch that succeeded (applied, but reported failed: the
 *   "did it land or not" case of a failed fsync)
 * - `pack-create`, `pack-write`, `pack-sync`, `pack-unlink`: a pack file's creation, a body
 *   append, its fdatasync, its deletion; `pack-synced`: after an fdatasync returned
 * - `dir-sync`, `dir-synced`: the fsync of the pack folder that makes new packs' names durable
 * - `reserve-write`: making the reserve file
 */
export type FaultPoint = 'index-write' | 'index-written' | 'pack-create' | 'pack-write' | 'pack-sync' | 'pack-synced' |
  'dir-sync' | 'dir-synced' | 'pack-unlink' | 'reserve-write'

/**
 * Where a pack step happens, for tests that model what a power loss keeps: `pack-write` gives the
 * range written, `pack-synced` the pack's length once its fdatasync returned
 */
export interface FaultDetail { pack?: number, offset?: number, length?: number }

export type FaultHook = (point: FaultPoint, detail?: FaultDetail) => void

/**
 * Moments of the reserve's release and the puts it races with, for tests (not disk steps):
 * - `room-checked`: a put of new blocks passed its reserve check and is about to write; a hook
 *   may return a promise there, which the put awaits (tests pause it)
 * - `reserve-gate`: a release of the reserve is about to wait for puts past their check
 * - `reserve-released`: the reserve file was truncated (released)
 */
export type ProbePoint = 'room-checked' | 'reserve-gate' | 'reserve-released'

export type ProbeHook = (point: ProbePoint) => void | Promise<void>

const NO_SPACE_CODES = new Set(['ENOSPC', 'EDQUOT'])

/** True when `err` (or a cause) says the disk is full, by errno code or LevelDB's message */
export function isNoSpace (err: unknown): boolean {
  for (let e = err as { code?: unknown, message?: unknown, cause?: unknown } | undefined; e != null; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && NO_SPACE_CODES.has(e.code)) return true
    if (typeof e.message === 'string' && /No space left on device|Disk quota exceeded/i.test(e.message)) return true
  }
  return false
}

/** A failed write of the disk as the store's typed error: NoSpaceError or StoreWriteError */
export function storageError (err: unknown, what: string): NoSpaceError | StoreWriteError {
  if (err instanceof NoSpaceError || err instanceof StoreWriteError) return err
  const detail = (err as Error)?.message?.split('\n')[0] ?? String(err)
  if (isNoSpace(err)) return new NoSpaceError(`${what}: no space left on device (${detail})`, { cause: err })
  return new StoreWriteError(`${what}: ${detail}`, { cause: err })
}
