import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  asUint8Array
} from "./chunk-ROPHLTMV.js";

// ../../node_modules/.pnpm/uint8arrays@6.1.1/node_modules/uint8arrays/dist/src/concat.node.js
import { Buffer } from "node:buffer";
function concat(arrays, length) {
  return asUint8Array(Buffer.concat(arrays, length));
}

// ../../node_modules/.pnpm/uint8arrays@6.1.1/node_modules/uint8arrays/dist/src/equals.js
function equals(a, b) {
  if (a === b) {
    return true;
  }
  if (a.byteLength !== b.byteLength) {
    return false;
  }
  for (let i = 0; i < a.byteLength; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

export {
  concat,
  equals
};
