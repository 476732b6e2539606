import type { AbortOptions } from './blocks.ts'

/** Key types `key gen` makes, as Kubo's `--type` */
export type KeyType = 'ed25519' | 'rsa' | 'secp256k1'

/** Kubo's `key export`/`key import` formats */
export type KeyFormat = 'libp2p-protobuf-cleartext' | 'pem-pkcs8-cleartext'

/** A named key of the keystore; `id` is the peer ID (base58btc multihash) its IPNS name derives from */
export interface KeyInfo {
  name: string
  id: string
}

export interface KeyGenOptions extends AbortOptions {
  /** @default 'ed25519' */
  type?: KeyType
  /** RSA modulus bits. @default 2048 */
  size?: number
}

export interface KeyRenameResult extends KeyInfo {
  was: string
  /** True when a key named `name` existed and was replaced (`force`) */
  overwrite: boolean
}

/** Kubo's `key` commands over the repo's keystore; `self` is the node's own identity */
export interface KeyApi {
  gen(name: string, options?: KeyGenOptions): Promise<KeyInfo>
  /** `self` first, then the others by name */
  list(options?: AbortOptions): Promise<KeyInfo[]>
  rm(name: string, options?: AbortOptions): Promise<KeyInfo>
  rename(oldName: string, newName: string, options?: AbortOptions & { force?: boolean }): Promise<KeyRenameResult>
  import(name: string, key: Uint8Array, options?: AbortOptions & { format?: KeyFormat, allowAnyKeyType?: boolean }): Promise<KeyInfo>
  /** The private key in the format asked (`self` is refused, as Kubo) */
  export(name: string, options?: AbortOptions & { format?: KeyFormat }): Promise<Uint8Array>
  /** Signs `libp2p-key signed message:` + data (Kubo's `key sign`) */
  sign(data: Uint8Array, options?: AbortOptions & { key?: string }): Promise<{ key: KeyInfo, signature: Uint8Array }>
  verify(data: Uint8Array, signature: Uint8Array, options?: AbortOptions & { key?: string }): Promise<{ key: KeyInfo, signatureValid: boolean }>
}

export interface NamePublishOptions extends AbortOptions {
  /** Key name or peer ID. @default 'self' */
  key?: string
  /** How long the record is valid, ms. @default Ipns.RecordLifetime (48h) */
  lifetimeMs?: number
  /** How long resolvers may cache it, ms. @default 5 minutes, capped to the lifetime */
  ttlMs?: number
  /** Check that the path resolves before publishing. @default true */
  resolve?: boolean
  /** Publish to the local store only when offline (else OfflineError). @default false */
  allowOffline?: boolean
  /**
   * Publish to the local store and the HTTP endpoints of `Ipns.DelegatedPublishers`, without
   * needing DHT connectivity; fails when none is configured or none takes the record. @default false
   */
  allowDelegated?: boolean
  /** Sequence number to use; must be above the current one. @default current + 1 */
  sequence?: bigint
  /** Include V1 signature fields. @default true */
  v1Compatible?: boolean
}

/** A name and what it points at: `Name` is the CIDv1 (base36, libp2p-key) of the key */
export interface NameEntry {
  name: string
  value: string
}

export interface NameResolveOptions extends AbortOptions {
  /** Follow names that point at names until an /ipfs/ path. @default true */
  recursive?: boolean
  /** Skip the resolve cache. @default false */
  nocache?: boolean
  /** Kubo's `--dht-record-count`: stop collecting after this many records. @default 16 */
  dhtRecordCount?: number
  /** Kubo's `--dht-timeout`, ms (0: no bound). @default 60000 */
  dhtTimeoutMs?: number
}

export interface IpnsInspectResult {
  entry: {
    value?: string
    validityType?: number
    /** RFC3339 */
    validity?: string
    sequence?: bigint
    /** nanoseconds */
    ttl?: bigint
  }
  pbSize: number
  signatureType: 'V1+V2' | 'V2' | 'Unknown'
  hexDump?: string
  validation?: { valid: boolean, reason: string, name: string }
}

/** Kubo's `name` commands: IPNS over the DHT (and DNSLink in `resolve`) */
export interface NameApi {
  publish(path: string, options?: NamePublishOptions): Promise<NameEntry>
  /** An IPNS name (peer ID, CIDv1 libp2p-key, `/ipns/...`) or a DNSLink domain → `/ipfs/...` path */
  resolve(name: string, options?: NameResolveOptions): Promise<string>
  /**
   * Kubo's `name resolve --stream`: the path of the first record found, then the path of each
   * better one as the DHT walk finds it (a DNSLink domain answers once)
   */
  resolveStream(name: string, options?: NameResolveOptions): AsyncIterable<string>
  /** The raw signed record the routing system holds for a name */
  get(name: string, options?: AbortOptions): Promise<Uint8Array>
  /** Stores a pre-signed record; `force` skips the checks */
  put(name: string, record: Uint8Array, options?: AbortOptions & { force?: boolean, allowOffline?: boolean, allowDelegated?: boolean }): Promise<NameEntry>
  inspect(record: Uint8Array, options?: AbortOptions & { verify?: string, dump?: boolean }): Promise<IpnsInspectResult>
  /** Kubo's `name pubsub`: IPNS over pubsub (`Ipns.UsePubsub`) */
  pubsub: {
    state(options?: AbortOptions): Promise<boolean>
    /** `/ipns/<name>` of each name whose topic this node follows */
    subs(options?: AbortOptions): Promise<string[]>
    /** Stops following a name; false when it was not followed */
    cancel(name: string, options?: AbortOptions): Promise<boolean>
  }
}
