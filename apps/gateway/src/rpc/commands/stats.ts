import { InvalidParametersError } from '@cairn/interface'
import { sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `stats/*`, as Kubo's `core/commands/stat.go` */
export const statsCommands: CommandTable = {
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
