/**
 * Issue 18, in network namespaces (fixtures/netns.ts): a node behind a NAT learns that it is not
 * publicly reachable (AutoNAT's Private), then reserves a slot on a relay and advertises it.
 *
 * js-libp2p's AutoNAT concludes only after 8 failed dial-backs from 8 network segments (first
 * octets), so the lab has 9 public Cairn nodes, each in its own /8. What they are asked to dial
 * is the router's address with the home node's TCP port: the reachability service hands AutoNAT
 * that candidate once 4 peers saw the node at the router's IP, and has every connected peer asked (identify alone drops observed TCP
 * addresses, and a NATed node then had nothing to check). The router forwards nothing, so every
 * dial-back fails and AutoNAT says Private. The router resets those TCP dials (`tcpReset`) rather
 * than drop them: each fails at once, not at the dial timeout (AutoNAT's verdict came about 3 s
 * after the home node started, against about 21 s with dropped dials).
 * @timeout-ms 420000
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createLab } from './fixtures/netns.ts'
import type { HomeHost, Lab } from './fixtures/netns.ts'
import { logsBeforeKill, SWARM_TCP_PORT, startLabNode, stopAll, waitFor, withLogs } from './fixtures/nat-lab.ts'
import type { LabNode } from './fixtures/nat-lab.ts'

/** js-libp2p's AutoNAT wants 8 failed dial-backs, each from another /8; one more peer for margin */
const PUBLIC_PEERS = 9
/** Until AutoNAT concludes: every peer connects, identifies, is asked and fails to dial back */
const PRIVATE_TIMEOUT_MS = 150_000
/** Until the reservation made on Private is advertised */
const RESERVATION_TIMEOUT_MS = 60_000

/**
 * The spec's `@timeout-ms` (above), over the sum of its own bounds (daemons ready: 2 × 90 s;
 * then 150 + 60 + 30 s), so that a slow run fails on the bound it broke, with the logs
 */
const SPEC_TIMEOUT_MS = 420_000

interface Context { lab?: Lab, dir: string, nodes: LabNode[], home?: LabNode, disarm?: () => void }
const test = suite<Context>('a node behind NAT learns it is not reachable', { dir: '', nodes: [] })

test.before(withLogs(async (ctx) => {
  ctx.disarm = logsBeforeKill(ctx.nodes, SPEC_TIMEOUT_MS - 20_000)
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-nat-private-'))
  ctx.lab = await createLab({ publicHosts: PUBLIC_PEERS, homes: ['eim'], tcpReset: true })
  // no DHT: nothing here needs it, and 9 daemons share a loaded machine
  const config = { 'Swarm.DisableNatPortMap': true, 'Routing.Type': 'none' }
  const started = await Promise.allSettled(ctx.lab.publicHosts.map(async (h, i) => startLabNode(h, `p${i}`, { dir: ctx.dir, config })))
  for (const s of started) if (s.status === 'fulfilled') ctx.nodes.push(s.value)
  for (const s of started) if (s.status === 'rejected') throw s.reason
  const bootstrap = ctx.nodes.map(n => n.tcpAddr)
  // what AutoNAT and the reachability service did, in the logs a failure prints (withLogs)
  ctx.home = await startLabNode(ctx.lab.homes[0], 'h0', { dir: ctx.dir, bootstrap, config, env: { DEBUG: 'cairn:reachability*,libp2p:autonat*' } })
  ctx.nodes.push(ctx.home)
}))

test.after(async (ctx) => {
  ctx.disarm?.()
  await stopAll(ctx.nodes)
  await ctx.lab?.teardown()
  await rm(ctx.dir, { recursive: true, force: true })
})

const autonat = async (node: LabNode): Promise<{ reachability: string, reachable?: string[], unreachable?: string[], relayed?: string[] }> =>
  JSON.parse((await node.ok(['swarm', 'addrs', 'autonat', '--enc=json'])).out)

test('AutoNAT says Private; the node holds a relay slot and advertises it, never the router\'s address', withLogs(async ({ home, nodes }) => {
  const h = home!
  const wan = (h.host as HomeHost).wanIp
  const status = await waitFor('AutoNAT to say Private', async () => {
    const s = await autonat(h)
    return s.reachability === 'Private' ? s : undefined
  }, PRIVATE_TIMEOUT_MS, 2000)
  // what was found unreachable: the router's address with our port, which the router does not forward
  assert.ok((status.unreachable ?? []).includes(`/ip4/${wan}/tcp/${SWARM_TCP_PORT}`), JSON.stringify(status))
  assert.is((status.reachable ?? []).length, 0, JSON.stringify(status))

  const relays = new Set(nodes.filter(n => n !== h).map(n => n.peerId))
  const id = await waitFor('a relayed address', async () => {
    const id = JSON.parse((await h.ok(['id', '--enc=json'])).out)
    return (id.Addresses as string[]).some(a => /\/p2p\/(\w+)\/p2p-circuit\//.test(a) && relays.has(/\/p2p\/(\w+)\/p2p-circuit\//.exec(a)![1])) ? id : undefined
  }, RESERVATION_TIMEOUT_MS)
  // Private and relayed both hold: `id` says Private, as Kubo's `swarm addrs autonat` would
  assert.is(id.Reachability, 'Private')
  assert.not.ok((id.Addresses as string[]).some(a => a.startsWith(`/ip4/${wan}/`)), (id.Addresses as string[]).join('\n'))
  // the daemon says so too (it looks every 2 s; a loaded machine may take a while)
  await waitFor('the daemon\'s reachability line', async () => /Reachability: relayed via \/ip4\/\S+\/p2p-circuit/.test(h.daemon.output()) ? true : undefined, 30_000)
}))

test.run()
