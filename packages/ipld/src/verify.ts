import { HashMismatchError, UnsupportedHashError } from '@cairn/interface'
import { IDENTITY_CODE, isSupportedHash, multihashDigest } from './hashes.ts'
import type { CID } from 'multiformats/cid'

/** True when the hash function of `cid` is one `verifyBlock` can check */
export function canVerify (cid: CID): boolean {
  return isSupportedHash(cid.multihash.code)
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
