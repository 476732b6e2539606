/**
 * The body of `pnpm bench:cat` (scripts/bench-cat.ts).
 *
 *   a deterministic 1 GiB file imported with Kubo defaults, then read back whole, and 1 MiB ranges
 *   from its middle:  @cairn/dag `cat` over @cairn/blockstore  vs  ipfs-unixfs-exporter over
 *   blockstore-level (the same file imported there by ipfs-unixfs-importer)
 *
 * Each reading variant runs in its own child process. Env: BENCH_MB (default 1024),
 * BENCH_RANGES (default 20 reads of 1 MiB), BENCH_DIR (default os.tmpdir()).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MiB, report, runChild, table, writeDeterministicFile, type ChildResult } from './common.ts'

const script = fileURLToPath(import.meta.url)

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv.slice(4))
} else {
  await parent()
}

async function parent (): Promise<void> {
  const mb = Number(process.env.BENCH_MB ?? 1024)
  const ranges = Number(process.env.BENCH_RANGES ?? 20)
  const base = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'cairn-bench-cat-'))
  try {
    const file = join(base, 'data.bin')
    await writeDeterministicFile(file, mb * MiB)
    const cairnDir = join(base, 'cairn')
    const heliaDir = join(base, 'helia')
    process.stdout.write(`bench:cat  ${mb} MiB deterministic file (Kubo defaults), ${ranges} reads of 1 MiB from the middle; one child per variant\n`)
    const setup = await runChild(script, 'setup', [file, cairnDir, heliaDir])
    if (setup.cid !== setup.heliaCid) throw new Error(`the two imports disagree: ${String(setup.cid)} vs ${String(setup.heliaCid)}`)
    const cid = String(setup.cid)
    const results = new Map<string, ChildResult>()
    for (const v of ['cairn-cat', 'helia-cat', 'cairn-range', 'helia-range']) {
      results.set(v, await runChild(script, v, [v.startsWith('cairn') ? cairnDir : heliaDir, cid, String(mb * MiB), String(ranges)]))
    }
    const r = (v: string): ChildResult => results.get(v)!
    const catRate = (v: string): number => mb / r(v).seconds
    const rangeMs = (v: string): number => 1000 * r(v).seconds / ranges
    process.stdout.write(table([
      ['variant', 'cairn', 'helia', 'ratio', 'cairn RSS MB', 'helia RSS MB'],
      ['cat whole file (MB/s)', catRate('cairn-cat').toFixed(1), catRate('helia-cat').toFixed(1), (catRate('cairn-cat') / catRate('helia-cat')).toFixed(1) + 'x', r('cairn-cat').rssMb.toFixed(0), r('helia-cat').rssMb.toFixed(0)],
      ['cat 1 MiB from the middle (ms/read)', rangeMs('cairn-range').toFixed(2), rangeMs('helia-range').toFixed(2), (rangeMs('helia-range') / rangeMs('cairn-range')).toFixed(1) + 'x', r('cairn-range').rssMb.toFixed(0), r('helia-range').rssMb.toFixed(0)]
    ]) + '\n')
    for (const v of ['cairn-cat', 'helia-cat']) {
      if (r(v).bytes !== mb * MiB) throw new Error(`${v} read ${String(r(v).bytes)} bytes`)
    }
    if (r('cairn-range').checksum !== r('helia-range').checksum) throw new Error('range reads disagree')
    process.stdout.write(`root ${cid}; whole-file and range reads agree between the two readers\n`)
  } finally {
    await rm(base, { recursive: true, force: true })
  }
}

async function child (variant: string, args: string[]): Promise<void> {
  if (variant === 'setup') {
    const [file, cairnDir, heliaDir] = args
    const { createBlockstore } = await import('@cairn/blockstore')
    const { importer, fileSource } = await import('../src/index.ts')
    const store = await createBlockstore({ path: cairnDir })
    let cid = ''
    for await (const r of importer(fileSource([file]), store)) cid = r.cid.toString()
    await store.close()
    const { importer: heliaImporter } = await import('ipfs-unixfs-importer')
    const { LevelBlockstore } = await import('blockstore-level')
    const level = new LevelBlockstore(heliaDir)
    await level.open()
    let heliaCid = ''
    for await (const r of heliaImporter([{ path: 'data.bin', content: createReadStream(file, { highWaterMark: MiB }) }], level, { profile: 'unixfs-v0-2015' })) heliaCid = r.cid.toString()
    await level.close()
    report({ seconds: 0, cid, heliaCid })
    return
  }
  const [dir, cidText, sizeText, rangesText] = args
  const size = Number(sizeText)
  const ranges = Number(rangesText)
  const { CID } = await import('multiformats/cid')
  const cid = CID.parse(cidText)
  // the reads the range variants make: 1 MiB each, stepping through the middle of the file
  const offsets = Array.from({ length: ranges }, (_, i) => Math.floor(size / 2) + i * 65_536 - ranges * 32_768)
  let bytes = 0
  let checksum = 0
  const consume = (chunk: Uint8Array): void => {
    bytes += chunk.byteLength
    checksum = (checksum + chunk[0] + chunk[chunk.byteLength - 1]) % 1_000_000_007
  }
  let readWhole: () => Promise<void>
  let readRange: (offset: number) => Promise<void>
  let close: () => Promise<void>
  if (variant.startsWith('cairn')) {
    const { createBlockstore } = await import('@cairn/blockstore')
    const { cat } = await import('../src/index.ts')
    const store = await createBlockstore({ path: dir })
    readWhole = async () => { for await (const c of cat(cid, store)) consume(c) }
    readRange = async (offset) => { for await (const c of cat(cid, store, { offset, length: MiB })) consume(c) }
    close = async () => { await store.close() }
  } else {
    const { exporter } = await import('ipfs-unixfs-exporter')
    const { LevelBlockstore } = await import('blockstore-level')
    const store = new LevelBlockstore(dir)
    await store.open()
    const read = async (options?: { offset: number, length: number }): Promise<void> => {
      const entry = await exporter(cid, store)
      if (entry.type !== 'file') throw new Error('not a file')
      for await (const c of entry.content(options)) consume(c)
    }
    readWhole = async () => { await read() }
    readRange = async (offset) => { await read({ offset, length: MiB }) }
    close = async () => { await store.close() }
  }
  const t0 = process.hrtime.bigint()
  if (variant.endsWith('-cat')) await readWhole()
  else for (const o of offsets) await readRange(o)
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  await close()
  report({ seconds, bytes, checksum })
}
