import { InvalidParametersError } from '@cairn/interface'
import type { CarExportOptions, DagScope } from '@cairn/interface'
import { NotAcceptableError } from './errors.ts'

export type ResponseFormat = 'deserialized' | 'raw' | 'car' | 'tar' | 'dag-json' | 'dag-cbor' | 'json' | 'cbor'

export interface Negotiated {
  format: ResponseFormat
  /** CAR responses: what to put in the stream, from the query and the Accept parameters */
  car?: CarExportOptions & { order: 'dfs' | 'unk' }
  /**
   * When `Accept` (not `?format=`) chose the format: the media-type parameters it gave, which
   * `Content-Location` repeats as `{format}-{param}` query parameters
   */
  fromAccept?: Record<string, string>
}

const FORMAT_PARAM: Record<string, ResponseFormat> = {
  raw: 'raw',
  car: 'car',
  tar: 'tar',
  'dag-json': 'dag-json',
  'dag-cbor': 'dag-cbor',
  json: 'json',
  cbor: 'cbor'
}

const MEDIA_TYPE: Record<string, ResponseFormat> = {
  'application/vnd.ipld.raw': 'raw',
  'application/vnd.ipld.car': 'car',
  'application/x-tar': 'tar',
  'application/vnd.ipld.dag-json': 'dag-json',
  'application/vnd.ipld.dag-cbor': 'dag-cbor',
  'application/json': 'json',
  'application/cbor': 'cbor'
}

export const CONTENT_TYPE_OF: Record<Exclude<ResponseFormat, 'deserialized'>, string> = {
  raw: 'application/vnd.ipld.raw',
  car: 'application/vnd.ipld.car',
  tar: 'application/x-tar',
  'dag-json': 'application/vnd.ipld.dag-json',
  'dag-cbor': 'application/vnd.ipld.dag-cbor',
  json: 'application/json',
  cbor: 'application/cbor'
}

interface MediaRange {
  type: string
  params: Record<string, string>
  q: number
}

function parseAccept (header: string): MediaRange[] {
  return header.split(',').map(part => {
    const [type, ...rest] = part.split(';').map(s => s.trim())
    const params: Record<string, string> = {}
    for (const p of rest) {
      const eq = p.indexOf('=')
      if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, '').toLowerCase()
    }
    const q = params.q != null ? Number(params.q) : 1
    return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 }
  }).filter(r => r.type !== '' && r.q > 0).sort((a, b) => b.q - a.q)
}

function parseScope (value: string | null): DagScope {
  if (value == null || value === '') return 'all'
  if (value === 'all' || value === 'entity' || value === 'block') return value
  throw new InvalidParametersError(`invalid dag-scope "${value}": expected all, entity or block`)
}

function parseEntityBytes (value: string | null): CarExportOptions['entityBytes'] {
  if (value == null || value === '') return undefined
  const match = /^(-?\d+):(\*|-?\d+)$/.exec(value)
  if (match == null) throw new InvalidParametersError(`invalid entity-bytes "${value}": expected from:to`)
  const from = Number(match[1])
  const to = match[2] === '*' ? '*' : Number(match[2])
  if (!Number.isSafeInteger(from) || (to !== '*' && !Number.isSafeInteger(to))) throw new InvalidParametersError('entity-bytes out of range')
  if (to !== '*' && from >= 0 && to >= 0 && to < from) throw new InvalidParametersError(`invalid entity-bytes "${value}": to is before from`)
  return { from, to }
}

/** One CAR option: the query's `car-{name}` wins over the Accept parameter (IPIP-0523) */
function carOption (query: URLSearchParams, params: Record<string, string>, name: string, allowed: string[]): string | undefined {
  const fromQuery = query.get(`car-${name}`)
  if (fromQuery != null && fromQuery !== '') {
    if (!allowed.includes(fromQuery)) throw new InvalidParametersError(`invalid car-${name} "${fromQuery.slice(0, 20)}": expected ${allowed.join(' or ')}`)
    return fromQuery
  }
  return params[name]
}

/**
 * Picks the response format from `?format=` (which always wins, IPIP-0523) or `Accept`, and the
 * CAR parameters from the `car-*` query parameters, which win over the Accept media-type
 * parameters (IPIP-0523).
 */
export function negotiate (query: URLSearchParams, accept: string | undefined): Negotiated {
  let format: ResponseFormat = 'deserialized'
  let carParams: Record<string, string> = {}
  let fromAccept: Record<string, string> | undefined
  const formatParam = query.get('format')
  if (formatParam != null && formatParam !== '') {
    const f = FORMAT_PARAM[formatParam.toLowerCase()]
    if (f == null) throw new InvalidParametersError(`unsupported format "${formatParam}"`)
    format = f
    // a CAR Accept header still says how the CAR should be (order, dups): it is more specific
    if (f === 'car' && accept != null) carParams = parseAccept(accept).find(r => r.type === 'application/vnd.ipld.car')?.params ?? {}
  } else if (accept != null && accept !== '') {
    let refused: string | undefined
    for (const range of parseAccept(accept)) {
      const f = MEDIA_TYPE[range.type]
      if (f == null) {
        // browsers and curl: a generic range means "whatever the content is"
        if (range.type === '*/*' || range.type.startsWith('text/') || range.type.startsWith('image/') || range.type.startsWith('application/xhtml') || range.type === 'application/*') break
        continue
      }
      if (f === 'car' && ((range.params.version ?? '1') !== '1' ||
          !['dfs', 'unk'].includes(range.params.order ?? 'dfs') || !['y', 'n'].includes(range.params.dups ?? 'n'))) {
        refused = `${range.type}; version=${range.params.version ?? '1'}`
        continue
      }
      format = f
      carParams = range.params
      fromAccept = Object.fromEntries(Object.entries(range.params).filter(([k]) => k !== 'q'))
      break
    }
    if (format === 'deserialized' && refused != null && !/\*\/\*|text\//.test(accept)) {
      throw new NotAcceptableError(`cannot produce ${refused}: only CARv1 with order=dfs or unk and dups=y or n`)
    }
  }
  if (format !== 'car') return fromAccept != null ? { format, fromAccept } : { format }
  carOption(query, carParams, 'version', ['1'])
  const order = carOption(query, carParams, 'order', ['dfs', 'unk'])
  // `?dups=` is what Cairn read before the spec named it `car-dups`: it still beats Accept
  const legacyDups = query.get('dups')
  const dups = carOption(query, legacyDups != null && legacyDups !== '' ? { ...carParams, dups: legacyDups } : carParams, 'dups', ['y', 'n'])
  return {
    format,
    car: {
      order: order === 'unk' ? 'unk' : 'dfs',
      dagScope: parseScope(query.get('dag-scope')),
      entityBytes: parseEntityBytes(query.get('entity-bytes')),
      dups: dups === 'y'
    },
    ...(fromAccept != null ? { fromAccept } : {})
  }
}

const FORMAT_OF_MEDIA: Partial<Record<ResponseFormat, string>> = { raw: 'raw', car: 'car', tar: 'tar', 'dag-json': 'dag-json', 'dag-cbor': 'dag-cbor', json: 'json', cbor: 'cbor' }

/**
 * `Content-Location` for a format chosen by `Accept`: the same URL with `?format=` and the Accept
 * parameters as `{format}-{param}`, so caches keyed on the URL keep formats apart (boxo's
 * `addContentLocation`); undefined when `?format=` already says it
 */
export function contentLocation (urlPath: string, query: URLSearchParams, negotiated: Negotiated): string | undefined {
  if (negotiated.fromAccept == null) return undefined
  const format = FORMAT_OF_MEDIA[negotiated.format]
  if (format == null) return undefined
  const params = new URLSearchParams(query)
  params.set('format', format)
  for (const [k, v] of Object.entries(negotiated.fromAccept)) {
    if (!params.has(`${format}-${k}`)) params.set(`${format}-${k}`, v)
  }
  params.sort()
  return `${urlPath}?${params.toString()}`
}
