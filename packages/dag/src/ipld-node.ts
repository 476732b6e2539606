/**
 * IPLD nodes by codec name, as Kubo's `dag get|put|resolve` see them: decode a block into the
 * data model, encode a value back under any codec, walk a path to the last block it reaches and
 * select what is left inside that block.
 */
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import { InvalidParametersError, MalformedBlockError, NotFoundError, UnsupportedCodecError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import * as json from 'multiformats/codecs/json'
import { MAX_DAG_DEPTH } from './constants.ts'
import { loadBlock } from './node.ts'
import { parsePath, type ParsedPath } from './path.ts'
import { resolveUnixfsStep } from './resolve.ts'
import type { AbortOptions, BlockGetter } from '@cairn/interface'

/** The multicodecs Kubo's `dag` commands take by name, with their codes */
export const IPLD_CODECS: Readonly<Record<string, number>> = Object.freeze({
  raw: 0x55,
  'dag-pb': 0x70,
  'dag-cbor': 0x71,
  'dag-json': 0x0129,
  json: 0x0200,
  cbor: 0x51
})

/** A codec by name (`dag-cbor`) or code; `UnsupportedCodecError` otherwise */
export function codecByName (name: string): number {
  const code = IPLD_CODECS[name]
  if (code == null) throw new UnsupportedCodecError(`unknown multicodec: "${name}" (supported: ${Object.keys(IPLD_CODECS).join(', ')})`)
  return code
}

/** The data model value of a block of codec `code` (a raw block is one bytes value) */
export function decodeNode (code: number, bytes: Uint8Array): unknown {
  try {
    switch (code) {
      case 0x55: return bytes
      case 0x70: return dagPb.decode(bytes)
      case 0x71: case 0x51: return dagCbor.decode(bytes)
      case 0x0129: return dagJson.decode(bytes)
      case 0x0200: return json.decode(bytes)
    }
  } catch (err) {
    throw new MalformedBlockError(`the data does not decode as ${codecName(code)}: ${(err as Error).message}`, { cause: err })
  }
  throw new UnsupportedCodecError(`no decoder for codec 0x${code.toString(16)}`)
}

/** A data model value encoded under codec `code`; a value the codec cannot hold is InvalidParametersError */
export function encodeNode (code: number, value: unknown): Uint8Array {
  try {
    switch (code) {
      case 0x55:
        if (value instanceof Uint8Array) return value
        throw new Error('raw can only encode bytes')
      case 0x70: return dagPb.encode(dagPb.prepare(value as dagPb.PBNode))
      case 0x71: case 0x51: return dagCbor.encode(value)
      case 0x0129: return dagJson.encode(value)
      case 0x0200: return json.encode(value)
    }
  } catch (err) {
    throw new InvalidParametersError(`cannot encode as ${codecName(code)}: ${(err as Error).message}`, { cause: err })
  }
  throw new UnsupportedCodecError(`no encoder for codec 0x${code.toString(16)}`)
}

function codecName (code: number): string {
  return Object.entries(IPLD_CODECS).find(([, c]) => c === code)?.[0] ?? `0x${code.toString(16)}`
}

/** The value at `segments` inside a decoded node: map keys, and list indexes in decimal */
export function selectPath (value: unknown, segments: string[], where: string): unknown {
  let v = value
  for (const [i, segment] of segments.entries()) {
    const here = CID.asCID(v) == null && v != null && typeof v === 'object' && !(v instanceof Uint8Array) ? v : undefined
    const next = Array.isArray(here)
      ? (/^\d+$/.test(segment) ? here[Number(segment)] : undefined)
      : here != null && Object.hasOwn(here, segment) ? (here as Record<string, unknown>)[segment] : undefined
    if (next === undefined) throw new NotFoundError(`no link named "${segment}" under ${[where, ...segments.slice(0, i)].join('/')}`)
    v = next
  }
  return v
}

export interface NodeResolution {
  /** The last block the path reaches */
  cid: CID
  /** What is left of the path inside that block (Kubo's `RemPath`) */
  remainder: string[]
}

/**
 * Kubo's `ResolvePath` for `dag` commands: follows UnixFS names through dag-pb directories and
 * fields through DAG-CBOR/DAG-JSON documents, crossing every link on the way, and stops at the
 * last block with the part of the path that names something inside it.
 */
export async function resolveToNode (path: string | CID | ParsedPath, getter: BlockGetter, options: AbortOptions = {}): Promise<NodeResolution> {
  const { root, segments } = typeof path === 'object' && CID.asCID(path) == null ? path as ParsedPath : parsePath(path as string | CID)
  if (segments.length > MAX_DAG_DEPTH) throw new NotFoundError(`Path is deeper than ${MAX_DAG_DEPTH} segments`)
  let cid = root
  let i = 0
  while (i < segments.length) {
    if (cid.code === 0x70) {
      cid = await resolveUnixfsStep(cid, root, segments, i, getter, [], options)
      i++
      continue
    }
    if (cid.code === 0x55) {
      // a raw block is bytes, where nothing has a name: Kubo's resolver fetches it, then its lookup
      // of the next segment fails (go-ipld-prime's ErrWrongKind, word for word)
      await loadBlock(cid, getter, options)
      throw new NotFoundError('func called on wrong kind: "LookupBySegment" called on a bytes node (kind: bytes), but only makes sense on map or list')
    }
    if (cid.code !== 0x71 && cid.code !== 0x0129) return { cid, remainder: segments.slice(i) }
    let value = decodeNode(cid.code, await loadBlock(cid, getter, options))
    const start = i
    while (i < segments.length && CID.asCID(value) == null) {
      value = selectPath(value, [segments[i]], [cid.toString(), ...segments.slice(start, i)].join('/'))
      i++
    }
    const link = CID.asCID(value)
    if (link == null) return { cid, remainder: segments.slice(start) }
    cid = link
  }
  return { cid, remainder: [] }
}

/**
 * A block's links with their names, in order, as Kubo's `refs` lists them: a dag-pb link's Name,
 * a DAG-CBOR/DAG-JSON link's path inside the document (`a/0/b`); link-free codecs have none
 */
export function namedLinks (cid: CID, bytes: Uint8Array): Array<{ name: string, cid: CID }> {
  if (cid.code === 0x70) return (decodeNode(0x70, bytes) as dagPb.PBNode).Links.map(l => ({ name: l.Name ?? '', cid: l.Hash }))
  if (cid.code !== 0x71 && cid.code !== 0x0129) return []
  const out: Array<{ name: string, cid: CID }> = []
  // explicit stack, children pushed in reverse so links come out in document order
  const stack: Array<{ value: unknown, path: string[] }> = [{ value: decodeNode(cid.code, bytes), path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    const link = CID.asCID(value)
    if (link != null) {
      out.push({ name: path.join('/'), cid: link })
      continue
    }
    if (value == null || typeof value !== 'object' || value instanceof Uint8Array) continue
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] })
  }
  return out
}
