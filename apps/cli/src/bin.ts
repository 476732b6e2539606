#!/usr/bin/env node
/**
 * The `cairn` command. The first SIGINT or SIGTERM asks the running command (or the daemon) to
 * stop cleanly; a second one exits at once.
 */
import module from 'node:module'
import { chooseAllocator, isDaemonCommand } from './allocator.ts'
import { EXIT_DAEMON } from './constants.ts'
import { applyGcTuning } from './gc-tuning.ts'
import { bareVersion, versionLines } from './version.ts'

// V8's compiled code for our modules, kept on disk between runs (Node's own cache folder under the
// system temp dir): most of a short command's start-up is compiling the modules it loads
module.enableCompileCache?.()

// full GCs paced by the live heap, not by every 64 MiB of Buffers a transfer goes through (gc-tuning.ts)
applyGcTuning()

// the daemon runs under jemalloc when installed: this replaces the process once, before anything starts
if (isDaemonCommand(process.argv.slice(2))) chooseAllocator()

// `cairn version` and `cairn --version` as typed, answered before the command tree is even loaded
const version = bareVersion(process.argv.slice(2))
if (version != null) {
  process.stdout.write(versionLines(version).join('\n') + '\n', () => process.exit(0))
} else {
  await runCommand()
}

async function runCommand (): Promise<void> {
  const { run } = await import('./main.ts')

  /** Signals this close to the first are echoes (a terminal and a wrapper such as pnpm both sending one), not a second request */
  const SIGNAL_ECHO_WINDOW_MS = 1000

  const controller = new AbortController()
  let firstSignalAt: number | undefined
  const onSignal = (): void => {
    const now = Date.now()
    if (firstSignalAt == null) {
      firstSignalAt = now
      controller.abort()
    } else if (now - firstSignalAt > SIGNAL_ECHO_WINDOW_MS) {
      process.exit(130)
    }
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  // the reader of our output went away (`cairn cat x | head`, a closed terminal): stop the command
  // cleanly instead of dying mid-write, so a daemon still removes its api file
  const onOutputError = (err: NodeJS.ErrnoException): void => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') controller.abort()
  }
  process.stdout.on('error', onOutputError)
  process.stderr.on('error', onOutputError)

  // Nothing left to wait for while a command still awaits: a stream from the daemon was cut in a way
  // no callback reported. Say so in one line instead of Node's "unsettled top-level await" (exit 13).
  process.on('beforeExit', () => {
    process.stderr.write('Error: the daemon closed the connection before its answer was complete\n')
    process.exit(EXIT_DAEMON)
  })

  const code = await run({
    env: process.env,
    argv: process.argv.slice(2),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    signal: controller.signal
  })
  process.exit(code)
}
