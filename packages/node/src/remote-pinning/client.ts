import { PIN_LIST_LIMIT, RemotePinningError } from '@cairn/interface'
import type { AbortOptions, PinObject, PinResultsObject, PinStatusObject, RemotePinStatusName, TextMatchingStrategy } from '@cairn/interface'

/** Filters of the spec's `GET /pins` */
export interface PinListQuery {
  cid?: string[]
  name?: string
  match?: TextMatchingStrategy
  status?: RemotePinStatusName[]
  /** RFC 3339 timestamps, as the service gave them (passed back unparsed: no precision is lost) */
  before?: string
  after?: string
  limit?: number
  meta?: Record<string, string>
}

/** One pinning service, spoken to over the spec's HTTP API with a bearer token */
export interface PinningServiceClient {
  readonly endpoint: string
  add(pin: PinObject, options?: AbortOptions): Promise<PinStatusObject>
  get(requestid: string, options?: AbortOptions): Promise<PinStatusObject>
  replace(requestid: string, pin: PinObject, options?: AbortOptions): Promise<PinStatusObject>
  delete(requestid: string, options?: AbortOptions): Promise<void>
  /** One page of `GET /pins` */
  list(query?: PinListQuery, options?: AbortOptions): Promise<PinResultsObject>
  /** Every match, page after page (each page older than the last, by `created`), as boxo's `Ls` */
  ls(query?: PinListQuery, options?: AbortOptions): AsyncIterable<PinStatusObject>
}

export interface PinningServiceClientInit {
  /** The API root, without `/pins` (Kubo's `Pinning.RemoteServices.*.API.Endpoint`) */
  endpoint: string
  /** The access token, sent as `Authorization: Bearer` */
  key: string
  /** Bounds each HTTP exchange. @default 60_000 */
  timeoutMs?: number
}

/** Page size of `ls`: the spec's maximum, so a large listing takes few requests */
const LS_PAGE = PIN_LIST_LIMIT.max

export function createPinningServiceClient (init: PinningServiceClientInit): PinningServiceClient {
  const base = init.endpoint.replace(/\/+$/, '')
  const timeoutMs = init.timeoutMs ?? 60_000

  async function request<T> (method: string, path: string, body: unknown, options: AbortOptions): Promise<T> {
    const signal = options.signal != null ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs)
    let res: Response
    try {
      res = await fetch(base + path, {
        method,
        signal,
        headers: {
          authorization: `Bearer ${init.key}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {})
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {})
      })
    } catch (err: any) {
      // Node's fetch says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND) in its cause
      const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(err)
      throw new RemotePinningError(`empty response from remote pinning service: ${cause}`, { cause: err, details: { endpoint: base } })
    }
    const text = await res.text()
    if (!res.ok) throw failure(res, text)
    if (res.status === 202 && method === 'DELETE') return undefined as T
    if (text === '') return undefined as T
    try {
      return JSON.parse(text) as T
    } catch (err) {
      throw new RemotePinningError(`invalid pinning service response: ${res.status} is not JSON`, { cause: err, details: { status: res.status } })
    }
  }

  const client: PinningServiceClient = {
    endpoint: base,
    add: async (pin, options = {}) => checkStatus(await request<PinStatusObject>('POST', '/pins', pin, options)),
    get: async (requestid, options = {}) => checkStatus(await request<PinStatusObject>('GET', `/pins/${encodeURIComponent(requestid)}`, undefined, options)),
    replace: async (requestid, pin, options = {}) => checkStatus(await request<PinStatusObject>('POST', `/pins/${encodeURIComponent(requestid)}`, pin, options)),
    delete: async (requestid, options = {}) => { await request<void>('DELETE', `/pins/${encodeURIComponent(requestid)}`, undefined, options) },
    list: async (query = {}, options = {}) => {
      const results = await request<PinResultsObject>('GET', `/pins${queryString(query)}`, undefined, options)
      if (results == null || typeof results.count !== 'number' || !Array.isArray(results.results)) {
        throw new RemotePinningError('invalid pinning service response: not a PinResults object')
      }
      results.results.forEach(checkStatus)
      return results
    },
    ls: (query = {}, options = {}) => (async function * () {
      let before = query.before
      const seen = new Set<string>()
      while (true) {
        const page = await client.list({ ...query, limit: query.limit ?? LS_PAGE, ...(before != null ? { before } : {}) }, options)
        for (const status of page.results) {
          // a service whose `before` is inclusive would repeat the boundary item
          if (seen.has(status.requestid)) continue
          seen.add(status.requestid)
          yield status
        }
        if (page.count === page.results.length || query.limit != null) return
        if (page.results.length === 0) {
          throw new RemotePinningError(`invalid pinning service response: PinResults.count=${page.count} but no PinResults.results`)
        }
        const oldest = page.results[page.results.length - 1].created
        if (oldest === before) return
        before = oldest
      }
    })()
  }
  return client
}

/** The query string of `GET /pins`: arrays comma-separated, `meta` as JSON (the spec) */
function queryString (q: PinListQuery): string {
  const params = new URLSearchParams()
  if (q.cid != null && q.cid.length > 0) params.set('cid', q.cid.join(','))
  if (q.name != null && q.name !== '') params.set('name', q.name)
  if (q.match != null) params.set('match', q.match)
  if (q.status != null && q.status.length > 0) params.set('status', q.status.join(','))
  if (q.before != null) params.set('before', q.before)
  if (q.after != null) params.set('after', q.after)
  if (q.limit != null) params.set('limit', String(q.limit))
  if (q.meta != null) params.set('meta', JSON.stringify(q.meta))
  const s = params.toString()
  return s === '' ? '' : `?${s}`
}

/** An error answer as boxo words it: the Failure's reason and details when the body has them */
function failure (res: Response, text: string): RemotePinningError {
  let reason: string | undefined
  let details: string | undefined
  try {
    const body = JSON.parse(text)
    if (typeof body?.error?.reason === 'string') {
      reason = body.error.reason
      details = typeof body.error.details === 'string' ? body.error.details : ''
    }
  } catch {}
  const statusLine = `${res.status} ${res.statusText}`.trim()
  const message = reason != null
    ? `reason: ${JSON.stringify(reason)}, details: ${JSON.stringify(details)}: ${statusLine}`
    : `remote pinning service returned http error ${res.status}: ${statusLine}`
  return new RemotePinningError(message, { details: { status: res.status, ...(reason != null ? { reason } : {}) } })
}

const STATUSES = new Set(['queued', 'pinning', 'pinned', 'failed'])

/** A PinStatus we can act on: the fields the spec makes mandatory are there */
function checkStatus (s: PinStatusObject): PinStatusObject {
  if (s == null || typeof s.requestid !== 'string' || !STATUSES.has(s.status) || typeof s.pin?.cid !== 'string') {
    throw new RemotePinningError('invalid pinning service response: not a PinStatus object')
  }
  if (!Array.isArray(s.delegates)) s.delegates = []
  return s
}
