/**
 * UnixFS data with an explicit mode kept: `ipfs-unixfs` leaves out a mode equal to its default
 * (0644 files, 0755 directories), while Kubo writes whatever mode it is given (`files chmod 0644`,
 * `add --preserve-mode`), and the CID follows the bytes.
 */
import { readVarint, varintLength, writeVarint } from '@cairn/ipld'
import type { UnixFS } from 'ipfs-unixfs'

const FIELD_MODE = 7

/** Offset of the first field numbered `field` or higher, and whether `field` itself is there */
function scan (data: Uint8Array, field: number): { at: number, present: boolean } {
  let pos = 0
  while (pos < data.byteLength) {
    const start = pos
    const key = readVarint(data, pos)
    if (key == null) break
    const number = Math.floor(key.value / 8)
    const wire = key.value & 7
    if (number >= field) return { at: start, present: number === field }
    pos = key.next
    if (wire === 0) pos = readVarint(data, pos)?.next ?? data.byteLength
    else if (wire === 2) { const len = readVarint(data, pos); pos = len == null ? data.byteLength : len.next + len.value } else if (wire === 1) pos += 8
    else if (wire === 5) pos += 4
    else break
  }
  return { at: data.byteLength, present: false }
}

/** Whether marshalled UnixFS data carries a mode (ipfs-unixfs reports a default one when not) */
export function hasStoredMode (data: Uint8Array | undefined): boolean {
  return data != null && scan(data, FIELD_MODE).present
}

/** `unixfs.marshal()`, with `mode` written even when it is ipfs-unixfs's default */
export function marshalWithMode (unixfs: UnixFS, mode: number | undefined): Uint8Array {
  const bytes = unixfs.marshal()
  if (mode == null) return bytes
  const { at, present } = scan(bytes, FIELD_MODE)
  if (present) return bytes
  const value = mode & 0xfff
  const out = new Uint8Array(bytes.byteLength + 1 + varintLength(value))
  out.set(bytes.subarray(0, at))
  out[at] = FIELD_MODE << 3
  const end = writeVarint(out, at + 1, value)
  out.set(bytes.subarray(at), end)
  return out
}
