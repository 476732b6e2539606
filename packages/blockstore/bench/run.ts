/**
 * The body of `pnpm bench:blockstore` (scripts/bench-blockstore.ts), kept in the package so that
 * `level` and `multiformats` resolve from the package's own dependencies.
 * @cairn/blockstore against raw `level` on the same data, in one run.
 *
 *   writes  putMany of BENCH_MB MiB in 256 KiB raw blocks  vs  level batch writes of the same values
 *   reads   BENCH_READS random gets                          vs  level gets of the same keys
 *
 * Env: BENCH_MB (default 1024), BENCH_READS (default 4096), BENCH_LEVEL_BATCH (blocks per raw
 * level batch, default 32), BENCH_DIR (default the OS temp folder).
 */
import { randomFillSync } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBlockstore } from '../src/index.ts'
import { Level } from 'level'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'

const MiB = 1024 * 1024
const BLOCK = 256 * 1024
const totalMb = Number(process.env.BENCH_MB ?? 1024)
const reads = Number(process.env.BENCH_READS ?? 4096)
const levelBatch = Number(process.env.BENCH_LEVEL_BATCH ?? 32)
const count = Math.floor(totalMb * MiB / BLOCK)
const base = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'cairn-bench-blockstore-'))

process.stdout.write(`blockstore bench: ${count} blocks of 256 KiB (${(count * BLOCK / MiB).toFixed(0)} MiB), ${reads} random reads\n`)
const data = new Uint8Array(count * BLOCK)
for (let o = 0; o < data.length; o += 64 * MiB) randomFillSync(data, o, Math.min(64 * MiB, data.length - o))
const blocks = await Promise.all(Array.from({ length: count }, async (_, i) => {
  const bytes = data.subarray(i * BLOCK, (i + 1) * BLOCK)
  return { cid: CID.createV1(0x55, await sha256.digest(bytes)), bytes }
}))
const order = Array.from({ length: reads }, () => Math.floor(Math.random() * count))

async function timed (fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e9
}

const results: Array<{ name: string, level: number, cairn: number }> = []
try {
  // raw level: multihash → bytes, batched
  const db = new Level<Uint8Array, Uint8Array>(join(base, 'level'), { keyEncoding: 'view', valueEncoding: 'view' })
  await db.open()
  const levelWrite = await timed(async () => {
    for (let i = 0; i < count; i += levelBatch) {
      await db.batch(blocks.slice(i, i + levelBatch).map(b => ({ type: 'put' as const, key: b.cid.multihash.bytes, value: b.bytes })))
    }
  })
  const levelRead = await timed(async () => {
    for (const i of order) {
      const v = await db.get(blocks[i].cid.multihash.bytes)
      if (v?.byteLength !== BLOCK) throw new Error('level read failed')
    }
  })
  await db.close()

  const store = await createBlockstore({ path: join(base, 'cairn') })
  const cairnWrite = await timed(async () => {
    for await (const _ of store.putMany(blocks)) { /* drain */ }
  })
  const cairnRead = await timed(async () => {
    for (const i of order) {
      const v = await store.getBlock(blocks[i].cid)
      if (v.byteLength !== BLOCK) throw new Error('cairn read failed')
    }
  })
  const stats = await store.stats()
  if (stats.blocks !== count) throw new Error(`expected ${count} blocks, stats say ${stats.blocks}`)
  await store.close()

  const mb = count * BLOCK / MiB
  const readMb = reads * BLOCK / MiB
  results.push({ name: `write (putMany vs batch of ${levelBatch})`, level: mb / levelWrite, cairn: mb / cairnWrite })
  results.push({ name: 'random read (get)', level: readMb / levelRead, cairn: readMb / cairnRead })
} finally {
  await rm(base, { recursive: true, force: true })
}

const pad = (s: string, n: number): string => s.padEnd(n)
process.stdout.write(`${pad('operation', 32)}${pad('level MB/s', 12)}${pad('cairn MB/s', 12)}cairn/level\n`)
for (const r of results) {
  process.stdout.write(`${pad(r.name, 32)}${pad(r.level.toFixed(0), 12)}${pad(r.cairn.toFixed(0), 12)}${(r.cairn / r.level).toFixed(2)}x\n`)
}
