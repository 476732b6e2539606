#!/usr/bin/env node
/**
 * The `cairn` command. The first SIGINT or SIGTERM asks the running command (or the daemon) to
 * stop cleanly; a second one exits at once.
 */
import { run } from './main.ts'

const controller = new AbortController()
let interrupts = 0
const onSignal = (): void => {
  interrupts++
  if (interrupts > 1) process.exit(130)
  controller.abort()
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)

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
