/**
 * Republishes the node's own IPNS records on Kubo's schedule (boxo's `namesys/republisher`): a
 * first run shortly after start (1 minute, or the period if shorter), then every
 * `Ipns.RepublishPeriod`; a failed run is retried sooner (5 minutes, if that is sooner).
 */
import type { Logger } from '@libp2p/interface'

/** boxo's InitialRebroadcastDelay */
export const REPUBLISH_INITIAL_DELAY_MS = 60_000
/** boxo's FailureRetryInterval */
export const REPUBLISH_RETRY_MS = 5 * 60_000

export interface RepublisherInit {
  intervalMs: number
  /** @default min(REPUBLISH_INITIAL_DELAY_MS, intervalMs) */
  initialDelayMs?: number
}

export interface Republisher {
  start(): void
  stop(): void
  /** Completed runs, for tests and stats */
  readonly runs: number
}

export function createRepublisher (republish: (options: { signal: AbortSignal }) => Promise<number>, log: Logger, init: RepublisherInit): Republisher {
  let timer: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | undefined
  let runs = 0

  const schedule = (ms: number): void => {
    timer = setTimeout(() => { void run() }, ms)
    // a pending republish never keeps the process alive on its own
    timer.unref?.()
  }

  async function run (): Promise<void> {
    const signal = controller?.signal
    if (signal == null || signal.aborted) return
    try {
      const count = await republish({ signal })
      runs++
      log('republished %d record(s)', count)
      if (!signal.aborted) schedule(init.intervalMs)
    } catch (err) {
      log.error('republishing failed - %e', err)
      if (!signal.aborted) schedule(Math.min(REPUBLISH_RETRY_MS, init.intervalMs))
    }
  }

  return {
    get runs () { return runs },
    start () {
      if (controller != null || !(init.intervalMs > 0)) return
      controller = new AbortController()
      schedule(init.initialDelayMs ?? Math.min(REPUBLISH_INITIAL_DELAY_MS, init.intervalMs))
    },
    stop () {
      clearTimeout(timer)
      controller?.abort()
      controller = undefined
    }
  }
}
