import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, collect, rejects, testNode, testRepo, waitFor } from './fixtures/nodes.ts'
import { startDnsServer } from './fixtures/dns-server.ts'
import type { TestDnsServer } from './fixtures/dns-server.ts'

const test = suite<{ dns?: TestDnsServer }>('DNSLink through a real DNS server on 127.0.0.1', {})

test.after(async (ctx) => {
  await ctx.dns?.close()
  await cleanup()
})

test('dnslink= TXT records resolve, recursively, cached by TTL, with Kubo errors', async (ctx) => {
  const dns = ctx.dns = await startDnsServer(2)
  const node = await testNode({ repoPath: await testRepo(), offline: true, config: { DNS: { Resolvers: { '.': dns.url } } } })
  const [one] = await collect(node.add([{ path: 'a', content: new TextEncoder().encode('one') }], { cidVersion: 1 }))
  const [two] = await collect(node.add([{ path: 'b', content: new TextEncoder().encode('two') }], { cidVersion: 1 }))
  const { name } = await node.name.publish(two.cid.toString(), { allowOffline: true })

  dns.records.set('_dnslink.example.test', [`dnslink=/ipfs/${one.cid}`, 'v=spf1 -all'])
  dns.records.set('_dnslink.alias.test', ['dnslink=/ipns/example.test'])
  dns.records.set('_dnslink.keyed.test', [`dnslink=/ipns/${name}`])
  dns.records.set('_dnslink.loop-a.test', ['dnslink=/ipns/loop-b.test'])
  dns.records.set('_dnslink.loop-b.test', ['dnslink=/ipns/loop-a.test'])
  dns.records.set('_dnslink.two.test', [`dnslink=/ipfs/${one.cid}`, `dnslink=/ipfs/${two.cid}`])

  assert.is(await node.resolve('/ipns/example.test'), `/ipfs/${one.cid}`)
  assert.is(await node.dns('example.test'), `/ipfs/${one.cid}`)
  assert.is(await node.name.resolve('alias.test'), `/ipfs/${one.cid}`)
  assert.is(await node.name.resolve('alias.test', { recursive: false }), '/ipns/example.test')
  assert.is(await node.resolve('/ipns/keyed.test'), `/ipfs/${two.cid}`, 'DNSLink into an IPNS key')
  assert.is(new TextDecoder().decode(Buffer.concat(await collect(node.cat('/ipns/alias.test')))), 'one')

  await rejects(node.resolve('/ipns/loop-a.test'), /could not resolve name \(recursion limit exceeded\)/)
  await rejects(node.resolve('/ipns/missing.test'), /DNSLink lookup for "missing.test" failed: could not resolve name: DNSLink lookup could not find a TXT record/)
  await rejects(node.resolve('/ipns/two.test'), /returned more than one IPFS content path/)
  await rejects(node.dns('bad_domain-.test..'), /not a valid domain name/)

  // the answer is cached for its TTL (2 s here): no second query until it runs out
  await node.resolve('/ipns/example.test', { nocache: true })
  const asked = dns.queries.get('_dnslink.example.test') ?? 0
  await node.resolve('/ipns/example.test')
  assert.is(dns.queries.get('_dnslink.example.test'), asked, 'served from the cache')
  dns.records.set('_dnslink.example.test', [`dnslink=/ipfs/${two.cid}`])
  await waitFor(async () => (await node.resolve('/ipns/example.test')) === `/ipfs/${two.cid}`, 10_000, 'the new DNSLink after the TTL')
  assert.ok((dns.queries.get('_dnslink.example.test') ?? 0) > asked)
})

test('DNS.Resolvers per suffix: a DNS-over-HTTPS resolver for one TLD, plain DNS for the rest', async (ctx) => {
  const dns = ctx.dns ?? (ctx.dns = await startDnsServer(60))
  const other = await startDnsServer(60)
  try {
    const node = await testNode({ repoPath: await testRepo(), offline: true, config: { DNS: { Resolvers: { 'doh.': other.dohUrl, '.': dns.url } } } })
    const [added] = await collect(node.add([{ path: 'a', content: new TextEncoder().encode('doh') }], { cidVersion: 1 }))
    other.records.set('_dnslink.site.doh', [`dnslink=/ipfs/${added.cid}`])
    dns.records.set('_dnslink.site.test', [`dnslink=/ipfs/${added.cid}`])
    assert.is(await node.dns('site.doh'), `/ipfs/${added.cid}`)
    assert.is(await node.dns('site.test'), `/ipfs/${added.cid}`)
    assert.is(other.queries.get('_dnslink.site.doh'), 1, 'the .doh name went over DoH')
    assert.is(other.queries.get('_dnslink.site.test'), undefined, 'and nothing else did')
  } finally {
    await other.close()
  }
})

test.run()
