import { InvalidParametersError } from '@cairn/interface'
import { sendJson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `bootstrap/*`, as Kubo's `core/commands/bootstrap.go` */
export const bootstrapCommands: CommandTable = {
  bootstrap: {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.list({ signal }) })
    }
  },

  'bootstrap/list': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.list({ signal }) })
    }
  },

  'bootstrap/add': {
    args: [0, 64],
    options: { default: 'bool' },
    async run ({ api, args, res, signal }) {
      const useDefault = args.bool('default') === true
      if (!useDefault && args.args.length === 0) throw new InvalidParametersError('argument "arg" is required')
      sendJson(res, { Peers: await api.bootstrap.add(args.args, { signal, default: useDefault }) })
    }
  },

  'bootstrap/add/default': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.add([], { signal, default: true }) })
    }
  },

  'bootstrap/rm': {
    args: [0, 64],
    options: { all: 'bool' },
    async run ({ api, args, res, signal }) {
      const all = args.bool('all') === true
      if (!all && args.args.length === 0) throw new InvalidParametersError('argument "arg" is required')
      sendJson(res, { Peers: await api.bootstrap.rm(args.args, { signal, all }) })
    }
  },

  'bootstrap/rm/all': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.rm([], { signal, all: true }) })
    }
  }
}
