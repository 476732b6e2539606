import { CID } from 'multiformats/cid'
import { bases } from 'multiformats/basics'
import { InvalidCidError } from '@cairn/interface'
import type { MultibaseDecoder } from 'multiformats/bases/interface'

// every multibase multiformats knows, so `k51...` (base36) and `f01...` (base16) CIDs parse too
type Composable = MultibaseDecoder<string> & { or(other: MultibaseDecoder<string>): Composable }
const anyBase = Object.values(bases).map(b => b.decoder as unknown as Composable)
  .reduce((a, b) => a.or(b))

/** Parses a CID in any multibase, or base58btc CIDv0; throws `InvalidCidError` */
export function parseCid (text: string): CID {
  try {
    if (text.startsWith('Qm') && text.length === 46) return CID.parse(text)
    return CID.parse(text, anyBase)
  } catch (err) {
    throw new InvalidCidError(`invalid CID "${text.slice(0, 100)}"`, { cause: err })
  }
}
