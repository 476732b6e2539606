/**
 * Kubo's HAMT-sharded directories: murmur3-x64-64 of the name, 8 bits per level (fanout 256),
 * link names `XX<name>` for entries and `XX` for sub-shards, with XX the slot in upper-case hex.
 */
import { murmur364 } from '@multiformats/murmur3'
import { utf8 } from './utf8.ts'
import { marshalWithMode } from './unixfs-data.ts'
import { UnixFS } from 'ipfs-unixfs'
import type { CID } from 'multiformats/cid'
import { HAMT_FANOUT, HAMT_HASH_CODE, MAX_DAG_DEPTH } from './constants.ts'
import { MalformedBlockError } from '@cairn/interface'

const BITS_PER_LEVEL = Math.log2(HAMT_FANOUT)
/** Levels a 64-bit hash gives; names colliding on all of them cannot be placed */
export const MAX_LEVELS = 64 / BITS_PER_LEVEL

/** The 64-bit hash whose bytes, first to last, pick the slot at each level */
export function hamtHash (name: string | Uint8Array): Uint8Array {
  const bytes = typeof name === 'string' ? utf8(name) : name
  // the first 64 bits of murmur3-x64-128, consumed from the first byte on; `encode` is synchronous
  return murmur364.encode(bytes) as Uint8Array
}

/** Slot index at `level` for a hash, for a power-of-two fanout up to 256 */
export function hamtSlot (hash: Uint8Array, level: number, fanout: number = HAMT_FANOUT): number {
  if (fanout === 256) {
    if (level >= 8) throw new MalformedBlockError('HAMT deeper than its 64-bit hash')
    return hash[level]
  }
  const bits = Math.log2(fanout)
  if (!Number.isInteger(bits) || bits < 1 || bits > 8) throw new MalformedBlockError(`Unsupported HAMT fanout ${fanout}`)
  const start = level * bits
  if (start + bits > 64) throw new MalformedBlockError('HAMT deeper than its 64-bit hash')
  // read `bits` bits MSB-first starting at bit offset `start`
  let value = 0
  for (let i = 0; i < bits; i++) {
    const bit = start + i
    value = (value << 1) | ((hash[bit >> 3] >> (7 - (bit & 7))) & 1)
  }
  return value
}

export function slotLabel (slot: number, fanout: number = HAMT_FANOUT): string {
  return slot.toString(16).toUpperCase().padStart((fanout - 1).toString(16).length, '0')
}

export interface HamtEntry {
  name: string
  cid: CID
  tsize: number
  nameBytes?: Uint8Array
}

export interface ShardNode {
  /** dag-pb node: UnixFS data and links, sorted */
  data: Uint8Array
  links: Array<{ name: string, nameBytes?: Uint8Array, cid?: CID, tsize?: number, shard?: ShardNode }>
}

interface Keyed { entry: HamtEntry, hash: Uint8Array }

export interface ShardMeta {
  /** Write `mode` even when it is ipfs-unixfs's default (MFS `chmod`, as Kubo) */
  keepDefaultMode?: boolean
  mode?: number
  mtime?: { secs: bigint, nsecs?: number }
}

/**
 * Lay out entries as Kubo's HAMT would after inserting them one by one: a slot with one entry
 * holds it, a slot with several holds a sub-shard keyed on the next 8 bits. The result does not
 * depend on insertion order, so it can be built from the final set of names.
 */
export function layoutShard (entries: HamtEntry[], meta: ShardMeta = {}): ShardNode {
  const keyed = entries.map(entry => ({ entry, hash: hamtHash(entry.nameBytes ?? entry.name) }))
  return layoutLevel(keyed, 0, meta)
}

function layoutLevel (entries: Keyed[], level: number, meta: ShardMeta): ShardNode {
  if (level >= Math.min(MAX_LEVELS, MAX_DAG_DEPTH)) throw new MalformedBlockError('HAMT hash exhausted: names collide on all 64 bits')
  const slots: Array<Keyed[] | undefined> = new Array(HAMT_FANOUT)
  for (const k of entries) {
    const s = hamtSlot(k.hash, level)
    const list = slots[s]
    if (list == null) slots[s] = [k]
    else list.push(k)
  }
  const bitfield = new Uint8Array(HAMT_FANOUT / 8)
  const links: ShardNode['links'] = []
  for (let slot = 0; slot < HAMT_FANOUT; slot++) {
    const list = slots[slot]
    if (list == null) continue
    bitfield[bitfield.length - 1 - (slot >> 3)] |= 1 << (slot & 7)
    const label = slotLabel(slot)
    if (list.length === 1) {
      const e = list[0].entry
      let nameBytes: Uint8Array | undefined
      if (e.nameBytes != null) nameBytes = labelledName(label, e.nameBytes)
      links.push({ name: label + e.name, nameBytes, cid: e.cid, tsize: e.tsize })
    } else {
      links.push({ name: label, shard: layoutLevel(list, level + 1, {}) })
    }
  }
  return { data: shardData(bitfield, meta), links }
}

/** The UnixFS data of one HAMT node: its bitfield of used slots (and, at the root, mode and mtime) */
export function shardData (bitfield: Uint8Array, meta: ShardMeta = {}): Uint8Array {
  return marshalWithMode(new UnixFS({
    type: 'hamt-sharded-directory',
    data: trimBitfield(bitfield),
    fanout: BigInt(HAMT_FANOUT),
    hashType: BigInt(HAMT_HASH_CODE),
    mode: meta.mode,
    mtime: meta.mtime
  }), meta.keepDefaultMode === true ? meta.mode : undefined)
}

/** `label` + `name` as UTF-8: the link name of an entry in a HAMT node */
export function labelledName (label: string, nameBytes: Uint8Array): Uint8Array {
  // the label is ASCII hex digits
  const out = new Uint8Array(label.length + nameBytes.byteLength)
  for (let i = 0; i < label.length; i++) out[i] = label.charCodeAt(i)
  out.set(nameBytes, label.length)
  return out
}

/** Kubo stores the bitfield as big-endian bytes without leading zero bytes */
function trimBitfield (bytes: Uint8Array): Uint8Array {
  let i = 0
  while (i < bytes.length - 1 && bytes[i] === 0) i++
  return bytes.subarray(i)
}
