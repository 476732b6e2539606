import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UNIXFS_FILE,
  UNIXFS_RAW,
  UnixFS,
  decodePb,
  encodeFileParentData,
  encodeLeaf,
  encodeNode,
  linkLength,
  utf8
} from "./chunk-OKS6SJPH.js";
import {
  MAX_VARINT_BYTES,
  RAW_CODE,
  blockLinks,
  code,
  code2,
  code3,
  decode as decode2,
  decode2 as decode3,
  decode3 as decode4,
  decodeVarint,
  encode,
  encode2,
  encodeVarint,
  readVarint,
  varintEnd,
  varintLength,
  verifyBlock
} from "./chunk-WR3JJZEG.js";
import {
  CODEC_DAG_CBOR,
  CODEC_DAG_JSON,
  CODEC_DAG_PB,
  CODEC_JSON,
  CODEC_RAW,
  DEFAULT_CAR_IMPORT_MEMORY_BYTES,
  DEFAULT_CHUNK_SIZE_BYTES,
  DEFAULT_HAMT_THRESHOLD_BYTES,
  DEFAULT_INLINE_LIMIT_BYTES,
  DEFAULT_LS_CONCURRENCY,
  DEFAULT_MAX_LINKS,
  DEFAULT_PREFETCH_BLOCKS,
  DEFAULT_WRITES_IN_FLIGHT,
  DEFAULT_WRITE_BATCH_BYTES,
  FileContent,
  HAMT_FANOUT,
  HAMT_HASH_CODE,
  HASH_IDENTITY,
  HASH_SHA2_256,
  MAX_BLOCK_SIZE_BYTES,
  MAX_CHUNK_SIZE_BYTES,
  MAX_DAG_DEPTH,
  MAX_INLINE_LIMIT_BYTES,
  PROFILE_V1_2025_CHUNK_SIZE_BYTES,
  PROFILE_V1_2025_MAX_LINKS,
  TRICKLE_LAYER_REPEAT,
  throwIfAborted
} from "./chunk-ZBMILZQH.js";
import {
  CairnError,
  InvalidCarError,
  InvalidCidError,
  InvalidParametersError,
  InvalidPathError,
  MalformedBlockError,
  NotADirectoryError,
  NotAFileError,
  NotALinkError,
  NotFoundError,
  UnsupportedCodecError
} from "./chunk-UVAGLUXE.js";
import {
  CID,
  Digest,
  base32,
  base36,
  base58btc,
  create,
  decode,
  from
} from "./chunk-S6UWZNPS.js";
import {
  __commonJS,
  __toESM
} from "./chunk-OBWUN26Y.js";

// ../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/encode.js
var require_encode = __commonJS({
  "../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/encode.js"(exports, module) {
    module.exports = encode3;
    var MSB = 128;
    var REST = 127;
    var MSBALL = ~REST;
    var INT = Math.pow(2, 31);
    function encode3(num, out, offset) {
      if (Number.MAX_SAFE_INTEGER && num > Number.MAX_SAFE_INTEGER) {
        encode3.bytes = 0;
        throw new RangeError("Could not encode varint");
      }
      out = out || [];
      offset = offset || 0;
      var oldOffset = offset;
      while (num >= INT) {
        out[offset++] = num & 255 | MSB;
        num /= 128;
      }
      while (num & MSBALL) {
        out[offset++] = num & 255 | MSB;
        num >>>= 7;
      }
      out[offset] = num | 0;
      encode3.bytes = offset - oldOffset + 1;
      return out;
    }
  }
});

// ../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/decode.js
var require_decode = __commonJS({
  "../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/decode.js"(exports, module) {
    module.exports = read;
    var MSB = 128;
    var REST = 127;
    function read(buf, offset) {
      var res = 0, offset = offset || 0, shift = 0, counter = offset, b, l = buf.length;
      do {
        if (counter >= l || shift > 49) {
          read.bytes = 0;
          throw new RangeError("Could not decode varint");
        }
        b = buf[counter++];
        res += shift < 28 ? (b & REST) << shift : (b & REST) * Math.pow(2, shift);
        shift += 7;
      } while (b >= MSB);
      read.bytes = counter - offset;
      return res;
    }
  }
});

// ../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/length.js
var require_length = __commonJS({
  "../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/length.js"(exports, module) {
    var N1 = Math.pow(2, 7);
    var N2 = Math.pow(2, 14);
    var N3 = Math.pow(2, 21);
    var N4 = Math.pow(2, 28);
    var N5 = Math.pow(2, 35);
    var N6 = Math.pow(2, 42);
    var N7 = Math.pow(2, 49);
    var N8 = Math.pow(2, 56);
    var N9 = Math.pow(2, 63);
    module.exports = function(value) {
      return value < N1 ? 1 : value < N2 ? 2 : value < N3 ? 3 : value < N4 ? 4 : value < N5 ? 5 : value < N6 ? 6 : value < N7 ? 7 : value < N8 ? 8 : value < N9 ? 9 : 10;
    };
  }
});

// ../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/index.js
var require_varint = __commonJS({
  "../../node_modules/.pnpm/varint@6.0.0/node_modules/varint/index.js"(exports, module) {
    module.exports = {
      encode: require_encode(),
      decode: require_decode(),
      encodingLength: require_length()
    };
  }
});

// ../dag/dist/src/hash.js
import { hash } from "node:crypto";
function sha256(bytes) {
  return hash("sha256", bytes, "buffer");
}
function cidFor(codec, bytes, format) {
  if (format.inlineLimit >= 0 && bytes.byteLength <= format.inlineLimit) {
    return CID.createV1(codec, create(HASH_IDENTITY, bytes));
  }
  const mh = new Uint8Array(34);
  mh[0] = HASH_SHA2_256;
  mh[1] = 32;
  mh.set(sha256(bytes), 2);
  const digest = new Digest(HASH_SHA2_256, 32, mh.subarray(2), mh);
  if (format.cidVersion === 0 && codec === CODEC_DAG_PB)
    return CID.createV0(digest);
  return CID.createV1(codec, digest);
}
function isIdentity(cid) {
  return cid.multihash.code === HASH_IDENTITY;
}

// ../dag/dist/src/block-writer.js
function createBlockWriter(putter, init = {}) {
  if (putter == null)
    return { put: async () => {
    }, flush: async () => {
    }, position: () => 0, durable: () => Infinity };
  const batchBytes = init.batchBytes ?? DEFAULT_WRITE_BATCH_BYTES;
  const maxInFlight = init.inFlight ?? DEFAULT_WRITES_IN_FLIGHT;
  const options = { signal: init.signal };
  let pending = [];
  let pendingBytes = 0;
  const inFlight = [];
  let failure;
  let position = 0;
  let durable = 0;
  const batches = [];
  const settle = () => {
    while (batches.length > 0 && batches[0].done)
      durable = batches.shift().end;
  };
  const write = (blocks) => {
    const p = putter.putBlocks != null ? putter.putBlocks(blocks, options) : Promise.all(blocks.map(async (b) => putter.putBlock(b.cid, b.bytes, options))).then(() => {
    });
    return p.catch((err) => {
      failure ??= err;
      throw err;
    });
  };
  const dispatch = async () => {
    if (pending.length === 0)
      return;
    const blocks = pending;
    pending = [];
    pendingBytes = 0;
    const batch = { end: position, done: false };
    batches.push(batch);
    const p = write(blocks).then(() => {
      batch.done = true;
      settle();
    });
    p.catch(() => {
    });
    inFlight.push(p);
    while (inFlight.length > maxInFlight)
      await inFlight.shift();
  };
  return {
    async put(cid, bytes) {
      if (failure != null)
        throw failure;
      position++;
      if (isIdentity(cid))
        return;
      pending.push({ cid, bytes });
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= batchBytes)
        await dispatch();
    },
    async flush() {
      await dispatch();
      while (inFlight.length > 0)
        await inFlight.shift();
      if (failure != null)
        throw failure;
      durable = position;
    },
    position: () => position,
    durable: () => durable
  };
}

// ../dag/dist/src/chunker.js
function fixedSize(chunkSize = DEFAULT_CHUNK_SIZE_BYTES) {
  if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0) {
    throw new InvalidParametersError(`Chunk size must be a positive integer, got ${chunkSize}`);
  }
  if (chunkSize > MAX_CHUNK_SIZE_BYTES) {
    throw new InvalidParametersError(`Chunker parameters may not exceed the maximum chunk size of ${MAX_CHUNK_SIZE_BYTES}`);
  }
  return {
    spec: `size-${chunkSize}`,
    maxChunkSize: chunkSize,
    fixedChunkSize: chunkSize,
    async *chunk(source) {
      let parts = [];
      let fill = 0;
      const take = () => {
        const out = parts.length === 1 ? parts[0] : Buffer.concat(parts, fill);
        parts = [];
        fill = 0;
        return out;
      };
      for await (const data of source) {
        if (!(data instanceof Uint8Array))
          throw new InvalidParametersError("File content must yield Uint8Arrays");
        let off = 0;
        const len = data.byteLength;
        while (off < len) {
          if (fill === 0 && len - off >= chunkSize) {
            yield data.subarray(off, off + chunkSize);
            off += chunkSize;
            continue;
          }
          const n = Math.min(chunkSize - fill, len - off);
          parts.push(data.subarray(off, off + n));
          fill += n;
          off += n;
          if (fill === chunkSize)
            yield take();
        }
      }
      if (fill > 0)
        yield take();
    }
  };
}
function parseChunker(spec = `size-${DEFAULT_CHUNK_SIZE_BYTES}`) {
  if (spec === "" || spec === "default")
    return fixedSize(DEFAULT_CHUNK_SIZE_BYTES);
  if (spec.startsWith("size-")) {
    const text = spec.slice("size-".length);
    if (!/^\d+$/.test(text))
      throw new InvalidParametersError(`Bad chunker size in "${spec}"`);
    return fixedSize(Number(text));
  }
  if (spec === "rabin" || spec.startsWith("rabin-") || spec === "buzhash") {
    throw new InvalidParametersError(`Chunker "${spec}" is not supported: only size-N chunking is guaranteed to give Kubo's CIDs here`);
  }
  throw new InvalidParametersError(`Unrecognized chunker option: "${spec}"`);
}

// ../../node_modules/.pnpm/@multiformats+murmur3@2.2.8/node_modules/@multiformats/murmur3/src/vendor/murmur.js
function add64(a, b) {
  const lo = a.lo + b.lo >>> 0;
  const hi = a.hi + b.hi + (lo < a.lo ? 1 : 0) >>> 0;
  return { lo, hi };
}
function add32(a, b) {
  return a + b >>> 0;
}
function mul64(a, b) {
  const al = a.lo & 65535;
  const ah = a.lo >>> 16;
  const bl = b.lo & 65535;
  const bh = b.lo >>> 16;
  const p0 = al * bl;
  const p1 = al * bh;
  const p2 = ah * bl;
  const p3 = ah * bh;
  const lo1 = (p0 >>> 16) + (p1 & 65535) + (p2 & 65535) >>> 0;
  const lo = (lo1 << 16 | p0 & 65535) >>> 0;
  const hi0 = p3 + (p1 >>> 16) + (p2 >>> 16) + (lo1 >>> 16);
  const hi1 = Math.imul(a.lo, b.hi);
  const hi2 = Math.imul(a.hi, b.lo);
  const hi = hi0 + hi1 + hi2 >>> 0;
  return { lo, hi };
}
function mul32(a, b) {
  return Math.imul(a, b) >>> 0;
}
function rotl64(x, n) {
  if (n === 0) {
    return x;
  }
  if (n === 32) {
    return { lo: x.hi, hi: x.lo };
  }
  if (n < 32) {
    const lo2 = (x.lo << n | x.hi >>> 32 - n) >>> 0;
    const hi2 = (x.hi << n | x.lo >>> 32 - n) >>> 0;
    return { lo: lo2, hi: hi2 };
  }
  n -= 32;
  const lo = (x.hi << n | x.lo >>> 32 - n) >>> 0;
  const hi = (x.lo << n | x.hi >>> 32 - n) >>> 0;
  return { lo, hi };
}
function xor64(a, b) {
  return { lo: (a.lo ^ b.lo) >>> 0, hi: (a.hi ^ b.hi) >>> 0 };
}
function shr64(x, n) {
  if (n === 0) {
    return x;
  }
  if (n < 32) {
    const lo = (x.lo >>> n | x.hi << 32 - n) >>> 0;
    const hi = x.hi >>> n;
    return { lo, hi };
  }
  return { lo: x.hi >>> n - 32, hi: 0 };
}
function u64(lo, hi) {
  return { lo: lo >>> 0, hi: hi >>> 0 };
}
function rotl32(x, r) {
  return (x << r | x >>> 32 - r) >>> 0;
}
function getBlock64(key2, i) {
  const offset = i * 8;
  const lo = key2[offset] | key2[offset + 1] << 8 | key2[offset + 2] << 16 | key2[offset + 3] << 24;
  const hi = key2[offset + 4] | key2[offset + 5] << 8 | key2[offset + 6] << 16 | key2[offset + 7] << 24;
  return { lo: lo >>> 0, hi: hi >>> 0 };
}
function getBlock32(key2, i) {
  const offset = i * 4;
  return (key2[offset] | key2[offset + 1] << 8 | key2[offset + 2] << 16 | key2[offset + 3] << 24) >>> 0;
}
function fmix64(k) {
  k = xor64(k, shr64(k, 33));
  k = mul64(k, u64(3981806797, 4283543511));
  k = xor64(k, shr64(k, 33));
  k = mul64(k, u64(444984403, 3301882366));
  k = xor64(k, shr64(k, 33));
  return k;
}
function fmix32(k) {
  k ^= k >>> 16;
  k = mul32(k, 2246822507);
  k ^= k >>> 13;
  k = mul32(k, 3266489909);
  k ^= k >>> 16;
  return k;
}
function murmurHash3_x64_128(key2, seed = 0) {
  let h1 = u64(seed, 0);
  let h2 = u64(seed, 0);
  const length = key2.length;
  const blocks = Math.floor(length / 16);
  const c1 = u64(289559509, 2277735313);
  const c2 = u64(658871167, 1291169091);
  for (let i = 0; i < blocks; i++) {
    let k12 = getBlock64(key2, i * 2);
    let k22 = getBlock64(key2, i * 2 + 1);
    k12 = mul64(k12, c1);
    k12 = rotl64(k12, 31);
    k12 = mul64(k12, c2);
    h1 = xor64(h1, k12);
    h1 = rotl64(h1, 27);
    h1 = add64(h1, h2);
    h1 = add64(mul64(h1, u64(5, 0)), u64(1390208809, 0));
    k22 = mul64(k22, c2);
    k22 = rotl64(k22, 33);
    k22 = mul64(k22, c1);
    h2 = xor64(h2, k22);
    h2 = rotl64(h2, 31);
    h2 = add64(h2, h1);
    h2 = add64(mul64(h2, u64(5, 0)), u64(944331445, 0));
  }
  let k1 = u64(0, 0);
  let k2 = u64(0, 0);
  const tail = key2.slice(blocks * 16);
  switch (tail.length) {
    case 15:
      k2 = xor64(k2, u64(0, tail[14] << 16));
    // fallthrough
    case 14:
      k2 = xor64(k2, u64(0, tail[13] << 8));
    // fallthrough
    case 13:
      k2 = xor64(k2, u64(0, tail[12]));
    // fallthrough
    case 12:
      k2 = xor64(k2, u64(tail[11] << 24, 0));
    // fallthrough
    case 11:
      k2 = xor64(k2, u64(tail[10] << 16, 0));
    // fallthrough
    case 10:
      k2 = xor64(k2, u64(tail[9] << 8, 0));
    // fallthrough
    case 9:
      k2 = xor64(k2, u64(tail[8], 0));
      k2 = mul64(k2, c2);
      k2 = rotl64(k2, 33);
      k2 = mul64(k2, c1);
      h2 = xor64(h2, k2);
    // fallthrough
    case 8:
      k1 = xor64(k1, u64(0, tail[7] << 24));
    // fallthrough
    case 7:
      k1 = xor64(k1, u64(0, tail[6] << 16));
    // fallthrough
    case 6:
      k1 = xor64(k1, u64(0, tail[5] << 8));
    // fallthrough
    case 5:
      k1 = xor64(k1, u64(0, tail[4]));
    // fallthrough
    case 4:
      k1 = xor64(k1, u64(tail[3] << 24, 0));
    // fallthrough
    case 3:
      k1 = xor64(k1, u64(tail[2] << 16, 0));
    // fallthrough
    case 2:
      k1 = xor64(k1, u64(tail[1] << 8, 0));
    // fallthrough
    case 1:
      k1 = xor64(k1, u64(tail[0], 0));
      k1 = mul64(k1, c1);
      k1 = rotl64(k1, 31);
      k1 = mul64(k1, c2);
      h1 = xor64(h1, k1);
  }
  const len64 = u64(length, 0);
  h1 = xor64(h1, len64);
  h2 = xor64(h2, len64);
  h1 = add64(h1, h2);
  h2 = add64(h2, h1);
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 = add64(h1, h2);
  h2 = add64(h2, h1);
  return new Uint8Array([
    h1.hi >>> 24 & 255,
    h1.hi >>> 16 & 255,
    h1.hi >>> 8 & 255,
    h1.hi & 255,
    h1.lo >>> 24 & 255,
    h1.lo >>> 16 & 255,
    h1.lo >>> 8 & 255,
    h1.lo & 255,
    h2.hi >>> 24 & 255,
    h2.hi >>> 16 & 255,
    h2.hi >>> 8 & 255,
    h2.hi & 255,
    h2.lo >>> 24 & 255,
    h2.lo >>> 16 & 255,
    h2.lo >>> 8 & 255,
    h2.lo & 255
  ]);
}
function murmurHash3_x86_32(key2, seed = 0) {
  let h1 = seed >>> 0;
  const length = key2.length;
  const blocks = Math.floor(length / 4);
  const c1 = 3432918353;
  const c2 = 461845907;
  for (let i = 0; i < blocks; i++) {
    let k12 = getBlock32(key2, i);
    k12 = mul32(k12, c1);
    k12 = rotl32(k12, 15);
    k12 = mul32(k12, c2);
    h1 ^= k12;
    h1 = rotl32(h1, 13);
    h1 = add32(mul32(h1, 5), 3864292196);
  }
  const tail = key2.slice(blocks * 4);
  let k1 = 0;
  switch (tail.length) {
    case 3:
      k1 ^= tail[2] << 16;
    // fallthrough
    case 2:
      k1 ^= tail[1] << 8;
    // fallthrough
    case 1:
      k1 ^= tail[0];
      k1 = mul32(k1, c1);
      k1 = rotl32(k1, 15);
      k1 = mul32(k1, c2);
      h1 ^= k1;
  }
  h1 ^= length;
  h1 = fmix32(h1);
  return h1;
}

// ../../node_modules/.pnpm/@multiformats+murmur3@2.2.8/node_modules/@multiformats/murmur3/src/index.js
function fromNumberTo32BitBuf(number) {
  const bytes = new Array(4);
  for (let i = 0; i < 4; i++) {
    bytes[i] = number & 255;
    number = number >> 8;
  }
  return new Uint8Array(bytes);
}
var murmur332 = from({
  name: "murmur3-32",
  code: 35,
  encode: (input) => fromNumberTo32BitBuf(murmurHash3_x86_32(input))
});
var murmur3128 = from({
  name: "murmur3-128",
  code: 34,
  encode: (input) => murmurHash3_x64_128(input)
});
var murmur364 = from({
  name: "murmur3-x64-64",
  code: 34,
  encode: (input) => murmurHash3_x64_128(input).subarray(0, 8)
});

// ../dag/dist/src/hamt.js
var BITS_PER_LEVEL = Math.log2(HAMT_FANOUT);
var MAX_LEVELS = 64 / BITS_PER_LEVEL;
function hamtHash(name) {
  const bytes = typeof name === "string" ? utf8(name) : name;
  return murmur364.encode(bytes);
}
function hamtSlot(hash2, level, fanout = HAMT_FANOUT) {
  if (fanout === 256) {
    if (level >= 8)
      throw new MalformedBlockError("HAMT deeper than its 64-bit hash");
    return hash2[level];
  }
  const bits = Math.log2(fanout);
  if (!Number.isInteger(bits) || bits < 1 || bits > 8)
    throw new MalformedBlockError(`Unsupported HAMT fanout ${fanout}`);
  const start = level * bits;
  if (start + bits > 64)
    throw new MalformedBlockError("HAMT deeper than its 64-bit hash");
  let value = 0;
  for (let i = 0; i < bits; i++) {
    const bit = start + i;
    value = value << 1 | hash2[bit >> 3] >> 7 - (bit & 7) & 1;
  }
  return value;
}
function slotLabel(slot, fanout = HAMT_FANOUT) {
  return slot.toString(16).toUpperCase().padStart((fanout - 1).toString(16).length, "0");
}
function layoutShard(entries, meta = {}) {
  const keyed = entries.map((entry) => ({ entry, hash: hamtHash(entry.nameBytes ?? entry.name) }));
  return layoutLevel(keyed, 0, meta);
}
function layoutLevel(entries, level, meta) {
  if (level >= Math.min(MAX_LEVELS, MAX_DAG_DEPTH))
    throw new MalformedBlockError("HAMT hash exhausted: names collide on all 64 bits");
  const slots = new Array(HAMT_FANOUT);
  for (const k of entries) {
    const s = hamtSlot(k.hash, level);
    const list = slots[s];
    if (list == null)
      slots[s] = [k];
    else
      list.push(k);
  }
  const bitfield = new Uint8Array(HAMT_FANOUT / 8);
  const links = [];
  for (let slot = 0; slot < HAMT_FANOUT; slot++) {
    const list = slots[slot];
    if (list == null)
      continue;
    bitfield[bitfield.length - 1 - (slot >> 3)] |= 1 << (slot & 7);
    const label = slotLabel(slot);
    if (list.length === 1) {
      const e = list[0].entry;
      let nameBytes;
      if (e.nameBytes != null) {
        nameBytes = new Uint8Array(label.length + e.nameBytes.byteLength);
        for (let i = 0; i < label.length; i++)
          nameBytes[i] = label.charCodeAt(i);
        nameBytes.set(e.nameBytes, label.length);
      }
      links.push({ name: label + e.name, nameBytes, cid: e.cid, tsize: e.tsize });
    } else {
      links.push({ name: label, shard: layoutLevel(list, level + 1, {}) });
    }
  }
  const data = new UnixFS({
    type: "hamt-sharded-directory",
    data: trimBitfield(bitfield),
    fanout: BigInt(HAMT_FANOUT),
    hashType: BigInt(HAMT_HASH_CODE),
    mode: meta.mode,
    mtime: meta.mtime
  }).marshal();
  return { data, links };
}
function trimBitfield(bytes) {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0)
    i++;
  return bytes.subarray(i);
}

// ../dag/dist/src/dir-builder.js
function newDir(path) {
  return { kind: "dir", path, children: /* @__PURE__ */ new Map() };
}
function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++)
    if (a[i] !== b[i])
      return a[i] - b[i];
  return a.length - b.length;
}
function sortedNames(names) {
  return sortedEntries(names).map((x) => x.n);
}
function sortedEntries(names) {
  return [...names].map((n) => ({ n, b: utf8(n) })).sort((x, y) => compareBytes(x.b, y.b));
}
async function flushDir(dir, writer, settings, out) {
  const links = [];
  for (const { n: name, b: nameBytes } of sortedEntries(dir.children.keys())) {
    let child = dir.children.get(name);
    if (child.kind === "dir")
      child = await flushDir(child, writer, settings, out);
    links.push({ name, nameBytes, cid: child.cid, tsize: child.tsize });
  }
  const data = new UnixFS({ type: "directory", mode: dir.mode, mtime: dir.mtime }).marshal();
  let result;
  if (estimateSize(data, links, settings.shardSplitStrategy) > settings.shardThresholdBytes) {
    result = await writeShard(layoutShard(links, { mode: dir.mode, mtime: dir.mtime }), writer, settings.format);
  } else {
    const flat = encodeNode(data, links);
    const cid = cidFor(CODEC_DAG_PB, flat, settings.format);
    await writer.put(cid, flat);
    result = { kind: "leaf", cid, tsize: flat.byteLength + links.reduce((a, l) => a + l.tsize, 0) };
  }
  out.push({ cid: result.cid, tsize: result.tsize, path: dir.path });
  return result;
}
function estimateSize(data, links, strategy) {
  let size = 0;
  if (strategy === "block-bytes") {
    size = 1 + varintLength(data.byteLength) + data.byteLength;
    for (const l of links)
      size += linkLength(l.nameBytes.byteLength, l.cid.bytes.byteLength, l.tsize);
    return size;
  }
  for (const l of links)
    size += l.nameBytes.byteLength + l.cid.bytes.byteLength;
  return size;
}
async function writeShard(shard, writer, format) {
  const links = [];
  for (const l of shard.links) {
    if (l.shard != null) {
      const sub = await writeShard(l.shard, writer, format);
      links.push({ name: l.name, cid: sub.cid, tsize: sub.tsize });
    } else {
      links.push({ name: l.name, nameBytes: l.nameBytes, cid: l.cid, tsize: l.tsize });
    }
  }
  const block = encodeNode(shard.data, links);
  const cid = cidFor(CODEC_DAG_PB, block, format);
  await writer.put(cid, block);
  return { kind: "leaf", cid, tsize: block.byteLength + links.reduce((a, l) => a + l.tsize, 0) };
}

// ../dag/dist/src/file-builder.js
async function buildFile(content, writer, settings, meta) {
  const { format, rawLeaves, signal, onProgress } = settings;
  const leafType = settings.trickle ? UNIXFS_RAW : UNIXFS_FILE;
  let hashed = 0;
  const hasMeta = meta.mode != null || meta.mtime != null;
  const makeLeaf = async (leaf) => {
    throwIfAborted(signal);
    const chunk = leaf.data;
    let link;
    if (rawLeaves) {
      const cid = cidFor(CODEC_RAW, chunk, format);
      await writer.put(cid, chunk);
      link = { cid, tsize: chunk.byteLength, fileSize: chunk.byteLength };
    } else {
      const block = leaf.block ?? encodeLeaf(chunk, leafType);
      const cid = cidFor(CODEC_DAG_PB, block, format);
      await writer.put(cid, block);
      link = { cid, tsize: block.byteLength, fileSize: chunk.byteLength };
    }
    hashed += chunk.byteLength;
    onProgress?.(hashed, meta.path);
    return link;
  };
  const makeParent = async (children, isRoot) => {
    const sizes = children.map((c) => c.fileSize);
    const data = isRoot && hasMeta ? new UnixFS({ type: "file", blockSizes: sizes.map(BigInt), mode: meta.mode, mtime: meta.mtime }).marshal() : encodeFileParentData(sizes);
    const block = encodeNode(data, children.map((c) => ({ cid: c.cid, name: "", tsize: c.tsize })));
    const cid = cidFor(CODEC_DAG_PB, block, format);
    await writer.put(cid, block);
    let tsize = block.byteLength;
    let fileSize = 0;
    for (const c of children) {
      tsize += c.tsize;
      fileSize += c.fileSize;
    }
    return { cid, tsize, fileSize };
  };
  const chunks = leaves(content, settings, rawLeaves ? void 0 : leafType);
  if (settings.trickle)
    return await buildTrickle(chunks, makeLeaf, makeParent, settings.maxLinks);
  const levels = [[]];
  const push = async (level, link) => {
    levels[level] ??= [];
    if (levels[level].length === settings.maxLinks) {
      const children = levels[level];
      levels[level] = [];
      await push(level + 1, await makeParent(children, false));
    }
    levels[level].push(link);
  };
  let leafCount = 0;
  let firstChunk;
  for await (const chunk of chunks) {
    leafCount++;
    if (leafCount === 1) {
      firstChunk = chunk;
      continue;
    }
    if (leafCount === 2 && firstChunk != null) {
      await push(0, await makeLeaf(firstChunk));
      firstChunk = void 0;
    }
    await push(0, await makeLeaf(chunk));
  }
  if (leafCount <= 1) {
    if (!hasMeta)
      return await makeLeaf(firstChunk ?? { data: new Uint8Array(0) });
    const chunk = firstChunk?.data ?? new Uint8Array(0);
    const block = encodeNodeWithMeta(chunk, meta);
    const cid = cidFor(CODEC_DAG_PB, block, format);
    await writer.put(cid, block);
    onProgress?.(chunk.byteLength, meta.path);
    return { cid, tsize: block.byteLength, fileSize: chunk.byteLength };
  }
  for (let i = 0; ; i++) {
    if (i === levels.length - 1)
      return await makeParent(levels[i], true);
    const children = levels[i];
    levels[i] = [];
    await push(i + 1, await makeParent(children, false));
  }
}
function encodeNodeWithMeta(chunk, meta) {
  const data = new UnixFS({ type: "file", data: chunk.byteLength > 0 ? chunk : void 0, mode: meta.mode, mtime: meta.mtime }).marshal();
  return encodeNode(data, []);
}
function leaves(content, settings, leafType) {
  const size = settings.chunker.fixedChunkSize;
  if (size != null && content instanceof Uint8Array) {
    const out = [];
    for (let off = 0; off < content.byteLength; off += size)
      out.push({ data: content.subarray(off, off + size) });
    return out;
  }
  if (content instanceof FileContent && size != null)
    return content.leaves(size, leafType);
  return chunked(settings.chunker, content instanceof Uint8Array ? [content] : content);
}
async function* chunked(chunker, content) {
  for await (const data of chunker.chunk(content))
    yield { data };
}
async function buildTrickle(source, makeLeaf, makeParent, maxLinks) {
  const chunks = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let next = await chunks.next();
  const done = () => next.done === true;
  const take = async () => {
    const link = await makeLeaf(next.value);
    next = await chunks.next();
    return link;
  };
  const fill = async (maxDepth, isRoot) => {
    const children = [];
    while (children.length < maxLinks && !done())
      children.push(await take());
    for (let depth = 1; maxDepth === -1 || depth < maxDepth; depth++) {
      if (done())
        break;
      for (let r = 0; r < TRICKLE_LAYER_REPEAT && !done(); r++)
        children.push(await fill(depth, false));
    }
    return await makeParent(children, isRoot);
  };
  return await fill(-1, true);
}

// ../dag/dist/src/importer.js
function resolveImportSettings(options = {}) {
  const v1Profile = options.profile === "unixfs-v1-2025";
  if (options.profile != null && options.profile !== "unixfs-v0-2015" && !v1Profile) {
    throw new InvalidParametersError(`Unknown import profile "${String(options.profile)}"`);
  }
  const cidVersion = options.cidVersion ?? (v1Profile ? 1 : 0);
  if (cidVersion !== 0 && cidVersion !== 1)
    throw new InvalidParametersError(`Unknown CID version ${String(cidVersion)}`);
  const rawLeaves = options.rawLeaves ?? cidVersion === 1;
  const chunker = options.chunker != null ? parseChunker(options.chunker) : fixedSize(v1Profile ? PROFILE_V1_2025_CHUNK_SIZE_BYTES : void 0);
  const maxLinks = options.maxLinks ?? (v1Profile ? PROFILE_V1_2025_MAX_LINKS : DEFAULT_MAX_LINKS);
  if (!Number.isSafeInteger(maxLinks) || maxLinks < 2)
    throw new InvalidParametersError(`maxLinks must be an integer of at least 2, got ${maxLinks}`);
  let inlineLimit = -1;
  if (options.inline === true) {
    inlineLimit = options.inlineLimit ?? DEFAULT_INLINE_LIMIT_BYTES;
    if (!Number.isSafeInteger(inlineLimit) || inlineLimit < 0 || inlineLimit > MAX_INLINE_LIMIT_BYTES) {
      throw new InvalidParametersError(`inlineLimit must be between 0 and ${MAX_INLINE_LIMIT_BYTES}, got ${inlineLimit}`);
    }
  }
  return {
    format: { cidVersion, inlineLimit },
    rawLeaves,
    chunker,
    trickle: options.trickle ?? false,
    maxLinks,
    wrapWithDirectory: options.wrapWithDirectory ?? false,
    onlyHash: options.onlyHash ?? false,
    shardSplitStrategy: v1Profile ? "block-bytes" : "links-bytes",
    shardThresholdBytes: DEFAULT_HAMT_THRESHOLD_BYTES
  };
}
function pathSegments(path) {
  const segments = path.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes(".."))
    throw new InvalidPathError(`Import path "${path}" may not contain ".."`);
  return segments;
}
function toContent(content) {
  if (content instanceof Uint8Array)
    return content;
  if (content == null)
    return [];
  if (typeof content === "object" && (Symbol.asyncIterator in content || Symbol.iterator in content))
    return content;
  throw new InvalidParametersError("File content must be a Uint8Array or an (async) iterable of Uint8Arrays");
}
async function* importer(source, putter, options = {}) {
  const settings = resolveImportSettings(options);
  const signal = options.signal;
  const writer = createBlockWriter(settings.onlyHash ? void 0 : putter, { signal });
  const root = newDir("");
  let bare = 0;
  let entries = 0;
  const ready = [];
  const fileSettings = { ...settings, signal, onProgress: options.onProgress };
  for await (const candidate of source) {
    throwIfAborted(signal);
    if (candidate == null || typeof candidate !== "object" || typeof candidate.path !== "string") {
      throw new InvalidParametersError("Each import candidate needs a string path");
    }
    entries++;
    const segments = pathSegments(candidate.path);
    const path = segments.join("/");
    const isFile = candidate.content != null;
    const isSymlink = candidate.symlinkTarget != null;
    if (segments.length === 0) {
      if (!isFile)
        throw new InvalidParametersError("A directory or symlink candidate needs a name");
      bare++;
    }
    if (isFile || isSymlink) {
      const link = isSymlink ? await writeSymlink(candidate, writer, settings.format) : await buildFile(toContent(candidate.content), writer, fileSettings, { path, mode: candidate.mode, mtime: candidate.mtime });
      if (segments.length > 0) {
        const parent = ensureDir(root, segments.slice(0, -1));
        parent.children.set(segments[segments.length - 1], { kind: "leaf", cid: link.cid, tsize: link.tsize });
      } else if (settings.wrapWithDirectory) {
        root.children.set(link.cid.toString(), { kind: "leaf", cid: link.cid, tsize: link.tsize });
      }
      ready.push({ result: { cid: link.cid, path: segments.length === 0 ? link.cid.toString() : path, size: link.tsize }, position: writer.position() });
      while (ready.length > 0 && ready[0].position <= writer.durable())
        yield ready.shift().result;
    } else {
      const dir = ensureDir(root, segments);
      if (candidate.mode != null)
        dir.mode = candidate.mode;
      if (candidate.mtime != null)
        dir.mtime = candidate.mtime;
    }
  }
  if (bare > 0 && entries > bare)
    throw new InvalidParametersError("A bare (unnamed) file cannot be imported together with named entries");
  await writer.flush();
  for (const r of ready)
    yield r.result;
  const dirs = [];
  if (settings.wrapWithDirectory) {
    await flushDir(root, writer, settings, dirs);
  } else {
    for (const name of sortedNames(root.children.keys())) {
      const child = root.children.get(name);
      if (child.kind === "dir")
        await flushDir(child, writer, settings, dirs);
    }
  }
  await writer.flush();
  for (const d of dirs)
    yield { cid: d.cid, path: d.path, size: d.tsize };
}
function ensureDir(root, segments) {
  let dir = root;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i];
    let child = dir.children.get(name);
    if (child == null || child.kind !== "dir") {
      child = newDir(segments.slice(0, i + 1).join("/"));
      dir.children.set(name, child);
    }
    dir = child;
  }
  return dir;
}
async function writeSymlink(candidate, writer, format) {
  const data = new UnixFS({ type: "symlink", data: new TextEncoder().encode(candidate.symlinkTarget), mode: candidate.mode, mtime: candidate.mtime }).marshal();
  const block = encodeNode(data, []);
  const cid = cidFor(CODEC_DAG_PB, block, format);
  await writer.put(cid, block);
  return { cid, tsize: block.byteLength };
}

// ../dag/dist/src/node.js
async function loadBlock(cid, getter, options) {
  if (cid.multihash.code === HASH_IDENTITY)
    return cid.multihash.digest;
  throwIfAborted(options?.signal);
  return await getter.getBlock(cid, options);
}
function interpret(cid, bytes) {
  switch (cid.code) {
    case CODEC_RAW:
      return { cid, bytes, type: "file" };
    case CODEC_DAG_PB: {
      const { node, unixfs } = decodePb(bytes, cid);
      if (unixfs == null)
        return { cid, bytes, pb: node, type: "object" };
      return { cid, bytes, pb: node, unixfs, type: unixfsType(unixfs, cid) };
    }
    case CODEC_DAG_CBOR:
    case CODEC_DAG_JSON:
    case CODEC_JSON:
      return { cid, bytes, type: "object" };
    default:
      throw new UnsupportedCodecError(`Cannot decode ${cid.toString()}: codec 0x${cid.code.toString(16)} is not supported`);
  }
}
function unixfsType(unixfs, cid) {
  switch (unixfs.type) {
    case "file":
      return "file";
    case "raw":
      return "raw";
    case "directory":
    case "hamt-sharded-directory":
      return "directory";
    case "symlink":
      return "symlink";
    case "metadata":
      return "object";
    default:
      throw new MalformedBlockError(`Block ${cid.toString()} has unknown UnixFS type ${String(unixfs.type)}`);
  }
}
async function loadNode(cid, getter, options) {
  return interpret(cid, await loadBlock(cid, getter, options));
}
function contentSize(node) {
  if (node.unixfs == null)
    return node.bytes.byteLength;
  if (node.type === "symlink")
    return node.unixfs.data?.byteLength ?? 0;
  if (node.type === "directory")
    return 0;
  return Number(node.unixfs.fileSize());
}
function cumulativeSize(node) {
  let size = node.bytes.byteLength;
  for (const l of node.pb?.Links ?? [])
    size += l.Tsize ?? 0;
  return size;
}

// ../dag/dist/src/path.js
var decoders = base32.decoder.or(base36.decoder).or(base58btc.decoder);
function parseCid(text) {
  try {
    return text.startsWith("Qm") || text.startsWith("1") ? CID.parse(text) : CID.parse(text, decoders);
  } catch (err) {
    throw new InvalidCidError(`Invalid CID "${text}"`, { cause: err });
  }
}
function parsePath(path) {
  const asCid = CID.asCID(path);
  if (asCid != null)
    return { root: asCid, segments: [] };
  if (typeof path !== "string")
    throw new InvalidPathError("A path must be a string or a CID");
  let parts = path.split("/").filter((p) => p !== "");
  if (path.startsWith("/ipfs/") || parts[0] === "ipfs")
    parts = parts.slice(1);
  else if (path.startsWith("/"))
    throw new InvalidPathError(`Unsupported path namespace in "${path}": only /ipfs/ paths are understood`);
  if (parts.length === 0)
    throw new InvalidPathError(`Path "${path}" names no CID`);
  for (const p of parts) {
    if (p === "." || p === "..")
      throw new InvalidPathError(`Path "${path}" may not contain "${p}"`);
  }
  return { root: parseCid(parts[0]), segments: parts.slice(1) };
}

// ../dag/dist/src/resolve.js
var DOCUMENT_DECODERS = {
  [code2]: decode3,
  [code3]: decode4
};
async function resolvePath(path, getter, options = {}) {
  const { root, segments } = isParsed(path) ? path : parsePath(path);
  if (segments.length > MAX_DAG_DEPTH)
    throw new NotFoundError(`Path is deeper than ${MAX_DAG_DEPTH} segments`);
  let cid = root;
  const roots = [root];
  const pathBlocks = [];
  let i = 0;
  while (i < segments.length) {
    const decode5 = DOCUMENT_DECODERS[cid.code];
    if (decode5 == null) {
      cid = await resolveUnixfsStep(cid, root, segments, i, getter, pathBlocks, options);
      roots.push(cid);
      i++;
      continue;
    }
    const document = cid;
    pathBlocks.push(document);
    let value = decodeDocument(decode5, document, await loadBlock(document, getter, options));
    let consumed = 0;
    while (i < segments.length && CID.asCID(value) == null) {
      const segment = segments[i];
      if (value == null || typeof value !== "object" || !Object.hasOwn(value, segment)) {
        throw new NotFoundError(`no field "${segment}" in ${document.toString()}`);
      }
      value = value[segment];
      i++;
      consumed++;
    }
    const link = CID.asCID(value);
    if (link == null)
      throw new NotALinkError(`reading IPLD Kinds other than Links (CBOR Tag 42) is not implemented: the path ends inside ${document.toString()}`);
    for (let k = 1; k < consumed; k++)
      roots.push(document);
    roots.push(link);
    cid = link;
  }
  return { cid, root, segments, roots, pathBlocks };
}
function isParsed(path) {
  return typeof path === "object" && CID.asCID(path) == null && Array.isArray(path.segments);
}
function decodeDocument(decode5, cid, bytes) {
  try {
    return decode5(bytes);
  } catch (err) {
    throw new MalformedBlockError(`Block ${cid.toString()} does not decode as codec 0x${cid.code.toString(16)}`, { cause: err });
  }
}
async function resolveUnixfsStep(cid, root, segments, i, getter, pathBlocks, options) {
  const node = await loadNode(cid, getter, options);
  pathBlocks.push(cid);
  const where = [root.toString(), ...segments.slice(0, i)].join("/");
  if (node.type !== "directory" || node.pb == null || node.unixfs == null) {
    throw new NotADirectoryError(`${where} is not a directory, cannot resolve "${segments[i]}"`);
  }
  const next = node.unixfs.type === "hamt-sharded-directory" ? await findInShard(node, segments[i], getter, pathBlocks, options) : node.pb.Links.find((l) => l.Name === segments[i])?.Hash;
  if (next == null)
    throw new NotFoundError(`no link named "${segments[i]}" under ${where}`);
  return next;
}
async function findInShard(shard, name, getter, visited, options) {
  const hash2 = hamtHash(name);
  let node = shard;
  for (let level = 0; ; level++) {
    const fanout = Number(node.unixfs?.fanout ?? 0n);
    if (node.pb == null || node.unixfs?.type !== "hamt-sharded-directory" || fanout < 2) {
      throw new MalformedBlockError(`Block ${node.cid.toString()} is not a HAMT shard`);
    }
    const label = slotLabel(hamtSlot(hash2, level, fanout), fanout);
    const link = node.pb.Links.find((l) => l.Name?.startsWith(label) === true);
    if (link == null)
      return void 0;
    if (link.Name === label) {
      node = await loadNode(link.Hash, getter, options);
      visited.push(link.Hash);
      continue;
    }
    return link.Name === label + name ? link.Hash : void 0;
  }
}

// ../dag/dist/src/file-node.js
function readVarint2(bytes, c, end) {
  const next = varintEnd(bytes, c.pos, end);
  if (next < 0)
    return void 0;
  const value = decodeVarint(bytes, c.pos);
  c.pos = next;
  return value;
}
function viewFileNode(bytes) {
  const c = { pos: 0 };
  const end = bytes.byteLength;
  const linkHashes = [];
  let unixfs;
  while (c.pos < end) {
    const tag = bytes[c.pos++];
    const len = readVarint2(bytes, c, end);
    if (len == null || c.pos + len > end)
      return void 0;
    const fieldEnd = c.pos + len;
    if (tag === 18 && unixfs == null) {
      if (bytes[c.pos++] !== 10)
        return void 0;
      const hashLen = readVarint2(bytes, c, fieldEnd);
      if (hashLen == null || c.pos + hashLen > fieldEnd)
        return void 0;
      linkHashes.push(bytes.subarray(c.pos, c.pos + hashLen));
      c.pos += hashLen;
      if (c.pos < fieldEnd && bytes[c.pos] === 18) {
        c.pos++;
        const nameLen = readVarint2(bytes, c, fieldEnd);
        if (nameLen == null || c.pos + nameLen > fieldEnd)
          return void 0;
        c.pos += nameLen;
      }
      if (c.pos < fieldEnd && bytes[c.pos] === 24) {
        c.pos++;
        if (readVarint2(bytes, c, fieldEnd) == null)
          return void 0;
      }
      if (c.pos !== fieldEnd)
        return void 0;
    } else if (tag === 10 && unixfs == null) {
      unixfs = bytes.subarray(c.pos, fieldEnd);
      c.pos = fieldEnd;
    } else {
      return void 0;
    }
  }
  if (unixfs == null)
    return void 0;
  const u = { pos: 0 };
  const uend = unixfs.byteLength;
  let type;
  let data;
  const blockSizes = [];
  while (u.pos < uend) {
    const tag = unixfs[u.pos++];
    if (tag === 8 || tag === 24 || tag === 32) {
      const v = readVarint2(unixfs, u, uend);
      if (v == null)
        return void 0;
      if (tag === 8)
        type = v;
      else if (tag === 32)
        blockSizes.push(v);
    } else if (tag === 18) {
      const len = readVarint2(unixfs, u, uend);
      if (len == null || u.pos + len > uend)
        return void 0;
      data = unixfs.subarray(u.pos, u.pos + len);
      u.pos += len;
    } else {
      return void 0;
    }
  }
  if (type !== 0 && type !== 2)
    return void 0;
  return { type, data, blockSizes, linkHashes };
}

// ../dag/dist/src/reader.js
var EMPTY = new Uint8Array(0);
function decodeCid(bytes, parent) {
  try {
    return CID.decode(bytes);
  } catch (err) {
    throw new MalformedBlockError(`Block ${parent.toString()} links to a malformed CID`, { cause: err });
  }
}
function checkRange(options) {
  const offset = options.offset ?? 0;
  const length = options.length ?? Infinity;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new InvalidParametersError(`offset must be a non-negative integer, got ${offset}`);
  if (length !== Infinity && (!Number.isSafeInteger(length) || length < 0))
    throw new InvalidParametersError(`length must be a non-negative integer, got ${length}`);
  return { offset, length };
}
async function* readFile(root, getter, options = {}) {
  for await (const v of visitFile(root, getter, options)) {
    if (v.data.byteLength > 0)
      yield v.data;
  }
}
async function* visitFile(root, getter, options = {}) {
  if (root.type === "directory")
    throw new NotAFileError("this dag node is a directory");
  if (root.type !== "file" && root.type !== "raw")
    throw new NotAFileError(`${root.cid.toString()} is not a file (${root.type})`);
  const { offset, length } = checkRange(options);
  const end = offset + length;
  if (length === 0)
    return;
  const window = options.prefetch ?? DEFAULT_PREFETCH_BLOCKS;
  const frames = [{ items: [{ cid: root.cid, start: 0, size: -1, fetch: Promise.resolve(root.bytes) }], i: 0 }];
  let started = 0;
  const budget = options.readAhead;
  const begin = (item) => {
    item.fetch = loadBlock(item.cid, getter, options);
    item.fetch.catch(() => {
    });
    started++;
  };
  const prefetch = () => {
    for (let f = frames.length - 1; f >= 0 && started < window; f--) {
      const fr = frames[f];
      for (let j = fr.i; j < fr.items.length && started < window; j++) {
        const next = fr.items[j];
        if (next.fetch != null)
          continue;
        if (budget != null) {
          if (!budget.tryTake())
            return;
          next.ahead = true;
        }
        begin(next);
      }
    }
  };
  try {
    yield* walk();
  } finally {
    if (budget != null) {
      for (const fr of frames) {
        for (let j = fr.i; j < fr.items.length; j++) {
          if (fr.items[j].ahead === true)
            budget.give();
        }
      }
    }
  }
  async function* walk() {
    while (frames.length > 0) {
      if (frames.length > MAX_DAG_DEPTH)
        throw new MalformedBlockError("File DAG is deeper than the supported limit");
      const top = frames[frames.length - 1];
      if (top.i >= top.items.length) {
        frames.pop();
        continue;
      }
      const item = top.items[top.i++];
      if (item.ahead === true) {
        item.ahead = false;
        budget.give();
      }
      if (item.fetch == null)
        begin(item);
      else if (item.size === -1)
        started++;
      prefetch();
      const fetch = item.fetch;
      item.fetch = void 0;
      const bytes = await fetch;
      started--;
      let data;
      const children = [];
      const view = item.size !== -1 && item.cid.code === CODEC_DAG_PB ? viewFileNode(bytes) : void 0;
      if (view != null) {
        data = view.data ?? EMPTY;
        if (view.blockSizes.length !== view.linkHashes.length)
          throw new MalformedBlockError(`File node ${item.cid.toString()} has ${view.linkHashes.length} links but ${view.blockSizes.length} block sizes`);
        let pos = item.start + data.byteLength;
        for (let i = 0; i < view.linkHashes.length; i++) {
          const size = view.blockSizes[i];
          if (pos < end && pos + size > offset)
            children.push({ cid: decodeCid(view.linkHashes[i], item.cid), start: pos, size });
          pos += size;
        }
        if (pos - item.start !== item.size) {
          throw new MalformedBlockError(`Block ${item.cid.toString()} holds ${pos - item.start} bytes but its parent says ${item.size}`);
        }
        const from3 = Math.max(offset - item.start, 0);
        const to2 = Math.min(end - item.start, data.byteLength);
        yield { cid: item.cid, bytes, data: to2 > from3 ? data.subarray(from3, to2) : EMPTY };
        if (children.length > 0)
          frames.push({ items: children, i: 0 });
        continue;
      }
      const node = item.size === -1 ? root : interpret(item.cid, bytes);
      if (node.unixfs == null) {
        if (node.type !== "file")
          throw new MalformedBlockError(`File DAG ${root.cid.toString()} links to a non-file block ${item.cid.toString()}`);
        data = bytes;
      } else {
        if (node.type !== "file" && node.type !== "raw")
          throw new MalformedBlockError(`File DAG ${root.cid.toString()} links to a ${node.type} node ${item.cid.toString()}`);
        data = node.unixfs.data ?? new Uint8Array(0);
        const links = node.pb?.Links ?? [];
        const sizes = node.unixfs.blockSizes;
        if (sizes.length !== links.length)
          throw new MalformedBlockError(`File node ${item.cid.toString()} has ${links.length} links but ${sizes.length} block sizes`);
        let pos = item.start + data.byteLength;
        for (let i = 0; i < links.length; i++) {
          const size = Number(sizes[i]);
          if (pos < end && pos + size > offset)
            children.push({ cid: links[i].Hash, start: pos, size });
          pos += size;
        }
        if (item.size !== -1 && pos - item.start !== item.size) {
          throw new MalformedBlockError(`Block ${item.cid.toString()} holds ${pos - item.start} bytes but its parent says ${item.size}`);
        }
      }
      if (node.unixfs == null && item.size !== -1 && data.byteLength !== item.size) {
        throw new MalformedBlockError(`Block ${item.cid.toString()} holds ${data.byteLength} bytes but its parent says ${item.size}`);
      }
      const from2 = Math.max(offset - item.start, 0);
      const to = Math.min(end - item.start, data.byteLength);
      yield { cid: item.cid, bytes, data: to > from2 ? data.subarray(from2, to) : EMPTY };
      if (children.length > 0)
        frames.push({ items: children, i: 0 });
    }
  }
}
async function* cat(path, getter, options = {}) {
  const { cid } = await resolvePath(path, getter, options);
  yield* readFile(await loadNode(cid, getter, options), getter, options);
}
async function stat(path, getter, options = {}) {
  const { cid } = await resolvePath(path, getter, options);
  const node = await loadNode(cid, getter, options);
  const { numBlocks } = await dagStat(cid, getter, options);
  return { cid, type: node.type, size: contentSize(node), cumulativeSize: cumulativeSize(node), blocks: numBlocks };
}
async function dagStat(path, getter, options = {}) {
  const { cid } = typeof path === "string" ? await resolvePath(path, getter, options) : { cid: parsePath(path).root };
  const seen = /* @__PURE__ */ new Set();
  let size = 0;
  const queue = [cid];
  seen.add(key(cid));
  const concurrency = options.concurrency ?? DEFAULT_PREFETCH_BLOCKS;
  while (queue.length > 0) {
    const batch = queue.splice(0, concurrency);
    const blocks = await Promise.all(batch.map(async (c) => loadBlock(c, getter, options)));
    for (let i = 0; i < batch.length; i++) {
      size += blocks[i].byteLength;
      for (const l of blockLinks(batch[i], blocks[i])) {
        const k = key(l);
        if (!seen.has(k)) {
          seen.add(k);
          queue.push(l);
        }
      }
    }
  }
  return { size, numBlocks: seen.size };
}
function key(cid) {
  return cid.multihash.bytes.join(",");
}
async function* directoryLinks(dir, getter, options = {}, depth = 0) {
  if (dir.type !== "directory" || dir.pb == null || dir.unixfs == null)
    throw new NotADirectoryError(`${dir.cid.toString()} is not a directory`);
  if (dir.unixfs.type === "directory") {
    for (const l of dir.pb.Links)
      yield { name: l.Name ?? "", cid: l.Hash, tsize: l.Tsize ?? 0 };
    return;
  }
  if (depth > MAX_DAG_DEPTH)
    throw new MalformedBlockError("HAMT deeper than the supported limit");
  const padLength = (Number(dir.unixfs.fanout ?? 0n) - 1).toString(16).length;
  for (const l of dir.pb.Links) {
    const name = l.Name ?? "";
    if (name.length < padLength)
      throw new MalformedBlockError(`HAMT link "${name}" in ${dir.cid.toString()} is shorter than its slot label`);
    if (name.length === padLength) {
      const sub = await loadNode(l.Hash, getter, options);
      if (sub.unixfs?.type !== "hamt-sharded-directory")
        throw new MalformedBlockError(`HAMT sub-shard ${l.Hash.toString()} is not a shard`);
      yield* directoryLinks(sub, getter, options, depth + 1);
    } else {
      yield { name: name.slice(padLength), cid: l.Hash, tsize: l.Tsize ?? 0 };
    }
  }
}
async function* ls(path, getter, options = {}) {
  const { cid, root, segments } = await resolvePath(path, getter, options);
  const dir = await loadNode(cid, getter, options);
  const base = [root.toString(), ...segments].join("/");
  const concurrency = options.concurrency ?? DEFAULT_LS_CONCURRENCY;
  const pending = [];
  const toEntry = (link, node) => ({
    name: link.name,
    path: `${base}/${link.name}`,
    cid: link.cid,
    size: node.type === "file" || node.type === "raw" ? contentSize(node) : link.tsize,
    type: node.type
  });
  for await (const link of directoryLinks(dir, getter, options)) {
    const node = loadNode(link.cid, getter, options);
    node.catch(() => {
    });
    pending.push({ link, node });
    if (pending.length >= concurrency) {
      const p = pending.shift();
      yield toEntry(p.link, await p.node);
    }
  }
  for (const p of pending)
    yield toEntry(p.link, await p.node);
}
async function* get(path, getter, options = {}) {
  const { cid, root, segments } = await resolvePath(path, getter, options);
  const name = segments.length > 0 ? segments[segments.length - 1] : root.toString();
  yield* getEntry(await loadNode(cid, getter, options), name, getter, options, 0);
}
async function* getEntry(node, path, getter, options, depth) {
  if (depth > MAX_DAG_DEPTH)
    throw new MalformedBlockError("Directory tree deeper than the supported limit");
  const meta = { mode: node.unixfs?.mode, mtime: node.unixfs?.mtime };
  switch (node.type) {
    case "directory": {
      yield { path, type: "directory", cid: node.cid, ...meta };
      const links = [];
      for await (const link of directoryLinks(node, getter, options)) {
        if (link.name === "" || link.name === "." || link.name === ".." || link.name.includes("/")) {
          throw new MalformedBlockError(`Directory ${node.cid.toString()} has an unsafe entry name "${link.name}"`);
        }
        links.push(link);
      }
      const pending = /* @__PURE__ */ new Map();
      const ahead = (i) => {
        if (i >= links.length || pending.has(i))
          return;
        const p = loadNode(links[i].cid, getter, options);
        p.catch(() => {
        });
        pending.set(i, p);
      };
      for (let i = 0; i < links.length; i++) {
        for (let j = i; j < i + DEFAULT_LS_CONCURRENCY; j++)
          ahead(j);
        const child = await pending.get(i);
        pending.delete(i);
        yield* getEntry(child, `${path}/${links[i].name}`, getter, options, depth + 1);
      }
      return;
    }
    case "symlink":
      yield { path, type: "symlink", cid: node.cid, symlinkTarget: new TextDecoder().decode(node.unixfs?.data ?? new Uint8Array(0)), ...meta };
      return;
    case "file":
    case "raw":
      yield { path, type: "file", cid: node.cid, size: contentSize(node), content: readFile(node, getter, { ...options, offset: void 0, length: void 0 }), ...meta };
      return;
    default:
      throw new NotAFileError(`${node.cid.toString()} is not UnixFS (${node.type}) and cannot be written out as a file`);
  }
}

// ../dag/dist/src/read-ahead.js
function createReadAheadBudget(blocks) {
  if (!Number.isSafeInteger(blocks) || blocks < 0)
    throw new RangeError(`read-ahead budget must be a non-negative integer, got ${blocks}`);
  let taken = 0;
  return {
    tryTake() {
      if (taken >= blocks)
        return false;
      taken++;
      return true;
    },
    give() {
      if (taken === 0)
        throw new Error("read-ahead budget given back more than taken");
      taken--;
    },
    get taken() {
      return taken;
    }
  };
}

// ../dag/dist/src/car.js
import { open, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// ../../node_modules/.pnpm/@ipld+car@5.4.7/node_modules/@ipld/car/src/decoder-common.js
var import_varint = __toESM(require_varint(), 1);
var CIDV0_BYTES = {
  SHA2_256: 18,
  LENGTH: 32,
  DAG_PB: 112
};
var V2_HEADER_LENGTH = (
  /* characteristics */
  16 + 8 + 8 + 8
);
function decodeVarint2(bytes, seeker) {
  if (!bytes.length) {
    throw new Error("Unexpected end of data");
  }
  const i = import_varint.default.decode(bytes);
  seeker.seek(
    /** @type {number} */
    import_varint.default.decode.bytes
  );
  return i;
}
function decodeV2Header(bytes) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const header = {
    version: 2,
    /** @type {[bigint, bigint]} */
    characteristics: [
      dv.getBigUint64(offset, true),
      dv.getBigUint64(offset += 8, true)
    ],
    dataOffset: Number(dv.getBigUint64(offset += 8, true)),
    dataSize: Number(dv.getBigUint64(offset += 8, true)),
    indexOffset: Number(dv.getBigUint64(offset += 8, true))
  };
  return header;
}
function getMultihashLength(bytes) {
  import_varint.default.decode(bytes);
  const codeLength = (
    /** @type {number} */
    import_varint.default.decode.bytes
  );
  const length = import_varint.default.decode(bytes.subarray(import_varint.default.decode.bytes));
  const lengthLength = (
    /** @type {number} */
    import_varint.default.decode.bytes
  );
  const mhLength = codeLength + lengthLength + length;
  return mhLength;
}

// ../../node_modules/.pnpm/@ipld+car@5.4.7/node_modules/@ipld/car/src/header-validator.js
var Kinds = {
  Null: (
    /**
     * @param obj
     * @returns {undefined|null}
     */
    (obj) => obj === null ? obj : void 0
  ),
  Int: (
    /**
     * @param obj
     * @returns {undefined|number}
     */
    (obj) => Number.isInteger(obj) ? obj : void 0
  ),
  Float: (
    /**
     * @param obj
     * @returns {undefined|number}
     */
    (obj) => typeof obj === "number" && Number.isFinite(obj) ? obj : void 0
  ),
  String: (
    /**
     * @param obj
     * @returns {undefined|string}
     */
    (obj) => typeof obj === "string" ? obj : void 0
  ),
  Bool: (
    /**
     * @param obj
     * @returns {undefined|boolean}
     */
    (obj) => typeof obj === "boolean" ? obj : void 0
  ),
  Bytes: (
    /**
     * @param obj
     * @returns {undefined|Uint8Array}
     */
    (obj) => obj instanceof Uint8Array ? obj : void 0
  ),
  Link: (
    /**
     * @param obj
     * @returns {undefined|object}
     */
    (obj) => obj !== null && typeof obj === "object" && obj.asCID === obj ? obj : void 0
  ),
  List: (
    /**
     * @param obj
     * @returns {undefined|Array<any>}
     */
    (obj) => Array.isArray(obj) ? obj : void 0
  ),
  Map: (
    /**
     * @param obj
     * @returns {undefined|object}
     */
    (obj) => obj !== null && typeof obj === "object" && obj.asCID !== obj && !Array.isArray(obj) && !(obj instanceof Uint8Array) ? obj : void 0
  )
};
var Types = {
  "CarV1HeaderOrV2Pragma > roots (anon) > valueType (anon)": Kinds.Link,
  "CarV1HeaderOrV2Pragma > roots (anon)": (
    /**
     * @param obj
     * @returns {undefined|any}
     */
    (obj) => {
      if (Kinds.List(obj) === void 0) {
        return void 0;
      }
      for (let i = 0; i < obj.length; i++) {
        let v = obj[i];
        v = Types["CarV1HeaderOrV2Pragma > roots (anon) > valueType (anon)"](v);
        if (v === void 0) {
          return void 0;
        }
        if (v !== obj[i]) {
          const ret = obj.slice(0, i);
          for (let j = i; j < obj.length; j++) {
            let v2 = obj[j];
            v2 = Types["CarV1HeaderOrV2Pragma > roots (anon) > valueType (anon)"](v2);
            if (v2 === void 0) {
              return void 0;
            }
            ret.push(v2);
          }
          return ret;
        }
      }
      return obj;
    }
  ),
  Int: Kinds.Int,
  CarV1HeaderOrV2Pragma: (
    /**
     * @param obj
     * @returns {undefined|any}
     */
    (obj) => {
      if (Kinds.Map(obj) === void 0) {
        return void 0;
      }
      const entries = Object.entries(obj);
      let ret = obj;
      let requiredCount = 1;
      for (let i = 0; i < entries.length; i++) {
        const [key2, value] = entries[i];
        switch (key2) {
          case "roots":
            {
              const v = Types["CarV1HeaderOrV2Pragma > roots (anon)"](obj[key2]);
              if (v === void 0) {
                return void 0;
              }
              if (v !== value || ret !== obj) {
                if (ret === obj) {
                  ret = {};
                  for (let j = 0; j < i; j++) {
                    ret[entries[j][0]] = entries[j][1];
                  }
                }
                ret.roots = v;
              }
            }
            break;
          case "version":
            {
              requiredCount--;
              const v = Types.Int(obj[key2]);
              if (v === void 0) {
                return void 0;
              }
              if (v !== value || ret !== obj) {
                if (ret === obj) {
                  ret = {};
                  for (let j = 0; j < i; j++) {
                    ret[entries[j][0]] = entries[j][1];
                  }
                }
                ret.version = v;
              }
            }
            break;
          default:
            return void 0;
        }
      }
      if (requiredCount > 0) {
        return void 0;
      }
      return ret;
    }
  )
};
var Reprs = {
  "CarV1HeaderOrV2Pragma > roots (anon) > valueType (anon)": Kinds.Link,
  "CarV1HeaderOrV2Pragma > roots (anon)": (
    /**
     * @param obj
     * @returns {undefined|any}
     */
    (obj) => {
      if (Kinds.List(obj) === void 0) {
        return void 0;
      }
      for (let i = 0; i < obj.length; i++) {
        let v = obj[i];
        v = Reprs["CarV1HeaderOrV2Pragma > roots (anon) > valueType (anon)"](v);
        if (v === void 0) {
          return void 0;
        }
        if (v !== obj[i]) {
          const ret = obj.slice(0, i);
          for (let j = i; j < obj.length; j++) {
            let v2 = obj[j];
            v2 = Reprs["CarV1HeaderOrV2Pragma > roots (anon) > valueType (anon)"](v2);
            if (v2 === void 0) {
              return void 0;
            }
            ret.push(v2);
          }
          return ret;
        }
      }
      return obj;
    }
  ),
  Int: Kinds.Int,
  CarV1HeaderOrV2Pragma: (
    /**
     * @param obj
     * @returns {undefined|any}
     */
    (obj) => {
      if (Kinds.Map(obj) === void 0) {
        return void 0;
      }
      const entries = Object.entries(obj);
      let ret = obj;
      let requiredCount = 1;
      for (let i = 0; i < entries.length; i++) {
        const [key2, value] = entries[i];
        switch (key2) {
          case "roots":
            {
              const v = Reprs["CarV1HeaderOrV2Pragma > roots (anon)"](value);
              if (v === void 0) {
                return void 0;
              }
              if (v !== value || ret !== obj) {
                if (ret === obj) {
                  ret = {};
                  for (let j = 0; j < i; j++) {
                    ret[entries[j][0]] = entries[j][1];
                  }
                }
                ret.roots = v;
              }
            }
            break;
          case "version":
            {
              requiredCount--;
              const v = Reprs.Int(value);
              if (v === void 0) {
                return void 0;
              }
              if (v !== value || ret !== obj) {
                if (ret === obj) {
                  ret = {};
                  for (let j = 0; j < i; j++) {
                    ret[entries[j][0]] = entries[j][1];
                  }
                }
                ret.version = v;
              }
            }
            break;
          default:
            return void 0;
        }
      }
      if (requiredCount > 0) {
        return void 0;
      }
      return ret;
    }
  )
};
var CarV1HeaderOrV2Pragma = {
  toTyped: Types.CarV1HeaderOrV2Pragma,
  toRepresentation: Reprs.CarV1HeaderOrV2Pragma
};

// ../../node_modules/.pnpm/@ipld+car@5.4.7/node_modules/@ipld/car/src/decoder.js
async function readHeader(reader, strictVersion) {
  const length = decodeVarint2(await reader.upTo(8), reader);
  if (length === 0) {
    throw new Error("Invalid CAR header (zero length)");
  }
  const header = await reader.exactly(length, true);
  const block = decode3(header);
  if (CarV1HeaderOrV2Pragma.toTyped(block) === void 0) {
    throw new Error("Invalid CAR header format");
  }
  if (block.version !== 1 && block.version !== 2 || strictVersion !== void 0 && block.version !== strictVersion) {
    throw new Error(`Invalid CAR version: ${block.version}${strictVersion !== void 0 ? ` (expected ${strictVersion})` : ""}`);
  }
  if (block.version === 1) {
    if (!Array.isArray(block.roots)) {
      throw new Error("Invalid CAR header format");
    }
    return block;
  }
  if (block.roots !== void 0) {
    throw new Error("Invalid CAR header format");
  }
  const v2Header = decodeV2Header(await reader.exactly(V2_HEADER_LENGTH, true));
  reader.seek(v2Header.dataOffset - reader.pos);
  const v1Header = await readHeader(reader, 1);
  return Object.assign(v1Header, v2Header);
}
async function readCid(reader) {
  const first = await reader.exactly(2, false);
  if (first[0] === CIDV0_BYTES.SHA2_256 && first[1] === CIDV0_BYTES.LENGTH) {
    const bytes2 = await reader.exactly(34, true);
    const multihash2 = decode(bytes2);
    return CID.create(0, CIDV0_BYTES.DAG_PB, multihash2);
  }
  const version = decodeVarint2(await reader.upTo(8), reader);
  if (version !== 1) {
    throw new Error(`Unexpected CID version (${version})`);
  }
  const codec = decodeVarint2(await reader.upTo(8), reader);
  const bytes = await reader.exactly(getMultihashLength(await reader.upTo(8)), true);
  const multihash = decode(bytes);
  return CID.create(version, codec, multihash);
}
async function readBlockHead(reader) {
  const start = reader.pos;
  let length = decodeVarint2(await reader.upTo(8), reader);
  if (length === 0) {
    throw new Error("Invalid CAR section (zero length)");
  }
  length += reader.pos - start;
  const cid = await readCid(reader);
  const blockLength = length - Number(reader.pos - start);
  return { cid, length, blockLength };
}
async function readBlock(reader) {
  const { cid, blockLength } = await readBlockHead(reader);
  const bytes = await reader.exactly(blockLength, true);
  return { bytes, cid };
}
async function readBlockIndex(reader) {
  const offset = reader.pos;
  const { cid, length, blockLength } = await readBlockHead(reader);
  const index = { cid, length, blockLength, offset, blockOffset: reader.pos };
  reader.seek(index.blockLength);
  return index;
}
function createDecoder(reader) {
  const headerPromise = (async () => {
    const header = await readHeader(reader);
    if (header.version === 2) {
      const v1length = reader.pos - header.dataOffset;
      reader = limitReader(reader, header.dataSize - v1length);
    }
    return header;
  })();
  return {
    header: () => headerPromise,
    async *blocks() {
      await headerPromise;
      while ((await reader.upTo(8)).length > 0) {
        yield await readBlock(reader);
      }
    },
    async *blocksIndex() {
      await headerPromise;
      while ((await reader.upTo(8)).length > 0) {
        yield await readBlockIndex(reader);
      }
    }
  };
}
function bytesReader(bytes) {
  let pos = 0;
  return {
    async upTo(length) {
      const out = bytes.subarray(pos, pos + Math.min(length, bytes.length - pos));
      return out;
    },
    async exactly(length, seek = false) {
      if (length > bytes.length - pos) {
        throw new Error("Unexpected end of data");
      }
      const out = bytes.subarray(pos, pos + length);
      if (seek) {
        pos += length;
      }
      return out;
    },
    seek(length) {
      pos += length;
    },
    get pos() {
      return pos;
    }
  };
}
function chunkReader(readChunk) {
  let pos = 0;
  let have = 0;
  let offset = 0;
  let currentChunk = new Uint8Array(0);
  const read = async (length) => {
    have = currentChunk.length - offset;
    const bufa = (
      /** @type {Uint8Array<ArrayBufferLike>[]} */
      [currentChunk.subarray(offset)]
    );
    while (have < length) {
      const chunk = await readChunk();
      if (chunk == null) {
        break;
      }
      if (have < 0) {
        if (chunk.length > have) {
          bufa.push(chunk.subarray(-have));
        }
      } else {
        bufa.push(chunk);
      }
      have += chunk.length;
    }
    currentChunk = new Uint8Array(bufa.reduce((p, c) => p + c.length, 0));
    let off = 0;
    for (const b of bufa) {
      currentChunk.set(b, off);
      off += b.length;
    }
    offset = 0;
  };
  return {
    async upTo(length) {
      if (currentChunk.length - offset < length) {
        await read(length);
      }
      return currentChunk.subarray(offset, offset + Math.min(currentChunk.length - offset, length));
    },
    async exactly(length, seek = false) {
      if (currentChunk.length - offset < length) {
        await read(length);
      }
      if (currentChunk.length - offset < length) {
        throw new Error("Unexpected end of data");
      }
      const out = currentChunk.subarray(offset, offset + length);
      if (seek) {
        pos += length;
        offset += length;
      }
      return out;
    },
    seek(length) {
      pos += length;
      offset += length;
    },
    get pos() {
      return pos;
    }
  };
}
function asyncIterableReader(asyncIterable) {
  const iterator = asyncIterable[Symbol.asyncIterator]();
  async function readChunk() {
    const next = await iterator.next();
    if (next.done) {
      return null;
    }
    return next.value;
  }
  return chunkReader(readChunk);
}
function limitReader(reader, byteLimit) {
  let bytesRead = 0;
  return {
    async upTo(length) {
      let bytes = await reader.upTo(length);
      if (bytes.length + bytesRead > byteLimit) {
        bytes = bytes.subarray(0, byteLimit - bytesRead);
      }
      return bytes;
    },
    async exactly(length, seek = false) {
      const bytes = await reader.exactly(length, seek);
      if (bytes.length + bytesRead > byteLimit) {
        throw new Error("Unexpected end of data");
      }
      if (seek) {
        bytesRead += length;
      }
      return bytes;
    },
    seek(length) {
      bytesRead += length;
      reader.seek(length);
    },
    get pos() {
      return reader.pos;
    }
  };
}

// ../../node_modules/.pnpm/@ipld+car@5.4.7/node_modules/@ipld/car/src/iterator.js
var CarIteratorBase = class {
  /**
   * @param {number} version
   * @param {CID[]} roots
   * @param {AsyncIterable<Block>|void} iterable
   */
  constructor(version, roots, iterable) {
    this._version = version;
    this._roots = roots;
    this._iterable = iterable;
    this._decoded = false;
  }
  get version() {
    return this._version;
  }
  /**
   * @returns {Promise<CID[]>}
   */
  async getRoots() {
    return this._roots;
  }
};
var CarBlockIterator = class _CarBlockIterator extends CarIteratorBase {
  // inherited method
  /**
   * Get the list of roots defined by the CAR referenced by this iterator. May be
   * zero or more `CID`s.
   *
   * @function getRoots
   * @memberof CarBlockIterator
   * @instance
   * @async
   * @returns {Promise<CID[]>}
   */
  /**
   * @returns {AsyncIterator<Block>}
   */
  [Symbol.asyncIterator]() {
    if (this._decoded) {
      throw new Error("Cannot decode more than once");
    }
    if (!this._iterable) {
      throw new Error("Block iterable not found");
    }
    this._decoded = true;
    return this._iterable[Symbol.asyncIterator]();
  }
  /**
   * Instantiate a {@link CarBlockIterator} from a `Uint8Array` blob. Rather
   * than decoding the entire byte array prior to returning the iterator, as in
   * {@link CarReader.fromBytes}, only the header is decoded and the remainder
   * of the CAR is parsed as the `Block`s as yielded.
   *
   * @async
   * @static
   * @memberof CarBlockIterator
   * @param {Uint8Array} bytes
   * @returns {Promise<CarBlockIterator>}
   */
  static async fromBytes(bytes) {
    const { version, roots, iterator } = await fromBytes(bytes);
    return new _CarBlockIterator(version, roots, iterator);
  }
  /**
   * Instantiate a {@link CarBlockIterator} from a `AsyncIterable<Uint8Array>`,
   * such as a [modern Node.js stream](https://nodejs.org/api/stream.html#stream_streams_compatibility_with_async_generators_and_async_iterators).
   * Rather than decoding the entire byte array prior to returning the iterator,
   * as in {@link CarReader.fromIterable}, only the header is decoded and the
   * remainder of the CAR is parsed as the `Block`s as yielded.
   *
   * @async
   * @static
   * @param {AsyncIterable<Uint8Array>} asyncIterable
   * @returns {Promise<CarBlockIterator>}
   */
  static async fromIterable(asyncIterable) {
    const { version, roots, iterator } = await fromIterable(asyncIterable);
    return new _CarBlockIterator(version, roots, iterator);
  }
};
async function fromBytes(bytes) {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError("fromBytes() requires a Uint8Array");
  }
  return decodeIterator(bytesReader(bytes));
}
async function fromIterable(asyncIterable) {
  if (!asyncIterable || !(typeof asyncIterable[Symbol.asyncIterator] === "function")) {
    throw new TypeError("fromIterable() requires an async iterable");
  }
  return decodeIterator(asyncIterableReader(asyncIterable));
}
async function decodeIterator(reader) {
  const decoder = createDecoder(reader);
  const { version, roots } = await decoder.header();
  return { version, roots, iterator: decoder.blocks() };
}

// ../dag/dist/src/car.js
function carHeader(roots) {
  const header = encode({ version: 1, roots });
  const length = encodeVarint(header.byteLength);
  const out = new Uint8Array(length.byteLength + header.byteLength);
  out.set(length, 0);
  out.set(header, length.byteLength);
  return out;
}
function carSection(cid, bytes) {
  const length = encodeVarint(cid.bytes.byteLength + bytes.byteLength);
  const out = new Uint8Array(length.byteLength + cid.bytes.byteLength + bytes.byteLength);
  out.set(length);
  out.set(cid.bytes, length.byteLength);
  out.set(bytes, length.byteLength + cid.bytes.byteLength);
  return out;
}
async function* carSections(car) {
  let pending = new Uint8Array(0);
  for await (const chunk of car) {
    if (pending == null) {
      yield chunk;
      continue;
    }
    const joined = new Uint8Array(pending.byteLength + chunk.byteLength);
    joined.set(pending);
    joined.set(chunk, pending.byteLength);
    const length = readVarint(joined, 0);
    if (length == null || joined.byteLength < length.next + length.value) {
      pending = joined;
      continue;
    }
    const rest = joined.subarray(length.next + length.value);
    pending = void 0;
    if (rest.byteLength > 0)
      yield rest;
  }
}
function entityRange(size, range) {
  if (!Number.isSafeInteger(range.from) || range.to !== "*" && !Number.isSafeInteger(range.to)) {
    throw new InvalidParametersError('entity-bytes bounds must be integers or "*"');
  }
  const from2 = range.from < 0 ? Math.max(size + range.from, 0) : range.from;
  const to = range.to === "*" ? size - 1 : range.to < 0 ? size + range.to : Math.min(range.to, size - 1);
  if (from2 > to || from2 >= size)
    return void 0;
  return { offset: from2, length: to - from2 + 1 };
}
async function* exportCar(path, getter, options = {}) {
  const { cid, root, pathBlocks } = await resolvePath(path, getter, options);
  const scope = options.entityBytes != null ? "entity" : options.dagScope ?? "all";
  if (scope !== "all" && scope !== "entity" && scope !== "block")
    throw new InvalidParametersError(`Unknown dag-scope "${String(scope)}"`);
  const dups = options.dups ?? false;
  const seen = /* @__PURE__ */ new Set();
  const rootBytes = await loadBlock(root, getter, options);
  yield carHeader([root]);
  function* emit(c, bytes2) {
    if (c.multihash.code === HASH_IDENTITY)
      return;
    if (!dups) {
      const k = c.multihash.bytes.join(",") + ":" + c.code;
      if (seen.has(k))
        return;
      seen.add(k);
    }
    yield encodeVarint(c.bytes.byteLength + bytes2.byteLength);
    yield c.bytes;
    yield bytes2;
  }
  for (const c of pathBlocks)
    yield* emit(c, c.equals(root) ? rootBytes : await loadBlock(c, getter, options));
  const bytes = cid.equals(root) ? rootBytes : await loadBlock(cid, getter, options);
  if (scope === "block") {
    yield* emit(cid, bytes);
    return;
  }
  if (scope === "all") {
    yield* walkAll(cid, bytes);
    return;
  }
  let node;
  try {
    node = interpret(cid, bytes);
  } catch (err) {
    if (err instanceof CairnError && err.code === "ERR_UNSUPPORTED_CODEC") {
      yield* emit(cid, bytes);
      return;
    }
    throw err;
  }
  if (node.type === "file" || node.type === "raw") {
    let range = { offset: 0, length: Infinity };
    if (options.entityBytes != null)
      range = entityRange(contentSize(node), options.entityBytes);
    if (range == null) {
      yield* emit(cid, bytes);
      return;
    }
    for await (const v of visitFile(node, getter, { ...range, signal: options.signal }))
      yield* emit(v.cid, v.bytes);
    return;
  }
  yield* emit(cid, bytes);
  if (node.type === "directory" && node.unixfs?.type === "hamt-sharded-directory") {
    yield* walkShards(node, 0);
  }
  async function* walkShards(shard, depth) {
    if (depth > MAX_DAG_DEPTH)
      throw new InvalidParametersError("HAMT deeper than the supported limit");
    const padLength = (Number(shard.unixfs?.fanout ?? 0n) - 1).toString(16).length;
    for (const l of shard.pb?.Links ?? []) {
      if ((l.Name ?? "").length !== padLength)
        continue;
      const b = await loadBlock(l.Hash, getter, options);
      yield* emit(l.Hash, b);
      yield* walkShards(interpret(l.Hash, b), depth + 1);
    }
  }
  async function* walkAll(start, startBytes) {
    const stack = [{ cid: start, bytes: startBytes }];
    while (stack.length > 0) {
      throwIfAborted(options.signal);
      const { cid: c, bytes: known } = stack.pop();
      if (!dups && seen.has(c.multihash.bytes.join(",") + ":" + c.code))
        continue;
      const b = known ?? await loadBlock(c, getter, options);
      if (c.code === CODEC_DAG_PB) {
        const node2 = interpret(c, b);
        if (node2.type === "file" || node2.type === "raw") {
          for await (const v of visitFile(node2, getter, { signal: options.signal }))
            yield* emit(v.cid, v.bytes);
          continue;
        }
        yield* emit(c, b);
        const links2 = node2.pb?.Links ?? [];
        for (let i = links2.length - 1; i >= 0; i--)
          stack.push({ cid: links2[i].Hash });
        continue;
      }
      yield* emit(c, b);
      const links = blockLinks(c, b);
      for (let i = links.length - 1; i >= 0; i--)
        stack.push({ cid: links[i] });
    }
  }
}
async function importCar(source, putter, options = {}) {
  const memoryLimit = options.memoryBytes ?? DEFAULT_CAR_IMPORT_MEMORY_BYTES;
  const staged = new Stage(memoryLimit);
  let roots;
  let count = 0;
  try {
    let iterator;
    try {
      iterator = await CarBlockIterator.fromIterable(toAsync(source));
      roots = await iterator.getRoots();
    } catch (err) {
      throw new InvalidCarError(`Invalid CAR header: ${err.message}`, { cause: err });
    }
    const it = iterator[Symbol.asyncIterator]();
    while (true) {
      throwIfAborted(options.signal);
      let next;
      try {
        next = await it.next();
      } catch (err) {
        throw new InvalidCarError(`Invalid CAR data after ${count} blocks: ${err.message}`, { cause: err });
      }
      if (next.done === true)
        break;
      const { cid, bytes } = next.value;
      if (bytes.byteLength > MAX_BLOCK_SIZE_BYTES)
        throw new InvalidCarError(`CAR block ${cid.toString()} is larger than ${MAX_BLOCK_SIZE_BYTES} bytes`);
      await verifyBlock(cid, bytes);
      count++;
      if (cid.multihash.code !== HASH_IDENTITY)
        await staged.add(cid, bytes);
    }
    await staged.commit(putter, options);
  } finally {
    await staged.dispose();
  }
  return { roots, blocks: count };
}
async function* toAsync(source) {
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array))
      throw new InvalidCarError("CAR source must yield Uint8Arrays");
    yield chunk;
  }
}
var Stage = class {
  limit;
  memory = [];
  memoryBytes = 0;
  dir;
  file;
  fileBytes = 0;
  constructor(limit) {
    this.limit = limit;
  }
  async add(cid, bytes) {
    if (this.memoryBytes + bytes.byteLength <= this.limit) {
      this.memory.push({ cid, bytes });
      this.memoryBytes += bytes.byteLength;
      return;
    }
    if (this.file == null) {
      this.dir = await mkdtemp(join(tmpdir(), "cairn-car-"));
      this.file = await open(join(this.dir, "blocks"), "w+");
    }
    const record = Buffer.concat([encodeVarint(cid.bytes.byteLength), cid.bytes, encodeVarint(bytes.byteLength), bytes]);
    await this.file.write(record, 0, record.byteLength, this.fileBytes);
    this.fileBytes += record.byteLength;
  }
  async commit(putter, options) {
    await putBatched(this.memory, putter, options);
    this.memory = [];
    if (this.file == null)
      return;
    let pos = 0;
    let batch = [];
    let batchBytes = 0;
    const head = Buffer.alloc(20);
    while (pos < this.fileBytes) {
      const cidLen = await this.readVarint(head, pos);
      const cidBytes = Buffer.alloc(cidLen.value);
      await this.file.read(cidBytes, 0, cidLen.value, pos + cidLen.size);
      pos += cidLen.size + cidLen.value;
      const len = await this.readVarint(head, pos);
      const bytes = Buffer.allocUnsafe(len.value);
      await this.file.read(bytes, 0, len.value, pos + len.size);
      pos += len.size + len.value;
      batch.push({ cid: CID.decode(cidBytes), bytes });
      batchBytes += len.value;
      if (batchBytes >= DEFAULT_WRITE_BATCH_BYTES) {
        await putBatched(batch, putter, options);
        batch = [];
        batchBytes = 0;
      }
    }
    await putBatched(batch, putter, options);
  }
  async readVarint(buf, pos) {
    const { bytesRead } = await this.file.read(buf, 0, MAX_VARINT_BYTES, pos);
    const read = readVarint(buf, 0, bytesRead);
    if (read == null)
      throw new InvalidCarError("Staged CAR block record is corrupt");
    return { value: read.value, size: read.next };
  }
  async dispose() {
    this.memory = [];
    await this.file?.close();
    if (this.dir != null)
      await rm(this.dir, { recursive: true, force: true });
  }
};
async function putBatched(blocks, putter, options) {
  if (blocks.length === 0)
    return;
  if (putter.putBlocks != null) {
    for (let i = 0; i < blocks.length; i += 256)
      await putter.putBlocks(blocks.slice(i, i + 256), options);
    return;
  }
  for (const b of blocks)
    await putter.putBlock(b.cid, b.bytes, options);
}

// ../dag/dist/src/convert.js
var DECODERS = {
  // a raw block is one IPLD bytes value: `{"/": {"bytes": ...}}` in DAG-JSON
  [RAW_CODE]: (bytes) => bytes,
  [code]: decode2,
  [code2]: decode3,
  [code3]: decode4
};
var ENCODERS = {
  "dag-json": encode2,
  "dag-cbor": encode,
  json: encode2,
  cbor: encode
};
function convertBlock(code4, bytes, format) {
  const decode5 = DECODERS[code4];
  const encode3 = ENCODERS[format];
  if (decode5 == null || encode3 == null)
    throw new UnsupportedCodecError(`cannot convert codec 0x${code4.toString(16)} to ${format}`);
  return encode3(decode5(bytes));
}

export {
  importer,
  interpret,
  loadNode,
  resolvePath,
  cat,
  stat,
  dagStat,
  ls,
  get,
  createReadAheadBudget,
  carHeader,
  carSection,
  carSections,
  exportCar,
  importCar,
  convertBlock
};
