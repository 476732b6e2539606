import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  createMortice,
  getConfigValue,
  mergeConfig,
  parseBytes,
  profileConfig,
  readConfigFile,
  setConfigValue,
  validateConfig,
  writeConfigFile
} from "./chunk-JK24HOLF.js";
import {
  AGENT_VERSION,
  CAIRN_VERSION,
  DEFAULT_BLOCK_PUT_BYTES_MAX,
  DEFAULT_BOOTSTRAP_ADDRESSES,
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_NUM_PROVIDERS,
  DEFAULT_PROVIDE_CONCURRENCY,
  DEFAULT_PROVIDE_QUEUE_MAX,
  DEFAULT_PROVIDE_TIMEOUT_MS,
  DEFAULT_READ_AHEAD_BLOCKS,
  DEFAULT_REPROVIDE_INITIAL_DELAY_MS,
  DEFAULT_ROUTING_TIMEOUT_MS,
  REPO_BLOCKS_DIR,
  REPO_CONFIG_FILE,
  REPO_DATASTORE_DIR,
  REPO_KEYSTORE_DIR,
  REPO_KEY_FILE,
  REPO_VERSION
} from "./chunk-TSOVMAPR.js";
import {
  cat,
  createReadAheadBudget,
  dagStat,
  exportCar,
  get,
  importCar,
  importer,
  ls,
  resolvePath,
  stat
} from "./chunk-M43IB2NX.js";
import {
  multiaddrToHostPort
} from "./chunk-6U35ICCQ.js";
import {
  DEFAULT_API_MULTIADDR,
  DEFAULT_GATEWAY_MULTIADDR
} from "./chunk-H35UP2PX.js";
import "./chunk-OKS6SJPH.js";
import {
  DAG_PB_CODE,
  blockLinks,
  canVerify,
  dagPbLinksFromPrefix,
  isLeafCodec,
  readVarint,
  varintLength,
  verifyBlock,
  verifyBlockSync,
  writeVarint
} from "./chunk-WR3JJZEG.js";
import "./chunk-ZBMILZQH.js";
import {
  AbortError,
  BlockTooLargeError,
  CairnError,
  HashMismatchError,
  InvalidCidError,
  InvalidParametersError,
  NoSpaceError,
  NotFoundError,
  NotPinnedError,
  OfflineError,
  RepoCorruptError,
  RepoLockedError,
  RepoNotInitializedError,
  StoreWriteError,
  TimeoutError,
  hasCode,
  parseDuration
} from "./chunk-UVAGLUXE.js";
import "./chunk-DRLROITU.js";
import {
  multiaddr,
  pushable
} from "./chunk-L5A6ETKM.js";
import {
  defaultLogger
} from "./chunk-2BWCYOJS.js";
import "./chunk-D3WQOLQI.js";
import "./chunk-VQY7AHAT.js";
import "./chunk-GJVBA7A3.js";
import "./chunk-TOJ2BU2E.js";
import "./chunk-WHPHTD5L.js";
import "./chunk-SWTR4ACN.js";
import {
  CID,
  decode,
  identity,
  sha256,
  sha512,
  varint_exports
} from "./chunk-S6UWZNPS.js";
import "./chunk-ROPHLTMV.js";
import "./chunk-OBWUN26Y.js";

// dist/src/open.js
import { mkdir as mkdir2, stat as stat4 } from "node:fs/promises";
import { join as join4 } from "node:path";
import { Level } from "level";

// dist/src/constants.js
var STORE_VERSION = 1;
var DEFAULT_INLINE_BYTES_MAX = 16 * 1024;
var DEFAULT_BATCH_BLOCKS_MAX = 256;
var DEFAULT_BATCH_BYTES_MAX = 64 * 1024 * 1024;
var DEFAULT_PACK_BYTES_MAX = 64 * 1024 * 1024;
var DEFAULT_PACK_LIVE_RATIO_MIN = 0.5;
var DEFAULT_OPEN_PACKS_MAX = 64;
var DEFAULT_SYNC = false;
var DEFAULT_VERIFY = false;
var DEFAULT_INDEX_CACHE_BYTES = 32 * 1024 * 1024;
var DEFAULT_INDEX_WRITE_BUFFER_BYTES = 16 * 1024 * 1024;
var DEFAULT_PIN_BATCH_NODES_MAX = 8192;
var DEFAULT_PIN_WALK_CONCURRENCY = 16;
var DEFAULT_BLOCK_BYTES_MAX = 4 * 1024 * 1024;
var DEFAULT_SYNC_READ_SLOW_MS = 2;
var DEFAULT_ASYNC_READ_WINDOW_MS = 1e3;
var DEFAULT_SYNC_STREAK_MS_MAX = 4;
var DEFAULT_RESERVE_BYTES = 16 * 1024 * 1024;

// dist/src/blockstore.js
import { join as join3 } from "node:path";

// dist/src/adapter.js
var InterfaceBlockstoreAdapter = class {
  async put(cid, bytes, options = {}) {
    options.signal?.throwIfAborted();
    await this.putBlocks([{ cid, bytes: await concat(bytes) }], options);
    return cid;
  }
  async *putMany(source, options = {}) {
    options.signal?.throwIfAborted();
    let batch = [];
    let batchBytes = 0;
    for await (const { cid, bytes } of source) {
      options.signal?.throwIfAborted();
      const block = { cid, bytes: await concat(bytes) };
      batch.push(block);
      batchBytes += block.bytes.byteLength;
      if (batch.length >= this.batchBlocksMax || batchBytes >= this.batchBytesMax) {
        await this.putBlocks(batch, options);
        for (const b of batch)
          yield b.cid;
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length > 0) {
      await this.putBlocks(batch, options);
      for (const b of batch)
        yield b.cid;
    }
  }
  async *get(cid, options = {}) {
    yield await this.getBlock(cid, options);
  }
  async *getMany(source, options = {}) {
    for await (const cid of source) {
      const bytes = await this.getBlock(cid, options);
      yield { cid, bytes: once(bytes) };
    }
  }
  async has(cid, options = {}) {
    return this.hasBlock(cid, options);
  }
  async delete(cid, options = {}) {
    await this.deleteBlock(cid, options);
  }
  async *deleteMany(source, options = {}) {
    options.signal?.throwIfAborted();
    for await (const cid of source) {
      options.signal?.throwIfAborted();
      await this.deleteBlock(cid, options);
      yield cid;
    }
  }
  async *getAll(options = {}) {
    options.signal?.throwIfAborted();
    for await (const { cid, bytes } of this.blocks(options))
      yield { cid, bytes: once(bytes) };
  }
};
async function* once(bytes) {
  yield bytes;
}
async function concat(input) {
  if (input instanceof Uint8Array)
    return input;
  const chunks = [];
  let length = 0;
  for await (const chunk of input) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  if (chunks.length === 1)
    return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// dist/src/packs.js
import { read as readCb, readSync, writev as writevCb } from "node:fs";
import { mkdir, open, readdir, stat as stat2, unlink } from "node:fs/promises";
import { join } from "node:path";

// ../../node_modules/.pnpm/xxhash-wasm@1.1.0/node_modules/xxhash-wasm/esm/xxhash-wasm.js
var t = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 48, 8, 96, 3, 127, 127, 127, 1, 127, 96, 3, 127, 127, 127, 0, 96, 2, 127, 127, 0, 96, 1, 127, 1, 127, 96, 3, 127, 127, 126, 1, 126, 96, 3, 126, 127, 127, 1, 126, 96, 2, 127, 126, 0, 96, 1, 127, 1, 126, 3, 11, 10, 0, 0, 2, 1, 3, 4, 5, 6, 1, 7, 5, 3, 1, 0, 1, 7, 85, 9, 3, 109, 101, 109, 2, 0, 5, 120, 120, 104, 51, 50, 0, 0, 6, 105, 110, 105, 116, 51, 50, 0, 2, 8, 117, 112, 100, 97, 116, 101, 51, 50, 0, 3, 8, 100, 105, 103, 101, 115, 116, 51, 50, 0, 4, 5, 120, 120, 104, 54, 52, 0, 5, 6, 105, 110, 105, 116, 54, 52, 0, 7, 8, 117, 112, 100, 97, 116, 101, 54, 52, 0, 8, 8, 100, 105, 103, 101, 115, 116, 54, 52, 0, 9, 10, 251, 22, 10, 242, 1, 1, 4, 127, 32, 0, 32, 1, 106, 33, 3, 32, 1, 65, 16, 79, 4, 127, 32, 3, 65, 16, 107, 33, 6, 32, 2, 65, 168, 136, 141, 161, 2, 106, 33, 3, 32, 2, 65, 137, 235, 208, 208, 7, 107, 33, 4, 32, 2, 65, 207, 140, 162, 142, 6, 106, 33, 5, 3, 64, 32, 3, 32, 0, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 3, 32, 4, 32, 0, 65, 4, 106, 34, 0, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 4, 32, 2, 32, 0, 65, 4, 106, 34, 0, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 2, 32, 5, 32, 0, 65, 4, 106, 34, 0, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 5, 32, 6, 32, 0, 65, 4, 106, 34, 0, 79, 13, 0, 11, 32, 2, 65, 12, 119, 32, 5, 65, 18, 119, 106, 32, 4, 65, 7, 119, 106, 32, 3, 65, 1, 119, 106, 5, 32, 2, 65, 177, 207, 217, 178, 1, 106, 11, 32, 1, 106, 32, 0, 32, 1, 65, 15, 113, 16, 1, 11, 146, 1, 0, 32, 1, 32, 2, 106, 33, 2, 3, 64, 32, 1, 65, 4, 106, 32, 2, 75, 69, 4, 64, 32, 0, 32, 1, 40, 2, 0, 65, 189, 220, 202, 149, 124, 108, 106, 65, 17, 119, 65, 175, 214, 211, 190, 2, 108, 33, 0, 32, 1, 65, 4, 106, 33, 1, 12, 1, 11, 11, 3, 64, 32, 1, 32, 2, 79, 69, 4, 64, 32, 0, 32, 1, 45, 0, 0, 65, 177, 207, 217, 178, 1, 108, 106, 65, 11, 119, 65, 177, 243, 221, 241, 121, 108, 33, 0, 32, 1, 65, 1, 106, 33, 1, 12, 1, 11, 11, 32, 0, 32, 0, 65, 15, 118, 115, 65, 247, 148, 175, 175, 120, 108, 34, 0, 65, 13, 118, 32, 0, 115, 65, 189, 220, 202, 149, 124, 108, 34, 0, 65, 16, 118, 32, 0, 115, 11, 63, 0, 32, 0, 65, 8, 106, 32, 1, 65, 168, 136, 141, 161, 2, 106, 54, 2, 0, 32, 0, 65, 12, 106, 32, 1, 65, 137, 235, 208, 208, 7, 107, 54, 2, 0, 32, 0, 65, 16, 106, 32, 1, 54, 2, 0, 32, 0, 65, 20, 106, 32, 1, 65, 207, 140, 162, 142, 6, 106, 54, 2, 0, 11, 195, 4, 1, 6, 127, 32, 1, 32, 2, 106, 33, 6, 32, 0, 65, 24, 106, 33, 4, 32, 0, 65, 40, 106, 40, 2, 0, 33, 3, 32, 0, 32, 0, 40, 2, 0, 32, 2, 106, 54, 2, 0, 32, 0, 65, 4, 106, 34, 5, 32, 5, 40, 2, 0, 32, 2, 65, 16, 79, 32, 0, 40, 2, 0, 65, 16, 79, 114, 114, 54, 2, 0, 32, 2, 32, 3, 106, 65, 16, 73, 4, 64, 32, 3, 32, 4, 106, 32, 1, 32, 2, 252, 10, 0, 0, 32, 0, 65, 40, 106, 32, 2, 32, 3, 106, 54, 2, 0, 15, 11, 32, 3, 4, 64, 32, 3, 32, 4, 106, 32, 1, 65, 16, 32, 3, 107, 34, 2, 252, 10, 0, 0, 32, 0, 65, 8, 106, 34, 3, 32, 3, 40, 2, 0, 32, 4, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 54, 2, 0, 32, 0, 65, 12, 106, 34, 3, 32, 3, 40, 2, 0, 32, 4, 65, 4, 106, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 54, 2, 0, 32, 0, 65, 16, 106, 34, 3, 32, 3, 40, 2, 0, 32, 4, 65, 8, 106, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 54, 2, 0, 32, 0, 65, 20, 106, 34, 3, 32, 3, 40, 2, 0, 32, 4, 65, 12, 106, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 54, 2, 0, 32, 0, 65, 40, 106, 65, 0, 54, 2, 0, 32, 1, 32, 2, 106, 33, 1, 11, 32, 1, 32, 6, 65, 16, 107, 77, 4, 64, 32, 6, 65, 16, 107, 33, 8, 32, 0, 65, 8, 106, 40, 2, 0, 33, 2, 32, 0, 65, 12, 106, 40, 2, 0, 33, 3, 32, 0, 65, 16, 106, 40, 2, 0, 33, 5, 32, 0, 65, 20, 106, 40, 2, 0, 33, 7, 3, 64, 32, 2, 32, 1, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 2, 32, 3, 32, 1, 65, 4, 106, 34, 1, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 3, 32, 5, 32, 1, 65, 4, 106, 34, 1, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 5, 32, 7, 32, 1, 65, 4, 106, 34, 1, 40, 2, 0, 65, 247, 148, 175, 175, 120, 108, 106, 65, 13, 119, 65, 177, 243, 221, 241, 121, 108, 33, 7, 32, 8, 32, 1, 65, 4, 106, 34, 1, 79, 13, 0, 11, 32, 0, 65, 8, 106, 32, 2, 54, 2, 0, 32, 0, 65, 12, 106, 32, 3, 54, 2, 0, 32, 0, 65, 16, 106, 32, 5, 54, 2, 0, 32, 0, 65, 20, 106, 32, 7, 54, 2, 0, 11, 32, 1, 32, 6, 73, 4, 64, 32, 4, 32, 1, 32, 6, 32, 1, 107, 34, 1, 252, 10, 0, 0, 32, 0, 65, 40, 106, 32, 1, 54, 2, 0, 11, 11, 97, 1, 1, 127, 32, 0, 65, 16, 106, 40, 2, 0, 33, 1, 32, 0, 65, 4, 106, 40, 2, 0, 4, 127, 32, 1, 65, 12, 119, 32, 0, 65, 20, 106, 40, 2, 0, 65, 18, 119, 106, 32, 0, 65, 12, 106, 40, 2, 0, 65, 7, 119, 106, 32, 0, 65, 8, 106, 40, 2, 0, 65, 1, 119, 106, 5, 32, 1, 65, 177, 207, 217, 178, 1, 106, 11, 32, 0, 40, 2, 0, 106, 32, 0, 65, 24, 106, 32, 0, 65, 40, 106, 40, 2, 0, 16, 1, 11, 255, 3, 2, 3, 126, 1, 127, 32, 0, 32, 1, 106, 33, 6, 32, 1, 65, 32, 79, 4, 126, 32, 6, 65, 32, 107, 33, 6, 32, 2, 66, 214, 235, 130, 238, 234, 253, 137, 245, 224, 0, 124, 33, 3, 32, 2, 66, 177, 169, 172, 193, 173, 184, 212, 166, 61, 125, 33, 4, 32, 2, 66, 249, 234, 208, 208, 231, 201, 161, 228, 225, 0, 124, 33, 5, 3, 64, 32, 3, 32, 0, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 3, 32, 4, 32, 0, 65, 8, 106, 34, 0, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 4, 32, 2, 32, 0, 65, 8, 106, 34, 0, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 2, 32, 5, 32, 0, 65, 8, 106, 34, 0, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 5, 32, 6, 32, 0, 65, 8, 106, 34, 0, 79, 13, 0, 11, 32, 2, 66, 12, 137, 32, 5, 66, 18, 137, 124, 32, 4, 66, 7, 137, 124, 32, 3, 66, 1, 137, 124, 32, 3, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 32, 4, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 32, 2, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 32, 5, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 5, 32, 2, 66, 197, 207, 217, 178, 241, 229, 186, 234, 39, 124, 11, 32, 1, 173, 124, 32, 0, 32, 1, 65, 31, 113, 16, 6, 11, 134, 2, 0, 32, 1, 32, 2, 106, 33, 2, 3, 64, 32, 2, 32, 1, 65, 8, 106, 79, 4, 64, 32, 1, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 32, 0, 133, 66, 27, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 33, 0, 32, 1, 65, 8, 106, 33, 1, 12, 1, 11, 11, 32, 1, 65, 4, 106, 32, 2, 77, 4, 64, 32, 0, 32, 1, 53, 2, 0, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 23, 137, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 249, 243, 221, 241, 153, 246, 153, 171, 22, 124, 33, 0, 32, 1, 65, 4, 106, 33, 1, 11, 3, 64, 32, 1, 32, 2, 73, 4, 64, 32, 0, 32, 1, 49, 0, 0, 66, 197, 207, 217, 178, 241, 229, 186, 234, 39, 126, 133, 66, 11, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 0, 32, 1, 65, 1, 106, 33, 1, 12, 1, 11, 11, 32, 0, 32, 0, 66, 33, 136, 133, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 34, 0, 32, 0, 66, 29, 136, 133, 66, 249, 243, 221, 241, 153, 246, 153, 171, 22, 126, 34, 0, 32, 0, 66, 32, 136, 133, 11, 77, 0, 32, 0, 65, 8, 106, 32, 1, 66, 214, 235, 130, 238, 234, 253, 137, 245, 224, 0, 124, 55, 3, 0, 32, 0, 65, 16, 106, 32, 1, 66, 177, 169, 172, 193, 173, 184, 212, 166, 61, 125, 55, 3, 0, 32, 0, 65, 24, 106, 32, 1, 55, 3, 0, 32, 0, 65, 32, 106, 32, 1, 66, 249, 234, 208, 208, 231, 201, 161, 228, 225, 0, 124, 55, 3, 0, 11, 244, 4, 2, 3, 127, 4, 126, 32, 1, 32, 2, 106, 33, 5, 32, 0, 65, 40, 106, 33, 4, 32, 0, 65, 200, 0, 106, 40, 2, 0, 33, 3, 32, 0, 32, 0, 41, 3, 0, 32, 2, 173, 124, 55, 3, 0, 32, 2, 32, 3, 106, 65, 32, 73, 4, 64, 32, 3, 32, 4, 106, 32, 1, 32, 2, 252, 10, 0, 0, 32, 0, 65, 200, 0, 106, 32, 2, 32, 3, 106, 54, 2, 0, 15, 11, 32, 3, 4, 64, 32, 3, 32, 4, 106, 32, 1, 65, 32, 32, 3, 107, 34, 2, 252, 10, 0, 0, 32, 0, 65, 8, 106, 34, 3, 32, 3, 41, 3, 0, 32, 4, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 55, 3, 0, 32, 0, 65, 16, 106, 34, 3, 32, 3, 41, 3, 0, 32, 4, 65, 8, 106, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 55, 3, 0, 32, 0, 65, 24, 106, 34, 3, 32, 3, 41, 3, 0, 32, 4, 65, 16, 106, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 55, 3, 0, 32, 0, 65, 32, 106, 34, 3, 32, 3, 41, 3, 0, 32, 4, 65, 24, 106, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 55, 3, 0, 32, 0, 65, 200, 0, 106, 65, 0, 54, 2, 0, 32, 1, 32, 2, 106, 33, 1, 11, 32, 1, 65, 32, 106, 32, 5, 77, 4, 64, 32, 5, 65, 32, 107, 33, 2, 32, 0, 65, 8, 106, 41, 3, 0, 33, 6, 32, 0, 65, 16, 106, 41, 3, 0, 33, 7, 32, 0, 65, 24, 106, 41, 3, 0, 33, 8, 32, 0, 65, 32, 106, 41, 3, 0, 33, 9, 3, 64, 32, 6, 32, 1, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 6, 32, 7, 32, 1, 65, 8, 106, 34, 1, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 7, 32, 8, 32, 1, 65, 8, 106, 34, 1, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 8, 32, 9, 32, 1, 65, 8, 106, 34, 1, 41, 3, 0, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 124, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 33, 9, 32, 2, 32, 1, 65, 8, 106, 34, 1, 79, 13, 0, 11, 32, 0, 65, 8, 106, 32, 6, 55, 3, 0, 32, 0, 65, 16, 106, 32, 7, 55, 3, 0, 32, 0, 65, 24, 106, 32, 8, 55, 3, 0, 32, 0, 65, 32, 106, 32, 9, 55, 3, 0, 11, 32, 1, 32, 5, 73, 4, 64, 32, 4, 32, 1, 32, 5, 32, 1, 107, 34, 1, 252, 10, 0, 0, 32, 0, 65, 200, 0, 106, 32, 1, 54, 2, 0, 11, 11, 188, 2, 1, 5, 126, 32, 0, 65, 24, 106, 41, 3, 0, 33, 1, 32, 0, 41, 3, 0, 34, 2, 66, 32, 90, 4, 126, 32, 0, 65, 8, 106, 41, 3, 0, 34, 3, 66, 1, 137, 32, 0, 65, 16, 106, 41, 3, 0, 34, 4, 66, 7, 137, 124, 32, 1, 66, 12, 137, 32, 0, 65, 32, 106, 41, 3, 0, 34, 5, 66, 18, 137, 124, 124, 32, 3, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 32, 4, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 32, 1, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 32, 5, 66, 207, 214, 211, 190, 210, 199, 171, 217, 66, 126, 66, 31, 137, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 133, 66, 135, 149, 175, 175, 152, 182, 222, 155, 158, 127, 126, 66, 157, 163, 181, 234, 131, 177, 141, 138, 250, 0, 125, 5, 32, 1, 66, 197, 207, 217, 178, 241, 229, 186, 234, 39, 124, 11, 32, 2, 124, 32, 0, 65, 40, 106, 32, 2, 66, 31, 131, 167, 16, 6, 11]);
async function e() {
  return (function(t2) {
    const { exports: { mem: e2, xxh32: n, xxh64: r, init32: i, update32: a, digest32: o, init64: s, update64: u, digest64: c } } = t2;
    let h = new Uint8Array(e2.buffer);
    function g(t3, n2) {
      if (e2.buffer.byteLength < t3 + n2) {
        const r2 = Math.ceil((t3 + n2 - e2.buffer.byteLength) / 65536);
        e2.grow(r2), h = new Uint8Array(e2.buffer);
      }
    }
    function f(t3, e3, n2, r2, i2, a2) {
      g(t3);
      const o2 = new Uint8Array(t3);
      return h.set(o2), n2(0, e3), o2.set(h.subarray(0, t3)), { update(e4) {
        let n3;
        return h.set(o2), "string" == typeof e4 ? (g(3 * e4.length, t3), n3 = w.encodeInto(e4, h.subarray(t3)).written) : (g(e4.byteLength, t3), h.set(e4, t3), n3 = e4.byteLength), r2(0, t3, n3), o2.set(h.subarray(0, t3)), this;
      }, digest: () => (h.set(o2), a2(i2(0))) };
    }
    function y(t3) {
      return t3 >>> 0;
    }
    const b = 2n ** 64n - 1n;
    function d(t3) {
      return t3 & b;
    }
    const w = new TextEncoder(), l = 0, p = 0n;
    function x(t3, e3 = l) {
      return g(3 * t3.length, 0), y(n(0, w.encodeInto(t3, h).written, e3));
    }
    function L(t3, e3 = p) {
      return g(3 * t3.length, 0), d(r(0, w.encodeInto(t3, h).written, e3));
    }
    return { h32: x, h32ToString: (t3, e3 = l) => x(t3, e3).toString(16).padStart(8, "0"), h32Raw: (t3, e3 = l) => (g(t3.byteLength, 0), h.set(t3), y(n(0, t3.byteLength, e3))), create32: (t3 = l) => f(48, t3, i, a, o, y), h64: L, h64ToString: (t3, e3 = p) => L(t3, e3).toString(16).padStart(16, "0"), h64Raw: (t3, e3 = p) => (g(t3.byteLength, 0), h.set(t3), d(r(0, t3.byteLength, e3))), create64: (t3 = p) => f(88, t3, s, u, c, d) };
  })((await WebAssembly.instantiate(t)).instance);
}

// dist/src/checksum.js
var { h64Raw } = await e();
function checksum(bytes) {
  return h64Raw(bytes);
}

// dist/src/encoding.js
function decodeVarintAt(bytes, offset) {
  const read = readVarint(bytes, offset);
  if (read == null)
    throw new RangeError(`Truncated varint at byte ${offset}`);
  return [read.value, read.next - offset];
}
var VERSION_KEY = new TextEncoder().encode("/version");
var STATS_KEY = new TextEncoder().encode("/stats");
var NEXT_PACK_KEY = new TextEncoder().encode("/nextpack");
var PREFIX_BLOCK = 98;
var PREFIX_COUNT = 99;
var PREFIX_DIRECT = 100;
var PREFIX_RECURSIVE = 114;
var PREFIX_PACK = 80;
var PREFIX_QUEUE = 113;
var PREFIX_HOLE = 104;
var PREFIX_TOUCH = 116;
var SHA2_256 = 18;
var DAG_PB = 112;
function prefixed(prefix, body) {
  const key = new Uint8Array(body.byteLength + 1);
  key[0] = prefix;
  key.set(body, 1);
  return key;
}
function prefixRange(prefix, body) {
  const gte = body == null ? Uint8Array.of(prefix) : prefixed(prefix, body);
  const lt = new Uint8Array(gte.byteLength + 1);
  lt.set(gte);
  lt[gte.byteLength] = 255;
  return body == null ? { gte, lt: Uint8Array.of(prefix + 1) } : { gte, lt };
}
function blockKey(cid) {
  return prefixed(PREFIX_BLOCK, cid.multihash.bytes);
}
function nodeId(cid) {
  const mh = cid.multihash.bytes;
  const out = new Uint8Array(mh.byteLength + varintLength(cid.code));
  out.set(mh);
  writeVarint(out, mh.byteLength, cid.code);
  return out;
}
function multihashLength(bytes, offset = 0) {
  const [, codeLen] = decodeVarintAt(bytes, offset);
  const [size, sizeLen] = decodeVarintAt(bytes, offset + codeLen);
  return codeLen + sizeLen + size;
}
function cidFromNodeId(id) {
  const mhLen = multihashLength(id);
  const [codec] = decodeVarintAt(id, mhLen);
  return CID.createV1(codec, decodeMultihash(id.subarray(0, mhLen)));
}
function decodeMultihash(bytes) {
  return decode(bytes);
}
var PACK_PREFIX_BYTES = 16 * 1024;
var KIND_INLINE = 0;
var KIND_PACK = 1;
var KIND_PACK_SUMMED = 2;
function encodeInline(cid, bytes) {
  const head = header(KIND_INLINE, cid, []);
  const out = new Uint8Array(head.length + bytes.byteLength);
  out.set(head);
  out.set(bytes, head.length);
  return out;
}
function encodePacked(cid, location) {
  if (location.sum == null)
    return header(KIND_PACK, cid, [location.pack, location.offset, location.size]);
  const head = header(KIND_PACK_SUMMED, cid, [location.pack, location.offset, location.size]);
  const withPrefix = location.size > PACK_PREFIX_BYTES && location.prefixSum != null;
  const out = new Uint8Array(head.byteLength + (withPrefix ? 16 : 8));
  out.set(head);
  const view = new DataView(out.buffer);
  view.setBigUint64(head.byteLength, location.sum);
  if (withPrefix)
    view.setBigUint64(head.byteLength + 8, location.prefixSum);
  return out;
}
function header(kind, cid, extra) {
  const ints = [cid.version, cid.code, ...extra];
  let len = 1;
  for (const n of ints)
    len += varintLength(n);
  const out = new Uint8Array(len);
  out[0] = kind;
  let o = 1;
  for (const n of ints)
    o = writeVarint(out, o, n);
  return out;
}
function decodeBlockRecord(value) {
  try {
    const kind = value[0];
    let o = 1;
    const next = () => {
      const [n, l] = decodeVarintAt(value, o);
      o += l;
      return n;
    };
    const version = next();
    const codec = next();
    if (version !== 0 && version !== 1)
      throw new Error(`bad CID version ${version}`);
    if (kind === KIND_INLINE)
      return { kind: "inline", version, codec, bytes: value.subarray(o) };
    if (kind !== KIND_PACK && kind !== KIND_PACK_SUMMED)
      throw new Error(`bad record kind ${kind}`);
    const pack = next();
    const offset = next();
    const size = next();
    if (kind === KIND_PACK)
      return { kind: "pack", version, codec, pack, offset, size };
    const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
    const withPrefix = size > PACK_PREFIX_BYTES;
    if (value.byteLength !== o + (withPrefix ? 16 : 8))
      throw new Error("bad checksum length");
    const sum = view.getBigUint64(o);
    const prefixSum = withPrefix ? view.getBigUint64(o + 8) : void 0;
    return { kind: "pack", version, codec, pack, offset, size, sum, prefixSum };
  } catch (err) {
    throw new RepoCorruptError(`Unreadable block record in the index: ${err.message}`, { cause: err });
  }
}
function packKey(id) {
  const out = new Uint8Array(1 + varintLength(id));
  out[0] = PREFIX_PACK;
  writeVarint(out, 1, id);
  return out;
}
function packIdOfKey(key) {
  return decodeVarintAt(key, 1)[0];
}
function recordSize(record) {
  return record.kind === "inline" ? record.bytes.byteLength : record.size;
}
function recordCid(multihash, record) {
  const digest = decodeMultihash(multihash);
  if (record.version === 0 && record.codec === DAG_PB && digest.code === SHA2_256)
    return CID.createV0(digest);
  return CID.createV1(record.codec, digest);
}
function encodeStats(blocks, bytes) {
  const out = new Uint8Array(varintLength(blocks) + varintLength(bytes));
  writeVarint(out, 0, blocks);
  writeVarint(out, varintLength(blocks), bytes);
  return out;
}
function decodeStats(value) {
  const [blocks, bl] = decodeVarintAt(value, 0);
  const [bytes] = decodeVarintAt(value, bl);
  return { blocks, bytes };
}
function encodeCount(count) {
  return encodeStats(count.roots, count.parents);
}
function decodeCount(value) {
  const { blocks: roots, bytes: parents } = decodeStats(value);
  return { roots, parents };
}
function keyString(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

// dist/src/faults.js
var NO_SPACE_CODES = /* @__PURE__ */ new Set(["ENOSPC", "EDQUOT"]);
function isNoSpace(err) {
  for (let e2 = err; e2 != null; e2 = e2.cause) {
    if (typeof e2.code === "string" && NO_SPACE_CODES.has(e2.code))
      return true;
    if (typeof e2.message === "string" && /No space left on device|Disk quota exceeded/i.test(e2.message))
      return true;
  }
  return false;
}
function storageError(err, what) {
  if (err instanceof NoSpaceError || err instanceof StoreWriteError)
    return err;
  const detail = err?.message?.split("\n")[0] ?? String(err);
  if (isNoSpace(err))
    return new NoSpaceError(`${what}: no space left on device (${detail})`, { cause: err });
  return new StoreWriteError(`${what}: ${detail}`, { cause: err });
}

// dist/src/locks.js
import { AsyncLocalStorage } from "node:async_hooks";
var instances = 0;
function privateLock(kind) {
  return createMortice({ name: `cairn-blockstore-${kind}-${process.pid}-${++instances}`, singleProcess: true, autoFinalize: true });
}
var Mutex = class {
  #lock = privateLock("mutex");
  /** Resolves once held; call the returned function to release */
  async lock() {
    return this.#lock.writeLock();
  }
  async run(fn) {
    const release = await this.#lock.writeLock();
    try {
      return await fn();
    } finally {
      release();
    }
  }
};
var GcLock = class {
  #lock = privateLock("gc");
  #context = new AsyncLocalStorage();
  /** True when the current async context holds this lock shared right now */
  get heldShared() {
    const token = this.#context.getStore();
    return token?.lock === this && token.active;
  }
  async shared(fn) {
    if (this.heldShared)
      return fn();
    const release = await this.#lock.readLock();
    const token = { lock: this, active: true };
    try {
      return await this.#context.run(token, fn);
    } finally {
      token.active = false;
      release();
    }
  }
  /** Resolves once held exclusively; call the returned function to release (again: no-op) */
  async exclusive() {
    return this.#lock.writeLock();
  }
};

// dist/src/packs.js
var PackFiles = class {
  dir;
  #init;
  #handles = /* @__PURE__ */ new Map();
  /** Serialises the choice of the active pack and the reservation of ranges in it */
  #appendLock = new Mutex();
  /** Ranges reserved per pack whose index entries are not committed yet */
  #pending = /* @__PURE__ */ new Map();
  #active;
  /** Until this time (performance.now()), reads go through the thread pool */
  #asyncUntil = 0;
  /**
   * Which of the last SYNC_READ_WINDOW synchronous reads were slow, as bits. One slow read is
   * usually the thread being descheduled on a busy machine; many are a disk
   */
  #slowBits = 0;
  #slowCount = 0;
  constructor(dir, init) {
    this.dir = dir;
    this.#init = init;
  }
  /** Makes the folder if needed; returns the ids present */
  async load() {
    await mkdir(this.dir, { recursive: true });
    return this.list();
  }
  async list() {
    const names = await readdir(this.dir);
    return names.map(parsePackName).filter((id) => id != null).sort((a, b) => a - b);
  }
  pathOf(id) {
    return join(this.dir, `${id}.pack`);
  }
  /** The pack new bodies go to, if one is open */
  get activeId() {
    return this.#active?.id;
  }
  /** True while bodies written to `id` may still be committed: it must not be swept or compacted */
  isBusy(id) {
    return this.#active?.id === id || (this.#pending.get(id) ?? 0) > 0;
  }
  /**
   * Appends bodies to the active pack and returns where each went, with each body's checksums.
   * The caller commits index records for them and then calls `settle` (also on failure). A failed
   * write is `NoSpaceError` or `StoreWriteError`; its bytes are dead space nothing names.
   */
  async append(bodies, sync) {
    let total = 0;
    for (const b of bodies)
      total += b.byteLength;
    const { id, start } = await this.#appendLock.run(async () => {
      if (this.#active == null || this.#active.end > 0 && this.#active.end + total > this.#init.packBytesMax) {
        await this.#startPack();
      }
      const active = this.#active;
      const start2 = active.end;
      active.end += total;
      this.#pending.set(active.id, (this.#pending.get(active.id) ?? 0) + 1);
      return { id: active.id, start: start2 };
    });
    const locations = [];
    let offset = start;
    for (const b of bodies) {
      const prefixSum = b.byteLength > PACK_PREFIX_BYTES ? checksum(b.subarray(0, PACK_PREFIX_BYTES)) : void 0;
      locations.push({ pack: id, offset, size: b.byteLength, sum: checksum(b), prefixSum });
      offset += b.byteLength;
    }
    try {
      await this.#use(id, async (fh) => {
        this.#init.faults?.("pack-write");
        await writeAllAt(fh, bodies, start, total);
        if (sync) {
          this.#init.faults?.("pack-sync");
          await fh.datasync();
        }
      });
    } catch (err) {
      this.settle(id);
      throw storageError(err, `Writing to pack ${id} in ${this.dir}`);
    }
    return locations;
  }
  /** Makes the next append start a new pack, so GC may compact the one that was active */
  async seal(id) {
    await this.#appendLock.run(async () => {
      if (this.#active?.id === id)
        this.#active = void 0;
    });
  }
  /** Ends one `append`'s claim on its pack, committed or not */
  settle(id) {
    const left = (this.#pending.get(id) ?? 1) - 1;
    if (left <= 0)
      this.#pending.delete(id);
    else
      this.#pending.set(id, left);
  }
  /**
   * Reads one body. While reads are answered from the page cache they are done synchronously: a
   * 256 KiB pread from the cache takes ~50 µs, while a round trip through libuv's thread pool
   * measured 100-800 µs on this loaded 2-core machine, which is what made reads slower than raw
   * LevelDB's (a LevelDB get is one round trip too). When half of the recent synchronous reads
   * took longer than `syncReadSlowMs` the disk is being hit (a single slow read is more often the
   * thread being descheduled), and blocking the event loop on a disk is not acceptable, so reads
   * go back to the thread pool for `asyncReadWindowMs`. On a spinning disk that costs eight
   * blocking reads per window; an SSD answers a 256 KiB read well within `syncReadSlowMs`.
   */
  async read(location) {
    const bytes = await this.#readRange(location.pack, location.offset, location.size);
    if (location.sum != null && checksum(bytes) !== location.sum)
      throw checksumMismatch(location, location.size);
    return bytes;
  }
  /**
   * The first `PACK_PREFIX_BYTES` of a body (all of it when shorter), checked against the prefix
   * checksum when the record has one
   */
  async readPrefix(location) {
    if (location.size <= PACK_PREFIX_BYTES)
      return this.read(location);
    const bytes = await this.#readRange(location.pack, location.offset, PACK_PREFIX_BYTES);
    if (location.prefixSum != null && checksum(bytes) !== location.prefixSum)
      throw checksumMismatch(location, PACK_PREFIX_BYTES);
    return bytes;
  }
  async #readRange(pack, offset, size) {
    const location = { pack, offset, size };
    if (this.#init.syncReadSlowMs > 0 && performance.now() >= this.#asyncUntil) {
      const wait = this.#init.syncBudget.pause();
      if (wait != null)
        await wait;
    }
    const handle = this.#handles.get(location.pack);
    if (handle?.fd != null && !handle.retired && this.#init.syncReadSlowMs > 0 && performance.now() >= this.#asyncUntil) {
      const start = performance.now();
      const bytes = uninitialized(location.size);
      let done = 0;
      while (done < location.size) {
        const n = readSync(handle.fd, bytes, done, location.size - done, location.offset + done);
        if (n === 0)
          throw new Error(`pack ${location.pack} ends before ${location.offset + location.size}`);
        done += n;
      }
      const end = performance.now();
      const slow = end - start > this.#init.syncReadSlowMs ? 1 : 0;
      this.#slowCount += slow - (this.#slowBits >>> SYNC_READ_WINDOW - 1 & 1);
      this.#slowBits = (this.#slowBits << 1 | slow) & SYNC_READ_WINDOW_MASK;
      if (this.#slowCount >= SYNC_READ_SLOW_COUNT_MAX) {
        this.#init.log("pack reads are slow (the disk answers): thread-pool reads for %d ms", this.#init.asyncReadWindowMs);
        this.#asyncUntil = end + this.#init.asyncReadWindowMs;
        this.#slowBits = 0;
        this.#slowCount = 0;
      }
      this.#handles.delete(location.pack);
      this.#handles.set(location.pack, handle);
      return bytes;
    }
    return this.#use(location.pack, async (fh) => {
      const bytes = uninitialized(location.size);
      let done = 0;
      while (done < location.size) {
        const bytesRead = await preadInto(fh.fd, bytes, done, location.size - done, location.offset + done);
        if (bytesRead === 0)
          throw new Error(`pack ${location.pack} ends before ${location.offset + location.size}`);
        done += bytesRead;
      }
      return bytes;
    });
  }
  async sizeOf(id) {
    return (await stat2(this.pathOf(id))).size;
  }
  /** Deletes a pack file; readers already inside it finish on their open handle */
  async remove(id) {
    if (this.#active?.id === id)
      this.#active = void 0;
    const handle = this.#handles.get(id);
    if (handle != null) {
      handle.retired = true;
      this.#handles.delete(id);
      if (handle.users === 0)
        await closeHandle(handle);
    }
    try {
      this.#init.faults?.("pack-unlink");
      await unlink(this.pathOf(id));
    } catch (err) {
      if (err.code !== "ENOENT")
        throw storageError(err, `Deleting pack ${id} in ${this.dir}`);
    }
  }
  async close() {
    await this.#appendLock.run(async () => {
      this.#active = void 0;
      const handles = [...this.#handles.values()];
      this.#handles.clear();
      await Promise.all(handles.map(closeHandle));
    });
  }
  async #startPack() {
    const id = await this.#init.allocateId();
    const previous = this.#active;
    const handle = { fh: this.#create(id), users: 0, retired: false };
    handle.fh.catch(() => {
    });
    try {
      handle.fd = (await handle.fh).fd;
    } catch (err) {
      throw storageError(err, `Creating pack ${id} in ${this.dir}`);
    }
    this.#handles.set(id, handle);
    this.#active = { id, end: 0 };
    if (previous != null)
      this.#evictIdle();
  }
  async #create(id) {
    this.#init.faults?.("pack-create");
    return open(this.pathOf(id), "wx+");
  }
  async #use(id, fn) {
    let handle = this.#handles.get(id);
    if (handle == null) {
      handle = { fh: open(this.pathOf(id), "r"), users: 0, retired: false };
      this.#handles.set(id, handle);
      this.#evictIdle();
    } else {
      this.#handles.delete(id);
      this.#handles.set(id, handle);
    }
    handle.users++;
    try {
      const fh = await handle.fh;
      handle.fd = fh.fd;
      return await fn(fh);
    } catch (err) {
      if (this.#handles.get(id) === handle && err.code === "ENOENT")
        this.#handles.delete(id);
      throw err;
    } finally {
      handle.users--;
      if (handle.users === 0 && handle.retired)
        await closeHandle(handle);
    }
  }
  #evictIdle() {
    if (this.#handles.size <= this.#init.openPacksMax)
      return;
    for (const [id, handle] of this.#handles) {
      if (this.#handles.size <= this.#init.openPacksMax)
        break;
      if (handle.users > 0 || id === this.#active?.id)
        continue;
      this.#handles.delete(id);
      handle.retired = true;
      void closeHandle(handle);
    }
  }
};
var ChecksumMismatch = class extends Error {
  name = "ChecksumMismatch";
};
function checksumMismatch(location, size) {
  return new ChecksumMismatch(`${size} bytes at ${location.offset} of pack ${location.pack} do not match their checksum`);
}
async function closeHandle(handle) {
  try {
    await (await handle.fh).close();
  } catch {
  }
}
var SYNC_READ_WINDOW = 16;
var SYNC_READ_WINDOW_MASK = (1 << SYNC_READ_WINDOW) - 1;
var SYNC_READ_SLOW_COUNT_MAX = 8;
var WRITEV_BUFFERS_MAX = 1024;
async function writeAllAt(fh, buffers, position, total) {
  let written = 0;
  let i = 0;
  while (i < buffers.length) {
    const chunk = buffers.slice(i, i + WRITEV_BUFFERS_MAX);
    let chunkBytes = 0;
    for (const b of chunk)
      chunkBytes += b.byteLength;
    const bytesWritten = await pwritev(fh.fd, chunk, position + written);
    if (bytesWritten < chunkBytes) {
      let done = bytesWritten;
      let skip = bytesWritten;
      for (const b of chunk) {
        if (skip >= b.byteLength) {
          skip -= b.byteLength;
          continue;
        }
        let o = skip;
        skip = 0;
        while (o < b.byteLength) {
          const r = await fh.write(b, o, b.byteLength - o, position + written + done);
          o += r.bytesWritten;
          done += r.bytesWritten;
        }
      }
    }
    written += chunkBytes;
    i += chunk.length;
  }
  if (written !== total)
    throw new Error(`wrote ${written} of ${total} bytes`);
}
function uninitialized(size) {
  const buf = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(buf.buffer, buf.byteOffset, size);
}
async function preadInto(fd, buffer, offset, length, position) {
  return new Promise((resolve, reject) => {
    readCb(fd, buffer, offset, length, position, (err, bytesRead) => {
      if (err != null)
        reject(err);
      else
        resolve(bytesRead);
    });
  });
}
async function pwritev(fd, buffers, position) {
  return new Promise((resolve, reject) => {
    writevCb(fd, buffers, position, (err, bytesWritten) => {
      if (err != null)
        reject(err);
      else
        resolve(bytesWritten);
    });
  });
}
function parsePackName(name) {
  const m = /^(\d+)\.pack$/.exec(name);
  return m == null ? void 0 : Number(m[1]);
}

// dist/src/reserve.js
import { open as open2, statfs, unlink as unlink2 } from "node:fs/promises";
var RESERVE_RETRY_MS = 1e3;
var RESERVE_CHUNK_BYTES = 1024 * 1024;
var Reserve = class {
  path;
  bytes;
  #log;
  #faults;
  #present = false;
  #making;
  #lastTry = -Infinity;
  constructor(path, bytes, log, faults) {
    this.path = path;
    this.bytes = bytes;
    this.#log = log;
    this.#faults = faults;
  }
  /** True while the reserve is on disk (it has not been released, or it was made again) */
  get present() {
    return this.#present;
  }
  /**
   * After a write succeeded: if the reserve is missing, makes it in the background (at most once
   * a second), so that space given back by GC or by others is held again before the disk fills
   */
  ensureSoon() {
    if (this.#present || this.bytes <= 0 || this.#making != null)
      return;
    const now = performance.now();
    if (now - this.#lastTry < RESERVE_RETRY_MS)
      return;
    this.#lastTry = now;
    void this.ensure();
  }
  /** Makes the reserve if it is missing and twice its size is free; never throws */
  async ensure() {
    if (this.bytes <= 0)
      return;
    this.#making ??= this.#make().finally(() => {
      this.#making = void 0;
    });
    await this.#making;
  }
  async #make() {
    let fh;
    try {
      fh = await open2(this.path, "r+");
      const { size } = await fh.stat();
      if (size >= this.bytes) {
        this.#present = true;
        return;
      }
    } catch (err) {
      if (err.code !== "ENOENT") {
        this.#log.error("reserve %s unreadable - %e", this.path, err);
        return;
      }
    } finally {
      await fh?.close();
    }
    if (await freeBytes(this.path.slice(0, this.path.lastIndexOf("/"))) < 2 * this.bytes)
      return;
    try {
      fh = await open2(this.path, "w");
      const zeros = new Uint8Array(Math.min(RESERVE_CHUNK_BYTES, this.bytes));
      for (let at = 0; at < this.bytes; at += zeros.byteLength) {
        this.#faults?.("reserve-write");
        await fh.write(zeros, 0, Math.min(zeros.byteLength, this.bytes - at), at);
      }
      await fh.close();
      this.#present = true;
      this.#log("reserve of %d bytes made at %s", this.bytes, this.path);
    } catch (err) {
      await fh?.close().catch(() => {
      });
      await unlink2(this.path).catch(() => {
      });
      this.#present = false;
      this.#log("reserve not made: %s", err.message);
    }
  }
  /** Deletes the reserve to make room for the store's own recovery; true if it freed anything */
  async release(why) {
    if (this.#making != null)
      await this.#making;
    try {
      await unlink2(this.path);
      this.#present = false;
      this.#log.error("released the %d-byte reserve: %s", this.bytes, why);
      return true;
    } catch (err) {
      this.#present = false;
      if (err.code !== "ENOENT")
        this.#log.error("reserve %s not released - %e", this.path, err);
      return false;
    }
  }
};
async function freeBytes(path) {
  const s = await statfs(path);
  return s.bavail * s.bsize;
}

// dist/src/gc.js
var GC_ROOM_BYTES = 4 * 1024 * 1024;
var SCAN_STEP = 1024;
async function* collectGarbage(store, options = {}) {
  if (store.gcLock.heldShared) {
    throw new InvalidParametersError("gc() called while holding the add lock would wait for itself");
  }
  store.assertOpen();
  const endRun = await store.gcRuns.lock();
  let snapshot;
  try {
    const release = await store.gcLock.exclusive();
    try {
      gcContinue(store, options);
      await store.ledger.recover(true);
      if (store.reserve.present && await freeBytes(store.path) < GC_ROOM_BYTES)
        await store.reserve.release("room for GC on a full disk");
      store.touches.begin();
      snapshot = await store.pins.settled(async () => store.ledger.db.snapshot());
    } finally {
      release();
    }
    let batch = [];
    for await (const mh of unpinnedBlocks(store, snapshot, options)) {
      batch.push(CID.createV1(85, decodeMultihash(mh)));
      if (batch.length >= store.batchBlocksMax) {
        yield* await store.deleteBlocks(batch, { ...options, keepTouched: true, sync: true });
        batch = [];
        gcContinue(store, options);
      }
    }
    if (batch.length > 0)
      yield* await store.deleteBlocks(batch, { ...options, keepTouched: true, sync: true });
    await snapshot.close();
    snapshot = void 0;
    gcContinue(store, options);
    await compactPacks(store, options);
    await store.reserve.ensure();
  } catch (err) {
    if (store.closed && !hasCode(err, AbortError.code))
      throw new AbortError(`GC stopped: block store at ${store.path} was closed`, { cause: err });
    throw err;
  } finally {
    await snapshot?.close().catch(() => {
    });
    if (store.touches.active)
      await store.touches.end().catch(() => {
      });
    endRun();
  }
}
async function* unpinnedBlocks(store, snapshot, options) {
  const db = store.ledger.db;
  const counted = new MultihashCursor(db.keys({ ...prefixRange(PREFIX_COUNT), snapshot }));
  const direct = new MultihashCursor(db.keys({ ...prefixRange(PREFIX_DIRECT), snapshot }));
  const blocks = db.keys({ ...prefixRange(PREFIX_BLOCK), snapshot });
  try {
    for (; ; ) {
      gcContinue(store, options);
      const keys = await blocks.nextv(SCAN_STEP);
      if (keys.length === 0)
        return;
      for (const key of keys) {
        const mh = key.subarray(1);
        if (await counted.reaches(mh) || await direct.reaches(mh))
          continue;
        yield mh;
      }
    }
  } finally {
    await Promise.all([blocks.close(), counted.close(), direct.close()]);
  }
}
var MultihashCursor = class {
  #keys;
  #buffer = [];
  #at = 0;
  #ended = false;
  constructor(keys) {
    this.#keys = keys;
  }
  /** Moves past every multihash below `mh`; true if the range holds `mh` itself */
  async reaches(mh) {
    for (; ; ) {
      if (this.#at === this.#buffer.length) {
        if (this.#ended)
          return false;
        this.#buffer = await this.#keys.nextv(SCAN_STEP);
        this.#at = 0;
        if (this.#buffer.length === 0) {
          this.#ended = true;
          return false;
        }
      }
      const key = this.#buffer[this.#at];
      const order = Buffer.compare(key.subarray(1, 1 + multihashLength(key, 1)), mh);
      if (order === 0)
        return true;
      if (order > 0)
        return false;
      this.#at++;
    }
  }
  async close() {
    await this.#keys.close();
  }
};
async function compactPacks(store, options) {
  const { ledger, packs } = store;
  const empty = [];
  const sparse = [];
  for (const id of await packs.list()) {
    const live = ledger.packLive.get(id);
    let size;
    try {
      size = await packs.sizeOf(id);
    } catch (err) {
      if (err.code === "ENOENT")
        continue;
      throw err;
    }
    const dead = live == null || live.blocks === 0 || live.bytes < size * store.packLiveRatioMin;
    if (!dead)
      continue;
    if (id === packs.activeId)
      await packs.seal(id);
    if (packs.isBusy(id))
      continue;
    if (live == null || live.blocks === 0)
      empty.push(id);
    else
      sparse.push(id);
  }
  if (empty.length + sparse.length === 0)
    return;
  store.log("compacting packs %s; deleting empty packs %s", sparse.join(", "), empty.join(", "));
  for (const id of empty) {
    gcContinue(store, options);
    await dropIfEmpty(store, id);
  }
  for (const id of sparse) {
    gcContinue(store, options);
    await moveLiveBodies(store, id, options);
    await dropIfEmpty(store, id);
  }
}
async function moveLiveBodies(store, id, options) {
  const { ledger, packs } = store;
  let moving = [];
  const flush = async () => {
    if (moving.length === 0)
      return;
    const bodies = [];
    for (const m of moving)
      bodies.push(await store.readBody(m.cid, m.record));
    const locations = await packs.append(bodies, true);
    try {
      await ledger.writeLock.run(async () => {
        const current = await ledger.db.getMany(moving.map((m) => m.key));
        const ops = [];
        const counters = /* @__PURE__ */ new Map();
        moving.forEach((m, i) => {
          const value = current[i];
          if (value == null)
            return;
          const now = decodeBlockRecord(value);
          if (now.kind !== "pack" || now.pack !== m.record.pack || now.offset !== m.record.offset)
            return;
          ops.push({ type: "put", key: m.key, value: encodePacked(m.cid, locations[i]) });
          ledger.bumpPack(counters, m.record.pack, -1, -m.record.size);
          ledger.bumpPack(counters, locations[i].pack, 1, locations[i].size);
        });
        if (ops.length > 0)
          await ledger.commit(ops, counters, ledger.blocks, ledger.bytes, true);
      });
    } finally {
      packs.settle(locations[0].pack);
    }
    moving = [];
  };
  for await (const [key, value] of ledger.db.iterator(prefixRange(PREFIX_BLOCK))) {
    gcContinue(store, options);
    const record = decodeBlockRecord(value);
    if (record.kind !== "pack" || record.pack !== id)
      continue;
    moving.push({ key, cid: recordCid(key.subarray(1), record), record });
    if (moving.length >= store.batchBlocksMax)
      await flush();
  }
  await flush();
}
async function dropIfEmpty(store, id) {
  const { ledger, packs } = store;
  const emptied = await ledger.writeLock.run(async () => {
    const live = ledger.packLive.get(id);
    if (packs.isBusy(id) || live != null && live.blocks > 0)
      return false;
    if (live != null)
      await ledger.dropPack(id);
    return true;
  });
  if (emptied)
    await packs.remove(id);
}
function gcContinue(store, options) {
  options.signal?.throwIfAborted();
  if (store.closed)
    throw new AbortError(`GC stopped: block store at ${store.path} was closed`);
}

// dist/src/ledger.js
import { readdir as readdir2, stat as stat3 } from "node:fs/promises";
import { join as join2 } from "node:path";
var RECOVERY_INTERVAL_MS = 1e3;
var REOPEN_HEADROOM_BYTES = 1024 * 1024;
var IndexLedger = class {
  db;
  /** Serialises every batch that adds, moves or removes blocks, so the counters stay exact */
  writeLock = new Mutex();
  packLive = /* @__PURE__ */ new Map();
  #init;
  /** Serialises every LevelDB write: none may be acknowledged after one that failed */
  #dbLock = new Mutex();
  #failure;
  #lastReopenFailure = -Infinity;
  /** Set while the index is closed and reopened: reads wait for it */
  #reopening;
  #blocks = 0;
  #bytes = 0;
  #nextPack = 0;
  constructor(init) {
    this.db = init.db;
    this.#init = init;
  }
  get blocks() {
    return this.#blocks;
  }
  get bytes() {
    return this.#bytes;
  }
  /** The id the next new pack gets */
  get nextPack() {
    return this.#nextPack;
  }
  /** Why writes are refused, while they are */
  get failure() {
    return this.#failure;
  }
  /** Pending while the index is being reopened */
  get reopening() {
    return this.#reopening;
  }
  /** Reads the counters from the index (after a version check by the caller) */
  async load(packIds = []) {
    const stats = await this.db.get(STATS_KEY);
    if (stats == null)
      throw new RepoCorruptError(`Block store at ${this.#init.path} has no /stats key`);
    const { blocks, bytes } = decodeStats(stats);
    this.#blocks = blocks;
    this.#bytes = bytes;
    this.packLive.clear();
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_PACK))) {
      this.packLive.set(packIdOfKey(key), decodeStats(value));
    }
    const next = await this.db.get(NEXT_PACK_KEY);
    this.#nextPack = Math.max(next != null ? varint_exports.decode(next)[0] : 0, Math.max(-1, ...this.packLive.keys(), ...packIds) + 1);
  }
  /** Records the next pack id in the index and returns it (the file is made after) */
  async allocatePack() {
    const id = this.#nextPack;
    await this.write([{ type: "put", key: NEXT_PACK_KEY, value: varint_exports.encodeTo(id + 1, new Uint8Array(varint_exports.encodingLength(id + 1))) }]);
    this.#nextPack = Math.max(this.#nextPack, id + 1);
    return id;
  }
  /** Adds to a pack's live counters in a batch being built (starting from the committed values) */
  bumpPack(packs, id, blocks, bytes) {
    const current = packs.get(id) ?? { ...this.packLive.get(id) ?? { blocks: 0, bytes: 0 } };
    current.blocks += blocks;
    current.bytes += bytes;
    packs.set(id, current);
  }
  /**
   * Writes `ops` with the changed pack counters and store counters, then mirrors them in memory.
   * Callers hold `writeLock`.
   */
  async commit(ops, packs, blocks, bytes, sync = this.#init.sync) {
    for (const [id, live] of packs)
      ops.push({ type: "put", key: packKey(id), value: encodeStats(live.blocks, live.bytes) });
    ops.push({ type: "put", key: STATS_KEY, value: encodeStats(blocks, bytes) });
    await this.write(ops, sync);
    for (const [id, live] of packs)
      this.packLive.set(id, live);
    this.#blocks = blocks;
    this.#bytes = bytes;
  }
  /**
   * Deletes an emptied pack's counters, durably: the pack file is deleted only after this returns,
   * so no crash can leave a record or counter naming a deleted pack. Callers hold `writeLock`.
   */
  async dropPack(id) {
    await this.write([{ type: "del", key: packKey(id) }], true);
    this.packLive.delete(id);
  }
  /** Deletes a key range, as `write` does a batch (one at a time, failures put the store in the failed state) */
  async clear(range) {
    await this.#guarded(async () => this.db.clear(range));
  }
  /**
   * The one way the store writes LevelDB. A failure (`NoSpaceError` or `StoreWriteError`) puts
   * the ledger in the failed state; the next write first tries to recover (see the class).
   */
  async write(ops, sync = this.#init.sync) {
    await this.#guarded(async () => this.db.batch(ops, { sync }));
  }
  async #guarded(apply) {
    await this.#dbLock.run(async () => {
      if (this.#failure != null)
        await this.#recover(false);
      try {
        this.#init.faults?.("index-write");
        await apply();
        this.#init.faults?.("index-written");
        this.#init.reserve.ensureSoon();
      } catch (err) {
        if (this.db.status !== "open")
          throw err;
        this.#failure = storageError(err, `Block store at ${this.#init.path} cannot write its index`);
        this.#init.log.error("index write failed; writes are refused until the index is reopened - %e", err);
        await this.load().catch(() => {
        });
        throw this.#failure;
      }
    });
  }
  /**
   * Leaves the failed state if the disk allows: GC calls this with `useReserve`, which releases
   * the reserve when there is not room enough to reopen the index. Throws the failure otherwise.
   */
  async recover(useReserve) {
    if (this.#failure == null)
      return;
    await this.#dbLock.run(async () => this.#recover(useReserve));
  }
  async #recover(useReserve) {
    const failure = this.#failure;
    if (failure == null)
      return;
    if (!useReserve && performance.now() - this.#lastReopenFailure < RECOVERY_INTERVAL_MS)
      throw failure;
    const need = await this.#logBytes() + REOPEN_HEADROOM_BYTES;
    let free = await freeBytes(this.#init.path);
    if (free < need && useReserve && await this.#init.reserve.release("room to reopen the index"))
      free = await freeBytes(this.#init.path);
    if (free < need) {
      throw new NoSpaceError(`Block store at ${this.#init.path} refuses writes: the disk is full (${free} bytes free; reopening its index after the failed write needs ${need})`, { cause: failure });
    }
    this.#init.log("reopening the index after a failed write");
    let done;
    this.#reopening = new Promise((resolve) => {
      done = resolve;
    });
    try {
      await this.db.close();
      await this.db.open();
      await this.load();
      await this.#init.onReopen();
      this.#failure = void 0;
      this.#init.log("index reopened: writes accepted again");
    } catch (err) {
      this.#lastReopenFailure = performance.now();
      this.#failure = storageError(err, `Block store at ${this.#init.path} cannot reopen its index`);
      throw this.#failure;
    } finally {
      this.#reopening = void 0;
      done();
    }
  }
  /** Waits for a reopen in progress; throws the failure when the index is not open */
  async ready() {
    if (this.#reopening != null)
      await this.#reopening;
    if (this.db.status !== "open" && this.#failure != null)
      throw this.#failure;
  }
  /** Bytes of LevelDB's logs: what replaying them into a table on reopen may need */
  async #logBytes() {
    const dir = join2(this.#init.path, "index");
    let total = 0;
    for (const name of await readdir2(dir)) {
      if (name.endsWith(".log"))
        total += (await stat3(join2(dir, name))).size;
    }
    return total;
  }
};

// dist/src/parallel.js
async function forEachLimit(items, limit, fn) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await fn(items[index], index);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((r) => r.status === "rejected");
  if (rejected != null)
    throw rejected.reason;
}

// dist/src/pin-walk.js
var PIN_WALK_KEY = new TextEncoder().encode("/pin-walk");
var QUEUE_READ = 64;
var Batch = class {
  counts = /* @__PURE__ */ new Map();
  ops = [];
  /** Nodes that crossed zero and whose links are still to be counted */
  todo = [];
  changes = 0;
};
var PinWalker = class {
  #store;
  #batchMax;
  constructor(store, batchNodesMax = DEFAULT_PIN_BATCH_NODES_MAX) {
    this.#store = store;
    this.#batchMax = Math.max(1, batchNodesMax);
  }
  /** Pins `root` recursively (the caller checked it is not); `then` is released once it is */
  async add(root, then, options) {
    await this.#run({ phase: "add", root, then, head: 0, tail: 0 }, false, options);
  }
  /** Removes the recursive pin on `root` and releases what only it held */
  async release(root, options = {}) {
    await this.#run({ phase: "release", root, head: 0, tail: 0 }, false, options);
  }
  /** Completes a walk a crash interrupted; true if there was one */
  async resume() {
    const value = await this.#store.db.get(PIN_WALK_KEY);
    if (value == null)
      return false;
    const state = decodeState(value);
    this.#store.log("completing an interrupted pin walk: %s %s", state.phase, state.root);
    try {
      await this.#run(state, true, {});
    } catch (err) {
      if (state.phase !== "add" || await this.#store.db.get(PIN_WALK_KEY) != null)
        throw err;
      this.#store.log.error("an interrupted pin add of %s was rolled back: %s", state.root, err.message);
    }
    return true;
  }
  async #run(state, persisted, options) {
    let started = persisted;
    let failure;
    let walked = 0;
    for (; ; ) {
      const batch = new Batch();
      let done;
      try {
        const phaseOptions = state.phase === "add" ? options : {};
        phaseOptions.signal?.throwIfAborted();
        const next = { ...state };
        if (!started)
          await this.#startPhase(batch, next, phaseOptions);
        done = await this.#fill(batch, next, phaseOptions);
        walked += batch.changes;
        if (!done)
          this.#persistQueue(batch, next);
        batch.ops.push(done ? { type: "del", key: PIN_WALK_KEY } : { type: "put", key: PIN_WALK_KEY, value: encodeState(next) });
        await this.#store.ledger.write([...countOps(batch), ...batch.ops]);
        state = next;
        started = true;
        persisted = !done;
      } catch (err) {
        if (state.phase !== "add")
          throw err;
        if (!persisted)
          throw err;
        failure = err;
        this.#store.log.error("pin add of %s failed, rolling back: %s", state.root, err.message);
        state = { ...state, phase: "abort", then: void 0, rollback: true };
        await this.#store.ledger.write([{ type: "put", key: PIN_WALK_KEY, value: encodeState(state) }]);
        continue;
      }
      if (failure == null)
        options.onProgress?.(walked);
      if (done)
        break;
    }
    if (failure != null)
      throw failure;
  }
  /** The first step of a phase: the root's own count */
  async #startPhase(batch, state, options) {
    if (state.phase === "release")
      batch.ops.push({ type: "del", key: prefixed(PREFIX_RECURSIVE, nodeId(state.root)) });
    const delta = state.phase === "release" ? -1 : 1;
    const crossed = await this.#apply(batch, [state.root], "roots", delta);
    await this.#crossed(batch, crossed, state.phase, options);
  }
  /**
   * Counts queued nodes' links until the batch holds `batchMax` changes or nothing is left; moves
   * on to the next phase when a phase has nothing left. True when the whole walk is done.
   */
  async #fill(batch, state, options) {
    for (; ; ) {
      while (batch.changes < this.#batchMax) {
        if (batch.todo.length === 0 && state.head < state.tail)
          await this.#popQueue(batch, state);
        if (batch.todo.length === 0)
          break;
        const wave = batch.todo.splice(0, Math.min(DEFAULT_PIN_WALK_CONCURRENCY, this.#batchMax - batch.changes));
        const delta = state.phase === "release" ? -1 : 1;
        const links = [];
        const holes = state.rollback === true && state.phase === "release" ? await this.#takeHoles(batch, wave) : void 0;
        await forEachLimit(wave, DEFAULT_PIN_WALK_CONCURRENCY, async (cid, i) => {
          if (holes?.[i] === true)
            return;
          links.push(await this.#links(batch, cid, state.phase, options));
        });
        const crossed = await this.#apply(batch, links.flat(), "parents", delta);
        await this.#crossed(batch, crossed, state.phase, options);
      }
      if (batch.todo.length > 0 || state.head < state.tail)
        return false;
      if (state.phase === "add") {
        const id = nodeId(state.root);
        batch.ops.push({ type: "put", key: prefixed(PREFIX_RECURSIVE, id), value: state.root.bytes });
        batch.ops.push({ type: "del", key: prefixed(PREFIX_DIRECT, id) });
        if (state.then == null)
          return true;
        Object.assign(state, { phase: "release", root: state.then, then: void 0, head: 0, tail: 0 });
      } else if (state.phase === "abort") {
        Object.assign(state, { phase: "release", head: 0, tail: 0 });
      } else {
        return true;
      }
      await this.#startPhase(batch, state, options);
    }
  }
  /** Applies `delta` to the `field` count of each node (repeats count again); returns those that crossed zero */
  async #apply(batch, cids, field, delta) {
    const keys = cids.map((cid) => prefixed(PREFIX_COUNT, nodeId(cid)));
    const ids = keys.map(keyString);
    const missing = /* @__PURE__ */ new Map();
    ids.forEach((k, i) => {
      if (!batch.counts.has(k) && !missing.has(k))
        missing.set(k, keys[i]);
    });
    if (missing.size > 0) {
      const values = await this.#getMany([...missing.values()]);
      let i = 0;
      for (const [k, key] of missing) {
        const value = values[i++];
        batch.counts.set(k, { key, count: value == null ? { roots: 0, parents: 0 } : decodeCount(value), changed: false });
      }
    }
    const crossed = [];
    cids.forEach((cid, i) => {
      const entry = batch.counts.get(ids[i]);
      const before = entry.count.roots + entry.count.parents;
      entry.count[field] += delta;
      entry.changed = true;
      batch.changes++;
      if (entry.count[field] < 0) {
        entry.count[field] = 0;
        return;
      }
      const after = entry.count.roots + entry.count.parents;
      if (before === 0 && after > 0 || before > 0 && after === 0)
        crossed.push(cid);
    });
    return crossed;
  }
  /**
   * Nodes that crossed zero: those with links wait in `todo`. Leaves have none, but an add must
   * have them (fetched through the getter when it has one): pinning promises the whole DAG.
   */
  async #crossed(batch, crossed, phase, options) {
    const leaves = [];
    for (const cid of crossed) {
      if (isLeafCodec(cid.code))
        leaves.push(cid);
      else
        batch.todo.push(cid);
    }
    if (phase !== "add")
      return;
    await this.#store.touches.touch(crossed);
    if (leaves.length === 0)
      return;
    const present2 = await this.#getMany(leaves.map((cid) => prefixed(PREFIX_BLOCK, cid.multihash.bytes)));
    const absent = leaves.filter((cid, i) => present2[i] == null && cid.multihash.code !== 0);
    await forEachLimit(absent, DEFAULT_PIN_WALK_CONCURRENCY, async (cid) => {
      if (options.getter == null)
        throw missingBlock(cid);
      await this.#fetch(cid, options.getter, options);
    });
  }
  /** Which of `cids` the abort walk counted as leaves (their hole records go in this batch) */
  async #takeHoles(batch, cids) {
    const keys = cids.map((cid) => prefixed(PREFIX_HOLE, nodeId(cid)));
    const found = await this.#store.db.hasMany(keys);
    keys.forEach((key, i) => {
      if (found[i])
        batch.ops.push({ type: "del", key });
    });
    return found;
  }
  /** The links of a node: from the store, else (adding) fetched and verified through the getter */
  async #links(batch, cid, phase, options) {
    try {
      return await this.#store.linksOf(cid, options);
    } catch (err) {
      if (err.name !== "NotFoundError")
        throw err;
    }
    if (phase === "add") {
      if (options.getter == null)
        throw missingBlock(cid);
      return blockLinks(cid, await this.#fetch(cid, options.getter, options));
    }
    if (phase === "abort")
      batch.ops.push({ type: "put", key: prefixed(PREFIX_HOLE, nodeId(cid)), value: new Uint8Array(0) });
    else
      this.#store.log.error("unpinning %s: its block is gone, so its children stay counted (kept from GC)", cid);
    return [];
  }
  async #fetch(cid, getter, options) {
    const bytes = await getter.getBlock(cid, options);
    await verifyBlock(cid, bytes);
    await this.#store.putBlock(cid, bytes, options);
    return bytes;
  }
  /**
   * Index reads of a wave (a few thousand small keys): synchronous where LevelDB allows, which is
   * several times cheaper than a thread-pool round trip and its allocations; the event loop turns
   * between waves
   */
  async #getMany(keys) {
    const db = this.#store.db;
    if (db.supports.getSync !== true)
      return db.getMany(keys);
    await new Promise((resolve) => setImmediate(resolve));
    return keys.map((key) => db.getSync(key));
  }
  async #popQueue(batch, state) {
    const end = Math.min(state.tail, state.head + QUEUE_READ);
    for await (const value of this.#store.db.values({ gte: queueKey(state.head), lt: queueKey(end) })) {
      batch.todo.push(CID.decode(value));
    }
    for (let seq = state.head; seq < end; seq++)
      batch.ops.push({ type: "del", key: queueKey(seq) });
    state.head = end;
  }
  /** What the batch could not finish goes to the queue's tail */
  #persistQueue(batch, state) {
    for (const cid of batch.todo) {
      batch.ops.push({ type: "put", key: queueKey(state.tail), value: cid.bytes });
      state.tail++;
    }
    batch.todo = [];
  }
};
function countOps(batch) {
  const ops = [];
  for (const { key, count, changed } of batch.counts.values()) {
    if (!changed)
      continue;
    if (count.roots + count.parents === 0)
      ops.push({ type: "del", key });
    else
      ops.push({ type: "put", key, value: encodeCount(count) });
  }
  return ops;
}
function queueKey(seq) {
  const key = new Uint8Array(9);
  key[0] = PREFIX_QUEUE;
  new DataView(key.buffer).setBigUint64(1, BigInt(seq));
  return key;
}
function encodeState(state) {
  return new TextEncoder().encode(JSON.stringify({
    phase: state.phase,
    root: state.root.toString(),
    then: state.then?.toString(),
    rollback: state.rollback,
    head: state.head,
    tail: state.tail
  }));
}
function decodeState(value) {
  const json = JSON.parse(new TextDecoder().decode(value));
  return {
    phase: json.phase,
    root: CID.parse(json.root),
    then: json.then == null ? void 0 : CID.parse(json.then),
    rollback: json.rollback === true,
    head: json.head,
    tail: json.tail
  };
}
function missingBlock(cid) {
  return new NotFoundError(`Cannot pin: block ${cid} is not in the store (pass a getter to fetch it)`, { details: { cid: cid.toString() } });
}

// dist/src/pins.js
var PinsImpl = class {
  #store;
  #mutex = new Mutex();
  #walker;
  /** Set once a walk left by a crash has been completed */
  #recovery;
  constructor(store, batchNodesMax) {
    this.#store = store;
    this.#walker = new PinWalker(store, batchNodesMax);
  }
  /**
   * Runs `fn` while no pin change is in progress, after completing any walk a crash left behind:
   * GC takes its snapshot of the counts here, so it never sees a walk half done
   */
  async settled(fn) {
    return this.#exclusive(fn);
  }
  /** The pin mutex, entered only once the store holds no interrupted walk */
  async #exclusive(fn) {
    await this.#recovered();
    return this.#mutex.run(fn);
  }
  async #recovered() {
    this.#recovery ??= this.#mutex.run(async () => {
      await this.#walker.resume();
    });
    try {
      await this.#recovery;
    } catch (err) {
      this.#recovery = void 0;
      throw err;
    }
  }
  /** A walk that failed may have left its marker (a rollback cut short): the next operation resumes it */
  async #walk(fn) {
    try {
      await fn();
    } catch (err) {
      this.#recovery = void 0;
      throw err;
    }
  }
  async add(cid, options = {}) {
    options.signal?.throwIfAborted();
    await this.#store.withAddLock(async () => {
      if (options.recursive === false) {
        await this.#addDirect(cid, options);
        return;
      }
      await this.#exclusive(async () => {
        if (await this.#store.db.has(prefixed(PREFIX_RECURSIVE, nodeId(cid))))
          return;
        await this.#walk(async () => this.#walker.add(cid, void 0, options));
      });
    });
  }
  async #addDirect(cid, options) {
    await this.#store.touches.touch([cid]);
    await this.#ensureLocal(cid, options.getter, options);
    await this.#exclusive(async () => {
      const db = this.#store.db;
      const id = nodeId(cid);
      if (await db.has(prefixed(PREFIX_RECURSIVE, id))) {
        throw new InvalidParametersError(`${cid} is already pinned recursively`);
      }
      await this.#store.ledger.write([{ type: "put", key: prefixed(PREFIX_DIRECT, id), value: cid.bytes }]);
    });
  }
  async rm(cid, options = {}) {
    const recursive = options.recursive ?? true;
    await this.#exclusive(async () => {
      const db = this.#store.db;
      const id = nodeId(cid);
      if (await db.has(prefixed(PREFIX_RECURSIVE, id))) {
        if (!recursive)
          throw new NotPinnedError(`${cid} is pinned recursively`);
        await this.#walk(async () => this.#walker.release(cid, options));
        return;
      }
      const directKey = prefixed(PREFIX_DIRECT, id);
      if (await db.has(directKey)) {
        await this.#store.ledger.write([{ type: "del", key: directKey }]);
        return;
      }
      const value = await db.get(prefixed(PREFIX_COUNT, id));
      if (value != null && decodeCount(value).parents > 0)
        throw new NotPinnedError(`${cid} is pinned indirectly`);
      throw new NotPinnedError(`${cid} is not pinned`);
    });
  }
  async update(from, to, options = {}) {
    options.signal?.throwIfAborted();
    const unpin = options.unpin ?? true;
    await this.#store.withAddLock(async () => {
      await this.#exclusive(async () => {
        const db = this.#store.db;
        const fromKey = prefixed(PREFIX_RECURSIVE, nodeId(from));
        const toKey = prefixed(PREFIX_RECURSIVE, nodeId(to));
        if (!await db.has(fromKey))
          throw new NotPinnedError(`${from} is not pinned recursively`);
        const release = unpin && keyString(fromKey) !== keyString(toKey) ? from : void 0;
        if (!await db.has(toKey)) {
          await this.#walk(async () => this.#walker.add(to, release, options));
          return;
        }
        await this.#store.ledger.write([{ type: "del", key: prefixed(PREFIX_DIRECT, nodeId(to)) }]);
        if (release != null)
          await this.#walk(async () => this.#walker.release(release));
      });
    });
  }
  async *ls(options = {}) {
    const type = options.type ?? "all";
    if (!["all", "recursive", "direct", "indirect"].includes(type)) {
      throw new InvalidParametersError(`Unknown pin type ${String(type)}`);
    }
    await this.#recovered();
    const db = this.#store.db;
    if (options.cids != null) {
      for (const cid of options.cids) {
        options.signal?.throwIfAborted();
        const entry = await this.isPinned(cid);
        if (entry == null || type !== "all" && entry.type !== type) {
          throw new NotPinnedError(`${cid} is not pinned${type === "all" ? "" : ` ${type}`}`);
        }
        yield entry;
      }
      return;
    }
    if (type === "all" || type === "recursive") {
      for await (const value of db.values(prefixRange(PREFIX_RECURSIVE))) {
        options.signal?.throwIfAborted();
        yield { cid: CID.decode(value), type: "recursive" };
      }
    }
    if (type === "all" || type === "direct") {
      for await (const value of db.values(prefixRange(PREFIX_DIRECT))) {
        options.signal?.throwIfAborted();
        yield { cid: CID.decode(value), type: "direct" };
      }
    }
    if (type === "all" || type === "indirect") {
      for await (const [key, value] of db.iterator(prefixRange(PREFIX_COUNT))) {
        options.signal?.throwIfAborted();
        const count = decodeCount(value);
        if (count.parents > 0 && count.roots === 0)
          yield { cid: await this.#listedCid(key.subarray(1)), type: "indirect" };
      }
    }
  }
  /**
   * How the block behind `cid` is pinned, checked by multihash: the bytes are shared by every CID
   * with that multihash, so removing them would break a pin under any codec.
   */
  async isPinned(cid) {
    await this.#recovered();
    const db = this.#store.db;
    const mh = cid.multihash.bytes;
    for await (const value of db.values({ ...prefixRange(PREFIX_RECURSIVE, mh), limit: 1 })) {
      return { cid: CID.decode(value), type: "recursive" };
    }
    for await (const value of db.values({ ...prefixRange(PREFIX_DIRECT, mh), limit: 1 })) {
      return { cid: CID.decode(value), type: "direct" };
    }
    for await (const value of db.values(prefixRange(PREFIX_COUNT, mh))) {
      if (decodeCount(value).parents > 0)
        return { cid, type: "indirect" };
    }
    return void 0;
  }
  /**
   * A counted node as Kubo lists it: under the CID version its block was stored with (so a CIDv0
   * DAG lists CIDv0 children), falling back to CIDv1 when the block is not (yet) local.
   */
  async #listedCid(id) {
    const cid = cidFromNodeId(id);
    const value = await this.#store.db.get(prefixed(PREFIX_BLOCK, cid.multihash.bytes));
    if (value == null)
      return cid;
    const record = decodeBlockRecord(value);
    return record.codec === cid.code ? recordCid(cid.multihash.bytes, record) : cid;
  }
  /** Makes one block local: already there, or fetched through `getter` and verified */
  async #ensureLocal(cid, getter, options) {
    try {
      return await this.#store.getBlock(cid, options);
    } catch (err) {
      if (err.name !== "NotFoundError" || getter == null)
        throw err;
    }
    const bytes = await getter.getBlock(cid, options);
    await verifyBlock(cid, bytes);
    await this.#store.putBlock(cid, bytes, options);
    return bytes;
  }
};

// dist/src/touches.js
var EMPTY = new Uint8Array(0);
var GcTouches = class {
  #ledger;
  #active = false;
  constructor(ledger) {
    this.#ledger = ledger;
  }
  /** True while a sweep runs: touches are being recorded */
  get active() {
    return this.#active;
  }
  /** From now on touches are recorded; call before GC takes its snapshot */
  begin() {
    this.#active = true;
  }
  /** Stops recording, then drops the records (each sweep starts with none) */
  async end() {
    this.#active = false;
    await this.#ledger.writeLock.run(async () => this.#ledger.clear(prefixRange(PREFIX_TOUCH)));
  }
  /** Call before looking at blocks one is about to rely on; a no-op when no sweep runs */
  async touch(cids) {
    if (!this.#active || cids.length === 0)
      return;
    const ops = cids.map((cid) => ({ type: "put", key: prefixed(PREFIX_TOUCH, cid.multihash.bytes), value: EMPTY }));
    await this.#ledger.writeLock.run(async () => {
      if (this.#active)
        await this.#ledger.write(ops);
    });
  }
  /** Which of these multihashes are touched; call holding the write lock */
  async touched(multihashes) {
    return this.#ledger.db.hasMany(multihashes.map((mh) => prefixed(PREFIX_TOUCH, mh)));
  }
};

// dist/src/sync-budget.js
var SyncBudget = class {
  #maxMs;
  #streakStart = 0;
  constructor(maxMs) {
    this.#maxMs = maxMs;
  }
  /** Undefined when a synchronous call may run now, else a promise to await first */
  pause() {
    const now = performance.now();
    if (this.#streakStart === 0) {
      this.#streakStart = now;
      setImmediate(() => {
        this.#streakStart = 0;
      }).unref();
      return void 0;
    }
    if (now - this.#streakStart < this.#maxMs)
      return void 0;
    return new Promise((resolve) => setImmediate(resolve));
  }
};

// dist/src/blockstore.js
var IDENTITY_CODE = 0;
var COMMIT_GROUP_PUTS_MAX = 1024;
var silent = Object.assign(() => {
}, { error: () => {
} });
var LevelBlockstore = class extends InterfaceBlockstoreAdapter {
  path;
  log;
  pins;
  db;
  ledger;
  /** Blocks relied on while GC sweeps (see touches.ts) */
  touches;
  /** One GC at a time */
  gcRuns = new Mutex();
  packs;
  reserve;
  gcLock = new GcLock();
  batchBlocksMax;
  batchBytesMax;
  packLiveRatioMin;
  sync;
  #commitQueue = [];
  #committing = false;
  /** Reads and writes since open, for metrics */
  #ops = { reads: 0, readBytes: 0, writes: 0, writtenBytes: 0 };
  #verify;
  #inlineMax;
  #blockMax;
  #getSync;
  #syncBudget = new SyncBudget(DEFAULT_SYNC_STREAK_MS_MAX);
  #closed = false;
  constructor(init, db) {
    super();
    this.path = init.path;
    this.db = db;
    this.log = init.logger?.forComponent("cairn:blockstore") ?? silent;
    this.sync = init.sync ?? DEFAULT_SYNC;
    this.reserve = new Reserve(join3(init.path, "reserve"), init.reserveBytes ?? DEFAULT_RESERVE_BYTES, this.log, init.faults);
    this.ledger = new IndexLedger({
      path: init.path,
      db,
      sync: this.sync,
      log: this.log,
      reserve: this.reserve,
      faults: init.faults,
      // New bodies go to a new pack after a reopen, as after a restart
      onReopen: async () => {
        const id = this.packs.activeId;
        if (id != null)
          await this.packs.seal(id);
      }
    });
    this.packs = new PackFiles(join3(init.path, "packs"), {
      log: this.log,
      packBytesMax: init.packBytesMax ?? DEFAULT_PACK_BYTES_MAX,
      openPacksMax: init.openPacksMax ?? DEFAULT_OPEN_PACKS_MAX,
      syncReadSlowMs: init.syncReadSlowMs ?? DEFAULT_SYNC_READ_SLOW_MS,
      asyncReadWindowMs: init.asyncReadWindowMs ?? DEFAULT_ASYNC_READ_WINDOW_MS,
      syncBudget: this.#syncBudget,
      allocateId: async () => this.ledger.allocatePack(),
      faults: init.faults
    });
    this.#verify = init.verify ?? DEFAULT_VERIFY;
    this.#inlineMax = init.inlineBytesMax ?? DEFAULT_INLINE_BYTES_MAX;
    this.batchBlocksMax = init.batchBlocksMax ?? DEFAULT_BATCH_BLOCKS_MAX;
    this.batchBytesMax = init.batchBytesMax ?? DEFAULT_BATCH_BYTES_MAX;
    this.#blockMax = init.blockBytesMax ?? DEFAULT_BLOCK_BYTES_MAX;
    this.packLiveRatioMin = init.packLiveRatioMin ?? DEFAULT_PACK_LIVE_RATIO_MIN;
    this.#getSync = db.supports.getSync === true;
    this.touches = new GcTouches(this.ledger);
    this.pins = new PinsImpl(this, init.pinBatchNodesMax ?? DEFAULT_PIN_BATCH_NODES_MAX);
  }
  get closed() {
    return this.#closed;
  }
  /** Checks the version, loads the counters and removes packs no index entry can reach */
  async init() {
    const version = await this.db.get(VERSION_KEY);
    if (version == null) {
      for await (const _ of this.db.keys({ limit: 1 })) {
        throw new RepoCorruptError(`Block store at ${this.path} has data but no /version key`);
      }
      await this.ledger.write([
        { type: "put", key: VERSION_KEY, value: new TextEncoder().encode(String(STORE_VERSION)) },
        { type: "put", key: STATS_KEY, value: encodeStats(0, 0) },
        { type: "put", key: NEXT_PACK_KEY, value: Uint8Array.of(0) }
      ], true);
    } else {
      const found = new TextDecoder().decode(version);
      if (found !== String(STORE_VERSION)) {
        throw new RepoCorruptError(`Block store at ${this.path} has layout version ${found}; this Cairn reads version ${STORE_VERSION}`);
      }
    }
    const packIds = await this.packs.load();
    await this.ledger.load(packIds);
    for (const id of packIds) {
      if (this.ledger.packLive.has(id))
        continue;
      this.log("removing pack %d: no body in it was ever committed", id);
      await this.packs.remove(id);
    }
    await this.reserve.ensure();
  }
  // --- Cairn block API -------------------------------------------------------------------------
  async getBlock(cid, options = {}) {
    options.signal?.throwIfAborted();
    if (cid.multihash.code === IDENTITY_CODE)
      return cid.multihash.digest;
    const key = blockKey(cid);
    let bytes;
    try {
      bytes = await this.readBody(cid, await this.#record(cid, key));
    } catch (err) {
      if (err.name !== "RepoCorruptError")
        throw err;
      bytes = await this.readBody(cid, await this.#record(cid, key));
    }
    if (this.#verify)
      verifyBlockSync(cid, bytes);
    this.#ops.reads++;
    this.#ops.readBytes += bytes.byteLength;
    return bytes;
  }
  counters() {
    return { ...this.#ops, packFiles: this.ledger.packLive.size };
  }
  async #record(cid, key) {
    if (this.ledger.reopening != null || this.db.status !== "open")
      await this.ledger.ready();
    if (!this.#getSync)
      return decodeRecordOrThrow(cid, await this.db.get(key));
    const wait = this.#syncBudget.pause();
    if (wait != null)
      await wait;
    return decodeRecordOrThrow(cid, this.db.getSync(key));
  }
  /** Index lookups, synchronous where LevelDB allows (see `#record`) */
  async #hasMany(keys) {
    if (this.ledger.reopening != null || this.db.status !== "open")
      await this.ledger.ready();
    if (!this.#getSync)
      return this.db.hasMany(keys);
    const wait = this.#syncBudget.pause();
    if (wait != null)
      await wait;
    return keys.map((key) => this.db.getSync(key) !== void 0);
  }
  /**
   * The links of a stored block. For a large dag-pb body only its first bytes are read, where
   * dag-pb keeps its links: pinning a 1 GiB file then reads kilobytes per leaf, not the leaves.
   */
  async linksOf(cid, options = {}) {
    options.signal?.throwIfAborted();
    if (isLeafCodec(cid.code))
      return [];
    if (cid.code === DAG_PB_CODE && cid.multihash.code !== IDENTITY_CODE) {
      const record = await this.#record(cid, blockKey(cid));
      if (record.kind === "pack" && record.size > PACK_PREFIX_BYTES && record.prefixSum != null) {
        let prefix;
        try {
          prefix = await this.packs.readPrefix(record);
        } catch {
        }
        const links = prefix == null ? void 0 : dagPbLinksFromPrefix(prefix);
        if (links != null)
          return links;
      }
    }
    return blockLinks(cid, await this.getBlock(cid, options));
  }
  async hasBlock(cid, options = {}) {
    options.signal?.throwIfAborted();
    if (cid.multihash.code === IDENTITY_CODE)
      return true;
    return (await this.#hasMany([blockKey(cid)]))[0];
  }
  async putBlock(cid, bytes, options = {}) {
    await this.putBlocks([{ cid, bytes }], options);
  }
  async putBlocks(blocks, options = {}) {
    options.signal?.throwIfAborted();
    this.assertOpen();
    if (this.ledger.failure != null)
      await this.ledger.recover(false);
    const wanted = /* @__PURE__ */ new Map();
    for (const { cid, bytes } of blocks) {
      if (cid.multihash.code === IDENTITY_CODE)
        continue;
      if (bytes.byteLength > this.#blockMax) {
        throw new BlockTooLargeError(`Block ${cid} is ${bytes.byteLength} bytes; the store takes at most ${this.#blockMax}`);
      }
      if (this.#verify)
        verifyBlockSync(cid, bytes);
      const key = blockKey(cid);
      const k = keyString(key);
      if (!wanted.has(k))
        wanted.set(k, { cid, key, bytes });
    }
    if (wanted.size === 0)
      return;
    let pending = [...wanted.values()];
    await this.touches.touch(pending.map((p) => p.cid));
    const present2 = await this.#hasMany(pending.map((p) => p.key));
    pending = pending.filter((_, i) => !present2[i]);
    if (pending.length === 0)
      return;
    const large = pending.filter((p) => p.bytes.byteLength > this.#inlineMax);
    let packId;
    try {
      if (large.length > 0) {
        const locations = await this.packs.append(large.map((p) => p.bytes), this.sync);
        packId = locations[0].pack;
        large.forEach((p, i) => {
          p.location = locations[i];
        });
      }
      options.signal?.throwIfAborted();
      await this.#commitPuts(pending);
      this.#ops.writes += pending.length;
      for (const p of pending)
        this.#ops.writtenBytes += p.bytes.byteLength;
    } finally {
      if (packId != null)
        this.packs.settle(packId);
    }
  }
  /**
   * The one commit point of a put: index entries, pack and store counters in one LevelDB batch.
   * Puts that arrive while a batch is being written are committed together in the next one (group
   * commit), so many concurrent single-block puts cost a few LevelDB writes, not one each.
   */
  async #commitPuts(pending) {
    await new Promise((resolve, reject) => {
      this.#commitQueue.push({ pending, resolve, reject });
      if (!this.#committing)
        void this.#drainCommits();
    });
  }
  async #drainCommits() {
    this.#committing = true;
    try {
      while (this.#commitQueue.length > 0) {
        const group = this.#commitQueue.splice(0, COMMIT_GROUP_PUTS_MAX);
        try {
          await this.ledger.writeLock.run(async () => this.#commitGroup(group.flatMap((g) => g.pending)));
          for (const g of group)
            g.resolve();
        } catch (err) {
          for (const g of group)
            g.reject(err);
        }
      }
    } finally {
      this.#committing = false;
    }
  }
  async #commitGroup(pending) {
    this.assertOpen();
    const present2 = await this.#hasMany(pending.map((p) => p.key));
    const ops = [];
    const packs = /* @__PURE__ */ new Map();
    const added = /* @__PURE__ */ new Set();
    let blocks = this.ledger.blocks;
    let bytes = this.ledger.bytes;
    pending.forEach((p, i) => {
      const k = keyString(p.key);
      if (present2[i] || added.has(k))
        return;
      added.add(k);
      if (p.location == null) {
        ops.push({ type: "put", key: p.key, value: encodeInline(p.cid, p.bytes) });
      } else {
        ops.push({ type: "put", key: p.key, value: encodePacked(p.cid, p.location) });
        this.ledger.bumpPack(packs, p.location.pack, 1, p.location.size);
      }
      blocks += 1;
      bytes += p.bytes.byteLength;
    });
    if (ops.length === 0)
      return;
    await this.ledger.commit(ops, packs, blocks, bytes);
  }
  async deleteBlock(cid, options = {}) {
    await this.deleteBlocks([cid], options);
  }
  /** Removes blocks (pinned or not: refusing pinned blocks is `block rm`'s job, via `pins.isPinned`) */
  async deleteBlocks(cids, options = {}) {
    options.signal?.throwIfAborted();
    this.assertOpen();
    const keys = /* @__PURE__ */ new Map();
    for (const cid of cids) {
      if (cid.multihash.code === IDENTITY_CODE)
        continue;
      const key = blockKey(cid);
      keys.set(keyString(key), { cid, key });
    }
    if (keys.size === 0)
      return [];
    const entries = [...keys.values()];
    const ledger = this.ledger;
    return ledger.writeLock.run(async () => {
      const values = await this.db.getMany(entries.map((e2) => e2.key));
      const touched = options.keepTouched === true ? await this.touches.touched(entries.map((e2) => e2.cid.multihash.bytes)) : [];
      const ops = [];
      const packs = /* @__PURE__ */ new Map();
      const removed = [];
      let blocks = ledger.blocks;
      let bytes = ledger.bytes;
      values.forEach((value, i) => {
        if (value == null || touched[i] === true)
          return;
        const record = decodeBlockRecord(value);
        ops.push({ type: "del", key: entries[i].key });
        if (record.kind === "pack")
          ledger.bumpPack(packs, record.pack, -1, -record.size);
        removed.push(recordCid(entries[i].cid.multihash.bytes, record));
        blocks -= 1;
        bytes -= recordSize(record);
      });
      if (ops.length > 0)
        await ledger.commit(ops, packs, blocks, bytes, options.sync ?? this.sync);
      return removed;
    });
  }
  async stats() {
    return { blocks: this.ledger.blocks, bytes: this.ledger.bytes };
  }
  async withAddLock(fn) {
    return this.gcLock.shared(fn);
  }
  async *verify(options = {}) {
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted();
      const mh = key.subarray(1);
      let record;
      let cid;
      try {
        record = decodeBlockRecord(value);
        cid = recordCid(mh, record);
      } catch {
        yield { cid: CID.createV1(85, decodeMultihash(mh)), reason: "unreadable" };
        continue;
      }
      let bytes;
      try {
        bytes = await this.readBody(cid, record);
      } catch (err) {
        yield { cid, reason: err.name === "HashMismatchError" ? "hash-mismatch" : "unreadable" };
        continue;
      }
      if (!canVerify(cid))
        continue;
      try {
        verifyBlockSync(cid, bytes);
      } catch {
        yield { cid, reason: "hash-mismatch" };
      }
    }
  }
  gc(options = {}) {
    return collectGarbage(this, options);
  }
  async close() {
    if (this.#closed)
      return;
    this.#closed = true;
    await this.ledger.writeLock.run(async () => {
    });
    await this.reserve.ensure();
    await this.packs.close();
    await this.db.close();
  }
  // --- for the interface-blockstore adapter -------------------------------------------------------
  async *blocks(options) {
    for await (const [key, value] of this.db.iterator(prefixRange(PREFIX_BLOCK))) {
      options.signal?.throwIfAborted();
      const record = decodeBlockRecord(value);
      const cid = recordCid(key.subarray(1), record);
      let bytes;
      try {
        bytes = await this.readBody(cid, record);
      } catch (err) {
        if (err.name !== "RepoCorruptError")
          throw err;
        bytes = await this.getBlock(cid, options);
      }
      yield { cid, bytes };
    }
  }
  // --- internals ---------------------------------------------------------------------------------
  /**
   * A block's body, checked before it leaves the store: a pack body against the checksum in its
   * record (records written before checksums: against its CID, where the hash is one we compute).
   * HashMismatchError when the bytes are wrong, RepoCorruptError when they cannot be read.
   */
  async readBody(cid, record) {
    if (record.kind === "inline")
      return plain(record.bytes);
    let bytes;
    try {
      bytes = await this.packs.read(record);
    } catch (err) {
      if (err instanceof ChecksumMismatch) {
        throw new HashMismatchError(`Block ${cid} reads back wrong from pack ${record.pack}: ${err.message}`, { cause: err });
      }
      throw new RepoCorruptError(`Block ${cid} is indexed but its body cannot be read from pack ${record.pack}: ${err.message}`, { cause: err });
    }
    if (record.sum == null && canVerify(cid))
      verifyBlockSync(cid, bytes);
    return bytes;
  }
  assertOpen() {
    if (this.#closed)
      throw new InvalidParametersError(`Block store at ${this.path} is closed`);
  }
};
function decodeRecordOrThrow(cid, value) {
  if (value == null)
    throw new NotFoundError(`Block ${cid} not found`, { details: { cid: cid.toString() } });
  return decodeBlockRecord(value);
}
function plain(bytes) {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// dist/src/open.js
async function openBlockstore(init) {
  if (typeof init?.path !== "string" || init.path === "")
    throw new InvalidParametersError("createBlockstore needs init.path");
  try {
    await mkdir2(init.path, { recursive: true });
    if (!(await stat4(init.path)).isDirectory())
      throw new Error("not a directory");
  } catch (err) {
    throw new RepoCorruptError(`Block store path ${init.path} is not a usable folder: ${err.message}`, { cause: err });
  }
  const options = {
    keyEncoding: "view",
    valueEncoding: "view",
    cacheSize: init.indexCacheBytes ?? DEFAULT_INDEX_CACHE_BYTES,
    writeBufferSize: init.indexWriteBufferBytes ?? DEFAULT_INDEX_WRITE_BUFFER_BYTES
  };
  const db = new Level(join4(init.path, "index"), options);
  try {
    await db.open();
  } catch (err) {
    const log = init.logger?.forComponent("cairn:blockstore") ?? { error: () => {
    } };
    const reserve = new Reserve(join4(init.path, "reserve"), init.reserveBytes ?? DEFAULT_RESERVE_BYTES, Object.assign(() => {
    }, log));
    if (!isNoSpace(err) || !await reserve.release("room to open the index on a full disk"))
      throw levelOpenError(err, `Block store at ${init.path}`);
    try {
      await db.open();
    } catch (err2) {
      throw levelOpenError(err2, `Block store at ${init.path}`);
    }
  }
  try {
    const store = new LevelBlockstore(init, db);
    await store.init();
    return store;
  } catch (err) {
    await db.close().catch(() => {
    });
    const name = err.name;
    if (name === "RepoCorruptError" || name === "NoSpaceError" || name === "StoreWriteError")
      throw err;
    throw new RepoCorruptError(`Block store at ${init.path} cannot be read: ${deepestMessage(err)}`, { cause: err });
  }
}
function levelOpenError(err, what) {
  const codes = [];
  for (let e2 = err; e2 != null; e2 = e2.cause) {
    if (typeof e2.code === "string")
      codes.push(e2.code);
  }
  if (codes.includes("LEVEL_LOCKED")) {
    return new RepoLockedError(`${what} is locked by another process (a running daemon?) or another open store`, { cause: err });
  }
  if (isNoSpace(err)) {
    return new NoSpaceError(`${what} cannot be opened: the disk is full (${deepestMessage(err)}); free some space`, { cause: err });
  }
  return new RepoCorruptError(`${what} cannot be opened: ${deepestMessage(err)}`, { cause: err });
}
function deepestMessage(err) {
  let e2 = err;
  let message = String(err);
  while (e2 != null) {
    if (typeof e2.message === "string" && e2.message !== "")
      message = e2.message;
    e2 = e2.cause;
  }
  return message.split("\n")[0];
}

// dist/src/index.js
async function createBlockstore(init) {
  return openBlockstore(init);
}

// ../node/dist/src/api/cid.js
function parseCid(value) {
  if (value instanceof CID)
    return value;
  const asCid = CID.asCID(value);
  if (asCid != null)
    return asCid;
  if (typeof value !== "string")
    throw new InvalidCidError(`Not a CID: ${String(value)}`);
  let s = value.trim();
  if (s.startsWith("/ipfs/"))
    s = s.slice("/ipfs/".length);
  if (s.includes("/"))
    throw new InvalidCidError(`"${value}" is a path, a CID is needed here`);
  try {
    return CID.parse(s);
  } catch (err) {
    throw new InvalidCidError(`Invalid CID "${value}"`, { cause: err });
  }
}

// ../node/dist/src/api/block.js
var CODECS = {
  raw: 85,
  "dag-pb": 112,
  "dag-cbor": 113,
  "dag-json": 297
};
async function hashFor(mhtype, bytes) {
  switch (mhtype) {
    case "sha2-256":
      return sha256.digest(bytes);
    case "sha2-512":
      return sha512.digest(bytes);
    case "identity":
      return identity.digest(bytes);
    default:
      throw new InvalidParametersError(`Unsupported multihash type "${mhtype}": use sha2-256, sha2-512 or identity`);
  }
}
function createBlockApi(ctx) {
  return {
    get: async (cid, options = {}) => {
      return ctx.blocks.getBlock(parseCid(cid), options);
    },
    put: async (bytes, options = {}) => {
      if (!(bytes instanceof Uint8Array))
        throw new InvalidParametersError("block put needs bytes");
      if (bytes.byteLength > DEFAULT_BLOCK_PUT_BYTES_MAX) {
        throw new BlockTooLargeError(`Block of ${bytes.byteLength} bytes is over ${DEFAULT_BLOCK_PUT_BYTES_MAX}: big blocks cannot be exchanged with other peers; add it as a file instead`);
      }
      const codecName = options.cidCodec ?? "raw";
      const codec = CODECS[codecName];
      if (codec == null)
        throw new InvalidParametersError(`Unsupported CID codec "${codecName}"`);
      const mhtype = options.mhtype ?? "sha2-256";
      const digest = await hashFor(mhtype, bytes);
      const cid = codec === 112 && mhtype === "sha2-256" ? CID.createV0(digest) : CID.createV1(codec, digest);
      blockLinks(cid, bytes);
      await ctx.blockstore.withAddLock(async () => {
        await ctx.putter().putBlock(cid, bytes, options);
        if (options.pin === true)
          await ctx.blockstore.pins.add(cid, { recursive: true, signal: options.signal });
      });
      ctx.announceDags([cid], options.pin === true ? "pin-root" : "block");
      return cid;
    },
    stat: async (cid, options = {}) => {
      const c = parseCid(cid);
      const bytes = await ctx.blocks.getBlock(c, options);
      return { cid: c, size: bytes.byteLength };
    },
    rm: (cids, options = {}) => {
      return (async function* () {
        for (const value of cids) {
          options.signal?.throwIfAborted();
          const cid = parseCid(value);
          const pinned = await ctx.blockstore.pins.isPinned(cid);
          if (pinned != null) {
            yield { cid, error: `pinned: ${pinned.type}` };
            continue;
          }
          if (!await ctx.blockstore.hasBlock(cid)) {
            if (options.force !== true)
              yield { cid, error: "block not found" };
            continue;
          }
          await ctx.blockstore.deleteBlock(cid, options);
          await ctx.provider.forget([cid]);
          yield { cid };
        }
      })();
    }
  };
}

// ../node/dist/src/kubo-config-keys.js
var KUBO_CONFIG_KEYS = {
  Identity: {
    PeerID: 0,
    PrivKey: 0
  },
  Datastore: {
    StorageMax: 0,
    StorageGCWatermark: 0,
    GCPeriod: 0,
    Type: 0,
    Path: 0,
    NoSync: 0,
    Params: 0,
    Spec: {
      "*": 1
    },
    HashOnRead: 0,
    BloomFilterSize: 0,
    BlockKeyCacheSize: {},
    WriteThrough: 0
  },
  Addresses: {
    Swarm: 0,
    Announce: 0,
    AppendAnnounce: 0,
    NoAnnounce: 0,
    API: 0,
    Gateway: 0
  },
  Mounts: {
    IPFS: 0,
    IPNS: 0,
    MFS: 0,
    FuseAllowOther: 0,
    StoreMtime: 0,
    StoreMode: 0
  },
  Discovery: {
    MDNS: {
      Enabled: 0
    }
  },
  Routing: {
    Type: {},
    AcceleratedDHTClient: 0,
    LoopbackAddressesOnLanDHT: 0,
    IgnoreProviders: 0,
    DelegatedRouters: 0,
    Routers: {
      "*": {
        Router: {
          Type: 0,
          Parameters: 1
        }
      }
    },
    Methods: {
      "*": {
        RouterName: 0
      }
    }
  },
  Ipns: {
    RepublishPeriod: 0,
    RecordLifetime: 0,
    ResolveCacheSize: 0,
    MaxCacheTTL: {},
    UsePubsub: 0,
    DelegatedPublishers: 0
  },
  Bootstrap: 0,
  Gateway: {
    HTTPHeaders: {
      "*": 0
    },
    RootRedirect: 0,
    NoFetch: 0,
    NoDNSLink: 0,
    DeserializedResponses: 0,
    AllowCodecConversion: 0,
    DisableHTMLErrors: 0,
    PublicGateways: {
      "*": {
        Paths: 0,
        UseSubdomains: 0,
        NoDNSLink: 0,
        InlineDNSLink: 0,
        DeserializedResponses: 0
      }
    },
    ExposeRoutingAPI: 0,
    RetrievalTimeout: {},
    MaxRequestDuration: {},
    MaxConcurrentRequests: {},
    MaxRangeRequestFileSize: {
      OptionalString: {}
    },
    DiagnosticServiceURL: {}
  },
  API: {
    HTTPHeaders: {
      "*": 0
    },
    Authorizations: {
      "*": {
        AuthSecret: 0,
        AllowedPaths: 0
      }
    }
  },
  Swarm: {
    AddrFilters: 0,
    DisableBandwidthMetrics: 0,
    DisableNatPortMap: 0,
    RelayClient: {
      Enabled: 0,
      StaticRelays: 0
    },
    RelayService: {
      Enabled: 0,
      ConnectionDurationLimit: {},
      ConnectionDataLimit: {},
      ReservationTTL: {},
      MaxReservations: {},
      MaxCircuits: {},
      BufferSize: {},
      MaxReservationsPerIP: {},
      MaxReservationsPerASN: {}
    },
    EnableHolePunching: 0,
    Transports: {
      Network: {
        QUIC: 0,
        TCP: 0,
        Websocket: 0,
        Relay: 0,
        WebTransport: 0,
        WebRTCDirect: 0
      },
      Security: {
        TLS: 0,
        Noise: 0
      },
      Multiplexers: {
        Yamux: 0
      }
    },
    ConnMgr: {
      Type: {},
      LowWater: {},
      HighWater: {},
      GracePeriod: {},
      SilencePeriod: {}
    },
    ResourceMgr: {
      Enabled: 0,
      Limits: 0,
      MaxMemory: {
        OptionalString: {}
      },
      MaxFileDescriptors: {},
      Allowlist: 0
    }
  },
  AutoNAT: {
    ServiceMode: 0,
    Throttle: {
      GlobalLimit: 0,
      PeerLimit: 0,
      Interval: {}
    }
  },
  AutoTLS: {
    Enabled: 0,
    AutoWSS: 0,
    SkipDNSLookup: 0,
    DomainSuffix: {},
    RegistrationEndpoint: {},
    RegistrationToken: {},
    RegistrationDelay: {},
    CAEndpoint: {},
    ShortAddrs: 0
  },
  Pubsub: {
    Router: 0,
    DisableSigning: 0,
    Enabled: 0,
    SeenMessagesTTL: {},
    SeenMessagesStrategy: {}
  },
  Peering: {
    Peers: 0
  },
  DNS: {
    Resolvers: {
      "*": 0
    },
    MaxCacheTTL: {}
  },
  Migration: {
    DownloadSources: 0,
    Keep: 0
  },
  AutoConf: {
    URL: {},
    Enabled: 0,
    RefreshInterval: {},
    TLSInsecureSkipVerify: 0
  },
  Provide: {
    Enabled: 0,
    Strategy: {},
    BloomFPRate: {},
    DHT: {
      Interval: {},
      MaxWorkers: {},
      SweepEnabled: 0,
      DedicatedPeriodicWorkers: {},
      DedicatedBurstWorkers: {},
      MaxProvideConnsPerWorker: {},
      KeystoreBatchSize: {},
      OfflineDelay: {},
      SendProviderRecordTimeout: {},
      ResumeEnabled: 0
    }
  },
  Provider: {
    Enabled: 0,
    Strategy: {},
    WorkerCount: {}
  },
  Reprovider: {
    Interval: {},
    Strategy: {}
  },
  HTTPRetrieval: {
    Enabled: 0,
    Allowlist: 0,
    Denylist: 0,
    NumWorkers: {},
    MaxBlockSize: {},
    TLSInsecureSkipVerify: 0
  },
  Experimental: {
    FilestoreEnabled: 0,
    UrlstoreEnabled: 0,
    ShardingEnabled: 0,
    Libp2pStreamMounting: 0,
    P2pHttpProxy: 0,
    StrategicProviding: 0,
    OptimisticProvide: 0,
    OptimisticProvideJobsPoolSize: 0,
    GatewayOverLibp2p: 0,
    GraphsyncEnabled: 0,
    AcceleratedDHTClient: 0
  },
  Plugins: {
    Plugins: {
      "*": {
        Disabled: 0,
        Config: 1
      }
    }
  },
  Pinning: {
    RemoteServices: {
      "*": {
        API: {
          Endpoint: 0,
          Key: 0
        },
        Policies: {
          MFS: {
            Enable: 0,
            PinName: 0,
            RepinInterval: 0
          }
        }
      }
    }
  },
  Import: {
    CidVersion: {},
    UnixFSRawLeaves: 0,
    UnixFSChunker: {},
    HashFunction: {},
    UnixFSFileMaxLinks: {},
    UnixFSDirectoryMaxLinks: {},
    UnixFSHAMTDirectoryMaxFanout: {},
    UnixFSHAMTDirectorySizeThreshold: {
      OptionalString: {}
    },
    UnixFSHAMTDirectorySizeEstimation: {},
    UnixFSDAGLayout: {},
    BatchMaxNodes: {},
    BatchMaxSize: {},
    FastProvideRoot: 0,
    FastProvideDAG: 0,
    FastProvideWait: 0
  },
  Version: {
    AgentSuffix: {},
    SwarmCheckEnabled: 0,
    SwarmCheckPercentThreshold: {}
  },
  Internal: {
    Bitswap: {
      TaskWorkerCount: {},
      EngineBlockstoreWorkerCount: {},
      EngineTaskWorkerCount: {},
      MaxOutstandingBytesPerPeer: {},
      ProviderSearchDelay: {},
      ProviderSearchMaxResults: {},
      WantHaveReplaceSize: {},
      BroadcastControl: {
        Enable: 0,
        MaxPeers: {},
        LocalPeers: 0,
        PeeredPeers: 0,
        MaxRandomPeers: {},
        SendToPendingPeers: 0
      }
    },
    UnixFSShardingSizeThreshold: {},
    Libp2pForceReachability: {},
    BackupBootstrapInterval: {},
    MFSNoFlushLimit: {},
    ShutdownTimeout: {},
    CGNATCheck: 0,
    DeadListenerCheck: 0,
    NonPublicAddrPublishing: 0
  },
  Bitswap: {
    Libp2pEnabled: 0,
    ServerEnabled: 0
  }
};

// ../node/dist/src/config-keys.js
function present(config, parts) {
  let cursor = config;
  for (const part of parts) {
    if (cursor == null || typeof cursor !== "object" || !Object.hasOwn(cursor, part))
      return false;
    cursor = cursor[part];
  }
  return true;
}
function checkConfigKey(config, key) {
  const parts = key.split(".");
  if (present(config, parts))
    return;
  let cursor = KUBO_CONFIG_KEYS;
  for (const [i, part] of parts.entries()) {
    if (typeof cursor !== "object") {
      if (cursor === 1)
        return;
      throw new InvalidParametersError(`failed to set config value: ${parts.slice(0, i).join(".")} key is not a map (maybe use --json?)`);
    }
    const next = Object.hasOwn(cursor, part) ? cursor[part] : Object.hasOwn(cursor, "*") ? cursor["*"] : void 0;
    if (next === void 0)
      throw new InvalidParametersError(`failed to set config value: ${parts.slice(0, i + 1).join(".")} not found (maybe use --json?)`);
    cursor = next;
  }
}

// ../node/dist/src/api/config.js
function createConfigStore(file, onChange) {
  let chain = Promise.resolve();
  return {
    read: async () => readConfigFile(file),
    update: async (fn) => {
      const next = chain.then(async () => {
        const updated = fn(await readConfigFile(file));
        validateConfig(updated);
        await writeConfigFile(file, updated);
        onChange?.(updated);
        return updated;
      });
      chain = next.catch(() => {
      });
      return next;
    }
  };
}
function createConfigApi(store) {
  return {
    async show() {
      return store.read();
    },
    async get(key) {
      const value = getConfigValue(await store.read(), key);
      if (value === void 0)
        throw new InvalidParametersError(`Config key "${key}" has no value`, { details: { key } });
      return value;
    },
    async set(key, value) {
      if (key === "Identity.PeerID" || key === "Identity")
        throw new InvalidParametersError("The identity cannot be changed through config");
      if (value === void 0)
        throw new InvalidParametersError("A config value cannot be undefined");
      try {
        await store.update((config) => {
          checkConfigKey(config, key);
          return setConfigValue(config, key, value);
        });
      } catch (err) {
        if (err?.name === "RepoCorruptError")
          throw new InvalidParametersError(err.message, { cause: err });
        throw err;
      }
    }
  };
}
function parseBootstrapPeer(addr) {
  let ma;
  try {
    ma = multiaddr(addr);
  } catch (err) {
    throw new InvalidParametersError(`Invalid bootstrap multiaddr "${addr}"`, { cause: err });
  }
  const components = ma.getComponents();
  const last = components.at(-1);
  if (last?.name !== "p2p" || last.value == null)
    throw new InvalidParametersError(`invalid bootstrap address: ${addr}`);
  const transport = components.slice(0, -1).map((c) => `/${c.name}${c.value != null ? `/${c.value}` : ""}`).join("");
  return { id: last.value, ...transport !== "" ? { transport } : {} };
}
function checkAddr(addr) {
  const peer = parseBootstrapPeer(addr);
  if (peer.transport == null)
    throw new InvalidParametersError(`bootstrap address without a transport: ${addr}`);
  return multiaddr(addr).toString();
}
function createBootstrapApi(store) {
  return {
    async list() {
      return (await store.read()).Bootstrap;
    },
    /** As Kubo: every address asked for is returned (also one already there) and moves to the front */
    async add(addrs, options = {}) {
      const wanted = [...new Set(options.default === true ? [...DEFAULT_BOOTSTRAP_ADDRESSES] : addrs.map(checkAddr))];
      await store.update((config) => ({ ...config, Bootstrap: [...wanted, ...config.Bootstrap.filter((a) => !wanted.includes(a))] }));
      return wanted;
    },
    /**
     * As Kubo: an address with a transport removes that address, a bare `/p2p/<id>` every address
     * of that peer; an address that does not parse is refused before anything changes.
     */
    async rm(addrs, options = {}) {
      const targets = options.all === true ? void 0 : addrs.map(parseBootstrapPeer);
      const removed = [];
      await store.update((config) => {
        const keep = config.Bootstrap.filter((entry) => {
          let hit = targets == null;
          if (!hit) {
            let peer;
            try {
              peer = parseBootstrapPeer(entry);
            } catch {
            }
            hit = peer != null && targets.some((t2) => t2.id === peer.id && (t2.transport == null || t2.transport === peer.transport));
          }
          if (hit)
            removed.push(entry);
          return !hit;
        });
        return { ...config, Bootstrap: keep };
      });
      return removed;
    }
  };
}

// ../node/dist/src/api/context.js
function streamWithSession(blocks, options, fn) {
  return (async function* () {
    const getter = blocks.session(options);
    try {
      yield* fn(getter);
    } finally {
      getter.close();
    }
  })();
}
async function withSession(blocks, options, fn) {
  const getter = blocks.session(options);
  try {
    return await fn(getter);
  } finally {
    getter.close();
  }
}

// ../node/dist/src/api/dag.js
function createDagApi(ctx) {
  return {
    import: (car, options = {}) => {
      const pinRoots = options.pinRoots ?? true;
      return (async function* () {
        const results = [];
        await ctx.blockstore.withAddLock(async () => {
          const imported = await importCar(car, ctx.putter(), { signal: options.signal });
          for (const root of imported.roots) {
            if (!pinRoots) {
              results.push({ root: { cid: root } });
              continue;
            }
            try {
              await ctx.blockstore.pins.add(root, { recursive: true, signal: options.signal });
              results.push({ root: { cid: root } });
            } catch (err) {
              results.push({ root: { cid: root, pinErrorMsg: err.message } });
            }
          }
        });
        ctx.announceDags(results.filter((r) => r.root.pinErrorMsg == null).map((r) => r.root.cid), pinRoots ? "pin-root" : "block");
        yield* results;
      })();
    },
    export: (cid, options = {}) => {
      const root = parseCid(cid);
      return streamWithSession(ctx.blocks, options, (getter) => exportCar(root, getter, options));
    },
    stat: async (cid, options = {}) => {
      const root = parseCid(cid);
      return withSession(ctx.blocks, options, async (getter) => ({ cid: root, ...await dagStat(root, getter, options) }));
    }
  };
}

// ../node/dist/src/api/pin.js
function createPinApi(ctx) {
  return {
    add: async (path, options = {}) => {
      const cid = await ctx.resolve(path, options);
      const recursive = options.recursive ?? true;
      let walked = 0;
      await withSession(ctx.blocks, options, async (session) => {
        const getter = {
          getBlock: async (c, opts) => {
            const bytes = await session.getBlock(c, opts);
            options.onProgress?.(++walked);
            return bytes;
          }
        };
        await ctx.blockstore.pins.add(cid, { recursive, getter, signal: options.signal });
      });
      ctx.announceDags([cid], "pin-root");
      return [cid];
    },
    rm: async (path, options = {}) => {
      const cid = await ctx.resolve(path, options);
      await ctx.blockstore.pins.rm(cid, { recursive: options.recursive ?? true });
      return [cid];
    },
    ls: (options = {}) => {
      return (async function* () {
        const type = options.type ?? "all";
        if (options.paths == null) {
          yield* ctx.blockstore.pins.ls({ type, signal: options.signal });
          return;
        }
        const cids = await Promise.all(options.paths.map(async (p) => ctx.resolve(p, options)));
        for (const [i, cid] of cids.entries()) {
          try {
            yield* ctx.blockstore.pins.ls({ type, cids: [cid], signal: options.signal });
          } catch (err) {
            if (err?.name === "NotPinnedError")
              throw new NotPinnedError(`path '${String(options.paths[i])}' is not pinned`, { cause: err });
            throw err;
          }
        }
      })();
    },
    update: async (from, to, options = {}) => {
      const fromCid = await ctx.resolve(from, options);
      const toCid = await ctx.resolve(to, options);
      await withSession(ctx.blocks, options, async (getter) => {
        await ctx.blockstore.pins.update(fromCid, toCid, { unpin: options.unpin ?? true, getter, signal: options.signal });
      });
      ctx.announceDags([toCid], "pin-root");
      return [fromCid, toCid];
    }
  };
}

// ../node/dist/src/api/pubsub.js
function toPubsubMessage(msg) {
  if (msg.type === "signed") {
    return { from: msg.from.toString(), topic: msg.topic, data: msg.data, sequenceNumber: msg.sequenceNumber };
  }
  return { from: "", topic: msg.topic, data: msg.data };
}
var verdicts = {
  accept: "accept",
  ignore: "ignore",
  reject: "reject"
};
function checkTopic(topic) {
  if (typeof topic !== "string" || topic === "")
    throw new InvalidParametersError("A pubsub topic must be a non-empty string");
}
function createPubsubApi(getPubsub) {
  const handlers = /* @__PURE__ */ new Map();
  let listening;
  const onMessage = (evt) => {
    const set = handlers.get(evt.detail.topic);
    if (set == null)
      return;
    const message = toPubsubMessage(evt.detail);
    for (const handler of [...set]) {
      try {
        handler(message);
      } catch {
      }
    }
  };
  const ensureListening = (ps) => {
    if (listening === ps)
      return;
    ps.addEventListener("message", onMessage);
    listening = ps;
  };
  const drop = (ps, topic, handler) => {
    const set = handlers.get(topic);
    if (set == null)
      return;
    if (handler == null)
      set.clear();
    else
      set.delete(handler);
    if (set.size === 0) {
      handlers.delete(topic);
      ps.unsubscribe(topic);
    }
  };
  return {
    async publish(topic, data, options) {
      checkTopic(topic);
      if (!(data instanceof Uint8Array))
        throw new InvalidParametersError("pubsub data must be bytes");
      options?.signal?.throwIfAborted();
      await getPubsub().publish(topic, data);
    },
    async subscribe(topic, handler, options) {
      checkTopic(topic);
      if (typeof handler !== "function")
        throw new InvalidParametersError("subscribe needs a handler");
      options?.signal?.throwIfAborted();
      const ps = getPubsub();
      ensureListening(ps);
      let set = handlers.get(topic);
      if (set == null) {
        set = /* @__PURE__ */ new Set();
        handlers.set(topic, set);
        ps.subscribe(topic);
      }
      set.add(handler);
      options?.signal?.addEventListener("abort", () => {
        try {
          drop(ps, topic, handler);
        } catch {
        }
      }, { once: true });
    },
    async unsubscribe(topic, handler) {
      checkTopic(topic);
      drop(getPubsub(), topic, handler);
    },
    async ls() {
      return getPubsub().getTopics();
    },
    async peers(topic) {
      checkTopic(topic);
      return getPubsub().getSubscribers(topic).map((p) => p.toString());
    },
    setValidator(topic, validator) {
      checkTopic(topic);
      const ps = getPubsub();
      if (validator == null) {
        ps.topicValidators.delete(topic);
        return;
      }
      ps.topicValidators.set(topic, async (peer, msg) => {
        try {
          return verdicts[await validator(toPubsubMessage(msg), peer.toString())] ?? verdicts.reject;
        } catch {
          return verdicts.reject;
        }
      });
    }
  };
}

// ../node/dist/src/api/repo.js
function createRepoApi(ctx) {
  const gc = { runs: 0, removedBlocks: 0, seconds: 0, lastSeconds: 0 };
  return {
    gcStats: () => ({ ...gc }),
    gc: (options = {}) => {
      return (async function* () {
        const started = performance.now();
        try {
          for await (const cid of ctx.blockstore.gc(options)) {
            gc.removedBlocks++;
            await ctx.provider.forget([cid]);
            yield { cid };
          }
        } finally {
          gc.runs++;
          gc.lastSeconds = (performance.now() - started) / 1e3;
          gc.seconds += gc.lastSeconds;
        }
      })();
    },
    stat: async () => {
      const { blocks, bytes } = await ctx.blockstore.stats();
      return {
        numObjects: blocks,
        repoSize: bytes,
        storageMax: parseBytes(ctx.config.Datastore?.StorageMax ?? "10GB"),
        repoPath: ctx.repoPath,
        version: REPO_VERSION
      };
    },
    verify: (options = {}) => {
      return (async function* () {
        let bad = 0;
        for await (const problem of ctx.blockstore.verify(options)) {
          bad++;
          yield { msg: `block ${problem.cid} ${problem.reason === "hash-mismatch" ? "was corrupt (hash mismatch)" : "could not be read"}` };
        }
        yield { msg: bad === 0 ? "verify complete, all blocks validated." : `verify complete, ${bad} blocks were corrupt` };
      })();
    }
  };
}

// ../node/dist/src/api/routing.js
function createRoutingApi(components) {
  return {
    async findPeer(peerId, options = {}) {
      const { peerIdFromString } = await import("./src-4KMKDDI2.js");
      let id;
      try {
        id = peerIdFromString(peerId);
      } catch (err) {
        throw new InvalidParametersError(`Invalid peer ID "${peerId}"`, { cause: err });
      }
      try {
        const info = await components.libp2p().peerRouting.findPeer(id, { signal: options.signal ?? AbortSignal.timeout(DEFAULT_ROUTING_TIMEOUT_MS) });
        return { id: info.id.toString(), addrs: info.multiaddrs.map((ma) => ma.toString()) };
      } catch (err) {
        if (err?.name === "NotFoundError" && err?.code == null)
          throw new NotFoundError(`Peer ${peerId} not found`, { cause: err });
        throw err;
      }
    },
    async *findProvs(cid, options = {}) {
      const key = components.parseCid(cid);
      const max = options.numProviders ?? DEFAULT_NUM_PROVIDERS;
      if (max <= 0)
        return;
      const signal = options.signal ?? AbortSignal.timeout(DEFAULT_ROUTING_TIMEOUT_MS);
      const seen = /* @__PURE__ */ new Set();
      try {
        for await (const peer of components.libp2p().contentRouting.findProviders(key, { signal })) {
          const id = peer.id.toString();
          if (seen.has(id))
            continue;
          seen.add(id);
          yield { id, addrs: peer.multiaddrs.map((ma) => ma.toString()) };
          if (seen.size >= max)
            return;
        }
      } catch (err) {
        if (options.signal?.aborted === true)
          throw new AbortError("findProvs was aborted", { cause: err });
        if (signal.aborted)
          return;
        throw err;
      }
    },
    async provide(cids, options = {}) {
      components.libp2p();
      const roots = cids.map((c) => components.parseCid(c));
      const all = [];
      for (const root of roots) {
        if (options.recursive === true) {
          for await (const cid of components.walk(root, options))
            all.push(cid);
        } else {
          all.push(root);
        }
      }
      await components.provider().provideNow(all, options);
    }
  };
}

// ../node/dist/src/api/swarm.js
function parseAddr(addr) {
  try {
    return multiaddr(addr);
  } catch (err) {
    throw new InvalidParametersError(`Invalid multiaddr "${addr}"`, { cause: err });
  }
}
function createSwarmApi(getLibp2p) {
  return {
    async peers() {
      return getLibp2p().getConnections().map((conn) => ({
        peer: conn.remotePeer.toString(),
        addr: conn.remoteAddr.toString(),
        direction: conn.direction,
        latency: conn.rtt == null ? void 0 : `${conn.rtt}ms`,
        streams: conn.streams.map((s) => s.protocol ?? "").filter((p) => p !== "")
      }));
    },
    async connect(addr, options) {
      const ma = parseAddr(addr);
      if (ma.getComponents().find((c) => c.name === "p2p") == null) {
        throw new InvalidParametersError(`"${addr}" has no /p2p/<peer id> part`);
      }
      await getLibp2p().dial(ma, { signal: options?.signal });
    },
    async addrs() {
      const peers = await getLibp2p().peerStore.all();
      return peers.map((p) => ({ id: p.id.toString(), addrs: p.addresses.map((a) => a.multiaddr.toString()) }));
    },
    async localAddrs() {
      return getLibp2p().getMultiaddrs().map((ma) => ma.toString());
    }
  };
}

// ../node/dist/src/errors.js
var ListenError = class extends CairnError {
  static name = "ListenError";
  static code = "ERR_LISTEN";
  constructor(message = "Cannot listen on a configured address", options) {
    super(message, options);
  }
};
var NotStartedError = class extends CairnError {
  static name = "NotStartedError";
  static code = "ERR_NOT_STARTED";
  constructor(message = "The node is not started", options) {
    super(message, options);
  }
};

// ../node/dist/src/network-getter.js
var IDENTITY_CODE2 = 0;
function createNetworkGetter(components, init) {
  const fetch = async (cid, options, want) => {
    if (cid.multihash.code === IDENTITY_CODE2)
      return cid.multihash.digest;
    try {
      return await components.local.getBlock(cid, options);
    } catch (err) {
      if (!hasCode(err, NotFoundError.code))
        throw err;
    }
    if (init.offline)
      throw new OfflineError(`Block ${cid} is not in the local store and the node is offline`, { details: { cid: cid.toString() } });
    const exchange = components.exchange();
    if (exchange == null)
      throw new NotFoundError(`Block ${cid} not found: no block exchange is running`, { details: { cid: cid.toString() } });
    const timeout = AbortSignal.timeout(init.timeoutMs);
    const signal = options?.signal == null ? timeout : AbortSignal.any([options.signal, timeout]);
    let bytes;
    try {
      bytes = await want(exchange)(cid, { signal });
    } catch (err) {
      if (options?.signal?.aborted === true)
        throw new AbortError(`Fetching ${cid} was aborted`, { cause: err });
      if (timeout.aborted)
        throw new TimeoutError(`Block ${cid} was not found on the network within ${init.timeoutMs} ms`, { cause: err, details: { cid: cid.toString() } });
      throw err;
    }
    if (!await components.local.hasBlock(cid)) {
      await components.verify(cid, bytes);
      await components.local.putBlock(cid, bytes);
    }
    return bytes;
  };
  return {
    getBlock: async (cid, options) => fetch(cid, options, (exchange) => exchange.want.bind(exchange)),
    session(sessionOptions) {
      let session;
      let closed = false;
      return {
        getBlock: async (cid, options) => fetch(cid, options, (exchange) => {
          if (exchange.createSession == null || closed)
            return exchange.want.bind(exchange);
          session ??= exchange.createSession(sessionOptions);
          return session.want.bind(session);
        }),
        close: () => {
          closed = true;
          session?.close();
        }
      };
    }
  };
}

// ../node/dist/src/node-metrics.js
function registerNodeMetrics(metrics, sources) {
  const bitswap = (pick) => () => {
    const stats = sources.bitswap()?.stats();
    return stats == null ? 0 : pick(stats);
  };
  metrics.gauge({ name: "cairn_bitswap_wantlist_size", help: "Blocks this node wants from the network now", read: bitswap((s) => s.wants) });
  metrics.gauge({ name: "cairn_bitswap_sessions", help: "Bitswap retrieval sessions open now", read: bitswap((s) => s.sessions) });
  metrics.gauge({ name: "cairn_bitswap_peers", help: "Connected peers speaking Bitswap", read: bitswap((s) => s.peers) });
  metrics.gauge({ name: "cairn_bitswap_banned_peers", help: "Peers ignored for sending blocks not asked for", read: bitswap((s) => s.bannedPeers) });
  metrics.counter({ name: "cairn_bitswap_blocks_received_total", help: "Wanted blocks received, verified and stored", read: bitswap((s) => s.blocksReceived) });
  metrics.counter({ name: "cairn_bitswap_received_bytes_total", help: "Bytes of block data received, duplicates included", read: bitswap((s) => s.dataReceived) });
  metrics.counter({ name: "cairn_bitswap_duplicate_blocks_total", help: "Blocks received that another peer had already delivered", read: bitswap((s) => s.duplicateBlocks) });
  metrics.counter({ name: "cairn_bitswap_blocks_sent_total", help: "Blocks sent to peers", read: bitswap((s) => s.blocksSent) });
  metrics.counter({ name: "cairn_bitswap_sent_bytes_total", help: "Bytes of block data sent to peers", read: bitswap((s) => s.dataSent) });
  const provider = () => sources.provider.stats();
  metrics.gauge({ name: "cairn_provide_queue_size", help: "DHT provides waiting or running", label: "state", read: () => ({ queued: provider().queued, running: provider().running }) });
  metrics.counter({ name: "cairn_provides_total", help: "DHT provides finished, by result", label: "result", read: () => ({ success: provider().provided, failure: provider().failed }) });
  metrics.counter({ name: "cairn_reprovide_runs_total", help: "Reprovide passes run", read: () => provider().reprovideRuns });
  metrics.gauge({ name: "cairn_reprovide_last_duration_seconds", help: "How long the last reprovide pass took", read: () => provider().lastReprovideSeconds });
  metrics.gauge({ name: "cairn_dht_routing_table_peers", help: "Peers in the DHT routing table", read: () => sources.dhtPeers() ?? 0 });
  const store = (pick) => () => {
    const counters = sources.blockstore()?.counters();
    return counters == null ? 0 : pick(counters);
  };
  const stored = async (pick) => {
    const stats = await sources.blockstore()?.stats();
    return stats == null ? 0 : pick(stats);
  };
  metrics.gauge({ name: "cairn_blockstore_blocks", help: "Blocks in the block store", read: async () => stored((s) => s.blocks) });
  metrics.gauge({ name: "cairn_blockstore_size_bytes", help: "Bytes of block data in the block store", read: async () => stored((s) => s.bytes) });
  metrics.gauge({ name: "cairn_blockstore_pack_files", help: "Pack files holding live block bodies", read: store((c) => c.packFiles) });
  metrics.counter({ name: "cairn_blockstore_reads_total", help: "Blocks read from the block store since it was opened", read: store((c) => c.reads) });
  metrics.counter({ name: "cairn_blockstore_read_bytes_total", help: "Bytes read from the block store since it was opened", read: store((c) => c.readBytes) });
  metrics.counter({ name: "cairn_blockstore_writes_total", help: "New blocks written to the block store since it was opened", read: store((c) => c.writes) });
  metrics.counter({ name: "cairn_blockstore_written_bytes_total", help: "Bytes of new blocks written since the store was opened", read: store((c) => c.writtenBytes) });
  metrics.counter({ name: "cairn_gc_runs_total", help: "Garbage collections run", read: () => sources.gc().runs });
  metrics.counter({ name: "cairn_gc_removed_blocks_total", help: "Blocks removed by garbage collection", read: () => sources.gc().removedBlocks });
  metrics.counter({ name: "cairn_gc_duration_seconds_total", help: "Time spent in garbage collection", read: () => sources.gc().seconds });
  metrics.gauge({ name: "cairn_gc_last_duration_seconds", help: "How long the last garbage collection took", read: () => sources.gc().lastSeconds });
}

// ../node/dist/src/provider.js
var ContentProviderClass = class {
  strategy;
  components;
  /** Made on first use: `@libp2p/utils` is not loaded by a node that never provides (offline) */
  queue;
  queueLoading;
  concurrency;
  /** Jobs queued or running, by multihash */
  pending = /* @__PURE__ */ new Map();
  intervalMs;
  initialDelayMs;
  maxQueueSize;
  provideTimeoutMs;
  timer;
  running = false;
  shutdown = new AbortController();
  reproviding;
  counts = { provided: 0, failed: 0, reprovideRuns: 0, lastReprovideSeconds: 0 };
  constructor(components, init) {
    this.components = components;
    this.strategy = init.strategy ?? "all";
    this.intervalMs = init.intervalMs;
    this.initialDelayMs = init.initialDelayMs ?? DEFAULT_REPROVIDE_INITIAL_DELAY_MS;
    this.maxQueueSize = init.maxQueueSize ?? DEFAULT_PROVIDE_QUEUE_MAX;
    this.provideTimeoutMs = init.provideTimeoutMs ?? DEFAULT_PROVIDE_TIMEOUT_MS;
    this.concurrency = init.concurrency ?? DEFAULT_PROVIDE_CONCURRENCY;
  }
  async jobs() {
    this.queueLoading ??= import("./src-EG7TCF4S.js").then(({ Queue }) => {
      this.queue = new Queue({ concurrency: this.concurrency });
      return this.queue;
    });
    return this.queueLoading;
  }
  selects(kind) {
    if (this.strategy === "all")
      return true;
    if (this.strategy === "pinned")
      return kind !== "block";
    return kind === "pin-root";
  }
  /** Waits for queue space, then returns the job (wrapped: an async function would flatten it) */
  async enqueue(cid, options) {
    const key = cid.multihash.bytes.toString();
    const existing = this.pending.get(key);
    if (existing != null)
      return { done: existing };
    const queue = await this.jobs();
    await queue.onSizeLessThan(this.maxQueueSize, options);
    const done = queue.add(async () => {
      const signal = AbortSignal.any([this.shutdown.signal, AbortSignal.timeout(this.provideTimeoutMs)]);
      try {
        await this.components.contentRouting.provide(cid, { signal });
      } catch (err) {
        this.counts.failed++;
        throw err;
      }
      this.counts.provided++;
      this.components.log("provided %c", cid);
    }).finally(() => {
      this.pending.delete(key);
    });
    this.pending.set(key, done);
    return { done };
  }
  async announce(cids, kind, options) {
    if (!this.running || !this.selects(kind))
      return;
    for (const cid of cids) {
      const job = await this.enqueue(cid, options);
      job.done.catch((err) => {
        this.components.log.error("could not provide %c - %e", cid, err);
      });
    }
  }
  async provideNow(cids, options) {
    const jobs = [];
    for (const cid of cids)
      jobs.push((await this.enqueue(cid, options)).done);
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r) => r.status === "rejected");
    if (failed != null)
      throw failed.reason;
  }
  async forget(cids) {
    for (const cid of cids) {
      try {
        await this.components.contentRouting.cancelReprovide(cid);
      } catch (err) {
        this.components.log.trace("cancel reprovide %c failed - %e", cid, err);
      }
    }
  }
  async reprovide(options) {
    if (this.reproviding != null)
      return this.reproviding;
    const run = async () => {
      const started = performance.now();
      const signal = options?.signal == null ? this.shutdown.signal : AbortSignal.any([options.signal, this.shutdown.signal]);
      let count = 0;
      for await (const cid of this.components.listCids(this.strategy, { signal })) {
        const job = (await this.enqueue(cid, { signal })).done;
        job.catch((err) => {
          this.components.log.error("could not reprovide %c - %e", cid, err);
        });
        count++;
      }
      await (await this.jobs()).onIdle({ signal });
      this.counts.reprovideRuns++;
      this.counts.lastReprovideSeconds = (performance.now() - started) / 1e3;
      this.components.log("reprovided %d CIDs with strategy %s", count, this.strategy);
      return count;
    };
    this.reproviding = run().finally(() => {
      this.reproviding = void 0;
    });
    return this.reproviding;
  }
  async onIdle(options) {
    await this.queue?.onIdle(options);
  }
  stats() {
    return { queued: this.queue?.queued ?? 0, running: this.queue?.running ?? 0, ...this.counts };
  }
  schedule(delayMs) {
    if (!this.running || this.intervalMs <= 0)
      return;
    this.timer = setTimeout(() => {
      this.reprovide().catch((err) => {
        this.components.log.error("reprovide failed - %e", err);
      }).finally(() => {
        this.schedule(this.intervalMs);
      });
    }, delayMs);
    this.timer.unref?.();
  }
  start() {
    if (this.running)
      return;
    this.running = true;
    this.shutdown = new AbortController();
    this.schedule(Math.min(this.initialDelayMs, this.intervalMs));
  }
  stop() {
    if (!this.running)
      return;
    this.running = false;
    clearTimeout(this.timer);
    this.shutdown.abort();
    this.queue?.abort();
  }
};
function createContentProvider(components, init) {
  return new ContentProviderClass(components, init);
}

// ../node/dist/src/repo.js
import { mkdir as mkdir3, readFile, stat as stat5, writeFile } from "node:fs/promises";
import { join as join5 } from "node:path";
function repoPaths(repoPath) {
  const keystore = join5(repoPath, REPO_KEYSTORE_DIR);
  return {
    root: repoPath,
    config: join5(repoPath, REPO_CONFIG_FILE),
    keystore,
    key: join5(keystore, REPO_KEY_FILE),
    blocks: join5(repoPath, REPO_BLOCKS_DIR),
    datastore: join5(repoPath, REPO_DATASTORE_DIR)
  };
}
async function exists(path) {
  try {
    await stat5(path);
    return true;
  } catch (err) {
    if (err.code === "ENOENT")
      return false;
    throw err;
  }
}
async function isRepoInitialized(repoPath) {
  return exists(repoPaths(repoPath).config);
}
async function initRepo(repoPath, options = {}) {
  const profile = options.profile ?? "default";
  if (profile !== "default" && profile !== "test") {
    throw new InvalidParametersError(`Unknown profile "${String(profile)}": use default or test`);
  }
  const paths = repoPaths(repoPath);
  if (await exists(paths.config)) {
    throw new InvalidParametersError(`A repo already exists at ${repoPath}`, { details: { repoPath } });
  }
  const { generateKeyPair, privateKeyToProtobuf } = await import("./keys-AP74Z2VC.js");
  const { peerIdFromPrivateKey } = await import("./src-4KMKDDI2.js");
  const key = await generateKeyPair("Ed25519");
  const peerId = peerIdFromPrivateKey(key).toString();
  const config = mergeConfig(profileConfig(profile, peerId), options.config);
  config.Identity = { ...config.Identity, PeerID: peerId };
  validateConfig(config);
  await mkdir3(paths.keystore, { recursive: true, mode: 448 });
  await mkdir3(paths.blocks, { recursive: true });
  await mkdir3(paths.datastore, { recursive: true });
  await writeFile(paths.key, privateKeyToProtobuf(key), { mode: 384 });
  await writeConfigFile(paths.config, config);
  return config;
}
async function loadRepoConfig(repoPath) {
  return readConfigFile(repoPaths(repoPath).config);
}
async function loadPrivateKey(repoPath, config) {
  const file = repoPaths(repoPath).key;
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if (err.code === "ENOENT")
      throw new RepoNotInitializedError(`The repo has no key at ${file}`, { cause: err });
    throw err;
  }
  const { privateKeyFromProtobuf } = await import("./keys-AP74Z2VC.js");
  const { peerIdFromPrivateKey } = await import("./src-4KMKDDI2.js");
  let key;
  try {
    key = privateKeyFromProtobuf(bytes);
  } catch (err) {
    throw new RepoCorruptError(`The repo key ${file} cannot be read`, { cause: err });
  }
  const peerId = peerIdFromPrivateKey(key).toString();
  if (config.Identity.PeerID !== "" && config.Identity.PeerID !== peerId) {
    throw new RepoCorruptError(`The repo key is for ${peerId} but the config says ${config.Identity.PeerID}`);
  }
  return key;
}

// ../node/dist/src/node.js
function configView(config, api) {
  const view = structuredClone(config);
  for (const key of ["show", "get", "set"]) {
    Object.defineProperty(view, key, { value: api[key], enumerable: false });
  }
  return view;
}
var StoreSlot = class {
  current;
  /** The slice Bitswap and the network getter use, always on the current store */
  view;
  constructor() {
    this.view = {
      getBlock: async (cid, options) => this.get().getBlock(cid, options),
      putBlock: async (cid, bytes, options) => this.get().putBlock(cid, bytes, options),
      putBlocks: async (blocks, options) => this.get().putBlocks(blocks, options),
      hasBlock: async (cid, options) => this.get().hasBlock(cid, options)
    };
  }
  get() {
    if (this.current == null)
      throw new NotStartedError("The node is not started: its block store is closed");
    return this.current;
  }
};
var CairnNodeClass = class {
  peerId;
  repoPath;
  offline;
  metrics;
  config;
  blocks;
  provider;
  pin;
  block;
  dag;
  repo;
  swarm;
  routing;
  pubsub;
  stats;
  bootstrap;
  stores;
  children;
  log;
  #libp2p;
  /** Shared by every file read: many concurrent readers hold a bounded total of blocks read ahead */
  readAhead = createReadAheadBudget(DEFAULT_READ_AHEAD_BLOCKS);
  #status = "stopped";
  /** The start or stop under way: a second call waits for it */
  #transition;
  constructor(parts) {
    this.stores = parts.stores;
    this.repoPath = parts.repoPath;
    this.offline = parts.offline;
    this.#libp2p = parts.libp2p;
    this.metrics = parts.metrics;
    this.peerId = parts.peerId;
    this.log = parts.logger.forComponent("cairn:node");
    const skipped = parts.skippedListenAddresses ?? [];
    if (!this.offline && skipped.length > 0)
      this.log("not listening on %s: no TCP/WebSockets transport serves them", skipped.join(", "));
    const configStore = createConfigStore(repoPaths(this.repoPath).config);
    this.config = configView(parts.config, createConfigApi(configStore));
    const stores = this.stores;
    this.blocks = createNetworkGetter({
      local: stores.view,
      verify: verifyBlock,
      exchange: () => this.#libp2p?.services.bitswap,
      log: this.log.newScope("getter")
    }, { offline: this.offline, timeoutMs: parts.fetchTimeoutMs });
    this.provider = createContentProvider({
      contentRouting: {
        provide: async (cid, options) => {
          await this.online().contentRouting.provide(cid, options);
        },
        cancelReprovide: async (cid, options) => {
          await this.online().contentRouting.cancelReprovide(cid, options);
        }
      },
      log: this.log.newScope("provider"),
      listCids: (strategy, options) => this.strategyCids(strategy, options)
    }, {
      strategy: this.config.Reprovider.Strategy,
      intervalMs: this.offline || this.config.Routing.Type === "none" ? 0 : parseDuration(this.config.Reprovider?.Interval ?? "22h"),
      initialDelayMs: parts.reprovideInitialDelayMs
    });
    this.bootstrap = createBootstrapApi(configStore);
    this.swarm = createSwarmApi(() => this.online());
    this.pubsub = createPubsubApi(() => required(this.onlineServices().pubsub, "gossipsub"));
    this.routing = createRoutingApi({
      libp2p: () => this.online(),
      provider: () => this.provider,
      parseCid,
      walk: (root, options) => this.walkLocal(root, options)
    });
    const metrics = this.metrics;
    this.stats = {
      bw: async () => metrics?.bandwidth() ?? { totalIn: 0n, totalOut: 0n, rateIn: 0, rateOut: 0 },
      // the counters `cairn_bitswap_*` read too
      bitswap: async () => {
        const exchange = required(this.onlineServices().bitswap, "Bitswap");
        const s = exchange.stats();
        return {
          wantlist: exchange.wantlist(),
          peers: exchange.peers().map(String),
          blocksReceived: s.blocksReceived,
          dataReceived: s.dataReceived,
          blocksSent: s.blocksSent,
          dataSent: s.dataSent,
          dupBlksReceived: s.duplicateBlocks,
          dupDataReceived: s.duplicateData
        };
      }
    };
    const content = {
      repoPath: this.repoPath,
      config: this.config,
      get blockstore() {
        return stores.get();
      },
      blocks: this.blocks,
      provider: this.provider,
      putter: () => this.putter(),
      resolve: async (path, options) => this.resolve(path, options),
      announceDags: (roots, kind) => {
        this.announceDags(roots, kind);
      }
    };
    this.pin = createPinApi(content);
    this.block = createBlockApi(content);
    this.dag = createDagApi(content);
    const repo = createRepoApi(content);
    this.repo = repo;
    if (metrics != null) {
      registerNodeMetrics(metrics, {
        bitswap: () => this.#libp2p?.services.bitswap,
        provider: this.provider,
        blockstore: () => stores.current,
        gc: () => repo.gcStats(),
        dhtPeers: () => this.#libp2p?.services.dht?.routingTable.size
      });
    }
    this.children = this.lifecycle(parts);
  }
  get blockstore() {
    return this.stores.get();
  }
  get libp2p() {
    return this.online();
  }
  get status() {
    return this.#status;
  }
  // --- lifecycle ---------------------------------------------------------------------------------
  /** What `start()` runs, in order; `stop()` runs it backwards */
  lifecycle(parts) {
    const paths = repoPaths(this.repoPath);
    const children = [{
      name: "block store",
      start: async () => {
        this.stores.current = await createBlockstore({ path: paths.blocks, logger: parts.logger });
      },
      stop: async () => {
        const store = this.stores.current;
        this.stores.current = void 0;
        await store?.close();
      }
    }];
    const datastore = parts.datastore;
    if (datastore != null) {
      children.push({
        name: "datastore",
        start: async () => {
          try {
            await datastore.db.open();
            await datastore.open();
          } catch (err) {
            throw levelOpenError(err, `The repo's datastore at ${paths.datastore}`);
          }
        },
        stop: async () => {
          await datastore.close();
        }
      });
    }
    if (!this.offline) {
      children.push({
        name: "libp2p",
        start: async () => {
          await this.startLibp2p();
        },
        stop: async () => {
          await this.libp2p.stop();
        }
      }, {
        name: "provider",
        start: async () => {
          this.provider.start();
        },
        stop: async () => {
          this.provider.stop();
        }
      });
    }
    return children;
  }
  async start() {
    while (this.#transition != null)
      await this.#transition.catch(() => {
      });
    if (this.#status === "started")
      return;
    this.#transition = this.startChildren().finally(() => {
      this.#transition = void 0;
    });
    await this.#transition;
  }
  async stop() {
    while (this.#transition != null)
      await this.#transition.catch(() => {
      });
    if (this.#status === "stopped")
      return;
    this.#transition = this.stopChildren().finally(() => {
      this.#transition = void 0;
    });
    await this.#transition;
  }
  async startChildren() {
    this.#status = "starting";
    const started = [];
    try {
      for (const child of this.children) {
        await child.start();
        started.push(child);
      }
    } catch (err) {
      this.log.error("start failed, stopping what started - %e", err);
      await this.stopEach(started.reverse());
      this.#status = "stopped";
      throw err;
    }
    this.#status = "started";
    this.log("started");
  }
  async stopChildren() {
    this.#status = "stopping";
    const failures = await this.stopEach([...this.children].reverse());
    this.#status = "stopped";
    this.log("stopped");
    if (failures.length > 0)
      throw failures[0];
  }
  /** Stops each child even when one fails; returns the failures */
  async stopEach(children) {
    const failures = [];
    for (const child of children) {
      try {
        await child.stop();
      } catch (err) {
        this.log.error("stopping the %s failed - %e", child.name, err);
        failures.push(err);
      }
    }
    return failures;
  }
  /** libp2p undoes its own partial start; a listen address it cannot use becomes ListenError */
  async startLibp2p() {
    try {
      await this.libp2p.start();
    } catch (err) {
      if (err?.name === "UnsupportedListenAddressesError") {
        const detail = String(err.message).split("\n").map((l) => l.trim()).find((l) => l.startsWith("/")) ?? "";
        throw new ListenError(`Cannot listen on Addresses.Swarm ${detail}`.trim(), { cause: err });
      }
      throw err;
    }
  }
  online() {
    if (this.#libp2p == null)
      throw new OfflineError("This command needs the network and the node is offline");
    return this.#libp2p;
  }
  onlineServices() {
    this.online();
    return this.libp2p.services;
  }
  // --- identity ----------------------------------------------------------------------------------
  async id(options = {}) {
    const identity2 = await import("./identity-PVR3H7II.js");
    if (options.peerId != null && options.peerId !== this.peerId)
      return identity2.peerIdentity(this.online(), options.peerId, options);
    const libp2p = this.#libp2p;
    const publicKey = libp2p != null ? libp2p.peerId.publicKey : (await loadPrivateKey(this.repoPath, this.config)).publicKey;
    return {
      id: this.peerId,
      publicKey: identity2.encodePublicKey(publicKey),
      addresses: libp2p?.getMultiaddrs().map((ma) => ma.toString()) ?? [],
      agentVersion: AGENT_VERSION,
      protocolVersion: "ipfs/0.1.0",
      protocols: libp2p?.getProtocols().sort() ?? []
    };
  }
  async version() {
    return { version: CAIRN_VERSION, commit: "", repo: REPO_VERSION, system: `${process.arch}/${process.platform}` };
  }
  // --- UnixFS ------------------------------------------------------------------------------------
  add(source, options = {}) {
    const cancel = new AbortController();
    const signal = options.signal == null ? cancel.signal : AbortSignal.any([options.signal, cancel.signal]);
    let settled = false;
    const out = pushable({
      objectMode: true,
      onEnd: () => {
        if (!settled)
          cancel.abort();
      }
    });
    const pin = options.pin ?? true;
    const onlyHash = options.onlyHash ?? false;
    const run = async () => {
      const roots = [];
      await this.blockstore.withAddLock(async () => {
        for await (const result of importer(source, this.putter(), { ...options, signal })) {
          if (options.wrapWithDirectory === true ? result.path === "" : !result.path.includes("/"))
            roots.push(result.cid);
          out.push(result);
        }
        if (onlyHash)
          return;
        if (pin) {
          signal.throwIfAborted();
          for (const root of roots)
            await this.blockstore.pins.add(root, { recursive: true, signal });
        }
      });
      if (!onlyHash)
        this.announceDags(roots, pin ? "pin-root" : "block");
    };
    run().then(() => {
      settled = true;
      out.end();
    }, (err) => {
      settled = true;
      out.end(err);
    });
    return out;
  }
  /** The store, and Bitswap told of every new block so peers already wanting it get it */
  putter() {
    const store = this.blockstore;
    const exchange = this.#libp2p?.services.bitswap;
    if (exchange == null)
      return store;
    return {
      putBlock: async (cid, bytes, options) => {
        await store.putBlock(cid, bytes, options);
        exchange.notify([{ cid, bytes }]);
      },
      putBlocks: async (blocks, options) => {
        await store.putBlocks(blocks, options);
        exchange.notify(blocks);
      }
    };
  }
  cat(path, options = {}) {
    return streamWithSession(this.blocks, options, (getter) => cat(path, getter, { ...options, readAhead: this.readAhead }));
  }
  get(path, options = {}) {
    return streamWithSession(this.blocks, options, (getter) => get(path, getter, { ...options, readAhead: this.readAhead }));
  }
  ls(path, options = {}) {
    return streamWithSession(this.blocks, options, (getter) => withoutFileError(ls(path, getter, options), async () => {
      await resolvePath(path, getter, options);
    }));
  }
  async stat(path, options = {}) {
    return withSession(this.blocks, options, async (getter) => stat(path, getter, options));
  }
  async resolve(path, options) {
    if (path instanceof CID || CID.asCID(path) != null)
      return CID.asCID(path);
    const resolved = await resolvePath(path, this.blocks, options);
    return resolved.cid;
  }
  // --- providing ---------------------------------------------------------------------------------
  /** Every CID of a DAG, read from the local store (missing blocks are skipped) */
  async *walkLocal(root, options) {
    const seen = /* @__PURE__ */ new Set();
    const stack = [root];
    while (stack.length > 0) {
      options?.signal?.throwIfAborted();
      const cid = stack.pop();
      const key = cid.multihash.bytes.toString();
      if (seen.has(key))
        continue;
      seen.add(key);
      yield cid;
      let bytes;
      try {
        bytes = await this.blockstore.getBlock(cid, options);
      } catch (err) {
        if (hasCode(err, NotFoundError.code))
          continue;
        throw err;
      }
      stack.push(...blockLinks(cid, bytes).reverse());
    }
  }
  /** After an add, import or pin: the roots now, and with strategy `all` every block, in the background */
  announceDags(roots, kind) {
    if (this.offline || roots.length === 0)
      return;
    const run = async () => {
      await this.provider.announce(roots, kind);
      if (this.provider.strategy === "roots")
        return;
      if (this.provider.strategy === "pinned" && kind !== "pin-root")
        return;
      for (const root of roots) {
        for await (const cid of this.walkLocal(root)) {
          if (!cid.equals(root))
            await this.provider.announce([cid], kind === "pin-root" ? "pinned" : "block");
        }
      }
    };
    run().catch((err) => {
      this.log.error("announcing new content failed - %e", err);
    });
  }
  async *strategyCids(strategy, options) {
    if (strategy === "all") {
      for await (const { cid } of this.blockstore.getAll(options))
        yield cid;
      return;
    }
    for await (const entry of this.blockstore.pins.ls({ type: "all", signal: options?.signal })) {
      if (strategy === "roots" && entry.type === "indirect")
        continue;
      yield entry.cid;
    }
  }
};
async function createNode(init) {
  if (init == null || typeof init.repoPath !== "string" || init.repoPath === "") {
    throw new InvalidParametersError("createNode needs init.repoPath");
  }
  const repoPath = init.repoPath;
  const offline = init.offline ?? false;
  if (!await isRepoInitialized(repoPath)) {
    if (init.initIfMissing !== true)
      throw new RepoNotInitializedError(`No repo found at ${repoPath}: run \`cairn init\``, { details: { repoPath } });
    try {
      await initRepo(repoPath);
    } catch (err) {
      if (!await isRepoInitialized(repoPath))
        throw err;
    }
  }
  const fileConfig = await loadRepoConfig(repoPath);
  const config = validateConfig(mergeConfig(fileConfig, init.config));
  config.Identity = fileConfig.Identity;
  const paths = repoPaths(repoPath);
  const gatewayTimeout = config.Gateway?.Timeout != null ? parseDuration(config.Gateway.Timeout) : DEFAULT_FETCH_TIMEOUT_MS;
  const logger = init.logger ?? defaultLogger();
  const metrics = init.metrics ?? !offline ? (await import("./metrics-BVPJXF2B.js")).createNodeMetrics({ statfsPath: repoPath }) : void 0;
  const stores = new StoreSlot();
  const parts = {
    stores,
    repoPath,
    config,
    offline,
    logger,
    metrics,
    fetchTimeoutMs: init.fetchTimeoutMs ?? gatewayTimeout,
    reprovideInitialDelayMs: init.reprovideInitialDelayMs
  };
  let node;
  if (offline) {
    const peerId = fileConfig.Identity.PeerID !== "" ? fileConfig.Identity.PeerID : (await import("./src-4KMKDDI2.js")).peerIdFromPrivateKey(await loadPrivateKey(repoPath, fileConfig)).toString();
    node = new CairnNodeClass({ ...parts, peerId });
  } else {
    const { buildOnlineParts } = await import("./online-WGOZCTJY.js");
    const privateKey = await loadPrivateKey(repoPath, fileConfig);
    const online = await buildOnlineParts({
      config,
      privateKey,
      datastorePath: paths.datastore,
      logger,
      metrics,
      blockstore: stores.view
    });
    node = new CairnNodeClass({ ...parts, ...online, peerId: online.libp2p.peerId.toString() });
  }
  if (init.start !== false)
    await node.start();
  return node;
}
function required(service, name) {
  if (service == null)
    throw new NotStartedError(`The node has no ${name} service`);
  return service;
}
async function* withoutFileError(entries, resolves) {
  try {
    yield* entries;
  } catch (err) {
    if (err?.name !== "NotADirectoryError")
      throw err;
    try {
      await resolves();
    } catch (resolveErr) {
      if (resolveErr?.name !== "NotADirectoryError")
        throw resolveErr;
      throw new NotFoundError(resolveErr.message, { cause: resolveErr });
    }
  }
}

// ../node/dist/src/gc-tuning.js
import { setFlagsFromString } from "node:v8";
var GC_TUNING_FLAGS = ["--external-memory-accounted-in-global-limit"];
var GC_TUNING_V8_MIN = [13, 6];
function supportsGcTuning(v8Version = process.versions.v8) {
  const [major, minor] = v8Version.split(".").map(Number);
  return major > GC_TUNING_V8_MIN[0] || major === GC_TUNING_V8_MIN[0] && minor >= GC_TUNING_V8_MIN[1];
}
var tuned = false;
function tuneGarbageCollector() {
  if (tuned)
    return;
  tuned = true;
  if (!supportsGcTuning())
    return;
  for (const flag of GC_TUNING_FLAGS)
    setFlagsFromString(flag);
}

// ../../apps/cli/dist/src/backend.js
async function startDaemon(repoPath, options) {
  const { createGateway } = await import("./src-BJ6VN3FJ.js");
  const node = await createNode({
    repoPath,
    offline: options.offline,
    // the RPC serves /debug/metrics/prometheus, offline daemons included
    metrics: true,
    config: options.swarm != null ? { Addresses: { Swarm: options.swarm } } : void 0
  });
  try {
    const api = multiaddrToHostPort(options.api ?? node.config.Addresses?.API ?? DEFAULT_API_MULTIADDR);
    const gateway = multiaddrToHostPort(options.gateway ?? node.config.Addresses?.Gateway ?? DEFAULT_GATEWAY_MULTIADDR);
    const servers = await createGateway(node, { api, gateway });
    await servers.start();
    if (servers.gatewayUrl == null || servers.apiUrl == null || servers.apiMultiaddr == null) {
      await servers.stop();
      throw new Error("the gateway started without its listeners");
    }
    return {
      node,
      gatewayUrl: servers.gatewayUrl,
      apiUrl: servers.apiUrl,
      apiMultiaddr: servers.apiMultiaddr,
      async stop() {
        await servers.stop();
        await node.stop();
      }
    };
  } catch (err) {
    await node.stop();
    throw err;
  }
}
function createBackend() {
  return {
    isRepoInitialized,
    async initRepo(repoPath, options) {
      const config = await initRepo(repoPath, { profile: options.profile });
      return config.Identity.PeerID;
    },
    async openOffline(repoPath) {
      tuneGarbageCollector();
      return createNode({ repoPath, offline: true });
    },
    startDaemon
  };
}
export {
  createBackend
};
