/**
 * The client side of the IPFS Pinning Service API: Kubo's `pin remote` commands over
 * `Pinning.RemoteServices`, replicas of local pins on those services (`pin add --replicas`) with
 * a periodic check that puts lost copies back, and Kubo's `Policies.MFS`.
 */
import { parseDuration } from '@cairn/interface'
import { createRemotePinApi } from './remote-api.ts'
import { createReplicas, startReplicaCheck } from './replicas.ts'
import { createServiceRegistry } from './services.ts'
import { startMfsPolicy } from './mfs-policy.ts'
import type { RemotePinningHooks } from './hooks.ts'
import type { MfsPolicyInit } from './mfs-policy.ts'
import type { Replicas, ReplicasInit } from './replicas.ts'
import type { ConfigStore } from '../api/config.ts'
import type { RemotePinApi } from '@cairn/interface'

export { createPinningServiceClient } from './client.ts'
export type { PinningServiceClient, PinningServiceClientInit, PinListQuery } from './client.ts'
export { normalizeEndpoint } from './services.ts'
export { REPLICA_META_KEY, REPLICA_COUNT_META_KEY } from './replicas.ts'
export type { RemotePinningHooks } from './hooks.ts'

/** The replica check's default period (`Pinning.ReplicaCheckInterval`) */
export const DEFAULT_REPLICA_CHECK_INTERVAL = '5m'

export interface RemotePinning {
  api: RemotePinApi
  replicas: Replicas
  /** Starts the daemon's background work (replica check, MFS policy); returns its stop */
  startBackground(init: MfsPolicyInit): Promise<() => void>
}

export function createRemotePinning (hooks: RemotePinningHooks, store: ConfigStore, init: ReplicasInit = {}): RemotePinning {
  const registry = createServiceRegistry(store)
  const replicas = createReplicas(hooks, registry, init)
  return {
    api: createRemotePinApi(hooks, registry, replicas),
    replicas,
    async startBackground (init) {
      const config = await store.read()
      const interval = config.Pinning?.ReplicaCheckInterval ?? DEFAULT_REPLICA_CHECK_INTERVAL
      const stops = [
        startReplicaCheck(replicas, parseDuration(interval), hooks.log.newScope('replicas')),
        startMfsPolicy(hooks, registry, init)
      ]
      return () => { for (const stop of stops) stop() }
    }
  }
}
