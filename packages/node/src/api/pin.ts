import { NotPinnedError } from '@cairn/interface'
import { withSession } from './context.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, BlockGetter, PinAddOptions, PinApi, PinEntry, PinType } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** Kubo's `pin` commands; pinning fetches what is missing through one Bitswap session */
export function createPinApi (ctx: ContentContext): PinApi {
  return {
    add: async (path: string | CID, options: PinAddOptions = {}): Promise<CID[]> => {
      const cid = await ctx.resolve(path, options)
      const recursive = options.recursive ?? true
      let walked = 0
      await withSession(ctx.blocks, options, async session => {
        // counts blocks as the pin walk reaches them, for a progress display
        const getter: BlockGetter = {
          getBlock: async (c, opts) => {
            const bytes = await session.getBlock(c, opts)
            options.onProgress?.(++walked)
            return bytes
          }
        }
        await ctx.blockstore.pins.add(cid, { recursive, getter, signal: options.signal })
      })
      ctx.announceDags([cid], 'pin-root')
      return [cid]
    },
    rm: async (path: string | CID, options: AbortOptions & { recursive?: boolean } = {}): Promise<CID[]> => {
      const cid = await ctx.resolve(path, options)
      await ctx.blockstore.pins.rm(cid, { recursive: options.recursive ?? true })
      return [cid]
    },
    ls: (options: AbortOptions & { type?: PinType | 'all', paths?: Array<string | CID> } = {}): AsyncIterable<PinEntry> => {
      return (async function * () {
        const type = options.type ?? 'all'
        if (options.paths == null) {
          yield * ctx.blockstore.pins.ls({ type, signal: options.signal })
          return
        }
        const cids = await Promise.all(options.paths.map(async p => ctx.resolve(p, options)))
        for (const [i, cid] of cids.entries()) {
          try {
            yield * ctx.blockstore.pins.ls({ type, cids: [cid], signal: options.signal })
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
    }
  }
}
