/**
 * `Swarm.RelayService.MaxReservationsPerASN` (issue 18), as go-libp2p's relay applies it: to IPv6
 * peers only, counting the reservations held from addresses of the same autonomous system, with
 * the real IPv6-to-ASN table from `@ip-location-db/asn` (reachability/asn.ts). The relay's own
 * per-IP limit and the slot freed on disconnect are shown end to end in relay-retry.spec.ts.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ipv6AsnTable, ipv6ToBigInt, parseAsnTable } from '../src/reachability/asn.ts'
import { reservationLimitReached } from '../src/reachability/relay-server.ts'

const test = suite('relay: MaxReservationsPerASN')

/** Google and Cloudflare public DNS resolvers: announced by AS15169 and AS13335 for years */
const GOOGLE = ['2001:4860:4860::8888', '2001:4860:4860::8844', '2a00:1450:4001::1']
const CLOUDFLARE = '2606:4700:4700::1111'

test('IPv6 text to a 128-bit number; IPv4 and IPv4-mapped forms are not IPv6 here (go\'s To4)', () => {
  assert.is(ipv6ToBigInt('::'), 0n)
  assert.is(ipv6ToBigInt('::1'), 1n)
  assert.is(ipv6ToBigInt('2001:db8::1'), (0x20010db8n << 96n) | 1n)
  assert.is(ipv6ToBigInt('[2001:db8:0:0:0:0:0:2]'), (0x20010db8n << 96n) | 2n)
  assert.is(ipv6ToBigInt('fe80::1%eth0'), (0xfe80n << 112n) | 1n)
  for (const notV6 of ['8.8.8.8', '::ffff:8.8.8.8', '::ffff:808:808', '::8.8.8.8', 'not an ip', '2001:db8::g']) {
    assert.is(ipv6ToBigInt(notV6), undefined, notV6)
  }
})

test('the table: real ASNs for known addresses, none for private, documentation and IPv4 ones', async () => {
  const table = await ipv6AsnTable()
  assert.ok(table.size > 50_000, `${table.size} ranges`)
  for (const ip of GOOGLE) assert.is(table.asnOf(ip), 15169, ip)
  assert.is(table.asnOf(CLOUDFLARE), 13335)
  for (const ip of ['::1', 'fe80::1', 'fd00::1', '2001:db8::1', '8.8.8.8', '::ffff:8.8.8.8']) assert.is(table.asnOf(ip), undefined, ip)
  assert.is(await ipv6AsnTable(), table, 'read once')
})

test('a table line out of order or without an ASN is left out rather than breaking the search', () => {
  const table = parseAsnTable('100,199,64500,A\n50,60,64501,B\n200,299,0,none\n300,399,64502,"C, Inc."\n')
  assert.is(table.size, 2)
  const ip = (n: number): string => `::${n.toString(16)}`
  assert.is(table.asnOf(ip(150)), 64500)
  assert.is(table.asnOf(ip(55)), undefined)
  assert.is(table.asnOf(ip(250)), undefined)
  assert.is(table.asnOf(ip(399)), 64502)
  assert.is(table.asnOf(ip(400)), undefined)
})

test('past MaxReservationsPerASN an IPv6 peer of the same AS is refused; other ASes, unknown ones and IPv4 are not', async () => {
  const limits = { maxReservationsPerIP: 8, maxReservationsPerASN: 2 }
  const [g1, g2, g3] = GOOGLE
  assert.is(await reservationLimitReached(g2, [g1], limits), undefined, 'one Google holder: room for a second')
  assert.is(await reservationLimitReached(g3, [g1, g2], limits), 'asn', 'two Google holders (two IPs): a third from AS15169 is refused')
  assert.is(await reservationLimitReached(CLOUDFLARE, [g1, g2], limits), undefined, 'another AS')
  // go-libp2p counts only addresses with a known ASN
  assert.is(await reservationLimitReached('2001:db8::3', ['2001:db8::1', '2001:db8::2'], limits), undefined)
  // IPv4 is bounded per IP only, whatever its AS
  assert.is(await reservationLimitReached('8.8.4.4', ['8.8.8.8', '8.8.8.9', '8.8.8.10'], limits), undefined)
  assert.is(await reservationLimitReached('8.8.8.8', Array(8).fill('8.8.8.8'), limits), 'ip')
  // Kubo's default, 32
  assert.is(await reservationLimitReached(g3, Array(31).fill(g1), { maxReservationsPerIP: 64, maxReservationsPerASN: 32 }), undefined)
  assert.is(await reservationLimitReached(g3, Array(32).fill(g1), { maxReservationsPerIP: 64, maxReservationsPerASN: 32 }), 'asn')
})

test.run()
