/**
 * The gateway benchmark (`pnpm bench:gateway`), all in one process on loopback:
 *
 * 1. one large stored file streamed through Cairn's gateway, MB/s, beside plain `node:http`
 *    streaming the same bytes from a file (the ceiling);
 * 2. a 1 KiB file under 32 connections (autocannon): requests/s and p50/p99 latency for Cairn,
 *    for `@helia/verified-fetch` serving the same block from an in-process Helia node, and for
 *    plain `node:http` answering the same bytes from memory; then the same 1 KiB file inside a
 *    directory (`/ipfs/{dir}/file.bin`: path resolution) for Cairn and verified-fetch.
 *
 * Env: BENCH_GATEWAY_BYTES (default 1 GiB; 0 skips the large file), BENCH_GATEWAY_PASSES (default 3),
 * BENCH_GATEWAY_SECONDS (one autocannon run, default 5), BENCH_GATEWAY_ROUNDS (interleaved runs per
 * server, best kept, default 3), BENCH_GATEWAY_CONNECTIONS (default 32).
 * Temp files are removed at the end.
 */
import autocannon from 'autocannon'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { Worker } from 'node:worker_threads'
import type { RequestListener, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import type { CID } from 'multiformats/cid'
import { createVerifiedFetchWithHelia } from '@helia/verified-fetch'
import { createHeliaLight } from 'helia'
import { withHTTP } from '@helia/http'
import { createNode, TEST_PROFILE } from '@cairn/node'
import { createGateway } from '../src/index.ts'

const BYTES = Number(process.env.BENCH_GATEWAY_BYTES ?? 1024 * 1024 * 1024)
const SECONDS = Number(process.env.BENCH_GATEWAY_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_GATEWAY_CONNECTIONS ?? 32)
const PASSES = Number(process.env.BENCH_GATEWAY_PASSES ?? 3)
const ROUNDS = Number(process.env.BENCH_GATEWAY_ROUNDS ?? 3)
const MB = 1e6

async function listen (handler: RequestListener): Promise<{ server: Server, url: string }> {
  const server = createServer(handler)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

async function close (server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
}

const DOWNLOADER = `
const { parentPort, workerData } = require('node:worker_threads')
const { request } = require('node:http')
const started = process.hrtime.bigint()
request(workerData.url, res => {
  let n = 0
  res.on('data', c => { n += c.length })
  res.on('end', () => parentPort.postMessage({ status: res.statusCode, n, seconds: Number(process.hrtime.bigint() - started) / 1e9 }))
}).on('error', err => parentPort.postMessage({ error: err.message })).end()
`

/**
 * Downloads `url` from a worker thread (so the client does not share the servers' event loop)
 * and returns MB/s; checks the length so a short answer cannot look fast
 */
async function download (url: string, expected: number): Promise<number> {
  const worker = new Worker(DOWNLOADER, { eval: true, workerData: { url } })
  const [r] = await once(worker, 'message') as [{ status: number, n: number, seconds: number, error?: string }]
  await worker.terminate()
  if (r.error != null || r.status !== 200 || r.n !== expected) throw new Error(`${url}: ${r.error ?? `status ${r.status}, ${r.n} of ${expected} bytes`}`)
  return r.n / MB / r.seconds
}

/** CPU time of this thread (the servers'; the load generator has its own), µs, where Node has it (23.9+) */
const threadCpu = (): number => {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.()
  return usage == null ? NaN : usage.user + usage.system
}

async function load (url: string): Promise<{ rps: number, p50: number, p99: number, errors: number, cpuPerRequest: number }> {
  // the load generator runs in a worker thread: sharing the servers' event loop would measure it instead
  const cpu = threadCpu()
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, workers: 1 })
  // server CPU per request does not depend on how much of the machine others take, unlike req/s
  const cpuPerRequest = (threadCpu() - cpu) / Math.max(1, r.requests.total)
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuPerRequest }
}

async function writeFile (path: string, bytes: number): Promise<void> {
  // deterministic, incompressible-looking bytes, written in 1 MiB pieces
  const out = createWriteStream(path)
  const piece = Buffer.alloc(1024 * 1024)
  for (let written = 0, seed = 1; written < bytes; written += piece.length) {
    for (let i = 0; i < piece.length; i += 4) { seed = Math.imul(seed, 1664525) + 1013904223 | 0; piece.writeInt32LE(seed, i) }
    if (!out.write(piece.subarray(0, Math.min(piece.length, bytes - written)))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const loadAtStart = loadavg().map(l => l.toFixed(1)).join(' ')
const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-gateway-'))
const rows: string[] = []
try {
  const filePath = join(dir, 'large.bin')
  if (BYTES > 0) await writeFile(filePath, BYTES)
  const size = BYTES > 0 ? (await stat(filePath)).size : 0

  const node = await createNode({ repoPath: join(dir, 'repo'), offline: true, initIfMissing: true, config: TEST_PROFILE })
  const gateway = await createGateway(node, { gateway: { port: 0 }, api: false })
  await gateway.start()
  try {
    let plainMBs = 0
    let cairnMBs = 0
    if (BYTES > 0) {
    let large: CID | undefined
    for await (const r of node.add([{ path: '', content: createReadStream(filePath) }], { cidVersion: 1 })) large = r.cid
    const ceiling = await listen((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(size), 'Content-Type': 'application/octet-stream' })
      // read in 256 KiB pieces, the size of Cairn's blocks, so the ceiling is not handicapped by 64 KiB reads
      createReadStream(filePath, { highWaterMark: 256 * 1024 }).pipe(res)
    })
    // alternating passes after a warm-up, best of PASSES each: on a shared machine the best pass
    // is the one least disturbed by other work
    await download(`${ceiling.url}/`, size)
    await download(`${gateway.gatewayUrl}/ipfs/${large}`, size)
    for (let pass = 0; pass < PASSES; pass++) {
      plainMBs = Math.max(plainMBs, await download(`${ceiling.url}/`, size))
      cairnMBs = Math.max(cairnMBs, await download(`${gateway.gatewayUrl}/ipfs/${large}`, size))
    }
    await close(ceiling.server)
    }

    // the small file: one raw block, the same CID for Cairn and Helia
    const small = new Uint8Array(1024).map((_, i) => (i * 13) % 256)
    let smallCid: CID | undefined
    for await (const r of node.add([{ path: '', content: small }], { cidVersion: 1 })) smallCid = r.cid
    const smallBlock = await node.block.get(smallCid!)
    // the same file inside a directory: `/ipfs/{dir}/file.bin` resolves a path first
    let dirCid: CID | undefined
    for await (const r of node.add([{ path: 'site/file.bin', content: small }, { path: 'site/other.txt', content: new TextEncoder().encode('other\n') }], { cidVersion: 1 })) dirCid = r.cid
    const dirBlocks: CID[] = [dirCid!]
    for await (const entry of node.ls(dirCid!)) dirBlocks.push(entry.cid)
    // Helia needs a block broker to build sessions; the HTTP one with no gateways never leaves the process
    const helia = withHTTP(createHeliaLight(), { delegatedRouters: [], recursiveGateways: [] })
    await helia.start()
    await helia.blockstore.put(smallCid as never, smallBlock)
    for (const cid of dirBlocks) await helia.blockstore.put(cid as never, await node.block.get(cid))
    const verifiedFetch = await createVerifiedFetchWithHelia(helia)
    const heliaServer = await listen((req, res) => {
      verifiedFetch(`ipfs://${req.url === '/dir' ? `${dirCid}/file.bin` : smallCid}`).then(async r => {
        const body = Buffer.from(await r.arrayBuffer())
        res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/octet-stream', 'Content-Length': String(body.length) })
        res.end(body)
      }, () => { res.writeHead(500); res.end() })
    })
    const plainSmall = await listen((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(small.length) })
      res.end(small)
    })
    // every server answers correctly before it is timed
    for (const url of [`${gateway.gatewayUrl}/ipfs/${smallCid}`, `${gateway.gatewayUrl}/ipfs/${dirCid}/file.bin`, `${heliaServer.url}/`, `${heliaServer.url}/dir`, `${plainSmall.url}/`]) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer())
      if (!body.equals(small)) throw new Error(`${url} did not answer the 1 KiB file`)
    }
    // interleaved rounds, best of ROUNDS for each: on a shared machine the best round is the one
    // least disturbed by other work (and the first round warms every server up)
    const targets = [`${plainSmall.url}/`, `${gateway.gatewayUrl}/ipfs/${smallCid}`, `${heliaServer.url}/`, `${gateway.gatewayUrl}/ipfs/${dirCid}/file.bin`, `${heliaServer.url}/dir`]
    const best: Array<Awaited<ReturnType<typeof load>>> = []
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < targets.length; i++) {
        const l = await load(targets[i])
        if (best[i] == null || l.rps > best[i].rps) best[i] = l
      }
    }
    const [plainLoad, cairnLoad, heliaLoad, cairnDirLoad, heliaDirLoad] = best
    await close(heliaServer.server)
    await close(plainSmall.server)
    await verifiedFetch.stop()
    await helia.stop()

    const fmt = (n: number, d = 0): string => n.toFixed(d).padStart(9)
    rows.push(`load average at start: ${loadAtStart}`)
    if (BYTES > 0) {
      rows.push(`large file: ${(size / 1024 / 1024).toFixed(0)} MiB, best of ${PASSES} passes, MB/s`)
      rows.push(`  node:http from a file (ceiling)   ${fmt(plainMBs)}`)
      rows.push(`  Cairn gateway /ipfs/<cid>         ${fmt(cairnMBs)}   ${(cairnMBs / plainMBs * 100).toFixed(0)}% of the ceiling (target >= 70%)`)
    }
    rows.push(`1 KiB file, ${CONNECTIONS} connections, best of ${ROUNDS} x ${SECONDS} s:     req/s       p50 ms   p99 ms   errors   server CPU µs/req`)
    const table: Array<[string, typeof plainLoad]> = [
      ['node:http from memory (ceiling)', plainLoad],
      ['Cairn /ipfs/{cid}', cairnLoad],
      ['verified-fetch ipfs://{cid}', heliaLoad],
      ['Cairn /ipfs/{dir}/file.bin', cairnDirLoad],
      ['verified-fetch ipfs://{dir}/file.bin', heliaDirLoad]
    ]
    for (const [name, l] of table) rows.push(`  ${name.padEnd(37)}${fmt(l.rps)}  ${fmt(l.p50, 1)}${fmt(l.p99, 1)}   ${String(l.errors).padEnd(6)}${fmt(l.cpuPerRequest, 1)}`)
    const ratios = (c: typeof plainLoad, h: typeof plainLoad): string =>
      `${(c.rps / plainLoad.rps * 100).toFixed(0)}% of node:http (target >= 50%), ${(c.rps / h.rps).toFixed(2)}x verified-fetch (target >= 3x); ` +
      `server CPU per request ${(c.cpuPerRequest / plainLoad.cpuPerRequest).toFixed(2)}x node:http's, ${(h.cpuPerRequest / c.cpuPerRequest).toFixed(1)}x less than verified-fetch's`
    rows.push(`  Cairn /ipfs/{cid}:           ${ratios(cairnLoad, heliaLoad)}`)
    rows.push(`  Cairn /ipfs/{dir}/file.bin:  ${ratios(cairnDirLoad, heliaDirLoad)}`)
  } finally {
    await gateway.stop()
    await node.stop()
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
process.stdout.write(rows.join('\n') + '\n')
