import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  extract,
  pack
} from "./chunk-J6IPDYFA.js";
import "./chunk-D3WQOLQI.js";
import "./chunk-TOJ2BU2E.js";
import "./chunk-4FL5K7DK.js";
import "./chunk-WHPHTD5L.js";
import "./chunk-S6UWZNPS.js";
import "./chunk-ROPHLTMV.js";
import "./chunk-OBWUN26Y.js";
export {
  extract,
  pack
};
