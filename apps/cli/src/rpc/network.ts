/**
 * The network and admin parts of `CairnApi` over a daemon's RPC (Kubo's `routing`, `dht query`,
 * `swarm disconnect|peering|filters|addrs listen`, `bitswap wantlist|ledger`, `ping`, `stats
 * provide|dht`, `shutdown`), each one Kubo call mapped from Kubo's JSON.
 */
import type { BitswapApi, DhtStats, PingResult, ProvideStats, ProviderInfo, RoutingApi, SwarmApi } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { RemoteError } from '../errors.ts'
import { multipartContentType, multipartFile, newBoundary } from './multipart.ts'
import type { Transport } from './transport.ts'

type Signal = { signal?: AbortSignal } | undefined

/** Kubo's routing event numbers (go-libp2p `routing.QueryEventType`) */
const FINAL_PEER = 2
const QUERY_ERROR = 3
const VALUE = 5

const NS_DEFAULT_TIME = '0001-01-01T00:00:00Z'

/** Sends a call whose answer carries nothing (Kubo emits no value), reading it to its end */
async function call (rpc: Transport, command: string, init: Parameters<Transport['open']>[1]): Promise<void> {
  const res = await rpc.open(command, init)
  for await (const _ of rpc.body(res)) {}
}

export function rpcRoutingParts (rpc: Transport): Pick<RoutingApi, 'findPeer' | 'get' | 'put' | 'query' | 'reprovide' | 'clearProvideQueue'> {
  return {
    findPeer: async (peerId, options) => {
      for await (const e of rpc.ndjson('routing/findpeer', { args: [peerId], signal: options?.signal })) {
        if (e.Type === QUERY_ERROR) throw new RemoteError(String(e.Extra))
        if (e.Type === FINAL_PEER && e.Responses?.[0] != null) {
          const found: ProviderInfo = { id: String(e.Responses[0].ID), addrs: (e.Responses[0].Addrs ?? []).map(String) }
          return found
        }
      }
      throw new RemoteError(`routing: peer ${peerId} not found`)
    },
    get: async (key, options) => {
      for await (const e of rpc.ndjson('routing/get', { args: [key], signal: options?.signal })) {
        if (e.Type === VALUE) return new Uint8Array(Buffer.from(String(e.Extra), 'base64'))
      }
      throw new RemoteError('routing: not found')
    },
    put: async (key, value, options = {}) => {
      const boundary = newBoundary()
      for await (const _ of rpc.ndjson('routing/put', {
        args: [key],
        params: { 'allow-offline': options.allowOffline },
        body: multipartFile(value, boundary),
        contentType: multipartContentType(boundary),
        signal: options.signal
      })) {}
    },
    query: async function * (peerId, options = {}) {
      for await (const e of rpc.ndjson('dht/query', { args: [peerId], signal: options.signal })) {
        if (e.Type === FINAL_PEER && typeof e.ID === 'string' && e.ID !== '') yield e.ID
      }
    },
    reprovide: async (options) => { await call(rpc, 'routing/reprovide', { signal: options?.signal }) },
    clearProvideQueue: async (options) => Number(await rpc.json('provide/clear', { signal: options?.signal }))
  }
}

export function rpcSwarmParts (rpc: Transport): Pick<SwarmApi, 'listenAddrs' | 'disconnect' | 'peering' | 'filters' | 'autonat'> {
  const strings = async (command: string, args: string[] | undefined, options: Signal): Promise<string[]> =>
    ((await rpc.json(command, { args, signal: options?.signal })).Strings ?? []).map(String)
  const ids = async (command: string, args: string[], options: Signal): Promise<string[]> => {
    const out: string[] = []
    for await (const r of rpc.ndjson(command, { args, signal: options?.signal })) out.push(String(r.ID))
    return out
  }
  return {
    listenAddrs: async (options) => strings('swarm/addrs/listen', undefined, options),
    autonat: async (options) => {
      const r = await rpc.json('swarm/addrs/autonat', { signal: options?.signal })
      const list = (l: unknown): string[] => Array.isArray(l) ? l.map(String) : []
      const relayed = list(r.relayed)
      const reachability = r.reachability === 'Public' || r.reachability === 'Private' ? r.reachability : 'Unknown'
      return {
        reachability,
        mode: reachability === 'Public' ? 'public' : relayed.length > 0 ? 'relayed' : 'unknown',
        reachable: list(r.reachable),
        unreachable: list(r.unreachable),
        unknown: list(r.unknown),
        relayed,
        notices: []
      }
    },
    disconnect: async (addr, options) => {
      // Kubo reports a failed disconnect as a line, not as an error
      for (const line of await strings('swarm/disconnect', [addr], options)) {
        const failure = / failure: (.*)$/.exec(line)
        if (failure != null) throw new RemoteError(failure[1])
      }
    },
    peering: {
      add: async (addrs, options) => ids('swarm/peering/add', addrs, options),
      ls: async (options) => ((await rpc.json('swarm/peering/ls', { signal: options?.signal })).Peers ?? [])
        .map((p: { ID: string, Addrs?: string[] }) => ({ id: String(p.ID), addrs: (p.Addrs ?? []).map(String) })),
      rm: async (peerIds, options) => ids('swarm/peering/rm', peerIds, options)
    },
    filters: {
      ls: async (options) => strings('swarm/filters', undefined, options),
      add: async (filters, options) => strings('swarm/filters/add', filters, options),
      rm: async (filters, options = {}) => strings('swarm/filters/rm', options.all === true ? ['all'] : filters, options)
    }
  }
}

export function rpcStatsParts (rpc: Transport): { provide: (options?: Signal) => Promise<ProvideStats>, dht: (options?: Signal) => Promise<DhtStats[]> } {
  return {
    provide: async (options) => {
      const s = (await rpc.json('provide/stat', { signal: options?.signal })).Legacy ?? {}
      const stats: ProvideStats = {
        totalReprovides: Number(s.TotalReprovides ?? 0),
        avgReprovideDurationNs: Number(s.AvgReprovideDuration ?? 0),
        lastReprovideDurationNs: Number(s.LastReprovideDuration ?? 0),
        reprovideIntervalNs: Number(s.ReprovideInterval ?? 0),
        queued: 0
      }
      if (typeof s.LastRun === 'string' && s.LastRun !== NS_DEFAULT_TIME) stats.lastRun = s.LastRun
      return stats
    },
    dht: async (options) => {
      const tables: DhtStats[] = []
      for await (const t of rpc.ndjson('stats/dht', { signal: options?.signal })) {
        tables.push({
          name: String(t.Name),
          buckets: (t.Buckets ?? []).map((b: any) => ({
            lastRefresh: String(b.LastRefresh),
            peers: (b.Peers ?? []).map((p: any) => ({ id: String(p.ID), connected: p.Connected === true, agentVersion: String(p.AgentVersion ?? ''), lastUsefulAt: String(p.LastUsefulAt ?? ''), lastQueriedAt: String(p.LastQueriedAt ?? '') }))
          }))
        })
      }
      return tables
    }
  }
}

export function rpcBitswapApi (rpc: Transport, parseCid: (text: string) => CID): BitswapApi {
  return {
    wantlist: async (options = {}) => ((await rpc.json('bitswap/wantlist', { params: { peer: options.peer }, signal: options.signal })).Keys ?? [])
      .map((k: { '/': string }) => parseCid(k['/'])),
    ledger: async (peer, options) => {
      const r = await rpc.json('bitswap/ledger', { args: [peer], signal: options?.signal })
      return { peer: String(r.Peer), value: Number(r.Value), sent: Number(r.Sent), recv: Number(r.Recv), exchanged: Number(r.Exchanged) }
    }
  }
}

export async function * rpcPing (rpc: Transport, peer: string, options: { count?: number, signal?: AbortSignal } = {}): AsyncGenerator<PingResult> {
  for await (const r of rpc.ndjson('ping', { args: [peer], params: { count: options.count }, signal: options.signal })) {
    yield { success: r.Success === true, timeNs: Number(r.Time ?? 0), text: String(r.Text ?? '') }
  }
}

export async function rpcShutdown (rpc: Transport, options?: Signal): Promise<void> {
  await call(rpc, 'shutdown', { signal: options?.signal })
}
