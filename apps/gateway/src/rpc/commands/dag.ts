import { InvalidParametersError } from '@cairn/interface'
import { MalformedRequestError } from '../../errors.ts'
import { cidJson } from '../command.ts'
import { multipartParts } from '../multipart.ts'
import { sendBytes, sendJson, sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `dag/*`, as Kubo's `core/commands/dag/` */
export const dagCommands: CommandTable = {
  'dag/import': {
    args: [0, 0],
    options: { 'pin-roots': 'bool', silent: 'bool', stats: 'bool', 'allow-big-block': 'bool' },
    async run ({ api, args, req, res, signal, limits }) {
      const pinRoots = args.bool('pin-roots') ?? true
      const silent = args.bool('silent') === true
      const roots: Array<{ Root: { Cid: { '/': string }, PinErrorMsg: string } }> = []
      let blocks = 0
      for await (const part of multipartParts(req, limits)) {
        if (part.kind !== 'file') throw new MalformedRequestError('dag/import takes CAR file parts only')
        for await (const r of api.dag.import(part.content, { signal, pinRoots })) {
          roots.push({ Root: { Cid: cidJson(r.root.cid), PinErrorMsg: r.root.pinErrorMsg ?? '' } })
          blocks++
        }
      }
      const lines: unknown[] = silent ? [] : [...roots]
      if (args.bool('stats') === true) lines.push({ Stats: { BlockCount: blocks, BlockBytesCount: 0 } })
      await sendNdjson(res, lines, l => l)
    }
  },

  'dag/export': {
    args: [1, 1],
    options: { progress: 'bool', 'dag-scope': 'string' },
    async run ({ api, args, res, signal }) {
      const scope = args.string('dag-scope') ?? 'all'
      if (!['all', 'entity', 'block'].includes(scope)) throw new InvalidParametersError(`invalid dag-scope "${scope.slice(0, 20)}"`)
      await sendBytes(res, api.dag.export(args.args[0], { signal, dagScope: scope as 'all' }), 'application/vnd.ipld.car')
    }
  },

  'dag/stat': {
    args: [1, 64],
    options: { progress: 'bool' },
    async run ({ api, args, res, signal }) {
      const stats = []
      let total = 0
      let blocks = 0
      for (const root of args.args) {
        const s = await api.dag.stat(root, { signal })
        stats.push({ Cid: cidJson(s.cid), Size: s.size, NumBlocks: s.numBlocks })
        total += s.size
        blocks += s.numBlocks
      }
      sendJson(res, { UniqueBlocks: blocks, TotalSize: total, SharedSize: 0, Ratio: 1, DagStats: stats })
    }
  }
}
