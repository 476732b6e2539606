/**
 * Issue 18, UPnP / NAT-PMP port mapping (`Swarm.DisableNatPortMap`, default false as Kubo), in
 * network namespaces (fixtures/netns.ts) with a real UPnP IGD on each home's router (Debian's
 * miniupnpd, fixtures/upnp-router.ts):
 *
 * - a node behind a UPnP router finds it (SSDP), maps its swarm ports on the router's WAN address,
 *   AutoNAT confirms that address (the node reports Public, `id` too), and a public peer it never
 *   dialled reaches it directly there, through the mapping (no relay);
 * - a node with `Swarm.DisableNatPortMap: true` behind the same kind of router asks for nothing.
 * @timeout-ms 240000
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { connectionsTo, isRelayed } from './fixtures/nat-fetch.ts'
import { SWARM_TCP_PORT, startLabNode, stopAll, waitFor } from './fixtures/nat-lab.ts'
import type { LabNode } from './fixtures/nat-lab.ts'
import { createLab } from './fixtures/netns.ts'
import type { HomeHost, Lab } from './fixtures/netns.ts'
import { startUpnpRouter } from './fixtures/upnp-router.ts'
import type { UpnpRouter } from './fixtures/upnp-router.ts'

/** Until the node has found the router and mapped its ports (SSDP search, then SOAP calls) */
const MAPPING_TIMEOUT_MS = 60_000

interface Context { lab?: Lab, dir: string, nodes: LabNode[], routers: UpnpRouter[] }
const test = suite<Context>('UPnP port mapping', { dir: '', nodes: [], routers: [] })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-nat-upnp-'))
  ctx.lab = await createLab({ publicHosts: 2, homes: ['eim', 'eim'] })
  for (const home of ctx.lab.homes) ctx.routers.push(await startUpnpRouter(ctx.lab, home, ctx.dir))
  // nothing here needs the DHT
  const config = { 'Routing.Type': 'none' }
  const p0 = await startLabNode(ctx.lab.publicHosts[0], 'p0', { dir: ctx.dir, config: { ...config, 'Swarm.DisableNatPortMap': true } })
  ctx.nodes.push(p0)
  const started = await Promise.allSettled([
    startLabNode(ctx.lab.homes[0], 'h0', { dir: ctx.dir, bootstrap: [p0.tcpAddr], config: { ...config, 'Swarm.DisableNatPortMap': false } }),
    startLabNode(ctx.lab.homes[1], 'h1', { dir: ctx.dir, bootstrap: [p0.tcpAddr], config: { ...config, 'Swarm.DisableNatPortMap': true } })
  ])
  for (const s of started) if (s.status === 'fulfilled') ctx.nodes.push(s.value)
  for (const s of started) if (s.status === 'rejected') throw s.reason
})

test.after(async (ctx) => {
  await stopAll(ctx.nodes)
  await Promise.allSettled(ctx.routers.map(async r => r.stop()))
  await ctx.lab?.teardown()
  await rm(ctx.dir, { recursive: true, force: true })
})

test('behind a UPnP router the node maps its ports, AutoNAT confirms the router\'s address, and it is reached there directly', async ({ lab, nodes, routers, dir }) => {
  const h0 = nodes.find(n => n.host === lab!.homes[0])!
  const home = h0.host as HomeHost
  const router = routers[0]
  await waitFor('the TCP swarm port to be mapped on the router', async () =>
    new RegExp(`redirecting port ${SWARM_TCP_PORT} to ${home.ip.replace(/\./g, '\\.')}:${SWARM_TCP_PORT} protocol TCP`).test(router.output()) ? true : undefined, MAPPING_TIMEOUT_MS)
  assert.match(await router.mappings(), new RegExp(`tcp dpt:${SWARM_TCP_PORT}\\b`))
  const routerAddr = `/ip4/${home.wanIp}/tcp/${SWARM_TCP_PORT}`
  // AutoNAT checks the mapping (it was made after the peers connected, and the router's address
  // that peers observed was held back until then: asked first, it would have been refuted for good)
  const status = await waitFor('AutoNAT to confirm the mapped address', async () => {
    const s = JSON.parse((await h0.ok(['swarm', 'addrs', 'autonat', '--enc=json'])).out)
    return s.reachability === 'Public' ? s : undefined
  }, MAPPING_TIMEOUT_MS)
  assert.ok((status.reachable as string[]).includes(routerAddr), JSON.stringify(status))
  assert.is(JSON.parse((await h0.ok(['id', '--enc=json'])).out).Reachability, 'Public')

  // p1 never dialled h0, nor h0 p1: a connection between them can only come in through the mapping
  const p1 = await startLabNode(lab!.publicHosts[1], 'p1', { dir, config: { 'Routing.Type': 'none', 'Swarm.DisableNatPortMap': true } })
  nodes.push(p1)
  await p1.ok(['swarm', 'connect', `${routerAddr}/p2p/${h0.peerId}`], { timeoutMs: 30_000 })
  const conns = await connectionsTo(p1, h0.peerId)
  assert.ok(conns.some(c => c.startsWith(`${routerAddr}/`) && !isRelayed(c)), `expected a direct connection to ${routerAddr}: ${conns.join(' ')}`)
})

test('with Swarm.DisableNatPortMap the node asks the router for nothing', async ({ lab, nodes, routers }) => {
  const h1 = nodes.find(n => n.host === lab!.homes[1])!
  const home = h1.host as HomeHost
  // h0, started with it, had its ports mapped (the test above): h1 had the same time to ask
  assert.match(routers[0].output(), /redirecting port/)
  assert.not.match(routers[1].output(), /redirecting port/, routers[1].output())
  assert.not.match(routers[1].output(), new RegExp(`HTTP REQUEST from \\[::ffff:${home.ip.replace(/\./g, '\\.')}\\]`), 'not even a UPnP request')
  assert.not.match(await routers[1].mappings(), /dpt:/)
})

test.run()
