/**
 * Issue 18's hole-punching proof, in network namespaces (fixtures/netns.ts): two homes, each
 * behind its own endpoint-independent NAT, and one public node that is the bootstrap peer, the
 * only relay (Kubo's limits: 128 KiB a relayed connection) and, beside it, a STUN server.
 *
 * Node B fetches node A's 5 MiB file by CID alone: the provider is found through the public
 * node's DHT, reached through the relay, and the relayed connection is upgraded to a direct one
 * (WebRTC: SDP over the relay, ICE punching both NATs), which Bitswap moves to. The connection
 * ends direct, and the relay carries a small fraction of the bytes (counted on its interface).
 * A's router counts A's UDP packets to B's NAT by size: the WebRTC data goes in packets sized by
 * `Swarm.WebRTC.MTU` (default 1400: 1369-byte IPv4 packets; libdatachannel's own 1280 would make
 * them 1249 bytes, 1500 would make them 1469).
 * @timeout-ms 300000
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { addRandomFile, connectionsTo, isRelayed, isWebRTC, timedFetch } from './fixtures/nat-fetch.ts'
import { createLab } from './fixtures/netns.ts'
import type { Lab } from './fixtures/netns.ts'
import { logsBeforeKill, startLabNode, stopAll, SWARM_TCP_PORT, waitFor, withLogs } from './fixtures/nat-lab.ts'
import type { LabNode } from './fixtures/nat-lab.ts'
import { startStunServer } from './fixtures/stun-server.ts'
import type { StunServer } from './fixtures/stun-server.ts'

/** Until both homes hold a reservation and advertise their relayed WebRTC address */
const RESERVATION_TIMEOUT_MS = 90_000
/** Until the file is found by CID and fetched */
const FETCH_TIMEOUT_MS = 120_000
const FILE_BYTES = 5 * 1024 * 1024
/** The relay may carry signalling, identify, DHT and the first blocks, never the bulk */
const RELAYED_SHARE_MAX = 0.1
/** IPv4 packet sizes SCTP's full packets take at `Swarm.WebRTC.MTU` 1400 (above the 1280 default of libdatachannel) */
const FULL_PACKET_BYTES = [1300, 1400] as const

const exec = promisify(execFile)
/** iptables in a namespace */
async function iptables (ns: string, args: string[]): Promise<string> {
  return (await exec('ip', ['netns', 'exec', ns, 'iptables', ...args], { timeout: 10_000 })).stdout
}
/** Packets counted by the FORWARD rules commented `comment` */
async function counted (ns: string, comment: string): Promise<number> {
  const out = await iptables(ns, ['-L', 'FORWARD', '-v', '-x', '-n'])
  return out.split('\n').filter(l => l.includes(`/* ${comment} */`)).reduce((n, l) => n + Number(l.trim().split(/\s+/)[0]), 0)
}

/** The header's `@timeout-ms`: the daemons' logs are printed 20 s before scripts/test.ts kills the spec */
const SPEC_TIMEOUT_MS = 300_000

interface Context { lab?: Lab, dir: string, stun?: StunServer, relay?: LabNode, homes: LabNode[], nodes: LabNode[], disarm?: () => void }
const test = suite<Context>('hole punching across two endpoint-independent NATs', { dir: '', homes: [], nodes: [] })

test.before(withLogs(async (ctx) => {
  ctx.disarm = logsBeforeKill(ctx.nodes, SPEC_TIMEOUT_MS - 20_000)
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-nat-punch-'))
  ctx.lab = await createLab({ publicHosts: 1, homes: ['eim', 'eim'] })
  const p0 = ctx.lab.publicHosts[0]
  ctx.stun = await startStunServer(p0.ns, p0.ip)
  const config = { 'Swarm.DisableNatPortMap': true, 'Swarm.WebRTC.STUNServers': [ctx.stun.url] }
  ctx.relay = await startLabNode(p0, 'p0', { dir: ctx.dir, config })
  ctx.nodes.push(ctx.relay)
  const bootstrap = [ctx.relay.tcpAddr, ctx.relay.tcpAddr.replace(`/tcp/${SWARM_TCP_PORT}/`, `/udp/${SWARM_TCP_PORT}/quic-v1/`)]
  const env = process.env.NAT_PUNCH_DEBUG != null ? { DEBUG: process.env.NAT_PUNCH_DEBUG } : undefined
  const started = await Promise.allSettled(ctx.lab.homes.map(async (h, i) => startLabNode(h, `h${i}`, { dir: ctx.dir, bootstrap, config, env })))
  for (const s of started) if (s.status === 'fulfilled') ctx.nodes.push(s.value)
  for (const s of started) if (s.status === 'rejected') throw s.reason
  ctx.homes = ctx.nodes.filter(n => n.host.kind === 'home')
}))

test.after(async (ctx) => {
  ctx.disarm?.()
  // NAT_PUNCH_DEBUG=<DEBUG value> shows what the homes' daemons said
  if (process.env.NAT_PUNCH_DEBUG != null) for (const h of ctx.homes) process.stderr.write(`--- ${h.host.ns}\n${h.daemon.output().slice(-200_000)}\n`)
  await stopAll(ctx.nodes)
  await ctx.stun?.stop()
  await ctx.lab?.teardown()
  await rm(ctx.dir, { recursive: true, force: true })
})

test('B fetches A\'s 5 MiB file by CID across two NATs; the connection ends direct and the relay carries little', withLogs(async ({ lab, relay, homes, dir, stun }) => {
  const [a, b] = homes
  for (const h of homes) {
    await waitFor(`${h.host.ns} to advertise a relayed WebRTC address`, async () => {
      const id = JSON.parse((await h.ok(['id', '--enc=json'])).out)
      return (id.Addresses as string[]).some(x => x.includes(`/p2p/${relay!.peerId}/p2p-circuit/webrtc/p2p/${h.peerId}`)) ? true : undefined
    }, RESERVATION_TIMEOUT_MS)
  }
  const file = await addRandomFile(a, dir, FILE_BYTES)
  // the root's provider record is on the public node before B asks
  await a.ok(['routing', 'provide', file.cid], { timeoutMs: FETCH_TIMEOUT_MS })
  // A's UDP packets to B's NAT, by size, on A's router (before its NAT rewrites the source)
  const router = lab!.homes[0].routerNs
  const toB = ['-i', 'lan0', '-p', 'udp', '-d', lab!.homes[1].wanIp, '-m', 'length']
  await iptables(router, ['-I', 'FORWARD', ...toB, '--length', `${FULL_PACKET_BYTES[0]}:${FULL_PACKET_BYTES[1]}`, '-m', 'comment', '--comment', 'full'])
  await iptables(router, ['-I', 'FORWARD', ...toB, '--length', `${FULL_PACKET_BYTES[1] + 1}:65535`, '-m', 'comment', '--comment', 'over'])
  const before = await lab!.counters(relay!.host)
  const got = await timedFetch(b, file.cid, FETCH_TIMEOUT_MS)
  const after = await lab!.counters(relay!.host)
  assert.is(got.bytes, FILE_BYTES)
  assert.is(got.sha256, file.sha256)

  const conns = await connectionsTo(b, a.peerId)
  assert.ok(conns.some(c => !isRelayed(c) && isWebRTC(c)), `expected a direct WebRTC connection: ${conns.join(' ')}`)
  // the relay's interface saw a small share of the file: the bulk went straight between the NATs
  const relayed = after.rx - before.rx
  process.stdout.write(`relay received ${relayed} bytes during the ${FILE_BYTES}-byte fetch (${(100 * relayed / FILE_BYTES).toFixed(1)}%), ttfb ${got.ttfbMs.toFixed(0)} ms, total ${got.totalMs.toFixed(0)} ms\n`)
  assert.ok(relayed < FILE_BYTES * RELAYED_SHARE_MAX, `${relayed} bytes reached the relay during a ${FILE_BYTES}-byte fetch`)
  // the punched path carried the file in packets of Swarm.WebRTC.MTU's size: at least half of it
  // in full packets of 1300-1400 bytes, next to none bigger
  const [full, over] = [await counted(router, 'full'), await counted(router, 'over')]
  process.stdout.write(`A's UDP packets to B's NAT: ${full} of ${FULL_PACKET_BYTES.join('-')} bytes, ${over} bigger\n`)
  assert.ok(full * FULL_PACKET_BYTES[0] > FILE_BYTES / 2, `only ${full} packets of ${FULL_PACKET_BYTES.join('-')} bytes from A to B's NAT`)
  assert.ok(over < full / 100, `${over} packets over ${FULL_PACKET_BYTES[1]} bytes from A to B's NAT (${full} of ${FULL_PACKET_BYTES.join('-')})`)
  // ICE asked the lab's STUN server for both NATs' public mappings
  assert.ok(stun!.answered() >= 2, `STUN answered ${stun!.answered()} requests`)
}))

test.run()
