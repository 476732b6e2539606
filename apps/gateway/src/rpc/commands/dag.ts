import { InvalidParametersError } from '@cairn/interface'
import { MalformedRequestError } from '../../errors.ts'
import { cidJson, pathArg } from '../command.ts'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'
import { multipartParts, readBlockPart } from '../multipart.ts'
import { lazyStream, sendBytes, sendJson, sendNdjson } from '../output.ts'

/** How often `dag/stat` sends a running summary */
const DAG_STAT_PROGRESS_INTERVAL_MS = 250
import type { CommandTable } from '../command.ts'

/** `dag/*`, as Kubo's `core/commands/dag/` */
export const dagCommands: CommandTable = {
  'dag/put': {
    args: [0, 0],
    options: { 'store-codec': 'string', 'input-codec': 'string', pin: 'bool', hash: 'string', 'allow-big-block': 'bool' },
    async run ({ api, args, req, res, signal, limits }) {
      const max = args.bool('allow-big-block') === true ? limits.maxPartBytes : limits.maxBlockBytes
      const inputs: Uint8Array[] = []
      for await (const part of multipartParts(req, { ...limits, maxPartBytes: max })) {
        if (part.kind !== 'file') throw new MalformedRequestError('dag/put takes file parts only')
        inputs.push(await readBlockPart(part, max, args.bool('allow-big-block') === true))
      }
      if (inputs.length === 0) throw new InvalidParametersError('argument "object data" is required')
      const options = {
        signal,
        inputCodec: args.string('input-codec') ?? 'dag-json',
        storeCodec: args.string('store-codec') ?? 'dag-cbor',
        hash: args.string('hash'),
        pin: args.bool('pin') === true,
        allowBigBlock: args.bool('allow-big-block') === true
      }
      // Kubo emits one OutputObject per file, as it stores it
      await sendNdjson(res, (async function * () {
        for (const input of inputs) yield await api.dag.put(input, options)
      })(), cid => ({ Cid: cidJson(cid) }))
    }
  },

  'dag/get': {
    args: [1, 1],
    options: { 'output-codec': 'string' },
    async run ({ api, args, res, signal }) {
      const bytes = await api.dag.get(pathArg(args), { signal, outputCodec: args.string('output-codec') ?? 'dag-json' })
      await sendBytes(res, (async function * () { yield bytes })(), 'text/plain')
    }
  },

  'dag/resolve': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      const r = await api.dag.resolve(pathArg(args), { signal })
      sendJson(res, { Cid: cidJson(r.cid), RemPath: r.remPath })
    }
  },

  'dag/import': {
    args: [0, 0],
    options: {
      'pin-roots': 'bool',
      'local-only': 'bool',
      silent: 'bool',
      stats: 'bool',
      'allow-big-block': 'bool',
      'fast-provide-root': 'bool',
      'fast-provide-dag': 'bool',
      'fast-provide-wait': 'bool'
    },
    async run ({ api, args, req, res, signal, limits }) {
      // Kubo: --local-only imports a partial CAR and implies --pin-roots=false
      const pinRoots = args.bool('local-only') === true ? false : args.bool('pin-roots') ?? true
      const silent = args.bool('silent') === true
      let stats: { blockCount: number, blockBytesCount: number } | undefined
      // every part is imported before any root is pinned, as Kubo (a DAG may span several CARs)
      const cars = (async function * () {
        for await (const part of multipartParts(req, limits)) {
          if (part.kind !== 'file') throw new MalformedRequestError('dag/import takes CAR file parts only')
          yield part.content
        }
      })()
      const lines: unknown[] = []
      for await (const r of api.dag.import({ cars }, { signal, pinRoots, onStats: s => { stats = s } })) {
        if (!silent && pinRoots) lines.push({ Root: { Cid: cidJson(r.root.cid), PinErrorMsg: r.root.pinErrorMsg ?? '' } })
      }
      if (args.bool('stats') === true && stats != null) lines.push({ Stats: { BlockCount: stats.blockCount, BlockBytesCount: stats.blockBytesCount } })
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
    options: { progress: 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      // Kubo's DagStat.Cid is a string written in the asked base (not a link object)
      const enc = outputCid(args)
      // Kubo streams running summaries (Ratio 0) unless progress=false, then the final one
      const progressive = args.bool('progress') !== false
      const out = progressive ? lazyStream(res, 'application/json; charset=utf-8', 'values') : undefined
      const stats: Array<{ Cid: string, Size: number, NumBlocks: number }> = []
      let total = 0
      let blocks = 0
      let last = 0
      const summary = (ratio: number, current?: { Cid: string, Size: number, NumBlocks: number }): string =>
        JSON.stringify({ UniqueBlocks: blocks + (current?.NumBlocks ?? 0), TotalSize: total + (current?.Size ?? 0), SharedSize: 0, Ratio: ratio, DagStats: current != null ? [...stats, current] : stats }) + '\n'
      try {
        for (const root of args.args) {
          const s = await api.dag.stat(root, {
            signal,
            onProgress: out == null
              ? undefined
              : (n, bytes) => {
                  // at most a few summaries a second: Kubo's one per block would flood a big DAG's answer
                  if (Date.now() - last < DAG_STAT_PROGRESS_INTERVAL_MS) return
                  last = Date.now()
                  out.push(summary(0, { Cid: root, Size: bytes, NumBlocks: n }))
                }
          })
          stats.push({ Cid: enc(s.cid), Size: s.size, NumBlocks: s.numBlocks })
          total += s.size
          blocks += s.numBlocks
        }
      } catch (err) {
        if (out == null) throw err
        out.end(err)
        return
      }
      if (out == null) {
        sendJson(res, JSON.parse(summary(1)))
        return
      }
      await out.write(summary(1))
      out.end()
    }
  }
}

