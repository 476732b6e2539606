import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  bases_default
} from "./chunk-S6UWZNPS.js";

// ../../node_modules/.pnpm/uint8arrays@6.1.1/node_modules/uint8arrays/dist/src/to-string.node.js
import { Buffer } from "node:buffer";
function toString(array, encoding = "utf8") {
  const base = bases_default[encoding];
  if (base == null) {
    throw new Error(`Unsupported encoding "${encoding}"`);
  }
  if (encoding === "utf8" || encoding === "utf-8") {
    return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("utf8");
  }
  return base.encoder.encode(array).substring(1);
}

export {
  toString
};
