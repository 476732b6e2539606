/**
 * Publishing and resolving IPNS names (boxo's namesys): records built and checked with the `ipns`
 * package, stored locally (RecordStore) and in the DHT, resolved through a TTL-bounded cache.
 *
 * Finding a name's record, fast, is `lookup.ts`; publishing, delegated publishing and raw
 * records are here.
 */
import { InvalidParametersError, InvalidRecordError, OfflineError, ResolveFailedError } from '@cairn/interface'
import { createIPNSRecord, marshalIPNSRecord, unmarshalIPNSRecord } from 'ipns'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { equals } from 'uint8arrays/equals'
import { DEFAULT_IPNS_RECORD_LIFETIME_MS, DEFAULT_IPNS_RECORD_TTL_MS, IPNS_DEPTH_LIMIT, IPNS_RECORD_BYTES_MAX } from '../constants.ts'
import { SELF_KEY } from '../keys/keystore.ts'
import { cacheKey, createNameLookup } from './lookup.ts'
import { putDelegated } from './delegated.ts'
import { betterRecords } from './dht-walk.ts'
import { inspectRecord } from './inspect.ts'
import { isDomain, nameSegment, parseIpnsName } from './name.ts'
import { sequenceOf } from './records.ts'
import { selectIpnsRecord, validateIpnsRecord } from './validator.ts'
import type { Keystore, StoredKey } from '../keys/keystore.ts'
import type { IpnsName } from './name.ts'
import type { RecordStore } from './records.ts'
import type { IpnsPubsub } from './pubsub.ts'
import type { AbortOptions, NameApi, NameEntry, NamePublishOptions, NameResolveOptions } from '@cairn/interface'
import type { Logger } from '@libp2p/interface'
import { MessageType } from '@libp2p/kad-dht'
import type { KadDHT } from '@libp2p/kad-dht'

const OFFLINE_PUBLISH = "can't publish while offline: pass `--allow-offline` to override or `--allow-delegated` if Ipns.DelegatedPublishers are set up"
const OFFLINE_PUT = "can't put while offline: pass `--allow-offline` to store locally or `--allow-delegated` if Ipns.DelegatedPublishers are set up"
/** Bound on `name put`'s look for an existing record (Kubo's routing Get), so a new name is not held for a whole DHT walk */
const PUT_EXISTING_LOOKUP_MS = 10_000
const BOTH_FLAGS = 'cannot use both --allow-offline and --allow-delegated flags'
const NO_PUBLISHERS = 'no delegated publishers configured: add Ipns.DelegatedPublishers or use --allow-offline for local-only publishing'

/** How a publish or put may reach the network: Kubo's `--allow-offline` and `--allow-delegated` */
interface StoreOptions extends AbortOptions {
  allowOffline?: boolean
  allowDelegated?: boolean
}

export interface NameSystemComponents {
  keystore: Keystore
  records: RecordStore
  /** The record the DHT holds locally for a key (put to us by peers), if any */
  dhtLocal?(routingKey: Uint8Array): Promise<Uint8Array | undefined>
  /** undefined offline or with `Routing.Type: "none"` */
  dht(): KadDHT | undefined
  offline: boolean
  /** Throws when an /ipfs/ path does not resolve (publish's `--resolve`) */
  checkPath(path: string, options?: AbortOptions): Promise<void>
  /** A DNSLink domain's `dnslink=` value (`/ipfs/...` or `/ipns/...`) */
  dnslink?(domain: string, options?: AbortOptions & { nocache?: boolean }): Promise<string>
  /** IPNS over pubsub: told of each record published and of each key name resolved */
  pubsub?: IpnsPubsub
  /** HTTP endpoints of `Ipns.DelegatedPublishers` (see delegated.ts) */
  delegatedPublishers?: string[]
  log: Logger
}

export interface NameSystemInit {
  /** @default DEFAULT_IPNS_RECORD_LIFETIME_MS (Ipns.RecordLifetime) */
  recordLifetimeMs?: number
  /** @default DEFAULT_IPNS_RESOLVE_CACHE_SIZE (Ipns.ResolveCacheSize) */
  cacheSize?: number
  /** Upper bound on any cache entry, ms (Ipns.MaxCacheTTL). @default no bound */
  maxCacheTtlMs?: number
}

export interface NameSystem extends NameApi {
  pubsub: NameApi['pubsub']
  /** Republishes every record this node holds for its own keys, with a new validity */
  republish(options?: AbortOptions): Promise<number>
  /** Offers a record learnt elsewhere (pubsub): kept if valid and better than what we hold */
  receive(name: IpnsName, record: Uint8Array): Promise<boolean>
  /** The cached entry of a name, if fresh (for the gateway's Cache-Control) */
  cachedTtlMs(name: string): number | undefined
  /** The best valid record we hold for a routing key (what the pubsub fetch protocol serves) */
  localRecord(routingKey: Uint8Array): Promise<Uint8Array | undefined>
}

/** `/ipfs/<cid>` from a CID or a path, as Kubo's `PathOrCidPath` */
function normalisePath (path: string): string {
  const p = path.trim()
  if (p.startsWith('/ipfs/') || p.startsWith('/ipns/')) return p.replace(/\/+$/, '') || p
  if (p.startsWith('/')) throw new InvalidParametersError(`invalid path "${p.slice(0, 100)}": unknown namespace`)
  if (p === '') throw new InvalidParametersError('invalid path "": path is empty')
  return `/ipfs/${p}`
}

function valueOf (record: Uint8Array | undefined): string | undefined {
  if (record == null) return undefined
  try {
    return unmarshalIPNSRecord(record).value
  } catch {
    return undefined
  }
}

export function createNameSystem (components: NameSystemComponents, init: NameSystemInit = {}): NameSystem {
  const lifetimeDefault = init.recordLifetimeMs ?? DEFAULT_IPNS_RECORD_LIFETIME_MS
  const log = components.log
  const { cache, lookup, validLocal, remember } = createNameLookup(components, { cacheSize: init.cacheSize, maxCacheTtlMs: init.maxCacheTtlMs })

  async function keyFor (nameOrId: string): Promise<StoredKey> {
    try {
      return await components.keystore.get(nameOrId)
    } catch (err: any) {
      if (err?.name !== 'NotFoundError' && err?.name !== 'InvalidParametersError') throw err
      // Kubo also takes the peer ID of a key
      for (const key of await components.keystore.list()) {
        if (key.id === nameOrId || parseIpnsName(key.id).cid === nameOrId) return key
      }
      throw new InvalidParametersError(`no key by the given name or PeerID was found`, { cause: err })
    }
  }

  /** Puts a record into the DHT; fails when no peer took it (Kubo: the publish fails) */
  async function putDht (name: IpnsName, record: Uint8Array, options: AbortOptions): Promise<void> {
    const dht = components.dht()
    if (dht == null) return
    let stored = 0
    let lastError: unknown
    for await (const event of dht.put(name.routingKey, record, options)) {
      if (event.name === 'PEER_RESPONSE' && event.messageType === MessageType.PUT_VALUE) stored++
      if (event.name === 'QUERY_ERROR') lastError = event.error
    }
    log('put %s to %d peers', name.cid, stored)
    if (stored === 0) throw new ResolveFailedError('failed to find any peer in table', { cause: lastError })
  }

  /** One step: an IPNS name or domain to what its record says */
  async function resolveOnce (segment: string, options: NameResolveOptions): Promise<string> {
    if (isDomain(segment)) {
      if (components.dnslink == null) throw new ResolveFailedError('could not resolve name: DNSLink is not available')
      return components.dnslink(segment, options)
    }
    const name = parseIpnsName(segment)
    // with IPNS over pubsub, later updates of a name looked up once arrive by themselves
    if (components.pubsub?.enabled === true) {
      components.pubsub.watch(name).catch((err) => { log('not watching %s - %e', name.cid, err) })
    }
    if (options.nocache !== true) {
      const hit = cache.get(cacheKey(name))
      if (hit != null) return hit.value
    }
    const record = await lookup(name, options)
    remember(name, record)
    return unmarshalIPNSRecord(record).value
  }

  async function resolve (text: string, options: NameResolveOptions = {}): Promise<string> {
    let { name, rest } = nameSegment(text)
    if (name === '') throw new InvalidParametersError('invalid IPNS name ""')
    const recursive = options.recursive ?? true
    const seen = new Set<string>()
    for (let depth = 0; depth < IPNS_DEPTH_LIMIT; depth++) {
      options.signal?.throwIfAborted()
      // a loop (a.example → b.example → a.example) can only end at the depth limit: say so now
      if (seen.has(name.toLowerCase())) break
      seen.add(name.toLowerCase())
      const value = await resolveOnce(name, options)
      if (!value.startsWith('/ipns/') || !recursive) return value + rest
      const next = nameSegment(value)
      name = next.name
      rest = next.rest + rest
    }
    throw new ResolveFailedError('could not resolve name (recursion limit exceeded)')
  }

  async function publishRecord (key: StoredKey, value: string, options: NamePublishOptions): Promise<{ name: IpnsName, record: Uint8Array }> {
    const name = parseIpnsName(key.id)
    const lifetimeMs = options.lifetimeMs ?? lifetimeDefault
    if (!(lifetimeMs > 0)) throw new InvalidParametersError(`lifetime must be greater than zero, got ${lifetimeMs}ms`)
    const ttlMs = options.ttlMs ?? Math.min(DEFAULT_IPNS_RECORD_TTL_MS, lifetimeMs)
    if (ttlMs < 0) throw new InvalidParametersError('ttl must not be negative')
    if (ttlMs > lifetimeMs) throw new InvalidParametersError(`ttl (${ttlMs}ms) must not be greater than lifetime (${lifetimeMs}ms)`)
    const held = await components.records.get(name.routingKey, options)
    const current = sequenceOf(held)
    // as boxo: the sequence moves only when the value does (a republish keeps it, with a new validity)
    let sequence = current == null ? 0n : valueOf(held) === value ? current : current + 1n
    if (options.sequence != null) {
      if (current != null && options.sequence <= current) throw new InvalidParametersError('sequence number must be greater than the current record sequence')
      sequence = options.sequence
    }
    const record = marshalIPNSRecord(await createIPNSRecord(key.key, value, sequence, lifetimeMs, {
      v1Compatible: options.v1Compatible ?? true,
      ttlNs: BigInt(ttlMs) * 1_000_000n
    }))
    return { name, record }
  }

  /** Refuses a publish that cannot reach anyone, before anything is signed */
  function checkReach (options: StoreOptions, offlineMessage: string): void {
    if (options.allowOffline === true && options.allowDelegated === true) throw new InvalidParametersError(BOTH_FLAGS)
    if (options.allowDelegated === true) {
      if ((components.delegatedPublishers ?? []).length === 0) throw new InvalidParametersError(NO_PUBLISHERS)
      return
    }
    if (components.offline && options.allowOffline !== true) throw new OfflineError(offlineMessage)
  }

  /**
   * Keeps the record, then sends it out. `own`: a record publishRecord just built from the one we
   * hold, better by construction, so the comparison (two reads, two signature checks) is skipped:
   * under load every step before the pubsub send delays what subscribers see.
   */
  async function store (name: IpnsName, record: Uint8Array, options: StoreOptions, own = false): Promise<void> {
    // what we keep locally only ever gets better (a forced `name put` of an older record still goes out)
    const held = own ? undefined : await validLocal(name)
    // persisted before anything leaves: the sequence number never goes back across a crash
    if (held == null || selectIpnsRecord(name.routingKey, [record, held]) === 0) await components.records.put(name.routingKey, record, options)
    remember(name, record)
    const publishers = components.delegatedPublishers ?? []
    const tasks: Array<Promise<unknown>> = []
    // pubsub first: its subscribers are the ones waiting for the update
    if (components.pubsub?.enabled === true) tasks.push(components.pubsub.publish(name, record))
    if (options.allowDelegated === true) {
      // Kubo: local datastore and HTTP delegated publishers only; the DHT is a bonus when we have it
      tasks.push(putDelegated(publishers, name, record, log, options))
      if (components.dht() != null) tasks.push(putDht(name, record, options).catch((err) => { log('DHT put of %s skipped - %e', name.cid, err) }))
    } else {
      if (components.dht() != null) tasks.push(putDht(name, record, options))
      // configured publishers get every record too, as Kubo's composed router sends them
      if (publishers.length > 0 && !components.offline) tasks.push(putDelegated(publishers, name, record, log, options).catch((err) => { log('delegated publishing of %s failed - %e', name.cid, err) }))
    }
    await Promise.all(tasks)
  }

  return {
    async publish (path, options = {}) {
      const value = normalisePath(path)
      checkReach(options, OFFLINE_PUBLISH)
      if (options.resolve !== false) {
        if (value.startsWith('/ipns/')) await resolve(value, { signal: options.signal })
        else await components.checkPath(value, options)
      }
      const key = await keyFor(options.key ?? SELF_KEY)
      const { name, record } = await publishRecord(key, value, options)
      await store(name, record, options, true)
      return { name: name.cid, value }
    },

    resolve,

    async * resolveStream (text, options = {}) {
      const { name: segment, rest } = nameSegment(text)
      const dht = components.dht()
      if (segment === '' || isDomain(segment) || dht == null) {
        yield await resolve(text, options)
        return
      }
      const name = parseIpnsName(segment)
      let last: string | undefined
      for await (const record of betterRecords(dht, name, await validLocal(name), options, log)) {
        remember(name, record)
        let value = unmarshalIPNSRecord(record).value
        if (options.recursive !== false && value.startsWith('/ipns/')) value = await resolve(value, options)
        if (value + rest === last) continue
        last = value + rest
        yield last
      }
    },

    async get (text, options = {}) {
      const { name: segment } = nameSegment(text)
      const name = parseIpnsName(segment)
      const hit = cache.get(cacheKey(name))
      if (hit != null) return hit.record
      const record = await lookup(name, options)
      remember(name, record)
      return record
    },

    async put (text, record, options = {}): Promise<NameEntry> {
      const name = parseIpnsName(nameSegment(text).name)
      if (record.byteLength === 0) throw new InvalidParametersError('record is empty')
      checkReach(options, OFFLINE_PUT)
      if (options.force !== true) {
        if (record.byteLength > IPNS_RECORD_BYTES_MAX) throw new InvalidRecordError(`record exceeds maximum size of ${IPNS_RECORD_BYTES_MAX} bytes, use --force to skip size check`)
        try {
          await validateIpnsRecord(name.routingKey, record)
        } catch (err) {
          throw new InvalidRecordError(`record validation failed: ${(err as Error).message}`, { cause: err })
        }
        // as Kubo's `name put`: the record the routing answers now, not only what we hold, must not be newer
        let existing = await components.records.get(name.routingKey, options) ?? cache.get(cacheKey(name))?.record
        try {
          const signal = AbortSignal.any([options.signal ?? AbortSignal.timeout(PUT_EXISTING_LOOKUP_MS), AbortSignal.timeout(PUT_EXISTING_LOOKUP_MS)])
          const found = await lookup(name, { signal })
          if (existing == null || selectIpnsRecord(name.routingKey, [found, existing]) === 0) existing = found
        } catch {
          // no record anywhere (or none in time): nothing to be newer than
        }
        if (existing != null && !equals(existing, record)) {
          const had = sequenceOf(existing)
          const now = sequenceOf(record)
          if (had != null && now != null && had >= now) {
            throw new InvalidRecordError(`existing IPNS record has sequence ${had} >= new record sequence ${now}, use 'ipfs name put --force' to skip this check`)
          }
        }
      }
      await store(name, record, options)
      let value = ''
      try { value = unmarshalIPNSRecord(record).value } catch {}
      return { name: name.cid, value }
    },

    pubsub: {
      state: async () => components.pubsub?.enabled === true,
      subs: async () => components.pubsub == null ? [] : components.pubsub.subs(),
      cancel: async (text) => {
        if (components.pubsub == null) return false
        return components.pubsub.cancel(parseIpnsName(nameSegment(text).name))
      }
    },

    async inspect (record, options = {}) {
      return inspectRecord(record, options)
    },

    async republish (options = {}) {
      let count = 0
      const keys = new Map<string, StoredKey>()
      for (const key of await components.keystore.list()) keys.set(uint8ArrayToString(parseIpnsName(key.id).routingKey, 'base32'), key)
      for await (const { routingKey, record } of components.records.all(options)) {
        const key = keys.get(uint8ArrayToString(routingKey, 'base32'))
        // records of other people's names (name put) are theirs to renew
        if (key == null) continue
        const previous = unmarshalIPNSRecord(record)
        try {
          // the same value and TTL, a new validity: the sequence stays (boxo's republisher)
          const ttlMs = previous.ttl != null ? Math.min(Number(previous.ttl / 1_000_000n), lifetimeDefault) : undefined
          const fresh = await publishRecord(key, previous.value, { ttlMs })
          await store(fresh.name, fresh.record, options, true)
          count++
        } catch (err) {
          log.error('republishing %s failed - %e', key.name, err)
        }
      }
      return count
    },

    async receive (name, record) {
      try {
        await validateIpnsRecord(name.routingKey, record)
      } catch (err) {
        log('refusing a record for %s - %e', name.cid, err)
        return false
      }
      const held = cache.get(cacheKey(name))?.record
      if (held != null && selectIpnsRecord(name.routingKey, [record, held]) !== 0) return false
      remember(name, record)
      return true
    },

    async localRecord (routingKey) {
      let name: IpnsName
      try {
        name = parseIpnsName(uint8ArrayToString(routingKey.subarray('/ipns/'.length), 'base58btc'))
      } catch {
        return undefined
      }
      const local = await validLocal(name)
      const heard = cache.get(cacheKey(name))?.record
      if (local == null || heard == null) return local ?? heard
      return selectIpnsRecord(name.routingKey, [heard, local]) === 0 ? heard : local
    },

    cachedTtlMs (text) {
      try {
        const hit = cache.get(cacheKey(parseIpnsName(nameSegment(text).name)))
        return hit == null ? undefined : Math.max(0, hit.expiresAt - Date.now())
      } catch {
        return undefined
      }
    }
  }
}
