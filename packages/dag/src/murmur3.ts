/**
 * murmur3 x64 128, first 64 bits (h1) as big-endian bytes: the hash Kubo's HAMT keys names by
 * (`murmur3-x64-64`). BigInt arithmetic: short and obviously correct, and much quicker than the
 * vendored 64-bit emulation of `@multiformats/murmur3` before it has been JIT-compiled, which is
 * what a one-off directory import sees. The specs check it against that library.
 */
const MASK = 0xffffffffffffffffn
const C1 = 0x87c37b91114253d5n
const C2 = 0x4cf5ad432745937fn

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK
const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK

function fmix (k: bigint): bigint {
  k ^= k >> 33n
  k = mul(k, 0xff51afd7ed558ccdn)
  k ^= k >> 33n
  k = mul(k, 0xc4ceb9fe1a85ec53n)
  k ^= k >> 33n
  return k
}

function word (bytes: Uint8Array, at: number, count: number): bigint {
  let v = 0n
  for (let i = count - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i])
  return v
}

export function murmur3x64 (bytes: Uint8Array): Uint8Array {
  const len = bytes.byteLength
  const blocks = len >> 4
  let h1 = 0n
  let h2 = 0n
  for (let i = 0; i < blocks; i++) {
    let k1 = word(bytes, i * 16, 8)
    let k2 = word(bytes, i * 16 + 8, 8)
    k1 = mul(rotl(mul(k1, C1), 31n), C2)
    h1 ^= k1
    h1 = (mul(rotl(h1, 27n) + h2, 5n) + 0x52dce729n) & MASK
    k2 = mul(rotl(mul(k2, C2), 33n), C1)
    h2 ^= k2
    h2 = (mul(rotl(h2, 31n) + h1, 5n) + 0x38495ab5n) & MASK
  }
  const tail = blocks * 16
  const rest = len & 15
  if (rest > 8) {
    const k2 = mul(rotl(mul(word(bytes, tail + 8, rest - 8), C2), 33n), C1)
    h2 ^= k2
  }
  if (rest > 0) {
    const k1 = mul(rotl(mul(word(bytes, tail, Math.min(rest, 8)), C1), 31n), C2)
    h1 ^= k1
  }
  h1 ^= BigInt(len)
  h2 ^= BigInt(len)
  h1 = (h1 + h2) & MASK
  h2 = (h2 + h1) & MASK
  h1 = fmix(h1)
  h2 = fmix(h2)
  h1 = (h1 + h2) & MASK
  const out = new Uint8Array(8)
  for (let i = 7; i >= 0; i--) { out[i] = Number(h1 & 0xffn); h1 >>= 8n }
  return out
}
