import { createBlockstore, levelOpenError } from '@cairn/blockstore'
import { blockLinks, verifyBlock } from '@cairn/ipld'
import { cat, get, importer, ls, resolvePath, stat } from '@cairn/dag'
import { bitswap } from './bitswap/index.ts'
import { InvalidParametersError, NotFoundError, OfflineError, RepoNotInitializedError, hasCode } from '@cairn/interface'
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { prefixLogger } from '@libp2p/logger'
import { MemoryDatastore, MountDatastore } from 'datastore-core'
import { LevelDatastore } from 'datastore-level'
import { Key } from 'interface-datastore'
import { pushable } from 'it-pushable'
import { CID } from 'multiformats/cid'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { createBlockApi } from './api/block.ts'
import { parseCid } from './api/cid.ts'
import { createBootstrapApi, createConfigApi, createConfigStore } from './api/config.ts'
import { streamWithSession, withSession } from './api/context.ts'
import { createDagApi } from './api/dag.ts'
import { createPinApi } from './api/pin.ts'
import { createPubsubApi } from './api/pubsub.ts'
import { createRepoApi } from './api/repo.ts'
import { createRoutingApi } from './api/routing.ts'
import { createSwarmApi } from './api/swarm.ts'
import { createBandwidthMeter } from './bandwidth.ts'
import { ListenError } from './errors.ts'
import { mergeConfig, parseDuration, validateConfig } from './config.ts'
import { AGENT_VERSION, CAIRN_VERSION, PEER_STORE_PREFIX, DEFAULT_FETCH_TIMEOUT_MS, REPO_VERSION } from './constants.ts'
import { buildLibp2p, reprovideIntervalMs, splitListenAddresses } from './libp2p.ts'
import { peerIdentity } from './api/identity.ts'
import { createNetworkGetter } from './network-getter.ts'
import { createContentProvider } from './provider.ts'
import { initRepo, isRepoInitialized, loadPrivateKey, loadRepoConfig, repoPaths } from './repo.ts'
import type { ContentContext } from './api/context.ts'
import type { NodePubsubApi } from './api/pubsub.ts'
import type { NodeRoutingApi } from './api/routing.ts'
import type { BandwidthMeter } from './bandwidth.ts'
import type { DeepPartial } from './config.ts'
import type { Bitswap } from './bitswap/index.ts'
import type { NetworkGetter } from './network-getter.ts'
import type { ContentProvider, ProvideStrategy } from './provider.ts'
import type { CairnBlockstore } from '@cairn/blockstore'
import type {
  AbortOptions, AddOptions, AddResult, BandwidthStats, BlockApi, BlockPutter, BootstrapApi, CairnApi, CairnConfig,
  CatOptions, ConfigApi, DagApi, GetEntry, IdResult, ImportCandidate, LsEntry, PinApi, RepoApi, StatResult, StatsApi,
  SwarmApi, VersionResult
} from '@cairn/interface'
import type { Libp2p, Logger } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'

export { parseCid }

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
    const content: ContentContext = {
      repoPath: this.repoPath,
      config: this.config,
      blockstore: this.blockstore,
      blocks: this.blocks,
      provider: this.provider,
      putter: () => this.putter(),
      resolve: async (path, options) => this.resolve(path, options),
      announceDags: (roots, kind) => { this.announceDags(roots, kind) }
    }
    this.pin = createPinApi(content)
    this.block = createBlockApi(content)
    this.dag = createDagApi(content)
    this.repo = createRepoApi(content)
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

  async id (options: AbortOptions & { peerId?: string } = {}): Promise<IdResult> {
    if (options.peerId != null && options.peerId !== this.peerId) return peerIdentity(this.online(), options.peerId, options)
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
    return streamWithSession(this.blocks, options, getter => cat(path, getter, options))
  }

  get (path: string | CID, options: AbortOptions = {}): AsyncIterable<GetEntry> {
    return streamWithSession(this.blocks, options, getter => get(path, getter, options))
  }

  ls (path: string | CID, options: AbortOptions = {}): AsyncIterable<LsEntry> {
    return streamWithSession(this.blocks, options, getter => withoutFileError(ls(path, getter, options)))
  }

  async stat (path: string | CID, options: AbortOptions = {}): Promise<StatResult> {
    return withSession(this.blocks, options, async getter => stat(path, getter, options))
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
        throw levelOpenError(err, `The repo's datastore at ${paths.datastore}`)
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
