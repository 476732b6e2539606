/**
 * The body of `pnpm bench:blockstore` (scripts/bench-blockstore.ts), kept in the package so that
 * `level` and `multiformats` resolve from the package's own dependencies.
 *
 *   write  putMany of BENCH_MB MiB in 256 KiB raw blocks  vs  raw level batch writes of the same values
 *   read   BENCH_READS random getBlock calls              vs  raw level gets of the same keys
 *
 * Both run in the same process on the same bytes (random, so LevelDB's compression cannot help).
 * Writes: each side writes everything in turn, and its time includes closing the store, which
 * for LevelDB waits for the flushes and compactions its writes set off (its second write of every
 * value); BENCH_ROUNDS rounds (default 2) on fresh folders, the order swapped each round, times
 * summed. Reads then run interleaved, 64 reads to one side and 64 to the other, order swapped each
 * time, so both see the same machine load (this machine is shared and its load swings by 3x
 * within seconds).
 *
 * Env: BENCH_MB (default 1024), BENCH_READS (default 4096), BENCH_ROUNDS (default 2),
 * BENCH_READ_SLICE (default 64), BENCH_LEVEL_BATCH (256 KiB values per raw level batch; default
 * 256 = 64 MiB, the batch putMany commits, where level did best here), BENCH_DIR (default
 * os.tmpdir()).
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
const rounds = Number(env.BENCH_ROUNDS ?? 2)
const count = Math.floor(totalMb * MiB / BLOCK)
const base = await mkdtemp(join(env.BENCH_DIR ?? tmpdir(), 'cairn-bench-blockstore-'))
const mb = count * BLOCK / MiB
const readMb = reads * BLOCK / MiB

process.stdout.write(`blockstore bench: ${count} blocks of 256 KiB (${mb.toFixed(0)} MiB) x ${rounds} rounds, ${reads} random reads\n`)
const data = new Uint8Array(count * BLOCK)
for (let o = 0; o < data.length; o += 64 * MiB) randomFillSync(data, o, Math.min(64 * MiB, data.length - o))
const blocks = await Promise.all(Array.from({ length: count }, async (_, i) => {
  const bytes = data.subarray(i * BLOCK, (i + 1) * BLOCK)
  return { cid: CID.createV1(0x55, await sha256.digest(bytes)), bytes }
}))
const order = Array.from({ length: reads }, () => Math.floor(Math.random() * count))

const READ_SLICE = Number(env.BENCH_READ_SLICE ?? 64)
async function seconds (fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e9
}

const levelOptions = { keyEncoding: 'view', valueEncoding: 'view' } as const
const time = { levelWrite: 0, cairnWrite: 0, levelRead: 0, cairnRead: 0 }
const roundRatios: string[] = []

async function writeLevel (dir: string): Promise<number> {
  return seconds(async () => {
    const db = new Level<Uint8Array, Uint8Array>(dir, levelOptions)
    await db.open()
    for (let i = 0; i < count; i += levelBatch) {
      await db.batch(blocks.slice(i, i + levelBatch).map(b => ({ type: 'put' as const, key: b.cid.multihash.bytes, value: b.bytes })))
    }
    await db.close()
  })
}

async function writeCairn (dir: string): Promise<number> {
  return seconds(async () => {
    const store = await createBlockstore({ path: dir })
    for await (const _ of store.putMany(blocks)) { /* drain */ }
    await store.close()
  })
}

try {
  for (let round = 0; round < rounds; round++) {
    const levelDir = join(base, `level-${round}`)
    const cairnDir = join(base, `cairn-${round}`)
    let levelWrite: number
    let cairnWrite: number
    if (round % 2 === 0) {
      levelWrite = await writeLevel(levelDir)
      cairnWrite = await writeCairn(cairnDir)
    } else {
      cairnWrite = await writeCairn(cairnDir)
      levelWrite = await writeLevel(levelDir)
    }
    time.levelWrite += levelWrite
    time.cairnWrite += cairnWrite
    roundRatios.push(`${(levelWrite / cairnWrite).toFixed(2)}x`)

    if (round === rounds - 1) {
      const db = new Level<Uint8Array, Uint8Array>(levelDir, levelOptions)
      await db.open()
      const store = await createBlockstore({ path: cairnDir })
      try {
        const stats = await store.stats()
        if (stats.blocks !== count || stats.bytes !== count * BLOCK) throw new Error(`stats say ${stats.blocks} blocks`)
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
      } finally {
        await store.close()
        await db.close()
      }
    }
    await rm(levelDir, { recursive: true, force: true })
    await rm(cairnDir, { recursive: true, force: true })
  }
} finally {
  await rm(base, { recursive: true, force: true })
}

const pad = (s: string, n: number): string => s.padEnd(n)
const rows: Array<[string, number, number]> = [
  [`write: putMany vs level batch of ${levelBatch}`, rounds * mb / time.levelWrite, rounds * mb / time.cairnWrite],
  ['random read: getBlock vs level get', readMb / time.levelRead, readMb / time.cairnRead]
]
process.stdout.write(`${pad('operation', 40)}${pad('level MB/s', 12)}${pad('cairn MB/s', 12)}cairn/level\n`)
for (const [name, level, cairn] of rows) {
  process.stdout.write(`${pad(name, 40)}${pad(level.toFixed(0), 12)}${pad(cairn.toFixed(0), 12)}${(cairn / level).toFixed(2)}x\n`)
}
process.stdout.write(`write ratio per round: ${roundRatios.join(' ')}\n`)
