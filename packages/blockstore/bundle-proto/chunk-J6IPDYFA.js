import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  compare,
  pDefer
} from "./chunk-D3WQOLQI.js";
import {
  toString
} from "./chunk-TOJ2BU2E.js";
import {
  Uint8ArrayList,
  isUint8ArrayList
} from "./chunk-4FL5K7DK.js";
import {
  concat
} from "./chunk-WHPHTD5L.js";
import {
  fromString
} from "./chunk-S6UWZNPS.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-OBWUN26Y.js";

// ../../node_modules/.pnpm/iso-constants@0.1.2/node_modules/iso-constants/index.js
var require_iso_constants = __commonJS({
  "../../node_modules/.pnpm/iso-constants@0.1.2/node_modules/iso-constants/index.js"(exports, module) {
    "use strict";
    module.exports = __require("constants");
  }
});

// ../../node_modules/.pnpm/it-tar@6.0.6/node_modules/it-tar/dist/src/extract-headers.js
var ZERO_OFFSET = "0".charCodeAt(0);
var USTAR_MAGIC = fromString("ustar\0", "binary");
var GNU_MAGIC = fromString("ustar ", "binary");
var GNU_VER = fromString(" \0", "binary");
var MAGIC_OFFSET = 257;
var VERSION_OFFSET = 263;
var clamp = function(index, len, defaultValue) {
  if (typeof index !== "number") {
    return defaultValue;
  }
  index = ~~index;
  if (index >= len) {
    return len;
  }
  if (index >= 0) {
    return index;
  }
  index += len;
  if (index >= 0) {
    return index;
  }
  return 0;
};
var toType = function(flag) {
  switch (flag) {
    case 0:
      return "file";
    case 1:
      return "link";
    case 2:
      return "symlink";
    case 3:
      return "character-device";
    case 4:
      return "block-device";
    case 5:
      return "directory";
    case 6:
      return "fifo";
    case 7:
      return "contiguous-file";
    case 72:
      return "pax-header";
    case 55:
      return "pax-global-header";
    case 27:
      return "gnu-long-link-path";
    case 28:
    case 30:
      return "gnu-long-path";
    default:
      return void 0;
  }
};
var indexOf = function(block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block.get(offset) === num) {
      return offset;
    }
  }
  return end;
};
var cksum = function(block) {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) {
    sum += block.get(i);
  }
  for (let j = 156; j < 512; j++) {
    sum += block.get(j);
  }
  return sum;
};
function parse256(buf) {
  let positive;
  if (buf.get(0) === 128) {
    positive = true;
  } else if (buf.get(0) === 255) {
    positive = false;
  } else {
    return 0;
  }
  let zero = false;
  const tuple = [];
  for (let i = buf.length - 1; i > 0; i--) {
    const byte = buf.get(i);
    if (positive) {
      tuple.push(byte);
    } else if (zero && byte === 0) {
      tuple.push(0);
    } else if (zero) {
      zero = false;
      tuple.push(256 - byte);
    } else {
      tuple.push(255 - byte);
    }
  }
  let sum = 0;
  const l = tuple.length;
  for (let i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i);
  }
  return positive ? sum : -1 * sum;
}
var decodeOct = function(val, offset, length) {
  val = val.sublist(offset, offset + length);
  offset = 0;
  if ((val.get(offset) & 128) !== 0) {
    return parse256(val);
  } else {
    while (offset < val.length && val.get(offset) === 32) {
      offset++;
    }
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length);
    while (offset < end && val.get(offset) === 0) {
      offset++;
    }
    if (end === offset) {
      return 0;
    }
    return parseInt(toString(val.subarray(offset, end)), 8);
  }
};
var decodeStr = function(val, offset, length, encoding) {
  return toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding);
};
function decodeLongPath(buf, encoding) {
  const list = isUint8ArrayList(buf) ? buf : new Uint8ArrayList(buf);
  return decodeStr(list, 0, buf.length, encoding);
}
function decodePax(buf, encoding) {
  let list = isUint8ArrayList(buf) ? buf : new Uint8ArrayList(buf);
  const result = {};
  while (list.length > 0) {
    let i = 0;
    while (i < buf.length && list.get(i) !== 32) {
      i++;
    }
    const len = parseInt(toString(list.subarray(0, i)), 10);
    if (len === 0) {
      return result;
    }
    const b = toString(list.subarray(i + 1, len - 1), encoding);
    const keyIndex = b.indexOf("=");
    if (keyIndex === -1) {
      return result;
    }
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1);
    list = list.sublist(len);
  }
  return result;
}
function decode(buf, filenameEncoding) {
  const list = isUint8ArrayList(buf) ? buf : new Uint8ArrayList(buf);
  let typeflag = list.get(156) === 0 ? 0 : list.get(156) - ZERO_OFFSET;
  let name = decodeStr(list, 0, 100, filenameEncoding);
  const mode = decodeOct(list, 100, 8);
  const uid = decodeOct(list, 108, 8);
  const gid = decodeOct(list, 116, 8);
  const size = decodeOct(list, 124, 12);
  const mtime = decodeOct(list, 136, 12);
  const type = toType(typeflag);
  const linkname = list.get(157) === 0 ? void 0 : decodeStr(list, 157, 100, filenameEncoding);
  const uname = decodeStr(list, 265, 32);
  const gname = decodeStr(list, 297, 32);
  const devmajor = decodeOct(list, 329, 8);
  const devminor = decodeOct(list, 337, 8);
  const c = cksum(list);
  if (c === 8 * 32) {
    return null;
  }
  if (c !== decodeOct(list, 148, 8)) {
    throw new Error("Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?");
  }
  if (compare(USTAR_MAGIC, list.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) === 0) {
    if (list.get(345) !== 0) {
      name = decodeStr(list, 345, 155, filenameEncoding) + "/" + name;
    }
  } else if (compare(GNU_MAGIC, list.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) === 0 && compare(GNU_VER, list.subarray(VERSION_OFFSET, VERSION_OFFSET + 2)) === 0) {
  } else {
    throw new Error("Invalid tar header: unknown format.");
  }
  if (typeflag === 0 && name != null && name[name.length - 1] === "/") {
    typeflag = 5;
  }
  return {
    name,
    mode,
    uid,
    gid,
    size,
    mtime: new Date(1e3 * (mtime ?? 0)),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor
  };
}

// ../../node_modules/.pnpm/it-reader@7.0.0/node_modules/it-reader/dist/src/index.js
function reader(source) {
  const reader2 = (async function* () {
    let bytes = yield;
    let bl = new Uint8ArrayList();
    for await (const chunk of source) {
      if (bytes == null) {
        bl.append(chunk);
        bytes = yield bl;
        bl = new Uint8ArrayList();
        continue;
      }
      bl.append(chunk);
      while (bl.length >= bytes) {
        const data = bl.sublist(0, bytes);
        bl.consume(bytes);
        bytes = yield data;
        if (bytes == null) {
          if (bl.length > 0) {
            bytes = yield bl;
            bl = new Uint8ArrayList();
          }
          break;
        }
      }
    }
    if (bytes != null) {
      throw Object.assign(new Error(`stream ended before ${bytes} bytes became available`), { code: "ERR_UNDER_READ", buffer: bl });
    }
  })();
  void reader2.next();
  return reader2;
}

// ../../node_modules/.pnpm/it-tar@6.0.6/node_modules/it-tar/dist/src/lte-reader.js
function lteReader(source) {
  const input = reader(source);
  let overflow;
  const lteReader2 = {
    [Symbol.asyncIterator]: () => lteReader2,
    async next(bytes) {
      if (overflow != null) {
        let value;
        if (bytes == null || overflow.length === bytes) {
          value = overflow;
          overflow = null;
        } else if (overflow.length > bytes) {
          value = overflow.sublist(0, bytes);
          overflow = overflow.sublist(bytes);
        } else if (overflow.length < bytes) {
          const { value: nextValue, done } = await input.next(bytes - overflow.length);
          if (done === true) {
            throw Object.assign(new Error(`stream ended before ${bytes - overflow.length} bytes became available`), { code: "ERR_UNDER_READ" });
          }
          value = new Uint8ArrayList(overflow, nextValue);
          overflow = null;
        }
        if (value == null) {
          const result2 = { done: true, value: void 0 };
          return result2;
        }
        const result = { done: false, value };
        return result;
      }
      return input.next(bytes);
    },
    async nextLte(bytes) {
      const { done, value } = await lteReader2.next();
      if (done === true) {
        return {
          done: true,
          value: void 0
        };
      }
      if (value.length <= bytes) {
        return { done: false, value };
      }
      const list = isUint8ArrayList(value) ? value : new Uint8ArrayList(value);
      if (overflow != null) {
        overflow.append(list.sublist(bytes));
      } else {
        overflow = list.sublist(bytes);
      }
      return { done: false, value: list.sublist(0, bytes) };
    },
    async return() {
      return input.return();
    }
  };
  return lteReader2;
}

// ../../node_modules/.pnpm/it-tar@6.0.6/node_modules/it-tar/dist/src/extract.js
function getPadding(size) {
  size &= 511;
  if (size !== 0) {
    return 512 - size;
  }
  return 0;
}
async function discardPadding(reader2, size) {
  const overflow = getPadding(size);
  if (overflow > 0) {
    await reader2.next(overflow);
  }
}
function extract(options = {}) {
  options.highWaterMark = options.highWaterMark ?? 1024 * 16;
  return async function* (source) {
    const reader2 = lteReader(source);
    let gnuLongPath, gnuLongLinkPath, paxGlobal, pax;
    try {
      while (true) {
        let headerBytes;
        try {
          const result = await reader2.next(512);
          if (result.done === true) {
            return;
          }
          headerBytes = result.value;
        } catch (err) {
          if (err.code === "ERR_UNDER_READ") {
            return;
          }
          throw err;
        }
        const header = decode(headerBytes, options.filenameEncoding);
        if (header == null) {
          continue;
        }
        if (header.type === "gnu-long-path") {
          const { done, value: gnuLongPathBytes } = await reader2.next(header.size);
          if (done === true || gnuLongPathBytes == null) {
            return;
          }
          gnuLongPath = decodeLongPath(gnuLongPathBytes, options.filenameEncoding);
          await discardPadding(reader2, header.size);
          continue;
        }
        if (header.type === "gnu-long-link-path") {
          const { done, value: gnuLongLinkPathBytes } = await reader2.next(header.size);
          if (done === true || gnuLongLinkPathBytes == null) {
            return;
          }
          gnuLongLinkPath = decodeLongPath(gnuLongLinkPathBytes, options.filenameEncoding);
          await discardPadding(reader2, header.size);
          continue;
        }
        if (header.type === "pax-global-header") {
          const { done, value: paxGlobalBytes } = await reader2.next(header.size);
          if (done === true || paxGlobalBytes == null) {
            return;
          }
          paxGlobal = decodePax(paxGlobalBytes, options.filenameEncoding);
          await discardPadding(reader2, header.size);
          continue;
        }
        if (header.type === "pax-header") {
          const { done, value: paxBytes } = await reader2.next(header.size);
          if (done === true || paxBytes == null) {
            return;
          }
          pax = decodePax(paxBytes, options.filenameEncoding);
          if (paxGlobal != null) {
            pax = { ...paxGlobal, ...pax };
          }
          await discardPadding(reader2, header.size);
          continue;
        }
        if (gnuLongPath != null) {
          header.name = gnuLongPath;
          gnuLongPath = null;
        }
        if (gnuLongLinkPath != null) {
          header.linkname = gnuLongLinkPath;
          gnuLongLinkPath = null;
        }
        if (pax != null) {
          if (pax.path != null) {
            header.name = pax.path;
          }
          if (pax.linkpath != null) {
            header.linkname = pax.linkpath;
          }
          if (pax.size != null) {
            header.size = parseInt(pax.size, 10);
          }
          header.pax = pax;
          pax = null;
        }
        if (header.size == null || header.size === 0 || header.type === "directory") {
          yield { header, body: (async function* () {
          })() };
          continue;
        }
        let bytesRemaining = header.size;
        const bodyConsumed = pDefer();
        const firstChunk = await reader2.nextLte(Math.min(bytesRemaining, options.highWaterMark ?? Infinity));
        bytesRemaining -= firstChunk.value.length;
        if (bytesRemaining === 0) {
          bodyConsumed.resolve();
        }
        const body = (async function* () {
          try {
            yield firstChunk.value.subarray();
            while (bytesRemaining > 0) {
              const { done, value } = await reader2.nextLte(bytesRemaining);
              if (done === true) {
                bytesRemaining = 0;
                return;
              }
              bytesRemaining -= value.length;
              yield value.subarray();
            }
          } finally {
            bodyConsumed.resolve();
          }
        })();
        yield { header, body };
        await bodyConsumed.promise;
        if (bytesRemaining > 0) {
          for await (const _ of body) {
          }
        }
        await discardPadding(reader2, header.size);
      }
    } finally {
      await reader2.return();
    }
  };
}

// ../../node_modules/.pnpm/it-tar@6.0.6/node_modules/it-tar/dist/src/pack.js
var import_iso_constants = __toESM(require_iso_constants(), 1);

// ../../node_modules/.pnpm/it-to-buffer@5.0.0/node_modules/it-to-buffer/dist/src/index.js
function isAsyncIterable(thing) {
  return thing[Symbol.asyncIterator] != null;
}
function toBuffer(source) {
  if (isAsyncIterable(source)) {
    return (async () => {
      let buffer = new Uint8Array(0);
      for await (const buf of source) {
        buffer = concat([buffer, buf], buffer.length + buf.length);
      }
      return buffer;
    })();
  }
  const bufs = [];
  let length = 0;
  for (const buf of source) {
    bufs.push(buf);
    length += buf.byteLength;
  }
  return concat(bufs, length);
}
var src_default = toBuffer;

// ../../node_modules/.pnpm/it-tar@6.0.6/node_modules/it-tar/dist/src/pack-headers.js
var ZEROS = "0000000000000000000";
var SEVENS = "7777777777777777777";
var ZERO_OFFSET2 = "0".charCodeAt(0);
var USTAR_MAGIC2 = fromString("ustar\0", "binary");
var USTAR_VER = fromString("00", "binary");
var MASK = parseInt("7777", 8);
var MAGIC_OFFSET2 = 257;
var VERSION_OFFSET2 = 263;
var toTypeflag = function(flag) {
  switch (flag) {
    case "file":
      return 0;
    case "link":
      return 1;
    case "symlink":
      return 2;
    case "character-device":
      return 3;
    case "block-device":
      return 4;
    case "directory":
      return 5;
    case "fifo":
      return 6;
    case "contiguous-file":
      return 7;
    case "pax-header":
      return 72;
    default:
      return 0;
  }
};
var cksum2 = function(block) {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) {
    sum += block[i];
  }
  for (let j = 156; j < 512; j++) {
    sum += block[j];
  }
  return sum;
};
var encodeOct = function(val, n) {
  const str = val.toString(8);
  if (str.length > n) {
    return fromString(SEVENS.slice(0, n) + " ");
  }
  return fromString(ZEROS.slice(0, n - str.length) + str + " ");
};
var addLength = function(str) {
  const len = fromString(str).byteLength;
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1;
  if (len + digits >= Math.pow(10, digits)) {
    digits++;
  }
  return `${len + digits}${str}`;
};
function encodePax(opts) {
  let result = "";
  if (opts.name != null) {
    result += addLength(" path=" + opts.name + "\n");
  }
  if (opts.linkname != null) {
    result += addLength(" linkpath=" + opts.linkname + "\n");
  }
  const pax = opts.pax;
  if (pax != null) {
    for (const key in pax) {
      if (Object.prototype.hasOwnProperty.call(pax, key)) {
        result += addLength(" " + key + "=" + pax[key] + "\n");
      }
    }
  }
  return fromString(result);
}
function encode(opts) {
  const buf = new Uint8Array(512);
  let name = opts.name;
  let prefix = "";
  if (opts.typeflag === 5 && name[name.length - 1] !== "/") {
    name += "/";
  }
  if (fromString(name).byteLength !== name.length) {
    return null;
  }
  while (fromString(name).byteLength > 100) {
    const i = name.indexOf("/");
    if (i === -1) {
      return null;
    }
    prefix += prefix !== "" ? "/" + name.slice(0, i) : name.slice(0, i);
    name = name.slice(i + 1);
  }
  if (fromString(name).byteLength > 100 || fromString(prefix).byteLength > 155) {
    return null;
  }
  if (opts.linkname != null && fromString(opts.linkname).byteLength > 100) {
    return null;
  }
  buf.set(fromString(name), 0);
  buf.set(encodeOct(opts.mode & MASK, 6), 100);
  buf.set(encodeOct(opts.uid, 6), 108);
  buf.set(encodeOct(opts.gid, 6), 116);
  buf.set(encodeOct(opts.size, 11), 124);
  buf.set(encodeOct(opts.mtime.getTime() / 1e3 | 0, 11), 136);
  buf[156] = ZERO_OFFSET2 + toTypeflag(opts.type);
  if (opts.linkname != null) {
    buf.set(fromString(opts.linkname), 157);
  }
  buf.set(USTAR_MAGIC2, MAGIC_OFFSET2);
  buf.set(USTAR_VER, VERSION_OFFSET2);
  if (opts.uname != null) {
    buf.set(fromString(opts.uname), 265);
  }
  if (opts.gname != null) {
    buf.set(fromString(opts.gname), 297);
  }
  buf.set(encodeOct(opts.devmajor ?? 0, 6), 329);
  buf.set(encodeOct(opts.devminor ?? 0, 6), 337);
  if (prefix != null) {
    buf.set(fromString(prefix), 345);
  }
  buf.set(encodeOct(cksum2(buf), 6), 148);
  return buf;
}

// ../../node_modules/.pnpm/it-tar@6.0.6/node_modules/it-tar/dist/src/pack.js
var { S_IFMT, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK } = import_iso_constants.default;
var DMODE = parseInt("755", 8);
var FMODE = parseInt("644", 8);
var END_OF_TAR = new Uint8Array(1024);
function modeToType(mode = 0) {
  switch (mode & S_IFMT) {
    case S_IFBLK:
      return "block-device";
    case S_IFCHR:
      return "character-device";
    case S_IFDIR:
      return "directory";
    case S_IFIFO:
      return "fifo";
    case S_IFLNK:
      return "symlink";
    default:
      return "file";
  }
}
function getPadding2(size) {
  size &= 511;
  if (size !== 0) {
    return END_OF_TAR.subarray(0, 512 - size);
  }
  return new Uint8Array(0);
}
function encode2(header) {
  if (header.pax == null) {
    const encoded = encode(header);
    if (encoded != null) {
      return encoded;
    }
  }
  return encodePax2(header);
}
function encodePax2(header) {
  const paxHeader = encodePax(header);
  const newHeader = {
    name: "PaxHeader",
    mode: header.mode,
    uid: header.uid,
    gid: header.gid,
    size: paxHeader.length,
    mtime: header.mtime,
    type: "pax-header",
    linkname: header.linkname,
    uname: header.uname,
    gname: header.gname,
    devmajor: header.devmajor,
    devminor: header.devminor
  };
  return new Uint8ArrayList(encode(newHeader) ?? new Uint8Array(0), paxHeader, getPadding2(paxHeader.length), encode({ ...newHeader, size: header.size, type: header.type }) ?? new Uint8Array(0)).subarray();
}
function pack() {
  return async function* (source) {
    for await (let { header: partialHeader, body } of source) {
      const header = {
        ...partialHeader,
        size: partialHeader.type === "symlink" ? 0 : partialHeader.size ?? 0,
        type: partialHeader.type ?? modeToType(partialHeader.mode),
        mode: partialHeader.mode ?? (partialHeader.type === "directory" ? DMODE : FMODE),
        uid: partialHeader.uid ?? 0,
        gid: partialHeader.gid ?? 0,
        mtime: partialHeader.mtime ?? /* @__PURE__ */ new Date()
      };
      if (typeof body === "string") {
        body = fromString(body);
      }
      if (body instanceof Uint8Array || isUint8ArrayList(body)) {
        header.size = body.length;
        yield encode2(header);
        yield isUint8ArrayList(body) ? body.subarray() : body;
        yield getPadding2(header.size);
        continue;
      }
      if (header.type === "symlink" && header.linkname == null) {
        if (body == null) {
          throw new Error("type was symlink but no linkname or body specified");
        }
        header.linkname = toString(await src_default(body));
        yield encode2(header);
        continue;
      }
      yield encode2(header);
      if (header.type !== "file" && header.type !== "contiguous-file") {
        continue;
      }
      let written = 0;
      for await (const chunk of body ?? []) {
        written += chunk.length;
        yield isUint8ArrayList(chunk) ? chunk.subarray() : chunk;
      }
      if (written !== header.size) {
        throw new Error(`size mismatch, wrote ${written} of ${header.size} bytes`);
      }
      yield getPadding2(header.size);
    }
    yield END_OF_TAR;
  };
}

export {
  extract,
  pack
};
