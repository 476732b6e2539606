import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CODE_CERTHASH,
  CODE_DNS,
  CODE_DNS4,
  CODE_DNS6,
  CODE_DNSADDR,
  CODE_HTTP,
  CODE_HTTPS,
  CODE_HTTP_PATH,
  CODE_IP4,
  CODE_IP6,
  CODE_IP6ZONE,
  CODE_IPCIDR,
  CODE_MEMORY,
  CODE_P2P,
  CODE_P2P_CIRCUIT,
  CODE_QUIC,
  CODE_QUIC_V1,
  CODE_SNI,
  CODE_TCP,
  CODE_TLS,
  CODE_UDP,
  CODE_UNIX,
  CODE_WEBRTC,
  CODE_WEBRTC_DIRECT,
  CODE_WEBTRANSPORT,
  CODE_WS,
  CODE_WSS,
  isIPv4,
  isIPv6,
  multiaddr,
  pushable,
  raceSignal
} from "./chunk-L5A6ETKM.js";
import {
  defaultLogger
} from "./chunk-2BWCYOJS.js";
import {
  pDefer
} from "./chunk-D3WQOLQI.js";
import {
  decode as decode2,
  encode as encode2
} from "./chunk-VQY7AHAT.js";
import {
  AbortError,
  InvalidParametersError,
  MuxerClosedError,
  StreamAbortEvent,
  StreamBufferError,
  StreamCloseEvent,
  StreamMessageEvent,
  StreamResetError,
  StreamResetEvent,
  StreamStateError
} from "./chunk-6ENLWDBY.js";
import {
  TypedEventEmitter,
  setMaxListeners
} from "./chunk-GJVBA7A3.js";
import {
  Uint8ArrayList,
  isUint8ArrayList
} from "./chunk-4FL5K7DK.js";
import {
  equals
} from "./chunk-WHPHTD5L.js";
import {
  decode,
  encode,
  encodingLength
} from "./chunk-SWTR4ACN.js";
import {
  fromString
} from "./chunk-S6UWZNPS.js";
import {
  alloc,
  allocUnsafe
} from "./chunk-ROPHLTMV.js";
import {
  __commonJS,
  __toESM
} from "./chunk-OBWUN26Y.js";

// ../../node_modules/.pnpm/netmask@2.1.1/node_modules/netmask/dist/netmask4.js
var require_netmask4 = __commonJS({
  "../../node_modules/.pnpm/netmask@2.1.1/node_modules/netmask/dist/netmask4.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Netmask4Impl = void 0;
    exports.ip2long = ip2long;
    exports.long2ip = long2ip;
    function long2ip(long) {
      const a = (long & 255 << 24) >>> 24;
      const b = (long & 255 << 16) >>> 16;
      const c = (long & 255 << 8) >>> 8;
      const d = long & 255;
      return [a, b, c, d].join(".");
    }
    var chr0 = "0".charCodeAt(0);
    var chra = "a".charCodeAt(0);
    var chrA = "A".charCodeAt(0);
    function parseNum(s) {
      let n = 0;
      let base = 10;
      let dmax = "9";
      let i = 0;
      if (s.length > 1 && s[i] === "0") {
        if (s[i + 1] === "x" || s[i + 1] === "X") {
          i += 2;
          base = 16;
        } else if ("0" <= s[i + 1] && s[i + 1] <= "9") {
          i++;
          base = 8;
          dmax = "7";
        }
      }
      const start = i;
      while (i < s.length) {
        if ("0" <= s[i] && s[i] <= dmax) {
          n = n * base + (s.charCodeAt(i) - chr0) >>> 0;
        } else if (base === 16) {
          if ("a" <= s[i] && s[i] <= "f") {
            n = n * base + (10 + s.charCodeAt(i) - chra) >>> 0;
          } else if ("A" <= s[i] && s[i] <= "F") {
            n = n * base + (10 + s.charCodeAt(i) - chrA) >>> 0;
          } else {
            break;
          }
        } else {
          break;
        }
        if (n > 4294967295) {
          throw new Error("too large");
        }
        i++;
      }
      if (i === start) {
        throw new Error("empty octet");
      }
      return [n, i];
    }
    function ip2long(ip) {
      const b = [];
      for (let i = 0; i <= 3; i++) {
        if (ip.length === 0) {
          break;
        }
        if (i > 0) {
          if (ip[0] !== ".") {
            throw new Error("Invalid IP");
          }
          ip = ip.substring(1);
        }
        const [n, c] = parseNum(ip);
        ip = ip.substring(c);
        b.push(n);
      }
      if (ip.length !== 0) {
        throw new Error("Invalid IP");
      }
      switch (b.length) {
        case 1:
          if (b[0] > 4294967295) {
            throw new Error("Invalid IP");
          }
          return b[0] >>> 0;
        case 2:
          if (b[0] > 255 || b[1] > 16777215) {
            throw new Error("Invalid IP");
          }
          return (b[0] << 24 | b[1]) >>> 0;
        case 3:
          if (b[0] > 255 || b[1] > 255 || b[2] > 65535) {
            throw new Error("Invalid IP");
          }
          return (b[0] << 24 | b[1] << 16 | b[2]) >>> 0;
        case 4:
          if (b[0] > 255 || b[1] > 255 || b[2] > 255 || b[3] > 255) {
            throw new Error("Invalid IP");
          }
          return (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) >>> 0;
        default:
          throw new Error("Invalid IP");
      }
    }
    var Netmask4Impl = class _Netmask4Impl {
      constructor(net, mask) {
        if (typeof net !== "string") {
          throw new Error("Missing `net' parameter");
        }
        let maskStr = mask;
        if (!maskStr) {
          const parts = net.split("/", 2);
          net = parts[0];
          maskStr = parts[1];
        }
        if (!maskStr) {
          maskStr = 32;
        }
        if (typeof maskStr === "string" && maskStr.indexOf(".") > -1) {
          try {
            this.maskLong = ip2long(maskStr);
          } catch (error) {
            throw new Error("Invalid mask: " + maskStr);
          }
          this.bitmask = NaN;
          for (let i = 32; i >= 0; i--) {
            if (this.maskLong === 4294967295 << 32 - i >>> 0) {
              this.bitmask = i;
              break;
            }
          }
        } else if (maskStr || maskStr === 0) {
          this.bitmask = parseInt(maskStr, 10);
          this.maskLong = 0;
          if (this.bitmask > 0) {
            this.maskLong = 4294967295 << 32 - this.bitmask >>> 0;
          }
        } else {
          throw new Error("Invalid mask: empty");
        }
        try {
          this.netLong = (ip2long(net) & this.maskLong) >>> 0;
        } catch (error) {
          throw new Error("Invalid net address: " + net);
        }
        if (!(this.bitmask <= 32)) {
          throw new Error("Invalid mask for ip4: " + maskStr);
        }
        this.size = Math.pow(2, 32 - this.bitmask);
        this.base = long2ip(this.netLong);
        this.mask = long2ip(this.maskLong);
        this.hostmask = long2ip(~this.maskLong);
        this.first = this.bitmask <= 30 ? long2ip(this.netLong + 1) : this.base;
        this.last = this.bitmask <= 30 ? long2ip(this.netLong + this.size - 2) : long2ip(this.netLong + this.size - 1);
        this.broadcast = this.bitmask <= 30 ? long2ip(this.netLong + this.size - 1) : void 0;
      }
      contains(ip) {
        if (typeof ip === "string" && (ip.indexOf("/") > 0 || ip.split(".").length !== 4)) {
          ip = new _Netmask4Impl(ip);
        }
        if (ip instanceof _Netmask4Impl) {
          return this.contains(ip.base) && this.contains(ip.broadcast || ip.last);
        } else {
          return (ip2long(ip) & this.maskLong) >>> 0 === (this.netLong & this.maskLong) >>> 0;
        }
      }
      next(count = 1) {
        return new _Netmask4Impl(long2ip(this.netLong + this.size * count), this.mask);
      }
      forEach(fn) {
        let long = ip2long(this.first);
        const lastLong = ip2long(this.last);
        let index = 0;
        while (long <= lastLong) {
          fn(long2ip(long), long, index);
          index++;
          long++;
        }
      }
      toString() {
        return this.base + "/" + this.bitmask;
      }
    };
    exports.Netmask4Impl = Netmask4Impl;
  }
});

// ../../node_modules/.pnpm/netmask@2.1.1/node_modules/netmask/dist/netmask6.js
var require_netmask6 = __commonJS({
  "../../node_modules/.pnpm/netmask@2.1.1/node_modules/netmask/dist/netmask6.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Netmask6Impl = void 0;
    exports.ip6bigint = ip6bigint;
    exports.bigint2ip6 = bigint2ip6;
    var netmask4_1 = require_netmask4();
    var MAX_IPV6 = (1n << 128n) - 1n;
    function ip6bigint(ip) {
      const zoneIdx = ip.indexOf("%");
      if (zoneIdx !== -1) {
        ip = ip.substring(0, zoneIdx);
      }
      const lastColon = ip.lastIndexOf(":");
      if (lastColon !== -1 && ip.indexOf(".", lastColon) !== -1) {
        const ipv4Part = ip.substring(lastColon + 1);
        const ipv4Long = (0, netmask4_1.ip2long)(ipv4Part);
        const ipv6Prefix = ip.substring(0, lastColon + 1) + "0:0";
        const prefixVal = parseIPv6Pure(ipv6Prefix);
        return prefixVal & ~0xffffffffn | BigInt(ipv4Long);
      }
      return parseIPv6Pure(ip);
    }
    function parseIPv6Pure(ip) {
      const doubleColonIdx = ip.indexOf("::");
      let groups;
      if (doubleColonIdx !== -1) {
        const left = ip.substring(0, doubleColonIdx);
        const right = ip.substring(doubleColonIdx + 2);
        const leftGroups = left === "" ? [] : left.split(":");
        const rightGroups = right === "" ? [] : right.split(":");
        const missing = 8 - leftGroups.length - rightGroups.length;
        if (missing < 0) {
          throw new Error("Invalid IPv6: too many groups");
        }
        groups = [...leftGroups, ...Array(missing).fill("0"), ...rightGroups];
      } else {
        groups = ip.split(":");
      }
      if (groups.length !== 8) {
        throw new Error("Invalid IPv6: expected 8 groups, got " + groups.length);
      }
      let result = 0n;
      for (let i = 0; i < 8; i++) {
        const g = groups[i];
        if (g.length === 0 || g.length > 4) {
          throw new Error('Invalid IPv6: bad group "' + g + '"');
        }
        const val = parseInt(g, 16);
        if (isNaN(val) || val < 0 || val > 65535) {
          throw new Error('Invalid IPv6: bad group "' + g + '"');
        }
        result = result << 16n | BigInt(val);
      }
      return result;
    }
    function bigint2ip6(n) {
      if (n < 0n || n > MAX_IPV6) {
        throw new Error("Invalid IPv6 address value");
      }
      const groups = [];
      for (let i = 0; i < 8; i++) {
        groups.unshift(Number(n & 0xffffn));
        n >>= 16n;
      }
      let bestStart = -1;
      let bestLen = 0;
      let curStart = -1;
      let curLen = 0;
      for (let i = 0; i < 8; i++) {
        if (groups[i] === 0) {
          if (curStart === -1) {
            curStart = i;
            curLen = 1;
          } else {
            curLen++;
          }
        } else {
          if (curLen > bestLen && curLen >= 2) {
            bestStart = curStart;
            bestLen = curLen;
          }
          curStart = -1;
          curLen = 0;
        }
      }
      if (curLen > bestLen && curLen >= 2) {
        bestStart = curStart;
        bestLen = curLen;
      }
      if (bestStart !== -1 && bestStart + bestLen === 8 && bestStart > 0) {
        const before = groups.slice(0, bestStart).map((g) => g.toString(16));
        return before.join(":") + "::";
      } else if (bestStart === 0) {
        const after = groups.slice(bestLen).map((g) => g.toString(16));
        return "::" + after.join(":");
      } else if (bestStart > 0) {
        const before = groups.slice(0, bestStart).map((g) => g.toString(16));
        const after = groups.slice(bestStart + bestLen).map((g) => g.toString(16));
        return before.join(":") + "::" + after.join(":");
      } else {
        return groups.map((g) => g.toString(16)).join(":");
      }
    }
    var Netmask6Impl = class _Netmask6Impl {
      constructor(net, mask) {
        if (typeof net !== "string") {
          throw new Error("Missing `net' parameter");
        }
        let prefixLen = mask;
        if (prefixLen === void 0 || prefixLen === null) {
          const slashIdx = net.indexOf("/");
          if (slashIdx !== -1) {
            prefixLen = parseInt(net.substring(slashIdx + 1), 10);
            net = net.substring(0, slashIdx);
          } else {
            prefixLen = 128;
          }
        }
        if (isNaN(prefixLen) || prefixLen < 0 || prefixLen > 128) {
          throw new Error("Invalid mask for IPv6: " + prefixLen);
        }
        this.bitmask = prefixLen;
        if (this.bitmask === 0) {
          this.maskBigint = 0n;
        } else {
          this.maskBigint = MAX_IPV6 >> BigInt(128 - this.bitmask) << BigInt(128 - this.bitmask);
        }
        try {
          this.netBigint = ip6bigint(net) & this.maskBigint;
        } catch (error) {
          throw new Error("Invalid IPv6 net address: " + net);
        }
        this.size = Number(1n << BigInt(128 - this.bitmask));
        this.base = bigint2ip6(this.netBigint);
        this.mask = bigint2ip6(this.maskBigint);
        this.hostmask = bigint2ip6(~this.maskBigint & MAX_IPV6);
        this.first = this.base;
        this.last = bigint2ip6(this.netBigint + (1n << BigInt(128 - this.bitmask)) - 1n);
        this.broadcast = void 0;
      }
      contains(ip) {
        if (typeof ip === "string") {
          if (ip.indexOf("/") > 0) {
            ip = new _Netmask6Impl(ip);
          }
        }
        if (ip instanceof _Netmask6Impl) {
          return this.contains(ip.base) && this.contains(ip.last);
        } else {
          const addr = ip6bigint(ip);
          return (addr & this.maskBigint) === this.netBigint;
        }
      }
      next(count = 1) {
        const sizeBig = 1n << BigInt(128 - this.bitmask);
        return new _Netmask6Impl(bigint2ip6(this.netBigint + sizeBig * BigInt(count)), this.bitmask);
      }
      forEach(fn) {
        let addr = this.netBigint;
        const sizeBig = 1n << BigInt(128 - this.bitmask);
        const lastAddr = this.netBigint + sizeBig - 1n;
        let index = 0;
        while (addr <= lastAddr) {
          fn(bigint2ip6(addr), Number(addr), index);
          index++;
          addr++;
        }
      }
      toString() {
        return this.base + "/" + this.bitmask;
      }
    };
    exports.Netmask6Impl = Netmask6Impl;
  }
});

// ../../node_modules/.pnpm/netmask@2.1.1/node_modules/netmask/dist/netmask.js
var require_netmask = __commonJS({
  "../../node_modules/.pnpm/netmask@2.1.1/node_modules/netmask/dist/netmask.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.long2ip = exports.ip2long = exports.Netmask = void 0;
    var netmask4_1 = require_netmask4();
    Object.defineProperty(exports, "ip2long", { enumerable: true, get: function() {
      return netmask4_1.ip2long;
    } });
    Object.defineProperty(exports, "long2ip", { enumerable: true, get: function() {
      return netmask4_1.long2ip;
    } });
    var netmask6_1 = require_netmask6();
    var Netmask2 = class _Netmask {
      constructor(net, mask) {
        if (typeof net !== "string") {
          throw new Error("Missing `net' parameter");
        }
        const addrPart = net.indexOf("/") !== -1 ? net.substring(0, net.indexOf("/")) : net;
        if (addrPart.indexOf(":") !== -1) {
          this._impl = new netmask6_1.Netmask6Impl(net, mask);
        } else {
          this._impl = new netmask4_1.Netmask4Impl(net, mask);
        }
        this.base = this._impl.base;
        this.mask = this._impl.mask;
        this.hostmask = this._impl.hostmask;
        this.bitmask = this._impl.bitmask;
        this.size = this._impl.size;
        this.first = this._impl.first;
        this.last = this._impl.last;
        this.broadcast = this._impl.broadcast;
        if (this._impl instanceof netmask4_1.Netmask4Impl) {
          this.maskLong = this._impl.maskLong;
          this.netLong = this._impl.netLong;
        } else {
          this.maskLong = 0;
          this.netLong = 0;
        }
      }
      contains(ip) {
        if (typeof ip === "string") {
          if (ip.indexOf("/") > 0) {
            ip = new _Netmask(ip);
          } else if (ip.indexOf(":") === -1 && ip.split(".").length !== 4) {
            ip = new _Netmask(ip);
          }
        }
        if (ip instanceof _Netmask) {
          return this.contains(ip.base) && this.contains(ip.broadcast || ip.last);
        }
        return this._impl.contains(ip);
      }
      next(count = 1) {
        const nextImpl = this._impl.next(count);
        const result = new _Netmask(nextImpl.base, nextImpl.bitmask);
        return result;
      }
      /** @deprecated */
      forEach(fn) {
        this._impl.forEach(fn);
      }
      toString() {
        return this._impl.toString();
      }
    };
    exports.Netmask = Netmask2;
  }
});

// ../../node_modules/.pnpm/@sindresorhus+fnv1a@3.1.0/node_modules/@sindresorhus/fnv1a/index.js
var FNV_PRIMES = {
  32: 16777619n,
  64: 1099511628211n,
  128: 309485009821345068724781371n,
  256: 374144419156711147060143317175368453031918731002211n,
  512: 35835915874844867368919076489095108449946327955754392558399825615420669938882575126094039892345713852759n,
  1024: 5016456510113118655434598811035278955030765345404790744303017523831112055108147451509157692220295382716162651878526895249385292291816524375083746691371804094271873160484737966720260389217684476157468082573n
};
var FNV_OFFSETS = {
  32: 2166136261n,
  64: 14695981039346656037n,
  128: 144066263297769815596495629667062367629n,
  256: 100029257958052580907070968620625704837092796014241193945225284501741471925557n,
  512: 9659303129496669498009435400716310466090418745672637896108374329434462657994582932197716438449813051892206539805784495328239340083876191928701583869517785n,
  1024: 14197795064947621068722070641403218320880622795441933960878474914617582723252296732303717722150864096521202355549365628174669108571814760471015076148029755969804077320157692458563003215304957150157403644460363550505412711285966361610267868082893823963790439336411086884584107735010676915n
};
var cachedEncoder = new globalThis.TextEncoder();
function fnv1aUint8Array(uint8Array, size) {
  const fnvPrime = FNV_PRIMES[size];
  let hash = FNV_OFFSETS[size];
  for (let index = 0; index < uint8Array.length; index++) {
    hash ^= BigInt(uint8Array[index]);
    hash = BigInt.asUintN(size, hash * fnvPrime);
  }
  return hash;
}
function fnv1aEncodeInto(string, size, utf8Buffer) {
  if (utf8Buffer.length === 0) {
    throw new Error("The `utf8Buffer` option must have a length greater than zero");
  }
  const fnvPrime = FNV_PRIMES[size];
  let hash = FNV_OFFSETS[size];
  let remaining = string;
  while (remaining.length > 0) {
    const result = cachedEncoder.encodeInto(remaining, utf8Buffer);
    remaining = remaining.slice(result.read);
    for (let index = 0; index < result.written; index++) {
      hash ^= BigInt(utf8Buffer[index]);
      hash = BigInt.asUintN(size, hash * fnvPrime);
    }
  }
  return hash;
}
function fnv1a(value2, { size = 32, utf8Buffer } = {}) {
  if (!FNV_PRIMES[size]) {
    throw new Error("The `size` option must be one of 32, 64, 128, 256, 512, or 1024");
  }
  if (typeof value2 === "string") {
    if (utf8Buffer) {
      return fnv1aEncodeInto(value2, size, utf8Buffer);
    }
    value2 = cachedEncoder.encode(value2);
  }
  return fnv1aUint8Array(value2, size);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/filters/hashes.js
var fnv1a2 = {
  hash: (input) => {
    return Number(fnv1a(input, {
      size: 32
    }));
  },
  hashV: (input, seed) => {
    return numberToBuffer(fnv1a2.hash(input, seed));
  }
};
function numberToBuffer(num) {
  let hex = num.toString(16);
  if (hex.length % 2 === 1) {
    hex = `0${hex}`;
  }
  return fromString(hex, "base16");
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/filters/bloom-filter.js
var LN2_SQUARED = Math.LN2 * Math.LN2;
var BloomFilter = class {
  seeds;
  bits;
  buffer;
  constructor(options = {}) {
    if (options.seeds != null) {
      this.seeds = options.seeds;
    } else {
      this.seeds = generateSeeds(options.hashes ?? 8);
    }
    this.bits = options.bits ?? 1024;
    this.buffer = alloc(Math.ceil(this.bits / 8));
  }
  /**
   * Add an item to the filter
   */
  add(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    for (let i = 0; i < this.seeds.length; i++) {
      const hash = fnv1a2.hash(item, this.seeds[i]);
      const bit = hash % this.bits;
      this.setbit(bit);
    }
  }
  /**
   * Test if the filter has an item. If it returns false it definitely does not
   * have the item. If it returns true, it probably has the item but there's
   * an `errorRate` chance it doesn't.
   */
  has(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    for (let i = 0; i < this.seeds.length; i++) {
      const hash = fnv1a2.hash(item, this.seeds[i]);
      const bit = hash % this.bits;
      const isSet = this.getbit(bit);
      if (!isSet) {
        return false;
      }
    }
    return true;
  }
  /**
   * Reset the filter
   */
  clear() {
    this.buffer.fill(0);
  }
  setbit(bit) {
    const pos = Math.floor(bit / 8);
    const shift = bit % 8;
    let bitField = this.buffer[pos];
    bitField |= 1 << shift;
    this.buffer[pos] = bitField;
  }
  getbit(bit) {
    const pos = Math.floor(bit / 8);
    const shift = bit % 8;
    const bitField = this.buffer[pos];
    return (bitField & 1 << shift) !== 0;
  }
};
function createBloomFilter(itemCount, errorRate = 5e-3) {
  const opts = optimize(itemCount, errorRate);
  return new BloomFilter(opts);
}
function optimize(itemCount, errorRate = 5e-3) {
  const bits = Math.round(-1 * itemCount * Math.log(errorRate) / LN2_SQUARED);
  const hashes = Math.round(bits / itemCount * Math.LN2);
  return { bits, hashes };
}
function generateSeeds(count) {
  let buf;
  let j;
  const seeds = [];
  for (let i = 0; i < count; i++) {
    buf = new Uint8ArrayList(crypto.getRandomValues(new Uint8Array(4)));
    seeds[i] = buf.getUint32(0, true);
    for (j = 0; j < i; j++) {
      if (seeds[i] === seeds[j]) {
        i--;
        break;
      }
    }
  }
  return seeds;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/filters/fingerprint.js
var MAX_FINGERPRINT_SIZE = 64;
var Fingerprint = class {
  fp;
  h;
  seed;
  constructor(buf, hash, seed, fingerprintSize = 2) {
    if (fingerprintSize > MAX_FINGERPRINT_SIZE) {
      throw new TypeError("Invalid Fingerprint Size");
    }
    const fnv = hash.hashV(buf, seed);
    const fp = alloc(fingerprintSize);
    for (let i = 0; i < fp.length; i++) {
      fp[i] = fnv[i];
    }
    if (fp.length === 0) {
      fp[0] = 7;
    }
    this.fp = fp;
    this.h = hash;
    this.seed = seed;
  }
  hash() {
    return this.h.hash(this.fp, this.seed);
  }
  equals(other) {
    if (!(other?.fp instanceof Uint8Array)) {
      return false;
    }
    return equals(this.fp, other.fp);
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/filters/utils.js
function getRandomInt(min, max) {
  return Math.floor(Math.random() * (max - min)) + min;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/filters/bucket.js
var Bucket = class {
  contents;
  constructor(size) {
    this.contents = new Array(size).fill(null);
  }
  has(fingerprint) {
    if (!(fingerprint instanceof Fingerprint)) {
      throw new TypeError("Invalid Fingerprint");
    }
    return this.contents.some((fp) => {
      return fingerprint.equals(fp);
    });
  }
  add(fingerprint) {
    if (!(fingerprint instanceof Fingerprint)) {
      throw new TypeError("Invalid Fingerprint");
    }
    for (let i = 0; i < this.contents.length; i++) {
      if (this.contents[i] == null) {
        this.contents[i] = fingerprint;
        return true;
      }
    }
    return true;
  }
  swap(fingerprint) {
    if (!(fingerprint instanceof Fingerprint)) {
      throw new TypeError("Invalid Fingerprint");
    }
    const i = getRandomInt(0, this.contents.length - 1);
    const current = this.contents[i];
    this.contents[i] = fingerprint;
    return current;
  }
  remove(fingerprint) {
    if (!(fingerprint instanceof Fingerprint)) {
      throw new TypeError("Invalid Fingerprint");
    }
    const found = this.contents.findIndex((fp) => {
      return fingerprint.equals(fp);
    });
    if (found > -1) {
      this.contents[found] = null;
      return true;
    } else {
      return false;
    }
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/filters/cuckoo-filter.js
var maxCuckooCount = 500;
var CuckooFilter = class {
  bucketSize;
  filterSize;
  fingerprintSize;
  buckets;
  count;
  hash;
  seed;
  constructor(init) {
    this.filterSize = init.filterSize;
    this.bucketSize = init.bucketSize ?? 4;
    this.fingerprintSize = init.fingerprintSize ?? 2;
    this.count = 0;
    this.buckets = [];
    this.hash = init.hash ?? fnv1a2;
    this.seed = init.seed ?? getRandomInt(0, Math.pow(2, 10));
  }
  add(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    const fingerprint = new Fingerprint(item, this.hash, this.seed, this.fingerprintSize);
    const j = this.hash.hash(item, this.seed) % this.filterSize;
    const k = (j ^ fingerprint.hash()) % this.filterSize;
    if (this.buckets[j] == null) {
      this.buckets[j] = new Bucket(this.bucketSize);
    }
    if (this.buckets[k] == null) {
      this.buckets[k] = new Bucket(this.bucketSize);
    }
    if (this.buckets[j].add(fingerprint) || this.buckets[k].add(fingerprint)) {
      this.count++;
      return true;
    }
    const rand = [j, k];
    let i = rand[getRandomInt(0, rand.length - 1)];
    if (this.buckets[i] == null) {
      this.buckets[i] = new Bucket(this.bucketSize);
    }
    for (let n = 0; n < maxCuckooCount; n++) {
      const swapped = this.buckets[i].swap(fingerprint);
      if (swapped == null) {
        continue;
      }
      i = (i ^ swapped.hash()) % this.filterSize;
      if (this.buckets[i] == null) {
        this.buckets[i] = new Bucket(this.bucketSize);
      }
      if (this.buckets[i].add(swapped)) {
        this.count++;
        return true;
      } else {
        continue;
      }
    }
    return false;
  }
  has(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    const fingerprint = new Fingerprint(item, this.hash, this.seed, this.fingerprintSize);
    const j = this.hash.hash(item, this.seed) % this.filterSize;
    const inJ = this.buckets[j]?.has(fingerprint) ?? false;
    if (inJ) {
      return inJ;
    }
    const k = (j ^ fingerprint.hash()) % this.filterSize;
    return this.buckets[k]?.has(fingerprint) ?? false;
  }
  remove(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    const fingerprint = new Fingerprint(item, this.hash, this.seed, this.fingerprintSize);
    const j = this.hash.hash(item, this.seed) % this.filterSize;
    const inJ = this.buckets[j]?.remove(fingerprint) ?? false;
    if (inJ) {
      this.count--;
      return inJ;
    }
    const k = (j ^ fingerprint.hash()) % this.filterSize;
    const inK = this.buckets[k]?.remove(fingerprint) ?? false;
    if (inK) {
      this.count--;
    }
    return inK;
  }
  get reliable() {
    return Math.floor(100 * (this.count / this.filterSize)) <= 90;
  }
};
var MAX_LOAD = {
  1: 0.5,
  2: 0.84,
  4: 0.95,
  8: 0.98
};
function calculateBucketSize(errorRate = 1e-3) {
  if (errorRate > 2e-3) {
    return 2;
  }
  if (errorRate > 1e-5) {
    return 4;
  }
  return 8;
}
function optimize2(maxItems, errorRate = 1e-3) {
  const bucketSize = calculateBucketSize(errorRate);
  const load = MAX_LOAD[bucketSize];
  const filterSize = Math.round(maxItems / load);
  const fingerprintSize = Math.min(Math.ceil(Math.log2(1 / errorRate) + Math.log2(2 * bucketSize)), MAX_FINGERPRINT_SIZE);
  return {
    filterSize,
    bucketSize,
    fingerprintSize
  };
}
function createCuckooFilter(maxItems, errorRate = 5e-3) {
  const opts = optimize2(maxItems, errorRate);
  return new CuckooFilter(opts);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/filters/scalable-cuckoo-filter.js
var ScalableCuckooFilter = class {
  filterSize;
  bucketSize;
  fingerprintSize;
  scale;
  filterSeries;
  hash;
  seed;
  constructor(init) {
    this.bucketSize = init.bucketSize ?? 4;
    this.filterSize = init.filterSize ?? (1 << 18) / this.bucketSize;
    this.fingerprintSize = init.fingerprintSize ?? 2;
    this.scale = init.scale ?? 2;
    this.hash = init.hash ?? fnv1a2;
    this.seed = init.seed ?? getRandomInt(0, Math.pow(2, 10));
    this.filterSeries = [
      new CuckooFilter({
        filterSize: this.filterSize,
        bucketSize: this.bucketSize,
        fingerprintSize: this.fingerprintSize,
        hash: this.hash,
        seed: this.seed
      })
    ];
  }
  add(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    if (this.has(item)) {
      return true;
    }
    let current = this.filterSeries.find((cuckoo) => {
      return cuckoo.reliable;
    });
    if (current == null) {
      const curSize = this.filterSize * Math.pow(this.scale, this.filterSeries.length);
      current = new CuckooFilter({
        filterSize: curSize,
        bucketSize: this.bucketSize,
        fingerprintSize: this.fingerprintSize,
        hash: this.hash,
        seed: this.seed
      });
      this.filterSeries.push(current);
    }
    return current.add(item);
  }
  has(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    for (let i = 0; i < this.filterSeries.length; i++) {
      if (this.filterSeries[i].has(item)) {
        return true;
      }
    }
    return false;
  }
  remove(item) {
    if (typeof item === "string") {
      item = fromString(item);
    }
    for (let i = 0; i < this.filterSeries.length; i++) {
      if (this.filterSeries[i].remove(item)) {
        return true;
      }
    }
    return false;
  }
  get count() {
    return this.filterSeries.reduce((acc, curr) => {
      return acc + curr.count;
    }, 0);
  }
};
function createScalableCuckooFilter(maxItems, errorRate = 1e-3, options) {
  return new ScalableCuckooFilter({
    ...optimize2(maxItems, errorRate),
    ...options ?? {}
  });
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/get-net-config.js
function tryGetNetConfig(ma) {
  const components = ma.getComponents();
  const config = {};
  let index = 0;
  if (components[index]?.name === "ip6zone") {
    config.zone = `${components[index].value}`;
    index++;
  }
  if (components[index]?.name === "ip4" || components[index]?.name === "ip6") {
    config.type = components[index].name;
    config.host = components[index].value;
    index++;
  } else if (components[index]?.name === "dns" || components[index]?.name === "dns4" || components[index]?.name === "dns6") {
    config.type = components[index].name;
    config.host = components[index].value;
    index++;
  } else if (components[index]?.name === "dnsaddr") {
    config.type = components[index].name;
    config.host = `_dnsaddr.${components[index].value}`;
    index++;
  }
  if (components[index]?.name === "tcp" || components[index]?.name === "udp") {
    config.protocol = components[index].name === "tcp" ? "tcp" : "udp";
    config.port = parseInt(`${components[index].value}`);
    index++;
  }
  if (components[index]?.name === "ipcidr") {
    if (config.type === "ip4") {
      config.cidr = parseInt(`${components[index].value}`);
    } else if (config.type === "ip6") {
      config.cidr = `${components[index].value}`;
    }
    index++;
  }
  if (config.type == null || config.host == null) {
    return null;
  }
  if (components[index]?.name === "tls" && components[index + 1]?.name === "sni") {
    config.sni = components[index + 1].value;
    index += 2;
  }
  return config;
}
function getNetConfig(ma) {
  const config = tryGetNetConfig(ma);
  if (config == null) {
    throw new InvalidParametersError(`Multiaddr ${ma} was not an IPv4, IPv6, DNS, DNS4, DNS6 or DNSADDR address`);
  }
  return config;
}

// ../../node_modules/.pnpm/@chainsafe+is-ip@2.1.0/node_modules/@chainsafe/is-ip/lib/parser.js
var Parser = class {
  index = 0;
  input = "";
  new(input) {
    this.index = 0;
    this.input = input;
    return this;
  }
  /** Run a parser, and restore the pre-parse state if it fails. */
  readAtomically(fn) {
    const index = this.index;
    const result = fn();
    if (result === void 0) {
      this.index = index;
    }
    return result;
  }
  /** Run a parser, but fail if the entire input wasn't consumed. Doesn't run atomically. */
  parseWith(fn) {
    const result = fn();
    if (this.index !== this.input.length) {
      return void 0;
    }
    return result;
  }
  /** Peek the next character from the input */
  peekChar() {
    if (this.index >= this.input.length) {
      return void 0;
    }
    return this.input[this.index];
  }
  /** Read the next character from the input */
  readChar() {
    if (this.index >= this.input.length) {
      return void 0;
    }
    return this.input[this.index++];
  }
  /** Read the next character from the input if it matches the target. */
  readGivenChar(target) {
    return this.readAtomically(() => {
      const char = this.readChar();
      if (char !== target) {
        return void 0;
      }
      return char;
    });
  }
  /**
   * Helper for reading separators in an indexed loop. Reads the separator
   * character iff index > 0, then runs the parser. When used in a loop,
   * the separator character will only be read on index > 0 (see
   * readIPv4Addr for an example)
   */
  readSeparator(sep, index, inner) {
    return this.readAtomically(() => {
      if (index > 0) {
        if (this.readGivenChar(sep) === void 0) {
          return void 0;
        }
      }
      return inner();
    });
  }
  /**
   * Read a number off the front of the input in the given radix, stopping
   * at the first non-digit character or eof. Fails if the number has more
   * digits than max_digits or if there is no number.
   */
  readNumber(radix, maxDigits, allowZeroPrefix, maxBytes) {
    return this.readAtomically(() => {
      let result = 0;
      let digitCount = 0;
      const leadingChar = this.peekChar();
      if (leadingChar === void 0) {
        return void 0;
      }
      const hasLeadingZero = leadingChar === "0";
      const maxValue = 2 ** (8 * maxBytes) - 1;
      while (true) {
        const digit = this.readAtomically(() => {
          const char = this.readChar();
          if (char === void 0) {
            return void 0;
          }
          const num = Number.parseInt(char, radix);
          if (Number.isNaN(num)) {
            return void 0;
          }
          return num;
        });
        if (digit === void 0) {
          break;
        }
        result *= radix;
        result += digit;
        if (result > maxValue) {
          return void 0;
        }
        digitCount += 1;
        if (maxDigits !== void 0) {
          if (digitCount > maxDigits) {
            return void 0;
          }
        }
      }
      if (digitCount === 0) {
        return void 0;
      } else if (!allowZeroPrefix && hasLeadingZero && digitCount > 1) {
        return void 0;
      } else {
        return result;
      }
    });
  }
  /** Read an IPv4 address. */
  readIPv4Addr() {
    return this.readAtomically(() => {
      const out = new Uint8Array(4);
      for (let i = 0; i < out.length; i++) {
        const ix = this.readSeparator(".", i, () => this.readNumber(10, 3, false, 1));
        if (ix === void 0) {
          return void 0;
        }
        out[i] = ix;
      }
      return out;
    });
  }
  /** Read an IPv6 Address. */
  readIPv6Addr() {
    const readGroups = (groups) => {
      for (let i = 0; i < groups.length / 2; i++) {
        const ix = i * 2;
        if (i < groups.length - 3) {
          const ipv4 = this.readSeparator(":", i, () => this.readIPv4Addr());
          if (ipv4 !== void 0) {
            groups[ix] = ipv4[0];
            groups[ix + 1] = ipv4[1];
            groups[ix + 2] = ipv4[2];
            groups[ix + 3] = ipv4[3];
            return [ix + 4, true];
          }
        }
        const group = this.readSeparator(":", i, () => this.readNumber(16, 4, true, 2));
        if (group === void 0) {
          return [ix, false];
        }
        groups[ix] = group >> 8;
        groups[ix + 1] = group & 255;
      }
      return [groups.length, false];
    };
    return this.readAtomically(() => {
      const head = new Uint8Array(16);
      const [headSize, headIp4] = readGroups(head);
      if (headSize === 16) {
        return head;
      }
      if (headIp4) {
        return void 0;
      }
      if (this.readGivenChar(":") === void 0) {
        return void 0;
      }
      if (this.readGivenChar(":") === void 0) {
        return void 0;
      }
      const tail = new Uint8Array(14);
      const limit = 16 - (headSize + 2);
      const [tailSize] = readGroups(tail.subarray(0, limit));
      head.set(tail.subarray(0, tailSize), 16 - tailSize);
      return head;
    });
  }
  /** Read an IP Address, either IPv4 or IPv6. */
  readIPAddr() {
    return this.readIPv4Addr() ?? this.readIPv6Addr();
  }
};

// ../../node_modules/.pnpm/@chainsafe+is-ip@2.1.0/node_modules/@chainsafe/is-ip/lib/parse.js
var MAX_IPV6_LENGTH = 45;
var MAX_IPV4_LENGTH = 15;
var parser = new Parser();
function parseIPv4(input) {
  if (input.length > MAX_IPV4_LENGTH) {
    return void 0;
  }
  return parser.new(input).parseWith(() => parser.readIPv4Addr());
}
function parseIPv6(input) {
  if (input.includes("%")) {
    input = input.split("%")[0];
  }
  if (input.length > MAX_IPV6_LENGTH) {
    return void 0;
  }
  return parser.new(input).parseWith(() => parser.readIPv6Addr());
}
function parseIP(input, mapIPv4ToIPv6 = false) {
  if (input.includes("%")) {
    input = input.split("%")[0];
  }
  if (input.length > MAX_IPV6_LENGTH) {
    return void 0;
  }
  const addr = parser.new(input).parseWith(() => parser.readIPAddr());
  if (!addr) {
    return void 0;
  }
  if (mapIPv4ToIPv6 && addr.length === 4) {
    return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, addr[0], addr[1], addr[2], addr[3]]);
  }
  return addr;
}

// ../../node_modules/.pnpm/@chainsafe+netmask@2.0.0/node_modules/@chainsafe/netmask/dist/src/util.js
function allFF(a, from, to) {
  let i = 0;
  for (const e of a) {
    if (i < from)
      continue;
    if (i > to)
      break;
    if (e !== 255)
      return false;
    i++;
  }
  return true;
}
function deepEqual(a, b, from, to) {
  let i = 0;
  for (const e of a) {
    if (i < from)
      continue;
    if (i > to)
      break;
    if (e !== b[i])
      return false;
    i++;
  }
  return true;
}
function ipToString(ip) {
  switch (ip.length) {
    case IPv4Len: {
      return ip.join(".");
    }
    case IPv6Len: {
      const result = [];
      for (let i = 0; i < ip.length; i++) {
        if (i % 2 === 0) {
          result.push(ip[i].toString(16).padStart(2, "0") + ip[i + 1].toString(16).padStart(2, "0"));
        }
      }
      return result.join(":");
    }
    default: {
      throw new Error("Invalid ip length");
    }
  }
}
function simpleMaskLength(mask) {
  let ones = 0;
  for (let [index, byte] of mask.entries()) {
    if (byte === 255) {
      ones += 8;
      continue;
    }
    while ((byte & 128) != 0) {
      ones++;
      byte = byte << 1;
    }
    if ((byte & 128) != 0) {
      return -1;
    }
    for (let i = index + 1; i < mask.length; i++) {
      if (mask[i] != 0) {
        return -1;
      }
    }
    break;
  }
  return ones;
}
function maskToHex(mask) {
  let hex = "0x";
  for (const byte of mask) {
    hex += (byte >> 4).toString(16) + (byte & 15).toString(16);
  }
  return hex;
}

// ../../node_modules/.pnpm/@chainsafe+netmask@2.0.0/node_modules/@chainsafe/netmask/dist/src/ip.js
var IPv4Len = 4;
var IPv6Len = 16;
var maxIPv6Octet = parseInt("0xFFFF", 16);
var ipv4Prefix = new Uint8Array([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  255,
  255
]);
function maskIp(ip, mask) {
  if (mask.length === IPv6Len && ip.length === IPv4Len && allFF(mask, 0, 11)) {
    mask = mask.slice(12);
  }
  if (mask.length === IPv4Len && ip.length === IPv6Len && deepEqual(ip, ipv4Prefix, 0, 11)) {
    ip = ip.slice(12);
  }
  const n = ip.length;
  if (n != mask.length) {
    throw new Error("Failed to mask ip");
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = ip[i] & mask[i];
  }
  return out;
}
function containsIp(net, ip) {
  if (typeof ip === "string") {
    ip = parseIP(ip);
  }
  if (ip == null)
    throw new Error("Invalid ip");
  if (ip.length !== net.network.length) {
    return false;
  }
  for (let i = 0; i < ip.length; i++) {
    if ((net.network[i] & net.mask[i]) !== (ip[i] & net.mask[i])) {
      return false;
    }
  }
  return true;
}

// ../../node_modules/.pnpm/@chainsafe+netmask@2.0.0/node_modules/@chainsafe/netmask/dist/src/cidr.js
function parseCidr(s) {
  const [address, maskString] = s.split("/");
  if (!address || !maskString)
    throw new Error("Failed to parse given CIDR: " + s);
  let ipLength = IPv4Len;
  let ip = parseIPv4(address);
  if (ip == null) {
    ipLength = IPv6Len;
    ip = parseIPv6(address);
    if (ip == null)
      throw new Error("Failed to parse given CIDR: " + s);
  }
  const m = parseInt(maskString, 10);
  if (Number.isNaN(m) || String(m).length !== maskString.length || m < 0 || m > ipLength * 8) {
    throw new Error("Failed to parse given CIDR: " + s);
  }
  const mask = cidrMask(m, 8 * ipLength);
  return {
    network: maskIp(ip, mask),
    mask
  };
}
function cidrMask(ones, bits) {
  if (bits !== 8 * IPv4Len && bits !== 8 * IPv6Len)
    throw new Error("Invalid CIDR mask");
  if (ones < 0 || ones > bits)
    throw new Error("Invalid CIDR mask");
  const l = bits / 8;
  const m = new Uint8Array(l);
  for (let i = 0; i < l; i++) {
    if (ones >= 8) {
      m[i] = 255;
      ones -= 8;
      continue;
    }
    m[i] = 255 - (255 >> ones);
    ones = 0;
  }
  return m;
}

// ../../node_modules/.pnpm/@chainsafe+netmask@2.0.0/node_modules/@chainsafe/netmask/dist/src/ipnet.js
var IpNet = class {
  /**
   *
   * @param ipOrCidr either network ip or full cidr address
   * @param mask in case ipOrCidr is network this can be either mask in decimal format or as ip address
   */
  constructor(ipOrCidr, mask) {
    if (mask == null) {
      ({ network: this.network, mask: this.mask } = parseCidr(ipOrCidr));
    } else {
      const ipResult = parseIP(ipOrCidr);
      if (ipResult == null) {
        throw new Error("Failed to parse network");
      }
      mask = String(mask);
      const m = parseInt(mask, 10);
      if (Number.isNaN(m) || String(m).length !== mask.length || m < 0 || m > ipResult.length * 8) {
        const maskResult = parseIP(mask);
        if (maskResult == null) {
          throw new Error("Failed to parse mask");
        }
        this.mask = maskResult;
      } else {
        this.mask = cidrMask(m, 8 * ipResult.length);
      }
      this.network = maskIp(ipResult, this.mask);
    }
  }
  /**
   * Checks if netmask contains ip address
   * @param ip
   * @returns
   */
  contains(ip) {
    return containsIp({ network: this.network, mask: this.mask }, ip);
  }
  /**Serializes back to string format */
  toString() {
    const l = simpleMaskLength(this.mask);
    const mask = l !== -1 ? String(l) : maskToHex(this.mask);
    return ipToString(this.network) + "/" + mask;
  }
};

// ../../node_modules/.pnpm/@chainsafe+netmask@2.0.0/node_modules/@chainsafe/netmask/dist/src/index.js
function cidrContains(cidr, ip) {
  const ipnet = new IpNet(cidr);
  return ipnet.contains(ip);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/is-global-unicast.js
function isGlobalUnicast(ma) {
  try {
    const config = getNetConfig(ma);
    switch (config.type) {
      case "ip6":
        return cidrContains("2000::/3", config.host);
      default:
        return false;
    }
  } catch {
    return false;
  }
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/is-link-local.js
function isLinkLocal(ma) {
  try {
    const config = getNetConfig(ma);
    switch (config.type) {
      case "ip4":
        return config.host.startsWith("169.254.");
      case "ip6":
        return config.host.toLowerCase().startsWith("fe80");
      default:
        return false;
    }
  } catch (err) {
    return false;
  }
}

// ../../node_modules/.pnpm/is-loopback-addr@2.1.0/node_modules/is-loopback-addr/dist/src/index.js
function isLoopbackAddr(ip) {
  if (typeof ip !== "string" || !/^[0-9a-fA-FxX.:]+$/.test(ip)) {
    return false;
  }
  const authority = ip.includes(":") ? `[${ip}]` : ip;
  let url;
  try {
    url = new URL(`http://${authority}`);
  } catch {
    return false;
  }
  if (url.href !== `http://${url.hostname}/`) {
    return false;
  }
  const hostname = url.hostname;
  if (hostname.startsWith("[")) {
    return hostname === "[::1]";
  }
  const parts = hostname.split(".");
  return parts.length === 4 && parts[0] === "127" && parts.every((part) => /^\d{1,3}$/.test(part));
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/is-loopback.js
function isLoopback(ma) {
  try {
    const config = getNetConfig(ma);
    switch (config.type) {
      case "ip4":
      case "ip6":
        return isLoopbackAddr(config.host);
      default:
        return false;
    }
  } catch {
    return false;
  }
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/is-network-address.js
function isNetworkAddress(ma) {
  return tryGetNetConfig(ma) !== null;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/private-ip.js
var import_netmask2 = __toESM(require_netmask(), 1);
var PRIVATE_IP_RANGES = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.0.0/29",
  "192.0.0.8/32",
  "192.0.0.9/32",
  "192.0.0.10/32",
  "192.0.0.170/32",
  "192.0.0.171/32",
  "192.0.2.0/24",
  "192.31.196.0/24",
  "192.52.193.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "192.175.48.0/24",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "240.0.0.0/4",
  "255.255.255.255/32"
];
var NETMASK_RANGES = PRIVATE_IP_RANGES.map((ipRange) => new import_netmask2.Netmask(ipRange));
function ipv4Check(ipAddr) {
  for (const r of NETMASK_RANGES) {
    if (r.contains(ipAddr)) {
      return true;
    }
  }
  return false;
}
function isIpv4MappedIpv6(ipAddr) {
  return /^::ffff:([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})$/.test(ipAddr);
}
function ipv4MappedIpv6Check(ipAddr) {
  const parts = ipAddr.split(":");
  if (parts.length < 2) {
    return false;
  }
  const octet34 = parts[parts.length - 1].padStart(4, "0");
  const octet12 = parts[parts.length - 2].padStart(4, "0");
  const ip4 = `${parseInt(octet12.substring(0, 2), 16)}.${parseInt(octet12.substring(2), 16)}.${parseInt(octet34.substring(0, 2), 16)}.${parseInt(octet34.substring(2), 16)}`;
  return ipv4Check(ip4);
}
function isIpv4EmbeddedIpv6(ipAddr) {
  return /^::ffff:([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.test(ipAddr);
}
function ipv4EmbeddedIpv6Check(ipAddr) {
  const parts = ipAddr.split(":");
  const ip4 = parts[parts.length - 1];
  return ipv4Check(ip4);
}
function ipv6Check(ipAddr) {
  return /^::$/.test(ipAddr) || /^::1$/.test(ipAddr) || /^64:ff9b::([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.test(ipAddr) || /^100::([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4})$/.test(ipAddr) || /^2001::([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4})$/.test(ipAddr) || /^2001:2[0-9a-fA-F]:([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4})$/.test(ipAddr) || /^2001:db8:([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4})$/.test(ipAddr) || /^2002:([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4}):?([0-9a-fA-F]{0,4})$/.test(ipAddr) || /^f[c-d]([0-9a-fA-F]{2,2}):/i.test(ipAddr) || /^fe[8-9a-bA-B][0-9a-fA-F]:/i.test(ipAddr) || /^ff([0-9a-fA-F]{2,2}):/i.test(ipAddr);
}
function isPrivateIp(ip) {
  if (isIPv4(ip)) {
    return ipv4Check(ip);
  }
  if (isIpv4MappedIpv6(ip)) {
    return ipv4MappedIpv6Check(ip);
  }
  if (isIpv4EmbeddedIpv6(ip)) {
    return ipv4EmbeddedIpv6Check(ip);
  }
  if (isIPv6(ip)) {
    return ipv6Check(ip);
  }
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/is-private.js
function isPrivate(ma) {
  try {
    const config = getNetConfig(ma);
    switch (config.type) {
      case "ip4":
      case "ip6":
        return isPrivateIp(config.host) ?? false;
      default:
        return config.host === "localhost";
    }
  } catch {
    return false;
  }
}

// ../../node_modules/.pnpm/@multiformats+multiaddr-matcher@3.0.2/node_modules/@multiformats/multiaddr-matcher/dist/src/utils.js
var code = (code2) => {
  return {
    match: (vals) => {
      const component = vals[0];
      if (component == null) {
        return false;
      }
      if (component.code !== code2) {
        return false;
      }
      if (component.value != null) {
        return false;
      }
      return vals.slice(1);
    }
  };
};
var value = (code2, value2) => {
  return {
    match: (vals) => {
      const component = vals[0];
      if (component?.code !== code2) {
        return false;
      }
      if (component.value == null) {
        return false;
      }
      if (value2 != null && component.value !== value2) {
        return false;
      }
      return vals.slice(1);
    }
  };
};
var not = (matcher) => {
  return {
    match: (vals) => {
      const result = matcher.match(vals);
      if (result === false) {
        return vals;
      }
      return false;
    }
  };
};
var optional = (matcher) => {
  return {
    match: (vals) => {
      const result = matcher.match(vals);
      if (result === false) {
        return vals;
      }
      return result;
    }
  };
};
var or = (...matchers) => {
  return {
    match: (vals) => {
      let matches;
      for (const matcher of matchers) {
        const result = matcher.match(vals);
        if (result === false) {
          continue;
        }
        if (matches == null || result.length < matches.length) {
          matches = result;
        }
      }
      if (matches == null) {
        return false;
      }
      return matches;
    }
  };
};
var and = (...matchers) => {
  return {
    match: (vals) => {
      for (const matcher of matchers) {
        const result = matcher.match(vals);
        if (result === false) {
          return false;
        }
        vals = result;
      }
      return vals;
    }
  };
};
function fmt(...matchers) {
  function match(ma) {
    if (ma == null) {
      return false;
    }
    let parts = ma.getComponents();
    for (const matcher of matchers) {
      const result = matcher.match(parts);
      if (result === false) {
        return false;
      }
      parts = result;
    }
    return parts;
  }
  function matches(ma) {
    const result = match(ma);
    return result !== false;
  }
  function exactMatch(ma) {
    const result = match(ma);
    if (result === false) {
      return false;
    }
    return result.length === 0;
  }
  return {
    matchers,
    matches,
    exactMatch
  };
}

// ../../node_modules/.pnpm/@multiformats+multiaddr-matcher@3.0.2/node_modules/@multiformats/multiaddr-matcher/dist/src/index.js
var _PEER_ID = value(CODE_P2P);
var PEER_ID = fmt(_PEER_ID);
var _DNS4 = value(CODE_DNS4);
var _DNS6 = value(CODE_DNS6);
var _DNSADDR = value(CODE_DNSADDR);
var _DNS = value(CODE_DNS);
var DNS4 = fmt(_DNS4, optional(value(CODE_P2P)));
var DNS6 = fmt(_DNS6, optional(value(CODE_P2P)));
var DNSADDR = fmt(_DNSADDR, optional(value(CODE_P2P)));
var DNS = fmt(or(_DNS, _DNSADDR, _DNS4, _DNS6), optional(value(CODE_P2P)));
var _IP4 = and(value(CODE_IP4), optional(value(CODE_IPCIDR)));
var _IP6 = and(optional(value(CODE_IP6ZONE)), value(CODE_IP6), optional(value(CODE_IPCIDR)));
var _IP = or(_IP4, _IP6);
var _IP_OR_DOMAIN = or(_IP, _DNS, _DNS4, _DNS6, _DNSADDR);
var IP_OR_DOMAIN = fmt(or(_IP, and(or(_DNS, _DNSADDR, _DNS4, _DNS6), optional(value(CODE_P2P)))));
var IP4 = fmt(_IP4);
var IP6 = fmt(_IP6);
var IP = fmt(_IP);
var _TCP = and(_IP_OR_DOMAIN, value(CODE_TCP));
var _UDP = and(_IP_OR_DOMAIN, value(CODE_UDP));
var TCP = fmt(and(_TCP, optional(value(CODE_P2P))));
var UDP = fmt(_UDP);
var _QUIC = and(_UDP, code(CODE_QUIC), optional(value(CODE_P2P)));
var _QUIC_V1 = and(_UDP, code(CODE_QUIC_V1), optional(value(CODE_P2P)));
var QUIC_V0_OR_V1 = or(_QUIC, _QUIC_V1);
var QUIC = fmt(_QUIC);
var QUIC_V1 = fmt(_QUIC_V1);
var _WEB = or(_IP_OR_DOMAIN, _TCP, _UDP, _QUIC, _QUIC_V1);
var _WebSockets = or(and(_WEB, code(CODE_WS), optional(value(CODE_P2P))));
var WebSockets = fmt(_WebSockets);
var _WebSocketsSecure = or(and(_WEB, code(CODE_WSS), optional(value(CODE_P2P))), and(_WEB, code(CODE_TLS), optional(value(CODE_SNI)), code(CODE_WS), optional(value(CODE_P2P))));
var WebSocketsSecure = fmt(_WebSocketsSecure);
var _WebRTCDirect = and(_UDP, code(CODE_WEBRTC_DIRECT), optional(value(CODE_CERTHASH)), optional(value(CODE_CERTHASH)), optional(value(CODE_P2P)));
var WebRTCDirect = fmt(_WebRTCDirect);
var _WebTransport = and(_QUIC_V1, code(CODE_WEBTRANSPORT), optional(value(CODE_CERTHASH)), optional(value(CODE_CERTHASH)), optional(value(CODE_P2P)));
var WebTransport = fmt(_WebTransport);
var _P2P = or(_WebSockets, _WebSocketsSecure, and(_TCP, optional(value(CODE_P2P))), and(QUIC_V0_OR_V1, optional(value(CODE_P2P))), and(_IP_OR_DOMAIN, optional(value(CODE_P2P))), _WebRTCDirect, _WebTransport, value(CODE_P2P));
var P2P = fmt(_P2P);
var _Circuit = and(optional(_P2P), code(CODE_P2P_CIRCUIT), not(code(CODE_WEBRTC)), optional(value(CODE_P2P)));
var Circuit = fmt(_Circuit);
var _WebRTC = or(and(_P2P, code(CODE_P2P_CIRCUIT), code(CODE_WEBRTC), optional(value(CODE_P2P))), and(_P2P, code(CODE_WEBRTC), optional(value(CODE_P2P))), and(code(CODE_WEBRTC), optional(value(CODE_P2P))));
var WebRTC = fmt(_WebRTC);
var _HTTP = and(_IP_OR_DOMAIN, or(and(value(CODE_TCP, "80")), and(value(CODE_TCP), code(CODE_HTTP)), code(CODE_HTTP)), optional(value(CODE_HTTP_PATH)), optional(value(CODE_P2P)));
var HTTP = fmt(_HTTP);
var _HTTPS = and(_IP_OR_DOMAIN, or(and(value(CODE_TCP, "443")), and(value(CODE_TCP, "443"), code(CODE_HTTP)), and(value(CODE_TCP), code(CODE_HTTPS)), and(value(CODE_TCP), code(CODE_TLS), code(CODE_HTTP)), and(code(CODE_TLS), code(CODE_HTTP)), code(CODE_TLS), code(CODE_HTTPS)), optional(value(CODE_HTTP_PATH)), optional(value(CODE_P2P)));
var HTTPS = fmt(_HTTPS);
var _Memory = or(and(value(CODE_MEMORY), optional(value(CODE_P2P))));
var Memory = fmt(_Memory);
var _Unix = or(and(value(CODE_UNIX), optional(value(CODE_P2P))));
var Unix = fmt(_Unix);

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/sorters.js
function reliableTransportsFirst(a, b) {
  const isATcp = TCP.exactMatch(a);
  const isBTcp = TCP.exactMatch(b);
  if (isATcp && !isBTcp) {
    return -1;
  }
  if (!isATcp && isBTcp) {
    return 1;
  }
  const isAWebSocketSecure = WebSocketsSecure.exactMatch(a);
  const isBWebSocketSecure = WebSocketsSecure.exactMatch(b);
  if (isAWebSocketSecure && !isBWebSocketSecure) {
    return -1;
  }
  if (!isAWebSocketSecure && isBWebSocketSecure) {
    return 1;
  }
  const isAWebSocket = WebSockets.exactMatch(a);
  const isBWebSocket = WebSockets.exactMatch(b);
  if (isAWebSocket && !isBWebSocket) {
    return -1;
  }
  if (!isAWebSocket && isBWebSocket) {
    return 1;
  }
  const isAWebRTC = WebRTC.exactMatch(a);
  const isBWebRTC = WebRTC.exactMatch(b);
  if (isAWebRTC && !isBWebRTC) {
    return -1;
  }
  if (!isAWebRTC && isBWebRTC) {
    return 1;
  }
  const isAWebRTCDirect = WebRTCDirect.exactMatch(a);
  const isBWebRTCDirect = WebRTCDirect.exactMatch(b);
  if (isAWebRTCDirect && !isBWebRTCDirect) {
    return -1;
  }
  if (!isAWebRTCDirect && isBWebRTCDirect) {
    return 1;
  }
  const isAWebTransport = WebTransport.exactMatch(a);
  const isBWebTransport = WebTransport.exactMatch(b);
  if (isAWebTransport && !isBWebTransport) {
    return -1;
  }
  if (!isAWebTransport && isBWebTransport) {
    return 1;
  }
  return 0;
}
function loopbackAddressLast(a, b) {
  const isALoopback = isLoopback(a);
  const isBLoopback = isLoopback(b);
  if (isALoopback && !isBLoopback) {
    return 1;
  } else if (!isALoopback && isBLoopback) {
    return -1;
  }
  return 0;
}
function publicAddressesFirst(a, b) {
  const isAPrivate = isPrivate(a);
  const isBPrivate = isPrivate(b);
  if (isAPrivate && !isBPrivate) {
    return 1;
  } else if (!isAPrivate && isBPrivate) {
    return -1;
  }
  return 0;
}
function circuitRelayAddressesLast(a, b) {
  const isACircuit = Circuit.exactMatch(a);
  const isBCircuit = Circuit.exactMatch(b);
  if (isACircuit && !isBCircuit) {
    return 1;
  } else if (!isACircuit && isBCircuit) {
    return -1;
  }
  return 0;
}
function defaultMultiaddrSorter(multiaddrs) {
  return multiaddrs.sort((a, b) => loopbackAddressLast(a, b) || publicAddressesFirst(a, b) || circuitRelayAddressesLast(a, b) || reliableTransportsFirst(a, b));
}

// ../../node_modules/.pnpm/p-timeout@7.0.2/node_modules/p-timeout/index.js
var TimeoutError = class _TimeoutError extends Error {
  name = "TimeoutError";
  constructor(message, options) {
    super(message, options);
    Error.captureStackTrace?.(this, _TimeoutError);
  }
};
var getAbortedReason = (signal) => signal.reason ?? new DOMException("This operation was aborted.", "AbortError");
function pTimeout(promise, options) {
  const {
    milliseconds,
    fallback,
    message,
    customTimers = { setTimeout, clearTimeout },
    signal
  } = options;
  let timer;
  let abortHandler;
  const wrappedPromise = new Promise((resolve, reject) => {
    if (typeof milliseconds !== "number" || Math.sign(milliseconds) !== 1) {
      throw new TypeError(`Expected \`milliseconds\` to be a positive number, got \`${milliseconds}\``);
    }
    if (signal?.aborted) {
      reject(getAbortedReason(signal));
      promise.then(resolve, reject);
      return;
    }
    if (signal) {
      abortHandler = () => {
        reject(getAbortedReason(signal));
      };
      signal.addEventListener("abort", abortHandler, { once: true });
    }
    promise.then(resolve, reject);
    if (milliseconds === Number.POSITIVE_INFINITY) {
      return;
    }
    const timeoutError = new TimeoutError();
    timer = customTimers.setTimeout.call(void 0, () => {
      if (fallback) {
        try {
          resolve(fallback());
        } catch (error) {
          reject(error);
        }
        return;
      }
      if (typeof promise.cancel === "function") {
        promise.cancel();
      }
      if (message === false) {
        resolve();
      } else if (message instanceof Error) {
        reject(message);
      } else {
        timeoutError.message = message ?? `Promise timed out after ${milliseconds} milliseconds`;
        reject(timeoutError);
      }
    }, milliseconds);
  });
  const cancelablePromise = wrappedPromise.finally(() => {
    cancelablePromise.clear();
    if (abortHandler && signal) {
      signal.removeEventListener("abort", abortHandler);
    }
  });
  cancelablePromise.clear = () => {
    customTimers.clearTimeout.call(void 0, timer);
    timer = void 0;
  };
  return cancelablePromise;
}

// ../../node_modules/.pnpm/p-event@7.1.1/node_modules/p-event/index.js
var normalizeEmitter = (emitter) => {
  const addListener = emitter.addEventListener || emitter.on || emitter.addListener;
  const removeListener = emitter.removeEventListener || emitter.off || emitter.removeListener;
  if (!addListener || !removeListener) {
    throw new TypeError("Emitter is not compatible");
  }
  return {
    addListener: addListener.bind(emitter),
    removeListener: removeListener.bind(emitter)
  };
};
function pEventMultiple(emitter, event, options) {
  let cancel;
  const returnValue = new Promise((resolve, reject) => {
    options = {
      rejectionEvents: ["error"],
      multiArgs: false,
      rejectionMultiArgs: false,
      resolveImmediately: false,
      ...options
    };
    if (!(options.count >= 0 && (options.count === Number.POSITIVE_INFINITY || Number.isInteger(options.count)))) {
      throw new TypeError("The `count` option should be at least 0 or more");
    }
    options.signal?.throwIfAborted();
    const events = [event].flat();
    const items = [];
    const { addListener, removeListener } = normalizeEmitter(emitter);
    const onItem = async (...arguments_) => {
      const value2 = options.multiArgs ? arguments_ : arguments_[0];
      if (options.filter) {
        try {
          if (!await options.filter(value2)) {
            return;
          }
        } catch (error) {
          cancel();
          reject(error);
          return;
        }
      }
      items.push(value2);
      if (options.count === items.length) {
        cancel();
        resolve(items);
      }
    };
    const rejectHandler = (...arguments_) => {
      cancel();
      reject(options.rejectionMultiArgs ? arguments_ : arguments_[0]);
    };
    cancel = () => {
      for (const event2 of events) {
        removeListener(event2, onItem);
      }
      for (const rejectionEvent of options.rejectionEvents) {
        if (!events.includes(rejectionEvent)) {
          removeListener(rejectionEvent, rejectHandler);
        }
      }
    };
    for (const event2 of events) {
      addListener(event2, onItem);
    }
    for (const rejectionEvent of options.rejectionEvents) {
      if (!events.includes(rejectionEvent)) {
        addListener(rejectionEvent, rejectHandler);
      }
    }
    if (options.signal) {
      options.signal.addEventListener("abort", () => {
        rejectHandler(options.signal.reason);
      }, { once: true });
    }
    if (options.resolveImmediately) {
      resolve(items);
    }
  });
  returnValue.cancel = cancel;
  if (typeof options.timeout === "number") {
    const timeout = pTimeout(returnValue, { milliseconds: options.timeout });
    timeout.cancel = () => {
      cancel();
      timeout.clear();
    };
    return timeout;
  }
  return returnValue;
}
function pEvent(emitter, event, options) {
  if (typeof options === "function") {
    options = { filter: options };
  }
  options = {
    ...options,
    count: 1,
    resolveImmediately: false
  };
  const arrayPromise = pEventMultiple(emitter, event, options);
  const promise = arrayPromise.then((array) => array[0]);
  promise.cancel = arrayPromise.cancel;
  return promise;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/debounce.js
function debounce(func, wait) {
  let timeout;
  const output = function() {
    const later = function() {
      timeout = void 0;
      void func();
    };
    clearTimeout(timeout);
    timeout = setTimeout(later, wait);
  };
  output.start = () => {
  };
  output.stop = () => {
    clearTimeout(timeout);
  };
  return output;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/errors.js
var RateLimitError = class extends Error {
  remainingPoints;
  msBeforeNext;
  consumedPoints;
  isFirstInDuration;
  constructor(message = "Rate limit exceeded", props) {
    super(message);
    this.name = "RateLimitError";
    this.remainingPoints = props.remainingPoints;
    this.msBeforeNext = props.msBeforeNext;
    this.consumedPoints = props.consumedPoints;
    this.isFirstInDuration = props.isFirstInDuration;
  }
};
var QueueFullError = class extends Error {
  static name = "QueueFullError";
  constructor(message = "The queue was full") {
    super(message);
    this.name = "QueueFullError";
  }
};
var UnexpectedEOFError = class extends Error {
  static name = "UnexpectedEOFError";
  name = "UnexpectedEOFError";
};
var MaxEarlyStreamsError = class extends Error {
  static name = "MaxEarlyStreamsError";
  name = "MaxEarlyStreamsError";
};
var StreamClosedError = class extends Error {
  static name = "StreamClosedError";
  name = "StreamClosedError";
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/queue/recipient.js
var JobRecipient = class {
  deferred;
  signal;
  onProgress;
  constructor(options) {
    this.signal = options?.signal;
    this.onProgress = options?.onProgress;
    this.deferred = pDefer();
    this.onAbort = this.onAbort.bind(this);
    this.signal?.addEventListener("abort", this.onAbort);
  }
  onAbort() {
    this.deferred.reject(this.signal?.reason ?? new AbortError());
  }
  cleanup() {
    this.signal?.removeEventListener("abort", this.onAbort);
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/queue/job.js
function randomId() {
  return `${parseInt(String(Math.random() * 1e9), 10).toString()}${Date.now()}`;
}
var dispatchedProgressEvents = /* @__PURE__ */ new WeakMap();
var Job = class {
  id;
  fn;
  options;
  recipients;
  status;
  timeline;
  controller;
  dispatchingProgress;
  constructor(fn, options) {
    this.id = randomId();
    this.status = "queued";
    this.fn = fn;
    this.options = options;
    this.recipients = [];
    this.timeline = {
      created: Date.now()
    };
    this.controller = new AbortController();
    setMaxListeners(Infinity, this.controller.signal);
    this.dispatchingProgress = false;
    this.onAbort = this.onAbort.bind(this);
  }
  abort(err) {
    this.controller.abort(err);
  }
  onAbort() {
    const allAborted = this.recipients.reduce((acc, curr) => {
      return acc && curr.signal?.aborted === true;
    }, true);
    if (allAborted) {
      this.controller.abort(new AbortError());
      this.cleanup();
    }
  }
  async join(options) {
    const recipient = new JobRecipient(options);
    this.recipients.push(recipient);
    options?.signal?.addEventListener("abort", this.onAbort);
    return recipient.deferred.promise;
  }
  async run() {
    this.status = "running";
    this.timeline.started = Date.now();
    try {
      this.controller.signal.throwIfAborted();
      const result = await raceSignal(this.fn({
        ...this.options ?? {},
        signal: this.controller.signal,
        onProgress: (evt) => {
          if (this.recipients.length === 0) {
            return;
          }
          if (this.dispatchingProgress) {
            return;
          }
          if (typeof evt === "object" && evt !== null) {
            let jobs = dispatchedProgressEvents.get(evt);
            if (jobs == null) {
              jobs = /* @__PURE__ */ new WeakSet();
              dispatchedProgressEvents.set(evt, jobs);
            }
            if (jobs.has(this)) {
              return;
            }
            jobs.add(this);
          }
          this.dispatchingProgress = true;
          try {
            this.recipients.forEach((recipient) => {
              recipient.onProgress?.(evt);
            });
          } finally {
            this.dispatchingProgress = false;
          }
        }
      }), this.controller.signal);
      this.recipients.forEach((recipient) => {
        recipient.deferred.resolve(result);
      });
      this.status = "complete";
    } catch (err) {
      this.recipients.forEach((recipient) => {
        recipient.deferred.reject(err);
      });
      this.status = "errored";
    } finally {
      this.timeline.finished = Date.now();
      this.cleanup();
    }
  }
  cleanup() {
    this.recipients.forEach((recipient) => {
      recipient.deferred.reject(recipient.signal?.reason ?? new AbortError());
      recipient.cleanup();
      recipient.signal?.removeEventListener("abort", this.onAbort);
    });
    this.recipients.splice(0, this.recipients.length);
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/queue/index.js
var Queue = class extends TypedEventEmitter {
  concurrency;
  maxSize;
  queue;
  pending;
  sort;
  paused;
  constructor(init = {}) {
    super();
    this.concurrency = init.concurrency ?? Number.POSITIVE_INFINITY;
    this.maxSize = init.maxSize ?? Number.POSITIVE_INFINITY;
    this.pending = 0;
    this.paused = false;
    if (init.metricName != null) {
      init.metrics?.registerMetricGroup(init.metricName, {
        calculate: () => {
          return {
            size: this.queue.length,
            running: this.pending,
            queued: this.queue.length - this.pending
          };
        }
      });
    }
    this.sort = init.sort;
    this.queue = [];
    this.emitEmpty = debounce(this.emitEmpty.bind(this), 1);
    this.emitIdle = debounce(this.emitIdle.bind(this), 1);
  }
  emitEmpty() {
    if (this.size !== 0) {
      return;
    }
    this.safeDispatchEvent("empty");
  }
  emitIdle() {
    if (this.running !== 0) {
      return;
    }
    this.safeDispatchEvent("idle");
  }
  pause() {
    this.paused = true;
  }
  resume() {
    if (!this.paused) {
      return;
    }
    this.paused = false;
    this.tryToStartAnother();
  }
  tryToStartAnother() {
    if (this.paused) {
      return false;
    }
    if (this.size === 0) {
      this.emitEmpty();
      if (this.running === 0) {
        this.emitIdle();
      }
      return false;
    }
    if (this.pending < this.concurrency) {
      let job;
      for (const j of this.queue) {
        if (j.status === "queued") {
          job = j;
          break;
        }
      }
      if (job == null) {
        return false;
      }
      this.safeDispatchEvent("active");
      this.pending++;
      void job.run().finally(() => {
        for (let i = 0; i < this.queue.length; i++) {
          if (this.queue[i] === job) {
            this.queue.splice(i, 1);
            break;
          }
        }
        this.pending--;
        this.tryToStartAnother();
        this.safeDispatchEvent("next");
      });
      return true;
    }
    return false;
  }
  enqueue(job) {
    this.queue.push(job);
    if (this.sort != null) {
      this.queue.sort(this.sort);
    }
  }
  /**
   * Adds a sync or async task to the queue. Always returns a promise.
   */
  async add(fn, options) {
    options?.signal?.throwIfAborted();
    if (this.size === this.maxSize) {
      throw new QueueFullError();
    }
    const job = new Job(fn, options);
    this.enqueue(job);
    this.safeDispatchEvent("add");
    const result = job.join(options).then((result2) => {
      this.safeDispatchEvent("completed", { detail: result2 });
      this.safeDispatchEvent("success", { detail: { job, result: result2 } });
      return result2;
    }).catch((err) => {
      if (job.status === "queued") {
        for (let i = 0; i < this.queue.length; i++) {
          if (this.queue[i] === job) {
            this.queue.splice(i, 1);
            break;
          }
        }
      }
      this.safeDispatchEvent("failure", { detail: { job, error: err } });
      throw err;
    });
    this.tryToStartAnother();
    return result;
  }
  /**
   * Clear the queue
   */
  clear() {
    this.queue.splice(0, this.queue.length);
  }
  /**
   * Abort all jobs in the queue and clear it
   */
  abort() {
    this.queue.forEach((job) => {
      job.abort(new AbortError());
    });
    this.clear();
  }
  /**
   * Can be called multiple times. Useful if you for example add additional items at a later time.
   *
   * @returns A promise that settles when the queue becomes empty.
   */
  async onEmpty(options) {
    if (this.size === 0) {
      return;
    }
    await pEvent(this, "empty", options);
  }
  /**
   * @returns A promise that settles when the queue size is less than the given
   * limit: `queue.size < limit`.
   *
   * If you want to avoid having the queue grow beyond a certain size you can
   * `await queue.onSizeLessThan()` before adding a new item.
   *
   * Note that this only limits the number of items waiting to start. There
   * could still be up to `concurrency` jobs already running that this call does
   * not include in its calculation.
   */
  async onSizeLessThan(limit, options) {
    if (this.size < limit) {
      return;
    }
    await pEvent(this, "next", {
      ...options,
      filter: () => this.size < limit
    });
  }
  /**
   * The difference with `.onEmpty` is that `.onIdle` guarantees that all work
   * from the queue has finished. `.onEmpty` merely signals that the queue is
   * empty, but it could mean that some promises haven't completed yet.
   *
   * @returns A promise that settles when the queue becomes empty, and all
   * promises have completed; `queue.size === 0 && queue.pending === 0`.
   */
  async onIdle(options) {
    if (this.pending === 0 && this.size === 0) {
      return;
    }
    await pEvent(this, "idle", options);
  }
  /**
   * Size of the queue including running items
   */
  get size() {
    return this.queue.length;
  }
  /**
   * The number of queued items waiting to run.
   */
  get queued() {
    return this.queue.length - this.pending;
  }
  /**
   * The number of items currently running.
   */
  get running() {
    return this.pending;
  }
  /**
   * Returns an async generator that makes it easy to iterate over the results
   * of jobs added to the queue.
   *
   * The generator will end when the queue becomes idle, that is there are no
   * jobs running and no jobs that have yet to run.
   *
   * If you need to keep the queue open indefinitely, consider using it-pushable
   * instead.
   */
  async *toGenerator(options) {
    options?.signal?.throwIfAborted();
    const stream = pushable({
      objectMode: true
    });
    const cleanup = (err) => {
      if (err != null) {
        this.abort();
      } else {
        this.clear();
      }
      stream.end(err);
    };
    const onQueueJobComplete = (evt) => {
      if (evt.detail != null) {
        stream.push(evt.detail);
      }
    };
    const onQueueFailure = (evt) => {
      cleanup(evt.detail.error);
    };
    const onQueueIdle = () => {
      cleanup();
    };
    const onSignalAbort = () => {
      cleanup(new AbortError("Queue aborted"));
    };
    this.addEventListener("completed", onQueueJobComplete);
    this.addEventListener("failure", onQueueFailure);
    this.addEventListener("idle", onQueueIdle);
    options?.signal?.addEventListener("abort", onSignalAbort);
    try {
      yield* stream;
    } finally {
      this.removeEventListener("completed", onQueueJobComplete);
      this.removeEventListener("failure", onQueueFailure);
      this.removeEventListener("idle", onQueueIdle);
      options?.signal?.removeEventListener("abort", onSignalAbort);
      cleanup();
    }
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/abstract-message-stream.js
var DEFAULT_MAX_READ_BUFFER_LENGTH = Math.pow(2, 20) * 4;
var AbstractMessageStream = class extends TypedEventEmitter {
  status;
  timeline;
  inactivityTimeout;
  maxReadBufferLength;
  maxWriteBufferLength;
  log;
  direction;
  maxMessageSize;
  readStatus;
  writeStatus;
  remoteReadStatus;
  remoteWriteStatus;
  writableNeedsDrain;
  /**
   * Any data stored here is emitted before any new incoming data.
   *
   * This is used when the stream is paused or if data is pushed onto the stream
   */
  readBuffer;
  writeBuffer;
  sendingData;
  #readableEnded = false;
  onDrainPromise;
  constructor(init) {
    super();
    this.status = "open";
    this.log = init.log;
    this.direction = init.direction ?? "outbound";
    this.inactivityTimeout = init.inactivityTimeout ?? 12e4;
    this.maxReadBufferLength = init.maxReadBufferLength ?? DEFAULT_MAX_READ_BUFFER_LENGTH;
    this.maxWriteBufferLength = init.maxWriteBufferLength;
    this.maxMessageSize = init.maxMessageSize;
    this.readBuffer = new Uint8ArrayList();
    this.writeBuffer = new Uint8ArrayList();
    this.readStatus = "readable";
    this.remoteReadStatus = "readable";
    this.writeStatus = "writable";
    this.remoteWriteStatus = "writable";
    this.sendingData = false;
    this.writableNeedsDrain = false;
    this.timeline = {
      open: Date.now()
    };
    this.processSendQueue = this.processSendQueue.bind(this);
    const continueSendingOnDrain = () => {
      if (this.writableNeedsDrain) {
        this.log.trace("drain event received, continue sending data");
        this.writableNeedsDrain = false;
        queueMicrotask(() => {
          try {
            this.processSendQueue();
          } catch (err) {
            this.log.error("processSendQueue threw - %e", err);
          }
        });
      }
      this.onDrainPromise?.resolve();
    };
    this.addEventListener("drain", continueSendingOnDrain);
    const rejectOnDrainOnClose = (evt) => {
      this.onDrainPromise?.reject(evt.error ?? new StreamClosedError());
    };
    this.addEventListener("close", rejectOnDrainOnClose);
  }
  get readBufferLength() {
    return this.readBuffer.byteLength;
  }
  get readableEnded() {
    return this.#readableEnded;
  }
  get writeBufferLength() {
    return this.writeBuffer.byteLength;
  }
  async onDrain(options) {
    if (this.writableNeedsDrain !== true) {
      return Promise.resolve();
    }
    if (this.onDrainPromise == null) {
      this.onDrainPromise = Promise.withResolvers();
    }
    return raceSignal(this.onDrainPromise.promise, options?.signal);
  }
  async *[Symbol.asyncIterator]() {
    if (this.readStatus !== "readable" && this.readStatus !== "paused") {
      return;
    }
    const output = pushable();
    const streamAsyncIterableOnMessageListener = (evt) => {
      output.push(evt.data);
    };
    this.addEventListener("message", streamAsyncIterableOnMessageListener);
    const streamAsyncIterableOnCloseListener = (evt) => {
      output.end(evt.error);
    };
    this.addEventListener("close", streamAsyncIterableOnCloseListener);
    const streamAsyncIterableOnRemoteCloseWriteListener = () => {
      output.end();
    };
    this.addEventListener("remoteCloseWrite", streamAsyncIterableOnRemoteCloseWriteListener);
    try {
      yield* output;
    } finally {
      this.removeEventListener("message", streamAsyncIterableOnMessageListener);
      this.removeEventListener("close", streamAsyncIterableOnCloseListener);
      this.removeEventListener("remoteCloseWrite", streamAsyncIterableOnRemoteCloseWriteListener);
    }
  }
  isReadable() {
    return this.status === "open";
  }
  send(data) {
    if (this.writeStatus === "closed" || this.writeStatus === "closing") {
      throw new StreamStateError(`Cannot write to a stream that is ${this.writeStatus}`);
    }
    this.log.trace("append %d bytes to write buffer", data.byteLength);
    this.writeBuffer.append(data);
    return this.processSendQueue();
  }
  /**
   * Close immediately for reading and writing and send a reset message (local
   * error)
   */
  abort(err) {
    if (this.status === "aborted" || this.status === "reset" || this.status === "closed") {
      return;
    }
    this.log.error("abort with error - %e", err);
    this.status = "aborted";
    if (this.readBuffer.byteLength > 0) {
      this.readBuffer.consume(this.readBuffer.byteLength);
    }
    if (this.writeBuffer.byteLength > 0) {
      this.writeBuffer.consume(this.writeBuffer.byteLength);
      this.safeDispatchEvent("idle");
    }
    this.writeStatus = "closed";
    this.remoteWriteStatus = "closed";
    this.readStatus = "closed";
    this.remoteReadStatus = "closed";
    this.timeline.close = Date.now();
    this.maybeDispatchEnd();
    try {
      this.sendReset(err);
    } catch (err2) {
      this.log.error("failed to send reset to remote - %e", err2);
    }
    this.dispatchEvent(new StreamAbortEvent(err));
  }
  pause() {
    if (this.readStatus === "closed" || this.readStatus === "closing") {
      throw new StreamStateError("Cannot pause a stream that is closing/closed");
    }
    if (this.readStatus === "paused") {
      return;
    }
    this.readStatus = "paused";
    this.sendPause();
  }
  resume() {
    if (this.readStatus === "closed" || this.readStatus === "closing") {
      throw new StreamStateError("Cannot resume a stream that is closing/closed");
    }
    if (this.readStatus === "readable") {
      return;
    }
    this.readStatus = "readable";
    this.dispatchReadBuffer();
    this.sendResume();
  }
  push(data) {
    if (this.readStatus === "closed" || this.readStatus === "closing") {
      throw new StreamStateError(`Cannot push data onto a stream that is ${this.readStatus}`);
    }
    if (data.byteLength === 0) {
      return;
    }
    this.readBuffer.append(data);
    if (this.readStatus === "paused" || this.listenerCount("message") === 0) {
      this.checkReadBufferLength();
      return;
    }
    setTimeout(() => {
      this.dispatchReadBuffer();
    }, 0);
  }
  unshift(data) {
    if (this.readStatus === "closed" || this.readStatus === "closing") {
      throw new StreamStateError(`Cannot push data onto a stream that is ${this.readStatus}`);
    }
    if (data.byteLength === 0) {
      return;
    }
    this.readBuffer.prepend(data);
    if (this.readStatus === "paused" || this.listenerCount("message") === 0) {
      this.checkReadBufferLength();
      return;
    }
    setTimeout(() => {
      this.dispatchReadBuffer();
    }, 0);
  }
  /**
   * When an extending class reads data from it's implementation-specific source,
   * call this method to allow the stream consumer to read the data.
   */
  onData(data) {
    if (data.byteLength === 0) {
      return;
    }
    if (this.readStatus === "closing" || this.readStatus === "closed") {
      this.log("ignoring data - read status %s", this.readStatus);
      return;
    }
    this.readBuffer.append(data);
    this.dispatchReadBuffer();
  }
  addEventListener(...args) {
    super.addEventListener.apply(this, args);
    if (args[0] === "message" && this.readBuffer.byteLength > 0) {
      queueMicrotask(() => {
        this.dispatchReadBuffer();
      });
    }
  }
  /**
   * Receive a reset message - close immediately for reading and writing (remote
   * error)
   */
  onRemoteReset() {
    this.log("remote reset");
    this.status = "reset";
    this.writeStatus = "closed";
    this.remoteWriteStatus = "closed";
    this.remoteReadStatus = "closed";
    this.timeline.close = Date.now();
    if (this.readBuffer.byteLength === 0) {
      this.readStatus = "closed";
      this.maybeDispatchEnd();
    }
    this.dispatchEvent(new StreamResetEvent(new StreamResetError()));
  }
  /**
   * The underlying resource or transport this stream uses has closed - it is
   * not possible to send any more messages though any data still in the read
   * buffer may still be read
   */
  onTransportClosed(err) {
    this.log("transport closed");
    if (this.readStatus === "readable" && this.readBuffer.byteLength === 0) {
      this.log("close readable end after transport closed and read buffer is empty");
      this.readStatus = "closed";
    }
    if (this.remoteReadStatus !== "closed") {
      this.remoteReadStatus = "closed";
    }
    if (this.remoteWriteStatus !== "closed") {
      this.remoteWriteStatus = "closed";
    }
    if (this.writeStatus !== "closed") {
      this.writeStatus = "closed";
    }
    if (err != null) {
      this.abort(err);
    } else if (this.status === "open" || this.status === "closing") {
      this.timeline.close = Date.now();
      this.status = "closed";
      this.maybeDispatchEnd();
      this.dispatchEvent(new StreamCloseEvent());
    }
  }
  /**
   * Called by extending classes when the remote closes its writable end
   */
  onRemoteCloseWrite() {
    if (this.remoteWriteStatus === "closed") {
      return;
    }
    this.log.trace("on remote close write");
    this.remoteWriteStatus = "closed";
    this.safeDispatchEvent("remoteCloseWrite");
    this.maybeDispatchEnd();
    if (this.writeStatus === "closed") {
      this.onTransportClosed();
    }
  }
  /**
   * Called by extending classes when the remote closes its readable end
   */
  onRemoteCloseRead() {
    this.log.trace("on remote close read");
    this.remoteReadStatus = "closed";
    if (this.writeBuffer.byteLength > 0) {
      this.writeBuffer.consume(this.writeBuffer.byteLength);
      this.safeDispatchEvent("idle");
    }
  }
  processSendQueue() {
    if (this.writableNeedsDrain) {
      this.log.trace("not processing send queue as drain is required");
      this.checkWriteBufferLength();
      return false;
    }
    if (this.writeBuffer.byteLength === 0) {
      this.log.trace("not processing send queue as no bytes to send");
      return true;
    }
    if (this.sendingData) {
      this.log.trace("not processing send queue as already sending data");
      return true;
    }
    if (this.writeStatus !== "writable" && this.writeStatus !== "closing") {
      this.log.trace("not processing send queue as stream is %s", this.writeStatus);
      return false;
    }
    this.sendingData = true;
    this.log.trace("processing send queue with %d queued bytes", this.writeBuffer.byteLength);
    try {
      let canSendMore = true;
      const totalBytes = this.writeBuffer.byteLength;
      let sentBytes = 0;
      while (this.writeBuffer.byteLength > 0) {
        const end = Math.min(this.maxMessageSize ?? this.writeBuffer.byteLength, this.writeBuffer.byteLength);
        if (end === 0) {
          canSendMore = false;
          break;
        }
        const toSend = this.writeBuffer.sublist(0, end);
        const willSend = new Uint8ArrayList(toSend);
        this.writeBuffer.consume(toSend.byteLength);
        let sendResult;
        try {
          sendResult = this.sendData(toSend);
        } catch (err) {
          this.writeBuffer.prepend(willSend);
          this.abort(err);
          throw err;
        }
        canSendMore = sendResult.canSendMore;
        sentBytes += sendResult.sentBytes;
        if (sendResult.sentBytes !== willSend.byteLength) {
          willSend.consume(sendResult.sentBytes);
          this.writeBuffer.prepend(willSend);
        }
        if (!canSendMore) {
          break;
        }
      }
      if (!canSendMore) {
        this.log.trace("sent %d/%d bytes, pausing sending because underlying stream is full, %d bytes left in the write buffer", sentBytes, totalBytes, this.writeBuffer.byteLength);
        this.writableNeedsDrain = true;
        this.checkWriteBufferLength();
      }
      if (this.writeBuffer.byteLength === 0) {
        this.safeDispatchEvent("idle");
      }
      return canSendMore;
    } finally {
      this.sendingData = false;
    }
  }
  /**
   * Emit 'end' if nothing is buffered and no more data will be delivered.
   * Emits at most once
   */
  maybeDispatchEnd() {
    if (this.#readableEnded || this.readBuffer.byteLength > 0) {
      return;
    }
    if (this.remoteWriteStatus !== "closed" && this.readStatus !== "closed") {
      return;
    }
    this.#readableEnded = true;
    this.safeDispatchEvent("end");
  }
  dispatchReadBuffer() {
    try {
      if (this.listenerCount("message") === 0) {
        this.log.trace("not dispatching pause buffer as there are no listeners for the message event");
        return;
      }
      if (this.readBuffer.byteLength === 0) {
        this.log.trace("not dispatching pause buffer as there is no data to dispatch");
        return;
      }
      if (this.readStatus === "paused") {
        this.log.trace("not dispatching pause buffer we are paused");
        return;
      }
      if (this.readStatus === "closing" || this.readStatus === "closed") {
        this.log("dropping %d bytes because the readable end is %s", this.readBuffer.byteLength, this.readStatus);
        this.readBuffer.consume(this.readBuffer.byteLength);
        return;
      }
      const buf = this.readBuffer.sublist();
      this.readBuffer.consume(buf.byteLength);
      this.dispatchEvent(new StreamMessageEvent(buf));
    } finally {
      if (this.readBuffer.byteLength === 0 && this.remoteWriteStatus === "closed") {
        this.log("close readable end after dispatching read buffer and remote writable end is closed");
        this.readStatus = "closed";
        this.maybeDispatchEnd();
      }
      this.checkReadBufferLength();
    }
  }
  checkReadBufferLength() {
    if (this.readBuffer.byteLength > this.maxReadBufferLength) {
      this.abort(new StreamBufferError(`Read buffer length of ${this.readBuffer.byteLength} exceeded limit of ${this.maxReadBufferLength}, read status is ${this.readStatus}`));
    }
  }
  checkWriteBufferLength() {
    if (this.maxWriteBufferLength == null) {
      return;
    }
    if (this.writeBuffer.byteLength > this.maxWriteBufferLength) {
      this.abort(new StreamBufferError(`Write buffer length of ${this.writeBuffer.byteLength} exceeded limit of ${this.maxWriteBufferLength}, write status is ${this.writeStatus}`));
    }
  }
  onMuxerNeedsDrain() {
    this.writableNeedsDrain = true;
  }
  onMuxerDrain() {
    this.safeDispatchEvent("drain");
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/abstract-multiaddr-connection.js
var AbstractMultiaddrConnection = class extends AbstractMessageStream {
  remoteAddr;
  metricPrefix;
  metrics;
  constructor(init) {
    super(init);
    this.metricPrefix = init.metricPrefix ?? "";
    this.metrics = init.metrics;
    this.remoteAddr = init.remoteAddr;
    this.addEventListener("close", (evt) => {
      this.metrics?.increment({ [`${this.metricPrefix}end`]: true });
      if (evt.error != null) {
        if (evt.local) {
          this.metrics?.increment({ [`${this.metricPrefix}abort`]: true });
        } else {
          this.metrics?.increment({ [`${this.metricPrefix}reset`]: true });
        }
      } else {
        if (evt.local) {
          this.metrics?.increment({ [`${this.metricPrefix}_local_close`]: true });
        } else {
          this.metrics?.increment({ [`${this.metricPrefix}_remote_close`]: true });
        }
      }
    });
  }
  async close(options) {
    if (this.status !== "open") {
      return;
    }
    this.status = "closing";
    this.writeStatus = "closing";
    this.remoteWriteStatus = "closing";
    this.remoteReadStatus = "closing";
    if (this.sendingData || this.writeBuffer.byteLength > 0) {
      this.log("waiting for write queue to become idle before closing writable end of stream, %d unsent bytes", this.writeBuffer.byteLength);
      await pEvent(this, "idle", {
        ...options,
        rejectionEvents: [
          "close"
        ]
      });
    }
    if (this.writableNeedsDrain) {
      this.log("waiting for write queue to drain before closing writable end of stream, %d unsent bytes", this.writeBuffer.byteLength);
      await pEvent(this, "drain", {
        ...options,
        rejectionEvents: [
          "close"
        ]
      });
    }
    await this.sendClose(options);
    this.onTransportClosed();
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/is-promise.js
function isPromise(thing) {
  if (thing == null) {
    return false;
  }
  return typeof thing.then === "function" && typeof thing.catch === "function" && typeof thing.finally === "function";
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/abstract-stream-muxer.js
var AbstractStreamMuxer = class extends TypedEventEmitter {
  streams;
  protocol;
  status;
  log;
  maConn;
  streamOptions;
  earlyStreams;
  maxEarlyStreams;
  metrics;
  constructor(maConn, init) {
    super();
    this.maConn = maConn;
    this.protocol = init.protocol;
    this.streams = [];
    this.earlyStreams = [];
    this.status = "open";
    this.log = maConn.log.newScope(init.name);
    this.streamOptions = init.streamOptions;
    this.maxEarlyStreams = init.maxEarlyStreams ?? 10;
    this.metrics = init.metrics;
    const muxerMaConnOnMessage = (evt) => {
      try {
        this.onData(evt.data);
      } catch (err) {
        this.abort(err);
        this.maConn.abort(err);
      }
    };
    this.maConn.addEventListener("message", muxerMaConnOnMessage);
    const muxerMaConnOnDrain = () => {
      this.log("underlying stream drained, signal %d streams to continue writing", this.streams.length);
      this.streams.forEach((stream) => {
        stream.onMuxerDrain();
      });
    };
    this.maConn.addEventListener("drain", muxerMaConnOnDrain);
    const muxerOnMaConnClose = () => {
      this.log("underlying stream closed with status %s and %d streams", this.status, this.streams.length);
      this.onTransportClosed();
    };
    this.maConn.addEventListener("close", muxerOnMaConnClose);
  }
  send(data) {
    const result = this.maConn.send(data);
    if (result === false) {
      this.log("underlying stream saturated, signal %d streams to pause writing", this.streams.length);
      this.streams.forEach((stream) => {
        stream.onMuxerNeedsDrain();
      });
    }
    return result;
  }
  async close(options) {
    if (this.status === "closed" || this.status === "closing") {
      return;
    }
    this.status = "closing";
    await raceSignal(Promise.all([...this.streams].map(async (s) => {
      await s.close(options);
    })), options?.signal);
    this.status = "closed";
  }
  abort(err) {
    if (this.status === "closed") {
      return;
    }
    this.status = "closing";
    [...this.streams].forEach((s) => {
      s.abort(err);
    });
    this.status = "closed";
  }
  onTransportClosed(err) {
    this.status = "closing";
    try {
      [...this.streams].forEach((stream) => {
        stream.onTransportClosed(err);
      });
    } catch (err2) {
      this.abort(err2);
    }
    this.status = "closed";
  }
  async createStream(options) {
    if (this.status !== "open") {
      throw new MuxerClosedError();
    }
    let stream = this.onCreateStream({
      ...this.streamOptions,
      ...options
    });
    if (isPromise(stream)) {
      stream = await stream;
    }
    this.streams.push(stream);
    this.cleanUpStream(stream);
    return stream;
  }
  /**
   * Extending classes should invoke this method when a new stream was created
   * by the remote muxer
   */
  onRemoteStream(stream) {
    this.streams.push(stream);
    this.cleanUpStream(stream);
    if (this.listenerCount("stream") === 0) {
      this.earlyStreams.push(stream);
      if (this.earlyStreams.length > this.maxEarlyStreams) {
        this.abort(new MaxEarlyStreamsError(`Too many early streams were opened - ${this.earlyStreams.length}/${this.maxEarlyStreams}`));
      }
      return;
    }
    this.safeDispatchEvent("stream", {
      detail: stream
    });
  }
  cleanUpStream(stream) {
    const muxerOnStreamEnd = (evt) => {
      const index = this.streams.findIndex((s) => s === stream);
      if (index !== -1) {
        this.streams.splice(index, 1);
      }
      if (evt.error != null) {
        if (evt.local) {
          this.metrics?.increment({ [`${stream.direction}_stream_reset`]: true });
        } else {
          this.metrics?.increment({ [`${stream.direction}_stream_abort`]: true });
        }
      } else {
        this.metrics?.increment({ [`${stream.direction}_stream_end`]: true });
      }
    };
    stream.addEventListener("close", muxerOnStreamEnd);
    this.metrics?.increment({ [`${stream.direction}_stream`]: true });
  }
  addEventListener(...args) {
    super.addEventListener.apply(this, args);
    if (args[0] === "stream" && this.earlyStreams.length > 0) {
      queueMicrotask(() => {
        this.earlyStreams.forEach((stream) => {
          this.safeDispatchEvent("stream", {
            detail: stream
          });
        });
        this.earlyStreams = [];
      });
    }
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/abstract-stream.js
var AbstractStream = class extends AbstractMessageStream {
  id;
  protocol;
  constructor(init) {
    super(init);
    this.id = init.id;
    this.protocol = init.protocol ?? "";
  }
  async close(options) {
    if (this.writeStatus === "closing" || this.writeStatus === "closed") {
      return;
    }
    this.writeStatus = "closing";
    if (this.sendingData || this.writeBuffer.byteLength > 0) {
      this.log("waiting for write queue to become idle before closing writable end of stream, %d unsent bytes", this.writeBuffer.byteLength);
      await pEvent(this, "idle", {
        ...options,
        rejectionEvents: [
          "close"
        ]
      });
    }
    if (this.writableNeedsDrain) {
      this.log("waiting for write queue to drain before closing writable end of stream, %d unsent bytes, sending %s", this.writeBuffer.byteLength, this.sendingData);
      await pEvent(this, "drain", {
        ...options,
        rejectionEvents: [
          "close"
        ]
      });
      this.log("write queue drained, closing writable end of stream, %d unsent bytes, sending %s", this.writeBuffer.byteLength, this.sendingData);
    }
    await this.sendCloseWrite(options);
    this.writeStatus = "closed";
    this.log("closed writable end gracefully");
    if (this.remoteWriteStatus === "closed") {
      this.onTransportClosed();
    }
  }
  async closeRead(options) {
    if (this.readStatus === "closing" || this.readStatus === "closed") {
      return;
    }
    if (this.readBuffer.byteLength > 0) {
      this.readBuffer.consume(this.readBuffer.byteLength);
    }
    this.readStatus = "closing";
    await this.sendCloseRead(options);
    this.readStatus = "closed";
    this.maybeDispatchEnd();
    this.log("closed readable end gracefully");
  }
};

// ../../node_modules/.pnpm/any-signal@4.2.0/node_modules/any-signal/dist/src/index.js
function anySignal(signals) {
  const controller = new globalThis.AbortController();
  function onAbort() {
    const reason = signals.filter((s) => s?.aborted === true).map((s) => s?.reason).pop();
    controller.abort(reason);
    for (const signal2 of signals) {
      if (signal2?.removeEventListener != null) {
        signal2.removeEventListener("abort", onAbort);
      }
    }
  }
  for (const signal2 of signals) {
    if (signal2?.aborted === true) {
      onAbort();
      break;
    }
    if (signal2?.addEventListener != null) {
      signal2.addEventListener("abort", onAbort);
    }
  }
  function clear() {
    for (const signal2 of signals) {
      if (signal2?.removeEventListener != null) {
        signal2.removeEventListener("abort", onAbort);
      }
    }
  }
  const signal = controller.signal;
  signal.clear = clear;
  return signal;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/moving-average.js
var MovingAverage = class {
  movingAverage;
  variance;
  deviation;
  forecast;
  timeSpan;
  previousTime;
  constructor(timeSpan) {
    this.timeSpan = timeSpan;
    this.movingAverage = 0;
    this.variance = 0;
    this.deviation = 0;
    this.forecast = 0;
  }
  alpha(t, pt) {
    return 1 - Math.exp(-(t - pt) / this.timeSpan);
  }
  push(value2, time = Date.now()) {
    if (this.previousTime != null) {
      const a = this.alpha(time, this.previousTime);
      const diff = value2 - this.movingAverage;
      const incr = a * diff;
      this.movingAverage = a * value2 + (1 - a) * this.movingAverage;
      this.variance = (1 - a) * (this.variance + diff * incr);
      this.deviation = Math.sqrt(this.variance);
      this.forecast = this.movingAverage + a * diff;
    } else {
      this.movingAverage = value2;
    }
    this.previousTime = time;
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/adaptive-timeout.js
var DEFAULT_TIMEOUT_MULTIPLIER = 1.2;
var DEFAULT_FAILURE_MULTIPLIER = 2;
var DEFAULT_MIN_TIMEOUT = 5e3;
var DEFAULT_MAX_TIMEOUT = 6e4;
var DEFAULT_INTERVAL = 5e3;
var AdaptiveTimeout = class {
  success;
  failure;
  next;
  metric;
  timeoutMultiplier;
  failureMultiplier;
  minTimeout;
  maxTimeout;
  constructor(init = {}) {
    const interval = init.interval ?? DEFAULT_INTERVAL;
    this.success = new MovingAverage(interval);
    this.failure = new MovingAverage(interval);
    this.next = new MovingAverage(interval);
    this.failureMultiplier = init.failureMultiplier ?? DEFAULT_FAILURE_MULTIPLIER;
    this.timeoutMultiplier = init.timeoutMultiplier ?? DEFAULT_TIMEOUT_MULTIPLIER;
    this.minTimeout = init.minTimeout ?? DEFAULT_MIN_TIMEOUT;
    this.maxTimeout = init.maxTimeout ?? DEFAULT_MAX_TIMEOUT;
    if (init.metricName != null) {
      this.metric = init.metrics?.registerMetricGroup(init.metricName);
    }
  }
  getTimeoutSignal(options = {}) {
    let timeout = Math.round(this.next.movingAverage * (options.timeoutFactor ?? this.timeoutMultiplier));
    if (timeout < this.minTimeout) {
      timeout = this.minTimeout;
    }
    if (timeout > this.maxTimeout) {
      timeout = this.maxTimeout;
    }
    const sendTimeout = AbortSignal.timeout(timeout);
    const timeoutSignal = anySignal([options.signal, sendTimeout]);
    setMaxListeners(Infinity, timeoutSignal, sendTimeout);
    timeoutSignal.start = Date.now();
    timeoutSignal.timeout = timeout;
    return timeoutSignal;
  }
  cleanUp(signal) {
    signal.clear();
    const time = Date.now() - signal.start;
    if (signal.aborted) {
      this.failure.push(time);
      this.next.push(time * this.failureMultiplier);
      this.metric?.update({
        failureMovingAverage: this.failure.movingAverage,
        failureDeviation: this.failure.deviation,
        failureForecast: this.failure.forecast,
        failureVariance: this.failure.variance,
        failure: time
      });
    } else {
      this.success.push(time);
      this.next.push(time);
      this.metric?.update({
        successMovingAverage: this.success.movingAverage,
        successDeviation: this.success.deviation,
        successForecast: this.success.forecast,
        successVariance: this.success.variance,
        success: time
      });
    }
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/get-thin-waist-addresses.js
import os from "node:os";

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/link-local-ip.js
function isLinkLocalIp(ip) {
  if (ip.startsWith("169.254.")) {
    return true;
  }
  if (ip.toLowerCase().startsWith("fe80")) {
    return true;
  }
  return false;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr/utils.js
function netConfigToMultiaddr(config, port, host) {
  const parts = [
    config.type,
    host ?? config.host
  ];
  if (config.protocol != null) {
    const p = port ?? config.port;
    if (p != null) {
      parts.push(config.protocol, p);
    }
  }
  if (config.type === "ip6" && config.zone != null) {
    parts.unshift("ip6zone", config.zone);
  }
  if (config.cidr != null) {
    parts.push("ipcidr", config.cidr);
  }
  return multiaddr(`/${parts.join("/")}`);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/get-thin-waist-addresses.js
var FAMILIES = { 4: "IPv4", 6: "IPv6" };
function isWildcard(ip) {
  return ["0.0.0.0", "::"].includes(ip);
}
function getNetworkAddrs(family) {
  const addresses = [];
  const networks = os.networkInterfaces();
  for (const [, netAddrs] of Object.entries(networks)) {
    if (netAddrs != null) {
      for (const netAddr of netAddrs) {
        if (isLinkLocalIp(netAddr.address)) {
          continue;
        }
        if (netAddr.family === FAMILIES[family]) {
          addresses.push(netAddr.address);
        }
      }
    }
  }
  return addresses;
}
function getThinWaistAddresses(ma, port) {
  if (ma == null) {
    return [];
  }
  const config = getNetConfig(ma);
  if ((config.type === "ip4" || config.type === "ip6") && isWildcard(config.host)) {
    return getNetworkAddrs(config.type === "ip4" ? 4 : 6).map((host) => netConfigToMultiaddr(config, port, host));
  }
  return [
    netConfigToMultiaddr(config, port)
  ];
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/global-unicast-ip.js
function isGlobalUnicastIp(ip) {
  if (isIPv6(ip)) {
    return cidrContains("2000::/3", ip);
  }
  return false;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/ip-port-to-multiaddr.js
function ipPortToMultiaddr(ip, port) {
  if (typeof ip !== "string") {
    throw new InvalidParametersError(`invalid ip provided: ${ip}`);
  }
  if (typeof port === "string") {
    port = parseInt(port);
  }
  if (isNaN(port)) {
    throw new InvalidParametersError(`invalid port provided: ${port}`);
  }
  if (isIPv4(ip)) {
    return multiaddr(`/ip4/${ip}/tcp/${port}`);
  }
  if (isIPv6(ip)) {
    return multiaddr(`/ip6/${ip}/tcp/${port}`);
  }
  throw new InvalidParametersError(`invalid ip:port for creating a multiaddr: ${ip}:${port}`);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/is-async-generator.js
function isAsyncGenerator(obj) {
  if (obj == null) {
    return false;
  }
  const asyncIterator = obj?.[Symbol.asyncIterator];
  if (typeof asyncIterator !== "function") {
    return false;
  }
  const instance = obj;
  return typeof instance.next === "function";
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/is-generator.js
function isGenerator(obj) {
  if (obj == null) {
    return false;
  }
  const iterator = obj?.[Symbol.iterator];
  if (typeof iterator !== "function") {
    return false;
  }
  const instance = obj;
  return typeof instance.next === "function";
}

// ../../node_modules/.pnpm/it-queueless-pushable@2.0.5/node_modules/it-queueless-pushable/dist/src/index.js
var QueuelessPushable = class {
  readNext;
  haveNext;
  ended;
  nextResult;
  error;
  constructor() {
    this.ended = false;
    this.readNext = pDefer();
    this.haveNext = pDefer();
  }
  [Symbol.asyncIterator]() {
    return this;
  }
  async next() {
    if (this.nextResult == null) {
      await this.haveNext.promise;
    }
    if (this.nextResult == null) {
      throw new Error("HaveNext promise resolved but nextResult was undefined");
    }
    const nextResult = this.nextResult;
    this.nextResult = void 0;
    this.readNext.resolve();
    this.readNext = pDefer();
    return nextResult;
  }
  async throw(err) {
    this.ended = true;
    this.error = err;
    if (err != null) {
      this.haveNext.promise.catch(() => {
      });
      this.haveNext.reject(err);
    }
    const result = {
      done: true,
      value: void 0
    };
    return result;
  }
  async return() {
    const result = {
      done: true,
      value: void 0
    };
    this.ended = true;
    this.nextResult = result;
    this.haveNext.resolve();
    return result;
  }
  async push(value2, options) {
    await this._push(value2, options);
  }
  async end(err, options) {
    if (err != null) {
      await this.throw(err);
    } else {
      await this._push(void 0, options);
    }
  }
  async _push(value2, options) {
    if (value2 != null && this.ended) {
      throw this.error ?? new Error("Cannot push value onto an ended pushable");
    }
    while (this.nextResult != null) {
      await this.readNext.promise;
    }
    if (value2 != null) {
      this.nextResult = { done: false, value: value2 };
    } else {
      this.ended = true;
      this.nextResult = { done: true, value: void 0 };
    }
    this.haveNext.resolve();
    this.haveNext = pDefer();
    await raceSignal(this.readNext.promise, options?.signal, options);
  }
};
function queuelessPushable() {
  return new QueuelessPushable();
}

// ../../node_modules/.pnpm/it-merge@3.0.15/node_modules/it-merge/dist/src/index.js
function isAsyncIterable(thing) {
  return thing[Symbol.asyncIterator] != null;
}
async function addAllToPushable(iterators, output, signal) {
  try {
    await Promise.all(iterators.map(async (iterator) => {
      while (true) {
        const { value: value2, done } = await iterator.next();
        if (done === true) {
          break;
        }
        await output.push(value2, {
          signal
        });
        signal.throwIfAborted();
      }
    }));
    await output.end(void 0, {
      signal
    });
  } catch (err) {
    await output.end(err, {
      signal
    }).catch(() => {
    });
  }
}
async function* mergeSources(sources) {
  const controller = new AbortController();
  const output = queuelessPushable();
  const iterators = sources.map((source) => isAsyncIterable(source) ? source[Symbol.asyncIterator]() : source[Symbol.iterator]());
  addAllToPushable(iterators, output, controller.signal).catch(() => {
  });
  try {
    yield* output;
  } finally {
    controller.abort();
    for (const iterator of iterators) {
      try {
        Promise.resolve(iterator.return?.()).catch(() => {
        });
      } catch {
      }
    }
  }
}
function* mergeSyncSources(syncSources) {
  for (const source of syncSources) {
    yield* source;
  }
}
function merge(...sources) {
  const syncSources = [];
  for (const source of sources) {
    if (!isAsyncIterable(source)) {
      syncSources.push(source);
    }
  }
  if (syncSources.length === sources.length) {
    return mergeSyncSources(syncSources);
  }
  return mergeSources(sources);
}
var src_default = merge;

// ../../node_modules/.pnpm/it-pipe@3.0.1/node_modules/it-pipe/dist/src/index.js
function pipe(first, ...rest) {
  if (first == null) {
    throw new Error("Empty pipeline");
  }
  if (isDuplex(first)) {
    const duplex = first;
    first = () => duplex.source;
  } else if (isIterable(first) || isAsyncIterable2(first)) {
    const source = first;
    first = () => source;
  }
  const fns = [first, ...rest];
  if (fns.length > 1) {
    if (isDuplex(fns[fns.length - 1])) {
      fns[fns.length - 1] = fns[fns.length - 1].sink;
    }
  }
  if (fns.length > 2) {
    for (let i = 1; i < fns.length - 1; i++) {
      if (isDuplex(fns[i])) {
        fns[i] = duplexPipelineFn(fns[i]);
      }
    }
  }
  return rawPipe(...fns);
}
var rawPipe = (...fns) => {
  let res;
  while (fns.length > 0) {
    res = fns.shift()(res);
  }
  return res;
};
var isAsyncIterable2 = (obj) => {
  return obj?.[Symbol.asyncIterator] != null;
};
var isIterable = (obj) => {
  return obj?.[Symbol.iterator] != null;
};
var isDuplex = (obj) => {
  if (obj == null) {
    return false;
  }
  return obj.sink != null && obj.source != null;
};
var duplexPipelineFn = (duplex) => {
  return (source) => {
    const p = duplex.sink(source);
    if (p?.then != null) {
      const stream = pushable({
        objectMode: true
      });
      p.then(() => {
        stream.end();
      }, (err) => {
        stream.end(err);
      });
      let sourceWrap;
      const source2 = duplex.source;
      if (isAsyncIterable2(source2)) {
        sourceWrap = async function* () {
          yield* source2;
          stream.end();
        };
      } else if (isIterable(source2)) {
        sourceWrap = function* () {
          yield* source2;
          stream.end();
        };
      } else {
        throw new Error("Unknown duplex source type - must be Iterable or AsyncIterable");
      }
      return src_default(stream, sourceWrap());
    }
    return duplex.source;
  };
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/stream-utils.js
var DEFAULT_MAX_BUFFER_SIZE = 4194304;
var UnwrappedError = class extends Error {
  static name = "UnwrappedError";
  name = "UnwrappedError";
};
var InvalidMessageLengthError = class extends Error {
  name = "InvalidMessageLengthError";
  code = "ERR_INVALID_MSG_LENGTH";
};
var InvalidDataLengthError = class extends Error {
  name = "InvalidDataLengthError";
  code = "ERR_MSG_DATA_TOO_LONG";
};
var InvalidDataLengthLengthError = class extends Error {
  name = "InvalidDataLengthLengthError";
  code = "ERR_MSG_LENGTH_TOO_LONG";
};
function isStream(obj) {
  return typeof obj?.closeRead === "function";
}
function isMultiaddrConnection(obj) {
  return typeof obj?.close === "function";
}
function isEOF(obj) {
  if (isStream(obj)) {
    return obj.remoteWriteStatus !== "writable" && obj.readBufferLength === 0;
  }
  if (isMultiaddrConnection(obj)) {
    return obj.status !== "open";
  }
  return false;
}
function isValid(obj) {
  return obj?.addEventListener != null && obj?.removeEventListener != null && obj?.send != null && obj?.push != null && obj?.log != null;
}
function byteStream(stream, opts) {
  const maxBufferSize = opts?.maxBufferSize ?? DEFAULT_MAX_BUFFER_SIZE;
  const readBuffer = new Uint8ArrayList();
  let hasBytes;
  let unwrapped = false;
  let overflow;
  if (!isValid(stream)) {
    throw new InvalidParametersError("Argument should be a Stream or a Multiaddr");
  }
  const byteStreamOnMessageListener = (evt) => {
    if (overflow != null) {
      return;
    }
    readBuffer.append(evt.data);
    if (readBuffer.byteLength > maxBufferSize) {
      const readBufferSize = readBuffer.byteLength;
      readBuffer.consume(readBufferSize);
      const err = new StreamBufferError(`Read buffer overflow - ${readBufferSize} > ${maxBufferSize}`);
      overflow = err;
      hasBytes?.reject(err);
      queueMicrotask(() => {
        stream.abort(err);
      });
      return;
    }
    hasBytes?.resolve();
  };
  stream.addEventListener("message", byteStreamOnMessageListener);
  const byteStreamOnCloseListener = (evt) => {
    if (evt.error != null) {
      hasBytes?.reject(evt.error);
    } else {
      hasBytes?.resolve();
    }
  };
  stream.addEventListener("close", byteStreamOnCloseListener);
  const byteStreamOnRemoteCloseWrite = () => {
    hasBytes?.resolve();
  };
  stream.addEventListener("remoteCloseWrite", byteStreamOnRemoteCloseWrite);
  const byteStream2 = {
    readBuffer,
    // @ts-expect-error options type prevents type inference
    async read(options) {
      if (unwrapped === true) {
        throw new UnwrappedError("Stream was unwrapped");
      }
      if (overflow != null) {
        throw overflow;
      }
      if (isEOF(stream)) {
        if (readBuffer.byteLength === 0 && options?.bytes == null) {
          return null;
        }
        if (options?.bytes != null && readBuffer.byteLength < options.bytes) {
          stream.log.error("closed after reading %d/%d bytes", readBuffer.byteLength, options.bytes);
          throw new UnexpectedEOFError(`Unexpected EOF - stream closed after reading ${readBuffer.byteLength}/${options.bytes} bytes`);
        }
      }
      const bytesToRead = options?.bytes ?? 1;
      hasBytes = Promise.withResolvers();
      while (true) {
        if (readBuffer.byteLength >= bytesToRead) {
          hasBytes.resolve();
          break;
        }
        await raceSignal(hasBytes.promise, options?.signal);
        if (isEOF(stream)) {
          if (readBuffer.byteLength === 0 && options?.bytes == null) {
            return null;
          }
          break;
        }
        hasBytes = Promise.withResolvers();
      }
      const toRead = options?.bytes ?? readBuffer.byteLength;
      if (readBuffer.byteLength < toRead) {
        if (isEOF(stream)) {
          stream.log.error("closed while reading %d/%d bytes", readBuffer.byteLength, toRead);
          throw new UnexpectedEOFError(`Unexpected EOF - stream closed while reading ${readBuffer.byteLength}/${toRead} bytes`);
        }
        return byteStream2.read(options);
      }
      const output = readBuffer.sublist(0, toRead);
      readBuffer.consume(toRead);
      return output;
    },
    async write(data, options) {
      if (unwrapped === true) {
        throw new UnwrappedError("Stream was unwrapped");
      }
      if (!stream.send(data)) {
        await pEvent(stream, "drain", {
          signal: options?.signal,
          rejectionEvents: ["close"]
        });
      }
    },
    unwrap() {
      if (unwrapped) {
        return stream;
      }
      unwrapped = true;
      stream.removeEventListener("message", byteStreamOnMessageListener);
      stream.removeEventListener("close", byteStreamOnCloseListener);
      stream.removeEventListener("remoteCloseWrite", byteStreamOnRemoteCloseWrite);
      if (readBuffer.byteLength > 0) {
        stream.log("stream unwrapped with %d unread bytes", readBuffer.byteLength);
        stream.unshift(readBuffer);
      }
      return stream;
    }
  };
  return byteStream2;
}
function lpStream(stream, opts = {}) {
  const bytes = byteStream(stream, opts);
  if (opts.maxDataLength != null && opts.maxLengthLength == null) {
    opts.maxLengthLength = encodingLength(opts.maxDataLength);
  }
  const decodeLength = opts?.lengthDecoder ?? decode;
  const encodeLength = opts?.lengthEncoder ?? encode;
  const lpStream2 = {
    async read(options) {
      let dataLength = -1;
      const lengthBuffer = new Uint8ArrayList();
      while (true) {
        const buf2 = await bytes.read({
          ...options,
          bytes: 1
        });
        if (buf2 == null) {
          break;
        }
        lengthBuffer.append(buf2);
        try {
          dataLength = decodeLength(lengthBuffer);
        } catch (err) {
          if (err instanceof RangeError) {
            continue;
          }
          throw err;
        }
        if (dataLength < 0) {
          throw new InvalidMessageLengthError("Invalid message length");
        }
        if (opts?.maxLengthLength != null && lengthBuffer.byteLength > opts.maxLengthLength) {
          throw new InvalidDataLengthLengthError(`Message length length too long - ${lengthBuffer.byteLength} > ${opts.maxLengthLength}`);
        }
        if (dataLength > -1) {
          break;
        }
      }
      if (opts?.maxDataLength != null && dataLength > opts.maxDataLength) {
        throw new InvalidDataLengthError(`Message length too long - ${dataLength} > ${opts.maxDataLength}`);
      }
      const buf = await bytes.read({
        ...options,
        bytes: dataLength
      });
      if (buf == null) {
        stream.log.error("tried to read %d bytes but the stream closed", dataLength);
        throw new UnexpectedEOFError(`Unexpected EOF - tried to read ${dataLength} bytes but the stream closed`);
      }
      if (buf.byteLength !== dataLength) {
        stream.log.error("read %d/%d bytes before the stream closed", buf.byteLength, dataLength);
        throw new UnexpectedEOFError(`Unexpected EOF - read ${buf.byteLength}/${dataLength} bytes before the stream closed`);
      }
      return buf;
    },
    async write(data, options) {
      await bytes.write(new Uint8ArrayList(encodeLength(data.byteLength), data), options);
    },
    async writeV(data, options) {
      const list = new Uint8ArrayList(...data.flatMap((buf) => [encodeLength(buf.byteLength), buf]));
      await bytes.write(list, options);
    },
    unwrap() {
      return bytes.unwrap();
    }
  };
  return lpStream2;
}
function pbStream(stream, opts) {
  const lp = lpStream(stream, opts);
  const pbStream2 = {
    read: async (proto, options) => {
      const value2 = await lp.read(options);
      return proto.decode(value2, options);
    },
    write: async (message, proto, options) => {
      await lp.write(proto.encode(message), options);
    },
    writeV: async (messages, proto, options) => {
      await lp.writeV(messages.map((message) => proto.encode(message)), options);
    },
    pb: (proto) => {
      return {
        read: async (options) => pbStream2.read(proto, options),
        write: async (d, options) => pbStream2.write(d, proto, options),
        writeV: async (d, options) => pbStream2.writeV(d, proto, options),
        unwrap: () => pbStream2
      };
    },
    unwrap: () => {
      return lp.unwrap();
    }
  };
  return pbStream2;
}
async function echo(stream, options) {
  const log = stream.log.newScope("echo");
  const start = Date.now();
  let bytes = 0;
  try {
    for await (const buf of stream) {
      bytes += buf.byteLength;
      if (!stream.send(buf)) {
        stream.pause();
        await pEvent(stream, "drain", {
          rejectionEvents: [
            "close"
          ],
          ...options
        });
        stream.resume();
      }
    }
    log("echoed %d bytes in %dms", bytes, Date.now() - start);
    await stream.close(options);
  } catch (err) {
    stream.abort(err);
  }
}
function isMessageStream(obj) {
  return obj?.addEventListener != null;
}
function messageStreamToDuplex(stream) {
  const source = pushable();
  let onError;
  const onMessage = (evt) => {
    source.push(evt.data);
  };
  const onRemoteCloseWrite = () => {
    source.end();
    stream.removeEventListener("message", onMessage);
    stream.removeEventListener("close", onClose);
    stream.removeEventListener("remoteCloseWrite", onRemoteCloseWrite);
  };
  const onClose = (evt) => {
    source.end(evt.error);
    if (evt.error != null) {
      onError?.reject(evt.error);
    }
    stream.removeEventListener("message", onMessage);
    stream.removeEventListener("close", onClose);
    stream.removeEventListener("remoteCloseWrite", onRemoteCloseWrite);
  };
  stream.addEventListener("message", onMessage);
  stream.addEventListener("close", onClose, {
    once: true
  });
  stream.addEventListener("remoteCloseWrite", onRemoteCloseWrite, {
    once: true
  });
  return {
    source,
    async sink(source2) {
      async function* toGenerator() {
        yield* source2;
      }
      const gen = toGenerator();
      while (true) {
        onError = Promise.withResolvers();
        const { done, value: value2 } = await Promise.race([
          gen.next(),
          onError.promise
        ]);
        if (stream.writeStatus === "closing" || stream.writeStatus === "closed") {
          break;
        }
        if (value2 != null) {
          if (!stream.send(value2)) {
            await Promise.race([
              pEvent(stream, "drain", {
                rejectionEvents: [
                  "close"
                ]
              })
            ]);
          }
        }
        if (done === true) {
          break;
        }
      }
      await stream.close();
    }
  };
}
function pipe2(...input) {
  const sources = input.map((source) => {
    if (isMessageStream(source)) {
      return messageStreamToDuplex(source);
    }
    return source;
  });
  return pipe(...sources);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/length-prefixed-decoder.js
var DEFAULT_MAX_BUFFER_SIZE2 = 1024 * 1024 * 4;
var DEFAULT_MAX_DATA_LENGTH = 1024 * 1024 * 4;
var LengthPrefixedDecoder = class {
  buffer;
  maxBufferSize;
  lengthDecoder;
  maxDataLength;
  encodingLength;
  constructor(init = {}) {
    this.buffer = new Uint8ArrayList();
    this.maxBufferSize = init.maxBufferSize ?? DEFAULT_MAX_BUFFER_SIZE2;
    this.maxDataLength = init.maxDataLength ?? DEFAULT_MAX_DATA_LENGTH;
    this.lengthDecoder = init.lengthDecoder ?? decode;
    this.encodingLength = init.encodingLength ?? encodingLength;
  }
  /**
   * Decodes length-prefixed data
   */
  *decode(buf) {
    this.buffer.append(buf);
    if (this.buffer.byteLength > this.maxBufferSize) {
      throw new InvalidParametersError(`Buffer length limit exceeded - ${this.buffer.byteLength}/${this.maxBufferSize}`);
    }
    while (true) {
      let dataLength;
      try {
        dataLength = this.lengthDecoder(this.buffer);
      } catch (err) {
        if (err instanceof RangeError) {
          break;
        }
        throw err;
      }
      if (dataLength < 0 || dataLength > this.maxDataLength) {
        throw new InvalidMessageLengthError("Invalid message length");
      }
      const lengthLength = this.encodingLength(dataLength);
      const chunkLength = lengthLength + dataLength;
      if (this.buffer.byteLength >= chunkLength) {
        const buf2 = this.buffer.sublist(lengthLength, chunkLength);
        this.buffer.consume(chunkLength);
        if (buf2.byteLength > 0) {
          yield buf2;
        }
      } else {
        break;
      }
    }
  }
};

// ../../node_modules/.pnpm/it-length-prefixed@11.0.1/node_modules/it-length-prefixed/dist/src/constants.js
var MAX_LENGTH_LENGTH = 8;
var MAX_DATA_LENGTH = 1024 * 1024 * 4;

// ../../node_modules/.pnpm/it-length-prefixed@11.0.1/node_modules/it-length-prefixed/dist/src/errors.js
var InvalidMessageLengthError2 = class extends Error {
  name = "InvalidMessageLengthError";
  code = "ERR_INVALID_MSG_LENGTH";
};
var InvalidDataLengthError2 = class extends Error {
  name = "InvalidDataLengthError";
  code = "ERR_MSG_DATA_TOO_LONG";
};
var InvalidDataLengthLengthError2 = class extends Error {
  name = "InvalidDataLengthLengthError";
  code = "ERR_MSG_LENGTH_TOO_LONG";
};
var UnexpectedEOFError2 = class extends Error {
  name = "UnexpectedEOFError";
  code = "ERR_UNEXPECTED_EOF";
};

// ../../node_modules/.pnpm/it-length-prefixed@11.0.1/node_modules/it-length-prefixed/dist/src/utils.js
function isAsyncIterable3(thing) {
  return thing[Symbol.asyncIterator] != null;
}

// ../../node_modules/.pnpm/it-length-prefixed@11.0.1/node_modules/it-length-prefixed/dist/src/encode.js
function validateMaxDataLength(chunk, maxDataLength) {
  if (chunk.byteLength > maxDataLength) {
    throw new InvalidDataLengthError2("Message length too long");
  }
}
var defaultEncoder = (length) => {
  const lengthLength = encodingLength(length);
  const lengthBuf = allocUnsafe(lengthLength);
  encode(length, lengthBuf);
  defaultEncoder.bytes = lengthLength;
  return lengthBuf;
};
defaultEncoder.bytes = 0;
function encode3(source, options) {
  options = options ?? {};
  const encodeLength = options.lengthEncoder ?? defaultEncoder;
  const maxDataLength = options?.maxDataLength ?? MAX_DATA_LENGTH;
  function* maybeYield(chunk) {
    validateMaxDataLength(chunk, maxDataLength);
    const length = encodeLength(chunk.byteLength);
    if (length instanceof Uint8Array) {
      yield length;
    } else {
      yield* length;
    }
    if (chunk instanceof Uint8Array) {
      yield chunk;
    } else {
      yield* chunk;
    }
  }
  if (isAsyncIterable3(source)) {
    return (async function* () {
      for await (const chunk of source) {
        yield* maybeYield(chunk);
      }
    })();
  }
  return (function* () {
    for (const chunk of source) {
      yield* maybeYield(chunk);
    }
  })();
}
encode3.single = (chunk, options) => {
  options = options ?? {};
  const encodeLength = options.lengthEncoder ?? defaultEncoder;
  const maxDataLength = options?.maxDataLength ?? MAX_DATA_LENGTH;
  validateMaxDataLength(chunk, maxDataLength);
  return new Uint8ArrayList(encodeLength(chunk.byteLength), chunk);
};

// ../../node_modules/.pnpm/it-length-prefixed@11.0.1/node_modules/it-length-prefixed/dist/src/decode.js
var ReadMode;
(function(ReadMode2) {
  ReadMode2[ReadMode2["LENGTH"] = 0] = "LENGTH";
  ReadMode2[ReadMode2["DATA"] = 1] = "DATA";
})(ReadMode || (ReadMode = {}));
var defaultDecoder = (buf) => {
  const length = decode(buf);
  defaultDecoder.bytes = encodingLength(length);
  return length;
};
defaultDecoder.bytes = 0;
function decode3(source, options) {
  const buffer = new Uint8ArrayList();
  let mode = ReadMode.LENGTH;
  let dataLength = -1;
  const lengthDecoder = options?.lengthDecoder ?? defaultDecoder;
  const maxLengthLength = options?.maxLengthLength ?? MAX_LENGTH_LENGTH;
  const maxDataLength = options?.maxDataLength ?? MAX_DATA_LENGTH;
  function* maybeYield() {
    while (buffer.byteLength > 0) {
      if (mode === ReadMode.LENGTH) {
        try {
          dataLength = lengthDecoder(buffer);
          if (dataLength < 0) {
            throw new InvalidMessageLengthError2("Invalid message length");
          }
          if (dataLength > maxDataLength) {
            throw new InvalidDataLengthError2("Message length too long");
          }
          const dataLengthLength = lengthDecoder.bytes;
          buffer.consume(dataLengthLength);
          if (options?.onLength != null) {
            options.onLength(dataLength);
          }
          mode = ReadMode.DATA;
        } catch (err) {
          if (err instanceof RangeError) {
            if (buffer.byteLength > maxLengthLength) {
              throw new InvalidDataLengthLengthError2("Message length length too long");
            }
            break;
          }
          throw err;
        }
      }
      if (mode === ReadMode.DATA) {
        if (buffer.byteLength < dataLength) {
          break;
        }
        const data = buffer.sublist(0, dataLength);
        buffer.consume(dataLength);
        if (options?.onData != null) {
          options.onData(data);
        }
        yield data;
        mode = ReadMode.LENGTH;
      }
    }
  }
  if (isAsyncIterable3(source)) {
    return (async function* () {
      for await (const buf of source) {
        buffer.append(buf);
        yield* maybeYield();
      }
      if (buffer.byteLength > 0) {
        throw new UnexpectedEOFError2("Unexpected end of input");
      }
    })();
  }
  return (function* () {
    for (const buf of source) {
      buffer.append(buf);
      yield* maybeYield();
    }
    if (buffer.byteLength > 0) {
      throw new UnexpectedEOFError2("Unexpected end of input");
    }
  })();
}
decode3.fromReader = (reader, options) => {
  let byteLength = 1;
  const varByteSource = (async function* () {
    while (true) {
      try {
        const { done, value: value2 } = await reader.next(byteLength);
        if (done === true) {
          return;
        }
        if (value2 != null) {
          yield value2;
        }
      } catch (err) {
        if (err.code === "ERR_UNDER_READ") {
          return { done: true, value: null };
        }
        throw err;
      } finally {
        byteLength = 1;
      }
    }
  })();
  const onLength = (l) => {
    byteLength = l;
  };
  return decode3(varByteSource, {
    ...options ?? {},
    onLength
  });
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/mock-muxer.js
var MockMuxedStream = class extends AbstractStream {
  sendMessage;
  dataQueue;
  encoding;
  constructor(init) {
    super(init);
    this.sendMessage = init.sendMessage;
    this.encoding = init.encoding;
    this.dataQueue = new Queue({
      concurrency: 1
    });
    if (this.direction === "outbound") {
      this.sendMessage({
        id: this.id,
        type: "create",
        protocol: this.protocol
      });
    }
  }
  sendData(data) {
    const canSendMore = this.sendMessage({
      id: this.id,
      type: "data",
      chunk: data.subarray()
    });
    return {
      sentBytes: data.byteLength,
      canSendMore
    };
  }
  sendReset() {
    this.sendMessage({
      id: this.id,
      type: "reset"
    });
  }
  async sendCloseWrite(options) {
    this.sendMessage({
      id: this.id,
      type: "closeWrite"
    });
    options?.signal?.throwIfAborted();
  }
  async sendCloseRead(options) {
    this.sendMessage({
      id: this.id,
      type: "closeRead"
    });
    options?.signal?.throwIfAborted();
  }
  sendPause() {
    this.sendMessage({
      id: this.id,
      type: "pause"
    });
  }
  sendResume() {
    this.sendMessage({
      id: this.id,
      type: "resume"
    });
  }
  onRemotePaused() {
    this.dataQueue.pause();
  }
  onRemoteResumed() {
    this.dataQueue.resume();
  }
};
var MESSAGE_OVERHEAD = 30;
var MockMuxer = class extends AbstractStreamMuxer {
  input;
  maxInputQueueSize;
  encoding;
  maxMessageSize;
  nextStreamId;
  constructor(maConn, init) {
    super(maConn, {
      ...init,
      protocol: "/mock-muxer/1.0.0",
      name: "mock-muxer"
    });
    this.maxInputQueueSize = init.maxInputQueueSize ?? 1024 * 1024 * 10;
    this.maxMessageSize = (init.maxMessageSize ?? 1024 * 1024 * 4) + MESSAGE_OVERHEAD;
    this.encoding = init.encoding ?? "base64";
    this.input = pushable();
    this.sendMessage = this.sendMessage.bind(this);
    this.nextStreamId = this.maConn.direction === "outbound" ? 0 : 1;
    Promise.resolve().then(async () => {
      for await (const buf of decode3(this.input, {
        maxDataLength: this.maxMessageSize
      })) {
        this.onMessage(decode2(buf.subarray()));
      }
    }).catch((err) => {
      this.abort(err);
    });
  }
  onData(data) {
    if (this.input.readableLength >= this.maxInputQueueSize) {
      this.abort(new Error(`Input queue exceeded maximum size ${this.input.readableLength} >= ${this.maxInputQueueSize}`));
      return;
    }
    this.input.push(data);
  }
  sendMessage(message) {
    if (message.type === "data") {
      this.log.trace("send message %o", { ...message, chunk: `[ ${message.chunk.byteLength} bytes ]` });
    } else {
      this.log.trace("send message %o", message);
    }
    const buf = encode2(message);
    const encoded = encode3.single(buf, {
      maxDataLength: this.maxMessageSize
    });
    return this.send(encoded);
  }
  onMessage(message) {
    if (message.type === "data") {
      this.log.trace("incoming message %o", { ...message, chunk: `[ ${message.chunk.byteLength} bytes ]` });
    } else {
      this.log.trace("incoming message %o", message);
    }
    let stream = this.streams.find((s) => s.id === message.id);
    if (message.type === "create") {
      if (stream != null) {
        throw new Error(`Already had stream for ${message.id}`);
      }
      this.log.trace("create stream inbound %s", message.id);
      stream = this._createStream(message.id, "inbound", {
        protocol: message.protocol
      });
      this.onRemoteStream(stream);
    }
    if (stream == null) {
      this.log.error(`no stream found for ${message.id}`);
      return;
    }
    if (message.type === "data") {
      stream.onData(message.chunk);
    } else if (message.type === "reset") {
      stream.onRemoteReset();
    } else if (message.type === "closeWrite") {
      stream.onRemoteCloseWrite();
    } else if (message.type === "closeRead") {
      stream.onRemoteCloseRead();
    } else if (message.type === "pause") {
      stream.onRemotePaused();
    } else if (message.type === "resume") {
      stream.onRemoteResumed();
    }
  }
  async onCreateStream(options) {
    this.nextStreamId += 2;
    return this._createStream(`${this.nextStreamId}`, "outbound", options);
  }
  _createStream(id, direction, options) {
    this.log.trace("createStream %s %s", direction, id);
    return new MockMuxedStream({
      ...this.streamOptions,
      ...options,
      id,
      direction,
      log: this.log.newScope(`stream:${direction}:${id}`),
      sendMessage: this.sendMessage,
      encoding: this.encoding,
      maxMessageSize: this.maxMessageSize - MESSAGE_OVERHEAD,
      protocol: ""
    });
  }
};
var MockMuxerFactory = class {
  protocol = "/mock-muxer/1.0.0";
  init;
  constructor(init) {
    this.init = init;
  }
  createStreamMuxer(maConn) {
    return new MockMuxer(maConn, {
      ...this.init
    });
  }
};
function mockMuxer(init = {}) {
  return new MockMuxerFactory(init);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/mock-stream.js
var streamId = 0;
var MockStream = class extends AbstractStream {
  local;
  remote;
  constructor(init) {
    const id = `${streamId++}`;
    super({
      ...init,
      id,
      log: defaultLogger().forComponent(`libp2p:stream-pair:${init.direction}:${id}`)
    });
    this.local = init.local;
    this.remote = init.remote;
    this.local.addEventListener("drain", () => {
      this.safeDispatchEvent("drain");
    });
    this.remote.addEventListener("message", (evt) => {
      this.onData(evt.data);
    });
    this.remote.addEventListener("reset", (evt) => {
      this.onRemoteReset();
    });
    this.remote.addEventListener("closeWrite", (evt) => {
      this.onRemoteCloseWrite();
    });
  }
  sendData(data) {
    const canSendMore = this.local.send(new StreamMessageEvent(data));
    return {
      sentBytes: data.byteLength,
      canSendMore
    };
  }
  sendReset() {
    this.local.send(new Event("reset"));
  }
  async sendCloseWrite(options) {
    return raceSignal(new Promise((resolve, reject) => {
      this.local.send(new Event("closeWrite"));
      this.local.onIdle().then(resolve, reject);
    }), options?.signal);
  }
  async sendCloseRead(options) {
    return raceSignal(new Promise((resolve, reject) => {
      this.local.send(new Event("closeRead"));
      this.local.onIdle().then(resolve, reject);
    }), options?.signal);
  }
  sendPause() {
    this.local.send(new Event("pause"));
  }
  sendResume() {
    this.local.send(new Event("resume"));
  }
  onRemotePaused() {
    this.local.pause();
  }
  onRemoteResumed() {
    this.local.resume();
  }
  onMuxerDrain() {
    this.local.resume();
  }
};

// ../../node_modules/.pnpm/unlimited-timeout@0.1.0/node_modules/unlimited-timeout/index.js
var MAX_TIMEOUT = 2147483647;
var brandSymbol = Symbol.for("sindresorhus/unlimited-timeout#brand");
function setTimeout2(callback, delay2, ...arguments_) {
  if (typeof callback !== "function") {
    throw new TypeError("Expected callback to be a function");
  }
  delay2 ??= 0;
  delay2 = Number(delay2);
  let shouldUnref = false;
  const timeout = {
    [brandSymbol]: true,
    id: void 0,
    cleared: false,
    ref() {
      shouldUnref = false;
      timeout.id?.ref?.();
      return timeout;
    },
    unref() {
      shouldUnref = true;
      timeout.id?.unref?.();
      return timeout;
    }
  };
  if (delay2 === Number.POSITIVE_INFINITY || delay2 > Number.MAX_SAFE_INTEGER) {
    return timeout;
  }
  if (!Number.isFinite(delay2) || delay2 < 0) {
    delay2 = 0;
  }
  const targetTime = performance.now() + delay2;
  const schedule = (remainingDelay) => {
    if (timeout.cleared) {
      return;
    }
    if (remainingDelay <= MAX_TIMEOUT) {
      timeout.id = globalThis.setTimeout(() => {
        if (!timeout.cleared) {
          callback(...arguments_);
        }
      }, remainingDelay);
      if (shouldUnref) {
        timeout.id?.unref?.();
      }
    } else {
      timeout.id = globalThis.setTimeout(() => {
        const now = performance.now();
        const remaining = Math.max(0, targetTime - now);
        schedule(remaining);
      }, MAX_TIMEOUT);
      if (shouldUnref) {
        timeout.id?.unref?.();
      }
    }
  };
  schedule(delay2);
  return timeout;
}
function clearTimeout2(timeout) {
  if (!timeout || typeof timeout !== "object" || !timeout[brandSymbol]) {
    return;
  }
  timeout.cleared = true;
  if (timeout.id !== void 0) {
    globalThis.clearTimeout(timeout.id);
    timeout.id = void 0;
  }
}

// ../../node_modules/.pnpm/delay@7.0.0/node_modules/delay/index.js
var clearMethods = /* @__PURE__ */ new WeakMap();
function createDelay({ clearTimeout: defaultClear, setTimeout: defaultSet } = {}) {
  return (milliseconds, { value: value2, signal } = {}) => {
    if (signal?.aborted) {
      return Promise.reject(signal.reason);
    }
    let timeoutId;
    let settle;
    let rejectFunction;
    const clear = defaultClear ?? clearTimeout;
    const signalListener = () => {
      clear(timeoutId);
      rejectFunction(signal.reason);
    };
    const cleanup = () => {
      if (signal) {
        signal.removeEventListener("abort", signalListener);
      }
    };
    const delayPromise = new Promise((resolve, reject) => {
      settle = () => {
        cleanup();
        resolve(value2);
      };
      rejectFunction = reject;
      timeoutId = (defaultSet ?? setTimeout)(settle, milliseconds);
    });
    if (signal) {
      signal.addEventListener("abort", signalListener, { once: true });
    }
    clearMethods.set(delayPromise, () => {
      clear(timeoutId);
      timeoutId = null;
      settle();
    });
    return delayPromise;
  };
}
var delay = createDelay({ setTimeout: setTimeout2, clearTimeout: clearTimeout2 });
var delay_default = delay;

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/message-queue.js
var DEFAULT_CHUNK_SIZE = 1024 * 64;
var MessageQueue = class extends TypedEventEmitter {
  needsDrain;
  queue;
  capacity;
  delay;
  log;
  chunkSize;
  constructor(init) {
    super();
    this.needsDrain = false;
    this.queue = new Queue({
      concurrency: 1
    });
    this.capacity = init.capacity ?? 5;
    this.delay = init.delay ?? 0;
    this.log = init.log;
    this.chunkSize = init.chunkSize ?? DEFAULT_CHUNK_SIZE;
    this.queue.addEventListener("idle", () => {
      if (this.needsDrain) {
        this.log("network send queue drained");
        this.needsDrain = false;
        this.safeDispatchEvent("drain");
      } else {
        this.log("network send queue idle");
      }
    });
  }
  send(evt) {
    if (isMessageEvent(evt)) {
      const data = new Uint8ArrayList(evt.data);
      while (data.byteLength > 0) {
        const end = Math.min(this.chunkSize, data.byteLength);
        const chunk = data.sublist(0, end);
        data.consume(chunk.byteLength);
        const chunkEvent = new StreamMessageEvent(chunk);
        this.queue.add(async (opts) => {
          if (this.delay > 0) {
            await raceSignal(delay_default(this.delay), opts.signal);
          }
          this.dispatchEvent(opts.evt);
        }, {
          evt: chunkEvent
        });
      }
    } else {
      this.queue.add(async (opts) => {
        if (this.delay > 0) {
          await raceSignal(delay_default(this.delay), opts.signal);
        }
        this.dispatchEvent(opts.evt);
      }, {
        evt
      });
    }
    if (this.queue.size >= this.capacity) {
      this.log("network send queue full");
      this.needsDrain = true;
      return false;
    }
    return true;
  }
  pause() {
    this.queue.pause();
  }
  resume() {
    this.queue.resume();
  }
  onIdle() {
    return this.queue.onIdle();
  }
  size() {
    return this.queue.size;
  }
};
function isMessageEvent(evt) {
  return evt?.data instanceof Uint8Array || isUint8ArrayList(evt?.data);
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/multiaddr-connection-pair.js
var multiaddrConnectionId = 0;
var MockMultiaddrConnection = class extends AbstractMultiaddrConnection {
  local;
  remote;
  constructor(init) {
    super(init);
    this.local = init.local;
    this.remote = init.remote;
    this.local.addEventListener("drain", () => {
      this.safeDispatchEvent("drain");
    });
    this.remote.addEventListener("message", (evt) => {
      if (this.status !== "open") {
        return;
      }
      this.onData(evt.data);
    });
    this.remote.addEventListener("reset", (evt) => {
      if (this.status !== "open") {
        return;
      }
      this.onRemoteReset();
    });
    this.remote.addEventListener("close", (evt) => {
      this.onTransportClosed();
    });
    this.remote.addEventListener("pause", (evt) => {
      this.local.pause();
    });
    this.remote.addEventListener("resume", (evt) => {
      this.local.resume();
    });
  }
  sendData(data) {
    const canSendMore = this.local.send(new StreamMessageEvent(data));
    return {
      sentBytes: data.byteLength,
      canSendMore
    };
  }
  sendReset() {
    this.local.send(new Event("reset"));
  }
  async sendClose(options) {
    if (this.local.needsDrain) {
      await pEvent(this.local, "drain", {
        signal: options?.signal
      });
    }
    return raceSignal(new Promise((resolve, reject) => {
      this.local.send(new Event("close"));
      this.local.onIdle().then(resolve, reject);
    }), options?.signal);
  }
  sendPause() {
    this.local.send(new Event("pause"));
  }
  sendResume() {
    this.local.send(new Event("resume"));
  }
};
function multiaddrConnectionPair(opts = {}) {
  const inboundId = `${multiaddrConnectionId++}`;
  const outboundId = `${multiaddrConnectionId++}`;
  const outboundLog = defaultLogger().forComponent(`libp2p:mock-maconn:outbound:${inboundId}`);
  const inboundLog = defaultLogger().forComponent(`libp2p:mock-maconn:inbound:${outboundId}`);
  const targetA = new MessageQueue({
    ...opts,
    log: outboundLog
  });
  const targetB = new MessageQueue({
    ...opts,
    log: inboundLog
  });
  return [
    new MockMultiaddrConnection({
      ...opts.outbound,
      id: outboundId,
      direction: "outbound",
      local: targetA,
      remote: targetB,
      remoteAddr: opts?.outbound?.remoteAddr ?? multiaddr(`/ip4/127.0.0.1/tcp/${outboundId}`),
      log: outboundLog
    }),
    new MockMultiaddrConnection({
      ...opts.inbound,
      id: inboundId,
      direction: "inbound",
      local: targetB,
      remote: targetA,
      remoteAddr: opts?.inbound?.remoteAddr ?? multiaddr(`/ip4/127.0.0.1/tcp/${inboundId}`),
      log: inboundLog
    })
  ];
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/peer-queue.js
var PeerQueue = class extends Queue {
  has(peerId) {
    return this.find(peerId) != null;
  }
  find(peerId) {
    return this.queue.find((job) => {
      return peerId.equals(job.options.peerId);
    });
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/priority-queue.js
var PriorityQueue = class extends Queue {
  constructor(init = {}) {
    super({
      ...init,
      sort: (a, b) => {
        if (a.options.priority > b.options.priority) {
          return -1;
        }
        if (a.options.priority < b.options.priority) {
          return 1;
        }
        return 0;
      }
    });
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/rate-limiter.js
var RateLimiter = class {
  memoryStorage;
  points;
  duration;
  blockDuration;
  keyPrefix;
  constructor(opts = {}) {
    this.points = opts.points ?? 4;
    this.duration = opts.duration ?? 1;
    this.blockDuration = opts.blockDuration ?? 0;
    this.keyPrefix = opts.keyPrefix ?? "rlflx";
    this.memoryStorage = new MemoryStorage();
  }
  consume(key, pointsToConsume = 1, options = {}) {
    const rlKey = this.getKey(key);
    const secDuration = this._getKeySecDuration(options);
    let res = this.memoryStorage.incrby(rlKey, pointsToConsume, secDuration);
    res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
    if (res.consumedPoints > this.points) {
      if (this.blockDuration > 0 && res.consumedPoints <= this.points + pointsToConsume) {
        res = this.memoryStorage.set(rlKey, res.consumedPoints, this.blockDuration);
      }
      throw new RateLimitError("Rate limit exceeded", res);
    }
    return res;
  }
  penalty(key, points = 1, options = {}) {
    const rlKey = this.getKey(key);
    const secDuration = this._getKeySecDuration(options);
    const res = this.memoryStorage.incrby(rlKey, points, secDuration);
    res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
    return res;
  }
  reward(key, points = 1, options = {}) {
    const rlKey = this.getKey(key);
    const secDuration = this._getKeySecDuration(options);
    const res = this.memoryStorage.incrby(rlKey, -points, secDuration);
    res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
    return res;
  }
  /**
   * Block any key for secDuration seconds
   *
   * @param key
   * @param secDuration
   */
  block(key, secDuration) {
    const msDuration = secDuration * 1e3;
    const initPoints = this.points + 1;
    this.memoryStorage.set(this.getKey(key), initPoints, secDuration);
    return {
      remainingPoints: 0,
      msBeforeNext: msDuration === 0 ? -1 : msDuration,
      consumedPoints: initPoints,
      isFirstInDuration: false
    };
  }
  set(key, points, secDuration = 0) {
    const msDuration = (secDuration >= 0 ? secDuration : this.duration) * 1e3;
    this.memoryStorage.set(this.getKey(key), points, secDuration);
    return {
      remainingPoints: 0,
      msBeforeNext: msDuration === 0 ? -1 : msDuration,
      consumedPoints: points,
      isFirstInDuration: false
    };
  }
  get(key) {
    const res = this.memoryStorage.get(this.getKey(key));
    if (res != null) {
      res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
    }
    return res;
  }
  delete(key) {
    this.memoryStorage.delete(this.getKey(key));
  }
  _getKeySecDuration(options) {
    if (options?.customDuration != null && options.customDuration >= 0) {
      return options.customDuration;
    }
    return this.duration;
  }
  getKey(key) {
    return this.keyPrefix.length > 0 ? `${this.keyPrefix}:${key}` : key;
  }
  parseKey(rlKey) {
    return rlKey.substring(this.keyPrefix.length);
  }
};
var MemoryStorage = class {
  storage;
  constructor() {
    this.storage = /* @__PURE__ */ new Map();
  }
  incrby(key, value2, durationSec) {
    const existing = this.storage.get(key);
    if (existing != null) {
      const msBeforeExpires = existing.expiresAt != null ? existing.expiresAt.getTime() - (/* @__PURE__ */ new Date()).getTime() : -1;
      if (existing.expiresAt == null || msBeforeExpires > 0) {
        existing.value += value2;
        return {
          remainingPoints: 0,
          msBeforeNext: msBeforeExpires,
          consumedPoints: existing.value,
          isFirstInDuration: false
        };
      }
      return this.set(key, value2, durationSec);
    }
    return this.set(key, value2, durationSec);
  }
  set(key, value2, durationSec) {
    const durationMs = durationSec * 1e3;
    const existing = this.storage.get(key);
    if (existing != null) {
      clearTimeout(existing.timeoutId);
    }
    const record = {
      value: value2,
      expiresAt: durationMs > 0 ? new Date(Date.now() + durationMs) : void 0
    };
    this.storage.set(key, record);
    if (durationMs > 0) {
      record.timeoutId = setTimeout(() => {
        this.storage.delete(key);
      }, durationMs);
      if (record.timeoutId.unref != null) {
        record.timeoutId.unref();
      }
    }
    return {
      remainingPoints: 0,
      msBeforeNext: durationMs === 0 ? -1 : durationMs,
      consumedPoints: record.value,
      isFirstInDuration: true
    };
  }
  get(key) {
    const existing = this.storage.get(key);
    if (existing != null) {
      const msBeforeExpires = existing.expiresAt != null ? existing.expiresAt.getTime() - (/* @__PURE__ */ new Date()).getTime() : -1;
      return {
        remainingPoints: 0,
        msBeforeNext: msBeforeExpires,
        consumedPoints: existing.value,
        isFirstInDuration: false
      };
    }
  }
  delete(key) {
    const record = this.storage.get(key);
    if (record != null) {
      if (record.timeoutId != null) {
        clearTimeout(record.timeoutId);
      }
      this.storage.delete(key);
      return true;
    }
    return false;
  }
};

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/repeating-task.js
function repeatingTask(fn, interval, options) {
  let timeout;
  let shutdownController;
  let running = false;
  function runTask() {
    const opts = {
      signal: shutdownController.signal
    };
    let signal;
    if (options?.timeout != null) {
      signal = anySignal([shutdownController.signal, AbortSignal.timeout(options.timeout)]);
      setMaxListeners(Infinity, signal);
      opts.signal = signal;
    }
    running = true;
    Promise.resolve().then(async () => {
      await fn(opts);
    }).catch(() => {
    }).finally(() => {
      if (signal != null) {
        if (signal.aborted) {
          signal.clear();
        } else {
          signal.addEventListener("abort", () => {
            signal.clear();
          }, { once: true });
        }
      }
      running = false;
      if (shutdownController.signal.aborted) {
        return;
      }
      timeout = setTimeout(runTask, interval);
    });
  }
  const runTaskDebounced = debounce(runTask, options?.debounce ?? 100);
  let started = false;
  return {
    setInterval: (ms) => {
      if (interval === ms) {
        return;
      }
      interval = ms;
      if (timeout != null) {
        clearTimeout(timeout);
        timeout = setTimeout(runTask, interval);
      }
    },
    setTimeout: (ms) => {
      options ??= {};
      options.timeout = ms;
    },
    run: () => {
      if (running) {
        return;
      }
      clearTimeout(timeout);
      runTaskDebounced();
    },
    start: () => {
      if (started) {
        return;
      }
      started = true;
      shutdownController = new AbortController();
      setMaxListeners(Infinity, shutdownController.signal);
      if (options?.runImmediately === true) {
        queueMicrotask(() => {
          runTask();
        });
      } else {
        timeout = setTimeout(runTask, interval);
      }
    },
    stop: () => {
      clearTimeout(timeout);
      shutdownController?.abort();
      started = false;
    }
  };
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/stream-pair.js
async function streamPair(opts = {}) {
  const [outboundConnection, inboundConnection] = multiaddrConnectionPair({
    ...opts,
    outbound: opts.outboundConnection,
    inbound: opts.inboundConnection
  });
  const localMuxer = mockMuxer({
    streamOptions: opts.outbound
  }).createStreamMuxer(outboundConnection);
  const remoteMuxer = mockMuxer({
    streamOptions: opts.inbound
  }).createStreamMuxer(inboundConnection);
  const [inboundStream, outboundStream] = await Promise.all([
    pEvent(remoteMuxer, "stream").then((evt) => {
      return evt.detail;
    }),
    localMuxer.createStream({
      ...opts.outbound,
      protocol: opts.protocol
    })
  ]);
  return [
    outboundStream,
    inboundStream
  ];
}
async function echoStream(opts = {}) {
  const [outbound, inbound] = await streamPair(opts);
  echo(inbound);
  return outbound;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/tracked-list.js
function trackedList(config) {
  const { name, metrics } = config;
  const list = [];
  metrics?.registerMetric(name, {
    calculate: () => {
      return list.length;
    }
  });
  return list;
}

// ../../node_modules/.pnpm/@libp2p+utils@7.4.1/node_modules/@libp2p/utils/dist/src/tracked-map.js
var TrackedMap = class extends Map {
  metric;
  constructor(init) {
    super();
    const { name, metrics } = init;
    this.metric = metrics.registerMetric(name);
    this.updateComponentMetric();
  }
  set(key, value2) {
    super.set(key, value2);
    this.updateComponentMetric();
    return this;
  }
  delete(key) {
    const deleted = super.delete(key);
    this.updateComponentMetric();
    return deleted;
  }
  clear() {
    super.clear();
    this.updateComponentMetric();
  }
  updateComponentMetric() {
    this.metric.update(this.size);
  }
};
function trackedMap(config) {
  const { name, metrics } = config;
  let map;
  if (metrics != null) {
    map = new TrackedMap({ name, metrics });
  } else {
    map = /* @__PURE__ */ new Map();
  }
  return map;
}

export {
  BloomFilter,
  createBloomFilter,
  CuckooFilter,
  createCuckooFilter,
  ScalableCuckooFilter,
  createScalableCuckooFilter,
  tryGetNetConfig,
  getNetConfig,
  IpNet,
  isGlobalUnicast,
  isLinkLocal,
  isLoopback,
  isNetworkAddress,
  isPrivateIp,
  isPrivate,
  PEER_ID,
  IP_OR_DOMAIN,
  IP4,
  IP6,
  TCP,
  QUIC_V1,
  WebSockets,
  WebSocketsSecure,
  P2P,
  Circuit,
  Unix,
  reliableTransportsFirst,
  loopbackAddressLast,
  publicAddressesFirst,
  circuitRelayAddressesLast,
  defaultMultiaddrSorter,
  pEvent,
  debounce,
  RateLimitError,
  QueueFullError,
  UnexpectedEOFError,
  MaxEarlyStreamsError,
  StreamClosedError,
  Queue,
  AbstractMessageStream,
  AbstractMultiaddrConnection,
  isPromise,
  AbstractStreamMuxer,
  AbstractStream,
  anySignal,
  MovingAverage,
  DEFAULT_TIMEOUT_MULTIPLIER,
  DEFAULT_FAILURE_MULTIPLIER,
  DEFAULT_MIN_TIMEOUT,
  DEFAULT_MAX_TIMEOUT,
  DEFAULT_INTERVAL,
  AdaptiveTimeout,
  isLinkLocalIp,
  getThinWaistAddresses,
  isGlobalUnicastIp,
  ipPortToMultiaddr,
  isAsyncGenerator,
  isGenerator,
  src_default,
  pipe,
  UnwrappedError,
  InvalidMessageLengthError,
  InvalidDataLengthError,
  InvalidDataLengthLengthError,
  byteStream,
  lpStream,
  pbStream,
  echo,
  messageStreamToDuplex,
  pipe2,
  LengthPrefixedDecoder,
  encode3 as encode,
  decode3 as decode,
  mockMuxer,
  MockStream,
  multiaddrConnectionPair,
  PeerQueue,
  PriorityQueue,
  RateLimiter,
  MemoryStorage,
  repeatingTask,
  streamPair,
  echoStream,
  trackedList,
  trackedMap
};
