/**
 * Kubo's `diag sys` and `log level|ls` for this process. Log "levels" map onto the `debug`
 * namespaces @libp2p/logger uses: `debug` turns on a subsystem's trace lines too, `info` its log,
 * `warn`/`error` only its `:error` lines, and `fatal`/`panic`/`dpanic` silence it.
 */
import { statfs } from 'node:fs/promises'
import { cpus, networkInterfaces, totalmem, freemem } from 'node:os'
import { InvalidParametersError, OfflineError, parseDuration } from '@cairn/interface'
import { disable, enable } from '@libp2p/logger'
import { CAIRN_VERSION } from '../constants.ts'
import { tailLog } from '../log-tail.ts'
import type { DiagApi, LogApi } from '@cairn/interface'

/** The subsystems Cairn logs under (Kubo's `log ls`); `libp2p:*` covers every libp2p component */
export const LOG_SUBSYSTEMS: readonly string[] = [
  'cairn:bitswap', 'cairn:bitswap:network', 'cairn:bitswap:server', 'cairn:bitswap:session', 'cairn:bitswap:wants',
  'cairn:blockstore', 'cairn:gateway:http', 'cairn:gateway:rpc', 'cairn:node', 'cairn:node:getter', 'cairn:node:peering',
  'cairn:node:provider', 'libp2p:*'
]

const LEVELS = ['debug', 'info', 'warn', 'error', 'dpanic', 'panic', 'fatal']

/** The default level of subsystems not set one by one (Kubo's is `error`) */
let defaultLevel = process.env.DEBUG != null && process.env.DEBUG !== '' ? 'debug' : 'error'
const levels = new Map<string, string>()

function namespacesFor (subsystem: string, level: string): string[] {
  if (level === 'debug') return [subsystem, `${subsystem}:*`]
  if (level === 'info') return [subsystem]
  if (level === 'warn' || level === 'error') return [`${subsystem}:error`]
  return []
}

function apply (): void {
  const on = [...levels].flatMap(([s, l]) => namespacesFor(s, l))
  if (defaultLevel === 'debug' || defaultLevel === 'info') on.unshift(...namespacesFor('cairn', defaultLevel).map(n => n.replace(/^cairn/, 'cairn:*')))
  if (on.length === 0) disable()
  else enable(on.join(','))
}

export function createLogApi (): LogApi {
  return {
    async level (subsystem, level) {
      const target = subsystem === 'all' || subsystem === '*' ? '*' : subsystem
      if (level != null && level !== '') {
        const wanted = level === 'default' ? defaultLevel : level
        if (!LEVELS.includes(wanted)) throw new InvalidParametersError(`unrecognized level: "${level.slice(0, 30)}"`)
        if (target == null || target === '') throw new InvalidParametersError('a subsystem is required to set a level')
        if (target === '*') {
          defaultLevel = wanted
          levels.clear()
        } else {
          if (!LOG_SUBSYSTEMS.includes(target)) throw new InvalidParametersError(`subsystem "${target.slice(0, 60)}" does not exist`)
          levels.set(target, wanted)
        }
        apply()
        return { message: `Changed log level of '${target}' to '${wanted}'\n` }
      }
      if (target == null || target === '') return { levels: { '(default)': defaultLevel } }
      if (target === '*') return { levels: { '(default)': defaultLevel, ...Object.fromEntries(LOG_SUBSYSTEMS.map(s => [s, levels.get(s) ?? defaultLevel])) } }
      if (!LOG_SUBSYSTEMS.includes(target)) throw new InvalidParametersError(`subsystem "${target.slice(0, 60)}" does not exist`)
      return { levels: { [target]: levels.get(target) ?? defaultLevel } }
    },
    async ls () {
      return [...LOG_SUBSYSTEMS]
    },
    tail (options = {}) {
      return tailLog(options)
    }
  }
}

/** Kubo's `Version.SwarmCheckPercentThreshold` default */
const DEFAULT_VERSION_CHECK_PERCENT = 5

/** `MAJOR.MINOR.PATCH` of a release (pre-releases and builds are ignored, as Kubo does) */
function releaseOf (text: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text)
  return m == null ? undefined : [Number(m[1]), Number(m[2]), Number(m[3])]
}
const newer = (a: [number, number, number], b: [number, number, number]): boolean => a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2]

export interface DiagApiInit {
  repoPath: string
  online: () => boolean
  /** The peers the DHT's routing table holds, and each one's agent version (`undefined` offline) */
  routingPeers?: () => Promise<string[]> | undefined
}

export function createDiagApi (init: DiagApiInit): DiagApi {
  return {
    async sys () {
      const disk = await statfs(init.repoPath).catch(() => undefined)
      const addrs = Object.values(networkInterfaces()).flatMap(list => (list ?? []).map(i => `/${i.family === 'IPv6' ? 'ip6' : 'ip4'}/${i.address}`))
      return {
        diskinfo: { fstype: disk == null ? '' : `0x${disk.type.toString(16)}`, total_space: disk == null ? 0 : disk.blocks * disk.bsize, free_space: disk == null ? 0 : disk.bavail * disk.bsize },
        environment: { CAIRN_PATH: process.env.CAIRN_PATH ?? '', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' },
        ipfs_commit: '',
        ipfs_version: CAIRN_VERSION,
        memory: { swap: 0, virt: totalmem() - freemem() },
        net: { interface_addresses: addrs, online: init.online() },
        runtime: { arch: process.arch, compiler: 'v8', version: process.version, numcpu: cpus().length, gomaxprocs: cpus().length, numgoroutines: 0, os: process.platform }
      }
    },
    async cmds () {
      // the RPC server tracks the commands it runs; a node alone runs none
      return []
    },
    async clearCmds () {},
    async setCmdsTime (time) {
      try {
        parseDuration(time)
      } catch (err) {
        throw new InvalidParametersError(`invalid duration "${time.slice(0, 30)}"`, { cause: err })
      }
    },
    // Kubo's DetectNewKuboVersion, for agents named as ours (`cairn/x.y.z`)
    async versionCheck (options = {}) {
      const percent = options.minPercent == null || options.minPercent === 0 ? DEFAULT_VERSION_CHECK_PERCENT : options.minPercent
      if (percent < 1 || percent > 100) throw new InvalidParametersError('Version.SwarmCheckPercentThreshold must be between 1 and 100')
      const agents = init.routingPeers?.()
      if (agents == null) throw new OfflineError('this command must be run in online mode')
      const ours = releaseOf(CAIRN_VERSION.split(/[-+]/)[0]) ?? [0, 0, 0]
      let greatest = ours
      let sampled = 1
      let greater = 0
      for (const agent of await agents) {
        const [name, version] = agent.split('/')
        if (name !== 'cairn' || version == null) continue
        const v = releaseOf(version)
        if (v == null) continue
        sampled++
        if (newer(v, ours)) greater++
        if (newer(v, greatest)) greatest = v
      }
      return {
        UpdateAvailable: greater / sampled >= percent / 100,
        RunningVersion: ours.join('.'),
        GreatestVersion: greatest.join('.'),
        PeersSampled: sampled,
        WithGreaterVersion: greater
      }
    }
  }
}
