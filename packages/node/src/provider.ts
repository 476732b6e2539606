import { InvalidParametersError } from '@cairn/interface'
import {
  DEFAULT_PROVIDE_BATCH_DELAY_MS, DEFAULT_PROVIDE_BATCH_MAX, DEFAULT_PROVIDE_CONCURRENCY, DEFAULT_PROVIDE_QUEUE_MAX,
  DEFAULT_PROVIDE_TIMEOUT_MS, DEFAULT_REPROVIDE_INITIAL_DELAY_MS
} from './constants.ts'
import type { SweepProvider } from './provider-sweep.ts'
import type { AbortOptions, ContentRouting, Logger } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** Kubo's `Reprovider.Strategy` */
export type ProvideStrategy = 'all' | 'pinned' | 'roots'

export interface ProviderComponents {
  contentRouting: Pick<ContentRouting, 'provide' | 'cancelReprovide'>
  log: Logger
  /** The CIDs the strategy announces: every block, every pinned block, or pin roots */
  listCids(strategy: ProvideStrategy, options?: AbortOptions): AsyncIterable<CID>
  /**
   * Batched providing (Kubo's `Provide.DHT.SweepEnabled`): when given, queued CIDs go out in
   * keyspace-sorted batches; without it, one `contentRouting.provide` per CID (the legacy provider)
   */
  sweep?(): SweepProvider | undefined
}

export interface ProviderInit {
  /** Kubo's `Provide.Enabled`: false announces nothing and refuses `provideNow`. @default true */
  enabled?: boolean
  /** @default 'all' */
  strategy?: ProvideStrategy
  /** 0 disables the reprovide loop (Kubo's `Reprovider.Interval: "0"`). */
  intervalMs: number
  /** @default DEFAULT_REPROVIDE_INITIAL_DELAY_MS */
  initialDelayMs?: number
  /** Provides (legacy) or batches (sweep) running at once. @default DEFAULT_PROVIDE_CONCURRENCY */
  concurrency?: number
  /** Sweep: how long the first queued CID waits for others to share its batch. @default DEFAULT_PROVIDE_BATCH_DELAY_MS */
  batchDelayMs?: number
  /** Sweep: CIDs per batch at most (Kubo's `Provide.DHT.KeystoreBatchSize`). @default DEFAULT_PROVIDE_BATCH_MAX */
  batchMax?: number
  /** @default DEFAULT_PROVIDE_QUEUE_MAX */
  maxQueueSize?: number
  /** @default DEFAULT_PROVIDE_TIMEOUT_MS */
  provideTimeoutMs?: number
}

export interface ProviderStats {
  /** Provides waiting in the queue */
  queued: number
  /** Provides running now (in a batch being sent, or a legacy DHT walk) */
  running: number
  /** Provides that completed since start-up */
  provided: number
  /** Provides that failed or timed out */
  failed: number
  /** Reprovide passes run */
  reprovideRuns: number
  /** How long the last reprovide pass took, in seconds (0 before the first) */
  lastReprovideSeconds: number
  /** All reprovide passes together, in seconds */
  totalReprovideSeconds: number
  /** CIDs announced by reprovide passes since start-up */
  reprovided: number
  /** When the last reprovide pass ended (ms since the epoch), undefined before the first */
  lastReprovideAt?: number
}

/**
 * Announces content in the DHT: right after it is stored (`announce`) and again on every
 * reprovide interval for whatever the strategy selects, as Kubo's reprovider does.
 */
export interface ContentProvider {
  readonly strategy: ProvideStrategy
  /** Queues provider announcements for CIDs just stored; resolves once they are queued, not done */
  announce(cids: CID[], kind: 'block' | 'pin-root' | 'pinned', options?: AbortOptions): Promise<void>
  /** Provides now and waits until every one has been announced (or failed) */
  provideNow(cids: CID[], options?: AbortOptions): Promise<void>
  /** Stops renewing records for CIDs that are no longer stored */
  forget(cids: CID[]): Promise<void>
  /** Runs one reprovide pass over the strategy's CIDs; returns how many were announced */
  reprovide(options?: AbortOptions): Promise<number>
  /** Resolves when every queued announcement has finished */
  onIdle(options?: AbortOptions): Promise<void>
  /** Drops the announcements still waiting (Kubo's `provide clear`); returns how many */
  clear(): number
  /** The queue and what it has done (read by `cairn stats provide` and the metrics) */
  stats(): ProviderStats
  start(): void
  stop(): void
}

interface Job {
  cid: CID
  key: string
  done: Promise<void>
  resolve(): void
  reject(err: Error): void
}

class ContentProviderClass implements ContentProvider {
  readonly strategy: ProvideStrategy
  private readonly components: ProviderComponents
  private readonly enabled: boolean
  private readonly concurrency: number
  private readonly batchDelayMs: number
  private readonly batchMax: number
  /** Queued, not yet taken by a worker, by multihash (insertion order is the order they go out) */
  private readonly waiting = new Map<string, Job>()
  /** Taken by a worker, by multihash */
  private readonly inflight = new Map<string, Job>()
  private workers = 0
  private gathering?: ReturnType<typeof setTimeout>
  private readonly roomWaiters = new Set<() => void>()
  private readonly idleWaiters = new Set<() => void>()
  private readonly intervalMs: number
  private readonly initialDelayMs: number
  private readonly maxQueueSize: number
  private readonly provideTimeoutMs: number
  private timer?: ReturnType<typeof setTimeout>
  private running = false
  private shutdown = new AbortController()
  private reproviding?: Promise<number>
  private readonly counts: Omit<ProviderStats, 'queued' | 'running'> = { provided: 0, failed: 0, reprovideRuns: 0, lastReprovideSeconds: 0, totalReprovideSeconds: 0, reprovided: 0 }

  constructor (components: ProviderComponents, init: ProviderInit) {
    this.components = components
    this.strategy = init.strategy ?? 'all'
    this.enabled = init.enabled ?? true
    this.intervalMs = init.intervalMs
    this.initialDelayMs = init.initialDelayMs ?? DEFAULT_REPROVIDE_INITIAL_DELAY_MS
    this.maxQueueSize = init.maxQueueSize ?? DEFAULT_PROVIDE_QUEUE_MAX
    this.provideTimeoutMs = init.provideTimeoutMs ?? DEFAULT_PROVIDE_TIMEOUT_MS
    this.concurrency = Math.max(1, init.concurrency ?? DEFAULT_PROVIDE_CONCURRENCY)
    this.batchDelayMs = init.batchDelayMs ?? DEFAULT_PROVIDE_BATCH_DELAY_MS
    this.batchMax = Math.max(1, init.batchMax ?? DEFAULT_PROVIDE_BATCH_MAX)
  }

  private selects (kind: 'block' | 'pin-root' | 'pinned'): boolean {
    if (this.strategy === 'all') return true
    if (this.strategy === 'pinned') return kind !== 'block'
    return kind === 'pin-root'
  }

  /** Waits for queue space, then returns the job (wrapped: an async function would flatten it) */
  private async enqueue (cid: CID, options?: AbortOptions): Promise<{ done: Promise<void> }> {
    const key = cid.multihash.bytes.toString()
    // a queued or running job for the same multihash already covers this CID
    const existing = this.waiting.get(key) ?? this.inflight.get(key)
    if (existing != null) return { done: existing.done }
    while (this.waiting.size >= this.maxQueueSize) await this.room(options)
    const again = this.waiting.get(key) ?? this.inflight.get(key)
    if (again != null) return { done: again.done }
    let resolve!: () => void
    let reject!: (err: Error) => void
    const done = new Promise<void>((res, rej) => { resolve = res; reject = rej })
    // a job nobody awaits must not be an unhandled rejection: callers attach their own handlers
    done.catch(() => {})
    this.waiting.set(key, { cid, key, done, resolve, reject })
    this.kick()
    return { done }
  }

  private async room (options?: AbortOptions): Promise<void> {
    options?.signal?.throwIfAborted()
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => { this.roomWaiters.delete(wake); reject(options?.signal?.reason) }
      const wake = (): void => { options?.signal?.removeEventListener('abort', onAbort); resolve() }
      this.roomWaiters.add(wake)
      options?.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Called whenever jobs leave the queue or finish: wakes whoever waits for room or idleness */
  private settle (): void {
    if (this.waiting.size < this.maxQueueSize) {
      for (const wake of this.roomWaiters) wake()
      this.roomWaiters.clear()
    }
    if (this.waiting.size === 0 && this.inflight.size === 0) {
      for (const wake of this.idleWaiters) wake()
      this.idleWaiters.clear()
    }
  }

  /** Starts a worker when jobs wait and one is free; a sweep worker first lets a batch gather */
  private kick (): void {
    if (!this.running || this.waiting.size === 0 || this.workers >= this.concurrency || this.gathering != null) return
    const sweep = this.components.sweep?.()
    if (sweep == null) {
      while (this.workers < this.concurrency && this.waiting.size > 0) this.work(this.take(1), async jobs => { await this.provideOne(jobs[0]) })
      return
    }
    this.gathering = setTimeout(() => {
      this.gathering = undefined
      if (!this.running) return
      this.work(this.take(this.batchMax), async jobs => { await this.provideBatch(sweep, jobs) })
      this.kick()
    }, this.batchDelayMs)
  }

  private take (count: number): Job[] {
    const jobs: Job[] = []
    for (const job of this.waiting.values()) {
      if (jobs.length >= count) break
      jobs.push(job)
    }
    for (const job of jobs) {
      this.waiting.delete(job.key)
      this.inflight.set(job.key, job)
    }
    this.settle()
    return jobs
  }

  private work (jobs: Job[], run: (jobs: Job[]) => Promise<void>): void {
    this.workers++
    run(jobs)
      .catch(err => {
        // a batch that failed as a whole: each of its jobs failed
        for (const job of jobs) {
          if (!this.inflight.has(job.key)) continue
          this.counts.failed++
          job.reject(err)
        }
      })
      .finally(() => {
        for (const job of jobs) this.inflight.delete(job.key)
        this.workers--
        this.settle()
        this.kick()
      })
  }

  /** The legacy provider: one DHT walk and ADD_PROVIDER round for one CID */
  private async provideOne (job: Job): Promise<void> {
    const signal = AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(this.provideTimeoutMs)])
    await this.components.contentRouting.provide(job.cid, { signal })
    this.counts.provided++
    this.components.log('provided %c', job.cid)
    this.inflight.delete(job.key)
    job.resolve()
  }

  private async provideBatch (sweep: SweepProvider, jobs: Job[]): Promise<void> {
    const result = await sweep.provide(jobs.map(j => j.cid), { signal: this.shutdown.signal })
    const byKey = new Map(jobs.map(j => [j.key, j]))
    for (const cid of result.provided) {
      const job = byKey.get(cid.multihash.bytes.toString())
      if (job == null) continue
      this.counts.provided++
      this.inflight.delete(job.key)
      job.resolve()
    }
    for (const { cid, error } of result.failed) {
      const job = byKey.get(cid.multihash.bytes.toString())
      if (job == null) continue
      this.counts.failed++
      this.inflight.delete(job.key)
      job.reject(error)
    }
    this.components.log('provided %d of %d CIDs over %d regions (%d lookups)', result.provided.length, jobs.length, result.regions, result.lookups)
  }

  async announce (cids: CID[], kind: 'block' | 'pin-root' | 'pinned', options?: AbortOptions): Promise<void> {
    if (!this.running || !this.enabled || !this.selects(kind)) return
    for (const cid of cids) {
      const job = await this.enqueue(cid, options)
      job.done.catch(err => { this.components.log.error('could not provide %c - %e', cid, err) })
    }
  }

  async provideNow (cids: CID[], options?: AbortOptions): Promise<void> {
    // Kubo's `routing provide` words
    if (!this.enabled) throw new InvalidParametersError("invalid configuration: Provide.Enabled is set to 'false'")
    const jobs: Array<Promise<void>> = []
    for (const cid of cids) jobs.push((await this.enqueue(cid, options)).done)
    // every job runs to its end; the first failure is the caller's answer
    const results = await Promise.allSettled(jobs)
    const failed = results.find(r => r.status === 'rejected')
    if (failed != null) throw (failed as PromiseRejectedResult).reason
  }

  async forget (cids: CID[]): Promise<void> {
    for (const cid of cids) {
      try {
        await this.components.contentRouting.cancelReprovide(cid)
      } catch (err) {
        this.components.log.trace('cancel reprovide %c failed - %e', cid, err)
      }
    }
  }

  async reprovide (options?: AbortOptions): Promise<number> {
    if (this.reproviding != null) return this.reproviding
    const run = async (): Promise<number> => {
      const started = performance.now()
      const signal = options?.signal == null ? this.shutdown.signal : AbortSignal.any([options.signal, this.shutdown.signal])
      let count = 0
      for await (const cid of this.components.listCids(this.strategy, { signal })) {
        const job = (await this.enqueue(cid, { signal })).done
        job.catch(err => { this.components.log.error('could not reprovide %c - %e', cid, err) })
        count++
      }
      // not one promise per CID kept around: a repo may hold millions of blocks
      await this.onIdle({ signal })
      this.counts.reprovideRuns++
      this.counts.lastReprovideSeconds = (performance.now() - started) / 1000
      this.counts.totalReprovideSeconds += this.counts.lastReprovideSeconds
      this.counts.reprovided += count
      this.counts.lastReprovideAt = Date.now()
      this.components.log('reprovided %d CIDs with strategy %s', count, this.strategy)
      return count
    }
    this.reproviding = run().finally(() => { this.reproviding = undefined })
    return this.reproviding
  }

  async onIdle (options?: AbortOptions): Promise<void> {
    if (this.waiting.size === 0 && this.inflight.size === 0) return
    options?.signal?.throwIfAborted()
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => { this.idleWaiters.delete(wake); reject(options?.signal?.reason) }
      const wake = (): void => { options?.signal?.removeEventListener('abort', onAbort); resolve() }
      this.idleWaiters.add(wake)
      options?.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  clear (): number {
    const waiting = [...this.waiting.values()]
    this.waiting.clear()
    for (const job of waiting) job.reject(new Error('removed from the provide queue'))
    this.settle()
    return waiting.length
  }

  stats (): ProviderStats {
    return { queued: this.waiting.size, running: this.inflight.size, ...this.counts }
  }

  private schedule (delayMs: number): void {
    if (!this.running || !this.enabled || this.intervalMs <= 0) return
    this.timer = setTimeout(() => {
      this.reprovide()
        .catch(err => { this.components.log.error('reprovide failed - %e', err) })
        .finally(() => { this.schedule(this.intervalMs) })
    }, delayMs)
    // the reprovide timer alone must not keep the process alive
    this.timer.unref?.()
  }

  start (): void {
    if (this.running) return
    this.running = true
    this.shutdown = new AbortController()
    this.schedule(Math.min(this.initialDelayMs, this.intervalMs))
    this.kick()
  }

  stop (): void {
    if (!this.running) return
    this.running = false
    clearTimeout(this.timer)
    clearTimeout(this.gathering)
    this.gathering = undefined
    this.shutdown.abort()
    const waiting = [...this.waiting.values()]
    this.waiting.clear()
    for (const job of waiting) job.reject(new Error('the provider stopped'))
    this.settle()
  }
}

export function createContentProvider (components: ProviderComponents, init: ProviderInit): ContentProvider {
  return new ContentProviderClass(components, init)
}
