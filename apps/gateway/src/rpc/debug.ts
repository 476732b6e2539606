/**
 * The RPC listener's `/debug/` endpoints, behind the RPC's authorization: Prometheus metrics at
 * Kubo's path, and Node's equivalents of Go's pprof (a V8 heap snapshot, a CPU profile over N
 * seconds, both loadable in Chrome DevTools).
 */
import { Session } from 'node:inspector/promises'
import { pipeline } from 'node:stream/promises'
import { getHeapSnapshot } from 'node:v8'
import { InvalidParametersError } from '@cairn/interface'
import { UnknownCommandError } from '../errors.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** The node's metrics, as the RPC needs them */
export interface MetricsSource {
  scrape(): Promise<string>
  readonly contentType: string
}

export const METRICS_PATH = '/debug/metrics/prometheus'
export const HEAP_PATH = '/debug/pprof/heap'
export const PROFILE_PATH = '/debug/pprof/profile'
/** Go's pprof default */
export const DEFAULT_PROFILE_SECONDS = 30
/** A profile longer than this is refused: the request holds the profiler the whole time */
export const PROFILE_SECONDS_MAX = 300

export const DEBUG_PATHS = [METRICS_PATH, HEAP_PATH, PROFILE_PATH]

export async function serveDebug (path: string, url: URL, req: IncomingMessage, res: ServerResponse, metrics: MetricsSource | undefined, signal: AbortSignal): Promise<void> {
  if (path === METRICS_PATH) {
    if (metrics == null) throw new UnknownCommandError('this node keeps no metrics')
    const body = await metrics.scrape()
    res.writeHead(200, { 'Content-Type': metrics.contentType, 'Content-Length': Buffer.byteLength(body) })
    res.end(body)
    return
  }
  if (path === HEAP_PATH) {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="cairn.heapsnapshot"' })
    await pipeline(getHeapSnapshot(), res, { signal })
    return
  }
  if (path === PROFILE_PATH) {
    const raw = url.searchParams.get('seconds') ?? String(DEFAULT_PROFILE_SECONDS)
    const seconds = Number(raw)
    if (!/^\d+(\.\d+)?$/.test(raw) || seconds <= 0 || seconds > PROFILE_SECONDS_MAX) {
      throw new InvalidParametersError(`seconds must be a number above 0 and at most ${PROFILE_SECONDS_MAX}, not "${raw.slice(0, 20)}"`)
    }
    const profile = await cpuProfile(seconds * 1000, signal)
    const body = JSON.stringify(profile)
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="cairn.cpuprofile"', 'Content-Length': Buffer.byteLength(body) })
    res.end(body)
    return
  }
  void req
  throw new UnknownCommandError(`404 page not found: ${path.slice(0, 100)}`)
}

export async function cpuProfile (ms: number, signal: AbortSignal): Promise<unknown> {
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
    // the profile's length is what was asked for; a client that goes away ends it early
    await new Promise<void>(resolve => {
      const timer = setTimeout(done, ms)
      function done (): void {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done, { once: true })
    })
    const { profile } = await session.post('Profiler.stop')
    return profile
  } finally {
    session.disconnect()
  }
}
