import { InvalidParametersError } from '@cairn/interface'
import { KUBO_CONFIG_KEYS } from './kubo-config-keys.ts'
import type { KeyTree } from './kubo-config-keys.ts'

/** Whether `key` (dotted) already has a value in `config` */
function present (config: unknown, parts: string[]): boolean {
  let cursor = config
  for (const part of parts) {
    if (cursor == null || typeof cursor !== 'object' || !Object.hasOwn(cursor, part)) return false
    cursor = (cursor as Record<string, unknown>)[part]
  }
  return true
}

/**
 * Cairn's own keys, which Kubo's config does not have but `config KEY VALUE` may set even before
 * they are in the file (the shape of `KUBO_CONFIG_KEYS`)
 */
const CAIRN_CONFIG_KEYS: KeyTree = {
  Pinning: {
    // the Pinning Service API this node serves (@cairn/pinning-service)
    Service: { Listen: 0, Concurrency: 0, StallTimeout: 0, MaxPinsPerToken: 0, MaxBytesPerToken: 0 }
  },
  Swarm: {
    // WebRTC private-to-private, hole punching through NATs (reachability/webrtc.ts)
    Transports: { Network: { WebRTC: 0 } },
    WebRTC: { STUNServers: 0, MTU: 0 }
  }
}

/** Whether `parts` names a key of `tree` */
function inTree (tree: KeyTree, parts: string[]): boolean {
  let cursor = tree
  for (const part of parts) {
    if (typeof cursor !== 'object') return cursor === 1
    const next: KeyTree | undefined = Object.hasOwn(cursor, part) ? cursor[part] : undefined
    if (next === undefined) return false
    cursor = next
  }
  return true
}

/**
 * Refuses to set a key Kubo's config does not have, with Kubo's words (`config.CheckKey`:
 * `Fruit not found`, `Bootstrap key is not a map`). Keys already in the file (Cairn's own, such
 * as `Gateway.Timeout`) and those of `CAIRN_CONFIG_KEYS` may always be set.
 */
export function checkConfigKey (config: unknown, key: string): void {
  const parts = key.split('.')
  if (present(config, parts) || inTree(CAIRN_CONFIG_KEYS, parts)) return
  let cursor: KeyTree = KUBO_CONFIG_KEYS
  for (const [i, part] of parts.entries()) {
    if (typeof cursor !== 'object') {
      if (cursor === 1) return
      throw new InvalidParametersError(`failed to set config value: ${parts.slice(0, i).join('.')} key is not a map (maybe use --json?)`)
    }
    const next: KeyTree | undefined = Object.hasOwn(cursor, part) ? cursor[part] : Object.hasOwn(cursor, '*') ? cursor['*'] : undefined
    if (next === undefined) throw new InvalidParametersError(`failed to set config value: ${parts.slice(0, i + 1).join('.')} not found (maybe use --json?)`)
    cursor = next
  }
}
