/**
 * The memory of a real `cairn daemon` process under many gateway downloads, and under many other
 * nodes fetching over Bitswap, as the kernel counts it (peak RSS, Linux): it must not grow with
 * the number of clients times the file size. A reader that kept each block it had served until its
 * file ended held the whole file per client (about 2 GiB here); `pnpm bench:gateway-load` measures
 * the same at full scale.
 *
 * Its own bounds (two adds of 60 s, the daemon's start, a warm-up and a burst of 120 s each, the
 * Bitswap round's 300 s) add up past the runner's default 300 s, which would kill the spec on a
 * slow machine before any of its own messages could say what was slow (it took 143 s at one CI
 * run's load, 25 s on a quiet machine).
 * @timeout-ms 780000
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'
import { MIB, RssSampler, bitswapFetchConcurrently, downloadConcurrently, mib, resetPeakRss, rssBytes, writeRandomFile } from './fixtures/load.ts'

const CLIENTS = 64
const FILE_BYTES = 32 * MIB
/** Generous: the daemon starts near 250 MiB and peaks well under 512 MiB; whole files per client is 2 GiB more */
const PEAK_RSS_BOUND_BYTES = 1024 * MIB
const DOWNLOAD_TIMEOUT_MS = 120_000
/** Fetched by as many Bitswap nodes: whole files per client would be 1 GiB more than the daemon's start */
const BITSWAP_FILE_BYTES = 16 * MIB
/** Per client process (16 nodes each): 256 MiB through Noise at a loaded machine's pace */
const BITSWAP_TIMEOUT_MS = 300_000
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

interface Context { dir: string, daemon?: Daemon, cid: string, sha256: string, bitswapCid: string, bitswapSha256: string }

const test = suite<Context>('daemon memory under load', { dir: '', cid: '', sha256: '', bitswapCid: '', bitswapSha256: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-daemon-memory-'))
  const repo = join(ctx.dir, 'repo')
  const file = join(ctx.dir, 'file')
  await ok(['init', '--profile=test'], { repo })
  ctx.sha256 = await writeRandomFile(file, FILE_BYTES)
  ctx.cid = (await ok(['add', '-q', file], { repo, timeoutMs: 60_000 })).out.trim()
  ctx.bitswapSha256 = await writeRandomFile(file, BITSWAP_FILE_BYTES, 11)
  ctx.bitswapCid = (await ok(['add', '-q', file], { repo, timeoutMs: 60_000 })).out.trim()
  ctx.daemon = await startDaemon(repo, LISTEN)
})

test.after(async (ctx) => {
  await ctx.daemon?.stop()
  await rm(ctx.dir, { recursive: true, force: true })
})

test(`${CLIENTS} concurrent gateway downloads of a ${FILE_BYTES / MIB} MiB file: byte-exact, peak RSS under ${mib(PEAK_RSS_BOUND_BYTES)}`, async (ctx) => {
  const pid = ctx.daemon!.child.pid!
  const url = `${ctx.daemon!.gatewayUrl}/ipfs/${ctx.cid}`
  const [warm] = await downloadConcurrently(url, 1, { timeoutMs: DOWNLOAD_TIMEOUT_MS })
  assert.is(warm.sha256, ctx.sha256)
  const before = await rssBytes(pid)
  await resetPeakRss(pid)
  const sampler = new RssSampler(pid)
  let results
  try {
    results = await downloadConcurrently(url, CLIENTS, { timeoutMs: DOWNLOAD_TIMEOUT_MS })
  } finally {
    sampler.stop()
  }
  for (const r of results) {
    assert.equal({ status: r.status, length: r.length, sha256: r.sha256 }, { status: 200, length: FILE_BYTES, sha256: ctx.sha256 })
  }
  const peak = await sampler.peak()
  assert.ok(peak < PEAK_RSS_BOUND_BYTES, `peak RSS ${mib(peak)} (${mib(before)} before ${CLIENTS} clients), bound ${mib(PEAK_RSS_BOUND_BYTES)}`)
})

test(`${CLIENTS} nodes fetching a ${BITSWAP_FILE_BYTES / MIB} MiB file over Bitswap at once: byte-exact, peak RSS under ${mib(PEAK_RSS_BOUND_BYTES)}`, async (ctx) => {
  const pid = ctx.daemon!.child.pid!
  const before = await rssBytes(pid)
  await resetPeakRss(pid)
  const sampler = new RssSampler(pid)
  let results
  try {
    results = await bitswapFetchConcurrently(ctx.daemon!.swarm[0], ctx.bitswapCid, CLIENTS, { timeoutMs: BITSWAP_TIMEOUT_MS })
  } finally {
    sampler.stop()
  }
  assert.is(results.length, CLIENTS)
  for (const r of results) assert.equal({ length: r.length, sha256: r.sha256 }, { length: BITSWAP_FILE_BYTES, sha256: ctx.bitswapSha256 })
  const peak = await sampler.peak()
  assert.ok(peak < PEAK_RSS_BOUND_BYTES, `peak RSS ${mib(peak)} (${mib(before)} before ${CLIENTS} nodes), bound ${mib(PEAK_RSS_BOUND_BYTES)}`)
})

test.run()
