import { InvalidParametersError, RemotePinningError, REMOTE_PIN_STATUSES } from '@cairn/interface'
import { requestPin } from './remote-api.ts'
import { delay, PIN_WAIT_MS } from './hooks.ts'
import type { RemotePinningHooks } from './hooks.ts'
import type { ServiceRegistry } from './services.ts'
import type { PinningServiceClient } from './client.ts'
import type { AbortOptions, PinStatusObject, ReplicaEntry } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/**
 * Remote pins made for replicas carry these `meta` keys: the first marks them (and is the
 * listing filter), the second says how many copies were asked for. The services themselves are
 * the record of where copies are, so a node whose repo was lost finds them again.
 */
export const REPLICA_META_KEY = 'cairn-replica'
export const REPLICA_COUNT_META_KEY = 'cairn-replicas'

export interface Replicas {
  /** Makes sure `copies` services hold `cid`; with `wait`, resolves once all are `pinned` */
  ensure(cid: CID, copies: number, options?: AbortOptions & { wait?: boolean, name?: string }): Promise<ReplicaEntry[]>
  /** Every replica copy on the services; a service that does not answer is one `unreachable` entry (cid '') */
  list(options?: AbortOptions & { cids?: string[] }): AsyncIterable<ReplicaEntry>
  /** One pass of the replica check: returns the copies it asked for */
  check(options?: AbortOptions): Promise<ReplicaEntry[]>
}

interface Copy { service: string, status: PinStatusObject }

interface Survey {
  /** Services that answered, in name order */
  reachable: Array<{ name: string, client: PinningServiceClient }>
  unreachable: string[]
  copies: Copy[]
}

/** The spec's limit on `cid` in one `GET /pins` */
const QUERY_CIDS_MAX = 10

const isReplica = (s: PinStatusObject): boolean => s.pin.meta?.[REPLICA_META_KEY] != null
const wantedOf = (s: PinStatusObject): number => Number.parseInt(s.pin.meta?.[REPLICA_COUNT_META_KEY] ?? '0', 10) || 0

/**
 * Polls a copy until it is `pinned` or `failed`. A poll that gets no answer (a timeout, a 5xx, a
 * dropped connection) says nothing about the copy, so polling goes on; only after `silentMs`
 * without an answer does it stop, with the status unknown, never `failed`.
 */
async function watchCopy (client: PinningServiceClient, requestid: string, silentMs: number, options: AbortOptions): Promise<
  { status: 'pinned', pin: PinStatusObject } | { status: 'failed' } | { status: 'silent', error: unknown }
> {
  let since: number | undefined
  while (true) {
    let error: unknown
    try {
      const pin = await client.get(requestid, options)
      if (pin.requestid !== requestid) throw new RemotePinningError(`remote service sent unexpected requestid="${pin.requestid}"`)
      if (pin.status === 'pinned') return { status: 'pinned', pin }
      if (pin.status === 'failed') return { status: 'failed' }
      since = undefined
    } catch (err) {
      options.signal?.throwIfAborted()
      error = err
      since ??= Date.now()
    }
    if (since != null && Date.now() - since >= silentMs) return { status: 'silent', error }
    await delay(PIN_WAIT_MS, options.signal)
  }
}

/** How long `pin add --replicas` keeps polling a service that does not answer before it stops waiting for that copy */
export const DEFAULT_REPLICA_POLL_SILENT_MS = 60_000

export interface ReplicasInit {
  /** @default DEFAULT_REPLICA_POLL_SILENT_MS (60 s) */
  pollSilentMs?: number
}

export function createReplicas (hooks: RemotePinningHooks, registry: ServiceRegistry, init: ReplicasInit = {}): Replicas {
  const pollSilentMs = init.pollSilentMs ?? DEFAULT_REPLICA_POLL_SILENT_MS
  /** One top-up per CID at a time: `pin add --replicas` and the check must not both place a copy */
  const locks = new Map<string, Promise<unknown>>()
  async function locked<T> (key: string, fn: () => Promise<T>): Promise<T> {
    const prev = locks.get(key) ?? Promise.resolve()
    const run = prev.catch(() => {}).then(fn)
    const tail = run.catch(() => {})
    locks.set(key, tail)
    try {
      return await run
    } finally {
      if (locks.get(key) === tail) locks.delete(key)
    }
  }

  /** Asks every service, in parallel, for its replica pins (of some CIDs) in every status */
  async function survey (cids: string[] | undefined, options: AbortOptions): Promise<Survey> {
    const services = await registry.all(options)
    const answers = await Promise.all(services.map(async ({ name }) => {
      try {
        const client = await registry.client(name, options)
        const found: PinStatusObject[] = []
        // the spec takes at most 10 CIDs per query
        const batches = cids == null ? [undefined] : Array.from({ length: Math.ceil(cids.length / QUERY_CIDS_MAX) }, (_, i) => cids.slice(i * QUERY_CIDS_MAX, (i + 1) * QUERY_CIDS_MAX))
        for (const batch of batches) {
          for await (const s of client.ls({ status: [...REMOTE_PIN_STATUSES], meta: { [REPLICA_META_KEY]: 'true' }, ...(batch != null ? { cid: batch } : {}) }, options)) {
            // the filter is a hint: a service may ignore `meta`
            if (isReplica(s) && (batch == null || batch.includes(s.pin.cid))) found.push(s)
          }
        }
        return { name, client, found }
      } catch (err) {
        options.signal?.throwIfAborted()
        hooks.log('replica survey: service %s did not answer - %e', name, err)
        return { name, client: undefined, found: [] }
      }
    }))
    return {
      reachable: answers.filter(a => a.client != null).map(a => ({ name: a.name, client: a.client! })),
      unreachable: answers.filter(a => a.client == null).map(a => a.name),
      copies: answers.flatMap(a => a.found.map(status => ({ service: a.name, status })))
    }
  }

  /**
   * Tops one CID up to `copies` live copies (queued, pinning or pinned) on reachable services:
   * failed copies are removed, new ones go to services holding none, with the delegates of every
   * live copy and of the services asked before it as origins besides this node's own addresses.
   * Copies fetched at once then connect to each other (even with no DHT) and pass blocks on
   * among themselves (Bitswap asks the peers fetching the same DAG first), so the origin uploads
   * about one copy instead of one per replica.
   */
  async function topUp (cid: CID, copies: number, s: Survey, options: AbortOptions & { wait?: boolean, name?: string }): Promise<{ live: Copy[], placed: Copy[] }> {
    const key = cid.toString()
    const mine = s.copies.filter(c => c.status.pin.cid === key)
    const reachable = new Set(s.reachable.map(r => r.name))
    for (const c of mine.filter(c => c.status.status === 'failed' && reachable.has(c.service))) {
      const client = s.reachable.find(r => r.name === c.service)!.client
      await client.delete(c.status.requestid, options).catch(err => { hooks.log('removing failed replica %s on %s - %e', c.status.requestid, c.service, err) })
    }
    const live = mine.filter(c => c.status.status !== 'failed')
    // more live copies than asked (a copy that came back after it was placed elsewhere): the
    // surplus goes, pinned copies and older ones kept first; never below what a copy says was asked
    const asked = Math.max(copies, ...mine.map(c => wantedOf(c.status)))
    if (live.length > asked) {
      const rank = (c: Copy): number => c.status.status === 'pinned' ? 0 : 1
      live.sort((x, y) => rank(x) - rank(y) || Date.parse(x.status.created) - Date.parse(y.status.created))
      for (const c of live.splice(asked)) {
        const client = s.reachable.find(r => r.name === c.service)!.client
        hooks.log('replica of %s on %s is one more than the %d asked for: removing it', key, c.service, asked)
        await client.delete(c.status.requestid, options).catch(err => { hooks.log('removing surplus replica %s on %s - %e', c.status.requestid, c.service, err) })
      }
    }
    const holders = new Set(live.map(c => c.service))
    const candidates = s.reachable.filter(r => !holders.has(r.name))
    // a copy still being fetched serves what it has already: all live copies are origins
    const origins = live.flatMap(c => c.status.delegates)
    const placed: Copy[] = []
    const place = (service: string, status: PinStatusObject): Copy => {
      for (const d of status.delegates) if (!origins.includes(d)) origins.push(d)
      const copy = { service, status }
      placed.push(copy)
      return copy
    }
    const name = options.name ?? mine.find(c => c.status.pin.name != null)?.status.pin.name
    const meta = { [REPLICA_META_KEY]: 'true', [REPLICA_COUNT_META_KEY]: String(copies) }
    while (live.length + placed.length < copies && candidates.length > 0) {
      const target = candidates.shift()!
      try {
        const status = await requestPin(hooks, target.client, cid, { ...options, meta, origins, ...(name != null ? { name } : {}) })
        place(target.name, status)
        hooks.log('replica of %s requested on %s (%s)', key, target.name, status.requestid)
      } catch (err) {
        options.signal?.throwIfAborted()
        hooks.log('replica of %s refused by %s - %e', key, target.name, err)
      }
    }
    if (options.wait === true) {
      // wait for every copy; one that fails is replaced by the next service that will take it
      const waiting = [...live, ...placed]
      const done: Copy[] = []
      const silent: string[] = []
      while (waiting.length > 0) {
        const results = await Promise.all(waiting.map(async c => watchCopy(s.reachable.find(r => r.name === c.service)!.client, c.status.requestid, pollSilentMs, options)))
        const retry: Copy[] = []
        results.forEach((r, i) => {
          if (r.status === 'pinned') done.push({ service: waiting[i].service, status: r.pin })
          else if (r.status === 'failed') retry.push(waiting[i])
          else {
            // status unknown is not failed: the copy stays where it is (the replica check looks again)
            hooks.log('replica of %s on %s: no status for %d ms - %e', key, waiting[i].service, pollSilentMs, r.error)
            silent.push(waiting[i].service)
          }
        })
        options.signal?.throwIfAborted()
        waiting.length = 0
        for (const failed of retry) {
          hooks.log('replica of %s on %s did not pin', key, failed.service)
          let replaced = false
          while (!replaced && candidates.length > 0) {
            const target = candidates.shift()!
            try {
              const status = await requestPin(hooks, target.client, cid, { ...options, meta, origins, ...(name != null ? { name } : {}) })
              waiting.push(place(target.name, status))
              replaced = true
            } catch {}
          }
        }
      }
      if (done.length < copies) {
        const why = silent.length > 0
          ? `no status from ${silent.join(', ')} for ${Math.round(pollSilentMs / 1000)} s (those copies are kept; the replica check looks again)`
          : s.unreachable.length > 0 ? `unreachable: ${s.unreachable.join(', ')}` : 'no other service would take one'
        throw new RemotePinningError(`only ${done.length} of ${copies} replicas of ${key} are pinned: ${why}`)
      }
      return { live: done, placed }
    }
    return { live, placed }
  }

  const toEntry = (c: Copy): ReplicaEntry => ({ cid: c.status.pin.cid, service: c.service, status: c.status.status, requestid: c.status.requestid })

  return {
    async ensure (cid, copies, options = {}) {
      if (!Number.isInteger(copies) || copies < 1) throw new InvalidParametersError(`replicas must be a positive integer, not ${copies}`)
      const configured = (await registry.all(options)).length
      if (configured < copies) {
        throw new InvalidParametersError(`${copies} replicas need ${copies} remote pinning services, ${configured} configured (see 'pin remote service add')`)
      }
      return locked(cid.toString(), async () => {
        const s = await survey([cid.toString()], options)
        const { live, placed } = await topUp(cid, copies, s, options)
        const all = options.wait === true ? live : [...live, ...placed]
        if (all.length < copies) {
          throw new RemotePinningError(`only ${all.length} of ${copies} replicas of ${cid.toString()} could be placed${s.unreachable.length > 0 ? `: unreachable: ${s.unreachable.join(', ')}` : ''}`)
        }
        return all.map(toEntry)
      })
    },
    list: (options = {}) => (async function * () {
      const s = await survey(options.cids, options)
      for (const c of s.copies) yield toEntry(c)
      for (const name of s.unreachable) yield { cid: '', service: name, status: 'unreachable' as const }
    })(),
    async check (options = {}) {
      const s = await survey(undefined, options)
      const wanted = new Map<string, { cid: CID, copies: number }>()
      for (const c of s.copies) {
        const key = c.status.pin.cid
        const n = wantedOf(c.status)
        const prev = wanted.get(key)
        if (prev == null) {
          let cid: CID
          try {
            cid = await hooks.resolve(key, options)
          } catch {
            continue
          }
          wanted.set(key, { cid, copies: n })
        } else if (n > prev.copies) prev.copies = n
      }
      const asked: ReplicaEntry[] = []
      for (const { cid, copies } of wanted.values()) {
        if (copies < 1) continue
        try {
          // under the CID's lock, from a fresh look: a `pin add --replicas` may have just placed copies
          const placed = await locked(cid.toString(), async () => (await topUp(cid, copies, await survey([cid.toString()], options), { signal: options.signal })).placed)
          asked.push(...placed.map(toEntry))
        } catch (err) {
          options.signal?.throwIfAborted()
          hooks.log.error('replica check of %s failed - %e', cid, err)
        }
      }
      return asked
    }
  }
}

/**
 * The daemon's replica check: one pass every `intervalMs` (none at 0), the next timer set only
 * when a pass ends, so passes never overlap
 */
export function startReplicaCheck (replicas: Replicas, intervalMs: number, log: RemotePinningHooks['log']): () => void {
  if (!(intervalMs > 0)) return () => {}
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const pass = (): void => {
    replicas.check({ signal: controller.signal }).then(asked => {
      if (asked.length > 0) log('replica check asked for %d copies', asked.length)
    }, err => {
      if (!controller.signal.aborted) log.error('replica check failed - %e', err)
    }).finally(() => {
      if (!controller.signal.aborted) timer = setTimeout(pass, intervalMs)
    })
  }
  timer = setTimeout(pass, intervalMs)
  return () => { controller.abort(); clearTimeout(timer) }
}
