import { namedLinks } from '@cairn/dag'
import { streamWithSession } from './context.ts'
import type { ContentContext } from './context.ts'
import type { AbortOptions, BlockGetter, RefEdge, RefsOptions } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/**
 * Kubo's `refs` (core/commands/refs.go `RefWriter`): depth-first over each root's links, fetching
 * through one Bitswap session. Without `recursive` only the roots' own links; `maxDepth` stops the
 * walk that many levels down; `unique` lists each target once and skips subtrees already walked
 * deep enough (so it keeps, as Kubo does, the targets seen so far).
 */
export function createRefs (ctx: ContentContext): (paths: Array<string | CID>, options?: RefsOptions) => AsyncIterable<RefEdge> {
  return (paths, options = {}) => streamWithSession(ctx.blocks, options, getter => walkRefs(ctx, getter, paths, options))
}

async function * walkRefs (ctx: ContentContext, getter: BlockGetter, paths: Array<string | CID>, options: RefsOptions): AsyncGenerator<RefEdge> {
  const maxDepth = options.recursive === true ? (options.maxDepth ?? -1) : 1
  const seen = new Map<string, number>()
  // Kubo's `visit`: whether to go below `cid` found at `depth`, and whether to list it
  const visit = (cid: CID, depth: number): [boolean, boolean] => {
    const atMax = maxDepth >= 0 && depth === maxDepth
    if (maxDepth >= 0 && depth > maxDepth) return [false, false]
    if (options.unique !== true) return [!atMax, true]
    const key = cid.toString()
    const before = seen.get(key)
    if (before != null && (maxDepth < 0 || before <= depth)) return [false, false]
    seen.set(key, depth)
    return [!atMax, before == null]
  }
  const roots = await Promise.all(paths.map(async p => ctx.resolve(p, options)))
  for (const root of roots) {
    // Kubo's order: each edge, then at once the edges below it (pre-order), before the next
    // sibling; frames on an explicit stack keep deep DAGs off the call stack
    const frames = [{ cid: root, depth: 0, links: namedLinks(root, await getter.getBlock(root, options)), next: 0 }]
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]
      if (frame.next >= frame.links.length) {
        frames.pop()
        continue
      }
      options.signal?.throwIfAborted()
      const link = frame.links[frame.next++]
      const [deeper, write] = visit(link.cid, frame.depth + 1)
      if (!deeper && !write) continue
      // Kubo reads the target before listing it: a listed ref is always fetched
      const bytes = await getter.getBlock(link.cid, options)
      if (write) yield { src: frame.cid, dst: link.cid, linkName: link.name }
      if (deeper) frames.push({ cid: link.cid, depth: frame.depth + 1, links: namedLinks(link.cid, bytes), next: 0 })
    }
  }
}

/** Kubo's `refs local` */
export function refsLocal (ctx: ContentContext, options: AbortOptions = {}): AsyncIterable<CID> {
  return ctx.blockstore.multihashes(options)
}
