import type { CommandTable } from '../command.ts'
import { addCommands } from './add.ts'
import { bitswapCommands } from './bitswap.ts'
import { blockCommands } from './block.ts'
import { cidCommands } from './cid.ts'
import { bootstrapCommands } from './bootstrap.ts'
import { configCommands } from './config.ts'
import { dagCommands } from './dag.ts'
import { commandsCommand, diagCommands } from './diag.ts'
import { filesCommands } from './files.ts'
import { idCommands } from './id.ts'
import { keyCommands } from './key.ts'
import { localOnlyCommands, namespaceCommands } from './local-only.ts'
import { nameCommands } from './name.ts'
import { objectCommands } from './object.ts'
import { pinCommands } from './pin.ts'
import { pinRemoteCommands } from './pin-remote.ts'
import { pingCommands } from './ping.ts'
import { provideCommands } from './provide.ts'
import { pubsubCommands } from './pubsub.ts'
import { refsCommands } from './refs.ts'
import { repoCommands } from './repo.ts'
import { routingCommands } from './routing.ts'
import { statsCommands } from './stats.ts'
import { swarmCommands } from './swarm.ts'
import { unixfsCommands } from './unixfs.ts'
import { unsupportedCommands } from './unsupported.ts'
import { versionCommands } from './version.ts'

/** Joins namespace tables into one; a name registered twice is a programming error */
export function joinTables (tables: CommandTable[]): CommandTable {
  const all: CommandTable = {}
  for (const table of tables) {
    for (const [name, command] of Object.entries(table)) {
      if (Object.hasOwn(all, name)) throw new Error(`RPC command "${name}" is registered twice`)
      all[name] = command
    }
  }
  return all
}

/**
 * Every `/api/v0` command, one module per namespace as Kubo's `core/commands/`: a new command goes
 * into its namespace's module (or a new module listed here), never into the server.
 */
export const commands: CommandTable = withCommandsList(joinTables([
  idCommands,
  versionCommands,
  addCommands,
  unixfsCommands,
  filesCommands,
  pinCommands,
  pinRemoteCommands,
  blockCommands,
  dagCommands,
  refsCommands,
  cidCommands,
  objectCommands,
  repoCommands,
  swarmCommands,
  routingCommands,
  pubsubCommands,
  statsCommands,
  configCommands,
  bootstrapCommands,
  keyCommands,
  nameCommands,
  bitswapCommands,
  provideCommands,
  pingCommands,
  diagCommands,
  unsupportedCommands,
  localOnlyCommands
]))

/** Adds Kubo's `commands`, which lists the table it is part of */
function withCommandsList (table: CommandTable): CommandTable {
  const all = joinTables([table, { commands: commandsCommand(table) }])
  return joinTables([all, namespaceCommands(all)])
}
