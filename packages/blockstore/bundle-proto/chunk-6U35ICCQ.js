import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  InvalidParametersError
} from "./chunk-UVAGLUXE.js";

// ../../apps/cli/dist/src/multiaddr.js
import { createRequire } from "node:module";
var multiaddr = (text) => createRequire(import.meta.url)("@multiformats/multiaddr").multiaddr(text);
function multiaddrToUrl(address) {
  const { host, port } = multiaddrToHostPort(address);
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
var IP4_TCP = /^\/ip4\/((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})\/tcp\/(\d{1,5})$/;
function multiaddrToHostPort(address) {
  const simple = IP4_TCP.exec(address);
  if (simple != null && Number(simple[2]) <= 65535)
    return { host: simple[1], port: Number(simple[2]) };
  let components;
  try {
    components = multiaddr(address).getComponents();
  } catch (err) {
    throw new InvalidParametersError(`invalid multiaddr '${address}': ${err.message}`, { cause: err });
  }
  const host = components.find((c) => ["ip4", "ip6", "dns", "dns4", "dns6"].includes(c.name))?.value;
  const port = components.find((c) => c.name === "tcp")?.value;
  if (host == null || port == null)
    throw new InvalidParametersError(`multiaddr '${address}' names no host and TCP port`);
  return { host, port: Number(port) };
}

export {
  multiaddrToUrl,
  multiaddrToHostPort
};
