/**
 * Read-ahead for a DAG walk that fetches what is missing (a pin): once a block arrives, the
 * blocks it links to are asked for in the background, a sliding window of them at once, so the
 * network never waits on the walk's own pace. The pin walk asks for a wave of nodes and takes the
 * next wave only when the slowest has come (a barrier per wave); without read-ahead a pin moved
 * 16 blocks per round trip where `cat` keeps its window full, and a pin served by a busy origin
 * took several times longer than a `cat` of the same DAG.
 *
 * Best effort and bounded: prefetched blocks go to the local store through the getter (Bitswap
 * verifies and stores what it receives), nothing is held in memory but CIDs; at most
 * `maxQueued` links wait; a block already local is not descended into (the walk reads it
 * itself, and asks again for what is missing below it); a failed prefetch is dropped (the walk
 * asks for that block itself and sees the error).
 */
import { blockLinks, IDENTITY_CODE } from '@cairn/ipld'
import type { AbortOptions, BlockGetter } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/**
 * Blocks fetched ahead at once: as many as a `cat` keeps in flight. Deeper windows did not help on
 * loopback: at an origin serving several copies at once, a want that waits in its queue past
 * Bitswap's provider-search delay (1 s) is widened to other peers, and duplicate blocks follow.
 */
export const DEFAULT_PIN_PREFETCH_BLOCKS = 16
/** Links waiting to be fetched ahead: beyond this the walk fetches them itself (bounds memory on huge DAGs) */
export const DEFAULT_PIN_PREFETCH_QUEUE_MAX = 16_384

export interface PrefetchInit {
  /** @default DEFAULT_PIN_PREFETCH_BLOCKS (16) */
  window?: number
  /** @default DEFAULT_PIN_PREFETCH_QUEUE_MAX (16 384) */
  maxQueued?: number
}

export interface PrefetchingGetter extends BlockGetter {
  /** Stops reading ahead (in-flight fetches are aborted) */
  close(): void
}

/**
 * `getter` with read-ahead below every block it returns. `isLocal` says whether a block is
 * already in the store (then it is not fetched nor descended into).
 */
export function prefetchingGetter (getter: BlockGetter, isLocal: (cid: CID) => Promise<boolean>, init: PrefetchInit = {}): PrefetchingGetter {
  const window = Math.max(1, init.window ?? DEFAULT_PIN_PREFETCH_BLOCKS)
  const maxQueued = init.maxQueued ?? DEFAULT_PIN_PREFETCH_QUEUE_MAX
  const controller = new AbortController()
  const queue: CID[] = []
  /** Queued or in flight: a DAG that links a block twice fetches it once */
  const pending = new Set<string>()
  let inFlight = 0

  const enqueue = (cid: CID, bytes: Uint8Array): void => {
    if (controller.signal.aborted) return
    let links: CID[]
    try {
      links = blockLinks(cid, bytes)
    } catch {
      return // not decodable: the walk reports it
    }
    for (const link of links) {
      if (queue.length >= maxQueued) break
      if (link.multihash.code === IDENTITY_CODE) continue
      const key = link.toString()
      if (pending.has(key)) continue
      pending.add(key)
      queue.push(link)
    }
    pump()
  }

  const fetchAhead = async (cid: CID): Promise<void> => {
    if (await isLocal(cid)) return
    const bytes = await getter.getBlock(cid, { signal: controller.signal })
    enqueue(cid, bytes)
  }

  const pump = (): void => {
    while (!controller.signal.aborted && inFlight < window && queue.length > 0) {
      const cid = queue.shift() as CID
      inFlight++
      fetchAhead(cid).catch(() => {}).finally(() => {
        inFlight--
        pending.delete(cid.toString())
        pump()
      })
    }
  }

  return {
    verified: getter.verified,
    async getBlock (cid: CID, options?: AbortOptions): Promise<Uint8Array> {
      const bytes = await getter.getBlock(cid, options)
      enqueue(cid, bytes)
      return bytes
    },
    close () {
      controller.abort()
      queue.length = 0
      pending.clear()
    }
  }
}
