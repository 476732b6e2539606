/**
 * A HAMT-sharded directory kept in memory across changes (MFS): setting or removing an entry
 * marks the nodes on its path changed, and `write` encodes only those, so a flush after k changes
 * to a directory of n entries writes O(k · depth) blocks instead of laying out all n again. The
 * shape is canonical (a slot with one entry holds it, a slot with more holds a sub-shard, a
 * sub-shard left with one entry folds back into its slot), so it is exactly what `layoutShard`
 * gives the same set of names, whatever the order of the changes: the CID `add -r` gives.
 */
import { MalformedBlockError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import type { BlockWriter } from './block-writer.ts'
import { CODEC_DAG_PB, HAMT_FANOUT } from './constants.ts'
import { hamtHash, labelledName, MAX_LEVELS, shardData, slotLabel, type HamtEntry, type ShardMeta } from './hamt.ts'
import { cidFor, type CidFormat } from './hash.ts'
import { encodeNode, type EncodedLink } from './pb.ts'
import { utf8 } from './utf8.ts'

interface Item {
  name: string
  nameBytes: Uint8Array
  hash: Uint8Array
  cid: CID
  tsize: number
  /** Its link name in the node at `linkDepth` (label + name), kept for the next write */
  linkName?: Uint8Array
  linkDepth?: number
}

/** Labels of the 256 slots, made once */
const LABELS = Array.from({ length: HAMT_FANOUT }, (_, i) => slotLabel(i))
const LABEL_BYTES = LABELS.map(l => utf8(l))

class Level {
  readonly depth: number
  readonly slots: Array<Item | Level | undefined> = new Array(HAMT_FANOUT)
  /** Entries in this node and below */
  count = 0
  /** This node as last written (and the format it was written in); undefined once changed */
  written?: { cid: CID, tsize: number, format: string }

  constructor (depth: number) {
    if (depth >= MAX_LEVELS) throw new MalformedBlockError('HAMT hash exhausted: names collide on all 64 bits')
    this.depth = depth
  }

  /** Puts `item` below this node; true when it is a new name (false: it replaced one) */
  set (item: Item): boolean {
    this.written = undefined
    const slot = item.hash[this.depth]
    const here = this.slots[slot]
    let added = true
    if (here == null) {
      this.slots[slot] = item
    } else if (here instanceof Level) {
      added = here.set(item)
    } else if (here.name === item.name) {
      this.slots[slot] = item
      added = false
    } else {
      const sub = new Level(this.depth + 1)
      sub.set(here)
      sub.set(item)
      this.slots[slot] = sub
    }
    if (added) this.count++
    return added
  }

  /** Removes `name` (hashed as `hash`) below this node; true when it was there */
  delete (name: string, hash: Uint8Array): boolean {
    const slot = hash[this.depth]
    const here = this.slots[slot]
    if (here == null) return false
    if (here instanceof Level) {
      if (!here.delete(name, hash)) return false
      // a sub-shard left with one entry folds back: that entry then sits in the slot
      if (here.count === 1) this.slots[slot] = here.only()
    } else {
      if (here.name !== name) return false
      this.slots[slot] = undefined
    }
    this.written = undefined
    this.count--
    return true
  }

  get (name: string, hash: Uint8Array): Item | undefined {
    const here = this.slots[hash[this.depth]]
    if (here instanceof Level) return here.get(name, hash)
    return here?.name === name ? here : undefined
  }

  /** The one entry of a node holding one (a node never holds a lone sub-shard) */
  only (): Item {
    for (const s of this.slots) {
      if (s == null) continue
      return s instanceof Level ? s.only() : s
    }
    throw new MalformedBlockError('empty HAMT node')
  }

  async write (writer: BlockWriter, format: CidFormat, formatKey: string, meta: ShardMeta | undefined): Promise<{ cid: CID, tsize: number }> {
    // the root is written every time: its mode and mtime live outside what it tracks
    if (meta == null && this.written?.format === formatKey) return this.written
    const bitfield = new Uint8Array(HAMT_FANOUT / 8)
    const links: EncodedLink[] = []
    let tsize = 0
    for (let slot = 0; slot < HAMT_FANOUT; slot++) {
      const here = this.slots[slot]
      if (here == null) continue
      bitfield[bitfield.length - 1 - (slot >> 3)] |= 1 << (slot & 7)
      if (here instanceof Level) {
        const sub = await here.write(writer, format, formatKey, undefined)
        links.push({ name: LABELS[slot], nameBytes: LABEL_BYTES[slot], cid: sub.cid, tsize: sub.tsize })
        tsize += sub.tsize
      } else {
        if (here.linkDepth !== this.depth) {
          here.linkName = labelledName(LABELS[slot], here.nameBytes)
          here.linkDepth = this.depth
        }
        links.push({ name: '', nameBytes: here.linkName, cid: here.cid, tsize: here.tsize })
        tsize += here.tsize
      }
    }
    const block = encodeNode(shardData(bitfield, meta ?? {}), links)
    const cid = cidFor(CODEC_DAG_PB, block, format)
    await writer.put(cid, block)
    this.written = { cid, tsize: tsize + block.byteLength, format: formatKey }
    return this.written
  }

  /** The CIDs of the highest unchanged sub-shards (what a GC must keep for the next write) */
  writtenBelow (out: CID[]): void {
    for (const s of this.slots) {
      if (!(s instanceof Level)) continue
      if (s.written != null) out.push(s.written.cid)
      else s.writtenBelow(out)
    }
  }
}

/** A sharded directory changed in place and written incrementally (see the module comment) */
export class MutableShard {
  readonly #root = new Level(0)

  /** A shard holding `entries` (nothing written yet) */
  static from (entries: Iterable<HamtEntry>): MutableShard {
    const shard = new MutableShard()
    for (const e of entries) shard.set(e)
    return shard
  }

  get size (): number {
    return this.#root.count
  }

  /** Adds or replaces an entry */
  set (entry: HamtEntry): void {
    const nameBytes = entry.nameBytes ?? utf8(entry.name)
    this.#root.set({ name: entry.name, nameBytes, hash: hamtHash(nameBytes), cid: entry.cid, tsize: entry.tsize })
  }

  /** Removes an entry; false when there was none by that name */
  delete (name: string): boolean {
    return this.#root.delete(name, hamtHash(name))
  }

  get (name: string): { cid: CID, tsize: number } | undefined {
    const item = this.#root.get(name, hamtHash(name))
    return item == null ? undefined : { cid: item.cid, tsize: item.tsize }
  }

  /**
   * Writes the nodes changed since the last write (all of them when `format` changed), the root
   * with `meta`; returns the root's CID and cumulative size
   */
  async write (writer: BlockWriter, format: CidFormat, meta: ShardMeta = {}): Promise<{ cid: CID, tsize: number }> {
    const written = await this.#root.write(writer, format, `${format.cidVersion}/${format.hash ?? 0x12}/${format.inlineLimit}`, meta)
    return { cid: written.cid, tsize: written.tsize }
  }

  /**
   * The sub-shards unchanged since written, highest first: the next `write` links them without
   * writing them again, so a GC before it must keep them
   */
  writtenRoots (): CID[] {
    const out: CID[] = []
    this.#root.writtenBelow(out)
    return out
  }
}
