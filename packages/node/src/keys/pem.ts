/**
 * Kubo's `pem-pkcs8-cleartext` key format: a PKCS#8 `PRIVATE KEY` PEM block, read and written with
 * node:crypto (Ed25519, RSA and secp256k1, the types Kubo generates).
 */
import { ECDH, createPrivateKey } from 'node:crypto'
import { InvalidParametersError } from '@cairn/interface'
import { generateKeyPairFromSeed, privateKeyFromRaw } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'

const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')

export function privateKeyToPem (key: PrivateKey): Uint8Array {
  let jwk: Record<string, unknown>
  if (key.type === 'Ed25519') {
    // libp2p's raw Ed25519 private key is the 32-byte seed followed by the public key
    jwk = { kty: 'OKP', crv: 'Ed25519', d: b64u(key.raw.subarray(0, 32)), x: b64u(key.publicKey.raw) }
  } else if (key.type === 'RSA') {
    jwk = { ...(key as unknown as { jwk: Record<string, unknown> }).jwk }
  } else if (key.type === 'secp256k1') {
    // the JWK needs both coordinates of the (compressed) public point
    const point = ECDH.convertKey(key.publicKey.raw, 'secp256k1', undefined, undefined, 'uncompressed') as Buffer
    jwk = { kty: 'EC', crv: 'secp256k1', d: b64u(key.raw), x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) }
  } else {
    throw new InvalidParametersError(`unsupported key type ${key.type} for pem-pkcs8-cleartext`)
  }
  const obj = createPrivateKey({ key: jwk as any, format: 'jwk' })
  return new TextEncoder().encode(String(obj.export({ type: 'pkcs8', format: 'pem' })))
}

export async function privateKeyFromPem (pem: Uint8Array): Promise<PrivateKey> {
  const text = new TextDecoder().decode(pem)
  const block = /-----BEGIN ([A-Z ]+)-----/.exec(text)
  if (block == null) throw new InvalidParametersError(`PEM block not found in input data:\n${text.slice(0, 200)}`)
  if (block[1] !== 'PRIVATE KEY') throw new InvalidParametersError(`expected PRIVATE KEY type in PEM block but got: ${block[1]}`)
  let obj
  try {
    obj = createPrivateKey({ key: text, format: 'pem' })
  } catch (err) {
    throw new InvalidParametersError(`parsing PKCS8 format: ${(err as Error).message}`, { cause: err })
  }
  const jwk = obj.export({ format: 'jwk' }) as Record<string, string>
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return generateKeyPairFromSeed('Ed25519', Buffer.from(jwk.d, 'base64url'))
  if (jwk.kty === 'RSA') return privateKeyFromRaw(obj.export({ type: 'pkcs1', format: 'der' }))
  if (jwk.kty === 'EC' && jwk.crv === 'secp256k1') return privateKeyFromRaw(Buffer.from(jwk.d, 'base64url'))
  throw new InvalidParametersError(`converting std Go key to libp2p key: unsupported key type ${jwk.kty}/${jwk.crv ?? ''}`)
}
