import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// ../../node_modules/.pnpm/uint8arrays@6.1.1/node_modules/uint8arrays/dist/src/alloc.node.js
import { Buffer } from "node:buffer";

// ../../node_modules/.pnpm/uint8arrays@6.1.1/node_modules/uint8arrays/dist/src/util/as-uint8array.node.js
function asUint8Array(buf) {
  if (buf.buffer instanceof ArrayBuffer) {
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const b = buf.slice();
  return new Uint8Array(b.buffer, 0, b.byteLength);
}

// ../../node_modules/.pnpm/uint8arrays@6.1.1/node_modules/uint8arrays/dist/src/alloc.node.js
function alloc(size = 0) {
  return asUint8Array(Buffer.alloc(size));
}
function allocUnsafe(size = 0) {
  return asUint8Array(Buffer.allocUnsafe(size));
}

export {
  asUint8Array,
  alloc,
  allocUnsafe
};
