/**
 * The multihash functions Cairn computes, by name and code: Node's own (sha1, sha2, sha3) and, from
 * the multiformats packages, keccak and the BLAKE2 families Kubo's `verifcid` allows (at least 20
 * bytes of digest). One table for hashing on `add`/`block put`/`dag put` and for verifying reads.
 */
import { createHash } from 'node:crypto'
import * as blake2b from '@multiformats/blake2/blake2b'
import * as blake2s from '@multiformats/blake2/blake2s'
import * as sha3 from '@multiformats/sha3'
import { UnsupportedHashError } from '@cairn/interface'
import { create as createDigest } from 'multiformats/hashes/digest'
import type { MultihashDigest, SyncMultihashHasher } from 'multiformats/hashes/interface'

export const IDENTITY_CODE = 0x00

interface HashFunction { name: string, code: number, digest: (bytes: Uint8Array) => Uint8Array }

const node = (name: string, code: number, algorithm: string): HashFunction =>
  ({ name, code, digest: bytes => createHash(algorithm).update(bytes).digest() })

const js = (hasher: SyncMultihashHasher<number>): HashFunction =>
  ({ name: hasher.name, code: hasher.code, digest: bytes => hasher.digest(bytes).digest })

const FUNCTIONS: HashFunction[] = [
  { name: 'identity', code: IDENTITY_CODE, digest: bytes => bytes },
  node('sha1', 0x11, 'sha1'),
  node('sha2-256', 0x12, 'sha256'),
  node('sha2-512', 0x13, 'sha512'),
  node('sha3-512', 0x14, 'sha3-512'),
  node('sha3-384', 0x15, 'sha3-384'),
  node('sha3-256', 0x16, 'sha3-256'),
  node('sha3-224', 0x17, 'sha3-224'),
  ...[sha3.keccak224, sha3.keccak256, sha3.keccak384, sha3.keccak512].map(h => js(h as SyncMultihashHasher<number>)),
  // BLAKE2 below 160 bits is refused by Kubo's verifcid, so it is not offered here either
  ...Object.values(blake2b).filter(h => h.code >= 0xb214).map(h => js(h as SyncMultihashHasher<number>)),
  ...Object.values(blake2s).filter(h => h.code >= 0xb254).map(h => js(h as SyncMultihashHasher<number>))
]

const BY_CODE = new Map(FUNCTIONS.map(f => [f.code, f]))
const BY_NAME = new Map(FUNCTIONS.map(f => [f.name, f]))

/** True when `code` is a multihash function we compute (identity included) */
export function isSupportedHash (code: number): boolean {
  return BY_CODE.has(code)
}

/** The names of every multihash function we compute, for messages and `cid hashes` */
export function supportedHashes (): Array<{ name: string, code: number }> {
  return FUNCTIONS.map(({ name, code }) => ({ name, code }))
}

/** A multihash function's code by its name (`sha2-256`, `blake2b-256`); UnsupportedHashError otherwise */
export function hashCode (name: string): number {
  const f = BY_NAME.get(name)
  if (f == null) throw new UnsupportedHashError(`unrecognized multihash function: ${name}`)
  return f.code
}

/**
 * The full digest of `bytes` under the multihash function `code` (identity: the bytes themselves).
 * The one table of hash functions: Bitswap uses it to learn which block arrived.
 */
export function multihashDigest (code: number, bytes: Uint8Array): Uint8Array {
  const f = BY_CODE.get(code)
  if (f == null) throw new UnsupportedHashError(`Unsupported hash function 0x${code.toString(16)}`)
  return f.digest(bytes)
}

/**
 * The multihash of `bytes` under the function named `name`, its digest cut to `length` bytes when
 * given (Kubo's `--mhlen`; only shorter, never longer, than the function's output)
 */
export function hashBytes (name: string, bytes: Uint8Array, length?: number): MultihashDigest<number> {
  const code = hashCode(name)
  const full = multihashDigest(code, bytes)
  if (length == null || length < 0 || code === IDENTITY_CODE) return createDigest(code, full)
  if (length > full.byteLength) throw new UnsupportedHashError(`hash length ${length} is over the ${full.byteLength} bytes ${name} gives`)
  return createDigest(code, full.subarray(0, length))
}
