/**
 * From wire bytes to a trusted CID: Bitswap blocks carry only a CID prefix (version, codec,
 * hash function, digest length) and the data, so the receiver hashes the data to learn which
 * block it is. The digest is computed here, never taken from the peer. (Checking bytes against a
 * known CID is `verifyBlock` from `@cairn/ipld`.)
 */
import { MalformedBlockError } from '@cairn/interface'
import { isSupportedHash, multihashDigest, readVarint, varintLength, writeVarint } from '@cairn/ipld'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'

export { isSupportedHash }

const IDENTITY = 0x00
const DAG_PB = 0x70
const SHA2_256 = 0x12

/**
 * The multihash digest of `data` with the hash `code`, truncated to `length` bytes. `sha256`: the
 * sha2-256 of `data` when it was already computed here (on the hash worker).
 */
export function digestOf (code: number, length: number, data: Uint8Array, sha256?: Uint8Array): Uint8Array {
  if (code === IDENTITY) return data
  const full = code === SHA2_256 && sha256 != null ? sha256 : multihashDigest(code, data)
  if (length > full.byteLength) throw new MalformedBlockError(`Digest length ${length} longer than the hash's ${full.byteLength}`)
  return new Uint8Array(full.buffer, full.byteOffset, length)
}

/** The CID prefix Bitswap 1.1.0+ sends with a block */
export function cidToPrefix (cid: CID): Uint8Array {
  const fields = [cid.version, cid.code, cid.multihash.code, cid.multihash.size]
  const out = new Uint8Array(fields.reduce((n, f) => n + varintLength(f), 0))
  let offset = 0
  for (const f of fields) offset = writeVarint(out, offset, f)
  return out
}

interface Prefix {
  version: number
  codec: number
  hashCode: number
  length: number
}

function parsePrefix (prefix: Uint8Array): Prefix {
  const fields: number[] = []
  let offset = 0
  for (let i = 0; i < 4; i++) {
    const read = readVarint(prefix, offset)
    if (read == null) throw new MalformedBlockError('Malformed CID prefix')
    fields.push(read.value)
    offset = read.next
  }
  const [version, codec, hashCode, length] = fields
  if (offset !== prefix.byteLength || (version !== 0 && version !== 1)) throw new MalformedBlockError('Malformed CID prefix')
  if (version === 0 && (codec !== DAG_PB || hashCode !== SHA2_256 || length !== 32)) throw new MalformedBlockError('CIDv0 prefix must be dag-pb sha2-256')
  return { version, codec, hashCode, length }
}

/** True when a block with this prefix is hashed with sha2-256 (false for a malformed prefix too) */
export function prefixIsSha256 (prefix: Uint8Array): boolean {
  try {
    return parsePrefix(prefix).hashCode === SHA2_256
  } catch {
    return false
  }
}

/**
 * Hashes `data` as the prefix says and returns the CID it really has. `sha256`: the sha2-256 of
 * `data`, when computed here already.
 */
export function cidFromPrefix (prefix: Uint8Array, data: Uint8Array, sha256?: Uint8Array): CID {
  const { version, codec, hashCode, length } = parsePrefix(prefix)
  const digest = Digest.create(hashCode, digestOf(hashCode, hashCode === IDENTITY ? data.byteLength : length, data, sha256))
  return version === 0 ? CID.createV0(digest as any) : CID.createV1(codec, digest)
}

/** Bitswap 1.0.0 blocks are CIDv0: dag-pb, sha2-256 */
export function cidV0Of (data: Uint8Array, sha256?: Uint8Array): CID {
  return CID.createV0(Digest.create(SHA2_256, digestOf(SHA2_256, 32, data, sha256)) as any)
}

/**
 * True when `sha256`, the sha2-256 of some bytes, is what `cid` names (a sha2-256 CID whose
 * digest may be truncated, as multihashes allow)
 */
export function sha256Matches (cid: CID, sha256: Uint8Array): boolean {
  const { code, digest } = cid.multihash
  if (code !== SHA2_256 || digest.byteLength > sha256.byteLength) return false
  return equalBytes(digest, sha256.subarray(0, digest.byteLength))
}

export function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}

/** Wants, presences and blocks are matched by multihash, so CIDv0 and CIDv1 of one block meet */
export function keyOf (cid: CID): string {
  return Buffer.from(cid.multihash.bytes.buffer, cid.multihash.bytes.byteOffset, cid.multihash.bytes.byteLength).toString('base64')
}
