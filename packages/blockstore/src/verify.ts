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

/** True when the hash function of `cid` is one `verifyBlock` can check */
export function canVerify (cid: CID): boolean {
  return cid.multihash.code === IDENTITY_CODE || NODE_HASHES.has(cid.multihash.code)
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
  let actual: Uint8Array
  if (code === IDENTITY_CODE) {
    actual = bytes
    if (actual.byteLength !== digest.byteLength) throw mismatch(cid)
  } else {
    const algorithm = NODE_HASHES.get(code)
    if (algorithm == null) {
      throw new UnsupportedHashError(`Cannot verify ${cid}: multihash code 0x${code.toString(16)} is not supported`)
    }
    actual = createHash(algorithm).update(bytes).digest()
    // Multihashes may carry a truncated digest; compare the part they carry
    if (digest.byteLength > actual.byteLength) throw mismatch(cid)
  }
  for (let i = 0; i < digest.byteLength; i++) {
    if (digest[i] !== actual[i]) throw mismatch(cid)
  }
}

function mismatch (cid: CID): HashMismatchError {
  return new HashMismatchError(`Block bytes do not match ${cid}`, { details: { cid: cid.toString() } })
}
