/**
 * The daemon's memory allocator. Under many concurrent downloads glibc's malloc keeps its main heap
 * fragmented by the 256 KiB block buffers that come and go, and the daemon's RSS stays hundreds of
 * MiB above where it started long after the load ends (Node cannot trim it). jemalloc returns that
 * memory within seconds. So on Linux `cairn daemon` replaces itself once (execve, same pid) with
 * jemalloc preloaded when the library is installed (Debian/Ubuntu: `libjemalloc2`), unless
 * `CAIRN_MALLOC=system`. Figures: the root README, "Memory under load".
 */
import { existsSync, readFileSync } from 'node:fs'

/** Where distributions install jemalloc's shared library, first found wins */
export const JEMALLOC_PATHS = [
  '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
  '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2',
  '/usr/lib64/libjemalloc.so.2',
  '/usr/lib/libjemalloc.so.2',
  '/usr/local/lib/libjemalloc.so.2'
]

/**
 * jemalloc's settings when the operator gave none (`MALLOC_CONF`): a background thread purges
 * freed pages even while the daemon is idle (without it, purging only happens on later
 * allocations), dirty pages go back after 1 s and are not kept as "muzzy" pages in between
 */
export const DEFAULT_MALLOC_CONF = 'background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0'

/** Set in the environment of the replaced process, so it never tries a second time */
const REEXEC_MARK = 'CAIRN_MALLOC_REEXEC'

/** Global options that take a value in the next argument (see config.ts) */
const VALUE_OPTIONS = new Set(['--enc', '--encoding', '--repo-dir', '--api', '--timeout'])

let chosenLine: string | undefined

/** The line `chooseAllocator` returned in this process, for the daemon to print; undefined when it did not run (an in-process CLI) */
export function allocatorLine (): string | undefined {
  return chosenLine
}

/** True when the command line runs `cairn daemon` (global options may come first) */
export function isDaemonCommand (argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') return argv[i + 1] === 'daemon'
    if (arg.startsWith('-')) {
      if (VALUE_OPTIONS.has(arg)) i++
      continue
    }
    return arg === 'daemon'
  }
  return false
}

/** True when jemalloc is mapped into this process */
export function jemallocLoaded (): boolean {
  try {
    return readFileSync('/proc/self/maps', 'utf8').includes('libjemalloc')
  } catch {
    return false
  }
}

/**
 * Replaces this process with itself under jemalloc when that applies (never returns then), else
 * returns the one line the daemon prints about its allocator. `CAIRN_MALLOC`: unset or `jemalloc`
 * (the default: jemalloc when installed), `system` (glibc's), or a path to a jemalloc library.
 */
export function chooseAllocator (env: NodeJS.ProcessEnv = process.env): string {
  chosenLine = allocatorChoice(env)
  return chosenLine
}

function allocatorChoice (env: NodeJS.ProcessEnv): string {
  const wanted = env.CAIRN_MALLOC ?? ''
  if (process.platform !== 'linux') return 'Memory allocator: the system\'s'
  const tried = env[REEXEC_MARK] === '1'
  delete env[REEXEC_MARK]
  // hide our preload from whatever the daemon starts, so child processes get the allocator they
  // expect (and no loader error when the preload failed)
  if (tried) {
    env.LD_PRELOAD = (env.LD_PRELOAD ?? '').split(/[\s:]+/).filter(p => p !== '' && !p.includes('libjemalloc')).join(':')
    if (env.LD_PRELOAD === '') delete env.LD_PRELOAD
  }
  if (jemallocLoaded()) {
    return `Memory allocator: jemalloc (MALLOC_CONF=${env.MALLOC_CONF ?? ''}; CAIRN_MALLOC=system for the system's)`
  }
  if (wanted === 'system') return 'Memory allocator: the system\'s (CAIRN_MALLOC=system)'
  if (tried) return 'Memory allocator: the system\'s (preloading jemalloc failed)'
  const library = wanted !== '' && wanted !== 'jemalloc' ? wanted : JEMALLOC_PATHS.find(p => existsSync(p))
  if (library == null || !existsSync(library)) {
    return `Memory allocator: the system's (jemalloc not found${wanted !== '' && wanted !== 'jemalloc' ? ` at ${wanted}` : '; install libjemalloc2 to return memory sooner after load'})`
  }
  if (typeof process.execve !== 'function') return 'Memory allocator: the system\'s (this Node cannot re-exec itself with jemalloc: needs Node 22.15 or later)'
  const preload = [library, ...(env.LD_PRELOAD ?? '').split(/[\s:]+/).filter(p => p !== '')].join(':')
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    ...env,
    LD_PRELOAD: preload,
    MALLOC_CONF: env.MALLOC_CONF ?? DEFAULT_MALLOC_CONF,
    [REEXEC_MARK]: '1'
  })
  return 'Memory allocator: the system\'s (re-exec with jemalloc returned)'
}
