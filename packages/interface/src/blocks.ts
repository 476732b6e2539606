import type { CID } from 'multiformats/cid'

export interface AbortOptions {
  signal?: AbortSignal
}

/** A block: bytes and the CID they hash to */
export interface Block {
  cid: CID
  bytes: Uint8Array
}

/**
 * The narrowest read contract: the DAG reader, pinning and the gateway take this so that the
 * local store and the network (`@cairn/node`) can both serve blocks.
 * Must throw `NotFoundError` (code `ERR_NOT_FOUND`) when the block cannot be had.
 */
export interface BlockGetter {
  getBlock(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /**
   * True when every block it returns is known to match its CID (read from a checked store, or
   * hash-verified when it arrived): a consumer that would verify again may skip it
   */
  readonly verified?: boolean
}

/** The narrowest write contract: the DAG builder and CAR import take this */
export interface BlockPutter {
  putBlock(cid: CID, bytes: Uint8Array, options?: AbortOptions): Promise<void>
  /** Optional batched write; writers use it when present */
  putBlocks?(blocks: Block[], options?: AbortOptions): Promise<void>
}

export interface BlockHas {
  hasBlock(cid: CID, options?: AbortOptions): Promise<boolean>
}

/** Pin kinds, as Kubo names them */
export type PinType = 'recursive' | 'direct' | 'indirect'

export interface PinEntry {
  cid: CID
  type: PinType
  /** For indirect pins: the recursive root that holds the block */
  via?: CID
  /** The pin's name (Kubo's `pin add --name`); absent for unnamed and indirect pins */
  name?: string
}

export interface RepoStats {
  /** Number of blocks stored */
  numObjects: number
  /** Total bytes of block data stored */
  repoSize: number
  /** Configured maximum, in bytes (Kubo's Datastore.StorageMax) */
  storageMax: number
  /**
   * Percent of `storageMax` past which unpinned blocks are evicted (Kubo's
   * Datastore.StorageGCWatermark); absent from nodes that do not report it (Kubo)
   */
  storageGcWatermark?: number
  repoPath: string
  version: string
}

export interface VerifyProblem {
  cid: CID
  /** Why the block failed: its bytes no longer hash to its CID, or it cannot be read */
  reason: 'hash-mismatch' | 'unreadable'
}
