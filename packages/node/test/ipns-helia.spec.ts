/**
 * IPNS interop with a real Helia 7 node running `@helia/ipns`, over TCP on 127.0.0.1: a name Cairn
 * publishes to the DHT resolves in Helia, and a name Helia publishes resolves in Cairn. Helia runs
 * its own kad-dht (server mode, the `ipns` package's validator), with no public bootstrap, no
 * delegated routing and no HTTP gateways.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { noise } from '@chainsafe/libp2p-noise'
import { ipns } from '@helia/ipns'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { createHelia } from 'helia'
import { ipnsSelector } from 'ipns/selector'
import { ipnsValidator } from 'ipns/validator'
import { base36 } from 'multiformats/bases/base36'
import { CID } from 'multiformats/cid'
import { cleanup, collect, testNode, waitFor, waitForRoutingTable } from './fixtures/nodes.ts'

const test = suite('IPNS interop with Helia 7 (@helia/ipns)')

test.after(cleanup)

async function loopbackHelia () {
  const helia = await createHelia({
    libp2p: {
      addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
      transports: [tcp()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      peerDiscovery: [],
      services: {
        identify: identify(),
        ping: ping(),
        dht: kadDHT({
          protocol: '/ipfs/kad/1.0.0',
          clientMode: false,
          peerInfoMapper: passthroughMapper,
          validators: { ipns: ipnsValidator },
          selectors: { ipns: ipnsSelector }
        })
      }
    },
    http: { delegatedRouters: [], recursiveGateways: [] }
  } as any)
  await helia.start()
  return helia
}

test('Helia resolves a name Cairn published; Cairn resolves a name Helia published', async () => {
  const cairn = await testNode()
  const helia = await loopbackHelia()
  try {
    await helia.libp2p.dial(cairn.libp2p.getMultiaddrs()[0], { signal: AbortSignal.timeout(10_000) })
    await waitForRoutingTable(cairn)
    await waitFor(() => ((helia.libp2p.services as any).dht.routingTable.size ?? 0) > 0, 10_000, 'Helia\'s routing table')

    const [added] = await collect(cairn.add([{ path: 'x', content: new TextEncoder().encode('from cairn') }], { cidVersion: 1 }))
    const { name } = await cairn.name.publish(added.cid.toString(), { signal: AbortSignal.timeout(20_000) })
    const names = ipns(helia as any)
    let value = ''
    for await (const result of names.resolve(CID.parse(name, base36), { signal: AbortSignal.timeout(20_000) })) {
      const v = result.record.value as unknown
      // @helia/ipns keeps the value as the record's bytes
      value = v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v)
      break
    }
    assert.is(value, `/ipfs/${added.cid}`, 'Helia reads the record Cairn put in the DHT')

    const [other] = await collect(cairn.add([{ path: 'y', content: new TextEncoder().encode('from helia') }], { cidVersion: 1 }))
    const published = await names.publish('helia-key', other.cid, { signal: AbortSignal.timeout(20_000) } as any)
    const heliaName = published.publicKey.toCID().toString(base36)
    assert.is(await cairn.name.resolve(heliaName, { signal: AbortSignal.timeout(20_000) }), `/ipfs/${other.cid}`)
    const inspected = await cairn.name.inspect(await cairn.name.get(heliaName), { verify: heliaName })
    assert.is(inspected.validation?.valid, true, 'Helia\'s record passes our validation')
  } finally {
    await helia.stop()
  }
})

test.run()
