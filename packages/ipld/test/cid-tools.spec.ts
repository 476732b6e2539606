import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  checkCidFormatOptions, formatBases, formatCid, formatCodes, formatInspection, hashBytes, inspectCid, listBases, listCodecs, listHashes,
  multibaseDecode, multibaseEncode, verifyBlockSync
} from '../src/index.ts'
import { CID } from 'multiformats/cid'

const test = suite('cid tools')
const V0 = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'
const V1 = 'bafybeiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4'

test('cid format: versions, bases, codecs and every printf token', () => {
  assert.is(formatCid(V0, { version: '1' }), V1)
  assert.is(formatCid(V1, { version: '0' }), V0)
  assert.is(formatCid(V0, { base: 'base36' }), multibaseEncode(CID.parse(V1).bytes, 'base36'))
  assert.is(formatCid(V1, { codec: 'raw' }), 'bafkreiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4')
  assert.is(formatCid(V0, { format: '%P' }), 'cidv0-dag-pb-sha2-256-32')
  assert.is(formatCid(V1, { format: '%b %B %v %V %c %C %h %H %L %%' }), 'base32 b cidv1 1 dag-pb 112 sha2-256 18 32 %')
  assert.is(formatCid(V1, { format: '%s|%S' }), `${V1}|${V1.slice(1)}`)
  assert.is(formatCid(V1, { format: '%d', base: 'base16' }), 'fa568e404d8eadaec925ac3bc1b36259c0f6d70000d729cd918c46a836f497657')
  assert.throws(() => checkCidFormatOptions({ format: 'no percent' }), /invalid format string: "no percent"/)
  assert.throws(() => checkCidFormatOptions({ version: '0', codec: 'raw' }), /cannot convert to CIDv0 with any codec other than dag-pb/)
  assert.throws(() => checkCidFormatOptions({ version: '0', base: 'base32' }), /cannot convert to CIDv0 with any multibase other than the implicit base58btc/)
  assert.throws(() => checkCidFormatOptions({ version: '2' }), /invalid cid version: "2"/)
  assert.throws(() => formatCid('bafkreiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4', { version: '0' }), /can't convert non-dag-pb nodes to cidv0/)
  assert.throws(() => formatCid('nope'), /selected encoding not supported/)
})

test('cid inspect: Kubo\'s JSON shape and text', () => {
  const r = inspectCid(V0)
  assert.equal(r, {
    cid: V0,
    version: 0,
    multibase: { prefix: 'z', name: 'base58btc' },
    multicodec: { code: 0x70, name: 'dag-pb' },
    multihash: { code: 0x12, name: 'sha2-256', length: 32, digest: 'a568e404d8eadaec925ac3bc1b36259c0f6d70000d729cd918c46a836f497657' },
    cidV0: V0,
    cidV1: V1
  })
  const text = formatInspection(inspectCid('bafkreiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4'))
  assert.ok(text.includes('Multibase:  base32 (b)'))
  assert.ok(text.includes('Multicodec: raw (0x55)'))
  assert.ok(text.includes('CIDv0:      not possible, requires dag-pb (0x70), got raw (0x55)'))
})

test('bases, codecs and hashes lists in Kubo\'s order and text', () => {
  const bases = listBases()
  assert.equal(bases.slice(0, 4).map(b => b.Name), ['identity', 'base2', 'base8', 'base10'])
  const names = bases.map(b => b.Name)
  assert.ok(names.indexOf('base32') < names.indexOf('base32upper'), 'lower case before upper for one letter')
  assert.equal(formatBases(bases, { prefix: true }).find(l => l.endsWith(' base58btc')), 'z  base58btc')
  assert.equal(formatBases(bases, { prefix: true, numeric: true }).find(l => l.endsWith(' base32')), 'b      98  base32')
  assert.equal(formatCodes(listCodecs({ supported: true }), { numeric: true }).slice(0, 3), ['   81  cbor', '   85  raw', '  112  dag-pb'])
  assert.ok(listCodecs().length > 40)
  const hashes = listHashes().map(h => h.Name)
  for (const h of ['sha2-256', 'sha2-512', 'sha3-256', 'keccak-256', 'blake2b-256', 'blake2s-256', 'identity']) assert.ok(hashes.includes(h), h)
})

test('multibase encode, decode, transcode', () => {
  const hello = new TextEncoder().encode('hello')
  assert.is(multibaseEncode(hello), 'uaGVsbG8')
  assert.is(multibaseEncode(hello, 'base32'), 'bnbswy3dp')
  assert.equal(multibaseDecode('bnbswy3dp'), hello)
  assert.equal(multibaseDecode('zCn8eVZg'), hello)
  assert.throws(() => multibaseEncode(hello, 'base99'), /unsupported multibase encoding: base99/)
  assert.throws(() => multibaseDecode('!nope'), /failed to decode multibase/)
})

test('hashes by name: blake2b-256, keccak-256 and truncated sha2-512 verify as blocks', () => {
  const bytes = new TextEncoder().encode('hash me')
  for (const [name, code, size] of [['blake2b-256', 0xb220, 32], ['keccak-256', 0x1b, 32], ['sha3-256', 0x16, 32], ['blake2s-256', 0xb260, 32]] as const) {
    const digest = hashBytes(name, bytes)
    assert.is(digest.code, code)
    assert.is(digest.size, size)
    verifyBlockSync(CID.createV1(0x55, digest), bytes)
    assert.throws(() => { verifyBlockSync(CID.createV1(0x55, digest), new TextEncoder().encode('other')) }, /do not match/)
  }
  assert.is(hashBytes('sha2-512', bytes, 20).size, 20)
  assert.throws(() => hashBytes('md5', bytes), /unrecognized multihash function: md5/)
})

test.run()
