/**
 * The one place where errors become HTTP statuses (STYLE #7, boxo's `webError`).
 * The gateway answers with `gateway`; the RPC, as Kubo's go-ipfs-cmds, only tells client
 * mistakes (400, with `Code: 1`) from server-side failures (500, `Code: 0`), plus the few
 * transport-level statuses (403, 404, 405, 413) it shares with the gateway.
 */

interface StatusRow {
  gateway: number
  rpc: number
}

const CLIENT = { gateway: 400, rpc: 400 }

const table: Record<string, StatusRow> = {
  InvalidCidError: CLIENT,
  InvalidPathError: CLIENT,
  InvalidParametersError: CLIENT,
  InvalidCarError: CLIENT,
  AlreadyExistsError: CLIENT,
  MalformedRequestError: CLIENT,
  HashMismatchError: CLIENT,
  BlockTooLargeError: { gateway: 400, rpc: 413 },
  PayloadTooLargeError: { gateway: 413, rpc: 413 },
  NotFoundError: { gateway: 404, rpc: 500 },
  InvalidRecordError: { gateway: 400, rpc: 400 },
  ResolveFailedError: { gateway: 404, rpc: 500 },
  NotADirectoryError: { gateway: 404, rpc: 500 },
  NotAFileError: { gateway: 400, rpc: 500 },
  NotPinnedError: { gateway: 500, rpc: 500 },
  PinnedError: { gateway: 500, rpc: 500 },
  UnsupportedCodecError: { gateway: 501, rpc: 500 },
  UnsupportedHashError: { gateway: 501, rpc: 500 },
  NotALinkError: { gateway: 501, rpc: 500 },
  MalformedBlockError: { gateway: 502, rpc: 500 },
  // the storage budget is spent, or the disk is full: WebDAV's Insufficient Storage
  StorageFullError: { gateway: 507, rpc: 507 },
  NoSpaceError: { gateway: 507, rpc: 507 },
  // the only peers holding it are behind a relay whose data limit the transfer used up: the
  // upstream cannot deliver, which is not a timeout and not the client's fault
  RelayLimitError: { gateway: 502, rpc: 500 },
  // content we could not get from the network in time
  TimeoutError: { gateway: 504, rpc: 500 },
  // an offline node serves only what its repo holds: what it lacks is simply not here
  OfflineError: { gateway: 404, rpc: 500 },
  NotAcceptableError: { gateway: 406, rpc: 400 },
  RangeNotSatisfiableError: { gateway: 416, rpc: 400 },
  PreconditionFailedError: { gateway: 412, rpc: 400 },
  MethodNotAllowedError: { gateway: 405, rpc: 405 },
  ForbiddenError: { gateway: 403, rpc: 403 },
  UnknownCommandError: { gateway: 404, rpc: 404 },
  UnsupportedCommandError: { gateway: 501, rpc: 501 }
}

function nameOf (err: unknown): string {
  return err != null && typeof err === 'object' && typeof (err as { name?: unknown }).name === 'string'
    ? (err as { name: string }).name
    : ''
}

function overridden (err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status
  return (nameOf(err) === 'StatusError' || nameOf(err) === 'RetryAfterError') && typeof status === 'number' ? status : undefined
}

/** HTTP status for an error raised while serving a gateway request */
export function toHttpStatus (err: unknown): number {
  return overridden(err) ?? table[nameOf(err)]?.gateway ?? 500
}

/** HTTP status for an error raised by an /api/v0 command */
export function toRpcStatus (err: unknown): number {
  return overridden(err) ?? table[nameOf(err)]?.rpc ?? 500
}
