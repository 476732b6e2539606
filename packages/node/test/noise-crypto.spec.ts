/**
 * fastNoiseCrypto must be byte-for-byte the cipher Noise peers expect: frames it seals open with
 * the stock implementation and the other way round, in one piece or in several, and a frame
 * altered in transit is refused.
 */
import { randomBytes } from 'node:crypto'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { Uint8ArrayList } from 'uint8arraylist'
import { fastNoiseCrypto } from '../src/noise-crypto.ts'

const flat = (b: Uint8Array | { subarray(): Uint8Array }): Uint8Array => b instanceof Uint8Array ? b : b.subarray()
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0

const cipher = suite('fastNoiseCrypto')

const key = new Uint8Array(randomBytes(32))
const nonce = new Uint8Array(12)
nonce[4] = 9
const ad = new Uint8Array(randomBytes(32))

for (const size of [0, 100, 1199, 1200, 4096, 65519]) {
  cipher(`a ${size}-byte frame sealed by either opens with the other`, () => {
    const plain = new Uint8Array(randomBytes(size))
    const ours = flat(fastNoiseCrypto.chaCha20Poly1305Encrypt(plain, nonce, ad, key) as any)
    const stock = flat(defaultCrypto.chaCha20Poly1305Encrypt(plain, nonce, ad, key) as any)
    assert.ok(same(ours, stock), 'same ciphertext and tag')
    assert.ok(same(flat(defaultCrypto.chaCha20Poly1305Decrypt(ours, nonce, ad, key) as any), plain))
    assert.ok(same(flat(fastNoiseCrypto.chaCha20Poly1305Decrypt(stock, nonce, ad, key) as any), plain))
  })
}

cipher('frames given in pieces (as they arrive from TCP) seal and open the same', () => {
  const plain = new Uint8Array(randomBytes(65519))
  const pieces = new Uint8ArrayList(plain.subarray(0, 1000), plain.subarray(1000, 40_000), plain.subarray(40_000))
  const sealed = flat(fastNoiseCrypto.chaCha20Poly1305Encrypt(pieces as any, nonce, ad, key) as any)
  assert.ok(same(sealed, flat(defaultCrypto.chaCha20Poly1305Encrypt(plain, nonce, ad, key) as any)))
  const split = new Uint8ArrayList(sealed.subarray(0, 30_000), sealed.subarray(30_000, 65_530), sealed.subarray(65_530))
  assert.ok(same(flat(fastNoiseCrypto.chaCha20Poly1305Decrypt(split as any, nonce, ad, key) as any), plain))
})

cipher('a frame altered in transit, or opened with another key or nonce, throws', () => {
  const plain = new Uint8Array(randomBytes(20_000))
  const sealed = flat(fastNoiseCrypto.chaCha20Poly1305Encrypt(plain, nonce, ad, key) as any).slice()
  const flipped = sealed.slice()
  flipped[100] ^= 1
  assert.throws(() => fastNoiseCrypto.chaCha20Poly1305Decrypt(flipped, nonce, ad, key))
  const badTag = sealed.slice()
  badTag[badTag.length - 1] ^= 1
  assert.throws(() => fastNoiseCrypto.chaCha20Poly1305Decrypt(badTag, nonce, ad, key))
  assert.throws(() => fastNoiseCrypto.chaCha20Poly1305Decrypt(sealed, nonce, ad, new Uint8Array(randomBytes(32))))
  assert.throws(() => fastNoiseCrypto.chaCha20Poly1305Decrypt(sealed, new Uint8Array(12), ad, key))
  // the key imported for the first frame is not mistaken for another array with other bytes
  assert.ok(same(flat(fastNoiseCrypto.chaCha20Poly1305Decrypt(sealed, nonce, ad, key) as any), plain))
})

cipher.run()
