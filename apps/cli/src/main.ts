/**
 * One CLI run: parse, open the node the right way, run the command, print one line on failure.
 * Takes its streams, env and argv as arguments so tests can drive it; `bin.ts` passes the process's.
 */
import { CommanderError } from 'commander'
import type { CairnApi } from '@cairn/interface'
import { TimeoutError } from '@cairn/interface'
import { parseConfig } from './config.ts'
import type { CliConfig, Env } from './config.ts'
import { openApi } from './connect.ts'
import type { OpenedApi } from './connect.ts'
import { EXIT_OK, EXIT_UNKNOWN_COMMAND, EXIT_USAGE } from './constants.ts'
import type { Backend, CliContext, InputStream, OpenOptions } from './context.ts'
import { describeError } from './errors.ts'
import { createPrinter } from './print.ts'
import type { OutputStream, Printer } from './print.ts'
import { createProgram } from './program.ts'

export interface RunInit {
  env: Env
  /** Arguments after the program name */
  argv: string[]
  stdout: OutputStream
  stderr: OutputStream
  stdin: InputStream
  cwd: string
  /** Aborted by the caller on SIGINT or SIGTERM */
  signal?: AbortSignal
  /** @default the real one, loaded on first use */
  loadBackend?: () => Promise<Backend>
}

const loadDefaultBackend = async (): Promise<Backend> => {
  const { createBackend } = await import('./backend.ts')
  return createBackend()
}

/** Runs one command; resolves to the exit code */
export async function run (init: RunInit): Promise<number> {
  let config: CliConfig
  try {
    config = parseConfig(init.env, init.argv)
  } catch (err) {
    const print = createPrinter({ stdout: init.stdout, stderr: init.stderr })
    print.notice(describeError(err, { repoPath: '' }).line)
    await print.flush()
    return EXIT_USAGE
  }
  const print = createPrinter({ stdout: init.stdout, stderr: init.stderr, enc: config.enc })
  const deadline = config.timeoutMs != null ? AbortSignal.timeout(config.timeoutMs) : undefined
  const signals = [init.signal, deadline].filter(s => s != null)
  const signal = signals.length > 0 ? AbortSignal.any(signals) : new AbortController().signal

  let backend: Promise<Backend> | undefined
  const loadBackend = async (): Promise<Backend> => {
    backend ??= (init.loadBackend ?? loadDefaultBackend)()
    return backend
  }
  let opened: Promise<OpenedApi> | undefined
  const ctx: CliContext = {
    config,
    print,
    cwd: config.cwd ?? init.cwd,
    stdin: init.stdin,
    stdoutIsTTY: init.stdout.isTTY === true,
    stderrIsTTY: init.stderr.isTTY === true,
    signal,
    backend: loadBackend,
    async api (options: OpenOptions = {}): Promise<CairnApi> {
      if (opened == null) {
        opened = openApi(config, loadBackend, options)
        if ((await opened).initialized === true) print.notice(`initialized a new Cairn repo at ${config.repoPath}`)
      }
      return (await opened).api
    }
  }

  let exitCode = EXIT_OK
  try {
    const program = createProgram(ctx)
    // Kubo's `ipfs --version`
    if (config.args[0] === '--version') config.args = ['version', ...config.args.slice(1)]
    if (config.args.length === 0) {
      program.outputHelp()
    } else {
      await program.parseAsync(config.args, { from: 'user' })
    }
  } catch (err) {
    // whatever a command's own abort looked like (a cut HTTP request, an aborted walk), a run that
    // passed its --timeout says so in Kubo's words
    exitCode = report(deadline?.aborted === true && init.signal?.aborted !== true ? deadlineError(err) : err, config, print)
  } finally {
    if (opened != null) {
      try {
        await (await opened).close()
      } catch (err) {
        // the open itself failed and was reported above; a failing close is worth a line of its own
        if (exitCode === EXIT_OK) exitCode = report(err, config, print)
      }
    }
    await print.flush()
  }
  return exitCode
}

/** Once the deadline passed, what failed did so because of it: a cut request, a stream ended early */
function deadlineError (err: unknown): unknown {
  if (err instanceof CommanderError) return err
  return new TimeoutError('context deadline exceeded', { cause: err })
}

function report (err: unknown, config: CliConfig, print: Printer): number {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return EXIT_OK
    // `cairn pin` alone: commander has printed the help, which says what is missing
    if (err.code === 'commander.help' || err.code === 'commander.helpDisplayed') return EXIT_USAGE
    // one line, suggestions included: "unknown command 'ad' (Did you mean add?)"
    print.notice(`Error: ${err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}`)
    return err.code === 'commander.unknownCommand' ? EXIT_UNKNOWN_COMMAND : EXIT_USAGE
  }
  const failure = describeError(err, { repoPath: config.repoPath })
  print.notice(failure.line)
  if (config.debug && failure.stack != null) print.notice(failure.stack)
  return failure.exitCode
}
