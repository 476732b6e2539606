/**
 * The IPFS Pinning Service API (github.com/ipfs/pinning-services-api-spec, v1.0.0): its JSON
 * shapes, shared by Cairn's service (the server side) and its `pin remote` client, and the
 * `CairnApi` face of the client (Kubo's `pin remote` commands and `pin add --replicas`).
 */
import type { AbortOptions } from './blocks.ts'

/** The spec's `Status` */
export type RemotePinStatusName = 'queued' | 'pinning' | 'pinned' | 'failed'

/** Every status, in the spec's order (the order of Kubo's `--stat` counts) */
export const REMOTE_PIN_STATUSES: readonly RemotePinStatusName[] = ['queued', 'pinning', 'pinned', 'failed']

/** The spec's `TextMatchingStrategy` for the `name` filter */
export type TextMatchingStrategy = 'exact' | 'iexact' | 'partial' | 'ipartial'

/** The spec's `Pin` object: what to pin, as sent in `POST /pins` */
export interface PinObject {
  /** CID to be pinned recursively */
  cid: string
  /** Optional name, at most 255 characters */
  name?: string
  /** Multiaddrs (ending in `/p2p/<peer>`) known to provide the data, at most 20 */
  origins?: string[]
  /** String keys and values stored with the pin */
  meta?: Record<string, string>
}

/** The spec's `PinStatus` object, as `POST /pins` and `GET /pins/{requestid}` answer */
export interface PinStatusObject {
  requestid: string
  status: RemotePinStatusName
  /** RFC 3339 timestamp, unique per request (the pagination key) */
  created: string
  pin: PinObject
  /** Multiaddrs of the service's peers to connect to for the transfer, 1 to 20 */
  delegates: string[]
  info?: Record<string, string>
}

/** The spec's `PinResults` object, as `GET /pins` answers */
export interface PinResultsObject {
  /** Total number of pins matching the filters (may exceed `results.length`) */
  count: number
  results: PinStatusObject[]
}

/** The spec's `Failure` object, the body of every 4xx and 5xx */
export interface FailureObject {
  error: {
    /** Mandatory short code, e.g. `BAD_REQUEST`, `UNAUTHORIZED`, `NOT_FOUND` */
    reason: string
    details?: string
  }
}

/** The spec's limits on `GET /pins?limit=` */
export const PIN_LIST_LIMIT = { min: 1, max: 1000, default: 10 } as const

/** One remote pinning service of `Pinning.RemoteServices`, as `pin remote service ls` shows it */
export interface RemoteServiceInfo {
  service: string
  endpoint: string
  /** Only with `stat: true`: whether counting the pins worked, and the counts when it did */
  stat?: {
    status: 'valid' | 'invalid'
    pinCount?: Record<RemotePinStatusName, number>
  }
}

/** One remote pin, as `pin remote ls` shows it */
export interface RemotePinEntry {
  cid: string
  name: string
  status: RemotePinStatusName
  requestid: string
}

export interface RemotePinAddOptions extends AbortOptions {
  service: string
  name?: string
  /** Return once the service queued the request, instead of waiting for `pinned` */
  background?: boolean
  /**
   * Kubo's warnings, before the request is sent: a node that holds the block but is offline
   * cannot serve it to the service (`OFFLINE_REMOTE_PIN_WARNING`). The CLI prints them on stdout
   * in text mode, as Kubo does.
   */
  onWarning?: (message: string) => void
}

/** Kubo's `pin remote add` line when the block is local but the node offline */
export const OFFLINE_REMOTE_PIN_WARNING = 'WARNING: the local node is offline and remote pinning may fail if there is no other provider for this CID'

export interface RemotePinQuery extends AbortOptions {
  service: string
  /** Exact, case-sensitive name (Kubo) */
  name?: string
  cids?: string[]
  /** @default ['pinned'] */
  status?: RemotePinStatusName[]
}

/** Kubo's `pin remote service` commands, on `Pinning.RemoteServices` */
export interface RemoteServiceApi {
  add(name: string, endpoint: string, key: string, options?: AbortOptions): Promise<void>
  ls(options?: AbortOptions & { stat?: boolean }): Promise<RemoteServiceInfo[]>
  rm(name: string, options?: AbortOptions): Promise<void>
}

/** One copy of a pin beyond the local one, as `pin ls --remote` shows it */
export interface ReplicaEntry {
  cid: string
  service: string
  /** `unreachable` when the service did not answer */
  status: RemotePinStatusName | 'unreachable'
  requestid?: string
}

/** Kubo's `pin remote` commands */
export interface RemotePinApi {
  add(path: string, options: RemotePinAddOptions): Promise<RemotePinEntry>
  ls(query: RemotePinQuery): AsyncIterable<RemotePinEntry>
  /** Removes what `ls` would list; more than one match needs `force` (Kubo). Returns the removed request ids */
  rm(query: RemotePinQuery & { force?: boolean }): Promise<string[]>
  service: RemoteServiceApi
  /**
   * Where each replicated pin's copies stand on the configured services (the copies that
   * `pin add --replicas` asked for), optionally for some CIDs only
   */
  replicas(options?: AbortOptions & { cids?: string[] }): AsyncIterable<ReplicaEntry>
}
