/**
 * Blocks of MFS changes made with `flush: false`, held in memory until a flush (or a CID leaving
 * MFS: `stat`, `ls -l`) writes them to the store in one batch. Kubo writes each such change to its
 * blockstore at once; one store batch per small write was most of the time of 10,000 small writes,
 * and a crash loses the unflushed changes either way, so their blocks may go with them.
 */
import { namedLinks } from '@cairn/dag'
import type { AbortOptions, Block, BlockGetter, BlockPutter } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** Pending bytes past which `put` writes what is held through `overflow` (memory stays bounded) */
export const DEFAULT_PENDING_BYTES_MAX = 8 * 1024 * 1024

function keyOf (cid: CID): string {
  return Buffer.from(cid.multihash.bytes).toString('latin1')
}

export interface PendingBlocksInit {
  /** Where blocks not held here are read */
  under: BlockGetter
  /** Writes held blocks to the store (the caller holds the GC lock shared) */
  write: (blocks: Block[], options?: AbortOptions) => Promise<void>
  /** @default 8 MiB (DEFAULT_PENDING_BYTES_MAX) */
  bytesMax?: number
}

/** A getter that sees held blocks first, a putter that holds them, and `drain` to write them */
export class PendingBlocks implements BlockGetter, BlockPutter {
  readonly #init: PendingBlocksInit
  readonly #blocks = new Map<string, Block>()
  #bytes = 0
  /** The drain under way: one at a time, so a block is never written twice at once */
  #draining: Promise<void> = Promise.resolve()

  constructor (init: PendingBlocksInit) {
    this.#init = init
  }

  get size (): number {
    return this.#blocks.size
  }

  async getBlock (cid: CID, options?: AbortOptions): Promise<Uint8Array> {
    const held = this.#blocks.get(keyOf(cid))
    if (held != null) return held.bytes
    return this.#init.under.getBlock(cid, options)
  }

  /** Holds a block; past the byte limit, writes everything held (the caller holds the GC lock) */
  async putBlock (cid: CID, bytes: Uint8Array, options?: AbortOptions): Promise<void> {
    const key = keyOf(cid)
    if (!this.#blocks.has(key)) {
      this.#blocks.set(key, { cid, bytes })
      this.#bytes += bytes.byteLength
    }
    if (this.#bytes >= (this.#init.bytesMax ?? DEFAULT_PENDING_BYTES_MAX)) await this.drain(options)
  }

  async putBlocks (blocks: Block[], options?: AbortOptions): Promise<void> {
    for (const b of blocks) await this.putBlock(b.cid, b.bytes, options)
  }

  /**
   * Writes every held block to the store. Blocks stay readable here until written, and are
   * dropped only after, so a reader never falls through to a store that lacks them yet
   */
  async drain (options?: AbortOptions): Promise<void> {
    const run = this.#draining.then(async () => {
      if (this.#blocks.size === 0) return
      const entries = [...this.#blocks]
      await this.#init.write(entries.map(([, b]) => b), options)
      for (const [key, b] of entries) {
        if (this.#blocks.get(key) === b) {
          this.#blocks.delete(key)
          this.#bytes -= b.bytes.byteLength
        }
      }
    })
    this.#draining = run.catch(() => {})
    await run
  }

  /** Forgets every held block (the changes that made them were dropped) */
  clear (): void {
    this.#blocks.clear()
    this.#bytes = 0
  }

  /**
   * For GC: what held blocks link to (a held file may reuse stored leaves that nothing stored
   * links any more). Held blocks themselves are not in the store, so need no keeping
   */
  links (): CID[] {
    const out: CID[] = []
    for (const { cid, bytes } of this.#blocks.values()) {
      for (const l of namedLinks(cid, bytes)) out.push(l.cid)
    }
    return out
  }
}
