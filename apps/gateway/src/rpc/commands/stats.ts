import { InvalidParametersError, parseDuration } from '@cairn/interface'
import type { BandwidthStats } from '@cairn/interface'
import { sendJson, sendNdjson } from '../output.ts'
import type { Command, CommandTable } from '../command.ts'

/** Kubo's `bitswap stat` JSON; the numbers are the counters `cairn_bitswap_*` report */
const bitswapStat: Command = {
  args: [0, 0],
  options: { verbose: 'bool', human: 'bool' },
  async run ({ api, res, signal }) {
    const s = await api.stats.bitswap({ signal })
    sendJson(res, {
      Wantlist: s.wantlist.map(cid => ({ '/': cid.toString() })),
      Peers: s.peers,
      BlocksReceived: s.blocksReceived,
      DataReceived: s.dataReceived,
      BlocksSent: s.blocksSent,
      DataSent: s.dataSent,
      DupBlksReceived: s.dupBlksReceived,
      DupDataReceived: s.dupDataReceived
    })
  }
}

/** `stats/*`, as Kubo's `core/commands/stat.go` */
export const statsCommands: CommandTable = {
  'stats/bitswap': bitswapStat,
  'bitswap/stat': bitswapStat,
  'stats/bw': {
    args: [0, 0],
    options: { peer: 'string', proto: 'string', poll: 'bool', interval: 'string' },
    async run ({ api, args, res, signal }) {
      const peer = args.string('peer')
      const proto = args.string('proto')
      if (peer != null && proto != null) throw new InvalidParametersError('please only specify peer OR protocol')
      const intervalMs = parseDuration(args.string('interval') ?? '1s')
      const poll = args.bool('poll') === true
      if (poll && intervalMs <= 0) throw new InvalidParametersError('interval must be greater than 0')
      // with `poll`, one line per interval until the client goes away (Kubo's stream)
      const lines = async function * (): AsyncGenerator<BandwidthStats> {
        while (true) {
          yield await api.stats.bw({ signal, peer, proto })
          if (!poll) return
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => { signal.removeEventListener('abort', stop); resolve() }, intervalMs)
            const stop = (): void => { clearTimeout(timer); reject(signal.reason) }
            signal.addEventListener('abort', stop, { once: true })
          })
        }
      }
      await sendNdjson(res, lines(), b => ({ TotalIn: Number(b.totalIn), TotalOut: Number(b.totalOut), RateIn: b.rateIn, RateOut: b.rateOut }))
    }
  },

  // Kubo's `stats dht`: one value per routing table (Cairn keeps one, "wan")
  'stats/dht': {
    args: [0, 4],
    async run ({ api, args, res, signal }) {
      for (const name of args.args) {
        if (!['wan', 'lan', 'wanserver', 'lanserver'].includes(name)) throw new InvalidParametersError(`unknown dht type: ${name.slice(0, 50)}`)
      }
      const tables = (await api.stats.dht({ signal })).filter(t => args.args.length === 0 || args.args.includes(t.name))
      await sendNdjson(res, tables, t => ({
        Name: t.name,
        Buckets: t.buckets.map(b => ({
          LastRefresh: b.lastRefresh,
          Peers: b.peers.map(p => ({ ID: p.id, Connected: p.connected, AgentVersion: p.agentVersion, LastUsefulAt: p.lastUsefulAt, LastQueriedAt: p.lastQueriedAt }))
        }))
      }))
    }
  }
}
