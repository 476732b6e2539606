/**
 * The memory of a real `cairn daemon` process under many gateway downloads, as the kernel counts
 * it (peak RSS, Linux): it must not grow with the number of clients times the file size. A reader
 * that kept each block it had served until its file ended held the whole file per client (about
 * 2 GiB here); `pnpm bench:gateway-load` measures the same at full scale.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'
import { MIB, RssSampler, downloadConcurrently, mib, resetPeakRss, rssBytes, writeRandomFile } from './fixtures/load.ts'

const CLIENTS = 64
const FILE_BYTES = 32 * MIB
/** Generous: the daemon starts near 250 MiB and peaks well under 512 MiB; whole files per client is 2 GiB more */
const PEAK_RSS_BOUND_BYTES = 1024 * MIB
const DOWNLOAD_TIMEOUT_MS = 120_000
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

interface Context { dir: string, daemon?: Daemon, cid: string, sha256: string }

const test = suite<Context>('daemon memory under load', { dir: '', cid: '', sha256: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-daemon-memory-'))
  const repo = join(ctx.dir, 'repo')
  const file = join(ctx.dir, 'file')
  await ok(['init', '--profile=test'], { repo })
  ctx.sha256 = await writeRandomFile(file, FILE_BYTES)
  ctx.cid = (await ok(['add', '-q', file], { repo, timeoutMs: 60_000 })).out.trim()
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

test.run()
