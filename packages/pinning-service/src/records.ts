/**
 * The pin requests, persisted in the repo (`<repo>/pinning-service/requests`, LevelDB) and held in
 * memory for listing: a token holds at most `MaxPinsPerToken` requests, so a listing is a scan of
 * one token's bounded set. Also the CIDs this service pinned locally (and so may unpin).
 */
import { Level } from 'level'
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
  del(requestid: string): Promise<void>
  setOwned(key: string, owned: boolean): Promise<void>
  close(): Promise<void>
}

export async function openRequestStore (path: string): Promise<RequestStore> {
  const db = new Level<string, string>(path, { valueEncoding: 'utf8' })
  await db.open()
  const records = new Map<string, RequestRecord>()
  const owned = new Set<string>()
  let last = 0
  for await (const [k, v] of db.iterator()) {
    if (k.startsWith(REQUEST)) {
      const r = JSON.parse(v) as RequestRecord
      records.set(r.requestid, r)
      last = Math.max(last, r.created)
    } else if (k.startsWith(OWNED)) {
      owned.add(k.slice(OWNED.length))
    }
  }
  return {
    records,
    owned,
    nextCreated () {
      last = Math.max(Date.now(), last + 1)
      return last
    },
    async put (record) {
      records.set(record.requestid, record)
      await db.put(REQUEST + record.requestid, JSON.stringify(record), { sync: true })
    },
    async del (requestid) {
      records.delete(requestid)
      await db.del(REQUEST + requestid, { sync: true })
    },
    async setOwned (key, isOwned) {
      if (isOwned) {
        owned.add(key)
        await db.put(OWNED + key, '', { sync: true })
      } else {
        owned.delete(key)
        await db.del(OWNED + key, { sync: true })
      }
    },
    async close () {
      await db.close()
    }
  }
}
