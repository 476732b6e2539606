import { InvalidParametersError } from '@cairn/interface'
import { lazyStream, sendJson, sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `pin/*`, as Kubo's `core/commands/pin/pin.go` */
export const pinCommands: CommandTable = {
  'pin/add': {
    args: [1, 64],
    options: { recursive: 'bool', progress: 'bool', name: 'string', stream: 'bool', metadata: 'string' },
    async run ({ api, args, res, signal }) {
      const recursive = args.bool('recursive') ?? true
      if (args.bool('progress') === true) {
        const out = lazyStream(res, 'application/json; charset=utf-8', 'values')
        try {
          const pins: string[] = []
          for (const path of args.args) {
            const cids = await api.pin.add(path, { signal, recursive, onProgress: n => { out.push(JSON.stringify({ Progress: n }) + '\n') } })
            pins.push(...cids.map(c => c.toString()))
          }
          await out.write(JSON.stringify({ Pins: pins }) + '\n')
        } catch (err) {
          out.end(err)
          return
        }
        out.end()
        return
      }
      const pins: string[] = []
      for (const path of args.args) pins.push(...(await api.pin.add(path, { signal, recursive })).map(c => c.toString()))
      sendJson(res, { Pins: pins })
    }
  },

  'pin/rm': {
    args: [1, 64],
    options: { recursive: 'bool' },
    async run ({ api, args, res, signal }) {
      const recursive = args.bool('recursive') ?? true
      const pins: string[] = []
      for (const path of args.args) pins.push(...(await api.pin.rm(path, { signal, recursive })).map(c => c.toString()))
      sendJson(res, { Pins: pins })
    }
  },

  'pin/ls': {
    args: [0, 64],
    // `paths` is what kubo-rpc-client also puts in the query (the paths themselves travel as `arg`)
    options: { type: 'string', quiet: 'bool', stream: 'bool', names: 'bool', name: 'string', detailed: 'bool', paths: 'string' },
    async run ({ api, args, res, signal }) {
      const type = args.string('type') ?? 'all'
      if (!['all', 'recursive', 'direct', 'indirect'].includes(type)) throw new InvalidParametersError(`invalid pin type "${type.slice(0, 20)}"`)
      const source = api.pin.ls({ signal, type: type as 'all', ...(args.args.length > 0 ? { paths: args.args } : {}) })
      if (args.bool('stream') === true) {
        // Kubo's PinLsObject omits an empty Name; the Keys map below always carries it
        await sendNdjson(res, source, p => ({ Cid: p.cid.toString(), Type: p.type }))
        return
      }
      const keys: Record<string, { Type: string, Name: string }> = {}
      for await (const p of source) keys[p.cid.toString()] = { Type: p.type, Name: '' }
      sendJson(res, { Keys: keys })
    }
  },

  'pin/update': {
    args: [2, 2],
    options: { unpin: 'bool' },
    async run ({ api, args, res, signal }) {
      const pins = await api.pin.update(args.args[0], args.args[1], { signal, unpin: args.bool('unpin') ?? true })
      sendJson(res, { Pins: pins.map(c => c.toString()) })
    }
  }
}
