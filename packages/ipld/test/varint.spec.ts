import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { varint } from 'multiformats'
import { decodeVarint, encodeVarint, MAX_VARINT_BYTES, readVarint, varintEnd, varintLength, writeVarint } from '../src/index.ts'

const SAMPLES = [0, 1, 127, 128, 255, 300, 16_383, 16_384, 2 ** 21 - 1, 2 ** 21, 2 ** 28, 2 ** 31, 2 ** 32 + 5, 2 ** 49, Number.MAX_SAFE_INTEGER]

test('varints are multiformats\' unsigned-varint, byte for byte, both ways', () => {
  for (const n of SAMPLES) {
    const theirs = varint.encodeTo(n, new Uint8Array(varint.encodingLength(n)))
    assert.equal(encodeVarint(n), theirs, `encode ${n}`)
    assert.is(varintLength(n), theirs.byteLength, `length ${n}`)
    const buf = new Uint8Array(theirs.byteLength + 3).fill(0xee)
    assert.is(writeVarint(buf, 2, n), 2 + theirs.byteLength, `write ${n} returns the next position`)
    assert.equal(buf.subarray(2, 2 + theirs.byteLength), theirs)
    assert.is(buf[2 + theirs.byteLength], 0xee, 'nothing written past it')
    assert.equal(readVarint(buf, 2), { value: n, next: 2 + theirs.byteLength }, `read ${n}`)
    assert.is(decodeVarint(buf, 2), n)
  }
})

test('a truncated or overlong varint is undefined, never a wrong value', () => {
  const bytes = encodeVarint(2 ** 30)
  for (let cut = 0; cut < bytes.byteLength; cut++) {
    assert.is(readVarint(bytes, 0, cut), undefined, `cut at ${cut}`)
    assert.is(varintEnd(bytes.subarray(0, cut), 0), -1)
  }
  assert.is(readVarint(new Uint8Array(MAX_VARINT_BYTES + 1).fill(0x80), 0), undefined)
  assert.is(readVarint(new Uint8Array(0), 0), undefined)
  // a non-minimal encoding ends where its last byte says, not where the value's shortest form would
  assert.equal(readVarint(Uint8Array.from([0x81, 0x80, 0x00, 0x07]), 0), { value: 1, next: 3 })
})

test.run()
