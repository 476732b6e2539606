/**
 * @packageDocumentation
 *
 * `@cairn/node`: `createNode()` opens a repo and builds the one libp2p instance of the process
 * (TCP + WebSockets, noise, yamux, identify, ping, the IPFS Kademlia DHT, gossipsub, Bitswap) and
 * implements `CairnApi` in-process over `@cairn/blockstore` and `@cairn/dag`.
 *
 * Importing this module loads no libp2p: an online `createNode` loads it, an offline one never
 * does. Noise's tuned cipher, `fastNoiseCrypto`, is the subpath `@cairn/node/noise-crypto`.
 */
export { createNode, parseCid } from './node.ts'
export type { CairnNode, NodeInit } from './node.ts'
export { MFS_ROOT_NAME, DEFAULT_MFS_NO_FLUSH_LIMIT, DEFAULT_MFS_FLUSH_DELAY_MS, DEFAULT_MFS_CACHE_ENTRIES_MAX } from './mfs/index.ts'
export type { Mfs, MfsInit } from './mfs/index.ts'
export type { CairnServices } from './libp2p.ts'
export type { NodeMetrics, FamilyOptions, Reading } from './metrics.ts'
export { initRepo, isRepoInitialized, repoPaths } from './repo.ts'
export { rotateIdentity } from './keys/rotate.ts'
export { diagDatastore } from './diag-datastore.ts'
export type { DatastoreOp, DatastoreAnswer } from './diag-datastore.ts'
export type { RotateOptions } from './keys/rotate.ts'
export type { InitRepoOptions, RepoPaths } from './repo.ts'
export {
  defaultConfig, TEST_PROFILE, profileConfig, mergeConfig, getConfigValue, setConfigValue, parseDuration, parseBytes
} from './config.ts'
export type { DeepPartial, ConfigProfile } from './config.ts'
export type { NodePubsubApi, PubsubValidator, PubsubVerdict } from './api/pubsub.ts'
export type { NodeRoutingApi } from './api/routing.ts'
export { PROFILES, applyProfile } from './profiles.ts'
export type { Profile } from './profiles.ts'
export type { ContentProvider, ProviderStats, ProvideStrategy } from './provider.ts'
export type { BlockExchange, NetworkGetter, SessionGetter } from './network-getter.ts'
export * from './constants.ts'
export { createPinningServiceClient, normalizeEndpoint, REPLICA_META_KEY, REPLICA_COUNT_META_KEY, DEFAULT_REPLICA_CHECK_INTERVAL } from './remote-pinning/index.ts'
export type { PinningServiceClient, PinningServiceClientInit, PinListQuery } from './remote-pinning/index.ts'
export { ListenError, NotStartedError, nodeErrorClasses } from './errors.ts'
export { tuneGarbageCollector, supportsGcTuning, GC_TUNING_FLAGS } from './gc-tuning.ts'
