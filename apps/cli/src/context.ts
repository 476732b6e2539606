/**
 * What every command receives: the parsed config, the printer, a way to reach the node and the
 * few node-side functions the CLI needs. Commands never import `@cairn/node` themselves.
 */
import type { CairnApi } from '@cairn/interface'
import type { Command as RpcCommand } from '@cairn/gateway'
import type { DatastoreAnswer, DatastoreOp } from '@cairn/node'
import type { CliConfig } from './config.ts'
import type { Printer } from './print.ts'

export interface InProcessNode extends CairnApi {
  stop(): Promise<void>
}

export interface RunningDaemon {
  /** The node itself, in this process */
  node: CairnApi
  gatewayUrl: string
  apiUrl: string
  /** The RPC address as a multiaddr, the content of `$CAIRN_PATH/api` */
  apiMultiaddr: string
  /** The Pinning Service API listener (`Pinning.Service.Listen`) as a multiaddr, when it is on */
  pinningServiceMultiaddr?: string
  /** Stops the servers, then the node */
  stop(): Promise<void>
  /** Settles once a client asked the RPC to shut the daemon down (`cairn shutdown`), after it was answered */
  shutdownRequested: Promise<void>
}

export interface DaemonOptions {
  /** Serve only what the repo holds */
  offline: boolean
  /** Multiaddrs that override the config's `Addresses.*`; port 0 picks a free port */
  swarm?: string[]
  api?: string
  gateway?: string
  /** Overrides `Pinning.Service.Listen` (the Pinning Service API listener; '' turns it off) */
  pinningService?: string
  /** RPC commands only the CLI can answer (completion scripts, its dependencies) */
  rpcCommands?: Record<string, RpcCommand>
}

/** The node-side functions the CLI calls; `backend.ts` binds them to `@cairn/node` and `@cairn/gateway` */
export interface Backend {
  isRepoInitialized(repoPath: string): Promise<boolean>
  /** Creates the repo; returns its peer ID */
  initRepo(repoPath: string, options: { profile?: 'default' | 'test' }): Promise<string>
  /** Kubo's `key rotate`: a new identity, the old one kept in the keystore under `oldKey` */
  rotateIdentity(repoPath: string, options: { oldKey: string, type?: 'ed25519' | 'rsa' | 'secp256k1', size?: number }): Promise<{ id: string, oldId: string }>
  /**
   * Kubo's `files chroot` on a repo no daemon holds: records `root` (default the empty directory)
   * as the MFS root; returns the root it replaced
   */
  mfsChroot(repoPath: string, root?: string): Promise<{ old?: string, root: string }>
  /** Kubo's `diag datastore get|put|count` on a repo no daemon holds */
  datastore(repoPath: string, request: DatastoreOp): Promise<DatastoreAnswer>
  /** Opens the repo in this process, without networking */
  openOffline(repoPath: string): Promise<InProcessNode>
  /** Starts the node with its gateway and RPC servers, all over one libp2p instance */
  startDaemon(repoPath: string, options: DaemonOptions): Promise<RunningDaemon>
}

export interface OpenOptions {
  /** Create the repo when there is none (only `add` does, as the issue asks) */
  initIfMissing?: boolean
  /** The command needs the network: refuse when no daemon runs */
  online?: boolean
}

export interface InputStream extends AsyncIterable<Uint8Array> {
  isTTY?: boolean
}

export interface CliContext {
  readonly config: CliConfig
  readonly print: Printer
  readonly cwd: string
  readonly stdin: InputStream
  /** Binary output (a CAR) is refused on a terminal */
  readonly stdoutIsTTY: boolean
  /** Kubo draws progress by default only when stderr is a terminal */
  readonly stderrIsTTY: boolean
  /** Aborts on `--timeout` and on SIGINT */
  readonly signal: AbortSignal
  /** The node-side functions, loaded on first use so that RPC-only runs never load libp2p */
  backend(): Promise<Backend>
  /** The daemon's RPC when one runs, the repo in-process otherwise; opened once per run */
  api(options?: OpenOptions): Promise<CairnApi>
}
