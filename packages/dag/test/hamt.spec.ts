import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { murmur364 } from '@multiformats/murmur3'
import { hamtHash, hamtSlot } from '../src/index.ts'
import { pseudoRandom } from './fixtures/oracle.ts'

test('hamtHash is murmur3-x64-64 as @multiformats/murmur3 computes it, for every tail length', () => {
  for (let len = 0; len < 70; len++) {
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = pseudoRandom(len, seed * 100 + len)
      const expected = Buffer.from((murmur364.encode(bytes) as Uint8Array).subarray(0, 8)).toString('hex')
      assert.is(Buffer.from(hamtHash(bytes)).toString('hex'), expected, `${len} bytes, seed ${seed}`)
    }
  }
  assert.equal(hamtHash('file-2916.txt'), hamtHash(new TextEncoder().encode('file-2916.txt')))
})

test('slots are read from the hash a byte per level (fanout 256), bits MSB-first otherwise', () => {
  const hash = Uint8Array.from([0xab, 0xcd, 1, 2, 3, 4, 5, 6])
  assert.is(hamtSlot(hash, 0), 0xab)
  assert.is(hamtSlot(hash, 1), 0xcd)
  assert.is(hamtSlot(hash, 0, 16), 0xa)
  assert.is(hamtSlot(hash, 1, 16), 0xb)
  assert.throws(() => hamtSlot(hash, 8), (e: any) => e.code === 'ERR_MALFORMED_BLOCK')
  assert.throws(() => hamtSlot(hash, 0, 100), (e: any) => e.code === 'ERR_MALFORMED_BLOCK')
})

test.run()
