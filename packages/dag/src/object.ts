/**
 * Kubo's deprecated `object get|links|stat|data` over one dag-pb node, for the old clients that still
 * call them: the node's links (Name, Hash, Size), its Data bytes and `ipld.NodeStat`'s sizes.
 */
import * as dagPb from '@ipld/dag-pb'
import { InvalidParametersError, MalformedBlockError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

export interface ObjectLink { Name: string, Hash: string, Size: number }

export interface ObjectView {
  links: ObjectLink[]
  data: Uint8Array
  /** go-ipld-format's NodeStat, field for field */
  stat: { Hash: string, NumLinks: number, BlockSize: number, LinksSize: number, DataSize: number, CumulativeSize: number }
}

/** A dag-pb block as Kubo's object commands saw it; other codecs are refused, as Kubo's `object` API did */
export function dagPbObject (cid: CID, bytes: Uint8Array): ObjectView {
  if (cid.code !== dagPb.code) throw new InvalidParametersError(`unsupported node type: ${cid.toString()} is not a dag-pb node`)
  let node: dagPb.PBNode
  try {
    node = dagPb.decode(bytes)
  } catch (err) {
    throw new MalformedBlockError(`${cid.toString()} does not decode as dag-pb: ${(err as Error).message}`, { cause: err })
  }
  const links = node.Links.map(l => ({ Name: l.Name ?? '', Hash: l.Hash.toString(), Size: l.Tsize ?? 0 }))
  const data = node.Data ?? new Uint8Array(0)
  return {
    links,
    data,
    stat: {
      Hash: cid.toString(),
      NumLinks: links.length,
      BlockSize: bytes.byteLength,
      LinksSize: bytes.byteLength - data.byteLength,
      DataSize: data.byteLength,
      CumulativeSize: bytes.byteLength + links.reduce((n, l) => n + l.Size, 0)
    }
  }
}

/** Kubo's `--data-encoding`: text (the bytes as a string) or base64 */
export function encodeObjectData (data: Uint8Array, encoding = 'text'): string {
  if (encoding === 'text') return new TextDecoder().decode(data)
  if (encoding === 'base64') return Buffer.from(data).toString('base64')
  throw new InvalidParametersError('unknown data field encoding')
}
