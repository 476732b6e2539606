/** Resolved names, each kept until its record's TTL (bounded by the record's validity) runs out */

export interface CachedName {
  /** The marshalled record */
  record: Uint8Array
  /** What it points at (`/ipfs/...` or `/ipns/...`) */
  value: string
  sequence: bigint
  /** Date.now() after which the entry is stale */
  expiresAt: number
}

export interface NameCache {
  get(key: string): CachedName | undefined
  set(key: string, entry: CachedName): void
  delete(key: string): void
}

/** An LRU of at most `size` names; an expired entry reads as absent */
export function createNameCache (size: number, now: () => number = Date.now): NameCache {
  const entries = new Map<string, CachedName>()
  return {
    get (key) {
      const entry = entries.get(key)
      if (entry == null) return undefined
      if (entry.expiresAt <= now()) {
        entries.delete(key)
        return undefined
      }
      // most recently used last
      entries.delete(key)
      entries.set(key, entry)
      return entry
    },
    set (key, entry) {
      if (size <= 0) return
      entries.delete(key)
      entries.set(key, entry)
      while (entries.size > size) entries.delete(entries.keys().next().value as string)
    },
    delete (key) {
      entries.delete(key)
    }
  }
}
