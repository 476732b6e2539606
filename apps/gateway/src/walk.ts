import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import { CID } from 'multiformats/cid'
import { NotFoundError } from '@cairn/interface'
import type { AbortOptions, BlockGetter } from '@cairn/interface'
import { resolvePath } from '@cairn/dag'
import { StatusError } from './errors.ts'

export interface Walk {
  /** Where the path ends */
  cid: CID
  /** The root, then one CID per segment */
  roots: CID[]
  /** Every block read on the way (directories, HAMT shards, DAG-CBOR/JSON documents), in order */
  pathBlocks: CID[]
}

const DOCUMENT_DECODERS: Record<number, (bytes: Uint8Array) => unknown> = {
  [dagCbor.code]: dagCbor.decode,
  [dagJson.code]: dagJson.decode
}

/**
 * Walks a content path across codecs: UnixFS directories (plain and HAMT) through `@cairn/dag`,
 * DAG-CBOR and DAG-JSON documents field by field, following the IPLD links they hold, as the
 * path gateway spec does for `/ipfs/{dag-cbor cid}/files/single`
 */
export async function walkPath (root: CID, segments: string[], blocks: BlockGetter, options: AbortOptions = {}): Promise<Walk> {
  let cid = root
  const roots: CID[] = [root]
  const pathBlocks: CID[] = []
  let i = 0
  while (i < segments.length) {
    const decode = DOCUMENT_DECODERS[cid.code]
    if (decode == null) {
      const step = await resolvePath(['/ipfs', cid.toString(), segments[i]].join('/'), blocks, options)
      pathBlocks.push(...step.pathBlocks)
      cid = step.cid
      roots.push(cid)
      i++
      continue
    }
    const document = cid
    pathBlocks.push(document)
    let value: unknown = decode(await blocks.getBlock(document, options))
    let consumed = 0
    while (i < segments.length && CID.asCID(value) == null) {
      const segment = segments[i]
      if (value == null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
        throw new NotFoundError(`no field "${segment}" in ${document.toString()}`)
      }
      value = (value as Record<string, unknown>)[segment]
      i++
      consumed++
    }
    const link = CID.asCID(value)
    if (link == null) throw new StatusError(501, `reading IPLD Kinds other than Links (CBOR Tag 42) is not implemented: the path ends inside ${document.toString()}`)
    for (let k = 1; k < consumed; k++) roots.push(document)
    roots.push(link)
    cid = link
  }
  return { cid, roots, pathBlocks }
}
