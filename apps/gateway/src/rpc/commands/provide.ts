import { InvalidParametersError } from '@cairn/interface'
import { sendJson, sendNdjson } from '../output.ts'
import type { Command, CommandTable } from '../command.ts'

/** Kubo's `provide stat` in its legacy provider's shape (boxo's `ReproviderStats`): Cairn's sweep provider keeps these counters true, the sweep-only views are not served */
const stat: Command = {
  args: [0, 0],
  options: { lan: 'bool', all: 'bool', compact: 'bool', connectivity: 'bool', network: 'bool', schedule: 'bool', timings: 'bool', workers: 'bool', operations: 'bool', queues: 'bool' },
  async run ({ api, args, res, signal }) {
    if (args.bool('lan') === true) throw new InvalidParametersError('LAN stats only available for Sweep provider with Dual DHT')
    const s = await api.stats.provide({ signal })
    sendJson(res, {
      Sweep: null,
      Legacy: {
        TotalReprovides: s.totalReprovides,
        AvgReprovideDuration: s.avgReprovideDurationNs,
        LastReprovideDuration: s.lastReprovideDurationNs,
        LastRun: s.lastRun ?? '0001-01-01T00:00:00Z',
        ReprovideInterval: s.reprovideIntervalNs
      },
      FullRT: false
    })
  }
}

/** `provide *`, as Kubo's `core/commands/provide.go`; `stats provide|reprovide` are its older names */
export const provideCommands: CommandTable = {
  'provide/stat': stat,
  'stats/provide': stat,
  'stats/reprovide': stat,

  'provide/clear': {
    args: [0, 0],
    options: { quiet: 'bool' },
    async run ({ api, args, res, signal }) {
      const cleared = await api.routing.clearProvideQueue({ signal })
      if (args.bool('quiet') === true) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end()
        return
      }
      sendJson(res, cleared)
    }
  },

  // one `{"Queued": "<cid>"}` line per CID once it is announced
  'provide/once': {
    args: [1, 4096],
    options: { recursive: 'bool' },
    async run ({ api, args, res, signal }) {
      const recursive = args.bool('recursive') ?? false
      await sendNdjson(res, (async function * () {
        for (const cid of args.args) {
          await api.routing.provide([cid], { signal, recursive })
          yield cid
        }
      })(), Queued => ({ Queued }))
    }
  }
}
