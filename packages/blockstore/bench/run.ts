/**
 * The body of `pnpm bench:blockstore` (scripts/bench-blockstore.ts), kept in the package so that
 * `level` and `multiformats` resolve from the package's own dependencies.
 *
 *   write  putMany of BENCH_MB MiB in 256 KiB raw blocks  vs  raw level batch writes of the same values
 *   read   BENCH_READS random getBlock calls              vs  raw level gets of the same keys
 *
 * Both run in the same process on the same bytes (random, so LevelDB's compression cannot help),
 * interleaved: 64 MiB of writes (or 64 reads) to one, then the same to the other, the order
 * swapped each time, and each side's time summed. This machine is shared and its load swings by
 * 3x within seconds; interleaving gives both sides the same conditions.
 *
 * Env: BENCH_MB (default 1024), BENCH_READS (default 4096), BENCH_READ_SLICE (default 64),
 * BENCH_LEVEL_BATCH (256 KiB values per raw level batch; default 256 = 64 MiB, the batch putMany
 * commits, where level did best here), BENCH_DIR (default os.tmpdir()).
 */
import { randomFillSync } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Level } from 'level'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { createBlockstore } from '../src/index.ts'

const MiB = 1024 * 1024
const BLOCK = 256 * 1024
const env = process.env
const totalMb = Number(env.BENCH_MB ?? 1024)
const reads = Number(env.BENCH_READS ?? 4096)
const levelBatch = Number(env.BENCH_LEVEL_BATCH ?? 256)
const count = Math.floor(totalMb * MiB / BLOCK)
const base = await mkdtemp(join(env.BENCH_DIR ?? tmpdir(), 'cairn-bench-blockstore-'))
const mb = count * BLOCK / MiB
const readMb = reads * BLOCK / MiB

process.stdout.write(`blockstore bench: ${count} blocks of 256 KiB (${mb.toFixed(0)} MiB), ${reads} random reads, interleaved\n`)
const data = new Uint8Array(count * BLOCK)
for (let o = 0; o < data.length; o += 64 * MiB) randomFillSync(data, o, Math.min(64 * MiB, data.length - o))
const blocks = await Promise.all(Array.from({ length: count }, async (_, i) => {
  const bytes = data.subarray(i * BLOCK, (i + 1) * BLOCK)
  return { cid: CID.createV1(0x55, await sha256.digest(bytes)), bytes }
}))
const order = Array.from({ length: reads }, () => Math.floor(Math.random() * count))

const WRITE_SLICE_BLOCKS = 256
const READ_SLICE = Number(env.BENCH_READ_SLICE ?? 64)

async function seconds (fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e9
}

const db = new Level<Uint8Array, Uint8Array>(join(base, 'level'), { keyEncoding: 'view', valueEncoding: 'view' })
await db.open()
const store = await createBlockstore({ path: join(base, 'cairn') })
const time = { levelWrite: 0, cairnWrite: 0, levelRead: 0, cairnRead: 0 }
try {
  for (let s = 0; s * WRITE_SLICE_BLOCKS < count; s++) {
    const slice = blocks.slice(s * WRITE_SLICE_BLOCKS, (s + 1) * WRITE_SLICE_BLOCKS)
    const level = async (): Promise<void> => {
      time.levelWrite += await seconds(async () => {
        for (let i = 0; i < slice.length; i += levelBatch) {
          await db.batch(slice.slice(i, i + levelBatch).map(b => ({ type: 'put' as const, key: b.cid.multihash.bytes, value: b.bytes })))
        }
      })
    }
    const cairn = async (): Promise<void> => {
      time.cairnWrite += await seconds(async () => {
        for await (const _ of store.putMany(slice)) { /* drain */ }
      })
    }
    if (s % 2 === 0) { await level(); await cairn() } else { await cairn(); await level() }
  }
  for (let s = 0; s * READ_SLICE < reads; s++) {
    const slice = order.slice(s * READ_SLICE, (s + 1) * READ_SLICE)
    const level = async (): Promise<void> => {
      time.levelRead += await seconds(async () => {
        for (const i of slice) {
          const v = await db.get(blocks[i].cid.multihash.bytes)
          if (v?.byteLength !== BLOCK) throw new Error('level read failed')
        }
      })
    }
    const cairn = async (): Promise<void> => {
      time.cairnRead += await seconds(async () => {
        for (const i of slice) {
          const v = await store.getBlock(blocks[i].cid)
          if (v.byteLength !== BLOCK) throw new Error('cairn read failed')
        }
      })
    }
    if (s % 2 === 0) { await level(); await cairn() } else { await cairn(); await level() }
  }
  const stats = await store.stats()
  if (stats.blocks !== count || stats.bytes !== count * BLOCK) throw new Error(`stats say ${stats.blocks} blocks`)
} finally {
  await store.close()
  await db.close()
  await rm(base, { recursive: true, force: true })
}

const pad = (s: string, n: number): string => s.padEnd(n)
const rows: Array<[string, number, number]> = [
  [`write: putMany vs level batch of ${levelBatch}`, mb / time.levelWrite, mb / time.cairnWrite],
  ['random read: getBlock vs level get', readMb / time.levelRead, readMb / time.cairnRead]
]
process.stdout.write(`${pad('operation', 40)}${pad('level MB/s', 12)}${pad('cairn MB/s', 12)}cairn/level\n`)
for (const [name, level, cairn] of rows) {
  process.stdout.write(`${pad(name, 40)}${pad(level.toFixed(0), 12)}${pad(cairn.toFixed(0), 12)}${(cairn / level).toFixed(2)}x\n`)
}
