/**
 * `/ipns/` on the gateway over a real node: path and subdomain forms, Cache-Control from the
 * record's TTL, an Etag that moves with the name, and the signed record (`?format=ipns-record`).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createNode, TEST_PROFILE } from '@cairn/node'
import type { CairnNode } from '@cairn/node'
import { createGateway } from '../src/index.ts'
import { startDnsServer } from './fixtures/dns-server.ts'
import type { TestDnsServer } from './fixtures/dns-server.ts'

interface Context { node?: CairnNode, gateway?: Awaited<ReturnType<typeof createGateway>>, dir: string, url: string, dns?: TestDnsServer }
const test = suite<Context>('gateway /ipns/', { dir: '', url: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-gw-ipns-'))
  ctx.dns = await startDnsServer(60)
  ctx.node = await createNode({ repoPath: ctx.dir, offline: true, initIfMissing: true, config: { ...TEST_PROFILE, DNS: { Resolvers: { '.': ctx.dns.url } } } })
  ctx.gateway = await createGateway(ctx.node, { gateway: { port: 0 }, api: false, timeoutMs: 5000 })
  await ctx.gateway.start()
  ctx.url = ctx.gateway.gatewayUrl!
})

test.after(async (ctx) => {
  await ctx.gateway?.stop()
  await ctx.node?.stop()
  await ctx.dns?.close()
  await rm(ctx.dir, { recursive: true, force: true })
})

interface Answer { status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }

async function get (url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, signal: AbortSignal.timeout(10_000) }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }) })
    })
    req.on('error', reject)
    req.end()
  })
}

async function addDir (node: CairnNode, text: string): Promise<string> {
  let root = ''
  for await (const r of node.add([{ path: 'site/index.txt', content: new TextEncoder().encode(text) }], { cidVersion: 1 })) root = r.cid.toString()
  return root
}

test('path gateway: content through the name, TTL-bound Cache-Control, Etag moves with the name', async (ctx) => {
  const node = ctx.node!
  const v1 = await addDir(node, 'version one')
  const { name } = await node.name.publish(v1, { allowOffline: true, ttlMs: 60_000 })
  // 127.0.0.1 is not a subdomain parent: the path gateway answers in place
  const first = await get(`${ctx.url}/ipns/${name}/index.txt`)
  assert.is(first.status, 200, first.body.toString())
  assert.is(first.body.toString(), 'version one')
  assert.is(first.headers['x-ipfs-path'], `/ipns/${name}/index.txt`)
  assert.match(String(first.headers['cache-control']), /^public, max-age=(59|60)$/)
  assert.not.match(String(first.headers['cache-control']), /immutable/)

  // the peer ID form of the name works as well
  assert.is((await get(`${ctx.url}/ipns/${node.peerId}/index.txt`)).body.toString(), 'version one')

  const v2 = await addDir(node, 'version two')
  await node.name.publish(v2, { allowOffline: true, ttlMs: 60_000 })
  const second = await get(`${ctx.url}/ipns/${name}/index.txt`)
  assert.is(second.body.toString(), 'version two')
  assert.ok(first.headers.etag != null && second.headers.etag != null)
  assert.is.not(second.headers.etag, first.headers.etag, 'the Etag follows the content the name points at')
})

test('?format=ipns-record and Accept answer the signed record', async (ctx) => {
  const node = ctx.node!
  const { name } = await node.name.publish(await addDir(node, 'r'), { allowOffline: true })
  const expected = await node.name.get(name)
  const byQuery = await get(`${ctx.url}/ipns/${name}?format=ipns-record`)
  assert.is(byQuery.status, 200)
  assert.is(byQuery.headers['content-type'], 'application/vnd.ipfs.ipns-record')
  assert.equal(new Uint8Array(byQuery.body), expected)
  const byAccept = await get(`${ctx.url}/ipns/${name}`, { Accept: 'application/vnd.ipfs.ipns-record' })
  assert.equal(new Uint8Array(byAccept.body), expected)
  const inspected = await node.name.inspect(new Uint8Array(byQuery.body), { verify: name })
  assert.is(inspected.validation?.valid, true)
})

test('subdomain gateway: {name}.ipns.localhost, and /ipns/ on localhost moves there', async (ctx) => {
  const node = ctx.node!
  const root = await addDir(node, 'sub')
  const { name } = await node.name.publish(root, { allowOffline: true })
  const port = new URL(ctx.url).port
  const moved = await get(`${ctx.url}/ipns/${node.peerId}/index.txt`, { Host: `localhost:${port}` })
  assert.is(moved.status, 301)
  assert.is(moved.headers.location, `http://${name}.ipns.localhost:${port}/index.txt`)
  const sub = await get(`${ctx.url}/index.txt`, { Host: `${name}.ipns.localhost:${port}` })
  assert.is(sub.status, 200, sub.body.toString())
  assert.is(sub.body.toString(), 'sub')
})

test('names that do not resolve: 404 for an unknown key, 400 for a malformed one', async (ctx) => {
  const other = await ctx.node!.key.gen('never-published')
  const unknown = await get(`${ctx.url}/ipns/${other.id}`)
  assert.is(unknown.status, 404, unknown.body.toString())
  assert.match(unknown.body.toString(), /could not resolve name/)
  const bad = await get(`${ctx.url}/ipns/not_a_name`)
  assert.is(bad.status, 400, bad.body.toString())
})

test('DNSLink websites by Host header, with _redirects; /ipns/{domain} and inlined subdomains', async (ctx) => {
  const node = ctx.node!
  let root = ''
  const files = [
    { path: 'site/index.txt', content: new TextEncoder().encode('dnslink site') },
    { path: 'site/_redirects', content: new TextEncoder().encode('/old/* /index.txt 200\n') }
  ]
  for await (const r of node.add(files, { cidVersion: 1 })) if (r.path === 'site') root = r.cid.toString()
  ctx.dns!.records.set('_dnslink.site.test', [`dnslink=/ipfs/${root}`])

  const page = await get(`${ctx.url}/index.txt`, { Host: 'site.test' })
  assert.is(page.status, 200, page.body.toString())
  assert.is(page.body.toString(), 'dnslink site')
  assert.is(page.headers['x-ipfs-path'], '/ipns/site.test/index.txt')
  assert.match(String(page.headers['cache-control']), /^public, max-age=\d+$/)
  const redirected = await get(`${ctx.url}/old/anything`, { Host: 'site.test' })
  assert.is(redirected.status, 200, redirected.body.toString())
  assert.is(redirected.body.toString(), 'dnslink site')

  // a host without a DNSLink is the gateway itself
  const plain = await get(`${ctx.url}/`, { Host: 'no-link.test' })
  assert.is(plain.status, 200)
  assert.match(plain.body.toString(), /Cairn IPFS gateway/)

  assert.is((await get(`${ctx.url}/ipns/site.test/index.txt`)).body.toString(), 'dnslink site')
  const port = new URL(ctx.url).port
  // Kubo: a DNSLink name keeps its dots on the subdomain, unless InlineDNSLink or HTTPS
  const moved = await get(`${ctx.url}/ipns/site.test/index.txt`, { Host: `localhost:${port}` })
  assert.is(moved.headers.location, `http://site.test.ipns.localhost:${port}/index.txt`)
  assert.is((await get(`${ctx.url}/index.txt`, { Host: `site.test.ipns.localhost:${port}` })).body.toString(), 'dnslink site')
  const secure = await get(`${ctx.url}/ipns/site.test/index.txt`, { Host: `localhost:${port}`, 'X-Forwarded-Proto': 'https' })
  assert.is(secure.headers.location, `https://site-test.ipns.localhost:${port}/index.txt`)
  assert.is((await get(`${ctx.url}/index.txt`, { Host: `site-test.ipns.localhost:${port}` })).body.toString(), 'dnslink site')

  const record = await get(`${ctx.url}/ipns/site.test?format=ipns-record`)
  assert.is(record.status, 406, 'a DNSLink name has no signed record')
})

test('Gateway.PublicGateways: Paths, UseSubdomains, NoDNSLink, InlineDNSLink and wildcards per host', async (ctx) => {
  const node = ctx.node!
  const root = await addDir(node, 'public gateways')
  const { name } = await node.name.publish(root, { allowOffline: true })
  ctx.dns!.records.set('_dnslink.pg-site.test', [`dnslink=/ipfs/${root}`])
  ctx.dns!.records.set('_dnslink.quiet.test', [`dnslink=/ipfs/${root}`])
  const gateway = await createGateway(node, {
    gateway: { port: 0 },
    api: false,
    timeoutMs: 5000,
    publicGateways: {
      'paths.test': { Paths: ['/ipfs'] },
      '*.wild.test': { Paths: ['/ipfs', '/ipns'], UseSubdomains: true, InlineDNSLink: true },
      'pg-site.test': { Paths: ['/ipfs'] },
      'quiet.test': { Paths: ['/ipfs'], NoDNSLink: true },
      localhost: null
    }
  })
  await gateway.start()
  try {
    const url = gateway.gatewayUrl!
    const cid = (await import('multiformats/cid')).CID.parse(root)
    const label = cid.toV1().toString()
    // Paths: only /ipfs on paths.test; /ipns there is a 404 (the host has no DNSLink)
    assert.is((await get(`${url}/ipfs/${root}/index.txt`, { Host: 'paths.test' })).body.toString(), 'public gateways')
    const ipns = await get(`${url}/ipns/${name}/index.txt`, { Host: 'paths.test' })
    assert.is(ipns.status, 404, ipns.body.toString())
    // a path gateway is not a subdomain gateway
    assert.is((await get(`${url}/index.txt`, { Host: `${label}.ipfs.paths.test` })).status, 404)
    // a wildcard subdomain gateway that inlines DNSLink names
    const moved = await get(`${url}/ipns/pg-site.test/index.txt`, { Host: 'gw.wild.test' })
    assert.is(moved.status, 301)
    assert.is(moved.headers.location, 'http://pg--site-test.ipns.gw.wild.test/index.txt')
    const movedCid = await get(`${url}/ipfs/${root}/index.txt`, { Host: 'gw.wild.test:8080' })
    assert.is(movedCid.headers.location, `http://${label}.ipfs.gw.wild.test:8080/index.txt`)
    assert.is((await get(`${url}/index.txt`, { Host: `${label}.ipfs.gw.wild.test` })).body.toString(), 'public gateways')
    assert.is((await get(`${url}/index.txt`, { Host: 'pg--site-test.ipns.gw.wild.test' })).body.toString(), 'public gateways')
    // a gateway host with a DNSLink: its Paths are the gateway, anything else is its site
    assert.is((await get(`${url}/index.txt`, { Host: 'pg-site.test' })).body.toString(), 'public gateways')
    const viaPath = await get(`${url}/ipfs/${root}/index.txt`, { Host: 'pg-site.test' })
    assert.is(viaPath.headers['x-ipfs-path'], `/ipfs/${root}/index.txt`)
    // NoDNSLink on that host: no site
    assert.is((await get(`${url}/index.txt`, { Host: 'quiet.test' })).status, 404)
    // localhost: null removes the implicit subdomain gateway: /ipfs/ stays on the path
    const plain = await get(`${url}/ipfs/${root}/index.txt`, { Host: 'localhost' })
    assert.is(plain.status, 200, plain.body.toString())
  } finally {
    await gateway.stop()
  }
})

test.run()
