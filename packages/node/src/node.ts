import { createBlockstore, blockLinks, verifyBlock } from '@cairn/blockstore'
import { cat, dagStat, exportCar, get, importCar, importer, ls, resolvePath, stat } from '@cairn/dag'
import { bitswap } from './bitswap/index.ts'
import {
  BlockTooLargeError, InvalidCidError, InvalidParametersError, NotFoundError, OfflineError, RepoLockedError,
  RepoNotInitializedError, hasCode
} from '@cairn/interface'
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { prefixLogger } from '@libp2p/logger'
import { MemoryDatastore, MountDatastore } from 'datastore-core'
import { LevelDatastore } from 'datastore-level'
import { Key } from 'interface-datastore'
import { pushable } from 'it-pushable'
import { CID } from 'multiformats/cid'
import { identity } from 'multiformats/hashes/identity'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { createBootstrapApi, createConfigApi, createConfigStore } from './api/config.ts'
import { createPubsubApi } from './api/pubsub.ts'
import { createRoutingApi } from './api/routing.ts'
import { createSwarmApi } from './api/swarm.ts'
import { createBandwidthMeter } from './bandwidth.ts'
import { ListenError } from './errors.ts'
import { mergeConfig, parseBytes, parseDuration, validateConfig } from './config.ts'
import { AGENT_VERSION, CAIRN_VERSION, DEFAULT_BLOCK_PUT_BYTES_MAX, PEER_STORE_PREFIX, DEFAULT_FETCH_TIMEOUT_MS, REPO_VERSION } from './constants.ts'
import { buildLibp2p, reprovideIntervalMs, splitListenAddresses } from './libp2p.ts'
import { createNetworkGetter } from './network-getter.ts'
import { createContentProvider } from './provider.ts'
import { initRepo, isRepoInitialized, loadPrivateKey, loadRepoConfig, repoPaths } from './repo.ts'
import type { NodePubsubApi } from './api/pubsub.ts'
import type { NodeRoutingApi } from './api/routing.ts'
import type { BandwidthMeter } from './bandwidth.ts'
import type { DeepPartial } from './config.ts'
import type { Bitswap } from './bitswap/index.ts'
import type { NetworkGetter } from './network-getter.ts'
import type { ContentProvider, ProvideStrategy } from './provider.ts'
import type { CairnBlockstore } from '@cairn/blockstore'
import type {
  AbortOptions, AddOptions, AddResult, BandwidthStats, BlockApi, BlockGetter, BlockPutter, BlockPutOptions, BlockRmResult,
  BootstrapApi, CairnApi, CairnConfig, CarExportOptions, CatOptions, ConfigApi, DagApi, DagImportResult, GcResult,
  GetEntry, IdResult, ImportCandidate, LsEntry, PinAddOptions, PinApi, PinEntry, PinType, RepoApi, RepoStats,
  StatResult, StatsApi, SwarmApi, VersionResult
} from '@cairn/interface'
import type { Libp2p, Logger } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'

export interface NodeInit {
  /** The repo folder (Kubo's `$IPFS_PATH`) */
  repoPath: string
  /** No network at all: no listening, no dialling; network reads fail with OfflineError. @default false */
  offline?: boolean
  /** Create the repo (default profile) when the folder holds none. @default false */
  initIfMissing?: boolean
  /** Overrides applied over the repo's config for this run only (never written back) */
  config?: DeepPartial<CairnConfig>
  /** Start the node before returning it. @default true */
  start?: boolean
  /** Bound on one network block fetch, in ms. @default DEFAULT_FETCH_TIMEOUT_MS (or Gateway.Timeout) */
  fetchTimeoutMs?: number
  /** Delay before the first reprovide run, in ms. @default DEFAULT_REPROVIDE_INITIAL_DELAY_MS */
  reprovideInitialDelayMs?: number
}

/** A node: CairnApi in-process, plus the parts the gateway and the daemon share */
export interface CairnNode extends CairnApi {
  readonly peerId: string
  readonly repoPath: string
  readonly offline: boolean
  /** The one libp2p instance of the process (offline: a libp2p with no transports, never started) */
  readonly libp2p: Libp2p
  readonly blockstore: CairnBlockstore
  /**
   * The config this node runs with (file + overrides), which is also CairnApi's `config` commands
   * (`show`/`get`/`set`, non-enumerable, reading and writing the repo's file). Edits take effect
   * at the next start, as in Kubo.
   */
  readonly config: CairnConfig & ConfigApi
  /**
   * Local first, then the network (Bitswap, providers from the DHT); every network block is
   * hash-verified and stored. Offline misses are OfflineError, a fetch past `fetchTimeoutMs` is
   * TimeoutError. `blocks.session()` gives a getter for one request whose wants share a Bitswap
   * session (close it when done).
   */
  readonly blocks: NetworkGetter
  readonly pubsub: NodePubsubApi
  /** CairnApi's routing plus `findPeer` */
  readonly routing: NodeRoutingApi
  /** DHT announcements: what was added, and the reprovide loop */
  readonly provider: ContentProvider
  start(): Promise<void>
  stop(): Promise<void>
}

/** Parses a path or CID argument, as Kubo's commands accept them */
export function parseCid (value: string | CID): CID {
  if (value instanceof CID) return value
  const asCid = CID.asCID(value)
  if (asCid != null) return asCid
  if (typeof value !== 'string') throw new InvalidCidError(`Not a CID: ${String(value)}`)
  let s = value.trim()
  if (s.startsWith('/ipfs/')) s = s.slice('/ipfs/'.length)
  if (s.includes('/')) throw new InvalidCidError(`"${value}" is a path, a CID is needed here`)
  try {
    return CID.parse(s)
  } catch (err) {
    throw new InvalidCidError(`Invalid CID "${value}"`, { cause: err })
  }
}

const CODECS: Record<NonNullable<BlockPutOptions['cidCodec']>, number> = {
  raw: 0x55,
  'dag-pb': 0x70,
  'dag-cbor': 0x71,
  'dag-json': 0x0129
}

async function hashFor (mhtype: string, bytes: Uint8Array): Promise<CID['multihash']> {
  switch (mhtype) {
    case 'sha2-256': return sha256.digest(bytes)
    case 'sha2-512': return sha512.digest(bytes)
    case 'identity': return identity.digest(bytes)
    default: throw new InvalidParametersError(`Unsupported multihash type "${mhtype}": use sha2-256, sha2-512 or identity`)
  }
}

/** The running config, carrying the ConfigApi methods as non-enumerable properties */
function configView (config: CairnConfig, api: ConfigApi): CairnConfig & ConfigApi {
  const view = structuredClone(config) as CairnConfig & ConfigApi
  for (const key of ['show', 'get', 'set'] as const) {
    Object.defineProperty(view, key, { value: api[key], enumerable: false })
  }
  return view
}

interface NodeParts {
  repoPath: string
  config: CairnConfig
  offline: boolean
  libp2p: Libp2p
  blockstore: CairnBlockstore
  datastore?: LevelDatastore
  meter: BandwidthMeter
  fetchTimeoutMs: number
  reprovideInitialDelayMs?: number
  bitswap?: Bitswap
}

class CairnNodeClass implements CairnNode {
  readonly peerId: string
  readonly repoPath: string
  readonly offline: boolean
  readonly libp2p: Libp2p
  readonly blockstore: CairnBlockstore
  readonly config: CairnConfig & ConfigApi
  readonly blocks: NetworkGetter
  readonly provider: ContentProvider
  readonly pin: PinApi
  readonly block: BlockApi
  readonly dag: DagApi
  readonly repo: RepoApi
  readonly swarm: SwarmApi
  readonly routing: NodeRoutingApi
  readonly pubsub: NodePubsubApi
  readonly stats: StatsApi
  readonly bootstrap: BootstrapApi
  private readonly datastore?: LevelDatastore
  private readonly bitswap?: Bitswap
  private readonly meter: BandwidthMeter
  private readonly log: Logger
  private status: 'stopped' | 'started' | 'closed' = 'stopped'

  constructor (parts: NodeParts) {
    this.repoPath = parts.repoPath
    this.offline = parts.offline
    this.libp2p = parts.libp2p
    this.peerId = parts.libp2p.peerId.toString()
    this.blockstore = parts.blockstore
    this.datastore = parts.datastore
    this.bitswap = parts.bitswap
    this.meter = parts.meter
    this.log = prefixLogger(`cairn:${this.peerId.slice(-6)}`).forComponent('cairn:node')

    const skipped = splitListenAddresses(parts.config.Addresses.Swarm).unsupported
    if (!this.offline && skipped.length > 0) this.log('not listening on %s: no TCP/WebSockets transport serves them', skipped.join(', '))

    const configStore = createConfigStore(repoPaths(this.repoPath).config)
    this.config = configView(parts.config, createConfigApi(configStore))

    this.blocks = createNetworkGetter({
      local: this.blockstore,
      verify: verifyBlock,
      exchange: () => this.bitswap,
      log: this.log.newScope('getter')
    }, { offline: this.offline, timeoutMs: parts.fetchTimeoutMs })

    this.provider = createContentProvider({
      contentRouting: {
        provide: async (cid, options) => { await this.online().contentRouting.provide(cid, options) },
        cancelReprovide: async (cid, options) => { await this.online().contentRouting.cancelReprovide(cid, options) }
      },
      log: this.log.newScope('provider'),
      listCids: (strategy, options) => this.strategyCids(strategy, options)
    }, {
      strategy: this.config.Reprovider.Strategy,
      intervalMs: this.offline || this.config.Routing.Type === 'none' ? 0 : reprovideIntervalMs(this.config),
      initialDelayMs: parts.reprovideInitialDelayMs
    })

    this.bootstrap = createBootstrapApi(configStore)
    this.swarm = createSwarmApi(() => this.online())
    this.pubsub = createPubsubApi(() => this.online().services.pubsub as any)
    this.routing = createRoutingApi({
      libp2p: () => this.online(),
      provider: () => this.provider,
      parseCid,
      walk: (root, options) => this.walkLocal(root, options)
    })
    this.stats = { bw: async (): Promise<BandwidthStats> => this.meter.stats() }
    this.pin = this.createPinApi()
    this.block = this.createBlockApi()
    this.dag = this.createDagApi()
    this.repo = this.createRepoApi()
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  async start (): Promise<void> {
    if (this.status === 'started') return
    if (this.status === 'closed') throw new InvalidParametersError('This node was stopped; create a new one to start again')
    if (!this.offline) {
      try {
        await this.libp2p.start()
      } catch (err: any) {
        if (err?.name === 'UnsupportedListenAddressesError') {
          await Promise.resolve(this.libp2p.stop()).catch(() => {})
          // the first line names the address and the cause; the rest is a stack
          const detail = String(err.message).split('\n').map((l: string) => l.trim()).find((l: string) => l.startsWith('/')) ?? ''
          throw new ListenError(`Cannot listen on Addresses.Swarm ${detail}`.trim(), { cause: err })
        }
        throw err
      }
      this.provider.start()
    }
    this.status = 'started'
  }

  async stop (): Promise<void> {
    if (this.status === 'closed') return
    this.status = 'closed'
    this.provider.stop()
    await Promise.resolve(this.libp2p.stop()).catch(err => { this.log.error('libp2p stop failed - %e', err) })
    await this.datastore?.close().catch(err => { this.log.error('datastore close failed - %e', err) })
    await this.blockstore.close()
  }

  private online (): Libp2p<any> {
    if (this.offline) throw new OfflineError('This command needs the network and the node is offline')
    return this.libp2p
  }

  // --- identity ----------------------------------------------------------------------------------

  async id (): Promise<IdResult> {
    const publicKey = this.libp2p.peerId.publicKey
    return {
      id: this.peerId,
      publicKey: publicKey == null ? '' : uint8ArrayToString(publicKeyToProtobuf(publicKey), 'base64pad'),
      addresses: this.libp2p.getMultiaddrs().map(ma => ma.toString()),
      agentVersion: AGENT_VERSION,
      protocolVersion: 'ipfs/0.1.0',
      protocols: this.libp2p.getProtocols().sort()
    }
  }

  async version (): Promise<VersionResult> {
    return { version: CAIRN_VERSION, commit: '', repo: REPO_VERSION, system: `${process.arch}/${process.platform}` }
  }

  // --- UnixFS ------------------------------------------------------------------------------------

  add (source: AsyncIterable<ImportCandidate> | Iterable<ImportCandidate>, options: AddOptions = {}): AsyncIterable<AddResult> {
    // a consumer that stops reading cancels the add: nothing more is written, nothing pinned
    const cancel = new AbortController()
    const signal = options.signal == null ? cancel.signal : AbortSignal.any([options.signal, cancel.signal])
    let settled = false
    const out = pushable<AddResult>({
      objectMode: true,
      onEnd: () => { if (!settled) cancel.abort() }
    })
    const pin = options.pin ?? true
    const onlyHash = options.onlyHash ?? false
    const run = async (): Promise<void> => {
      const roots: CID[] = []
      // the add lock keeps GC from sweeping blocks written before the pin commits
      await this.blockstore.withAddLock(async () => {
        for await (const result of importer(source, this.putter(), { ...options, signal })) {
          // the roots Kubo pins: the wrapping directory alone with -w, else each top-level entry
          if (options.wrapWithDirectory === true ? result.path === '' : !result.path.includes('/')) roots.push(result.cid)
          out.push(result)
        }
        if (onlyHash) return
        if (pin) {
          signal.throwIfAborted()
          for (const root of roots) await this.blockstore.pins.add(root, { recursive: true, signal })
        }
      })
      if (!onlyHash) this.announceDags(roots, pin ? 'pin-root' : 'block')
    }
    run().then(() => {
      settled = true
      out.end()
    }, (err) => {
      settled = true
      out.end(err)
    })
    return out
  }

  /** Runs one read over a session getter: its network wants share one Bitswap session */
  private streamWithSession<T> (options: AbortOptions, fn: (getter: BlockGetter) => AsyncIterable<T>): AsyncIterable<T> {
    const self = this
    return (async function * () {
      const getter = self.blocks.session(options)
      try {
        yield * fn(getter)
      } finally {
        getter.close()
      }
    })()
  }

  private async withSession<T> (options: AbortOptions, fn: (getter: BlockGetter) => Promise<T>): Promise<T> {
    const getter = this.blocks.session(options)
    try {
      return await fn(getter)
    } finally {
      getter.close()
    }
  }

  /** The store, and Bitswap told of every new block so peers already wanting it get it */
  private putter (): BlockPutter {
    const store = this.blockstore
    const exchange = this.bitswap
    if (exchange == null) return store
    return {
      putBlock: async (cid, bytes, options) => {
        await store.putBlock(cid, bytes, options)
        exchange.notify([{ cid, bytes }])
      },
      putBlocks: async (blocks, options) => {
        await store.putBlocks(blocks, options)
        exchange.notify(blocks)
      }
    }
  }

  cat (path: string | CID, options: CatOptions = {}): AsyncIterable<Uint8Array> {
    return this.streamWithSession(options, getter => cat(path, getter, options))
  }

  get (path: string | CID, options: AbortOptions = {}): AsyncIterable<GetEntry> {
    return this.streamWithSession(options, getter => get(path, getter, options))
  }

  ls (path: string | CID, options: AbortOptions = {}): AsyncIterable<LsEntry> {
    return this.streamWithSession(options, getter => withoutFileError(ls(path, getter, options)))
  }

  async stat (path: string | CID, options: AbortOptions = {}): Promise<StatResult> {
    return this.withSession(options, async getter => stat(path, getter, options))
  }

  private async resolve (path: string | CID, options?: AbortOptions): Promise<CID> {
    if (path instanceof CID || CID.asCID(path) != null) return CID.asCID(path) as CID
    const resolved = await resolvePath(path, this.blocks, options)
    return resolved.cid
  }

  // --- providing ---------------------------------------------------------------------------------

  /** Every CID of a DAG, read from the local store (missing blocks are skipped) */
  private async * walkLocal (root: CID, options?: AbortOptions): AsyncGenerator<CID> {
    const seen = new Set<string>()
    const stack = [root]
    while (stack.length > 0) {
      options?.signal?.throwIfAborted()
      const cid = stack.pop() as CID
      const key = cid.multihash.bytes.toString()
      if (seen.has(key)) continue
      seen.add(key)
      yield cid
      let bytes: Uint8Array
      try {
        bytes = await this.blockstore.getBlock(cid, options)
      } catch (err) {
        if (hasCode(err, NotFoundError.code)) continue
        throw err
      }
      stack.push(...blockLinks(cid, bytes).reverse())
    }
  }

  /** After an add, import or pin: the roots now, and with strategy `all` every block, in the background */
  private announceDags (roots: CID[], kind: 'pin-root' | 'block'): void {
    if (this.offline || roots.length === 0) return
    const run = async (): Promise<void> => {
      await this.provider.announce(roots, kind)
      if (this.provider.strategy === 'roots') return
      if (this.provider.strategy === 'pinned' && kind !== 'pin-root') return
      for (const root of roots) {
        for await (const cid of this.walkLocal(root)) {
          if (!cid.equals(root)) await this.provider.announce([cid], kind === 'pin-root' ? 'pinned' : 'block')
        }
      }
    }
    run().catch(err => { this.log.error('announcing new content failed - %e', err) })
  }

  private async * strategyCids (strategy: ProvideStrategy, options?: AbortOptions): AsyncGenerator<CID> {
    if (strategy === 'all') {
      for await (const { cid } of this.blockstore.getAll(options)) yield cid
      return
    }
    for await (const entry of this.blockstore.pins.ls({ type: 'all', signal: options?.signal })) {
      if (strategy === 'roots' && entry.type === 'indirect') continue
      yield entry.cid
    }
  }

  // --- pins --------------------------------------------------------------------------------------

  private createPinApi (): PinApi {
    return {
      add: async (path: string | CID, options: PinAddOptions = {}): Promise<CID[]> => {
        const cid = await this.resolve(path, options)
        const recursive = options.recursive ?? true
        let walked = 0
        await this.withSession(options, async session => {
          // counts blocks as the pin walk reaches them, for a progress display
          const getter: BlockGetter = {
            getBlock: async (c, opts) => {
              const bytes = await session.getBlock(c, opts)
              options.onProgress?.(++walked)
              return bytes
            }
          }
          await this.blockstore.pins.add(cid, { recursive, getter, signal: options.signal })
        })
        this.announceDags([cid], 'pin-root')
        return [cid]
      },
      rm: async (path: string | CID, options: AbortOptions & { recursive?: boolean } = {}): Promise<CID[]> => {
        const cid = await this.resolve(path, options)
        await this.blockstore.pins.rm(cid, { recursive: options.recursive ?? true })
        return [cid]
      },
      ls: (options: AbortOptions & { type?: PinType | 'all', paths?: Array<string | CID> } = {}): AsyncIterable<PinEntry> => {
        const self = this
        return (async function * () {
          const cids = options.paths == null ? undefined : await Promise.all(options.paths.map(async p => self.resolve(p, options)))
          yield * self.blockstore.pins.ls({ type: options.type ?? 'all', cids, signal: options.signal })
        })()
      },
      update: async (from: string | CID, to: string | CID, options: AbortOptions & { unpin?: boolean } = {}): Promise<CID[]> => {
        const fromCid = await this.resolve(from, options)
        const toCid = await this.resolve(to, options)
        await this.withSession(options, async getter => {
          await this.blockstore.pins.update(fromCid, toCid, { unpin: options.unpin ?? true, getter, signal: options.signal })
        })
        this.announceDags([toCid], 'pin-root')
        return [fromCid, toCid]
      }
    }
  }

  // --- blocks ------------------------------------------------------------------------------------

  private createBlockApi (): BlockApi {
    return {
      get: async (cid: string | CID, options: AbortOptions = {}): Promise<Uint8Array> => {
        return this.blocks.getBlock(parseCid(cid), options)
      },
      put: async (bytes: Uint8Array, options: BlockPutOptions = {}): Promise<CID> => {
        if (!(bytes instanceof Uint8Array)) throw new InvalidParametersError('block put needs bytes')
        if (bytes.byteLength > DEFAULT_BLOCK_PUT_BYTES_MAX) {
          throw new BlockTooLargeError(`Block of ${bytes.byteLength} bytes is over ${DEFAULT_BLOCK_PUT_BYTES_MAX}: big blocks cannot be exchanged with other peers; add it as a file instead`)
        }
        const codecName = options.cidCodec ?? 'raw'
        const codec = CODECS[codecName]
        if (codec == null) throw new InvalidParametersError(`Unsupported CID codec "${codecName}"`)
        const mhtype = options.mhtype ?? 'sha2-256'
        const digest = await hashFor(mhtype, bytes)
        // Kubo keeps CIDv0 for dag-pb with sha2-256, CIDv1 otherwise
        const cid = codec === 0x70 && mhtype === 'sha2-256' ? CID.createV0(digest as any) : CID.createV1(codec, digest)
        // a block that does not decode as its codec would poison every pin walk over it
        blockLinks(cid, bytes)
        await this.blockstore.withAddLock(async () => {
          await this.putter().putBlock(cid, bytes, options)
          if (options.pin === true) await this.blockstore.pins.add(cid, { recursive: true, signal: options.signal })
        })
        this.announceDags([cid], options.pin === true ? 'pin-root' : 'block')
        return cid
      },
      stat: async (cid: string | CID, options: AbortOptions = {}): Promise<{ cid: CID, size: number }> => {
        const c = parseCid(cid)
        const bytes = await this.blocks.getBlock(c, options)
        return { cid: c, size: bytes.byteLength }
      },
      rm: (cids: Array<string | CID>, options: AbortOptions & { force?: boolean } = {}): AsyncIterable<BlockRmResult> => {
        const self = this
        return (async function * () {
          for (const value of cids) {
            options.signal?.throwIfAborted()
            const cid = parseCid(value)
            const pinned = await self.blockstore.pins.isPinned(cid)
            if (pinned != null) {
              yield { cid, error: `pinned: ${pinned.type}` }
              continue
            }
            if (!(await self.blockstore.hasBlock(cid))) {
              if (options.force !== true) yield { cid, error: 'block not found' }
              continue
            }
            await self.blockstore.deleteBlock(cid, options)
            await self.provider.forget([cid])
            yield { cid }
          }
        })()
      }
    }
  }

  // --- DAG and CAR -------------------------------------------------------------------------------

  private createDagApi (): DagApi {
    return {
      import: (car: AsyncIterable<Uint8Array>, options: AbortOptions & { pinRoots?: boolean } = {}): AsyncIterable<DagImportResult> => {
        const self = this
        const pinRoots = options.pinRoots ?? true
        return (async function * () {
          const results: DagImportResult[] = []
          await self.blockstore.withAddLock(async () => {
            const imported = await importCar(car, self.putter(), { signal: options.signal })
            for (const root of imported.roots) {
              if (!pinRoots) {
                results.push({ root: { cid: root } })
                continue
              }
              try {
                await self.blockstore.pins.add(root, { recursive: true, signal: options.signal })
                results.push({ root: { cid: root } })
              } catch (err) {
                results.push({ root: { cid: root, pinErrorMsg: (err as Error).message } })
              }
            }
          })
          self.announceDags(results.filter(r => r.root.pinErrorMsg == null).map(r => r.root.cid), pinRoots ? 'pin-root' : 'block')
          yield * results
        })()
      },
      export: (cid: string | CID, options: CarExportOptions = {}): AsyncIterable<Uint8Array> => {
        const root = parseCid(cid)
        return this.streamWithSession(options, getter => exportCar(root, getter, options))
      },
      stat: async (cid: string | CID, options: AbortOptions = {}): Promise<{ cid: CID, size: number, numBlocks: number }> => {
        const root = parseCid(cid)
        return this.withSession(options, async getter => ({ cid: root, ...(await dagStat(root, getter, options)) }))
      }
    }
  }

  // --- repo --------------------------------------------------------------------------------------

  private createRepoApi (): RepoApi {
    return {
      gc: (options: AbortOptions = {}): AsyncIterable<GcResult> => {
        const self = this
        return (async function * () {
          for await (const cid of self.blockstore.gc(options)) {
            await self.provider.forget([cid])
            yield { cid }
          }
        })()
      },
      stat: async (): Promise<RepoStats> => {
        const { blocks, bytes } = await this.blockstore.stats()
        return {
          numObjects: blocks,
          repoSize: bytes,
          storageMax: parseBytes(this.config.Datastore?.StorageMax ?? '10GB'),
          repoPath: this.repoPath,
          version: REPO_VERSION
        }
      },
      verify: (options: AbortOptions = {}): AsyncIterable<{ msg: string, progress?: number }> => {
        const self = this
        return (async function * () {
          let bad = 0
          for await (const problem of self.blockstore.verify(options)) {
            bad++
            yield { msg: `block ${problem.cid} ${problem.reason === 'hash-mismatch' ? 'was corrupt (hash mismatch)' : 'could not be read'}` }
          }
          yield { msg: bad === 0 ? 'verify complete, all blocks validated.' : `verify complete, ${bad} blocks were corrupt` }
        })()
      }
    }
  }
}

function storeOpenError (err: unknown, what: string): Error {
  for (let e = err as { code?: string, cause?: unknown } | undefined; e != null; e = e.cause as typeof e) {
    if (e.code === 'LEVEL_LOCKED') return new RepoLockedError(`The repo's ${what} is in use by another process (is a daemon running?)`, { cause: err })
  }
  return err as Error
}

/**
 * Opens a repo and builds the one libp2p instance of the process around it. The returned node
 * implements CairnApi in-process; `stop()` releases the repo.
 */
export async function createNode (init: NodeInit): Promise<CairnNode> {
  if (init == null || typeof init.repoPath !== 'string' || init.repoPath === '') {
    throw new InvalidParametersError('createNode needs init.repoPath')
  }
  const repoPath = init.repoPath
  const offline = init.offline ?? false
  if (!(await isRepoInitialized(repoPath))) {
    if (init.initIfMissing !== true) throw new RepoNotInitializedError(`No repo found at ${repoPath}: run \`cairn init\``, { details: { repoPath } })
    try {
      await initRepo(repoPath)
    } catch (err) {
      // another process initialised it in the meantime
      if (!(await isRepoInitialized(repoPath))) throw err
    }
  }
  const fileConfig = await loadRepoConfig(repoPath)
  const config = validateConfig(mergeConfig(fileConfig, init.config))
  config.Identity = fileConfig.Identity
  const privateKey = await loadPrivateKey(repoPath, fileConfig)
  const paths = repoPaths(repoPath)
  const gatewayTimeout = config.Gateway?.Timeout != null ? parseDuration(config.Gateway.Timeout) : DEFAULT_FETCH_TIMEOUT_MS

  const blockstore = await createBlockstore({ path: paths.blocks })
  let datastore: LevelDatastore | undefined
  let libp2p: Libp2p | undefined
  try {
    let libp2pDatastore: Datastore | undefined
    if (!offline) {
      datastore = new LevelDatastore(paths.datastore)
      try {
        await datastore.open()
      } catch (err) {
        throw storeOpenError(err, 'datastore')
      }
      // The peer store stays in memory, as Kubo's does: kad-dht dials a peer it has just heard
      // of by ID, racing the peer-store write of its addresses, and a disk write loses that race
      // under load. DHT records (provider records) persist in $repo/datastore.
      libp2pDatastore = new MountDatastore([
        { prefix: new Key(PEER_STORE_PREFIX), datastore: new MemoryDatastore() },
        { prefix: new Key('/'), datastore }
      ])
    }
    const meter = createBandwidthMeter()
    const services: Record<string, (components: any) => unknown> = {}
    if (!offline) {
      services.bitswap = bitswap({
        blockstore,
        routing: {
          // libp2p exists by the time Bitswap looks for providers (after start)
          findProviders: (cid, options) => (libp2p as Libp2p).contentRouting.findProviders(cid, options)
        }
      })
    }
    libp2p = await buildLibp2p({
      config,
      privateKey,
      datastore: libp2pDatastore,
      offline,
      metrics: meter.metrics,
      services
    })
    const exchange = offline ? undefined : (libp2p.services as { bitswap: Bitswap }).bitswap
    const node = new CairnNodeClass({
      repoPath,
      config,
      offline,
      libp2p,
      blockstore,
      datastore,
      meter,
      fetchTimeoutMs: init.fetchTimeoutMs ?? gatewayTimeout,
      reprovideInitialDelayMs: init.reprovideInitialDelayMs,
      bitswap: exchange
    })
    if (init.start !== false) await node.start()
    return node
  } catch (err) {
    await Promise.resolve(libp2p?.stop()).catch(() => {})
    await datastore?.close().catch(() => {})
    await blockstore.close().catch(() => {})
    throw err
  }
}

/** Kubo lists a file as an object without links: `ls` of a file yields nothing rather than failing */
async function * withoutFileError (entries: AsyncIterable<LsEntry>): AsyncGenerator<LsEntry> {
  try {
    yield * entries
  } catch (err) {
    if ((err as Error)?.name !== 'NotADirectoryError') throw err
  }
}
