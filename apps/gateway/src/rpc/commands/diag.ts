import { InvalidParametersError, parseDuration } from '@cairn/interface'
import { lazyStream, sendBytes, sendJson } from '../output.ts'
import { KUBO_COLLECTORS, checkCollectors, profileArchive } from '../profile.ts'
import { GLOBAL_OPTIONS } from '../args.ts'
import type { Command, CommandTable } from '../command.ts'

/** Kubo's probe: the empty UnixFS directory, which every node can answer without peers or user content */
const HEALTH_PROBE_CID = 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn'

const empty = (res: Parameters<Command['run']>[0]['res']): void => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end()
}

/** `diag *` and `log *`, as Kubo's `core/commands/diag.go`, `sysdiag.go`, `active.go` and `log.go` */
export const diagCommands: CommandTable = {
  'diag/sys': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, await api.diag.sys({ signal }))
    }
  },

  // the commands this server runs and ran in the last minute, as Kubo's cmdInfo
  'diag/cmds': {
    args: [0, 0],
    options: { verbose: 'bool' },
    async run ({ res, active }) {
      sendJson(res, active.list().map(c => ({
        Active: c.active,
        Args: c.args,
        Command: c.command,
        EndTime: c.endTime ?? '0001-01-01T00:00:00Z',
        ID: c.id,
        Options: c.options,
        StartTime: c.startTime
      })))
    }
  },

  'diag/cmds/clear': {
    args: [0, 0],
    async run ({ res, active }) {
      active.clear()
      empty(res)
    }
  },

  'diag/cmds/set-time': {
    args: [1, 1],
    async run ({ args, res, active }) {
      active.keepMs = checkDuration(args.args[0])
      empty(res)
    }
  },

  // a container healthcheck, as Kubo's: the DAG pipeline must resolve the empty UnixFS directory
  'diag/healthy': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      try {
        await api.resolve(`/ipfs/${HEALTH_PROBE_CID}`, { signal })
      } catch (err) {
        throw new Error(`probe resolve: ${(err as Error).message}`, { cause: err })
      }
      try {
        await api.dag.get(HEALTH_PROBE_CID, { signal })
      } catch (err) {
        throw new Error(`probe fetch: ${(err as Error).message}`, { cause: err })
      }
      sendJson(res, 'ok')
    }
  },

  // Kubo's `diag profile`: a zip of the daemon's diagnostics (see ../profile.ts)
  'diag/profile': {
    args: [0, 0],
    options: { output: 'string', collectors: 'strings', 'profile-time': 'string', 'mutex-profile-fraction': 'int', 'block-profile-rate': 'string' },
    async run ({ api, args, res, signal }) {
      const collectors = args.strings('collectors') ?? KUBO_COLLECTORS
      checkCollectors(collectors)
      const time = args.string('profile-time') ?? '30s'
      let profileTimeMs: number
      try {
        profileTimeMs = parseDuration(time)
      } catch (err) {
        throw new InvalidParametersError(`failed to parse profile duration "${time.slice(0, 30)}": ${(err as Error).message}`, { cause: err })
      }
      await sendBytes(res, profileArchive(api, { collectors, profileTimeMs, signal }), 'application/zip')
    }
  },

  'log/level': {
    args: [0, 2],
    async run ({ api, args, res, signal }) {
      const r = await api.logging.level(args.args[0], args.args[1], { signal })
      sendJson(res, r.message != null ? { Message: r.message } : { Levels: r.levels })
    }
  },

  // Kubo's `log tail`: go-log's JSON lines, streamed until the client goes away
  'log/tail': {
    args: [0, 0],
    options: { 'log-level': 'string' },
    async run ({ api, args, res, signal }) {
      const lines = api.logging.tail({ signal, level: args.string('log-level') })
      // a bad level threw above, before the headers; from here lines are written as they come
      const stream = lazyStream(res, 'text/plain; charset=utf-8', 'bytes')
      stream.start()
      try {
        for await (const line of lines) await stream.write(JSON.stringify(line) + '\n')
        stream.end()
      } catch (err) {
        if (signal.aborted) { stream.end(); return }
        stream.end(err)
      }
    }
  },

  'log/ls': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Strings: await api.logging.ls({ signal }) })
    }
  }
}

interface CommandInfo { Name: string, Subcommands: CommandInfo[], Options: Array<{ Names: string[] }> }

/** Kubo's `commands`: the tree of every RPC command and its options, rooted at `ipfs` */
export function commandsCommand (table: CommandTable): Command {
  return {
    args: [0, 0],
    options: { flags: 'bool' },
    async run ({ res }) {
      const root: CommandInfo = { Name: 'ipfs', Subcommands: [], Options: Object.keys(GLOBAL_OPTIONS).map(n => ({ Names: [n] })) }
      for (const [path, command] of Object.entries(table).sort(([a], [b]) => a.localeCompare(b))) {
        let node = root
        for (const part of path.split('/')) {
          let next = node.Subcommands.find(s => s.Name === part)
          if (next == null) node.Subcommands.push(next = { Name: part, Subcommands: [], Options: [] })
          node = next
        }
        node.Options = Object.keys(command.options ?? {}).map(n => ({ Names: [n] }))
      }
      sendJson(res, root)
    }
  }
}

/** Kubo's set-time takes a Go duration; a bad one is the caller's mistake */
export function checkDuration (text: string): number {
  try {
    return parseDuration(text)
  } catch (err) {
    throw new InvalidParametersError(`invalid duration "${text.slice(0, 30)}"`, { cause: err })
  }
}
