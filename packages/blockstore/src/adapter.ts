import type { AbortOptions, Block } from '@cairn/interface'
import type { InputPair, Pair } from 'interface-blockstore'
import type { CID } from 'multiformats/cid'

/**
 * The `interface-blockstore` v7 contract (`put`, `get`, `has`, `delete` and their `*Many` forms,
 * `getAll`) in terms of the store's own block API, so Helia-ecosystem code (the UnixFS importer,
 * Bitswap) can use the store unchanged. The generators are async, as the contract's consumers
 * (and its compliance suite) await them.
 */
export abstract class InterfaceBlockstoreAdapter {
  /** `putMany` commits one batch per this many blocks or bytes */
  protected abstract readonly batchBlocksMax: number
  protected abstract readonly batchBytesMax: number

  abstract getBlock (cid: CID, options?: AbortOptions): Promise<Uint8Array>
  abstract putBlocks (blocks: Block[], options?: AbortOptions): Promise<void>
  abstract hasBlock (cid: CID, options?: AbortOptions): Promise<boolean>
  abstract deleteBlock (cid: CID, options?: AbortOptions): Promise<void>
  /** Every stored block with its bytes, in index order */
  protected abstract blocks (options: AbortOptions): AsyncGenerator<{ cid: CID, bytes: Uint8Array }>

  async put (cid: CID, bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options: AbortOptions = {}): Promise<CID> {
    options.signal?.throwIfAborted()
    await this.putBlocks([{ cid, bytes: await concat(bytes) }], options)
    return cid
  }

  async * putMany (source: Iterable<InputPair> | AsyncIterable<InputPair>, options: AbortOptions = {}): AsyncGenerator<CID> {
    options.signal?.throwIfAborted()
    let batch: Block[] = []
    let batchBytes = 0
    for await (const { cid, bytes } of source) {
      options.signal?.throwIfAborted()
      const block = { cid, bytes: await concat(bytes) }
      batch.push(block)
      batchBytes += block.bytes.byteLength
      if (batch.length >= this.batchBlocksMax || batchBytes >= this.batchBytesMax) {
        await this.putBlocks(batch, options)
        for (const b of batch) yield b.cid
        batch = []
        batchBytes = 0
      }
    }
    if (batch.length > 0) {
      await this.putBlocks(batch, options)
      for (const b of batch) yield b.cid
    }
  }

  async * get (cid: CID, options: AbortOptions = {}): AsyncGenerator<Uint8Array> {
    yield await this.getBlock(cid, options)
  }

  async * getMany (source: Iterable<CID> | AsyncIterable<CID>, options: AbortOptions = {}): AsyncGenerator<Pair> {
    for await (const cid of source) {
      const bytes = await this.getBlock(cid, options)
      yield { cid, bytes: once(bytes) }
    }
  }

  async has (cid: CID, options: AbortOptions = {}): Promise<boolean> {
    return this.hasBlock(cid, options)
  }

  async delete (cid: CID, options: AbortOptions = {}): Promise<void> {
    await this.deleteBlock(cid, options)
  }

  async * deleteMany (source: Iterable<CID> | AsyncIterable<CID>, options: AbortOptions = {}): AsyncGenerator<CID> {
    options.signal?.throwIfAborted()
    for await (const cid of source) {
      options.signal?.throwIfAborted()
      await this.deleteBlock(cid, options)
      yield cid
    }
  }

  async * getAll (options: AbortOptions = {}): AsyncGenerator<Pair> {
    options.signal?.throwIfAborted()
    for await (const { cid, bytes } of this.blocks(options)) yield { cid, bytes: once(bytes) }
  }
}

// Async even though the bytes are in hand: consumers (and the compliance suite) await `all(bytes)`
async function * once (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}

async function concat (input: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of input) {
    chunks.push(chunk)
    length += chunk.byteLength
  }
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
