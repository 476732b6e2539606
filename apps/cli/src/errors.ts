/**
 * The CLI's own errors and the one table that turns any error into the line a user reads and the
 * exit code a script sees.
 */
import { CairnError } from '@cairn/interface'
import type { CairnErrorOptions } from '@cairn/interface'
import { EXIT_DAEMON, EXIT_FAILURE, EXIT_NOT_FOUND, EXIT_REPO, EXIT_USAGE } from './constants.ts'

/** Bad command line: unknown flag, missing argument, wrong value */
export class UsageError extends CairnError {
  static override name = 'UsageError'
  static override code = 'ERR_USAGE'
  constructor (message = 'Invalid usage', options?: CairnErrorOptions) { super(message, options) }
}

/** `$CAIRN_PATH/api` names a daemon that does not answer */
export class DaemonUnreachableError extends CairnError {
  static override name = 'DaemonUnreachableError'
  static override code = 'ERR_DAEMON_UNREACHABLE'
  constructor (message = 'cannot connect to the daemon. Is it running?', options?: CairnErrorOptions) { super(message, options) }
}

/** A command that needs the network ran with no daemon */
export class DaemonRequiredError extends CairnError {
  static override name = 'DaemonRequiredError'
  static override code = 'ERR_DAEMON_REQUIRED'
  constructor (message = "this command must be run in online mode. Try running 'cairn daemon' first", options?: CairnErrorOptions) { super(message, options) }
}

/** `cairn daemon` on a repo whose daemon is already running */
export class DaemonRunningError extends CairnError {
  static override name = 'DaemonRunningError'
  static override code = 'ERR_DAEMON_RUNNING'
  constructor (message = 'a daemon is already running on this repo', options?: CairnErrorOptions) { super(message, options) }
}

/** `cairn init` on a repo that exists */
export class RepoExistsError extends CairnError {
  static override name = 'RepoExistsError'
  static override code = 'ERR_REPO_EXISTS'
  constructor (message = 'a repo already exists here', options?: CairnErrorOptions) { super(message, options) }
}

/** An error the daemon reported over RPC; `code` is the daemon's when it sent one */
export class RemoteError extends CairnError {
  static override name = 'RemoteError'
  static override code = 'ERR_REMOTE'
  constructor (message = 'The daemon reported an error', options?: CairnErrorOptions & { code?: string }) {
    super(message, options)
    if (options?.code != null) (this as { code: string }).code = options.code
  }
}

export const cliErrorClasses = [UsageError, DaemonUnreachableError, DaemonRequiredError, DaemonRunningError, RepoExistsError, RemoteError] as const

/** Exit code per error `code`; anything missing exits with EXIT_FAILURE, as Kubo always does */
export const EXIT_CODES: Readonly<Record<string, number>> = {
  ERR_USAGE: EXIT_USAGE,
  ERR_INVALID_PARAMETERS: EXIT_USAGE,
  ERR_INVALID_CID: EXIT_USAGE,
  ERR_INVALID_PATH: EXIT_USAGE,
  ERR_NOT_FOUND: EXIT_NOT_FOUND,
  ERR_OFFLINE: EXIT_NOT_FOUND,
  ERR_NOT_PINNED: EXIT_NOT_FOUND,
  ENOENT: EXIT_NOT_FOUND,
  ERR_REPO_LOCKED: EXIT_REPO,
  ERR_REPO_CORRUPT: EXIT_REPO,
  ERR_REPO_NOT_INITIALIZED: EXIT_REPO,
  ERR_REPO_EXISTS: EXIT_REPO,
  // the store refuses writes after a failed one (disk full, I/O error) until it recovers
  ERR_NO_SPACE: EXIT_REPO,
  ERR_STORAGE_FULL: EXIT_REPO,
  ERR_STORE_WRITE: EXIT_REPO,
  ERR_DAEMON_UNREACHABLE: EXIT_DAEMON,
  ERR_DAEMON_RUNNING: EXIT_DAEMON,
  ERR_DAEMON_REQUIRED: EXIT_DAEMON,
  // the daemon could not listen where asked (a port in use)
  ERR_LISTEN: EXIT_DAEMON,
  EADDRINUSE: EXIT_DAEMON
}

/** Messages that read better than the thrower's, by code; `{repo}` is the repo path */
const MESSAGES: Readonly<Record<string, string>> = {
  ERR_REPO_LOCKED: 'the repo at {repo} is locked by another process (is a daemon running? its commands go through the daemon once it is ready)',
  ERR_REPO_NOT_INITIALIZED: 'no Cairn repo found in {repo}: run `cairn init`'
}

/** Node's system error strings, spelled as Go prints them so Kubo users recognise them */
const SYSTEM_MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  ENOSPC: 'no space left on device'
}

export interface Failure {
  /** One line, starting with `Error: ` */
  line: string
  /** The stack trace, printed only under `--debug` */
  stack?: string
  exitCode: number
}

interface ErrorLike { code?: unknown, message?: unknown, syscall?: unknown, path?: unknown, stack?: unknown, name?: unknown }

/** Turns anything thrown into one line and an exit code */
export function describeError (err: unknown, context: { repoPath: string }): Failure {
  const e: ErrorLike = (err != null && typeof err === 'object') ? err as ErrorLike : { message: String(err) }
  const code = typeof e.code === 'string' ? e.code : undefined
  let message = typeof e.message === 'string' && e.message !== '' ? e.message : String(e.name ?? 'unknown error')

  if (code != null && MESSAGES[code] != null) {
    message = MESSAGES[code].replaceAll('{repo}', context.repoPath)
  } else if (code != null && SYSTEM_MESSAGES[code] != null && typeof e.syscall === 'string') {
    message = `${e.syscall} ${typeof e.path === 'string' ? e.path : ''}: ${SYSTEM_MESSAGES[code]}`.replace(' :', ':')
  } else if (e.name === 'AbortError' || e.name === 'TimeoutError' || code === 'ABORT_ERR') {
    message = e.name === 'TimeoutError' ? 'context deadline exceeded' : 'operation aborted'
  }

  const exitCode = code != null ? (EXIT_CODES[code] ?? EXIT_FAILURE) : EXIT_FAILURE
  // one line, always: multi-line messages from deep inside a library are cut at their first line
  const first = message.split('\n')[0].trim()
  return {
    line: `Error: ${first}`,
    stack: typeof e.stack === 'string' ? e.stack : undefined,
    exitCode
  }
}
