/**
 * Bad input against the NAT-traversal protocols, from hand-rolled peers speaking the wire format
 * (protobuf written out here): a relay that lies about reservations, a peer opening thousands of
 * relay streams, malformed and flooding AutoNAT dial-back requests. Limits hold, the node stays
 * up, and nothing is dialled that the protocol does not allow.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createServer } from 'node:net'
import { identify } from '@libp2p/identify'
import { lpStream } from '@libp2p/utils'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { baseLibp2pOptions } from './fixtures/bitswap-helpers.ts'
import { cleanup, testNode, waitFor } from './fixtures/nodes.ts'
import type { Libp2p, Stream } from '@libp2p/interface'

const test = suite('reachability: bad input')

const HOP = '/libp2p/circuit/relay/0.2.0/hop'
const AUTONAT = '/libp2p/autonat/1.0.0'
const AUTONAT_V2_REQUEST = '/libp2p/autonat/2/dial-request'
const AUTONAT_V2_BACK = '/libp2p/autonat/2/dial-back'
const bare: Libp2p[] = []

test.after(async () => {
  await Promise.all(bare.splice(0).map(async n => n.stop()))
  await cleanup()
})

async function bareNode (): Promise<Libp2p> {
  const node = await createLibp2p({ ...baseLibp2pOptions(), services: { identify: identify() } })
  bare.push(node)
  return node
}

// --- protobuf, by hand -------------------------------------------------------------------------
function varint (value: number | bigint): number[] {
  let v = BigInt(value)
  const out: number[] = []
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
  return out
}
const concat = (...parts: Array<Uint8Array | number[]>): Uint8Array => Uint8Array.from(parts.flatMap(p => [...p]))
const uint = (field: number, value: number | bigint): Uint8Array => concat(varint(field << 3), varint(value))
const bytes = (field: number, value: Uint8Array): Uint8Array => concat(varint((field << 3) | 2), varint(value.length), value)

/** The first varint of `field` inside the message `field` of `buf` (one level deep), if any */
function nestedUint (buf: Uint8Array, outer: number, inner: number): number | undefined {
  const fields = (b: Uint8Array): Array<[number, number, Uint8Array | bigint]> => {
    const out: Array<[number, number, Uint8Array | bigint]> = []
    let i = 0
    const read = (): bigint => {
      let shift = 0n
      let v = 0n
      for (;;) {
        const byte = b[i++]
        v |= BigInt(byte & 0x7f) << shift
        if ((byte & 0x80) === 0) return v
        shift += 7n
      }
    }
    while (i < b.length) {
      const key = Number(read())
      const wire = key & 7
      if (wire === 0) out.push([key >> 3, wire, read()])
      else if (wire === 2) {
        const len = Number(read())
        out.push([key >> 3, wire, b.subarray(i, i + len)])
        i += len
      } else break
    }
    return out
  }
  const msg = fields(buf).find(([f, w]) => f === outer && w === 2)
  if (msg == null) return undefined
  const value = fields(msg[2] as Uint8Array).find(([f, w]) => f === inner && w === 0)
  return value == null ? undefined : Number(value[2])
}

test('a relay that lies about its reservation cannot make the node advertise addresses of its choosing', async () => {
  const victim = await bareNode()
  const liar = await bareNode()
  // status OK with "relay addresses" naming another peer, an arbitrary IP, and no voucher
  await liar.handle(HOP, async (stream: Stream) => {
    const lp = lpStream(stream)
    await lp.read()
    const reservation = concat(
      uint(1, Math.floor(Date.now() / 1000) + 3600),
      bytes(2, multiaddr(`/ip4/6.6.6.6/tcp/4001/p2p/${victim.peerId.toString()}`).bytes),
      bytes(2, multiaddr('/ip4/7.7.7.7/tcp/4001').bytes)
    )
    await lp.write(concat(uint(1, 2), bytes(3, reservation), uint(5, 100)))
    await stream.close()
  }, { runOnLimitedConnection: true })

  const liarAddr = liar.getMultiaddrs()[0].toString()
  const a = await testNode({ config: { Swarm: { RelayClient: { StaticRelays: [liarAddr] } } } as any })
  await waitFor(() => (a.libp2p.services.reachability?.status().relayed.length ?? 0) > 0, 15_000, 'the reservation')
  const advertised = await a.swarm.localAddrs()
  const circuits = advertised.filter(x => x.includes('/p2p-circuit'))
  assert.equal(circuits, [`${liarAddr}/p2p-circuit/p2p/${a.peerId}`], 'only the relay\'s own address, as we dialled it')
  assert.not.ok(advertised.some(x => x.includes('6.6.6.6') || x.includes('7.7.7.7') || x.includes(victim.peerId.toString())))
  const id = await a.id()
  assert.ok(id.reachability != null && id.reachability !== 'Public', 'the node still works and says it is not public')
  assert.ok(id.addresses.includes(circuits[0]), 'and how it can be reached')
})

test('a peer opening thousands of relay streams gets MaxCircuits at once; the relay stays up and serves others', async () => {
  const relay = await testNode({ config: { Swarm: { RelayService: { MaxCircuits: 16 } } } as any })
  assert.ok(relay.libp2p.services.relayServer?.isServing())
  const attacker = await bareNode()
  const conn = await attacker.dial(multiaddr((await relay.swarm.localAddrs())[0]), { signal: AbortSignal.timeout(10_000) })
  const atRelay = (): number => relay.libp2p.getConnections(attacker.peerId).flatMap(c => c.streams).filter(s => s.protocol === HOP && s.status === 'open').length
  // 2000 hop streams, 10 at a time, each held open (a would-be circuit)
  let peak = 0
  for (let i = 0; i < 200; i++) {
    const batch = await Promise.allSettled(Array.from({ length: 10 }, async () =>
      conn.newStream(HOP, { maxOutboundStreams: 5000, runOnLimitedConnection: true, signal: AbortSignal.timeout(30_000) })))
    assert.is(batch.length, 10)
    peak = Math.max(peak, atRelay())
  }
  assert.ok(peak <= 16, `the relay holds at most MaxCircuits (16) hop streams from one peer, not ${peak}`)
  // the rest were reset by the relay (at or right after negotiation)
  await waitFor(() => conn.streams.filter(s => s.protocol === HOP && s.status === 'open').length <= 16, 10_000, 'the streams past the limit to be reset')

  // the relay still does its job for someone else
  const b = await testNode({ config: { Swarm: { RelayClient: { StaticRelays: [(await relay.swarm.localAddrs())[0]] } } } as any })
  await waitFor(() => (b.libp2p.services.reachability?.status().relayed.length ?? 0) > 0, 20_000, 'a reservation after the flood')
  assert.is((await relay.id()).id, relay.peerId)
})

test('malformed and flooding AutoNAT dial-back requests: refused, throttled, and nothing dialled', async () => {
  // a trap on another loopback address: the node must never connect to it
  let trapped = 0
  const trap = createServer(socket => { trapped++; socket.destroy() })
  await new Promise<void>(resolve => trap.listen(0, '127.0.0.2', resolve))
  const trapPort = (trap.address() as { port: number }).port
  try {
    const node = await testNode()
    const attacker = await bareNode()
    const conn = await attacker.dial(multiaddr((await node.swarm.localAddrs())[0]), { signal: AbortSignal.timeout(10_000) })
    const ask = async (payload: Uint8Array): Promise<number | undefined> => {
      const stream = await conn.newStream(AUTONAT, { signal: AbortSignal.timeout(10_000) })
      const lp = lpStream(stream)
      await lp.write(payload)
      const reply = await lp.read({ signal: AbortSignal.timeout(20_000) })
      await stream.close().catch(() => {})
      return nestedUint(reply.subarray(), 3, 1)
    }
    const dial = (peer: Uint8Array, addrs: string[]): Uint8Array =>
      concat(uint(1, 0), bytes(2, bytes(1, concat(bytes(1, peer), ...addrs.map(a => bytes(2, multiaddr(a).bytes))))))

    // our own ID, asking to be dialled at a trap on another host (and a private one)
    const toTrap = await ask(dial(attacker.peerId.toMultihash().bytes, [`/ip4/127.0.0.2/tcp/${trapPort}`]))
    assert.ok(toTrap != null && toTrap !== 0, `refused (status ${toTrap}), not dialled`)
    // someone else's ID: a bad request
    const other = await bareNode()
    const spoofed = await ask(dial(other.peerId.toMultihash().bytes, [`/ip4/127.0.0.2/tcp/${trapPort}`]))
    assert.ok(spoofed != null && spoofed !== 0, `spoofed peer refused (status ${spoofed})`)
    // bytes that are no protobuf at all: the stream ends, the node stays up
    await ask(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])).catch(() => undefined)
    // past AutoNAT.Throttle.PeerLimit (3 a minute) the stream is reset before anything is read
    let throttled = 0
    for (let i = 0; i < 3; i++) {
      try {
        await ask(dial(attacker.peerId.toMultihash().bytes, [`/ip4/127.0.0.2/tcp/${trapPort}`]))
      } catch {
        throttled++
      }
    }
    assert.is(throttled, 3, 'every request past the per-peer limit is cut')
    assert.is(trapped, 0, 'the node never dialled the address it was handed')
    assert.is((await node.id()).id, node.peerId, 'the node is up')
  } finally {
    await new Promise(resolve => trap.close(resolve))
  }
})

test('malformed AutoNAT v2 dial requests and dial-backs: refused, nothing dialled, the node stays up', async () => {
  let trapped = 0
  const trap = createServer(socket => { trapped++; socket.destroy() })
  await new Promise<void>(resolve => trap.listen(0, '127.0.0.2', resolve))
  const trapPort = (trap.address() as { port: number }).port
  try {
    const node = await testNode()
    const nodeAddr = multiaddr((await node.swarm.localAddrs())[0])
    /** Sends `payload` on a v2 dial-request stream from a fresh peer (the throttle is per peer); the replies until the stream ends */
    const request = async (payload: Uint8Array, protocol = AUTONAT_V2_REQUEST): Promise<{ replies: Uint8Array[], error?: Error }> => {
      const attacker = await bareNode()
      const conn = await attacker.dial(nodeAddr, { signal: AbortSignal.timeout(10_000) })
      const stream = await conn.newStream(protocol, { signal: AbortSignal.timeout(10_000) })
      const lp = lpStream(stream)
      await lp.write(payload)
      const replies: Uint8Array[] = []
      try {
        // the server answers, or ends or resets the stream; a dial-data request is never paid here
        for (;;) {
          replies.push((await lp.read({ signal: AbortSignal.timeout(5_000) })).subarray())
          if (replies.length > 4) break
        }
      } catch (err) {
        return { replies, error: err as Error }
      } finally {
        stream.abort(new Error('done'))
      }
      return { replies }
    }
    // Message { DialRequest dialRequest = 1 }, DialRequest { repeated bytes addrs = 1; fixed64 nonce = 2 }
    const nonce = concat([0x11], [1, 2, 3, 4, 5, 6, 7, 8])
    const dialRequest = (addrs: string[]): Uint8Array => bytes(1, concat(...addrs.map(a => bytes(1, multiaddr(a).bytes)), nonce))
    const field = (reply: Uint8Array): number => reply[0] >> 3

    // not a protobuf at all: the stream ends, no answer
    const garbage = await request(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))
    assert.is(garbage.replies.length, 0)
    // a request with no address
    assert.is((await request(bytes(1, nonce))).replies.length, 0)
    // an address that is no multiaddr
    assert.is((await request(bytes(1, concat(bytes(1, Uint8Array.from([0xde, 0xad, 0xbe, 0xef])), nonce)))).replies.length, 0)
    // a private address (a trap on another loopback address): refused before any dial
    const priv = await request(dialRequest([`/ip4/127.0.0.2/tcp/${trapPort}`]))
    assert.ok(priv.replies.every(r => field(r) !== 2 || nestedUint(r, 2, 1) !== 200), 'never an OK dial')
    // a message past the 8 KiB limit
    assert.is((await request(bytes(1, concat(...Array.from({ length: 100 }, (_, i) => bytes(1, multiaddr(`/ip4/1.2.3.${i}/tcp/4001`).bytes)), new Uint8Array(9000))))).replies.length, 0)
    // a public address on another IP than the requester's: the node first asks to be paid in
    // bytes (amplification guard), and with nothing paid it dials nothing
    const other = await request(dialRequest(['/ip4/1.2.3.4/tcp/4001']))
    assert.is(other.replies.length, 1, 'one answer: the dial-data request')
    assert.is(field(other.replies[0]), 3, 'DialDataRequest')
    const wanted = nestedUint(other.replies[0], 3, 2) ?? 0
    assert.ok(wanted >= 30_000, `asks for at least 30 kB before dialling another IP (asked ${wanted})`)
    assert.not.ok(node.libp2p.getDialQueue().some(d => d.multiaddrs.some(m => m.toString().includes('1.2.3.4'))), 'nothing dialled')
    assert.not.ok(node.libp2p.getConnections().some(c => c.remoteAddr.toString().includes('1.2.3.4')), 'nothing dialled')
    // a relayed address, plain or WebRTC (a relay on a public IP): refused at once, no dial data
    // asked and nothing dialled through the relay (a relay forwarding says nothing of reachability)
    const relay = '12D3KooWQmNNT463w8qqUHGThYp5njnDvzf8rqqy91D5j9U5UWcA'
    for (const relayed of [`/ip4/1.2.3.5/tcp/4001/p2p/${relay}/p2p-circuit`, `/ip4/1.2.3.5/tcp/4001/p2p/${relay}/p2p-circuit/webrtc`]) {
      const r = await request(dialRequest([relayed]))
      assert.is(r.replies.length, 1, `one answer to ${relayed}`)
      assert.is(field(r.replies[0]), 2, `a DialResponse to ${relayed}, not a dial-data request`)
      assert.is(nestedUint(r.replies[0], 2, 1), 101, `E_DIAL_REFUSED for ${relayed}`)
    }
    assert.not.ok(node.libp2p.getConnections().some(c => c.remoteAddr.toString().includes('1.2.3.5')), 'nothing dialled')

    // our own dial-back handler (the client side of our checks) takes garbage and unknown nonces
    await request(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]), AUTONAT_V2_BACK)
    await request(concat([0x09], [8, 7, 6, 5, 4, 3, 2, 1]), AUTONAT_V2_BACK)
    assert.is(node.libp2p.services.reachability?.status().reachable.length, 0, 'a stranger\'s dial-back confirms nothing')

    assert.is(trapped, 0, 'the node never dialled the address it was handed')
    assert.is((await node.id()).id, node.peerId, 'the node is up')
  } finally {
    await new Promise(resolve => trap.close(resolve))
  }
})

test.run()
