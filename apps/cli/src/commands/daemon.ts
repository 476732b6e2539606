/**
 * `cairn daemon`: one node with its gateway and RPC, the `api` and `gateway` files while it
 * listens, and a clean stop on SIGINT or SIGTERM.
 */
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RepoLockedError, RepoNotInitializedError, TimeoutError, hasCode } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import { allocatorLine } from '../allocator.ts'
import { heapSettleEnabled, heapSettleOptions, startHeapSettler } from '../heap-settle.ts'
import { readApiFile } from '../connect.ts'
import { API_FILENAME, DEFAULT_DAEMON_PROBE_TIMEOUT_MS, DEFAULT_SHUTDOWN_TIMEOUT_MS, GATEWAY_FILENAME } from '../constants.ts'
import type { CliContext, DaemonOptions, RunningDaemon } from '../context.ts'
import { DaemonRunningError } from '../errors.ts'
import { multiaddrToHostPort, multiaddrToUrl } from '../multiaddr.ts'

interface DaemonFlags {
  offline?: boolean
  api?: string
  gateway?: string
  swarm?: string[]
  pinningService?: string
  init?: boolean
  initProfile: 'default' | 'test'
}

/** True when something answers HTTP at the RPC address: a live daemon, not a stale file */
export async function isDaemonAlive (address: string): Promise<boolean> {
  try {
    await fetch(`${multiaddrToUrl(address)}/api/v0/id`, { method: 'POST', signal: AbortSignal.timeout(DEFAULT_DAEMON_PROBE_TIMEOUT_MS) })
    return true
  } catch {
    return false
  }
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

export function registerDaemon (program: Command, ctx: CliContext): void {
  program.command('daemon')
    .description('Run the node: libp2p swarm, HTTP gateway and RPC API, until interrupted')
    .option('--offline', 'do not connect to the network: serve only what the repo holds')
    .option('--api <multiaddr>', 'RPC API address, overriding Addresses.API (port 0 picks a free port)')
    .option('--gateway <multiaddr>', 'gateway address, overriding Addresses.Gateway')
    .option('--swarm <multiaddr>', 'swarm listen address, overriding Addresses.Swarm (repeatable)', collect)
    .option('--pinning-service <multiaddr>', 'serve the Pinning Service API here, overriding Pinning.Service.Listen')
    .option('--init', 'initialise the repo first if there is none')
    .addOption(new Option('--init-profile <profile>', 'profile for --init').choices(['default', 'test']).default('default'))
    .action(async (flags: DaemonFlags) => {
      const { cliRpcCommands } = await import('../rpc-extras.ts')
      await runDaemon(ctx, flags, cliRpcCommands(program))
    })
}

async function runDaemon (ctx: CliContext, flags: DaemonFlags, rpcCommands: DaemonOptions['rpcCommands']): Promise<void> {
  const repo = ctx.config.repoPath
  const { print } = ctx
  // validate addresses and the heap settle step's environment before anything starts
  const settleOptions = heapSettleOptions()
  if (flags.api != null) multiaddrToHostPort(flags.api)
  if (flags.gateway != null) multiaddrToHostPort(flags.gateway)
  if (flags.pinningService != null && flags.pinningService !== '') multiaddrToHostPort(flags.pinningService)

  const backend = await ctx.backend()
  if (!await backend.isRepoInitialized(repo)) {
    if (flags.init !== true) throw new RepoNotInitializedError()
    print.line(`initializing Cairn node at ${repo}`)
    print.line(`peer identity: ${await backend.initRepo(repo, { profile: flags.initProfile })}`)
  }

  const previous = await readApiFile(repo)
  if (previous != null) {
    if (await isDaemonAlive(previous)) {
      throw new DaemonRunningError(`a daemon is already running on ${repo} (RPC API at ${previous}); stop it first`)
    }
    // a daemon that died without cleaning up: its files say nothing true any more
    await removeFiles(repo)
  }

  print.line('Initializing daemon...')
  let daemon: RunningDaemon
  try {
    daemon = await backend.startDaemon(repo, {
      offline: flags.offline === true,
      swarm: flags.swarm,
      api: flags.api,
      gateway: flags.gateway,
      rpcCommands,
      ...(flags.pinningService != null ? { pinningService: flags.pinningService } : {})
    })
  } catch (err) {
    if (hasCode(err, RepoLockedError.code)) {
      throw new DaemonRunningError(`another process holds the repo at ${repo}: is a daemon already running?`, { cause: err })
    }
    throw err
  }
  let filesWritten = false
  let firstReachability = ''
  try {
    const id = await daemon.node.id()
    const version = await daemon.node.version()
    print.line(`Cairn version: ${version.version}`)
    print.line(`Repo version: ${version.repo}`)
    print.line(`System version: ${version.system}`)
    const allocator = allocatorLine()
    if (allocator != null) print.line(allocator)
    print.line(`PeerID: ${id.id}`)
    if (flags.offline === true) print.line('Offline mode: serving only what the repo holds')
    else {
      for (const a of await daemon.node.swarm.localAddrs()) print.line(`Swarm listening on ${a.replace(/\/p2p\/[^/]+$/, '')}`)
      const report = await daemon.node.swarm.autonat?.()
      for (const notice of report?.notices ?? []) print.line(notice)
      if (report != null) {
        firstReachability = reachabilityLine(report)
        print.line(firstReachability)
      }
    }
    print.line(`RPC API server listening on ${daemon.apiMultiaddr}`)
    print.line(`Gateway server listening on ${urlToMultiaddr(daemon.gatewayUrl)}`)
    print.line(`Gateway URL: ${daemon.gatewayUrl}`)
    if (daemon.pinningServiceMultiaddr != null) print.line(`Pinning Service API listening on ${daemon.pinningServiceMultiaddr}`)

    await writeFile(join(repo, API_FILENAME), daemon.apiMultiaddr)
    await writeFile(join(repo, GATEWAY_FILENAME), daemon.gatewayUrl)
    filesWritten = true
    print.line('Daemon is ready')
    await print.flush()
    // later changes of reachability (AutoNAT's verdict, a relay reservation) get a line each
    const watch = flags.offline === true ? undefined : watchReachability(daemon, print, firstReachability)
    ctx.signal.addEventListener('abort', () => { clearInterval(watch) }, { once: true })
    void daemon.shutdownRequested.then(() => { clearInterval(watch) })
    // give V8's heap back once a burst of load is over (heap-settle.ts; CAIRN_HEAP_SETTLE=off)
    const settler = heapSettleEnabled() ? startHeapSettler(settleOptions) : undefined
    ctx.signal.addEventListener('abort', () => { settler?.stop() }, { once: true })
    void daemon.shutdownRequested.then(() => { settler?.stop() })

    // a signal, or `cairn shutdown` (the RPC's `shutdown`)
    const interrupted = await Promise.race([
      new Promise<boolean>(resolve => {
        if (ctx.signal.aborted) { resolve(true); return }
        ctx.signal.addEventListener('abort', () => { resolve(true) }, { once: true })
      }),
      daemon.shutdownRequested.then(() => false)
    ])
    if (interrupted) print.line('Received interrupt signal, shutting down...')
  } finally {
    if (filesWritten) await removeFiles(repo)
    await stopWithin(daemon, DEFAULT_SHUTDOWN_TIMEOUT_MS)
  }
  print.line('Daemon stopped')
}

type Report = NonNullable<Awaited<ReturnType<NonNullable<RunningDaemon['node']['swarm']['autonat']>>>>

/** The daemon's line on how peers can reach the node: public, relayed, or not known yet */
export function reachabilityLine (r: Report): string {
  if (r.mode === 'public') return `Reachability: public at ${r.reachable.join(', ')}`
  if (r.mode === 'relayed') return `Reachability: relayed via ${r.relayed.join(', ')}`
  return r.reachability === 'Private' ? 'Reachability: private (not publicly reachable, no relay reservation yet)' : 'Reachability: unknown (checking with AutoNAT and looking for a relay)'
}

function watchReachability (daemon: RunningDaemon, print: CliContext['print'], first: string): ReturnType<typeof setInterval> | undefined {
  if (daemon.node.swarm.autonat == null) return undefined
  let last = first
  const timer = setInterval(() => {
    daemon.node.swarm.autonat?.().then(async r => {
      const line = reachabilityLine(r)
      if (line === last) return
      print.line(line)
      last = line
      await print.flush()
    }).catch(() => {})
  }, 2000)
  timer.unref()
  return timer
}

async function removeFiles (repo: string): Promise<void> {
  await rm(join(repo, API_FILENAME), { force: true })
  await rm(join(repo, GATEWAY_FILENAME), { force: true })
}

async function stopWithin (daemon: RunningDaemon, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      daemon.stop(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => { reject(new TimeoutError(`the daemon did not stop within ${ms} ms`)) }, ms)
      })
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** `http://127.0.0.1:8080` → `/ip4/127.0.0.1/tcp/8080`, as Kubo prints listen addresses */
export function urlToMultiaddr (url: string): string {
  const u = new URL(url)
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const proto = host.includes(':') ? 'ip6' : /^\d+\.\d+\.\d+\.\d+$/.test(host) ? 'ip4' : 'dns'
  return `/${proto}/${host}/tcp/${u.port !== '' ? u.port : (u.protocol === 'https:' ? '443' : '80')}`
}
