/**
 * Kubo's `diag datastore get|put|count`: raw access to the repo's datastore (the LevelDB that holds
 * the peer store, DHT and IPNS records), for debugging, with no daemon holding the repo (a running
 * daemon's lock makes the open fail with `RepoLockedError`).
 */
import { NotFoundError } from '@cairn/interface'
import { Key } from 'interface-datastore'
import { openDatastore } from './datastore-open.ts'
import { repoPaths } from './repo.ts'

export type DatastoreOp =
  | { op: 'get', key: string }
  | { op: 'put', key: string, value: Uint8Array }
  | { op: 'count', prefix: string }

export interface DatastoreAnswer {
  /** `get`: the bytes at the key */
  value?: Uint8Array
  /** `count`: keys under the prefix */
  count?: number
}

export async function diagDatastore (repoPath: string, request: DatastoreOp): Promise<DatastoreAnswer> {
  const { LevelDatastore } = await import('datastore-level')
  const paths = repoPaths(repoPath)
  const store = new LevelDatastore(paths.datastore)
  await openDatastore(store, paths)
  try {
    if (request.op === 'get') {
      try {
        return { value: await store.get(new Key(request.key)) }
      } catch (err) {
        if ((err as Error).name === 'NotFoundError') throw new NotFoundError(`key not found: ${request.key}`, { cause: err })
        throw err
      }
    }
    if (request.op === 'put') {
      await store.put(new Key(request.key), request.value)
      return {}
    }
    let count = 0
    for await (const _ of store.queryKeys({ prefix: request.prefix })) count++
    return { count }
  } finally {
    await store.close()
  }
}
