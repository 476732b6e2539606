import { InvalidParametersError, hasCode } from '@cairn/interface'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'
import { lazyStream, sendJson, sendNdjson } from '../output.ts'
import type { CairnApi, PinEntry, PinLsApiOptions } from '@cairn/interface'
import type { CommandTable } from '../command.ts'

/** How often `pin/add?progress=true` reports, as Kubo's ticker */
const PROGRESS_INTERVAL_MS = 500

/** `pin/*`, as Kubo's `core/commands/pin/pin.go` */
export const pinCommands: CommandTable = {
  'pin/add': {
    args: [1, 64],
    // `max-depth` is what IPFS Cluster sends for a depth-limited pin: Kubo ignores it (a positive
    // depth pins recursively), and so does Cairn; `fast-provide-*` are Kubo's provide knobs
    options: {
      recursive: 'bool',
      progress: 'bool',
      name: 'string',
      'max-depth': 'int',
      'fast-provide-root': 'bool',
      'fast-provide-dag': 'bool',
      'fast-provide-wait': 'bool',
      ...CID_BASE_OPTIONS,
      // Cairn: copies beyond the local one on the Pinning.RemoteServices
      replicas: 'int'
    },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      const recursive = args.bool('recursive') ?? true
      const name = args.string('name')
      const replicas = args.int('replicas')
      if (args.bool('progress') !== true) {
        const pins: string[] = []
        for (const path of args.args) pins.push(...(await api.pin.add(path, { signal, recursive, name, ...(replicas != null ? { replicas } : {}) })).map(enc))
        sendJson(res, { Pins: pins })
        return
      }
      // Kubo's AddPinOutput stream: {"Progress":nodes,"Bytes":bytes} every tick, then {"Pins":[...]}
      const out = lazyStream(res, 'application/json; charset=utf-8', 'values')
      let nodes = 0
      let bytes = 0
      const progressLine = (): string => JSON.stringify({ ...(nodes > 0 ? { Progress: nodes } : {}), ...(bytes > 0 ? { Bytes: bytes } : {}) }) + '\n'
      const ticker = setInterval(() => { out.push(progressLine()) }, PROGRESS_INTERVAL_MS)
      try {
        const pins: string[] = []
        for (const path of args.args) {
          const base = { nodes, bytes }
          const cids = await api.pin.add(path, {
            signal,
            recursive,
            name,
            ...(replicas != null ? { replicas } : {}),
            onProgress: (n, b) => { nodes = base.nodes + n; bytes = base.bytes + (b ?? 0) }
          })
          pins.push(...cids.map(enc))
        }
        clearInterval(ticker)
        if (nodes > 0) out.push(progressLine())
        await out.write(JSON.stringify({ Pins: pins }) + '\n')
      } catch (err) {
        clearInterval(ticker)
        out.end(err)
        return
      }
      out.end()
    }
  },

  'pin/rm': {
    args: [1, 64],
    options: { recursive: 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      const recursive = args.bool('recursive') ?? true
      const pins: string[] = []
      for (const path of args.args) pins.push(...(await api.pin.rm(path, { signal, recursive })).map(enc))
      sendJson(res, { Pins: pins })
    }
  },

  'pin/ls': {
    args: [0, 64],
    // `paths` is what kubo-rpc-client also puts in the query (the paths themselves travel as `arg`)
    // `remote` (Cairn): also where each pin's replicas stand on the remote services
    options: { type: 'string', quiet: 'bool', stream: 'bool', names: 'bool', name: 'string', detailed: 'bool', paths: 'string', remote: 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      // Kubo: an indirect pin asked for by path names the recursive pin it hangs from
      const pinType = (p: PinEntry): string => p.type === 'indirect' && p.via != null ? `indirect through ${enc(p.via)}` : p.type
      const type = args.string('type') ?? 'all'
      if (!['all', 'recursive', 'direct', 'indirect'].includes(type)) {
        throw new InvalidParametersError(`invalid type '${type.slice(0, 20)}', must be one of {direct, indirect, recursive, all}`)
      }
      const name = args.string('name')
      // Kubo: names only with --names, or with --name (which implies it)
      const withNames = args.bool('names') === true || (name != null && name !== '')
      const lsOptions = { signal, type: type as 'all', ...(name != null && name !== '' ? { name } : {}) }
      const remoteByPath = args.bool('remote') === true && args.args.length > 0
      // with --remote, a path not pinned here is no error: its copies may well be elsewhere
      const source = remoteByPath ? pinnedHere(api, args.args, lsOptions) : api.pin.ls({ ...lsOptions, ...(args.args.length > 0 ? { paths: args.args } : {}) })
      const pinName = (n: string | undefined): string => withNames ? n ?? '' : ''
      if (args.bool('stream') === true) {
        // Kubo's PinLsObject omits an empty Name; the Keys map below always carries it
        await sendNdjson(res, source, p => ({ Cid: enc(p.cid), ...(pinName(p.name) !== '' ? { Name: pinName(p.name) } : {}), Type: pinType(p) }))
        return
      }
      const keys: Record<string, { Type: string, Name: string }> = {}
      for await (const p of source) {
        keys[enc(p.cid)] = { Type: pinType(p), Name: pinName(p.name) }
      }
      if (args.bool('remote') !== true) {
        sendJson(res, { Keys: keys })
        return
      }
      const remote = []
      const cids = remoteByPath ? await pathCids(api, args.args, signal) : undefined
      for await (const r of api.pin.remote.replicas({ signal, ...(cids != null ? { cids } : {}) })) {
        remote.push({ Cid: r.cid, Service: r.service, Status: r.status, ...(r.requestid != null ? { RequestId: r.requestid } : {}) })
      }
      sendJson(res, { Keys: keys, Remote: remote })
    }
  },

  'pin/update': {
    args: [2, 2],
    options: { unpin: 'bool', 'fast-provide-root': 'bool', 'fast-provide-dag': 'bool', 'fast-provide-wait': 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      const pins = await api.pin.update(args.args[0], args.args[1], { signal, unpin: args.bool('unpin') ?? true })
      sendJson(res, { Pins: pins.map(enc) })
    }
  },

  'pin/verify': {
    args: [0, 0],
    options: { verbose: 'bool', quiet: 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      const verbose = args.bool('verbose') === true
      const quiet = args.bool('quiet') === true
      if (verbose && quiet) throw new InvalidParametersError('the --verbose and --quiet options can not be used at the same time')
      // Kubo's PinVerifyRes: Ok and BadNodes omitted when empty
      await sendNdjson(res, api.pin.verify({ signal, includeOk: verbose, explain: !quiet }), r => ({
        Cid: enc(r.cid),
        ...(r.ok ? { Ok: true } : {}),
        ...(r.badNodes != null ? { BadNodes: r.badNodes.map(b => ({ Cid: enc(b.cid), Err: b.error })) } : {})
      }))
    }
  }
}

/** The local pins of each path; a path not pinned here lists nothing */
async function * pinnedHere (api: CairnApi, paths: string[], options: PinLsApiOptions): AsyncGenerator<PinEntry> {
  for (const path of paths) {
    try {
      yield * api.pin.ls({ ...options, paths: [path] })
    } catch (err) {
      if (!hasCode(err, 'ERR_NOT_PINNED')) throw err
    }
  }
}

/** The CID each path names, whether pinned here or not (what the services are asked about) */
async function pathCids (api: CairnApi, paths: string[], signal: AbortSignal): Promise<string[]> {
  return Promise.all(paths.map(async p => (await api.resolve(p.startsWith('/') ? p : `/ipfs/${p}`, { signal })).split('/')[2]))
}
