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

let tuned = false

/**
 * Applies {@link GC_TUNING_FLAGS} to this process's V8. Process-wide (every isolate, workers
 * included) and idempotent; the `cairn` CLI calls it at startup. `@cairn/node` never calls it by
 * itself: a library should not change its host's garbage collector. Call it first thing in your
 * own process if that process runs a node that fetches or serves large content.
 */
export function tuneGarbageCollector (): void {
  if (tuned) return
  tuned = true
  for (const flag of GC_TUNING_FLAGS) setFlagsFromString(flag)
}
