/**
 * The only place that reads the environment and the global flags. Pure: the same env and argv
 * always give the same `CliConfig`, so it is unit-tested without touching the process.
 */
import { join } from 'node:path'
import { InvalidParametersError, parseDuration } from '@cairn/interface'
import { DEFAULT_REPO_DIRNAME } from './constants.ts'

export type Encoding = 'text' | 'json'

export interface CliConfig {
  /** `$CAIRN_PATH`, `--repo-dir`, or `~/.cairn` */
  repoPath: string
  /** An RPC address given by `--api` or `$CAIRN_API`; when absent the repo's `api` file decides */
  api?: string
  /** Print stack traces with errors (`-D`, `--debug`) */
  debug: boolean
  /** Kubo's `--enc` */
  enc: Encoding
  /** Kubo's `--timeout`, in milliseconds */
  timeoutMs?: number
  /** Kubo's global `--offline`: never use a running daemon, never touch the network */
  offline: boolean
  /**
   * The folder relative paths are read from when it is not the process's: `pnpm cairn` runs in
   * the workspace root, and pnpm passes the caller's folder as `INIT_CWD`
   */
  cwd?: string
  /** argv with the global flags removed and Kubo's `--flag=false` spelled the way commander reads it */
  args: string[]
}

export interface Env {
  [key: string]: string | undefined
}

/** Root `package.json` scripts that run the CLI from the workspace root */
const PNPM_SCRIPTS = new Set(['cairn', 'start'])

/** Commands whose own flags share a name with a global flag: there the flag belongs to the command */
const COMMAND_OWNED_FLAGS: Record<string, string[]> = {
  daemon: ['--api', '--offline']
}

/**
 * @param env - the process environment
 * @param argv - the arguments after the script name (`process.argv.slice(2)`)
 */
export function parseConfig (env: Env, argv: string[]): CliConfig {
  const home = env.HOME ?? env.USERPROFILE ?? '.'
  const config: CliConfig = {
    repoPath: env.CAIRN_PATH != null && env.CAIRN_PATH !== '' ? env.CAIRN_PATH : join(home, DEFAULT_REPO_DIRNAME),
    debug: false,
    enc: 'text',
    offline: false,
    args: []
  }
  if (env.CAIRN_API != null && env.CAIRN_API !== '') config.api = env.CAIRN_API
  // only for our own root scripts: INIT_CWD is inherited by every child of any pnpm script
  if (PNPM_SCRIPTS.has(env.npm_lifecycle_event ?? '') && env.INIT_CWD != null && env.INIT_CWD !== '') config.cwd = env.INIT_CWD

  const command = findCommand(argv)
  const owned = new Set(COMMAND_OWNED_FLAGS[command ?? ''] ?? [])

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      config.args.push(...argv.slice(i))
      break
    }
    const eq = arg.indexOf('=')
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg
    const takeValue = (): string => {
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1)
      const value = argv[++i]
      if (value == null) throw new InvalidParametersError(`option '${name}' argument missing`)
      return value
    }

    if (owned.has(name)) {
      config.args.push(normaliseBoolean(arg))
      continue
    }
    switch (name) {
      case '-D':
      case '--debug':
        config.debug = readBoolean(name, eq > 0 ? arg.slice(eq + 1) : undefined)
        break
      case '--offline':
        config.offline = readBoolean(name, eq > 0 ? arg.slice(eq + 1) : undefined)
        break
      case '--enc':
      case '--encoding': {
        const enc = takeValue()
        if (enc !== 'text' && enc !== 'json') throw new InvalidParametersError(`unsupported encoding '${enc}': use text or json`)
        config.enc = enc
        break
      }
      case '--repo-dir':
        config.repoPath = takeValue()
        break
      case '--api':
        config.api = takeValue()
        break
      case '--timeout':
        config.timeoutMs = parseDuration(takeValue())
        break
      default:
        config.args.push(normaliseBoolean(arg))
    }
  }
  return config
}

const GLOBAL_VALUE_FLAGS = new Set(['--enc', '--encoding', '--repo-dir', '--api', '--timeout'])

/** The first operand that is not the value of a global flag: the command name */
function findCommand (argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') return undefined
    if (GLOBAL_VALUE_FLAGS.has(arg)) { i++; continue }
    if (!arg.startsWith('-')) return arg
  }
  return undefined
}

function readBoolean (name: string, value: string | undefined): boolean {
  if (value == null || value === 'true') return true
  if (value === 'false') return false
  throw new InvalidParametersError(`option '${name}' takes true or false, not '${value}'`)
}

/**
 * Kubo spells a false boolean `--pin=false`; commander spells it `--no-pin`. Rewriting here lets
 * both work without any command declaring an optional value that could swallow a path.
 */
export function normaliseBoolean (arg: string): string {
  const m = /^--([a-z][a-z0-9-]*)=(true|false)$/.exec(arg)
  if (m == null) return arg
  return m[2] === 'true' ? `--${m[1]}` : `--no-${m[1]}`
}

/** Go's `time.ParseDuration`, as Kubo's `--timeout` takes (one copy, in `@cairn/interface`) */
export { parseDuration }
