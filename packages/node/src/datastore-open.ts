import { levelOpenError, openLevelWithReserve } from '@cairn/blockstore'
import { DEFAULT_DATASTORE_RESERVE_BYTES } from './constants.ts'
import type { RepoPaths } from './repo.ts'
import type { ComponentLogger } from '@libp2p/interface'
import type { LevelReserve } from '@cairn/blockstore'
import type { LevelDatastore } from 'datastore-level'

/**
 * Opens the repo's datastore (`datastore-level`). A full disk must not lock the repo out: LevelDB
 * turns its log into a table when it opens, which needs room, so the datastore keeps a reserve file
 * of its own beside its folder, as the block store does beside its index, deleted when the open
 * fails with ENOSPC and made again on a later open once twice its size is free. Errors are
 * `levelOpenError`'s: `RepoLockedError`, `NoSpaceError`, `RepoCorruptError`, one line each.
 */
export async function openDatastore (store: LevelDatastore, paths: Pick<RepoPaths, 'datastore' | 'datastoreReserve'>, logger?: ComponentLogger): Promise<LevelReserve> {
  const what = `The repo's datastore at ${paths.datastore}`
  // LevelDB's own open first: datastore-level's open() drops the cause (LEVEL_LOCKED)
  const reserve = await openLevelWithReserve(store.db, { reservePath: paths.datastoreReserve, reserveBytes: DEFAULT_DATASTORE_RESERVE_BYTES, what, logger })
  try {
    await store.open()
  } catch (err) {
    throw levelOpenError(err, what)
  }
  return reserve
}

/** A missing datastore reserve is looked at again this often while a node runs (a statfs when missing) */
export const DATASTORE_RESERVE_CHECK_MS = 60_000

/**
 * While a long-lived node runs, makes a released reserve again once the space is back (whoever
 * freed it: a GC, the user), rather than only at the next start. Returns the function that stops it.
 */
export function keepReserve (reserve: LevelReserve, intervalMs = DATASTORE_RESERVE_CHECK_MS): () => void {
  const timer = setInterval(() => { if (!reserve.present) void reserve.ensure() }, intervalMs)
  timer.unref()
  return () => { clearInterval(timer) }
}
