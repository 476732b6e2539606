/**
 * The network and admin commands of issue 15 through the RPC, between two real online nodes on
 * 127.0.0.1: kubo-rpc-client where it has a method, plain HTTP with Kubo's JSON shapes otherwise.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { create } from 'kubo-rpc-client'
import type { KuboRPCClient } from 'kubo-rpc-client'
import { peerIdFromString } from '@libp2p/peer-id'
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { request } from './fixtures/http.ts'
import { startGateway, startPeer } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, peer: Awaited<ReturnType<typeof startPeer>>, api: string, ipfs: KuboRPCClient, peerAddr: string }

const signal = (): AbortSignal => AbortSignal.timeout(20_000)

async function all<T> (source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of source) out.push(x)
  return out
}

/** POST /api/v0/<path>: status and parsed JSON (NDJSON as an array of values) */
async function rpc (api: string, path: string): Promise<{ status: number, body: any, lines: any[] }> {
  const r = await request(`${api}/api/v0/${path}`, { method: 'POST' })
  const lines = r.text.split('\n').filter(l => l.trim() !== '').map(l => JSON.parse(l))
  return { status: r.status, body: lines[0], lines }
}

/** Polls until `check` holds, for at most `ms` */
async function until (check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return check()
}

const test = suite<Ctx>('network and admin commands over the RPC (two real nodes)')

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false }, false)
  ctx.peer = await startPeer()
  ctx.api = ctx.gw.gateway.apiUrl!
  ctx.ipfs = create({ url: `${ctx.api}/api/v0` })
  ctx.peerAddr = (await ctx.peer.node.swarm.localAddrs()).find(a => a.includes('/tcp/'))!
  await ctx.gw.node.swarm.connect(ctx.peerAddr)
})

test.after(async ctx => {
  await ctx.gw?.stop()
  await ctx.peer?.stop()
})

const connected = async (ctx: Ctx): Promise<boolean> => (await ctx.gw.node.swarm.peers()).some(p => p.peer === ctx.peer.node.peerId)

test('routing findpeer: Kubo\'s FINAL_PEER event; self and bad IDs are refused with Kubo\'s words', async (ctx) => {
  const events = await all(ctx.ipfs.routing.findPeer(peerIdFromString(ctx.peer.node.peerId), { signal: signal() }))
  const final = events.find(e => e.name === 'FINAL_PEER') as { peer: { id: { toString(): string }, multiaddrs: unknown[] } } | undefined
  assert.ok(final != null, JSON.stringify(events))
  assert.is(final.peer.id.toString(), ctx.peer.node.peerId)
  assert.ok(final.peer.multiaddrs.length > 0)
  const raw = await rpc(ctx.api, `routing/findpeer?arg=${ctx.peer.node.peerId}`)
  assert.equal(Object.keys(raw.body).sort(), ['Extra', 'ID', 'Responses', 'Type'])
  assert.is(raw.body.Type, 2)
  const self = await rpc(ctx.api, `routing/findpeer?arg=${ctx.gw.node.peerId}`)
  assert.is(self.status, 400)
  assert.is(self.body.Message, 'finding your own node in the DHT is currently not supported')
  assert.is((await rpc(ctx.api, 'routing/findpeer?arg=nope')).status, 400)
  // the deprecated `dht` name answers the same
  assert.is((await rpc(ctx.api, `dht/findpeer?arg=${ctx.peer.node.peerId}`)).body.Responses[0].ID, ctx.peer.node.peerId)
})

test('routing put and get of a /pk/ record: validated, stored, read back; other keys refused', async (ctx) => {
  const peerKey = peerIdFromString(ctx.peer.node.peerId).publicKey!
  const key = `/pk/${ctx.peer.node.peerId}`
  const put = await all(ctx.ipfs.routing.put(key, publicKeyToProtobuf(peerKey), { signal: signal() }))
  assert.ok(put.length > 0)
  const got = await all(ctx.ipfs.routing.get(key, { signal: signal() }))
  const value = got.find(e => e.name === 'VALUE') as { value: Uint8Array } | undefined
  assert.ok(value != null)
  assert.equal([...value.value], [...publicKeyToProtobuf(peerKey)])
  // a key that is not this peer's is refused before anything is stored
  const other = await generateKeyPair('Ed25519')
  let message = ''
  try {
    await all(ctx.ipfs.routing.put(key, publicKeyToProtobuf(other.publicKey), { signal: signal() }))
  } catch (err) {
    message = (err as Error).message
  }
  assert.match(message, /public key does not match storage key/)
  const invalid = await rpc(ctx.api, 'routing/get?arg=/foo/bar')
  assert.is(invalid.status, 400)
  assert.is(invalid.body.Message, 'invalid key')
})

test('dht query lists the closest peers as FINAL_PEER events', async (ctx) => {
  const events = await all(ctx.ipfs.dht.query(peerIdFromString(ctx.peer.node.peerId), { signal: signal() }))
  const finals = events.filter(e => e.name === 'FINAL_PEER').map(e => String((e as { peer: { id: unknown } }).peer.id))
  assert.ok(finals.includes(ctx.peer.node.peerId), JSON.stringify(finals))
})

test('ping -n 2: Kubo\'s lines and pongs; self and a zero count are refused', async (ctx) => {
  const results = await all(ctx.ipfs.ping(peerIdFromString(ctx.peer.node.peerId), { count: 2, signal: signal() }))
  assert.is(results[0].text, `PING ${ctx.peer.node.peerId}.`)
  const pongs = results.filter(r => r.success && r.text === '')
  assert.is(pongs.length, 2)
  assert.ok(pongs.every(p => p.time > 0))
  assert.match(results.at(-1)!.text, /^Average latency: \d+\.\d{2}ms$/)
  const self = await rpc(ctx.api, `ping?arg=${ctx.gw.node.peerId}`)
  assert.is(self.body.Message, "error: can't ping self")
  const zero = await rpc(ctx.api, `ping?arg=${ctx.peer.node.peerId}&count=0`)
  assert.is(zero.body.Message, 'ping count must be greater than 0, was 0')
})

test('bitswap wantlist, wantlist for a peer and ledger after a fetch; stats bw by protocol', async (ctx) => {
  assert.equal(await ctx.ipfs.bitswap.wantlist({ signal: signal() }), [])
  assert.equal(await ctx.ipfs.bitswap.wantlistForPeer(peerIdFromString(ctx.peer.node.peerId), { signal: signal() }), [])
  const bytes = new TextEncoder().encode(`from the peer ${Date.now()}`)
  const cid = await ctx.peer.node.block.put(bytes)
  assert.equal(await ctx.ipfs.block.get(cid, { signal: signal() }), bytes)
  const ledger = await rpc(ctx.api, `bitswap/ledger?arg=${ctx.peer.node.peerId}`)
  assert.equal(Object.keys(ledger.body), ['Peer', 'Value', 'Sent', 'Recv', 'Exchanged'])
  assert.is(ledger.body.Peer, ctx.peer.node.peerId)
  assert.is(ledger.body.Recv, bytes.length)
  assert.ok(ledger.body.Exchanged >= 1)
  assert.is(ledger.body.Value, 0)
  const stat = await ctx.ipfs.bitswap.stat({ signal: signal() })
  assert.ok(stat.blocksReceived >= 1n || Number(stat.blocksReceived) >= 1)
  const proto = await rpc(ctx.api, 'stats/bw?proto=/ipfs/bitswap/1.2.0')
  assert.ok(proto.body.TotalIn >= bytes.length, JSON.stringify(proto.body))
  // per peer: the bytes over that peer's connections (the block and everything else), none for a stranger
  const byPeer = await rpc(ctx.api, `stats/bw?peer=${ctx.peer.node.peerId}`)
  const global = await rpc(ctx.api, 'stats/bw')
  assert.ok(byPeer.body.TotalIn >= proto.body.TotalIn && byPeer.body.TotalOut > 0, JSON.stringify(byPeer.body))
  assert.ok(byPeer.body.TotalIn <= global.body.TotalIn && byPeer.body.TotalOut <= global.body.TotalOut, JSON.stringify([byPeer.body, global.body]))
  // kubo-rpc-client's stats.bw with its `peer` option
  for await (const bw of ctx.ipfs.stats.bw({ peer: peerIdFromString(ctx.peer.node.peerId), signal: signal() })) assert.ok(Number(bw.totalIn) >= byPeer.body.TotalIn, JSON.stringify(bw, (_k, v) => typeof v === 'bigint' ? Number(v) : v))
  const stranger = await rpc(ctx.api, 'stats/bw?peer=12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN')
  assert.equal([stranger.body.TotalIn, stranger.body.TotalOut], [0, 0])
  assert.is((await rpc(ctx.api, 'stats/bw?peer=nope')).status, 400)
  const both = await rpc(ctx.api, `stats/bw?proto=/x&peer=${ctx.peer.node.peerId}`)
  assert.is(both.body.Message, 'please only specify peer OR protocol')
  // --poll streams a line per interval until the client leaves
  const controller = new AbortController()
  const polled: unknown[] = []
  try {
    for await (const line of ctx.ipfs.stats.bw({ poll: true, interval: '50ms', signal: controller.signal })) {
      polled.push(line)
      if (polled.length === 3) controller.abort()
    }
  } catch {}
  assert.is(polled.length, 3)
})

test('swarm resources: js-libp2p\'s limits and their usage in Kubo\'s LimitsConfigAndUsage shape', async (ctx) => {
  assert.ok(await until(async () => connected(ctx)))
  const r = await rpc(ctx.api, 'swarm/resources')
  assert.is(r.status, 200)
  const keys = ['Memory', 'MemoryUsage', 'FD', 'FDUsage', 'Conns', 'ConnsUsage', 'ConnsInbound', 'ConnsInboundUsage', 'ConnsOutbound', 'ConnsOutboundUsage', 'Streams', 'StreamsUsage', 'StreamsInbound', 'StreamsInboundUsage', 'StreamsOutbound', 'StreamsOutboundUsage']
  assert.equal(Object.keys(r.body.System), keys)
  const highWater = ctx.gw.node.config.Swarm?.ConnMgr?.HighWater ?? 300
  assert.is(r.body.System.Conns, highWater)
  const conns = ctx.gw.node.libp2p.getConnections().length
  assert.is(r.body.System.ConnsUsage, conns)
  assert.is(r.body.System.ConnsInboundUsage + r.body.System.ConnsOutboundUsage, conns)
  assert.is(r.body.System.Memory, 'unlimited')
  assert.is(r.body.Transient.ConnsInbound, 10)
  const peer = r.body.Peers[ctx.peer.node.peerId]
  assert.ok(peer?.ConnsUsage >= 1, JSON.stringify(r.body.Peers))
  // Bitswap's handler is registered with its own per-connection stream limits
  const bitswap = r.body.Protocols['/ipfs/bitswap/1.2.0']
  assert.type(bitswap.StreamsInbound, 'number')
  assert.ok(bitswap.StreamsInbound > 0 && bitswap.StreamsOutbound > 0)
  assert.ok(bitswap.StreamsUsage <= bitswap.StreamsInbound + bitswap.StreamsOutbound)
})

test('version/check and pubsub/reset in Kubo\'s shapes', async (ctx) => {
  const check = await rpc(ctx.api, 'version/check')
  assert.equal(Object.keys(check.body), ['UpdateAvailable', 'RunningVersion', 'GreatestVersion', 'PeersSampled', 'WithGreaterVersion'])
  assert.is(check.body.UpdateAvailable, false)
  assert.is((await rpc(ctx.api, 'version/check?min-percent=0')).status, 200, "0 is Kubo's \"use the default\"")
  assert.is((await rpc(ctx.api, 'version/check?min-percent=101')).body.Message, 'Version.SwarmCheckPercentThreshold must be between 1 and 100')
  assert.equal((await rpc(ctx.api, 'pubsub/reset')).body, { Deleted: 0 })
  assert.equal((await rpc(ctx.api, `pubsub/reset?peer=${ctx.peer.node.peerId}`)).body, { Deleted: 0 })
  assert.match((await rpc(ctx.api, 'pubsub/reset?peer=nope')).body.Message, /^invalid peer ID/)
})

test('swarm disconnect: kubo-rpc-client, then Kubo\'s failure line for a peer no longer connected', async (ctx) => {
  assert.ok(await until(async () => connected(ctx)))
  // the peer's kad-dht keeps this node alive and would dial it back at once (its side of the
  // policy; this node's own disconnect now stands): the peer lets go first, then we connect again
  await ctx.peer.node.swarm.disconnect(`/p2p/${ctx.gw.node.peerId}`)
  await ctx.gw.node.swarm.connect(ctx.peerAddr, { signal: signal() })
  await ctx.ipfs.swarm.disconnect(ctx.peerAddr as never, { signal: signal() })
  assert.ok(await until(async () => !(await connected(ctx))), 'disconnected')
  const again = await rpc(ctx.api, `swarm/disconnect?arg=${encodeURIComponent(ctx.peerAddr)}`)
  assert.equal(again.body, { Strings: [`disconnect ${ctx.peer.node.peerId} failure: not connected`] })
  const listen = await rpc(ctx.api, 'swarm/addrs/listen')
  assert.ok(listen.body.Strings.length > 0 && listen.body.Strings.every((a: string) => a.startsWith('/ip4/127.0.0.1/tcp/') && !a.includes('/p2p/')))
})

test('swarm peering: add keeps the peer connected (redialled after a disconnect), ls, rm', async (ctx) => {
  const added = await rpc(ctx.api, `swarm/peering/add?arg=${encodeURIComponent(ctx.peerAddr)}`)
  assert.equal(added.lines, [{ ID: ctx.peer.node.peerId, Status: 'success' }])
  const ls = await rpc(ctx.api, 'swarm/peering/ls')
  assert.equal(ls.body.Peers.map((p: { ID: string }) => p.ID), [ctx.peer.node.peerId])
  assert.equal(ls.body.Peers[0].Addrs, [ctx.peerAddr.replace(/\/p2p\/.*$/, '')])
  assert.ok(await until(async () => connected(ctx)), 'dialled on add')
  // the peer hangs up: the peering subsystem dials it again
  await ctx.peer.node.libp2p.hangUp(peerIdFromString(ctx.gw.node.peerId))
  assert.ok(await until(async () => connected(ctx)), 'redialled after the disconnect')
  const removed = await rpc(ctx.api, `swarm/peering/rm?arg=${ctx.peer.node.peerId}`)
  assert.equal(removed.lines, [{ ID: ctx.peer.node.peerId, Status: 'success' }])
  assert.equal((await rpc(ctx.api, 'swarm/peering/ls')).body, { Peers: [] })
  const bad = await rpc(ctx.api, 'swarm/peering/add?arg=/ip4/127.0.0.1/tcp/1')
  assert.is(bad.status, 400)
})

test('swarm filters: a filtered range is neither dialled nor kept in silence; written to Swarm.AddrFilters', async (ctx) => {
  assert.equal((await rpc(ctx.api, 'swarm/filters')).body, { Strings: null })
  const added = await rpc(ctx.api, 'swarm/filters/add?arg=/ip4/127.0.0.0/ipcidr/8')
  assert.equal(added.body, { Strings: ['/ip4/127.0.0.0/ipcidr/8'] })
  assert.equal((await ctx.gw.node.config.show()).Swarm, { ...(await ctx.gw.node.config.show()).Swarm, AddrFilters: ['/ip4/127.0.0.0/ipcidr/8'] })
  await ctx.gw.node.libp2p.hangUp(peerIdFromString(ctx.peer.node.peerId))
  let refused = ''
  try {
    await ctx.gw.node.swarm.connect(ctx.peerAddr, { signal: signal() })
  } catch (err) {
    refused = (err as Error).message
  }
  assert.ok(refused !== '', 'the dial is refused')
  assert.is((await rpc(ctx.api, 'swarm/filters/add?arg=/ip4/300.0.0.0/ipcidr/8')).status, 400)
  const removed = await rpc(ctx.api, 'swarm/filters/rm?arg=all')
  assert.equal(removed.body, { Strings: ['/ip4/127.0.0.0/ipcidr/8'] })
  await ctx.gw.node.swarm.connect(ctx.peerAddr, { signal: signal() })
  assert.ok(await connected(ctx))
})

test('provide stat (and stats provide|reprovide) after routing reprovide; provide clear; stats dht', async (ctx) => {
  await ctx.gw.node.block.put(new TextEncoder().encode(`to reprovide ${Date.now()}`))
  const before = await rpc(ctx.api, 'provide/stat')
  assert.equal(Object.keys(before.body), ['Sweep', 'Legacy', 'FullRT'])
  const r = await request(`${ctx.api}/api/v0/routing/reprovide`, { method: 'POST' })
  assert.is(r.status, 200)
  for (const name of ['provide/stat', 'stats/provide', 'stats/reprovide']) {
    const s = (await rpc(ctx.api, name)).body.Legacy
    assert.ok(s.TotalReprovides >= 1, `${name}: ${JSON.stringify(s)}`)
    assert.match(s.LastRun, /^\d{4}-\d\d-\d\dT/)
    assert.is(s.ReprovideInterval, 22 * 3600 * 1e9)
  }
  const cleared = await rpc(ctx.api, 'provide/clear')
  assert.type(cleared.body, 'number')
  const dht = await rpc(ctx.api, 'stats/dht')
  assert.is(dht.body.Name, 'wan')
  const ids = dht.body.Buckets.flatMap((b: { Peers: Array<{ ID: string }> }) => b.Peers.map(p => p.ID))
  assert.ok(ids.includes(ctx.peer.node.peerId), JSON.stringify(dht.body))
  assert.is((await rpc(ctx.api, 'stats/dht?arg=nope')).body.Message, 'unknown dht type: nope')
})

test('repo stat size-only and repo version; shutdown of a node that is no daemon', async (ctx) => {
  const sizeOnly = await rpc(ctx.api, 'repo/stat?size-only=true')
  assert.equal(Object.keys(sizeOnly.body), ['RepoSize', 'StorageMax', 'NumObjects', 'RepoPath', 'Version'])
  assert.is(sizeOnly.body.NumObjects, 0)
  assert.is(sizeOnly.body.RepoPath, '')
  assert.ok(sizeOnly.body.RepoSize > 0)
  assert.equal((await rpc(ctx.api, 'stats/repo')).body.RepoPath, ctx.gw.node.repoPath)
  assert.equal(await rpc(ctx.api, 'repo/version').then(r => r.body), { Version: '1' })
  const shutdown = await rpc(ctx.api, 'shutdown')
  assert.is(shutdown.status, 400)
  assert.is(shutdown.body.Message, 'daemon not running')
})

test('an offline node refuses the network commands', async () => {
  const offline = await startGateway({ gateway: false }, true)
  try {
    const api = offline.gateway.apiUrl!
    for (const path of ['routing/findpeer?arg=12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN', 'ping?arg=12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN', 'swarm/peering/ls', 'bitswap/wantlist', 'dht/query?arg=12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN']) {
      const r = await rpc(api, path)
      assert.is(r.status, 500, path)
      assert.is(r.body.Message, "this command must be run in online mode. Try running 'cairn daemon' first", path)
    }
  } finally {
    await offline.stop()
  }
})

test.run()
