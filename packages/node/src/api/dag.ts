import { dagStat, exportCar, importCar } from '@cairn/dag'
import { parseCid } from './cid.ts'
import { streamWithSession, withSession } from './context.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, CarExportOptions, DagApi, DagImportResult } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** Kubo's `dag import`, `dag export` and `dag stat` */
export function createDagApi (ctx: ContentContext): DagApi {
  return {
    import: (car: AsyncIterable<Uint8Array>, options: AbortOptions & { pinRoots?: boolean } = {}): AsyncIterable<DagImportResult> => {
      const pinRoots = options.pinRoots ?? true
      return (async function * () {
        const results: DagImportResult[] = []
        await ctx.blockstore.withAddLock(async () => {
          const imported = await importCar(car, ctx.putter(), { signal: options.signal })
          for (const root of imported.roots) {
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
        ctx.announceDags(results.filter(r => r.root.pinErrorMsg == null).map(r => r.root.cid), pinRoots ? 'pin-root' : 'block')
        yield * results
      })()
    },
    export: (cid: string | CID, options: CarExportOptions = {}): AsyncIterable<Uint8Array> => {
      const root = parseCid(cid)
      return streamWithSession(ctx.blocks, options, getter => exportCar(root, getter, options))
    },
    stat: async (cid: string | CID, options: AbortOptions = {}): Promise<{ cid: CID, size: number, numBlocks: number }> => {
      const root = parseCid(cid)
      return withSession(ctx.blocks, options, async getter => ({ cid: root, ...(await dagStat(root, getter, options)) }))
    }
  }
}
