import {
  DEFAULT_PROVIDE_CONCURRENCY, DEFAULT_PROVIDE_QUEUE_MAX, DEFAULT_PROVIDE_TIMEOUT_MS, DEFAULT_REPROVIDE_INITIAL_DELAY_MS
} from './constants.ts'
import type { AbortOptions, ContentRouting, Logger } from '@libp2p/interface'
import type { Queue } from '@libp2p/utils'
import type { CID } from 'multiformats/cid'

/** Kubo's `Reprovider.Strategy` */
export type ProvideStrategy = 'all' | 'pinned' | 'roots'

export interface ProviderComponents {
  contentRouting: Pick<ContentRouting, 'provide' | 'cancelReprovide'>
  log: Logger
  /** The CIDs the strategy announces: every block, every pinned block, or pin roots */
  listCids(strategy: ProvideStrategy, options?: AbortOptions): AsyncIterable<CID>
}

export interface ProviderInit {
  /** @default 'all' */
  strategy?: ProvideStrategy
  /** 0 disables the reprovide loop (Kubo's `Reprovider.Interval: "0"`). */
  intervalMs: number
  /** @default DEFAULT_REPROVIDE_INITIAL_DELAY_MS */
  initialDelayMs?: number
  /** @default DEFAULT_PROVIDE_CONCURRENCY */
  concurrency?: number
  /** @default DEFAULT_PROVIDE_QUEUE_MAX */
  maxQueueSize?: number
  /** @default DEFAULT_PROVIDE_TIMEOUT_MS */
  provideTimeoutMs?: number
}

export interface ProviderStats {
  /** Provides waiting in the queue */
  queued: number
  /** Provides running now (DHT walks) */
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

class ContentProviderClass implements ContentProvider {
  readonly strategy: ProvideStrategy
  private readonly components: ProviderComponents
  /** Made on first use: `@libp2p/utils` is not loaded by a node that never provides (offline) */
  private queue?: Queue<void>
  private queueLoading?: Promise<Queue<void>>
  private readonly concurrency: number
  /** Jobs queued or running, by multihash */
  private readonly pending = new Map<string, Promise<void>>()
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
    this.intervalMs = init.intervalMs
    this.initialDelayMs = init.initialDelayMs ?? DEFAULT_REPROVIDE_INITIAL_DELAY_MS
    this.maxQueueSize = init.maxQueueSize ?? DEFAULT_PROVIDE_QUEUE_MAX
    this.provideTimeoutMs = init.provideTimeoutMs ?? DEFAULT_PROVIDE_TIMEOUT_MS
    this.concurrency = init.concurrency ?? DEFAULT_PROVIDE_CONCURRENCY
  }

  private async jobs (): Promise<Queue<void>> {
    this.queueLoading ??= import('@libp2p/utils').then(({ Queue }) => {
      this.queue = new Queue({ concurrency: this.concurrency })
      return this.queue
    })
    return this.queueLoading
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
    const existing = this.pending.get(key)
    if (existing != null) return { done: existing }
    const queue = await this.jobs()
    await queue.onSizeLessThan(this.maxQueueSize, options)
    const done = queue.add(async () => {
      const signal = AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(this.provideTimeoutMs)])
      try {
        await this.components.contentRouting.provide(cid, { signal })
      } catch (err) {
        this.counts.failed++
        throw err
      }
      this.counts.provided++
      this.components.log('provided %c', cid)
    }).finally(() => { this.pending.delete(key) })
    this.pending.set(key, done)
    return { done }
  }

  async announce (cids: CID[], kind: 'block' | 'pin-root' | 'pinned', options?: AbortOptions): Promise<void> {
    if (!this.running || !this.selects(kind)) return
    for (const cid of cids) {
      const job = await this.enqueue(cid, options)
      job.done.catch(err => { this.components.log.error('could not provide %c - %e', cid, err) })
    }
  }

  async provideNow (cids: CID[], options?: AbortOptions): Promise<void> {
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
      await (await this.jobs()).onIdle({ signal })
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
    await this.queue?.onIdle(options)
  }

  clear (): number {
    const waiting = (this.queue?.queue ?? []).filter(job => job.status === 'queued')
    // an aborted job ends as soon as the queue reaches it, settling whoever waits on it
    for (const job of waiting) job.abort(new Error('removed from the provide queue'))
    return waiting.length
  }

  stats (): ProviderStats {
    return { queued: this.queue?.queued ?? 0, running: this.queue?.running ?? 0, ...this.counts }
  }

  private schedule (delayMs: number): void {
    if (!this.running || this.intervalMs <= 0) return
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
  }

  stop (): void {
    if (!this.running) return
    this.running = false
    clearTimeout(this.timer)
    this.shutdown.abort()
    this.queue?.abort()
  }
}

export function createContentProvider (components: ProviderComponents, init: ProviderInit): ContentProvider {
  return new ContentProviderClass(components, init)
}
