import { InvalidParametersError } from '@cairn/interface'
import { sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `routing/*`, as Kubo's `core/commands/routing.go` */
export const routingCommands: CommandTable = {
  'routing/findprovs': {
    args: [1, 1],
    options: { 'num-providers': 'int', verbose: 'bool' },
    async run ({ api, args, res, signal }) {
      const n = args.int('num-providers') ?? 20
      if (n < 1) throw new InvalidParametersError('num-providers must be at least 1')
      // Kubo's routing event type 4 is "provider"
      await sendNdjson(res, api.routing.findProvs(args.args[0], { signal, numProviders: n }), p =>
        ({ Extra: '', ID: '', Responses: [{ ID: p.id, Addrs: p.addrs }], Type: 4 }))
    }
  },

  'routing/provide': {
    args: [1, 1024],
    options: { recursive: 'bool', verbose: 'bool' },
    async run ({ api, args, res, signal }) {
      await api.routing.provide(args.args, { signal, recursive: args.bool('recursive') ?? false })
      await sendNdjson(res, [], l => l)
    }
  }
}
