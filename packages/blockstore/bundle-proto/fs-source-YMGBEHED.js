import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FileContent,
  fileSource
} from "./chunk-ZBMILZQH.js";
import "./chunk-UVAGLUXE.js";
import "./chunk-OBWUN26Y.js";
export {
  FileContent,
  fileSource
};
