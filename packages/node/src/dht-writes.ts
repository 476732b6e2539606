/**
 * What kad-dht writes when it stores provider records, made cheaper. Its ADD_PROVIDER handler
 * writes one datastore entry per record (one LevelDB put each, ~0.5 ms of main thread) and merges
 * the sender's addresses into the peer store (a read, a decode and a compare) for every record,
 * while the sender reads the next message only once that is done. A peer providing a few thousand
 * blocks at once (a replica that just pinned a DAG) cost every DHT server seconds of CPU.
 *
 * - Provider records are written behind: a put under the provider prefix resolves at once and is
 *   committed with the others of the next few milliseconds in one batch. Reads of that prefix
 *   (a GET_PROVIDERS, the expiry sweep) wait for the batch first, so they see every record.
 *   Provider records are soft state the providers renew (Kubo: every 22 h), so a crash that loses
 *   the last few milliseconds of them loses nothing the network will not send again.
 * - A merge of the same addresses for the same peer within `mergeTtlMs` is skipped: the first
 *   one already stored them.
 */
import type { AbortOptions, Logger, Peer, PeerId, PeerStore } from '@libp2p/interface'
import type { Datastore, Key } from 'interface-datastore'

export interface DhtWritesInit {
  /** kad-dht's provider record prefix. @default '/dht/provider' */
  providerPrefix?: string
  /** How long staged records wait for company before they are committed. @default 20 */
  flushDelayMs?: number
  /** Records staged at most before a commit starts regardless. @default 1024 */
  flushMax?: number
  /** @default 60_000 */
  mergeTtlMs?: number
}

/** Datastore methods that read or remove entries: they wait for staged records first */
const READS = new Set(['get', 'has', 'getMany', 'delete', 'deleteMany', 'query', 'queryKeys'])

/** The datastore kad-dht is given: provider records are written behind, in batches */
export function writeBehindProviders (inner: Datastore, log: Logger, init: DhtWritesInit = {}): Datastore & { flush(): Promise<void> } {
  const prefix = init.providerPrefix ?? '/dht/provider'
  const delayMs = init.flushDelayMs ?? 20
  const max = init.flushMax ?? 1024
  let staged = new Map<string, [Key, Uint8Array]>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let committing: Promise<void> = Promise.resolve()

  const flush = async (): Promise<void> => {
    clearTimeout(timer)
    timer = undefined
    if (staged.size > 0) {
      const entries = [...staged.values()]
      staged = new Map()
      committing = committing.then(async () => {
        const batch = inner.batch()
        for (const [key, value] of entries) batch.put(key, value)
        await batch.commit()
      }).catch(err => { log.error('could not store %d provider records - %e', entries.length, err) })
    }
    await committing
  }

  const put = async (key: Key, value: Uint8Array, options?: AbortOptions): Promise<Key> => {
    if (!key.toString().startsWith(prefix)) return inner.put(key, value, options)
    staged.set(key.toString(), [key, value])
    if (staged.size >= max) void flush()
    else timer ??= setTimeout(() => { void flush() }, delayMs)
    return key
  }

  return new Proxy(inner, {
    get (target, prop) {
      if (prop === 'put') return put
      if (prop === 'flush') return flush
      const value = Reflect.get(target, prop, target)
      if (typeof prop !== 'string' || !READS.has(prop) || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value
      if (prop === 'query' || prop === 'queryKeys' || prop === 'getMany' || prop === 'deleteMany') {
        return async function * (...args: unknown[]) {
          if (staged.size > 0 || timer != null) await flush()
          yield * value.apply(target, args)
        }
      }
      return async (...args: unknown[]) => {
        if (staged.size > 0 || timer != null) await flush()
        return value.apply(target, args)
      }
    }
  }) as Datastore & { flush(): Promise<void> }
}

/** The peer store kad-dht is given: an address-only merge repeated within `mergeTtlMs` is skipped */
export function dedupeAddressMerges (inner: PeerStore, init: DhtWritesInit = {}): PeerStore {
  const ttl = init.mergeTtlMs ?? 60_000
  const recent = new Map<string, { addrs: string, at: number, result: Peer }>()
  const merge: PeerStore['merge'] = async (peer: PeerId, data, options) => {
    const keys = Object.keys(data)
    if (keys.length !== 1 || keys[0] !== 'multiaddrs' || data.multiaddrs == null) return inner.merge(peer, data, options)
    const id = peer.toString()
    const addrs = data.multiaddrs.map(a => a.toString()).sort().join(' ')
    const now = Date.now()
    const last = recent.get(id)
    if (last != null && last.addrs === addrs && now - last.at < ttl) return last.result
    const result = await inner.merge(peer, data, options)
    // bounded: forget stale entries once the map grows
    if (recent.size > 4096) for (const [k, v] of recent) if (now - v.at >= ttl) recent.delete(k)
    recent.set(id, { addrs, at: now, result })
    return result
  }
  return new Proxy(inner, {
    get (target, prop) {
      if (prop === 'merge') return merge
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/**
 * Wraps kad-dht's factory so the DHT gets the lighter datastore and peer store above (libp2p's
 * other services keep the plain ones)
 */
export function withLighterWrites<S> (factory: (components: any) => S, init: DhtWritesInit = {}): (components: any) => S {
  return (components) => {
    const log = components.logger.forComponent('cairn:dht-writes') as Logger
    const datastore = writeBehindProviders(components.datastore, log, init)
    const peerStore = dedupeAddressMerges(components.peerStore, init)
    return factory(new Proxy(components, {
      get (target, prop) {
        if (prop === 'datastore') return datastore
        if (prop === 'peerStore') return peerStore
        return Reflect.get(target, prop, target)
      }
    }))
  }
}
