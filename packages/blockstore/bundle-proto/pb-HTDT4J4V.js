import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UNIXFS_DIRECTORY,
  UNIXFS_FILE,
  UNIXFS_HAMT,
  UNIXFS_METADATA,
  UNIXFS_RAW,
  UNIXFS_SYMLINK,
  decodePb,
  decodeUnixfs,
  encodeFileParentData,
  encodeLeaf,
  encodeNode,
  frameLeaf,
  leafLayout,
  linkLength
} from "./chunk-OKS6SJPH.js";
import "./chunk-WR3JJZEG.js";
import "./chunk-UVAGLUXE.js";
import "./chunk-DRLROITU.js";
import "./chunk-VQY7AHAT.js";
import "./chunk-SWTR4ACN.js";
import "./chunk-S6UWZNPS.js";
import "./chunk-ROPHLTMV.js";
import "./chunk-OBWUN26Y.js";
export {
  UNIXFS_DIRECTORY,
  UNIXFS_FILE,
  UNIXFS_HAMT,
  UNIXFS_METADATA,
  UNIXFS_RAW,
  UNIXFS_SYMLINK,
  decodePb,
  decodeUnixfs,
  encodeFileParentData,
  encodeLeaf,
  encodeNode,
  frameLeaf,
  leafLayout,
  linkLength
};
