import { InvalidParametersError } from '@cairn/interface'
import type { CarExportOptions, DagScope } from '@cairn/interface'
import { NotAcceptableError } from './errors.ts'

export type ResponseFormat = 'deserialized' | 'raw' | 'car' | 'tar' | 'dag-json' | 'dag-cbor' | 'json' | 'cbor'

export interface Negotiated {
  format: ResponseFormat
  /** CAR responses: what to put in the stream, from the query and the Accept parameters */
  car?: CarExportOptions & { order: 'dfs' | 'unk' }
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

/**
 * Picks the response format from `?format=` (which wins, as the spec says) or `Accept`, and the
 * CAR parameters from the query and the Accept media-type parameters.
 */
export function negotiate (query: URLSearchParams, accept: string | undefined): Negotiated {
  let format: ResponseFormat = 'deserialized'
  let carParams: Record<string, string> = {}
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
      break
    }
    if (format === 'deserialized' && refused != null && !/\*\/\*|text\//.test(accept)) {
      throw new NotAcceptableError(`cannot produce ${refused}: only CARv1 with order=dfs or unk and dups=y or n`)
    }
  }
  if (format !== 'car') return { format }
  return {
    format,
    car: {
      order: carParams.order === 'unk' ? 'unk' : 'dfs',
      dagScope: parseScope(query.get('dag-scope')),
      entityBytes: parseEntityBytes(query.get('entity-bytes')),
      dups: (query.get('dups') ?? carParams.dups) === 'y'
    }
  }
}
