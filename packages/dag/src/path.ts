import { InvalidCidError, InvalidPathError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { base32 } from 'multiformats/bases/base32'
import { base36 } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'

export interface ParsedPath {
  root: CID
  segments: string[]
}

const decoders = base32.decoder.or(base36.decoder).or(base58btc.decoder)

export function parseCid (text: string): CID {
  try {
    return text.startsWith('Qm') || text.startsWith('1') ? CID.parse(text) : CID.parse(text, decoders)
  } catch (err) {
    throw new InvalidCidError(`Invalid CID "${text}"`, { cause: err })
  }
}

/** `/ipfs/<cid>/a/b`, `<cid>/a/b`, `ipfs/<cid>` or a CID → root CID and path segments */
export function parsePath (path: string | CID): ParsedPath {
  const asCid = CID.asCID(path)
  if (asCid != null) return { root: asCid, segments: [] }
  if (typeof path !== 'string') throw new InvalidPathError('A path must be a string or a CID')
  let parts = path.split('/').filter(p => p !== '')
  if (path.startsWith('/ipfs/') || parts[0] === 'ipfs') parts = parts.slice(1)
  else if (path.startsWith('/')) throw new InvalidPathError(`Unsupported path namespace in "${path}": only /ipfs/ paths are understood`)
  if (parts.length === 0) throw new InvalidPathError(`Path "${path}" names no CID`)
  for (const p of parts) {
    if (p === '.' || p === '..') throw new InvalidPathError(`Path "${path}" may not contain "${p}"`)
  }
  return { root: parseCid(parts[0]), segments: parts.slice(1) }
}
