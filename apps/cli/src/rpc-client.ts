/**
 * `CairnApi` over a daemon's Kubo-compatible `/api/v0`, built on `kubo-rpc-client` so that what
 * works here works for Kubo clients too. Where the npm client falls short the same wire shapes
 * are spoken with plain `fetch`: `add` (it cannot send symlink parts), `ls` (its mapping loses
 * symlink types), `dag/stat` and `repo/verify` (it has neither).
 */
import { randomUUID } from 'node:crypto'
import { Agent } from 'node:http'
import { posix } from 'node:path'
import { InvalidCidError, InvalidParametersError } from '@cairn/interface'
import type {
  AddOptions, AddResult, BandwidthStats, BlockRmResult, CairnApi, CairnConfig, DagImportResult, EntryType, GcResult,
  GetEntry, IdResult, ImportCandidate, LsEntry, PeerInfo, PinEntry, PinType, ProviderInfo, PubsubMessage,
  RepoStats, StatResult, VersionResult
} from '@cairn/interface'
import { multiaddr } from '@multiformats/multiaddr'
import * as dagPb from '@ipld/dag-pb'
import { UnixFS } from 'ipfs-unixfs'
import { extract } from 'it-tar'
import { create } from 'kubo-rpc-client'
import type { KuboRPCClient } from 'kubo-rpc-client'
import { CID } from 'multiformats/cid'
import { DEFAULT_RPC_JSON_BYTES_MAX, DEFAULT_RPC_MAX_SOCKETS } from './constants.ts'
import { DaemonUnreachableError, RemoteError } from './errors.ts'
import { multiaddrToUrl } from './multiaddr.ts'

export interface RpcApiInit {
  /** The daemon's RPC address: a multiaddr (the repo's `api` file) or an http URL */
  address: string
  /** Bearer token or other `Authorization` header value, for daemons that require one */
  authorization?: string
}

/** A `CairnApi` that also owns sockets, released by `close()` */
export interface RpcApi extends CairnApi {
  /** The base URL requests go to, for messages */
  readonly url: string
  close(): Promise<void>
}

/** Header a Cairn daemon may set with the error's stable `code`; Kubo's JSON error has no room for it */
export const ERROR_CODE_HEADER = 'x-cairn-error-code'

/** When the daemon sends no code, recognise Kubo's and Cairn's usual messages so exit codes still mean something */
const MESSAGE_CODES: Array<[RegExp, string]> = [
  [/not pinned/i, 'ERR_NOT_PINNED'],
  [/invalid (cid|path)|failed to parse cid|selected encoding not supported|invalid (multihash|varint)/i, 'ERR_INVALID_CID'],
  [/offline/i, 'ERR_OFFLINE'],
  [/not found|no link named|could not find|does not exist/i, 'ERR_NOT_FOUND'],
  [/is locked|someone else has the lock/i, 'ERR_REPO_LOCKED']
]

export function codeFromMessage (message: string): string | undefined {
  return MESSAGE_CODES.find(([re]) => re.test(message))?.[1]
}

/** Turns URL, fetch and HTTP failures into Cairn errors with codes */
export function toRpcError (err: unknown, url: string): Error {
  const e = err as { name?: string, message?: string, code?: string, cause?: { code?: string }, response?: Response }
  if (e == null || typeof e !== 'object') return new RemoteError(String(err))
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return err as Error
  if (typeof e.code === 'string' && e.code.startsWith('ERR_') && e.name !== 'HTTPError') return err as Error
  const causeCode = e.cause?.code ?? e.code
  if (causeCode === 'ECONNREFUSED' || causeCode === 'ECONNRESET' || causeCode === 'ENOTFOUND' || causeCode === 'EHOSTUNREACH' ||
    (e.name === 'TypeError' && e.message === 'fetch failed')) {
    return new DaemonUnreachableError(`cannot connect to the api at ${url}. Is the daemon running? To run as a standalone CLI command remove the api file in the repo`, { cause: err })
  }
  if (e.name === 'TypeError' && e.message === 'terminated') {
    return new RemoteError('the daemon closed the connection before its answer was complete', { cause: err })
  }
  const message = e.message ?? 'request failed'
  const code = e.response?.headers?.get(ERROR_CODE_HEADER) ?? codeFromMessage(message)
  return new RemoteError(message, { cause: err, code })
}

/** `/ipfs/<cid>/a` → `<cid>/a`, and CIDs to strings */
function toPathString (path: string | CID): string {
  const s = path.toString()
  return s.startsWith('/ipfs/') ? s.slice('/ipfs/'.length) : s
}

function toCid (cid: string | CID): CID {
  if (typeof cid !== 'string') return cid
  try {
    return CID.parse(cid.startsWith('/ipfs/') ? cid.slice('/ipfs/'.length) : cid)
  } catch (err) {
    throw new InvalidCidError(`invalid CID '${cid}': ${(err as Error).message}`, { cause: err })
  }
}

const encoder = new TextEncoder()

/** Kubo's `mode=0644` field parameter */
const modeString = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0')

/** The multipart body of Kubo's `add`, as go-ipfs-files reads it: directories, files and symlinks by Content-Type */
export async function * multipartBody (source: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>, boundary: string): AsyncGenerator<Uint8Array> {
  let index = 0
  for await (const c of source) {
    const kind = c.symlinkTarget != null ? 'symlink' : c.content == null ? 'dir' : 'file'
    const params: string[] = []
    if (c.mode != null) params.push(`mode=${modeString(c.mode)}`)
    if (c.mtime != null) {
      params.push(`mtime=${c.mtime.secs}`)
      if (c.mtime.nsecs != null) params.push(`mtime-nsecs=${c.mtime.nsecs}`)
    }
    const field = `${kind}${index > 0 ? `-${index}` : ''}${params.length > 0 ? `?${params.join('&')}` : ''}`
    const type = kind === 'symlink' ? 'application/symlink' : kind === 'dir' ? 'application/x-directory' : 'application/octet-stream'
    yield encoder.encode(`${index > 0 ? '\r\n' : ''}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(c.path)}"\r\nContent-Type: ${type}\r\n\r\n`)
    if (c.symlinkTarget != null) {
      yield encoder.encode(c.symlinkTarget)
    } else if (c.content instanceof Uint8Array) {
      yield c.content
    } else if (c.content != null) {
      for await (const chunk of c.content) yield chunk
    }
    index++
  }
  yield encoder.encode(`${index > 0 ? '\r\n' : ''}--${boundary}--\r\n`)
}

/** Kubo's unixfs.pb type numbers in `ls` answers */
const LS_TYPES: Record<number, EntryType> = { 0: 'raw', 1: 'directory', 2: 'file', 3: 'file', 4: 'symlink', 5: 'directory' }

interface KuboLink { Name: string, Hash: string, Size: number, Type: number, Target?: string }

export function createRpcApi (init: RpcApiInit): RpcApi {
  const url = init.address.startsWith('/') ? multiaddrToUrl(init.address) : init.address.replace(/\/+$/, '')
  const agent = new Agent({ keepAlive: true, maxSockets: DEFAULT_RPC_MAX_SOCKETS })
  const headers: Record<string, string> = init.authorization != null ? { Authorization: init.authorization } : {}
  const kubo: KuboRPCClient = create({ url, agent, headers })

  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (err) {
      throw toRpcError(err, url)
    }
  }
  async function * stream<T> (fn: () => AsyncIterable<T>): AsyncGenerator<T> {
    try {
      yield * fn()
    } catch (err) {
      throw toRpcError(err, url)
    }
  }

  /** Kubo's error answer (`{"Message": ...}` or plain text) as a Cairn error */
  const httpError = async (res: Response): Promise<Error> => {
    let message = `${res.status} ${res.statusText}`
    try {
      const body = (await res.text()).trim()
      try {
        message = (JSON.parse(body) as { Message?: string }).Message ?? body
      } catch {
        if (body !== '') message = body
      }
    } catch {}
    return new RemoteError(message, { code: res.headers.get(ERROR_CODE_HEADER) ?? codeFromMessage(message) })
  }

  /** One POST to `/api/v0/<command>` with Kubo's `arg` parameters, for endpoints the npm client lacks */
  const post = async (command: string, args: string[], params: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> => {
    const search = new URLSearchParams(params)
    for (const a of args) search.append('arg', a)
    const res = await fetch(`${url}/api/v0/${command}?${search.toString()}`, { method: 'POST', headers, signal })
    if (!res.ok) throw await httpError(res)
    return res
  }

  /** Reads an NDJSON answer, bounded in size */
  async function * ndjson (res: Response): AsyncGenerator<any> {
    if (res.body == null) return
    const decoder = new TextDecoder()
    let buffered = ''
    let total = 0
    for await (const chunk of res.body) {
      total += chunk.byteLength
      if (total > DEFAULT_RPC_JSON_BYTES_MAX) throw new RemoteError(`answer larger than ${DEFAULT_RPC_JSON_BYTES_MAX} bytes`)
      buffered += decoder.decode(chunk, { stream: true })
      let nl = buffered.indexOf('\n')
      while (nl >= 0) {
        const line = buffered.slice(0, nl).trim()
        buffered = buffered.slice(nl + 1)
        if (line !== '') yield JSON.parse(line)
        nl = buffered.indexOf('\n')
      }
    }
    if (buffered.trim() !== '') yield JSON.parse(buffered)
  }

  const ls = async function * (path: string | CID, options: { signal?: AbortSignal } = {}): AsyncGenerator<LsEntry> {
    const base = toPathString(path)
    const res = await post('ls', [base], { stream: 'true', 'resolve-type': 'true', size: 'true' }, options.signal)
    for await (const answer of ndjson(res)) {
      for (const object of (answer.Objects ?? []) as Array<{ Hash: string, Links: KuboLink[] }>) {
        for (const link of object.Links ?? []) {
          yield { name: link.Name, path: `${base}/${link.Name}`, cid: CID.parse(link.Hash), size: Number(link.Size), type: LS_TYPES[link.Type] ?? 'file' }
        }
      }
    }
  }

  /** The CID a path resolves to, from its parent's listing (Kubo's `files/stat` is not needed) */
  const resolveCid = async (base: string, options: { signal?: AbortSignal }): Promise<CID> => {
    const segments = base.split('/').filter(p => p !== '')
    if (segments.length === 1) return toCid(segments[0])
    const name = segments.pop()
    for await (const e of ls(segments.join('/'), options)) if (e.name === name) return e.cid
    throw new RemoteError(`no link named "${name}" under ${segments.join('/')}`, { code: 'ERR_NOT_FOUND' })
  }

  const stat = async (path: string | CID, options: { signal?: AbortSignal } = {}): Promise<StatResult> => {
    const base = toPathString(path)
    let s: { cid: CID, type: string, size: number, cumulativeSize: number, blocks: number }
    try {
      s = await kubo.files.stat(`/ipfs/${base}`, options) as unknown as typeof s
    } catch (err) {
      if (!/unknown command/i.test((err as Error).message ?? '')) throw err
      return statFromBlocks(base, options)
    }
    const type: EntryType = s.type === 'directory' ? 'directory' : s.type === 'symlink' ? 'symlink' : 'file'
    return { cid: s.cid, type, size: Number(s.size), cumulativeSize: Number(s.cumulativeSize), blocks: Number(s.blocks) }
  }

  /**
   * For a daemon without Kubo's `files/stat`: the path's CID from its parent's listing, its type
   * and size from its root block's UnixFS header, the rest from `dag/stat`.
   */
  const statFromBlocks = async (base: string, options: { signal?: AbortSignal }): Promise<StatResult> => {
    const cid = await resolveCid(base, options)
    const bytes = await kubo.block.get(cid, options)
    let type: EntryType = 'file'
    let size = bytes.byteLength
    if (cid.code === dagPb.code) {
      const unixfs = UnixFS.unmarshal(dagPb.decode(bytes).Data ?? new Uint8Array())
      type = unixfs.isDirectory() ? 'directory' : unixfs.type === 'symlink' ? 'symlink' : 'file'
      size = type === 'file' ? Number(unixfs.fileSize()) : 0
    }
    const dag = await api.dag.stat(cid, options)
    return { cid, type, size, cumulativeSize: dag.size, blocks: dag.numBlocks }
  }

  // the tar stream of `get` carries names, not CIDs: each entry's CID comes from its parent's listing
  async function * get (path: string | CID, options: { signal?: AbortSignal } = {}): AsyncGenerator<GetEntry> {
    const base = toPathString(path)
    const rootCid = await resolveCid(base, options)
    const listings = new Map<string, Map<string, CID>>()
    const cidOf = async (rel: string): Promise<CID> => {
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
    const source = kubo.get(base, options)
    for await (const entry of extract()(source)) {
      const name = entry.header.name.replace(/\/+$/, '')
      const rel = name.split('/').slice(1).join('/')
      const type = entry.header.type === 'directory' ? 'directory' : entry.header.type === 'symlink' ? 'symlink' : 'file'
      const mtime = entry.header.mtime instanceof Date && entry.header.mtime.getTime() > 0
        ? { secs: BigInt(Math.floor(entry.header.mtime.getTime() / 1000)) }
        : undefined
      const out: GetEntry = { path: name, type, cid: await cidOf(rel), mode: entry.header.mode, mtime }
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

  /**
   * Kubo's `add`: a multipart upload with one part per entry. Written here rather than through
   * kubo-rpc-client because Kubo spells symlinks as `application/symlink` parts, which the npm
   * client cannot send.
   */
  async function * add (source: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>, options: AddOptions = {}): AsyncGenerator<AddResult> {
    const { onProgress, profile, maxLinks, signal, ...flags } = options
    const search = new URLSearchParams({ 'stream-channels': 'true', progress: String(onProgress != null) })
    for (const [key, value] of Object.entries(flags)) {
      if (value != null) search.set(key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`), String(value))
    }
    if (maxLinks != null) search.set('max-file-links', String(maxLinks))
    const boundary = `----cairn-${randomUUID()}`
    const res = await fetch(`${url}/api/v0/add?${search.toString()}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: ReadableStream.from(multipartBody(source, boundary)),
      duplex: 'half',
      signal
    } as RequestInit)
    if (!res.ok) throw await httpError(res)
    for await (const m of ndjson(res)) {
      if (m.Hash != null) yield { cid: CID.parse(m.Hash), path: m.Name ?? '', size: Number(m.Size ?? 0) }
      else if (m.Type === 'error' || m.Message != null) throw new RemoteError(String(m.Message), { code: codeFromMessage(String(m.Message)) })
      else if (m.Bytes != null) onProgress?.(Number(m.Bytes), String(m.Name ?? ''))
    }
  }

  const api: RpcApi = {
    url,
    async close () {
      agent.destroy()
    },

    id: async (options) => call(async () => {
      // kubo-rpc-client sends `peerId.toString()` as the `arg`: a string serves as well
      type KuboIdOptions = NonNullable<Parameters<typeof kubo.id>[0]>
      const { peerId, ...rest } = options ?? {}
      const r = await kubo.id({ ...rest, ...(peerId != null ? { peerId: peerId as unknown as KuboIdOptions['peerId'] } : {}) })
      const result: IdResult = {
        id: r.id.toString(),
        publicKey: r.publicKey,
        addresses: (r.addresses ?? []).map(a => a.toString()),
        agentVersion: r.agentVersion,
        protocolVersion: r.protocolVersion,
        protocols: r.protocols ?? []
      }
      return result
    }),

    version: async (options) => call(async () => {
      const r = await kubo.version(options) as unknown as VersionResult
      return { version: r.version, commit: r.commit ?? '', repo: String(r.repo ?? ''), system: r.system ?? '' }
    }),

    add: (source, options) => stream(() => add(source, options)),

    cat: (path, options = {}) => stream(() => kubo.cat(toPathString(path), options)),
    get: (path, options) => stream(() => get(path, options)),
    ls: (path, options) => stream(() => ls(path, options)),
    stat: async (path, options) => call(async () => stat(path, options)),

    pin: {
      add: async (path, options = {}) => call(async () => [await kubo.pin.add(toPathString(path), { recursive: options.recursive, signal: options.signal })]),
      rm: async (path, options = {}) => call(async () => [await kubo.pin.rm(toPathString(path), options)]),
      ls: (options = {}) => stream(async function * (): AsyncGenerator<PinEntry> {
        const type = options.type ?? 'all'
        const paths = options.paths?.map(toPathString)
        for await (const p of kubo.pin.ls({ type, paths, signal: options.signal })) {
          const [kind, , via] = String(p.type).split(' ')
          const entry: PinEntry = { cid: p.cid, type: kind as PinType }
          if (via != null) entry.via = CID.parse(via)
          yield entry
        }
      }),
      update: async (from, to, options = {}) => call(async () => kubo.pin.update(toPathString(from), toPathString(to), options))
    },

    block: {
      get: async (cid, options) => call(async () => kubo.block.get(toCid(cid), options)),
      put: async (bytes, options = {}) => call(async () => kubo.block.put(bytes, {
        cidCodec: options.cidCodec, mhtype: options.mhtype, pin: options.pin, signal: options.signal
      } as any)),
      stat: async (cid, options) => call(async () => {
        const s = await kubo.block.stat(toCid(cid), options)
        return { cid: s.cid, size: Number(s.size) }
      }),
      rm: (cids, options = {}) => stream(async function * (): AsyncGenerator<BlockRmResult> {
        for await (const r of kubo.block.rm(cids.map(toCid), options)) {
          yield r.error != null ? { cid: r.cid, error: r.error.message } : { cid: r.cid }
        }
      })
    },

    dag: {
      import: (car, options = {}) => stream(async function * (): AsyncGenerator<DagImportResult> {
        for await (const r of kubo.dag.import([car], { pinRoots: options.pinRoots, signal: options.signal })) {
          yield { root: { cid: r.root.cid, pinErrorMsg: r.root.pinErrorMsg === '' ? undefined : r.root.pinErrorMsg } }
        }
      }),
      export: (cid, options = {}) => stream(() => {
        if ((options.dagScope != null && options.dagScope !== 'all') || options.entityBytes != null || options.dups === true) {
          throw new InvalidParametersError('dag-scope, entity-bytes and dups are gateway options; the RPC dag export sends the whole DAG')
        }
        return kubo.dag.export(toCid(cid), { signal: options.signal })
      }),
      stat: async (cid, options = {}) => call(async () => {
        const res = await post('dag/stat', [toPathString(cid)], { progress: 'false' }, options.signal)
        let last: any
        for await (const answer of ndjson(res)) last = answer
        // Kubo ≥0.20 answers with DagStats; older ones with Size and NumBlocks
        const s = last?.DagStats?.[0] ?? last
        if (s == null) throw new RemoteError('empty dag stat answer')
        return { cid: toCid(s.Cid?.['/'] ?? s.Cid ?? toPathString(cid)), size: Number(s.Size ?? last.TotalSize), numBlocks: Number(s.NumBlocks ?? last.UniqueBlocks) }
      })
    },

    repo: {
      gc: (options = {}) => stream(async function * (): AsyncGenerator<GcResult> {
        for await (const r of kubo.repo.gc(options)) {
          yield r.err != null ? { error: r.err.message } : { cid: r.cid }
        }
      }),
      stat: async (options) => call(async () => {
        const s = await kubo.repo.stat(options)
        const stats: RepoStats = {
          numObjects: Number(s.numObjects),
          repoSize: Number(s.repoSize),
          storageMax: Number(s.storageMax),
          repoPath: s.repoPath,
          version: s.version
        }
        return stats
      }),
      verify: (options = {}) => stream(async function * () {
        const res = await post('repo/verify', [], {}, options.signal)
        for await (const m of ndjson(res)) {
          yield m.Progress != null ? { msg: String(m.Msg ?? ''), progress: Number(m.Progress) } : { msg: String(m.Msg ?? '') }
        }
      })
    },

    swarm: {
      peers: async (options) => call(async () => {
        const peers = await kubo.swarm.peers({ direction: true, latency: true, signal: options?.signal })
        return peers.map(p => {
          const info: PeerInfo = { peer: p.peer.toString(), addr: p.addr.toString() }
          if (p.direction != null) info.direction = p.direction
          if (p.latency != null && p.latency !== '') info.latency = p.latency
          return info
        })
      }),
      connect: async (addr, options) => call(async () => { await kubo.swarm.connect(multiaddr(addr), options) }),
      addrs: async (options) => call(async () => (await kubo.swarm.addrs(options)).map(a => ({ id: a.id.toString(), addrs: a.addrs.map(m => m.toString()) }))),
      localAddrs: async (options) => call(async () => (await kubo.swarm.localAddrs({ id: true, signal: options?.signal } as any)).map(a => a.toString()))
    },

    routing: {
      findProvs: (cid, options = {}) => stream(async function * (): AsyncGenerator<ProviderInfo> {
        for await (const event of kubo.routing.findProvs(toCid(cid), options)) {
          if (event.name !== 'PROVIDER') continue
          for (const p of event.providers) yield { id: p.id.toString(), addrs: (p.multiaddrs ?? []).map(m => m.toString()) }
        }
      }),
      provide: async (cids, options = {}) => call(async () => {
        for await (const _ of kubo.routing.provide(cids.map(toCid), options)) {}
      })
    },

    pubsub: {
      publish: async (topic, data, options) => call(async () => { await kubo.pubsub.publish(topic, data, options) }),
      subscribe: async (topic, handler, options) => call(async () => {
        await kubo.pubsub.subscribe(topic, (m) => {
          const message: PubsubMessage = { from: m.type === 'signed' ? m.from.toString() : '', topic: m.topic, data: m.data }
          if (m.type === 'signed') message.sequenceNumber = m.sequenceNumber
          handler(message)
        }, {
          ...options,
          // fatal: the daemon's stream broke under us; anything else is one unparsable message
          onError: (err: Error, fatal?: boolean) => {
            if (fatal === true) options?.onError?.(new DaemonUnreachableError(`the daemon ended the subscription: ${err.message}`, { cause: err }))
          }
        } as Parameters<typeof kubo.pubsub.subscribe>[2])
      }),
      unsubscribe: async (topic, _handler, options) => call(async () => { await kubo.pubsub.unsubscribe(topic, undefined, options) }),
      ls: async (options) => call(async () => kubo.pubsub.ls(options)),
      peers: async (topic, options) => call(async () => (await kubo.pubsub.peers(topic, options)).map(p => p.toString()))
    },

    stats: {
      bw: async (options) => call(async () => {
        for await (const bw of kubo.stats.bw(options)) return bw as BandwidthStats
        throw new RemoteError('empty stats bw answer')
      })
    },

    config: {
      show: async (options) => call(async () => await kubo.config.getAll(options) as unknown as CairnConfig),
      get: async (key, options) => call(async () => kubo.config.get(key, options)),
      set: async (key, value, options) => call(async () => { await kubo.config.set(key, value, options) })
    },

    bootstrap: {
      list: async (options) => call(async () => (await kubo.bootstrap.list(options)).Peers.map(String)),
      add: async (addrs, options = {}) => call(async () => {
        if (options.default === true) {
          return (await kubo.bootstrap.add(undefined as any, { default: true, signal: options.signal } as any)).Peers.map(String)
        }
        const added: string[] = []
        for (const a of addrs) added.push(...(await kubo.bootstrap.add(multiaddr(a), options)).Peers.map(String))
        return added
      }),
      rm: async (addrs, options = {}) => call(async () => {
        if (options.all === true) {
          return (await kubo.bootstrap.rm(undefined as any, { all: true, signal: options.signal } as any)).Peers.map(String)
        }
        const removed: string[] = []
        for (const a of addrs) removed.push(...(await kubo.bootstrap.rm(multiaddr(a), options)).Peers.map(String))
        return removed
      })
    }
  }
  return api
}
