import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  AbortError,
  CairnError,
  InvalidParametersError,
  NotFoundError
} from "./chunk-UVAGLUXE.js";

// ../dag/dist/src/fs-source.js
import { open, lstat, readdir, readlink } from "node:fs/promises";
import { basename, join, resolve } from "node:path";

// ../dag/dist/src/constants.js
var DEFAULT_CHUNK_SIZE_BYTES = 262144;
var PROFILE_V1_2025_CHUNK_SIZE_BYTES = 1048576;
var MAX_CHUNK_SIZE_BYTES = 1048576;
var DEFAULT_MAX_LINKS = 174;
var PROFILE_V1_2025_MAX_LINKS = 1024;
var TRICKLE_LAYER_REPEAT = 4;
var DEFAULT_HAMT_THRESHOLD_BYTES = 262144;
var HAMT_FANOUT = 256;
var HAMT_HASH_CODE = 34;
var DEFAULT_INLINE_LIMIT_BYTES = 32;
var MAX_INLINE_LIMIT_BYTES = 127;
var DEFAULT_WRITE_BATCH_BYTES = 4194304;
var DEFAULT_WRITES_IN_FLIGHT = 2;
var DEFAULT_PREFETCH_BLOCKS = 16;
var DEFAULT_LS_CONCURRENCY = 16;
var DEFAULT_FILE_READ_BYTES = 262144;
var DEFAULT_CAR_IMPORT_MEMORY_BYTES = 67108864;
var MAX_BLOCK_SIZE_BYTES = 2097152;
var MAX_DAG_DEPTH = 1024;
var CODEC_DAG_PB = 112;
var CODEC_RAW = 85;
var CODEC_DAG_CBOR = 113;
var CODEC_DAG_JSON = 297;
var CODEC_JSON = 512;
var HASH_SHA2_256 = 18;
var HASH_IDENTITY = 0;

// ../dag/dist/src/errors.js
var UnreadablePathError = class extends CairnError {
  static name = "UnreadablePathError";
  static code = "ERR_UNREADABLE_PATH";
  constructor(message = "Path cannot be read", options) {
    super(message, options);
  }
};
function throwIfAborted(signal) {
  if (signal?.aborted === true)
    throw new AbortError("The operation was aborted", { cause: signal.reason });
}

// ../dag/dist/src/fs-source.js
function fsError(err, path) {
  const code = err.code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new NotFoundError(`No such file or directory: ${path}`, { cause: err });
  return new UnreadablePathError(`Cannot read ${path}: ${code ?? err.message}`, { cause: err, details: { path, code } });
}
var compareNames = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
async function* fileSource(paths, options = {}) {
  const readBytes = options.readBytes ?? DEFAULT_FILE_READ_BYTES * 4;
  for (const given of paths) {
    const abs = resolve(given);
    yield* walk(abs, basename(abs), true);
  }
  async function* walk(abs, name, top) {
    let st;
    try {
      st = await lstat(abs);
    } catch (err) {
      throw fsError(err, abs);
    }
    if (st.isSymbolicLink()) {
      let target;
      try {
        target = await readlink(abs);
      } catch (err) {
        throw fsError(err, abs);
      }
      yield { path: name, symlinkTarget: target };
    } else if (st.isFile()) {
      yield { path: name, content: new FileContent(abs, readBytes) };
    } else if (st.isDirectory()) {
      if (top && options.recursive !== true)
        throw new InvalidParametersError(`${abs} is a directory, use the recursive option`);
      let names;
      try {
        names = await readdir(abs);
      } catch (err) {
        throw fsError(err, abs);
      }
      yield { path: name };
      for (const child of names.sort(compareNames)) {
        if (options.hidden !== true && child.startsWith("."))
          continue;
        yield* walk(join(abs, child), `${name}/${child}`, false);
      }
    } else {
      throw new UnreadablePathError(`Unrecognized file type at ${abs} (not a file, directory or symlink)`);
    }
  }
}
var FileContent = class {
  path;
  readBytes;
  constructor(path, readBytes = DEFAULT_FILE_READ_BYTES) {
    this.path = path;
    this.readBytes = readBytes;
  }
  [Symbol.asyncIterator]() {
    return readFileChunks(this.path, this.readBytes);
  }
  /** Chunks of exactly `chunkSize` bytes (the last shorter); `leafType` set = dag-pb leaves of that UnixFS type */
  async *leaves(chunkSize, leafType) {
    const path = this.path;
    const pb = leafType == null ? void 0 : await import("./pb-HTDT4J4V.js");
    let fh;
    try {
      fh = await open(path, "r");
    } catch (err) {
      throw fsError(err, path);
    }
    let pending;
    try {
      let size;
      try {
        size = (await fh.stat()).size;
      } catch (err) {
        throw fsError(err, path);
      }
      const handle = fh;
      const readLeaf = async (pos2) => {
        const n = Math.min(chunkSize, size - pos2);
        const layout = pb == null ? { blockLength: n, dataOffset: 0 } : pb.leafLayout(n);
        const block = Buffer.allocUnsafe(layout.blockLength);
        let got = 0;
        while (got < n) {
          let bytesRead;
          try {
            ({ bytesRead } = await handle.read(block, layout.dataOffset + got, n - got, pos2 + got));
          } catch (err) {
            throw fsError(err, path);
          }
          if (bytesRead === 0)
            throw new UnreadablePathError(`${path} shrank while it was being read`);
          got += bytesRead;
        }
        const data = block.subarray(layout.dataOffset, layout.dataOffset + n);
        return { data, block: pb == null || leafType == null ? data : pb.frameLeaf(block, n, leafType) };
      };
      let pos = 0;
      if (size > 0)
        pending = readLeaf(0);
      while (pending != null) {
        const leaf = await pending;
        pos += leaf.data.byteLength;
        pending = pos < size ? readLeaf(pos) : void 0;
        pending?.catch(() => {
        });
        yield leaf;
      }
    } finally {
      await pending?.catch(() => {
      });
      await fh.close();
    }
  }
};
async function* readFileChunks(path, readBytes) {
  let fh;
  try {
    fh = await open(path, "r");
  } catch (err) {
    throw fsError(err, path);
  }
  try {
    while (true) {
      const buf = Buffer.allocUnsafeSlow(readBytes);
      let n;
      try {
        ({ bytesRead: n } = await fh.read(buf, 0, readBytes, null));
      } catch (err) {
        throw fsError(err, path);
      }
      if (n === 0)
        return;
      yield n === readBytes ? buf : buf.subarray(0, n);
    }
  } finally {
    await fh.close();
  }
}

export {
  DEFAULT_CHUNK_SIZE_BYTES,
  PROFILE_V1_2025_CHUNK_SIZE_BYTES,
  MAX_CHUNK_SIZE_BYTES,
  DEFAULT_MAX_LINKS,
  PROFILE_V1_2025_MAX_LINKS,
  TRICKLE_LAYER_REPEAT,
  DEFAULT_HAMT_THRESHOLD_BYTES,
  HAMT_FANOUT,
  HAMT_HASH_CODE,
  DEFAULT_INLINE_LIMIT_BYTES,
  MAX_INLINE_LIMIT_BYTES,
  DEFAULT_WRITE_BATCH_BYTES,
  DEFAULT_WRITES_IN_FLIGHT,
  DEFAULT_PREFETCH_BLOCKS,
  DEFAULT_LS_CONCURRENCY,
  DEFAULT_CAR_IMPORT_MEMORY_BYTES,
  MAX_BLOCK_SIZE_BYTES,
  MAX_DAG_DEPTH,
  CODEC_DAG_PB,
  CODEC_RAW,
  CODEC_DAG_CBOR,
  CODEC_DAG_JSON,
  CODEC_JSON,
  HASH_SHA2_256,
  HASH_IDENTITY,
  throwIfAborted,
  fileSource,
  FileContent
};
