/**
 * Hands V8's unused heap back to the system after a burst of load. After many concurrent gateway
 * downloads V8 keeps the heap it grew to (measured: 204 MB total with 55 MB used, long after the
 * load ended), and jemalloc cannot return pages V8 still holds. One full, compacting GC shrinks
 * the heap to what is live and lets the freed pages go (a 578 MiB heap with 3 MiB live went to 38
 * MiB, RSS 634 → 94 MiB within 2 s). So the daemon checks every few seconds and, when the heap has
 * stayed much larger than what it uses on consecutive checks, runs one such GC, at most every 15 s.
 * Off with `CAIRN_HEAP_SETTLE=off`. Logged with `NODE_DEBUG=cairn-heap`. Figures: root README,
 * "Memory under load".
 */
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
  /** ... and the heap must be this many times what it uses (default 2) ... */
  minRatio?: number
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

/** V8's full GC: `--expose-gc` set at run time makes `gc` visible in contexts created afterwards */
function obtainGc (): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc
  if (typeof existing === 'function') return existing
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? gc as () => void : undefined
  } catch {
    return undefined
  }
}

/** Starts the periodic check; undefined when this runtime cannot run a full GC on demand */
export function startHeapSettler (options: HeapSettleOptions = {}): HeapSettler | undefined {
  const intervalMs = options.intervalMs ?? 5000
  const minSlack = options.minSlackBytes ?? DEFAULT_MIN_SLACK_BYTES
  const minRatio = options.minRatio ?? 2
  const checks = options.checks ?? 2
  const minGapMs = options.minGapMs ?? 15_000
  const gc = obtainGc()
  if (gc == null) { log('no way to run a full GC here: heap settling off'); return undefined }

  let streak = 0
  let last = -Infinity
  let collections = 0
  const timer = setInterval(() => {
    const { heapTotal, heapUsed } = process.memoryUsage()
    const slack = heapTotal > heapUsed + minSlack && heapTotal > heapUsed * minRatio
    streak = slack ? streak + 1 : 0
    if (streak < checks || Date.now() - last < minGapMs) return
    const started = Date.now()
    gc()
    const after = process.memoryUsage()
    last = Date.now()
    streak = 0
    collections++
    log('full GC after load: heap %d MiB (%d used) -> %d MiB (%d used) in %d ms',
      Math.round(heapTotal / MIB), Math.round(heapUsed / MIB), Math.round(after.heapTotal / MIB), Math.round(after.heapUsed / MIB), last - started)
  }, intervalMs)
  timer.unref()
  return {
    get collections () { return collections },
    stop () { clearInterval(timer) }
  }
}
