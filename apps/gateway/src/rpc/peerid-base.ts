import { InvalidParametersError } from '@cairn/interface'
import { bases } from 'multiformats/basics'
import { base58btc } from 'multiformats/bases/base58'
import { CID } from 'multiformats/cid'
import * as Digest from 'multiformats/hashes/digest'
import type { MultibaseEncoder } from 'multiformats/bases/interface'

/** The libp2p-key multicodec: a peer ID as a CID */
const LIBP2P_KEY = 0x72

const ENCODERS: Array<MultibaseEncoder<string>> = Object.values(bases)

/**
 * Kubo's `--peerid-base` (`ke.KeyEncoderFromString`): `b58mh` (the default) keeps the base58btc
 * multihash; any multibase name or prefix (`base36`, `k`, `base32`, `b`...) writes a CIDv1 with
 * the libp2p-key codec in that base.
 */
export function peerIdEncoder (label: string | undefined): (peerId: string) => string {
  if (label == null || label === '' || label === 'b58mh') return id => id
  const encoder = ENCODERS.find(b => b.name === label || b.prefix === label)
  if (encoder == null) throw new InvalidParametersError(`invalid peerid-base "${label.slice(0, 30)}"`)
  return id => {
    // peer IDs come from the node as base58btc multihashes
    return CID.createV1(LIBP2P_KEY, Digest.decode(base58btc.baseDecode(id))).toString(encoder)
  }
}
