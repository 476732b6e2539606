/**
 * The node's one Prometheus registry. libp2p's own metrics (connections, streams, protocols,
 * DHT, bytes per protocol) reach it through `@libp2p/prometheus-metrics`; our parts keep plain
 * counters where the work happens (Bitswap, the provider, the block store, GC) and the registry
 * reads those same counters when scraped, so `cairn stats` and `/debug/metrics/prometheus` can
 * never disagree.
 */
import { prometheusMetrics } from '@libp2p/prometheus-metrics'
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import { BANDWIDTH_RATE_WINDOW_MS } from './constants.ts'
import type { BandwidthStats } from '@cairn/interface'
import type { ComponentLogger, Libp2pEvents, Metrics, TypedEventTarget } from '@libp2p/interface'
import { createPeerBandwidth } from './peer-bandwidth.ts'

export { Registry }

/** The libp2p counter group of bytes per protocol; `global` is every connection's raw bytes */
const TRANSFER_METRIC = 'libp2p_data_transfer_bytes_total'

export interface NodeMetricsInit {
  /** Reported as `nodejs_fs_usage_bytes` (the repo's file system) */
  statfsPath?: string
}

/** A value read when the registry is scraped: a number, or numbers by one label's values */
export type Reading = number | Record<string, number>

export interface FamilyOptions {
  name: string
  help: string
  /** The one label `read` keys its values by */
  label?: string
  read(): Reading | Promise<Reading>
}

export interface NodeMetrics {
  readonly registry: Registry
  /** libp2p's `metrics` component, writing into `registry` */
  readonly libp2p: (components: { logger: ComponentLogger, events?: TypedEventTarget<Libp2pEvents> }) => Metrics
  /**
   * Bytes in and out over every libp2p connection (or, with `proto`, over that protocol's
   * streams, or with `peer`, over that peer's connections), and the rates over the last 10 s
   */
  bandwidth(options?: { proto?: string, peer?: string }): Promise<BandwidthStats>
  /** A counter whose value is `read()` at scrape time: the count lives with the code that counts */
  counter(options: FamilyOptions): void
  /** A gauge whose value is `read()` at scrape time */
  gauge(options: FamilyOptions): void
  /** The Prometheus text exposition of every family */
  scrape(): Promise<string>
  readonly contentType: string
}

function setAll (metric: Counter | Gauge, label: string | undefined, reading: Reading): void {
  metric.reset()
  if (typeof reading === 'number') {
    metric.inc(reading)
    return
  }
  for (const [key, value] of Object.entries(reading)) metric.inc({ [label ?? 'key']: key }, value)
}

export function createNodeMetrics (init: NodeMetricsInit = {}): NodeMetrics {
  const registry = new Registry()
  // process: RSS, heap, event-loop lag, GC, handles (prom-client's `process_*` and `nodejs_*`)
  collectDefaultMetrics({ register: registry })
  /** Recent totals per protocol ('global': every connection), for the rates */
  const samples = new Map<string, Array<{ at: number, in: bigint, out: bigint }>>()

  const family = (Kind: typeof Counter | typeof Gauge, options: FamilyOptions): void => {
    const { label, read } = options
    // prom-client calls `collect` on every scrape, with the metric as `this`
    // eslint-disable-next-line no-new
    new Kind({
      name: options.name,
      help: options.help,
      labelNames: label == null ? [] : [label],
      registers: [registry],
      async collect (this: Counter | Gauge) { setAll(this, label, await read()) }
    })
  }

  const prometheus = prometheusMetrics({
    registry,
    // registered above, once per node whether it is online or not
    collectDefaultMetrics: false,
    statfsLocation: init.statfsPath
  })
  const perPeer = createPeerBandwidth()

  return {
    registry,
    libp2p: (components) => {
      const metrics = prometheus(components)
      // libp2p's metrics count no bytes per peer: count them beside, from the same raw connections
      if (components.events != null) perPeer.listen(components.events)
      const track = metrics.trackMultiaddrConnection.bind(metrics)
      metrics.trackMultiaddrConnection = (maConn) => {
        perPeer.track(maConn)
        track(maConn)
      }
      return metrics
    },
    async bandwidth (options = {}): Promise<BandwidthStats> {
      const values = (await registry.getSingleMetric(TRANSFER_METRIC)?.get())?.values ?? []
      const total = (key: string): bigint => BigInt(values.find(v => v.labels.protocol === key)?.value ?? 0)
      const scope = options.peer != null ? `peer ${options.peer}` : options.proto ?? 'global'
      const peer = options.peer != null ? perPeer.totals(options.peer) : undefined
      const totalIn = peer?.in ?? total(`${scope} received`)
      const totalOut = peer?.out ?? total(`${scope} sent`)
      const now = Date.now()
      const recent = (samples.get(scope) ?? []).filter(s => now - s.at <= BANDWIDTH_RATE_WINDOW_MS)
      recent.push({ at: now, in: totalIn, out: totalOut })
      samples.set(scope, recent)
      const first = recent[0]
      const seconds = (now - first.at) / 1000
      return {
        totalIn,
        totalOut,
        rateIn: seconds > 0 ? Number(totalIn - first.in) / seconds : 0,
        rateOut: seconds > 0 ? Number(totalOut - first.out) / seconds : 0
      }
    },
    counter: (options) => { family(Counter, options) },
    gauge: (options) => { family(Gauge, options) },
    scrape: async () => registry.metrics(),
    contentType: registry.contentType
  }
}
