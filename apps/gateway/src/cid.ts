import { CID } from 'multiformats/cid'
import { bases } from 'multiformats/basics'
import { InvalidCidError } from '@cairn/interface'
import { LRUCache } from 'lru-cache'
import type { MultibaseDecoder } from 'multiformats/bases/interface'

// every multibase multiformats knows, so `k51...` (base36) and `f01...` (base16) CIDs parse too
type Composable = MultibaseDecoder<string> & { or(other: MultibaseDecoder<string>): Composable }
const anyBase = Object.values(bases).map(b => b.decoder as unknown as Composable)
  .reduce((a, b) => a.or(b))

/**
 * CIDs lately parsed: decoding a base32 CID is a large share of a small request's work, and a
 * CID is immutable, so one object serves every request that names it
 */
const parsed = new LRUCache<string, CID>({ max: 4096 })

const IDENTITY_CODE = 0x00
/** IPIP-0512: identity CIDs hold at most 128 bytes; larger ones are refused when read */
const MAX_IDENTITY_DIGEST_BYTES = 128

/** Parses a CID in any multibase, or base58btc CIDv0; throws `InvalidCidError` */
export function parseCid (text: string): CID {
  const known = parsed.get(text)
  if (known != null) return known
  try {
    const cid = text.startsWith('Qm') && text.length === 46 ? CID.parse(text) : CID.parse(text, anyBase)
    if (cid.multihash.code === IDENTITY_CODE && cid.multihash.digest.length > MAX_IDENTITY_DIGEST_BYTES) {
      throw new InvalidCidError(`identity CID digest is ${cid.multihash.digest.length} bytes, over the limit of ${MAX_IDENTITY_DIGEST_BYTES} (IPIP-0512)`)
    }
    parsed.set(text, cid)
    return cid
  } catch (err) {
    if ((err as Error).name === 'InvalidCidError') throw err
    throw new InvalidCidError(`invalid CID "${text.slice(0, 100)}"`, { cause: err })
  }
}
