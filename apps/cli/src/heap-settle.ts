/**
 * Hands V8's unused heap back to the system after a burst of load. After many concurrent gateway
 * downloads V8 keeps the heap it grew to (measured: 204 MB total with 55 MB used, long after the
 * load ended), and jemalloc cannot return pages V8 still holds. Worse, V8's own GCs shrink the heap
 * (its young generation grows to 128 MiB under load and back to 2 MiB) but keep the freed pages in
 * a pool, still resident: after 64 × 1 GiB downloads the heap was back to 60 MiB while ~120 MiB of
 * V8 pages stayed in RSS (smaps: 256 KiB anonymous mappings; jemalloc's resident memory was 58 MiB
 * in all). Only a memory-reducing collection (V8's "last resort": full GCs until nothing more is
 * freed, then the page pool is released) unmaps them; in a bare process that took RSS 477 → 75 MiB
 * where a plain full GC left it at 477 MiB.
 *
 * So the daemon checks every few seconds and, when the heap has been much larger than what it uses
 * now (its peak since the last collection, so pooled pages count even after V8 shrank the heap) and
 * the event loop was mostly idle, on consecutive checks, runs one memory-reducing GC (100-400 ms
 * for a ~50 MiB live heap on a loaded machine), at most every 15 s. The idle condition keeps those
 * pauses out of a burst still being served: during one the young generation stays large anyway. Off with
 * `CAIRN_HEAP_SETTLE=off`. Logged with `NODE_DEBUG=cairn-heap`. Figures: root README, "Memory under
 * load".
 */
import { performance } from 'node:perf_hooks'
import { debuglog } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

const log = debuglog('cairn-heap')
const MIB = 1024 * 1024

/** The unused heap worth a full GC: an idle daemon's heap holds ~20 MiB live, a burst leaves 70+ MiB unused */
export const DEFAULT_MIN_SLACK_BYTES = 32 * MIB

export interface HeapSettleOptions {
  /** Time between checks of the heap (default 5000 ms) */
  intervalMs?: number
  /** The heap's unused part must exceed this (default `DEFAULT_MIN_SLACK_BYTES`, 32 MiB) ... */
  minSlackBytes?: number
  /** ... and the heap's peak must be this many times what it uses (default 2) ... */
  minRatio?: number
  /**
   * ... and the event loop must have been busy at most this share of the time since the last
   * check (default 0.5; `performance.eventLoopUtilization`) ...
   */
  maxUtilization?: number
  /** ... on this many checks in a row (default 2), so a burst still under way is left alone */
  checks?: number
  /**
   * At most one collection per this long (default 15000 ms): a full GC pauses the daemon (tens of
   * ms for a ~100 MiB heap). Kept under 30 s minus two checks, so a collection during a burst
   * cannot delay the one after it past the 30 s the daemon has to settle
   */
  minGapMs?: number
}

export interface HeapSettler {
  /** Full collections run so far */
  readonly collections: number
  stop(): void
}

/** True unless the operator turned settling off (`CAIRN_HEAP_SETTLE=off`, `0` or `false`) */
export function heapSettleEnabled (env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CAIRN_HEAP_SETTLE ?? '').toLowerCase()
  return v !== 'off' && v !== '0' && v !== 'false'
}

/**
 * The settle step's options the operator set in the environment: `CAIRN_HEAP_SETTLE_MAX_BUSY`, the
 * event loop's busy share up to which a check counts as idle (0-1; default 0.5; 1 lets the step
 * also run during a burst, trading its pauses for a lower peak)
 */
export function heapSettleOptions (env: NodeJS.ProcessEnv = process.env): HeapSettleOptions {
  const raw = env.CAIRN_HEAP_SETTLE_MAX_BUSY
  if (raw == null || raw === '') return {}
  const maxUtilization = Number(raw)
  if (!Number.isFinite(maxUtilization) || maxUtilization < 0 || maxUtilization > 1) {
    throw new RangeError(`CAIRN_HEAP_SETTLE_MAX_BUSY must be a number from 0 to 1, got "${raw.slice(0, 30)}"`)
  }
  return { maxUtilization }
}

type Gc = (options?: { type?: 'major' | 'minor', execution?: 'sync' | 'async', flavor?: 'regular' | 'last-resort' }) => void

/** V8's GC: `--expose-gc` set at run time makes `gc` visible in contexts created afterwards */
function obtainGc (): Gc | undefined {
  const existing = (globalThis as { gc?: Gc }).gc
  if (typeof existing === 'function') return existing
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? gc as Gc : undefined
  } catch {
    return undefined
  }
}

/**
 * One memory-reducing collection: V8's `last-resort` flavor (`Heap::CollectAllAvailableGarbage`)
 * collects until nothing more is freed and releases the pooled pages a plain full GC keeps. A V8
 * that does not know the option ignores it and runs a plain full GC.
 */
export function reduceMemory (gc: Gc): void {
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
}

/** Starts the periodic check; undefined when this runtime cannot run a full GC on demand */
export function startHeapSettler (options: HeapSettleOptions = {}): HeapSettler | undefined {
  const intervalMs = options.intervalMs ?? 5000
  const minSlack = options.minSlackBytes ?? DEFAULT_MIN_SLACK_BYTES
  const minRatio = options.minRatio ?? 2
  const checks = options.checks ?? 2
  const maxUtilization = options.maxUtilization ?? 0.5
  const minGapMs = options.minGapMs ?? 15_000
  const gc = obtainGc()
  if (gc == null) { log('no way to run a full GC here: heap settling off'); return undefined }

  let streak = 0
  let last = -Infinity
  let collections = 0
  // the largest heap seen since the last collection: V8 shrinks the heap by itself but keeps the
  // freed pages resident, so the current size alone would hide them
  let peak = process.memoryUsage().heapTotal
  let elu = performance.eventLoopUtilization()
  const timer = setInterval(() => {
    const { heapTotal, heapUsed, rss } = process.memoryUsage()
    peak = Math.max(peak, heapTotal)
    const busy = performance.eventLoopUtilization(elu).utilization
    elu = performance.eventLoopUtilization()
    const slack = peak > heapUsed + minSlack && peak > heapUsed * minRatio && busy <= maxUtilization
    streak = slack ? streak + 1 : 0
    if (streak < checks || Date.now() - last < minGapMs) return
    const started = Date.now()
    const peakBefore = peak
    reduceMemory(gc)
    const after = process.memoryUsage()
    last = Date.now()
    streak = 0
    peak = after.heapTotal
    collections++
    log('full GC after load: heap %d MiB (peak %d, %d used) -> %d MiB (%d used), RSS %d -> %d MiB in %d ms',
      Math.round(heapTotal / MIB), Math.round(peakBefore / MIB), Math.round(heapUsed / MIB), Math.round(after.heapTotal / MIB), Math.round(after.heapUsed / MIB),
      Math.round(rss / MIB), Math.round(after.rss / MIB), last - started)
  }, intervalMs)
  timer.unref()
  return {
    get collections () { return collections },
    stop () { clearInterval(timer) }
  }
}
