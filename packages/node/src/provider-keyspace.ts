/**
 * The Kademlia keyspace the sweep provider batches over: a CID's DHT key is the SHA-256 of its
 * multihash (kad-dht's `convertBuffer`), peers sit at the SHA-256 of their id, and closeness is XOR.
 * A region is the set of keys sharing a bit prefix; every peer of a region is closer to each key
 * of the region than any peer outside it, which is what lets one lookup serve a region.
 */
import { sha256 } from 'multiformats/hashes/sha2'
import type { PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** A 32-byte Kademlia id */
export type KadId = Uint8Array

export async function kadIdOf (bytes: Uint8Array): Promise<KadId> {
  return (await sha256.digest(bytes)).digest
}

export async function cidKadId (cid: CID): Promise<KadId> {
  return kadIdOf(cid.multihash.bytes)
}

export async function peerKadId (peer: PeerId): Promise<KadId> {
  return kadIdOf(peer.toMultihash().bytes)
}

/** Byte-wise order of ids: sorting keys by it walks the keyspace region by region */
export function compareKadIds (a: KadId, b: KadId): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i]
  }
  return 0
}

/** How many leading bits two ids share */
export function commonPrefixLength (a: KadId, b: KadId): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ^ b[i]
    if (x !== 0) return i * 8 + Math.clz32(x) - 24
  }
  return a.length * 8
}

/** Orders `a` and `b` by XOR distance to `target` (negative: `a` is closer) */
export function compareDistance (target: KadId, a: KadId, b: KadId): number {
  for (let i = 0; i < target.length; i++) {
    const da = a[i] ^ target[i]
    const db = b[i] ^ target[i]
    if (da !== db) return da - db
  }
  return 0
}

/** Whether `id` starts with the first `bits` bits of `prefix` */
export function hasPrefix (id: KadId, prefix: KadId, bits: number): boolean {
  return commonPrefixLength(id, prefix) >= bits
}

export interface KadPeer<P = PeerId> { peer: P, kadId: KadId }

/**
 * The `count` peers of `peers` closest to `key`, closest first.
 */
export function closestPeers<P> (key: KadId, peers: Array<KadPeer<P>>, count: number): Array<KadPeer<P>> {
  return [...peers].sort((a, b) => compareDistance(key, a.kadId, b.kadId)).slice(0, count)
}

/**
 * The region a closest-peers lookup for `key` covers, as a prefix length of `key`.
 *
 * `peers` are the lookup's result, the `lookupSize` peers closest to `key`. If the lookup found
 * fewer than it asks for, it saw the whole network: one region (prefix length 0) covers every key.
 * Otherwise let c be the common prefix length of `key` with the farthest peer found: every peer in
 * the network sharing c + 1 bits with `key` is closer than that farthest one, so the lookup found
 * them all, and the region is the prefix of length c + 1.
 */
export function regionBits (key: KadId, peers: Array<KadPeer<unknown>>, lookupSize: number): number {
  if (peers.length < lookupSize) return 0
  let farthest = key.length * 8
  for (const p of peers) farthest = Math.min(farthest, commonPrefixLength(key, p.kadId))
  return farthest + 1
}
