import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidParametersError, NoSpaceError, RepoCorruptError, RepoLockedError, StoreWriteError } from '@cairn/interface'
import { Level } from 'level'
import { DEFAULT_INDEX_CACHE_BYTES, DEFAULT_INDEX_WRITE_BUFFER_BYTES, DEFAULT_RESERVE_BYTES } from './constants.ts'
import { LevelBlockstore } from './blockstore.ts'
import { isNoSpace } from './faults.ts'
import { Reserve } from './reserve.ts'
import type { Db } from './ledger.ts'
import type { BlockstoreInit } from './index.ts'
import type { DatabaseOptions } from 'level'

/** Opens (creating if needed) the store folder, mapping LevelDB's failures to one-line repo errors */
export async function openBlockstore (init: BlockstoreInit): Promise<LevelBlockstore> {
  if (typeof init?.path !== 'string' || init.path === '') throw new InvalidParametersError('createBlockstore needs init.path')
  try {
    await mkdir(init.path, { recursive: true })
    if (!(await stat(init.path)).isDirectory()) throw new Error('not a directory')
  } catch (err) {
    throw new RepoCorruptError(`Block store path ${init.path} is not a usable folder: ${(err as Error).message}`, { cause: err })
  }
  // LevelDB tuning that `level`'s cross-platform option type does not list (classic-level reads it)
  const options: DatabaseOptions<Uint8Array, Uint8Array> & { cacheSize: number, writeBufferSize: number } = {
    keyEncoding: 'view',
    valueEncoding: 'view',
    cacheSize: init.indexCacheBytes ?? DEFAULT_INDEX_CACHE_BYTES,
    writeBufferSize: init.indexWriteBufferBytes ?? DEFAULT_INDEX_WRITE_BUFFER_BYTES
  }
  const db: Db = new Level<Uint8Array, Uint8Array>(join(init.path, 'index'), options)
  // the store makes its reserve again itself, once writes show room (Reserve.ensureSoon)
  await openLevelWithReserve(db, { reservePath: join(init.path, 'reserve'), reserveBytes: init.reserveBytes ?? DEFAULT_RESERVE_BYTES, what: `Block store at ${init.path}`, logger: init.logger, remake: false })
  try {
    const store = new LevelBlockstore(init, db)
    await store.init()
    return store
  } catch (err) {
    // The open failure is what the caller needs to hear about; a failing close adds nothing
    await db.close().catch(() => {})
    const name = (err as Error).name
    if (name === 'RepoCorruptError' || name === 'NoSpaceError' || name === 'StoreWriteError') throw err
    throw new RepoCorruptError(`Block store at ${init.path} cannot be read: ${deepestMessage(err)}`, { cause: err })
  }
}

export interface OpenLevelWithReserveInit {
  /** The reserve file: outside the LevelDB folder, on the same filesystem */
  reservePath: string
  /** Its size: about what replaying the LevelDB's log into a table needs (its write buffer). 0: none */
  reserveBytes: number
  /** Names the store in errors, e.g. "The repo's datastore at /repo/datastore" */
  what: string
  logger?: BlockstoreInit['logger']
  /**
   * Make the reserve after opening, before returning, if it is missing and twice its size is free.
   * Awaited, not in the background: a reserve still being written when something else fills the
   * disk fails and gives its partial bytes back, room the caller never meant to hand out. @default true
   */
  remake?: boolean
}

/** A reserve file opened with a LevelDB: `ensure()` makes it if missing and there is room */
export interface LevelReserve {
  /** The reserve file */
  readonly path: string
  /** Its size when made */
  readonly bytes: number
  /** True while the file is on disk */
  readonly present: boolean
  /**
   * True while the reserve is released and not made again (its file is shorter than its size): a
   * block store told of it (`CairnBlockstore.holdReserve`) refuses new blocks and pins meanwhile
   */
  readonly released: boolean
  /** Makes the reserve if it is missing and twice its size is free; never throws */
  ensure(): Promise<void>
}

/**
 * Opens a LevelDB on a disk that may be full, so that a full disk never locks a repo out: LevelDB
 * turns its log into a table when it opens, which needs room, so an open that fails with ENOSPC
 * deletes the reserve file and tries once more (README "What the store guarantees", 4). The block
 * store's index and the node's datastore each keep one. Errors as {@link levelOpenError}.
 */
export async function openLevelWithReserve (db: { open: () => Promise<void> }, init: OpenLevelWithReserveInit): Promise<LevelReserve> {
  const log = init.logger?.forComponent('cairn:blockstore:reserve') ?? Object.assign(() => {}, { error: () => {} })
  const reserve = new Reserve(init.reservePath, init.reserveBytes, log)
  try {
    await db.open()
  } catch (err) {
    if (!isNoSpace(err) || !(await reserve.release(`room to open ${init.what} on a full disk`))) throw levelOpenError(err, init.what)
    try {
      await db.open()
    } catch (err) {
      throw levelOpenError(err, init.what)
    }
  }
  if (init.remake !== false) await reserve.ensure()
  return reserve
}

/**
 * The one mapping of a LevelDB open failure (the block store's index, or the node's datastore) to
 * a typed one-line error: `RepoLockedError` when another process or open store holds it,
 * `NoSpaceError` when the disk is full, `StoreWriteError` when the disk fails (EIO),
 * `RepoCorruptError` otherwise. `what` names the store,
 * e.g. "Block store at /repo/blocks".
 */
export function levelOpenError (err: unknown, what: string): Error {
  const codes: string[] = []
  for (let e = err as { code?: string, cause?: unknown } | undefined; e != null; e = e.cause as typeof e) {
    if (typeof e.code === 'string') codes.push(e.code)
  }
  if (codes.includes('LEVEL_LOCKED')) {
    return new RepoLockedError(`${what} is locked by another process (a running daemon?) or another open store`, { cause: err })
  }
  if (isNoSpace(err)) {
    return new NoSpaceError(`${what} cannot be opened: the disk is full (${deepestMessage(err)}); free some space`, { cause: err })
  }
  // opening writes (LevelDB's new log and MANIFEST): a disk that fails it is not a corrupt repo
  if (/Input\/output error/.test(deepestMessage(err))) {
    return new StoreWriteError(`${what} cannot be opened: the disk failed (${deepestMessage(err)})`, { cause: err })
  }
  return new RepoCorruptError(`${what} cannot be opened: ${deepestMessage(err)}`, { cause: err })
}

/** The innermost cause's message, first line only: LevelDB's own text without its wrappers */
export function deepestMessage (err: unknown): string {
  let e = err as { message?: string, cause?: unknown } | undefined
  let message = String(err)
  while (e != null) {
    if (typeof e.message === 'string' && e.message !== '') message = e.message
    e = e.cause as typeof e
  }
  return message.split('\n')[0]
}
