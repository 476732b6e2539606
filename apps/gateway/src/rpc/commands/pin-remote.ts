import { InvalidParametersError } from '@cairn/interface'
import { sendJson, sendNdjson } from '../output.ts'
import type { Args } from '../args.ts'
import type { CommandTable } from '../command.ts'
import type { RemotePinEntry, RemotePinQuery, RemotePinStatusName } from '@cairn/interface'
import type { ServerResponse } from 'node:http'

/** Kubo's `RemotePinOutput` */
const pinOutput = (p: RemotePinEntry): { Status: string, Cid: string, Name: string } => ({ Status: p.status, Cid: p.cid, Name: p.name })

function query (args: Args, signal: AbortSignal): RemotePinQuery {
  const service = args.string('service')
  if (service == null) throw new InvalidParametersError('a service name must be passed')
  const name = args.string('name')
  const cids = args.strings('cid')
  const status = args.strings('status')
  return {
    signal,
    service,
    ...(name != null ? { name } : {}),
    ...(cids != null && cids.length > 0 ? { cids } : {}),
    ...(status != null && status.length > 0 ? { status: status as RemotePinStatusName[] } : {})
  }
}

/** Kubo answers commands without output with an empty 200 */
function sendNothing (res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end()
}

/** `pin/remote/*`, as Kubo's `core/commands/pin/remotepin.go` */
export const pinRemoteCommands: CommandTable = {
  'pin/remote/add': {
    args: [1, 1],
    options: { service: 'string', name: 'string', background: 'bool' },
    async run ({ api, args, res, signal }) {
      const service = args.string('service')
      if (service == null) throw new InvalidParametersError('a service name must be passed')
      const name = args.string('name')
      const entry = await api.pin.remote.add(args.args[0], { signal, service, background: args.bool('background') ?? false, ...(name != null ? { name } : {}) })
      sendJson(res, pinOutput(entry))
    }
  },

  'pin/remote/ls': {
    args: [0, 0],
    options: { service: 'string', name: 'string', cid: 'strings', status: 'strings' },
    async run ({ api, args, res, signal }) {
      await sendNdjson(res, api.pin.remote.ls(query(args, signal)), pinOutput)
    }
  },

  'pin/remote/rm': {
    args: [0, 0],
    options: { service: 'string', name: 'string', cid: 'strings', status: 'strings', force: 'bool' },
    async run ({ api, args, res, signal }) {
      await api.pin.remote.rm({ ...query(args, signal), force: args.bool('force') ?? false })
      sendNothing(res)
    }
  },

  'pin/remote/service/add': {
    args: [3, 3],
    async run ({ api, args, res, signal }) {
      const [name, endpoint, key] = args.args
      await api.pin.remote.service.add(name, endpoint, key, { signal })
      sendNothing(res)
    }
  },

  'pin/remote/service/ls': {
    args: [0, 0],
    options: { stat: 'bool' },
    async run ({ api, args, res, signal }) {
      const services = await api.pin.remote.service.ls({ signal, stat: args.bool('stat') ?? false })
      // Kubo's PinServicesList: Stat only with --stat, PinCount only when counting worked
      sendJson(res, {
        RemoteServices: services.map(s => ({
          Service: s.service,
          ApiEndpoint: s.endpoint,
          ...(s.stat != null
            ? {
                Stat: {
                  Status: s.stat.status,
                  ...(s.stat.pinCount != null ? { PinCount: { Queued: s.stat.pinCount.queued, Pinning: s.stat.pinCount.pinning, Pinned: s.stat.pinCount.pinned, Failed: s.stat.pinCount.failed } } : {})
                }
              }
            : {})
        }))
      })
    }
  },

  'pin/remote/service/rm': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      await api.pin.remote.service.rm(args.args[0], { signal })
      sendNothing(res)
    }
  }
}
