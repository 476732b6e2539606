/**
 * @packageDocumentation
 *
 * `@cairn/cli`: the `cairn` command (`bin.ts`) and its parts: `run()` for one CLI run,
 * `parseConfig()` for env and global flags, `createRpcApi()` for `CairnApi` over a daemon's
 * Kubo-compatible `/api/v0`, and the error table and output formatters.
 */
export { run } from './main.ts'
export type { RunInit } from './main.ts'
export { createRpcApi } from './rpc/client.ts'
export type { RpcApi, RpcApiInit } from './rpc/client.ts'
export { ERROR_CODE_HEADER, STREAM_ERROR_TRAILER, codeFromMessage, toRpcError } from './rpc/errors.ts'
export { multipartBody } from './rpc/multipart.ts'
export * from './config.ts'
export * from './errors.ts'
export * from './format.ts'
export * from './print.ts'
export { multiaddrToHostPort, multiaddrToUrl } from './multiaddr.ts'
