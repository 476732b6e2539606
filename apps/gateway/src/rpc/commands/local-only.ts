import { InvalidParametersError } from '@cairn/interface'
import { UnknownCommandError } from '../../errors.ts'
import type { Command, CommandTable } from '../command.ts'

/**
 * Kubo commands marked `NoRemote`: they work on the repo's files with no daemon running, so
 * go-ipfs-cmds answers them over HTTP as it answers an unknown path (404). Cairn keeps Kubo's
 * status but says why, so a client does not mistake them for a typo; the CLI runs them.
 */
const LOCAL_ONLY: Record<string, string> = {
  'config/edit': 'it opens $EDITOR on the config file',
  'files/chroot': 'it rewrites the MFS root of a repo no daemon holds',
  'key/rotate': 'it replaces the identity of a repo no daemon holds',
  'repo/migrate': 'it migrates a repo no daemon holds',
  'diag/datastore/get': 'it reads the datastore of a repo no daemon holds',
  'diag/datastore/put': 'it writes the datastore of a repo no daemon holds',
  'diag/datastore/count': 'it reads the datastore of a repo no daemon holds'
}

function localOnly (name: string, why: string): Command {
  return {
    args: [0, 1024],
    async run () {
      throw new UnknownCommandError(`"${name}" runs only on the command line (\`cairn ${name.replaceAll('/', ' ')}\`), with the daemon stopped: ${why}`)
    }
  }
}

export const localOnlyCommands: CommandTable = Object.fromEntries(Object.entries(LOCAL_ONLY).map(([name, why]) => [name, localOnly(name, why)]))

/**
 * go-ipfs-cmds' `ErrNotCallable` (a client error, 400) for each namespace that only groups
 * subcommands (`pin`, `swarm/peering`), as Kubo answers `/api/v0/pin`
 */
export function namespaceCommands (table: CommandTable): CommandTable {
  const out: CommandTable = {}
  for (const path of Object.keys(table)) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/')
      if (Object.hasOwn(table, prefix) || Object.hasOwn(out, prefix)) continue
      out[prefix] = {
        args: [0, 1024],
        async run () {
          throw new InvalidParametersError('this command cannot be called directly; try one of its subcommands.')
        }
      }
    }
  }
  return out
}
