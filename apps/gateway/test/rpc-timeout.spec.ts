/**
 * The `--timeout` audit (issue 15): every RPC command that waits on the network or the repo gives
 * up at the request's `timeout`, with Kubo's "context deadline exceeded", long before the node's own
 * fetch timeout (60 s). A real online node with no peers: nothing it is asked for can arrive.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import type { AddressInfo, Server, Socket } from 'node:net'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, api: string, tarpit: Server, sockets: Socket[], silentAddr: string }
const test = suite<Ctx>('--timeout is honoured by every waiting command')

/** A CID nobody has (the sha2-256 of a random string, raw) and a peer nobody knows */
const MISSING = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'
/** A dag-pb CID nobody has: paths into it need the block */
const MISSING_PB = 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdH'
const STRANGER = '12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN'
const TIMEOUT = '400ms'
/** Far below the node's 60 s fetch timeout, far above the 400 ms asked for (a loaded machine) */
const BOUND_MS = 15_000

async function call (api: string, path: string): Promise<{ status: number, body: string, trailer?: string, ms: number }> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api}/api/v0/${path}${path.includes('?') ? '&' : '?'}timeout=${TIMEOUT}`, { method: 'POST' }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), trailer: res.trailers['x-stream-error'], ms: Date.now() - started }) })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false }, false)
  ctx.api = ctx.gw.gateway.apiUrl!
  // a peer that accepts TCP and never says a word: a dial to it waits until someone gives up
  ctx.sockets = []
  ctx.tarpit = createServer(socket => { ctx.sockets.push(socket) })
  await new Promise<void>(resolve => ctx.tarpit.listen(0, '127.0.0.1', resolve))
  ctx.silentAddr = `/ip4/127.0.0.1/tcp/${(ctx.tarpit.address() as AddressInfo).port}/p2p/${STRANGER}`
})

test.after(async ctx => {
  await ctx.gw?.stop()
  for (const s of ctx.sockets ?? []) s.destroy()
  await new Promise(resolve => ctx.tarpit?.close(resolve))
})

// each waits for content or a peer the network never delivers
const WAITING = [
  `cat?arg=${MISSING}`,
  `get?arg=${MISSING}`,
  `ls?arg=${MISSING}`,
  `block/get?arg=${MISSING}`,
  `block/stat?arg=${MISSING}`,
  `dag/get?arg=${MISSING}`,
  `dag/export?arg=${MISSING}`,
  `dag/stat?arg=${MISSING}&progress=false`,
  `dag/resolve?arg=${MISSING_PB}/x`,
  // a path into a raw block needs the block too (Kubo fetches it before its lookup fails)
  `dag/resolve?arg=${MISSING}/x`,
  `refs?arg=${MISSING}`,
  `pin/add?arg=${MISSING}`,
  `files/stat?arg=/ipfs/${MISSING}`,
  `files/cp?arg=/ipfs/${MISSING}&arg=/never`,
  `object/stat?arg=${MISSING}`,
  `resolve?arg=/ipfs/${MISSING_PB}/x`,
  `name/resolve?arg=/ipns/${STRANGER}`,
  `routing/findpeer?arg=${STRANGER}`,
]
/** Each dials the silent peer */
const DIALLING = (addr: string): string[] => [
  `swarm/connect?arg=${encodeURIComponent(addr)}`,
  `ping?arg=${encodeURIComponent(addr)}&count=1`
]

test('commands that wait on the network give up at `timeout` with Kubo\'s message', async ({ api }) => {
  const results = await Promise.all(WAITING.map(async path => ({ path, ...(await call(api, path)) })))
  const wrong: string[] = []
  for (const r of results) {
    const message: string | undefined = r.trailer ?? (r.status !== 200 ? JSON.parse(r.body).Message : undefined)
    if (r.ms >= BOUND_MS) wrong.push(`${r.path}: answered after ${r.ms} ms`)
    else if (message == null) wrong.push(`${r.path}: succeeded (${r.status}) with ${r.body.slice(0, 200)}`)
    else if (!message.includes('context deadline exceeded')) wrong.push(`${r.path}: ${r.status} ${message}`)
  }
  assert.equal(wrong, [])
})

test('a malformed timeout is a 400 before anything runs', async ({ api }) => {
  const r = await new Promise<{ status: number, body: string }>((resolve, reject) => {
    const req = httpRequest(`${api}/api/v0/cat?arg=${MISSING}&timeout=soon`, { method: 'POST' }, res => {
      let body = ''
      res.on('data', (c: Buffer) => { body += c.toString() })
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body }) })
    })
    req.on('error', reject)
    req.end()
  })
  assert.is(r.status, 400)
  assert.match(JSON.parse(r.body).Message, /duration/)
})

test.run()
