/**
 * RPC commands only the CLI can answer, added to its daemon's `/api/v0`: Kubo's
 * `commands/completion/*` give the completion scripts of the command line itself, and
 * `version/deps` the packages this CLI runs on. A gateway started without the CLI lacks them.
 */
import type { Command as CliCommand } from 'commander'
import type { Command as RpcCommand } from '@cairn/gateway'
import { bashCompletion, commandInfo, fishCompletion, zshCompletion } from './commands/introspect.ts'
import type { CommandInfo } from './commands/introspect.ts'

function text (generate: (info: CommandInfo) => string, program: CliCommand): RpcCommand {
  return {
    args: [0, 0],
    async run ({ res }) {
      const body = generate(commandInfo(program))
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) })
      res.end(body)
    }
  }
}

export function cliRpcCommands (program: CliCommand): Record<string, RpcCommand> {
  return {
    'commands/completion/bash': text(bashCompletion, program),
    'commands/completion/zsh': text(zshCompletion, program),
    'commands/completion/fish': text(fishCompletion, program),
    // Kubo streams one `{Path,Version,ReplacedBy,Sum}` per Go module
    'version/deps': {
      args: [0, 0],
      async run ({ res }) {
        const { dependencyVersions } = await import('./deps.ts')
        const body = (await dependencyVersions()).map(d => JSON.stringify({ Path: d.path, Version: d.version, ReplacedBy: '', Sum: '' }) + '\n').join('')
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'X-Chunked-Output': '1', 'Content-Length': String(Buffer.byteLength(body)) })
        res.end(body)
      }
    }
  }
}
