/**
 * How V8 paces full collections against Buffer memory, set by the `cairn` process on itself at
 * start (`CAIRN_GC_TUNING=off` leaves V8's default).
 *
 * Every byte the node moves passes through a few short-lived Buffers (socket reads, Noise
 * decryption, Bitswap message assembly, the hash worker's round trip, pack reads). By default V8
 * starts a full mark-compact of the whole heap each time about 64 MiB of such off-heap memory was
 * allocated since the last one, however little of it is still alive: one 256 MiB fetch cost about
 * 16 full collections of a 35-50 MiB heap, 15-17% of the fetching daemon's main thread in profiles.
 * With `--external-memory-accounted-in-global-limit` that memory counts toward V8's global heap
 * limit instead, which grows with the live heap like the rest: the dead Buffers mostly go at the
 * next young-generation collection (they die young), and full collections follow the live heap.
 *
 * That limit alone let dead Buffers pile up under many peers at once (64 Bitswap clients: peak
 * RSS 617 MiB against 318 MiB with V8's default), so a check every `intervalMs` also starts a full
 * GC once the process holds more than `bufferCapBytes` of Buffer memory, live or dead: Buffers
 * are then collected per `bufferCapBytes` allocated at most, not per 64 MiB.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** The first Node whose V8 has the flag: older ones print "unrecognized flag" and go on */
const MIN_NODE_MAJOR = 24
const MIB = 1024 * 1024

export const GC_TUNING_FLAGS = ['--external-memory-accounted-in-global-limit']
/** Buffer memory (live and dead) past which a full GC is started (`process.memoryUsage().arrayBuffers`) */
export const DEFAULT_BUFFER_CAP_BYTES = 160 * MIB
/** How often the Buffer memory is checked (`process.memoryUsage()` took ~0.5% of a busy daemon's main thread at 50 ms) */
export const DEFAULT_BUFFER_CHECK_MS = 100
/** At least this long between two full GCs the cap starts (one may still be marking) */
const MIN_GAP_MS = 200

export interface GcTuningOptions {
  /** Default `DEFAULT_BUFFER_CAP_BYTES` (160 MiB) */
  bufferCapBytes?: number
  /** Default `DEFAULT_BUFFER_CHECK_MS` (100 ms) */
  intervalMs?: number
}

export interface GcTuning {
  /** Full GCs the Buffer cap started so far */
  readonly collections: number
  stop(): void
}

type Gc = (options?: { type?: 'major' | 'minor', execution?: 'sync' | 'async' }) => void

/** True unless the operator turned it off (`CAIRN_GC_TUNING=off`, `0` or `false`) */
export function gcTuningEnabled (env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CAIRN_GC_TUNING ?? '').toLowerCase()
  return v !== 'off' && v !== '0' && v !== 'false'
}

/**
 * Sets `GC_TUNING_FLAGS` on this process's V8 and starts the Buffer cap when enabled and known to
 * this Node; undefined when it did not (the cap's timer never keeps the process alive)
 */
export function applyGcTuning (env: NodeJS.ProcessEnv = process.env, nodeVersion = process.versions.node, options: GcTuningOptions = {}): GcTuning | undefined {
  if (!gcTuningEnabled(env) || Number(nodeVersion.split('.')[0]) < MIN_NODE_MAJOR) return undefined
  // without a way to start a full GC the cap cannot hold: V8's default pacing is kept then
  const gc = obtainGc()
  if (gc == null) return undefined
  for (const flag of GC_TUNING_FLAGS) setFlagsFromString(flag)
  const cap = options.bufferCapBytes ?? DEFAULT_BUFFER_CAP_BYTES
  let collections = 0
  let last = -Infinity
  const timer = setInterval(() => {
    if (process.memoryUsage().arrayBuffers < cap || performance.now() - last < MIN_GAP_MS) return
    last = performance.now()
    collections++
    gc({ type: 'major', execution: 'async' })
  }, options.intervalMs ?? DEFAULT_BUFFER_CHECK_MS)
  timer.unref()
  return {
    get collections () { return collections },
    stop () { clearInterval(timer) }
  }
}

/** V8's GC: `--expose-gc` set at run time makes `gc` visible in contexts created afterwards (as heap-settle.ts) */
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
