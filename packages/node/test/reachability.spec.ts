import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { multiaddr } from '@multiformats/multiaddr'
import { natOptions } from '../src/reachability/options.ts'
import { announceFilter, noAnnounceMatcher } from '../src/reachability/announce.ts'
import { createThrottle } from '../src/reachability/autonat.ts'
import { observedTcp } from '../src/reachability/observed.ts'
import { createAutonatVerdicts } from '../src/reachability/verdicts.ts'
import { defaultConfig } from '../src/config.ts'
import { cleanup, collect, concatBytes, pseudoRandomBytes, testNode, waitFor } from './fixtures/nodes.ts'
import type { CairnConfig } from '@cairn/interface'
import type { CairnNode } from '../src/index.ts'

const test = suite('reachability: relay, AutoNAT, hole punching wiring')

test.after(cleanup)

const withConfig = (extra: Record<string, unknown>): CairnConfig => ({ ...defaultConfig('x'), ...extra } as unknown as CairnConfig)

test('Kubo defaults for the NAT keys; bad values fail while the node is built', () => {
  const d = natOptions(defaultConfig('x'))
  assert.equal(d.relayLimits, { durationMs: 120_000, dataBytes: 131_072n, reservationTtlMs: 3_600_000, maxReservations: 128, maxCircuits: 16, maxReservationsPerIP: 8, maxReservationsPerASN: 32, bufferSize: 2048 })
  assert.equal([d.relayClient, d.relayService, d.holePunching, d.natPortMap], [true, true, true, true])
  assert.equal(d.transports, { tcp: true, websocket: true, quic: true, relay: true, webrtcDirect: true })
  assert.is(d.autonatService, 'enabled')
  assert.equal(d.autonatThrottle, { globalLimit: 30, peerLimit: 3, intervalMs: 60_000 })

  const off = natOptions(withConfig({ Swarm: { RelayClient: { Enabled: false }, DisableNatPortMap: true, Transports: { Network: { QUIC: false } } }, AutoNAT: { ServiceMode: 'disabled' } }))
  assert.is(off.relayClient, false)
  assert.is(off.holePunching, false, 'hole punching needs the relay client, as in Kubo')
  assert.is(off.natPortMap, false)
  assert.is(off.transports.quic, false)
  assert.is(off.autonatService, 'disabled')

  assert.throws(() => natOptions(withConfig({ Swarm: { RelayService: { MaxCircuits: -1 } } })), /MaxCircuits must be a non-negative integer/)
  assert.throws(() => natOptions(withConfig({ Swarm: { RelayService: { ConnectionDurationLimit: 'soon' } } })), /ConnectionDurationLimit/)
  assert.throws(() => natOptions(withConfig({ Swarm: { EnableHolePunching: 'yes' } })), /EnableHolePunching must be true, false or null/)
  assert.throws(() => natOptions(withConfig({ Swarm: { RelayClient: { StaticRelays: ['/ip4/1.2.3.4/tcp/4001'] } } })), /has no \/p2p\//)
  assert.throws(() => natOptions(withConfig({ AutoNAT: { ServiceMode: 'sometimes' } })), /ServiceMode/)
  assert.throws(() => natOptions(withConfig({ Swarm: { RelayService: { BufferSize: 'big' } } })), /BufferSize must be a non-negative integer/)
  assert.throws(() => natOptions(withConfig({ Swarm: { RelayService: { MaxReservationsPerASN: 1.5 } } })), /MaxReservationsPerASN must be a non-negative integer/)
})

test('NoAnnounce ranges and addresses, and circuit addresses only through relays we are connected to', () => {
  const hidden = noAnnounceMatcher(['/ip4/10.0.0.0/ipcidr/8', '/ip4/1.2.3.4/tcp/4001'])
  assert.ok(hidden(multiaddr('/ip4/10.1.2.3/tcp/4001')))
  assert.ok(hidden(multiaddr('/ip4/1.2.3.4/tcp/4001/p2p/12D3KooWJnhh4tc9hdbQvMeay2oqRdRCUhbVDMBxwZEVvSy1Z4NT')))
  assert.not.ok(hidden(multiaddr('/ip4/1.2.3.4/udp/4001/quic-v1')))

  const relay = '12D3KooWJnhh4tc9hdbQvMeay2oqRdRCUhbVDMBxwZEVvSy1Z4NT'
  const other = '12D3KooWRBy97UB99e3J6hiPesre1MZeuNQvfan4gBziswrRJsNK'
  const filter = announceFilter([], () => ({ knownAddrs: (peer) => peer === relay ? ['/ip4/5.6.7.8/tcp/4001'] : [] }))
  const me = '/p2p/12D3KooWSo1pNeT8mTGjPdvH2GkwdNqdW9Ck3tKC25K5Dh64hpRZ'
  const out = filter([
    multiaddr(`/ip4/5.6.7.8/tcp/4001/p2p/${relay}/p2p-circuit${me}`),
    multiaddr(`/ip4/9.9.9.9/tcp/4001/p2p/${relay}/p2p-circuit${me}`),
    multiaddr(`/ip4/5.6.7.8/tcp/4001/p2p/${other}/p2p-circuit${me}`),
    multiaddr(`/ip4/5.6.7.9/tcp/4001${me}`)
  ]).map(String)
  assert.equal(out, [`/ip4/5.6.7.8/tcp/4001/p2p/${relay}/p2p-circuit${me}`, `/ip4/5.6.7.9/tcp/4001${me}`],
    'a relay cannot make us advertise an address of its choosing or another peer\'s ID')
})

test('AutoNAT throttle: global and per-peer limits per interval, 0 meaning unlimited', () => {
  let now = 0
  const t = createThrottle({ globalLimit: 4, peerLimit: 2, intervalMs: 1000 }, () => now)
  assert.equal([t.take('a'), t.take('a'), t.take('a')], [true, true, false])
  assert.equal([t.take('b'), t.take('c'), t.take('d')], [true, true, false])
  now = 1000
  assert.is(t.take('a'), true, 'a new interval')
  const unlimited = createThrottle({ globalLimit: 0, peerLimit: 0, intervalMs: 1000 }, () => now)
  for (let i = 0; i < 100; i++) assert.ok(unlimited.take('a'))
})

test('observed TCP addresses: an IP enough peers see us at, with our TCP listen port, is a candidate for AutoNAT', () => {
  const o = observedTcp({ observersNeeded: 2 })
  const listening = ['/ip4/192.168.1.2/tcp/4001', '/ip4/192.168.1.2/udp/4001/quic-v1', '/ip6/::1/tcp/4003'].map(a => multiaddr(a))
  const none = (): boolean => false
  // one peer alone cannot make us check an IP of its choosing
  assert.equal(o.observe(multiaddr('/ip4/61.0.0.2/tcp/51234'), 'peerA', listening, none), [])
  assert.equal(o.observe(multiaddr('/ip4/61.0.0.2/tcp/40000'), 'peerA', listening, none), [], 'the same peer twice is one observer')
  assert.equal(o.observe(multiaddr('/ip4/61.0.0.2/tcp/61000'), 'peerB', listening, none), ['/ip4/61.0.0.2/tcp/4001'], 'the observed port is ours only by chance: the listen port is used')
  assert.equal(o.observe(multiaddr('/ip4/61.0.0.2/tcp/61001'), 'peerC', listening, none), [], 'handed out once')
  assert.equal(o.observe(multiaddr('/ip4/61.0.0.2/udp/5000/quic-v1'), 'peerD', listening, none), [], 'identify keeps the others itself')
  // an address AutoNAT already refuted (or one already known) is not asked about again
  const verdicts = createAutonatVerdicts(1000)
  verdicts.record(multiaddr('/ip4/62.0.0.2/tcp/4001'), false, 0)
  const refuted = (c: string): boolean => verdicts.isRefuted(c, 500)
  o.observe(multiaddr('/ip4/62.0.0.2/tcp/1'), 'peerA', listening, refuted)
  assert.equal(o.observe(multiaddr('/ip4/62.0.0.2/tcp/2'), 'peerB', listening, refuted), [])
  assert.equal(verdicts.refuted(500), ['/ip4/62.0.0.2/tcp/4001'])
  assert.equal(verdicts.refuted(2000), [], 'a refutation lapses after its time')
})

/**
 * A and B each behind their own "NAT": A listens on 127.0.0.2 and B on 127.0.0.3, and each one's
 * address filter refuses the other's, so they reach each other only through the relay on
 * 127.0.0.1 (and loopback addresses are never hole-punched)
 */
const natted = (relayAddr: string): any => ({
  Addresses: { Swarm: ['/ip4/127.0.0.2/tcp/0'] },
  Swarm: { RelayClient: { StaticRelays: [relayAddr] }, AddrFilters: ['/ip4/127.0.0.3/ipcidr/32'] }
})
const outside = { Addresses: { Swarm: ['/ip4/127.0.0.3/tcp/0'] }, Swarm: { AddrFilters: ['/ip4/127.0.0.2/ipcidr/32'] } } as any

test('AutoNAT.ServiceMode: enabled answers v1 and v2, legacy-v1 only v1, disabled neither (our own checks still run)', async () => {
  const autonat = async (mode?: string): Promise<string[]> => {
    const node = await testNode(mode == null ? {} : { config: { AutoNAT: { ServiceMode: mode } } as any })
    assert.ok(node.libp2p.services.autoNAT != null && node.libp2p.services.autoNATv2 != null, 'the services run')
    return (await node.id()).protocols.filter(p => p.startsWith('/libp2p/autonat'))
  }
  // dial-back is v2's client side (peers checking our own addresses): always there
  assert.equal(await autonat(), ['/libp2p/autonat/1.0.0', '/libp2p/autonat/2/dial-back', '/libp2p/autonat/2/dial-request'])
  assert.equal(await autonat('legacy-v1'), ['/libp2p/autonat/1.0.0', '/libp2p/autonat/2/dial-back'])
  assert.equal(await autonat('disabled'), ['/libp2p/autonat/2/dial-back'])
})

const relayedAddr = (node: CairnNode): string | undefined => {
  const addr = node.libp2p.services.reachability?.status().relayed[0]
  return addr == null ? undefined : `${addr}/p2p/${node.peerId}`
}

test('a node with a static relay reserves a slot, advertises /p2p-circuit, and is fetched from through it', async () => {
  // on loopback (a private network) every node may relay: R serves
  const relay = await testNode()
  const relayAddr = (await relay.swarm.localAddrs())[0]
  assert.ok(relay.libp2p.services.relayServer?.isServing(), 'the relay serves')
  const a = await testNode({ config: natted(relayAddr) })
  await waitFor(() => relayedAddr(a) != null, 15_000, 'a relay reservation')
  const circuit = relayedAddr(a) as string
  assert.match(circuit, new RegExp(`/p2p/${relay.peerId}/p2p-circuit/p2p/${a.peerId}$`))
  assert.ok((await a.swarm.localAddrs()).includes(circuit), 'the circuit address is advertised')
  assert.is(relay.libp2p.services.relayServer?.reservationCount(), 1)

  // B knows A only by its circuit address: the connection is relayed (limited), Bitswap runs on it
  const content = pseudoRandomBytes(20_000, 7)
  const [added] = await collect(a.add([{ path: 'small.bin', content }], { cidVersion: 1, rawLeaves: true }))
  const b = await testNode({ config: outside })
  await b.swarm.connect(circuit, { signal: AbortSignal.timeout(15_000) })
  const conns = b.libp2p.getConnections(a.libp2p.peerId)
  assert.ok(conns.length > 0 && conns.every(c => c.limits != null && c.remoteAddr.toString().includes('/p2p-circuit')), 'relayed only')
  const got = await concatBytes(b.cat(added.cid, { signal: AbortSignal.timeout(20_000) }))
  assert.equal(got, content)
  assert.ok(b.libp2p.getConnections(a.libp2p.peerId).every(c => c.limits != null), 'still relayed: the bytes crossed the relay')
})

test('past the relay\'s data limit the fetch fails with RelayLimitError: a bulk fetch cannot ride relayed connections', async () => {
  const relay = await testNode({ config: { Swarm: { RelayService: { ConnectionDataLimit: 65_536 } } } as any })
  const a = await testNode({ config: natted((await relay.swarm.localAddrs())[0]) })
  await waitFor(() => relayedAddr(a) != null, 15_000, 'a relay reservation')
  const content = pseudoRandomBytes(600_000, 9)
  const [added] = await collect(a.add([{ path: 'big.bin', content }], { cidVersion: 1, rawLeaves: true }))
  // a fetch timeout far beyond the test's: only the relay limit can end this fetch in time
  const b = await testNode({ fetchTimeoutMs: 600_000, config: outside })
  await b.swarm.connect(relayedAddr(a) as string, { signal: AbortSignal.timeout(15_000) })
  let failed: any
  try {
    await concatBytes(b.cat(added.cid, { signal: AbortSignal.timeout(60_000) }))
  } catch (err) {
    failed = err
  }
  assert.ok(failed != null, 'the fetch fails rather than moving 600 kB through a relay limited to 64 KiB per connection')
  assert.is(failed.name, 'RelayLimitError', String(failed))
  assert.is(failed.code, 'ERR_RELAY_LIMIT')
  assert.match(failed.message, new RegExp(`held only by ${a.peerId}, reachable only through a relay, and this transfer went past the relay's limits \\(about 6[34] KiB per connection\\)`))
  assert.ok(b.libp2p.getConnections(a.libp2p.peerId).every(c => c.limits != null), 'never a direct connection')

  // what fits in the limit still comes through the relay
  const small = pseudoRandomBytes(16_000, 10)
  const [smallAdded] = await collect(a.add([{ path: 'small.bin', content: small }], { cidVersion: 1, rawLeaves: true }))
  const c = await testNode({ config: outside })
  await c.swarm.connect(relayedAddr(a) as string, { signal: AbortSignal.timeout(15_000) })
  assert.equal(await concatBytes(c.cat(smallAdded.cid, { signal: AbortSignal.timeout(30_000) })), small)
})

test('a relayed connection that ends short of the relay\'s limits is not a relay cut: no RelayLimitError', async () => {
  const relay = await testNode({ config: { Swarm: { RelayService: { ConnectionDataLimit: 1_048_576 } } } as any })
  const a = await testNode({ config: natted((await relay.swarm.localAddrs())[0]) })
  await waitFor(() => relayedAddr(a) != null, 15_000, 'a relay reservation')
  const content = pseudoRandomBytes(16_000, 11)
  const [added] = await collect(a.add([{ path: 'small.bin', content }], { cidVersion: 1, rawLeaves: true }))
  const b = await testNode({ config: outside })
  await b.swarm.connect(relayedAddr(a) as string, { signal: AbortSignal.timeout(15_000) })
  assert.equal(await concatBytes(b.cat(added.cid, { signal: AbortSignal.timeout(30_000) })), content)
  const relayed = b.libp2p.getConnections(a.libp2p.peerId)
  assert.ok(relayed.length > 0 && relayed.every(c => c.limits != null), 'relayed')

  // the relay drops B (a restart, a lost link): the relayed connection ends, far from its limits
  // and not by a reset of its circuit. Any end of a relayed connection once counted as the relay's
  // limit (a duplicate libp2p aborts, too), and a transfer that fit the limits failed 5 s later.
  await relay.libp2p.hangUp(b.libp2p.peerId)
  await waitFor(() => relayed.every(c => c.status !== 'open'), 5_000, 'the relayed connection to end')
  const network = (b.libp2p.services.bitswap as any).network
  assert.not.ok(network.hasRelayCuts(), 'no relay cut recorded')
  assert.is(network.relayExhausted(a.libp2p.peerId, Date.now() + 60_000), undefined)
})

test.run()
