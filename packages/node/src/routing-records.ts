/**
 * Keys and values of the DHT's record store as Kubo's `routing get|put` take them:
 * `/ipns/<peer id>` and `/pk/<peer id>`, the peer ID in any of its text forms, turned into the
 * `/<type>/<multihash bytes>` key the DHT uses.
 */
import { InvalidParametersError } from '@cairn/interface'
import { publicKeyFromProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromString } from '@libp2p/peer-id'
import { concat } from 'uint8arrays/concat'
import { fromString } from 'uint8arrays/from-string'
import { toString } from 'uint8arrays/to-string'
import type { AbortOptions } from '@cairn/interface'
import type { KadDHT, Validators } from '@libp2p/kad-dht'

/** The DHT key of `/ipns/<peer>` or `/pk/<peer>`; anything else is Kubo's "invalid key" */
export function routingKey (key: string): Uint8Array {
  const parts = key.split('/')
  if (parts.length !== 3 || parts[0] !== '' || (parts[1] !== 'ipns' && parts[1] !== 'pk')) {
    throw new InvalidParametersError('invalid key')
  }
  let id
  try {
    id = peerIdFromString(parts[2])
  } catch (err) {
    throw new InvalidParametersError(`invalid key: ${(err as Error).message}`, { cause: err })
  }
  return concat([fromString(`/${parts[1]}/`), id.toMultihash().bytes])
}

/** A `/pk/` record holds the protobuf public key whose peer ID is the key (as go-libp2p's PublicKeyValidator) */
async function validatePublicKey (key: Uint8Array, value: Uint8Array): Promise<void> {
  let publicKey
  try {
    publicKey = publicKeyFromProtobuf(value)
  } catch (err) {
    throw new InvalidParametersError(`invalid public key record: ${(err as Error).message}`, { cause: err })
  }
  const wanted = key.subarray('/pk/'.length)
  if (toString(publicKey.toMultihash().bytes, 'base64') !== toString(wanted, 'base64')) {
    throw new InvalidParametersError('public key does not match storage key')
  }
}

/**
 * Checks a record before it is stored: `/pk/` here, any other type with the validator the DHT
 * was given (the `/ipns/` one). kad-dht stores a put locally without asking its validators.
 */
export async function validateRecord (dht: KadDHT | undefined, key: Uint8Array, value: Uint8Array, options: AbortOptions = {}): Promise<void> {
  const type = toString(key.subarray(1, key.indexOf(47, 1)))
  if (type === 'pk') {
    await validatePublicKey(key, value)
    return
  }
  const validators = (dht as { validators?: Validators } | undefined)?.validators
  const validate = validators?.[type]
  if (validate == null) return
  try {
    await validate(key, value, options)
  } catch (err) {
    throw new InvalidParametersError(`invalid record for /${type}/: ${(err as Error).message}`, { cause: err })
  }
}
