import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  peerIdFromCID,
  peerIdFromMultihash,
  peerIdFromPrivateKey,
  peerIdFromPublicKey,
  peerIdFromString
} from "./chunk-NCYWY3NF.js";
import "./chunk-LYEKNKQZ.js";
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
  peerIdFromCID,
  peerIdFromMultihash,
  peerIdFromPrivateKey,
  peerIdFromPublicKey,
  peerIdFromString
};
