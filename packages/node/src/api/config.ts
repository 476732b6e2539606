import { InvalidParametersError } from '@cairn/interface'
import { getConfigValue, readConfigFile, setConfigValue, validateConfig, writeConfigFile } from '../config.ts'
import { checkConfigKey } from '../config-keys.ts'
import { DEFAULT_BOOTSTRAP_ADDRESSES } from '../constants.ts'
import { applyProfile } from '../profiles.ts'
import { checkConcealedKey, concealConfig, keepServiceCredentials } from '../remote-pinning/conceal.ts'
import type { BootstrapApi, CairnConfig, ConfigApi } from '@cairn/interface'
import type { multiaddr as Multiaddr } from '@multiformats/multiaddr'

/** `multiaddr()`, loaded by the bootstrap commands that parse addresses, not with the node */
async function loadMultiaddr (): Promise<typeof Multiaddr> {
  return (await import('@multiformats/multiaddr')).multiaddr
}

/**
 * The repo's config file, read and written in place. Edits are serialised within the process and
 * written atomically; most keys take effect at the next start, as in Kubo.
 */
export interface ConfigStore {
  read(): Promise<CairnConfig>
  update(fn: (config: CairnConfig) => CairnConfig): Promise<CairnConfig>
}

export function createConfigStore (file: string, onChange?: (config: CairnConfig) => void): ConfigStore {
  let chain: Promise<unknown> = Promise.resolve()
  return {
    read: async () => readConfigFile(file),
    update: async (fn) => {
      const next = chain.then(async () => {
        const updated = fn(await readConfigFile(file))
        validateConfig(updated)
        await writeConfigFile(file, updated)
        onChange?.(updated)
        return updated
      })
      chain = next.catch(() => {})
      return next
    }
  }
}

export function createConfigApi (store: ConfigStore): ConfigApi {
  return {
    async show () {
      // as Kubo: the remote pinning services' keys stay in the file
      return concealConfig(await store.read())
    },
    async get (key: string) {
      checkConcealedKey(key)
      const value = getConfigValue(await store.read(), key)
      if (value === undefined) throw new InvalidParametersError(`Config key "${key}" has no value`, { details: { key } })
      return value
    },
    async set (key: string, value: unknown) {
      if (key === 'Identity.PeerID' || key === 'Identity') throw new InvalidParametersError('The identity cannot be changed through config')
      if (value === undefined) throw new InvalidParametersError('A config value cannot be undefined')
      checkConcealedKey(key)
      try {
        await store.update(config => {
          checkConfigKey(config, key)
          return setConfigValue(config, key, value)
        })
      } catch (err: any) {
        // a value that makes the config invalid is the caller's mistake, not a corrupt repo
        if (err?.name === 'RepoCorruptError') throw new InvalidParametersError(err.message, { cause: err })
        throw err
      }
    },
    async replace (next) {
      if (next == null || typeof next !== 'object' || Array.isArray(next)) throw new InvalidParametersError('failed to decode file as config')
      const identity = next.Identity as { PrivKey?: unknown } | undefined
      if (identity?.PrivKey != null && identity.PrivKey !== '') throw new InvalidParametersError('setting private key with API is not supported')
      try {
        // the identity stays the repo's own: its key lives in the keystore
        await store.update(config => ({ ...keepServiceCredentials(config, next), Identity: config.Identity }) as CairnConfig)
      } catch (err: any) {
        if (err?.name === 'RepoCorruptError') throw new InvalidParametersError(err.message, { cause: err })
        throw err
      }
    },
    async applyProfile (name, options = {}) {
      const oldConfig = await store.read()
      const newConfig = await applyProfile(oldConfig, name)
      if (options.dryRun !== true) await store.update(() => newConfig)
      return { oldConfig, newConfig }
    }
  }
}

/** A bootstrap address split as Kubo's `peer.AddrInfo`: the peer, and the transport part if any */
interface BootstrapPeer { id: string, transport?: string }

function parseBootstrapPeer (multiaddr: typeof Multiaddr, addr: string): BootstrapPeer {
  let ma
  try {
    ma = multiaddr(addr)
  } catch (err) {
    throw new InvalidParametersError(`Invalid bootstrap multiaddr "${addr}"`, { cause: err })
  }
  const components = ma.getComponents()
  const last = components.at(-1)
  if (last?.name !== 'p2p' || last.value == null) throw new InvalidParametersError(`invalid bootstrap address: ${addr}`)
  const transport = components.slice(0, -1).map(c => `/${c.name}${c.value != null ? `/${c.value}` : ''}`).join('')
  return { id: last.value, ...(transport !== '' ? { transport } : {}) }
}

function checkAddr (multiaddr: typeof Multiaddr, addr: string): string {
  const peer = parseBootstrapPeer(multiaddr, addr)
  if (peer.transport == null) throw new InvalidParametersError(`bootstrap address without a transport: ${addr}`)
  return multiaddr(addr).toString()
}

export function createBootstrapApi (store: ConfigStore): BootstrapApi {
  return {
    async list () {
      return (await store.read()).Bootstrap
    },
    /** As Kubo: every address asked for is returned (also one already there) and moves to the front */
    async add (addrs: string[], options = {}) {
      const multiaddr = await loadMultiaddr()
      const wanted = [...new Set(options.default === true ? [...DEFAULT_BOOTSTRAP_ADDRESSES] : addrs.map(addr => checkAddr(multiaddr, addr)))]
      await store.update(config => ({ ...config, Bootstrap: [...wanted, ...config.Bootstrap.filter(a => !wanted.includes(a))] }))
      return wanted
    },
    /**
     * As Kubo: an address with a transport removes that address, a bare `/p2p/<id>` every address
     * of that peer; an address that does not parse is refused before anything changes.
     */
    async rm (addrs: string[], options = {}) {
      const multiaddr = await loadMultiaddr()
      const targets = options.all === true ? undefined : addrs.map(addr => parseBootstrapPeer(multiaddr, addr))
      const removed: string[] = []
      await store.update(config => {
        const keep = config.Bootstrap.filter(entry => {
          let hit = targets == null
          if (!hit) {
            let peer: BootstrapPeer | undefined
            try {
              peer = parseBootstrapPeer(multiaddr, entry)
            } catch {}
            hit = peer != null && targets!.some(t => t.id === peer.id && (t.transport == null || t.transport === peer.transport))
          }
          if (hit) removed.push(entry)
          return !hit
        })
        return { ...config, Bootstrap: keep }
      })
      return removed
    }
  }
}
