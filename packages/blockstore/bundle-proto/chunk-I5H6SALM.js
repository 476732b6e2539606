import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  EXIT_DAEMON,
  EXIT_FAILURE,
  EXIT_NOT_FOUND,
  EXIT_REPO,
  EXIT_USAGE
} from "./chunk-H35UP2PX.js";
import {
  CairnError
} from "./chunk-UVAGLUXE.js";

// ../../apps/cli/dist/src/errors.js
var UsageError = class extends CairnError {
  static name = "UsageError";
  static code = "ERR_USAGE";
  constructor(message = "Invalid usage", options) {
    super(message, options);
  }
};
var DaemonUnreachableError = class extends CairnError {
  static name = "DaemonUnreachableError";
  static code = "ERR_DAEMON_UNREACHABLE";
  constructor(message = "cannot connect to the daemon. Is it running?", options) {
    super(message, options);
  }
};
var DaemonRequiredError = class extends CairnError {
  static name = "DaemonRequiredError";
  static code = "ERR_DAEMON_REQUIRED";
  constructor(message = "this command must be run in online mode. Try running 'cairn daemon' first", options) {
    super(message, options);
  }
};
var DaemonRunningError = class extends CairnError {
  static name = "DaemonRunningError";
  static code = "ERR_DAEMON_RUNNING";
  constructor(message = "a daemon is already running on this repo", options) {
    super(message, options);
  }
};
var RepoExistsError = class extends CairnError {
  static name = "RepoExistsError";
  static code = "ERR_REPO_EXISTS";
  constructor(message = "a repo already exists here", options) {
    super(message, options);
  }
};
var RemoteError = class extends CairnError {
  static name = "RemoteError";
  static code = "ERR_REMOTE";
  constructor(message = "The daemon reported an error", options) {
    super(message, options);
    if (options?.code != null)
      this.code = options.code;
  }
};
var EXIT_CODES = {
  ERR_USAGE: EXIT_USAGE,
  ERR_INVALID_PARAMETERS: EXIT_USAGE,
  ERR_INVALID_CID: EXIT_USAGE,
  ERR_INVALID_PATH: EXIT_USAGE,
  ERR_NOT_FOUND: EXIT_NOT_FOUND,
  ERR_OFFLINE: EXIT_NOT_FOUND,
  ERR_NOT_PINNED: EXIT_NOT_FOUND,
  ENOENT: EXIT_NOT_FOUND,
  ERR_REPO_LOCKED: EXIT_REPO,
  ERR_REPO_CORRUPT: EXIT_REPO,
  ERR_REPO_NOT_INITIALIZED: EXIT_REPO,
  ERR_REPO_EXISTS: EXIT_REPO,
  // the store refuses writes after a failed one (disk full, I/O error) until it recovers
  ERR_NO_SPACE: EXIT_REPO,
  ERR_STORE_WRITE: EXIT_REPO,
  ERR_DAEMON_UNREACHABLE: EXIT_DAEMON,
  ERR_DAEMON_RUNNING: EXIT_DAEMON,
  ERR_DAEMON_REQUIRED: EXIT_DAEMON,
  // the daemon could not listen where asked (a port in use)
  ERR_LISTEN: EXIT_DAEMON,
  EADDRINUSE: EXIT_DAEMON
};
var MESSAGES = {
  ERR_REPO_LOCKED: "the repo at {repo} is locked by another process (is a daemon running? its commands go through the daemon once it is ready)",
  ERR_REPO_NOT_INITIALIZED: "no Cairn repo found in {repo}: run `cairn init`"
};
var SYSTEM_MESSAGES = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  EEXIST: "file exists",
  ENOSPC: "no space left on device"
};
function describeError(err, context) {
  const e = err != null && typeof err === "object" ? err : { message: String(err) };
  const code = typeof e.code === "string" ? e.code : void 0;
  let message = typeof e.message === "string" && e.message !== "" ? e.message : String(e.name ?? "unknown error");
  if (code != null && MESSAGES[code] != null) {
    message = MESSAGES[code].replaceAll("{repo}", context.repoPath);
  } else if (code != null && SYSTEM_MESSAGES[code] != null && typeof e.syscall === "string") {
    message = `${e.syscall} ${typeof e.path === "string" ? e.path : ""}: ${SYSTEM_MESSAGES[code]}`.replace(" :", ":");
  } else if (e.name === "AbortError" || e.name === "TimeoutError" || code === "ABORT_ERR") {
    message = e.name === "TimeoutError" ? "context deadline exceeded" : "operation aborted";
  }
  const exitCode = code != null ? EXIT_CODES[code] ?? EXIT_FAILURE : EXIT_FAILURE;
  const first = message.split("\n")[0].trim();
  return {
    line: `Error: ${first}`,
    stack: typeof e.stack === "string" ? e.stack : void 0,
    exitCode
  };
}

export {
  UsageError,
  DaemonUnreachableError,
  DaemonRequiredError,
  DaemonRunningError,
  RepoExistsError,
  RemoteError,
  describeError
};
