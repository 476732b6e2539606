/**
 * Checks what clients send against the spec's schema (`Pin`, the `GET /pins` query), so that bad
 * input is refused with a clear `InvalidParametersError` (400 BAD_REQUEST) before anything is
 * queued or pinned.
 */
import { InvalidCidError, InvalidParametersError, PIN_LIST_LIMIT, REMOTE_PIN_STATUSES } from '@cairn/interface'
import type { PinObject, RemotePinStatusName, TextMatchingStrategy } from '@cairn/interface'
import { bases } from 'multiformats/basics'
import { CID } from 'multiformats/cid'
import type { MultibaseDecoder } from 'multiformats/bases/interface'
import { LIST_CIDS_MAX, META_JSON_BYTES_MAX, ORIGIN_CHARS_MAX, PIN_META_KEYS_MAX, PIN_NAME_CHARS_MAX, PIN_ORIGINS_MAX } from './constants.ts'

export const TEXT_MATCHING_STRATEGIES: readonly TextMatchingStrategy[] = ['exact', 'iexact', 'partial', 'ipartial']

/** The query of `GET /pins`, checked */
export interface ListQuery {
  /** As sent, at most 10 */
  cid?: string[]
  /** `cidKey` of each `cid`: what the filter compares */
  cidKeys?: Set<string>
  name?: string
  /** @default 'exact' */
  match?: TextMatchingStrategy
  /** @default ['pinned'] with no other filter, every status with one (the spec: "when no filter is provided, only successful pins are returned") */
  status?: RemotePinStatusName[]
  before?: Date
  after?: Date
  /** 1 to 1000. @default 10 */
  limit?: number
  meta?: Record<string, string>
}

const ECHO_CHARS_MAX = 100
const echo = (s: string): string => s.length > ECHO_CHARS_MAX ? `${s.slice(0, ECHO_CHARS_MAX)}...` : s

/** Every multibase multiformats knows, by prefix, so a CIDv1 in base36 or base16 parses too */
const basesByPrefix = new Map<string, MultibaseDecoder<string>>(Object.values(bases).map(b => [b.prefix, b.decoder]))

/** Any CID string in any multibase; throws InvalidCidError */
export function parseCid (text: unknown): CID {
  if (typeof text !== 'string' || text.length === 0) throw new InvalidCidError('cid must be a non-empty string')
  try {
    return text.startsWith('Qm') || text.startsWith('1') ? CID.parse(text) : CID.parse(text, basesByPrefix.get(text[0]))
  } catch (err) {
    throw new InvalidCidError(`invalid cid '${echo(text)}': ${(err as Error).message}`, { cause: err })
  }
}

/** One key for every encoding of the same CID, for the `cid` filter and local pin bookkeeping */
export function cidKey (cid: CID): string {
  return cid.toV1().toString()
}

function checkMeta (meta: unknown, what: string): Record<string, string> {
  if (meta == null || typeof meta !== 'object' || Array.isArray(meta)) throw new InvalidParametersError(`${what} must be an object of string values`)
  const entries = Object.entries(meta)
  if (entries.length > PIN_META_KEYS_MAX) throw new InvalidParametersError(`${what} has ${entries.length} keys (max ${PIN_META_KEYS_MAX})`)
  for (const [k, v] of entries) {
    if (typeof v !== 'string') throw new InvalidParametersError(`${what}['${echo(k)}'] must be a string`)
  }
  const bytes = Buffer.byteLength(JSON.stringify(meta))
  if (bytes > META_JSON_BYTES_MAX) throw new InvalidParametersError(`${what} is ${bytes} bytes as JSON (max ${META_JSON_BYTES_MAX})`)
  return Object.fromEntries(entries) as Record<string, string>
}

/** A `Pin` body: returns the pin as kept (only the spec's fields) and its parsed CID */
export function checkPin (body: unknown): { pin: PinObject, cid: CID } {
  if (body == null || typeof body !== 'object' || Array.isArray(body)) throw new InvalidParametersError('the body must be a Pin object')
  const b = body as Record<string, unknown>
  const cid = parseCid(b.cid)
  const pin: PinObject = { cid: b.cid as string }
  if (b.name != null) {
    if (typeof b.name !== 'string') throw new InvalidParametersError('name must be a string')
    if ([...b.name].length > PIN_NAME_CHARS_MAX) throw new InvalidParametersError(`name is ${[...b.name].length} characters (max ${PIN_NAME_CHARS_MAX})`)
    pin.name = b.name
  }
  if (b.origins != null) {
    if (!Array.isArray(b.origins)) throw new InvalidParametersError('origins must be an array of multiaddrs')
    if (b.origins.length > PIN_ORIGINS_MAX) throw new InvalidParametersError(`origins has ${b.origins.length} entries (max ${PIN_ORIGINS_MAX})`)
    for (const o of b.origins) {
      if (typeof o !== 'string' || !o.startsWith('/') || o.length > ORIGIN_CHARS_MAX) throw new InvalidParametersError(`origin ${echo(String(o))} is not a multiaddr`)
    }
    if (new Set(b.origins).size !== b.origins.length) throw new InvalidParametersError('origins must be unique')
    pin.origins = [...b.origins] as string[]
  }
  if (b.meta != null) pin.meta = checkMeta(b.meta, 'meta')
  return { pin, cid }
}

function checkDate (text: string, what: string): Date {
  // RFC 3339 date-time: a date, a time and an offset (Date.parse alone accepts far more)
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(text)) throw new InvalidParametersError(`${what} '${echo(text)}' is not an RFC 3339 timestamp`)
  const d = new Date(text)
  if (Number.isNaN(d.getTime())) throw new InvalidParametersError(`${what} '${echo(text)}' is not a valid timestamp`)
  return d
}

function csv (value: string): string[] {
  return value.split(',').map(s => s.trim()).filter(s => s.length > 0)
}

/** The query of `GET /pins` (repeated parameters and comma lists both accepted, as `style: form`) */
export function parseQuery (params: URLSearchParams): ListQuery {
  const q: ListQuery = {}
  // parameters the spec does not name are ignored, as services do, so newer clients still list
  const cids = params.getAll('cid').flatMap(csv)
  if (params.has('cid')) {
    if (cids.length === 0) throw new InvalidParametersError('cid must list at least one CID')
    if (cids.length > LIST_CIDS_MAX) throw new InvalidParametersError(`cid lists ${cids.length} CIDs (max ${LIST_CIDS_MAX})`)
    q.cid = cids
    q.cidKeys = new Set(cids.map(c => cidKey(parseCid(c))))
  }
  const name = params.get('name')
  if (name != null) {
    if ([...name].length > PIN_NAME_CHARS_MAX) throw new InvalidParametersError(`name is ${[...name].length} characters (max ${PIN_NAME_CHARS_MAX})`)
    q.name = name
  }
  const match = params.get('match')
  if (match != null) {
    if (!TEXT_MATCHING_STRATEGIES.includes(match as TextMatchingStrategy)) throw new InvalidParametersError(`match must be one of ${TEXT_MATCHING_STRATEGIES.join(', ')}, got '${echo(match)}'`)
    q.match = match as TextMatchingStrategy
  }
  if (params.has('status')) {
    const status = params.getAll('status').flatMap(csv)
    if (status.length === 0) throw new InvalidParametersError('status must list at least one status')
    for (const s of status) {
      if (!REMOTE_PIN_STATUSES.includes(s as RemotePinStatusName)) throw new InvalidParametersError(`status must be among ${REMOTE_PIN_STATUSES.join(', ')}, got '${echo(s)}'`)
    }
    q.status = [...new Set(status)] as RemotePinStatusName[]
  }
  const before = params.get('before')
  if (before != null) q.before = checkDate(before, 'before')
  const after = params.get('after')
  if (after != null) q.after = checkDate(after, 'after')
  const limit = params.get('limit')
  if (limit != null) {
    const n = /^\d{1,10}$/.test(limit) ? Number(limit) : NaN
    if (!Number.isInteger(n) || n < PIN_LIST_LIMIT.min || n > PIN_LIST_LIMIT.max) throw new InvalidParametersError(`limit must be a whole number from ${PIN_LIST_LIMIT.min} to ${PIN_LIST_LIMIT.max}, got '${echo(limit)}'`)
    q.limit = n
  }
  const meta = params.get('meta')
  if (meta != null) {
    let parsed: unknown
    try {
      parsed = JSON.parse(meta)
    } catch (err) {
      throw new InvalidParametersError(`meta must be a JSON object: ${(err as Error).message}`, { cause: err })
    }
    q.meta = checkMeta(parsed, 'meta')
  }
  return q
}
