import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import { UnsupportedCodecError } from '@cairn/interface'
import { RAW_CODE } from '@cairn/ipld'

/** The formats a block can be re-encoded into: the DAG codecs and their plain twins */
export type ConvertFormat = 'dag-json' | 'dag-cbor' | 'json' | 'cbor'

const DECODERS: Record<number, (bytes: Uint8Array) => unknown> = {
  // a raw block is one IPLD bytes value: `{"/": {"bytes": ...}}` in DAG-JSON
  [RAW_CODE]: bytes => bytes,
  [dagPb.code]: dagPb.decode,
  [dagCbor.code]: dagCbor.decode,
  [dagJson.code]: dagJson.decode
}

// plain json/cbor get the DAG codecs' bytes: links become `{"/": cid}` and tag 42, which both read
const ENCODERS: Record<ConvertFormat, (value: unknown) => Uint8Array> = {
  'dag-json': dagJson.encode,
  'dag-cbor': dagCbor.encode,
  json: dagJson.encode,
  cbor: dagCbor.encode
}

/**
 * A block of codec `code` re-encoded in another IPLD codec (a dag-pb directory as DAG-JSON, say):
 * the data model is the same, only the bytes differ. Throws `UnsupportedCodecError` for a codec or
 * format it cannot convert.
 */
export function convertBlock (code: number, bytes: Uint8Array, format: string): Uint8Array {
  const decode = DECODERS[code]
  const encode = ENCODERS[format as ConvertFormat]
  if (decode == null || encode == null) throw new UnsupportedCodecError(`cannot convert codec 0x${code.toString(16)} to ${format}`)
  return encode(decode(bytes))
}
