/**
 * @packageDocumentation
 *
 * The IPFS Pinning Service API (ipfs/pinning-services-api-spec v1.0.0), service side: bearer
 * tokens stored hashed in the repo, pin requests queued in the repo and fetched through a node
 * with bounded concurrency, per-token isolation and quotas, and resume after a restart or crash.
 * HTTP is not here: `@cairn/gateway` serves these operations on `Pinning.Service.Listen`.
 *
 * @example
 * ```ts
 * const service = await createPinningService(nodeComponents(node), { repoPath })
 * await service.start()
 * const scope = await service.authenticate(bearerToken)
 * const status = await scope.add({ cid: 'bafy...', name: 'backup' })
 * ```
 */
export { createPinningService, pinningServiceInitFromConfig } from './service.ts'
export type { PinningService, PinningServiceComponents, PinningServiceInit, TokenScope } from './service.ts'
export { nodeComponents, reachableDelegates } from './node-components.ts'
export type { PinningNode } from './node-components.ts'
export { createToken, listTokens, requestPurge, revokeToken, tokensPath, PURGE_ALL_REVOKED } from './tokens.ts'
export type { CreateTokenOptions, TokenInfo, TokenRecord } from './tokens.ts'
export { checkPin, parseQuery, parseCid, TEXT_MATCHING_STRATEGIES } from './validate.ts'
export type { ListQuery } from './validate.ts'
export * from './errors.ts'
export * from './constants.ts'
