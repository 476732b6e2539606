import { AbortError, NotFoundError, OfflineError, TimeoutError, hasCode } from '@cairn/interface'
import type { AbortOptions, BlockGetter, BlockHas, BlockPutter } from '@cairn/interface'
import type { Logger } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/**
 * The slice of Bitswap the getter needs: fetch one block from the network. `want` resolves with
 * bytes already hash-verified against `cid` (and, for our Bitswap, stored).
 */
export interface BlockExchange {
  want(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /** Many wants of one DAG share peers and stay in flight together */
  createSession?(options?: AbortOptions & { swarm?: boolean }): { want(cid: CID, options?: AbortOptions): Promise<Uint8Array>, close(): void }
}

/** A getter bound to one request: its network wants form one Bitswap session, closed with it */
export interface SessionGetter extends BlockGetter {
  close(): void
}

export interface NetworkGetter extends BlockGetter {
  /** A getter for one request (a `cat`, a CAR export, a pin): its wants share a Bitswap session */
  /** `swarm`: see Bitswap's `SessionOptions` */
  session(options?: AbortOptions & { swarm?: boolean }): SessionGetter
}

export interface NetworkGetterComponents {
  local: BlockGetter & BlockHas & BlockPutter
  /** Throws unless `bytes` hash to `cid` */
  verify(cid: CID, bytes: Uint8Array): void | Promise<void>
  /** Undefined while offline or when no exchange is wired */
  exchange(): BlockExchange | undefined
  log: Logger
}

export interface NetworkGetterInit {
  offline: boolean
  /** Bound on one network fetch */
  timeoutMs: number
}

const IDENTITY_CODE = 0x00

/**
 * Local store first, then the network. A block from the network is hash-verified before it is
 * stored or returned; offline misses are `OfflineError`, a fetch that runs out of time is
 * `TimeoutError`, one the caller aborts is `AbortError`.
 */
export function createNetworkGetter (components: NetworkGetterComponents, init: NetworkGetterInit): NetworkGetter {
  const fetch = async (cid: CID, options: AbortOptions | undefined, want: (exchange: BlockExchange) => BlockExchange['want']): Promise<Uint8Array> => {
    // identity CIDs carry their bytes: never worth a network round trip
    if (cid.multihash.code === IDENTITY_CODE) return cid.multihash.digest
    // asked first: while a DAG is fetched nearly every block is a miss, and a miss from getBlock
    // builds a NotFoundError (stack and base58 CID in its message) per block
    if (await components.local.hasBlock(cid, options)) {
      try {
        return await components.local.getBlock(cid, options)
      } catch (err) {
        // removed (GC) since it was asked for: fetched again below
        if (!hasCode(err, NotFoundError.code)) throw err
      }
    }
    if (init.offline) throw new OfflineError(`Block ${cid} is not in the local store and the node is offline`, { details: { cid: cid.toString() } })
    const exchange = components.exchange()
    if (exchange == null) throw new NotFoundError(`Block ${cid} not found: no block exchange is running`, { details: { cid: cid.toString() } })

    // one timer and one listener per block rather than AbortSignal.timeout and AbortSignal.any,
    // which cost more per call and leave the caller's signal a composite to follow per block
    if (options?.signal?.aborted === true) throw new AbortError(`Fetching ${cid} was aborted`, { cause: options.signal.reason })
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new TimeoutError(`Block ${cid} was not found on the network within ${init.timeoutMs} ms`))
    }, init.timeoutMs)
    // as AbortSignal.timeout: a pending fetch alone does not keep the process alive
    timer.unref?.()
    const onAbort = (): void => { controller.abort(options?.signal?.reason) }
    options?.signal?.addEventListener('abort', onAbort, { once: true })
    let bytes: Uint8Array
    try {
      bytes = await want(exchange)(cid, { signal: controller.signal })
    } catch (err) {
      if (controller.signal.aborted && !timedOut) throw new AbortError(`Fetching ${cid} was aborted`, { cause: err })
      if (timedOut) throw new TimeoutError(`Block ${cid} was not found on the network within ${init.timeoutMs} ms`, { cause: err, details: { cid: cid.toString() } })
      throw err
    } finally {
      clearTimeout(timer)
      options?.signal?.removeEventListener('abort', onAbort)
    }
    // Bitswap verifies and stores what it receives before resolving; an exchange that did not
    // store the block gets it verified and stored here, so no unverified byte is ever kept
    if (!(await components.local.hasBlock(cid))) {
      await components.verify(cid, bytes)
      await components.local.putBlock(cid, bytes)
    }
    return bytes
  }

  return {
    getBlock: async (cid, options) => fetch(cid, options, exchange => exchange.want.bind(exchange)),
    session (sessionOptions?: AbortOptions & { swarm?: boolean }): SessionGetter {
      let session: ReturnType<NonNullable<BlockExchange['createSession']>> | undefined
      let closed = false
      return {
        getBlock: async (cid, options) => fetch(cid, options, exchange => {
          if (exchange.createSession == null || closed) return exchange.want.bind(exchange)
          session ??= exchange.createSession(sessionOptions)
          return session.want.bind(session)
        }),
        close: () => {
          closed = true
          session?.close()
        }
      }
    }
  }
}
