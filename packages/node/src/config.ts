import { readFile, rename, writeFile } from 'node:fs/promises'
import { InvalidParametersError, RepoCorruptError, RepoNotInitializedError, parseDuration } from '@cairn/interface'
import {
  DEFAULT_BOOTSTRAP_ADDRESSES, DEFAULT_CONNMGR_GRACE_PERIOD, DEFAULT_CONNMGR_HIGH_WATER, DEFAULT_CONNMGR_LOW_WATER,
  DEFAULT_PROVIDE_BATCH_MAX, DEFAULT_PROVIDE_CONCURRENCY, DEFAULT_STORAGE_GC_WATERMARK, DEFAULT_STORAGE_MAX
} from './constants.ts'
import type { CairnConfig } from '@cairn/interface'

/** Every field optional, recursively: the shape of config overrides */
export type DeepPartial<T> = T extends Array<infer U>
  ? U[]
  : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T

/** Named config profiles, as Kubo's `ipfs init --profile` */
export type ConfigProfile = 'default' | 'test'

/** Kubo's defaults, without the identity */
export function defaultConfig (peerId = ''): CairnConfig {
  return {
    Identity: { PeerID: peerId },
    Addresses: {
      // Kubo's, less WebTransport (no js-libp2p listener); WebRTC-direct cannot share QUIC's UDP
      // socket here as it does in go-libp2p, so it takes 4002 (TCP 4002 is WebSockets)
      Swarm: [
        '/ip4/0.0.0.0/tcp/4001', '/ip6/::/tcp/4001',
        '/ip4/0.0.0.0/udp/4001/quic-v1', '/ip6/::/udp/4001/quic-v1',
        '/ip4/0.0.0.0/udp/4002/webrtc-direct', '/ip6/::/udp/4002/webrtc-direct',
        '/ip4/0.0.0.0/tcp/4002/ws'
      ],
      Announce: [],
      NoAnnounce: [],
      API: '/ip4/127.0.0.1/tcp/5001',
      Gateway: '/ip4/127.0.0.1/tcp/8080'
    },
    Bootstrap: [...DEFAULT_BOOTSTRAP_ADDRESSES],
    Discovery: { MDNS: { Enabled: true } },
    Routing: { Type: 'auto' },
    Reprovider: { Interval: '22h', Strategy: 'all' },
    Swarm: {
      ConnMgr: {
        LowWater: DEFAULT_CONNMGR_LOW_WATER,
        HighWater: DEFAULT_CONNMGR_HIGH_WATER,
        GracePeriod: DEFAULT_CONNMGR_GRACE_PERIOD
      }
    },
    Datastore: { StorageMax: DEFAULT_STORAGE_MAX, StorageGCWatermark: DEFAULT_STORAGE_GC_WATERMARK, GCPeriod: '1h' },
    Gateway: { Timeout: '60s' },
    API: { HTTPHeaders: {} },
    Pinning: { RemoteServices: {}, ReplicaCheckInterval: '5m' },
    Import: { CidVersion: 0, UnixFSRawLeaves: false, UnixFSChunker: 'size-262144' }
  }
}

/**
 * Kubo's `test` profile: nothing leaves the machine. Loopback swarm on a random port, no bootstrap
 * peers, no mDNS, random API and gateway ports; DHT server mode since loopback peers can all dial us.
 */
export const TEST_PROFILE: DeepPartial<CairnConfig> = {
  Addresses: {
    Swarm: ['/ip4/127.0.0.1/tcp/0'],
    API: '/ip4/127.0.0.1/tcp/0',
    Gateway: '/ip4/127.0.0.1/tcp/0'
  },
  Bootstrap: [],
  Discovery: { MDNS: { Enabled: false } },
  Routing: { Type: 'dhtserver' }
}

export function profileConfig (profile: ConfigProfile, peerId: string): CairnConfig {
  const base = defaultConfig(peerId)
  return profile === 'test' ? mergeConfig(base, TEST_PROFILE) : base
}

function isPlainObject (value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
}

/** Deep merge: objects merge key by key, arrays and scalars in `overrides` replace */
export function mergeConfig<T> (base: T, overrides?: DeepPartial<T> | Record<string, unknown>): T {
  if (overrides == null) return structuredClone(base)
  const out: Record<string, unknown> = structuredClone(base) as Record<string, unknown>
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue
    const current = out[key]
    out[key] = isPlainObject(current) && isPlainObject(value)
      ? mergeConfig(current, value)
      : structuredClone(value)
  }
  return out as T
}

function splitKey (key: string): string[] {
  const parts = key.split('.')
  if (key === '' || parts.some(p => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) {
    throw new InvalidParametersError(`Invalid config key "${key}"`)
  }
  return parts
}

/** Reads a dotted key (`Addresses.API`), as `ipfs config <key>`; NotFound gives undefined */
export function getConfigValue (config: CairnConfig, key: string): unknown {
  let cursor: unknown = config
  for (const part of splitKey(key)) {
    if (!isPlainObject(cursor) || !Object.hasOwn(cursor, part)) return undefined
    cursor = cursor[part]
  }
  return cursor
}

/** Returns a copy of `config` with a dotted key set, creating intermediate objects */
export function setConfigValue (config: CairnConfig, key: string, value: unknown): CairnConfig {
  const parts = splitKey(key)
  const out = structuredClone(config)
  let cursor: Record<string, unknown> = out
  for (const part of parts.slice(0, -1)) {
    const next = cursor[part]
    if (next === undefined) {
      cursor[part] = {}
    } else if (!isPlainObject(next)) {
      throw new InvalidParametersError(`Cannot set "${key}": "${part}" is not an object`)
    }
    cursor = cursor[part] as Record<string, unknown>
  }
  cursor[parts[parts.length - 1]] = structuredClone(value)
  return out
}

/** Checks the keys Cairn reads, so a bad hand edit fails at start with a clear message */
export function validateConfig (config: unknown): CairnConfig {
  if (!isPlainObject(config)) throw new RepoCorruptError('The repo config is not a JSON object')
  const c = config as unknown as CairnConfig
  const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every(s => typeof s === 'string')
  if (!isPlainObject(c.Identity) || typeof c.Identity.PeerID !== 'string') throw new RepoCorruptError('config: Identity.PeerID is missing')
  if (!isPlainObject(c.Addresses) || !isStringArray(c.Addresses.Swarm)) throw new RepoCorruptError('config: Addresses.Swarm must be an array of multiaddrs')
  if (!isStringArray(c.Bootstrap)) throw new RepoCorruptError('config: Bootstrap must be an array of multiaddrs')
  if (!['all', 'pinned', 'roots'].includes(c.Reprovider?.Strategy)) throw new RepoCorruptError('config: Reprovider.Strategy must be all, pinned or roots')
  if (!['auto', 'autoclient', 'dht', 'dhtclient', 'dhtserver', 'none'].includes(c.Routing?.Type)) throw new RepoCorruptError('config: Routing.Type must be auto, autoclient, dht, dhtclient, dhtserver or none')
  parseDuration(c.Reprovider.Interval)
  provideSettings(c)
  storageBudget(c)
  return c
}

/**
 * Kubo's `Pubsub.Router`: "" and "gossipsub" are gossipsub, "floodsub" is floodsub, anything else
 * fails the start of an online node with Kubo's words (offline commands never read it)
 */
export function pubsubRouterName (config: Pick<CairnConfig, 'Pubsub'>): 'gossipsub' | 'floodsub' {
  const router = config.Pubsub?.Router ?? ''
  if (router === '' || router === 'gossipsub') return 'gossipsub'
  if (router === 'floodsub') return 'floodsub'
  throw new InvalidParametersError(`unknown pubsub router ${String(router).slice(0, 50)}`)
}

export interface ProvideSettings {
  enabled: boolean
  strategy: 'all' | 'pinned' | 'roots'
  /** 0: no reprovide loop */
  intervalMs: number
  sweep: boolean
  maxWorkers: number
  maxConnsPerWorker: number
  batchMax: number
  sendTimeoutMs: number
}

/**
 * Kubo's `Provide.*` keys, falling back to the `Reprovider.*` keys they replaced; a bad value
 * throws a clear error naming the key
 */
export function provideSettings (config: Pick<CairnConfig, 'Provide' | 'Reprovider'>): ProvideSettings {
  const p = config.Provide ?? {}
  const dht = p.DHT ?? {}
  const strategy = p.Strategy ?? config.Reprovider?.Strategy ?? 'all'
  if (!['all', 'pinned', 'roots'].includes(strategy)) throw new InvalidParametersError('config: Provide.Strategy must be all, pinned or roots')
  const flag = (name: string, v: unknown): boolean => {
    if (v == null) return true
    if (typeof v !== 'boolean') throw new InvalidParametersError(`config: ${name} must be true or false`)
    return v
  }
  const count = (name: string, v: unknown, fallback: number): number => {
    if (v == null) return fallback
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new InvalidParametersError(`config: ${name} must be a non-negative integer`)
    return v
  }
  const sendTimeoutMs = parseDuration(dht.SendProviderRecordTimeout ?? '10s')
  if (!(sendTimeoutMs > 0)) throw new InvalidParametersError('config: Provide.DHT.SendProviderRecordTimeout must be positive')
  return {
    enabled: flag('Provide.Enabled', p.Enabled),
    strategy,
    intervalMs: parseDuration(dht.Interval ?? config.Reprovider?.Interval ?? '22h'),
    sweep: flag('Provide.DHT.SweepEnabled', dht.SweepEnabled),
    // 0 is Kubo's "unlimited": bounded here all the same
    maxWorkers: count('Provide.DHT.MaxWorkers', dht.MaxWorkers, DEFAULT_PROVIDE_CONCURRENCY) || 1024,
    maxConnsPerWorker: count('Provide.DHT.MaxProvideConnsPerWorker', dht.MaxProvideConnsPerWorker, 20) || 20,
    batchMax: count('Provide.DHT.KeystoreBatchSize', dht.KeystoreBatchSize, DEFAULT_PROVIDE_BATCH_MAX) || DEFAULT_PROVIDE_BATCH_MAX,
    sendTimeoutMs
  }
}

/** Go's `time.ParseDuration`, as Kubo reads `Reprovider.Interval` and `Gateway.Timeout` (one copy, in `@cairn/interface`) */
export { parseDuration }

/** Datastore.StorageMax in bytes and StorageGCWatermark in percent, with Kubo's defaults */
export function storageBudget (config: Pick<CairnConfig, 'Datastore'>): { storageMax: number, storageGcWatermark: number } {
  const storageMax = parseBytes(config.Datastore?.StorageMax ?? DEFAULT_STORAGE_MAX)
  const storageGcWatermark = config.Datastore?.StorageGCWatermark ?? DEFAULT_STORAGE_GC_WATERMARK
  if (typeof storageGcWatermark !== 'number' || !(storageGcWatermark > 0 && storageGcWatermark <= 100)) {
    throw new InvalidParametersError(`config: Datastore.StorageGCWatermark must be a percentage above 0 and at most 100, not ${JSON.stringify(storageGcWatermark)}`)
  }
  return { storageMax, storageGcWatermark }
}

/**
 * The HAMT switch for `add`, in bytes: Kubo's `Import.UnixFSHAMTDirectorySizeThreshold`, or the
 * key it replaced, `Internal.UnixFSShardingSizeThreshold`; undefined leaves the importer's 256 KiB
 */
export function importShardThreshold (config: CairnConfig): number | undefined {
  const value = (config.Import as { UnixFSHAMTDirectorySizeThreshold?: string | number } | undefined)?.UnixFSHAMTDirectorySizeThreshold ??
    (config.Internal as { UnixFSShardingSizeThreshold?: string | number } | undefined)?.UnixFSShardingSizeThreshold
  if (value == null || value === '') return undefined
  return parseBytes(value)
}

/** Kubo's human sizes: `10GB`, `512MiB`, `1000` */
export function parseBytes (value: string | number): number {
  if (typeof value === 'number') return value
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?i?b?)?\s*$/i.exec(value)
  if (m == null) throw new InvalidParametersError(`Invalid size "${value}"`)
  let unit = (m[2] ?? '').toLowerCase().replace(/b$/, '')
  const binary = unit.endsWith('i')
  if (binary) unit = unit.slice(0, -1)
  const power = ['', 'k', 'm', 'g', 't', 'p'].indexOf(unit)
  if (power < 0) throw new InvalidParametersError(`Invalid size "${value}"`)
  return Math.round(Number(m[1]) * (binary ? 1024 : 1000) ** power)
}

export async function readConfigFile (file: string): Promise<CairnConfig> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err: any) {
    if (err.code === 'ENOENT') throw new RepoNotInitializedError(undefined, { cause: err, details: { file } })
    throw err
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new RepoCorruptError(`The repo config ${file} is not valid JSON`, { cause: err })
  }
  return validateConfig(parsed)
}

/** Write-then-rename so that a crash never leaves half a config */
export async function writeConfigFile (file: string, config: CairnConfig): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`
  await writeFile(tmp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 })
  await rename(tmp, file)
}

/**
 * Kubo's `Internal.MFSNoFlushLimit`: MFS changes with `flush: false` allowed before one must
 * flush (0: no limit); undefined leaves MFS's default (256)
 */
export function mfsNoFlushLimit (config: CairnConfig): number | undefined {
  const value = (config.Internal as { MFSNoFlushLimit?: unknown } | undefined)?.MFSNoFlushLimit
  if (value == null) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidParametersError(`Internal.MFSNoFlushLimit must be a non-negative integer, not ${JSON.stringify(value)}`)
  }
  return value
}
