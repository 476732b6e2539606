/**
 * The path gateway's cache of whole answers for one-block files: a repeat is the same answer
 * (status, header lines in order, bytes) without asking the backend again; what varies per request
 * (ranges, conditional requests, `Accept`, `Host`, `only-if-cached`, HEAD) still gets its own
 * answer; and a cache of 0 bytes keeps nothing.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, TEST_PROFILE } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import type { CID } from 'multiformats/cid'
import { createNodeBackend } from '../src/node-backend.ts'
import { createPathGateway } from '../src/path-gateway.ts'
import type { GatewayBackend } from '../src/backend.ts'
import { request } from './fixtures/http.ts'

interface Ctx { node: CairnNode, repo: string, file: CID, dir: CID, small: Uint8Array }

const test = suite<Ctx>('gateway: whole answers of one-block files are replayed, per request')

test.before(async ctx => {
  ctx.repo = await mkdtemp(join(tmpdir(), 'cairn-response-cache-'))
  ctx.node = await createNode({ repoPath: ctx.repo, offline: true, initIfMissing: true, config: TEST_PROFILE })
  ctx.small = new Uint8Array(1024).map((_, i) => (i * 11) % 256)
  for await (const r of ctx.node.add([{ path: '', content: ctx.small }], { cidVersion: 1 })) ctx.file = r.cid
  for await (const r of ctx.node.add([{ path: 'site/page.html', content: new TextEncoder().encode('<p>hi</p>\n') }, { path: 'site/b.txt', content: new TextEncoder().encode('b\n') }])) ctx.dir = r.cid
})

test.after(async ctx => {
  await ctx.node?.stop()
  await rm(ctx.repo, { recursive: true, force: true })
})

/** The node's backend, counting how often a path is resolved */
function counting (node: CairnNode): GatewayBackend & { resolves: number } {
  const inner = createNodeBackend(node)
  const backend = {
    ...inner,
    resolves: 0,
    async resolvePath (...args: Parameters<GatewayBackend['resolvePath']>) {
      backend.resolves++
      return inner.resolvePath(...args)
    }
  }
  return backend
}

async function serve (backend: GatewayBackend, responseCacheBytes?: number): Promise<{ server: Server, url: string }> {
  const server = createServer(createPathGateway({ backend, timeoutMs: 5000, responseCacheBytes }))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

async function stop (server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
}

/** Header lines as sent, without the ones Node adds to every answer */
const lines = (raw: string[]): string[] => raw.filter((_, i) => i % 2 === 0 ? !/^(date|connection|keep-alive)$/i.test(raw[i]) : !/^(date|connection|keep-alive)$/i.test(raw[i - 1]))

test('a repeat is the same answer, header lines and bytes, without resolving again', async ({ node, file, dir, small }) => {
  const backend = counting(node)
  const { server, url } = await serve(backend)
  try {
    for (const path of [`/ipfs/${file}`, `/ipfs/${dir}/page.html`]) {
      const first = await request(url + path)
      assert.is(first.status, 200)
      const resolves = backend.resolves
      for (let i = 0; i < 3; i++) {
        const again = await request(url + path)
        assert.is(again.status, 200)
        assert.equal(lines(again.rawHeaders), lines(first.rawHeaders))
        assert.ok(again.body.equals(first.body))
      }
      assert.is(backend.resolves, resolves, `${path}: repeats answered from the cache`)
    }
    assert.ok((await request(`${url}/ipfs/${file}`)).body.equals(small))
    assert.is((await request(`${url}/ipfs/${dir}/page.html`)).headers['content-type'], 'text/html; charset=utf-8')
  } finally {
    await stop(server)
  }
})

test('ranges, conditional requests, Accept, Host, only-if-cached and HEAD still get their own answers', async ({ node, file, small }) => {
  const backend = counting(node)
  const { server, url } = await serve(backend)
  const path = `${url}/ipfs/${file}`
  try {
    const full = await request(path)
    const etag = String(full.headers.etag)
    const range = await request(path, { headers: { Range: 'bytes=0-9' } })
    assert.is(range.status, 206)
    assert.ok(range.body.equals(Buffer.from(small.subarray(0, 10))))
    assert.is((await request(path, { headers: { 'If-None-Match': etag } })).status, 304)
    assert.is((await request(path, { headers: { 'If-Match': '"other"' } })).status, 412)
    const raw = await request(path, { headers: { Accept: 'application/vnd.ipld.raw' } })
    assert.is(raw.headers['content-type'], 'application/vnd.ipld.raw')
    const car = await request(path, { headers: { Accept: 'application/vnd.ipld.car' } })
    assert.match(String(car.headers['content-type']), /^application\/vnd\.ipld\.car/)
    // a subdomain gateway's host asks for a redirect, not the path answer
    const sub = await request(path, { headers: { Host: 'localhost' } })
    assert.is(sub.status, 301)
    // after all of those the plain request still gets the plain answer
    const again = await request(path)
    assert.equal(lines(again.rawHeaders), lines(full.rawHeaders))
    assert.ok(again.body.equals(full.body))
    const head = await request(path, { method: 'HEAD' })
    assert.is(head.status, 200)
    assert.is(head.body.length, 0)
    assert.is(head.headers['content-length'], '1024')
    // only-if-cached asks the store each time
    const before = backend.resolves
    assert.is((await request(path, { headers: { 'Cache-Control': 'only-if-cached' } })).status, 200)
    assert.is(backend.resolves, before + 1)
  } finally {
    await stop(server)
  }
})

test('responseCacheBytes: 0 keeps nothing', async ({ node, file }) => {
  const backend = counting(node)
  const { server, url } = await serve(backend, 0)
  try {
    for (let i = 0; i < 3; i++) assert.is((await request(`${url}/ipfs/${file}`)).status, 200)
    assert.is(backend.resolves, 3)
  } finally {
    await stop(server)
  }
})

test.run()
