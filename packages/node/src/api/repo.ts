import { storageBudget } from '../config.ts'
import { REPO_VERSION } from '../constants.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, GcResult, RepoApi, RepoStats } from '@cairn/interface'

export interface GcStats {
  /** GC runs finished (or stopped) */
  runs: number
  /** Blocks removed by every run */
  removedBlocks: number
  /** Time spent in GC, in seconds */
  seconds: number
  /** How long the last run took, in seconds */
  lastSeconds: number
}

/** Kubo's `repo gc`, `repo stat` and `repo verify`, and the GC counters */
export function createRepoApi (ctx: ContentContext): RepoApi & { gcStats(): GcStats } {
  const gc: GcStats = { runs: 0, removedBlocks: 0, seconds: 0, lastSeconds: 0 }
  return {
    gcStats: () => ({ ...gc }),
    gc: (options: AbortOptions = {}): AsyncIterable<GcResult> => {
      return (async function * () {
        const started = performance.now()
        try {
          for await (const cid of ctx.blockstore.gc(options)) {
            gc.removedBlocks++
            await ctx.provider.forget([cid])
            yield { cid }
          }
        } finally {
          gc.runs++
          gc.lastSeconds = (performance.now() - started) / 1000
          gc.seconds += gc.lastSeconds
        }
      })()
    },
    stat: async (): Promise<RepoStats> => {
      const { blocks, bytes } = await ctx.blockstore.stats()
      const budget = storageBudget(ctx.config)
      return {
        numObjects: blocks,
        repoSize: bytes,
        storageMax: budget.storageMax,
        storageGcWatermark: budget.storageGcWatermark,
        repoPath: ctx.repoPath,
        version: REPO_VERSION
      }
    },
    verify: (options: AbortOptions = {}): AsyncIterable<{ msg: string, progress?: number }> => {
      return (async function * () {
        let bad = 0
        for await (const problem of ctx.blockstore.verify(options)) {
          bad++
          yield { msg: `block ${problem.cid} ${problem.reason === 'hash-mismatch' ? 'was corrupt (hash mismatch)' : 'could not be read'}` }
        }
        yield { msg: bad === 0 ? 'verify complete, all blocks validated.' : `verify complete, ${bad} blocks were corrupt` }
      })()
    }
  }
}
