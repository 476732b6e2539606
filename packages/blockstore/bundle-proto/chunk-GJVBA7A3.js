import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// ../../node_modules/.pnpm/main-event@1.0.5/node_modules/main-event/dist/src/events.js
import { setMaxListeners as nodeSetMaxListeners } from "node:events";
var setMaxListeners = (n, ...eventTargets) => {
  try {
    nodeSetMaxListeners(n, ...eventTargets);
  } catch {
  }
};

// ../../node_modules/.pnpm/main-event@1.0.5/node_modules/main-event/dist/src/index.js
function isEventObject(obj) {
  return typeof obj?.handleEvent === "function";
}
function isBoolean(obj) {
  return obj === true || obj === false;
}
function flattenOptions(options) {
  if (isBoolean(options)) {
    return options;
  }
  return options?.capture ?? false;
}
function flattenMoreOptions(options) {
  const opts = {
    capture: flattenOptions(options),
    once: Boolean(options?.once)
  };
  if (options?.passive != null) {
    opts.passive = options?.passive;
  }
  if (options?.signal != null) {
    opts.signal = options?.signal;
  }
  return opts;
}
function captureIsEqual(optsA, optsB) {
  return flattenMoreOptions(optsA).capture === flattenMoreOptions(optsB).capture;
}
var TypedEventEmitter = class extends EventTarget {
  #listeners = /* @__PURE__ */ new Map();
  constructor() {
    super();
    setMaxListeners(Infinity, this);
  }
  listenerCount(type) {
    const listeners = this.#listeners.get(type);
    if (listeners == null) {
      return 0;
    }
    return listeners.length;
  }
  addEventListener(type, listener, opts) {
    const options = flattenMoreOptions(opts);
    if (options?.signal?.aborted === true) {
      return;
    }
    const wrapper = (evt) => {
      if (options.once) {
        this.removeEventListener(type, listener, options);
      }
      if (isEventObject(listener)) {
        listener.handleEvent(evt);
      } else {
        listener(evt);
      }
    };
    let list = this.#listeners.get(type);
    if (list == null) {
      list = [];
      this.#listeners.set(type, list);
    }
    const alreadyListening = list.some((entry) => {
      if (entry.callback !== listener) {
        return false;
      }
      return captureIsEqual(entry.options, options);
    });
    if (alreadyListening) {
      return;
    }
    super.addEventListener(type, wrapper, options);
    const onAbort = () => {
      this.removeEventListener(type, listener, options);
    };
    options.signal?.addEventListener("abort", onAbort);
    list.push({
      callback: listener,
      wrapper,
      options,
      onAbort
    });
  }
  removeEventListener(type, listener, options) {
    const list = this.#listeners.get(type);
    if (list == null) {
      super.removeEventListener(type, listener ?? null, options);
      return;
    }
    this.#listeners.set(type, list.filter((entry) => {
      if (entry.callback === listener && captureIsEqual(entry.options, options)) {
        super.removeEventListener(type, entry.wrapper, options);
        entry.options?.signal?.removeEventListener("abort", entry.onAbort);
        return false;
      }
      return true;
    }));
  }
  safeDispatchEvent(type, detail = {}) {
    return this.dispatchEvent(new CustomEvent(type, detail));
  }
};

export {
  setMaxListeners,
  TypedEventEmitter
};
