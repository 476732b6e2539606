/**
 * Which of several nodes fetching the same block asks a whole-DAG peer (the origin) for it. Each
 * node scores every (block, node) pair with one hash and the highest score fetches: rendezvous
 * (highest random weight) hashing. Nodes that see the same set of fetchers pick the same one
 * without a message between them, and each gets an even share of the blocks. The others wait for
 * its HAVE and fetch the block from it, so the origin sends it once.
 */

/** FNV-1a over both strings, then murmur3's finalizer: well spread for similar inputs */
function score (key: string, id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  h = Math.imul(h ^ 0x2f, 0x01000193)
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** True when `self` outscores every one of `others` for `key` (ties go to the lower ID) */
export function fetchesFirst (key: string, self: string, others: Iterable<string>): boolean {
  const mine = score(key, self)
  for (const id of others) {
    if (id === self) continue
    const theirs = score(key, id)
    if (theirs > mine || (theirs === mine && id < self)) return false
  }
  return true
}
