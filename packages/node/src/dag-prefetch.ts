/**
 * Read-ahead for a DAG walk that fetches what is missing (a pin): once a block arrives, the
 * blocks it links to are asked for in the background, a sliding window of them at once, so the
 * network never waits on the walk's own pace. The pin walk asks for a wave of nodes and takes the
 * next wave only when the slowest has come (a barrier per wave); without read-ahead a pin moved
 * 16 blocks per round trip where `cat` keeps its window full, and a pin served by a busy origin
 * took several times longer than a `cat` of the same DAG.
 *
 * Random order (the default): the next block fetched is a random one of those waiting, as
 * BitTorrent's random-first piece selection, and the walk waits for what the read-ahead will
 * fetch instead of asking for it in its own order. Several nodes pinning the same DAG at once
 * (the replicas of `pin add --replicas`) then hold different parts of it at any moment, so they
 * can fetch most blocks from each other (Bitswap asks peers that said HAVE) instead of all
 * asking the origin for the same block at the same time. `cat` does not use this: it streams in
 * order.
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
 * Blocks fetched ahead at once (a swarm session keeps as many wants: `DEFAULT_SWARM_WANTS_IN_FLIGHT`).
 * A pin's Bitswap session is a `swarm` one: at most 16 of these (`DEFAULT_SWARM_WHOLE_PEER_WANTS`,
 * a `cat`'s window) go to the origin at a time, the rest wait for room there or for a node
 * fetching the same DAG to say HAVE: a deeper window gives those nodes more blocks to pass on (at
 * 16, three replicas over 100 Mbit/s links took twice as long, most wants waiting in the origin's
 * queue; at 64 three replicas of 256 MiB over 50 Mbit/s links took 1.50x one fetch, at 128 1.40x,
 * one round each, the replicas' uplinks busier early in the phase).
 */
export const DEFAULT_PIN_PREFETCH_BLOCKS = 128
/** Links waiting to be fetched ahead: beyond this the walk fetches them itself (bounds memory on huge DAGs) */
export const DEFAULT_PIN_PREFETCH_QUEUE_MAX = 16_384

export type PrefetchOrder = 'random' | 'in-order'

export interface PrefetchInit {
  /** @default DEFAULT_PIN_PREFETCH_BLOCKS (128) */
  window?: number
  /** @default DEFAULT_PIN_PREFETCH_QUEUE_MAX (16 384) */
  maxQueued?: number
  /**
   * `random`: a random waiting link next, and the walk waits for the read-ahead (concurrent
   * fetchers of one DAG hold different parts of it); `in-order`: links in DAG order, the walk
   * fetching whatever it reaches first itself
   * @default 'random'
   */
  order?: PrefetchOrder
  /** Random source in [0, 1) for `random` order @default Math.random */
  random?: () => number
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
  const random = (init.order ?? 'random') === 'random' ? (init.random ?? Math.random) : undefined
  const controller = new AbortController()
  const queue: CID[] = []
  /** Queued or in flight: a DAG that links a block twice fetches it once */
  const pending = new Set<string>()
  /** The walk waits here for a block the read-ahead will fetch (undefined: it fetches it itself) */
  const waits = new Map<string, PromiseWithResolvers<Uint8Array | undefined>>()
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

  const fetchAhead = async (cid: CID): Promise<Uint8Array | undefined> => {
    if (await isLocal(cid)) return undefined
    const bytes = await getter.getBlock(cid, { signal: controller.signal })
    enqueue(cid, bytes)
    return bytes
  }

  /** The next link to fetch: a random one (swapped out of the queue), or the oldest */
  const next = (): CID => {
    if (random == null || queue.length === 1) return queue.shift() as CID
    const i = Math.floor(random() * queue.length) % queue.length
    const cid = queue[i]
    queue[i] = queue[queue.length - 1]
    queue.pop()
    return cid
  }

  const settle = (key: string, bytes: Uint8Array | undefined): void => {
    pending.delete(key)
    const wait = waits.get(key)
    if (wait == null) return
    waits.delete(key)
    wait.resolve(bytes)
  }

  const pump = (): void => {
    while (!controller.signal.aborted && inFlight < window && queue.length > 0) {
      const cid = next()
      const key = cid.toString()
      inFlight++
      fetchAhead(cid).then(bytes => { settle(key, bytes) }, () => { settle(key, undefined) }).finally(() => {
        inFlight--
        pump()
      })
    }
  }

  /** What the read-ahead brings for `key` (undefined: local already, failed, or closed) */
  const awaitPrefetch = async (key: string, signal: AbortSignal | undefined): Promise<Uint8Array | undefined> => {
    let wait = waits.get(key)
    if (wait == null) {
      wait = Promise.withResolvers<Uint8Array | undefined>()
      waits.set(key, wait)
    }
    if (signal == null) return wait.promise
    signal.throwIfAborted()
    let onAbort: (() => void) | undefined
    try {
      return await Promise.race([wait.promise, new Promise<never>((_resolve, reject) => {
        onAbort = () => { reject(signal.reason) }
        signal.addEventListener('abort', onAbort, { once: true })
      })])
    } finally {
      if (onAbort != null) signal.removeEventListener('abort', onAbort)
    }
  }

  return {
    verified: getter.verified,
    async getBlock (cid: CID, options?: AbortOptions): Promise<Uint8Array> {
      const key = cid.toString()
      // random order: the walk takes what the read-ahead brings, when it brings it, instead of
      // asking for the DAG in order itself (which would line every fetcher of it up again)
      if (random != null && pending.has(key) && !controller.signal.aborted) {
        const bytes = await awaitPrefetch(key, options?.signal)
        if (bytes != null) return bytes
      }
      const bytes = await getter.getBlock(cid, options)
      enqueue(cid, bytes)
      return bytes
    },
    close () {
      controller.abort()
      queue.length = 0
      for (const key of [...pending]) settle(key, undefined)
      pending.clear()
    }
  }
}
