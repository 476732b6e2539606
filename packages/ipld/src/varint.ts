/**
 * Unsigned LEB128 varints (multiformats' `unsigned-varint`, protobuf's uint fields) for every
 * Cairn package, over `uint8-varint`. What `uint8-varint` leaves to its caller is here: reading
 * within a bound and telling a truncated varint from a complete one.
 */
import { decodeUint8Array, encode, encodeUint8Array, encodingLength } from 'uint8-varint'

/** 8 bytes carry 56 bits, more than `Number.MAX_SAFE_INTEGER`: `uint8-varint` reads no further */
export const MAX_VARINT_BYTES = 8

/** Bytes `n` takes as a varint */
export const varintLength: (n: number) => number = encodingLength

/** `n` as a varint in a new array */
export function encodeVarint (n: number): Uint8Array {
  return encode(n)
}

/** Writes `n` into `buf` at `pos`; returns the position after it */
export function writeVarint (buf: Uint8Array, pos: number, n: number): number {
  encodeUint8Array(n, buf, pos)
  return pos + encodingLength(n)
}

/**
 * The index just past the varint that starts at `offset`, or -1 when it does not end before
 * `end` (truncated) or is longer than `MAX_VARINT_BYTES`
 */
export function varintEnd (bytes: Uint8Array, offset: number, end: number = bytes.byteLength): number {
  const limit = Math.min(end, offset + MAX_VARINT_BYTES)
  for (let i = offset; i < limit; i++) {
    if (bytes[i] < 0x80) return i + 1
  }
  return -1
}

/** The varint at `offset` and the index after it, or undefined when it does not end before `end` */
export function readVarint (bytes: Uint8Array, offset: number, end: number = bytes.byteLength): { value: number, next: number } | undefined {
  const next = varintEnd(bytes, offset, end)
  if (next < 0) return undefined
  return { value: decodeUint8Array(bytes, offset), next }
}

/** The varint at `offset`, trusting it to be complete (check with `varintEnd` first) */
export function decodeVarint (bytes: Uint8Array, offset: number): number {
  return decodeUint8Array(bytes, offset)
}
