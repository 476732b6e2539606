import * as crypto from 'node:crypto'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import { multihashDigest } from '@cairn/ipld'
import { CODEC_DAG_PB, CODEC_RAW, HASH_IDENTITY, HASH_SHA2_256 } from './constants.ts'

export interface CidFormat {
  cidVersion: 0 | 1
  /** Blocks no larger than this get identity CIDs; -1 disables inlining */
  inlineLimit: number
  /** The multihash function's code (Kubo's `--hash`); anything but sha2-256 is CIDv1. @default 0x12 */
  hash?: number
}

/**
 * node:crypto's one-shot hash (no Hash object per block), from Node 20.12 and 21.7; before that
 * (`engines` says Node 20) a Hash object per call. A namespace import: a named one of a missing
 * export would fail to link on those versions.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash

/** sha2-256 of one block */
export function sha256 (bytes: Uint8Array): Uint8Array {
  return oneShot != null ? oneShot('sha256', bytes, 'buffer') : crypto.createHash('sha256').update(bytes).digest()
}

/** The CID Kubo gives `bytes` under `codec` (raw blocks are always CIDv1) */
export function cidFor (codec: number, bytes: Uint8Array, format: CidFormat): CID {
  if (format.inlineLimit >= 0 && bytes.byteLength <= format.inlineLimit) {
    return CID.createV1(codec, Digest.create(HASH_IDENTITY, bytes))
  }
  if (format.hash != null && format.hash !== HASH_SHA2_256) {
    return CID.createV1(codec, Digest.create(format.hash, multihashDigest(format.hash, bytes)))
  }
  // the multihash built in one buffer: Digest.create would allocate and copy it again
  const mh = new Uint8Array(34)
  mh[0] = HASH_SHA2_256
  mh[1] = 32
  mh.set(sha256(bytes), 2)
  const digest = new Digest.Digest(HASH_SHA2_256, 32, mh.subarray(2), mh)
  if (format.cidVersion === 0 && codec === CODEC_DAG_PB) return CID.createV0(digest as Digest.Digest<0x12, number>)
  return CID.createV1(codec, digest)
}

export function isIdentity (cid: CID): boolean {
  return cid.multihash.code === HASH_IDENTITY
}

export { CODEC_DAG_PB, CODEC_RAW }
