/**
 * The Pinning Service API's HTTP face over a real node and service: statuses and `Failure` bodies
 * for bad input (malformed CIDs, unknown and other tokens' request ids, oversized meta, limit out of
 * range, bad JSON, missing or wrong tokens), and nothing queued or pinned by any of them.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, initRepo } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import { createPinningService, createToken, nodeComponents } from '@cairn/pinning-service'
import type { PinningService } from '@cairn/pinning-service'
import { createPinningServiceServer } from '../src/index.ts'
import type { PinningServiceServer } from '../src/index.ts'

interface Context {
  dir: string
  node?: CairnNode
  service?: PinningService
  server?: PinningServiceServer
  alice: string
  bob: string
}

const test = suite<Context>('Pinning Service API over HTTP', { dir: '', alice: '', bob: '' })
const V0 = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'

async function call (ctx: Context, method: string, path: string, token: string | undefined, body?: string): Promise<{ status: number, json: any, headers: Headers }> {
  const res = await fetch(`${ctx.server!.url!}${path}`, {
    method,
    headers: { ...(token != null ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    ...(body != null ? { body } : {}),
    signal: AbortSignal.timeout(10_000)
  })
  const text = await res.text()
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text), headers: res.headers }
}

function failure (r: { status: number, json: any }, status: number, reason: string, details?: RegExp): void {
  assert.is(r.status, status, JSON.stringify(r.json))
  assert.equal(Object.keys(r.json), ['error'])
  assert.is(r.json.error.reason, reason)
  assert.type(r.json.error.details, 'string')
  if (details != null) assert.match(r.json.error.details, details)
}

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-pinsvc-http-'))
  await initRepo(ctx.dir, { profile: 'test' })
  ctx.node = await createNode({ repoPath: ctx.dir, reprovideInitialDelayMs: 600_000 })
  ctx.alice = (await createToken(ctx.dir, { name: 'alice' })).token
  ctx.bob = (await createToken(ctx.dir, { name: 'bob' })).token
  ctx.service = await createPinningService(nodeComponents(ctx.node), { repoPath: ctx.dir, stallTimeoutMs: 60_000 })
  await ctx.service.start()
  ctx.server = createPinningServiceServer(ctx.service, { port: 0 })
  await ctx.server.start()
})

test.after(async (ctx) => {
  await ctx.server?.stop()
  await ctx.service?.stop()
  await ctx.node?.stop()
  await rm(ctx.dir, { recursive: true, force: true })
})

test('no token, a wrong token, a malformed header: 401 UNAUTHORIZED with WWW-Authenticate', async (ctx) => {
  failure(await call(ctx, 'GET', '/pins', undefined), 401, 'UNAUTHORIZED', /missing/)
  const wrong = await call(ctx, 'GET', '/pins', 'cairn-pst-nope')
  failure(wrong, 401, 'UNAUTHORIZED', /invalid or revoked/)
  assert.is(wrong.headers.get('www-authenticate'), 'Bearer')
  const res = await fetch(`${ctx.server!.url!}/pins`, { headers: { Authorization: `Basic ${ctx.alice}` } })
  assert.is(res.status, 401)
})

test('bad input answers 400 BAD_REQUEST and queues nothing', async (ctx) => {
  failure(await call(ctx, 'POST', '/pins', ctx.alice, JSON.stringify({ cid: 'not-a-cid' })), 400, 'BAD_REQUEST', /invalid cid 'not-a-cid'/)
  failure(await call(ctx, 'POST', '/pins', ctx.alice, JSON.stringify({ name: 'no cid' })), 400, 'BAD_REQUEST')
  failure(await call(ctx, 'POST', '/pins', ctx.alice, '{"cid":'), 400, 'BAD_REQUEST', /not JSON/)
  failure(await call(ctx, 'POST', '/pins', ctx.alice, JSON.stringify({ cid: V0, meta: { big: 'x'.repeat(100_000) } })), 400, 'BAD_REQUEST', /meta is \d+ bytes as JSON/)
  failure(await call(ctx, 'POST', '/pins', ctx.alice, JSON.stringify({ cid: V0, meta: { n: 5 } })), 400, 'BAD_REQUEST', /must be a string/)
  failure(await call(ctx, 'POST', '/pins', ctx.alice, JSON.stringify({ cid: V0, name: 'n'.repeat(256) })), 400, 'BAD_REQUEST', /max 255/)
  failure(await call(ctx, 'POST', '/pins', ctx.alice, 'x'.repeat(2 * 1024 * 1024)), 413, 'PAYLOAD_TOO_LARGE')
  failure(await call(ctx, 'GET', '/pins?limit=0', ctx.alice), 400, 'BAD_REQUEST', /limit must be a whole number from 1 to 1000/)
  failure(await call(ctx, 'GET', '/pins?limit=1001', ctx.alice), 400, 'BAD_REQUEST')
  failure(await call(ctx, 'GET', '/pins?status=lost', ctx.alice), 400, 'BAD_REQUEST', /status/)
  failure(await call(ctx, 'GET', '/pins?cid=nope', ctx.alice), 400, 'BAD_REQUEST', /invalid cid/)
  failure(await call(ctx, 'GET', `/pins?meta=${encodeURIComponent('{bad')}`, ctx.alice), 400, 'BAD_REQUEST', /meta/)
  const all = await call(ctx, 'GET', '/pins?status=queued,pinning,pinned,failed', ctx.alice)
  assert.equal(all.json, { count: 0, results: [] })
  let pins = 0
  for await (const _ of ctx.node!.pin.ls({ type: 'recursive' })) pins++
  assert.is(pins, 0)
})

test('unknown request ids and another token\'s: 404 NOT_FOUND for get, replace and delete', async (ctx) => {
  failure(await call(ctx, 'GET', '/pins/no-such-id', ctx.alice), 404, 'NOT_FOUND', /no pin request with requestid 'no-such-id'/)
  failure(await call(ctx, 'DELETE', '/pins/no-such-id', ctx.alice), 404, 'NOT_FOUND')
  failure(await call(ctx, 'POST', '/pins/no-such-id', ctx.alice, JSON.stringify({ cid: V0 })), 404, 'NOT_FOUND')
  const mine = await call(ctx, 'POST', '/pins', ctx.bob, JSON.stringify({ cid: V0 }))
  assert.is(mine.status, 202)
  const id = mine.json.requestid as string
  failure(await call(ctx, 'GET', `/pins/${id}`, ctx.alice), 404, 'NOT_FOUND')
  failure(await call(ctx, 'POST', `/pins/${id}`, ctx.alice, JSON.stringify({ cid: V0 })), 404, 'NOT_FOUND')
  failure(await call(ctx, 'DELETE', `/pins/${id}`, ctx.alice), 404, 'NOT_FOUND')
  assert.is((await call(ctx, 'GET', `/pins/${id}`, ctx.bob)).status, 200, 'bob\'s request survived alice\'s attempts')
  // a replace with a bad body leaves the original in place
  failure(await call(ctx, 'POST', `/pins/${id}`, ctx.bob, JSON.stringify({ cid: 'bad' })), 400, 'BAD_REQUEST')
  assert.is((await call(ctx, 'GET', `/pins/${id}`, ctx.bob)).status, 200)
  const del = await call(ctx, 'DELETE', `/pins/${id}`, ctx.bob)
  assert.is(del.status, 202)
})

test('unknown paths 404, wrong methods 405 with Allow, CORS preflight 204', async (ctx) => {
  failure(await call(ctx, 'GET', '/nope', ctx.alice), 404, 'NOT_FOUND', /no such endpoint/)
  const put = await call(ctx, 'PUT', '/pins', ctx.alice, '{}')
  failure(put, 405, 'METHOD_NOT_ALLOWED')
  assert.is(put.headers.get('allow'), 'GET, POST')
  const pre = await fetch(`${ctx.server!.url!}/pins`, { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' } })
  assert.is(pre.status, 204)
  assert.is(pre.headers.get('access-control-allow-origin'), '*')
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Authorization/)
})

test.run()
