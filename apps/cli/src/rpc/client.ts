/**
 * `CairnApi` over a daemon's Kubo-compatible `/api/v0`: each method one RPC call with Kubo's
 * parameters, its answer mapped from Kubo's JSON shapes. Written on `node:http` rather than on
 * `kubo-rpc-client` (which the gateway's tests drive against the same server): that client loads
 * half of libp2p (keys, peer ids, multiaddrs) into every command and cannot read the `X-Stream-Error`
 * trailer, so errors after an answer had started were lost.
 */
import type {
  AddOptions, AddResult, BandwidthStats, BitswapStats, BlockRmResult, CairnApi, CairnConfig, DagImportResult, EntryType, GcResult, LsOptions,
  GetEntry, IdResult, ImportCandidate, LsEntry, PeerInfo, PinEntry, PinType, PinVerifyResult, ProviderInfo, RefEdge, PubsubMessage,
  RepoStats, StatResult, VersionResult
} from '@cairn/interface'
import { InvalidCidError, InvalidParametersError } from '@cairn/interface'
import { createRequire } from 'node:module'
import type { CID } from 'multiformats/cid'
import type * as CidModule from 'multiformats/cid'
import { DEFAULT_RPC_JSON_BYTES_MAX, DEFAULT_RPC_MAX_SOCKETS } from '../constants.ts'
import { DaemonUnreachableError, RemoteError } from '../errors.ts'
import { multiaddrToUrl } from '../multiaddr.ts'
import { multipartBody, multipartContentType, multipartFile, newBoundary } from './multipart.ts'
import { createNameApis } from './names.ts'
import { readNdjson } from './ndjson.ts'
import { remoteError } from './errors.ts'
import { rpcBitswapApi, rpcPing, rpcRoutingParts, rpcShutdown, rpcStatsParts, rpcSwarmParts } from './network.ts'
import { rpcLogTail } from './admin.ts'
import { createTransport } from './transport.ts'
import { createFilesClient } from './files.ts'
import { rpcRemotePinApi } from './pin-remote.ts'
import type { Params } from './transport.ts'

export interface RpcApiInit {
  /** The daemon's RPC address: a multiaddr (the repo's `api` file) or an http URL */
  address: string
  /** Bearer token or other `Authorization` header value, for daemons that require one */
  authorization?: string
  /** @default DEFAULT_RPC_MAX_SOCKETS */
  maxSockets?: number
  /** Largest JSON answer or NDJSON line read @default DEFAULT_RPC_JSON_BYTES_MAX */
  maxJsonBytes?: number
}

/** A `CairnApi` that also owns sockets, released by `close()` */
export interface RpcApi extends CairnApi {
  /** The base URL requests go to, for messages */
  readonly url: string
  close(): Promise<void>
}

let cidModule: typeof CidModule | undefined
/** multiformats' CID, loaded with the first answer that carries one (`id`, `cat` never do) */
const parseCid = (text: string): CID =>
  (cidModule ??= createRequire(import.meta.url)('multiformats/cid') as typeof CidModule).CID.parse(text)

/** `/ipfs/<cid>/a` → `<cid>/a`, and CIDs to strings */
function toPathString (path: string | CID): string {
  const s = path.toString()
  return s.startsWith('/ipfs/') ? s.slice('/ipfs/'.length) : s
}

function toCid (cid: string | CID): CID {
  if (typeof cid !== 'string') return cid
  try {
    return parseCid(cid.startsWith('/ipfs/') ? cid.slice('/ipfs/'.length) : cid)
  } catch (err) {
    throw new InvalidCidError(`invalid CID '${cid}': ${(err as Error).message}`, { cause: err })
  }
}

/** `{"/": "bafy..."}` or a plain string, as Kubo writes CIDs in JSON */
const cidOf = (value: unknown): CID => parseCid(typeof value === 'string' ? value : String((value as { '/'?: unknown })?.['/']))

/** Kubo sends pubsub topics and data as multibase base64url (`u` prefix) */
const toMultibase = (bytes: Uint8Array): string => `u${Buffer.from(bytes).toString('base64url')}`
const fromMultibase = (text: string): Uint8Array => text.startsWith('u') ? new Uint8Array(Buffer.from(text.slice(1), 'base64url')) : new TextEncoder().encode(text)
const textFromMultibase = (text: string): string => new TextDecoder().decode(fromMultibase(text))

/** Kubo's unixfs.pb type numbers in `ls` answers */
const LS_TYPES: Record<number, EntryType> = { 0: 'raw', 1: 'directory', 2: 'file', 3: 'file', 4: 'symlink', 5: 'directory' }

interface KuboLink { Name: string, Hash: string, Size: number, Type: number }

/** `cidVersion` → `cid-version`: Kubo's flag names */
const kebab = (key: string): string => key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)

export function createRpcApi (init: RpcApiInit): RpcApi {
  const url = init.address.startsWith('/') ? multiaddrToUrl(init.address) : init.address.replace(/\/+$/, '')
  const rpc = createTransport({
    url,
    headers: init.authorization != null ? { Authorization: init.authorization } : {},
    maxSockets: init.maxSockets ?? DEFAULT_RPC_MAX_SOCKETS,
    maxJsonBytes: init.maxJsonBytes ?? DEFAULT_RPC_JSON_BYTES_MAX
  })
  const maxLineBytes = init.maxJsonBytes ?? DEFAULT_RPC_JSON_BYTES_MAX

  /** Live `pubsub/sub` requests by topic, ended by `unsubscribe` */
  const subscriptions = new Map<string, Set<AbortController>>()

  async function * ls (path: string | CID, options: LsOptions = {}): AsyncGenerator<LsEntry> {
    const base = toPathString(path)
    const resolve = options.resolveChildren !== false
    const params = { stream: true, 'resolve-type': resolve, size: resolve }
    for await (const answer of rpc.ndjson('ls', { args: [base], params, signal: options.signal })) {
      for (const object of (answer.Objects ?? []) as Array<{ Links?: KuboLink[] }>) {
        for (const link of object.Links ?? []) {
          // type 0 from a listing that read no child: a dag-pb child of unknown type
          const type = !resolve && link.Type === 0 ? 'unknown' : LS_TYPES[link.Type] ?? 'file'
          yield { name: link.Name, path: `${base}/${link.Name}`, cid: parseCid(link.Hash), size: Number(link.Size), type }
        }
      }
    }
  }

  const stat = async (path: string | CID, options: { signal?: AbortSignal } = {}): Promise<StatResult> => {
    const s = await rpc.json('files/stat', { args: [`/ipfs/${toPathString(path)}`], signal: options.signal })
    const type: EntryType = s.Type === 'directory' ? 'directory' : s.Type === 'symlink' ? 'symlink' : 'file'
    // Kubo's files/stat counts the root's links; CairnApi.stat counts the DAG's blocks (and so
    // checks the whole DAG is there before `get` writes anything), which dag/stat tells
    const dag = await rpc.json('dag/stat', { args: [String(s.Hash)], params: { progress: false }, signal: options.signal })
    const blocks = Number((dag?.DagStats?.[0] ?? dag)?.NumBlocks ?? s.Blocks)
    return { cid: parseCid(s.Hash), type, size: Number(s.Size), cumulativeSize: Number(s.CumulativeSize), blocks }
  }

  // the tar stream of `get` carries names, not CIDs: each entry's CID comes from its parent's listing
  async function * get (path: string | CID, options: { signal?: AbortSignal } = {}): AsyncGenerator<GetEntry> {
    const { extract } = await import('it-tar')
    const { posix } = await import('node:path')
    const base = toPathString(path)
    const rootCid = (await stat(base, options)).cid
    const listings = new Map<string, Map<string, CID>>()
    const entryCid = async (rel: string): Promise<CID> => {
      if (rel === '') return rootCid
      const parent = posix.dirname(rel) === '.' ? '' : posix.dirname(rel)
      let listing = listings.get(parent)
      if (listing == null) {
        listing = new Map()
        for await (const e of ls(parent === '' ? base : `${base}/${parent}`, options)) listing.set(e.name, e.cid)
        listings.set(parent, listing)
      }
      const cid = listing.get(posix.basename(rel))
      if (cid == null) throw new RemoteError(`the daemon sent '${rel}', which is not in the DAG at ${base}`)
      return cid
    }
    for await (const entry of extract()(rpc.bytes('get', { args: [base], signal: options.signal }))) {
      const name = entry.header.name.replace(/\/+$/, '')
      const rel = name.split('/').slice(1).join('/')
      const type = entry.header.type === 'directory' ? 'directory' : entry.header.type === 'symlink' ? 'symlink' : 'file'
      const mtime = entry.header.mtime instanceof Date && entry.header.mtime.getTime() > 0
        ? { secs: BigInt(Math.floor(entry.header.mtime.getTime() / 1000)) }
        : undefined
      const out: GetEntry = { path: name, type, cid: await entryCid(rel), mode: entry.header.mode, mtime }
      if (type === 'file') {
        out.size = entry.header.size
        out.content = (async function * () {
          for await (const list of entry.body) yield list.subarray()
        })()
      } else if (type === 'symlink') {
        out.symlinkTarget = entry.header.linkname
      }
      yield out
      // the tar stream only moves on once this entry's body is drained
      if (out.content != null) for await (const _ of out.content) {}
      else for await (const _ of entry.body) {}
    }
  }

  /** Kubo's `add`: a multipart upload with one part per entry, NDJSON results and progress back */
  async function * add (source: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>, options: AddOptions = {}): AsyncGenerator<AddResult> {
    const { onProgress, profile, maxLinks, signal, ...flags } = options
    const params: Params = { 'stream-channels': true, progress: onProgress != null }
    for (const [key, value] of Object.entries(flags)) if (value != null) params[kebab(key)] = String(value)
    if (maxLinks != null) params['max-file-links'] = maxLinks
    if (profile != null) throw new InvalidParametersError('import profiles are not an RPC option: use cid-version, raw-leaves and chunker')
    const boundary = newBoundary()
    const answers = rpc.ndjson('add', { params, body: multipartBody(source, boundary), contentType: multipartContentType(boundary), signal })
    for await (const m of answers) {
      if (m.Hash != null) yield { cid: parseCid(m.Hash), path: m.Name ?? '', size: Number(m.Size ?? 0) }
      else if (m.Bytes != null) onProgress?.(Number(m.Bytes), String(m.Name ?? ''))
    }
  }

  const subscribe = async (topic: string, handler: (message: PubsubMessage) => void, options: { signal?: AbortSignal, onError?: (err: Error) => void } = {}): Promise<void> => {
    const controller = new AbortController()
    const signal = options.signal != null ? AbortSignal.any([options.signal, controller.signal]) : controller.signal
    // resolves once the daemon has answered with headers: from then on the subscription is live
    const res = await rpc.open('pubsub/sub', { args: [toMultibase(new TextEncoder().encode(topic))], signal })
    let set = subscriptions.get(topic)
    if (set == null) subscriptions.set(topic, set = new Set())
    set.add(controller)
    void (async () => {
      try {
        for await (const m of readNdjson(rpc.body(res), { maxLineBytes })) {
          const message: PubsubMessage = { from: String(m.from ?? ''), topic: textFromMultibase(String(m.topicIDs?.[0] ?? '')) || topic, data: fromMultibase(String(m.data ?? '')) }
          if (typeof m.seqno === 'string' && m.seqno !== '') message.sequenceNumber = BigInt(`0x${Buffer.from(fromMultibase(m.seqno)).toString('hex') || '0'}`)
          handler(message)
        }
        if (!signal.aborted) throw new RemoteError('the daemon ended the subscription')
      } catch (err) {
        if (signal.aborted) return
        options.onError?.(new DaemonUnreachableError(`the daemon ended the subscription: ${(err as Error).message}`, { cause: err }))
      } finally {
        set.delete(controller)
      }
    })()
  }

  const api: RpcApi = {
    url,
    async close () {
      for (const set of subscriptions.values()) for (const c of set) c.abort()
      rpc.close()
    },

    id: async (options) => {
      const r = await rpc.json('id', { signal: options?.signal, ...(options?.peerId != null ? { args: [options.peerId] } : {}) })
      const result: IdResult = {
        id: String(r.ID),
        publicKey: String(r.PublicKey ?? ''),
        addresses: (r.Addresses ?? []).map(String),
        agentVersion: String(r.AgentVersion ?? ''),
        protocolVersion: String(r.ProtocolVersion ?? ''),
        protocols: (r.Protocols ?? []).map(String),
        ...(['Public', 'Private', 'Unknown'].includes(r.Reachability) ? { reachability: r.Reachability } : {})
      }
      return result
    },

    version: async (options) => {
      const r = await rpc.json('version', { signal: options?.signal })
      const result: VersionResult = { version: String(r.Version), commit: String(r.Commit ?? ''), repo: String(r.Repo ?? ''), system: String(r.System ?? '') }
      return result
    },

    add,
    files: createFilesClient(rpc, parseCid),
    cat: (path, options = {}) => rpc.bytes('cat', { args: [toPathString(path)], params: { offset: options.offset, length: options.length }, signal: options.signal }),
    get,
    ls,
    stat,

    // edges travel as `<src>\t<dst>\t<linkname>` (Kubo's --format), the name last as it may hold anything
    refs: async function * (paths, options = {}): AsyncGenerator<RefEdge> {
      const params = { recursive: options.recursive, unique: options.unique, 'max-depth': options.maxDepth, format: '<src>\t<dst>\t<linkname>' }
      for await (const r of rpc.ndjson('refs', { args: paths.map(p => p.toString()), params, signal: options.signal })) {
        if (typeof r.Err === 'string' && r.Err !== '') throw remoteError(r.Err)
        const text = String(r.Ref)
        const first = text.indexOf('\t')
        const second = text.indexOf('\t', first + 1)
        yield { src: parseCid(text.slice(0, first)), dst: parseCid(text.slice(first + 1, second)), linkName: text.slice(second + 1) }
      }
    },
    refsLocal: async function * (options = {}): AsyncGenerator<CID> {
      for await (const r of rpc.ndjson('refs/local', { signal: options.signal })) yield parseCid(String(r.Ref))
    },

    pin: {
      add: async (path, options = {}) => {
        const params = { recursive: options.recursive, name: options.name, replicas: options.replicas }
        if (options.onProgress == null) {
          const r = await rpc.json('pin/add', { args: [toPathString(path)], params, signal: options.signal })
          return (r.Pins ?? []).map((p: unknown) => cidOf(p))
        }
        // Kubo's progress stream: {"Progress","Bytes"} lines, then {"Pins"}
        for await (const r of rpc.ndjson('pin/add', { args: [toPathString(path)], params: { ...params, progress: true }, signal: options.signal })) {
          if (r.Pins != null) return r.Pins.map((p: unknown) => cidOf(p))
          if (r.Progress != null) options.onProgress(Number(r.Progress), Number(r.Bytes ?? 0))
        }
        throw new RemoteError('the pin/add progress stream ended without its Pins line')
      },
      rm: async (path, options = {}) => {
        const r = await rpc.json('pin/rm', { args: [toPathString(path)], params: { recursive: options.recursive }, signal: options.signal })
        return (r.Pins ?? []).map((p: unknown) => cidOf(p))
      },
      ls: async function * (options = {}): AsyncGenerator<PinEntry> {
        // sent as given: Kubo's "path '…' is not pinned" names the argument itself
        const args = options.paths?.map(p => p.toString()) ?? []
        const params = { type: options.type ?? 'all', stream: true, names: true, name: options.name }
        for await (const p of rpc.ndjson('pin/ls', { args, params, signal: options.signal })) {
          // Kubo: "indirect through <cid>"
          const [kind, , via] = String(p.Type).split(' ')
          const entry: PinEntry = { cid: cidOf(p.Cid), type: kind as PinType }
          if (via != null) entry.via = parseCid(via)
          if (typeof p.Name === 'string' && p.Name !== '') entry.name = p.Name
          yield entry
        }
      },
      verify: async function * (options = {}): AsyncGenerator<PinVerifyResult> {
        const params = { verbose: options.includeOk === true, quiet: options.explain === false }
        for await (const r of rpc.ndjson('pin/verify', { params, signal: options.signal })) {
          const result: PinVerifyResult = { cid: cidOf(r.Cid), ok: r.Ok === true }
          if (Array.isArray(r.BadNodes)) result.badNodes = r.BadNodes.map((b: { Cid: unknown, Err: unknown }) => ({ cid: cidOf(b.Cid), error: String(b.Err) }))
          yield result
        }
      },
      update: async (from, to, options = {}) => {
        const r = await rpc.json('pin/update', { args: [toPathString(from), toPathString(to)], params: { unpin: options.unpin }, signal: options.signal })
        return (r.Pins ?? []).map((p: unknown) => cidOf(p))
      },
      remote: rpcRemotePinApi(rpc)
    },

    block: {
      get: async (cid, options) => {
        const chunks: Uint8Array[] = []
        for await (const chunk of rpc.bytes('block/get', { args: [cid.toString()], signal: options?.signal })) chunks.push(chunk)
        return new Uint8Array(Buffer.concat(chunks))
      },
      put: async (bytes, options = {}) => {
        const boundary = newBoundary()
        const r = await rpc.json('block/put', {
          params: { 'cid-codec': options.cidCodec, mhtype: options.mhtype, mhlen: options.mhlen, pin: options.pin, 'allow-big-block': options.allowBigBlock },
          body: multipartFile(bytes, boundary),
          contentType: multipartContentType(boundary),
          signal: options.signal
        })
        return parseCid(String(r.Key))
      },
      stat: async (cid, options) => {
        const s = await rpc.json('block/stat', { args: [cid.toString()], signal: options?.signal })
        return { cid: parseCid(String(s.Key)), size: Number(s.Size) }
      },
      rm: async function * (cids, options = {}): AsyncGenerator<BlockRmResult> {
        const args = cids.map(c => toCid(c).toString())
        for await (const r of rpc.ndjson('block/rm', { args, params: { force: options.force }, signal: options.signal })) {
          yield r.Error != null && r.Error !== '' ? { cid: parseCid(String(r.Hash)), error: String(r.Error) } : { cid: parseCid(String(r.Hash)) }
        }
      }
    },

    dag: {
      put: async (input, options = {}) => {
        const boundary = newBoundary()
        const params = {
          'input-codec': options.inputCodec,
          'store-codec': options.storeCodec,
          hash: options.hash,
          pin: options.pin,
          'allow-big-block': options.allowBigBlock
        }
        for await (const r of rpc.ndjson('dag/put', { params, body: multipartFile(input, boundary), contentType: multipartContentType(boundary), signal: options.signal })) {
          return cidOf(r.Cid)
        }
        throw new RemoteError('empty dag put answer')
      },
      get: async (path, options = {}) => {
        const chunks: Uint8Array[] = []
        for await (const chunk of rpc.bytes('dag/get', { args: [path.toString()], params: { 'output-codec': options.outputCodec }, signal: options.signal })) chunks.push(chunk)
        return new Uint8Array(Buffer.concat(chunks))
      },
      resolve: async (path, options = {}) => {
        const r = await rpc.json('dag/resolve', { args: [path.toString()], signal: options.signal })
        return { cid: cidOf(r.Cid), remPath: String(r.RemPath ?? '') }
      },
      import: async function * (car, options = {}): AsyncGenerator<DagImportResult> {
        const boundary = newBoundary()
        // one file part per CAR, all in one request: the daemon pins once every part is in (Kubo)
        const parts = async function * (): AsyncGenerator<ImportCandidate> {
          const cars = Array.isArray(car) ? car : 'cars' in car ? car.cars : [car]
          for await (const content of cars) yield { path: '', content }
        }
        const answers = rpc.ndjson('dag/import', {
          params: { 'pin-roots': options.pinRoots, stats: options.onStats != null },
          body: multipartBody(parts(), boundary),
          contentType: multipartContentType(boundary),
          signal: options.signal
        })
        for await (const r of answers) {
          if (r.Stats != null) options.onStats?.({ blockCount: Number(r.Stats.BlockCount), blockBytesCount: Number(r.Stats.BlockBytesCount) })
          if (r.Root == null) continue
          yield { root: { cid: cidOf(r.Root.Cid), pinErrorMsg: r.Root.PinErrorMsg === '' || r.Root.PinErrorMsg == null ? undefined : String(r.Root.PinErrorMsg) } }
        }
      },
      export: (cid, options = {}) => {
        if ((options.dagScope != null && options.dagScope !== 'all') || options.entityBytes != null || options.dups === true) {
          throw new InvalidParametersError('dag-scope, entity-bytes and dups are gateway options; the RPC dag export sends the whole DAG')
        }
        return rpc.bytes('dag/export', { args: [toCid(cid).toString()], signal: options.signal })
      },
      stat: async (cid, options = {}) => {
        let last: any
        if (options.onProgress != null) {
          // the running summaries (Ratio 0) come first, the final one last
          for await (const m of rpc.ndjson('dag/stat', { args: [toPathString(cid)], params: { progress: true }, signal: options.signal })) {
            if (m.Ratio === 0) options.onProgress(Number(m.UniqueBlocks), Number(m.TotalSize))
            else last = m
          }
        } else {
          last = await rpc.json('dag/stat', { args: [toPathString(cid)], params: { progress: false }, signal: options.signal })
        }
        // Kubo ≥0.20 answers with DagStats; older ones with Size and NumBlocks
        const s = last?.DagStats?.[0] ?? last
        if (s == null) throw new RemoteError('empty dag stat answer')
        return { cid: s.Cid != null ? cidOf(s.Cid) : toCid(toPathString(cid)), size: Number(s.Size ?? last.TotalSize), numBlocks: Number(s.NumBlocks ?? last.UniqueBlocks) }
      }
    },

    repo: {
      gc: async function * (options = {}): AsyncGenerator<GcResult> {
        for await (const r of rpc.ndjson('repo/gc', { params: { 'stream-errors': true }, signal: options.signal })) {
          yield r.Error != null && r.Error !== '' ? { error: String(r.Error) } : { cid: cidOf(r.Key) }
        }
      },
      stat: async (options) => {
        const s = await rpc.json('repo/stat', { signal: options?.signal })
        const stats: RepoStats = {
          numObjects: Number(s.NumObjects),
          repoSize: Number(s.RepoSize),
          storageMax: Number(s.StorageMax),
          repoPath: String(s.RepoPath),
          version: String(s.Version)
        }
        // Cairn's extension: Kubo does not send it
        if (typeof s.StorageGCWatermark === 'number') stats.storageGcWatermark = s.StorageGCWatermark
        return stats
      },
      verify: async function * (options = {}) {
        for await (const m of rpc.ndjson('repo/verify', { signal: options.signal })) {
          yield m.Progress != null ? { msg: String(m.Msg ?? ''), progress: Number(m.Progress) } : { msg: String(m.Msg ?? '') }
        }
      }
    },

    swarm: {
      peers: async (options) => {
        const r = await rpc.json('swarm/peers', { params: { direction: true, latency: true, streams: true }, signal: options?.signal })
        return ((r.Peers ?? []) as Array<{ Addr: string, Peer: string, Latency?: string, Direction?: number, Streams?: Array<{ Protocol: string }> }>).map(p => {
          const info: PeerInfo = { peer: p.Peer, addr: p.Addr, streams: (p.Streams ?? []).map(s => String(s.Protocol)) }
          // Kubo's network.Direction: 1 inbound, 2 outbound
          if (p.Direction === 1 || p.Direction === 2) info.direction = p.Direction === 1 ? 'inbound' : 'outbound'
          if (p.Latency != null && p.Latency !== '') info.latency = p.Latency
          return info
        })
      },
      connect: async (addr, options) => { await rpc.json('swarm/connect', { args: [addr], signal: options?.signal }) },
      addrs: async (options) => {
        const r = await rpc.json('swarm/addrs', { signal: options?.signal })
        return Object.entries((r.Addrs ?? {}) as Record<string, string[]>).map(([id, addrs]) => ({ id, addrs: addrs.map(String) }))
      },
      resources: async (options) => await rpc.json('swarm/resources', { signal: options?.signal }),
      localAddrs: async (options) => ((await rpc.json('swarm/addrs/local', { params: { id: true }, signal: options?.signal })).Strings ?? []).map(String),
      ...rpcSwarmParts(rpc)
    },

    routing: {
      findProvs: async function * (cid, options = {}): AsyncGenerator<ProviderInfo> {
        const params = { 'num-providers': options.numProviders }
        for await (const event of rpc.ndjson('routing/findprovs', { args: [toCid(cid).toString()], params, signal: options.signal })) {
          // Kubo's routing event type 4: provider
          if (event.Type !== 4) continue
          for (const p of event.Responses ?? []) yield { id: String(p.ID), addrs: (p.Addrs ?? []).map(String) }
        }
      },
      provide: async (cids, options = {}) => {
        const args = cids.map(c => toCid(c).toString())
        for await (const _ of rpc.ndjson('routing/provide', { args, params: { recursive: options.recursive }, signal: options.signal })) {}
      },
      ...rpcRoutingParts(rpc)
    },

    pubsub: {
      publish: async (topic, data, options) => {
        const boundary = newBoundary()
        const res = await rpc.open('pubsub/pub', {
          args: [toMultibase(new TextEncoder().encode(topic))],
          body: multipartFile(data, boundary),
          contentType: multipartContentType(boundary),
          signal: options?.signal
        })
        for await (const _ of rpc.body(res)) {}
      },
      subscribe,
      unsubscribe: async (topic) => {
        for (const c of subscriptions.get(topic) ?? []) c.abort()
        subscriptions.delete(topic)
      },
      ls: async (options) => ((await rpc.json('pubsub/ls', { signal: options?.signal })).Strings ?? []).map((t: string) => textFromMultibase(String(t))),
      peers: async (topic, options) => {
        const r = await rpc.json('pubsub/peers', { args: [toMultibase(new TextEncoder().encode(topic))], signal: options?.signal })
        return (r.Strings ?? []).map(String)
      },
      reset: async (options = {}) => Number((await rpc.json('pubsub/reset', { params: { peer: options.peer }, signal: options.signal })).Deleted ?? 0)
    },

    stats: {
      ...rpcStatsParts(rpc),
      bw: async (options) => {
        for await (const bw of rpc.ndjson('stats/bw', { params: { peer: options?.peer, proto: options?.proto }, signal: options?.signal })) {
          const stats: BandwidthStats = { totalIn: BigInt(bw.TotalIn ?? 0), totalOut: BigInt(bw.TotalOut ?? 0), rateIn: Number(bw.RateIn ?? 0), rateOut: Number(bw.RateOut ?? 0) }
          return stats
        }
        throw new RemoteError('empty stats bw answer')
      },
      bitswap: async (options) => {
        const s = await rpc.json('stats/bitswap', { signal: options?.signal })
        const stats: BitswapStats = {
          wantlist: (s.Wantlist ?? []).map((c: { '/': string }) => parseCid(c['/'])),
          peers: (s.Peers ?? []).map(String),
          blocksReceived: Number(s.BlocksReceived ?? 0),
          dataReceived: Number(s.DataReceived ?? 0),
          blocksSent: Number(s.BlocksSent ?? 0),
          dataSent: Number(s.DataSent ?? 0),
          dupBlksReceived: Number(s.DupBlksReceived ?? 0),
          dupDataReceived: Number(s.DupDataReceived ?? 0)
        }
        return stats
      }
    },

    config: {
      show: async (options) => await rpc.json('config/show', { signal: options?.signal }) as CairnConfig,
      get: async (key, options) => (await rpc.json('config', { args: [key], signal: options?.signal })).Value,
      set: async (key, value, options) => {
        // as kubo-rpc-client: strings as they are, anything else as JSON
        const params: Params = typeof value === 'string' ? {} : { json: true }
        await rpc.json('config', { args: [key, typeof value === 'string' ? value : JSON.stringify(value)], params, signal: options?.signal })
      },
      replace: async (config, options) => {
        const boundary = newBoundary()
        const res = await rpc.open('config/replace', {
          body: multipartFile(new TextEncoder().encode(JSON.stringify(config)), boundary),
          contentType: multipartContentType(boundary),
          signal: options?.signal
        })
        for await (const _ of rpc.body(res)) {}
      },
      applyProfile: async (name, options = {}) => {
        const r = await rpc.json('config/profile/apply', { args: [name], params: { 'dry-run': options.dryRun }, signal: options.signal })
        return { oldConfig: r.OldCfg as CairnConfig, newConfig: r.NewCfg as CairnConfig }
      }
    },

    bitswap: rpcBitswapApi(rpc, parseCid),
    diag: {
      sys: async (options) => await rpc.json('diag/sys', { signal: options?.signal }),
      cmds: async (options) => ((await rpc.json('diag/cmds', { signal: options?.signal })) ?? []).map((c: any) => ({
        id: Number(c.ID), command: String(c.Command), args: (c.Args ?? []).map(String), options: c.Options ?? {}, startTime: String(c.StartTime), active: c.Active === true,
        ...(c.Active === true ? {} : { endTime: String(c.EndTime) })
      })),
      clearCmds: async (options) => { for await (const _ of rpc.bytes('diag/cmds/clear', { signal: options?.signal })) {} },
      setCmdsTime: async (time, options) => { for await (const _ of rpc.bytes('diag/cmds/set-time', { args: [time], signal: options?.signal })) {} },
      versionCheck: async (options = {}) => await rpc.json('version/check', { params: { 'min-percent': options.minPercent }, signal: options.signal }),
      profile: (options = {}) => rpc.bytes('diag/profile', { params: { collectors: options.collectors?.join(','), 'profile-time': options.profileTime }, signal: options.signal })
    },
    logging: {
      level: async (subsystem, level, options) => {
        const r = await rpc.json('log/level', { args: [subsystem, level].filter((a): a is string => a != null), signal: options?.signal })
        return r.Message != null ? { message: String(r.Message) } : { levels: r.Levels ?? {} }
      },
      ls: async (options) => ((await rpc.json('log/ls', { signal: options?.signal })).Strings ?? []).map(String),
      tail: (options) => rpcLogTail(rpc, options)
    },
    ping: (peer, options) => rpcPing(rpc, peer, options),
    shutdown: async (options) => { await rpcShutdown(rpc, options) },

    bootstrap: {
      list: async (options) => ((await rpc.json('bootstrap/list', { signal: options?.signal })).Peers ?? []).map(String),
      add: async (addrs, options = {}) => {
        const r = options.default === true
          ? await rpc.json('bootstrap/add/default', { signal: options.signal })
          : await rpc.json('bootstrap/add', { args: addrs, signal: options.signal })
        return (r.Peers ?? []).map(String)
      },
      rm: async (addrs, options = {}) => {
        const r = options.all === true
          ? await rpc.json('bootstrap/rm/all', { signal: options.signal })
          : await rpc.json('bootstrap/rm', { args: addrs, signal: options.signal })
        return (r.Peers ?? []).map(String)
      }
    },

    ...createNameApis(rpc)
  }
  return api
}
