/**
 * @packageDocumentation
 *
 * `@cairn/cli`: the `cairn` command (`bin.ts`) and its parts: `run()` for one CLI run,
 * `parseConfig()` for env and global flags, `createRpcApi()` for `CairnApi` over a daemon's
 * Kubo-compatible `/api/v0`, and the error table and output formatters.
 */
export { run } from './main.ts'
export type { RunInit } from './main.ts'
export * from './rpc-client.ts'
export * from './config.ts'
export * from './errors.ts'
export * from './format.ts'
export * from './print.ts'
export { multiaddrToHostPort, multiaddrToUrl } from './multiaddr.ts'
