import { InvalidParametersError } from '@cairn/interface'
import type { CairnApi } from '@cairn/interface'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CID } from 'multiformats/cid'
import type { Args, CommandSpec } from './args.ts'
import type { MultipartLimits } from './multipart.ts'
import type { ActiveCommands } from './active.ts'

/** What a command's `run` gets: the node, its parsed arguments and the HTTP exchange */
export interface RpcContext {
  api: CairnApi
  args: Args
  req: IncomingMessage
  res: ServerResponse
  signal: AbortSignal
  limits: MultipartLimits & { maxBlockBytes: number }
  /** What this server runs and ran lately (`diag cmds`) */
  active: ActiveCommands
}

/** One `/api/v0/<name>` endpoint, as a `cmds.Command` in Kubo's `core/commands/` */
export interface Command extends CommandSpec {
  run(ctx: RpcContext): Promise<void>
}

/** Commands keyed by their path below `/api/v0/` (`pin/add`, `swarm/addrs/local`) */
export type CommandTable = Record<string, Command>

/** The first `arg`, refused when blank (Kubo: `argument "arg" is required`) */
export function pathArg (a: Args): string {
  const p = a.args[0]
  if (p.trim() === '') throw new InvalidParametersError('argument "arg" is empty')
  return p
}

/** A CID as DAG-JSON's link form, which Kubo's JSON uses for `Cid`/`Key` fields */
export const cidJson = (cid: CID): { '/': string } => ({ '/': cid.toString() })
