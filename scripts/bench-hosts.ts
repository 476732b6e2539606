/**
 * Where a multi-daemon bench runs its daemons: each on its own emulated host (a Linux network
 * namespace on its own link to a router, the link shaped to a stated rate each way, see
 * apps/cli/test/fixtures/netns.ts), or all on this machine's 127.0.0.1 (`loopback`).
 *
 * A host gives the command line that runs `node ARGS` on it (inside its namespace through `ip
 * netns exec`, which execs in place: the pid is node's own), HTTP requests made from inside it (a
 * small reader process per namespace: the bench's own process stays in the host's namespace and
 * cannot reach a daemon's 127.0.0.1 there), and the bytes its link carried.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createLab } from '../apps/cli/test/fixtures/netns.ts'
import type { Lab, LinkShape, PublicHost } from '../apps/cli/test/fixtures/netns.ts'

export type BenchNetMode = 'netns' | 'loopback'

export interface BenchHost {
  name: string
  /** The address its daemon listens on for peers (and services): the lab address, or 127.0.0.1 */
  ip: string
  /** `[file, args]` that run `node ARGS` on this host */
  node (args: string[]): [string, string[]]
  /** An HTTP request from this host (its daemon's RPC listens on its own 127.0.0.1); the body */
  request (url: string, method?: 'GET' | 'POST'): Promise<string>
  /** Bytes its link carried so far (netns only; loopback has no link of its own) */
  counters (): Promise<{ rx: number, tx: number } | undefined>
}

export interface BenchNet {
  mode: BenchNetMode
  /** The link every host has (netns), for the report */
  link?: LinkShape
  hosts: BenchHost[]
  /** Stops the readers and removes the namespaces (and whatever still runs in them); idempotent */
  close (): Promise<void>
}

export interface BenchNetInit {
  mode: BenchNetMode
  /** One host per name, in order */
  names: string[]
  /** netns: the rate (and delay) of every host's link */
  link: LinkShape
  /**
   * Scheduling niceness of every `node` a host runs (`nice -n`; negative needs root): on a shared
   * machine a negative value lets the daemons have the CPU they ask for, as hosts of their own
   * would. @default 0 (as the bench itself)
   */
  nice?: number
}

/** One request from inside a namespace, answered within this (a loaded machine's slow daemon) */
const REQUEST_TIMEOUT_MS = 60_000

/** Reads `{id,url,method}` lines, answers `{id,status,body}` or `{id,error}` lines */
const READER = `
  const rl = require('node:readline').createInterface({ input: process.stdin })
  rl.on('line', async line => {
    const { id, url, method } = JSON.parse(line)
    try {
      const res = await fetch(url, { method, signal: AbortSignal.timeout(${REQUEST_TIMEOUT_MS}) })
      process.stdout.write(JSON.stringify({ id, status: res.status, body: await res.text() }) + '\\n')
    } catch (err) {
      process.stdout.write(JSON.stringify({ id, error: String(err) }) + '\\n')
    }
  })`

interface Reader { request: (url: string, method: string) => Promise<string>, child: ChildProcess }

/** Starts the request reader inside `ns` */
function startReader (ns: string): Reader {
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', READER], { stdio: ['pipe', 'pipe', 'inherit'] })
  const waiting = new Map<number, { resolve: (body: string) => void, reject: (err: Error) => void }>()
  let nextId = 0
  let buffered = ''
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString()
    let nl: number
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const answer = JSON.parse(buffered.slice(0, nl))
      buffered = buffered.slice(nl + 1)
      const w = waiting.get(answer.id)
      waiting.delete(answer.id)
      if (answer.error != null) w?.reject(new Error(answer.error))
      else if (answer.status >= 400) w?.reject(new Error(`HTTP ${answer.status}: ${answer.body}`))
      else w?.resolve(answer.body)
    }
  })
  child.on('exit', () => { for (const w of waiting.values()) w.reject(new Error(`the request reader in ${ns} exited`)) })
  return {
    child,
    request: async (url, method) => new Promise((resolve, reject) => {
      const id = nextId++
      waiting.set(id, { resolve, reject })
      child.stdin!.write(JSON.stringify({ id, url, method }) + '\n')
    })
  }
}

async function loopbackRequest (url: string, method: string): Promise<string> {
  const res = await fetch(url, { method, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  const body = await res.text()
  if (res.status >= 400) throw new Error(`HTTP ${res.status}: ${body}`)
  return body
}

/** Makes the hosts: a netns lab with one public host per name, or loopback */
export async function createBenchNet (init: BenchNetInit): Promise<BenchNet> {
  const nice = init.nice ?? 0
  // `nice` execs in place as `ip netns exec` does: the pid stays node's own
  const niced = (args: string[]): [string, string[]] => nice === 0 ? [process.execPath, args] : ['nice', ['-n', String(nice), process.execPath, ...args]]
  if (init.mode === 'loopback') {
    return {
      mode: 'loopback',
      hosts: init.names.map(name => ({
        name,
        ip: '127.0.0.1',
        node: niced,
        request: async (url, method = 'GET') => loopbackRequest(url, method),
        counters: async () => undefined
      })),
      close: async () => {}
    }
  }
  const lab: Lab = await createLab({ publicHosts: init.names.length, homes: [], link: init.link })
  const readers: Reader[] = []
  // Ctrl-C: exit through process.exit so the lab's exit hook removes the namespaces
  const onSignal = (): void => { process.exit(130) }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const hosts = init.names.map((name, i): BenchHost => {
      const host: PublicHost = lab.publicHosts[i]
      const reader = startReader(host.ns)
      readers.push(reader)
      return {
        name,
        ip: host.ip,
        node: args => ['ip', ['netns', 'exec', host.ns, ...niced(args).flat()]],
        request: async (url, method = 'GET') => reader.request(url, method),
        counters: async () => lab.counters(host)
      }
    })
    return {
      mode: 'netns',
      link: init.link,
      hosts,
      close: async () => {
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
        for (const r of readers) r.child.stdin!.end()
        await lab.teardown()
      }
    }
  } catch (err) {
    await lab.teardown()
    throw err
  }
}
