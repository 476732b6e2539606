/**
 * The reachability service asks again for a relay reservation it lost or was refused (issue 18):
 * libp2p asks a static relay once per `listen` and its discovery asks a relay once per
 * connection, so without this a node behind NAT stayed unreachable after a relay hung up on it or
 * refused it once. The node under test is a bare libp2p over TCP on 127.0.0.1 carrying our
 * service (with short retry times); the relays are real Circuit Relay v2 servers. Also the relay
 * service's side: it serves only while the node is publicly reachable, as Kubo's.
 */
import { noise } from '@chainsafe/libp2p-noise'
import { RELAY_V2_HOP_CODEC, circuitRelayServer, circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { identify, identifyPush } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { createLibp2p } from 'libp2p'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { multiaddr } from '@multiformats/multiaddr'
import { defaultConfig } from '../src/config.ts'
import { natOptions } from '../src/reachability/options.ts'
import { gatedRelayServer } from '../src/reachability/relay-server.ts'
import { reachability } from '../src/reachability/service.ts'
import { createAutonatVerdicts } from '../src/reachability/verdicts.ts'
import type { AutonatVerdicts } from '../src/reachability/verdicts.ts'
import { cleanup, testNode, waitFor } from './fixtures/nodes.ts'
import type { ReachabilityService } from '../src/reachability/service.ts'
import type { Libp2p } from '@libp2p/interface'
import type { AddressManager } from '@libp2p/interface-internal'

const test = suite('relay reservations are asked for again')

const started: Libp2p[] = []
test.after(async () => {
  await Promise.allSettled(started.map(async n => n.stop()))
  await cleanup()
})

/** Check, retry and grace times short enough for a test; the defaults are 10 s, 30 s and 20 s */
const QUICK = { checkIntervalMs: 100, relayRetryMs: 500, unknownGraceMs: 0 }

async function natted (init: { staticRelays?: string[], unknownGraceMs?: number, autonatVerdicts?: AutonatVerdicts }): Promise<Libp2p<{ reachability: ReachabilityService }>> {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp(), circuitRelayTransport()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), identifyPush: identifyPush(), reachability: reachability({ ...QUICK, ...init }) }
  })
  started.push(node)
  return node
}

const relayedVia = (node: Libp2p<{ reachability: ReachabilityService }>, relay: string): boolean =>
  node.services.reachability.status().relayed.some(a => a.includes(`/p2p/${relay}/p2p-circuit`))

test('a static relay that hung up on us is asked again, and we advertise through it again', async () => {
  // on loopback (a private network) a Cairn node relays at once
  const relay = await testNode()
  const relayAddr = (await relay.swarm.localAddrs())[0]
  const a = await natted({ staticRelays: [relayAddr] })
  await waitFor(() => relayedVia(a, relay.peerId), 15_000, 'the first reservation')

  // the relay hangs up: the reservation lives on that connection, so it is gone
  await relay.libp2p.hangUp(a.peerId)
  await waitFor(() => !relayedVia(a, relay.peerId), 5_000, 'the lost reservation to be withdrawn')
  await waitFor(() => relayedVia(a, relay.peerId), 15_000, 'a new reservation after the loss')
  assert.is(relay.libp2p.services.relayServer?.reservationCount(), 1)

  // and again: the retry is not a one-off
  await relay.libp2p.hangUp(a.peerId)
  await waitFor(() => !relayedVia(a, relay.peerId), 5_000, 'the second loss to be withdrawn')
  await waitFor(() => relayedVia(a, relay.peerId), 15_000, 'a reservation after the second loss')
  assert.is(a.getMultiaddrs().filter(m => m.toString().includes('/p2p-circuit')).length, 1, 'one relayed address, not one per retry')
})

test('a discovered relay that refused us once, while we stay connected, is asked again', async () => {
  let refusals = 1
  const relay = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    // a real relay whose first answer is a refusal (a relay full for a moment does the same)
    connectionGater: { denyInboundRelayReservation: async () => refusals-- > 0 },
    services: { identify: identify(), relay: circuitRelayServer() }
  })
  started.push(relay)
  const a = await natted({})
  await a.dial(relay.getMultiaddrs()[0])
  await waitFor(() => refusals < 0, 15_000, 'the relay to refuse, then be asked again')
  await waitFor(() => relayedVia(a, relay.peerId.toString()), 15_000, 'a reservation on the relay that refused once')
  assert.ok(a.getConnections(relay.peerId).length > 0, 'the same relay, still connected')
})

test('the relay client reserves when AutoNAT says Private, not before (while the grace lasts)', async () => {
  const relay = await testNode()
  const verdicts = createAutonatVerdicts()
  const a = await natted({ unknownGraceMs: 600_000, autonatVerdicts: verdicts })
  await a.dial(multiaddr((await relay.swarm.localAddrs())[0]))
  await waitFor(async () => (await a.peerStore.get(relay.libp2p.peerId)).protocols.includes(RELAY_V2_HOP_CODEC), 10_000, 'identify to show the relay')
  // ten checks' worth of time: a node AutoNAT has said nothing about does not reserve yet
  const until = Date.now() + 1000
  while (Date.now() < until) {
    assert.is(a.services.reachability.status().reachability, 'Unknown')
    assert.not.ok(relayedVia(a, relay.peerId))
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  // AutoNAT's verdict, as its services hand it to the address manager: the router's address is not dialable
  verdicts.record(multiaddr('/ip4/61.0.0.2/tcp/4001'), false)
  await waitFor(() => a.services.reachability.status().reachability === 'Private', 5_000, 'Private')
  assert.equal(a.services.reachability.status().unreachable, ['/ip4/61.0.0.2/tcp/4001'])
  await waitFor(() => relayedVia(a, relay.peerId), 15_000, 'a reservation once Private')
})

test('the relay service stops when the node stops being publicly reachable, and starts again after', async () => {
  const relay = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), identifyPush: identifyPush(), relayServer: gatedRelayServer({ limits: natOptions(defaultConfig('x')).relayLimits }) }
  })
  started.push(relay)
  const hop = (): boolean => relay.getProtocols().includes(RELAY_V2_HOP_CODEC)
  // where AutoNAT's verdicts land (libp2p's own address manager)
  const addressManager = (relay as unknown as { components: { addressManager: AddressManager } }).components.addressManager
  assert.not.ok(relay.services.relayServer.isServing(), 'only loopback addresses: not public, no relay')
  assert.not.ok(hop())

  // AutoNAT confirms a public address (as its dial-backs would): the relay serves
  const publicAddr = multiaddr('/ip4/1.2.3.4/tcp/4001')
  addressManager.confirmObservedAddr(publicAddr, { type: 'observed' })
  await waitFor(() => relay.services.relayServer.isServing() && hop(), 5_000, 'the relay to start')
  const a = await natted({ staticRelays: [relay.getMultiaddrs().find(m => m.toString().startsWith('/ip4/127.0.0.1'))!.toString()] })
  await waitFor(() => relayedVia(a, relay.peerId.toString()), 15_000, 'a reservation on the public relay')
  assert.is(relay.services.relayServer.reservationCount(), 1)

  // AutoNAT withdraws it: the relay stops, its protocol and reservations go
  addressManager.removeObservedAddr(publicAddr)
  await waitFor(() => !relay.services.relayServer.isServing() && !hop(), 5_000, 'the relay to stop')
  assert.is(relay.services.relayServer.reservationCount(), 0)

  // the client heard (identify-push) that the relay stopped relaying: its dead reservation is dropped
  await waitFor(() => !relayedVia(a, relay.peerId.toString()), 10_000, 'the client to drop its reservation on the stopped relay')

  // public again: a new relay serves, and the client reserves on it again
  addressManager.confirmObservedAddr(publicAddr, { type: 'observed' })
  await waitFor(() => relay.services.relayServer.isServing() && hop(), 5_000, 'the relay to start again')
  await waitFor(() => relay.services.relayServer.reservationCount() === 1, 15_000, 'a reservation on the restarted relay')
})

test('MaxReservationsPerIP: past it a reservation from the same IP is refused; a holder that goes frees its slot', async () => {
  const relay = await testNode({ config: { Swarm: { RelayService: { MaxReservationsPerIP: 2 } } } as any })
  const relayAddr = (await relay.swarm.localAddrs())[0]
  const count = (): number | undefined => relay.libp2p.services.relayServer?.reservationCount()
  // listening on the relay's circuit address is reserving a slot there: libp2p fails the start
  // when that is refused. Every peer dials from 127.0.0.1: one IP.
  const client = async (): Promise<Libp2p> => {
    const node = await createLibp2p({
      addresses: { listen: [`${relayAddr}/p2p-circuit`] },
      transports: [tcp(), circuitRelayTransport()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      services: { identify: identify() }
    })
    started.push(node)
    return node
  }
  const a = await client()
  await client()
  assert.is(count(), 2)
  const refused = await client().then(() => undefined, (err: Error) => err)
  assert.ok(refused != null, 'a third reservation from the same IP is refused')
  assert.match(refused.message, /failed to be listened on|PERMISSION_DENIED|reservation/i)
  assert.is(count(), 2)

  // a holder that disconnects frees its slot at once (go-libp2p's relay does; the js relay kept it for the TTL, an hour)
  await a.stop()
  await waitFor(() => count() === 1, 5_000, 'the reservation of the peer that left to be dropped')
  await client()
  assert.is(count(), 2)
})

test.run()
