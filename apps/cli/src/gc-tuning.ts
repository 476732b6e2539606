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
 * limit instead, which grows with the live heap like the rest: the dead Buffers still go at the
 * next young-generation collection (they die young), and full collections follow the live heap.
 * Measured in `pnpm bench:replicate` (README): about 0.6x the CPU-seconds per copy.
 */
import { setFlagsFromString } from 'node:v8'

/** The first Node whose V8 has the flag: older ones print "unrecognized flag" and go on */
const MIN_NODE_MAJOR = 24

export const GC_TUNING_FLAGS = ['--external-memory-accounted-in-global-limit']

/** True unless the operator turned it off (`CAIRN_GC_TUNING=off`, `0` or `false`) */
export function gcTuningEnabled (env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CAIRN_GC_TUNING ?? '').toLowerCase()
  return v !== 'off' && v !== '0' && v !== 'false'
}

/** Sets `GC_TUNING_FLAGS` on this process's V8 when enabled and known to it; returns whether it did */
export function applyGcTuning (env: NodeJS.ProcessEnv = process.env, nodeVersion = process.versions.node): boolean {
  if (!gcTuningEnabled(env) || Number(nodeVersion.split('.')[0]) < MIN_NODE_MAJOR) return false
  for (const flag of GC_TUNING_FLAGS) setFlagsFromString(flag)
  return true
}
