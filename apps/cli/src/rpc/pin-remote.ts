/**
 * `pin remote` over a daemon's RPC (Kubo's `pin/remote/*`), each call mapped from Kubo's JSON
 */
import type { RemotePinApi, RemotePinEntry, RemotePinQuery, RemotePinStatusName, RemoteServiceInfo, ReplicaEntry } from '@cairn/interface'
import type { Params, Transport } from './transport.ts'

interface RemotePinOutput { Status: RemotePinStatusName, Cid: string, Name: string }

const entryOf = (r: RemotePinOutput): RemotePinEntry => ({ cid: String(r.Cid), name: String(r.Name ?? ''), status: r.Status, requestid: '' })

/** Kubo's DelimitedStringsOption travels comma-separated */
function queryParams (q: RemotePinQuery): Params {
  return {
    service: q.service,
    name: q.name,
    cid: q.cids != null && q.cids.length > 0 ? q.cids.join(',') : undefined,
    status: q.status != null && q.status.length > 0 ? q.status.join(',') : undefined
  }
}

export function rpcRemotePinApi (rpc: Transport): RemotePinApi {
  return {
    add: async (path, options) => {
      const r = await rpc.json<RemotePinOutput>('pin/remote/add', {
        args: [path],
        params: { service: options.service, name: options.name, background: options.background },
        signal: options.signal
      })
      return entryOf(r)
    },
    ls: async function * (query) {
      for await (const r of rpc.ndjson<RemotePinOutput>('pin/remote/ls', { params: queryParams(query), signal: query.signal })) yield entryOf(r)
    },
    rm: async (query) => {
      await rpc.json('pin/remote/rm', { params: { ...queryParams(query), force: query.force }, signal: query.signal })
      return []
    },
    service: {
      add: async (name, endpoint, key, options = {}) => {
        await rpc.json('pin/remote/service/add', { args: [name, endpoint, key], signal: options.signal })
      },
      rm: async (name, options = {}) => {
        await rpc.json('pin/remote/service/rm', { args: [name], signal: options.signal })
      },
      ls: async (options = {}) => {
        const r = await rpc.json<{ RemoteServices?: Array<{ Service: string, ApiEndpoint: string, Stat?: { Status: 'valid' | 'invalid', PinCount?: { Queued: number, Pinning: number, Pinned: number, Failed: number } } }> }>(
          'pin/remote/service/ls', { params: { stat: options.stat }, signal: options.signal })
        return (r?.RemoteServices ?? []).map((s): RemoteServiceInfo => ({
          service: s.Service,
          endpoint: s.ApiEndpoint,
          ...(s.Stat != null
            ? {
                stat: {
                  status: s.Stat.Status,
                  ...(s.Stat.PinCount != null ? { pinCount: { queued: s.Stat.PinCount.Queued, pinning: s.Stat.PinCount.Pinning, pinned: s.Stat.PinCount.Pinned, failed: s.Stat.PinCount.Failed } } : {})
                }
              }
            : {})
        }))
      }
    },
    replicas: async function * (options = {}) {
      const r = await rpc.json<{ Remote?: Array<{ Cid: string, Service: string, Status: ReplicaEntry['status'], RequestId?: string }> }>('pin/ls', {
        args: options.cids ?? [],
        params: { type: 'recursive', remote: true },
        signal: options.signal
      })
      for (const e of r?.Remote ?? []) yield { cid: e.Cid, service: e.Service, status: e.Status, ...(e.RequestId != null ? { requestid: e.RequestId } : {}) }
    }
  }
}
