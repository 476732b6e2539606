import { InvalidParametersError } from '@cairn/interface'
import type { CairnConfig, RemotePinningServiceConfig } from '@cairn/interface'

/** Kubo's `PinningConcealSelector`: the remote services' keys never leave the config file */
const CONCEAL = ['Pinning', 'RemoteServices', '*', 'API', 'Key']

/** Kubo's `matchesGlobPrefix`: `Pinning` and `Pinning.RemoteServices.x.API` match too */
export function isConcealedKey (key: string): boolean {
  const parts = key.split('.')
  for (const [i, g] of CONCEAL.entries()) {
    if (i >= parts.length) break
    if (g === '*') continue
    if (parts[i].toLowerCase() !== g.toLowerCase()) return false
  }
  return true
}

/** Refuses to read or write a key under the services' credentials, in Kubo's words */
export function checkConcealedKey (key: string): void {
  if (isConcealedKey(key)) throw new InvalidParametersError('cannot show or change pinning services credentials')
}

/** The config as `config show` prints it: every service without its `API.Key` */
export function concealConfig (config: CairnConfig): CairnConfig {
  const services = config.Pinning?.RemoteServices
  if (services == null) return config
  const scrubbed: Record<string, unknown> = {}
  for (const [name, svc] of Object.entries(services)) {
    const { Key: _key, ...api } = svc?.API ?? {} as RemotePinningServiceConfig['API']
    scrubbed[name] = { ...svc, API: api }
  }
  return { ...config, Pinning: { ...config.Pinning, RemoteServices: scrubbed as Record<string, RemotePinningServiceConfig> } }
}

/**
 * Kubo's `config replace` rule for services: the file (as `config show` printed it) keeps each
 * service's credentials from the current config; a file that sets a key, changes an endpoint,
 * or adds or drops a service is refused
 */
export function keepServiceCredentials (current: CairnConfig, next: Record<string, unknown>): Record<string, unknown> {
  const old = current.Pinning?.RemoteServices ?? {}
  const nextPinning = (next.Pinning ?? {}) as NonNullable<CairnConfig['Pinning']>
  const incoming = nextPinning.RemoteServices ?? {}
  const out: Record<string, RemotePinningServiceConfig> = {}
  for (const [name, svc] of Object.entries(old)) {
    if (!Object.hasOwn(incoming, name)) throw new InvalidParametersError("cannot add or remove remote pinning services with 'config replace'")
    const given = incoming[name]
    const key = given?.API?.Key
    const endpoint = given?.API?.Endpoint
    if ((key != null && key !== '') || (endpoint != null && endpoint !== '' && endpoint !== svc.API.Endpoint)) {
      throw new InvalidParametersError('cannot change remote pinning services api info with `config replace`')
    }
    out[name] = { ...given, API: svc.API }
  }
  for (const name of Object.keys(incoming)) {
    if (!Object.hasOwn(old, name)) throw new InvalidParametersError("cannot add or remove remote pinning services with 'config replace'")
  }
  return { ...next, Pinning: { ...nextPinning, RemoteServices: out } }
}
