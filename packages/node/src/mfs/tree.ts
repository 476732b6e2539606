/**
 * The in-memory MFS tree: directories loaded on first use and kept while they change, files as
 * links (a write builds a new file DAG and relinks it). A changed directory forgets its CID; a
 * flush writes changed directories children-first, so the tree gets the CIDs `add -r` would give
 * it (flat or HAMT-sharded past the same threshold, and back). A directory remembers what it
 * wrote: the size estimate per entry and, sharded, the HAMT itself, so a flush after k changes
 * re-encodes O(k) HAMT nodes rather than the whole directory.
 */
import { dataEstimate, directoryLinks, flatDirData, hasStoredMode, linkEstimate, loadNode, MutableShard, writeDirectory, type BlockWriter, type DirSettings } from '@cairn/dag'
import { MalformedBlockError, NotADirectoryError } from '@cairn/interface'
import type { AbortOptions, BlockGetter } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

export interface Mtime { secs: bigint, nsecs?: number }

/** A child as its parent links to it, not loaded */
export interface MfsLink {
  kind: 'link'
  cid: CID
  tsize: number
}

export type MfsChild = MfsLink | MfsDir

export interface DirMeta {
  mode?: number
  mtime?: Mtime
}

/** How CIDs are made in a directory (Kubo's CID builder): version and multihash function */
export interface Prefix {
  cidVersion: 0 | 1
  /** Multihash code. @default 0x12 (sha2-256) */
  hash: number
}

export const SHA2_256 = 0x12

/** The prefix a stored node's CID has: what its directory keeps using */
export function prefixOfCid (cid: CID): Prefix {
  return { cidVersion: cid.version === 0 ? 0 : 1, hash: cid.multihash.code }
}

/** Directory settings that are the tree's, not one directory's */
export interface TreeSettings {
  shardSplitStrategy: DirSettings['shardSplitStrategy']
  shardThresholdBytes: number
}

/** A directory's entries, noting which names changed since the last flush and which are loaded directories */
class EntryMap extends Map<string, MfsChild> {
  readonly changed = new Set<string>()
  readonly dirs = new Set<string>()

  override set (name: string, child: MfsChild): this {
    this.changed?.add(name)
    return this.swap(name, child)
  }

  /** Sets without noting a change: the same content in another form (a loaded directory dropped to its link) */
  swap (name: string, child: MfsChild): this {
    super.set(name, child)
    if (child.kind === 'dir') this.dirs?.add(name)
    else this.dirs?.delete(name)
    return this
  }

  override delete (name: string): boolean {
    if (!super.delete(name)) return false
    this.changed.add(name)
    this.dirs.delete(name)
    return true
  }
}

const encoder = new TextEncoder()

export class MfsDir {
  readonly kind = 'dir'
  /** The stored directory this one is, while unchanged since loaded or flushed */
  cid?: CID
  tsize = 0
  prefix: Prefix
  meta: DirMeta
  #entries?: EntryMap
  #load?: () => Promise<EntryMap>
  #loading?: Promise<EntryMap>
  /** Per entry, what it adds to the size estimate as last flushed; undefined before the first flush */
  #sizes?: Map<string, number>
  #estimate = 0
  /** The HAMT as last flushed, while this directory is sharded */
  #shard?: MutableShard

  constructor (init: { cid?: CID, tsize?: number, prefix: Prefix, meta?: DirMeta, entries?: Map<string, MfsChild> }) {
    this.cid = init.cid
    this.tsize = init.tsize ?? 0
    this.prefix = init.prefix
    this.meta = init.meta ?? {}
    if (init.entries != null) {
      this.#entries = new EntryMap()
      for (const [name, child] of init.entries) this.#entries.set(name, child)
    }
  }

  /** A stored directory, read (and checked to be one) when its entries are first asked for */
  static open (cid: CID, tsize: number, getter: BlockGetter, options?: AbortOptions): MfsDir {
    const dir = new MfsDir({ cid, tsize, prefix: prefixOfCid(cid) })
    dir.#load = async () => {
      const node = await loadNode(cid, getter, options)
      if (node.type !== 'directory') throw new NotADirectoryError(`${cid.toString()} is not a directory`)
      dir.meta = { mode: hasStoredMode(node.pb?.Data) ? node.unixfs?.mode : undefined, mtime: node.unixfs?.mtime }
      const entries = new EntryMap()
      for await (const l of directoryLinks(node, getter, options)) {
        if (l.name === '' || l.name.includes('/') || l.name === '.' || l.name === '..') {
          throw new MalformedBlockError(`Directory ${cid.toString()} has an unusable entry name "${l.name}"`)
        }
        entries.set(l.name, { kind: 'link', cid: l.cid, tsize: l.tsize })
      }
      return entries
    }
    return dir
  }

  get loaded (): boolean {
    return this.#entries != null
  }

  /** The entries, read once (concurrent callers share the read) */
  async entries (): Promise<Map<string, MfsChild>> {
    if (this.#entries != null) return this.#entries
    this.#loading ??= this.#load!()
    try {
      this.#entries = await this.#loading
    } catch (err) {
      this.#loading = undefined
      throw err
    }
    return this.#entries
  }

  /** Entries once loaded, for code that runs after `entries()` */
  get loadedEntries (): Map<string, MfsChild> {
    if (this.#entries == null) throw new Error('directory entries read before loading')
    return this.#entries
  }

  get dirty (): boolean {
    return this.cid == null
  }

  /** Forget the CID: this directory changed (its ancestors are marked by the caller) */
  touch (): void {
    this.cid = undefined
  }

  /** Writes this directory and every changed one below it; returns how it links from its parent */
  async flush (writer: BlockWriter, settings: TreeSettings): Promise<MfsLink> {
    if (this.cid != null) return { kind: 'link', cid: this.cid, tsize: this.tsize }
    const entries = this.#entries!
    const strategy = settings.shardSplitStrategy
    const full = this.#sizes == null
    const sizes = this.#sizes ?? new Map<string, number>()
    // what changed since the last flush: names set or removed, and loaded subdirectories changed below
    const work = full ? [...entries.keys()] : new Set(entries.changed)
    if (!full) for (const name of entries.dirs) if ((entries.get(name) as MfsDir).dirty) (work as Set<string>).add(name)
    entries.changed.clear()
    const updates: Array<[string, MfsLink | undefined]> = []
    for (const name of work) {
      const child = entries.get(name)
      const before = sizes.get(name) ?? 0
      if (child == null) {
        this.#estimate -= before
        sizes.delete(name)
        updates.push([name, undefined])
        continue
      }
      const link = child.kind === 'dir' ? await child.flush(writer, settings) : child
      const size = linkEstimate(strategy, encoder.encode(name).byteLength, link.cid, link.tsize)
      this.#estimate += size - before
      sizes.set(name, size)
      updates.push([name, link])
    }
    this.#sizes = sizes
    const format = { cidVersion: this.prefix.cidVersion, hash: this.prefix.hash, inlineLimit: -1 }
    const all = async (): Promise<Array<[string, MfsLink]>> => {
      const out: Array<[string, MfsLink]> = []
      for (const [name, child] of entries) out.push([name, child.kind === 'dir' ? await child.flush(writer, settings) : child])
      return out
    }
    let written: { cid: CID, tsize: number }
    if (this.#estimate + dataEstimate(strategy, flatDirData(this.meta, true)) > settings.shardThresholdBytes) {
      if (this.#shard == null) {
        this.#shard = MutableShard.from((await all()).map(([name, l]) => ({ name, cid: l.cid, tsize: l.tsize })))
      } else {
        for (const [name, link] of updates) {
          if (link == null) this.#shard.delete(name)
          else this.#shard.set({ name, cid: link.cid, tsize: link.tsize })
        }
      }
      written = await this.#shard.write(writer, format, { ...this.meta, keepDefaultMode: true })
    } else {
      this.#shard = undefined
      written = await writeDirectory(await all(), this.meta, writer, {
        format,
        keepDefaultMode: true,
        shardSplitStrategy: strategy,
        shardThresholdBytes: settings.shardThresholdBytes
      })
    }
    this.cid = written.cid
    this.tsize = written.tsize
    return { kind: 'link', cid: written.cid, tsize: written.tsize }
  }

  /** Entries held in memory under this directory, itself included */
  held (): number {
    if (this.#entries == null) return 0
    let n = this.#entries.size
    for (const child of this.#entries.values()) if (child.kind === 'dir') n += child.held()
    return n
  }

  /** Drops loaded, unchanged subdirectories back to links (they are read again when needed) */
  trim (): void {
    if (this.#entries == null) return
    for (const name of [...this.#entries.dirs]) {
      const child = this.#entries.get(name) as MfsDir
      if (child.cid != null) this.#entries.swap(name, { kind: 'link', cid: child.cid, tsize: child.tsize })
      else child.trim()
    }
  }

  /**
   * HAMT nodes written by an earlier flush that the next flush links again without writing
   * (empty unless this directory is sharded and changed): GC must keep them meanwhile
   */
  writtenShards (): CID[] {
    return this.#shard?.writtenRoots() ?? []
  }
}
