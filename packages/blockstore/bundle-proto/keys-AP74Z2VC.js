import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  generateEphemeralKeyPair,
  generateKeyPair,
  generateKeyPairFromSeed,
  keyStretcher,
  privateKeyFromCryptoKeyPair,
  privateKeyFromProtobuf,
  privateKeyFromRaw,
  privateKeyToCryptoKeyPair,
  privateKeyToProtobuf,
  publicKeyFromMultihash,
  publicKeyFromProtobuf,
  publicKeyFromRaw,
  publicKeyToProtobuf
} from "./chunk-LYEKNKQZ.js";
import "./chunk-DRLROITU.js";
import "./chunk-6ENLWDBY.js";
import "./chunk-GJVBA7A3.js";
import "./chunk-TOJ2BU2E.js";
import "./chunk-4FL5K7DK.js";
import "./chunk-WHPHTD5L.js";
import "./chunk-SWTR4ACN.js";
import "./chunk-S6UWZNPS.js";
import "./chunk-ROPHLTMV.js";
import "./chunk-OBWUN26Y.js";
export {
  generateEphemeralKeyPair,
  generateKeyPair,
  generateKeyPairFromSeed,
  keyStretcher,
  privateKeyFromCryptoKeyPair,
  privateKeyFromProtobuf,
  privateKeyFromRaw,
  privateKeyToCryptoKeyPair,
  privateKeyToProtobuf,
  publicKeyFromMultihash,
  publicKeyFromProtobuf,
  publicKeyFromRaw,
  publicKeyToProtobuf
};
