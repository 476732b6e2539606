import { InvalidCidError } from '@cairn/interface'
import { CID } from 'multiformats/cid'

/** A CID from a string (bare or `/ipfs/<cid>`) or a CID; a longer path is refused */
export function parseCid (value: string | CID): CID {
  if (value instanceof CID) return value
  const asCid = CID.asCID(value)
  if (asCid != null) return asCid
  if (typeof value !== 'string') throw new InvalidCidError(`Not a CID: ${String(value)}`)
  let s = value.trim()
  if (s.startsWith('/ipfs/')) s = s.slice('/ipfs/'.length)
  if (s.includes('/')) throw new InvalidCidError(`"${value}" is a path, a CID is needed here`)
  try {
    return CID.parse(s)
  } catch (err) {
    throw new InvalidCidError(`Invalid CID "${value}"`, { cause: err })
  }
}
