/**
 * Request counts, latencies and bytes of the gateway and RPC listeners, in the node's Prometheus
 * registry. Counted where the requests are served; the route is a bounded label (a known RPC
 * command, or the gateway's namespace), never a raw path.
 */
import { Counter, Histogram } from 'prom-client'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Registry } from 'prom-client'

export type Listener = 'gateway' | 'api'
type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** Seconds: a cached block answers in milliseconds, a network fetch may take the full minute */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

const routes = new WeakMap<IncomingMessage, string>()

/** Names the route a request was served by (the RPC calls it once it knows the command) */
export function setRoute (req: IncomingMessage, route: string): void {
  routes.set(req, route)
}

function gatewayRoute (req: IncomingMessage): string {
  const path = (req.url ?? '/').split('?')[0]
  const host = req.headers.host ?? ''
  if (/\.ip[fn]s\./.test(host)) return host.includes('.ipns.') ? 'subdomain-ipns' : 'subdomain-ipfs'
  if (path.startsWith('/ipfs/')) return '/ipfs'
  if (path.startsWith('/ipns/')) return '/ipns'
  return 'other'
}

function family<T> (registry: Registry, name: string, make: () => T): T {
  // two gateways over one node share the families
  return (registry.getSingleMetric(name) as T | undefined) ?? make()
}

export interface HttpMetrics {
  /** Wraps a listener's handler so that each request is counted when its response closes */
  instrument(listener: Listener, handler: Handler): Handler
}

export function createHttpMetrics (registry: Registry): HttpMetrics {
  const labelNames = ['listener', 'route'] as const
  const requests = family(registry, 'cairn_http_requests_total', () => new Counter({
    name: 'cairn_http_requests_total',
    help: 'HTTP requests answered, by listener, route and status code',
    labelNames: [...labelNames, 'code'],
    registers: [registry]
  }))
  const latency = family(registry, 'cairn_http_request_duration_seconds', () => new Histogram({
    name: 'cairn_http_request_duration_seconds',
    help: 'Time from a request to the end of its response',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry]
  }))
  const sent = family(registry, 'cairn_http_response_bytes_total', () => new Counter({
    name: 'cairn_http_response_bytes_total',
    help: 'Bytes written to HTTP clients, headers included',
    labelNames,
    registers: [registry]
  }))
  const received = family(registry, 'cairn_http_request_bytes_total', () => new Counter({
    name: 'cairn_http_request_bytes_total',
    help: 'Bytes read from HTTP clients, headers included',
    labelNames,
    registers: [registry]
  }))

  return {
    instrument: (listener, handler) => (req, res) => {
      const started = performance.now()
      // HTTP/1.1 serves one request at a time per socket: the socket's byte counts over the
      // request's life are the request's own
      const socket = req.socket
      const writtenBefore = socket.bytesWritten
      const readBefore = socket.bytesRead
      res.once('close', () => {
        const route = routes.get(req) ?? (listener === 'gateway' ? gatewayRoute(req) : 'other')
        const labels = { listener, route }
        requests.inc({ ...labels, code: String(res.statusCode) })
        latency.observe(labels, (performance.now() - started) / 1000)
        sent.inc(labels, Math.max(0, socket.bytesWritten - writtenBefore))
        received.inc(labels, Math.max(0, socket.bytesRead - readBefore))
      })
      handler(req, res)
    }
  }
}
