/**
 * Stores verified blocks with group commit: while one write is in progress, blocks that arrive
 * queue up and go to the store together in one `putBlocks` batch (one index write for many
 * blocks), so a fast transfer is not paced by one store round trip per block.
 */
import type { Block, BlockPutter } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

interface Pending {
  block: Block
  resolve(): void
  reject(err: Error): void
}

export class BlockWriter {
  private readonly store: BlockPutter
  private readonly maxBatchBlocks: number
  private queue: Pending[] = []
  private writing = false

  constructor (store: BlockPutter, maxBatchBlocks: number) {
    this.store = store
    this.maxBatchBlocks = maxBatchBlocks
  }

  async put (cid: CID, bytes: Uint8Array): Promise<void> {
    const { promise, resolve, reject } = Promise.withResolvers<void>()
    this.queue.push({ block: { cid, bytes }, resolve, reject })
    if (!this.writing) void this.drain()
    return promise
  }

  private async drain (): Promise<void> {
    this.writing = true
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatchBlocks)
        try {
          if (batch.length > 1 && this.store.putBlocks != null) {
            await this.store.putBlocks(batch.map(p => p.block))
          } else {
            await Promise.all(batch.map(async p => this.store.putBlock(p.block.cid, p.block.bytes)))
          }
          for (const p of batch) p.resolve()
        } catch (err: any) {
          for (const p of batch) p.reject(err)
        }
      }
    } finally {
      this.writing = false
    }
  }
}
