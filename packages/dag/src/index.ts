/**
 * @packageDocumentation
 *
 * `@cairn/dag`: the UnixFS DAG builder (Kubo's CIDs), the reader (cat, ls, stat, get, paths)
 * and CAR import/export, over any `BlockPutter` / `BlockGetter`.
 */
export { importer, importBytes, resolveImportSettings, pathSegments, type ImportSettings } from './importer.ts'
export { parseChunker, fixedSize, type Chunker } from './chunker.ts'
export { fileSource, type FileSourceOptions } from './fs-source.ts'
export { catMany, type CatManySource } from './cat-many.ts'
export { cat, ls, stat, get, dagStat, readFile, directoryLinks, type ReadOptions, type LsOptions, type DagStatResult, type DagStatOptions, type BlockIndex } from './reader.ts'
export { createReadAheadBudget, type ReadAheadBudget } from './read-ahead.ts'
export { resolvePath, type ResolveResult } from './resolve.ts'
export { IPLD_CODECS, codecByName, decodeNode, encodeNode, selectPath, resolveToNode, namedLinks, type NodeResolution } from './ipld-node.ts'
export { parsePath, parseCid, type ParsedPath } from './path.ts'
export { exportCar, importCar, carHeader, carSection, carSections, entityRange, type CarImportOptions } from './car.ts'
export { loadNode, interpret, type DagNode } from './node.ts'
export { convertBlock, type ConvertFormat } from './convert.ts'
export { dagPbObject, encodeObjectData, type ObjectLink, type ObjectView } from './object.ts'
export { hamtHash, hamtSlot } from './hamt.ts'
export { editFile, setNodeMeta, recodeNode, type FileEditSettings, type FileEditOptions, type FileEditResult, type NodeMeta } from './file-edit.ts'
export { writeDirectory, linkEstimate, dataEstimate, flatDirData, type DirSettings } from './dir-builder.ts'
export { MutableShard } from './hamt-edit.ts'
export { createBlockWriter, type BlockWriter } from './block-writer.ts'
export { contentSize, cumulativeSize } from './node.ts'
export { hasStoredMode, marshalWithMode } from './unixfs-data.ts'
export { UnreadablePathError, dagErrorClasses } from './errors.ts'
export * from './constants.ts'
