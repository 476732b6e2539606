/**
 * @packageDocumentation
 *
 * `@cairn/ipld`: the IPLD helpers every layer needs and none owns, so the DAG library, Bitswap and
 * the block store share them without importing each other: the links a block holds under its
 * codec (dag-pb, dag-cbor, dag-json and the link-free codecs), hash verification of bytes against
 * a CID, and varints. No storage, no networking: it loads wherever `multiformats` does.
 *
 * ```ts
 * import { blockLinks, verifyBlock } from '@cairn/ipld'
 *
 * await verifyBlock(cid, bytes)           // HashMismatchError unless bytes hash to cid
 * for (const link of blockLinks(cid, bytes)) console.info(link.toString())
 * ```
 */
export { blockLinks, isLeafCodec, dagPbLinksFromPrefix, RAW_CODE, DAG_PB_CODE, DAG_CBOR_CODE, DAG_JSON_CODE } from './links.ts'
export { verifyBlock, verifyBlockSync, canVerify } from './verify.ts'
export { isSupportedHash, multihashDigest, hashBytes, hashCode, supportedHashes, IDENTITY_CODE } from './hashes.ts'
export {
  IPLD_CODEC_TABLE, cidEncoder, encodePathCid, multibaseByName, multibaseDecode, multibaseEncode, decodeCidString, checkCidFormatOptions, formatCid, inspectCid,
  formatInspection, listBases, formatBases, listCodecs, listHashes, formatCodes, type CidFormatOptions, type CidInspection, type CodeAndName
} from './cid-tools.ts'
export { varintLength, encodeVarint, writeVarint, readVarint, varintEnd, decodeVarint, MAX_VARINT_BYTES } from './varint.ts'
