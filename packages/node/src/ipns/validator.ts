/**
 * The DHT's `/ipns/` validator and selector. The validator checks what the `ipns` package checks
 * (size, signature V2, expiry, the key matching the name) and, for a record offered to us by a
 * peer (PUT_VALUE), that it is not worse than the one we hold: go-libp2p-kad-dht keeps the better
 * record, while js kad-dht's PUT handler would overwrite it, so the check lives here.
 */
import { InvalidRecordError } from '@cairn/interface'
import { Libp2pRecord } from '@libp2p/record'
import { ipnsSelector } from 'ipns/selector'
import { ipnsValidator } from 'ipns/validator'
import { Key } from 'interface-datastore'
import { equals } from 'uint8arrays/equals'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { IPNS_RECORD_BYTES_MAX } from '../constants.ts'
import type { Datastore } from 'interface-datastore'

/** Where kad-dht keeps records in its datastore (its default `datastorePrefix` + `/record`) */
const DHT_RECORD_PREFIX = '/dht/record'

/** Maps the `ipns` package's error names to Kubo's (boxo `ipns/errors.go`) wording */
export function recordError (err: unknown): InvalidRecordError {
  const name = (err as Error)?.name
  const messages: Record<string, string> = {
    RecordExpiredError: 'record is expired',
    SignatureVerificationError: 'signature verification failed',
    RecordTooLargeError: 'record exceeds allowed size limit',
    InvalidEmbeddedPublicKeyError: 'record public key does not match the expected public key',
    UnsupportedValidityError: 'record contains an unrecognized validity type',
    InvalidRecordDataError: 'record is missing the dag-cbor data field'
  }
  if ((err as { code?: string })?.code === InvalidRecordError.code) return err as InvalidRecordError
  return new InvalidRecordError(messages[name] ?? `record is malformed: ${(err as Error)?.message ?? String(err)}`, { cause: err })
}

/** Validates a marshalled record against its routing key; InvalidRecordError on any failure */
export async function validateIpnsRecord (routingKey: Uint8Array, record: Uint8Array): Promise<void> {
  if (record.byteLength > IPNS_RECORD_BYTES_MAX) throw new InvalidRecordError('record exceeds allowed size limit')
  try {
    await ipnsValidator(routingKey, record)
  } catch (err) {
    throw recordError(err)
  }
}

/** The index of the best record (highest sequence, then latest validity) */
export function selectIpnsRecord (routingKey: Uint8Array, records: Uint8Array[]): number {
  return ipnsSelector(routingKey, records)
}

/** The record kad-dht holds for a key in its datastore (what peers put to us, or we put), if any */
export async function dhtLocalRecord (store: Datastore, key: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const raw = await store.get(new Key(`${DHT_RECORD_PREFIX}/${uint8ArrayToString(key, 'base32')}`, false))
    return Libp2pRecord.deserialize(raw).value
  } catch {
    return undefined
  }
}

/** kad-dht's validator for `/ipns/`, refusing a record worse than the one already stored */
export function dhtIpnsValidator (datastore: () => Datastore | undefined): (key: Uint8Array, value: Uint8Array) => Promise<void> {
  return async (key, value) => {
    await validateIpnsRecord(key, value)
    const store = datastore()
    if (store == null) return
    const existing = await dhtLocalRecord(store, key)
    if (existing == null) return
    if (equals(existing, value)) return
    try {
      await validateIpnsRecord(key, existing)
    } catch {
      // what we hold is no longer valid (expired): anything valid is better
      return
    }
    if (selectIpnsRecord(key, [value, existing]) !== 0) {
      throw new InvalidRecordError('sequence number must be greater than the current record sequence')
    }
  }
}

export function dhtIpnsSelector (key: Uint8Array, records: Uint8Array[]): number {
  return selectIpnsRecord(key, records)
}
