/**
 * What only an online node has: its libp2p (with Bitswap wired to the node's block store) and the
 * datastore under it. `createNode` imports this module only when the node is online, so an offline
 * node (every one-shot `cairn` command without a daemon) loads none of libp2p, its crypto or
 * LevelDB's datastore wrapper: about 550 modules and most of such a command's start-up.
 */
import { MemoryDatastore, MountDatastore } from 'datastore-core'
import { LevelDatastore } from 'datastore-level'
import { Key } from 'interface-datastore'
import { bitswap } from './bitswap/index.ts'
import { GuardedDatastore } from './datastore-guard.ts'
import { PEER_STORE_PREFIX } from './constants.ts'
import { buildLibp2p, splitListenAddresses } from './libp2p.ts'
import type { CairnServices } from './libp2p.ts'
import type { AddrFilters } from './addr-filters.ts'
import type { NodeMetrics } from './metrics.ts'
import type { BlockGetter, BlockHas, BlockPutter, CairnConfig } from '@cairn/interface'
import type { ComponentLogger, Libp2p, PrivateKey } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'

export interface OnlinePartsInit {
  config: CairnConfig
  privateKey: PrivateKey
  /** `$repo/datastore` */
  datastorePath: string
  logger: ComponentLogger
  metrics?: NodeMetrics
  /** `Swarm.AddrFilters`, shared with the node's `swarm filters` commands */
  addrFilters?: AddrFilters
  /** The node's block store, whichever handle is open (Bitswap serves from it and stores into it) */
  blockstore: BlockGetter & Required<BlockPutter> & BlockHas
}

export interface OnlineParts {
  libp2p: Libp2p<CairnServices>
  /** Opened by the node's `start()`, closed by its `stop()`; every write of the node goes through its guard */
  datastore: GuardedDatastore
  /** What libp2p stores in (the datastore under a mount): where the DHT keeps records */
  libp2pDatastore: Datastore
  /** `Addresses.Swarm` entries no transport of ours serves (skipped, not fatal) */
  skippedListenAddresses: string[]
  /** One line each for the log: a native transport (QUIC, WebRTC) that did not load */
  notices: string[]
}

/** Builds an online node's libp2p and datastore, neither started nor opened */
export async function buildOnlineParts (init: OnlinePartsInit): Promise<OnlineParts> {
  const datastore = new GuardedDatastore(new LevelDatastore(init.datastorePath), { path: init.datastorePath, logger: init.logger })
  // The peer store stays in memory, as Kubo's does: kad-dht dials a peer it has just heard
  // of by ID, racing the peer-store write of its addresses, and a disk write loses that race
  // under load. DHT records (provider records) persist in $repo/datastore.
  const libp2pDatastore = new MountDatastore([
    { prefix: new Key(PEER_STORE_PREFIX), datastore: new MemoryDatastore() },
    { prefix: new Key('/'), datastore }
  ])
  let libp2p: Libp2p<CairnServices> | undefined
  // kad-dht takes its record validators when it is built: the `ipns` package loads here
  const { dhtIpnsSelector, dhtIpnsValidator } = await import('./ipns/validator.ts')
  const notices: string[] = []
  libp2p = await buildLibp2p({
    onNotice: (lines) => { notices.push(...lines) },
    config: init.config,
    privateKey: init.privateKey,
    datastore: libp2pDatastore,
    logger: init.logger,
    metrics: init.metrics?.libp2p,
    addrFilters: init.addrFilters,
    dhtValidators: { ipns: dhtIpnsValidator(() => libp2pDatastore) },
    dhtSelectors: { ipns: dhtIpnsSelector },
    bitswap: bitswap({
      blockstore: init.blockstore,
      routing: {
        // libp2p exists by the time Bitswap looks for providers (after start)
        findProviders: (cid, options) => (libp2p as Libp2p).contentRouting.findProviders(cid, options)
      }
    })
  })
  return { libp2p, datastore, libp2pDatastore, skippedListenAddresses: splitListenAddresses(init.config.Addresses.Swarm).unsupported, notices }
}
