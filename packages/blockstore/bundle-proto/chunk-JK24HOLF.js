import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_BOOTSTRAP_ADDRESSES,
  DEFAULT_CONNMGR_GRACE_PERIOD,
  DEFAULT_CONNMGR_HIGH_WATER,
  DEFAULT_CONNMGR_LOW_WATER
} from "./chunk-TSOVMAPR.js";
import {
  InvalidParametersError,
  RepoCorruptError,
  RepoNotInitializedError,
  parseDuration
} from "./chunk-UVAGLUXE.js";
import {
  pushable,
  raceSignal
} from "./chunk-L5A6ETKM.js";
import {
  TypedEventEmitter,
  setMaxListeners
} from "./chunk-GJVBA7A3.js";

// ../node/dist/src/config.js
import { readFile, rename, writeFile } from "node:fs/promises";
function defaultConfig(peerId = "") {
  return {
    Identity: { PeerID: peerId },
    Addresses: {
      Swarm: ["/ip4/0.0.0.0/tcp/4001", "/ip6/::/tcp/4001", "/ip4/0.0.0.0/tcp/4002/ws"],
      Announce: [],
      NoAnnounce: [],
      API: "/ip4/127.0.0.1/tcp/5001",
      Gateway: "/ip4/127.0.0.1/tcp/8080"
    },
    Bootstrap: [...DEFAULT_BOOTSTRAP_ADDRESSES],
    Discovery: { MDNS: { Enabled: true } },
    Routing: { Type: "auto" },
    Reprovider: { Interval: "22h", Strategy: "all" },
    Swarm: {
      ConnMgr: {
        LowWater: DEFAULT_CONNMGR_LOW_WATER,
        HighWater: DEFAULT_CONNMGR_HIGH_WATER,
        GracePeriod: DEFAULT_CONNMGR_GRACE_PERIOD
      }
    },
    Datastore: { StorageMax: "10GB" },
    Gateway: { Timeout: "60s" },
    API: { HTTPHeaders: {} },
    Import: { CidVersion: 0, UnixFSRawLeaves: false, UnixFSChunker: "size-262144" }
  };
}
var TEST_PROFILE = {
  Addresses: {
    Swarm: ["/ip4/127.0.0.1/tcp/0"],
    API: "/ip4/127.0.0.1/tcp/0",
    Gateway: "/ip4/127.0.0.1/tcp/0"
  },
  Bootstrap: [],
  Discovery: { MDNS: { Enabled: false } },
  Routing: { Type: "dhtserver" }
};
function profileConfig(profile, peerId) {
  const base = defaultConfig(peerId);
  return profile === "test" ? mergeConfig(base, TEST_PROFILE) : base;
}
function isPlainObject(value) {
  return value != null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Uint8Array);
}
function mergeConfig(base, overrides) {
  if (overrides == null)
    return structuredClone(base);
  const out = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === void 0)
      continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfig(current, value) : structuredClone(value);
  }
  return out;
}
function splitKey(key) {
  const parts = key.split(".");
  if (key === "" || parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")) {
    throw new InvalidParametersError(`Invalid config key "${key}"`);
  }
  return parts;
}
function getConfigValue(config, key) {
  let cursor = config;
  for (const part of splitKey(key)) {
    if (!isPlainObject(cursor) || !Object.hasOwn(cursor, part))
      return void 0;
    cursor = cursor[part];
  }
  return cursor;
}
function setConfigValue(config, key, value) {
  const parts = splitKey(key);
  const out = structuredClone(config);
  let cursor = out;
  for (const part of parts.slice(0, -1)) {
    const next = cursor[part];
    if (next === void 0) {
      cursor[part] = {};
    } else if (!isPlainObject(next)) {
      throw new InvalidParametersError(`Cannot set "${key}": "${part}" is not an object`);
    }
    cursor = cursor[part];
  }
  cursor[parts[parts.length - 1]] = structuredClone(value);
  return out;
}
function validateConfig(config) {
  if (!isPlainObject(config))
    throw new RepoCorruptError("The repo config is not a JSON object");
  const c = config;
  const isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
  if (!isPlainObject(c.Identity) || typeof c.Identity.PeerID !== "string")
    throw new RepoCorruptError("config: Identity.PeerID is missing");
  if (!isPlainObject(c.Addresses) || !isStringArray(c.Addresses.Swarm))
    throw new RepoCorruptError("config: Addresses.Swarm must be an array of multiaddrs");
  if (!isStringArray(c.Bootstrap))
    throw new RepoCorruptError("config: Bootstrap must be an array of multiaddrs");
  if (!["all", "pinned", "roots"].includes(c.Reprovider?.Strategy))
    throw new RepoCorruptError("config: Reprovider.Strategy must be all, pinned or roots");
  if (!["auto", "dht", "dhtclient", "dhtserver", "none"].includes(c.Routing?.Type))
    throw new RepoCorruptError("config: Routing.Type must be auto, dht, dhtclient, dhtserver or none");
  parseDuration(c.Reprovider.Interval);
  return c;
}
function parseBytes(value) {
  if (typeof value === "number")
    return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?i?b?)?\s*$/i.exec(value);
  if (m == null)
    throw new InvalidParametersError(`Invalid size "${value}"`);
  let unit = (m[2] ?? "").toLowerCase().replace(/b$/, "");
  const binary = unit.endsWith("i");
  if (binary)
    unit = unit.slice(0, -1);
  const power = ["", "k", "m", "g", "t", "p"].indexOf(unit);
  if (power < 0)
    throw new InvalidParametersError(`Invalid size "${value}"`);
  return Math.round(Number(m[1]) * (binary ? 1024 : 1e3) ** power);
}
async function readConfigFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT")
      throw new RepoNotInitializedError(void 0, { cause: err, details: { file } });
    throw err;
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new RepoCorruptError(`The repo config ${file} is not valid JSON`, { cause: err });
  }
  return validateConfig(parsed);
}
async function writeConfigFile(file, config) {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(config, null, 2) + "\n", { mode: 384 });
  await rename(tmp, file);
}

// ../../node_modules/.pnpm/abort-error@1.0.2/node_modules/abort-error/dist/src/index.js
var AbortError = class extends Error {
  static name = "AbortError";
  name = "AbortError";
  constructor(message = "The operation was aborted", ...rest) {
    super(message, ...rest);
  }
};

// ../../node_modules/.pnpm/race-event@1.6.1/node_modules/race-event/dist/src/index.js
async function raceEvent(emitter, eventName, signal, opts) {
  const error = new AbortError(opts?.errorMessage);
  if (opts?.errorCode != null) {
    error.code = opts.errorCode;
  }
  const errorEvent = opts?.errorEvent ?? "error";
  if (signal?.aborted === true) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    function removeListeners() {
      removeListener(signal, "abort", abortListener);
      removeListener(emitter, eventName, eventListener);
      removeListener(emitter, errorEvent, errorEventListener);
    }
    const eventListener = (evt) => {
      try {
        if (opts?.filter?.(evt) === false) {
          return;
        }
      } catch (err) {
        removeListeners();
        reject(err);
        return;
      }
      removeListeners();
      resolve(evt);
    };
    const errorEventListener = (evt) => {
      removeListeners();
      if (evt instanceof Error) {
        reject(evt);
        return;
      }
      reject(evt.detail ?? opts?.error ?? new Error(`The "${opts?.errorEvent}" event was emitted but the event had no '.detail' field. Pass an 'error' option to race-event to change this message.`));
    };
    const abortListener = () => {
      removeListeners();
      reject(error);
    };
    addListener(signal, "abort", abortListener);
    addListener(emitter, eventName, eventListener);
    addListener(emitter, errorEvent, errorEventListener);
  });
}
function addListener(emitter, event, listener) {
  if (emitter == null) {
    return;
  }
  if (isEventTarget(emitter)) {
    emitter.addEventListener(event, listener);
  } else {
    emitter.addListener(event, listener);
  }
}
function removeListener(emitter, event, listener) {
  if (emitter == null) {
    return;
  }
  if (isEventTarget(emitter)) {
    emitter.removeEventListener(event, listener);
  } else {
    emitter.removeListener(event, listener);
  }
}
function isEventTarget(emitter) {
  return typeof emitter.addEventListener === "function" && typeof emitter.removeEventListener === "function";
}

// ../../node_modules/.pnpm/it-queue@1.1.4/node_modules/it-queue/dist/src/errors.js
var QueueFullError = class extends Error {
  static name = "QueueFullError";
  constructor(message = "The queue was full") {
    super(message);
    this.name = "QueueFullError";
  }
};

// ../../node_modules/.pnpm/it-queue@1.1.4/node_modules/it-queue/dist/src/recipient.js
var JobRecipient = class {
  deferred;
  signal;
  constructor(signal) {
    this.signal = signal;
    this.deferred = Promise.withResolvers();
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

// ../../node_modules/.pnpm/it-queue@1.1.4/node_modules/it-queue/dist/src/job.js
function randomId() {
  return `${parseInt(String(Math.random() * 1e9), 10).toString()}${Date.now()}`;
}
var Job = class {
  id;
  fn;
  options;
  recipients;
  status;
  timeline;
  controller;
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
  async join(options = {}) {
    const recipient = new JobRecipient(options.signal);
    this.recipients.push(recipient);
    options.signal?.addEventListener("abort", this.onAbort);
    return recipient.deferred.promise;
  }
  async run() {
    this.status = "running";
    this.timeline.started = Date.now();
    try {
      this.controller.signal.throwIfAborted();
      const result = await raceSignal(this.fn({
        ...this.options ?? {},
        signal: this.controller.signal
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
      recipient.cleanup();
      recipient.signal?.removeEventListener("abort", this.onAbort);
    });
  }
};

// ../../node_modules/.pnpm/it-queue@1.1.4/node_modules/it-queue/dist/src/utils.js
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

// ../../node_modules/.pnpm/it-queue@1.1.4/node_modules/it-queue/dist/src/index.js
var Queue = class extends TypedEventEmitter {
  concurrency;
  maxSize;
  queue;
  pending;
  sort;
  autoStart;
  constructor(init = {}) {
    super();
    this.concurrency = init.concurrency ?? Number.POSITIVE_INFINITY;
    this.maxSize = init.maxSize ?? Number.POSITIVE_INFINITY;
    this.pending = 0;
    this.autoStart = init.autoStart ?? true;
    this.sort = init.sort;
    this.queue = [];
    this.emitEmpty = debounce(this.emitEmpty.bind(this), 1);
    this.emitIdle = debounce(this.emitIdle.bind(this), 1);
  }
  [Symbol.asyncIterator]() {
    return this.toGenerator();
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
  tryToStartAnother() {
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
        this.safeDispatchEvent("next");
        if (this.autoStart) {
          this.tryToStartAnother();
        }
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
   * Start the queue. If the `autoStart` parameter passed to the constructor was
   * not `false` this is a no-op
   */
  start() {
    if (this.autoStart !== false) {
      return;
    }
    this.autoStart = true;
    this.tryToStartAnother();
  }
  /**
   * Prevent further jobs from running - call `.start` to start the queue again
   */
  pause() {
    this.autoStart = false;
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
    if (this.autoStart) {
      this.tryToStartAnother();
    }
    return job.join(options).then((result) => {
      this.safeDispatchEvent("success", { detail: { job, result } });
      return result;
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
    await raceEvent(this, "empty", options?.signal);
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
    await raceEvent(this, "next", options?.signal, {
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
    await raceEvent(this, "idle", options?.signal);
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
        stream.push(evt.detail.result);
      }
    };
    const onQueueError = (evt) => {
      cleanup(evt.detail.error);
    };
    const onQueueIdle = () => {
      cleanup();
    };
    const onSignalAbort = () => {
      cleanup(new AbortError("Queue aborted"));
    };
    this.addEventListener("success", onQueueJobComplete);
    this.addEventListener("failure", onQueueError);
    this.addEventListener("idle", onQueueIdle);
    options?.signal?.addEventListener("abort", onSignalAbort);
    try {
      yield* stream;
    } finally {
      this.removeEventListener("success", onQueueJobComplete);
      this.removeEventListener("failure", onQueueError);
      this.removeEventListener("idle", onQueueIdle);
      options?.signal?.removeEventListener("abort", onSignalAbort);
      cleanup();
    }
  }
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/node.js
import cluster from "node:cluster";
import worker from "node:worker_threads";

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/constants.js
var WORKER_REQUEST_READ_LOCK = "lock:worker:request-read";
var WORKER_ABORT_READ_LOCK_REQUEST = "lock:worker:abort-read-request";
var WORKER_RELEASE_READ_LOCK = "lock:worker:release-read";
var MASTER_GRANT_READ_LOCK = "lock:master:grant-read";
var MASTER_READ_LOCK_ERROR = "lock:master:error-read";
var WORKER_REQUEST_WRITE_LOCK = "lock:worker:request-write";
var WORKER_ABORT_WRITE_LOCK_REQUEST = "lock:worker:abort-write-request";
var WORKER_RELEASE_WRITE_LOCK = "lock:worker:release-write";
var MASTER_GRANT_WRITE_LOCK = "lock:master:grant-write";
var MASTER_WRITE_LOCK_ERROR = "lock:master:error-write";
var WORKER_FINALIZE = "lock:worker:finalize";
var BROADCAST_CHANNEL_NAME = "mortice";
var defaultOptions = {
  singleProcess: false
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/main/channel.js
var handleChannelWorkerLockRequest = (emitter, channel, masterEvent, abortMasterEvent, requestType, abortType, errorType, releaseType, grantType) => {
  return (event) => {
    if (event.data == null) {
      return;
    }
    const requestEvent = {
      type: event.data.type,
      name: event.data.name,
      identifier: event.data.identifier
    };
    if (requestEvent.type === requestType) {
      emitter.safeDispatchEvent(masterEvent, {
        detail: {
          name: requestEvent.name,
          identifier: requestEvent.identifier,
          handler: async () => {
            channel.postMessage({
              type: grantType,
              name: requestEvent.name,
              identifier: requestEvent.identifier
            });
            await new Promise((resolve) => {
              const releaseEventListener = (event2) => {
                if (event2?.data == null) {
                  return;
                }
                const releaseEvent = {
                  type: event2.data.type,
                  name: event2.data.name,
                  identifier: event2.data.identifier
                };
                if (releaseEvent.type === releaseType && releaseEvent.identifier === requestEvent.identifier) {
                  channel.removeEventListener("message", releaseEventListener);
                  resolve();
                }
              };
              channel.addEventListener("message", releaseEventListener);
            });
          },
          onError: (err) => {
            channel.postMessage({
              type: errorType,
              name: requestEvent.name,
              identifier: requestEvent.identifier,
              error: {
                message: err.message,
                name: err.name,
                stack: err.stack
              }
            });
          }
        }
      });
    }
    if (requestEvent.type === abortType) {
      emitter.safeDispatchEvent(abortMasterEvent, {
        detail: {
          name: requestEvent.name,
          identifier: requestEvent.identifier
        }
      });
    }
    if (requestEvent.type === WORKER_FINALIZE) {
      emitter.safeDispatchEvent("finalizeRequest", {
        detail: {
          name: requestEvent.name
        }
      });
    }
  };
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/main/cluster.js
var handleClusterWorkerLockRequest = (emitter, masterEvent, abortMasterEvent, requestType, abortType, errorType, releaseType, grantType) => {
  return (worker2, requestEvent) => {
    if (requestEvent == null) {
      return;
    }
    if (requestEvent.type === requestType) {
      emitter.safeDispatchEvent(masterEvent, {
        detail: {
          name: requestEvent.name,
          identifier: requestEvent.identifier,
          handler: async () => {
            worker2.send({
              type: grantType,
              name: requestEvent.name,
              identifier: requestEvent.identifier
            });
            await new Promise((resolve) => {
              const releaseEventListener = (releaseEvent) => {
                if (releaseEvent.type === releaseType && releaseEvent.identifier === requestEvent.identifier) {
                  worker2.removeListener("message", releaseEventListener);
                  resolve();
                }
              };
              worker2.on("message", releaseEventListener);
            });
          },
          onError: (err) => {
            worker2.send({
              type: errorType,
              name: requestEvent.name,
              identifier: requestEvent.identifier,
              error: {
                message: err.message,
                name: err.name,
                stack: err.stack
              }
            });
          }
        }
      });
    }
    if (requestEvent.type === abortType) {
      emitter.safeDispatchEvent(abortMasterEvent, {
        detail: {
          name: requestEvent.name,
          identifier: requestEvent.identifier
        }
      });
    }
    if (requestEvent.type === WORKER_FINALIZE) {
      emitter.safeDispatchEvent("finalizeRequest", {
        detail: {
          name: requestEvent.name
        }
      });
    }
  };
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/utils.js
var nanoid = (size = 10) => {
  return Math.random().toString().substring(2, size + 2);
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/workers/channel.js
var MorticeChannelWorker = class {
  name;
  channel;
  constructor(name) {
    this.name = name;
    this.channel = new BroadcastChannel(BROADCAST_CHANNEL_NAME);
  }
  readLock(options) {
    return this.sendRequest(WORKER_REQUEST_READ_LOCK, WORKER_ABORT_READ_LOCK_REQUEST, MASTER_GRANT_READ_LOCK, MASTER_READ_LOCK_ERROR, WORKER_RELEASE_READ_LOCK, options);
  }
  writeLock(options) {
    return this.sendRequest(WORKER_REQUEST_WRITE_LOCK, WORKER_ABORT_WRITE_LOCK_REQUEST, MASTER_GRANT_WRITE_LOCK, MASTER_WRITE_LOCK_ERROR, WORKER_RELEASE_WRITE_LOCK, options);
  }
  finalize() {
    this.channel.postMessage({
      type: WORKER_FINALIZE,
      name: this.name
    });
    this.channel.close();
  }
  async sendRequest(requestType, abortType, grantType, errorType, releaseType, options) {
    options?.signal?.throwIfAborted();
    const id = nanoid();
    this.channel.postMessage({
      type: requestType,
      identifier: id,
      name: this.name
    });
    return new Promise((resolve, reject) => {
      const abortListener = () => {
        this.channel.postMessage({
          type: abortType,
          identifier: id,
          name: this.name
        });
      };
      options?.signal?.addEventListener("abort", abortListener, {
        once: true
      });
      const listener = (event) => {
        if (event.data?.identifier !== id) {
          return;
        }
        if (event.data?.type === grantType) {
          this.channel.removeEventListener("message", listener);
          options?.signal?.removeEventListener("abort", abortListener);
          resolve(() => {
            this.channel.postMessage({
              type: releaseType,
              identifier: id,
              name: this.name
            });
          });
        }
        if (event.data.type === errorType) {
          this.channel.removeEventListener("message", listener);
          options?.signal?.removeEventListener("abort", abortListener);
          const err = new Error();
          if (event.data.error != null) {
            err.message = event.data.error.message;
            err.name = event.data.error.name;
            err.stack = event.data.error.stack;
          }
          reject(err);
        }
      };
      this.channel.addEventListener("message", listener);
    });
  }
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/workers/cluster.js
var MorticeClusterWorker = class {
  name;
  constructor(name) {
    this.name = name;
  }
  readLock(options) {
    return this.sendRequest(WORKER_REQUEST_READ_LOCK, WORKER_ABORT_READ_LOCK_REQUEST, MASTER_GRANT_READ_LOCK, MASTER_READ_LOCK_ERROR, WORKER_RELEASE_READ_LOCK, options);
  }
  writeLock(options) {
    return this.sendRequest(WORKER_REQUEST_WRITE_LOCK, WORKER_ABORT_WRITE_LOCK_REQUEST, MASTER_GRANT_WRITE_LOCK, MASTER_WRITE_LOCK_ERROR, WORKER_RELEASE_WRITE_LOCK, options);
  }
  finalize() {
    if (process.send == null) {
      throw new Error("No send method on process - are we a cluster worker?");
    }
    process.send({
      type: WORKER_FINALIZE,
      identifier: nanoid(),
      name: this.name
    });
  }
  async sendRequest(requestType, abortType, grantType, errorType, releaseType, options) {
    options?.signal?.throwIfAborted();
    const id = nanoid();
    if (process.send == null) {
      throw new Error("No send method on process - are we a cluster worker?");
    }
    process.send({
      type: requestType,
      identifier: id,
      name: this.name
    });
    return new Promise((resolve, reject) => {
      const abortListener = () => {
        process.send?.({
          type: abortType,
          identifier: id,
          name: this.name
        });
      };
      options?.signal?.addEventListener("abort", abortListener, {
        once: true
      });
      const listener = (event) => {
        if (event.identifier !== id) {
          return;
        }
        if (event.type === grantType) {
          process.removeListener("message", listener);
          options?.signal?.removeEventListener("abort", abortListener);
          resolve(() => {
            process.send?.({
              type: releaseType,
              identifier: id,
              name: this.name
            });
          });
        }
        if (event.type === errorType) {
          process.removeListener("message", listener);
          options?.signal?.removeEventListener("abort", abortListener);
          const err = new Error();
          if (event.error != null) {
            err.message = event.error.message;
            err.name = event.error.name;
            err.stack = event.error.stack;
          }
          reject(err);
        }
      };
      process.on("message", listener);
    });
  }
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/node.js
function isMain() {
  if (worker.isMainThread === false) {
    return false;
  }
  if (worker.isInternalThread === true) {
    return false;
  }
  return cluster.isPrimary;
}
var node_default = (options) => {
  options = Object.assign({}, defaultOptions, options);
  if (isMain() || options.singleProcess) {
    const emitter = new TypedEventEmitter();
    cluster.on("message", handleClusterWorkerLockRequest(emitter, "requestReadLock", "abortReadLockRequest", WORKER_REQUEST_READ_LOCK, WORKER_ABORT_READ_LOCK_REQUEST, MASTER_READ_LOCK_ERROR, WORKER_RELEASE_READ_LOCK, MASTER_GRANT_READ_LOCK));
    cluster.on("message", handleClusterWorkerLockRequest(emitter, "requestWriteLock", "abortWriteLockRequest", WORKER_REQUEST_WRITE_LOCK, WORKER_ABORT_WRITE_LOCK_REQUEST, MASTER_WRITE_LOCK_ERROR, WORKER_RELEASE_WRITE_LOCK, MASTER_GRANT_WRITE_LOCK));
    const channel = new BroadcastChannel(BROADCAST_CHANNEL_NAME);
    channel.addEventListener("message", handleChannelWorkerLockRequest(emitter, channel, "requestReadLock", "abortReadLockRequest", WORKER_REQUEST_READ_LOCK, WORKER_ABORT_READ_LOCK_REQUEST, MASTER_READ_LOCK_ERROR, WORKER_RELEASE_READ_LOCK, MASTER_GRANT_READ_LOCK));
    channel.addEventListener("message", handleChannelWorkerLockRequest(emitter, channel, "requestWriteLock", "abortWriteLockRequest", WORKER_REQUEST_WRITE_LOCK, WORKER_ABORT_WRITE_LOCK_REQUEST, MASTER_WRITE_LOCK_ERROR, WORKER_RELEASE_WRITE_LOCK, MASTER_GRANT_WRITE_LOCK));
    channel.unref?.();
    return emitter;
  }
  if (cluster.isWorker) {
    return new MorticeClusterWorker(options.name);
  }
  if (worker.isMainThread === false) {
    return new MorticeChannelWorker(options.name);
  }
  throw new Error("Not a cluster worker or worker thread");
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/mortice.js
var mutexes = /* @__PURE__ */ new Map();
var implementation;
function isMortice(obj) {
  return typeof obj?.readLock === "function" && typeof obj?.writeLock === "function";
}
function getImplementation(opts) {
  if (implementation == null) {
    implementation = node_default(opts);
    if (!isMortice(implementation)) {
      const emitter = implementation;
      emitter.addEventListener("requestReadLock", (event) => {
        const mutexName = event.detail.name;
        const identifier = event.detail.identifier;
        const mutex = mutexes.get(mutexName);
        if (mutex == null) {
          return;
        }
        const abortController = new AbortController();
        const abortListener = (event2) => {
          if (event2.detail.name !== mutexName || event2.detail.identifier !== identifier) {
            return;
          }
          abortController.abort();
        };
        emitter.addEventListener("abortReadLockRequest", abortListener);
        void mutex.readLock({
          signal: abortController.signal
        }).then(async (release) => {
          await event.detail.handler().finally(() => {
            release();
          });
        }).catch((err) => {
          event.detail.onError(err);
        }).finally(() => {
          emitter.removeEventListener("abortReadLockRequest", abortListener);
        });
      });
      emitter.addEventListener("requestWriteLock", (event) => {
        const mutexName = event.detail.name;
        const identifier = event.detail.identifier;
        const mutex = mutexes.get(mutexName);
        if (mutex == null) {
          return;
        }
        const abortController = new AbortController();
        const abortListener = (event2) => {
          if (event2.detail.name !== mutexName || event2.detail.identifier !== identifier) {
            return;
          }
          abortController.abort();
        };
        emitter.addEventListener("abortWriteLockRequest", abortListener);
        void mutex.writeLock({
          signal: abortController.signal
        }).then(async (release) => {
          await event.detail.handler().finally(() => {
            release();
          });
        }).catch((err) => {
          event.detail.onError(err);
        }).finally(() => {
          emitter.removeEventListener("abortWriteLockRequest", abortListener);
        });
      });
      emitter.addEventListener("finalizeRequest", (event) => {
        const mutexName = event.detail.name;
        const mutex = mutexes.get(mutexName);
        if (mutex == null) {
          return;
        }
        mutex.finalize();
      });
    }
  }
  return implementation;
}
async function createReleasable(queue, options) {
  let res;
  let rej;
  const p = new Promise((resolve, reject) => {
    res = resolve;
    rej = reject;
  });
  const listener = () => {
    rej(new AbortError());
  };
  options?.signal?.addEventListener("abort", listener, {
    once: true
  });
  queue.add(async () => {
    await new Promise((resolve) => {
      res(() => {
        options?.signal?.removeEventListener("abort", listener);
        resolve();
      });
    });
  }, {
    signal: options?.signal
  }).catch((err) => {
    rej(err);
  });
  return p;
}
var createMutex = (name, options) => {
  let mutex = mutexes.get(name);
  if (mutex != null) {
    return mutex;
  }
  const implementation2 = getImplementation(options);
  if (isMortice(implementation2)) {
    mutex = implementation2;
    mutexes.set(name, mutex);
    return mutex;
  }
  const masterQueue = new Queue({
    concurrency: 1
  });
  let readQueue;
  mutex = {
    async readLock(opts) {
      if (readQueue != null) {
        return createReleasable(readQueue, opts);
      }
      readQueue = new Queue({
        concurrency: options.concurrency,
        autoStart: false
      });
      const localReadQueue = readQueue;
      const readPromise = createReleasable(readQueue, opts);
      void masterQueue.add(async () => {
        localReadQueue.start();
        await localReadQueue.onIdle().then(() => {
          if (readQueue === localReadQueue) {
            readQueue = null;
          }
        });
      });
      return readPromise;
    },
    async writeLock(opts) {
      readQueue = null;
      return createReleasable(masterQueue, opts);
    },
    finalize: () => {
      mutexes.delete(name);
    },
    queue: masterQueue
  };
  mutexes.set(name, mutex);
  if (options.autoFinalize === true) {
    masterQueue.addEventListener("idle", () => {
      mutex.finalize();
    }, {
      once: true
    });
  }
  return mutex;
};

// ../../node_modules/.pnpm/mortice@3.3.1/node_modules/mortice/dist/src/index.js
var defaultOptions2 = {
  name: "lock",
  concurrency: Infinity,
  singleProcess: false,
  autoFinalize: false
};
function createMortice(options) {
  const opts = Object.assign({}, defaultOptions2, options);
  return createMutex(opts.name, opts);
}

export {
  createMortice,
  profileConfig,
  mergeConfig,
  getConfigValue,
  setConfigValue,
  validateConfig,
  parseBytes,
  readConfigFile,
  writeConfigFile
};
