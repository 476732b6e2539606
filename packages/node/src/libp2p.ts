import { noise } from '@chainsafe/libp2p-noise'
import { bootstrap } from '@libp2p/bootstrap'
import { gossipsub } from '@libp2p/gossipsub'
import { floodsub } from '@libp2p/floodsub'
import { fetch } from '@libp2p/fetch'
import type { Fetch } from '@libp2p/fetch'
import { identify, identifyPush } from '@libp2p/identify'
import { kadDHT, passthroughMapper, removePrivateAddressesMapper } from '@libp2p/kad-dht'
import { withLighterWrites } from './dht-writes.ts'
import { mdns } from '@libp2p/mdns'
import { ping } from '@libp2p/ping'
import { dcutr } from '@libp2p/dcutr'
import { uPnPNAT } from '@libp2p/upnp-nat'
import { yamux } from '@libp2p/yamux'
import { multiaddr } from '@multiformats/multiaddr'
import { isPrivate } from '@libp2p/utils'
import { createLibp2p } from 'libp2p'
import { parseDuration, pubsubRouterName } from './config.ts'
import { AGENT_VERSION, CAIRN_VERSION, CONNECTION_MONITOR_INIT, DEFAULT_PING_STREAMS_MAX, DHT_PROTOCOL } from './constants.ts'
import { fastNoiseCrypto } from './noise-crypto.ts'
import { announceFilter, relaysThroughItself } from './reachability/announce.ts'
import { autonatServices } from './reachability/autonat.ts'
import { natOptions } from './reachability/options.ts'
import { natPmp } from './reachability/natpmp.ts'
import { gatedRelayServer } from './reachability/relay-server.ts'
import { reachability } from './reachability/service.ts'
import { createAutonatVerdicts } from './reachability/verdicts.ts'
import { buildTransports, listenKind } from './reachability/transports.ts'
import { directUpgrade, webrtcAwareAddressSorter, webrtcOptions } from './reachability/webrtc.ts'
import type { RelayServerGate } from './reachability/relay-server.ts'
import type { WebSocketTLS } from './reachability/transports.ts'
import type { ReachabilityService } from './reachability/service.ts'
import type { CairnConfig } from '@cairn/interface'
import type { PubsubRouter } from './api/pubsub.ts'
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
/**
 * With UPnP on, how long after start the observed router address waits before AutoNAT is asked
 * about it: @libp2p/upnp-nat's gateway search takes 5 s, then it maps our ports (lab: ~7 s)
 */
const UPNP_SETTLE_MS = 12_000

/**
 * Kubo's `Pubsub.Router`: "" or "gossipsub" (the default), or "floodsub", which sends every message
 * to every subscribed peer. gossipsub falls back to floodsub towards peers that speak only that, so
 * both kinds of node still hear each other.
 */
export function pubsubRouter (config: Pick<CairnConfig, 'Pubsub'>): (components: any) => PubsubRouter {
  if (pubsubRouterName(config) === 'gossipsub') {
    return gossipsub({
      // a node alone on a topic may still publish (Kubo does not fail either)
      allowPublishToZeroTopicPeers: true,
      // go-libp2p-pubsub (Kubo) delivers a node's own publications to its own subscribers
      emitSelf: true,
      // Kubo's gossipsub runs without peer scoring. js scores by default, and its IP-colocation
      // penalty graylists every peer once more than 10 share one address (a loopback or LAN
      // cluster, peers behind one NAT): their subscriptions and messages were then ignored
      scoreParams: { IPColocationFactorWeight: 0 }
    }) as (components: any) => PubsubRouter
  }
  return floodsub({ emitSelf: true }) as unknown as (components: any) => PubsubRouter
}

/** The services of an online node */
export interface CairnServices extends ServiceMap {
  identify: Identify
  identifyPush: IdentifyPush
  ping: Ping
  /** gossipsub, or floodsub with Kubo's `Pubsub.Router: "floodsub"` */
  pubsub: PubsubRouter
  bitswap: Bitswap
  /** Absent with `Routing.Type: "none"` */
  dht?: KadDHT
  /** `/libp2p/fetch/0.0.1`, with `Ipns.UsePubsub`: topic peers ask each other for a name's latest record */
  fetch?: Fetch
  /** public / private / unknown, relayed addresses; holds relay reservations while not public */
  reachability: ReachabilityService
  /** Absent with `Swarm.RelayService.Enabled: false` */
  relayServer?: RelayServerGate
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
  /** Told once, at build time, of native transports that did not load (one line each) */
  onNotice?: (lines: string[]) => void
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

/**
 * Splits `Addresses.Swarm` into what our transports (TCP, WebSockets, QUIC, WebRTC-direct,
 * relay) can listen on and the rest. A Kubo config copied over lists WebTransport addresses:
 * those are skipped, not fatal.
 */
export function splitListenAddresses (addrs: string[]): { supported: string[], unsupported: string[] } {
  const supported: string[] = []
  const unsupported: string[] = []
  for (const addr of addrs) (listenKind(addr) != null ? supported : unsupported).push(addr)
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

  const nat = natOptions(config)
  // `/webrtc` and `/p2p-circuit` name no interface: they say nothing of the network we are on
  const onInterfaces = (addrs: string[]): string[] => addrs.filter(a => { const k = listenKind(a); return k != null && k !== 'webrtc' && k !== 'relay' })
  // WebRTC punches through NAT; on a private network (a LAN, tests) peers dial our own addresses
  const rtc = webrtcOptions(config)
  const built = await buildTransports(nat, config.Addresses.Swarm, (config.Swarm as { WebSocketTLS?: WebSocketTLS } | undefined)?.WebSocketTLS,
    isPrivateNetwork(onInterfaces(config.Addresses.Swarm)) ? undefined : rtc)
  const listen = built.listen
  init.onNotice?.(built.notices)
  const privateNet = isPrivateNetwork(onInterfaces(listen))
  const peerDiscovery: NonNullable<Parameters<typeof createLibp2p>[0]>['peerDiscovery'] = []
  if (config.Bootstrap.length > 0) peerDiscovery.push(bootstrap({ list: config.Bootstrap }))
  if (config.Discovery?.MDNS?.Enabled === true) peerDiscovery.push(mdns())

  // AutoNAT's verdicts on our addresses, for the reachability service (Private)
  const verdicts = createAutonatVerdicts()
  // service factories declare the components they need; libp2p checks them when it is built
  const services: ServiceFactoryMap<CairnServices> = {
    identify: identify(),
    identifyPush: identifyPush(),
    ping: ping({ maxInboundStreams: DEFAULT_PING_STREAMS_MAX, maxOutboundStreams: DEFAULT_PING_STREAMS_MAX }),
    pubsub: pubsubRouter(config),
    bitswap: init.bitswap,
    reachability: reachability({
      relayClient: nat.relayClient && nat.transports.relay,
      staticRelays: nat.staticRelays,
      privateNetwork: privateNet,
      autonatVerdicts: verdicts,
      // UPnP may map our port in a moment: AutoNAT asked about the router's address first refutes it for good
      observedCandidateDelayMs: nat.natPortMap && !privateNet ? UPNP_SETTLE_MS : 0
    }),
    ...autonatServices(nat, verdicts)
  }
  if (nat.relayService) services.relayServer = gatedRelayServer({ limits: nat.relayLimits, privateNetwork: privateNet })
  // DCUtR upgrades a relayed connection to a direct one: it needs the relay transport
  if (nat.holePunching && nat.transports.relay) (services as Record<string, unknown>).dcutr = dcutr()
  // DCUtR cannot line up js dials behind NAT; WebRTC's ICE can (reachability/webrtc.ts)
  if (nat.holePunching && built.listen.some(a => listenKind(a) === 'webrtc')) (services as Record<string, unknown>).directUpgrade = directUpgrade()
  // UPnP / NAT-PMP asks the router for a port mapping; pointless where no NAT stands between
  // (NAT-PMP beside it, as Kubo's go-nat asks both: reachability/natpmp.ts)
  if (nat.natPortMap && !privateNet) {
    (services as Record<string, unknown>).upnp = uPnPNAT()
    ;(services as Record<string, unknown>).natpmp = natPmp()
  }
  // go-libp2p-pubsub-router (Kubo's IPNS over pubsub) serves and asks the latest record over fetch
  if (config.Ipns?.UsePubsub === true) services.fetch = fetch()
  if (config.Routing.Type !== 'none') {
    // provider records written behind in batches, repeated address merges skipped (dht-writes.ts)
    services.dht = withLighterWrites(kadDHT({
      protocol: DHT_PROTOCOL,
      // on a private network every peer that can reach us can dial our private addresses, so
      // waiting for a public address (auto mode) would keep us a client forever
      // `auto` elsewhere follows our reachability service (below): kad-dht's own switch takes a
      // relayed WebRTC address (`…/p2p-circuit/webrtc`) for a public one
      clientMode: privateNet && config.Routing.Type === 'auto' ? false : dhtClientMode(config.Routing.Type) ?? true,
      // on the public network a private address in a peer record is noise at best
      peerInfoMapper: privateNet ? passthroughMapper : (peer: PeerInfo) => removePrivateAddressesMapper(peer),
      // our reprovider decides what is announced (Kubo's strategies); the DHT's own one only
      // renews records that actually expired
      reprovide: { threshold: 0 },
      validators: init.dhtValidators,
      selectors: init.dhtSelectors
    }))
  }

  const connMgr = config.Swarm?.ConnMgr
  let node: Libp2p<CairnServices> | undefined
  const relayView = (): { knownAddrs: (peer: string) => string[] } | undefined => node == null
    ? undefined
    : {
        knownAddrs: (peer) => node?.getConnections().filter(c => c.remotePeer.toString() === peer && c.limits == null)
          .map(c => c.remoteAddr.toString().replace(/\/p2p\/[^/]+$/, '')) ?? []
      }
  node = await createLibp2p<CairnServices>({
    privateKey,
    nodeInfo: NODE_INFO,
    logger: init.logger,
    datastore: init.datastore,
    addresses: {
      listen,
      announce: config.Addresses.Announce ?? [],
      appendAnnounce: Array.isArray(config.Addresses.AppendAnnounce) ? config.Addresses.AppendAnnounce : [],
      announceFilter: announceFilter(config.Addresses.NoAnnounce ?? [], relayView)
    },
    transports: built.transports,
    connectionEncrypters: [noise({ crypto: fastNoiseCrypto })],
    streamMuxers: [yamux()],
    peerDiscovery,
    connectionManager: {
      maxConnections: connMgr?.HighWater ?? undefined,
      // the per-host inbound rate limit (5/s) guards against remote floods; on loopback it only
      // throttles nodes of this machine (tests, local clusters), so loopback is exempt
      allow: LOOPBACK_ALLOW,
      // relayed WebRTC addresses after plain relayed ones (reachability/webrtc.ts)
      addressSorter: webrtcAwareAddressSorter
    },
    // a 30 s floor on a ping's time, not libp2p's 5 s: see the constant
    connectionMonitor: CONNECTION_MONITOR_INIT,
    connectionGater: {
      denyDialMultiaddr: async (ma) => relaysThroughItself(ma) || (init.addrFilters?.denies(ma) ?? false),
      denyInboundConnection: async (conn) => init.addrFilters?.denies(conn.remoteAddr) ?? false,
      // Swarm.RelayService.MaxReservationsPerIP
      denyInboundRelayReservation: async (peer) => node?.services.relayServer?.denyReservation(peer) ?? true
    },
    services,
    metrics: init.metrics,
    start: false
  })
  if (!privateNet && config.Routing.Type === 'auto' && node.services.dht != null) {
    // Routing.Type=auto: a DHT server while publicly reachable, a client otherwise
    const dht = node.services.dht
    node.services.reachability.addEventListener('change', (evt) => {
      dht.setMode(evt.detail.reachability === 'Public' ? 'server' : 'client').catch(() => {})
    })
  }
  return node
}
