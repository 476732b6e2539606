import { InvalidParametersError, REMOTE_PIN_STATUSES } from '@cairn/interface'
import { createPinningServiceClient } from './client.ts'
import type { PinningServiceClient } from './client.ts'
import type { ConfigStore } from '../api/config.ts'
import type { AbortOptions, CairnConfig, RemotePinningServiceConfig, RemoteServiceApi, RemoteServiceInfo, RemotePinStatusName } from '@cairn/interface'

/** `Pinning.RemoteServices`, and a client for each entry */
export interface ServiceRegistry extends RemoteServiceApi {
  /** The configured services, by name, sorted */
  all(options?: AbortOptions): Promise<Array<{ name: string, config: RemotePinningServiceConfig }>>
  /** A client for one configured service (Kubo: `service not known`) */
  client(name: string, options?: AbortOptions): Promise<PinningServiceClient>
}

export interface ServiceRegistryInit {
  /** Bounds each HTTP exchange with a service. @default 60_000 */
  timeoutMs?: number
}

function services (config: CairnConfig): Record<string, RemotePinningServiceConfig> {
  return config.Pinning?.RemoteServices ?? {}
}

/**
 * Kubo's `normalizeEndpoint`: an http(s) URL without query, `/pins` suffix, trailing or doubled
 * slashes
 */
export function normalizeEndpoint (endpoint: string): string {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new InvalidParametersError('service endpoint must be a valid HTTP URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidParametersError('service endpoint must be a valid HTTP URL')
  if (url.search !== '') throw new InvalidParametersError('service endpoint should be provided without any query parameters')
  let path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/\.?$/, '')
  if (path.endsWith('/pins')) throw new InvalidParametersError('service endpoint should be provided without the /pins suffix')
  if (path === '/') path = ''
  url.pathname = path
  url.hash = ''
  return url.toString().replace(/\/$/, '')
}

export function createServiceRegistry (store: ConfigStore, init: ServiceRegistryInit = {}): ServiceRegistry {
  const clientOf = (config: RemotePinningServiceConfig): PinningServiceClient =>
    createPinningServiceClient({ endpoint: normalizeEndpoint(config.API.Endpoint), key: config.API.Key, timeoutMs: init.timeoutMs })

  const registry: ServiceRegistry = {
    async all () {
      const entries = Object.entries(services(await store.read()))
      return entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([name, config]) => ({ name, config }))
    },
    async client (name) {
      if (name === '') throw new InvalidParametersError('remote pinning service name not specified')
      const config = services(await store.read())
      if (!Object.hasOwn(config, name)) throw new InvalidParametersError('service not known', { details: { service: name } })
      return clientOf(config[name])
    },
    async add (name, endpoint, key) {
      if (name === '') throw new InvalidParametersError('remote pinning service name not specified')
      const normalized = normalizeEndpoint(endpoint)
      await store.update(config => {
        const current = services(config)
        if (Object.hasOwn(current, name)) throw new InvalidParametersError('service already present')
        return {
          ...config,
          Pinning: { ...config.Pinning, RemoteServices: { ...current, [name]: { API: { Endpoint: normalized, Key: key }, Policies: {} } } }
        }
      })
    },
    async rm (name) {
      await store.update(config => {
        const current = { ...services(config) }
        delete current[name]
        return { ...config, Pinning: { ...config.Pinning, RemoteServices: current } }
      })
    },
    async ls (options = {}) {
      const list = await registry.all(options)
      return Promise.all(list.map(async ({ name, config }): Promise<RemoteServiceInfo> => {
        const info: RemoteServiceInfo = { service: name, endpoint: config.API.Endpoint }
        if (options.stat !== true) return info
        try {
          const client = clientOf(config)
          // as Kubo: one smallest page per status, for its count
          const counts = await Promise.all(REMOTE_PIN_STATUSES.map(async status => (await client.list({ status: [status], limit: 1 }, options)).count))
          info.stat = { status: 'valid', pinCount: Object.fromEntries(REMOTE_PIN_STATUSES.map((s, i) => [s, counts[i]])) as Record<RemotePinStatusName, number> }
        } catch {
          // best effort, as Kubo: `pin remote ls` gives the reason
          info.stat = { status: 'invalid' }
        }
        return info
      }))
    }
  }
  return registry
}
