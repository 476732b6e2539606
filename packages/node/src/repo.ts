import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidParametersError, RepoCorruptError, RepoNotInitializedError } from '@cairn/interface'
import { mergeConfig, profileConfig, readConfigFile, validateConfig, writeConfigFile } from './config.ts'
import { REPO_BLOCKS_DIR, REPO_CONFIG_FILE, REPO_DATASTORE_DIR, REPO_DATASTORE_RESERVE_FILE, REPO_KEY_FILE, REPO_KEYSTORE_DIR } from './constants.ts'
import type { ConfigProfile, DeepPartial } from './config.ts'
import type { CairnConfig } from '@cairn/interface'
import type { PrivateKey } from '@libp2p/interface'

export interface InitRepoOptions {
  /** @default 'default' */
  profile?: ConfigProfile
  /** Applied over the profile */
  config?: DeepPartial<CairnConfig>
}

export interface RepoPaths {
  root: string
  config: string
  keystore: string
  key: string
  blocks: string
  datastore: string
  /** The datastore's reserve file (see `openDatastore`) */
  datastoreReserve: string
}

export function repoPaths (repoPath: string): RepoPaths {
  const keystore = join(repoPath, REPO_KEYSTORE_DIR)
  return {
    root: repoPath,
    config: join(repoPath, REPO_CONFIG_FILE),
    keystore,
    key: join(keystore, REPO_KEY_FILE),
    blocks: join(repoPath, REPO_BLOCKS_DIR),
    datastore: join(repoPath, REPO_DATASTORE_DIR),
    datastoreReserve: join(repoPath, REPO_DATASTORE_RESERVE_FILE)
  }
}

async function exists (path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (err: any) {
    if (err.code === 'ENOENT') return false
    throw err
  }
}

/** A repo exists once its config file does (it is written last by `initRepo`) */
export async function isRepoInitialized (repoPath: string): Promise<boolean> {
  return exists(repoPaths(repoPath).config)
}

/**
 * Creates a repo: a new Ed25519 identity in `keystore/` and `config` from the profile plus
 * overrides. Refuses to touch a folder that already holds a repo.
 */
export async function initRepo (repoPath: string, options: InitRepoOptions = {}): Promise<CairnConfig> {
  const profile = options.profile ?? 'default'
  if (profile !== 'default' && profile !== 'test') {
    throw new InvalidParametersError(`Unknown profile "${String(profile)}": use default or test`)
  }
  const paths = repoPaths(repoPath)
  if (await exists(paths.config)) {
    throw new InvalidParametersError(`A repo already exists at ${repoPath}`, { details: { repoPath } })
  }
  // loaded here, not with the module: commands that only open a repo need no key crypto
  const { generateKeyPair, privateKeyToProtobuf } = await import('@libp2p/crypto/keys')
  const { peerIdFromPrivateKey } = await import('@libp2p/peer-id')
  const key = await generateKeyPair('Ed25519')
  const peerId = peerIdFromPrivateKey(key).toString()
  const config = mergeConfig(profileConfig(profile, peerId), options.config as DeepPartial<CairnConfig>)
  // the identity is the key's, whatever the overrides say
  config.Identity = { ...config.Identity, PeerID: peerId }
  validateConfig(config)
  await mkdir(paths.keystore, { recursive: true, mode: 0o700 })
  await mkdir(paths.blocks, { recursive: true })
  await mkdir(paths.datastore, { recursive: true })
  await writeFile(paths.key, privateKeyToProtobuf(key), { mode: 0o600 })
  // config last: its presence marks the repo as complete
  await writeConfigFile(paths.config, config)
  return config
}

export async function loadRepoConfig (repoPath: string): Promise<CairnConfig> {
  return readConfigFile(repoPaths(repoPath).config)
}

/** Reads the identity and checks it against the config, so a swapped key is caught at start */
export async function loadPrivateKey (repoPath: string, config: CairnConfig): Promise<PrivateKey> {
  const file = repoPaths(repoPath).key
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (err: any) {
    if (err.code === 'ENOENT') throw new RepoNotInitializedError(`The repo has no key at ${file}`, { cause: err })
    throw err
  }
  const { privateKeyFromProtobuf } = await import('@libp2p/crypto/keys')
  const { peerIdFromPrivateKey } = await import('@libp2p/peer-id')
  let key: PrivateKey
  try {
    key = privateKeyFromProtobuf(bytes)
  } catch (err) {
    throw new RepoCorruptError(`The repo key ${file} cannot be read`, { cause: err })
  }
  const peerId = peerIdFromPrivateKey(key).toString()
  if (config.Identity.PeerID !== '' && config.Identity.PeerID !== peerId) {
    throw new RepoCorruptError(`The repo key is for ${peerId} but the config says ${config.Identity.PeerID}`)
  }
  return key
}
