/**
 * Typed errors shared by every Cairn package. Callers branch on `err.name` or the stable
 * `err.code`; apps map codes to exit codes and HTTP statuses in one table each.
 */

export interface CairnErrorOptions extends ErrorOptions {
  /** Extra machine-readable context, never needed to understand the message */
  details?: Record<string, unknown>
}

export class CairnError extends Error {
  static override name = 'CairnError'
  static code = 'ERR_CAIRN'
  readonly code: string
  readonly details?: Record<string, unknown>

  constructor (message = 'Cairn error', options: CairnErrorOptions = {}) {
    super(message, options)
    this.name = new.target.name
    this.code = (new.target as unknown as { code: string }).code
    this.details = options.details
  }
}

/** A block, pin, path or peer that does not exist where it was looked for */
export class NotFoundError extends CairnError {
  static override name = 'NotFoundError'
  static override code = 'ERR_NOT_FOUND'
  constructor (message = 'Not found', options?: CairnErrorOptions) { super(message, options) }
}

/** A string that should be a CID but does not parse as one */
export class InvalidCidError extends CairnError {
  static override name = 'InvalidCidError'
  static override code = 'ERR_INVALID_CID'
  constructor (message = 'Invalid CID', options?: CairnErrorOptions) { super(message, options) }
}

/** An IPFS path that is malformed (not `/ipfs/<cid>/...` or `<cid>/...`) */
export class InvalidPathError extends CairnError {
  static override name = 'InvalidPathError'
  static override code = 'ERR_INVALID_PATH'
  constructor (message = 'Invalid path', options?: CairnErrorOptions) { super(message, options) }
}

/** A caller-supplied option or argument is out of range or of the wrong shape */
export class InvalidParametersError extends CairnError {
  static override name = 'InvalidParametersError'
  static override code = 'ERR_INVALID_PARAMETERS'
  constructor (message = 'Invalid parameters', options?: CairnErrorOptions) { super(message, options) }
}

/** Bytes that do not hash to the CID they arrived under */
export class HashMismatchError extends CairnError {
  static override name = 'HashMismatchError'
  static override code = 'ERR_HASH_MISMATCH'
  constructor (message = 'Block bytes do not match their CID', options?: CairnErrorOptions) { super(message, options) }
}

/** A multihash function we cannot compute, so cannot verify */
export class UnsupportedHashError extends CairnError {
  static override name = 'UnsupportedHashError'
  static override code = 'ERR_UNSUPPORTED_HASH'
  constructor (message = 'Unsupported hash function', options?: CairnErrorOptions) { super(message, options) }
}

/** A CID codec we cannot decode */
export class UnsupportedCodecError extends CairnError {
  static override name = 'UnsupportedCodecError'
  static override code = 'ERR_UNSUPPORTED_CODEC'
  constructor (message = 'Unsupported codec', options?: CairnErrorOptions) { super(message, options) }
}

/** A block that claims a codec but does not decode as it, or UnixFS data that makes no sense */
export class MalformedBlockError extends CairnError {
  static override name = 'MalformedBlockError'
  static override code = 'ERR_MALFORMED_BLOCK'
  constructor (message = 'Malformed block', options?: CairnErrorOptions) { super(message, options) }
}

/** A CAR stream that is truncated, badly framed or lies about its blocks */
export class InvalidCarError extends CairnError {
  static override name = 'InvalidCarError'
  static override code = 'ERR_INVALID_CAR'
  constructor (message = 'Invalid CAR file', options?: CairnErrorOptions) { super(message, options) }
}

/** A block larger than the network or the store will carry */
export class BlockTooLargeError extends CairnError {
  static override name = 'BlockTooLargeError'
  static override code = 'ERR_BLOCK_TOO_LARGE'
  constructor (message = 'Block too large', options?: CairnErrorOptions) { super(message, options) }
}

/** A path step that expects a directory and met something else */
export class NotADirectoryError extends CairnError {
  static override name = 'NotADirectoryError'
  static override code = 'ERR_NOT_A_DIRECTORY'
  constructor (message = 'Not a directory', options?: CairnErrorOptions) { super(message, options) }
}

/** An operation on file content met a directory or other non-file */
export class NotAFileError extends CairnError {
  static override name = 'NotAFileError'
  static override code = 'ERR_NOT_A_FILE'
  constructor (message = 'Not a file', options?: CairnErrorOptions) { super(message, options) }
}

/** Unpinning something that is not pinned (in the way asked) */
export class NotPinnedError extends CairnError {
  static override name = 'NotPinnedError'
  static override code = 'ERR_NOT_PINNED'
  constructor (message = 'Not pinned', options?: CairnErrorOptions) { super(message, options) }
}

/** Removing a block that a pin still needs */
export class PinnedError extends CairnError {
  static override name = 'PinnedError'
  static override code = 'ERR_PINNED'
  constructor (message = 'Block is pinned', options?: CairnErrorOptions) { super(message, options) }
}

/** The repo folder is held by another process */
export class RepoLockedError extends CairnError {
  static override name = 'RepoLockedError'
  static override code = 'ERR_REPO_LOCKED'
  constructor (message = 'The repo is locked by another process', options?: CairnErrorOptions) { super(message, options) }
}

/** The repo folder exists but cannot be read as a Cairn repo */
export class RepoCorruptError extends CairnError {
  static override name = 'RepoCorruptError'
  static override code = 'ERR_REPO_CORRUPT'
  constructor (message = 'The repo is corrupt', options?: CairnErrorOptions) { super(message, options) }
}

/**
 * The storage budget is spent (Kubo's `Datastore.StorageMax`): what is pinned (and what adds in
 * flight hold) alone fills it, so there is nothing unpinned left to evict for new blocks. Adds,
 * pins that must fetch and block puts fail with it until something is unpinned or the budget is
 * raised; reads go on
 */
export class StorageFullError extends CairnError {
  static override name = 'StorageFullError'
  static override code = 'ERR_STORAGE_FULL'
  constructor (message = 'storage full: the repo reached Datastore.StorageMax', options?: CairnErrorOptions) { super(message, options) }
}

/**
 * The disk holding the repo is full (ENOSPC, EDQUOT): the store refuses writes until space is
 * back, and keeps answering reads. `repo gc` can still run: it frees the store's reserve first.
 * A kind of StorageFullError (issue 19: a disk that really fills up gives the same clean error:
 * "storage full: ...", 507, exit 4), with its own code so that callers can tell the disk from the
 * budget
 */
export class NoSpaceError extends StorageFullError {
  static override name = 'NoSpaceError'
  static override code = 'ERR_NO_SPACE'
  constructor (message = 'no space left on the device holding the repo', options?: CairnErrorOptions) { super(storageFull(message), options) }
}

/** "storage full: " before a message, as StorageFullError's, unless it says so already */
function storageFull (message: string): string {
  if (/^storage full/i.test(message)) return message
  // "Block store at ..." reads on as "storage full: block store at ..."; "IPNS ..." stays as it is
  return `storage full: ${/^[A-Z][a-z]/.test(message) ? message[0].toLowerCase() + message.slice(1) : message}`
}

/**
 * The storage under the repo failed a write (EIO and the like): the store refuses writes until it
 * has re-read its own state from disk, and keeps answering reads
 */
export class StoreWriteError extends CairnError {
  static override name = 'StoreWriteError'
  static override code = 'ERR_STORE_WRITE'
  constructor (message = 'The repo\'s storage failed a write', options?: CairnErrorOptions) { super(message, options) }
}

/** The block store (or node) was closed: open it again (`createBlockstore`, `node.start()`) to use it */
export class StoreClosedError extends CairnError {
  static override name = 'StoreClosedError'
  static override code = 'ERR_STORE_CLOSED'
  constructor (message = 'The block store is closed', options?: CairnErrorOptions) { super(message, options) }
}

/** No repo at the path: run `cairn init` */
export class RepoNotInitializedError extends CairnError {
  static override name = 'RepoNotInitializedError'
  static override code = 'ERR_REPO_NOT_INITIALIZED'
  constructor (message = 'No repo found: run `cairn init`', options?: CairnErrorOptions) { super(message, options) }
}

/** A block was needed from the network while the node is offline */
export class OfflineError extends CairnError {
  static override name = 'OfflineError'
  static override code = 'ERR_OFFLINE'
  constructor (message = 'Block not found locally and the node is offline', options?: CairnErrorOptions) { super(message, options) }
}

/** A bounded wait ran out */
export class TimeoutError extends CairnError {
  static override name = 'TimeoutError'
  static override code = 'ERR_TIMEOUT'
  constructor (message = 'Timed out', options?: CairnErrorOptions) { super(message, options) }
}

/** The caller aborted the operation */
export class AbortError extends CairnError {
  static override name = 'AbortError'
  static override code = 'ERR_ABORTED'
  constructor (message = 'The operation was aborted', options?: CairnErrorOptions) { super(message, options) }
}

/**
 * A path that goes on inside a DAG-CBOR or DAG-JSON document past a value that is not a link
 * (CBOR tag 42): reading other IPLD kinds is not implemented, as in boxo's path gateway
 */
export class NotALinkError extends CairnError {
  static override name = 'NotALinkError'
  static override code = 'ERR_NOT_A_LINK'
  constructor (message = 'The path ends at an IPLD value that is not a link', options?: CairnErrorOptions) { super(message, options) }
}

/**
 * The content is held only by peers reachable only through a relay, and the transfer used up what
 * the relay lets through (Circuit Relay v2's data limit, Kubo's 128 KiB per connection) without a
 * direct connection being made (a symmetric NAT on one side, say): relays are not meant to carry
 * bulk data, so the rest cannot come this way
 */
export class RelayLimitError extends CairnError {
  static override name = 'RelayLimitError'
  static override code = 'ERR_RELAY_LIMIT'
  constructor (message = 'the peer is reachable only through a relay, whose data limit this transfer used up', options?: CairnErrorOptions) { super(message, options) }
}

/** An IPNS record that is malformed, badly signed, expired, too large or for another name */
export class InvalidRecordError extends CairnError {
  static override name = 'InvalidRecordError'
  static override code = 'ERR_INVALID_RECORD'
  constructor (message = 'record is malformed', options?: CairnErrorOptions) { super(message, options) }
}

/** An IPNS or DNSLink name with no record, or one that does not lead to an /ipfs/ path */
export class ResolveFailedError extends CairnError {
  static override name = 'ResolveFailedError'
  static override code = 'ERR_RESOLVE_FAILED'
  constructor (message = 'could not resolve name', options?: CairnErrorOptions) { super(message, options) }
}

/** Creating something (an MFS file or directory) where something already is */
export class AlreadyExistsError extends CairnError {
  static override name = 'AlreadyExistsError'
  static override code = 'ERR_ALREADY_EXISTS'
  constructor (message = 'file already exists', options?: CairnErrorOptions) { super(message, options) }
}

/**
 * A remote pinning service refused a request or could not be reached; `details.status` holds the
 * HTTP status when there was one, `details.reason` the spec's Failure reason
 */
export class RemotePinningError extends CairnError {
  static override name = 'RemotePinningError'
  static override code = 'ERR_REMOTE_PINNING'
  constructor (message = 'remote pinning service request failed', options?: CairnErrorOptions) { super(message, options) }
}

/** Every exported error class, for tests and for code-to-status tables */
export const errorClasses = [
  CairnError, AlreadyExistsError, NotFoundError, InvalidCidError, InvalidPathError, InvalidParametersError, HashMismatchError,
  UnsupportedHashError, UnsupportedCodecError, MalformedBlockError, InvalidCarError, BlockTooLargeError,
  NotADirectoryError, NotAFileError, NotALinkError, NotPinnedError, PinnedError, RepoLockedError, RepoCorruptError,
  NoSpaceError, StorageFullError, StoreWriteError, StoreClosedError, RepoNotInitializedError, OfflineError, TimeoutError, AbortError,
  InvalidRecordError, ResolveFailedError, RemotePinningError, RelayLimitError
] as const

/** True when `err` is a Cairn error with the given code (works across package copies) */
export function hasCode (err: unknown, code: string): boolean {
  return err != null && typeof err === 'object' && (err as { code?: unknown }).code === code
}
