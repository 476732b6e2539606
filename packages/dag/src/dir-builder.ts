import { UnixFS } from 'ipfs-unixfs'
import type { CID } from 'multiformats/cid'
import type { BlockWriter } from './block-writer.ts'
import { CODEC_DAG_PB } from './constants.ts'
import { layoutShard, type ShardNode } from './hamt.ts'
import { cidFor, type CidFormat } from './hash.ts'
import { varintLength } from '@cairn/ipld'
import { encodeNode, linkLength, type EncodedLink } from './pb.ts'
import type { Mtime } from './types.ts'

import { utf8 } from './utf8.ts'
import { marshalWithMode } from './unixfs-data.ts'

export interface TreeLeaf {
  kind: 'leaf'
  cid: CID
  tsize: number
}

export interface TreeDir {
  kind: 'dir'
  /** Path within the import, as printed */
  path: string
  children: Map<string, TreeNode>
  mode?: number
  mtime?: Mtime
}

export type TreeNode = TreeLeaf | TreeDir

/** How the flat-vs-HAMT decision sizes a directory: Kubo's legacy estimate or the real block size */
export type ShardSplitStrategy = 'links-bytes' | 'block-bytes'

export interface DirSettings {
  /** Write a directory's mode even when it is ipfs-unixfs's default (MFS `chmod`, as Kubo). @default false */
  keepDefaultMode?: boolean
  format: CidFormat
  shardSplitStrategy: ShardSplitStrategy
  shardThresholdBytes: number
}

export interface DirResult {
  cid: CID
  tsize: number
  path: string
}

export function newDir (path: string): TreeDir {
  return { kind: 'dir', path, children: new Map() }
}

function compareBytes (a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

/** Names in dag-pb order (UTF-8 bytes), which is also the order Kubo prints directories in */
export function sortedNames (names: Iterable<string>): string[] {
  return sortedEntries(names).map(x => x.n)
}

function sortedEntries (names: Iterable<string>): Array<{ n: string, b: Uint8Array }> {
  return [...names].map(n => ({ n, b: utf8(n) })).sort((x, y) => compareBytes(x.b, y.b))
}

/**
 * Write a directory and everything below it, children first. `out` receives every directory in
 * Kubo's order (post-order, children by name), this one last.
 */
export async function flushDir (dir: TreeDir, writer: BlockWriter, settings: DirSettings, out: DirResult[]): Promise<TreeLeaf> {
  const links: EncodedLink[] = []
  for (const { n: name, b: nameBytes } of sortedEntries(dir.children.keys())) {
    let child = dir.children.get(name)!
    if (child.kind === 'dir') child = await flushDir(child, writer, settings, out)
    links.push({ name, nameBytes, cid: child.cid, tsize: child.tsize })
  }
  const data = flatDirData(dir, settings.keepDefaultMode === true)
  let result: TreeLeaf
  if (estimateSize(data, links, settings.shardSplitStrategy) > settings.shardThresholdBytes) {
    result = await writeShard(layoutShard(links, { mode: dir.mode, mtime: dir.mtime, keepDefaultMode: settings.keepDefaultMode }), writer, settings.format)
  } else {
    const flat = encodeNode(data, links)
    const cid = cidFor(CODEC_DAG_PB, flat, settings.format)
    await writer.put(cid, flat)
    result = { kind: 'leaf', cid, tsize: flat.byteLength + links.reduce((a, l) => a + l.tsize, 0) }
  }
  out.push({ cid: result.cid, tsize: result.tsize, path: dir.path })
  return result
}

/**
 * Kubo's legacy estimate counts name and CID bytes of each link; the `unixfs-v1-2025` profile uses
 * the size of the block the flat directory would be (computed, not encoded).
 */
function estimateSize (data: Uint8Array, links: EncodedLink[], strategy: ShardSplitStrategy): number {
  let size = dataEstimate(strategy, data)
  for (const l of links) size += linkEstimate(strategy, l.nameBytes!.byteLength, l.cid, l.tsize)
  return size
}

/** What one link adds to a directory's size as `strategy` counts it (sums with `dataEstimate`) */
export function linkEstimate (strategy: ShardSplitStrategy, nameBytes: number, cid: CID, tsize: number): number {
  return strategy === 'block-bytes' ? linkLength(nameBytes, cid.bytes.byteLength, tsize) : nameBytes + cid.bytes.byteLength
}

/** What a flat directory's own data adds to its size as `strategy` counts it */
export function dataEstimate (strategy: ShardSplitStrategy, data: Uint8Array): number {
  return strategy === 'block-bytes' ? 1 + varintLength(data.byteLength) + data.byteLength : 0
}

/** The UnixFS data of a flat directory */
export function flatDirData (meta: { mode?: number, mtime?: Mtime }, keepDefaultMode = false): Uint8Array {
  return marshalWithMode(new UnixFS({ type: 'directory', mode: meta.mode, mtime: meta.mtime }), keepDefaultMode ? meta.mode : undefined)
}

async function writeShard (shard: ShardNode, writer: BlockWriter, format: CidFormat): Promise<TreeLeaf> {
  const links: EncodedLink[] = []
  for (const l of shard.links) {
    if (l.shard != null) {
      const sub = await writeShard(l.shard, writer, format)
      links.push({ name: l.name, cid: sub.cid, tsize: sub.tsize })
    } else {
      links.push({ name: l.name, nameBytes: l.nameBytes, cid: l.cid!, tsize: l.tsize! })
    }
  }
  const block = encodeNode(shard.data, links)
  const cid = cidFor(CODEC_DAG_PB, block, format)
  await writer.put(cid, block)
  return { kind: 'leaf', cid, tsize: block.byteLength + links.reduce((a, l) => a + l.tsize, 0) }
}

/**
 * One directory from its entries, flat or HAMT-sharded as `add` would write it (MFS writes its
 * directories through this, so a tree built by `files` commands has the CIDs `add -r` gives)
 */
export async function writeDirectory (entries: Iterable<[string, { cid: CID, tsize: number }]>, meta: { mode?: number, mtime?: Mtime }, writer: BlockWriter, settings: DirSettings): Promise<{ cid: CID, tsize: number }> {
  const dir = newDir('')
  for (const [name, e] of entries) dir.children.set(name, { kind: 'leaf', cid: e.cid, tsize: e.tsize })
  dir.mode = meta.mode
  dir.mtime = meta.mtime
  const leaf = await flushDir(dir, writer, settings, [])
  return { cid: leaf.cid, tsize: leaf.tsize }
}
