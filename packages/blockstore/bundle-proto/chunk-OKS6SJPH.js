import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  decode,
  varintLength,
  writeVarint
} from "./chunk-WR3JJZEG.js";
import {
  MalformedBlockError
} from "./chunk-UVAGLUXE.js";
import {
  MaxLengthError,
  decodeMessage,
  encodeMessage,
  enumeration,
  message,
  streamMessage
} from "./chunk-DRLROITU.js";
import {
  withArrayBuffer
} from "./chunk-SWTR4ACN.js";

// ../../node_modules/.pnpm/ipfs-unixfs@13.1.1/node_modules/ipfs-unixfs/dist/src/errors.js
var InvalidTypeError = class _InvalidTypeError extends Error {
  static name = "InvalidTypeError";
  static code = "ERR_INVALID_TYPE";
  name = _InvalidTypeError.name;
  code = _InvalidTypeError.code;
  constructor(message2 = "Invalid type") {
    super(message2);
  }
};

// ../../node_modules/.pnpm/ipfs-unixfs@13.1.1/node_modules/ipfs-unixfs/dist/src/unixfs.js
var UnixFS;
(function(UnixFS3) {
  let Type;
  (function(Type2) {
    Type2["RAW"] = "RAW";
    Type2["DIRECTORY"] = "DIRECTORY";
    Type2["FILE"] = "FILE";
    Type2["METADATA"] = "METADATA";
    Type2["SYMLINK"] = "SYMLINK";
    Type2["HAMT_SHARD"] = "HAMT_SHARD";
  })(Type = UnixFS3.Type || (UnixFS3.Type = {}));
  let __TypeValues;
  (function(__TypeValues2) {
    __TypeValues2[__TypeValues2["RAW"] = 0] = "RAW";
    __TypeValues2[__TypeValues2["DIRECTORY"] = 1] = "DIRECTORY";
    __TypeValues2[__TypeValues2["FILE"] = 2] = "FILE";
    __TypeValues2[__TypeValues2["METADATA"] = 3] = "METADATA";
    __TypeValues2[__TypeValues2["SYMLINK"] = 4] = "SYMLINK";
    __TypeValues2[__TypeValues2["HAMT_SHARD"] = 5] = "HAMT_SHARD";
  })(__TypeValues || (__TypeValues = {}));
  (function(Type2) {
    Type2.codec = () => {
      return enumeration(__TypeValues);
    };
  })(Type = UnixFS3.Type || (UnixFS3.Type = {}));
  let _codec;
  UnixFS3.codec = () => {
    if (_codec == null) {
      _codec = message((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork();
        }
        if (obj.type != null) {
          w.uint32(8);
          UnixFS3.Type.codec().encode(obj.type, w);
        }
        if (obj.data != null) {
          w.uint32(18);
          w.bytes(obj.data);
        }
        if (obj.fileSize != null) {
          w.uint32(24);
          w.uint64(obj.fileSize);
        }
        if (obj.blockSizes != null && obj.blockSizes.length > 0) {
          for (const value of obj.blockSizes) {
            w.uint32(32);
            w.uint64(value);
          }
        }
        if (obj.hashType != null) {
          w.uint32(40);
          w.uint64(obj.hashType);
        }
        if (obj.fanOut != null) {
          w.uint32(48);
          w.uint64(obj.fanOut);
        }
        if (obj.mode != null) {
          w.uint32(56);
          w.uint32(obj.mode);
        }
        if (obj.mtime != null) {
          w.uint32(66);
          UnixTime.codec().encode(obj.mtime, w);
        }
        if (opts.lengthDelimited !== false) {
          w.ldelim();
        }
      }, (reader, length, opts = {}) => {
        const obj = {
          blockSizes: []
        };
        const end = length == null ? reader.len : reader.pos + length;
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              obj.type = UnixFS3.Type.codec().decode(reader);
              break;
            }
            case 2: {
              obj.data = reader.bytes();
              break;
            }
            case 3: {
              obj.fileSize = reader.uint64();
              break;
            }
            case 4: {
              if (opts.limits?.blockSizes != null && obj.blockSizes.length === opts.limits.blockSizes) {
                throw new MaxLengthError('Decode error - repeated field "blockSizes" had too many elements');
              }
              obj.blockSizes.push(reader.uint64());
              break;
            }
            case 5: {
              obj.hashType = reader.uint64();
              break;
            }
            case 6: {
              obj.fanOut = reader.uint64();
              break;
            }
            case 7: {
              obj.mode = reader.uint32();
              break;
            }
            case 8: {
              obj.mtime = UnixTime.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.mtime
              });
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        return obj;
      }, function* (reader, length, prefix, opts = {}) {
        const obj = {
          blockSizes: 0
        };
        const end = length == null ? reader.len : reader.pos + length;
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "start",
            message: "UnixFS"
          };
        }
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}type`,
                value: UnixFS3.Type.codec().decode(reader)
              };
              break;
            }
            case 2: {
              yield {
                field: `${prefix}data`,
                value: reader.bytes()
              };
              break;
            }
            case 3: {
              yield {
                field: `${prefix}fileSize`,
                value: reader.uint64()
              };
              break;
            }
            case 4: {
              if (opts.limits?.blockSizes != null && obj.blockSizes === opts.limits.blockSizes) {
                throw new MaxLengthError('Streaming decode error - repeated field "blockSizes" had too many elements');
              }
              yield {
                field: `${prefix}blockSizes[]`,
                index: obj.blockSizes,
                value: reader.uint64()
              };
              obj.blockSizes++;
              break;
            }
            case 5: {
              yield {
                field: `${prefix}hashType`,
                value: reader.uint64()
              };
              break;
            }
            case 6: {
              yield {
                field: `${prefix}fanOut`,
                value: reader.uint64()
              };
              break;
            }
            case 7: {
              yield {
                field: `${prefix}mode`,
                value: reader.uint32()
              };
              break;
            }
            case 8: {
              yield* UnixTime.codec().stream(reader, reader.uint32(), `${prefix}mtime.`, {
                limits: opts.limits?.mtime
              });
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "end",
            message: "UnixFS"
          };
        }
      });
    }
    return _codec;
  };
  function encode(obj) {
    return encodeMessage(obj, UnixFS3.codec());
  }
  UnixFS3.encode = encode;
  function decode2(buf, opts) {
    return decodeMessage(buf, UnixFS3.codec(), opts);
  }
  UnixFS3.decode = decode2;
  function stream(buf, opts) {
    return streamMessage(buf, UnixFS3.codec(), opts);
  }
  UnixFS3.stream = stream;
})(UnixFS || (UnixFS = {}));
var UnixTime;
(function(UnixTime2) {
  let _codec;
  UnixTime2.codec = () => {
    if (_codec == null) {
      _codec = message((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork();
        }
        if (obj.seconds != null) {
          w.uint32(8);
          w.int64(obj.seconds);
        }
        if (obj.fractionalNanoseconds != null) {
          w.uint32(21);
          w.fixed32(obj.fractionalNanoseconds);
        }
        if (opts.lengthDelimited !== false) {
          w.ldelim();
        }
      }, (reader, length, opts = {}) => {
        const obj = {};
        const end = length == null ? reader.len : reader.pos + length;
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              obj.seconds = reader.int64();
              break;
            }
            case 2: {
              obj.fractionalNanoseconds = reader.fixed32();
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        return obj;
      }, function* (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length;
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "start",
            message: "UnixTime"
          };
        }
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}seconds`,
                value: reader.int64()
              };
              break;
            }
            case 2: {
              yield {
                field: `${prefix}fractionalNanoseconds`,
                value: reader.fixed32()
              };
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "end",
            message: "UnixTime"
          };
        }
      });
    }
    return _codec;
  };
  function encode(obj) {
    return encodeMessage(obj, UnixTime2.codec());
  }
  UnixTime2.encode = encode;
  function decode2(buf, opts) {
    return decodeMessage(buf, UnixTime2.codec(), opts);
  }
  UnixTime2.decode = decode2;
  function stream(buf, opts) {
    return streamMessage(buf, UnixTime2.codec(), opts);
  }
  UnixTime2.stream = stream;
})(UnixTime || (UnixTime = {}));
var Metadata;
(function(Metadata2) {
  let _codec;
  Metadata2.codec = () => {
    if (_codec == null) {
      _codec = message((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork();
        }
        if (obj.mimeType != null) {
          w.uint32(10);
          w.string(obj.mimeType);
        }
        if (opts.lengthDelimited !== false) {
          w.ldelim();
        }
      }, (reader, length, opts = {}) => {
        const obj = {};
        const end = length == null ? reader.len : reader.pos + length;
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              obj.mimeType = reader.string();
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        return obj;
      }, function* (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length;
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "start",
            message: "Metadata"
          };
        }
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}mimeType`,
                value: reader.string()
              };
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "end",
            message: "Metadata"
          };
        }
      });
    }
    return _codec;
  };
  function encode(obj) {
    return encodeMessage(obj, Metadata2.codec());
  }
  Metadata2.encode = encode;
  function decode2(buf, opts) {
    return decodeMessage(buf, Metadata2.codec(), opts);
  }
  Metadata2.decode = decode2;
  function stream(buf, opts) {
    return streamMessage(buf, Metadata2.codec(), opts);
  }
  Metadata2.stream = stream;
})(Metadata || (Metadata = {}));
var Link;
(function(Link2) {
  let _codec;
  Link2.codec = () => {
    if (_codec == null) {
      _codec = message((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork();
        }
        if (obj.hash != null) {
          w.uint32(10);
          w.bytes(obj.hash);
        }
        if (obj.name != null) {
          w.uint32(18);
          w.string(obj.name);
        }
        if (obj.tSize != null) {
          w.uint32(24);
          w.uint64(obj.tSize);
        }
        if (opts.lengthDelimited !== false) {
          w.ldelim();
        }
      }, (reader, length, opts = {}) => {
        const obj = {};
        const end = length == null ? reader.len : reader.pos + length;
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              obj.hash = reader.bytes();
              break;
            }
            case 2: {
              obj.name = reader.string();
              break;
            }
            case 3: {
              obj.tSize = reader.uint64();
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        return obj;
      }, function* (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length;
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "start",
            message: "Link"
          };
        }
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}hash`,
                value: reader.bytes()
              };
              break;
            }
            case 2: {
              yield {
                field: `${prefix}name`,
                value: reader.string()
              };
              break;
            }
            case 3: {
              yield {
                field: `${prefix}tSize`,
                value: reader.uint64()
              };
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "end",
            message: "Link"
          };
        }
      });
    }
    return _codec;
  };
  function encode(obj) {
    return encodeMessage(obj, Link2.codec());
  }
  Link2.encode = encode;
  function decode2(buf, opts) {
    return decodeMessage(buf, Link2.codec(), opts);
  }
  Link2.decode = decode2;
  function stream(buf, opts) {
    return streamMessage(buf, Link2.codec(), opts);
  }
  Link2.stream = stream;
})(Link || (Link = {}));
var Node;
(function(Node2) {
  let _codec;
  Node2.codec = () => {
    if (_codec == null) {
      _codec = message((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork();
        }
        if (obj.data != null) {
          w.uint32(10);
          UnixFS.codec().encode(obj.data, w);
        }
        if (obj.links != null && obj.links.length > 0) {
          for (const value of obj.links) {
            w.uint32(18);
            Link.codec().encode(value, w);
          }
        }
        if (opts.lengthDelimited !== false) {
          w.ldelim();
        }
      }, (reader, length, opts = {}) => {
        const obj = {
          links: []
        };
        const end = length == null ? reader.len : reader.pos + length;
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              obj.data = UnixFS.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.data
              });
              break;
            }
            case 2: {
              if (opts.limits?.links != null && obj.links.length === opts.limits.links) {
                throw new MaxLengthError('Decode error - repeated field "links" had too many elements');
              }
              obj.links.push(Link.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.links$
              }));
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        return obj;
      }, function* (reader, length, prefix, opts = {}) {
        const obj = {
          links: 0
        };
        const end = length == null ? reader.len : reader.pos + length;
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "start",
            message: "Node"
          };
        }
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 1: {
              yield* UnixFS.codec().stream(reader, reader.uint32(), `${prefix}data.`, {
                limits: opts.limits?.data
              });
              break;
            }
            case 2: {
              if (opts.limits?.links != null && obj.links === opts.limits.links) {
                throw new MaxLengthError('Streaming decode error - repeated field "links" had too many elements');
              }
              for (const evt of Link.codec().stream(reader, reader.uint32(), `${prefix}links[].`, {
                limits: opts.limits?.links$
              })) {
                yield {
                  ...evt,
                  index: obj.links
                };
              }
              obj.links++;
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "end",
            message: "Node"
          };
        }
      });
    }
    return _codec;
  };
  function encode(obj) {
    return encodeMessage(obj, Node2.codec());
  }
  Node2.encode = encode;
  function decode2(buf, opts) {
    return decodeMessage(buf, Node2.codec(), opts);
  }
  Node2.decode = decode2;
  function stream(buf, opts) {
    return streamMessage(buf, Node2.codec(), opts);
  }
  Node2.stream = stream;
})(Node || (Node = {}));
var LegacyNode;
(function(LegacyNode2) {
  let _codec;
  LegacyNode2.codec = () => {
    if (_codec == null) {
      _codec = message((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork();
        }
        if (obj.links != null && obj.links.length > 0) {
          for (const value of obj.links) {
            w.uint32(18);
            Link.codec().encode(value, w);
          }
        }
        if (obj.data != null) {
          w.uint32(10);
          UnixFS.codec().encode(obj.data, w);
        }
        if (opts.lengthDelimited !== false) {
          w.ldelim();
        }
      }, (reader, length, opts = {}) => {
        const obj = {
          links: []
        };
        const end = length == null ? reader.len : reader.pos + length;
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 2: {
              if (opts.limits?.links != null && obj.links.length === opts.limits.links) {
                throw new MaxLengthError('Decode error - repeated field "links" had too many elements');
              }
              obj.links.push(Link.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.links$
              }));
              break;
            }
            case 1: {
              obj.data = UnixFS.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.data
              });
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        return obj;
      }, function* (reader, length, prefix, opts = {}) {
        const obj = {
          links: 0
        };
        const end = length == null ? reader.len : reader.pos + length;
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "start",
            message: "LegacyNode"
          };
        }
        while (reader.pos < end) {
          const tag = reader.uint32();
          switch (tag >>> 3) {
            case 2: {
              if (opts.limits?.links != null && obj.links === opts.limits.links) {
                throw new MaxLengthError('Streaming decode error - repeated field "links" had too many elements');
              }
              for (const evt of Link.codec().stream(reader, reader.uint32(), `${prefix}links[].`, {
                limits: opts.limits?.links$
              })) {
                yield {
                  ...evt,
                  index: obj.links
                };
              }
              obj.links++;
              break;
            }
            case 1: {
              yield* UnixFS.codec().stream(reader, reader.uint32(), `${prefix}data.`, {
                limits: opts.limits?.data
              });
              break;
            }
            default: {
              reader.skipType(tag & 7);
              break;
            }
          }
        }
        if (prefix !== ".") {
          yield {
            field: prefix.endsWith(".") ? prefix.substring(0, prefix.length - 1) : prefix,
            type: "end",
            message: "LegacyNode"
          };
        }
      });
    }
    return _codec;
  };
  function encode(obj) {
    return encodeMessage(obj, LegacyNode2.codec());
  }
  LegacyNode2.encode = encode;
  function decode2(buf, opts) {
    return decodeMessage(buf, LegacyNode2.codec(), opts);
  }
  LegacyNode2.decode = decode2;
  function stream(buf, opts) {
    return streamMessage(buf, LegacyNode2.codec(), opts);
  }
  LegacyNode2.stream = stream;
})(LegacyNode || (LegacyNode = {}));

// ../../node_modules/.pnpm/ipfs-unixfs@13.1.1/node_modules/ipfs-unixfs/dist/src/index.js
var types = {
  RAW: "raw",
  DIRECTORY: "directory",
  FILE: "file",
  METADATA: "metadata",
  SYMLINK: "symlink",
  HAMT_SHARD: "hamt-sharded-directory"
};
var dirTypes = [
  "directory",
  "hamt-sharded-directory"
];
var DEFAULT_FILE_MODE = parseInt("0644", 8);
var DEFAULT_DIRECTORY_MODE = parseInt("0755", 8);
var UnixFS2 = class _UnixFS {
  /**
   * Decode from protobuf https://github.com/ipfs/specs/blob/master/UNIXFS.md
   */
  static unmarshal(marshaled) {
    const message2 = UnixFS.decode(marshaled);
    const data = new _UnixFS({
      type: types[message2.type != null ? message2.type.toString() : "FILE"],
      data: message2.data,
      blockSizes: message2.blockSizes,
      mode: message2.mode,
      mtime: message2.mtime != null ? {
        secs: message2.mtime.seconds ?? 0n,
        nsecs: message2.mtime.fractionalNanoseconds
      } : void 0,
      fanout: message2.fanOut
    });
    data._originalMode = message2.mode ?? 0;
    return data;
  }
  type;
  data;
  blockSizes;
  hashType;
  fanout;
  mtime;
  _mode;
  _originalMode;
  constructor(options = {
    type: "file"
  }) {
    const { type, data, blockSizes, hashType, fanout, mtime, mode } = options;
    if (type != null && !Object.values(types).includes(type)) {
      throw new InvalidTypeError("Type: " + type + " is not valid");
    }
    this.type = type ?? "file";
    this.hashType = hashType;
    this.fanout = fanout;
    this.blockSizes = blockSizes ?? [];
    this._originalMode = 0;
    this.mode = mode;
    this.mtime = mtime;
    if (data != null) {
      this.data = withArrayBuffer(data);
    }
  }
  set mode(mode) {
    if (mode == null) {
      this._mode = this.isDirectory() ? DEFAULT_DIRECTORY_MODE : DEFAULT_FILE_MODE;
    } else {
      this._mode = mode & 4095;
    }
  }
  get mode() {
    return this._mode;
  }
  isDirectory() {
    return dirTypes.includes(this.type);
  }
  addBlockSize(size) {
    this.blockSizes.push(size);
  }
  removeBlockSize(index) {
    this.blockSizes.splice(index, 1);
  }
  /**
   * Returns `0n` for directories or `data.length + sum(blockSizes)` for everything else
   */
  fileSize() {
    if (this.isDirectory()) {
      return 0n;
    }
    let sum = 0n;
    this.blockSizes.forEach((size) => {
      sum += size;
    });
    if (this.data != null) {
      sum += BigInt(this.data.length);
    }
    return sum;
  }
  /**
   * encode to protobuf Uint8Array
   */
  marshal() {
    let type;
    switch (this.type) {
      case "raw":
        type = UnixFS.Type.RAW;
        break;
      case "directory":
        type = UnixFS.Type.DIRECTORY;
        break;
      case "file":
        type = UnixFS.Type.FILE;
        break;
      case "metadata":
        type = UnixFS.Type.METADATA;
        break;
      case "symlink":
        type = UnixFS.Type.SYMLINK;
        break;
      case "hamt-sharded-directory":
        type = UnixFS.Type.HAMT_SHARD;
        break;
      default:
        throw new InvalidTypeError(`Type: ${type} is not valid`);
    }
    let data = this.data;
    if (this.data == null || this.data.length === 0) {
      data = void 0;
    }
    let mode;
    if (this.mode != null) {
      mode = this._originalMode & 4294963200 | (this.mode ?? 0);
      if (mode === DEFAULT_FILE_MODE && !this.isDirectory()) {
        mode = void 0;
      }
      if (mode === DEFAULT_DIRECTORY_MODE && this.isDirectory()) {
        mode = void 0;
      }
    }
    let mtime;
    if (this.mtime != null) {
      mtime = {
        seconds: this.mtime.secs,
        fractionalNanoseconds: this.mtime.nsecs
      };
    }
    return UnixFS.encode({
      type,
      data,
      fileSize: this.type === "file" || this.type === "raw" ? this.fileSize() : void 0,
      blockSizes: this.blockSizes,
      hashType: this.hashType,
      fanOut: this.fanout,
      mode,
      mtime
    });
  }
};

// ../dag/dist/src/utf8.js
var textEncoder = new TextEncoder();
function utf8(text) {
  const len = text.length;
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128)
      return textEncoder.encode(text);
    out[i] = c;
  }
  return out;
}

// ../dag/dist/src/pb.js
var UNIXFS_RAW = 0;
var UNIXFS_DIRECTORY = 1;
var UNIXFS_FILE = 2;
var UNIXFS_METADATA = 3;
var UNIXFS_SYMLINK = 4;
var UNIXFS_HAMT = 5;
function leafLayout(dataLength) {
  const dataField = dataLength > 0 ? 1 + varintLength(dataLength) + dataLength : 0;
  const unixfsLen = 2 + dataField + 1 + varintLength(dataLength);
  const blockLength = 1 + varintLength(unixfsLen) + unixfsLen;
  const dataOffset = dataLength > 0 ? 1 + varintLength(unixfsLen) + 2 + 1 + varintLength(dataLength) : blockLength;
  return { blockLength, dataOffset };
}
function frameLeaf(block, dataLength, type) {
  const dataField = dataLength > 0 ? 1 + varintLength(dataLength) + dataLength : 0;
  const unixfsLen = 2 + dataField + 1 + varintLength(dataLength);
  let pos = 0;
  block[pos++] = 10;
  pos = writeVarint(block, pos, unixfsLen);
  block[pos++] = 8;
  block[pos++] = type;
  if (dataLength > 0) {
    block[pos++] = 18;
    pos = writeVarint(block, pos, dataLength);
    pos += dataLength;
  }
  block[pos++] = 24;
  writeVarint(block, pos, dataLength);
  return block;
}
function encodeLeaf(data, type) {
  const { blockLength, dataOffset } = leafLayout(data.byteLength);
  const out = Buffer.allocUnsafe(blockLength);
  if (data.byteLength > 0)
    out.set(data, dataOffset);
  return frameLeaf(out, data.byteLength, type);
}
function encodeFileParentData(blockSizes) {
  let fileSize = 0;
  let len = 2;
  for (const s of blockSizes) {
    fileSize += s;
    len += 1 + varintLength(s);
  }
  len += 1 + varintLength(fileSize);
  const out = new Uint8Array(len);
  out[0] = 8;
  out[1] = UNIXFS_FILE;
  let pos = 2;
  out[pos++] = 24;
  pos = writeVarint(out, pos, fileSize);
  for (const s of blockSizes) {
    out[pos++] = 32;
    pos = writeVarint(out, pos, s);
  }
  return out;
}
function linkLength(nameLength, cidLength, tsize) {
  const inner = 1 + varintLength(cidLength) + cidLength + 1 + varintLength(nameLength) + nameLength + 1 + varintLength(tsize);
  return 1 + varintLength(inner) + inner;
}
function encodeNode(data, links) {
  const names = new Array(links.length);
  const linkLens = new Array(links.length);
  let total = 0;
  for (let i = 0; i < links.length; i++) {
    const l = links[i];
    const name = l.nameBytes ?? (l.name === "" ? EMPTY : utf8(l.name));
    names[i] = name;
    const cidLen = l.cid.bytes.byteLength;
    const linkLen = 1 + varintLength(cidLen) + cidLen + 1 + varintLength(name.byteLength) + name.byteLength + 1 + varintLength(l.tsize);
    linkLens[i] = linkLen;
    total += 1 + varintLength(linkLen) + linkLen;
  }
  if (data != null)
    total += 1 + varintLength(data.byteLength) + data.byteLength;
  const out = new Uint8Array(total);
  let pos = 0;
  for (let i = 0; i < links.length; i++) {
    const l = links[i];
    const cidBytes = l.cid.bytes;
    out[pos++] = 18;
    pos = writeVarint(out, pos, linkLens[i]);
    out[pos++] = 10;
    pos = writeVarint(out, pos, cidBytes.byteLength);
    out.set(cidBytes, pos);
    pos += cidBytes.byteLength;
    out[pos++] = 18;
    pos = writeVarint(out, pos, names[i].byteLength);
    out.set(names[i], pos);
    pos += names[i].byteLength;
    out[pos++] = 24;
    pos = writeVarint(out, pos, l.tsize);
  }
  if (data != null) {
    out[pos++] = 10;
    pos = writeVarint(out, pos, data.byteLength);
    out.set(data, pos);
  }
  return out;
}
var EMPTY = new Uint8Array(0);
function decodePb(bytes, cid) {
  let node;
  try {
    node = decode(bytes);
  } catch (err) {
    throw new MalformedBlockError(`Block ${cid?.toString() ?? ""} is not valid dag-pb`, { cause: err });
  }
  if (node.Data == null)
    return { node };
  try {
    return { node, unixfs: UnixFS2.unmarshal(node.Data) };
  } catch (err) {
    throw new MalformedBlockError(`Block ${cid?.toString() ?? ""} holds malformed UnixFS data`, { cause: err });
  }
}
function decodeUnixfs(bytes, cid) {
  const d = decodePb(bytes, cid);
  if (d.unixfs == null)
    throw new MalformedBlockError(`Block ${cid?.toString() ?? ""} is dag-pb without UnixFS data`);
  return { node: d.node, unixfs: d.unixfs };
}

export {
  UnixFS2 as UnixFS,
  utf8,
  UNIXFS_RAW,
  UNIXFS_DIRECTORY,
  UNIXFS_FILE,
  UNIXFS_METADATA,
  UNIXFS_SYMLINK,
  UNIXFS_HAMT,
  leafLayout,
  frameLeaf,
  encodeLeaf,
  encodeFileParentData,
  linkLength,
  encodeNode,
  decodePb,
  decodeUnixfs
};
