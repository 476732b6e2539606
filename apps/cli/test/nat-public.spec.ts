/**
 * Issue 18, in network namespaces (fixtures/netns.ts): a public Cairn node with UPnP off and no
 * `Addresses.Announce` advertises its public interface address and serves the DHT, so a node
 * behind NAT finds its provider record, dials the address in it and fetches the content; the
 * NATed node itself stays a DHT client (nobody can dial it).
 * @timeout-ms 300000
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createLab } from './fixtures/netns.ts'
import type { Lab } from './fixtures/netns.ts'
import { identify, logsBeforeKill, startLabNode, stopAll, SWARM_TCP_PORT, waitFor, withLogs } from './fixtures/nat-lab.ts'
import type { LabNode } from './fixtures/nat-lab.ts'

const DHT_PROTOCOL = '/ipfs/kad/1.0.0'
/** Until a started node has settled its addresses and DHT mode */
const SETTLE_TIMEOUT_MS = 45_000
/** Until a provider record is found and the content fetched through it */
const FETCH_TIMEOUT_MS = 60_000

/** The header's `@timeout-ms`: the daemons' logs are printed 20 s before scripts/test.ts kills the spec */
const SPEC_TIMEOUT_MS = 300_000

interface Context { lab?: Lab, dir: string, nodes: LabNode[], disarm?: () => void }
const test = suite<Context>('a public node on a public address', { dir: '', nodes: [] })

test.before(withLogs(async (ctx) => {
  ctx.disarm = logsBeforeKill(ctx.nodes, SPEC_TIMEOUT_MS - 20_000)
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-nat-public-'))
  // p0: bootstrap; p1: the public node under test; p2: another public peer; h0: a home behind NAT
  ctx.lab = await createLab({ publicHosts: 3, homes: ['eim'] })
  const [p0, p1, p2] = ctx.lab.publicHosts
  const noUpnp = { 'Swarm.DisableNatPortMap': true }
  const boot = await startLabNode(p0, 'p0', { dir: ctx.dir, config: noUpnp })
  ctx.nodes.push(boot)
  const bootstrap = [boot.tcpAddr]
  const started = await Promise.allSettled([
    startLabNode(p1, 'p1', { dir: ctx.dir, bootstrap, config: noUpnp }),
    startLabNode(p2, 'p2', { dir: ctx.dir, bootstrap, config: noUpnp }),
    startLabNode(ctx.lab.homes[0], 'h0', { dir: ctx.dir, bootstrap, config: noUpnp })
  ])
  for (const s of started) if (s.status === 'fulfilled') ctx.nodes.push(s.value)
  for (const s of started) if (s.status === 'rejected') throw s.reason
}))

test.after(async (ctx) => {
  ctx.disarm?.()
  await stopAll(ctx.nodes)
  await ctx.lab?.teardown()
  await rm(ctx.dir, { recursive: true, force: true })
})

test('the public node advertises its interface address and serves the DHT', withLogs(async ({ nodes }) => {
  const p1 = nodes.find(n => n.host.ns.endsWith('-p1'))!
  const id = await waitFor('p1 to advertise its public address and serve the DHT', async () => {
    const id = await identify(p1)
    return id.Addresses.includes(p1.tcpAddr) && id.Protocols.includes(DHT_PROTOCOL) ? id : undefined
  }, SETTLE_TIMEOUT_MS)
  assert.ok(id.Addresses.includes(`/ip4/${p1.host.ip}/tcp/${SWARM_TCP_PORT}/p2p/${p1.peerId}`), id.Addresses.join('\n'))
  // and says so: Kubo's `swarm addrs autonat`, Cairn's `id` Reachability
  const autonat = JSON.parse((await p1.ok(['swarm', 'addrs', 'autonat', '--enc=json'])).out)
  assert.is(autonat.reachability, 'Public')
  assert.ok((autonat.reachable as string[]).some(a => a.startsWith(`/ip4/${p1.host.ip}/tcp/${SWARM_TCP_PORT}`)), JSON.stringify(autonat))
  assert.is(JSON.parse((await p1.ok(['id', '--enc=json'])).out).Reachability, 'Public')
}))

test('a node behind NAT finds the public node\'s provider record and fetches from it', withLogs(async ({ nodes, dir }) => {
  const p1 = nodes.find(n => n.host.ns.endsWith('-p1'))!
  const h0 = nodes.find(n => n.host.kind === 'home')!
  const data = randomBytes(1024 * 1024)
  const file = join(dir, 'public-file.bin')
  await writeFile(file, data)
  const cid = (await p1.ok(['add', '-Q', file])).out.trim()

  // the record names p1 with its public address, the one h0 can dial from behind its NAT
  const addrs = await waitFor('h0 to find p1 as a provider', async () => {
    const r = await h0.cli(['routing', 'findprovs', '--enc=json', '-n', '1', cid], { timeoutMs: 20_000 })
    for (const line of r.out.split('\n').filter(Boolean)) {
      const ev = JSON.parse(line)
      const prov = ev.Responses?.find((p: { ID: string }) => p.ID === p1.peerId)
      if (prov != null) return prov.Addrs as string[]
    }
    return undefined
  }, FETCH_TIMEOUT_MS)
  assert.ok(addrs.includes(`/ip4/${p1.host.ip}/tcp/${SWARM_TCP_PORT}`), `provider addresses: ${addrs.join(' ')}`)

  const got = await h0.ok(['cat', cid], { timeoutMs: FETCH_TIMEOUT_MS })
  assert.ok(got.stdout.equals(data), 'h0 read back other bytes than p1 added')
}))

test('the node behind NAT stays a DHT client and advertises no public address', withLogs(async ({ nodes }) => {
  const h0 = nodes.find(n => n.host.kind === 'home')!
  const id = await identify(h0)
  assert.not.ok(id.Protocols.includes(DHT_PROTOCOL), 'a node nobody can dial must not serve the DHT')
  // its router's address is not its own: nothing may claim it before a dial-back proves it
  const wan = h0.host.kind === 'home' ? h0.host.wanIp : ''
  assert.not.ok(id.Addresses.some(a => a.startsWith(`/ip4/${wan}/tcp/`)), id.Addresses.join('\n'))
  const autonat = JSON.parse((await h0.ok(['swarm', 'addrs', 'autonat', '--enc=json'])).out)
  assert.is.not(autonat.reachability, 'Public')
  // Kubo leaves an empty list out of the JSON
  assert.equal(autonat.reachable ?? [], [])
}))

test.run()
