/**
 * Garbage-collector tuning for a process that moves a lot of block data.
 *
 * Block data lives in ArrayBuffers (V8 calls that "external memory"). By default V8 starts a
 * full mark-compact for every 64 MiB of new external memory, however small the JavaScript heap
 * is: a node receiving 256 MiB over Bitswap allocates about three times that (socket reads,
 * decrypted Noise frames, the messages themselves) and so ran a major GC every ~100 ms, which
 * cost as much CPU as decrypting. With V8's `--external-memory-accounted-in-global-limit`, external
 * memory counts toward the heap's global limit instead, which grows with what is actually live.
 */
import { setFlagsFromString } from 'node:v8'

export const GC_TUNING_FLAGS = ['--external-memory-accounted-in-global-limit'] as const

/** The first V8 known to have {@link GC_TUNING_FLAGS}: Node 24's. Node 20 and 22 lack the flag */
const GC_TUNING_V8_MIN: readonly [number, number] = [13, 6]

/**
 * True when this V8 (`process.versions.v8` by default) knows {@link GC_TUNING_FLAGS}. V8 does not
 * throw on an unknown flag: it prints `Error: unrecognized flag ...` on stderr, which a CLI must not.
 */
export function supportsGcTuning (v8Version: string = process.versions.v8): boolean {
  const [major, minor] = v8Version.split('.').map(Number)
  return major > GC_TUNING_V8_MIN[0] || (major === GC_TUNING_V8_MIN[0] && minor >= GC_TUNING_V8_MIN[1])
}

let tuned = false

/**
 * Applies {@link GC_TUNING_FLAGS} to this process's V8 when it knows them (Node 24 and later; on
 * older Node it does nothing, silently). Process-wide (every isolate, workers included) and idempotent; the `cairn` CLI calls it at startup. `@cairn/node` never calls it by
 * itself: a library should not change its host's garbage collector. Call it first thing in your
 * own process if that process runs a node that fetches or serves large content.
 */
export function tuneGarbageCollector (): void {
  if (tuned) return
  tuned = true
  if (!supportsGcTuning()) return
  for (const flag of GC_TUNING_FLAGS) setFlagsFromString(flag)
}
