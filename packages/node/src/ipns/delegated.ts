/**
 * IPNS delegated publishing (Kubo's `Ipns.DelegatedPublishers`): a signed record is sent to HTTP
 * endpoints that speak the Delegated Routing V1 API's IPNS part (`PUT /routing/v1/ipns/{name}`,
 * body `application/vnd.ipfs.ipns-record`), such as someguy or another Cairn's gateway.
 * `name publish --allow-delegated` publishes through them alone, without DHT connectivity.
 */
import { InvalidParametersError, ResolveFailedError } from '@cairn/interface'
import type { AbortOptions } from '@cairn/interface'
import type { IpnsName } from './name.ts'
import type { Logger } from '@libp2p/interface'

const IPNS_RECORD_TYPE = 'application/vnd.ipfs.ipns-record'
/** Bound on one endpoint's PUT: a publisher that hangs must not hold `name publish` forever */
export const DELEGATED_PUBLISH_TIMEOUT_MS = 30_000
/** Bytes of an endpoint's error body quoted in our error */
const ERROR_BODY_CHARS_MAX = 200

/**
 * The endpoints of `Ipns.DelegatedPublishers`. `"auto"` stands for AutoConf's list, which Kubo
 * resolves to nothing under `Routing.Type: auto` (the DHT publishes): Cairn has no AutoConf, so
 * `"auto"` is always empty here. Anything else must be an http(s) URL.
 */
export function delegatedPublishers (config: unknown): string[] {
  if (config == null) return []
  if (!Array.isArray(config)) throw new InvalidParametersError('Ipns.DelegatedPublishers must be an array of URLs')
  const out: string[] = []
  for (const entry of config) {
    if (entry === 'auto') continue
    if (typeof entry !== 'string') throw new InvalidParametersError(`Ipns.DelegatedPublishers: ${JSON.stringify(entry)?.slice(0, 100)} is not a URL`)
    let url: URL
    try {
      url = new URL(entry)
    } catch {
      throw new InvalidParametersError(`Ipns.DelegatedPublishers: "${entry.slice(0, 100)}" is not a URL`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidParametersError(`Ipns.DelegatedPublishers: "${entry.slice(0, 100)}" is not an http(s) URL`)
    out.push(url.toString().replace(/\/+$/, ''))
  }
  return out
}

/**
 * PUTs the record to every endpoint at once; resolves with how many took it and fails when none
 * did (as a publish to the DHT fails when no peer took the record)
 */
export async function putDelegated (endpoints: string[], name: IpnsName, record: Uint8Array, log: Logger, options: AbortOptions = {}): Promise<number> {
  const errors: string[] = []
  const results = await Promise.all(endpoints.map(async (endpoint) => {
    const signal = options.signal == null ? AbortSignal.timeout(DELEGATED_PUBLISH_TIMEOUT_MS) : AbortSignal.any([options.signal, AbortSignal.timeout(DELEGATED_PUBLISH_TIMEOUT_MS)])
    try {
      const res = await fetch(`${endpoint}/routing/v1/ipns/${name.cid}`, {
        method: 'PUT',
        headers: { 'Content-Type': IPNS_RECORD_TYPE },
        body: record,
        signal
      })
      if (res.ok) {
        await res.body?.cancel()
        log('put %s to delegated publisher %s', name.cid, endpoint)
        return true
      }
      const text = (await res.text().catch(() => '')).trim().slice(0, ERROR_BODY_CHARS_MAX)
      errors.push(`${endpoint}: ${res.status}${text === '' ? '' : ` ${text}`}`)
    } catch (err) {
      errors.push(`${endpoint}: ${(err as Error).message}`)
    }
    log('delegated publisher %s refused %s - %s', endpoint, name.cid, errors.at(-1))
    return false
  }))
  const taken = results.filter(Boolean).length
  if (taken === 0) throw new ResolveFailedError(`no delegated publisher took the record: ${errors.join('; ')}`)
  return taken
}
