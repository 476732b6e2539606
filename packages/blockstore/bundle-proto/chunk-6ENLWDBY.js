import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/errors.js
var AbortError = class extends Error {
  static name = "AbortError";
  constructor(message = "The operation was aborted") {
    super(message);
    this.name = "AbortError";
  }
};
var UnexpectedPeerError = class extends Error {
  static name = "UnexpectedPeerError";
  constructor(message = "Unexpected Peer") {
    super(message);
    this.name = "UnexpectedPeerError";
  }
};
var InvalidCryptoExchangeError = class extends Error {
  static name = "InvalidCryptoExchangeError";
  constructor(message = "Invalid crypto exchange") {
    super(message);
    this.name = "InvalidCryptoExchangeError";
  }
};
var InvalidParametersError = class extends Error {
  static name = "InvalidParametersError";
  constructor(message = "Invalid parameters") {
    super(message);
    this.name = "InvalidParametersError";
  }
};
var InvalidPublicKeyError = class extends Error {
  static name = "InvalidPublicKeyError";
  constructor(message = "Invalid public key") {
    super(message);
    this.name = "InvalidPublicKeyError";
  }
};
var InvalidPrivateKeyError = class extends Error {
  static name = "InvalidPrivateKeyError";
  constructor(message = "Invalid private key") {
    super(message);
    this.name = "InvalidPrivateKeyError";
  }
};
var ConnectionClosedError = class extends Error {
  static name = "ConnectionClosedError";
  constructor(message = "The connection is closed") {
    super(message);
    this.name = "ConnectionClosedError";
  }
};
var ConnectionFailedError = class extends Error {
  static name = "ConnectionFailedError";
  constructor(message = "Connection failed") {
    super(message);
    this.name = "ConnectionFailedError";
  }
};
var MuxerClosedError = class extends Error {
  static name = "MuxerClosedError";
  constructor(message = "The muxer is closed") {
    super(message);
    this.name = "MuxerClosedError";
  }
};
var StreamResetError = class extends Error {
  static name = "StreamResetError";
  constructor(message = "The stream has been reset") {
    super(message);
    this.name = "StreamResetError";
  }
};
var StreamStateError = class extends Error {
  static name = "StreamStateError";
  constructor(message = "The stream is in an invalid state") {
    super(message);
    this.name = "StreamStateError";
  }
};
var StreamBufferError = class extends Error {
  static name = "StreamBufferError";
  constructor(message = "The stream buffer was full") {
    super(message);
    this.name = "StreamBufferError";
  }
};
var NotFoundError = class extends Error {
  static name = "NotFoundError";
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
};
var InvalidPeerIdError = class extends Error {
  static name = "InvalidPeerIdError";
  constructor(message = "Invalid PeerID") {
    super(message);
    this.name = "InvalidPeerIdError";
  }
};
var InvalidMultiaddrError = class extends Error {
  static name = "InvalidMultiaddrError";
  constructor(message = "Invalid multiaddr") {
    super(message);
    this.name = "InvalidMultiaddrError";
  }
};
var InvalidCIDError = class extends Error {
  static name = "InvalidCIDError";
  constructor(message = "Invalid CID") {
    super(message);
    this.name = "InvalidCIDError";
  }
};
var InvalidMultihashError = class extends Error {
  static name = "InvalidMultihashError";
  constructor(message = "Invalid Multihash") {
    super(message);
    this.name = "InvalidMultihashError";
  }
};
var UnsupportedProtocolError = class extends Error {
  static name = "UnsupportedProtocolError";
  constructor(message = "Unsupported protocol error") {
    super(message);
    this.name = "UnsupportedProtocolError";
  }
};
var InvalidMessageError = class extends Error {
  static name = "InvalidMessageError";
  constructor(message = "Invalid message") {
    super(message);
    this.name = "InvalidMessageError";
  }
};
var ProtocolError = class extends Error {
  static name = "ProtocolError";
  constructor(message = "Protocol error") {
    super(message);
    this.name = "ProtocolError";
  }
};
var TimeoutError = class extends Error {
  static name = "TimeoutError";
  constructor(message = "Timed out") {
    super(message);
    this.name = "TimeoutError";
  }
};
var NotStartedError = class extends Error {
  static name = "NotStartedError";
  constructor(message = "Not started") {
    super(message);
    this.name = "NotStartedError";
  }
};
var AlreadyStartedError = class extends Error {
  static name = "AlreadyStartedError";
  constructor(message = "Already started") {
    super(message);
    this.name = "AlreadyStartedError";
  }
};
var DialError = class extends Error {
  static name = "DialError";
  constructor(message = "Dial error") {
    super(message);
    this.name = "DialError";
  }
};
var LimitedConnectionError = class extends Error {
  static name = "LimitedConnectionError";
  constructor(message = "Limited connection") {
    super(message);
    this.name = "LimitedConnectionError";
  }
};
var TooManyInboundProtocolStreamsError = class extends Error {
  static name = "TooManyInboundProtocolStreamsError";
  constructor(message = "Too many inbound protocol streams") {
    super(message);
    this.name = "TooManyInboundProtocolStreamsError";
  }
};
var TooManyOutboundProtocolStreamsError = class extends Error {
  static name = "TooManyOutboundProtocolStreamsError";
  constructor(message = "Too many outbound protocol streams") {
    super(message);
    this.name = "TooManyOutboundProtocolStreamsError";
  }
};
var UnsupportedKeyTypeError = class extends Error {
  static name = "UnsupportedKeyTypeError";
  constructor(message = "Unsupported key type") {
    super(message);
    this.name = "UnsupportedKeyTypeError";
  }
};

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/connection.js
var connectionSymbol = Symbol.for("@libp2p/connection");

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/content-routing.js
var contentRoutingSymbol = Symbol.for("@libp2p/content-routing");

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/events.js
var StreamMessageEvent = class extends Event {
  data;
  constructor(data, eventInitDict) {
    super("message", eventInitDict);
    this.data = data;
  }
};
var StreamCloseEvent = class extends Event {
  error;
  local;
  constructor(local, error, eventInitDict) {
    super("close", eventInitDict);
    this.error = error;
    this.local = local;
  }
};
var StreamAbortEvent = class extends StreamCloseEvent {
  constructor(error, eventInitDict) {
    super(true, error, eventInitDict);
  }
};
var StreamResetEvent = class extends StreamCloseEvent {
  constructor(error, eventInitDict) {
    super(false, error, eventInitDict);
  }
};

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/peer-discovery.js
var peerDiscoverySymbol = Symbol.for("@libp2p/peer-discovery");

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/peer-id.js
var peerIdSymbol = Symbol.for("@libp2p/peer-id");
function isPeerId(other) {
  return Boolean(other?.[peerIdSymbol]);
}

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/peer-routing.js
var peerRoutingSymbol = Symbol.for("@libp2p/peer-routing");

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/peer-store.js
var KEEP_ALIVE = "keep-alive";

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/startable.js
function isStartable(obj) {
  return obj != null && typeof obj.start === "function" && typeof obj.stop === "function";
}
async function start(...objs) {
  const startables = [];
  for (const obj of objs) {
    if (isStartable(obj)) {
      startables.push(obj);
    }
  }
  await Promise.all(startables.map(async (s) => {
    if (s.beforeStart != null) {
      await s.beforeStart();
    }
  }));
  await Promise.all(startables.map(async (s) => {
    await s.start();
  }));
  await Promise.all(startables.map(async (s) => {
    if (s.afterStart != null) {
      await s.afterStart();
    }
  }));
}
async function stop(...objs) {
  const startables = [];
  for (const obj of objs) {
    if (isStartable(obj)) {
      startables.push(obj);
    }
  }
  await Promise.all(startables.map(async (s) => {
    if (s.beforeStop != null) {
      await s.beforeStop();
    }
  }));
  await Promise.all(startables.map(async (s) => {
    await s.stop();
  }));
  await Promise.all(startables.map(async (s) => {
    if (s.afterStop != null) {
      await s.afterStop();
    }
  }));
}

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/transport.js
var transportSymbol = Symbol.for("@libp2p/transport");
var FaultTolerance;
(function(FaultTolerance2) {
  FaultTolerance2[FaultTolerance2["FATAL_ALL"] = 0] = "FATAL_ALL";
  FaultTolerance2[FaultTolerance2["NO_FATAL"] = 1] = "NO_FATAL";
})(FaultTolerance || (FaultTolerance = {}));

// ../../node_modules/.pnpm/@libp2p+interface@3.3.0/node_modules/@libp2p/interface/dist/src/index.js
var serviceCapabilities = Symbol.for("@libp2p/service-capabilities");
var serviceDependencies = Symbol.for("@libp2p/service-dependencies");

export {
  connectionSymbol,
  contentRoutingSymbol,
  AbortError,
  UnexpectedPeerError,
  InvalidCryptoExchangeError,
  InvalidParametersError,
  InvalidPublicKeyError,
  InvalidPrivateKeyError,
  ConnectionClosedError,
  ConnectionFailedError,
  MuxerClosedError,
  StreamResetError,
  StreamStateError,
  StreamBufferError,
  NotFoundError,
  InvalidPeerIdError,
  InvalidMultiaddrError,
  InvalidCIDError,
  InvalidMultihashError,
  UnsupportedProtocolError,
  InvalidMessageError,
  ProtocolError,
  TimeoutError,
  NotStartedError,
  AlreadyStartedError,
  DialError,
  LimitedConnectionError,
  TooManyInboundProtocolStreamsError,
  TooManyOutboundProtocolStreamsError,
  UnsupportedKeyTypeError,
  StreamMessageEvent,
  StreamCloseEvent,
  StreamAbortEvent,
  StreamResetEvent,
  peerDiscoverySymbol,
  peerIdSymbol,
  isPeerId,
  peerRoutingSymbol,
  KEEP_ALIVE,
  isStartable,
  start,
  stop,
  transportSymbol,
  FaultTolerance,
  serviceCapabilities,
  serviceDependencies
};
