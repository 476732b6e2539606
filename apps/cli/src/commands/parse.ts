/** Argument parsers shared by commands; each throws a `UsageError` naming what was wrong */
import { CID } from 'multiformats/cid'
import { InvalidCidError, InvalidPathError } from '@cairn/interface'
import { UsageError } from '../errors.ts'

export function parseInteger (value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`'${value}' is not a non-negative integer`)
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new UsageError(`'${value}' is too large`)
  return n
}

/** Validates a CID argument before any work, so a typo fails the same way offline and online */
export function parseCidArg (value: string): string {
  const bare = value.startsWith('/ipfs/') ? value.slice('/ipfs/'.length) : value
  try {
    CID.parse(bare)
  } catch (err) {
    throw new InvalidCidError(`invalid CID '${value}': ${(err as Error).message}`, { cause: err })
  }
  return bare
}

/** Validates the CID at the head of an IPFS path (`/ipfs/<cid>/a`, `<cid>/a`) and returns the path unchanged */
export function parsePathArg (value: string): string {
  const trimmed = value.startsWith('/ipfs/') ? value.slice('/ipfs/'.length) : value.replace(/^\/+/, '')
  const head = trimmed.split('/')[0]
  try {
    CID.parse(head)
  } catch (err) {
    throw new InvalidPathError(`invalid path "${value}": ${(err as Error).message}`, { cause: err })
  }
  return value
}

/** Commander's accumulator for variadic CID arguments */
export function parseCidList (value: string, previous: string[] = []): string[] {
  return [...previous, parseCidArg(value)]
}
