import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { base16 } from 'multiformats/bases/base16'
import { base36 } from 'multiformats/bases/base36'
import { checkPin, parseQuery, pinningServiceInitFromConfig, reachableDelegates } from '../src/index.ts'
import { pinningServiceErrorClasses } from '../src/errors.ts'

const test = suite('validate')
const V0 = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'
const V1 = 'bafybeiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4'

function rejects (fn: () => unknown, name: string, message: RegExp): void {
  try {
    fn()
  } catch (err) {
    assert.is((err as Error).name, name)
    assert.match((err as Error).message, message)
    return
  }
  assert.unreachable(`accepted; expected ${name}`)
}

test('a Pin keeps only the spec\'s fields; any multibase of a CID parses', () => {
  assert.equal(checkPin({ cid: V0, name: 'n', origins: ['/ip4/1.2.3.4/tcp/1/p2p/x'], meta: { a: 'b' }, extra: 1 }).pin, { cid: V0, name: 'n', origins: ['/ip4/1.2.3.4/tcp/1/p2p/x'], meta: { a: 'b' } })
  const raw = CID.parse('bafkreiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4')
  assert.is(checkPin({ cid: raw.toString(base36) }).cid.toString(), raw.toString())
  assert.is(checkPin({ cid: raw.toString(base16) }).cid.toString(), raw.toString())
  assert.is(checkPin({ cid: V1 }).cid.toString(), V1)
})

test('bad Pins: malformed CIDs, long names, too many origins, non-string or oversized meta', () => {
  rejects(() => checkPin({ cid: 'notacid' }), 'InvalidCidError', /invalid cid 'notacid'/)
  rejects(() => checkPin({}), 'InvalidCidError', /non-empty string/)
  rejects(() => checkPin({ cid: 42 }), 'InvalidCidError', /non-empty string/)
  rejects(() => checkPin([V0]), 'InvalidParametersError', /Pin object/)
  rejects(() => checkPin({ cid: V0, name: 'x'.repeat(256) }), 'InvalidParametersError', /256 characters \(max 255\)/)
  rejects(() => checkPin({ cid: V0, origins: Array.from({ length: 21 }, (_, i) => `/ip4/1.1.1.${i}/tcp/1`) }), 'InvalidParametersError', /21 entries \(max 20\)/)
  rejects(() => checkPin({ cid: V0, origins: ['not-a-multiaddr'] }), 'InvalidParametersError', /not a multiaddr/)
  rejects(() => checkPin({ cid: V0, origins: ['/a', '/a'] }), 'InvalidParametersError', /unique/)
  rejects(() => checkPin({ cid: V0, meta: { a: 1 } }), 'InvalidParametersError', /meta\['a'\] must be a string/)
  rejects(() => checkPin({ cid: V0, meta: { big: 'x'.repeat(70_000) } }), 'InvalidParametersError', /bytes as JSON \(max 65536\)/)
  rejects(() => checkPin({ cid: V0, meta: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, ''])) }), 'InvalidParametersError', /1001 keys \(max 1000\)/)
})

test('the list query: comma lists, enums, RFC 3339 dates, limit 1-1000, at most 10 CIDs, meta JSON', () => {
  const q = parseQuery(new URLSearchParams(`cid=${V0},${V1}&status=queued,pinning&match=ipartial&name=x&limit=1000&before=2020-07-27T17:32:28.276Z&meta=${encodeURIComponent('{"a":"b"}')}&unknown=1`))
  assert.equal(q.cid, [V0, V1])
  assert.is(q.cidKeys?.size, 1, 'v0 and v1 of one CID are one key')
  assert.equal(q.status, ['queued', 'pinning'])
  assert.is(q.match, 'ipartial')
  assert.is(q.limit, 1000)
  assert.is(q.before?.toISOString(), '2020-07-27T17:32:28.276Z')
  assert.equal(q.meta, { a: 'b' })
  rejects(() => parseQuery(new URLSearchParams('limit=0')), 'InvalidParametersError', /limit must be a whole number from 1 to 1000, got '0'/)
  rejects(() => parseQuery(new URLSearchParams('limit=1001')), 'InvalidParametersError', /got '1001'/)
  rejects(() => parseQuery(new URLSearchParams('limit=ten')), 'InvalidParametersError', /got 'ten'/)
  rejects(() => parseQuery(new URLSearchParams('status=done')), 'InvalidParametersError', /status must be among/)
  rejects(() => parseQuery(new URLSearchParams('match=fuzzy')), 'InvalidParametersError', /match must be one of/)
  rejects(() => parseQuery(new URLSearchParams('before=yesterday')), 'InvalidParametersError', /RFC 3339/)
  rejects(() => parseQuery(new URLSearchParams('meta={nope')), 'InvalidParametersError', /meta must be a JSON object/)
  rejects(() => parseQuery(new URLSearchParams('meta=[1]')), 'InvalidParametersError', /meta must be an object/)
  rejects(() => parseQuery(new URLSearchParams(`cid=${Array(11).fill(V0).join(',')}`)), 'InvalidParametersError', /11 CIDs \(max 10\)/)
  rejects(() => parseQuery(new URLSearchParams('cid=bad')), 'InvalidCidError', /invalid cid 'bad'/)
})

test('Pinning.Service config becomes init fields, durations parsed', () => {
  assert.equal(pinningServiceInitFromConfig({ Listen: '/ip4/127.0.0.1/tcp/5002', Concurrency: 2, StallTimeout: '1m30s', MaxPinsPerToken: 5, MaxBytesPerToken: 1000 }), { concurrency: 2, stallTimeoutMs: 90_000, maxPinsPerToken: 5, maxBytesPerToken: 1000 })
  assert.equal(pinningServiceInitFromConfig(undefined), {})
  assert.equal(pinningServiceInitFromConfig({ StallTimeout: '' }), {})
  rejects(() => pinningServiceInitFromConfig({ StallTimeout: 'soon' }), 'InvalidParametersError', /soon/)
})

test('delegates leave loopback addresses out unless the node listens on nothing else', () => {
  const id = '12D3KooWGC6TvWhfapngX6wvJHMYvKpDMXPb3ZnCZ6dMoaMtimQ5'
  const loop = [`/ip4/127.0.0.1/tcp/4001/p2p/${id}`, `/ip6/::1/tcp/4001/p2p/${id}`, `/dns4/localhost/tcp/4001/p2p/${id}`]
  const lan = `/ip4/192.168.1.20/tcp/4001/p2p/${id}`
  const pub = `/ip6/2001:db8::7/udp/4001/quic-v1/p2p/${id}`
  assert.equal(reachableDelegates([...loop, lan, pub]), [lan, pub])
  assert.equal(reachableDelegates(loop), loop)
  // 127.x is loopback; 10.127.0.1 is not
  assert.equal(reachableDelegates([`/ip4/127.3.2.1/tcp/1/p2p/${id}`, `/ip4/10.127.0.1/tcp/1/p2p/${id}`]), [`/ip4/10.127.0.1/tcp/1/p2p/${id}`])
  assert.equal(reachableDelegates([]), [])
})

test('error classes carry their own names', () => {
  for (const E of pinningServiceErrorClasses) assert.is(new E().name, E.name)
})

test.run()
