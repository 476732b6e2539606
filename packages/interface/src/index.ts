/**
 * @packageDocumentation
 *
 * Contracts shared by every Cairn package: the `CairnApi` a node offers, block and UnixFS types,
 * the repo config shape and the typed errors, and `parseDuration`, the one reading of the
 * duration strings those contracts carry. No other implementation lives here.
 */

export * from './errors.ts'
export { parseDuration } from './duration.ts'
export * from './pinning.ts'
export type * from './blocks.ts'
export type * from './unixfs.ts'
export type * from './config.ts'
export type * from './api.ts'
export type * from './names.ts'
export type * from './files.ts'
export type * from './network.ts'
export type * from './pinning-service.ts'
