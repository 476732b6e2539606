/**
 * `/debug/metrics/prometheus` on the RPC listener, parsed by a Prometheus text parser: every
 * family the node README documents is there, with values that moved when the work was done, and
 * `stats bw` reads the same counter. The pprof-style endpoints answer behind the authorization.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import parse from 'parse-prometheus-text-format'
import { startGateway, startPeer } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'
import type { Family } from 'parse-prometheus-text-format'

const test = suite<{ gw?: RunningGateway, peer?: Awaited<ReturnType<typeof startPeer>> }>('metrics')

const README = join(import.meta.dirname, '../../../packages/node/README.md')
const SECRET = 'Bearer s3cret'

test.before(async (ctx) => {
  ctx.gw = await startGateway({ authorizations: { ops: { AuthSecret: 'bearer:s3cret', AllowedPaths: ['/api/v0', '/debug'] } } }, false)
  ctx.peer = await startPeer()
})

test.after(async (ctx) => {
  await ctx.gw?.stop()
  await ctx.peer?.stop()
})

async function rpc (ctx: { gw?: RunningGateway }, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${ctx.gw!.gateway.apiUrl!}${path}`, { method: 'POST', signal: AbortSignal.timeout(30_000), ...init, headers: { Authorization: SECRET, ...init.headers } })
}

async function scrape (ctx: { gw?: RunningGateway }): Promise<Map<string, Family>> {
  const res = await rpc(ctx, '/debug/metrics/prometheus', { method: 'GET' })
  assert.is(res.status, 200)
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
  return new Map(parse(await res.text()).map(f => [f.name, f]))
}

/** The families of the node README's Metrics tables: the first backticked name of each row */
async function documentedFamilies (): Promise<string[]> {
  const text = await readFile(README, 'utf8')
  const section = text.slice(text.indexOf('\n## Metrics'))
  const body = section.slice(0, section.indexOf('\n## ', 1) > 0 ? section.indexOf('\n## ', 1) : undefined)
  return [...body.matchAll(/^\| `([a-z0-9_:]+)`/gm)].map(m => m[1])
}

const value = (family: Family | undefined, labels: Record<string, string> = {}): number => {
  const sample = family?.metrics.find(m => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
  return Number(sample?.value ?? sample?.count ?? NaN)
}

test('every documented family is scraped, and the counters moved with the work', async (ctx) => {
  const { node } = ctx.gw!
  const peer = ctx.peer!.node
  // work for each part: a fetch over Bitswap served by the gateway, RPC calls, GC
  const bytes = new TextEncoder().encode('metrics '.repeat(40_000))
  let cid = ''
  for await (const r of peer.add([{ path: 'm.txt', content: bytes }], { cidVersion: 1 })) cid = r.cid.toString()
  await node.swarm.connect((await peer.swarm.localAddrs())[0], { signal: AbortSignal.timeout(10_000) })
  const got = await fetch(`${ctx.gw!.gateway.gatewayUrl!}/ipfs/${cid}`, { signal: AbortSignal.timeout(30_000) })
  assert.is(got.status, 200)
  assert.is((await got.arrayBuffer()).byteLength, bytes.byteLength)
  assert.is((await rpc(ctx, '/api/v0/version')).status, 200)
  assert.is((await rpc(ctx, '/api/v0/no-such-command')).status, 404)
  const gc = await rpc(ctx, '/api/v0/repo/gc')
  assert.is(gc.status, 200)
  await gc.text()

  const families = await scrape(ctx)
  const documented = await documentedFamilies()
  assert.ok(documented.length >= 40, `the README documents the families (${documented.length} found)`)
  const missing = documented.filter(name => !families.has(name))
  assert.equal(missing, [], 'every documented family is scraped')

  assert.ok(value(families.get('cairn_bitswap_blocks_received_total')) > 0, 'Bitswap received blocks')
  assert.ok(value(families.get('cairn_bitswap_received_bytes_total')) >= bytes.byteLength)
  assert.ok(value(families.get('cairn_blockstore_writes_total')) > 0, 'the fetched blocks were written')
  assert.ok(value(families.get('cairn_blockstore_reads_total')) > 0, 'and read back for the response')
  assert.is(value(families.get('cairn_gc_runs_total')), 1)
  assert.ok(value(families.get('cairn_http_requests_total'), { listener: 'gateway', route: '/ipfs', code: '200' }) >= 1)
  assert.ok(value(families.get('cairn_http_requests_total'), { listener: 'api', route: '/api/v0/version', code: '200' }) >= 1)
  assert.ok(value(families.get('cairn_http_requests_total'), { listener: 'api', route: 'other', code: '404' }) >= 1, 'unknown commands share one route label')
  assert.ok(value(families.get('cairn_http_response_bytes_total'), { listener: 'gateway', route: '/ipfs' }) >= bytes.byteLength)
  // this parser gives one histogram sample's buckets, without labels: enough to see it observed
  const observed = Number(families.get('cairn_http_request_duration_seconds')?.metrics[0]?.buckets?.['+Inf'] ?? 0)
  assert.ok(observed >= 1, `the latency histogram counted requests (${observed})`)
  assert.ok(value(families.get('libp2p_connection_manager_connections'), { libp2p_connection_manager_connections: 'outbound' }) >= 1)
  assert.ok(value(families.get('process_resident_memory_bytes')) > 0)

  // `stats bitswap` over the RPC (Kubo's JSON) reads the counters the scrape shows
  const stat = await (await rpc(ctx, '/api/v0/stats/bitswap')).json() as Record<string, unknown>
  assert.is(stat.BlocksReceived, value(families.get('cairn_bitswap_blocks_received_total')))
  assert.is(stat.DataReceived, value(families.get('cairn_bitswap_received_bytes_total')))
  assert.is(stat.DupBlksReceived, value(families.get('cairn_bitswap_duplicate_blocks_total')))
  assert.equal(stat.Peers, [peer.peerId])
  assert.equal(stat.Wantlist, [])

  // `stats bw` reads the counter the scrape shows: never less than what was scraped before it
  const scraped = value(families.get('libp2p_data_transfer_bytes_total'), { protocol: 'global received' })
  assert.ok(scraped > bytes.byteLength)
  const bw = await node.stats.bw()
  assert.ok(Number(bw.totalIn) >= scraped, `stats bw ${bw.totalIn} against scraped ${scraped}`)
})

test('the metrics and pprof endpoints are behind the RPC authorization', async (ctx) => {
  const res = await fetch(`${ctx.gw!.gateway.apiUrl!}/debug/metrics/prometheus`, { signal: AbortSignal.timeout(10_000) })
  assert.is(res.status, 403)
  const profile = await fetch(`${ctx.gw!.gateway.apiUrl!}/debug/pprof/profile?seconds=1`, { signal: AbortSignal.timeout(10_000) })
  assert.is(profile.status, 403)
})

test('a CPU profile of N seconds and a heap snapshot, loadable in DevTools', async (ctx) => {
  const started = Date.now()
  const res = await rpc(ctx, '/debug/pprof/profile?seconds=1', { method: 'GET' })
  assert.is(res.status, 200)
  const profile = await res.json() as { nodes: unknown[], startTime: number, endTime: number }
  assert.ok(profile.nodes.length > 0)
  assert.ok(profile.endTime - profile.startTime >= 900_000, 'about a second of samples (microseconds)')
  assert.ok(Date.now() - started >= 1000)
  const bad = await rpc(ctx, '/debug/pprof/profile?seconds=forever', { method: 'GET' })
  assert.is(bad.status, 400)

  const heap = await rpc(ctx, '/debug/pprof/heap', { method: 'GET' })
  assert.is(heap.status, 200)
  const snapshot = JSON.parse(await heap.text()) as { snapshot: { node_count: number } }
  assert.ok(snapshot.snapshot.node_count > 0)
})

test.run()
