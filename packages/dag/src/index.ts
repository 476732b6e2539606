/**
 * @packageDocumentation
 *
 * `@cairn/dag`: the UnixFS DAG builder (Kubo's CIDs), the reader (cat, ls, stat, get, paths)
 * and CAR import/export, over any `BlockPutter` / `BlockGetter`.
 */
export { importer, importBytes, resolveImportSettings, type ImportSettings } from './importer.ts'
export { parseChunker, fixedSize, type Chunker } from './chunker.ts'
export * from './constants.ts'
