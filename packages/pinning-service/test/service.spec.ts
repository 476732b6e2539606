/**
 * The service over two real nodes on 127.0.0.1 (TCP): `origin` holds the data, `server` runs the
 * service. Listing filters and pagination, quotas, replace, local pin ownership, the stall timeout,
 * bounded concurrency and resume after a stop.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createNode, initRepo } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import type { PinStatusObject } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { createPinningService, createToken, nodeComponents } from '../src/index.ts'
import type { PinningService, TokenScope } from '../src/index.ts'

interface Context {
  dir: string
  origin?: CairnNode
  server?: CairnNode
  service?: PinningService
  alice?: TokenScope
  originAddrs: string[]
}

const test = suite<Context>('pinning service', { dir: '', originAddrs: [] })
const WAIT_MS = 20_000

async function node (dir: string, name: string): Promise<CairnNode> {
  const repoPath = join(dir, name)
  await initRepo(repoPath, { profile: 'test' })
  return createNode({ repoPath, reprovideInitialDelayMs: 600_000, fetchTimeoutMs: 20_000 })
}

/** Adds and pins (the add's pin happens once its results are all read) */
async function addBytes (n: CairnNode, bytes: Uint8Array): Promise<string> {
  let cid = ''
  for await (const r of n.add([{ path: 'f', content: bytes }], { pin: true })) cid = r.cid.toString()
  return cid
}

/** A CID nobody has: its fetch can only stall */
async function unreachableCid (seed: string): Promise<string> {
  return CID.create(1, raw.code, await sha256.digest(new TextEncoder().encode(`nowhere ${seed} ${Math.random()}`))).toString()
}

async function settled (scope: TokenScope, requestid: string): Promise<PinStatusObject> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const s = await scope.get(requestid)
    if (s.status === 'pinned' || s.status === 'failed') return s
    if (Date.now() > deadline) throw new Error(`${requestid} still ${s.status}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}

async function isPinned (n: CairnNode, cid: string): Promise<boolean> {
  try {
    for await (const e of n.pin.ls({ type: 'recursive', paths: [cid] })) if (e.type === 'recursive') return true
  } catch {}
  return false
}

async function startService (ctx: Context, init: { stallTimeoutMs?: number, concurrency?: number } = {}): Promise<void> {
  ctx.service = await createPinningService(nodeComponents(ctx.server!), { repoPath: join(ctx.dir, 'server'), stallTimeoutMs: 3_000, ...init })
  await ctx.service.start()
}

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-pinning-service-'))
  ctx.origin = await node(ctx.dir, 'origin')
  ctx.server = await node(ctx.dir, 'server')
  ctx.originAddrs = await ctx.origin.swarm.localAddrs()
  const { token } = await createToken(join(ctx.dir, 'server'), { name: 'alice' })
  await startService(ctx)
  ctx.alice = await ctx.service!.authenticate(token)
})

test.after(async (ctx) => {
  await ctx.service?.stop()
  await Promise.all([ctx.origin?.stop(), ctx.server?.stop()])
  await rm(ctx.dir, { recursive: true, force: true })
})

test('a request goes queued → pinned from its origin, with the spec\'s PinStatus shape', async (ctx) => {
  const cid = await addBytes(ctx.origin!, randomBytes(700_000))
  const created = await ctx.alice!.add({ cid, name: 'seven', origins: ctx.originAddrs, meta: { app: 'a' } })
  assert.match(created.requestid, /^[0-9a-f-]{36}$/)
  assert.ok(['queued', 'pinning'].includes(created.status))
  assert.equal(created.pin, { cid, name: 'seven', origins: ctx.originAddrs, meta: { app: 'a' } })
  assert.ok(!Number.isNaN(Date.parse(created.created)))
  const id = await ctx.server!.id()
  assert.ok(created.delegates.length > 0 && created.delegates.every(d => d.endsWith(`/p2p/${id.id}`)), created.delegates.join())
  const done = await settled(ctx.alice!, created.requestid)
  assert.is(done.status, 'pinned', JSON.stringify(done.info))
  assert.is(done.created, created.created)
  assert.ok(Number(done.info?.dag_size) >= 700_000)
  assert.ok(await isPinned(ctx.server!, cid))
})

test('listing: pinned only by default, status/name/match/cid/meta filters, count and before-pagination', async (ctx) => {
  const ids: string[] = []
  for (let i = 0; i < 5; i++) {
    const cid = await addBytes(ctx.origin!, new TextEncoder().encode(`list ${i}`))
    ids.push((await ctx.alice!.add({ cid, name: `List-${i}`, origins: ctx.originAddrs, meta: { batch: 'L', i: String(i) } })).requestid)
  }
  for (const id of ids) await settled(ctx.alice!, id)
  const stalled = await ctx.alice!.add({ cid: await unreachableCid('list'), name: 'List-stalled' })

  assert.is((await ctx.alice!.list({ name: 'List-', match: 'partial' })).count, 6, 'a filter without status finds every status')
  assert.ok((await ctx.alice!.list({ limit: 100 })).results.every(r => r.status === 'pinned'), 'no filter: pinned only')
  const byName = await ctx.alice!.list({ name: 'List-', match: 'partial', status: ['pinned'] })
  assert.is(byName.count, 5, 'the queued one is not pinned')
  assert.equal(byName.results.map(r => r.requestid), [...ids].reverse(), 'newest first')
  assert.is((await ctx.alice!.list({ name: 'list-', match: 'ipartial', status: ['queued', 'pinning', 'pinned', 'failed'] })).count, 6)
  assert.is((await ctx.alice!.list({ name: 'list-2', match: 'iexact' })).count, 1)
  assert.is((await ctx.alice!.list({ name: 'list-2', match: 'exact' })).count, 0)
  assert.is((await ctx.alice!.list({ name: 'List-2' })).count, 1, 'exact is the default')
  assert.is((await ctx.alice!.list({ meta: { batch: 'L', i: '3' } })).count, 1)
  assert.is((await ctx.alice!.list({ meta: { batch: 'L' }, status: ['pinned'] })).count, 5)
  assert.is((await ctx.alice!.list({ status: ['queued', 'pinning'] })).results.some(r => r.requestid === stalled.requestid), true)

  // the cid filter matches any encoding of the CID
  const first = await ctx.alice!.get(ids[0])
  const v1 = CID.parse(first.pin.cid).toV1().toString()
  assert.is((await ctx.alice!.list({ cid: [v1], cidKeys: new Set([v1]) })).count, 1)

  // two pages of 2 by `before`, no overlap, and `after` the other way
  const page1 = await ctx.alice!.list({ meta: { batch: 'L' }, limit: 2, status: ['pinned'] })
  assert.is(page1.count, 5)
  assert.is(page1.results.length, 2)
  const page2 = await ctx.alice!.list({ meta: { batch: 'L' }, limit: 2, status: ['pinned'], before: new Date(page1.results[1].created) })
  assert.is(page2.count, 3)
  assert.equal(page2.results.map(r => r.requestid), [ids[2], ids[1]])
  const later = await ctx.alice!.list({ meta: { batch: 'L' }, status: ['pinned'], after: new Date(page2.results[0].created) })
  assert.equal(later.results.map(r => r.requestid), [ids[4], ids[3]])
  await ctx.alice!.remove(stalled.requestid)
})

test('a fetch that gets no block within the stall timeout fails with a reason; nothing is pinned', async (ctx) => {
  const cid = await unreachableCid('stall')
  const s = await ctx.alice!.add({ cid })
  const done = await settled(ctx.alice!, s.requestid)
  assert.is(done.status, 'failed')
  assert.match(done.info?.status_details ?? '', /no new block/)
  assert.not.ok(await isPinned(ctx.server!, cid))
  await ctx.alice!.remove(s.requestid)
})

test('replace: a new requestid, the old one gone, the old CID unpinned once the new one is pinned', async (ctx) => {
  const a = await addBytes(ctx.origin!, new TextEncoder().encode('replace me'))
  const b = await addBytes(ctx.origin!, new TextEncoder().encode('replacement'))
  const first = await ctx.alice!.add({ cid: a, origins: ctx.originAddrs })
  await settled(ctx.alice!, first.requestid)
  assert.ok(await isPinned(ctx.server!, a))
  const second = await ctx.alice!.replace(first.requestid, { cid: b, origins: ctx.originAddrs })
  assert.is.not(second.requestid, first.requestid)
  assert.is(second.pin.cid, b)
  try {
    await ctx.alice!.get(first.requestid)
    assert.unreachable('the replaced request is still there')
  } catch (err) {
    assert.is((err as Error).name, 'NotFoundError')
  }
  assert.is((await settled(ctx.alice!, second.requestid)).status, 'pinned')
  assert.ok(await isPinned(ctx.server!, b))
  assert.not.ok(await isPinned(ctx.server!, a), 'the replaced CID stays pinned')
  await ctx.alice!.remove(second.requestid)
  assert.not.ok(await isPinned(ctx.server!, b))
})

test('a CID the user pinned before stays pinned when its request is removed; a shared CID waits for its last request', async (ctx) => {
  const cid = await addBytes(ctx.server!, new TextEncoder().encode('mine already'))
  const s = await ctx.alice!.add({ cid })
  assert.is((await settled(ctx.alice!, s.requestid)).status, 'pinned')
  await ctx.alice!.remove(s.requestid)
  assert.ok(await isPinned(ctx.server!, cid), 'the service dropped the user\'s own pin')

  const shared = await addBytes(ctx.origin!, new TextEncoder().encode('shared'))
  const { token } = await createToken(join(ctx.dir, 'server'), { name: 'carol' })
  const carol = await ctx.service!.authenticate(token)
  const x = await ctx.alice!.add({ cid: shared, origins: ctx.originAddrs })
  const y = await carol.add({ cid: shared, origins: ctx.originAddrs })
  await settled(ctx.alice!, x.requestid)
  await settled(carol, y.requestid)
  await ctx.alice!.remove(x.requestid)
  assert.ok(await isPinned(ctx.server!, shared), 'unpinned while carol still wants it')
  await carol.remove(y.requestid)
  assert.not.ok(await isPinned(ctx.server!, shared))
})

test('quotas: a token past its pin count gets QuotaExceededError; a DAG past its bytes fails', async (ctx) => {
  const repo = join(ctx.dir, 'server')
  const two = await ctx.service!.authenticate((await createToken(repo, { name: 'two-pins', maxPins: 2 })).token)
  await two.add({ cid: await unreachableCid('q1') })
  await two.add({ cid: await unreachableCid('q2') })
  try {
    await two.add({ cid: await unreachableCid('q3') })
    assert.unreachable('a third request was accepted')
  } catch (err) {
    assert.is((err as Error).name, 'QuotaExceededError')
  }
  for (const r of (await two.list({ status: ['queued', 'pinning', 'failed', 'pinned'] })).results) await two.remove(r.requestid)

  const small = await ctx.service!.authenticate((await createToken(repo, { name: 'small', maxBytes: 100_000 })).token)
  const big = await addBytes(ctx.origin!, randomBytes(400_000))
  const s = await small.add({ cid: big, origins: ctx.originAddrs })
  const done = await settled(small, s.requestid)
  assert.is(done.status, 'failed')
  assert.match(done.info?.status_details ?? '', /quota of 100000 bytes/)
  assert.not.ok(await isPinned(ctx.server!, big))
})

test('at most `concurrency` requests are pinning; a stop leaves them to the next start, which resumes them', async (ctx) => {
  await ctx.service!.stop()
  await startService(ctx, { concurrency: 2, stallTimeoutMs: 60_000 })
  const { token } = await createToken(join(ctx.dir, 'server'), { name: 'busy' })
  let scope = await ctx.service!.authenticate(token)
  const stuck = []
  for (let i = 0; i < 5; i++) stuck.push(await scope.add({ cid: await unreachableCid(`busy${i}`) }))
  const deadline = Date.now() + WAIT_MS
  while ((await scope.list({ status: ['pinning'] })).count < 2) {
    if (Date.now() > deadline) throw new Error('never 2 pinning')
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  assert.is((await scope.list({ status: ['pinning'] })).count, 2)
  assert.is((await scope.list({ status: ['queued'] })).count, 3)

  // a request whose data exists, queued behind the stuck ones when the service stops
  const real = await addBytes(ctx.origin!, new TextEncoder().encode('resumed'))
  const resumed = await scope.add({ cid: real, origins: ctx.originAddrs })
  await ctx.service!.stop()
  await startService(ctx, { concurrency: 2, stallTimeoutMs: 60_000 })
  scope = await ctx.service!.authenticate(token)
  const back = await scope.list({ status: ['queued', 'pinning'], limit: 100 })
  assert.is(back.count, 6, 'every unfinished request is back')
  for (const s of stuck) await scope.remove(s.requestid)
  assert.is((await settled(scope, resumed.requestid)).status, 'pinned')
  assert.ok(await isPinned(ctx.server!, real))
})

test.run()
