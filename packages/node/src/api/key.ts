/** Kubo's `key` commands over the repo's keystore */
import { InvalidParametersError } from '@cairn/interface'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { DEFAULT_RSA_KEY_BITS, RSA_KEY_BITS_MIN, RSA_KEY_BITS_MAX } from '../constants.ts'
import { privateKeyFromPem, privateKeyToPem } from '../keys/pem.ts'
import { SELF_KEY } from '../keys/keystore.ts'
import type { Keystore, StoredKey } from '../keys/keystore.ts'
import type { KeyApi, KeyFormat, KeyInfo } from '@cairn/interface'
import type { PrivateKey } from '@libp2p/interface'

/** Kubo prefixes what `key sign` signs, so a signature can never pass for another protocol's */
const SIGNED_MESSAGE_PREFIX = new TextEncoder().encode('libp2p-key signed message:')

const info = (k: StoredKey): KeyInfo => ({ name: k.name, id: k.id })

function prefixed (data: Uint8Array): Uint8Array {
  const out = new Uint8Array(SIGNED_MESSAGE_PREFIX.length + data.length)
  out.set(SIGNED_MESSAGE_PREFIX)
  out.set(data, SIGNED_MESSAGE_PREFIX.length)
  return out
}

function checkFormat (format: string | undefined, verb: 'import' | 'export'): KeyFormat {
  const f = format ?? 'libp2p-protobuf-cleartext'
  if (f !== 'libp2p-protobuf-cleartext' && f !== 'pem-pkcs8-cleartext') throw new InvalidParametersError(`unrecognized ${verb} format: ${f}`)
  return f
}

export function createKeyApi (keystore: Keystore): KeyApi {
  return {
    async gen (name, options = {}) {
      if (name === SELF_KEY) throw new InvalidParametersError("cannot create key with name 'self'")
      const type = options.type ?? 'ed25519'
      let key: PrivateKey
      if (type === 'ed25519') {
        if (options.size != null) throw new InvalidParametersError('key size not supported for ed25519 keys')
        key = await generateKeyPair('Ed25519')
      } else if (type === 'rsa') {
        const bits = options.size ?? DEFAULT_RSA_KEY_BITS
        if (bits < RSA_KEY_BITS_MIN) throw new InvalidParametersError(`rsa keys must be >= ${RSA_KEY_BITS_MIN} bits to be useful`)
        if (bits > RSA_KEY_BITS_MAX) throw new InvalidParametersError(`rsa keys must be <= ${RSA_KEY_BITS_MAX} bits`)
        key = await generateKeyPair('RSA', bits)
      } else if (type === 'secp256k1') {
        key = await generateKeyPair('secp256k1')
      } else {
        throw new InvalidParametersError(`unrecognized key type: ${String(type)}`)
      }
      await keystore.put(name, key)
      return { name, id: peerIdFromPrivateKey(key).toString() }
    },

    async list () {
      return (await keystore.list()).map(info)
    },

    async rm (name) {
      const key = await keystore.get(name)
      await keystore.delete(name)
      return info(key)
    },

    async rename (oldName, newName, options = {}) {
      const key = await keystore.get(oldName)
      const overwrite = await keystore.rename(oldName, newName, { overwrite: options.force })
      return { name: newName, id: key.id, was: oldName, overwrite }
    },

    async import (name, bytes, options = {}) {
      if (name === SELF_KEY) throw new InvalidParametersError("cannot import key with name 'self'")
      const format = checkFormat(options.format, 'import')
      let key: PrivateKey
      if (format === 'pem-pkcs8-cleartext') {
        key = await privateKeyFromPem(bytes)
      } else {
        try {
          key = privateKeyFromProtobuf(bytes)
        } catch (err) {
          if (new TextDecoder().decode(bytes.subarray(0, 64)).includes('-----BEGIN')) {
            throw new InvalidParametersError('unexpected PEM block for format=libp2p-protobuf-cleartext: try again with format=pem-pkcs8-cleartext', { cause: err })
          }
          throw new InvalidParametersError(`unable to unmarshall format=libp2p-protobuf-cleartext: ${(err as Error).message}`, { cause: err })
        }
      }
      if (options.allowAnyKeyType !== true && !['RSA', 'Ed25519', 'secp256k1'].includes(key.type)) {
        throw new InvalidParametersError(`key type ${key.type} is not allowed to be imported, only RSA, Ed25519, or Secp256k1; use flag --allow-any-key-type if you are sure of what you're doing`)
      }
      await keystore.put(name, key)
      return { name, id: peerIdFromPrivateKey(key).toString() }
    },

    async export (name, options = {}) {
      if (name === SELF_KEY) throw new InvalidParametersError("cannot export key with name 'self'")
      const format = checkFormat(options.format, 'export')
      let key: StoredKey
      try {
        key = await keystore.get(name)
      } catch (err: any) {
        if (err?.name === 'NotFoundError') throw Object.assign(err, { message: `key with name '${name}' doesn't exist` })
        throw err
      }
      return format === 'pem-pkcs8-cleartext' ? privateKeyToPem(key.key) : privateKeyToProtobuf(key.key)
    },

    async sign (data, options = {}) {
      const key = await keystore.get(options.key ?? SELF_KEY)
      return { key: info(key), signature: await key.key.sign(prefixed(data)) }
    },

    async verify (data, signature, options = {}) {
      const key = await keystore.get(options.key ?? SELF_KEY)
      return { key: info(key), signatureValid: await key.key.publicKey.verify(prefixed(data), signature) }
    }
  }
}
