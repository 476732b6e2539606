/**
 * Chooses how the CLI reaches the node, as Kubo does: the daemon's RPC when `$CAIRN_PATH/api`
 * exists (or `--api` names one), the repo opened in this process otherwise.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RepoNotInitializedError } from '@cairn/interface'
import type { CairnApi } from '@cairn/interface'
import type { CliConfig } from './config.ts'
import { API_FILENAME } from './constants.ts'
import type { Backend, OpenOptions } from './context.ts'
import { DaemonRequiredError } from './errors.ts'

export interface OpenedApi {
  api: CairnApi
  /** True when calls go to a daemon */
  daemon: boolean
  /** True when this call created the repo */
  initialized?: boolean
  close(): Promise<void>
}

/** The RPC address in the repo's `api` file, if a daemon wrote one */
export async function readApiFile (repoPath: string): Promise<string | undefined> {
  try {
    const text = (await readFile(join(repoPath, API_FILENAME), 'utf8')).trim()
    return text === '' ? undefined : text
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return undefined
    throw err
  }
}

export async function openApi (config: CliConfig, loadBackend: () => Promise<Backend>, options: OpenOptions = {}): Promise<OpenedApi> {
  const address = config.api ?? (config.offline ? undefined : await readApiFile(config.repoPath))
  if (address != null) {
    // loaded only when a daemon runs
    const { createRpcApi } = await import('./rpc/client.ts')
    const api = createRpcApi({ address })
    return { api, daemon: true, close: async () => { await api.close() } }
  }
  if (options.online === true) {
    throw new DaemonRequiredError("this command must be run in online mode. Try running 'cairn daemon' first")
  }
  const backend = await loadBackend()
  let initialized = false
  if (!await backend.isRepoInitialized(config.repoPath)) {
    if (options.initIfMissing !== true) throw new RepoNotInitializedError()
    await backend.initRepo(config.repoPath, { profile: 'default' })
    initialized = true
  }
  const node = await backend.openOffline(config.repoPath)
  return { api: node, daemon: false, initialized, close: async () => { await node.stop() } }
}
