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
    try {
      return await components.local.getBlock(cid, options)
    } catch (err) {
      if (!hasCode(err, NotFoundError.code)) throw err
    }
    if (init.offline) throw new OfflineError(`Block ${cid} is not in the local store and the node is offline`, { details: { cid: cid.toString() } })
    const exchange = components.exchange()
    if (exchange == null) throw new NotFoundError(`Block ${cid} not found: no block exchange is running`, { details: { cid: cid.toString() } })

    const timeout = AbortSignal.timeout(init.timeoutMs)
    const signal = options?.signal == null ? timeout : AbortSignal.any([options.signal, timeout])
    let bytes: Uint8Array
    try {
      bytes = await want(exchange)(cid, { signal })
    } catch (err) {
      if (options?.signal?.aborted === true) throw new AbortError(`Fetching ${cid} was aborted`, { cause: err })
      if (timeout.aborted) throw new TimeoutError(`Block ${cid} was not found on the network within ${init.timeoutMs} ms`, { cause: err, details: { cid: cid.toString() } })
      throw err
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
