#!/usr/bin/env node
import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  bareVersion,
  versionLines
} from "./chunk-TWGOZ5LA.js";
import {
  EXIT_DAEMON
} from "./chunk-H35UP2PX.js";
import "./chunk-OBWUN26Y.js";

// ../../apps/cli/dist/src/bin.js
import module from "node:module";
module.enableCompileCache?.();
var version = bareVersion(process.argv.slice(2));
if (version != null) {
  process.stdout.write(versionLines(version).join("\n") + "\n", () => process.exit(0));
} else {
  await runCommand();
}
async function runCommand() {
  const { run } = await import("./main-IQ77DLER.js");
  const SIGNAL_ECHO_WINDOW_MS = 1e3;
  const controller = new AbortController();
  let firstSignalAt;
  const onSignal = () => {
    const now = Date.now();
    if (firstSignalAt == null) {
      firstSignalAt = now;
      controller.abort();
    } else if (now - firstSignalAt > SIGNAL_ECHO_WINDOW_MS) {
      process.exit(130);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const onOutputError = (err) => {
    if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED")
      controller.abort();
  };
  process.stdout.on("error", onOutputError);
  process.stderr.on("error", onOutputError);
  process.on("beforeExit", () => {
    process.stderr.write("Error: the daemon closed the connection before its answer was complete\n");
    process.exit(EXIT_DAEMON);
  });
  const code = await run({
    env: process.env,
    argv: process.argv.slice(2),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    signal: controller.signal
  });
  process.exit(code);
}
