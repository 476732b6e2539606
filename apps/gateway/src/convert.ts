import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import { NotAcceptableError } from './errors.ts'

const RAW_CODE = 0x55

const DECODERS: Record<number, (bytes: Uint8Array) => unknown> = {
  // a raw block is one IPLD bytes value: `{"/": {"bytes": ...}}` in DAG-JSON
  [RAW_CODE]: bytes => bytes,
  [dagPb.code]: dagPb.decode,
  [dagCbor.code]: dagCbor.decode,
  [dagJson.code]: dagJson.decode
}

// plain json/cbor get the DAG codecs' bytes: links become `{"/": cid}` and tag 42, which both read
const ENCODERS: Record<string, (value: unknown) => Uint8Array> = {
  'dag-json': dagJson.encode,
  'dag-cbor': dagCbor.encode,
  json: dagJson.encode,
  cbor: dagCbor.encode
}

/**
 * A block re-encoded in another IPLD codec (`?format=dag-json` on a dag-pb directory, say), as
 * the path gateway spec allows; the data model is the same, only the bytes differ
 */
export function convertBlock (code: number, bytes: Uint8Array, format: string): Uint8Array {
  const decode = DECODERS[code]
  const encode = ENCODERS[format]
  if (decode == null || encode == null) throw new NotAcceptableError(`cannot convert codec 0x${code.toString(16)} to ${format}`)
  return encode(decode(bytes))
}
