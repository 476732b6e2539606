import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { base36 } from 'multiformats/bases/base36'
import { CID } from 'multiformats/cid'
import { parseCidArg, parseCidList, parseInteger, parsePathArg } from '../src/commands/parse.ts'

const test = suite('argument parsers')
const v0 = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'
const v1 = 'bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am'

test('CIDs in base58btc, base32 and base36; /ipfs/ prefix dropped', () => {
  assert.is(parseCidArg(v0), v0)
  assert.is(parseCidArg(`/ipfs/${v1}`), v1)
  const k = CID.parse(v1).toString(base36)
  assert.ok(k.startsWith('k'))
  assert.is(parseCidArg(k), k)
  assert.equal(parseCidList(v1, [v0]), [v0, v1])
  assert.throws(() => parseCidArg('bafynope'), (e: any) => e.code === 'ERR_INVALID_CID' && e.message === 'invalid CID "bafynope": not a CID in base32, base36 or base58btc')
})

test('paths keep their shape; the head must be a CID', () => {
  assert.is(parsePathArg(`/ipfs/${v0}/a/b`), `/ipfs/${v0}/a/b`)
  assert.is(parsePathArg(`${v1}/x`), `${v1}/x`)
  assert.throws(() => parsePathArg('nope/a'), (e: any) => e.code === 'ERR_INVALID_PATH' && e.message === 'invalid path "nope/a": "nope" is not a CID')
})

test('integers', () => {
  assert.is(parseInteger('42'), 42)
  assert.throws(() => parseInteger('-1'), (e: any) => e.code === 'ERR_USAGE')
  assert.throws(() => parseInteger('1e3'), (e: any) => e.code === 'ERR_USAGE')
  assert.throws(() => parseInteger('99999999999999999999'), (e: any) => e.code === 'ERR_USAGE')
})

test.run()
