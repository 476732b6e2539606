/**
 * Kubo's config profiles (`config/profile.go`) that mean something to Cairn, for `config profile
 * apply` (and `init --profile`). Each transforms a config in place; keys Cairn does not read
 * (`Swarm.DisableNatPortMap`) are still written, as Kubo writes them, so the file reads the same.
 * The datastore profiles (flatfs, pebbleds, badgerds) do not apply: Cairn has one block store.
 */
import { createServer } from 'node:net'
import { InvalidParametersError } from '@cairn/interface'
import { DEFAULT_BOOTSTRAP_ADDRESSES } from './constants.ts'
import { defaultConfig } from './config.ts'
import type { CairnConfig } from '@cairn/interface'

/** Kubo's defaultServerFilters: private, reserved and documentation ranges */
export const SERVER_FILTERS: readonly string[] = [
  '/ip4/10.0.0.0/ipcidr/8', '/ip4/100.64.0.0/ipcidr/10', '/ip4/127.0.0.0/ipcidr/8', '/ip4/169.254.0.0/ipcidr/16',
  '/ip4/172.16.0.0/ipcidr/12', '/ip4/192.0.0.0/ipcidr/24', '/ip4/192.0.2.0/ipcidr/24', '/ip4/192.168.0.0/ipcidr/16',
  '/ip4/198.18.0.0/ipcidr/15', '/ip4/198.51.100.0/ipcidr/24', '/ip4/203.0.113.0/ipcidr/24', '/ip4/240.0.0.0/ipcidr/4',
  '/ip6/::/ipcidr/3', '/ip6/::1/ipcidr/128', '/ip6/100::/ipcidr/64', '/ip6/2001:2::/ipcidr/48', '/ip6/2001:db8::/ipcidr/32',
  '/ip6/fc00::/ipcidr/7', '/ip6/fe80::/ipcidr/10'
]

type Config = CairnConfig & Record<string, any>

export interface Profile {
  description: string
  transform(config: Config): Promise<void> | void
}

const appendSingle = (a: unknown, b: readonly string[]): string[] => [...new Set([...(Array.isArray(a) ? a.map(String) : []), ...b])]
const deleteEntries = (a: unknown, b: readonly string[]): string[] => (Array.isArray(a) ? a.map(String) : []).filter(x => !b.includes(x))
/** The object at `key`, created when absent */
const section = (config: Record<string, any>, key: string): Record<string, any> => (config[key] = config[key] != null && typeof config[key] === 'object' ? config[key] : {})

async function availablePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, () => {
      const port = (server.address() as { port: number }).port
      server.close(() => { resolve(port) })
    })
  })
}

const unixfsV02015 = (c: Config): void => {
  Object.assign(section(c, 'Import'), {
    CidVersion: 0, UnixFSRawLeaves: false, UnixFSChunker: 'size-262144', HashFunction: 'sha2-256',
    UnixFSFileMaxLinks: 174, UnixFSDirectoryMaxLinks: 0, UnixFSHAMTDirectoryMaxFanout: 256,
    UnixFSHAMTDirectorySizeThreshold: '256KiB', UnixFSHAMTDirectorySizeEstimation: 'links', UnixFSDAGLayout: 'balanced'
  })
}

export const PROFILES: Readonly<Record<string, Profile>> = {
  server: {
    description: 'Disables local host discovery, recommended when\nrunning IPFS on machines with public IPv4 addresses.',
    transform (c) {
      c.Addresses.NoAnnounce = appendSingle(c.Addresses.NoAnnounce, SERVER_FILTERS)
      section(c, 'Swarm').AddrFilters = appendSingle(section(c, 'Swarm').AddrFilters, SERVER_FILTERS)
      section(section(c, 'Discovery'), 'MDNS').Enabled = false
      section(c, 'Swarm').DisableNatPortMap = true
    }
  },
  'local-discovery': {
    description: 'Sets default values to fields affected by the server\nprofile, enables discovery in local networks.',
    transform (c) {
      c.Addresses.NoAnnounce = deleteEntries(c.Addresses.NoAnnounce, SERVER_FILTERS)
      section(c, 'Swarm').AddrFilters = deleteEntries(section(c, 'Swarm').AddrFilters, SERVER_FILTERS)
      section(section(c, 'Discovery'), 'MDNS').Enabled = true
      section(c, 'Swarm').DisableNatPortMap = false
    }
  },
  test: {
    description: 'Reduces external interference of IPFS daemon, this\nis useful when using the daemon in test environments.',
    transform (c) {
      c.Addresses.API = '/ip4/127.0.0.1/tcp/0'
      c.Addresses.Gateway = '/ip4/127.0.0.1/tcp/0'
      c.Addresses.Swarm = ['/ip4/127.0.0.1/tcp/0']
      section(c, 'Swarm').DisableNatPortMap = true
      c.Bootstrap = []
      section(section(c, 'Discovery'), 'MDNS').Enabled = false
      // Cairn's test profile also serves the DHT: every loopback peer can dial us
      section(c, 'Routing').Type = 'dhtserver'
    }
  },
  'default-networking': {
    description: 'Restores default network settings.\nInverse profile of the test profile.',
    transform (c) {
      c.Addresses = defaultConfig().Addresses
      c.Bootstrap = [...DEFAULT_BOOTSTRAP_ADDRESSES]
      section(c, 'Swarm').DisableNatPortMap = false
      section(section(c, 'Discovery'), 'MDNS').Enabled = true
    }
  },
  lowpower: {
    description: 'Reduces daemon overhead on the system. May affect node\nfunctionality - performance of content discovery and data\nfetching may be degraded.',
    transform (c) {
      section(c, 'Routing').Type = 'autoclient'
      Object.assign(section(section(c, 'Swarm'), 'ConnMgr'), { Type: 'basic', LowWater: 20, HighWater: 40, GracePeriod: '1m0s' })
    }
  },
  randomports: {
    description: 'Use a random port number for swarm.',
    async transform (c) {
      const port = await availablePort()
      c.Addresses.Swarm = [`/ip4/0.0.0.0/tcp/${port}`, `/ip6/::/tcp/${port}`, `/ip4/0.0.0.0/udp/${port}/quic-v1`, `/ip6/::/udp/${port}/quic-v1`]
    }
  },
  'unixfs-v0-2015': {
    description: 'Legacy UnixFS import profile: CIDv0, dag-pb leaves, 256 KiB chunks, 174 links per file node.',
    transform: unixfsV02015
  },
  'legacy-cid-v0': {
    description: 'Alias for the unixfs-v0-2015 profile.',
    transform: unixfsV02015
  },
  'unixfs-v1-2025': {
    description: 'Recommended UnixFS import profile for cross-implementation CID determinism.\nUses CIDv1, raw leaves, sha2-256, 1 MiB chunks, 1024 links per file node,\n256 HAMT fanout, and block-based size estimation for HAMT threshold.',
    transform (c) {
      Object.assign(section(c, 'Import'), {
        CidVersion: 1, UnixFSRawLeaves: true, UnixFSChunker: 'size-1048576', HashFunction: 'sha2-256',
        UnixFSFileMaxLinks: 1024, UnixFSDirectoryMaxLinks: 0, UnixFSHAMTDirectoryMaxFanout: 256,
        UnixFSHAMTDirectorySizeThreshold: '256KiB', UnixFSHAMTDirectorySizeEstimation: 'block', UnixFSDAGLayout: 'balanced'
      })
    }
  }
}

/** A new config with the profile applied; Kubo's `<name> is not a profile` for an unknown one */
export async function applyProfile (config: CairnConfig, name: string): Promise<CairnConfig> {
  const profile = Object.hasOwn(PROFILES, name) ? PROFILES[name] : undefined
  if (profile == null) throw new InvalidParametersError(`${name} is not a profile`)
  const next = structuredClone(config) as Config
  await profile.transform(next)
  return next
}
