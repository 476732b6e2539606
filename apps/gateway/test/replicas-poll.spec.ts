/**
 * `pin add --replicas` against a service whose status answers fail: a real node A, a real Cairn
 * pinning service B (node, service, HTTP server) behind a real HTTP proxy that answers 503 to B's
 * first status polls, or drops the connection of every status poll (B stopped answering). A poll
 * that fails says nothing about the copy: the copy must neither count as failed nor be replaced;
 * A waits, and ends with B's one copy pinned, or, after `replicaPollSilentMs` without any answer,
 * stops waiting and says so, keeping the copy.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createServer } from 'node:http'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, initRepo } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import { createPinningService, createToken, nodeComponents } from '@cairn/pinning-service'
import type { PinningService } from '@cairn/pinning-service'
import { createPinningServiceServer } from '../src/index.ts'
import type { PinningServiceServer } from '../src/index.ts'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

interface Context {
  dir: string
  a?: CairnNode
  b?: CairnNode
  service?: PinningService
  server?: PinningServiceServer
  proxy?: Server
  proxyUrl: string
  token: string
  /** Status polls (GET /pins/{id}) the proxy still fails */
  failPolls: number
  failed: number
  /** While set, the proxy drops the connection of every status poll */
  dropPolls: boolean
  dropped: number
}

const test = suite<Context>('replica status polls that fail', { dir: '', proxyUrl: '', token: '', failPolls: 0, failed: 0, dropPolls: false, dropped: 0 })

async function node (dir: string, name: string, replicaPollSilentMs?: number): Promise<CairnNode> {
  const repoPath = join(dir, name)
  await initRepo(repoPath, { profile: 'test' })
  return createNode({ repoPath, reprovideInitialDelayMs: 600_000, fetchTimeoutMs: 20_000, replicaPollSilentMs })
}

/** Forwards every request to B's server, except the status polls it is told to fail */
function startProxy (ctx: Context): Promise<void> {
  ctx.proxy = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'GET' && /^\/pins\/[^/?]+$/.test(req.url ?? '') && ctx.dropPolls) {
        ctx.dropped++
        req.socket.destroy()
        return
      }
      if (req.method === 'GET' && /^\/pins\/[^/?]+$/.test(req.url ?? '') && ctx.failPolls > 0) {
        ctx.failPolls--
        ctx.failed++
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('busy')
        return
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
      fetch(`${ctx.server!.url!}${req.url ?? '/'}`, {
        method: req.method,
        headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => ['authorization', 'content-type'].includes(k)) as Array<[string, string]>),
        ...(body != null ? { body } : {}),
        signal: AbortSignal.timeout(20_000)
      }).then(async r => {
        res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await r.arrayBuffer()))
      }, (err: Error) => { res.writeHead(502).end(err.message) })
    })
  })
  return new Promise(resolve => {
    ctx.proxy!.listen(0, '127.0.0.1', () => {
      ctx.proxyUrl = `http://127.0.0.1:${(ctx.proxy!.address() as AddressInfo).port}`
      resolve()
    })
  })
}

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-replicas-poll-'))
  ctx.a = await node(ctx.dir, 'a')
  ctx.b = await node(ctx.dir, 'b')
  ctx.token = (await createToken(join(ctx.dir, 'b'), { name: 'a' })).token
  ctx.service = await createPinningService(nodeComponents(ctx.b), { repoPath: join(ctx.dir, 'b'), stallTimeoutMs: 30_000 })
  await ctx.service.start()
  ctx.server = createPinningServiceServer(ctx.service, { port: 0 })
  await ctx.server.start()
  await startProxy(ctx)
  await ctx.a.pin.remote.service.add('b', ctx.proxyUrl, ctx.token)
})

test.after(async (ctx) => {
  await new Promise(resolve => ctx.proxy?.close(resolve) ?? resolve(undefined))
  await ctx.server?.stop()
  await ctx.service?.stop()
  await Promise.all([ctx.a?.stop(), ctx.b?.stop()])
  await rm(ctx.dir, { recursive: true, force: true })
})

test('status polls answered 503 for a while: the copy is waited for, not replaced, and ends pinned', async (ctx) => {
  let cid = ''
  for await (const r of ctx.a!.add([{ path: 'f', content: randomBytes(600 * 1024) }], { pin: true })) cid = r.cid.toString()
  ctx.failPolls = 4
  await ctx.a!.pin.add(cid, { replicas: 1, signal: AbortSignal.timeout(60_000) })
  assert.is(ctx.failed, 4, 'the proxy failed four status polls')
  const copies = []
  for await (const c of ctx.a!.pin.remote.replicas({ cids: [cid] })) copies.push(c)
  // one request on B, the first one: nothing was removed or asked again
  assert.is(copies.length, 1)
  assert.is(copies[0].service, 'b')
  assert.is(copies[0].status, 'pinned')
  const all = await (await ctx.service!.authenticate(ctx.token)).list({ status: ['queued', 'pinning', 'pinned', 'failed'] })
  assert.is(all.count, 1)
})

test('a service that stops answering status polls: after replicaPollSilentMs A stops waiting, names it, and the copy is kept', async (ctx) => {
  const a = await node(ctx.dir, 'a2', 2_000)
  try {
    await a.pin.remote.service.add('b', ctx.proxyUrl, ctx.token)
    let cid = ''
    for await (const r of a.add([{ path: 'g', content: randomBytes(300 * 1024) }], { pin: true })) cid = r.cid.toString()
    ctx.dropPolls = true
    let message = ''
    try {
      await a.pin.add(cid, { replicas: 1, signal: AbortSignal.timeout(60_000) })
      assert.unreachable('no status for 2 s ends the wait')
    } catch (err: any) {
      message = err.message
    }
    assert.is(message, `only 0 of 1 replicas of ${cid} are pinned: no status from b for 2 s (those copies are kept; the replica check looks again)`)
    // polls go on every 500 ms until 2 s pass without an answer
    assert.ok(ctx.dropped >= 3, `status polls kept coming while unanswered (${ctx.dropped})`)
    // B answers again: the one copy asked for is still there, never failed nor placed twice
    ctx.dropPolls = false
    const onB = (await (await ctx.service!.authenticate(ctx.token)).list({ status: ['queued', 'pinning', 'pinned', 'failed'] })).results.filter(r => r.pin.cid === cid)
    assert.is(onB.length, 1)
    assert.ok(onB[0].status !== 'failed')
    const copies = []
    for await (const c of a.pin.remote.replicas({ cids: [cid] })) copies.push(c)
    assert.equal(copies.map(c => c.service), ['b'])
  } finally {
    ctx.dropPolls = false
    await a.stop()
  }
})

test.run()
