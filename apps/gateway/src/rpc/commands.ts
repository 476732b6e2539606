import { base64url } from 'multiformats/bases/base64'
import { InvalidParametersError, NotFoundError } from '@cairn/interface'
import type { AddOptions, CairnApi, EntryType, ImportCandidate } from '@cairn/interface'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CID } from 'multiformats/cid'
import { MalformedRequestError } from '../errors.ts'
import { tarStream } from '../tar.ts'
import type { Args, CommandSpec } from './args.ts'
import { multipartParts, readPart } from './multipart.ts'
import type { MultipartLimits } from './multipart.ts'
import { endStream, sendBytes, sendJson, sendNdjson, startStream, write } from './output.ts'

export interface RpcContext {
  api: CairnApi
  args: Args
  req: IncomingMessage
  res: ServerResponse
  signal: AbortSignal
  limits: MultipartLimits & { maxBlockBytes: number }
}

export interface Command extends CommandSpec {
  run(ctx: RpcContext): Promise<void>
}

/** Kubo's UnixFS type numbers in `ls` output */
const UNIXFS_TYPE: Record<EntryType, number> = { raw: 0, directory: 1, file: 2, symlink: 4, object: 0 }

const ADD_CID_VERSIONS = new Set(['0', '1'])

/** Kubo sends pubsub topics as multibase (`u` + base64url) so any bytes survive a URL */
function decodeMultibaseText (text: string, what: string): string {
  if (!text.startsWith('u')) throw new InvalidParametersError(`${what} must be multibase-encoded (base64url, "u" prefix)`)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(text))
  } catch (err) {
    throw new InvalidParametersError(`${what} is not valid multibase base64url`, { cause: err })
  }
}

const encodeMultibase = (bytes: Uint8Array): string => base64url.encode(bytes)
const encodeText = (text: string): string => encodeMultibase(new TextEncoder().encode(text))

function bigintBytes (n: bigint): Uint8Array {
  const hex = n.toString(16).padStart(16, '0')
  return Uint8Array.from(hex.match(/../g)!.map(h => parseInt(h, 16)))
}

function addOptions (a: Args, signal: AbortSignal): AddOptions {
  const cidVersion = a.string('cid-version')
  if (cidVersion != null && !ADD_CID_VERSIONS.has(cidVersion)) throw new InvalidParametersError(`unsupported cid-version "${cidVersion.slice(0, 10)}"`)
  const hash = a.string('hash')
  if (hash != null && hash !== 'sha2-256') throw new InvalidParametersError(`unsupported hash "${hash.slice(0, 30)}": only sha2-256`)
  const inlineLimit = a.int('inline-limit')
  if (inlineLimit != null && (inlineLimit < 0 || inlineLimit > 127)) throw new InvalidParametersError('inline-limit must be between 0 and 127')
  const maxLinks = a.int('max-file-links')
  if (maxLinks != null && (maxLinks < 2 || maxLinks > 65536)) throw new InvalidParametersError('max-file-links must be between 2 and 65536')
  const chunker = a.string('chunker')
  if (chunker != null && !/^(size-\d+|rabin(-\d+){0,3}|buzhash)$/.test(chunker)) throw new InvalidParametersError(`invalid chunker "${chunker.slice(0, 50)}"`)
  const opts: AddOptions = { signal }
  if (cidVersion != null) opts.cidVersion = Number(cidVersion) as 0 | 1
  const set = <K extends keyof AddOptions>(key: K, value: AddOptions[K] | undefined): void => { if (value != null) opts[key] = value }
  set('rawLeaves', a.bool('raw-leaves'))
  set('chunker', chunker)
  set('trickle', a.bool('trickle'))
  set('wrapWithDirectory', a.bool('wrap-with-directory'))
  set('hidden', a.bool('hidden'))
  set('onlyHash', a.bool('only-hash'))
  set('pin', a.bool('pin'))
  set('inline', a.bool('inline'))
  set('inlineLimit', inlineLimit)
  set('maxLinks', maxLinks)
  return opts
}

function pathArg (a: Args): string {
  const p = a.args[0]
  if (p.trim() === '') throw new InvalidParametersError('argument "arg" is empty')
  return p
}

const cidJson = (cid: CID): { '/': string } => ({ '/': cid.toString() })

export const commands: Record<string, Command> = {
  id: {
    args: [0, 1],
    options: { format: 'string', 'peerid-base': 'string' },
    async run ({ api, args, res, signal }) {
      const id = await api.id({ signal })
      if (args.args[0] != null && args.args[0] !== id.id) throw new InvalidParametersError('looking up other peers is not supported')
      sendJson(res, { ID: id.id, PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, ProtocolVersion: id.protocolVersion, Protocols: id.protocols })
    }
  },

  version: {
    args: [0, 0],
    options: { number: 'bool', commit: 'bool', repo: 'bool', all: 'bool' },
    async run ({ api, res, signal }) {
      const v = await api.version({ signal })
      sendJson(res, { Version: v.version, Commit: v.commit, Repo: v.repo, System: v.system, Golang: '' })
    }
  },

  add: {
    args: [0, 0],
    options: {
      quiet: 'bool', quieter: 'bool', silent: 'bool', progress: 'bool', trickle: 'bool', 'only-hash': 'bool',
      'wrap-with-directory': 'bool', chunker: 'string', pin: 'bool', 'raw-leaves': 'bool', nocopy: 'bool',
      fscache: 'bool', 'cid-version': 'int', hash: 'string', inline: 'bool', 'inline-limit': 'int', hidden: 'bool',
      'max-file-links': 'int', 'preserve-mode': 'bool', 'preserve-mtime': 'bool', mode: 'string', mtime: 'int',
      'mtime-nsecs': 'int', 'to-files': 'string', 'pin-name': 'string', recursive: 'bool', 'dereference-args': 'bool',
      'stdin-name': 'string', 'wrap': 'bool'
    },
    async run ({ api, args, req, res, signal, limits }) {
      const options = addOptions(args, signal)
      const progress = args.bool('progress') === true
      const quiet = args.bool('quiet') === true || args.bool('quieter') === true
      if (args.string('to-files') != null || args.bool('nocopy') === true) throw new InvalidParametersError('to-files and nocopy are not supported')
      const parts = multipartParts(req, limits)
      async function * candidates (): AsyncGenerator<ImportCandidate> {
        let count = 0
        for await (const part of parts) {
          count++
          const candidate: ImportCandidate = { path: part.path }
          if (part.mode != null) candidate.mode = part.mode
          if (part.mtime != null) candidate.mtime = part.mtime
          if (part.kind === 'file') candidate.content = part.content
          if (part.kind === 'symlink') candidate.symlinkTarget = new TextDecoder().decode(await readPart(part, 4096))
          yield candidate
        }
        if (count === 0) throw new InvalidParametersError('no files in the request')
      }
      if (progress) {
        // progress lines interleave with results, so the stream starts before any result
        startStream(res, 'application/json; charset=utf-8', true)
        options.onProgress = (bytes, path) => { res.write(JSON.stringify({ Name: path, Bytes: bytes }) + '\n') }
        try {
          for await (const r of api.add(candidates(), options)) {
            await write(res, JSON.stringify({ Name: r.path, Hash: r.cid.toString(), Size: String(r.size) }) + '\n')
          }
        } catch (err) {
          endStream(res, err)
          return
        }
        endStream(res)
        return
      }
      await sendNdjson(res, api.add(candidates(), options), r =>
        quiet ? { Hash: r.cid.toString() } : { Name: r.path, Hash: r.cid.toString(), Size: String(r.size) })
    }
  },

  cat: {
    args: [1, 1],
    options: { offset: 'int', length: 'int', progress: 'bool' },
    async run ({ api, args, res, signal }) {
      const offset = args.int('offset')
      const length = args.int('length')
      if ((offset != null && offset < 0) || (length != null && length < 0)) throw new InvalidParametersError('offset and length must not be negative')
      await sendBytes(res, api.cat(pathArg(args), { signal, offset, length }), 'text/plain')
    }
  },

  get: {
    args: [1, 1],
    options: { output: 'string', archive: 'bool', compress: 'bool', 'compression-level': 'int', progress: 'bool' },
    async run ({ api, args, res, signal }) {
      if (args.bool('compress') === true) throw new InvalidParametersError('compress is not supported')
      await sendBytes(res, tarStream(api.get(pathArg(args), { signal })), 'application/x-tar')
    }
  },

  ls: {
    args: [1, 64],
    options: { headers: 'bool', 'resolve-type': 'bool', size: 'bool', stream: 'bool', long: 'bool' },
    async run ({ api, args, res, signal }) {
      const objects = []
      for (const path of args.args) {
        const links = []
        try {
          for await (const e of api.ls(path, { signal })) {
            links.push({ Name: e.name, Hash: e.cid.toString(), Size: e.size, Type: UNIXFS_TYPE[e.type] ?? 0, Target: '' })
          }
        } catch (err) {
          // Kubo lists a file as an object without links
          if ((err as Error)?.name !== 'NotADirectoryError' && (err as Error)?.name !== 'NotAFileError') throw err
        }
        objects.push({ Hash: path, Links: links })
      }
      sendJson(res, { Objects: objects })
    }
  },

  'files/stat': {
    args: [1, 1],
    options: { format: 'string', hash: 'bool', size: 'bool', 'with-local': 'bool' },
    async run ({ api, args, res, signal }) {
      const path = args.args[0]
      // only immutable paths: there is no MFS here
      if (!path.startsWith('/ipfs/')) throw new InvalidParametersError('only /ipfs/ paths are supported (no MFS)')
      const s = await api.stat(path, { signal })
      sendJson(res, { Hash: s.cid.toString(), Size: s.size, CumulativeSize: s.cumulativeSize, Blocks: s.blocks, Type: s.type === 'directory' ? 'directory' : s.type === 'symlink' ? 'symlink' : 'file' })
    }
  },

  'pin/add': {
    args: [1, 64],
    options: { recursive: 'bool', progress: 'bool', name: 'string', stream: 'bool', metadata: 'string' },
    async run ({ api, args, res, signal }) {
      const recursive = args.bool('recursive') ?? true
      if (args.bool('progress') === true) {
        startStream(res, 'application/json; charset=utf-8', true)
        try {
          const pins: string[] = []
          for (const path of args.args) {
            const cids = await api.pin.add(path, { signal, recursive, onProgress: n => { res.write(JSON.stringify({ Progress: n }) + '\n') } })
            pins.push(...cids.map(c => c.toString()))
          }
          await write(res, JSON.stringify({ Pins: pins }) + '\n')
        } catch (err) {
          endStream(res, err)
          return
        }
        endStream(res)
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
        await sendNdjson(res, source, p => ({ Cid: p.cid.toString(), Type: p.type, Name: '' }))
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
  },

  'block/get': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      const bytes = await api.block.get(args.args[0], { signal })
      res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Stream-Output': '1', 'Content-Length': String(bytes.length) })
      res.end(bytes)
    }
  },

  'block/put': {
    args: [0, 0],
    options: { 'cid-codec': 'string', mhtype: 'string', mhlen: 'int', pin: 'bool', format: 'string', 'allow-big-block': 'bool', 'cid-version': 'int', version: 'int' },
    async run ({ api, args, req, res, signal, limits }) {
      const format = args.string('format')
      const legacy: Record<string, 'raw' | 'dag-pb' | 'dag-cbor' | 'dag-json'> = { v0: 'dag-pb', protobuf: 'dag-pb', cbor: 'dag-cbor', 'dag-pb': 'dag-pb', 'dag-cbor': 'dag-cbor', 'dag-json': 'dag-json', raw: 'raw' }
      const codec = args.string('cid-codec') ?? (format != null ? legacy[format] : undefined) ?? 'raw'
      if (!['raw', 'dag-pb', 'dag-cbor', 'dag-json'].includes(codec)) throw new InvalidParametersError(`unsupported cid-codec "${codec.slice(0, 30)}"`)
      const mhtype = args.string('mhtype') ?? 'sha2-256'
      if (mhtype !== 'sha2-256') throw new InvalidParametersError(`unsupported mhtype "${mhtype.slice(0, 30)}"`)
      const max = args.bool('allow-big-block') === true ? limits.maxPartBytes : limits.maxBlockBytes
      const blocks: Uint8Array[] = []
      for await (const part of multipartParts(req, { ...limits, maxPartBytes: max })) {
        if (part.kind !== 'file') throw new MalformedRequestError('block/put takes file parts only')
        blocks.push(await readPart(part, max))
      }
      if (blocks.length === 0) throw new InvalidParametersError('no block data in the request')
      // every part was read and checked before anything is stored
      const results: Array<{ Key: string, Size: number }> = []
      for (const bytes of blocks) {
        const cid = await api.block.put(bytes, { signal, cidCodec: codec as 'raw', mhtype, pin: args.bool('pin') ?? false })
        results.push({ Key: cid.toString(), Size: bytes.length })
      }
      // kubo-rpc-client reads one JSON value; several blocks are several NDJSON lines, as Kubo
      if (results.length === 1) sendJson(res, results[0])
      else await sendNdjson(res, results, r => r)
    }
  },

  'block/stat': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      const s = await api.block.stat(args.args[0], { signal })
      sendJson(res, { Key: s.cid.toString(), Size: s.size })
    }
  },

  'block/rm': {
    args: [1, 1024],
    options: { force: 'bool', quiet: 'bool' },
    async run ({ api, args, res, signal }) {
      const quiet = args.bool('quiet') === true
      const results = []
      for await (const r of api.block.rm(args.args, { signal, force: args.bool('force') ?? false })) {
        if (quiet && r.error == null) continue
        results.push({ Hash: r.cid.toString(), ...(r.error != null ? { Error: r.error } : {}) })
      }
      await sendNdjson(res, results, r => r)
    }
  },

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
  },

  'repo/gc': {
    args: [0, 0],
    options: { 'stream-errors': 'bool', quiet: 'bool', silent: 'bool' },
    async run ({ api, args, res, signal }) {
      const silent = args.bool('silent') === true
      const results = []
      for await (const r of api.repo.gc({ signal })) {
        if (silent) continue
        results.push(r.error != null ? { Error: r.error } : { Key: cidJson(r.cid!) })
      }
      await sendNdjson(res, results, r => r)
    }
  },

  'repo/stat': {
    args: [0, 0],
    options: { 'size-only': 'bool', human: 'bool' },
    async run ({ api, res, signal }) {
      const s = await api.repo.stat({ signal })
      sendJson(res, { RepoSize: s.repoSize, StorageMax: s.storageMax, NumObjects: s.numObjects, RepoPath: s.repoPath, Version: s.version })
    }
  },

  'repo/verify': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      await sendNdjson(res, api.repo.verify({ signal }), v => ({ Msg: v.msg, Progress: v.progress ?? 0 }))
    }
  },

  'swarm/peers': {
    args: [0, 0],
    options: { verbose: 'bool', streams: 'bool', latency: 'bool', direction: 'bool', identify: 'bool' },
    async run ({ api, args, res, signal }) {
      const peers = await api.swarm.peers({ signal })
      const direction = args.bool('direction') === true || args.bool('verbose') === true
      sendJson(res, {
        Peers: peers.map(p => ({
          Addr: p.addr,
          Peer: p.peer,
          Latency: p.latency ?? '',
          Muxer: '',
          // Kubo's network.Direction: 1 inbound, 2 outbound
          ...(direction && p.direction != null ? { Direction: p.direction === 'inbound' ? 1 : 2 } : {}),
          Streams: null
        }))
      })
    }
  },

  'swarm/connect': {
    args: [1, 64],
    async run ({ api, args, res, signal }) {
      const strings: string[] = []
      for (const addr of args.args) {
        await api.swarm.connect(addr, { signal })
        strings.push(`connect ${addr.split('/p2p/').at(-1) ?? addr} success`)
      }
      sendJson(res, { Strings: strings })
    }
  },

  'swarm/addrs': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      const addrs: Record<string, string[]> = {}
      for (const { id, addrs: a } of await api.swarm.addrs({ signal })) addrs[id] = a
      sendJson(res, { Addrs: addrs })
    }
  },

  'swarm/addrs/local': {
    args: [0, 0],
    options: { id: 'bool' },
    async run ({ api, res, signal }) {
      sendJson(res, { Strings: await api.swarm.localAddrs({ signal }) })
    }
  },

  'routing/findprovs': {
    args: [1, 1],
    options: { 'num-providers': 'int', verbose: 'bool' },
    async run ({ api, args, res, signal }) {
      const n = args.int('num-providers') ?? 20
      if (n < 1) throw new InvalidParametersError('num-providers must be at least 1')
      // Kubo's routing event type 4 is "provider"
      await sendNdjson(res, api.routing.findProvs(args.args[0], { signal, numProviders: n }), p =>
        ({ Extra: '', ID: '', Responses: [{ ID: p.id, Addrs: p.addrs }], Type: 4 }))
    }
  },

  'routing/provide': {
    args: [1, 1024],
    options: { recursive: 'bool', verbose: 'bool' },
    async run ({ api, args, res, signal }) {
      await api.routing.provide(args.args, { signal, recursive: args.bool('recursive') ?? false })
      await sendNdjson(res, [], l => l)
    }
  },

  'pubsub/pub': {
    args: [1, 1],
    async run ({ api, args, req, res, signal, limits }) {
      const topic = decodeMultibaseText(args.args[0], 'topic')
      const messages: Uint8Array[] = []
      for await (const part of multipartParts(req, { ...limits, maxPartBytes: limits.maxBlockBytes })) {
        messages.push(await readPart(part, limits.maxBlockBytes))
      }
      if (messages.length === 0) throw new InvalidParametersError('no message data in the request')
      for (const m of messages) await api.pubsub.publish(topic, m, { signal })
      res.writeHead(200, { 'Content-Length': '0' })
      res.end()
    }
  },

  'pubsub/sub': {
    args: [1, 1],
    options: { discover: 'bool', 'on-error': 'string' },
    async run ({ api, args, res, signal }) {
      const topic = decodeMultibaseText(args.args[0], 'topic')
      startStream(res, 'application/json; charset=utf-8', true)
      // kubo-rpc-client resolves subscribe() when the headers arrive: send them now
      res.flushHeaders()
      await new Promise<void>((resolve, reject) => {
        const handler = (m: { from: string, topic: string, data: Uint8Array, sequenceNumber?: bigint }): void => {
          res.write(JSON.stringify({
            from: m.from,
            data: encodeMultibase(m.data),
            seqno: encodeMultibase(bigintBytes(m.sequenceNumber ?? 0n)),
            topicIDs: [encodeText(m.topic)]
          }) + '\n')
        }
        signal.addEventListener('abort', () => {
          api.pubsub.unsubscribe(topic, handler).catch(() => {}).finally(resolve)
        }, { once: true })
        api.pubsub.subscribe(topic, handler, { signal }).catch(reject)
      })
      if (!res.destroyed) endStream(res)
    }
  },

  'pubsub/ls': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Strings: (await api.pubsub.ls({ signal })).map(encodeText) })
    }
  },

  'pubsub/peers': {
    args: [0, 1],
    async run ({ api, args, res, signal }) {
      const topic = args.args[0] != null ? decodeMultibaseText(args.args[0], 'topic') : ''
      sendJson(res, { Strings: await api.pubsub.peers(topic, { signal }) })
    }
  },

  'stats/bw': {
    args: [0, 0],
    options: { peer: 'string', proto: 'string', poll: 'bool', interval: 'string' },
    async run ({ api, args, res, signal }) {
      if (args.bool('poll') === true) throw new InvalidParametersError('poll is not supported')
      const bw = await api.stats.bw({ signal })
      await sendNdjson(res, [bw], b => ({ TotalIn: Number(b.totalIn), TotalOut: Number(b.totalOut), RateIn: b.rateIn, RateOut: b.rateOut }))
    }
  },

  config: {
    args: [1, 2],
    options: { bool: 'bool', json: 'bool' },
    async run ({ api, args, res, signal }) {
      const [key, raw] = args.args
      if (raw == null) {
        const value = await api.config.get(key, { signal })
        if (value === undefined) throw new NotFoundError(`config key "${key.slice(0, 100)}" has no value`)
        sendJson(res, { Key: key, Value: value })
        return
      }
      let value: unknown = raw
      if (args.bool('json') === true) {
        try {
          value = JSON.parse(raw)
        } catch (err) {
          throw new InvalidParametersError('value is not valid JSON', { cause: err })
        }
      } else if (args.bool('bool') === true) {
        if (raw !== 'true' && raw !== 'false') throw new InvalidParametersError('value must be true or false')
        value = raw === 'true'
      }
      await api.config.set(key, value, { signal })
      sendJson(res, { Key: key, Value: value })
    }
  },

  'config/show': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, await api.config.show({ signal }))
    }
  },

  bootstrap: {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.list({ signal }) })
    }
  },

  'bootstrap/list': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.list({ signal }) })
    }
  },

  'bootstrap/add': {
    args: [0, 64],
    options: { default: 'bool' },
    async run ({ api, args, res, signal }) {
      const useDefault = args.bool('default') === true
      if (!useDefault && args.args.length === 0) throw new InvalidParametersError('argument "arg" is required')
      sendJson(res, { Peers: await api.bootstrap.add(args.args, { signal, default: useDefault }) })
    }
  },

  'bootstrap/add/default': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.add([], { signal, default: true }) })
    }
  },

  'bootstrap/rm': {
    args: [0, 64],
    options: { all: 'bool' },
    async run ({ api, args, res, signal }) {
      const all = args.bool('all') === true
      if (!all && args.args.length === 0) throw new InvalidParametersError('argument "arg" is required')
      sendJson(res, { Peers: await api.bootstrap.rm(args.args, { signal, all }) })
    }
  },

  'bootstrap/rm/all': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, { Peers: await api.bootstrap.rm([], { signal, all: true }) })
    }
  }
}

