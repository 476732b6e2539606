/**
 * `pnpm start`: initialise the default repo if needed and start the node.
 * Until the CLI's daemon lands this opens the repo's block store and prints its stats.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

const repoPath = process.env.CAIRN_PATH ?? join(homedir(), '.cairn')
process.stdout.write(`Cairn repo: ${repoPath}\n`)
