import { blockLinks } from '@cairn/ipld'
import { BlockTooLargeError, InvalidParametersError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { identity } from 'multiformats/hashes/identity'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { DEFAULT_BLOCK_PUT_BYTES_MAX } from '../constants.ts'
import { parseCid } from './cid.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, BlockApi, BlockPutOptions, BlockRmResult } from '@cairn/interface'

const CODECS: Record<NonNullable<BlockPutOptions['cidCodec']>, number> = {
  raw: 0x55,
  'dag-pb': 0x70,
  'dag-cbor': 0x71,
  'dag-json': 0x0129
}

async function hashFor (mhtype: string, bytes: Uint8Array): Promise<CID['multihash']> {
  switch (mhtype) {
    case 'sha2-256': return sha256.digest(bytes)
    case 'sha2-512': return sha512.digest(bytes)
    case 'identity': return identity.digest(bytes)
    default: throw new InvalidParametersError(`Unsupported multihash type "${mhtype}": use sha2-256, sha2-512 or identity`)
  }
}

/** Kubo's `block` commands */
export function createBlockApi (ctx: ContentContext): BlockApi {
  return {
    get: async (cid: string | CID, options: AbortOptions = {}): Promise<Uint8Array> => {
      return ctx.blocks.getBlock(parseCid(cid), options)
    },
    put: async (bytes: Uint8Array, options: BlockPutOptions = {}): Promise<CID> => {
      if (!(bytes instanceof Uint8Array)) throw new InvalidParametersError('block put needs bytes')
      if (bytes.byteLength > DEFAULT_BLOCK_PUT_BYTES_MAX) {
        throw new BlockTooLargeError(`Block of ${bytes.byteLength} bytes is over ${DEFAULT_BLOCK_PUT_BYTES_MAX}: big blocks cannot be exchanged with other peers; add it as a file instead`)
      }
      const codecName = options.cidCodec ?? 'raw'
      const codec = CODECS[codecName]
      if (codec == null) throw new InvalidParametersError(`Unsupported CID codec "${codecName}"`)
      const mhtype = options.mhtype ?? 'sha2-256'
      const digest = await hashFor(mhtype, bytes)
      // Kubo keeps CIDv0 for dag-pb with sha2-256, CIDv1 otherwise
      const cid = codec === 0x70 && mhtype === 'sha2-256' ? CID.createV0(digest as any) : CID.createV1(codec, digest)
      // a block that does not decode as its codec would poison every pin walk over it
      blockLinks(cid, bytes)
      await ctx.blockstore.withAddLock(async () => {
        await ctx.putter().putBlock(cid, bytes, options)
        if (options.pin === true) await ctx.blockstore.pins.add(cid, { recursive: true, signal: options.signal })
      })
      ctx.announceDags([cid], options.pin === true ? 'pin-root' : 'block')
      return cid
    },
    stat: async (cid: string | CID, options: AbortOptions = {}): Promise<{ cid: CID, size: number }> => {
      const c = parseCid(cid)
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
