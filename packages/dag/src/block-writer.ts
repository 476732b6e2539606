import type { AbortOptions, Block, BlockPutter } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { DEFAULT_WRITE_BATCH_BYTES, DEFAULT_WRITES_IN_FLIGHT } from './constants.ts'
import { isIdentity } from './hash.ts'

/**
 * Gathers blocks into batches and writes them while the caller keeps hashing, with a bounded
 * number of batches in flight so memory stays flat whatever the file size.
 */
export interface BlockWriter {
  put(cid: CID, bytes: Uint8Array): Promise<void>
  /** Write everything still pending and wait for it */
  flush(): Promise<void>
  /** How many blocks have been given to `put` so far */
  position(): number
  /** How many of the first blocks given to `put` are known to be stored */
  durable(): number
}

export interface BlockWriterInit extends AbortOptions {
  batchBytes?: number
  inFlight?: number
}

export function createBlockWriter (putter: BlockPutter | undefined, init: BlockWriterInit = {}): BlockWriter {
  // only-hash: nothing to write; identity blocks live in their CID and are never stored
  if (putter == null) return { put: async () => {}, flush: async () => {}, position: () => 0, durable: () => Infinity }
  const batchBytes = init.batchBytes ?? DEFAULT_WRITE_BATCH_BYTES
  const maxInFlight = init.inFlight ?? DEFAULT_WRITES_IN_FLIGHT
  const options = { signal: init.signal }
  let pending: Block[] = []
  let pendingBytes = 0
  const inFlight: Array<Promise<void>> = []
  let failure: unknown
  let position = 0
  let durable = 0
  // batches in dispatch order; `durable` advances over the completed prefix
  const batches: Array<{ end: number, done: boolean }> = []
  const settle = (): void => {
    while (batches.length > 0 && batches[0].done) durable = batches.shift()!.end
  }

  const write = (blocks: Block[]): Promise<void> => {
    const p = putter.putBlocks != null
      ? putter.putBlocks(blocks, options)
      : Promise.all(blocks.map(async b => putter.putBlock(b.cid, b.bytes, options))).then(() => {})
    // remember the first failure so a later put/flush reports it even if nobody awaited this one
    return p.catch(err => { failure ??= err; throw err })
  }

  const dispatch = async (): Promise<void> => {
    if (pending.length === 0) return
    const blocks = pending
    pending = []
    pendingBytes = 0
    const batch = { end: position, done: false }
    batches.push(batch)
    const p = write(blocks).then(() => { batch.done = true; settle() })
    p.catch(() => {})
    inFlight.push(p)
    while (inFlight.length > maxInFlight) await inFlight.shift()
  }

  return {
    async put (cid, bytes) {
      if (failure != null) throw failure
      position++
      if (isIdentity(cid)) return
      pending.push({ cid, bytes })
      pendingBytes += bytes.byteLength
      if (pendingBytes >= batchBytes) await dispatch()
    },
    async flush () {
      await dispatch()
      while (inFlight.length > 0) await inFlight.shift()
      if (failure != null) throw failure
      durable = position
    },
    position: () => position,
    durable: () => durable
  }
}
