import xxhash from 'xxhash-wasm'

/**
 * xxHash64 of a pack body, kept in its index record and checked on every read before the bytes
 * leave the store: a stale record, a torn or reused pack, or bit rot then reads as an error, never
 * as wrong bytes. Measured here on 256 KiB: xxHash64 (WebAssembly) ~48 µs, zlib's crc32 116-228 µs,
 * sha2-256 ~480 µs, against ~50 µs for the cached pread itself.
 */
const { h64Raw } = await xxhash()

export function checksum (bytes: Uint8Array): bigint {
  return h64Raw(bytes)
}
