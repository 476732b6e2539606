/**
 * The pin requests, persisted in the repo (`<repo>/pinning-service/requests`, LevelDB) and held in
 * memory for listing: a token holds at most `MaxPinsPerToken` requests, so a listing is a scan of
 * one token's bounded set. Also the CIDs this service pinned locally (and so may unpin).
 */
import { Level } from 'level'
import { NoSpaceError, StoreWriteError } from '@cairn/interface'
import type { PinObject, RemotePinStatusName } from '@cairn/interface'

/** One pin request as stored */
export interface RequestRecord {
  requestid: string
  /** The token that owns it */
  token: string
  /** Milliseconds since the epoch, unique across the service (the pagination cursor) */
  created: number
  status: RemotePinStatusName
  pin: PinObject
  /** `cidKey` of `pin.cid` */
  key: string
  /** `status_details` and such */
  info?: Record<string, string>
  /** Bytes of the pinned DAG (counted against the token's byte quota) */
  size?: number
  /** A replaced request's CID key, kept pinned until this one settles (POST /pins/{id}) */
  replaces?: string
}

const REQUEST = 'r/'
const OWNED = 'o/'

export interface RequestStore {
  readonly records: Map<string, RequestRecord>
  /** CID keys this service pinned (a CID pinned before the service asked stays the user's) */
  readonly owned: Set<string>
  /** A created timestamp later than every other, so `before`/`after` pagination never ties */
  nextCreated(): number
  put(record: RequestRecord): Promise<void>
  /**
   * Writes `change` over the request as it stands once every earlier write has landed, or nothing
   * when it is gone by then (a DELETE queued before a status change must win); resolves to the
   * record written
   */
  update(requestid: string, change: Partial<RequestRecord>): Promise<RequestRecord | undefined>
  del(requestid: string): Promise<void>
  setOwned(key: string, owned: boolean): Promise<void>
  close(): Promise<void>
}

/** After a reopen failed, the next write tries again no sooner than this */
const RECOVERY_INTERVAL_MS = 1000

/**
 * Opens the request store. Its writes keep the block store's promise (issue 11): one at a time,
 * memory changed only once the disk took the write, and after a failed write (ENOSPC, EIO) every
 * write is refused with the typed error (`NoSpaceError`, `StoreWriteError`) until the LevelDB has
 * been closed and reopened and the requests re-read from it: LevelDB keeps appending after a log
 * record whose append failed, and a reopen's replay stops at that tear, so a write acknowledged
 * after it would be lost. The next write tries the reopen (at most once a second after a failed
 * one), so writes resume without a restart once the disk allows.
 */
export async function openRequestStore (path: string): Promise<RequestStore> {
  const db = new Level<string, string>(path, { valueEncoding: 'utf8' })
  await db.open()
  const records = new Map<string, RequestRecord>()
  const owned = new Set<string>()
  let last = 0
  const load = async (): Promise<void> => {
    records.clear()
    owned.clear()
    for await (const [k, v] of db.iterator()) {
      if (k.startsWith(REQUEST)) {
        const r = JSON.parse(v) as RequestRecord
        records.set(r.requestid, r)
        last = Math.max(last, r.created)
      } else if (k.startsWith(OWNED)) {
        owned.add(k.slice(OWNED.length))
      }
    }
  }
  await load()
  let tail: Promise<unknown> = Promise.resolve()
  let failure: Error | undefined
  let lastReopenFailure = -Infinity
  const recover = async (): Promise<void> => {
    if (failure == null) return
    if (performance.now() - lastReopenFailure < RECOVERY_INTERVAL_MS) throw failure
    try {
      await db.close()
      await db.open()
      await load()
      failure = undefined
    } catch (err) {
      lastReopenFailure = performance.now()
      failure = storageError(err, `The pin request store at ${path} cannot reopen`)
      throw failure
    }
  }
  /** One write after the one before it; `apply` the memory change once the disk took it */
  const write = async (op: () => Promise<void>, apply: () => void): Promise<void> => {
    const run = tail.then(async () => {
      await recover()
      try {
        await op()
      } catch (err) {
        if (db.status !== 'open') throw err
        failure = storageError(err, `The pin request store at ${path} cannot write`)
        throw failure
      }
      apply()
    })
    tail = run.catch(() => {})
    await run
  }
  return {
    records,
    owned,
    nextCreated () {
      last = Math.max(Date.now(), last + 1)
      return last
    },
    async put (record) {
      await write(async () => db.put(REQUEST + record.requestid, JSON.stringify(record), { sync: true }), () => { records.set(record.requestid, record) })
    },
    async update (requestid, change) {
      let next: RequestRecord | undefined
      await write(async () => {
        const current = records.get(requestid)
        if (current == null) return
        next = { ...current, ...change }
        await db.put(REQUEST + requestid, JSON.stringify(next), { sync: true })
      }, () => { if (next != null) records.set(requestid, next) })
      return next
    },
    async del (requestid) {
      await write(async () => db.del(REQUEST + requestid, { sync: true }), () => { records.delete(requestid) })
    },
    async setOwned (key, isOwned) {
      if (isOwned) await write(async () => db.put(OWNED + key, '', { sync: true }), () => { owned.add(key) })
      else await write(async () => db.del(OWNED + key, { sync: true }), () => { owned.delete(key) })
    },
    async close () {
      await tail
      await db.close()
    }
  }
}

/** A failed write as the repo's typed error: the disk is full (NoSpaceError) or failed (StoreWriteError) */
function storageError (err: unknown, what: string): Error {
  const detail = ((err as Error)?.cause as Error | undefined)?.message ?? (err as Error)?.message ?? String(err)
  const line = detail.split('\n')[0]
  if (/No space left on device|Disk quota exceeded/i.test(line) || (err as { code?: string })?.code === 'ENOSPC') return new NoSpaceError(`${what}: no space left on device (${line})`, { cause: err })
  return new StoreWriteError(`${what}: ${line}`, { cause: err })
}
