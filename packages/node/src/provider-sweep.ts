/**
 * Batched providing, after Kubo's sweep provider (go-libp2p-kad-dht `provider/`): the keys of a
 * batch are sorted by keyspace; one closest-peers lookup finds the peers of a whole region; every
 * key of the region gets the records of its closest peers among them; then each peer receives all
 * its records on one stream. N keys cost one lookup per region (one in a small network) and one
 * stream per peer, where kad-dht's `provide` costs a lookup and a stream per peer for every key.
 */
import { AbortError } from '@libp2p/interface'
import { closestPeers, cidKadId, compareKadIds, hasPrefix, peerKadId, regionBits } from './provider-keyspace.ts'
import { encodeAddProvider, encodeProviderField, sendAddProviders } from './provider-wire.ts'
import type { KadId, KadPeer } from './provider-keyspace.ts'
import type { StreamOpener } from './provider-wire.ts'
import type { QueryEvent } from '@libp2p/kad-dht'
import type { AbortOptions, Logger, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'

/** Kubo's `Provide.DHT.MaxProvideConnsPerWorker` default */
export const DEFAULT_MAX_PROVIDE_CONNS = 20
/** Kubo's `Provide.DHT.SendProviderRecordTimeout` default (here: per 256 records written) */
export const DEFAULT_SEND_PROVIDER_RECORD_TIMEOUT_MS = 10_000
/** Amino's replication factor: each record goes to the 20 peers closest to its key */
export const DEFAULT_REPLICATION = 20
/** How long a region's peers are reused for later batches before being looked up again */
export const DEFAULT_REGION_TTL_MS = 60_000

export interface SweepComponents {
  /** Our peer id (read when a batch starts: the node may not be online when this is made) */
  self(): PeerId
  log: Logger
  /** kad-dht's closest-peers lookup for a key (the key's bytes, hashed by kad-dht) */
  getClosestPeers(key: Uint8Array, options?: AbortOptions): AsyncIterable<QueryEvent>
  /** How many peers a lookup returns (kad-dht's `k`), when `init.lookupSize` is not given */
  lookupSize?(): number
  /** The addresses our records carry (kad-dht's provide sends the address manager's) */
  addresses(): Multiaddr[]
  dialProtocol: StreamOpener
  /** Records us as a provider in the local DHT store, as kad-dht's `provide` does first */
  addLocalProvider?(cid: CID, options?: AbortOptions): Promise<void>
}

export interface SweepInit {
  /** @default '/ipfs/kad/1.0.0' */
  protocol?: string
  /** How many peers a closest-peers lookup returns. @default components.lookupSize() or 20 */
  lookupSize?: number
  /** Peers each key's record goes to. @default DEFAULT_REPLICATION */
  replication?: number
  /** Streams open at once while sending. @default DEFAULT_MAX_PROVIDE_CONNS */
  maxConns?: number
  /** @default DEFAULT_SEND_PROVIDER_RECORD_TIMEOUT_MS */
  sendTimeoutMs?: number
  /** @default DEFAULT_REGION_TTL_MS */
  regionTtlMs?: number
  /** Bound on one closest-peers lookup. @default 60_000 */
  lookupTimeoutMs?: number
}

export interface SweepResult {
  /** Keys whose record reached at least one peer */
  provided: CID[]
  /** Keys no peer took, with why */
  failed: Array<{ cid: CID, error: Error }>
  /** Regions the batch spanned */
  regions: number
  /** Closest-peers lookups made (regions not served from the cache) */
  lookups: number
}

export interface SweepProvider {
  /** Provides every CID of the batch (already deduplicated by the caller) */
  provide(cids: CID[], options?: AbortOptions): Promise<SweepResult>
}

interface Region { prefix: KadId, bits: number, peers: KadPeer[], at: number }
interface Key { cid: CID, kadId: KadId }
interface Outbox { peer: PeerId, messages: Uint8Array[], keys: number[] }

class SweepProviderClass implements SweepProvider {
  private readonly components: SweepComponents
  private readonly protocol: string
  private readonly lookupSize?: number
  private readonly replication: number
  private readonly maxConns: number
  private readonly sendTimeoutMs: number
  private readonly regionTtlMs: number
  private readonly lookupTimeoutMs: number
  private regions: Region[] = []

  constructor (components: SweepComponents, init: SweepInit = {}) {
    this.components = components
    this.protocol = init.protocol ?? '/ipfs/kad/1.0.0'
    this.lookupSize = init.lookupSize
    this.replication = init.replication ?? DEFAULT_REPLICATION
    this.maxConns = Math.max(1, init.maxConns ?? DEFAULT_MAX_PROVIDE_CONNS)
    this.sendTimeoutMs = init.sendTimeoutMs ?? DEFAULT_SEND_PROVIDER_RECORD_TIMEOUT_MS
    this.regionTtlMs = init.regionTtlMs ?? DEFAULT_REGION_TTL_MS
    this.lookupTimeoutMs = init.lookupTimeoutMs ?? 60_000
  }

  /** The region holding `key`: from the cache while fresh, else a lookup */
  private async regionOf (key: Key, options: AbortOptions): Promise<{ region: Region, lookedUp: boolean }> {
    const now = Date.now()
    this.regions = this.regions.filter(r => now - r.at < this.regionTtlMs)
    const cached = this.regions.find(r => hasPrefix(key.kadId, r.prefix, r.bits))
    if (cached != null) return { region: cached, lookedUp: false }
    const peers: KadPeer[] = []
    const signal = options.signal == null ? AbortSignal.timeout(this.lookupTimeoutMs) : AbortSignal.any([options.signal, AbortSignal.timeout(this.lookupTimeoutMs)])
    try {
      for await (const event of this.components.getClosestPeers(key.cid.multihash.bytes, { signal })) {
        if (event.name === 'FINAL_PEER') peers.push({ peer: event.peer.id, kadId: await peerKadId(event.peer.id) })
      }
    } catch (err) {
      // the caller's abort ends the batch; a failed lookup leaves the region without peers
      options.signal?.throwIfAborted()
      this.components.log('closest-peers lookup failed - %e', err)
    }
    // a lookup returns the k closest it found; a smaller lookupSize keeps the closest of those
    const size = this.lookupSize ?? this.components.lookupSize?.() ?? 20
    const closest = closestPeers(key.kadId, peers, size)
    const region: Region = { prefix: key.kadId, bits: regionBits(key.kadId, closest, size), peers: closest, at: Date.now() }
    // an empty lookup is not worth remembering: peers may connect any moment
    if (closest.length > 0) this.regions.push(region)
    this.components.log('region of %d bits: %d peers', region.bits, closest.length)
    return { region, lookedUp: true }
  }

  async provide (cids: CID[], options: AbortOptions = {}): Promise<SweepResult> {
    const keys: Key[] = await Promise.all(cids.map(async cid => ({ cid, kadId: await cidKadId(cid) })))
    keys.sort((a, b) => compareKadIds(a.kadId, b.kadId))
    const field = encodeProviderField(this.components.self(), this.components.addresses())
    const outboxes = new Map<string, Outbox>()
    const noPeers = new Set<number>()
    let regions = 0
    let lookups = 0
    for (let i = 0; i < keys.length;) {
      options.signal?.throwIfAborted()
      const { region, lookedUp } = await this.regionOf(keys[i], options)
      regions++
      if (lookedUp) lookups++
      // the keys are sorted, so a region's keys follow one another; the first is always in it
      let end = i + 1
      while (end < keys.length && hasPrefix(keys[end].kadId, region.prefix, region.bits)) end++
      for (let k = i; k < end; k++) {
        const targets = closestPeers(keys[k].kadId, region.peers, this.replication)
        if (targets.length === 0) noPeers.add(k)
        const message = encodeAddProvider(keys[k].cid, field)
        for (const { peer } of targets) {
          const id = peer.toString()
          let box = outboxes.get(id)
          if (box == null) outboxes.set(id, box = { peer, messages: [], keys: [] })
          box.messages.push(message)
          box.keys.push(k)
        }
      }
      i = end
    }

    // our own record, beside the sends (kad-dht's provide writes it first)
    const local = this.components.addLocalProvider == null
      ? Promise.resolve()
      : (async () => { for (const key of keys) await this.components.addLocalProvider?.(key.cid, options) })()
          .catch(err => { this.components.log('could not record ourselves as provider - %e', err) })
    const reached = new Uint16Array(keys.length)
    let lastError: Error | undefined
    const boxes = [...outboxes.values()]
    const worker = async (): Promise<void> => {
      for (let box = boxes.shift(); box != null; box = boxes.shift()) {
        try {
          await sendAddProviders(this.components.dialProtocol, box.peer, this.protocol, box.messages, { signal: options.signal, timeoutMs: this.sendTimeoutMs })
          for (const k of box.keys) reached[k]++
          this.components.log('sent %d provider records to %p', box.messages.length, box.peer)
        } catch (err: any) {
          if (options.signal?.aborted === true) throw new AbortError('provide was aborted')
          lastError = err
          this.components.log('could not send %d provider records to %p - %e', box.messages.length, box.peer, err)
        }
      }
    }
    await Promise.all([local, ...Array.from({ length: Math.min(this.maxConns, boxes.length) }, worker)])

    const result: SweepResult = { provided: [], failed: [], regions, lookups }
    keys.forEach((key, k) => {
      if (reached[k] > 0) result.provided.push(key.cid)
      else result.failed.push({ cid: key.cid, error: noPeers.has(k) ? new Error('no DHT peers found close to the key') : lastError ?? new Error('no peer took the provider record') })
    })
    return result
  }
}

export function createSweepProvider (components: SweepComponents, init: SweepInit = {}): SweepProvider {
  return new SweepProviderClass(components, init)
}
