/**
 * `pnpm bench:mfs`: MFS against `add` on one offline node (real LevelDB repo in a temp folder),
 * every figure a ratio within this run:
 *
 *   1. `files write` of a deterministic stream (1 GiB) beside `add` of the same bytes (MB/s)
 *   2. `files cp` from /ipfs/ and `files mv` of that file and of a 1 MiB one (time independent of size)
 *   3. 10,000 `files write`s of 1 KiB into one directory (which shards) with flush=false (a flush
 *      every 256, Kubo's limit) beside `add -r` of the same files (files/s)
 *   4. `files write --offset` of 4 KiB into the middle of the big file: blocks written
 *
 * Env: BENCH_MB (default 1024), BENCH_SMALL_FILES (default 10000), BENCH_ROUNDS (default 2, part 1),
 * BENCH_DIR (default the OS temp dir).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode } from '../src/index.ts'

const MB = Number(process.env.BENCH_MB ?? 1024)
const SMALL = Number(process.env.BENCH_SMALL_FILES ?? 10_000)
const CHUNK = 1 << 20
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)

/** Deterministic pseudo-random bytes, 1 MiB at a time (xorshift, so no two chunks are equal) */
async function * stream (mib: number, seed = 1): AsyncGenerator<Uint8Array> {
  let x = seed >>> 0 || 1
  for (let i = 0; i < mib; i++) {
    const chunk = new Uint8Array(CHUNK)
    const view = new Uint32Array(chunk.buffer)
    for (let j = 0; j < view.length; j++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0
      view[j] = x
    }
    yield chunk
  }
}

const secondsSince = (t: number): number => (performance.now() - t) / 1000
const fmt = (n: number, d = 1): string => n.toFixed(d)

const dir = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'cairn-bench-mfs-'))
const node = await createNode({ repoPath: join(dir, 'repo'), offline: true, initIfMissing: true })
const f = node.files
try {
  console.log(`MFS bench: ${MB} MiB stream, ${SMALL} small files (load average ${(await import('node:os')).loadavg()[0].toFixed(1)})\n`)

  // 1. files write vs add: each run on new bytes (a second run of the same bytes would find its
  // blocks stored), alternating so that neither always runs on the colder store
  const ratios: string[] = []
  let added
  let best = { add: 0, write: 0 }
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now()
    for await (const r of node.add([{ path: '', content: stream(MB, 10 + 2 * round) }])) added = r
    const addS = secondsSince(t)
    t = performance.now()
    await f.write(`/big-${round}`, stream(MB, 11 + 2 * round), { create: true })
    const writeS = secondsSince(t)
    best = { add: Math.max(best.add, MB / addS), write: Math.max(best.write, MB / writeS) }
    ratios.push(fmt(addS / writeS, 2))
    console.log(`1. round ${round + 1}: files write ${MB} MiB ${fmt(MB / writeS)} MB/s; add ${fmt(MB / addS)} MB/s; write/add = ${fmt(addS / writeS, 2)}`)
  }
  console.log(`1. files write / add per round: ${ratios.join(', ')}; best of each: ${fmt(best.write)} vs ${fmt(best.add)} MB/s = ${fmt(best.write / best.add, 2)} (target >= 0.80)`)
  await f.mv('/big-0', '/big')

  // 2. cp and mv are O(1): the big file beside a 1 MiB one
  let small
  for await (const r of node.add([{ path: '', content: stream(1, 3) }])) small = r
  const time = async (fn: () => Promise<void>, runs = 20): Promise<number> => {
    const start = performance.now()
    for (let i = 0; i < runs; i++) await fn()
    return (performance.now() - start) / runs
  }
  let n = 0
  const cpBig = await time(async () => { await f.cp(`/ipfs/${added!.cid.toString()}`, `/cp-big-${n++}`) })
  const cpSmall = await time(async () => { await f.cp(`/ipfs/${small!.cid.toString()}`, `/cp-small-${n++}`) })
  let m = 0
  const mvBig = await time(async () => { await f.mv(`/cp-big-${m}`, `/mv-big-${m}`); m++ })
  m = 0
  const mvSmall = await time(async () => { await f.mv(`/cp-small-${20 + m}`, `/mv-small-${m}`); m++ })
  console.log(`2. files cp from /ipfs/: ${MB} MiB ${fmt(cpBig, 2)} ms, 1 MiB ${fmt(cpSmall, 2)} ms (ratio ${fmt(cpBig / cpSmall, 2)}); files mv: ${fmt(mvBig, 2)} ms vs ${fmt(mvSmall, 2)} ms (ratio ${fmt(mvBig / mvSmall, 2)})`)

  // 3. many small writes into one directory vs add -r of the same files
  const body = (i: number): Uint8Array => {
    const b = new Uint8Array(1024)
    new DataView(b.buffer).setUint32(0, i)
    b.fill(i % 251, 4)
    return b
  }
  const name = (i: number): string => `file-${String(i).padStart(6, '0')}.bin`
  await f.mkdir('/many')
  let t = performance.now()
  for (let i = 0; i < SMALL; i++) {
    await f.write(`/many/${name(i)}`, body(i), { create: true, flush: false })
    if ((i + 1) % 256 === 0) await f.flush()
  }
  await f.flush()
  const mfsS = secondsSince(t)
  t = performance.now()
  let dirResult
  for await (const r of node.add((function * () { for (let i = 0; i < SMALL; i++) yield { path: `many/${name(i)}`, content: body(i) } })())) dirResult = r
  const addRS = secondsSince(t)
  const mfsDir = await f.stat('/many')
  console.log(`3. ${SMALL} files write of 1 KiB (flush=false, flush every 256): ${fmt(SMALL / mfsS, 0)} files/s; add -r: ${fmt(SMALL / addRS, 0)} files/s; ratio ${fmt(addRS / mfsS, 2)} (target >= 0.50); same CID as add -r: ${String(mfsDir.cid.equals(dirResult!.cid))}, HAMT root links ${mfsDir.blocks}`)

  // 4. a small write in the middle of the big file
  const before = node.blockstore.counters().writes
  t = performance.now()
  await f.write('/big', new Uint8Array(4096).fill(7), { offset: Math.floor(MB * CHUNK / 2) })
  const offsetMs = performance.now() - t
  const blocks = node.blockstore.counters().writes - before
  console.log(`4. files write --offset of 4 KiB into the middle of ${MB} MiB: ${blocks} blocks written (leaf, file nodes on the path, MFS root), ${fmt(offsetMs, 1)} ms`)
} finally {
  await node.stop()
  await rm(dir, { recursive: true, force: true })
}
