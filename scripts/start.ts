/**
 * `pnpm start`: initialise the repo (`$CAIRN_PATH`, default `~/.cairn`) if it has none, then run
 * `cairn daemon` in the foreground. Extra arguments go to the daemon (`pnpm start --offline`).
 * Runs the CLI from source under the `development` condition, so no build step is needed.
 * Ctrl-C stops the daemon cleanly (it removes its `api` and `gateway` files).
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = join(root, 'apps/cli/src/bin.ts')
// `pnpm start -- --offline` (npm's habit) reaches us with the `--`, which would end the daemon's options
const args = process.argv[2] === '--' ? process.argv.slice(3) : process.argv.slice(2)
const child = spawn(process.execPath, ['--conditions=development', bin, 'daemon', '--init', ...args], {
  stdio: 'inherit'
})

// the terminal sends SIGINT to the whole group; a SIGTERM sent to this script alone is passed on
const forward = (signal: NodeJS.Signals): void => { child.kill(signal) }
process.on('SIGINT', () => {})
process.on('SIGTERM', forward)
child.on('close', (code, signal) => {
  process.exit(code ?? (signal != null ? 1 : 0))
})
