import { InvalidCidError, InvalidParametersError, OFFLINE_REMOTE_PIN_WARNING, RemotePinningError, REMOTE_PIN_STATUSES } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { checkPinName } from '../api/pin.ts'
import { delay, PIN_WAIT_MS } from './hooks.ts'
import type { RemotePinningHooks } from './hooks.ts'
import type { ServiceRegistry } from './services.ts'
import type { PinningServiceClient } from './client.ts'
import type { Replicas } from './replicas.ts'
import type { AbortOptions, PinStatusObject, RemotePinAddOptions, RemotePinApi, RemotePinEntry, RemotePinQuery, RemotePinStatusName } from '@cairn/interface'

/** The spec's limit on `origins` and `delegates` */
const MAX_ADDRS = 20

export function toEntry (s: PinStatusObject): RemotePinEntry {
  return { cid: s.pin.cid, name: s.pin.name ?? '', status: s.status, requestid: s.requestid }
}

/**
 * Sends a pin request, connects to the delegates the service named (so the transfer need not
 * wait for the DHT), and with `wait` polls until `pinned` (Kubo's `pin remote add`)
 */
export async function requestPin (hooks: RemotePinningHooks, client: PinningServiceClient, cid: CID, opts: AbortOptions & {
  name?: string
  meta?: Record<string, string>
  /** Extra `origins` besides this node's own (which are sent when the block is local) */
  origins?: string[]
}): Promise<PinStatusObject> {
  const origins = [...(await hooks.hasLocal(cid, opts) ? hooks.addresses() : []), ...(opts.origins ?? [])]
  const status = await client.add({
    cid: cid.toString(),
    ...(opts.name != null && opts.name !== '' ? { name: opts.name } : {}),
    ...(origins.length > 0 ? { origins: [...new Set(origins)].slice(0, MAX_ADDRS) } : {}),
    ...(opts.meta != null ? { meta: opts.meta } : {})
  }, opts)
  connectDelegates(hooks, status.delegates, opts)
  return status
}

/** Dials the delegates in the background: a dial failure never fails the pin (the spec) */
export function connectDelegates (hooks: RemotePinningHooks, delegates: string[], options: AbortOptions): void {
  for (const d of delegates.slice(0, MAX_ADDRS)) {
    hooks.connect(d, options).catch(err => { hooks.log('error connecting to remote pin delegate %s - %e', d, err) })
  }
}

/** Polls a request until `pinned`; `failed` throws, as Kubo's messages say */
export async function waitPinned (client: PinningServiceClient, requestid: string, options: AbortOptions = {}): Promise<PinStatusObject> {
  while (true) {
    let status: PinStatusObject
    try {
      status = await client.get(requestid, options)
    } catch (err: any) {
      if (options.signal?.aborted === true) throw new RemotePinningError(`waiting for pin interrupted, requestid="${requestid}" remains on remote service`, { cause: err })
      throw new RemotePinningError(`failed to check pin status for requestid="${requestid}" due to error: ${err.message}`, { cause: err })
    }
    if (status.requestid !== requestid) {
      throw new RemotePinningError(`failed to check pin status for requestid="${requestid}", remote service sent unexpected requestid="${status.requestid}"`)
    }
    if (status.status === 'pinned') return status
    if (status.status === 'failed') throw new RemotePinningError(`remote service failed to pin requestid="${requestid}"`, { details: { requestid, info: status.info } })
    try {
      await delay(PIN_WAIT_MS, options.signal)
    } catch (err) {
      throw new RemotePinningError(`waiting for pin interrupted, requestid="${requestid}" remains on remote service`, { cause: err })
    }
  }
}

function checkStatuses (status: string[] | undefined): RemotePinStatusName[] {
  const list = status == null || status.length === 0 ? ['pinned'] : status
  for (const s of list) {
    if (!(REMOTE_PIN_STATUSES as string[]).includes(s)) throw new InvalidParametersError(`status "${s}" is not valid`)
  }
  return list as RemotePinStatusName[]
}

function checkCids (cids: string[] | undefined): string[] | undefined {
  if (cids == null || cids.length === 0) return undefined
  return cids.map(raw => {
    try {
      return CID.parse(raw.replace(/^\/ipfs\//, '')).toString()
    } catch (err: any) {
      throw new InvalidCidError(`CID "${raw}" cannot be parsed: ${err.message}`)
    }
  })
}

/** Kubo's `pin remote` commands over the configured services */
export function createRemotePinApi (hooks: RemotePinningHooks, registry: ServiceRegistry, replicas: Replicas): RemotePinApi {
  const ls = (query: RemotePinQuery): AsyncIterable<RemotePinEntry> => (async function * () {
    if (query.service == null || query.service === '') throw new InvalidParametersError('a service name must be passed')
    const client = await registry.client(query.service, query)
    if (query.name != null) checkPinName(query.name)
    const filter = {
      status: checkStatuses(query.status),
      ...(query.name != null && query.name !== '' ? { name: query.name } : {}),
      ...(checkCids(query.cids) != null ? { cid: checkCids(query.cids) } : {})
    }
    for await (const s of client.ls(filter, query)) yield toEntry(s)
  })()

  return {
    async add (path, options: RemotePinAddOptions) {
      if (options.service == null || options.service === '') throw new InvalidParametersError('a service name must be passed')
      const client = await registry.client(options.service, options)
      if (options.name != null) checkPinName(options.name)
      const cid = await hooks.resolve(path, options)
      // Kubo: the block is here but nobody can fetch it from us
      if (!hooks.online() && await hooks.hasLocal(cid, options)) options.onWarning?.(OFFLINE_REMOTE_PIN_WARNING)
      let status = await requestPin(hooks, client, cid, { ...options, ...(options.name != null ? { name: options.name } : {}) })
      if (options.background !== true) status = await waitPinned(client, status.requestid, options)
      return toEntry(status)
    },
    ls,
    async rm (query) {
      if (query.service == null || query.service === '') throw new InvalidParametersError('a service name must be passed')
      const ids: string[] = []
      try {
        for await (const entry of ls(query)) ids.push(entry.requestid)
      } catch (err: any) {
        if (err instanceof InvalidParametersError || err?.code === 'ERR_INVALID_CID') throw err
        throw new RemotePinningError(`error while listing remote pins: ${err.message}`, { cause: err })
      }
      if (ids.length > 1 && query.force !== true) {
        throw new InvalidParametersError('multiple remote pins are matching this query, add --force to confirm the bulk removal')
      }
      const client = await registry.client(query.service, query)
      for (const id of ids) {
        try {
          await client.delete(id, query)
        } catch (err: any) {
          throw new RemotePinningError(`removing pin identified by requestid="${id}" failed: ${err.message}`, { cause: err })
        }
      }
      return ids
    },
    service: registry,
    replicas: (options = {}) => replicas.list(options)
  }
}
