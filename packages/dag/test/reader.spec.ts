import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { exporter } from 'ipfs-unixfs-exporter'
import * as dagPb from '@ipld/dag-pb'
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import type { AddResult, ImportCandidate } from '@cairn/interface'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { cat, createReadAheadBudget, dagStat, get, importBytes, importer, ls, resolvePath, stat } from '../src/index.ts'
import { pseudoRandom } from './fixtures/oracle.ts'
import { RecordingGetter } from './fixtures/getters.ts'
import { collect, tempStore, type TempStore } from './fixtures/store.ts'

const K = 262_144

// forced collections, to see which blocks a reader still keeps alive
setFlagsFromString('--expose-gc')

interface Ctx {
  t: TempStore
  data: Uint8Array
  file: AddResult
  dir: AddResult
  sharded: AddResult
  shardNames: string[]
}

const reader = suite<Ctx>('reader')

reader.before(async ctx => {
  ctx.t = await tempStore()
  ctx.data = pseudoRandom(200 * K + 12_345, 77) // two layers of links
  ctx.file = await importBytes(ctx.data, ctx.t.store)
  const tree: ImportCandidate[] = [
    { path: 'd/a.txt', content: new TextEncoder().encode('alpha') },
    { path: 'd/sub/big.bin', content: ctx.data },
    { path: 'd/sub/raw.bin', content: pseudoRandom(1000, 1) },
    { path: 'd/empty' },
    { path: 'd/ünï', content: new TextEncoder().encode('unicode') },
    { path: 'd/link', symlinkTarget: 'a.txt' }
  ]
  for await (const r of importer(tree, ctx.t.store, { cidVersion: 1 })) ctx.dir = r
  ctx.shardNames = Array.from({ length: 5000 }, (_, i) => `entry-${i}-${'x'.repeat(20)}`)
  for await (const r of importer(ctx.shardNames.map((n, i) => ({ path: `s/${n}`, content: pseudoRandom(4, i + 1) })), ctx.t.store)) ctx.sharded = r
})
reader.after(async ctx => { await ctx.t.close() })

reader('cat returns the file bytes, as ipfs-unixfs-exporter does', async ({ t, data, file }) => {
  assert.ok(Buffer.from(await collect(cat(file.cid, t.store))).equals(data))
  const entry = await exporter(file.cid, { get: async function * (cid: CID) { yield await t.store.getBlock(cid) } } as any)
  assert.is(entry.type, 'file')
  if (entry.type === 'file') assert.ok(Buffer.from(await collect(entry.content())).equals(data))
})

reader('cat ranges: block edges, across layers, past the end, zero length', async ({ t, data, file }) => {
  const cases: Array<[number, number | undefined]> = [
    [0, 1], [K - 1, 2], [K, K], [174 * K - 5, 10], [174 * K, 3 * K + 7], [data.length - 1, 100], [data.length, 10],
    [data.length + 5, undefined], [12_345, 0], [1_000_000, undefined]
  ]
  for (const [offset, length] of cases) {
    const got = await collect(cat(file.cid, t.store, { offset, length }))
    const end = length == null ? data.length : Math.min(offset + length, data.length)
    assert.ok(Buffer.from(got).equals(data.subarray(Math.min(offset, data.length), end)), `offset ${offset} length ${String(length)}`)
  }
})

reader('a range reads only the blocks that cover it', async ({ t, file }) => {
  const g = new RecordingGetter(t.store)
  const got = await collect(cat(file.cid, g, { offset: 100 * K + 10, length: 2 * K }))
  assert.is(got.byteLength, 2 * K)
  // root, the one second-layer node, then 3 leaves: the range starts inside one leaf and spans two more
  assert.is(g.asked.length, 1 + 1 + 3)
})

reader('cat prefetches ahead over a slow getter, within its window', async ({ t, data, file }) => {
  const slow = new RecordingGetter(t.store, async () => await new Promise(resolve => setImmediate(resolve)))
  const got = await collect(cat(file.cid, slow, { prefetch: 8 }))
  assert.ok(Buffer.from(got).equals(data))
  assert.ok(slow.maxInFlight > 1, `requests overlap (${slow.maxInFlight})`)
  assert.ok(slow.maxInFlight <= 8, `window respected (${slow.maxInFlight})`)
})

reader('concurrent readers sharing a read-ahead budget stay within it, and give it back when they stop', async ({ t, data, file }) => {
  const budget = createReadAheadBudget(6)
  let maxTaken = 0
  const watching = new RecordingGetter(t.store, async () => {
    maxTaken = Math.max(maxTaken, budget.taken)
    await new Promise(resolve => setImmediate(resolve))
  })
  const readers = Array.from({ length: 4 }, async () => collect(cat(file.cid, watching, { prefetch: 8, readAhead: budget })))
  for (const got of await Promise.all(readers)) assert.ok(Buffer.from(got).equals(data))
  assert.ok(maxTaken > 1, `readers read ahead (${maxTaken})`)
  assert.ok(maxTaken <= 6, `budget respected (${maxTaken} taken)`)
  // each reader may hold its own current block beyond the shared read-ahead
  assert.ok(watching.maxInFlight <= 6 + 4, `requests in flight: ${watching.maxInFlight}`)
  assert.is(budget.taken, 0, 'all given back once the reads ended')

  for await (const chunk of cat(file.cid, watching, { prefetch: 8, readAhead: budget })) {
    assert.ok(chunk.byteLength > 0)
    assert.ok(budget.taken > 0, 'reading ahead')
    break
  }
  assert.is(budget.taken, 0, 'a reader stopped early gives its read-ahead back')
})

reader('a reader drops each block once read, so memory does not grow with the file', async ({ t, data, file }) => {
  // every block handed out is tracked; once read, nothing of the reader may keep it alive
  const handed = new Set<WeakRef<Uint8Array>>()
  const tracking = { getBlock: async (cid: CID) => { const b = (await t.store.getBlock(cid)).slice(); handed.add(new WeakRef(b)); return b } }
  let bytes = 0
  const gc = runInNewContext('gc') as () => void
  let maxAlive = 0
  for await (const chunk of cat(file.cid, tracking, { prefetch: 4 })) {
    bytes += chunk.byteLength
    gc()
    let alive = 0
    for (const ref of handed) if (ref.deref() != null) alive++
    maxAlive = Math.max(maxAlive, alive)
  }
  assert.is(bytes, data.length)
  // the file has 201 leaves under 2 inner nodes: a reader that kept read blocks held up to 174
  assert.ok(maxAlive <= 4 + 3, `blocks alive while reading: at most ${maxAlive}`)
})

reader('ls plain directory: names, types, sizes, paths', async ({ t, dir, data }) => {
  const entries = []
  for await (const e of ls(dir.cid, t.store)) entries.push([e.name, e.type, e.size, e.path])
  const base = dir.cid.toString()
  assert.equal(entries, [
    ['a.txt', 'file', 5, `${base}/a.txt`],
    ['empty', 'directory', 4, `${base}/empty`],
    ['link', 'symlink', entries[2][2], `${base}/link`],
    ['sub', 'directory', entries[3][2], `${base}/sub`],
    ['ünï', 'file', 7, `${base}/ünï`]
  ])
  const sub = []
  for await (const e of ls(`/ipfs/${base}/sub`, t.store)) sub.push([e.name, e.type, e.size])
  assert.equal(sub, [['big.bin', 'file', data.length], ['raw.bin', 'file', 1000]])
})

reader('ls HAMT-sharded directory lists every entry once; resolve walks the shard', async ({ t, sharded, shardNames }) => {
  const seen = new Set<string>()
  for await (const e of ls(sharded.cid, t.store)) seen.add(e.name)
  assert.is(seen.size, shardNames.length)
  for (const n of shardNames) assert.ok(seen.has(n), n)
  const g = new RecordingGetter(t.store)
  const r = await resolvePath(`${sharded.cid.toString()}/${shardNames[4321]}`, g)
  assert.ok(Buffer.from(await collect(cat(r.cid, t.store))).equals(pseudoRandom(4, 4322)))
  assert.ok(g.asked.length <= 3, `one block per shard level, not a scan (${g.asked.length})`)
  try {
    await resolvePath(`${sharded.cid.toString()}/no-such-name`, t.store)
    assert.unreachable()
  } catch (err: any) { assert.is(err.code, 'ERR_NOT_FOUND') }
})

reader('resolvePath: /ipfs/ paths, bare paths, CIDs, and the typed errors', async ({ t, dir }) => {
  const base = dir.cid.toString()
  const a = await resolvePath(`/ipfs/${base}/sub/raw.bin`, t.store)
  const b = await resolvePath(`${base}/sub/raw.bin`, t.store)
  assert.is(a.cid.toString(), b.cid.toString())
  assert.is(a.pathBlocks.length, 2)
  assert.is((await resolvePath(dir.cid, t.store)).cid.toString(), base)
  const bad: Array<[string, string]> = [
    [`${base}/nope`, 'ERR_NOT_FOUND'],
    [`${base}/a.txt/deeper`, 'ERR_NOT_A_DIRECTORY'],
    ['/ipfs/notacid/x', 'ERR_INVALID_CID'],
    ['/ipns/example.com', 'ERR_INVALID_PATH'],
    ['/ipfs/', 'ERR_INVALID_PATH'],
    [`${base}/../x`, 'ERR_INVALID_PATH']
  ]
  for (const [p, code] of bad) {
    try {
      await resolvePath(p, t.store)
      assert.unreachable(p)
    } catch (err: any) { assert.is(err.code, code, p) }
  }
})

reader('stat: type, size, cumulative size and block count', async ({ t, file, data, dir }) => {
  const s = await stat(file.cid, t.store)
  assert.is(s.type, 'file')
  assert.is(s.size, data.length)
  assert.is(s.cumulativeSize, file.size)
  // 201 leaves, 2 second-layer nodes, 1 root
  assert.is(s.blocks, 201 + 2 + 1)
  const d = await stat(dir.cid, t.store)
  assert.is(d.type, 'directory')
  assert.is(d.size, 0)
  assert.is(d.cumulativeSize, dir.size)
  assert.equal(await dagStat(file.cid, t.store), { size: file.size, numBlocks: 204 })
})

reader('dagStat with the store index: no stored leaf is read, and blocks the index lacks come from the getter', async ({ t, file, dir }) => {
  for (const root of [file.cid, dir.cid]) {
    const expected = await dagStat(root, t.store)
    const getter = new RecordingGetter(t.store)
    const reads = t.store.counters().reads
    assert.equal(await dagStat(root, getter, { index: t.store }), expected)
    assert.is(getter.asked.length, 0, 'nothing asked of the getter')
    // only dag-pb nodes too small for a prefix read may be read whole; no raw leaf is
    const rawLeaves = expected.numBlocks - 3
    const read = t.store.counters().reads - reads
    assert.ok(read < rawLeaves, `${read} bodies read`)
  }
  // an index that lacks every other block: those, and only those, come from the getter
  const lacked: string[] = []
  let calls = 0
  const partial = {
    sizeOf: async (cid: CID) => {
      if (calls++ % 2 === 1) {
        lacked.push(cid.toString())
        throw Object.assign(new Error('not here'), { name: 'NotFoundError' })
      }
      return t.store.sizeOf(cid)
    },
    linksOf: async (cid: CID) => t.store.linksOf(cid)
  }
  const getter = new RecordingGetter(t.store)
  assert.equal(await dagStat(file.cid, getter, { index: partial }), { size: file.size, numBlocks: 204 })
  assert.is(lacked.length, 102)
  assert.equal(getter.asked, lacked)
  // any other index failure is not hidden behind the getter
  const broken = { sizeOf: async () => { throw Object.assign(new Error('disk gone'), { name: 'StoreReadError' }) }, linksOf: async () => [] }
  const err = await dagStat(file.cid, t.store, { index: broken }).then(() => undefined, (e: Error) => e)
  assert.is(err?.message, 'disk gone')
})

reader('cat of a directory or non-file is a typed error', async ({ t, dir, file }) => {
  for (const p of [dir.cid.toString(), `${dir.cid.toString()}/link`]) {
    try {
      await collect(cat(p, t.store))
      assert.unreachable(p)
    } catch (err: any) { assert.is(err.code, 'ERR_NOT_A_FILE', p) }
  }
  try {
    await collect(cat(file.cid, t.store, { offset: -1 }))
    assert.unreachable()
  } catch (err: any) { assert.is(err.code, 'ERR_INVALID_PARAMETERS') }
})

reader('get yields directories before their children, with file content and symlink targets', async ({ t, dir, data }) => {
  const out: Array<[string, string, number?]> = []
  for await (const e of get(`${dir.cid.toString()}/`, t.store)) {
    if (e.content != null) {
      const bytes = await collect(e.content)
      out.push([e.path, e.type, bytes.byteLength])
      if (e.path.endsWith('big.bin')) assert.ok(Buffer.from(bytes).equals(data))
    } else {
      out.push([e.path, e.type + (e.symlinkTarget != null ? `->${e.symlinkTarget}` : '')])
    }
  }
  const base = dir.cid.toString()
  assert.equal(out, [
    [base, 'directory'], [`${base}/a.txt`, 'file', 5], [`${base}/empty`, 'directory'], [`${base}/link`, 'symlink->a.txt'],
    [`${base}/sub`, 'directory'], [`${base}/sub/big.bin`, 'file', data.length], [`${base}/sub/raw.bin`, 'file', 1000], [`${base}/ünï`, 'file', 7]
  ])
})

reader('malformed blocks and unknown codecs are typed errors, not crashes', async ({ t }) => {
  const put = async (code: number, bytes: Uint8Array): Promise<CID> => {
    const cid = CID.createV1(code, await sha256.digest(bytes))
    await t.store.putBlock(cid, bytes)
    return cid
  }
  const notPb = await put(0x70, Uint8Array.from([0xff, 0xff, 0xff]))
  const notUnixfs = await put(0x70, dagPb.encode({ Data: Uint8Array.from([0x08, 0x63, 0x12]), Links: [] }))
  const cbor = await put(0x71, dagCbor.encode({ a: 1 }))
  const unknown = await put(0x9999, Uint8Array.from([1, 2, 3]))
  const lyingSizes = await put(0x70, dagPb.encode({ Data: Uint8Array.from([0x08, 0x02, 0x18, 0x05, 0x20, 0x05]), Links: [] }))
  const cases: Array<[CID, string]> = [
    [notPb, 'ERR_MALFORMED_BLOCK'], [notUnixfs, 'ERR_MALFORMED_BLOCK'], [cbor, 'ERR_NOT_A_FILE'],
    [unknown, 'ERR_UNSUPPORTED_CODEC'], [lyingSizes, 'ERR_MALFORMED_BLOCK']
  ]
  for (const [cid, code] of cases) {
    try {
      await collect(cat(cid, t.store))
      assert.unreachable(cid.toString())
    } catch (err: any) { assert.is(err.code, code, `${cid.toString()}: ${String(err.message)}`) }
  }
  try {
    for await (const _ of ls(unknown, t.store)) { /* drain */ }
    assert.unreachable()
  } catch (err: any) { assert.is(err.code, 'ERR_UNSUPPORTED_CODEC') }
})

reader('inner blocks that lie about their size or do not decode are typed errors', async ({ t }) => {
  const put = async (bytes: Uint8Array): Promise<CID> => {
    const cid = CID.createV0(await sha256.digest(bytes))
    await t.store.putBlock(cid, bytes)
    return cid
  }
  const leaf = await put(dagPb.encode({ Data: Uint8Array.from([0x08, 0x02, 0x12, 0x03, 1, 2, 3, 0x18, 0x03]), Links: [] }))
  const garbage = await put(Uint8Array.from([0x12, 0x50, 0x0a]))
  // parent claims 5 bytes under a leaf that holds 3; another parent points at a non-dag-pb block
  const parentData = (size: number): Uint8Array => Uint8Array.from([0x08, 0x02, 0x18, size * 2, 0x20, size, 0x20, size])
  const lying = await put(dagPb.encode({ Data: parentData(5), Links: [{ Hash: leaf, Tsize: 9 }, { Hash: leaf, Tsize: 9 }] }))
  const broken = await put(dagPb.encode({ Data: parentData(3), Links: [{ Hash: leaf, Tsize: 9 }, { Hash: garbage, Tsize: 3 }] }))
  for (const cid of [lying, broken]) {
    try {
      await collect(cat(cid, t.store))
      assert.unreachable(cid.toString())
    } catch (err: any) { assert.is(err.code, 'ERR_MALFORMED_BLOCK', String(err.message)) }
  }
})

reader('random and mutated blocks give typed errors or valid reads, never a crash', async ({ t, file }) => {
  const { CairnError } = await import('@cairn/interface')
  const valid = await t.store.getBlock(file.cid)
  const samples: Uint8Array[] = []
  for (let i = 0; i < 150; i++) samples.push(pseudoRandom(1 + (i % 60), i + 1000))
  for (let i = 0; i < 150; i++) {
    const m = Uint8Array.from(valid)
    m[(i * 7919) % m.length] ^= 1 + (i % 255)
    samples.push(i % 3 === 0 ? m.subarray(0, (i * 31) % m.length) : m)
  }
  let typed = 0
  for (const bytes of samples) {
    const cid = CID.createV0(await sha256.digest(bytes))
    await t.store.putBlock(cid, bytes)
    for (const op of [async () => await collect(cat(cid, t.store)), async () => { for await (const _ of ls(cid, t.store)) { /* drain */ } }, async () => await stat(cid, t.store)]) {
      try {
        await op()
      } catch (err) {
        assert.ok(err instanceof CairnError, `untyped error for ${Buffer.from(bytes.subarray(0, 16)).toString('hex')}: ${String(err)}`)
        typed++
      }
    }
  }
  assert.ok(typed > samples.length, 'most of them are refused')
})

reader('a missing block surfaces as NotFoundError from the getter', async ({ t }) => {
  const missing = CID.createV0(await sha256.digest(Uint8Array.from([9, 9, 9])))
  try {
    await collect(cat(missing, t.store))
    assert.unreachable()
  } catch (err: any) { assert.is(err.code, 'ERR_NOT_FOUND') }
})

reader.run()
