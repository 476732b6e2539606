/**
 * Blocks fetched ahead of file readers, counted across every reader that shares one budget.
 *
 * A reader asks for the blocks after the one it needs so that a network getter streams instead
 * of paying a round trip per block; the blocks wait in memory until the reader's consumer takes
 * them. Each reader's window is bounded (`prefetch`), but 64 readers of 16 blocks of 256 KiB hold
 * 256 MiB: the memory of a server would grow with its client count. A shared budget bounds the
 * total instead; a reader that finds it spent reads one block at a time, which costs a local
 * store nothing (its reads answer in microseconds).
 */
export interface ReadAheadBudget {
  /** Takes one block of read-ahead; false when all are taken */
  tryTake(): boolean
  /** Gives one back: the block was consumed, or its reader stopped */
  give(): void
  /** Blocks taken now */
  readonly taken: number
}

/** A budget of `blocks` read-ahead blocks, to share between the readers of one process */
export function createReadAheadBudget (blocks: number): ReadAheadBudget {
  if (!Number.isSafeInteger(blocks) || blocks < 0) throw new RangeError(`read-ahead budget must be a non-negative integer, got ${blocks}`)
  let taken = 0
  return {
    tryTake () {
      if (taken >= blocks) return false
      taken++
      return true
    },
    give () {
      if (taken === 0) throw new Error('read-ahead budget given back more than taken')
      taken--
    },
    get taken () { return taken }
  }
}
