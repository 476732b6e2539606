import { noise } from '@chainsafe/libp2p-noise'
import { bootstrap } from '@libp2p/bootstrap'
import { gossipsub } from '@libp2p/gossipsub'
import { identify, identifyPush } from '@libp2p/identify'
import { kadDHT, passthroughMapper, removePrivateAddressesMapper } from '@libp2p/kad-dht'
import { mdns } from '@libp2p/mdns'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { webSockets } from '@libp2p/websockets'
import { yamux } from '@libp2p/yamux'
import { multiaddr } from '@multiformats/multiaddr'
import { isPrivate } from '@libp2p/utils'
import { createLibp2p } from 'libp2p'
import { parseDuration } from './config.ts'
import { AGENT_VERSION, CAIRN_VERSION, DEFAULT_PING_STREAMS_MAX, DHT_PROTOCOL } from './constants.ts'
import { fastNoiseCrypto } from './noise-crypto.ts'
import type { CairnConfig } from '@cairn/interface'
import type { GossipSub } from '@libp2p/gossipsub'
import type { Identify, IdentifyPush } from '@libp2p/identify'
import type { AddrFilters } from './addr-filters.ts'
import type { Bitswap, BitswapComponents } from './bitswap/index.ts'
import type { ComponentLogger, Libp2p, Metrics, PeerInfo, PrivateKey, ServiceMap } from '@libp2p/interface'
import type { KadDHT, Selectors, Validators } from '@libp2p/kad-dht'
import type { Ping } from '@libp2p/ping'
import type { Datastore } from 'interface-datastore'
import type { ServiceFactoryMap } from 'libp2p'

/** Loopback ranges exempt from the inbound connection rate limit */
const LOOPBACK_ALLOW = ['/ip4/127.0.0.0/ipcidr/8', '/ip6/::1/ipcidr/128']

/** The services of an online node */
export interface CairnServices extends ServiceMap {
  identify: Identify
  identifyPush: IdentifyPush
  ping: Ping
  pubsub: GossipSub
  bitswap: Bitswap
  /** Absent with `Routing.Type: "none"` */
  dht?: KadDHT
}

export interface BuildLibp2pInit {
  config: CairnConfig
  privateKey: PrivateKey
  datastore?: Datastore
  logger?: ComponentLogger
  /** libp2p's metrics component (the node's Prometheus registry) */
  metrics?: (components: { logger: ComponentLogger }) => Metrics
  /** The Bitswap service factory; `createNode` wires it to the block store and the DHT */
  bitswap: (components: BitswapComponents) => Bitswap
  /** Record validators and selectors beyond kad-dht's own (`/pk/`): the node adds `/ipns/` */
  dhtValidators?: Validators
  dhtSelectors?: Selectors
  /** `Swarm.AddrFilters` in force: ranges never dialled nor accepted. @default none */
  addrFilters?: AddrFilters
}

export interface BuildOfflineLibp2pInit {
  privateKey: PrivateKey
  logger?: ComponentLogger
}

/**
 * True when every listen address is loopback or private: a private network (tests, a LAN), where
 * the DHT must keep private addresses in peer records or no one could dial anyone.
 */
export function isPrivateNetwork (listen: string[]): boolean {
  if (listen.length === 0) return false
  return listen.every(addr => {
    try {
      const ma = multiaddr(addr)
      const host = ma.getComponents()[0]?.value ?? ''
      if (host === '0.0.0.0' || host === '::') return false
      return isPrivate(ma) === true
    } catch {
      return false
    }
  })
}

/** Protocols in a listen address that our transports (TCP, plain WebSockets) cannot serve */
const UNSUPPORTED_LISTEN_PROTOCOLS = new Set(['udp', 'quic', 'quic-v1', 'webtransport', 'webrtc', 'webrtc-direct', 'p2p-circuit', 'wss', 'tls'])

/**
 * Splits `Addresses.Swarm` into what TCP/WebSockets can listen on and the rest. A Kubo config
 * copied over lists QUIC and WebTransport addresses: those are skipped, not fatal.
 */
export function splitListenAddresses (addrs: string[]): { supported: string[], unsupported: string[] } {
  const supported: string[] = []
  const unsupported: string[] = []
  for (const addr of addrs) {
    let names: string[]
    try {
      names = multiaddr(addr).getComponents().map(c => c.name)
    } catch {
      unsupported.push(addr)
      continue
    }
    if (names.includes('tcp') && !names.some(n => UNSUPPORTED_LISTEN_PROTOCOLS.has(n))) supported.push(addr)
    else unsupported.push(addr)
  }
  return { supported, unsupported }
}

/** Kubo's `Routing.Type` as kad-dht's `clientMode` (undefined: switch to server once publicly reachable) */
export function dhtClientMode (type: CairnConfig['Routing']['Type']): boolean | undefined {
  // Kubo's autoclient (the lowpower profile) never serves the DHT
  if (type === 'dhtclient' || type === 'autoclient') return true
  if (type === 'dhtserver') return false
  return undefined
}

const NODE_INFO = { name: 'cairn', version: CAIRN_VERSION, userAgent: AGENT_VERSION }

/**
 * The libp2p of an offline node: no transports, no discovery and no services, so it cannot dial
 * or be dialled; it carries the identity (`peerId`) and is never started.
 */
export async function buildOfflineLibp2p (init: BuildOfflineLibp2pInit): Promise<Libp2p<Partial<CairnServices>>> {
  return createLibp2p<Partial<CairnServices>>({
    privateKey: init.privateKey,
    nodeInfo: NODE_INFO,
    logger: init.logger,
    addresses: { listen: [] },
    transports: [],
    start: false
  })
}

/** Builds the one libp2p instance of an online node, not started */
export async function buildLibp2p (init: BuildLibp2pInit): Promise<Libp2p<CairnServices>> {
  const { config, privateKey } = init

  const { supported: listen } = splitListenAddresses(config.Addresses.Swarm)
  const privateNet = isPrivateNetwork(listen)
  const peerDiscovery: NonNullable<Parameters<typeof createLibp2p>[0]>['peerDiscovery'] = []
  if (config.Bootstrap.length > 0) peerDiscovery.push(bootstrap({ list: config.Bootstrap }))
  if (config.Discovery?.MDNS?.Enabled === true) peerDiscovery.push(mdns())

  // service factories declare the components they need; libp2p checks them when it is built
  const services: ServiceFactoryMap<CairnServices> = {
    identify: identify(),
    identifyPush: identifyPush(),
    ping: ping({ maxInboundStreams: DEFAULT_PING_STREAMS_MAX, maxOutboundStreams: DEFAULT_PING_STREAMS_MAX }),
    pubsub: gossipsub({
      // a node alone on a topic may still publish (Kubo does not fail either)
      allowPublishToZeroTopicPeers: true,
      // go-libp2p-pubsub (Kubo) delivers a node's own publications to its own subscribers
      emitSelf: true
    }),
    bitswap: init.bitswap
  }
  if (config.Routing.Type !== 'none') {
    services.dht = kadDHT({
      protocol: DHT_PROTOCOL,
      // on a private network every peer that can reach us can dial our private addresses, so
      // waiting for a public address (auto mode) would keep us a client forever
      clientMode: privateNet && config.Routing.Type === 'auto' ? false : dhtClientMode(config.Routing.Type),
      // on the public network a private address in a peer record is noise at best
      peerInfoMapper: privateNet ? passthroughMapper : (peer: PeerInfo) => removePrivateAddressesMapper(peer),
      // our reprovider decides what is announced (Kubo's strategies); the DHT's own one only
      // renews records that actually expired
      reprovide: { threshold: 0 },
      validators: init.dhtValidators,
      selectors: init.dhtSelectors
    })
  }

  const connMgr = config.Swarm?.ConnMgr
  return createLibp2p<CairnServices>({
    privateKey,
    nodeInfo: NODE_INFO,
    logger: init.logger,
    datastore: init.datastore,
    addresses: {
      listen,
      announce: config.Addresses.Announce ?? [],
      noAnnounce: config.Addresses.NoAnnounce ?? []
    },
    transports: [tcp(), webSockets()],
    connectionEncrypters: [noise({ crypto: fastNoiseCrypto })],
    streamMuxers: [yamux()],
    peerDiscovery,
    connectionManager: {
      maxConnections: connMgr?.HighWater ?? undefined,
      // the per-host inbound rate limit (5/s) guards against remote floods; on loopback it only
      // throttles nodes of this machine (tests, local clusters), so loopback is exempt
      allow: LOOPBACK_ALLOW
    },
    connectionMonitor: { enabled: true },
    connectionGater: init.addrFilters == null
      ? undefined
      : {
          denyDialMultiaddr: async (ma) => init.addrFilters?.denies(ma) ?? false,
          denyInboundConnection: async (conn) => init.addrFilters?.denies(conn.remoteAddr) ?? false
        },
    services,
    metrics: init.metrics,
    start: false
  })
}

export function reprovideIntervalMs (config: CairnConfig): number {
  return parseDuration(config.Reprovider?.Interval ?? '22h')
}
