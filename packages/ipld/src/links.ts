import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import { MalformedBlockError, UnsupportedCodecError } from '@cairn/interface'
import { CID } from 'multiformats/cid'
import { readVarint } from './varint.ts'

export const RAW_CODE = 0x55
export const DAG_PB_CODE = dagPb.code
export const DAG_CBOR_CODE = dagCbor.code
export const DAG_JSON_CODE = dagJson.code

/** Codecs whose blocks never link anywhere: raw, identity, json, cbor, libp2p-key */
const LEAF_CODECS = new Set([RAW_CODE, 0x00, 0x0200, 0x51, 0x72])

/** True when blocks of this codec cannot link, so pin walks need not read them */
export function isLeafCodec (code: number): boolean {
  return LEAF_CODECS.has(code)
}

/**
 * The CIDs a block links to, in order and deduplicated. Supports dag-pb, dag-cbor, dag-json and the
 * link-free codecs (raw, identity, json, cbor, libp2p-key); anything else is `UnsupportedCodecError`,
 * since a walk that silently skipped links would let GC delete pinned blocks.
 */
export function blockLinks (cid: CID, bytes: Uint8Array): CID[] {
  if (isLeafCodec(cid.code)) return []
  try {
    switch (cid.code) {
      case DAG_PB_CODE:
        return dedupe(dagPb.decode(bytes).Links.map(link => link.Hash))
      case DAG_CBOR_CODE:
        return dedupe(collectCids(dagCbor.decode(bytes)))
      case DAG_JSON_CODE:
        return dedupe(collectCids(dagJson.decode(bytes)))
    }
  } catch (err) {
    throw new MalformedBlockError(`Block ${cid} does not decode as its codec: ${(err as Error).message}`, { cause: err })
  }
  throw new UnsupportedCodecError(`Cannot read links of ${cid}: codec 0x${cid.code.toString(16)} is not supported`)
}

/**
 * The links of a dag-pb node from the first bytes of its encoding, or undefined when they are not
 * all there. dag-pb puts every Link (field 2) before Data (field 1), so a leaf with 256 KiB of
 * data has its links, if any, in the first few bytes: pin walks read only those.
 */
export function dagPbLinksFromPrefix (prefix: Uint8Array): CID[] | undefined {
  let o = 0
  while (o < prefix.byteLength) {
    const start = o
    const tag = readVarint(prefix, o)
    if (tag == null) return undefined
    o = tag.next
    if ((tag.value & 7) !== 2) return undefined // not length-delimited: let the full decoder judge
    const field = tag.value >>> 3
    if (field === 1) {
      // Data: no link follows. The fields before it are a valid encoding of a node with no data
      try {
        return dedupe(dagPb.decode(prefix.subarray(0, start)).Links.map(link => link.Hash))
      } catch {
        return undefined
      }
    }
    if (field !== 2) return undefined
    const len = readVarint(prefix, o)
    if (len == null) return undefined
    o = len.next + len.value
  }
  return undefined
}

function collectCids (value: unknown): CID[] {
  const out: CID[] = []
  // Explicit stack: decoded IPLD data can nest deeper than a comfortable recursion depth
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (v == null || typeof v !== 'object') continue
    const cid = CID.asCID(v)
    if (cid != null) {
      out.push(cid)
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i])
    } else if (!(v instanceof Uint8Array)) {
      const values = Object.values(v)
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i])
    }
  }
  return out
}

function dedupe (cids: CID[]): CID[] {
  if (cids.length < 2) return cids
  const seen = new Set<string>()
  const out: CID[] = []
  for (const cid of cids) {
    // The bytes, not toString(): base32-encoding every link was a tenth of a pin walk's time
    const key = Buffer.from(cid.bytes.buffer, cid.bytes.byteOffset, cid.bytes.byteLength).toString('latin1')
    if (seen.has(key)) continue
    seen.add(key)
    out.push(cid)
  }
  return out
}
