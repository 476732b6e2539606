import { blockLinks } from '@cairn/ipld'
import { InvalidParametersError, NotPinnedError } from '@cairn/interface'
import { withSession } from './context.ts'
import { prefetchingGetter } from '../dag-prefetch.ts'
import type { ContentContext } from './context.ts'
import type { RemotePinning } from '../remote-pinning/index.ts'
import type { AbortOptions, BlockGetter, PinAddOptions, PinApi, PinEntry, PinLsApiOptions, PinVerifyResult } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** Kubo's `MaxPinNameBytes` */
export const PIN_NAME_BYTES_MAX = 255

export function checkPinName (name: string | undefined): void {
  if (name == null) return
  const bytes = new TextEncoder().encode(name).byteLength
  if (bytes > PIN_NAME_BYTES_MAX) throw new InvalidParametersError(`pin name is ${bytes} bytes (max ${PIN_NAME_BYTES_MAX} bytes)`)
}

/** Kubo's `pin` commands; pinning fetches what is missing through one Bitswap session */
export function createPinApi (ctx: ContentContext, remote: RemotePinning): PinApi {
  return {
    add: async (path: string | CID, options: PinAddOptions = {}): Promise<CID[]> => {
      checkPinName(options.name)
      const replicas = options.replicas ?? 0
      if (!Number.isInteger(replicas) || replicas < 0) throw new InvalidParametersError(`replicas must be a non-negative integer, not ${String(options.replicas)}`)
      const cid = await ctx.resolve(path, options)
      const recursive = options.recursive ?? true
      // progress: nodes as the walk commits them (or as fetched, whichever is ahead), bytes fetched
      let walked = 0
      let fetched = 0
      let bytes = 0
      const report = (): void => { options.onProgress?.(Math.max(walked, fetched), bytes) }
      // a recursive pin may run beside other nodes pinning the same DAG (replicas): see Bitswap's `swarm`
      await withSession(ctx.blocks, { ...options, swarm: recursive }, async session => {
        const counted: BlockGetter = {
          // the network getter returns checked store reads and blocks verified on arrival
          verified: true,
          getBlock: async (c, opts) => {
            const block = await session.getBlock(c, opts)
            fetched++
            bytes += block.byteLength
            report()
            return block
          }
        }
        // the walk takes blocks a wave at a time: a recursive pin reads ahead below what
        // arrives, so the network stays busy (a direct pin needs the root only), in a random
        // order of its own, so that nodes pinning the same DAG at once fetch different parts of
        // it and can serve each other (replicas)
        const getter = recursive ? prefetchingGetter(counted, async c => ctx.blockstore.hasBlock(c), { order: 'random' }) : undefined
        try {
          await ctx.blockstore.pins.add(cid, {
            recursive,
            getter: getter ?? counted,
            signal: options.signal,
            ...(options.name != null && options.name !== '' ? { name: options.name } : {}),
            onProgress: n => { walked = n; report() }
          })
        } finally {
          getter?.close()
        }
      })
      ctx.announceDags([cid], 'pin-root')
      // copies beyond the local one, once the local one is whole (it is their origin)
      if (replicas > 0) await remote.replicas.ensure(cid, replicas, { signal: options.signal, wait: true, ...(options.name != null && options.name !== '' ? { name: options.name } : {}) })
      return [cid]
    },
    rm: async (path: string | CID, options: AbortOptions & { recursive?: boolean } = {}): Promise<CID[]> => {
      const cid = await ctx.resolve(path, options)
      await ctx.blockstore.pins.rm(cid, { recursive: options.recursive ?? true })
      return [cid]
    },
    ls: (options: PinLsApiOptions = {}): AsyncIterable<PinEntry> => {
      return (async function * () {
        const type = options.type ?? 'all'
        checkPinName(options.name)
        if (options.paths == null) {
          yield * ctx.blockstore.pins.ls({ type, signal: options.signal, ...(options.name != null ? { name: options.name } : {}) })
          return
        }
        const cids = await Promise.all(options.paths.map(async p => ctx.resolve(p, options)))
        for (const [i, cid] of cids.entries()) {
          try {
            for await (const entry of ctx.blockstore.pins.ls({ type, cids: [cid], signal: options.signal })) {
              // Kubo names the recursive pin an indirect one hangs from ("indirect through <root>")
              yield entry.type === 'indirect' ? { ...entry, via: await pinnedVia(ctx, entry.cid, options) } : entry
            }
          } catch (err) {
            // Kubo's wording names the path as given, for any type asked
            if ((err as Error)?.name === 'NotPinnedError') throw new NotPinnedError(`path '${String(options.paths[i])}' is not pinned`, { cause: err })
            throw err
          }
        }
      })()
    },
    update: async (from: string | CID, to: string | CID, options: AbortOptions & { unpin?: boolean } = {}): Promise<CID[]> => {
      const fromCid = await ctx.resolve(from, options)
      const toCid = await ctx.resolve(to, options)
      await withSession(ctx.blocks, options, async getter => {
        await ctx.blockstore.pins.update(fromCid, toCid, { unpin: options.unpin ?? true, getter, signal: options.signal })
      })
      ctx.announceDags([toCid], 'pin-root')
      return [fromCid, toCid]
    },
    verify: (options: AbortOptions & { includeOk?: boolean, explain?: boolean } = {}): AsyncIterable<PinVerifyResult> => {
      return verifyPins(ctx, options)
    },
    remote: remote.api
  }
}

/**
 * The first recursive pin whose DAG holds `cid`, walked over the local store only (as Kubo's
 * `CheckIfPinned`); blocks shared by several pins are read once. Undefined if none is whole enough
 * to reach it.
 */
async function pinnedVia (ctx: ContentContext, cid: CID, options: AbortOptions): Promise<CID | undefined> {
  const target = cid.multihash.bytes
  const seen = new Set<string>()
  const holds = async (node: CID): Promise<boolean> => {
    const stack = [node]
    while (stack.length > 0) {
      options.signal?.throwIfAborted()
      const next = stack.pop()!
      let bytes: Uint8Array
      try {
        bytes = await ctx.blockstore.getBlock(next, options)
      } catch {
        continue
      }
      for (const link of blockLinks(next, bytes)) {
        if (equalBytes(link.multihash.bytes, target)) return true
        const key = link.toString()
        if (seen.has(key)) continue
        seen.add(key)
        stack.push(link)
      }
    }
    return false
  }
  for await (const pin of ctx.blockstore.pins.ls({ type: 'recursive', signal: options.signal })) {
    if (await holds(pin.cid)) return pin.cid
  }
  return undefined
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.byteLength === b.byteLength && a.every((x, i) => x === b[i])

interface NodeStatus { ok: boolean, badNodes: Array<{ cid: CID, error: string }> }

/**
 * Kubo's `pin verify`: walks each recursive pin over the local store only, remembering each node's
 * verdict so shared subtrees are read once (as Kubo's `visited` map)
 */
async function * verifyPins (ctx: ContentContext, options: AbortOptions & { includeOk?: boolean, explain?: boolean }): AsyncGenerator<PinVerifyResult> {
  const explain = options.explain ?? true
  const visited = new Map<string, NodeStatus>()
  const check = async (cid: CID): Promise<NodeStatus> => {
    const key = cid.toString()
    const known = visited.get(key)
    if (known != null) return known
    let status: NodeStatus
    try {
      const links = blockLinks(cid, await ctx.blockstore.getBlock(cid, options))
      status = { ok: true, badNodes: [] }
      for (const link of links) {
        const child = await check(link)
        if (!child.ok) {
          status.ok = false
          status.badNodes.push(...child.badNodes)
        }
      }
    } catch (err) {
      options.signal?.throwIfAborted()
      // boxo's ipld.ErrNotFound text for a missing block, the decoder's words otherwise
      const error = (err as Error).name === 'NotFoundError' ? `ipld: could not find ${key}` : (err as Error).message
      status = { ok: false, badNodes: explain ? [{ cid, error }] : [] }
    }
    visited.set(key, status)
    return status
  }
  for await (const pin of ctx.blockstore.pins.ls({ type: 'recursive', signal: options.signal })) {
    const status = await check(pin.cid)
    if (status.ok && options.includeOk !== true) continue
    yield { cid: pin.cid, ok: status.ok, ...(status.badNodes.length > 0 ? { badNodes: status.badNodes } : {}) }
  }
}
