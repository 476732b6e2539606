/**
 * The Pinning Service API's operations for one authenticated token, and the queue behind them:
 * a request is stored `queued`, then a worker (at most `concurrency` at once) dials its origins,
 * fetches and pins it through the node (`pinning`), and it ends `pinned` or `failed` with
 * `info.status_details`. Every state change is on disk before it is visible, and a request found
 * `pinning` at start (the daemon stopped or crashed mid-fetch) is fetched again: the node's pin is
 * only recorded once the whole DAG is local, so `pinned` never stands for an incomplete DAG.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { NotFoundError, PIN_LIST_LIMIT, REMOTE_PIN_STATUSES, parseDuration } from '@cairn/interface'
import type { PinningServiceConfig, PinResultsObject, PinStatusObject } from '@cairn/interface'
import { defaultLogger } from '@libp2p/logger'
import type { ComponentLogger, Logger } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'
import { PIN_DELEGATES_MAX, PURGE_CHECK_MS, DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES_PER_TOKEN, DEFAULT_MAX_PINS_PER_TOKEN, DEFAULT_ORIGIN_DIAL_TIMEOUT_MS, DEFAULT_STALL_TIMEOUT_MS, PINNING_SERVICE_DIRNAME, REQUESTS_DIRNAME } from './constants.ts'
import { QuotaExceededError, ServiceStoppedError, UnauthorizedError } from './errors.ts'
import { openRequestStore } from './records.ts'
import type { RequestRecord, RequestStore } from './records.ts'
import { createTokenVerifier, PURGE_ALL_REVOKED } from './tokens.ts'
import type { TokenRecord, TokenVerifier } from './tokens.ts'
import { checkPin, cidKey, parseCid } from './validate.ts'
import type { ListQuery } from './validate.ts'

/** What the service needs from the node it runs in */
export interface PinningServiceComponents {
  /**
   * Pins `cid` recursively, fetching what is missing from the network; resolves once the whole
   * DAG is local and the pin recorded. `onProgress` is called as blocks arrive.
   */
  pin(cid: CID, options: { signal: AbortSignal, onProgress(blocks: number, bytes?: number): void }): Promise<void>
  /** Removes the recursive pin on `cid` (given as CIDv1: the node must treat versions of one CID as one pin) */
  unpin(cid: CID): Promise<void>
  /** Whether `cid` is pinned recursively */
  isPinned(cid: CID): Promise<boolean>
  /** Bytes of the local DAG under `cid` */
  dagSize(cid: CID, options: { signal: AbortSignal }): Promise<number>
  /** Dials a peer (an origin); failures are logged and ignored */
  connect(multiaddr: string, options: { signal: AbortSignal }): Promise<void>
  /** This node's dialable multiaddrs, each ending `/p2p/<id>` (the `delegates`) */
  delegates(): Promise<string[]>
  logger?: ComponentLogger
}

export interface PinningServiceInit {
  /** The repo: tokens in `<repo>/pinning-service/tokens.json`, requests in `.../requests` */
  repoPath: string
  /** @default DEFAULT_CONCURRENCY (4) */
  concurrency?: number
  /** @default DEFAULT_STALL_TIMEOUT_MS (2 min) */
  stallTimeoutMs?: number
  /** @default DEFAULT_MAX_PINS_PER_TOKEN (10 000) */
  maxPinsPerToken?: number
  /** 0: no limit. @default DEFAULT_MAX_BYTES_PER_TOKEN (0) */
  maxBytesPerToken?: number
  /** @default DEFAULT_ORIGIN_DIAL_TIMEOUT_MS (10 s) */
  originDialTimeoutMs?: number
}

/** The service as one token sees it: the spec's five operations */
export interface TokenScope {
  readonly token: TokenRecord
  list(query: ListQuery): Promise<PinResultsObject>
  add(body: unknown): Promise<PinStatusObject>
  get(requestid: string): Promise<PinStatusObject>
  replace(requestid: string, body: unknown): Promise<PinStatusObject>
  remove(requestid: string): Promise<void>
}

export interface PinningService {
  start(): Promise<void>
  /** Aborts running fetches (they resume at the next start) and closes the store */
  stop(): Promise<void>
  /** The token's view, or UnauthorizedError */
  authenticate(bearer: string | undefined): Promise<TokenScope>
  /** Settles when no request is queued or pinning (tests, benchmarks) */
  idle(options?: { signal?: AbortSignal }): Promise<void>
}

/** Reads `Pinning.Service` of the repo config into init fields (duration strings parsed) */
export function pinningServiceInitFromConfig (config: PinningServiceConfig | undefined): Omit<PinningServiceInit, 'repoPath'> {
  return {
    ...(config?.Concurrency != null ? { concurrency: config.Concurrency } : {}),
    ...(config?.StallTimeout != null && config.StallTimeout !== '' ? { stallTimeoutMs: parseDuration(config.StallTimeout) } : {}),
    ...(config?.MaxPinsPerToken != null ? { maxPinsPerToken: config.MaxPinsPerToken } : {}),
    ...(config?.MaxBytesPerToken != null ? { maxBytesPerToken: config.MaxBytesPerToken } : {})
  }
}

function matches (name: string | undefined, query: ListQuery): boolean {
  if (query.name == null) return true
  if (name == null) return false
  switch (query.match ?? 'exact') {
    case 'exact': return name === query.name
    case 'iexact': return name.toLowerCase() === query.name.toLowerCase()
    case 'partial': return name.includes(query.name)
    case 'ipartial': return name.toLowerCase().includes(query.name.toLowerCase())
  }
}

class Service implements PinningService {
  readonly #components: PinningServiceComponents
  readonly #repoPath: string
  readonly #concurrency: number
  readonly #stallTimeoutMs: number
  readonly #maxPins: number
  readonly #maxBytes: number
  readonly #dialTimeoutMs: number
  readonly #log: Logger
  readonly #tokens: TokenVerifier
  #store?: RequestStore
  /** Request ids waiting for a worker, oldest first */
  #queue: string[] = []
  /** Running fetches by request id */
  readonly #running = new Map<string, AbortController>()
  readonly #tasks = new Set<Promise<void>>()
  #idleWaiters: Array<() => void> = []
  #stopping = false
  /** Looks for purges asked in the tokens file (the CLI writes it, with or without a daemon) */
  #purgeTimer?: ReturnType<typeof setInterval>
  #purging?: Promise<void>

  constructor (components: PinningServiceComponents, init: PinningServiceInit) {
    this.#components = components
    this.#repoPath = init.repoPath
    this.#concurrency = Math.max(1, init.concurrency ?? DEFAULT_CONCURRENCY)
    this.#stallTimeoutMs = init.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS
    this.#maxPins = init.maxPinsPerToken ?? DEFAULT_MAX_PINS_PER_TOKEN
    this.#maxBytes = init.maxBytesPerToken ?? DEFAULT_MAX_BYTES_PER_TOKEN
    this.#dialTimeoutMs = init.originDialTimeoutMs ?? DEFAULT_ORIGIN_DIAL_TIMEOUT_MS
    this.#log = (components.logger ?? defaultLogger()).forComponent('cairn:pinning-service')
    this.#tokens = createTokenVerifier(init.repoPath)
  }

  async start (): Promise<void> {
    if (this.#store != null) return
    this.#stopping = false
    const store = await openRequestStore(join(this.#repoPath, PINNING_SERVICE_DIRNAME, REQUESTS_DIRNAME))
    this.#store = store
    // resume: what was queued or mid-fetch when the last run ended goes back in the queue, oldest first
    const pending = [...store.records.values()].filter(r => r.status === 'queued' || r.status === 'pinning').sort((a, b) => a.created - b.created)
    for (const r of pending) {
      if (r.status === 'pinning') await store.put({ ...r, status: 'queued', info: { status_details: 'resumed after a restart' } })
      this.#queue.push(r.requestid)
    }
    if (pending.length > 0) this.#log('resuming %d pin requests', pending.length)
    this.#pump()
    this.#checkPurges()
    this.#purgeTimer = setInterval(() => { this.#checkPurges() }, PURGE_CHECK_MS)
    this.#purgeTimer.unref?.()
  }

  /** Runs the purges asked for, one pass at a time; a failure is logged and retried next pass */
  #checkPurges (): void {
    if (this.#purging != null || this.#store == null || this.#stopping) return
    this.#purging = this.#purge().catch(err => { this.#log.error('purging revoked tokens\' requests - %e', err) }).finally(() => { this.#purging = undefined })
  }

  async #purge (): Promise<void> {
    const { purge, valid } = await this.#tokens.purges()
    if (purge.length === 0) return
    const all = purge.includes(PURGE_ALL_REVOKED)
    // a token still valid is never purged, whatever the file says
    const ids = new Set(purge.filter(id => !valid.has(id)))
    const doomed = [...this.#open().records.values()].filter(r => !valid.has(r.token) && (all || ids.has(r.token)))
    for (const r of doomed) {
      if (this.#stopping) return
      await this.#remove(r)
    }
    this.#log('purged %d pin requests of revoked tokens (%s)', doomed.length, purge.join(', '))
    await this.#tokens.purged(purge)
  }

  async stop (): Promise<void> {
    const store = this.#store
    if (store == null) return
    this.#stopping = true
    clearInterval(this.#purgeTimer)
    for (const c of this.#running.values()) c.abort(new ServiceStoppedError())
    await Promise.allSettled([...this.#tasks, this.#purging])
    this.#queue = []
    this.#store = undefined
    await store.close()
    for (const w of this.#idleWaiters.splice(0)) w()
  }

  #open (): RequestStore {
    if (this.#store == null || this.#stopping) throw new ServiceStoppedError()
    return this.#store
  }

  async authenticate (bearer: string | undefined): Promise<TokenScope> {
    this.#open()
    if (bearer == null || bearer === '') throw new UnauthorizedError('Access token is missing')
    const token = await this.#tokens.verify(bearer)
    // a purge asked for since the last look starts at once
    this.#checkPurges()
    if (token == null) throw new UnauthorizedError('Access token is invalid or revoked')
    return {
      token,
      list: (query) => this.#list(token, query),
      add: async (body) => this.#add(token, body),
      get: async (requestid) => this.#status(await this.#owned(token, requestid), await this.#delegates()),
      replace: async (requestid, body) => this.#replace(token, requestid, body),
      remove: async (requestid) => { await this.#remove(await this.#owned(token, requestid)) }
    }
  }

  async idle (options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.#queue.length === 0 && this.#running.size === 0) return
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => { reject(options.signal?.reason) }
      options.signal?.addEventListener('abort', onAbort, { once: true })
      this.#idleWaiters.push(() => { options.signal?.removeEventListener('abort', onAbort); resolve() })
    })
  }

  async #owned (token: TokenRecord, requestid: string): Promise<RequestRecord> {
    const r = this.#open().records.get(requestid)
    // another token's request is as unknown as a missing one: ids never leak across tokens
    if (r == null || r.token !== token.id) throw new NotFoundError(`no pin request with requestid '${requestid.slice(0, 100)}'`)
    return r
  }

  #ofToken (token: TokenRecord): RequestRecord[] {
    const out: RequestRecord[] = []
    for (const r of this.#open().records.values()) if (r.token === token.id) out.push(r)
    return out
  }

  /** The spec asks for 1 to 20 delegates: an offline node still names itself */
  async #delegates (): Promise<string[]> {
    return (await this.#components.delegates()).slice(0, PIN_DELEGATES_MAX)
  }

  #status (r: RequestRecord, delegates: string[]): PinStatusObject {
    return {
      requestid: r.requestid,
      status: r.status,
      created: new Date(r.created).toISOString(),
      pin: r.pin,
      delegates,
      ...(r.info != null ? { info: r.info } : {})
    }
  }

  async #list (token: TokenRecord, query: ListQuery): Promise<PinResultsObject> {
    // the operation's own words: "when no filter is provided, only successful pins are returned";
    // a name, cid, meta or date filter without `status` finds every status (the compliance suite
    // looks a freshly queued pin up by name alone)
    const filtered = query.cid != null || query.cidKeys != null || query.name != null || query.meta != null || query.before != null || query.after != null
    const status = new Set(query.status ?? (filtered ? REMOTE_PIN_STATUSES : ['pinned']))
    const before = query.before?.getTime()
    const after = query.after?.getTime()
    const hits = this.#ofToken(token).filter(r =>
      status.has(r.status) &&
      (before == null || r.created < before) &&
      (after == null || r.created > after) &&
      (query.cidKeys == null || query.cidKeys.has(r.key)) &&
      matches(r.pin.name, query) &&
      (query.meta == null || Object.entries(query.meta).every(([k, v]) => r.pin.meta?.[k] === v)))
    hits.sort((a, b) => b.created - a.created)
    const page = hits.slice(0, query.limit ?? PIN_LIST_LIMIT.default)
    const delegates = await this.#delegates()
    return { count: hits.length, results: page.map(r => this.#status(r, delegates)) }
  }

  #quota (token: TokenRecord): { pins: number, bytes: number } {
    return { pins: token.maxPins ?? this.#maxPins, bytes: token.maxBytes ?? this.#maxBytes }
  }

  #checkQuota (token: TokenRecord, replacing?: RequestRecord): void {
    const quota = this.#quota(token)
    const mine = this.#ofToken(token).filter(r => r !== replacing)
    if (mine.length >= quota.pins) throw new QuotaExceededError(`this token holds ${mine.length} pin requests, its quota (Pinning.Service.MaxPinsPerToken or the token's own)`)
    if (quota.bytes > 0) {
      const used = mine.reduce((n, r) => n + (r.size ?? 0), 0)
      if (used >= quota.bytes) throw new QuotaExceededError(`this token's pins hold ${used} bytes, its quota of ${quota.bytes} bytes`)
    }
  }

  async #add (token: TokenRecord, body: unknown, replaces?: string): Promise<PinStatusObject> {
    const store = this.#open()
    const { pin, cid } = checkPin(body)
    this.#checkQuota(token)
    const record: RequestRecord = {
      requestid: randomUUID(),
      token: token.id,
      created: store.nextCreated(),
      status: 'queued',
      pin,
      key: cidKey(cid),
      ...(replaces != null ? { replaces } : {})
    }
    await store.put(record)
    this.#queue.push(record.requestid)
    this.#pump()
    return this.#status(store.records.get(record.requestid) ?? record, await this.#delegates())
  }

  async #replace (token: TokenRecord, requestid: string, body: unknown): Promise<PinStatusObject> {
    const old = await this.#owned(token, requestid)
    checkPin(body)
    this.#checkQuota(token, old)
    // the old CID stays pinned until the new request settles: blocks both DAGs share are never dropped
    const keep = old.status === 'pinned' ? old.key : old.replaces
    const status = await this.#add(token, body, keep)
    await this.#remove(old, { release: false })
    return status
  }

  async #remove (r: RequestRecord, options: { release?: boolean } = {}): Promise<void> {
    const store = this.#open()
    this.#running.get(r.requestid)?.abort(new NotFoundError('the pin request was removed'))
    this.#queue = this.#queue.filter(id => id !== r.requestid)
    await store.del(r.requestid)
    if (options.release ?? true) {
      await this.#release(r.key)
      if (r.replaces != null) await this.#release(r.replaces)
    }
  }

  /** Unpins `key` locally when this service pinned it and no request still wants it */
  async #release (key: string): Promise<void> {
    const store = this.#store
    if (store == null || !store.owned.has(key)) return
    for (const r of store.records.values()) {
      if (r.status !== 'failed' && (r.key === key || r.replaces === key)) return
    }
    this.#log('unpinning %s, no request wants it any more', key)
    try {
      await this.#components.unpin(parseCid(key))
    } catch (err) {
      // already unpinned by hand (`pin rm`): nothing of ours is left to drop
      this.#log('unpin %s - %e', key, err)
    }
    await store.setOwned(key, false)
  }

  #pump (): void {
    while (!this.#stopping && this.#running.size < this.#concurrency && this.#queue.length > 0) {
      const id = this.#queue.shift() as string
      if (this.#running.has(id)) continue
      const controller = new AbortController()
      this.#running.set(id, controller)
      const task = this.#fetch(id, controller).catch(err => {
        this.#log.error('pin request %s - %e', id, err)
      }).finally(() => {
        this.#running.delete(id)
        this.#tasks.delete(task)
        this.#pump()
        if (this.#queue.length === 0 && this.#running.size === 0) for (const w of this.#idleWaiters.splice(0)) w()
      })
      this.#tasks.add(task)
    }
  }

  /** Writes a new state of `requestid` if the request still exists (it may be removed meanwhile) */
  async #update (requestid: string, change: Partial<RequestRecord>): Promise<RequestRecord | undefined> {
    return await this.#store?.update(requestid, change)
  }

  /** A replacing request settled: the CID it replaced is released (unpinned unless still wanted) */
  async #dropReplaced (requestid: string): Promise<void> {
    const replaced = this.#store?.records.get(requestid)?.replaces
    if (replaced == null) return
    await this.#update(requestid, { replaces: undefined })
    await this.#release(replaced)
  }

  async #fetch (requestid: string, controller: AbortController): Promise<void> {
    const store = this.#open()
    const r = store.records.get(requestid)
    if (r == null || r.status !== 'queued') return
    const cid = parseCid(r.pin.cid)
    const wasPinned = !store.owned.has(r.key) && await this.#components.isPinned(cid)
    this.#log('fetching %s (%s), pinned by the user before: %s', requestid, r.key, wasPinned)
    await this.#update(requestid, { status: 'pinning', info: { status_details: 'fetching' } })
    // a token revoked since keeps the service's default quota
    const quota = this.#quota(await this.#tokens.byId(r.token) ?? { id: r.token, name: '', hash: '', created: '' })
    const usedBytes = [...store.records.values()].filter(x => x.token === r.token && x.requestid !== requestid).reduce((n, x) => n + (x.size ?? 0), 0)
    let stall: ReturnType<typeof setTimeout> | undefined
    const arm = (): void => {
      clearTimeout(stall)
      stall = setTimeout(() => { controller.abort(new Error(`no new block for ${this.#stallTimeoutMs} ms: the data is nowhere this service can reach`)) }, this.#stallTimeoutMs)
    }
    try {
      arm()
      // the spec: delegates preconnect to origins; best effort, the DHT is the fallback
      await Promise.allSettled((r.pin.origins ?? []).map(async addr => {
        try {
          await this.#components.connect(addr, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(this.#dialTimeoutMs)]) })
        } catch (err) {
          this.#log('origin %s of %s - %e', addr, requestid, err)
        }
      }))
      await this.#components.pin(cid, {
        signal: controller.signal,
        onProgress: (_blocks, bytes) => {
          arm()
          if (quota.bytes > 0 && bytes != null && usedBytes + bytes > quota.bytes) {
            controller.abort(new QuotaExceededError(`the DAG passes this token's quota of ${quota.bytes} bytes`))
          }
        }
      })
      clearTimeout(stall)
      if (!wasPinned) await store.setOwned(r.key, true)
      const size = await this.#components.dagSize(cid, { signal: controller.signal })
      if (quota.bytes > 0 && usedBytes + size > quota.bytes) {
        await this.#dropReplaced(requestid)
        await this.#update(requestid, { status: 'failed', info: { status_details: `the DAG (${size} bytes) passes this token's quota of ${quota.bytes} bytes` } })
        await this.#release(r.key)
        return
      }
      const current = store.records.get(requestid)
      if (current == null) {
        // removed while it was pinning: drop what it pinned
        await this.#release(r.key)
        return
      }
      // the replaced CID goes before the status says pinned, so a client never sees both held
      await this.#dropReplaced(requestid)
      await this.#update(requestid, { status: 'pinned', size, info: { dag_size: String(size) } })
    } catch (err) {
      clearTimeout(stall)
      if (this.#stopping) return // stays `pinning` on disk: resumed by the next start
      if (!store.records.has(requestid)) return
      const reason = controller.signal.aborted ? controller.signal.reason : err
      await this.#dropReplaced(requestid)
      await this.#update(requestid, { status: 'failed', info: { status_details: (reason as Error)?.message ?? String(reason) } })
    }
  }
}

export async function createPinningService (components: PinningServiceComponents, init: PinningServiceInit): Promise<PinningService> {
  return new Service(components, init)
}

