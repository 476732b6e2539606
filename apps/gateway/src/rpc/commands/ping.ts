import { sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `ping` and `shutdown`, as Kubo's `core/commands/ping.go` and `shutdown.go` */
export const pingCommands: CommandTable = {
  ping: {
    args: [1, 1],
    options: { count: 'int' },
    async run ({ api, args, res, signal }) {
      const count = args.int('count') ?? 10
      // Kubo's PingResult: Time is a Go duration in nanoseconds
      await sendNdjson(res, api.ping(args.args[0], { signal, count }), r => ({ Success: r.success, Time: r.timeNs, Text: r.text }))
    }
  },

  // a daemon replaces this with one that stops it (`createGateway({ commands })`); a bare node is no daemon
  shutdown: {
    args: [0, 0],
    async run ({ api, res, signal }) {
      await api.shutdown({ signal })
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end()
    }
  }
}
