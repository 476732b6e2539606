/**
 * What the content commands (pin, block, dag, repo) need from the node: its stores and the
 * helpers that tie a command to the network (one Bitswap session per request, Bitswap told of
 * new blocks, new DAGs announced). Built once by the node; each command group is a factory over it.
 */
import type { NetworkGetter } from '../network-getter.ts'
import type { ContentProvider } from '../provider.ts'
import type { CairnBlockstore } from '@cairn/blockstore'
import type { AbortOptions, BlockGetter, BlockPutter, CairnConfig } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

export interface ContentContext {
  readonly repoPath: string
  readonly config: CairnConfig
  readonly blockstore: CairnBlockstore
  /** Local store first, then the network */
  readonly blocks: NetworkGetter
  readonly provider: ContentProvider
  /** The store, with Bitswap told of every new block so peers already wanting it get it */
  putter(): BlockPutter
  /** A CID, or an IPFS path resolved to the CID it names */
  resolve(path: string | CID, options?: AbortOptions): Promise<CID>
  /** After an add, import or pin: announce the roots now and, by the provide strategy, the rest */
  announceDags(roots: CID[], kind: 'pin-root' | 'block'): void
}

/** Runs one read over a session getter: its network wants share one Bitswap session */
export function streamWithSession<T> (blocks: NetworkGetter, options: AbortOptions, fn: (getter: BlockGetter) => AsyncIterable<T>): AsyncIterable<T> {
  return (async function * () {
    const getter = blocks.session(options)
    try {
      yield * fn(getter)
    } finally {
      getter.close()
    }
  })()
}

export async function withSession<T> (blocks: NetworkGetter, options: AbortOptions & { swarm?: boolean }, fn: (getter: BlockGetter) => Promise<T>): Promise<T> {
  const getter = blocks.session(options)
  try {
    return await fn(getter)
  } finally {
    getter.close()
  }
}
