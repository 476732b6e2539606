import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_ROUTING_TIMEOUT_MS
} from "./chunk-TSOVMAPR.js";
import {
  InvalidParametersError
} from "./chunk-UVAGLUXE.js";
import {
  peerIdFromString
} from "./chunk-NCYWY3NF.js";
import {
  publicKeyToProtobuf
} from "./chunk-LYEKNKQZ.js";
import "./chunk-DRLROITU.js";
import "./chunk-6ENLWDBY.js";
import "./chunk-GJVBA7A3.js";
import {
  toString
} from "./chunk-TOJ2BU2E.js";
import "./chunk-4FL5K7DK.js";
import "./chunk-WHPHTD5L.js";
import "./chunk-SWTR4ACN.js";
import "./chunk-S6UWZNPS.js";
import "./chunk-ROPHLTMV.js";
import "./chunk-OBWUN26Y.js";

// ../node/dist/src/api/identity.js
function encodePublicKey(publicKey) {
  return publicKey == null ? "" : toString(publicKeyToProtobuf(publicKey), "base64pad");
}
async function peerIdentity(libp2p, peer, options = {}) {
  let id;
  try {
    id = peerIdFromString(peer);
  } catch (err) {
    throw new InvalidParametersError("invalid peer id", { cause: err });
  }
  const signal = options.signal ?? AbortSignal.timeout(DEFAULT_ROUTING_TIMEOUT_MS);
  const connection = await libp2p.dial(id, { signal });
  let protocolVersion = "";
  if (libp2p.services.identify != null) {
    const result = await libp2p.services.identify.identify(connection, { signal }).catch(() => void 0);
    protocolVersion = result?.protocolVersion ?? "";
  }
  const stored = await libp2p.peerStore.get(id);
  const publicKey = stored.id.publicKey ?? id.publicKey;
  const agent = stored.metadata.get("AgentVersion");
  const suffix = `/p2p/${id.toString()}`;
  return {
    id: id.toString(),
    publicKey: encodePublicKey(publicKey),
    addresses: stored.addresses.map((a) => a.multiaddr.toString()).map((a) => a.endsWith(suffix) ? a : a + suffix).sort(),
    agentVersion: agent == null ? "" : toString(agent),
    protocolVersion,
    protocols: [...stored.protocols].sort()
  };
}
export {
  encodePublicKey,
  peerIdentity
};
