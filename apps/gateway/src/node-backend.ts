import { RAW_CODE, canVerify, verifyBlockSync } from '@cairn/ipld'
import { interpret, loadNode, resolvePath as resolveDagPath } from '@cairn/dag'
import type { DagNode } from '@cairn/dag'
import type { AbortOptions, BlockGetter, BlockHas, CairnApi } from '@cairn/interface'
import { LRUCache } from 'lru-cache'
import type { CID } from 'multiformats/cid'
import { createApiBackend } from './backend.ts'
import type { GatewayBackend, ResolvedPath } from './backend.ts'
import { DEFAULT_BLOCK_CACHE_BYTES, DEFAULT_PATH_CACHE_ENTRIES } from './constants.ts'

/** What the default backend reads: a `CairnApi`, and the node's block getter when it has one */
export type BackendNode = CairnApi & { blocks?: BlockGetter, blockstore?: BlockHas }

export interface NodeBackendInit {
  /**
   * Bytes of recently read blocks kept in memory (path blocks and one-block files), each
   * hash-verified against its CID before it is kept; 0 keeps none. @default DEFAULT_BLOCK_CACHE_BYTES (32 MiB)
   */
  blockCacheBytes?: number
  /** Resolved paths kept (`root/a/b` → CID, type, size); 0 keeps none. @default DEFAULT_PATH_CACHE_ENTRIES (10 000) */
  pathCacheEntries?: number
}

/** The largest block the cache keeps: bigger ones would push out many small ones for one file */
const MAX_CACHED_BLOCK_BYTES = 1024 * 1024

const IDENTITY_CODE = 0x00

function sizeOf (node: DagNode): number {
  if (node.type === 'directory') return 0
  if (node.unixfs != null) return Number(node.unixfs.fileSize())
  return node.bytes.length
}

/** The whole content of a file held in one block, or undefined when it spans several */
function oneBlockContent (node: DagNode): Uint8Array | undefined {
  if (node.cid.code === RAW_CODE) return node.bytes
  if ((node.type === 'file' || node.type === 'raw') && node.unixfs != null && (node.pb?.Links.length ?? 0) === 0) {
    return node.unixfs.data ?? new Uint8Array(0)
  }
  return undefined
}

/**
 * The content each cached block holds when it is a whole file (null when it is not), so a hit
 * skips decoding; it goes when the block leaves the cache
 */
const CONTENT_OF = new WeakMap<Uint8Array, Uint8Array | null>()

/**
 * A getter that keeps recently read blocks. Content is addressed by hash, so a kept block never
 * goes stale; each one is hash-checked before it is kept, so the cache never serves a byte that
 * does not match its CID, whatever the store below trusts.
 */
function cachingGetter (blocks: BlockGetter, maxBytes: number): BlockGetter {
  if (maxBytes <= 0) return blocks
  const cache = new LRUCache<string, Uint8Array>({
    maxSize: maxBytes,
    maxEntrySize: Math.min(MAX_CACHED_BLOCK_BYTES, maxBytes),
    sizeCalculation: bytes => Math.max(1, bytes.byteLength)
  })
  return {
    async getBlock (cid: CID, options?: AbortOptions): Promise<Uint8Array> {
      if (cid.multihash.code === IDENTITY_CODE) return cid.multihash.digest
      // CIDs come from the request and path caches, so their string form is computed once
      const key = cid.toString()
      const hit = cache.get(key)
      if (hit != null) return hit
      const bytes = await blocks.getBlock(cid, options)
      if (bytes.byteLength <= MAX_CACHED_BLOCK_BYTES && canVerify(cid)) {
        verifyBlockSync(cid, bytes)
        cache.set(key, bytes)
      }
      return bytes
    }
  }
}

/**
 * The default backend: the node's CairnApi for content, and `@cairn/dag`'s path walk over the
 * node's blocks (through a small cache of verified blocks and resolved paths) to resolve paths,
 * one step per segment for `X-Ipfs-Roots`, and to list the blocks a path CAR must carry. A file
 * held in one block comes back with its content, so the gateway answers without a second read.
 */
export function createNodeBackend (node: BackendNode, init: NodeBackendInit = {}): GatewayBackend {
  if (node.blocks == null) return createApiBackend(node)
  const blocks = cachingGetter(node.blocks, init.blockCacheBytes ?? DEFAULT_BLOCK_CACHE_BYTES)
  const pathEntries = init.pathCacheEntries ?? DEFAULT_PATH_CACHE_ENTRIES
  // `oneBlock`: whether a file's content is its terminal block, so a hit knows whether to read it
  const paths = pathEntries > 0 ? new LRUCache<string, Omit<ResolvedPath, 'content'> & { oneBlock: boolean }>({ max: pathEntries }) : undefined

  async function resolve (root: CID, segments: string[], options?: AbortOptions): Promise<Omit<ResolvedPath, 'content'> & { terminal?: DagNode, oneBlock: boolean }> {
    const key = segments.length === 0 ? root.toString() : `${root.toString()}/${segments.join('/')}`
    const known = paths?.get(key)
    if (known != null) return known
    const { cid, roots } = await resolveDagPath({ root, segments }, blocks, options)
    let resolved: Omit<ResolvedPath, 'content'> & { terminal?: DagNode, oneBlock: boolean }
    try {
      const terminal = await loadNode(cid, blocks, options)
      resolved = { cid, roots, type: terminal.type, size: sizeOf(terminal), terminal, oneBlock: oneBlockContent(terminal) != null }
    } catch (err) {
      // a codec the reader does not decode (plain cbor, say) can still be served as its bytes
      if ((err as Error)?.name !== 'UnsupportedCodecError') throw err
      resolved = { cid, roots, type: 'object', size: (await blocks.getBlock(cid, options)).length, oneBlock: false }
    }
    paths?.set(key, { cid, roots, type: resolved.type, size: resolved.size, oneBlock: resolved.oneBlock })
    return resolved
  }

  return createApiBackend(node, {
    // read from the node at each call: a node's store is reopened when the node restarts
    ...('blockstore' in node ? { isLocal: async (cid, options) => node.blockstore?.hasBlock(cid, options) ?? false } : {}),
    pathBlocks: async (root, segments, options) => (await resolveDagPath({ root, segments }, blocks, options)).pathBlocks,
    async resolvePath (root, segments, options) {
      const { terminal, oneBlock, ...resolved } = await resolve(root, segments, options)
      if (!oneBlock) return resolved
      // a one-block file: its bytes come with the answer (from the cache when it was read lately)
      let content: Uint8Array | null | undefined
      if (terminal != null) {
        content = oneBlockContent(terminal)
      } else {
        const bytes = await blocks.getBlock(resolved.cid, options)
        content = CONTENT_OF.get(bytes)
        if (content === undefined) {
          content = oneBlockContent(interpret(resolved.cid, bytes)) ?? null
          CONTENT_OF.set(bytes, content)
        }
      }
      return content != null ? { ...resolved, content } : resolved
    }
  })
}
