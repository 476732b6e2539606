import { codecByName, dagStat, decodeNode, encodeNode, exportCar, importCar, resolveToNode, selectPath } from '@cairn/dag'
import { hashBytes } from '@cairn/ipld'
import { BlockTooLargeError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { BIG_BLOCK_MESSAGE, BLOCK_SOFT_LIMIT_BYTES } from '../constants.ts'
import { parseCid } from './cid.ts'
import { streamWithSession, withSession } from './context.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, BlockPutter, CarExportOptions, CarInput, DagApi, DagImportOptions, DagImportResult, DagPutOptions, DagResolveResult } from '@cairn/interface'

/** Kubo's `CheckBlockSize`: over 2 MiB a block cannot travel over Bitswap, so it is refused unless asked for */
export function checkBlockSize (bytes: number, allowBigBlock = false): void {
  if (allowBigBlock || bytes <= BLOCK_SOFT_LIMIT_BYTES) return
  throw new BlockTooLargeError(BIG_BLOCK_MESSAGE)
}

/** Kubo's `dag` commands */
export function createDagApi (ctx: ContentContext): DagApi {
  return {
    put: async (input: Uint8Array, options: DagPutOptions = {}): Promise<CID> => {
      const inputCodec = codecByName(options.inputCodec ?? 'dag-json')
      const storeCodec = codecByName(options.storeCodec ?? 'dag-cbor')
      // JSON input may end with a newline (`echo '{…}' | cairn dag put`), as Kubo's decoder allows
      const text = inputCodec === 0x0129 || inputCodec === 0x0200 ? trimJsonWhitespace(input) : input
      const bytes = encodeNode(storeCodec, decodeNode(inputCodec, text))
      checkBlockSize(bytes.byteLength, options.allowBigBlock)
      const cid = CID.createV1(storeCodec, hashBytes(options.hash ?? 'sha2-256', bytes))
      await ctx.blockstore.withAddLock(async () => {
        await ctx.putter().putBlock(cid, bytes, options)
        // Kubo pins with the DAG service's pinning adder: the node recursively
        if (options.pin === true) await ctx.blockstore.pins.add(cid, { recursive: true, signal: options.signal })
      })
      ctx.announceDags([cid], options.pin === true ? 'pin-root' : 'block')
      return cid
    },
    get: async (path: string | CID, options: AbortOptions & { outputCodec?: string } = {}): Promise<Uint8Array> => {
      const outputCodec = codecByName(options.outputCodec ?? 'dag-json')
      return withSession(ctx.blocks, options, async getter => {
        const { cid, remainder } = await resolveToNode(path, getter, options)
        const node = decodeNode(cid.code, await getter.getBlock(cid, options))
        return encodeNode(outputCodec, selectPath(node, remainder, cid.toString()))
      })
    },
    resolve: async (path: string | CID, options: AbortOptions = {}): Promise<DagResolveResult> => {
      return withSession(ctx.blocks, options, async getter => {
        const { cid, remainder } = await resolveToNode(path, getter, options)
        return { cid, remPath: remainder.join('/') }
      })
    },
    import: (cars: CarInput, options: DagImportOptions = {}): AsyncIterable<DagImportResult> => {
      const pinRoots = options.pinRoots ?? true
      return (async function * () {
        const results: DagImportResult[] = []
        const putter = ctx.putter()
        let blockCount = 0
        let blockBytesCount = 0
        const counting: BlockPutter = {
          putBlock: async (cid, bytes, opts) => {
            blockCount++
            blockBytesCount += bytes.byteLength
            await putter.putBlock(cid, bytes, opts)
          },
          // keep the store's batched path: CAR import writes in batches where it can
          ...(putter.putBlocks != null
            ? {
                putBlocks: async (blocks, opts) => {
                  for (const b of blocks) { blockCount++; blockBytesCount += b.bytes.byteLength }
                  await putter.putBlocks!(blocks, opts)
                }
              }
            : {})
        }
        await ctx.blockstore.withAddLock(async () => {
          // every CAR first, then the pins: a root may arrive in a later file than its blocks (Kubo)
          const roots = new Map<string, CID>()
          for await (const car of carStreams(cars)) {
            for (const root of (await importCar(car, counting, { signal: options.signal })).roots) roots.set(root.toString(), root)
          }
          for (const root of roots.values()) {
            if (!pinRoots) {
              results.push({ root: { cid: root } })
              continue
            }
            try {
              await ctx.blockstore.pins.add(root, { recursive: true, signal: options.signal })
              results.push({ root: { cid: root } })
            } catch (err) {
              results.push({ root: { cid: root, pinErrorMsg: (err as Error).message } })
            }
          }
        })
        options.onStats?.({ blockCount, blockBytesCount })
        ctx.announceDags(results.filter(r => r.root.pinErrorMsg == null).map(r => r.root.cid), pinRoots ? 'pin-root' : 'block')
        yield * results
      })()
    },
    export: (cid: string | CID, options: CarExportOptions = {}): AsyncIterable<Uint8Array> => {
      const root = parseCid(cid)
      return streamWithSession(ctx.blocks, options, getter => exportCar(root, getter, options))
    },
    stat: async (cid: string | CID, options: AbortOptions & { onProgress?: (blocks: number, bytes: number) => void } = {}): Promise<{ cid: CID, size: number, numBlocks: number }> => {
      const root = parseCid(cid)
      // sizes and links of stored blocks come from the index: a local DAG's bodies are not read again
      return withSession(ctx.blocks, options, async getter => ({ cid: root, ...(await dagStat(root, getter, { ...options, index: ctx.blockstore })) }))
    }
  }
}

async function * carStreams (input: CarInput): AsyncGenerator<AsyncIterable<Uint8Array>> {
  if (Array.isArray(input)) yield * input
  else if ('cars' in input) yield * input.cars
  else yield input
}

/** JSON's insignificant whitespace around the value: space, tab, CR, LF */
function trimJsonWhitespace (bytes: Uint8Array): Uint8Array {
  const ws = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d
  let start = 0
  let end = bytes.byteLength
  while (start < end && ws(bytes[start])) start++
  while (end > start && ws(bytes[end - 1])) end--
  return bytes.subarray(start, end)
}
