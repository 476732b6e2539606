import { InvalidParametersError } from '@cairn/interface'
import { multiaddr } from '@multiformats/multiaddr'
import { getConfigValue, readConfigFile, setConfigValue, validateConfig, writeConfigFile } from '../config.ts'
import { DEFAULT_BOOTSTRAP_ADDRESSES } from '../constants.ts'
import type { BootstrapApi, CairnConfig, ConfigApi } from '@cairn/interface'

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
      return store.read()
    },
    async get (key: string) {
      const value = getConfigValue(await store.read(), key)
      if (value === undefined) throw new InvalidParametersError(`Config key "${key}" has no value`, { details: { key } })
      return value
    },
    async set (key: string, value: unknown) {
      if (key === 'Identity.PeerID' || key === 'Identity') throw new InvalidParametersError('The identity cannot be changed through config')
      if (value === undefined) throw new InvalidParametersError('A config value cannot be undefined')
      try {
        await store.update(config => setConfigValue(config, key, value))
      } catch (err: any) {
        // a value that makes the config invalid is the caller's mistake, not a corrupt repo
        if (err?.name === 'RepoCorruptError') throw new InvalidParametersError(err.message, { cause: err })
        throw err
      }
    }
  }
}

function checkAddr (addr: string): string {
  let ma
  try {
    ma = multiaddr(addr)
  } catch (err) {
    throw new InvalidParametersError(`Invalid bootstrap multiaddr "${addr}"`, { cause: err })
  }
  if (ma.getComponents().find(c => c.name === 'p2p') == null) {
    throw new InvalidParametersError(`Bootstrap address "${addr}" has no /p2p/<peer id> part`)
  }
  return ma.toString()
}

export function createBootstrapApi (store: ConfigStore): BootstrapApi {
  return {
    async list () {
      return (await store.read()).Bootstrap
    },
    async add (addrs: string[], options = {}) {
      const wanted = options.default === true ? [...DEFAULT_BOOTSTRAP_ADDRESSES] : addrs.map(checkAddr)
      const added: string[] = []
      await store.update(config => {
        const list = [...config.Bootstrap]
        for (const addr of wanted) {
          if (!list.includes(addr)) {
            list.push(addr)
            added.push(addr)
          }
        }
        return { ...config, Bootstrap: list }
      })
      return added
    },
    async rm (addrs: string[], options = {}) {
      const removed: string[] = []
      await store.update(config => {
        const drop = options.all === true ? new Set(config.Bootstrap) : new Set(addrs)
        const keep = config.Bootstrap.filter(addr => {
          if (drop.has(addr)) {
            removed.push(addr)
            return false
          }
          return true
        })
        return { ...config, Bootstrap: keep }
      })
      return removed
    }
  }
}
