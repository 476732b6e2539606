/** Argument parsers shared by commands; each throws a `UsageError` naming what was wrong */
import { base32 } from 'multiformats/bases/base32'
import { base36 } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'
import { CID } from 'multiformats/cid'
import { InvalidCidError, InvalidPathError } from '@cairn/interface'
import { UsageError } from '../errors.ts'

export function parseInteger (value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`'${value}' is not a non-negative integer`)
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new UsageError(`'${value}' is too large`)
  return n
}

/** The multibases CIDs are written in on the command line: base32 (v1), base36 (`k…` IPNS-style), base58btc (v0) */
const CID_DECODERS = base32.decoder.or(base36.decoder).or(base58btc.decoder)

function isCid (text: string): boolean {
  try {
    if (text.startsWith('Qm')) CID.parse(text)
    else CID.parse(text, CID_DECODERS)
    return true
  } catch {
    return false
  }
}

/** Validates a CID argument before any work, so a typo fails the same way offline and online */
export function parseCidArg (value: string): string {
  const bare = value.startsWith('/ipfs/') ? value.slice('/ipfs/'.length) : value
  if (!isCid(bare)) throw new InvalidCidError(`invalid CID "${value}": not a CID in base32, base36 or base58btc`)
  return bare
}

/** Validates the CID at the head of an IPFS path (`/ipfs/<cid>/a`, `<cid>/a`) and returns the path unchanged */
export function parsePathArg (value: string): string {
  const trimmed = value.startsWith('/ipfs/') ? value.slice('/ipfs/'.length) : value.replace(/^\/+/, '')
  const head = trimmed.split('/')[0]
  if (!isCid(head)) throw new InvalidPathError(`invalid path "${value}": "${head}" is not a CID`)
  return value
}

/** Commander's accumulator for variadic CID arguments */
export function parseCidList (value: string, previous: string[] = []): string[] {
  return [...previous, parseCidArg(value)]
}
