/**
 * The in-memory MFS tree: directories loaded on first use and kept while they change, files as
 * links (a write builds a new file DAG and relinks it). A changed directory forgets its CID; a
 * flush writes changed directories children-first, each with `writeDirectory`, so the tree gets
 * the CIDs `add -r` would give it (flat or HAMT-sharded past the same threshold, and back).
 */
import { directoryLinks, hasStoredMode, loadNode, writeDirectory, type BlockWriter, type DirSettings } from '@cairn/dag'
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

/** Directory settings that are the tree's, not one directory's */
export interface TreeSettings {
  shardSplitStrategy: DirSettings['shardSplitStrategy']
  shardThresholdBytes: number
}

export class MfsDir {
  readonly kind = 'dir'
  /** The stored directory this one is, while unchanged since loaded or flushed */
  cid?: CID
  tsize = 0
  cidVersion: 0 | 1
  meta: DirMeta
  #entries?: Map<string, MfsChild>
  #load?: () => Promise<Map<string, MfsChild>>
  #loading?: Promise<Map<string, MfsChild>>

  constructor (init: { cid?: CID, tsize?: number, cidVersion: 0 | 1, meta?: DirMeta, entries?: Map<string, MfsChild> }) {
    this.cid = init.cid
    this.tsize = init.tsize ?? 0
    this.cidVersion = init.cidVersion
    this.meta = init.meta ?? {}
    this.#entries = init.entries
  }

  /** A stored directory, read (and checked to be one) when its entries are first asked for */
  static open (cid: CID, tsize: number, getter: BlockGetter, options?: AbortOptions): MfsDir {
    const dir = new MfsDir({ cid, tsize, cidVersion: cid.version === 0 ? 0 : 1 })
    dir.#load = async () => {
      const node = await loadNode(cid, getter, options)
      if (node.type !== 'directory') throw new NotADirectoryError(`${cid.toString()} is not a directory`)
      dir.meta = { mode: hasStoredMode(node.pb?.Data) ? node.unixfs?.mode : undefined, mtime: node.unixfs?.mtime }
      const entries = new Map<string, MfsChild>()
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
    const entries = this.loadedEntries
    const links: Array<[string, { cid: CID, tsize: number }]> = []
    for (const [name, child] of entries) {
      links.push([name, child.kind === 'dir' ? await child.flush(writer, settings) : child])
    }
    const written = await writeDirectory(links, this.meta, writer, {
      format: { cidVersion: this.cidVersion, inlineLimit: -1 },
      keepDefaultMode: true,
      shardSplitStrategy: settings.shardSplitStrategy,
      shardThresholdBytes: settings.shardThresholdBytes
    })
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
    for (const [name, child] of this.#entries) {
      if (child.kind !== 'dir') continue
      if (child.cid != null) this.#entries.set(name, { kind: 'link', cid: child.cid, tsize: child.tsize })
      else child.trim()
    }
  }
}
