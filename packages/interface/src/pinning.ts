/**
 * The JSON shapes of the IPFS Pinning Service API v1.0.0 (ipfs/pinning-services-api-spec,
 * `ipfs-pinning-service.yaml`), shared by Cairn's server (`@cairn/pinning-service`) and its
 * client (`pin remote`). Field names are the spec's, so these types are the wire format.
 */

/** `Status`: where a pin request stands */
export type RemotePinStatusValue = 'queued' | 'pinning' | 'pinned' | 'failed'

/** Every `Status`, in lifecycle order */
export const REMOTE_PIN_STATUSES: readonly RemotePinStatusValue[] = ['queued', 'pinning', 'pinned', 'failed']

/** `TextMatchingStrategy` for the `name` filter. exact is the spec's default */
export type TextMatchingStrategy = 'exact' | 'iexact' | 'partial' | 'ipartial'

export const TEXT_MATCHING_STRATEGIES: readonly TextMatchingStrategy[] = ['exact', 'iexact', 'partial', 'ipartial']

/** `Pin`: what a client asks to be pinned (recursively) */
export interface RemotePin {
  cid: string
  /** At most 255 characters */
  name?: string
  /** Multiaddrs (each ending `/p2p/<peer>`) known to provide the data; at most 20 */
  origins?: string[]
  /** String keys and values kept with the pin, usable as a filter */
  meta?: Record<string, string>
}

/** `PinStatus`: a pin request and where it stands */
export interface RemotePinStatus {
  requestid: string
  status: RemotePinStatusValue
  /** RFC 3339 timestamp, unique per service: the cursor of `before` / `after` pagination */
  created: string
  pin: RemotePin
  /** Multiaddrs of the peers that will fetch the data (1 to 20) */
  delegates: string[]
  /** Service-specific strings: `status_details`, `dag_size`, ... */
  info?: Record<string, string>
}

/** `PinResults`: one page of a listing */
export interface RemotePinResults {
  /** All matching requests, not only this page's */
  count: number
  /** At most 1000, newest first */
  results: RemotePinStatus[]
}

/** `Failure`: every error body */
export interface RemotePinFailure {
  error: {
    /** Machine-readable: `BAD_REQUEST`, `UNAUTHORIZED`, `NOT_FOUND`, `INSUFFICIENT_FUNDS`, ... */
    reason: string
    details?: string
  }
}

/** The query of `GET /pins` */
export interface RemotePinQuery {
  /** At most 10 */
  cid?: string[]
  name?: string
  /** @default 'exact' */
  match?: TextMatchingStrategy
  /** @default ['pinned'] (the spec: "when missing, service should default to pinned only") */
  status?: RemotePinStatusValue[]
  before?: Date
  after?: Date
  /** 1 to 1000. @default 10 */
  limit?: number
  meta?: Record<string, string>
}

/** The spec's limits, shared so the client refuses what a server would */
export const REMOTE_PIN_NAME_CHARS_MAX = 255
export const REMOTE_PIN_ORIGINS_MAX = 20
export const REMOTE_PIN_DELEGATES_MAX = 20
export const REMOTE_PIN_QUERY_CIDS_MAX = 10
export const REMOTE_PIN_LIMIT_MAX = 1000
export const REMOTE_PIN_LIMIT_DEFAULT = 10
/** `PinMeta` / `StatusInfo` maxProperties */
export const REMOTE_PIN_META_KEYS_MAX = 1000

/**
 * `Pinning.Service` in the repo config: Cairn serving the Pinning Service API to other nodes.
 * Off unless `Listen` is set.
 */
export interface PinningServiceConfig {
  /** Multiaddr of the listener, e.g. `/ip4/127.0.0.1/tcp/5002`. @default '' (off) */
  Listen?: string
  /** Requests fetched at once. @default 4 */
  Concurrency?: number
  /** A fetch that gets no new block for this long fails, Go duration. @default '2m' */
  StallTimeout?: string
  /** Pin requests one token may hold (any status); a token's own quota overrides it. @default 10000 */
  MaxPinsPerToken?: number
  /** Bytes of DAGs one token may hold pinned (0: no limit); a token's own quota overrides it. @default 0 */
  MaxBytesPerToken?: number
}
