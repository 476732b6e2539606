/** Argument parsers shared by commands; each throws a `UsageError` naming what was wrong */
import { createRequire } from 'node:module'
import type * as Base32 from 'multiformats/bases/base32'
import type * as Base36 from 'multiformats/bases/base36'
import type * as Base58 from 'multiformats/bases/base58'
import type * as Cid from 'multiformats/cid'
import { InvalidCidError, InvalidPathError } from '@cairn/interface'
import { UsageError } from '../errors.ts'

export function parseInteger (value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`'${value}' is not a non-negative integer`)
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new UsageError(`'${value}' is too large`)
  return n
}

/** A Go int64 flag: negative values parse, so the command can refuse them with Kubo's own words */
export function parseSignedInteger (value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`'${value}' is not an integer`)
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new UsageError(`'${value}' is too large`)
  return n
}

/**
 * multiformats, loaded when a CID argument is parsed, not when the command tree is built: `--help`
 * and `version` never pay for it. `require` of these ES modules is synchronous (their exports have
 * the `module-sync` condition), as commander's argument parsers must be.
 */
let cidCodecs: { CID: typeof Cid.CID, decoders: Parameters<typeof Cid.CID.parse>[1] } | undefined
function codecs (): NonNullable<typeof cidCodecs> {
  if (cidCodecs != null) return cidCodecs
  const require = createRequire(import.meta.url)
  const { base32 } = require('multiformats/bases/base32') as typeof Base32
  const { base36 } = require('multiformats/bases/base36') as typeof Base36
  const { base58btc } = require('multiformats/bases/base58') as typeof Base58
  const { CID } = require('multiformats/cid') as typeof Cid
  // the multibases CIDs are written in on the command line: base32 (v1), base36 (`k…` IPNS-style), base58btc (v0)
  cidCodecs = { CID, decoders: base32.decoder.or(base36.decoder).or(base58btc.decoder) }
  return cidCodecs
}

function isCid (text: string): boolean {
  const { CID, decoders: CID_DECODERS } = codecs()
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
  // an /ipns/ path is resolved by the node (IPNS name or DNSLink domain)
  if (/^\/ipns\/[^/]+/.test(value)) return value
  const trimmed = value.startsWith('/ipfs/') ? value.slice('/ipfs/'.length) : value.replace(/^\/+/, '')
  const head = trimmed.split('/')[0]
  if (!isCid(head)) throw new InvalidPathError(`invalid path "${value}": "${head}" is not a CID`)
  return value
}

/** A CID, or an IPFS path to one (`block get /ipfs/<cid>/a`): a bare word is judged as a CID */
export function parseCidOrPathArg (value: string): string {
  return value.replace(/^\/ipfs\//, '').includes('/') ? parsePathArg(value) : parseCidArg(value)
}

/** Commander's accumulator for variadic CID arguments */
export function parseCidList (value: string, previous: string[] = []): string[] {
  return [...previous, parseCidArg(value)]
}
