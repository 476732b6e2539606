import { hashBytes } from '@cairn/ipld'
import { InvalidParametersError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { parseCid } from './cid.ts'
import { checkBlockSize } from './dag.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, BlockApi, BlockPutOptions, BlockRmResult } from '@cairn/interface'

const CODECS: Record<NonNullable<BlockPutOptions['cidCodec']>, number> = {
  raw: 0x55,
  'dag-pb': 0x70,
  'dag-cbor': 0x71,
  'dag-json': 0x0129
}

/** Kubo's `block` commands */
export function createBlockApi (ctx: ContentContext): BlockApi {
  return {
    // Kubo resolves a path first: `block get /ipfs/<cid>/a` is the block `a` names
    get: async (cid: string | CID, options: AbortOptions = {}): Promise<Uint8Array> => {
      return ctx.blocks.getBlock(await ctx.resolve(cid, options), options)
    },
    put: async (bytes: Uint8Array, options: BlockPutOptions = {}): Promise<CID> => {
      if (!(bytes instanceof Uint8Array)) throw new InvalidParametersError('block put needs bytes')
      checkBlockSize(bytes.byteLength, options.allowBigBlock)
      const codecName = options.cidCodec ?? 'raw'
      const codec = CODECS[codecName]
      if (codec == null) throw new InvalidParametersError(`Unsupported CID codec "${codecName}"`)
      const mhtype = options.mhtype ?? 'sha2-256'
      const digest = hashBytes(mhtype, bytes, options.mhlen)
      // Kubo keeps CIDv0 for dag-pb with a full sha2-256, CIDv1 otherwise. Like Kubo, the bytes are
      // stored as given, decodable or not: a pin over an undecodable block fails when it walks it
      const cid = codec === 0x70 && digest.code === 0x12 && digest.digest.byteLength === 32 ? CID.createV0(digest as any) : CID.createV1(codec, digest)
      await ctx.blockstore.withAddLock(async () => {
        await ctx.putter().putBlock(cid, bytes, options)
        if (options.pin === true) await ctx.blockstore.pins.add(cid, { recursive: true, signal: options.signal })
      })
      ctx.announceDags([cid], options.pin === true ? 'pin-root' : 'block')
      return cid
    },
    stat: async (cid: string | CID, options: AbortOptions = {}): Promise<{ cid: CID, size: number }> => {
      const c = await ctx.resolve(cid, options)
      const bytes = await ctx.blocks.getBlock(c, options)
      return { cid: c, size: bytes.byteLength }
    },
    rm: (cids: Array<string | CID>, options: AbortOptions & { force?: boolean } = {}): AsyncIterable<BlockRmResult> => {
      return (async function * () {
        for (const value of cids) {
          options.signal?.throwIfAborted()
          const cid = parseCid(value)
          const pinned = await ctx.blockstore.pins.isPinned(cid)
          if (pinned != null) {
            yield { cid, error: `pinned: ${pinned.type}` }
            continue
          }
          if (!(await ctx.blockstore.hasBlock(cid))) {
            if (options.force !== true) yield { cid, error: 'block not found' }
            continue
          }
          await ctx.blockstore.deleteBlock(cid, options)
          await ctx.provider.forget([cid])
          yield { cid }
        }
      })()
    }
  }
}
