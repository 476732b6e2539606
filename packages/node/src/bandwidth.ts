import type { BandwidthStats } from '@cairn/interface'
import type { Metrics, MultiaddrConnection } from '@libp2p/interface'

/** Window over which `rateIn`/`rateOut` are averaged */
const RATE_WINDOW_MS = 10_000

/**
 * A libp2p `Metrics` that only counts the bytes moving over every connection (what `stats bw`
 * reports); the named metrics libp2p services register are accepted and dropped.
 */
export interface BandwidthMeter {
  metrics(): Metrics
  stats(): BandwidthStats
}

function byteLength (data: { byteLength: number }): number {
  return data.byteLength
}

// one object that satisfies every metric shape (gauge, counter, histogram, summary, groups)
const noopMetric: any = new Proxy(() => noopMetric, {
  get: (_t, prop) => prop === 'then' ? undefined : noopMetric,
  apply: () => noopMetric
})

export function createBandwidthMeter (): BandwidthMeter {
  let totalIn = 0n
  let totalOut = 0n
  // samples of the totals, for the rates
  let samples: Array<{ at: number, in: bigint, out: bigint }> = []

  const metrics = {
    trackMultiaddrConnection (maConn: MultiaddrConnection): void {
      maConn.addEventListener('message', (evt) => { totalIn += BigInt(byteLength(evt.data)) })
      const send = maConn.send.bind(maConn)
      maConn.send = (data) => {
        totalOut += BigInt(byteLength(data))
        return send(data)
      }
    },
    trackProtocolStream (): void {},
    registerMetric: () => noopMetric,
    registerMetricGroup: () => noopMetric,
    registerCounter: () => noopMetric,
    registerCounterGroup: () => noopMetric,
    registerHistogram: () => noopMetric,
    registerHistogramGroup: () => noopMetric,
    registerSummary: () => noopMetric,
    registerSummaryGroup: () => noopMetric,
    traceFunction: (_name: string, fn: any) => fn,
    createTrace: () => undefined
  } as unknown as Metrics

  return {
    metrics: () => metrics,
    stats (): BandwidthStats {
      const now = Date.now()
      samples = samples.filter(s => now - s.at <= RATE_WINDOW_MS)
      samples.push({ at: now, in: totalIn, out: totalOut })
      const first = samples[0]
      const seconds = (now - first.at) / 1000
      return {
        totalIn,
        totalOut,
        rateIn: seconds > 0 ? Number(totalIn - first.in) / seconds : 0,
        rateOut: seconds > 0 ? Number(totalOut - first.out) / seconds : 0
      }
    }
  }
}
