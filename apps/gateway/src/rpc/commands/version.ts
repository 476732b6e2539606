import type { CommandTable } from '../command.ts'
import { sendJson } from '../output.ts'

/** `version`, as Kubo's `core/commands/version.go` */
export const versionCommands: CommandTable = {
  version: {
    args: [0, 0],
    options: { number: 'bool', commit: 'bool', repo: 'bool', all: 'bool' },
    async run ({ api, res, signal }) {
      const v = await api.version({ signal })
      sendJson(res, { Version: v.version, Commit: v.commit, Repo: v.repo, System: v.system, Golang: '' })
    }
  },

  // Kubo's `version check`: newer releases among the routing table's peers of the same software
  'version/check': {
    args: [0, 0],
    options: { 'min-percent': 'int' },
    async run ({ api, args, res, signal }) {
      sendJson(res, await api.diag.versionCheck({ signal, minPercent: args.int('min-percent') }))
    }
  }
}
