import { cidJson } from '../command.ts'
import { sendJson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `bitswap wantlist|ledger`, as Kubo's `core/commands/bitswap.go` (`stat` lives with `stats`) */
export const bitswapCommands: CommandTable = {
  'bitswap/wantlist': {
    args: [0, 0],
    options: { peer: 'string' },
    async run ({ api, args, res, signal }) {
      const keys = await api.bitswap.wantlist({ signal, peer: args.string('peer') })
      sendJson(res, { Keys: keys.map(cidJson) })
    }
  },

  'bitswap/ledger': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      const l = await api.bitswap.ledger(args.args[0], { signal })
      // boxo's server.Receipt
      sendJson(res, { Peer: l.peer, Value: l.value, Sent: l.sent, Recv: l.recv, Exchanged: l.exchanged })
    }
  }
}
