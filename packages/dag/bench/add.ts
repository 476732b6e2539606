/**
 * The body of `pnpm bench:add` (scripts/bench-add.ts), kept in the package so that the oracle
 * libraries resolve from its devDependencies.
 *
 *   1 GiB deterministic file, Kubo defaults (CIDv0) and --cid-version=1:
 *     @cairn/dag into @cairn/blockstore   vs   ipfs-unixfs-importer into blockstore-level
 *     and single-core node:crypto SHA-256 over the same bytes as the ceiling
 *   the same CIDv0 import into a store that discards every block, to show the builder alone
 *   10,000 small files (1-4 KiB) as one wrapped directory: files/s, same pair of stores
 *
 * Each variant runs in its own child process so its peak RSS is its own. The machine is shared:
 * compare ratios within one run. The small-file variants run BENCH_SMALL_ROUNDS times (default 5),
 * alternating, and keep each side's best round. Env: BENCH_MB (default 1024), BENCH_SMALL_FILES
 * (default 10000), BENCH_DIR (default os.tmpdir()), BENCH_ONLY (comma-separated variant names).
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MiB, report, runChild, smallFiles, table, writeDeterministicFile, type ChildResult } from './common.ts'

const script = fileURLToPath(import.meta.url)

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv[5])
} else {
  await parent()
}

async function parent (): Promise<void> {
  const mb = Number(process.env.BENCH_MB ?? 1024)
  const smallCount = Number(process.env.BENCH_SMALL_FILES ?? 10_000)
  const only = process.env.BENCH_ONLY?.split(',')
  const smallRounds = Number(process.env.BENCH_SMALL_ROUNDS ?? 5)
  const base = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'cairn-bench-add-'))
  try {
    const file = join(base, 'data.bin')
    await writeDeterministicFile(file, mb * MiB)
    process.stdout.write(`bench:add  ${mb} MiB deterministic file, ${smallCount} small files; one child process per variant\n`)
    // the small-file runs take seconds and this machine is noisy: alternate a few rounds, keep each side's best
    const schedule = ['sha256', 'cairn-v0', 'helia-v0', 'cairn-v1', 'helia-v1', 'cairn-v0-discard', 'helia-v0-discard']
    for (let round = 0; round < smallRounds; round++) schedule.push('cairn-small', 'helia-small')
    const results = new Map<string, ChildResult>()
    for (const v of schedule) {
      if (only != null && !only.includes(v)) continue
      const storeDir = join(base, `store-${v}`)
      const r = await runChild(script, v, [file, storeDir, String(smallCount)])
      await rm(storeDir, { recursive: true, force: true })
      const best = results.get(v)
      if (best == null || r.seconds < best.seconds) results.set(v, r)
    }
    const rate = (v: string): number => results.has(v) ? mb / results.get(v)!.seconds : NaN
    const files = (v: string): number => results.has(v) ? smallCount / results.get(v)!.seconds : NaN
    // CPU time spent per unit of work is steadier than wall time on a loaded machine
    const cpuRatio = (a: string, b: string): string => results.has(a) && results.has(b) ? ((results.get(b)!.cpuSeconds as number) / (results.get(a)!.cpuSeconds as number)).toFixed(1) + 'x' : '-'
    const rss = (v: string): string => results.has(v) ? results.get(v)!.rssMb.toFixed(0) : '-'
    const f1 = (n: number): string => Number.isNaN(n) ? '-' : n.toFixed(1)
    const rows = [
      ['variant', 'cairn', 'helia', 'ratio', 'CPU ratio', 'cairn RSS MB', 'helia RSS MB', 'of SHA-256'],
      ['add 1 file, Kubo default (MB/s)', f1(rate('cairn-v0')), f1(rate('helia-v0')), f1(rate('cairn-v0') / rate('helia-v0')) + 'x', cpuRatio('cairn-v0', 'helia-v0'), rss('cairn-v0'), rss('helia-v0'), (100 * rate('cairn-v0') / rate('sha256')).toFixed(0) + '%'],
      ['importer alone, store discards (MB/s)', f1(rate('cairn-v0-discard')), f1(rate('helia-v0-discard')), f1(rate('cairn-v0-discard') / rate('helia-v0-discard')) + 'x', cpuRatio('cairn-v0-discard', 'helia-v0-discard'), rss('cairn-v0-discard'), rss('helia-v0-discard'), (100 * rate('cairn-v0-discard') / rate('sha256')).toFixed(0) + '%'],
      ['add 1 file, --cid-version=1 (MB/s)', f1(rate('cairn-v1')), f1(rate('helia-v1')), f1(rate('cairn-v1') / rate('helia-v1')) + 'x', cpuRatio('cairn-v1', 'helia-v1'), rss('cairn-v1'), rss('helia-v1'), (100 * rate('cairn-v1') / rate('sha256')).toFixed(0) + '%'],
      [`add ${smallCount} small files -w (files/s)`, files('cairn-small').toFixed(0), files('helia-small').toFixed(0), f1(files('cairn-small') / files('helia-small')) + 'x', cpuRatio('cairn-small', 'helia-small'), rss('cairn-small'), rss('helia-small'), '-'],
      ['SHA-256 single core, node:crypto (MB/s)', f1(rate('sha256')), '-', '-', '-', '-', '-', '100%']
    ]
    process.stdout.write(table(rows) + '\n')
    for (const [a, b] of [['cairn-v0', 'helia-v0'], ['cairn-v1', 'helia-v1'], ['cairn-v0-discard', 'helia-v0-discard'], ['cairn-small', 'helia-small']]) {
      const ca = results.get(a)?.cid
      const cb = results.get(b)?.cid
      if (ca != null && cb != null) process.stdout.write(`${a} ${ca} ${ca === cb ? '==' : '!= (MISMATCH)'} ${b}\n`)
    }
  } finally {
    await rm(base, { recursive: true, force: true })
  }
}

async function child (variant: string, file: string, storeDir: string): Promise<void> {
  const smallCount = Number(process.argv[6])
  if (variant === 'sha256') {
    // the ceiling: hash every 256 KiB chunk of the file once, reading it as the importers do
    const fh = await open(file, 'r')
    const buf = Buffer.allocUnsafe(MiB)
    let hashSeconds = 0
    while (true) {
      const { bytesRead } = await fh.read(buf, 0, MiB, null)
      if (bytesRead === 0) break
      const t0 = process.hrtime.bigint()
      for (let o = 0; o < bytesRead; o += 262_144) createHash('sha256').update(buf.subarray(o, Math.min(o + 262_144, bytesRead))).digest()
      hashSeconds += Number(process.hrtime.bigint() - t0) / 1e9
    }
    await fh.close()
    report({ seconds: hashSeconds })
    return
  }
  if (variant.startsWith('cairn')) {
    const { createBlockstore } = await import('@cairn/blockstore')
    const { importer, fileSource } = await import('../src/index.ts')
    // `-discard`: a putter that drops every block, to see the builder without the store
    const store = variant.endsWith('-discard')
      ? { putBlock: async () => {}, putBlocks: async () => {}, close: async () => {} }
      : await createBlockstore({ path: storeDir })
    // keep the last result's CID, made a string only once the clock has stopped
    let cid: unknown
    // the small files are made before the clock starts: only the import is measured
    const small = variant === 'cairn-small' ? smallFiles(smallCount) : []
    const t0 = process.hrtime.bigint()
    const cpu0 = process.cpuUsage()
    if (variant === 'cairn-small') {
      for await (const r of importer(small, store, { wrapWithDirectory: true })) cid = r.cid
    } else {
      for await (const r of importer(fileSource([file]), store, { cidVersion: variant === 'cairn-v1' ? 1 : 0 })) cid = r.cid
    }
    await store.close()
    report({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: cpuSince(cpu0), cid: String(cid) })
    return
  }
  const { importer } = await import('ipfs-unixfs-importer')
  const { LevelBlockstore } = await import('blockstore-level')
  const { BlackHoleBlockstore } = await import('blockstore-core/black-hole')
  const store = variant.endsWith('-discard') ? new BlackHoleBlockstore() : new LevelBlockstore(storeDir)
  if (store instanceof LevelBlockstore) await store.open()
  let cid: unknown
  const small = variant === 'helia-small' ? smallFiles(smallCount) : []
  const t0 = process.hrtime.bigint()
  const cpu0 = process.cpuUsage()
  const v1 = { profile: 'unixfs-v0-2015' as const, cidVersion: 1 as const, rawLeaves: true }
  if (variant === 'helia-small') {
    for await (const r of importer(small, store, { profile: 'unixfs-v0-2015', wrapWithDirectory: true })) cid = r.cid
  } else {
    const content = createReadStream(file, { highWaterMark: MiB })
    for await (const r of importer([{ path: 'data.bin', content }], store, variant === 'helia-v1' ? v1 : { profile: 'unixfs-v0-2015' })) cid = r.cid
  }
  if (store instanceof LevelBlockstore) await store.close()
  report({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: cpuSince(cpu0), cid: String(cid) })
}

/** CPU seconds (user + system, every thread of the process) since `start` */
function cpuSince (start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start)
  return (d.user + d.system) / 1e6
}
