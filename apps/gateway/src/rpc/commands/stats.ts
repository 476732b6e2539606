import { InvalidParametersError } from '@cairn/interface'
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
      if (args.bool('poll') === true) throw new InvalidParametersError('poll is not supported')
      const bw = await api.stats.bw({ signal })
      await sendNdjson(res, [bw], b => ({ TotalIn: Number(b.totalIn), TotalOut: Number(b.totalOut), RateIn: b.rateIn, RateOut: b.rateOut }))
    }
  }
}
