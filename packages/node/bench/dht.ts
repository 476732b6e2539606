/**
 * `pnpm bench:dht`: a DHT of N Cairn nodes (default 20) on 127.0.0.1, each a real node over TCP
 * with the `test` profile. Each node joins through one bootstrap node plus one random earlier
 * node, so most pairs are not connected. Then, R rounds (default 40): a random node provides a
 * fresh CID and a random other node looks it up with `findProvs`. Prints the success rate and the
 * median/p90 lookup time, beside the median libp2p ping RTT in the same run (one round trip, the
 * floor of any lookup). Env: BENCH_NODES, BENCH_ROUNDS, BENCH_TIMEOUT_MS.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createNode, initRepo } from '../src/index.ts'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import type { CairnNode } from '../src/index.ts'
import type { SingleKadDHT } from '@libp2p/kad-dht'

const NODES = Number(process.env.BENCH_NODES ?? 20)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40)
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 15_000)

// a fixed seed keeps the topology and the pairs the same from run to run
let seed = 42
const random = (n: number): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)]
}
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

const root = await mkdtemp(join(tmpdir(), 'cairn-bench-dht-'))
const nodes: CairnNode[] = []
try {
  const t0 = performance.now()
  for (let i = 0; i < NODES; i++) {
    const repoPath = join(root, `n${i}`)
    await initRepo(repoPath, { profile: 'test' })
    nodes.push(await createNode({ repoPath, reprovideInitialDelayMs: 3_600_000 }))
  }
  const addrOf = async (n: CairnNode): Promise<string> => (await n.swarm.localAddrs())[0]
  // joining is not what is measured: a dial that times out under load is retried
  const link = async (from: CairnNode, to: CairnNode): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await from.swarm.connect(await addrOf(to), { signal: AbortSignal.timeout(10_000) })
        return
      } catch (err) {
        if (attempt >= 3) throw err
      }
    }
  }
  for (let i = 1; i < NODES; i++) {
    await link(nodes[i], nodes[0])
    if (i > 1) {
      const other = nodes[1 + random(i - 1)]
      if (other !== nodes[i]) await link(nodes[i], other).catch(() => {})
    }
  }
  // let every routing table fill from the connections and the self-queries
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline && nodes.some(n => ((n.libp2p.services.dht as SingleKadDHT | undefined)?.routingTable.size ?? 0) < 2)) {
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  const setupMs = performance.now() - t0

  // one round trip between two connected nodes, the floor of a lookup
  const rtts: number[] = []
  for (let i = 0; i < 40 && rtts.length < 20; i++) {
    const a = nodes[1 + random(NODES - 1)]
    try {
      // timed here: the ping service rounds to whole milliseconds
      const t = performance.now()
      await a.libp2p.services.ping?.ping(nodes[0].libp2p.peerId)
      rtts.push(performance.now() - t)
    } catch {
      // the DHT may be pinging the same peer (one ping stream per connection): skip
    }
  }

  const provideMs: number[] = []
  const findMs: number[] = []
  let found = 0
  let provideFailures = 0
  let directPairs = 0
  for (let r = 0; r < ROUNDS; r++) {
    const provider = nodes[random(NODES)]
    let seeker = nodes[random(NODES)]
    while (seeker === provider) seeker = nodes[random(NODES)]
    if (seeker.libp2p.getConnections(provider.libp2p.peerId).length > 0) directPairs++
    const cid = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode(`bench-dht-${r}-${Date.now()}`)))

    let t = performance.now()
    try {
      await provider.routing.provide([cid], { signal: AbortSignal.timeout(TIMEOUT_MS) })
      provideMs.push(performance.now() - t)
    } catch {
      provideFailures++
    }

    t = performance.now()
    try {
      for await (const p of seeker.routing.findProvs(cid, { numProviders: 1, signal: AbortSignal.timeout(TIMEOUT_MS) })) {
        if (p.id === provider.peerId) {
          found++
          findMs.push(performance.now() - t)
          break
        }
      }
    } catch {
      // a timeout counts as a miss
    }
  }

  const rtt = median(rtts)
  const rows: Array<[string, string, string]> = [
    ['nodes / rounds', `${NODES} / ${ROUNDS}`, ''],
    ['setup (start + join)', `${(setupMs / 1000).toFixed(1)} s`, ''],
    ['ping RTT median', `${rtt.toFixed(2)} ms`, '1.0x'],
    ['provide failures', `${provideFailures}/${ROUNDS}`, ''],
    ['provide median', `${median(provideMs).toFixed(1)} ms`, `${(median(provideMs) / rtt).toFixed(1)}x RTT`],
    ['findProviders success', `${found}/${ROUNDS} (${(100 * found / ROUNDS).toFixed(1)}%)`, 'target 100%'],
    ['findProviders median', `${median(findMs).toFixed(1)} ms`, `${(median(findMs) / rtt).toFixed(1)}x RTT`],
    ['findProviders p90', `${pct(findMs, 0.9).toFixed(1)} ms`, `${(pct(findMs, 0.9) / rtt).toFixed(1)}x RTT`],
    // with k = 20 and 20 nodes, a provide reaches every node: lookups are then one hop at most
    ['seeker connected to provider before lookup', `${directPairs}/${ROUNDS}`, '']
  ]
  const w0 = Math.max(...rows.map(r => r[0].length))
  const w1 = Math.max(...rows.map(r => r[1].length))
  process.stdout.write(`bench:dht (${NODES}-node DHT on 127.0.0.1 TCP)\n`)
  for (const [a, b, c] of rows) process.stdout.write(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}\n`)
} finally {
  await Promise.all(nodes.map(async n => n.stop().catch(() => {})))
  await rm(root, { recursive: true, force: true })
}
