/**
 * Finding an IPNS name's record, fast: our own or the DHT-held record at once, else the first
 * valid record a DHT peer (or, with IPNS over pubsub, a topic peer) returns; the walk keeps going
 * in the background and better records found later replace the cached one, so the next lookup
 * sees them. Kubo instead waits for 16 answers before replying. Concurrent lookups of one name
 * share one walk. The cache holds each record for its TTL (never past its validity).
 */
import { AbortError, ResolveFailedError, TimeoutError } from '@cairn/interface'
import { unmarshalIPNSRecord } from 'ipns'
import { equals } from 'uint8arrays/equals'
import { DEFAULT_IPNS_DHT_RECORD_COUNT, DEFAULT_IPNS_DHT_TIMEOUT_MS, DEFAULT_IPNS_RECORD_TTL_MS, DEFAULT_IPNS_RESOLVE_CACHE_SIZE } from '../constants.ts'
import { createNameCache } from './cache.ts'
import { PUBSUB_FETCH_TIMEOUT_MS } from './pubsub.ts'
import { selectIpnsRecord, validateIpnsRecord } from './validator.ts'
import type { NameCache } from './cache.ts'
import type { IpnsName } from './name.ts'
import type { IpnsPubsub } from './pubsub.ts'
import type { RecordStore } from './records.ts'
import type { NameResolveOptions } from '@cairn/interface'
import type { Logger } from '@libp2p/interface'
import type { KadDHT } from '@libp2p/kad-dht'

export interface NameLookupComponents {
  records: RecordStore
  dhtLocal?(routingKey: Uint8Array): Promise<Uint8Array | undefined>
  dht(): KadDHT | undefined
  pubsub?: IpnsPubsub
  log: Logger
}

export interface NameLookupInit {
  /** @default DEFAULT_IPNS_RESOLVE_CACHE_SIZE (Ipns.ResolveCacheSize) */
  cacheSize?: number
  /** Upper bound on any cache entry, ms (Ipns.MaxCacheTTL). @default no bound */
  maxCacheTtlMs?: number
}

export interface NameLookup {
  readonly cache: NameCache
  /** The best record we know of, as soon as one valid record is in hand */
  lookup(name: IpnsName, options: NameResolveOptions): Promise<Uint8Array>
  /** The best valid record among our own and the one the DHT stores locally */
  validLocal(name: IpnsName): Promise<Uint8Array | undefined>
  /** Caches a record unless the cache holds a better one */
  remember(name: IpnsName, record: Uint8Array): void
}

export const cacheKey = (name: IpnsName): string => name.cid

export function createNameLookup (components: NameLookupComponents, init: NameLookupInit = {}): NameLookup {
  const cache: NameCache = createNameCache(init.cacheSize ?? DEFAULT_IPNS_RESOLVE_CACHE_SIZE)
  const log = components.log
  /** One DHT lookup per name at a time: concurrent resolves of one name share it */
  const lookups = new Map<string, Promise<Uint8Array>>()

  function remember (name: IpnsName, received: Uint8Array): void {
    // a copy as a plain Uint8Array: records from the network or the datastore are Buffers, often
    // views into far larger buffers that the cache would otherwise keep alive
    const record = received.constructor === Uint8Array && received.byteLength === received.buffer.byteLength ? received : Uint8Array.from(received)
    const parsed = unmarshalIPNSRecord(record)
    const held = cache.get(cacheKey(name))
    // never let a worse record replace a better one
    if (held != null && !equals(held.record, record) && selectIpnsRecord(name.routingKey, [record, held.record]) !== 0) return
    const validUntil = Date.parse(parsed.validity)
    let ttlMs = parsed.ttl != null ? Number(parsed.ttl / 1_000_000n) : DEFAULT_IPNS_RECORD_TTL_MS
    if (init.maxCacheTtlMs != null) ttlMs = Math.min(ttlMs, init.maxCacheTtlMs)
    const expiresAt = Math.min(Date.now() + ttlMs, Number.isNaN(validUntil) ? Infinity : validUntil)
    cache.set(cacheKey(name), { record, value: parsed.value, sequence: parsed.sequence, expiresAt })
  }

  /** Best of what we hold locally and what the DHT answers first; refines the cache in the background */
  async function lookup (name: IpnsName, options: NameResolveOptions): Promise<Uint8Array> {
    const local = await validLocal(name)
    const dht = components.dht()
    if (dht == null) {
      if (local != null) return local
      // without a DHT, the peers following the name's topic may still have it
      if (components.pubsub?.enabled === true) {
        await components.pubsub.fetchLatest(name, { signal: options.signal ?? AbortSignal.timeout(PUBSUB_FETCH_TIMEOUT_MS) })
        const heard = cache.get(cacheKey(name))
        if (heard != null) return heard.record
      }
      throw new ResolveFailedError('could not resolve name')
    }
    const key = cacheKey(name)
    let running = lookups.get(key)
    if (running == null) {
      running = dhtLookup(dht, name, local, options).finally(() => { lookups.delete(key) })
      lookups.set(key, running)
    }
    if (options.signal == null) return running
    const signal = options.signal
    return new Promise((resolve, reject) => {
      const onAbort = (): void => { reject(new AbortError('name resolution was aborted')) }
      signal.addEventListener('abort', onAbort, { once: true })
      running.then(resolve, reject).finally(() => { signal.removeEventListener('abort', onAbort) })
    })
  }

  /** The best valid record among our own and the one the DHT stores locally */
  async function validLocal (name: IpnsName): Promise<Uint8Array | undefined> {
    let best: Uint8Array | undefined
    const dhtHeld = await components.dhtLocal?.(name.routingKey)
    // the datastore hands out Buffers: callers get plain Uint8Arrays, as from every other source
    const candidates = [await components.records.get(name.routingKey), dhtHeld == null ? undefined : Uint8Array.from(dhtHeld)]
    for (const record of candidates) {
      if (record == null) continue
      try {
        await validateIpnsRecord(name.routingKey, record)
      } catch {
        continue
      }
      if (best == null || selectIpnsRecord(name.routingKey, [record, best]) === 0) best = record
    }
    return best
  }

  function dhtLookup (dht: KadDHT, name: IpnsName, local: Uint8Array | undefined, options: NameResolveOptions): Promise<Uint8Array> {
    const wanted = options.dhtRecordCount ?? DEFAULT_IPNS_DHT_RECORD_COUNT
    const timeoutMs = options.dhtTimeoutMs ?? DEFAULT_IPNS_DHT_TIMEOUT_MS
    // the walk runs on after the answer: bounded by the DHT timeout, not the caller's signal
    const signal = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined
    return new Promise((resolve, reject) => {
      let best = local
      let answered = false
      let count = 0
      const answer = (): void => {
        if (answered || best == null) return
        answered = true
        resolve(best)
      }
      // our own record needs no network round trip
      if (local != null) answer()
      const offer = async (value: Uint8Array): Promise<void> => {
        try {
          await validateIpnsRecord(name.routingKey, value)
        } catch (err) {
          log('ignoring a record for %s - %e', name.cid, err)
          return
        }
        count++
        if (best == null || selectIpnsRecord(name.routingKey, [value, best]) === 0) best = value
        remember(name, best)
        answer()
      }
      const walk = async (): Promise<void> => {
        for await (const event of dht.get(name.routingKey, { signal })) {
          if (event.name === 'PEER_RESPONSE' && event.record != null) await offer(event.record.value)
          else if (event.name === 'VALUE') await offer(event.value)
          if (count >= wanted) break
        }
      }
      // the peers of the name's topic answer beside the DHT (IPNS over pubsub's fetch protocol)
      const fetched = components.pubsub?.enabled === true
        ? components.pubsub.fetchLatest(name, { signal: signal ?? AbortSignal.timeout(PUBSUB_FETCH_TIMEOUT_MS) }).then(async () => {
          const heard = cache.get(cacheKey(name))
          if (heard != null) await offer(heard.record)
        }, (err) => { log('pubsub fetch of %s failed - %e', name.cid, err) })
        : Promise.resolve()
      Promise.all([walk().catch((err) => {
        if (!answered) log('DHT lookup of %s ended - %e', name.cid, err)
      }), fetched]).finally(() => {
        if (answered) return
        if (best != null) {
          answer()
          return
        }
        reject(signal?.aborted === true ? new TimeoutError('could not resolve name: DHT lookup timed out') : new ResolveFailedError('could not resolve name'))
      })
    })
  }

  return { cache, lookup, validLocal, remember }
}
