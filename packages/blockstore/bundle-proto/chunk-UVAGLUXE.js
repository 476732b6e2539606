import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// ../interface/dist/src/errors.js
var CairnError = class extends Error {
  static name = "CairnError";
  static code = "ERR_CAIRN";
  code;
  details;
  constructor(message = "Cairn error", options = {}) {
    super(message, options);
    this.name = new.target.name;
    this.code = new.target.code;
    this.details = options.details;
  }
};
var NotFoundError = class extends CairnError {
  static name = "NotFoundError";
  static code = "ERR_NOT_FOUND";
  constructor(message = "Not found", options) {
    super(message, options);
  }
};
var InvalidCidError = class extends CairnError {
  static name = "InvalidCidError";
  static code = "ERR_INVALID_CID";
  constructor(message = "Invalid CID", options) {
    super(message, options);
  }
};
var InvalidPathError = class extends CairnError {
  static name = "InvalidPathError";
  static code = "ERR_INVALID_PATH";
  constructor(message = "Invalid path", options) {
    super(message, options);
  }
};
var InvalidParametersError = class extends CairnError {
  static name = "InvalidParametersError";
  static code = "ERR_INVALID_PARAMETERS";
  constructor(message = "Invalid parameters", options) {
    super(message, options);
  }
};
var HashMismatchError = class extends CairnError {
  static name = "HashMismatchError";
  static code = "ERR_HASH_MISMATCH";
  constructor(message = "Block bytes do not match their CID", options) {
    super(message, options);
  }
};
var UnsupportedHashError = class extends CairnError {
  static name = "UnsupportedHashError";
  static code = "ERR_UNSUPPORTED_HASH";
  constructor(message = "Unsupported hash function", options) {
    super(message, options);
  }
};
var UnsupportedCodecError = class extends CairnError {
  static name = "UnsupportedCodecError";
  static code = "ERR_UNSUPPORTED_CODEC";
  constructor(message = "Unsupported codec", options) {
    super(message, options);
  }
};
var MalformedBlockError = class extends CairnError {
  static name = "MalformedBlockError";
  static code = "ERR_MALFORMED_BLOCK";
  constructor(message = "Malformed block", options) {
    super(message, options);
  }
};
var InvalidCarError = class extends CairnError {
  static name = "InvalidCarError";
  static code = "ERR_INVALID_CAR";
  constructor(message = "Invalid CAR file", options) {
    super(message, options);
  }
};
var BlockTooLargeError = class extends CairnError {
  static name = "BlockTooLargeError";
  static code = "ERR_BLOCK_TOO_LARGE";
  constructor(message = "Block too large", options) {
    super(message, options);
  }
};
var NotADirectoryError = class extends CairnError {
  static name = "NotADirectoryError";
  static code = "ERR_NOT_A_DIRECTORY";
  constructor(message = "Not a directory", options) {
    super(message, options);
  }
};
var NotAFileError = class extends CairnError {
  static name = "NotAFileError";
  static code = "ERR_NOT_A_FILE";
  constructor(message = "Not a file", options) {
    super(message, options);
  }
};
var NotPinnedError = class extends CairnError {
  static name = "NotPinnedError";
  static code = "ERR_NOT_PINNED";
  constructor(message = "Not pinned", options) {
    super(message, options);
  }
};
var RepoLockedError = class extends CairnError {
  static name = "RepoLockedError";
  static code = "ERR_REPO_LOCKED";
  constructor(message = "The repo is locked by another process", options) {
    super(message, options);
  }
};
var RepoCorruptError = class extends CairnError {
  static name = "RepoCorruptError";
  static code = "ERR_REPO_CORRUPT";
  constructor(message = "The repo is corrupt", options) {
    super(message, options);
  }
};
var NoSpaceError = class extends CairnError {
  static name = "NoSpaceError";
  static code = "ERR_NO_SPACE";
  constructor(message = "No space left on the device holding the repo", options) {
    super(message, options);
  }
};
var StoreWriteError = class extends CairnError {
  static name = "StoreWriteError";
  static code = "ERR_STORE_WRITE";
  constructor(message = "The repo's storage failed a write", options) {
    super(message, options);
  }
};
var RepoNotInitializedError = class extends CairnError {
  static name = "RepoNotInitializedError";
  static code = "ERR_REPO_NOT_INITIALIZED";
  constructor(message = "No repo found: run `cairn init`", options) {
    super(message, options);
  }
};
var OfflineError = class extends CairnError {
  static name = "OfflineError";
  static code = "ERR_OFFLINE";
  constructor(message = "Block not found locally and the node is offline", options) {
    super(message, options);
  }
};
var TimeoutError = class extends CairnError {
  static name = "TimeoutError";
  static code = "ERR_TIMEOUT";
  constructor(message = "Timed out", options) {
    super(message, options);
  }
};
var AbortError = class extends CairnError {
  static name = "AbortError";
  static code = "ERR_ABORTED";
  constructor(message = "The operation was aborted", options) {
    super(message, options);
  }
};
var NotALinkError = class extends CairnError {
  static name = "NotALinkError";
  static code = "ERR_NOT_A_LINK";
  constructor(message = "The path ends at an IPLD value that is not a link", options) {
    super(message, options);
  }
};
function hasCode(err, code) {
  return err != null && typeof err === "object" && err.code === code;
}

// ../interface/dist/src/duration.js
var UNIT_MS = {
  ns: 1e-6,
  us: 1e-3,
  "\xB5s": 1e-3,
  "\u03BCs": 1e-3,
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 36e5
};
var TERM = /(\d+\.?\d*|\.\d+)([^\d.]*)/y;
var MAX_ECHO_CHARS = 50;
function parseDuration(text) {
  const echo = String(text).slice(0, MAX_ECHO_CHARS);
  const invalid = (why) => new InvalidParametersError(`${why} '${echo}': use a Go duration such as 30s or 1m30s`);
  if (typeof text !== "string")
    throw invalid("invalid duration");
  if (text.startsWith("-") && text !== "-0")
    throw invalid("negative duration");
  const body = text.startsWith("+") || text.startsWith("-") ? text.slice(1) : text;
  if (body === "0")
    return 0;
  if (body === "")
    throw invalid("invalid duration");
  let total = 0;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < body.length) {
    const m = TERM.exec(body);
    if (m == null)
      throw invalid("invalid duration");
    if (m[2] === "")
      throw invalid("missing unit in duration");
    const unit = UNIT_MS[m[2]];
    if (unit == null)
      throw invalid(`unknown unit "${m[2].slice(0, 10)}" in duration`);
    total += Number(m[1]) * unit;
  }
  return total;
}

export {
  CairnError,
  NotFoundError,
  InvalidCidError,
  InvalidPathError,
  InvalidParametersError,
  HashMismatchError,
  UnsupportedHashError,
  UnsupportedCodecError,
  MalformedBlockError,
  InvalidCarError,
  BlockTooLargeError,
  NotADirectoryError,
  NotAFileError,
  NotPinnedError,
  RepoLockedError,
  RepoCorruptError,
  NoSpaceError,
  StoreWriteError,
  RepoNotInitializedError,
  OfflineError,
  TimeoutError,
  AbortError,
  NotALinkError,
  hasCode,
  parseDuration
};
