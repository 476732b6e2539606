/**
 * Kubo's `cid` and `multibase` commands as functions: format and convert CIDs, inspect them, list
 * the bases, codecs and hashes, and encode/decode/transcode bytes in any multibase. Pure: no store,
 * no network, so the CLI runs them without a repo (as Kubo, `SetDoesNotUseRepo`).
 */
import { InvalidCidError, InvalidParametersError } from '@cairn/interface'
import { bases } from 'multiformats/basics'
import { CID } from 'multiformats/cid'
import { supportedHashes } from './hashes.ts'
import type { MultibaseCodec } from 'multiformats/bases/interface'

/** The IPLD-tagged multicodecs, from multiformats/multicodec `table.csv` (45c88b8, 2026-04-17): what Kubo's `cid codecs` lists */
export const IPLD_CODEC_TABLE: ReadonlyArray<readonly [number, string]> = Object.freeze([
  [0x51, 'cbor'],
  [0x55, 'raw'],
  [0x70, 'dag-pb'],
  [0x71, 'dag-cbor'],
  [0x72, 'libp2p-key'],
  [0x78, 'git-raw'],
  [0x7b, 'torrent-info'],
  [0x7c, 'torrent-file'],
  [0x80, 'blake3-hashseq'],
  [0x81, 'leofcoin-block'],
  [0x82, 'leofcoin-tx'],
  [0x83, 'leofcoin-pr'],
  [0x85, 'dag-jose'],
  [0x86, 'dag-cose'],
  [0x90, 'eth-block'],
  [0x91, 'eth-block-list'],
  [0x92, 'eth-tx-trie'],
  [0x93, 'eth-tx'],
  [0x94, 'eth-tx-receipt-trie'],
  [0x95, 'eth-tx-receipt'],
  [0x96, 'eth-state-trie'],
  [0x97, 'eth-account-snapshot'],
  [0x98, 'eth-storage-trie'],
  [0x99, 'eth-receipt-log-trie'],
  [0x9a, 'eth-receipt-log'],
  [0xb0, 'bitcoin-block'],
  [0xb1, 'bitcoin-tx'],
  [0xb2, 'bitcoin-witness-commitment'],
  [0xc0, 'zcash-block'],
  [0xc1, 'zcash-tx'],
  [0xd0, 'stellar-block'],
  [0xd1, 'stellar-tx'],
  [0xe0, 'decred-block'],
  [0xe1, 'decred-tx'],
  [0xf0, 'dash-block'],
  [0xf1, 'dash-tx'],
  [0xfa, 'swarm-manifest'],
  [0xfb, 'swarm-feed'],
  [0xfc, 'beeson'],
  [0x0129, 'dag-json'],
  [0x01f0, 'swhid-1-snp'],
  [0x0200, 'json'],
  [0xb403, 'rdfc-1'],
  [0xb601, 'json-jcs'],
] as const)

/** Names of the IPLD codecs and of the multihash functions Cairn computes, by code */
const CODEC_NAMES = new Map<number, string>(IPLD_CODEC_TABLE)
const CODEC_CODES = new Map<string, number>(IPLD_CODEC_TABLE.map(([code, name]) => [name, code]))
const hashName = (code: number): string => supportedHashes().find(h => h.code === code)?.name ?? 'unknown'
const codecName = (code: number): string => CODEC_NAMES.get(code) ?? 'unknown'

const BASES: MultibaseCodec<string>[] = Object.values(bases) as MultibaseCodec<string>[]
/** Any multibase by name (`base32`) or by its prefix character (`b`) */
export function multibaseByName (name: string): MultibaseCodec<string> {
  const base = BASES.find(b => b.name === name) ?? BASES.find(b => b.prefix === name)
  if (base == null) throw new InvalidParametersError(`unsupported multibase encoding: ${name}`)
  return base
}

function baseOfPrefix (text: string): MultibaseCodec<string> {
  const prefix = String.fromCodePoint(text.codePointAt(0) ?? 0)
  const base = BASES.find(b => b.prefix === prefix)
  if (base == null) throw new InvalidParametersError(`selected encoding not supported`)
  return base
}

/** Decodes a multibase string (its prefix says which base); Kubo's "failed to decode multibase" otherwise */
export function multibaseDecode (text: string): Uint8Array {
  try {
    return baseOfPrefix(text).decoder.decode(text)
  } catch (err) {
    throw new InvalidParametersError(`failed to decode multibase: ${(err as Error).message}`, { cause: err })
  }
}

export function multibaseEncode (bytes: Uint8Array, name = 'base64url'): string {
  return multibaseByName(name).encoder.encode(bytes)
}

/**
 * Kubo's `--cid-base` (`cmdenv.GetCidEncoder`): CIDs in output written in that multibase. A base
 * other than base58btc upgrades CIDv0 to CIDv1 (CIDv0 exists only in base58btc), unless the
 * deprecated `--upgrade-cidv0-in-output` says otherwise. No base: each CID as it is.
 */
export function cidEncoder (base?: string, upgradeCidV0?: boolean): (cid: CID) => string {
  if (base == null || base === '') return upgradeCidV0 === true ? cid => cid.toV1().toString() : cid => cid.toString()
  const codec = multibaseByName(base)
  const upgrade = upgradeCidV0 ?? codec.name !== 'base58btc'
  return cid => {
    const out = upgrade && cid.version === 0 ? cid.toV1() : cid
    // a CIDv0 left as it is has no multibase prefix: it is base58btc already
    return out.version === 0 ? out.toString() : out.toString(codec.encoder)
  }
}

/**
 * `/ipfs/<cid>[/rest]` with its CID written by `encode` (Kubo's `resolve --cid-base`); any other
 * path is returned as it is
 */
export function encodePathCid (path: string, encode: (cid: CID) => string): string {
  const m = /^\/ipfs\/([^/]+)(.*)$/.exec(path)
  if (m == null) return path
  return `/ipfs/${encode(decodeCidString(m[1]).cid)}${m[2]}`
}

/** A CID in any base: base58btc without prefix (CIDv0), else by its multibase prefix */
export function decodeCidString (text: string): { cid: CID, base: MultibaseCodec<string> } {
  try {
    if (text.length === 46 && text.startsWith('Qm')) return { cid: CID.parse(text), base: bases.base58btc as MultibaseCodec<string> }
    const base = baseOfPrefix(text)
    return { cid: CID.decode(base.decoder.decode(text)), base }
  } catch (err) {
    throw new InvalidCidError(err instanceof InvalidCidError ? err.message : `invalid cid: ${(err as Error).message}`, { cause: err })
  }
}

export interface CidFormatOptions {
  /** printf-style: %s %S %b %B %v %V %c %C %h %H %L %m %M %d %D %P %%. @default '%s' */
  format?: string
  /** '0' or '1' */
  version?: string
  /** codec name to convert to */
  codec?: string
  /** multibase to display in */
  base?: string
}

/** Checks the options once, as Kubo does before reading any CID */
export function checkCidFormatOptions (options: CidFormatOptions): void {
  const format = options.format ?? '%s'
  if (!format.includes('%')) throw new InvalidParametersError(`invalid format string: ${JSON.stringify(format)}`)
  if (options.codec != null && !CODEC_CODES.has(options.codec)) throw new InvalidParametersError(`unknown multicodec: ${JSON.stringify(options.codec)}`)
  if (options.version === '0') {
    if (options.codec != null && options.codec !== 'dag-pb') throw new InvalidParametersError('cannot convert to CIDv0 with any codec other than dag-pb')
    if (options.base != null && options.base !== 'base58btc') throw new InvalidParametersError('cannot convert to CIDv0 with any multibase other than the implicit base58btc')
  } else if (options.version != null && options.version !== '1') {
    throw new InvalidParametersError(`invalid cid version: ${JSON.stringify(options.version)}`)
  }
  if (options.base != null) multibaseByName(options.base)
}

/** Kubo's `cid format` of one CID string: the formatted text, or throws (a per-CID error) */
export function formatCid (text: string, options: CidFormatOptions = {}): string {
  let { cid, base } = decodeCidString(text)
  const codec = options.codec != null ? CODEC_CODES.get(options.codec) : undefined
  if (codec != null && codec !== cid.code) cid = CID.createV1(codec, cid.multihash)
  const version = options.version ?? (options.base != null ? '1' : undefined)
  if (version === '0') {
    if (cid.code !== 0x70) throw new InvalidParametersError('can\'t convert non-dag-pb nodes to cidv0')
    cid = CID.createV0(cid.multihash as any)
  } else if (version === '1') {
    cid = CID.createV1(cid.code, cid.multihash)
  }
  if (options.base != null) base = multibaseByName(options.base)
  else if (cid.version === 0) base = bases.base58btc as MultibaseCodec<string>
  else if (base === bases.base58btc && text.startsWith('Qm')) base = bases.base32 as MultibaseCodec<string>
  return printf(options.format ?? '%s', cid, base)
}

function printf (format: string, cid: CID, base: MultibaseCodec<string>): string {
  const mh = cid.multihash
  const withPrefix = (bytes: Uint8Array): string => base.encoder.encode(bytes)
  const bare = (bytes: Uint8Array): string => base.encoder.encode(bytes).slice(base.prefix.length)
  const cidString = (): string => cid.version === 0 ? cid.toString() : cid.toString(base.encoder)
  return format.replace(/%(.)/gu, (_, spec: string) => {
    switch (spec) {
      case '%': return '%'
      case 'b': return base.name
      case 'B': return base.prefix
      case 'v': return `cidv${cid.version}`
      case 'V': return String(cid.version)
      case 'c': return codecName(cid.code)
      case 'C': return String(cid.code)
      case 'h': return hashName(mh.code)
      case 'H': return String(mh.code)
      case 'L': return String(mh.size)
      case 'm': return withPrefix(mh.bytes)
      case 'M': return bare(mh.bytes)
      case 'd': return withPrefix(mh.digest)
      case 'D': return bare(mh.digest)
      case 's': return cidString()
      case 'S': return cid.version === 0 ? cid.toString() : cidString().slice(base.prefix.length)
      case 'P': return `cidv${cid.version}-${codecName(cid.code)}-${hashName(mh.code)}-${mh.size}`
      default: throw new InvalidParametersError(`unrecognized specifier in format string: %${spec}`)
    }
  })
}

/** Kubo's `CidInspectRes` (the JSON shape `cid inspect --enc=json` and the RPC give) */
export interface CidInspection {
  cid: string
  version: number
  multibase: { prefix: string, name: string }
  multicodec: { code: number, name: string }
  multihash: { code: number, name: string, length: number, digest: string }
  cidV0?: string
  cidV1: string
}

export function inspectCid (text: string): CidInspection {
  const { cid, base } = decodeCidString(text)
  const mh = cid.multihash
  const v1 = CID.createV1(cid.code, mh)
  return {
    cid: text,
    version: cid.version,
    multibase: cid.version === 0 ? { prefix: 'z', name: 'base58btc' } : { prefix: base.prefix, name: base.name },
    multicodec: { code: cid.code, name: codecName(cid.code) },
    multihash: { code: mh.code, name: hashName(mh.code), length: mh.size, digest: Buffer.from(mh.digest).toString('hex') },
    ...(cid.code === 0x70 && mh.code === 0x12 && mh.size === 32 ? { cidV0: CID.createV0(mh as any).toString() } : {}),
    cidV1: cid.code === 0x72 ? v1.toString(bases.base36.encoder) : v1.toString()
  }
}

/** Kubo's text for `cid inspect` */
export function formatInspection (r: CidInspection): string[] {
  const implicit = r.version === 0 ? ', implicit' : ''
  const hex = (n: number): string => `0x${n.toString(16)}`
  const lines = [
    `CID:        ${r.cid}`,
    `Version:    ${r.version}`,
    r.version === 0 ? `Multibase:  ${r.multibase.name} (implicit)` : `Multibase:  ${r.multibase.name} (${r.multibase.prefix})`,
    `Multicodec: ${r.multicodec.name} (${hex(r.multicodec.code)}${implicit})`,
    `Multihash:  ${r.multihash.name} (${hex(r.multihash.code)}${implicit})`,
    `  Length:   ${r.multihash.length} bytes`,
    `  Digest:   ${r.multihash.digest}`
  ]
  if (r.cidV0 != null) lines.push(`CIDv0:      ${r.cidV0}`)
  else if (r.multicodec.code !== 0x70) lines.push(`CIDv0:      not possible, requires dag-pb (0x70), got ${r.multicodec.name} (${hex(r.multicodec.code)})`)
  else if (r.multihash.code !== 0x12) lines.push(`CIDv0:      not possible, requires sha2-256 (0x12), got ${r.multihash.name} (${hex(r.multihash.code)})`)
  else lines.push(`CIDv0:      not possible, requires 32-byte digest, got ${r.multihash.length}`)
  lines.push(`CIDv1:      ${r.cidV1}`)
  return lines
}

/** Kubo's `CodeAndName` */
export interface CodeAndName { Code: number, Name: string }

/** Every multibase, in Kubo's order: by prefix letter case-insensitively, upper case after lower */
export function listBases (): CodeAndName[] {
  const list = BASES.map(b => ({ Code: b.prefix.codePointAt(0) ?? 0, Name: b.name }))
  return list.sort((a, b) => {
    const la = String.fromCodePoint(a.Code).toLowerCase().codePointAt(0)!
    const lb = String.fromCodePoint(b.Code).toLowerCase().codePointAt(0)!
    return la !== lb ? la - lb : b.Code - a.Code
  })
}

/** Kubo's text for `cid bases` / `multibase list` */
export function formatBases (list: CodeAndName[], options: { prefix?: boolean, numeric?: boolean }): string[] {
  return list.map(v => {
    const ch = v.Code < 0x20 ? ' ' : String.fromCodePoint(v.Code)
    const num = String(v.Code).padStart(7)
    if (options.prefix === true && options.numeric === true) return `${ch} ${num}  ${v.Name}`
    if (options.prefix === true) return `${ch}  ${v.Name}`
    if (options.numeric === true) return `${num}  ${v.Name}`
    return v.Name
  })
}

/** The IPLD codecs (`supported`: only those Cairn encodes or decodes, plus libp2p-key), by code */
export function listCodecs (options: { supported?: boolean } = {}): CodeAndName[] {
  const supported = new Set([0x55, 0x70, 0x71, 0x0129, 0x0200, 0x51, 0x72])
  return IPLD_CODEC_TABLE.filter(([code]) => options.supported !== true || supported.has(code)).map(([Code, Name]) => ({ Code, Name }))
}

/** The multihash functions Cairn computes, by code */
export function listHashes (): CodeAndName[] {
  return supportedHashes().map(h => ({ Code: h.code, Name: h.name })).sort((a, b) => a.Code - b.Code)
}

/** Kubo's text for `cid codecs` / `cid hashes` */
export function formatCodes (list: CodeAndName[], options: { numeric?: boolean }): string[] {
  return list.map(v => options.numeric === true ? `${String(v.Code).padStart(5)}  ${v.Name}` : v.Name)
}
