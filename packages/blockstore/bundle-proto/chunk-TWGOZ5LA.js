import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CLI_VERSION,
  REPO_VERSION
} from "./chunk-H35UP2PX.js";

// ../../apps/cli/dist/src/version.js
var versionInfo = () => ({ Version: CLI_VERSION, Commit: "", Repo: REPO_VERSION, System: `${process.arch}/${process.platform}` });
function versionLines(flags) {
  const v = versionInfo();
  if (flags.all === true) {
    return [`Cairn version: ${v.Version}`, `Repo version: ${v.Repo}`, `System version: ${v.System}`, `Node.js version: ${process.version}`];
  }
  if (flags.number === true)
    return [v.Version];
  if (flags.repo === true)
    return [v.Repo];
  return [`cairn version ${v.Version}`];
}
var BARE = {
  version: {},
  "--version": {},
  "version -n": { number: true },
  "version --number": { number: true },
  "version --all": { all: true }
};
function bareVersion(argv) {
  return BARE[argv.join(" ")];
}

export {
  versionInfo,
  versionLines,
  bareVersion
};
