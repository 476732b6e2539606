/**
 * `pnpm bench:nat` (Linux, root): real `cairn daemon` processes in a netns lab
 * (test/fixtures/netns.ts), node B fetching node A's file by CID alone through B's gateway:
 *
 *   (a) both public: A and B on public addresses;
 *   (b) both behind endpoint-independent NATs: found through the DHT, reached through the relay,
 *       then hole punched (WebRTC: SDP over the relay, ICE with the lab's STUN server), the
 *       bytes relayed counted on the relay's interface;
 *   (c) relayed: both behind symmetric NATs, where hole punching cannot work, so every byte
 *       crosses the relay (its data limit raised for the run: Kubo's 128 KiB would cut it);
 *
 * time to first byte (provider lookup and dials included) and throughput of the body; then the
 * share of hole punches that succeed over BENCH_NAT_PUNCH_TRIES tries (default 20) between the
 * two endpoint-independent homes: each try drops every connection between them, dials the peer's
 * plain relayed address, and waits up to BENCH_NAT_PUNCH_WAIT_S (default 15) for the relayed
 * connection to be upgraded to a direct (WebRTC) one.
 *
 * Targets (issue 18): (b) >= 80% of (a)'s throughput; hole punching 100% across
 * endpoint-independent NATs. Env: BENCH_NAT_SIZE_MIB (default 16), BENCH_NAT_CASES (default
 * `a,b,c,punch`), BENCH_NAT_ROUNDS (default 1: how many times (a) and (b) alternate; the
 * ratio printed is the median of the rounds'), BENCH_NAT_FETCH_TIMEOUT_S (default 180),
 * BENCH_NAT_DEBUG (a DEBUG value for the daemons, e.g. `cairn:reachability,libp2p:circuit-relay*`).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { addRandomFile, connectionsTo, isRelayed, isWebRTC, timedFetch } from '../test/fixtures/nat-fetch.ts'
import type { FetchTiming } from '../test/fixtures/nat-fetch.ts'
import { startLabNode, stopAll, waitFor } from '../test/fixtures/nat-lab.ts'
import type { LabNode } from '../test/fixtures/nat-lab.ts'
import { createLab } from '../test/fixtures/netns.ts'
import { startStunServer } from '../test/fixtures/stun-server.ts'
import type { StunServer } from '../test/fixtures/stun-server.ts'
import type { Lab, LabHost } from '../test/fixtures/netns.ts'

const MIB = 1024 * 1024
const SIZE = Number(process.env.BENCH_NAT_SIZE_MIB ?? 16) * MIB
const CASES = new Set((process.env.BENCH_NAT_CASES ?? 'a,b,c,punch').split(',').map(s => s.trim()))
const PUNCH_TRIES = Number(process.env.BENCH_NAT_PUNCH_TRIES ?? 20)
const PUNCH_WAIT_MS = Number(process.env.BENCH_NAT_PUNCH_WAIT_S ?? 15) * 1000
/** How many times (a) and (b) alternate (their ratio is the median over the rounds) */
const ROUNDS = Math.max(1, Number(process.env.BENCH_NAT_ROUNDS ?? 1))
const FETCH_TIMEOUT_MS = Number(process.env.BENCH_NAT_FETCH_TIMEOUT_S ?? 180) * 1000
/** Until the homes hold a relay reservation and advertise it */
const RESERVATION_TIMEOUT_MS = 120_000

interface CaseResult { name: string, timing: FetchTiming, relayedBytes: number, direct?: boolean }

const mbps = (t: FetchTiming): number => (t.bytes / MIB) / (Math.max(1, t.totalMs - t.ttfbMs) / 1000)

/** The node's plain relayed address (`…/p2p-circuit/p2p/<id>`, not its `/webrtc` one) */
async function relayedAddress (node: LabNode): Promise<string> {
  try {
    return await waitFor(`${node.host.ns} to advertise a relayed address`, async () => {
      const id = JSON.parse((await node.ok(['id', '--enc=json'])).out)
      return (id.Addresses as string[]).find(a => a.includes('/p2p-circuit') && !isWebRTC(a))
    }, RESERVATION_TIMEOUT_MS)
  } catch (err) {
    // with BENCH_NAT_DEBUG the daemons log; show what the relay client said
    const said = node.daemon.output().split('\n').filter(l => /relay|reserv/i.test(l)).slice(-30).join('\n')
    throw new Error(`${(err as Error).message}${said !== '' ? `\n${said}` : ''}`, { cause: err })
  }
}

async function main (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-nat-'))
  let lab: Lab | undefined
  let stun: StunServer | undefined
  const nodes: LabNode[] = []
  const results: CaseResult[] = []
  try {
    // p0: bootstrap and the only relay; p1, p2: the public A and B of (a);
    // h0, h1: endpoint-independent homes (b); h2, h3: symmetric homes (c)
    lab = await createLab({ publicHosts: 3, homes: ['eim', 'eim', 'symmetric', 'symmetric'] })
    const [p0, p1, p2] = lab.publicHosts
    // ICE learns each NAT's public mapping from a STUN server beside the relay
    stun = await startStunServer(p0.ns, p0.ip)
    const noUpnp = { 'Swarm.DisableNatPortMap': true, 'Swarm.WebRTC.STUNServers': [stun.url] }
    const relay = await startLabNode(p0, 'p0', {
      dir,
      config: {
        ...noUpnp,
        'Swarm.RelayService.Enabled': true,
        // a relayed run of SIZE bytes (and the punch tries) must fit in one relayed connection
        'Swarm.RelayService.ConnectionDataLimit': SIZE * 4,
        'Swarm.RelayService.ConnectionDurationLimit': '30m'
      }
    })
    nodes.push(relay)
    // over TCP and QUIC, as Kubo's bootstrap list resolves to both
    const bootstrap = [relay.tcpAddr, relay.tcpAddr.replace('/tcp/4001/', '/udp/4001/quic-v1/')]
    const pub = { ...noUpnp, 'Swarm.RelayService.Enabled': false }
    // homes reserve on p0 (Swarm.RelayClient.StaticRelays): the bench measures transfers, not
    // relay discovery (nat-relay.spec shows homes finding the relay by themselves)
    const home = { ...noUpnp, 'Swarm.RelayService.Enabled': false, 'Swarm.RelayClient.StaticRelays': [relay.tcpAddr] }
    const env = process.env.BENCH_NAT_DEBUG != null ? { DEBUG: process.env.BENCH_NAT_DEBUG } : undefined
    const start = async (host: LabHost, name: string, config: Record<string, unknown>): Promise<LabNode> => {
      const n = await startLabNode(host, name, { dir, bootstrap, config, env })
      nodes.push(n)
      return n
    }
    const [a1, b1, h0, h1, h2, h3] = await Promise.all([
      start(p1, 'p1', pub), start(p2, 'p2', pub),
      start(lab.homes[0], 'h0', home), start(lab.homes[1], 'h1', home),
      start(lab.homes[2], 'h2', home), start(lab.homes[3], 'h3', home)
    ])
    process.stdout.write(`lab up: ${nodes.length} daemons; file ${SIZE / MIB} MiB; load ${loadavg()[0].toFixed(1)}\n`)

    const run = async (name: string, a: LabNode, b: LabNode): Promise<void> => {
      try {
        await measure(name, a, b)
      } catch (err) {
        process.stdout.write(`${name}: FAILED - ${(err as Error).message}\n`)
        // with BENCH_NAT_DEBUG the daemons log: show what the fetching one said
        if (env != null) process.stdout.write(`--- ${b.host.ns}\n${b.daemon.output().split('\n').slice(-300).join('\n')}\n`)
      }
    }
    const measure = async (name: string, a: LabNode, b: LabNode): Promise<void> => {
      // both ends are on the DHT (a loaded machine's failed pings may have dropped the bootstrap connection)
      await Promise.all([a, b].map(async n => n.cli(['swarm', 'connect', relay.tcpAddr])))
      const file = await addRandomFile(a, dir, SIZE)
      // the root's provider record is out before B asks (add announces every block, root last)
      await a.ok(['routing', 'provide', file.cid], { timeoutMs: FETCH_TIMEOUT_MS })
      const before = await lab!.counters(relay.host)
      const timing = await timedFetch(b, file.cid, FETCH_TIMEOUT_MS)
      const after = await lab!.counters(relay.host)
      if (timing.sha256 !== file.sha256) throw new Error(`${name}: B read other bytes than A added`)
      const conns = await connectionsTo(b, a.peerId)
      const direct = conns.some(c => !isRelayed(c))
      results.push({ name, timing, relayedBytes: (after.rx - before.rx), direct })
      process.stdout.write(`${name}: ttfb ${timing.ttfbMs.toFixed(0)} ms, ${mbps(timing).toFixed(1)} MB/s, relay received ${((after.rx - before.rx) / MIB).toFixed(2)} MiB, connection ${direct ? 'direct' : 'relayed'} (${conns.join(' ')})\n`)
    }

    // every home holds its reservation before anything is measured
    const reserved = Date.now()
    await Promise.all([h0, h1, h2, h3].map(relayedAddress))
    process.stdout.write(`relay reservations of the 4 homes in ${Date.now() - reserved} ms\n`)
    // (a) and (b) alternate ROUNDS times: on a shared machine the load moves between two
    // back-to-back transfers, so one pair's ratio says little; the median of the rounds more
    for (let round = 1; round <= ROUNDS; round++) {
      const tag = ROUNDS > 1 ? ` #${round}` : ''
      if (CASES.has('a')) await run(`(a) public/public${tag}`, a1, b1)
      if (CASES.has('b')) await run(`(b) NAT/NAT hole punched${tag}`, h0, h1)
    }
    if (CASES.has('c')) await run('(c) relayed (symmetric NATs)', h2, h3)

    if (CASES.has('punch')) {
      const target = await relayedAddress(h0)
      let ok = 0
      const waits: number[] = []
      for (let i = 0; i < PUNCH_TRIES; i++) {
        // every connection between them, relayed and WebRTC ones alike
        if ((await connectionsTo(h1, h0.peerId)).length > 0) await h1.cli(['swarm', 'disconnect', `/p2p/${h0.peerId}`])
        const started = Date.now()
        await h1.cli(['swarm', 'connect', target], { timeoutMs: 30_000 })
        const direct = await waitFor('a direct connection', async () => {
          const conns = await connectionsTo(h1, h0.peerId)
          return conns.some(c => !isRelayed(c)) ? true : undefined
        }, PUNCH_WAIT_MS, 250).catch(() => false)
        if (direct) { ok++; waits.push(Date.now() - started) }
        process.stdout.write(`punch ${i + 1}/${PUNCH_TRIES}: ${direct ? `direct after ${Date.now() - started} ms` : 'still relayed'}\n`)
      }
      waits.sort((x, y) => x - y)
      process.stdout.write(`hole punching: ${ok}/${PUNCH_TRIES} (${(100 * ok / PUNCH_TRIES).toFixed(0)}%), median time to direct ${waits.length > 0 ? waits[Math.floor(waits.length / 2)] : '-'} ms\n`)
    }

    // (a) and (b) of the same round, rounds where either failed left out
    const tagOf = (r: CaseResult): string => r.name.replace(/^\([ab]\)[^#]*/, '')
    const pairs = results.filter(r => r.name.startsWith('(a)')).flatMap(ra => {
      const rb = results.find(r => r.name.startsWith('(b)') && tagOf(r) === tagOf(ra))
      return rb != null ? [[ra, rb] as const] : []
    })
    const a = results.find(r => r.name.startsWith('(a)'))
    if (pairs.length > 0) {
      const ratios = pairs.map(([ra, rb]) => mbps(rb.timing) / mbps(ra.timing))
      const ttfb = pairs.map(([ra, rb]) => rb.timing.ttfbMs / ra.timing.ttfbMs)
      const median = (xs: number[]): number => {
        const s = [...xs].sort((x, y) => x - y)
        const m = Math.floor(s.length / 2)
        return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
      }
      const each = ratios.length > 1 ? ` (rounds: ${ratios.map(x => x.toFixed(2)).join(', ')})` : ''
      process.stdout.write(`(b)/(a) throughput: ${median(ratios).toFixed(2)}${ratios.length > 1 ? ' median' : ''} (target >= 0.80)${each}; ttfb (b)/(a): ${median(ttfb).toFixed(2)}\n`)
    }
    const c = results.find(r => r.name.startsWith('(c)'))
    if (a != null && c != null) process.stdout.write(`(c)/(a) throughput: ${(mbps(c.timing) / mbps(a.timing)).toFixed(2)}\n`)
  } finally {
    await stopAll(nodes)
    await stun?.stop()
    await lab?.teardown()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
