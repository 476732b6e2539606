import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { parseRange } from '../src/range.ts'
import { negotiate } from '../src/negotiate.ts'
import { contentTypeFromName, sniffContentType } from '../src/content-type.ts'
import { subdomainUrl, toDnsLabel } from '../src/subdomain.ts'
import { PublicGateways, hasPathPrefix, inlineDnsLink, uninlineDnsLink } from '../src/public-gateways.ts'
import { parseCid } from '../src/cid.ts'
import { escapeHtml, formatBytes, renderListing } from '../src/listing.ts'

const range = suite('parseRange')

range('reads the three single-range forms', () => {
  assert.equal(parseRange('bytes=0-9', 100), { start: 0, end: 9 })
  assert.equal(parseRange('bytes=90-', 100), { start: 90, end: 99 })
  assert.equal(parseRange('bytes=-5', 100), { start: 95, end: 99 })
  assert.equal(parseRange('bytes=-500', 100), { start: 0, end: 99 })
  assert.equal(parseRange('bytes=10-1000', 100), { start: 10, end: 99 })
})

range('unsatisfiable ranges are told apart from ignorable ones', () => {
  assert.is(parseRange('bytes=100-', 100), 'unsatisfiable')
  assert.is(parseRange('bytes=200-300', 100), 'unsatisfiable')
  assert.is(parseRange('bytes=-0', 100), 'unsatisfiable')
  // an empty file is sent whole whatever the Range, as Go's http.ServeContent (and Kubo) do
  assert.is(parseRange('bytes=0-0', 0), undefined)
  assert.is(parseRange(undefined, 100), undefined)
  assert.is(parseRange('items=0-1', 100), undefined)
  assert.is(parseRange('bytes=5-1', 100), undefined)
  assert.equal(parseRange('bytes=6-16,0-4', 100), { start: 6, end: 16 }, 'of several ranges, the first is served')
  assert.is(parseRange('bytes=abc', 100), undefined)
})

range.run()

const neg = suite('negotiate')

neg('format param wins over Accept', () => {
  assert.is(negotiate(new URLSearchParams('format=raw'), 'application/vnd.ipld.car').format, 'raw')
  assert.is(negotiate(new URLSearchParams(''), 'application/vnd.ipld.raw').format, 'raw')
  assert.is(negotiate(new URLSearchParams(''), 'text/html,application/xhtml+xml,*/*;q=0.8').format, 'deserialized')
  assert.is(negotiate(new URLSearchParams(''), undefined).format, 'deserialized')
})

neg('CAR parameters come from the query and from Accept', () => {
  const fromQuery = negotiate(new URLSearchParams('format=car&dag-scope=entity&entity-bytes=0:*&dups=y'), undefined)
  assert.equal(fromQuery.car, { order: 'dfs', dagScope: 'entity', entityBytes: { from: 0, to: '*' }, dups: true })
  const fromAccept = negotiate(new URLSearchParams(''), 'application/vnd.ipld.car; version=1; order=unk; dups=n')
  assert.equal(fromAccept.car, { order: 'unk', dagScope: 'all', entityBytes: undefined, dups: false })
  assert.equal(negotiate(new URLSearchParams('format=car&entity-bytes=-100:-1'), undefined).car?.entityBytes, { from: -100, to: -1 })
})

neg('bad values are typed errors', () => {
  assert.throws(() => negotiate(new URLSearchParams('format=pdf'), undefined), (e: Error) => e.name === 'InvalidParametersError')
  assert.throws(() => negotiate(new URLSearchParams('format=car&dag-scope=x'), undefined), (e: Error) => e.name === 'InvalidParametersError')
  assert.throws(() => negotiate(new URLSearchParams('format=car&entity-bytes=a:b'), undefined), (e: Error) => e.name === 'InvalidParametersError')
  assert.throws(() => negotiate(new URLSearchParams(''), 'application/vnd.ipld.car; version=2'), (e: Error) => e.name === 'NotAcceptableError')
})

neg.run()

const types = suite('content types')

types('the extension decides when it is known', () => {
  assert.is(contentTypeFromName('a.html'), 'text/html; charset=utf-8')
  assert.is(contentTypeFromName('photo.JPG'), 'image/jpeg')
  assert.is(contentTypeFromName('style.css'), 'text/css; charset=utf-8')
  assert.is(contentTypeFromName('t.json'), 'application/json', 'as Go and Kubo: no charset outside text/')
  assert.is(contentTypeFromName('README'), undefined)
  assert.is(contentTypeFromName('x.unknownext'), undefined)
})

types('sniffing the first bytes', () => {
  assert.is(sniffContentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 'image/png')
  assert.is(sniffContentType(Buffer.from('%PDF-1.7 ...')), 'application/pdf')
  assert.is(sniffContentType(Buffer.from('  <!DOCTYPE html><html>')), 'text/html; charset=utf-8')
  assert.is(sniffContentType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 'image/svg+xml')
  assert.is(sniffContentType(Buffer.from('hello world\n')), 'text/plain; charset=utf-8')
  assert.is(sniffContentType(Uint8Array.from([0, 1, 2, 3, 0xff])), 'application/octet-stream')
  assert.is(sniffContentType(new Uint8Array(0)), 'text/plain; charset=utf-8')
})

types.run()

const sub = suite('subdomain hosts and CIDs')

sub('reads {cid}.ipfs.localhost and moves CIDv0 to base32 CIDv1', () => {
  const v0 = CID.parse('QmYiPNLU7Hc739sqcBH5DgVmk5mKTQVzKSqvJJeNGWTgrE')
  const label = toDnsLabel(v0)
  assert.ok(label.startsWith('bafybei'))
  const hosts = new PublicGateways({ 'example.com': { Paths: ['/ipfs'], UseSubdomains: true } })
  assert.equal(hosts.parse(`${label}.ipfs.localhost:8080`)?.parent, 'localhost:8080')
  assert.equal(hosts.parse(`${label}.ipfs.example.com`)?.id, label)
  assert.equal(hosts.parse(`${label}.ipfs.example.com`)?.namespace, 'ipfs')
  assert.is(hosts.parse('127.0.0.1:8080'), undefined)
  // a DNSLink name that is not inlined keeps its dots before the namespace
  assert.is(hosts.parse('docs.example.org.ipns.localhost')?.id, 'docs.example.org')
  assert.is(hosts.parse(`${label}.ipfs.elsewhere.org`), undefined)
  assert.ok(hosts.isParent('localhost:8080'))
  assert.not.ok(hosts.isParent('127.0.0.1:8080'))
  assert.is(subdomainUrl(v0, 'localhost:1', '/a', '?b'), `http://${label}.ipfs.localhost:1/a?b`)
  assert.is(subdomainUrl(v0, 'example.com', '', '', 'https'), `https://${label}.ipfs.example.com/`)
  const tooLong = CID.parse('bafkrgqhhyivzstcz3hhswshfjgy6ertgmnqeleynhwt4dlfsthi4hn7zgh4uvlsb5xncykzapi3ocd4lzogukir6ksdy6wzrnz6ohnv4aglcs')
  assert.throws(() => toDnsLabel(tooLong), (e: Error) => /DNS label length limit of 63/.test(e.message))
})

sub('Gateway.PublicGateways: wildcards, Paths, null removes localhost, no subdomains on IPs', () => {
  const hosts = new PublicGateways({
    '*.example.com': { Paths: ['/ipfs/'], UseSubdomains: true, InlineDNSLink: true },
    'paths.test': { Paths: ['/ipns'], NoDNSLink: true },
    '10.0.0.1': { Paths: ['/ipfs'], UseSubdomains: true },
    localhost: null
  })
  assert.is(hosts.known('gw.example.com:8080')?.inlineDNSLink, true)
  assert.is(hosts.known('example.com'), undefined, 'a wildcard needs a label')
  assert.is(hosts.known('a.b.example.com'), undefined, 'a wildcard is one label')
  assert.is(hosts.parse('bafyfoo.ipfs.gw.example.com')?.parent, 'gw.example.com')
  assert.is(hosts.known('PATHS.test')?.noDNSLink, true)
  assert.is(hosts.known('localhost'), undefined)
  assert.is(hosts.known('10.0.0.1'), undefined, 'UseSubdomains on an IP address is dropped, as boxo does')
  assert.ok(hasPathPrefix('/ipfs', ['/ipfs/']))
  assert.ok(hasPathPrefix('/ipfs/bafy/x', ['/ipfs']))
  assert.not.ok(hasPathPrefix('/ipfsx', ['/ipfs']))
  assert.is(inlineDnsLink('my.v-long.example.com'), 'my-v--long-example-com')
  assert.is(uninlineDnsLink('my-v--long-example-com'), 'my.v-long.example.com')
})

sub('parseCid takes any multibase and rejects junk with InvalidCidError', async () => {
  const cid = CID.parse('bafybeihchr7vmgjaasntayyatmp5sv6xza57iy2h4xj7g46bpjij6yhrmy')
  assert.ok(parseCid(cid.toString()).equals(cid))
  assert.ok(parseCid('QmYiPNLU7Hc739sqcBH5DgVmk5mKTQVzKSqvJJeNGWTgrE').version === 0)
  const b36 = cid.toString((await import('multiformats/bases/base36')).base36)
  assert.ok(parseCid(b36).equals(cid))
  assert.throws(() => parseCid('bafy-nope'), (e: Error) => e.name === 'InvalidCidError')
  assert.throws(() => parseCid(''), (e: Error) => e.name === 'InvalidCidError')
})

sub.run()

const listing = suite('directory listing HTML')

listing('escapes names and formats sizes', () => {
  assert.is(escapeHtml('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;')
  assert.is(formatBytes(12), '12 B')
  assert.is(formatBytes(1026), '1.0 KiB')
  assert.is(formatBytes(5 * 1024 * 1024), '5.0 MiB')
  const cid = CID.parse('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4')
  const html = renderListing({ path: '/ipfs/x/<dir>', root: 'x', segments: ['<dir>'], base: '/ipfs/x/%3Cdir%3E/', rootBase: '/ipfs/x', cid, entries: [{ name: '<script>.txt', cid, size: 12, type: 'file' }], hasParent: true, ipfsBase: '' })
  assert.not.ok(html.includes('<script>.txt'))
  assert.not.ok(html.includes('<dir>'))
  assert.ok(html.includes('&lt;script&gt;.txt'))
  assert.ok(html.includes('href="/ipfs/x/%3Cdir%3E/%3Cscript%3E.txt"'))
  assert.ok(html.includes('href="/ipfs/x/%3Cdir%3E/.."'))
  assert.ok(html.includes(`/ipfs/${cid.toString()}?filename=%253Cscript%253E.txt`))
})

listing.run()

const redirects = suite('_redirects rules')

redirects('parses rules, statuses and comments; refuses bad lines', async () => {
  const { parseRedirects, matchRedirect } = await import('../src/redirects.ts')
  const rules = parseRedirects('# comment\n/a /b\n/c/:x/* /d/:x/:splat 302\r\n\n/* /index.html 200\n')
  assert.equal(rules.map(r => r.status), [301, 302, 200])
  assert.throws(() => parseRedirects('/a /b 301!'), (e: Error) => /could not parse _redirects: .*forced redirects \(or "shadowing"\) are not supported/.test(e.message))
  assert.equal(matchRedirect(rules, '/a'), { to: '/b', status: 301 })
  assert.equal(matchRedirect(rules, '/c/1/2/3'), { to: '/d/1/2/3', status: 302 })
  assert.equal(matchRedirect(rules, '/a/deeper'), { to: '/index.html', status: 200 })
  assert.throws(() => parseRedirects('hello'), (e: Error) => e.name === 'StatusError')
  assert.throws(() => parseRedirects('/a /b 999'), (e: Error) => e.name === 'StatusError')
  assert.throws(() => parseRedirects('a /b'), (e: Error) => e.name === 'StatusError')
  assert.is(matchRedirect(parseRedirects('/only /x'), '/other'), undefined)
})

redirects.run()
