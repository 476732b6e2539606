import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// ../../node_modules/.pnpm/p-defer@4.0.1/node_modules/p-defer/index.js
function pDefer() {
  const deferred = {};
  deferred.promise = new Promise((resolve, reject) => {
    deferred.resolve = resolve;
    deferred.reject = reject;
  });
  return deferred;
}

// ../../node_modules/.pnpm/uint8arrays@6.1.1/node_modules/uint8arrays/dist/src/compare.node.js
import { Buffer } from "node:buffer";
function compare(a, b) {
  return Buffer.compare(a, b);
}

export {
  pDefer,
  compare
};
