/**
 * Kubo's `add --hash` and the HAMT threshold (`Import.UnixFSHAMTDirectorySizeThreshold`), checked
 * against the independent oracle, `ipfs-unixfs-importer` with Kubo's legacy profile.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { CID } from 'multiformats/cid'
import { UnixFS } from 'ipfs-unixfs'
import * as dagPb from '@ipld/dag-pb'
import type { AddOptions, ImportCandidate } from '@cairn/interface'
import { importer } from '../src/index.ts'
import { heliaCids, pseudoRandom } from './fixtures/oracle.ts'
import type { OracleEntry } from './fixtures/oracle.ts'
import { MemoryStore } from './fixtures/memory-store.ts'

const test = suite('add --hash and the HAMT threshold')

const tree = (n: number): Array<ImportCandidate & OracleEntry> => Array.from({ length: n }, (_, i) => ({ path: `d/file-with-a-longish-name-${i}`, content: pseudoRandom(300 + i * 700, i) }))

async function ours (entries: ImportCandidate[], options: AddOptions, store = new MemoryStore()): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for await (const r of importer(entries.map(e => ({ ...e })), store, options)) out.set(r.path, r.cid.toString())
  return out
}

/**
 * The oracle only hashes with sha2-256, so the check goes through it: every block of our sha2-512
 * DAG must hash to its own CID, and re-hashing the same DAG with sha2-256 (links rewritten bottom-up)
 * must give exactly the oracle's CIDv1 raw-leaves tree, so nothing but the hash function differs
 */
async function rehashed (cid: CID, store: MemoryStore): Promise<{ cid: CID, tsize: number }> {
  const bytes = await store.getBlock(cid)
  assert.equal(cid.multihash.digest, (await sha512.digest(bytes)).digest, `${cid} is the sha2-512 of its block`)
  if (cid.code === 0x55) return { cid: CID.createV1(0x55, await sha256.digest(bytes)), tsize: bytes.byteLength }
  const node = dagPb.decode(bytes)
  const links = []
  let below = 0
  for (const l of node.Links) {
    // a link's Tsize counts the blocks below it, whose CIDs (and so sizes) change with the hash
    const child = await rehashed(l.Hash, store)
    links.push({ ...l, Hash: child.cid, Tsize: child.tsize })
    below += child.tsize
  }
  const block = dagPb.encode({ ...node, Links: links })
  return { cid: CID.createV1(dagPb.code, await sha256.digest(block)), tsize: block.byteLength + below }
}

test('--hash=sha2-512: CIDv1 with raw leaves, the same DAG as Kubo makes with sha2-256 otherwise', async () => {
  const entries = tree(6)
  entries.push({ path: 'd/big', content: pseudoRandom(600_000, 9) })
  const store = new MemoryStore()
  const got = await ours(entries, { hash: 'sha2-512' }, store)
  const want = await heliaCids(entries, { profile: 'unixfs-v0-2015', cidVersion: 1, rawLeaves: true })
  assert.ok(got.get('d')?.startsWith('bafy'), 'a CIDv1')
  for (const [path, cid] of got) assert.is((await rehashed(CID.parse(cid), store)).cid.toString(), want.get(path), path)
  // an explicit --raw-leaves=false is kept
  const wrapped = await ours(entries, { hash: 'sha2-512', rawLeaves: false }, store)
  const wrappedWant = await heliaCids(entries, { profile: 'unixfs-v0-2015', cidVersion: 1, rawLeaves: false })
  assert.is((await rehashed(CID.parse(wrapped.get('d')!), store)).cid.toString(), wrappedWant.get('d'))
  const blake = await ours(entries, { hash: 'blake2b-256' })
  for (const cid of blake.values()) assert.is(CID.parse(cid).multihash.code, 0xb220, cid)
})

test('--hash refuses CIDv0 and names it does not know, with Kubo\'s messages', async () => {
  const store = new MemoryStore()
  const attempt = async (options: AddOptions): Promise<string> => {
    try {
      await ours(tree(1), options, store)
      return 'no error'
    } catch (err) {
      return (err as Error).message
    }
  }
  assert.is(await attempt({ hash: 'sha2-512', cidVersion: 0 }), 'CIDv0 only supports sha2-256')
  assert.is(await attempt({ hash: 'md5' }), 'unrecognized hash function: "md5"')
  assert.is(await attempt({ hash: 'SHA2-256', cidVersion: 0 }), 'no error', 'names are case-insensitive, as Kubo lower-cases them')
})

test('shardThresholdBytes: a small threshold shards a small directory exactly as Kubo does', async () => {
  const entries = tree(40).map(e => ({ ...e, content: new TextEncoder().encode(e.path) }))
  const store = new MemoryStore()
  const plain = await ours(entries, {}, store)
  const sharded = await ours(entries, { shardThresholdBytes: 1024 }, store)
  assert.is.not(plain.get('d'), sharded.get('d'))
  const want = await heliaCids(entries, { profile: 'unixfs-v0-2015', shardSplitThresholdBytes: 1024 })
  assert.is(sharded.get('d'), want.get('d'))
  const root = dagPb.decode(await store.getBlock(CID.parse(sharded.get('d')!)))
  assert.is(UnixFS.unmarshal(root.Data!).type, 'hamt-sharded-directory')
})

test.run()
