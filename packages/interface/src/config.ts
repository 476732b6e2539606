import type { PinningServiceConfig } from './pinning-service.ts'
/**
 * The repo's `config` file: JSON with Kubo's key names so Kubo users recognise it.
 * Only keys Cairn reads are listed; unknown keys are kept as they are.
 */
export interface CairnConfig {
  Identity: {
    PeerID: string
  }
  Addresses: {
    /** @default TCP and QUIC on 4001, WebRTC-direct on UDP 4002, WebSockets on TCP 4002 (IPv4 and IPv6) */
    Swarm: string[]
    Announce: string[]
    /** Advertised besides the listen addresses. @default [] */
    AppendAnnounce?: string[]
    NoAnnounce: string[]
    /** @default '/ip4/127.0.0.1/tcp/5001' */
    API: string
    /** @default '/ip4/127.0.0.1/tcp/8080' */
    Gateway: string
  }
  /** The public IPFS bootstrap peers by default; none in the `test` profile */
  Bootstrap: string[]
  Discovery: {
    MDNS: { Enabled: boolean }
  }
  Routing: {
    /** @default 'auto' (DHT client until publicly reachable, then server) */
    Type: 'auto' | 'autoclient' | 'dht' | 'dhtclient' | 'dhtserver' | 'none'
  }
  /** Kubo's older names for `Provide.DHT.Interval` and `Provide.Strategy` (read when those are unset) */
  Reprovider: {
    /** Go-style duration. @default '22h' */
    Interval: string
    /** @default 'all' */
    Strategy: 'all' | 'pinned' | 'roots'
  }
  /** Kubo's `Provide` section: what is announced to the DHT, how often and how */
  Provide?: {
    /** `false`: nothing is announced or reannounced. @default true */
    Enabled?: boolean | null
    /** Wins over `Reprovider.Strategy`. @default 'all' */
    Strategy?: 'all' | 'pinned' | 'roots' | null
    DHT?: {
      /** Go-style duration; "0" stops the reprovide loop. Wins over `Reprovider.Interval`. @default '22h' */
      Interval?: string | null
      /** Batched providing by keyspace region; `false`: one DHT lookup per CID (legacy). @default true */
      SweepEnabled?: boolean | null
      /** Provide batches (sweep) or single provides (legacy) at once. @default 8 */
      MaxWorkers?: number | null
      /** Streams one batch sends records on at once. @default 20 */
      MaxProvideConnsPerWorker?: number | null
      /** CIDs per batch at most. @default 16384 */
      KeystoreBatchSize?: number | null
      /** Bound on sending records to one peer (per 256 records). @default '10s' */
      SendProviderRecordTimeout?: string | null
    }
  }
  Swarm: {
    ConnMgr: { LowWater: number, HighWater: number, GracePeriod: string }
    /** Reserve relay slots while not publicly reachable (Kubo's "auto relay user") */
    RelayClient?: { Enabled?: boolean | null, StaticRelays?: string[] }
    /** Relay for others once publicly reachable, within Kubo's limits */
    RelayService?: {
      Enabled?: boolean | null
      /** @default '2m' */
      ConnectionDurationLimit?: string
      /** bytes each way. @default 131072 */
      ConnectionDataLimit?: number
      /** @default '1h' */
      ReservationTTL?: string
      /** @default 128 */
      MaxReservations?: number
      /** relayed connections per peer. @default 16 */
      MaxCircuits?: number
      /** read for Kubo's shape, no effect (libp2p sizes its own buffers). @default 2048 */
      BufferSize?: number
      /** @default 8 */
      MaxReservationsPerIP?: number
      /** read for Kubo's shape, not enforced (no ASN database). @default 32 */
      MaxReservationsPerASN?: number
    }
    /** Cairn's own (Kubo uses AutoTLS): PEM certificate and key files; `/tls/ws` listen addresses need it */
    WebSocketTLS?: { CertFile: string, KeyFile: string }
    /** DCUtR: upgrade relayed connections to direct ones. @default true */
    EnableHolePunching?: boolean | null
    /** Do not ask the router for a port mapping (UPnP / NAT-PMP). @default false */
    DisableNatPortMap?: boolean
    Transports?: {
      /** Each `true` (default), `false` or `null` */
      Network?: { TCP?: boolean | null, Websocket?: boolean | null, QUIC?: boolean | null, Relay?: boolean | null, WebRTCDirect?: boolean | null, WebTransport?: boolean | null }
    }
  }
  /** Answering other peers' reachability checks */
  AutoNAT?: {
    /** @default 'enabled' (v1 and v2) */
    ServiceMode?: 'enabled' | 'disabled' | 'legacy-v1'
    /** @default 30, 3 per peer, per '1m' */
    Throttle?: { GlobalLimit?: number, PeerLimit?: number, Interval?: string }
  }
  Datastore: {
    /** The storage budget, enforced: block data past it evicts unpinned blocks or fails puts (Kubo's units). @default '10GB' */
    StorageMax: string
    /** Percent of StorageMax past which unpinned blocks are evicted, least recently used first. @default 90 */
    StorageGCWatermark?: number
    /** Kubo's period of `--enable-gc` runs; kept for Kubo's config shape (Cairn evicts by the budget). @default '1h' */
    GCPeriod?: string
  }
  Gateway: {
    /** How long the gateway waits for content from the network before a 504, Go duration. @default '60s' */
    Timeout?: string
    /** Re-encode between dag-pb, dag-cbor and dag-json instead of answering 406 (IPIP-0524). @default false */
    AllowCodecConversion?: boolean
    /** Serve the Delegated Routing V1 HTTP API (`/routing/v1`) on the gateway. @default true */
    ExposeRoutingAPI?: boolean
    /** Do not resolve a `Host` header as a DNSLink name. @default false */
    NoDNSLink?: boolean
    /** Per-hostname gateway settings, as Kubo's */
    PublicGateways?: Record<string, { Paths?: string[], UseSubdomains?: boolean, NoDNSLink?: boolean, InlineDNSLink?: boolean } | null>
  }
  /** IPNS, as Kubo's `Ipns` section */
  Ipns?: {
    /** Go duration. @default '4h' */
    RepublishPeriod?: string
    /** Go duration. @default '48h' */
    RecordLifetime?: string
    /** @default 128 */
    ResolveCacheSize?: number
    /** Upper bound on cached names, Go duration. @default none */
    MaxCacheTTL?: string
    /** IPNS over pubsub. @default false */
    UsePubsub?: boolean
    /**
     * HTTP endpoints (Delegated Routing V1 `PUT /routing/v1/ipns/{name}`) that get every published
     * record, and the only ones with `name publish --allow-delegated`. `"auto"` is AutoConf's list,
     * empty under `Routing.Type: auto` as in Kubo (Cairn has no AutoConf). @default ['auto']
     */
    DelegatedPublishers?: string[]
  }
  /** Kubo's `Pubsub` section */
  Pubsub?: {
    /** "gossipsub" (the default, also for "") or "floodsub" */
    Router?: string
  }
  /** DNSLink resolution, as Kubo's `DNS` section */
  DNS?: {
    /** Resolver per domain suffix (`"eth."`, `"."`): `https://` DoH URLs, or `udp://host:port` plain DNS */
    Resolvers?: Record<string, string>
    /** Upper bound on cached DNSLink answers, Go duration */
    MaxCacheTTL?: string
  }
  API: {
    HTTPHeaders?: Record<string, string[]>
    /** Bearer tokens accepted by the RPC API; none means no authorization is required */
    Authorizations?: Record<string, { AuthSecret: string, AllowedPaths: string[] }>
  }
  /** Remote pinning, as Kubo's `Pinning` section (plus Cairn's replica check) */
  Pinning?: {
    /** Kubo's remote pinning services, by name; `config show` never shows their `API.Key` */
    RemoteServices?: Record<string, RemotePinningServiceConfig>
    /**
     * How often the daemon checks that each `pin add --replicas` pin still has its copies, and
     * asks for missing ones (Cairn's key; Go duration, `0` turns the check off). @default '5m'
     */
    ReplicaCheckInterval?: string
    /** Cairn's own: serving the Pinning Service API to other nodes (off unless `Listen` is set) */
    Service?: PinningServiceConfig
  }
  Import: {
    CidVersion?: 0 | 1
    UnixFSRawLeaves?: boolean
    UnixFSChunker?: string
  }
  [key: string]: unknown
}

/** One entry of `Pinning.RemoteServices`, as Kubo's `config.RemotePinningService` */
export interface RemotePinningServiceConfig {
  API: {
    /** The service's API root, without `/pins` */
    Endpoint: string
    /** The bearer token */
    Key: string
  }
  Policies?: {
    MFS?: {
      /** Keep the MFS root pinned on this service, re-pinning when it changes. @default false */
      Enable?: boolean
      /** @default 'policy/<peer id>/mfs' */
      PinName?: string
      /** Go duration: at most one re-pin per interval. @default '5m' */
      RepinInterval?: string
    }
  }
}
