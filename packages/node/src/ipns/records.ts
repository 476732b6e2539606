/**
 * The node's own IPNS records, kept in the repo's datastore under `/ipns/<base32 routing key>` as
 * Kubo keeps them: the last record published for each key, so the sequence number keeps rising
 * across restarts and the republisher has something to republish.
 */
import { Key } from 'interface-datastore'
import { unmarshalIPNSRecord } from 'ipns'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import type { AbortOptions } from '@cairn/interface'
import type { Datastore } from 'interface-datastore'

const PREFIX = '/ipns/'

export interface RecordStore {
  get(routingKey: Uint8Array, options?: AbortOptions): Promise<Uint8Array | undefined>
  put(routingKey: Uint8Array, record: Uint8Array, options?: AbortOptions): Promise<void>
  /** Every record held, with its routing key */
  all(options?: AbortOptions): AsyncIterable<{ routingKey: Uint8Array, record: Uint8Array }>
}

const keyOf = (routingKey: Uint8Array): Key => new Key(PREFIX + uint8ArrayToString(routingKey, 'base32'), false)

export function createRecordStore (datastore: () => Promise<Datastore>): RecordStore {
  return {
    async get (routingKey, options) {
      const store = await datastore()
      try {
        return await store.get(keyOf(routingKey), options)
      } catch (err: any) {
        if (err?.name === 'NotFoundError') return undefined
        throw err
      }
    },
    async put (routingKey, record, options) {
      // a malformed record never enters the store
      unmarshalIPNSRecord(record)
      await (await datastore()).put(keyOf(routingKey), record, options)
    },
    async * all (options) {
      const store = await datastore()
      const { fromString } = await import('uint8arrays/from-string')
      for await (const { key, value } of store.query({ prefix: PREFIX }, options)) {
        yield { routingKey: fromString(key.toString().slice(PREFIX.length), 'base32'), record: value }
      }
    }
  }
}

export function sequenceOf (record: Uint8Array | undefined): bigint | undefined {
  if (record == null) return undefined
  try {
    return unmarshalIPNSRecord(record).sequence
  } catch {
    return undefined
  }
}
