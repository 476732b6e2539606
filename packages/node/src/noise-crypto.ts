/**
 * The ChaCha20-Poly1305 half of Noise's crypto, tuned for bulk transfer. The stock one builds a
 * cipher from the raw key for every 64 KiB frame, which makes Node import the key each time
 * (about as costly as decrypting the frame), and copies each encrypted frame to join it to its
 * tag. Here each connection key is imported once and a frame leaves as ciphertext plus tag.
 * Everything else (handshake, hashing, small frames) is the stock code.
 */
import { createCipheriv, createDecipheriv, createSecretKey } from 'node:crypto'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { Uint8ArrayList } from 'uint8arraylist'
import type { KeyObject } from 'node:crypto'

type NoiseCrypto = typeof defaultCrypto
type Encrypt = NoiseCrypto['chaCha20Poly1305Encrypt']
type Decrypt = NoiseCrypto['chaCha20Poly1305Decrypt']
// Noise pins an older uint8arraylist; lists of either version are told apart by a shared symbol
type NoiseList = Exclude<ReturnType<Encrypt>, Uint8Array>

const ALGORITHM = 'chacha20-poly1305'
const TAG_BYTES = 16
/** Below this the stock WebAssembly cipher wins (measured by the Noise authors) */
const SMALL_FRAME_BYTES = 1200

/** A Noise cipher state keeps one key array per direction for the life of the connection */
const keyObjects = new WeakMap<Uint8Array, KeyObject>()

function keyObjectFor (k: Uint8Array): KeyObject {
  let key = keyObjects.get(k)
  if (key == null) {
    key = createSecretKey(k)
    keyObjects.set(k, key)
  }
  return key
}

const encrypt: Encrypt = (plaintext, nonce, ad, k) => {
  if (plaintext.byteLength < SMALL_FRAME_BYTES) return defaultCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
  const cipher = createCipheriv(ALGORITHM, keyObjectFor(k), nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(ad, { plaintextLength: plaintext.byteLength })
  const parts: Uint8Array[] = []
  if (plaintext instanceof Uint8Array) parts.push(cipher.update(plaintext))
  else for (const buf of plaintext) parts.push(cipher.update(buf))
  parts.push(cipher.final(), cipher.getAuthTag())
  // not joined into one buffer as the stock code does: that copy measured slower than the extra
  // socket write for the tag
  return new Uint8ArrayList(...parts) as unknown as NoiseList
}

const decrypt: Decrypt = (ciphertext, nonce, ad, k, dst) => {
  if (ciphertext.byteLength < SMALL_FRAME_BYTES) return defaultCrypto.chaCha20Poly1305Decrypt(ciphertext, nonce, ad, k, dst)
  const textBytes = ciphertext.byteLength - TAG_BYTES
  const decipher = createDecipheriv(ALGORITHM, keyObjectFor(k), nonce, { authTagLength: TAG_BYTES })
  decipher.setAAD(ad, { plaintextLength: textBytes })
  decipher.setAuthTag(ciphertext.subarray(textBytes))
  if (ciphertext instanceof Uint8Array) {
    const out = decipher.update(ciphertext.subarray(0, textBytes))
    // final() authenticates: it throws when the tag does not match
    const final = decipher.final()
    return final.byteLength > 0 ? Buffer.concat([out, final]) : out
  }
  const out = new Uint8ArrayList()
  for (const buf of ciphertext.sublist(0, textBytes)) out.append(decipher.update(buf))
  const final = decipher.final()
  if (final.byteLength > 0) out.append(final)
  return out as unknown as NoiseList
}

/** Pass as `noise({ crypto: fastNoiseCrypto })` */
export const fastNoiseCrypto: NoiseCrypto = {
  ...defaultCrypto,
  chaCha20Poly1305Encrypt: encrypt,
  chaCha20Poly1305Decrypt: decrypt
}
