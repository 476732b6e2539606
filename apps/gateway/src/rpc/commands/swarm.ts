import { sendJson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `swarm/*`, as Kubo's `core/commands/swarm.go` */
export const swarmCommands: CommandTable = {
  'swarm/peers': {
    args: [0, 0],
    options: { verbose: 'bool', streams: 'bool', latency: 'bool', direction: 'bool', identify: 'bool' },
    async run ({ api, args, res, signal }) {
      const peers = await api.swarm.peers({ signal })
      const direction = args.bool('direction') === true || args.bool('verbose') === true
      sendJson(res, {
        Peers: peers.map(p => ({
          Addr: p.addr,
          Peer: p.peer,
          Latency: p.latency ?? '',
          Muxer: '',
          // Kubo's network.Direction: 1 inbound, 2 outbound
          ...(direction && p.direction != null ? { Direction: p.direction === 'inbound' ? 1 : 2 } : {}),
          Streams: null
        }))
      })
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
  }
}
