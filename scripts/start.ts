/**
 * `pnpm start`: initialise the repo (`$CAIRN_PATH`, default `~/.cairn`) if it has none, then run
 * `cairn daemon` in the foreground. Extra arguments go to the daemon (`pnpm start --offline`).
 * Runs the compiled CLI when the build is current, else the sources (see `cli-entry.ts`).
 * Ctrl-C stops the daemon cleanly (it removes its `api` and `gateway` files) and exits 0: the
 * package.json script names the Node binary itself, because `node` on a pnpm script's PATH is a
 * `sh` wrapper that dies of the Ctrl-C, which pnpm then reports as a failed command (ELIFECYCLE).
 */
import { spawn } from 'node:child_process'
import { cliNodeArgs } from './cli-entry.ts'

// `pnpm start -- --offline` (npm's habit) reaches us with the `--`, which would end the daemon's options
const args = process.argv[2] === '--' ? process.argv.slice(3) : process.argv.slice(2)
const child = spawn(process.execPath, [...cliNodeArgs(), 'daemon', '--init', ...args], {
  stdio: 'inherit'
})

// the terminal sends SIGINT to the whole group; a SIGTERM sent to this script alone is passed on
const forward = (signal: NodeJS.Signals): void => { child.kill(signal) }
process.on('SIGINT', () => {})
process.on('SIGTERM', forward)
child.on('close', (code, signal) => {
  process.exit(code ?? (signal != null ? 1 : 0))
})
