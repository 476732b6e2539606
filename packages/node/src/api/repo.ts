import { parseBytes } from '../config.ts'
import { REPO_VERSION } from '../constants.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, GcResult, RepoApi, RepoStats } from '@cairn/interface'

/** Kubo's `repo gc`, `repo stat` and `repo verify` */
export function createRepoApi (ctx: ContentContext): RepoApi {
  return {
    gc: (options: AbortOptions = {}): AsyncIterable<GcResult> => {
      return (async function * () {
        for await (const cid of ctx.blockstore.gc(options)) {
          await ctx.provider.forget([cid])
          yield { cid }
        }
      })()
    },
    stat: async (): Promise<RepoStats> => {
      const { blocks, bytes } = await ctx.blockstore.stats()
      return {
        numObjects: blocks,
        repoSize: bytes,
        storageMax: parseBytes(ctx.config.Datastore?.StorageMax ?? '10GB'),
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
