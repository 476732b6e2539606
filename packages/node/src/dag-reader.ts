import * as dag from '@cairn/dag'
import type { AbortOptions, BlockGetter, BlockPutter, CarExportOptions, CarImportResult, CatOptions, GetEntry, LsEntry, StatResult } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/**
 * The `@cairn/dag` reader and CAR functions this package calls. They are being written in
 * parallel with this package; until they are exported, calls fail with a TypeError at run time.
 * TODO(node): import them by name once `@cairn/dag` exports them, so the compiler checks the shapes.
 */
export interface DagReader {
  cat(getter: BlockGetter, path: string | CID, options?: CatOptions): AsyncIterable<Uint8Array>
  ls(getter: BlockGetter, path: string | CID, options?: AbortOptions): AsyncIterable<LsEntry>
  get(getter: BlockGetter, path: string | CID, options?: AbortOptions): AsyncIterable<GetEntry>
  stat(getter: BlockGetter, path: string | CID, options?: AbortOptions): Promise<StatResult>
  resolvePath(getter: BlockGetter, path: string | CID, options?: AbortOptions): Promise<{ cid: CID }>
  dagStat(getter: BlockGetter, cid: CID, options?: AbortOptions): Promise<{ cid: CID, size: number, numBlocks: number }>
  exportCar(getter: BlockGetter, cid: CID, options?: CarExportOptions): AsyncIterable<Uint8Array>
  importCar(car: AsyncIterable<Uint8Array>, putter: BlockPutter, options?: AbortOptions): Promise<CarImportResult>
}

export const reader = dag as unknown as DagReader
