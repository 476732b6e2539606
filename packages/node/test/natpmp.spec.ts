/**
 * reachability/natpmp.ts against a NAT-PMP gateway speaking RFC 6886 over real UDP on
 * 127.0.0.1:5351 (the protocol's fixed port; the client's is 5350). The lab spec
 * (apps/cli/test/nat-upnp.spec.ts) shows the whole path against miniupnpd; here what takes too
 * long or is too rare there: renewal at half the lifetime, a changed external address, lost
 * answers, a double NAT, a gateway that never answers, deletion of UDP mappings.
 */
import { createSocket } from 'node:dgram'
import type { Socket } from 'node:dgram'
import { defaultLogger } from '@libp2p/logger'
import { multiaddr } from '@multiformats/multiaddr'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { natPmp } from '../src/reachability/natpmp.ts'
import type { NatPmpComponents, NatPmpInit } from '../src/reachability/natpmp.ts'
import type { Startable } from '@libp2p/interface'

interface Request { op: number, internalPort: number, externalPort: number, lifetime: number }

/** A NAT-PMP gateway: answers as RFC 6886 says, records what it was asked, can ignore requests */
interface FakeGateway {
  requests: Request[]
  /** The opcode of every datagram that arrived, answered or not */
  received: number[]
  externalIp: string
  /** Requests still to ignore (lost on the way) */
  drop: number
  /** Whether to answer at all */
  silent: boolean
  close(): Promise<void>
}

async function startGateway (): Promise<FakeGateway> {
  const socket: Socket = createSocket('udp4')
  const gw: FakeGateway = {
    requests: [],
    received: [],
    externalIp: '61.2.3.4',
    drop: 0,
    silent: false,
    close: async () => new Promise<void>(resolve => { socket.close(() => { resolve() }) })
  }
  socket.on('message', (msg, rinfo) => {
    gw.received.push(msg.readUInt8(1))
    if (gw.silent) return
    if (gw.drop > 0) { gw.drop--; return }
    const op = msg.readUInt8(1)
    if (op === 0) {
      gw.requests.push({ op, internalPort: 0, externalPort: 0, lifetime: 0 })
      const res = Buffer.alloc(12)
      res.writeUInt8(128, 1)
      res.writeUInt32BE(1, 4)
      gw.externalIp.split('.').forEach((b, i) => res.writeUInt8(Number(b), 8 + i))
      socket.send(res, rinfo.port, rinfo.address)
      return
    }
    const req = { op, internalPort: msg.readUInt16BE(4), externalPort: msg.readUInt16BE(6), lifetime: msg.readUInt32BE(8) }
    gw.requests.push(req)
    const res = Buffer.alloc(16)
    res.writeUInt8(128 + op, 1)
    res.writeUInt32BE(1, 4)
    res.writeUInt16BE(req.internalPort, 8)
    // the gateway gives another external port than the one asked for: port + 10000
    res.writeUInt16BE(req.lifetime === 0 ? 0 : req.internalPort + 10000, 10)
    res.writeUInt32BE(req.lifetime, 12)
    socket.send(res, rinfo.port, rinfo.address)
  })
  await new Promise<void>(resolve => { socket.bind(5351, '127.0.0.1', resolve) })
  return gw
}

interface Mapping { internalIp: string, internalPort: number, externalIp: string, externalPort?: number, protocol?: string }

/** The slice of libp2p's address manager the service uses, over a fixed list of listen addresses */
function components (): NatPmpComponents & { added: Mapping[], removed: Mapping[] } {
  const added: Mapping[] = []
  const removed: Mapping[] = []
  const addrs = ['/ip4/192.168.1.2/tcp/4001', '/ip4/192.168.1.2/udp/4001/quic-v1', '/ip4/127.0.0.1/tcp/4001']
  return {
    added,
    removed,
    logger: defaultLogger(),
    events: new EventTarget() as NatPmpComponents['events'],
    addressManager: {
      getAddressesWithMetadata: () => addrs.map(a => ({ multiaddr: multiaddr(a), type: 'transport', verified: false, expires: 0 })),
      addPublicAddressMapping: (internalIp: string, internalPort: number, externalIp: string, externalPort?: number, protocol?: string) => { added.push({ internalIp, internalPort, externalIp, externalPort, protocol }) },
      removePublicAddressMapping: (internalIp: string, internalPort: number, externalIp: string, externalPort?: number, protocol?: string) => { removed.push({ internalIp, internalPort, externalIp, externalPort, protocol }) }
    } as unknown as NatPmpComponents['addressManager']
  }
}

async function until (what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

async function startService (c: NatPmpComponents, init: NatPmpInit): Promise<Startable> {
  const service = natPmp({ gateway: '127.0.0.1', ...init })(c)
  await service.start()
  await service.afterStart?.()
  return service
}

const test = suite<{ gw?: FakeGateway }>('NAT-PMP port mapping', {})

test.before.each(async (ctx) => { ctx.gw = await startGateway() })
test.after.each(async (ctx) => { await ctx.gw?.close() })

test('maps each private TCP and UDP port, lifetime in seconds, renews at half of it, deletes both on stop', async ({ gw }) => {
  const c = components()
  const service = await startService(c, { lifetimeSeconds: 2 })
  await until('both ports mapped', () => c.added.length === 2)
  // loopback is not mapped; the gateway's own port choice is what gets advertised
  assert.equal(c.added, [
    { internalIp: '192.168.1.2', internalPort: 4001, externalIp: '61.2.3.4', externalPort: 14001, protocol: 'tcp' },
    { internalIp: '192.168.1.2', internalPort: 4001, externalIp: '61.2.3.4', externalPort: 14001, protocol: 'udp' }
  ])
  const maps = (): Request[] => gw!.requests.filter(r => r.op !== 0)
  assert.equal(maps().map(r => [r.op, r.internalPort, r.externalPort, r.lifetime]), [[2, 4001, 4001, 2], [1, 4001, 4001, 2]])
  // renewed after 1 s, the same request again (RFC 6886 §3.3)
  await until('a renewal', () => maps().length >= 4, 5000)
  assert.equal(maps().slice(2, 4).map(r => [r.op, r.internalPort, r.lifetime]), [[2, 4001, 2], [1, 4001, 2]])
  assert.is(c.added.length, 2, 'the same mappings: nothing added again')
  const before = maps().length
  await service.stop()
  // lifetime 0, each with its own protocol (the client's own unmap() always says TCP)
  assert.equal(maps().slice(before).map(r => [r.op, r.internalPort, r.lifetime]), [[2, 4001, 0], [1, 4001, 0]])
  assert.equal(c.removed.map(m => m.protocol), ['tcp', 'udp'])
})

test('the gateway\'s external address changes: found on renewal, the mappings move to it', async ({ gw }) => {
  const c = components()
  const service = await startService(c, { lifetimeSeconds: 2 })
  await until('both ports mapped', () => c.added.length === 2)
  gw!.externalIp = '61.9.9.9'
  await until('the mappings moved', () => c.added.length === 4, 5000)
  assert.equal(c.removed.map(m => m.externalIp), ['61.2.3.4', '61.2.3.4'])
  assert.equal(c.added.slice(2).map(m => [m.externalIp, m.protocol]), [['61.9.9.9', 'tcp'], ['61.9.9.9', 'udp']])
  await service.stop()
})

test('a lost request is sent again', async ({ gw }) => {
  gw!.drop = 1
  const c = components()
  const service = await startService(c, { attemptTimeoutsMs: [200, 400, 800] })
  await until('both ports mapped', () => c.added.length === 2)
  // the external address, lost then asked again; then each mapping once
  assert.equal(gw!.received.slice(0, 4), [0, 0, 2, 1])
  await service.stop()
})

test('a gateway with a private external address (double NAT) gets no mapping request', async ({ gw }) => {
  gw!.externalIp = '10.1.2.3'
  const c = components()
  const service = await startService(c, {})
  await until('the external address asked', () => gw!.requests.length > 0)
  // stop() waits for the discovery in progress to end
  await service.stop()
  assert.equal(gw!.received, [0])
  assert.equal(c.added, [])
})

test('a gateway that never answers: asked as many times as there are attempts, then left alone', async ({ gw }) => {
  gw!.silent = true
  const c = components()
  const service = await startService(c, { attemptTimeoutsMs: [100, 200, 300] })
  await until('three attempts', () => gw!.received.length >= 3)
  await service.stop()
  assert.equal(gw!.received, [0, 0, 0])
  assert.equal(c.added, [])
})

test.run()
