/**
 * Rendezvous between replicas fetching one block: whoever ranks the same set of replicas picks
 * the same one to ask the origin (so no two ask, and none waits for another that waits too), and
 * each replica gets about its share of the blocks.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { fetchesFirst } from '../src/bitswap/rendezvous.ts'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'

const test = suite('Bitswap rendezvous')

async function peerIds (n: number): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, async () => peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()))
}

test('among replicas that see each other, exactly one fetches each block, each about a third', async () => {
  const ids = await peerIds(3)
  const wins = new Map(ids.map(id => [id, 0]))
  const keys = 3000
  for (let i = 0; i < keys; i++) {
    const key = `key-${i}-${ids[i % 3].slice(-4)}`
    const first = ids.filter(self => fetchesFirst(key, self, ids.filter(id => id !== self)))
    assert.is(first.length, 1, `one fetcher of ${key}: ${first.join(', ')}`)
    wins.set(first[0], (wins.get(first[0]) ?? 0) + 1)
  }
  for (const [id, n] of wins) assert.ok(n > keys * 0.28 && n < keys * 0.39, `${id} fetches ${n} of ${keys}`)
})

test('waits never go round in a circle when replicas see different sets', async () => {
  const ids = await peerIds(4)
  for (let i = 0; i < 500; i++) {
    const key = `k${i}`
    // each replica sees a different subset of the others; whoever it waits for ranks higher
    const sees = (self: string): string[] => ids.filter((id, j) => id !== self && (i + j + ids.indexOf(self)) % 3 !== 0)
    for (const self of ids) {
      let at = self
      const visited = new Set<string>()
      while (!fetchesFirst(key, at, sees(at))) {
        assert.not.ok(visited.has(at), `a circle of waits for ${key}`)
        visited.add(at)
        // the one it waits for: the top of what it sees
        at = sees(at).find(other => fetchesFirst(key, other, [at, ...sees(at)].filter(x => x !== other))) as string
        assert.ok(at != null)
      }
    }
  }
})

test('its own ID among the others is ignored', () => {
  assert.ok(fetchesFirst('k', 'a', []))
  assert.ok(fetchesFirst('k', 'a', ['a']))
  assert.is(fetchesFirst('k', 'a', ['b']), !fetchesFirst('k', 'b', ['a']))
})

test.run()
