/**
 * The reachability service asks again for a relay reservation it lost or was refused (issue 18):
 * libp2p asks a static relay once per `listen` and its discovery asks a relay once per
 * connection, so without this a node behind NAT stayed unreachable after a relay hung up on it or
 * refused it once. The node under test is a bare libp2p over TCP on 127.0.0.1 carrying our
 * service (with short retry times); the relays are real Circuit Relay v2 servers.
 */
import { noise } from '@chainsafe/libp2p-noise'
import { circuitRelayServer, circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { createLibp2p } from 'libp2p'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { reachability } from '../src/reachability/service.ts'
import { cleanup, testNode, waitFor } from './fixtures/nodes.ts'
import type { ReachabilityService } from '../src/reachability/service.ts'
import type { Libp2p } from '@libp2p/interface'

const test = suite('relay reservations are asked for again')

const started: Libp2p[] = []
test.after(async () => {
  await Promise.allSettled(started.map(async n => n.stop()))
  await cleanup()
})

/** Check and retry times short enough for a test; the defaults are 10 s and 30 s */
const QUICK = { checkIntervalMs: 100, relayRetryMs: 500 }

async function natted (init: { staticRelays?: string[] }): Promise<Libp2p<{ reachability: ReachabilityService }>> {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp(), circuitRelayTransport()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), reachability: reachability({ ...QUICK, ...init }) }
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

test.run()
