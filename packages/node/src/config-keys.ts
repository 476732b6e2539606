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
 * Refuses to set a key Kubo's config does not have, with Kubo's words (`config.CheckKey`:
 * `Fruit not found`, `Bootstrap key is not a map`). Keys already in the file (Cairn's own, such
 * as `Gateway.Timeout`) may always be set.
 */
export function checkConfigKey (config: unknown, key: string): void {
  const parts = key.split('.')
  if (present(config, parts)) return
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
