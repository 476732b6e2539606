import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DaemonUnreachableError,
  RemoteError
} from "./chunk-I5H6SALM.js";
import {
  multiaddrToUrl
} from "./chunk-6U35ICCQ.js";
import {
  DEFAULT_RPC_JSON_BYTES_MAX,
  DEFAULT_RPC_MAX_SOCKETS
} from "./chunk-H35UP2PX.js";
import {
  InvalidCidError,
  InvalidParametersError
} from "./chunk-UVAGLUXE.js";
import {
  isUint8ArrayList
} from "./chunk-4FL5K7DK.js";
import "./chunk-WHPHTD5L.js";
import "./chunk-ROPHLTMV.js";
import "./chunk-OBWUN26Y.js";

// ../../apps/cli/dist/src/rpc/client.js
import { createRequire } from "node:module";

// ../../apps/cli/dist/src/rpc/multipart.js
var { randomUUID } = process.getBuiltinModule("node:crypto");
var encoder = new TextEncoder();
var modeString = (mode) => (mode & 4095).toString(8).padStart(4, "0");
function newBoundary() {
  return `----cairn-${randomUUID()}`;
}
function multipartContentType(boundary) {
  return `multipart/form-data; boundary=${boundary}`;
}
async function* multipartBody(source, boundary) {
  let index = 0;
  for await (const c of source) {
    const kind = c.symlinkTarget != null ? "symlink" : c.content == null ? "dir" : "file";
    const params = [];
    if (c.mode != null)
      params.push(`mode=${modeString(c.mode)}`);
    if (c.mtime != null) {
      params.push(`mtime=${c.mtime.secs}`);
      if (c.mtime.nsecs != null)
        params.push(`mtime-nsecs=${c.mtime.nsecs}`);
    }
    const field = `${kind}${index > 0 ? `-${index}` : ""}${params.length > 0 ? `?${params.join("&")}` : ""}`;
    const type = kind === "symlink" ? "application/symlink" : kind === "dir" ? "application/x-directory" : "application/octet-stream";
    yield encoder.encode(`${index > 0 ? "\r\n" : ""}--${boundary}\r
Content-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(c.path)}"\r
Content-Type: ${type}\r
\r
`);
    if (c.symlinkTarget != null) {
      yield encoder.encode(c.symlinkTarget);
    } else if (c.content instanceof Uint8Array) {
      yield c.content;
    } else if (c.content != null) {
      for await (const chunk of c.content)
        yield chunk;
    }
    index++;
  }
  yield encoder.encode(`${index > 0 ? "\r\n" : ""}--${boundary}--\r
`);
}
function multipartFile(content, boundary) {
  return multipartBody([{ path: "", content }], boundary);
}

// ../../node_modules/.pnpm/it-ndjson@2.0.0/node_modules/it-ndjson/dist/src/errors.js
var InvalidMessageLengthError = class extends Error {
  name = "InvalidMessageLengthError";
  code = "ERR_INVALID_MESSAGE_LENGTH";
};

// ../../node_modules/.pnpm/it-ndjson@2.0.0/node_modules/it-ndjson/dist/src/parse.js
async function* parse(source, opts = {}) {
  const matcher = /\r?\n/;
  const decoder = new TextDecoder("utf8");
  let buffer = "";
  for await (let chunk of source) {
    if (typeof chunk === "string") {
      chunk = new TextEncoder().encode(chunk);
    }
    if (isUint8ArrayList(chunk)) {
      chunk = chunk.subarray();
    }
    buffer += decoder.decode(chunk, { stream: true });
    if (buffer.length > (opts?.maxMessageLength ?? buffer.length)) {
      throw new InvalidMessageLengthError("Incoming message too long");
    }
    const parts = buffer.split(matcher);
    buffer = parts.pop() ?? "";
    for (let i = 0; i < parts.length; i++) {
      yield JSON.parse(parts[i]);
    }
  }
  buffer += decoder.decode();
  if (buffer !== "") {
    yield JSON.parse(buffer);
  }
}

// ../../apps/cli/dist/src/rpc/errors.js
var ERROR_CODE_HEADER = "x-cairn-error-code";
var STREAM_ERROR_TRAILER = "x-stream-error";
var CUT_STREAM_MESSAGE = "the daemon closed the connection before its answer was complete";
var MESSAGE_CODES = [
  [/not pinned/i, "ERR_NOT_PINNED"],
  [/invalid (cid|path)|failed to parse cid|selected encoding not supported|invalid (multihash|varint)/i, "ERR_INVALID_CID"],
  [/offline/i, "ERR_OFFLINE"],
  [/not found|no link named|could not find|does not exist/i, "ERR_NOT_FOUND"],
  [/is locked|someone else has the lock/i, "ERR_REPO_LOCKED"]
];
function codeFromMessage(message) {
  return MESSAGE_CODES.find(([re]) => re.test(message))?.[1];
}
function remoteError(message, code) {
  return new RemoteError(message, { code: code ?? codeFromMessage(message) });
}
function isErrorValue(value) {
  return value != null && typeof value === "object" && value.Type === "error" && typeof value.Message === "string";
}
function errorMessage(body, status) {
  const text = body.trim();
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed?.Message === "string" && parsed.Message !== "")
      return parsed.Message;
  } catch {
  }
  return text !== "" ? text : `the daemon answered HTTP ${status}`;
}
var UNREACHABLE_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
function toRpcError(err, url, started = false) {
  const e = err;
  if (e == null || typeof e !== "object")
    return new RemoteError(String(err));
  if (e.name === "AbortError" || e.name === "TimeoutError")
    return err;
  if (typeof e.code === "string" && e.code.startsWith("ERR_"))
    return err;
  const code = e.cause?.code ?? e.code;
  if (!started && (UNREACHABLE_CODES.has(code ?? "") || code === "ECONNRESET")) {
    return new DaemonUnreachableError(`cannot connect to the api at ${url}. Is the daemon running? To run as a standalone CLI command remove the api file in the repo`, { cause: err });
  }
  if (code === "ECONNRESET" || code === "EPIPE" || e.message === "aborted") {
    return new RemoteError(CUT_STREAM_MESSAGE, { cause: err });
  }
  return new RemoteError(e.message ?? "request failed", { cause: err, code: codeFromMessage(e.message ?? "") });
}

// ../../apps/cli/dist/src/rpc/ndjson.js
async function* readNdjson(body, options) {
  for await (const value of parse(body, { maxMessageLength: options.maxLineBytes })) {
    if (isErrorValue(value))
      throw remoteError(value.Message);
    yield value;
  }
}

// ../../apps/cli/dist/src/rpc/transport.js
import { pipeline } from "node:stream/promises";
var { Agent, request: httpRequest } = process.getBuiltinModule("node:http");
function createTransport(init) {
  const agent = new Agent({ keepAlive: true, maxSockets: init.maxSockets });
  const url = init.url;
  const bodyErrors = /* @__PURE__ */ new WeakMap();
  const open = async (command, call = {}) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(call.params ?? {}))
      if (value != null)
        search.set(key, String(value));
    for (const arg of call.args ?? [])
      search.append("arg", arg);
    const query = search.toString();
    let bodyError;
    const res = await new Promise((resolve, reject) => {
      const req = httpRequest(`${url}/api/v0/${command}${query !== "" ? `?${query}` : ""}`, {
        method: "POST",
        agent,
        signal: call.signal,
        headers: { ...init.headers, ...call.contentType != null ? { "Content-Type": call.contentType } : {} }
      }, resolve);
      req.on("error", (err) => {
        reject(bodyError ?? toRpcError(err, url));
      });
      if (call.body == null) {
        req.end();
      } else {
        pipeline(call.body, req).catch((err) => {
          if (req.destroyed && err.message === "aborted")
            return;
          if (err.code !== "ERR_STREAM_PREMATURE_CLOSE")
            bodyError = err;
        });
      }
    });
    bodyErrors.set(res, () => bodyError);
    if (res.statusCode === 200)
      return res;
    const chunks = [];
    let size = 0;
    try {
      for await (const chunk of res) {
        size += chunk.byteLength;
        if (size <= init.maxJsonBytes)
          chunks.push(chunk);
      }
    } catch {
    }
    const message = errorMessage(Buffer.concat(chunks).toString("utf8"), res.statusCode ?? 0);
    const code = res.headers[ERROR_CODE_HEADER];
    throw remoteError(message, typeof code === "string" ? code : void 0);
  };
  async function* body(res) {
    try {
      for await (const chunk of res)
        yield chunk;
    } catch (err) {
      throw bodyErrors.get(res)?.() ?? toRpcError(err, url, true);
    } finally {
      if (!res.complete)
        res.destroy();
    }
    const trailer = res.trailers[STREAM_ERROR_TRAILER];
    if (trailer != null && trailer !== "")
      throw remoteError(trailer);
    if (!res.complete)
      throw bodyErrors.get(res)?.() ?? new RemoteError(CUT_STREAM_MESSAGE);
  }
  const json = async (command, call) => {
    const res = await open(command, call);
    const chunks = [];
    let size = 0;
    for await (const chunk of body(res)) {
      size += chunk.byteLength;
      if (size > init.maxJsonBytes)
        throw new RemoteError(`answer larger than ${init.maxJsonBytes} bytes`);
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString("utf8").trim();
    let value;
    try {
      value = text === "" ? void 0 : JSON.parse(text);
    } catch (err) {
      throw new RemoteError(`the daemon's answer to ${command} is not JSON`, { cause: err });
    }
    if (isErrorValue(value))
      throw remoteError(value.Message);
    return value;
  };
  async function* ndjson(command, call) {
    const res = await open(command, call);
    yield* readNdjson(body(res), { maxLineBytes: init.maxJsonBytes });
  }
  async function* bytes(command, call) {
    yield* body(await open(command, call));
  }
  return { url, json, ndjson, bytes, open, body, close: () => {
    agent.destroy();
  } };
}

// ../../apps/cli/dist/src/rpc/client.js
var cidModule;
var parseCid = (text) => (cidModule ??= createRequire(import.meta.url)("multiformats/cid")).CID.parse(text);
function toPathString(path) {
  const s = path.toString();
  return s.startsWith("/ipfs/") ? s.slice("/ipfs/".length) : s;
}
function toCid(cid) {
  if (typeof cid !== "string")
    return cid;
  try {
    return parseCid(cid.startsWith("/ipfs/") ? cid.slice("/ipfs/".length) : cid);
  } catch (err) {
    throw new InvalidCidError(`invalid CID '${cid}': ${err.message}`, { cause: err });
  }
}
var cidOf = (value) => parseCid(typeof value === "string" ? value : String(value?.["/"]));
var toMultibase = (bytes) => `u${Buffer.from(bytes).toString("base64url")}`;
var fromMultibase = (text) => text.startsWith("u") ? new Uint8Array(Buffer.from(text.slice(1), "base64url")) : new TextEncoder().encode(text);
var textFromMultibase = (text) => new TextDecoder().decode(fromMultibase(text));
var LS_TYPES = { 0: "raw", 1: "directory", 2: "file", 3: "file", 4: "symlink", 5: "directory" };
var kebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
function createRpcApi(init) {
  const url = init.address.startsWith("/") ? multiaddrToUrl(init.address) : init.address.replace(/\/+$/, "");
  const rpc = createTransport({
    url,
    headers: init.authorization != null ? { Authorization: init.authorization } : {},
    maxSockets: init.maxSockets ?? DEFAULT_RPC_MAX_SOCKETS,
    maxJsonBytes: init.maxJsonBytes ?? DEFAULT_RPC_JSON_BYTES_MAX
  });
  const maxLineBytes = init.maxJsonBytes ?? DEFAULT_RPC_JSON_BYTES_MAX;
  const subscriptions = /* @__PURE__ */ new Map();
  async function* ls(path, options = {}) {
    const base = toPathString(path);
    const params = { stream: true, "resolve-type": true, size: true };
    for await (const answer of rpc.ndjson("ls", { args: [base], params, signal: options.signal })) {
      for (const object of answer.Objects ?? []) {
        for (const link of object.Links ?? []) {
          yield { name: link.Name, path: `${base}/${link.Name}`, cid: parseCid(link.Hash), size: Number(link.Size), type: LS_TYPES[link.Type] ?? "file" };
        }
      }
    }
  }
  const stat = async (path, options = {}) => {
    const s = await rpc.json("files/stat", { args: [`/ipfs/${toPathString(path)}`], signal: options.signal });
    const type = s.Type === "directory" ? "directory" : s.Type === "symlink" ? "symlink" : "file";
    return { cid: parseCid(s.Hash), type, size: Number(s.Size), cumulativeSize: Number(s.CumulativeSize), blocks: Number(s.Blocks) };
  };
  async function* get(path, options = {}) {
    const { extract } = await import("./src-IDFUE3IN.js");
    const { posix } = await import("node:path");
    const base = toPathString(path);
    const rootCid = (await stat(base, options)).cid;
    const listings = /* @__PURE__ */ new Map();
    const entryCid = async (rel) => {
      if (rel === "")
        return rootCid;
      const parent = posix.dirname(rel) === "." ? "" : posix.dirname(rel);
      let listing = listings.get(parent);
      if (listing == null) {
        listing = /* @__PURE__ */ new Map();
        for await (const e of ls(parent === "" ? base : `${base}/${parent}`, options))
          listing.set(e.name, e.cid);
        listings.set(parent, listing);
      }
      const cid = listing.get(posix.basename(rel));
      if (cid == null)
        throw new RemoteError(`the daemon sent '${rel}', which is not in the DAG at ${base}`);
      return cid;
    };
    for await (const entry of extract()(rpc.bytes("get", { args: [base], signal: options.signal }))) {
      const name = entry.header.name.replace(/\/+$/, "");
      const rel = name.split("/").slice(1).join("/");
      const type = entry.header.type === "directory" ? "directory" : entry.header.type === "symlink" ? "symlink" : "file";
      const mtime = entry.header.mtime instanceof Date && entry.header.mtime.getTime() > 0 ? { secs: BigInt(Math.floor(entry.header.mtime.getTime() / 1e3)) } : void 0;
      const out = { path: name, type, cid: await entryCid(rel), mode: entry.header.mode, mtime };
      if (type === "file") {
        out.size = entry.header.size;
        out.content = (async function* () {
          for await (const list of entry.body)
            yield list.subarray();
        })();
      } else if (type === "symlink") {
        out.symlinkTarget = entry.header.linkname;
      }
      yield out;
      if (out.content != null)
        for await (const _ of out.content) {
        }
      else
        for await (const _ of entry.body) {
        }
    }
  }
  async function* add(source, options = {}) {
    const { onProgress, profile, maxLinks, signal, ...flags } = options;
    const params = { "stream-channels": true, progress: onProgress != null };
    for (const [key, value] of Object.entries(flags))
      if (value != null)
        params[kebab(key)] = String(value);
    if (maxLinks != null)
      params["max-file-links"] = maxLinks;
    if (profile != null)
      throw new InvalidParametersError("import profiles are not an RPC option: use cid-version, raw-leaves and chunker");
    const boundary = newBoundary();
    const answers = rpc.ndjson("add", { params, body: multipartBody(source, boundary), contentType: multipartContentType(boundary), signal });
    for await (const m of answers) {
      if (m.Hash != null)
        yield { cid: parseCid(m.Hash), path: m.Name ?? "", size: Number(m.Size ?? 0) };
      else if (m.Bytes != null)
        onProgress?.(Number(m.Bytes), String(m.Name ?? ""));
    }
  }
  const subscribe = async (topic, handler, options = {}) => {
    const controller = new AbortController();
    const signal = options.signal != null ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const res = await rpc.open("pubsub/sub", { args: [toMultibase(new TextEncoder().encode(topic))], signal });
    let set = subscriptions.get(topic);
    if (set == null)
      subscriptions.set(topic, set = /* @__PURE__ */ new Set());
    set.add(controller);
    void (async () => {
      try {
        for await (const m of readNdjson(rpc.body(res), { maxLineBytes })) {
          const message = { from: String(m.from ?? ""), topic: textFromMultibase(String(m.topicIDs?.[0] ?? "")) || topic, data: fromMultibase(String(m.data ?? "")) };
          if (typeof m.seqno === "string" && m.seqno !== "")
            message.sequenceNumber = BigInt(`0x${Buffer.from(fromMultibase(m.seqno)).toString("hex") || "0"}`);
          handler(message);
        }
        if (!signal.aborted)
          throw new RemoteError("the daemon ended the subscription");
      } catch (err) {
        if (signal.aborted)
          return;
        options.onError?.(new DaemonUnreachableError(`the daemon ended the subscription: ${err.message}`, { cause: err }));
      } finally {
        set.delete(controller);
      }
    })();
  };
  const api = {
    url,
    async close() {
      for (const set of subscriptions.values())
        for (const c of set)
          c.abort();
      rpc.close();
    },
    id: async (options) => {
      const r = await rpc.json("id", { signal: options?.signal, ...options?.peerId != null ? { args: [options.peerId] } : {} });
      const result = {
        id: String(r.ID),
        publicKey: String(r.PublicKey ?? ""),
        addresses: (r.Addresses ?? []).map(String),
        agentVersion: String(r.AgentVersion ?? ""),
        protocolVersion: String(r.ProtocolVersion ?? ""),
        protocols: (r.Protocols ?? []).map(String)
      };
      return result;
    },
    version: async (options) => {
      const r = await rpc.json("version", { signal: options?.signal });
      const result = { version: String(r.Version), commit: String(r.Commit ?? ""), repo: String(r.Repo ?? ""), system: String(r.System ?? "") };
      return result;
    },
    add,
    cat: (path, options = {}) => rpc.bytes("cat", { args: [toPathString(path)], params: { offset: options.offset, length: options.length }, signal: options.signal }),
    get,
    ls,
    stat,
    pin: {
      add: async (path, options = {}) => {
        const r = await rpc.json("pin/add", { args: [toPathString(path)], params: { recursive: options.recursive }, signal: options.signal });
        return (r.Pins ?? []).map((p) => cidOf(p));
      },
      rm: async (path, options = {}) => {
        const r = await rpc.json("pin/rm", { args: [toPathString(path)], params: { recursive: options.recursive }, signal: options.signal });
        return (r.Pins ?? []).map((p) => cidOf(p));
      },
      ls: async function* (options = {}) {
        const args = options.paths?.map(toPathString) ?? [];
        for await (const p of rpc.ndjson("pin/ls", { args, params: { type: options.type ?? "all", stream: true }, signal: options.signal })) {
          const [kind, , via] = String(p.Type).split(" ");
          const entry = { cid: cidOf(p.Cid), type: kind };
          if (via != null)
            entry.via = parseCid(via);
          yield entry;
        }
      },
      update: async (from, to, options = {}) => {
        const r = await rpc.json("pin/update", { args: [toPathString(from), toPathString(to)], params: { unpin: options.unpin }, signal: options.signal });
        return (r.Pins ?? []).map((p) => cidOf(p));
      }
    },
    block: {
      get: async (cid, options) => {
        const chunks = [];
        for await (const chunk of rpc.bytes("block/get", { args: [toCid(cid).toString()], signal: options?.signal }))
          chunks.push(chunk);
        return new Uint8Array(Buffer.concat(chunks));
      },
      put: async (bytes, options = {}) => {
        const boundary = newBoundary();
        const r = await rpc.json("block/put", {
          params: { "cid-codec": options.cidCodec, mhtype: options.mhtype, pin: options.pin },
          body: multipartFile(bytes, boundary),
          contentType: multipartContentType(boundary),
          signal: options.signal
        });
        return parseCid(String(r.Key));
      },
      stat: async (cid, options) => {
        const s = await rpc.json("block/stat", { args: [toCid(cid).toString()], signal: options?.signal });
        return { cid: parseCid(String(s.Key)), size: Number(s.Size) };
      },
      rm: async function* (cids, options = {}) {
        const args = cids.map((c) => toCid(c).toString());
        for await (const r of rpc.ndjson("block/rm", { args, params: { force: options.force }, signal: options.signal })) {
          yield r.Error != null && r.Error !== "" ? { cid: parseCid(String(r.Hash)), error: String(r.Error) } : { cid: parseCid(String(r.Hash)) };
        }
      }
    },
    dag: {
      import: async function* (car, options = {}) {
        const boundary = newBoundary();
        const answers = rpc.ndjson("dag/import", {
          params: { "pin-roots": options.pinRoots },
          body: multipartFile(car, boundary),
          contentType: multipartContentType(boundary),
          signal: options.signal
        });
        for await (const r of answers) {
          if (r.Root == null)
            continue;
          yield { root: { cid: cidOf(r.Root.Cid), pinErrorMsg: r.Root.PinErrorMsg === "" || r.Root.PinErrorMsg == null ? void 0 : String(r.Root.PinErrorMsg) } };
        }
      },
      export: (cid, options = {}) => {
        if (options.dagScope != null && options.dagScope !== "all" || options.entityBytes != null || options.dups === true) {
          throw new InvalidParametersError("dag-scope, entity-bytes and dups are gateway options; the RPC dag export sends the whole DAG");
        }
        return rpc.bytes("dag/export", { args: [toCid(cid).toString()], signal: options.signal });
      },
      stat: async (cid, options = {}) => {
        const last = await rpc.json("dag/stat", { args: [toPathString(cid)], params: { progress: false }, signal: options.signal });
        const s = last?.DagStats?.[0] ?? last;
        if (s == null)
          throw new RemoteError("empty dag stat answer");
        return { cid: s.Cid != null ? cidOf(s.Cid) : toCid(toPathString(cid)), size: Number(s.Size ?? last.TotalSize), numBlocks: Number(s.NumBlocks ?? last.UniqueBlocks) };
      }
    },
    repo: {
      gc: async function* (options = {}) {
        for await (const r of rpc.ndjson("repo/gc", { params: { "stream-errors": true }, signal: options.signal })) {
          yield r.Error != null && r.Error !== "" ? { error: String(r.Error) } : { cid: cidOf(r.Key) };
        }
      },
      stat: async (options) => {
        const s = await rpc.json("repo/stat", { signal: options?.signal });
        const stats = {
          numObjects: Number(s.NumObjects),
          repoSize: Number(s.RepoSize),
          storageMax: Number(s.StorageMax),
          repoPath: String(s.RepoPath),
          version: String(s.Version)
        };
        return stats;
      },
      verify: async function* (options = {}) {
        for await (const m of rpc.ndjson("repo/verify", { signal: options.signal })) {
          yield m.Progress != null ? { msg: String(m.Msg ?? ""), progress: Number(m.Progress) } : { msg: String(m.Msg ?? "") };
        }
      }
    },
    swarm: {
      peers: async (options) => {
        const r = await rpc.json("swarm/peers", { params: { direction: true, latency: true }, signal: options?.signal });
        return (r.Peers ?? []).map((p) => {
          const info = { peer: p.Peer, addr: p.Addr };
          if (p.Direction === 1 || p.Direction === 2)
            info.direction = p.Direction === 1 ? "inbound" : "outbound";
          if (p.Latency != null && p.Latency !== "")
            info.latency = p.Latency;
          return info;
        });
      },
      connect: async (addr, options) => {
        await rpc.json("swarm/connect", { args: [addr], signal: options?.signal });
      },
      addrs: async (options) => {
        const r = await rpc.json("swarm/addrs", { signal: options?.signal });
        return Object.entries(r.Addrs ?? {}).map(([id, addrs]) => ({ id, addrs: addrs.map(String) }));
      },
      localAddrs: async (options) => ((await rpc.json("swarm/addrs/local", { params: { id: true }, signal: options?.signal })).Strings ?? []).map(String)
    },
    routing: {
      findProvs: async function* (cid, options = {}) {
        const params = { "num-providers": options.numProviders };
        for await (const event of rpc.ndjson("routing/findprovs", { args: [toCid(cid).toString()], params, signal: options.signal })) {
          if (event.Type !== 4)
            continue;
          for (const p of event.Responses ?? [])
            yield { id: String(p.ID), addrs: (p.Addrs ?? []).map(String) };
        }
      },
      provide: async (cids, options = {}) => {
        const args = cids.map((c) => toCid(c).toString());
        for await (const _ of rpc.ndjson("routing/provide", { args, params: { recursive: options.recursive }, signal: options.signal })) {
        }
      }
    },
    pubsub: {
      publish: async (topic, data, options) => {
        const boundary = newBoundary();
        const res = await rpc.open("pubsub/pub", {
          args: [toMultibase(new TextEncoder().encode(topic))],
          body: multipartFile(data, boundary),
          contentType: multipartContentType(boundary),
          signal: options?.signal
        });
        for await (const _ of rpc.body(res)) {
        }
      },
      subscribe,
      unsubscribe: async (topic) => {
        for (const c of subscriptions.get(topic) ?? [])
          c.abort();
        subscriptions.delete(topic);
      },
      ls: async (options) => ((await rpc.json("pubsub/ls", { signal: options?.signal })).Strings ?? []).map((t) => textFromMultibase(String(t))),
      peers: async (topic, options) => {
        const r = await rpc.json("pubsub/peers", { args: [toMultibase(new TextEncoder().encode(topic))], signal: options?.signal });
        return (r.Strings ?? []).map(String);
      }
    },
    stats: {
      bw: async (options) => {
        for await (const bw of rpc.ndjson("stats/bw", { signal: options?.signal })) {
          const stats = { totalIn: BigInt(bw.TotalIn ?? 0), totalOut: BigInt(bw.TotalOut ?? 0), rateIn: Number(bw.RateIn ?? 0), rateOut: Number(bw.RateOut ?? 0) };
          return stats;
        }
        throw new RemoteError("empty stats bw answer");
      },
      bitswap: async (options) => {
        const s = await rpc.json("stats/bitswap", { signal: options?.signal });
        const stats = {
          wantlist: (s.Wantlist ?? []).map((c) => parseCid(c["/"])),
          peers: (s.Peers ?? []).map(String),
          blocksReceived: Number(s.BlocksReceived ?? 0),
          dataReceived: Number(s.DataReceived ?? 0),
          blocksSent: Number(s.BlocksSent ?? 0),
          dataSent: Number(s.DataSent ?? 0),
          dupBlksReceived: Number(s.DupBlksReceived ?? 0),
          dupDataReceived: Number(s.DupDataReceived ?? 0)
        };
        return stats;
      }
    },
    config: {
      show: async (options) => await rpc.json("config/show", { signal: options?.signal }),
      get: async (key, options) => (await rpc.json("config", { args: [key], signal: options?.signal })).Value,
      set: async (key, value, options) => {
        const params = typeof value === "string" ? {} : { json: true };
        await rpc.json("config", { args: [key, typeof value === "string" ? value : JSON.stringify(value)], params, signal: options?.signal });
      }
    },
    bootstrap: {
      list: async (options) => ((await rpc.json("bootstrap/list", { signal: options?.signal })).Peers ?? []).map(String),
      add: async (addrs, options = {}) => {
        const r = options.default === true ? await rpc.json("bootstrap/add/default", { signal: options.signal }) : await rpc.json("bootstrap/add", { args: addrs, signal: options.signal });
        return (r.Peers ?? []).map(String);
      },
      rm: async (addrs, options = {}) => {
        const r = options.all === true ? await rpc.json("bootstrap/rm/all", { signal: options.signal }) : await rpc.json("bootstrap/rm", { args: addrs, signal: options.signal });
        return (r.Peers ?? []).map(String);
      }
    }
  };
  return api;
}
export {
  createRpcApi
};
