import { createHash } from 'node:crypto'
import { HashMismatchError, UnsupportedHashError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** Multihash code → Node `crypto` algorithm name, for the hashes we can check */
const NODE_HASHES = new Map<number, string>([
  [0x11, 'sha1'],
  [0x12, 'sha256'],
  [0x13, 'sha512'],
  [0x14, 'sha3-512'],
  [0x15, 'sha3-384'],
  [0x16, 'sha3-256'],
  [0x17, 'sha3-224'],
  [0xb240, 'blake2b512']
])

const IDENTITY_CODE = 0x00

/** True when `code` is a multihash function we compute (identity included) */
export function isSupportedHash (code: number): boolean {
  return code === IDENTITY_CODE || NODE_HASHES.has(code)
}

/** True when the hash function of `cid` is one `verifyBlock` can check */
export function canVerify (cid: CID): boolean {
  return isSupportedHash(cid.multihash.code)
}

/**
 * The full digest of `bytes` under the multihash function `code` (identity: the bytes themselves).
 * The one table of hash functions: Bitswap uses it to learn which block arrived.
 */
export function multihashDigest (code: number, bytes: Uint8Array): Uint8Array {
  if (code === IDENTITY_CODE) return bytes
  const algorithm = NODE_HASHES.get(code)
  if (algorithm == null) throw new UnsupportedHashError(`Unsupported hash function 0x${code.toString(16)}`)
  return createHash(algorithm).update(bytes).digest()
}

/**
 * Throws `HashMismatchError` unless `bytes` hash to `cid`'s multihash, `UnsupportedHashError` when
 * the hash function is not one we compute. Everything that accepts blocks from outside (Bitswap,
 * CAR import, pinning through a getter) calls this before storing.
 */
export async function verifyBlock (cid: CID, bytes: Uint8Array): Promise<void> {
  verifyBlockSync(cid, bytes)
}

/** The synchronous core of `verifyBlock`; Node's hashes are synchronous anyway */
export function verifyBlockSync (cid: CID, bytes: Uint8Array): void {
  const { code, digest } = cid.multihash
  if (!isSupportedHash(code)) {
    throw new UnsupportedHashError(`Cannot verify ${cid}: multihash code 0x${code.toString(16)} is not supported`)
  }
  const actual = multihashDigest(code, bytes)
  if (code === IDENTITY_CODE) {
    if (actual.byteLength !== digest.byteLength) throw mismatch(cid)
  } else if (digest.byteLength > actual.byteLength) {
    // Multihashes may carry a truncated digest; compare the part they carry
    throw mismatch(cid)
  }
  for (let i = 0; i < digest.byteLength; i++) {
    if (digest[i] !== actual[i]) throw mismatch(cid)
  }
}

function mismatch (cid: CID): HashMismatchError {
  return new HashMismatchError(`Block bytes do not match ${cid}`, { details: { cid: cid.toString() } })
}
