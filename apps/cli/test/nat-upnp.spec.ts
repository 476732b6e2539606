/**
 * Issue 18, UPnP / NAT-PMP port mapping (`Swarm.DisableNatPortMap`, default false as Kubo), in
 * network namespaces (fixtures/netns.ts) with a real UPnP IGD on each home's router (Debian's
 * miniupnpd, fixtures/upnp-router.ts):
 *
 * - a node behind a UPnP router finds it (SSDP), maps its swarm ports on the router's WAN address,
 *   AutoNAT confirms that address (the node reports Public, `id` too), and a public peer it never
 *   dialled reaches it directly there, through the mapping (no relay);
 * - a node behind a NAT-PMP-only router (miniupnpd with UPnP off) maps its ports over NAT-PMP on
 *   its default gateway, AutoNAT confirms them, and a public peer reaches it there directly;
 *   requests lost on the way are sent again, and the mappings are deleted when the node stops;
 * - a node with `Swarm.DisableNatPortMap: true` behind a router that speaks both asks for nothing,
 *   over neither protocol.
 * @timeout-ms 240000
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { connectionsTo, isRelayed } from './fixtures/nat-fetch.ts'
import { SWARM_TCP_PORT, startLabNode, stopAll, waitFor, withLogs } from './fixtures/nat-lab.ts'
import type { LabNode } from './fixtures/nat-lab.ts'
import { createLab } from './fixtures/netns.ts'
import type { HomeHost, Lab } from './fixtures/netns.ts'
import { startUpnpRouter } from './fixtures/upnp-router.ts'
import type { UpnpRouter } from './fixtures/upnp-router.ts'

/** Until the node has found the router and mapped its ports (SSDP search, then SOAP calls) */
const MAPPING_TIMEOUT_MS = 60_000

interface Context { lab?: Lab, dir: string, nodes: LabNode[], routers: UpnpRouter[] }
const test = suite<Context>('UPnP port mapping', { dir: '', nodes: [], routers: [] })

test.before(logged(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-nat-upnp-'))
  // homes[0] and [1]: UPnP and NAT-PMP; homes[2]: NAT-PMP only
  ctx.lab = await createLab({ publicHosts: 2, homes: ['eim', 'eim', 'eim'] })
  for (const [i, home] of ctx.lab.homes.entries()) ctx.routers.push(await startUpnpRouter(ctx.lab, home, ctx.dir, { upnp: i !== 2 }))
  // the NAT-PMP-only router loses every other request (a lossy LAN): each is sent again
  await ctx.lab.exec(ctx.lab.homes[2].routerNs, 'iptables', ['-I', 'INPUT', '-i', 'lan0', '-p', 'udp', '--dport', '5351', '-m', 'statistic', '--mode', 'nth', '--every', '2', '--packet', '0', '-j', 'DROP'])
  // nothing here needs the DHT
  const config = { 'Routing.Type': 'none' }
  // what the port mappers did, in the logs a failure prints
  const env = { DEBUG: 'cairn:natpmp*,libp2p:upnp-nat*' }
  const p0 = await startLabNode(ctx.lab.publicHosts[0], 'p0', { dir: ctx.dir, config: { ...config, 'Swarm.DisableNatPortMap': true } })
  ctx.nodes.push(p0)
  const started = await Promise.allSettled([
    startLabNode(ctx.lab.homes[0], 'h0', { dir: ctx.dir, env, bootstrap: [p0.tcpAddr], config: { ...config, 'Swarm.DisableNatPortMap': false } }),
    startLabNode(ctx.lab.homes[1], 'h1', { dir: ctx.dir, bootstrap: [p0.tcpAddr], config: { ...config, 'Swarm.DisableNatPortMap': true } }),
    startLabNode(ctx.lab.homes[2], 'h2', { dir: ctx.dir, env, bootstrap: [p0.tcpAddr], config: { ...config, 'Swarm.DisableNatPortMap': false } })
  ])
  for (const s of started) if (s.status === 'fulfilled') ctx.nodes.push(s.value)
  for (const s of started) if (s.status === 'rejected') throw s.reason
}))

/** A second public node, started once: it never dialled the homes, nor they it */
async function outsider ({ lab, nodes, dir }: Context): Promise<LabNode> {
  const started = nodes.find(n => n.host === lab!.publicHosts[1])
  if (started != null) return started
  const p1 = await startLabNode(lab!.publicHosts[1], 'p1', { dir, config: { 'Routing.Type': 'none', 'Swarm.DisableNatPortMap': true } })
  nodes.push(p1)
  return p1
}

/** Waits until AutoNAT confirms `addr` and the node reports Public (`swarm addrs autonat`, `id`) */
async function confirmedPublic (node: LabNode, addr: string): Promise<void> {
  const status = await waitFor(`AutoNAT to confirm ${addr}`, async () => {
    const s = JSON.parse((await node.ok(['swarm', 'addrs', 'autonat', '--enc=json'])).out)
    return s.reachability === 'Public' && (s.reachable as string[]).includes(addr) ? s : undefined
  }, MAPPING_TIMEOUT_MS)
  assert.ok((status.reachable as string[]).includes(addr), JSON.stringify(status))
  assert.is(JSON.parse((await node.ok(['id', '--enc=json'])).out).Reachability, 'Public')
}

/** `from` dials `to` at `addr` (a router's mapped address) and gets a direct connection there */
async function reachedThrough (from: LabNode, to: LabNode, addr: string): Promise<void> {
  await from.ok(['swarm', 'connect', `${addr}/p2p/${to.peerId}`], { timeoutMs: 30_000 })
  const conns = await connectionsTo(from, to.peerId)
  assert.ok(conns.some(c => c.startsWith(`${addr}/`) && !isRelayed(c)), `expected a direct connection to ${addr}: ${conns.join(' ')}`)
}

/**
 * Until the router forwards its WAN port 4001 (TCP) inwards (its MINIUPNPD DNAT chain; iptables
 * prints no target for miniupnpd's DNAT revision, but the router maps to the asking host only)
 */
async function mappedOn (router: UpnpRouter): Promise<void> {
  const rule = new RegExp(`tcp dpt:${SWARM_TCP_PORT}\\b`)
  await waitFor('the TCP swarm port to be mapped on the router', async () => {
    const chain = await router.mappings()
    if (!rule.test(chain)) throw new Error(`not in the router's MINIUPNPD chain:\n${chain}`)
    return true
  }, MAPPING_TIMEOUT_MS)
}

/** withLogs, with the routers' (miniupnpd's) last lines too */
function logged (handler: (ctx: Context) => Promise<void>): (ctx: Context) => Promise<void> {
  return withLogs(async (ctx: Context) => {
    try {
      await handler(ctx)
    } catch (err) {
      for (const [i, r] of ctx.routers.entries()) process.stderr.write(`--- router of home ${i} (miniupnpd), last lines:\n${r.output().trimEnd().split('\n').slice(-30).join('\n')}\n`)
      throw err
    }
  })
}

const escape = (s: string): string => s.replace(/\./g, '\\.')

test.after(async (ctx) => {
  await stopAll(ctx.nodes)
  await Promise.allSettled(ctx.routers.map(async r => r.stop()))
  await ctx.lab?.teardown()
  await rm(ctx.dir, { recursive: true, force: true })
})

test('behind a UPnP router the node maps its ports, AutoNAT confirms the router\'s address, and it is reached there directly', logged(async (ctx) => {
  const { lab, nodes, routers } = ctx
  const h0 = nodes.find(n => n.host === lab!.homes[0])!
  const home = h0.host as HomeHost
  const router = routers[0]
  await mappedOn(router)
  // over UPnP too (this router speaks NAT-PMP as well, answered at once: UPnP's SSDP search takes
  // 5 s, then it asks for the same mapping, which the router updates)
  const upnpAsked = new RegExp(`redirecting port ${SWARM_TCP_PORT} to ${escape(home.ip)}:${SWARM_TCP_PORT} protocol TCP|updating existing port mapping ${SWARM_TCP_PORT} TCP \\(rhost ''\\) => ${escape(home.ip)}:${SWARM_TCP_PORT}`)
  await waitFor('the mapping asked over UPnP', async () => upnpAsked.test(router.output()) ? true : undefined, MAPPING_TIMEOUT_MS)
  const routerAddr = `/ip4/${home.wanIp}/tcp/${SWARM_TCP_PORT}`
  // AutoNAT checks the mapping (it was made after the peers connected, and the router's address
  // that peers observed was held back until then: asked first, it would have been refuted for good)
  await confirmedPublic(h0, routerAddr)
  // p1 never dialled h0, nor h0 p1: a connection between them can only come in through the mapping
  await reachedThrough(await outsider(ctx), h0, routerAddr)
}))

test('behind a NAT-PMP-only router the node maps its ports over NAT-PMP, AutoNAT confirms them, and it is reached there directly', logged(async (ctx) => {
  const { lab, nodes, routers } = ctx
  const h2 = nodes.find(n => n.host === lab!.homes[2])!
  const home = h2.host as HomeHost
  const router = routers[2]
  await mappedOn(router)
  // asked over NAT-PMP (the router serves no UPnP: no SSDP answer, no HTTP server)
  assert.match(router.output(), new RegExp(`NAT-PMP port mapping request : ${SWARM_TCP_PORT}->${escape(home.ip)}:${SWARM_TCP_PORT} tcp lifetime=3600s`, 'i'))
  assert.not.match(router.output(), /HTTP REQUEST from/)
  // and every other request was lost on the way (the rule set in `before`), yet each got through
  const lost = /^\s*(\d+)\s+\d+\s+DROP\b.*udp dpt:5351/m.exec(await lab!.exec(home.routerNs, 'iptables', ['-L', 'INPUT', '-v', '-n', '-x']))
  assert.ok(lost != null && Number(lost[1]) >= 2, `NAT-PMP requests dropped: ${lost?.[1]}`)
  const routerAddr = `/ip4/${home.wanIp}/tcp/${SWARM_TCP_PORT}`
  await confirmedPublic(h2, routerAddr)
  await reachedThrough(await outsider(ctx), h2, routerAddr)
}))

test('a node that stops deletes its NAT-PMP mappings on the router', logged(async ({ lab, nodes, routers }) => {
  const h2 = nodes.find(n => n.host === lab!.homes[2])!
  assert.match(await routers[2].mappings(), /dpt:/)
  assert.is(await h2.stop(), 0)
  // lifetime 0 deletes a mapping (RFC 6886 §3.4)
  assert.match(routers[2].output(), new RegExp(`NAT-PMP tcp port ${SWARM_TCP_PORT} mapping removed`, 'i'))
  assert.not.match(await routers[2].mappings(), /dpt:/)
}))

test('with Swarm.DisableNatPortMap the node asks the router for nothing', logged(async ({ lab, nodes, routers }) => {
  const h1 = nodes.find(n => n.host === lab!.homes[1])!
  const home = h1.host as HomeHost
  // h0, started with it, had its ports mapped (the test above): h1 had the same time to ask
  assert.match(await routers[0].mappings(), /dpt:/)
  assert.not.match(routers[1].output(), /redirecting port/, routers[1].output())
  assert.not.match(routers[1].output(), new RegExp(`HTTP REQUEST from \\[::ffff:${escape(home.ip)}\\]`), 'not even a UPnP request')
  // h0's router logged h0's NAT-PMP requests (it speaks both): h1's, the same kind, logged none
  assert.match(routers[0].output(), /NAT-PMP port mapping request/)
  assert.not.match(routers[1].output(), /NAT-PMP request received/, 'not even a NAT-PMP request')
  assert.not.match(await routers[1].mappings(), /dpt:/)
}))

test.run()
