import type { CairnApi } from '@cairn/interface'
import { sendJson, sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** Kubo's `IdOutput` as `swarm peers` sends it for a connection not asked to identify */
const EMPTY_IDENTIFY = { ID: '', PublicKey: '', Addresses: null, AgentVersion: '', Protocols: null }

/**
 * `swarm peers --identify`: what identify said of the peer, from the peer store (as Kubo's
 * identifyPeer); nothing when it cannot say. Never a dial: a peer disconnected while the list was
 * made would be connected again.
 */
async function identify (api: CairnApi, peer: string, signal: AbortSignal): Promise<object> {
  try {
    const id = await api.id({ peerId: peer, dial: false, signal })
    return { ID: id.id, PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, Protocols: id.protocols }
  } catch {
    return EMPTY_IDENTIFY
  }
}

/** `swarm/*`, as Kubo's `core/commands/swarm.go` */
export const swarmCommands: CommandTable = {
  'swarm/peers': {
    args: [0, 0],
    options: { verbose: 'bool', streams: 'bool', latency: 'bool', direction: 'bool', identify: 'bool' },
    async run ({ api, args, res, signal }) {
      const verbose = args.bool('verbose') === true
      const want = (name: string): boolean => verbose || args.bool(name) === true
      const peers = [...await api.swarm.peers({ signal })].sort((a, b) => a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0)
      const out = []
      for (const p of peers) {
        // Kubo's connInfo: empty fields are omitted (`omitempty`), except Identify, always there
        out.push({
          Addr: p.addr,
          Peer: p.peer,
          ...(want('latency') ? { Latency: p.latency ?? 'n/a' } : {}),
          // network.Direction: 1 inbound, 2 outbound
          ...(want('direction') && p.direction != null ? { Direction: p.direction === 'inbound' ? 1 : 2 } : {}),
          ...(want('streams') && (p.streams?.length ?? 0) > 0 ? { Streams: [...p.streams!].sort().map(Protocol => ({ Protocol })) } : {}),
          Identify: want('identify') ? await identify(api, p.peer, signal) : EMPTY_IDENTIFY
        })
      }
      sendJson(res, { Peers: out.length === 0 ? null : out })
    }
  },

  'swarm/connect': {
    args: [1, 64],
    async run ({ api, args, res, signal }) {
      const strings: string[] = []
      for (const addr of args.args) {
        await api.swarm.connect(addr, { signal })
        strings.push(`connect ${addr.split('/p2p/').at(-1) ?? addr} success`)
      }
      sendJson(res, { Strings: strings })
    }
  },

  'swarm/addrs': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      const addrs: Record<string, string[]> = {}
      for (const { id, addrs: a } of await api.swarm.addrs({ signal })) addrs[id] = a
      sendJson(res, { Addrs: addrs })
    }
  },

  'swarm/addrs/local': {
    args: [0, 0],
    options: { id: 'bool' },
    async run ({ api, res, signal }) {
      sendJson(res, { Strings: await api.swarm.localAddrs({ signal }) })
    }
  },

  // Kubo's autoNATResult (lower-case JSON keys, empty lists omitted) and Cairn's `relayed`
  'swarm/addrs/autonat': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      if (api.swarm.autonat == null) throw new Error('swarm addrs autonat is not available')
      const r = await api.swarm.autonat({ signal })
      const list = (l: string[]): string[] | undefined => l.length > 0 ? l : undefined
      sendJson(res, { reachability: r.reachability, reachable: list(r.reachable), unreachable: list(r.unreachable), unknown: list(r.unknown), relayed: list(r.relayed) })
    }
  },

  // Kubo's `LimitsConfigAndUsage`, from what js-libp2p limits (see @cairn/node's resources.ts)
  'swarm/resources': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, await api.swarm.resources({ signal }))
    }
  },

  'swarm/addrs/listen': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Strings: await api.swarm.listenAddrs({ signal }) })
    }
  },

  // as Kubo: one line per address, a failure is a line too (`disconnect <id> failure: <why>`)
  'swarm/disconnect': {
    args: [1, 64],
    async run ({ api, args, res, signal }) {
      const strings: string[] = []
      for (const addr of args.args) {
        const id = addr.split('/p2p/').at(-1) ?? addr
        try {
          await api.swarm.disconnect(addr, { signal })
          strings.push(`disconnect ${id} success`)
        } catch (err: any) {
          // an address that does not parse is the whole request's error, as Kubo's parseAddresses
          if (err?.code === 'ERR_INVALID_PARAMETERS' && !['not connected', 'conn not found'].includes(err.message)) throw err
          strings.push(`disconnect ${id} failure: ${(err as Error).message}`)
        }
      }
      sendJson(res, { Strings: strings })
    }
  },

  'swarm/peering/add': {
    args: [1, 64],
    async run ({ api, args, res, signal }) {
      const ids = await api.swarm.peering.add(args.args, { signal })
      await sendNdjson(res, ids, ID => ({ ID, Status: 'success' }))
    }
  },

  'swarm/peering/ls': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      const peers = await api.swarm.peering.ls({ signal })
      sendJson(res, { Peers: peers.map(p => ({ ID: p.id, Addrs: p.addrs })) })
    }
  },

  'swarm/peering/rm': {
    args: [1, 64],
    async run ({ api, args, res, signal }) {
      const ids = await api.swarm.peering.rm(args.args, { signal })
      await sendNdjson(res, ids, ID => ({ ID, Status: 'success' }))
    }
  },

  'swarm/filters': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      const list = await api.swarm.filters.ls({ signal })
      sendJson(res, { Strings: list.length === 0 ? null : list })
    }
  },

  'swarm/filters/add': {
    args: [0, 64],
    async run ({ api, args, res, signal }) {
      sendJson(res, { Strings: await api.swarm.filters.add(args.args, { signal }) })
    }
  },

  'swarm/filters/rm': {
    args: [1, 64],
    async run ({ api, args, res, signal }) {
      sendJson(res, { Strings: await api.swarm.filters.rm(args.args, { signal }) })
    }
  }
}
