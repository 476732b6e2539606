import { NotFoundError, hasCode } from '@cairn/interface'
import type { GcTouches } from './touches.ts'
import type { AbortOptions } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** DAG nodes touched per step of a walk */
const WAVE = 256

interface Walkable {
  readonly touches: GcTouches
  linksOf(cid: CID, options?: AbortOptions): Promise<CID[]>
}

/**
 * While a sweep (GC or eviction) runs, touches every stored node of the DAGs under `roots`, so
 * the sweep keeps them; a no-op when none runs. Nodes already touched are not walked again, so
 * the walk holds its frontier only, not a set of what it saw. Missing nodes are skipped: a root
 * may reach blocks that were never local.
 */
export async function keepDags (store: Walkable, roots: Iterable<CID> | AsyncIterable<CID>, options: AbortOptions = {}): Promise<void> {
  const { touches } = store
  if (!touches.active) return
  for await (const root of roots) {
    const stack: CID[] = [root]
    // a sweep that ended keeps nothing more
    while (stack.length > 0 && touches.active) {
      options.signal?.throwIfAborted()
      const wave = stack.splice(Math.max(0, stack.length - WAVE))
      const seen = await touches.touched(wave.map(cid => cid.multihash.bytes))
      const fresh = wave.filter((_, i) => !seen[i])
      // touch, then look: a sweep that deletes after this keeps them
      await touches.touch(fresh)
      for (const cid of fresh) {
        try {
          stack.push(...await store.linksOf(cid, options))
        } catch (err) {
          if (!hasCode(err, NotFoundError.code)) throw err
        }
      }
    }
  }
}
