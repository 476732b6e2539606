/**
 * One measured step of `pnpm bench:gc`, in a process of its own so that its peak RSS
 * (`process.resourceUsage().maxRSS`) is that step's alone. Prints one JSON line. Also the peak of
 * anonymous RSS (`RssAnon` in /proc/self/status, sampled every 10 ms): LevelDB reads its table
 * files through mmap, so the total counts file pages of the index that were read, which the
 * kernel can drop at any time; the anonymous part is the process's own memory (heap, buffers,
 * LevelDB's caches).
 *
 *   gc-child.ts <path> build <leaves> <seed>   put a wide DAG (test/fixtures/wide-dag.ts)
 *   gc-child.ts <path> build-mixed <leaves> <seed>
 *                                              two wide DAGs, of leaves/10 (its root printed, to pin) and 9 x leaves/10
 *   gc-child.ts <path> open                    open and close: the baseline
 *   gc-child.ts <path> pin <cid> | rm <cid>    pins.add / pins.rm
 *   gc-child.ts <path> gc                      a full GC
 *   gc-child.ts <path> gc-adds <n>             small adds (4 leaves and a root, pinned) one after another:
 *                                              n before GC, then windows with and without GC in turn until a
 *                                              full GC is done, then n after it: their latencies
 *   gc-child.ts <path> set-mark                the mark phase GC had before: a Set of every pinned multihash
 */
import { readFileSync } from 'node:fs'
import { CID } from 'multiformats/cid'
import { createBlockstore } from '../src/index.ts'
import { PREFIX_COUNT, PREFIX_DIRECT, keyString, multihashLength, prefixRange } from '../src/encoding.ts'
import { smallDag } from '../test/fixtures/blocks.ts'
import { putWideDag } from '../test/fixtures/wide-dag.ts'
import type { Level } from 'level'

const [path, op, arg, seed] = process.argv.slice(2)
let peakAnonKb = 0
const sampleAnon = (): void => {
  try {
    const m = /RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (m != null) peakAnonKb = Math.max(peakAnonKb, Number(m[1]))
  } catch {}
}
const sampler = setInterval(sampleAnon, 10)
const store = await createBlockstore({ path })
const started = performance.now()
const cpuStart = process.cpuUsage()
const out: Record<string, unknown> = { op }
if (op === 'build') {
  const dag = await putWideDag(store, Number(arg), Number(seed))
  Object.assign(out, { root: dag.root.toString(), blocks: dag.blocks })
} else if (op === 'build-mixed') {
  const pinned = await putWideDag(store, Math.round(Number(arg) / 10), Number(seed))
  const garbage = await putWideDag(store, Math.round(Number(arg) * 9 / 10), Number(seed) + 1000)
  Object.assign(out, { root: pinned.root.toString(), pinnedBlocks: pinned.blocks, blocks: pinned.blocks + garbage.blocks })
} else if (op === 'pin') {
  await store.pins.add(CID.parse(arg))
} else if (op === 'rm') {
  await store.pins.rm(CID.parse(arg))
} else if (op === 'gc') {
  let removed = 0
  for await (const _ of store.gc()) removed++
  out.removed = removed
} else if (op === 'gc-adds') {
  // Without and with GC interleaved, WINDOW adds at a time, so that both see the same machine
  // (this one is shared, and its load swings by 3x within seconds): GC is an async generator that
  // works only while pulled, so a window without GC stops pulling and waits for the step under
  // way (at most one sweep batch) to end before its first add. Touch records stay on meanwhile
  // (the sweep has begun), so the adds without GC also write theirs; n adds before GC began and
  // n after it ended are reported too, as baselines with none.
  const WINDOW = 50
  let seed = 1
  const add = async (): Promise<number> => {
    const dag = await smallDag(seed++, 4, 1024)
    const t = performance.now()
    await store.withAddLock(async () => {
      await store.putBlocks(dag.blocks)
      await store.pins.add(dag.root)
    })
    return performance.now() - t
  }
  const stats = (ms: number[]): { n: number, medianMs: number, p99Ms: number, worstMs: number } => {
    const sorted = [...ms].sort((a, b) => a - b)
    const at = (q: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] * 10) / 10
    return { n: ms.length, medianMs: at(0.5), p99Ms: at(0.99), worstMs: Math.round(sorted[sorted.length - 1] * 10) / 10 }
  }
  const before: number[] = []
  for (let i = 0; i < Number(arg ?? 300); i++) before.push(await add())

  const gcStart = performance.now()
  const run = store.gc()[Symbol.asyncIterator]()
  let removed = 0
  let sweptAt = 0
  let gcDone = false
  let gcMs = 0
  let gcError: unknown
  // Pulls the GC while `pulling`; resolves when it stops pulling (a yield reached) or GC ends
  let pulling = false
  const pump = async (): Promise<void> => {
    while (pulling && !gcDone) {
      const t = performance.now()
      const step = await run.next().catch((err: unknown) => { gcError = err; return { done: true as const, value: undefined } })
      gcMs += performance.now() - t
      if (step.done === true) gcDone = true
      else {
        removed++
        sweptAt = performance.now()
      }
    }
  }
  const withGc: number[] = []
  const without: number[] = []
  const when: Array<{ atMs: number, removed: number, ms: number }> = []
  while (!gcDone) {
    pulling = true
    const pumping = pump()
    for (let i = 0; i < WINDOW && !gcDone; i++) {
      const ms = await add()
      withGc.push(ms)
      when.push({ atMs: Math.round(performance.now() - gcStart), removed, ms: Math.round(ms) })
    }
    pulling = false
    await pumping
    if (gcDone) break
    for (let i = 0; i < WINDOW; i++) without.push(await add())
  }
  if (gcError != null) throw gcError
  // and as many after it, once the GC has ended (its deletes may still be compacting in LevelDB)
  const after: number[] = []
  for (let i = 0; i < before.length; i++) after.push(await add())
  const slowest = when.sort((a, b) => b.ms - a.ms).slice(0, 8)
  Object.assign(out, {
    removed,
    // GC's own time: while it was pulled (the windows without it stand still)
    gcMs: Math.round(gcMs),
    wallMs: Math.round(performance.now() - gcStart),
    sweepMs: Math.round(sweptAt - gcStart),
    alone: stats(before),
    after: stats(after),
    without: stats(without),
    duringGc: stats(withGc),
    slowest
  })
} else if (op === 'set-mark') {
  // What GC did before: collect every pinned multihash, then look each block up in it
  const db = (store as unknown as { db: Level<Uint8Array, Uint8Array> }).db
  const live = new Set<string>()
  for (const prefix of [PREFIX_COUNT, PREFIX_DIRECT]) {
    for await (const key of db.keys(prefixRange(prefix))) live.add(keyString(key.subarray(1, 1 + multihashLength(key, 1))))
  }
  out.marked = live.size
} else if (op !== 'open') {
  throw new Error(`unknown op ${op}`)
}
const cpu = process.cpuUsage(cpuStart)
await store.close()
out.ms = Math.round(performance.now() - started)
out.cpuMs = Math.round((cpu.user + cpu.system) / 1000)
sampleAnon()
clearInterval(sampler)
out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
out.peakAnonMb = Math.round(peakAnonKb / 1024)
process.stdout.write(`${JSON.stringify(out)}\n`)
