import { createBlockstore } from '@cairn/blockstore'
import { verifyBlock } from '@cairn/ipld'
import { cat, createReadAheadBudget, get, importer, ls, resolvePath, stat } from '@cairn/dag'
import { InvalidParametersError, NotFoundError, OfflineError, RepoNotInitializedError, hasCode } from '@cairn/interface'
import { defaultLogger } from '@libp2p/logger'
import { pushable } from 'it-pushable'
import { CID } from 'multiformats/cid'
import { createBlockApi } from './api/block.ts'
import { parseCid } from './api/cid.ts'
import { createBootstrapApi, createConfigApi, createConfigStore } from './api/config.ts'
import { streamWithSession, withSession } from './api/context.ts'
import { createDagApi } from './api/dag.ts'
import { createRefs, refsLocal } from './api/refs.ts'
import { createPinApi } from './api/pin.ts'
import { createRemotePinning } from './remote-pinning/index.ts'
import type { RemotePinning } from './remote-pinning/index.ts'
import { createPubsubApi } from './api/pubsub.ts'
import { createRepoApi } from './api/repo.ts'
import { createRoutingApi } from './api/routing.ts'
import { createSwarmApi } from './api/swarm.ts'
import { createKeyApi } from './api/key.ts'
import { createKeystore } from './keys/keystore.ts'
import type { Keystore } from './keys/keystore.ts'
import { lazyNameSystem } from './ipns/lazy.ts'
import { createRepublisher } from './ipns/republisher.ts'
import type { Republisher } from './ipns/republisher.ts'
import type { NameSystem } from './ipns/name-system.ts'
import { createMfs, type Mfs, type MfsInit } from './mfs/index.ts'
import { ping } from './api/ping.ts'
import { createBitswapApi, createStatsApi } from './api/stats.ts'
import { createDiagApi, createLogApi } from './api/diag.ts'
import { createAddrFilters } from './addr-filters.ts'
import { createPeering } from './peering.ts'
import type { AddrFilters } from './addr-filters.ts'
import type { PeeringService } from './peering.ts'
import { ListenError, NotStartedError } from './errors.ts'
import { importShardThreshold, mergeConfig, mfsNoFlushLimit, parseDuration, provideSettings, pubsubRouterName, storageBudget, validateConfig } from './config.ts'
import { DEFAULT_IPNS_RECORD_LIFETIME_MS, DEFAULT_IPNS_REPUBLISH_PERIOD_MS, AGENT_VERSION, CAIRN_VERSION, DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_PROVIDE_TIMEOUT_MS, DEFAULT_READ_AHEAD_BLOCKS, DHT_PROTOCOL, REPO_VERSION } from './constants.ts'
import { createNetworkGetter } from './network-getter.ts'
import { registerNodeMetrics } from './node-metrics.ts'
import { createContentProvider } from './provider.ts'
import { createSweepProvider } from './provider-sweep.ts'
import { initRepo, isRepoInitialized, loadPrivateKey, loadRepoConfig, repoPaths } from './repo.ts'
import { keepReserve, openDatastore } from './datastore-open.ts'
import type { RepoPaths } from './repo.ts'
import type { ContentContext } from './api/context.ts'
import type { NodePubsubApi } from './api/pubsub.ts'
import type { NodeRoutingApi } from './api/routing.ts'
import type { DeepPartial } from './config.ts'
import type { CairnServices } from './libp2p.ts'
import type { NodeMetrics } from './metrics.ts'
import type { SingleKadDHT } from '@libp2p/kad-dht'
import type { NetworkGetter } from './network-getter.ts'
import type { ContentProvider, ProvideStrategy } from './provider.ts'
import type { CairnBlockstore, GcRoots } from '@cairn/blockstore'
import type { Datastore } from 'interface-datastore'
import type {
  KeyApi, AbortOptions, AddOptions, AddResult, BitswapApi, BlockApi, DiagApi, LogApi, PingOptions, PingResult, BlockGetter, BlockHas, BlockPutter, BootstrapApi, CairnApi, CairnConfig,
  CatOptions, ConfigApi, DagApi, GetEntry, IdResult, ImportCandidate, LsEntry, LsOptions, PinApi, RepoApi, StatResult, StatsApi,
  SwarmApi, VersionResult
} from '@cairn/interface'
import type { ComponentLogger, Libp2p, Logger, PeerId } from '@libp2p/interface'
import type { GuardedDatastore } from './datastore-guard.ts'

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
  /**
   * How long `pin add --replicas` keeps polling a pinning service that gives no status (errors,
   * dropped connections) before it stops waiting for that copy, in ms. @default 60_000
   */
  replicaPollSilentMs?: number
  /**
   * Where the node, its libp2p and its block store log (`cairn:*`, `libp2p:*`); pass
   * `prefixLogger(name)` to tell nodes of one process apart. @default defaultLogger()
   */
  logger?: ComponentLogger
  /**
   * Keep a Prometheus registry (`node.metrics`): libp2p's metrics, process metrics and the node's
   * counters. Offline one-shot commands skip it (loading prom-client costs ~80 ms).
   * @default true when online, false offline
   */
  metrics?: boolean
  /** MFS limits: unflushed changes, the timed flush, the directory cache (defaults as Kubo's) */
  mfs?: MfsInit
}

/** A node: CairnApi in-process, plus the parts the gateway and the daemon share */
export interface CairnNode extends CairnApi {
  readonly peerId: string
  readonly repoPath: string
  readonly offline: boolean
  /**
   * The one libp2p instance of the process, with its services typed (`dht` is absent with
   * `Routing.Type: "none"`). An offline node builds no libp2p at all (so that one-shot commands
   * load none of it): there this throws OfflineError.
   */
  readonly libp2p: Libp2p<Partial<CairnServices>>
  /**
   * The repo's block store, opened by `start()` and closed by `stop()`: read it from the node
   * each time (a restart opens a new handle). NotStartedError before the first start.
   */
  readonly blockstore: CairnBlockstore
  /** The node's Prometheus registry and the counters `stats` reads (undefined: `metrics: false`) */
  readonly metrics?: NodeMetrics
  /** 'started' between a successful `start()` and `stop()` */
  readonly status: 'stopped' | 'starting' | 'started' | 'stopping'
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
  /** CairnApi's `name`, plus what the gateway and the republisher use */
  readonly name: NameSystem
  /** CairnApi's routing plus `findPeer` */
  readonly routing: NodeRoutingApi
  /** CairnApi's `files` plus `chroot` (Kubo's local-only recovery command) */
  readonly files: Mfs
  /** DHT announcements: what was added, and the reprovide loop */
  readonly provider: ContentProvider
  /**
   * Opens the block store (and the datastore), starts libp2p (and with it Bitswap, the DHT and
   * gossipsub), then the reprovide loop. Idempotent. A step that fails undoes the steps before
   * it, so nothing is left listening or open, and the error is thrown.
   */
  start(): Promise<void>
  /** Stops what `start()` started, in reverse order, releasing the repo. `start()` may follow. */
  stop(): Promise<void>
  /**
   * Adds roots that GC and the storage budget keep besides pins (MFS registers its root here):
   * `roots()` is read at the start of every GC and eviction, and every DAG it names is kept whole.
   * A part that links stored blocks into its roots while a sweep may run calls
   * `node.blockstore.keep([cid])` before relying on them. Returns the removal.
   */
  addGcRoots(roots: GcRoots): () => void
}

/** The running config, carrying the ConfigApi methods as non-enumerable properties */
function configView (config: CairnConfig, api: ConfigApi): CairnConfig & ConfigApi {
  const view = structuredClone(config) as CairnConfig & ConfigApi
  for (const key of ['show', 'get', 'set', 'replace', 'applyProfile'] as const) {
    Object.defineProperty(view, key, { value: api[key], enumerable: false })
  }
  return view
}

/** One step of `start()`, undone by its `stop` in reverse order */
interface Child {
  name: string
  start(): Promise<void>
  stop(): Promise<void>
}

/**
 * The block store opened by the node's last `start()`. Parts built once with the node (Bitswap,
 * the network getter, the command groups) reach the store through it, so a restart opens a new
 * handle without rebuilding them.
 */
class StoreSlot {
  current?: CairnBlockstore
  /** The slice Bitswap and the network getter use, always on the current store */
  readonly view: BlockGetter & Required<BlockPutter> & BlockHas

  constructor () {
    this.view = {
      getBlock: async (cid, options) => this.get().getBlock(cid, options),
      putBlock: async (cid, bytes, options) => this.get().putBlock(cid, bytes, options),
      putBlocks: async (blocks, options) => this.get().putBlocks(blocks, options),
      hasBlock: async (cid, options) => this.get().hasBlock(cid, options)
    }
  }

  get (): CairnBlockstore {
    if (this.current == null) throw new NotStartedError('The node is not started: its block store is closed')
    return this.current
  }
}

interface NodeParts {
  stores: StoreSlot
  repoPath: string
  config: CairnConfig
  offline: boolean
  logger: ComponentLogger
  /** The identity (offline the config's `Identity.PeerID`: the key is read only by `id()`) */
  peerId: string
  /** Undefined offline */
  libp2p?: Libp2p<Partial<CairnServices>>
  /** Undefined offline: opened and closed with the node */
  datastore?: GuardedDatastore
  /** What libp2p stores in (the datastore under a mount): where the DHT keeps records */
  libp2pDatastore?: Datastore
  /** `Addresses.Swarm` entries no transport serves (logged, not fatal) */
  skippedListenAddresses?: string[]
  /** Native transports that did not load, one line each (the daemon prints them) */
  notices?: string[]
  metrics?: NodeMetrics
  fetchTimeoutMs: number
  reprovideInitialDelayMs?: number
  replicaPollSilentMs?: number
  /** `Swarm.AddrFilters`, shared with libp2p's connection gater */
  addrFilters: AddrFilters
  mfs?: MfsInit
}

class CairnNodeClass implements CairnNode {
  readonly peerId: string
  readonly repoPath: string
  readonly offline: boolean
  readonly metrics?: NodeMetrics
  readonly config: CairnConfig & ConfigApi
  readonly blocks: NetworkGetter
  readonly provider: ContentProvider
  readonly pin: PinApi
  readonly block: BlockApi
  readonly dag: DagApi
  readonly refs: CairnApi['refs']
  readonly refsLocal: CairnApi['refsLocal']
  readonly repo: RepoApi
  readonly swarm: SwarmApi
  readonly routing: NodeRoutingApi
  readonly pubsub: NodePubsubApi
  readonly stats: StatsApi
  readonly bootstrap: BootstrapApi
  readonly key: KeyApi
  readonly name: NameSystem
  /** Republishes this node's IPNS records (online nodes only) */
  readonly republisher: Republisher
  /** MFS (`files`): its root is a named GC root in the block store */
  readonly files: Mfs
  readonly bitswap: BitswapApi
  readonly diag: DiagApi
  readonly logging: LogApi
  /** `Peering.Peers` and `swarm peering add`: peers kept connected */
  readonly peering: PeeringService
  private readonly stores: StoreSlot
  /** The repo's datastore: the online node's, or one opened on first use by an offline node */
  private readonly datastoreSlot: DatastoreSlot
  private readonly children: Child[]
  private readonly log: Logger
  readonly #libp2p?: Libp2p<Partial<CairnServices>>
  /** Shared by every file read: many concurrent readers hold a bounded total of blocks read ahead */
  private readonly readAhead = createReadAheadBudget(DEFAULT_READ_AHEAD_BLOCKS)
  #status: CairnNode['status'] = 'stopped'
  /** Where GC and eviction read roots besides pins (addGcRoots) */
  readonly #gcRoots = new Set<GcRoots>()
  /** The start or stop under way: a second call waits for it */
  #transition?: Promise<void>
  private readonly remotePinning: RemotePinning
  private stopRemotePinning?: () => void

  constructor (parts: NodeParts) {
    this.stores = parts.stores
    this.repoPath = parts.repoPath
    this.offline = parts.offline
    this.#libp2p = parts.libp2p
    this.metrics = parts.metrics
    this.peerId = parts.peerId
    this.log = parts.logger.forComponent('cairn:node')

    const skipped = parts.skippedListenAddresses ?? []
    if (!this.offline && skipped.length > 0) this.log('not listening on %s: no TCP/WebSockets transport serves them', skipped.join(', '))

    const configStore = createConfigStore(repoPaths(this.repoPath).config)
    this.config = configView(parts.config, createConfigApi(configStore))

    const stores = this.stores
    this.blocks = createNetworkGetter({
      local: stores.view,
      verify: verifyBlock,
      exchange: () => this.#libp2p?.services.bitswap,
      log: this.log.newScope('getter')
    }, { offline: this.offline, timeoutMs: parts.fetchTimeoutMs })

    // Kubo's Provide.* (or the Reprovider.* keys they replaced)
    const provide = provideSettings(this.config)
    const reprovideIntervalMs = this.offline || this.config.Routing.Type === 'none' || !provide.enabled ? 0 : provide.intervalMs
    const sweep = provide.sweep && !this.offline && this.config.Routing.Type !== 'none'
      ? createSweepProvider({
        self: () => this.online().peerId,
        log: this.log.newScope('provider:sweep'),
        getClosestPeers: (key, options) => required(this.onlineServices().dht, 'DHT').getClosestPeers(key, options),
        lookupSize: () => this.onlineServices().dht?.k ?? 20,
        addresses: () => this.online().getMultiaddrs(),
        dialProtocol: async (peer, protocol, options) => this.online().dialProtocol(peer, protocol, options),
        addLocalProvider: async (cid, options) => {
          // kad-dht's provider store is not in its public types
          const dht = this.onlineServices().dht as { providers?: { addProvider(cid: CID, peer: PeerId, options?: AbortOptions): Promise<void> } } | undefined
          await dht?.providers?.addProvider(cid, this.online().peerId, options)
        }
      }, {
        protocol: DHT_PROTOCOL,
        maxConns: provide.maxConnsPerWorker,
        sendTimeoutMs: provide.sendTimeoutMs,
        lookupTimeoutMs: DEFAULT_PROVIDE_TIMEOUT_MS
      })
      : undefined
    this.provider = createContentProvider({
      contentRouting: {
        provide: async (cid, options) => { await this.online().contentRouting.provide(cid, options) },
        cancelReprovide: async (cid, options) => { await this.online().contentRouting.cancelReprovide(cid, options) }
      },
      log: this.log.newScope('provider'),
      listCids: (strategy, options) => this.strategyCids(strategy, options),
      // the sweep needs the DHT service: without it (no DHT), the legacy path goes through libp2p's routers
      sweep: sweep == null ? undefined : () => this.onlineServices().dht == null ? undefined : sweep
    }, {
      enabled: provide.enabled && !this.offline,
      strategy: provide.strategy,
      intervalMs: reprovideIntervalMs,
      initialDelayMs: parts.reprovideInitialDelayMs,
      concurrency: provide.maxWorkers,
      batchMax: provide.batchMax
    })

    this.bootstrap = createBootstrapApi(configStore)
    this.peering = createPeering(this.log.newScope('peering'))
    for (const p of peeringPeersOf(parts.config)) this.peering.add(p)
    this.swarm = createSwarmApi({ libp2p: () => this.online(), peering: this.peering, filters: parts.addrFilters, config: configStore, notices: parts.notices, limits: { maxConnections: this.config.Swarm?.ConnMgr?.HighWater ?? undefined } })
    this.pubsub = createPubsubApi(() => required(this.onlineServices().pubsub, 'pubsub'))
    this.routing = createRoutingApi({
      libp2p: () => this.online(),
      provider: () => this.provider,
      parseCid,
      walk: (root, options) => this.walkLocal(root, options),
      has: async (cid, options) => this.blockstore.hasBlock(cid, options),
      dht: () => this.onlineServices().dht
    })
    const metrics = this.metrics
    const statsParts = {
      metrics,
      libp2p: () => this.online(),
      // the counters `cairn_bitswap_*` read too
      bitswap: () => required(this.onlineServices().bitswap, 'Bitswap'),
      dht: () => this.onlineServices().dht,
      provider: this.provider,
      reprovideIntervalMs
    }
    this.files = createMfs({
      blockstore: () => stores.get(),
      getter: this.blocks,
      putter: () => this.putter(),
      resolve: async (path, options) => this.resolveCid(path, options),
      log: this.log.newScope('mfs')
    }, parts.mfs)
    // GC and eviction keep what MFS reaches, recorded or still in memory
    this.addGcRoots(() => this.files.gcRoots())
    this.stats = createStatsApi(statsParts)
    this.bitswap = createBitswapApi(statsParts)
    this.diag = createDiagApi({
      repoPath: this.repoPath,
      online: () => !this.offline && this.#status === 'started',
      // Kubo samples the DHT routing table's agents for `version check`
      routingPeers: () => this.offline ? undefined : this.stats.dht().then(tables => tables.flatMap(t => t.buckets.flatMap(b => b.peers.map(p => p.agentVersion))))
    })
    this.logging = createLogApi()
    const content: ContentContext = {
      repoPath: this.repoPath,
      config: this.config,
      get blockstore () { return stores.get() },
      blocks: this.blocks,
      provider: this.provider,
      putter: () => this.putter(),
      resolve: async (path, options) => this.resolveCid(path, options),
      announceDags: (roots, kind) => { this.announceDags(roots, kind) }
    }
    const remotePinning = createRemotePinning({
      resolve: async (path, options) => this.resolveCid(path, options),
      hasLocal: async (cid, options) => this.blockstore.hasBlock(cid, options),
      addresses: () => this.#libp2p?.status === 'started' ? this.#libp2p.getMultiaddrs().map(ma => ma.toString()) : [],
      online: () => this.#libp2p?.status === 'started',
      connect: async (addr, options) => { await this.swarm.connect(addr, options) },
      log: this.log.newScope('remote-pinning')
    }, configStore, { pollSilentMs: parts.replicaPollSilentMs })
    this.pin = createPinApi(content, remotePinning)
    this.remotePinning = remotePinning
    this.block = createBlockApi(content)
    this.dag = createDagApi(content)
    this.refs = createRefs(content)
    this.refsLocal = options => refsLocal(content, options)
    const repo = createRepoApi(content)
    this.repo = repo
    if (metrics != null) {
      registerNodeMetrics(metrics, {
        bitswap: () => this.#libp2p?.services.bitswap,
        provider: this.provider,
        blockstore: () => stores.current,
        gc: () => repo.gcStats(),
        dhtPeers: () => (this.#libp2p?.services.dht as SingleKadDHT | undefined)?.routingTable.size
      })
    }
    const paths = repoPaths(this.repoPath)
    const keystore = createKeystore(paths.keystore, paths.key)
    this.key = createKeyApi(keystore)
    this.datastoreSlot = new DatastoreSlot(parts.datastore, paths, parts.logger, () => this.stores.current)
    this.name = lazyNameSystem(async () => this.buildNameSystem(keystore, parts.libp2pDatastore))
    const lifetimeMs = this.config.Ipns?.RecordLifetime != null && this.config.Ipns.RecordLifetime !== '' ? parseDuration(this.config.Ipns.RecordLifetime) : DEFAULT_IPNS_RECORD_LIFETIME_MS
    const periodMs = this.config.Ipns?.RepublishPeriod != null && this.config.Ipns.RepublishPeriod !== '' ? parseDuration(this.config.Ipns.RepublishPeriod) : DEFAULT_IPNS_REPUBLISH_PERIOD_MS
    if (periodMs > lifetimeMs) {
      // records would expire before they are republished: Kubo refuses to start too
      throw new InvalidParametersError(`Ipns.RepublishPeriod (${this.config.Ipns?.RepublishPeriod ?? ''}) must not exceed Ipns.RecordLifetime (${this.config.Ipns?.RecordLifetime ?? '48h'})`)
    }
    this.republisher = createRepublisher(async (options) => this.name.republish(options), this.log.newScope('ipns:republisher'), { intervalMs: periodMs })
    this.children = this.lifecycle(parts)
  }

  get blockstore (): CairnBlockstore {
    return this.stores.get()
  }

  addGcRoots (roots: GcRoots): () => void {
    this.#gcRoots.add(roots)
    return () => { this.#gcRoots.delete(roots) }
  }

  private async * gcRootCids (): AsyncGenerator<CID> {
    for (const roots of [...this.#gcRoots]) yield * await roots()
  }

  get libp2p (): Libp2p<Partial<CairnServices>> {
    return this.online()
  }

  get status (): CairnNode['status'] {
    return this.#status
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  /** What `start()` runs, in order; `stop()` runs it backwards */
  private lifecycle (parts: NodeParts): Child[] {
    const paths = repoPaths(this.repoPath)
    const children: Child[] = [{
      name: 'block store',
      start: async () => {
        this.stores.current = await createBlockstore({
          path: paths.blocks,
          logger: parts.logger,
          // Kubo's Datastore.StorageMax and StorageGCWatermark, enforced (README "Storage budget")
          ...storageBudget(parts.config),
          gcRoots: () => this.gcRootCids(),
          // a repo an older Cairn left may have had its datastore reserve deleted on release
          legacyReserves: [paths.datastoreReserve],
          onEvict: (cids) => { this.provider.forget(cids).catch(err => { this.log.error('forgetting evicted blocks failed - %e', err) }) }
        })
      },
      stop: async () => {
        const store = this.stores.current
        this.stores.current = undefined
        await store?.close()
      }
    }]
    children.push({
      name: 'mfs',
      start: async () => { await this.files.start() },
      stop: async () => { await this.files.stop() }
    })
    const datastore = parts.datastore
    if (datastore != null) {
      let stopReserve = (): void => {}
      children.push({
        name: 'datastore',
        start: async () => {
          const reserve = await openDatastore(datastore.level, paths, parts.logger)
          // the block store takes no new blocks while the datastore's reserve is released, and
          // the datastore no new records while either is: one disk, room for recovery only
          const unhold = this.stores.current?.holdReserve(reserve)
          const holds = [datastore.holdReserve(reserve), ...(this.stores.current != null ? [datastore.holdReserve(this.stores.current.reserve)] : [])]
          const stopKeeping = keepReserve(reserve)
          stopReserve = () => { stopKeeping(); unhold?.(); for (const undo of holds) undo() }
        },
        stop: async () => {
          stopReserve()
          await datastore.close()
        }
      })
    }
    if (datastore == null) {
      // an offline node opens the datastore only when a name command needs it
      children.push({
        name: 'lazy datastore',
        start: async () => {},
        stop: async () => { await this.datastoreSlot.close() }
      })
    }
    if (!this.offline) {
      children.push({
        name: 'libp2p',
        start: async () => { await this.startLibp2p() },
        stop: async () => { await this.libp2p.stop() }
      }, {
        name: 'IPNS republisher',
        start: async () => {
          this.republisher.start()
          // with IPNS over pubsub our records are served to topic peers from the start
          if (this.config.Ipns?.UsePubsub === true) this.name.pubsub.state().catch((err) => { this.log.error('loading the name system failed - %e', err) })
        },
        stop: async () => { this.republisher.stop() }
      }, {
        name: 'peering',
        start: async () => { this.peering.start(this.libp2p) },
        stop: async () => { this.peering.stop() }
      }, {
        name: 'provider',
        start: async () => { this.provider.start() },
        stop: async () => { this.provider.stop() }
      }, {
        // the replica check and Kubo's Policies.MFS
        name: 'remote pinning',
        start: async () => {
          this.stopRemotePinning = await this.remotePinning.startBackground({ root: async (options) => this.files.flush('/', options), peerId: this.peerId })
        },
        stop: async () => { this.stopRemotePinning?.(); this.stopRemotePinning = undefined }
      })
    }
    return children
  }

  async start (): Promise<void> {
    while (this.#transition != null) await this.#transition.catch(() => {})
    if (this.#status === 'started') return
    this.#transition = this.startChildren().finally(() => { this.#transition = undefined })
    await this.#transition
  }

  async stop (): Promise<void> {
    while (this.#transition != null) await this.#transition.catch(() => {})
    if (this.#status === 'stopped') return
    this.#transition = this.stopChildren().finally(() => { this.#transition = undefined })
    await this.#transition
  }

  private async startChildren (): Promise<void> {
    this.#status = 'starting'
    const started: Child[] = []
    try {
      for (const child of this.children) {
        await child.start()
        started.push(child)
      }
    } catch (err) {
      this.log.error('start failed, stopping what started - %e', err)
      await this.stopEach(started.reverse())
      this.#status = 'stopped'
      throw err
    }
    this.#status = 'started'
    this.log('started')
  }

  private async stopChildren (): Promise<void> {
    this.#status = 'stopping'
    const failures = await this.stopEach([...this.children].reverse())
    this.#status = 'stopped'
    this.log('stopped')
    // every child was asked to stop; the first failure is the caller's answer
    if (failures.length > 0) throw failures[0]
  }

  /** Stops each child even when one fails; returns the failures */
  private async stopEach (children: Child[]): Promise<unknown[]> {
    const failures: unknown[] = []
    for (const child of children) {
      try {
        await child.stop()
      } catch (err) {
        this.log.error('stopping the %s failed - %e', child.name, err)
        failures.push(err)
      }
    }
    return failures
  }

  /** libp2p undoes its own partial start; a listen address it cannot use becomes ListenError */
  private async startLibp2p (): Promise<void> {
    try {
      await this.libp2p.start()
    } catch (err: any) {
      if (err?.name === 'UnsupportedListenAddressesError') {
        // the first line names the address and the cause; the rest is a stack
        const detail = String(err.message).split('\n').map((l: string) => l.trim()).find((l: string) => l.startsWith('/')) ?? ''
        throw new ListenError(`Cannot listen on Addresses.Swarm ${detail}`.trim(), { cause: err })
      }
      throw err
    }
  }

  private online (): Libp2p<Partial<CairnServices>> {
    // Kubo's ErrNotOnline
    if (this.#libp2p == null) throw new OfflineError("this command must be run in online mode. Try running 'cairn daemon' first")
    return this.#libp2p
  }

  private onlineServices (): Partial<CairnServices> {
    this.online()
    return this.libp2p.services
  }

  // --- identity ----------------------------------------------------------------------------------

  async id (options: AbortOptions & { peerId?: string, dial?: boolean } = {}): Promise<IdResult> {
    // the identity module (key crypto, peer ids) is loaded by the commands that use it
    const identity = await import('./api/identity.ts')
    if (options.peerId != null && options.peerId !== this.peerId) return identity.peerIdentity(this.online(), options.peerId, options)
    const libp2p = this.#libp2p
    // offline there is no libp2p: the key is read from the repo (and checked against the config)
    const publicKey = libp2p != null ? libp2p.peerId.publicKey : (await loadPrivateKey(this.repoPath, this.config)).publicKey
    return {
      id: this.peerId,
      publicKey: identity.encodePublicKey(publicKey),
      addresses: libp2p?.getMultiaddrs().map(ma => ma.toString()) ?? [],
      agentVersion: AGENT_VERSION,
      protocolVersion: 'ipfs/0.1.0',
      protocols: libp2p?.getProtocols().sort() ?? [],
      ...(libp2p?.services.reachability != null ? { reachability: libp2p.services.reachability.status().reachability } : {})
    }
  }

  ping (peer: string, options: PingOptions = {}): AsyncIterable<PingResult> {
    return ping({ libp2p: () => this.online(), findPeer: async (id, o) => this.routing.findPeer(id, o) }, peer, options)
  }

  /** A node alone is no daemon: the daemon's RPC answers `shutdown` itself (Kubo: "daemon not running") */
  async shutdown (): Promise<void> {
    throw new InvalidParametersError('daemon not running')
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
    if (options.toFiles != null && onlyHash) throw new InvalidParametersError('only-hash and to-files options are not compatible')
    if (options.toFiles != null && options.wrapWithDirectory === true) throw new InvalidParametersError('wrap-with-directory and to-files options are not compatible')
    const run = async (): Promise<void> => {
      const roots: CID[] = []
      const named: Array<{ name: string, cid: CID }> = []
      // the add lock keeps GC from sweeping blocks written before the pin commits
      await this.blockstore.withAddLock(async () => {
        for await (const result of importer(source, this.putter(), { shardThresholdBytes: importShardThreshold(this.config), ...options, signal })) {
          // the roots Kubo pins: the wrapping directory alone with -w, else each top-level entry
          if (options.wrapWithDirectory === true ? result.path === '' : !result.path.includes('/')) {
            roots.push(result.cid)
            // an unnamed file (stdin) is printed under its CID: it has no name to link in MFS
            named.push({ name: result.path === result.cid.toString() ? '' : result.path, cid: result.cid })
          }
          out.push(result)
        }
        if (onlyHash) return
        if (pin) {
          signal.throwIfAborted()
          for (const root of roots) await this.blockstore.pins.add(root, { recursive: true, signal })
        }
        // still under the add lock: unpinned content cannot be swept before MFS links it
        if (options.toFiles != null) await this.files.linkAdded(named, options.toFiles, { signal })
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
    const exchange = this.#libp2p?.services.bitswap
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
    return this.viaName(path, options, p => streamWithSession(this.blocks, options, getter => cat(p, getter, { ...options, readAhead: this.readAhead })))
  }

  get (path: string | CID, options: AbortOptions = {}): AsyncIterable<GetEntry> {
    return this.viaName(path, options, p => streamWithSession(this.blocks, options, getter => get(p, getter, { ...options, readAhead: this.readAhead })))
  }

  ls (path: string | CID, options: LsOptions = {}): AsyncIterable<LsEntry> {
    return this.viaName(path, options, p => streamWithSession(this.blocks, options, getter => withoutFileError(ls(p, getter, options), async () => { await resolvePath(p, getter, options) })))
  }

  async stat (path: string | CID, options: AbortOptions = {}): Promise<StatResult> {
    const p = typeof path === 'string' ? await this.ipfsPath(path, options) : path
    return withSession(this.blocks, options, async getter => stat(p, getter, options))
  }

  /** A read of an /ipns/ path runs on the /ipfs/ path the name resolves to */
  private viaName<T> (path: string | CID, options: AbortOptions, read: (path: string | CID) => AsyncIterable<T>): AsyncIterable<T> {
    if (typeof path !== 'string' || !path.startsWith('/ipns/')) return read(path)
    const self = this
    return (async function * () {
      yield * read(await self.ipfsPath(path, options))
    })()
  }

  private async resolveCid (path: string | CID, options?: AbortOptions): Promise<CID> {
    if (path instanceof CID || CID.asCID(path) != null) return CID.asCID(path) as CID
    const resolved = await resolvePath(await this.ipfsPath(path, options), this.blocks, options)
    return resolved.cid
  }

  /** An /ipns/ path becomes the /ipfs/ path its name points at; anything else is left as it is */
  private async ipfsPath (path: string, options?: AbortOptions): Promise<string> {
    if (!path.startsWith('/ipns/')) return path
    return this.name.resolve(path, { signal: options?.signal })
  }

  // --- names -------------------------------------------------------------------------------------

  /**
   * Announces this node as a follower of a pubsub topic and connects the followers already
   * announced: the DHT key is the CID of sha256("floodsub:" + topic), as go-libp2p's routing
   * discovery (and so Kubo's IPNS over pubsub) uses
   */
  private async discoverTopic (topic: string, options: { signal: AbortSignal }): Promise<void> {
    const libp2p = this.online()
    const { sha256 } = await import('multiformats/hashes/sha2')
    const key = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode(`floodsub:${topic}`)))
    const provided = libp2p.contentRouting.provide(key, options).catch((err) => { this.log('announcing topic %s failed - %e', topic, err) })
    let dialled = 0
    for await (const peer of libp2p.contentRouting.findProviders(key, options)) {
      if (peer.id.equals(libp2p.peerId) || libp2p.getConnections(peer.id).length > 0) continue
      await libp2p.dial(peer.id, options).then(() => { dialled++ }, (err) => { this.log('dialling topic follower %p failed - %e', peer.id, err) })
      if (dialled >= TOPIC_FOLLOWERS_DIALLED_MAX) break
    }
    await provided
  }

  /** The name system and its parts, imported when a name is first used */
  private async buildNameSystem (keystore: Keystore, libp2pDatastore: Datastore | undefined): Promise<NameSystem> {
    const [{ createNameSystem }, { createRecordStore }, { createDnslinkResolver }, { createIpnsPubsub }, { dhtLocalRecord }, { delegatedPublishers }] = await Promise.all([
      import('./ipns/name-system.ts'), import('./ipns/records.ts'), import('./ipns/dnslink.ts'), import('./ipns/pubsub.ts'), import('./ipns/validator.ts'), import('./ipns/delegated.ts')
    ])
    const duration = (value: string | undefined): number | undefined => value != null && value !== '' ? parseDuration(value) : undefined
    const dnslink = createDnslinkResolver({ resolvers: this.config.DNS?.Resolvers, maxCacheTtlMs: duration(this.config.DNS?.MaxCacheTTL) })
    const system: NameSystem = createNameSystem({
      keystore,
      records: createRecordStore(async () => this.datastoreSlot.get()),
      dht: () => this.offline ? undefined : this.libp2p.services.dht,
      dhtLocal: async (key) => libp2pDatastore == null ? undefined : dhtLocalRecord(libp2pDatastore, key),
      offline: this.offline,
      checkPath: async (path, options) => { await this.resolveCid(path, options) },
      dnslink: async (domain, options) => dnslink.resolve(domain, options),
      pubsub: createIpnsPubsub({
        pubsub: () => this.pubsub,
        receive: async (name, record) => system.receive(name, record),
        discover: async (topic, options) => { await this.discoverTopic(topic, options) },
        fetch: async (peer, routingKey, options) => this.online().services.fetch?.fetch((await import('@libp2p/peer-id')).peerIdFromString(peer), routingKey, options),
        onPeerJoin: (handler) => {
          this.online().services.pubsub?.addEventListener('subscription-change', (evt) => {
            for (const sub of evt.detail.subscriptions) if (sub.subscribe) handler(evt.detail.peerId.toString(), sub.topic)
          })
        },
        log: this.log.newScope('ipns:pubsub')
      }, !this.offline && this.config.Ipns?.UsePubsub === true),
      delegatedPublishers: delegatedPublishers(this.config.Ipns?.DelegatedPublishers),
      log: this.log.newScope('ipns')
    }, {
      recordLifetimeMs: duration(this.config.Ipns?.RecordLifetime),
      cacheSize: this.config.Ipns?.ResolveCacheSize != null && this.config.Ipns.ResolveCacheSize > 0 ? this.config.Ipns.ResolveCacheSize : undefined,
      maxCacheTtlMs: duration(this.config.Ipns?.MaxCacheTTL)
    })
    // peers following a name's topic ask us for our latest record of it (IPNS over pubsub)
    if (!this.offline) this.online().services.fetch?.registerLookupFunction('/ipns/', async (key) => system.localRecord(key))
    return system
  }

  async resolve (path: string, options: AbortOptions & { recursive?: boolean, nocache?: boolean } = {}): Promise<string> {
    let p = path.trim()
    if (p.startsWith('/ipns/')) {
      p = await this.name.resolve(p, { recursive: options.recursive, nocache: options.nocache, signal: options.signal })
      if (!p.startsWith('/ipfs/')) return p
    } else if (!p.startsWith('/ipfs/')) {
      if (p.startsWith('/')) throw new InvalidParametersError(`invalid path "${p.slice(0, 100)}": unknown namespace`)
      p = `/ipfs/${p}`
    }
    // a path inside a DAG resolves to the CID it ends at, as Kubo's `resolve`
    if (p.split('/').filter(s => s !== '').length > 2) {
      const resolved = await resolvePath(p, this.blocks, options)
      return `/ipfs/${resolved.cid.toString()}`
    }
    return p
  }

  async dns (domain: string, options: AbortOptions & { recursive?: boolean } = {}): Promise<string> {
    const name = domain.replace(/^\/ipns\//, '')
    if (!name.includes('.')) throw new InvalidParametersError(`invalid domain name: ${name.slice(0, 100)}`)
    return this.name.resolve(`/ipns/${name}`, { recursive: options.recursive ?? true, signal: options.signal })
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
      let links: CID[]
      try {
        // a dag-pb body's links come first: a leaf's few first bytes say it has none
        links = await this.blockstore.linksOf(cid, options)
      } catch (err) {
        if (hasCode(err, NotFoundError.code)) continue
        throw err
      }
      stack.push(...links.reverse())
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
      // a provider record names a multihash: the index lists them without reading a body
      yield * this.blockstore.multihashes(options)
      return
    }
    for await (const entry of this.blockstore.pins.ls({ type: 'all', signal: options?.signal })) {
      if (strategy === 'roots' && entry.type === 'indirect') continue
      yield entry.cid
    }
  }

}

/**
 * Reads a repo's config and identity and builds the node around it: the one libp2p instance of
 * the process, Bitswap, the DHT, the command groups. With `start` (the default) the node is
 * started before it is returned; `stop()` releases the repo, and `start()` may open it again.
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
  // a bad router fails here, before the repo's stores are opened
  if (!offline) pubsubRouterName(config)
  const paths = repoPaths(repoPath)
  const gatewayTimeout = config.Gateway?.Timeout != null ? parseDuration(config.Gateway.Timeout) : DEFAULT_FETCH_TIMEOUT_MS
  const logger = init.logger ?? defaultLogger()
  // loaded only when wanted: an offline one-shot command does not pay for prom-client
  const metrics = (init.metrics ?? !offline) ? (await import('./metrics.ts')).createNodeMetrics({ statfsPath: repoPath }) : undefined

  const stores = new StoreSlot()
  const addrFilters = createAddrFilters(addrFiltersOf(config))
  const parts = {
    addrFilters,
    stores,
    repoPath,
    config,
    offline,
    logger,
    metrics,
    fetchTimeoutMs: init.fetchTimeoutMs ?? gatewayTimeout,
    reprovideInitialDelayMs: init.reprovideInitialDelayMs,
    replicaPollSilentMs: init.replicaPollSilentMs,
    mfs: { noFlushLimit: mfsNoFlushLimit(config), ...init.mfs }
  }
  let node: CairnNodeClass
  if (offline) {
    // a config without its PeerID (hand-edited) still has the key's
    const peerId = fileConfig.Identity.PeerID !== ''
      ? fileConfig.Identity.PeerID
      : (await import('@libp2p/peer-id')).peerIdFromPrivateKey(await loadPrivateKey(repoPath, fileConfig)).toString()
    node = new CairnNodeClass({ ...parts, peerId })
  } else {
    // loaded only online: libp2p, its crypto and the datastore are most of a short command's start-up
    const { buildOnlineParts } = await import('./online.ts')
    const privateKey = await loadPrivateKey(repoPath, fileConfig)
    const online = await buildOnlineParts({
      config,
      privateKey,
      datastorePath: paths.datastore,
      logger,
      metrics,
      addrFilters,
      blockstore: stores.view
    })
    node = new CairnNodeClass({ ...parts, ...online, peerId: online.libp2p.peerId.toString() })
  }
  if (init.start !== false) await node.start()
  return node
}

/** Followers of one IPNS pubsub topic this node dials by itself: enough for gossipsub's mesh (D = 6) */
const TOPIC_FOLLOWERS_DIALLED_MAX = 8

/** The repo's datastore as the node's IPNS records see it */
class DatastoreSlot {
  private opened?: Promise<GuardedDatastore>
  private readonly own: boolean
  private readonly shared: GuardedDatastore | undefined
  private readonly paths: RepoPaths
  private readonly logger: ComponentLogger
  private readonly blockstore: () => CairnBlockstore | undefined

  constructor (shared: GuardedDatastore | undefined, paths: RepoPaths, logger: ComponentLogger, blockstore: () => CairnBlockstore | undefined) {
    this.shared = shared
    this.paths = paths
    this.logger = logger
    this.own = shared == null
    this.blockstore = blockstore
  }

  async get (): Promise<Datastore> {
    if (this.shared != null) return this.shared
    this.opened ??= (async () => {
      // loaded here: offline nodes import datastore-level only when a name command needs it
      const { LevelDatastore } = await import('datastore-level')
      const { GuardedDatastore } = await import('./datastore-guard.ts')
      const level = new LevelDatastore(this.paths.datastore)
      let reserve
      try {
        reserve = await openDatastore(level, this.paths, this.logger)
      } catch (err) {
        this.opened = undefined
        throw err
      }
      // as an online node's (see `lifecycle`): no new records while a reserve of the repo is released
      const store = new GuardedDatastore(level, { path: this.paths.datastore, logger: this.logger })
      store.holdReserve(reserve)
      const blocks = this.blockstore()
      if (blocks != null) store.holdReserve(blocks.reserve)
      return store
    })()
    return this.opened
  }

  async close (): Promise<void> {
    if (!this.own || this.opened == null) return
    const opened = this.opened
    this.opened = undefined
    await (await opened.catch(() => undefined))?.close()
  }
}

/** `Swarm.AddrFilters` of a config (Kubo's key; absent means none) */
function addrFiltersOf (config: CairnConfig): string[] {
  const list = (config.Swarm as { AddrFilters?: unknown } | undefined)?.AddrFilters
  return Array.isArray(list) ? list.map(String) : []
}

/** `Peering.Peers` of a config: `[{ ID, Addrs }]` as Kubo writes it */
function peeringPeersOf (config: CairnConfig): Array<{ id: string, addrs: string[] }> {
  const list = (config.Peering as { Peers?: unknown } | undefined)?.Peers
  if (!Array.isArray(list)) return []
  return list.flatMap((p: { ID?: unknown, Addrs?: unknown }) => typeof p?.ID === 'string' ? [{ id: p.ID, addrs: Array.isArray(p.Addrs) ? p.Addrs.map(String) : [] }] : [])
}

/** A service every online node has (the type says optional because offline nodes have none) */
function required<T> (service: T | undefined, name: string): T {
  if (service == null) throw new NotStartedError(`The node has no ${name} service`)
  return service
}

/** Kubo lists a file as an object without links: `ls` of a file yields nothing rather than failing */
async function * withoutFileError (entries: AsyncIterable<LsEntry>, resolves: () => Promise<void>): AsyncGenerator<LsEntry> {
  try {
    yield * entries
  } catch (err) {
    if ((err as Error)?.name !== 'NotADirectoryError') throw err
    // a file lists with no links, but a path that runs past a file (`file/nope`) must stay an
    // error, and one that callers listing files do not swallow: Kubo answers it as a missing link
    try {
      await resolves()
    } catch (resolveErr) {
      if ((resolveErr as Error)?.name !== 'NotADirectoryError') throw resolveErr
      throw new NotFoundError((resolveErr as Error).message, { cause: resolveErr })
    }
  }
}
