import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { cleanup, collect, concatBytes, pseudoRandomBytes, testNode } from './fixtures/nodes.ts'
import type { CairnNode } from '../src/index.ts'

const test = suite('CairnApi in-process (offline node)')

let node: CairnNode

test.before(async () => {
  node = await testNode({ offline: true })
})

test.after(cleanup)

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

async function rejects (fn: () => Promise<unknown>, code: string): Promise<void> {
  try {
    await fn()
  } catch (err: any) {
    assert.is(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`)
    return
  }
  assert.unreachable(`expected ${code}`)
}

async function * stream (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}

async function missingCid (seed: string): Promise<CID> {
  return CID.createV1(0x55, await sha256.digest(enc(seed)))
}

test('an offline node never dials and answers network reads with OfflineError', async () => {
  assert.is(node.offline, true)
  // it builds no libp2p at all (issue 12: offline commands load none of it), so it can neither
  // listen nor dial; asking for it is OfflineError
  assert.throws(() => node.libp2p, (err: any) => err.code === 'ERR_OFFLINE')
  assert.equal((await node.id()).addresses, [], 'listens nowhere')
  await rejects(async () => node.swarm.connect('/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWDzpYzCuaehZBsjUyCsj8bCnLGz3FQsm47SGhX1BGx6Hb'), 'ERR_OFFLINE')
  await rejects(async () => node.swarm.peers(), 'ERR_OFFLINE')
  await rejects(async () => collect(node.routing.findProvs(await missingCid('x'))), 'ERR_OFFLINE')
  await rejects(async () => node.block.get(await missingCid('missing')), 'ERR_OFFLINE')
  await rejects(async () => node.pin.add(await missingCid('missing')), 'ERR_OFFLINE')
  assert.throws(() => node.libp2p, (err: any) => err.code === 'ERR_OFFLINE')
})

test('add a tree: one result per entry, root pinned recursively, Kubo CIDs', async () => {
  const results = await collect(node.add([
    { path: 'dir/a.txt', content: enc('hello') },
    { path: 'dir/sub/b.bin', content: pseudoRandomBytes(300 * 1024) },
    { path: 'dir/empty' }
  ]))
  const root = results.find(r => r.path === 'dir')
  assert.ok(root != null)
  // `echo -n hello | ipfs add` → QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX (Kubo's default CIDv0)
  assert.is(results.find(r => r.path === 'dir/a.txt')?.cid.toString(), 'QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX')
  const pins = await collect(node.pin.ls({ type: 'recursive' }))
  assert.equal(pins.map(p => p.cid.toString()), [root.cid.toString()])
  const indirect = await collect(node.pin.ls({ type: 'indirect' }))
  assert.ok(indirect.length >= 4, 'every block under the root is pinned indirectly')
})

test('ls, cat (with ranges), get and stat read the tree back', async () => {
  const big = pseudoRandomBytes(300 * 1024, 3)
  const results = await collect(node.add([
    { path: 'tree/a.txt', content: enc('hello') },
    { path: 'tree/sub/b.bin', content: big }
  ]))
  const root = results.find(r => r.path === 'tree')?.cid as CID
  const entries = await collect(node.ls(root))
  assert.equal(entries.map(e => [e.name, e.type]), [['a.txt', 'file'], ['sub', 'directory']])
  assert.is(entries[0].size, 5)
  assert.is(new TextDecoder().decode(await concatBytes(node.cat(`/ipfs/${root.toString()}/a.txt`))), 'hello')
  assert.equal(await concatBytes(node.cat(`${root.toString()}/sub/b.bin`)), big)
  assert.equal(await concatBytes(node.cat(`${root.toString()}/sub/b.bin`, { offset: 262_000, length: 1000 })), big.subarray(262_000, 263_000))

  const st = await node.stat(`${root.toString()}/sub/b.bin`)
  assert.is(st.type, 'file')
  assert.is(st.size, big.byteLength)
  assert.is(st.blocks, 3, 'two leaves and their parent')
  await rejects(async () => collect(node.cat(root)), 'ERR_NOT_A_FILE')
  await rejects(async () => collect(node.ls(`${root.toString()}/nope`)), 'ERR_NOT_FOUND')

  const got: Array<[string, string, number]> = []
  for await (const entry of node.get(root)) {
    got.push([entry.path, entry.type, entry.content == null ? -1 : (await concatBytes(entry.content)).byteLength])
  }
  assert.equal(got.map(g => g[0]).sort(), ['tree', 'tree/a.txt', 'tree/sub', 'tree/sub/b.bin'].map(p => p.replace(/^tree/, root.toString())).sort())
  assert.ok(got.some(g => g[2] === big.byteLength))
})

test('dag export then import round trips, and import with pinRoots: false accepts an incomplete DAG', async () => {
  const content = pseudoRandomBytes(400 * 1024, 5)
  const [r] = await collect(node.add([{ path: 'car.bin', content }], { cidVersion: 1 }))
  const car = await concatBytes(node.dag.export(r.cid))
  const dstat = await node.dag.stat(r.cid)
  assert.is(dstat.numBlocks, 3)
  assert.ok(dstat.cid.equals(r.cid))

  // a second node imports the CAR and pins its root
  const other = await testNode({ offline: true })
  const [imported] = await collect(other.dag.import(stream(car)))
  assert.ok(imported.root.cid.equals(r.cid))
  assert.is(imported.root.pinErrorMsg, undefined)
  assert.equal(await concatBytes(other.cat(r.cid)), content)
  assert.equal((await collect(other.pin.ls({ type: 'recursive' }))).map(p => p.cid.toString()), [r.cid.toString()])

  // only the root block: an incomplete DAG
  const rootOnly = await concatBytes(node.dag.export(r.cid, { dagScope: 'block' }))
  const third = await testNode({ offline: true })
  const [partial] = await collect(third.dag.import(stream(rootOnly), { pinRoots: false }))
  assert.ok(partial.root.cid.equals(r.cid))
  assert.is(await third.blockstore.hasBlock(r.cid), true)
  assert.equal(await collect(third.pin.ls()), [])
  // pinning it needs the missing leaves, which an offline node cannot fetch
  await rejects(async () => third.pin.add(r.cid), 'ERR_OFFLINE')
  assert.equal(await collect(third.pin.ls()), [], 'no partial pin')
  // a CAR that is not one
  await rejects(async () => collect(third.dag.import(stream(enc('not a car')))), 'ERR_INVALID_CAR')
})

test('add with wrapWithDirectory pins the wrapper only', async () => {
  const before = (await collect(node.pin.ls({ type: 'recursive' }))).length
  const results = await collect(node.add([{ path: 'w1.txt', content: enc('w1') }, { path: 'w2.txt', content: enc('w2') }], { wrapWithDirectory: true }))
  const wrapper = results.find(r => r.path === '')
  assert.ok(wrapper != null)
  const recursive = (await collect(node.pin.ls({ type: 'recursive' }))).map(p => p.cid.toString())
  assert.is(recursive.length, before + 1)
  assert.ok(recursive.includes(wrapper.cid.toString()))
  assert.equal((await collect(node.ls(wrapper.cid))).map(e => e.name), ['w1.txt', 'w2.txt'])
})

test('an add whose source fails pins nothing', async () => {
  const before = await collect(node.pin.ls({ type: 'recursive' }))
  async function * broken (): AsyncGenerator<{ path: string, content: Uint8Array }> {
    yield { path: 'ok.txt', content: enc('fine') }
    throw new Error('disk on fire')
  }
  try {
    await collect(node.add(broken()))
    assert.unreachable('should fail')
  } catch (err: any) {
    assert.match(err.message, /disk on fire/)
  }
  assert.equal((await collect(node.pin.ls({ type: 'recursive' }))).map(String), before.map(String))
  await rejects(async () => collect(node.add([{ path: '../escape', content: enc('x') }])), 'ERR_INVALID_PATH')
})

test('a consumer that stops reading add results cancels the add: nothing pinned', async () => {
  const before = (await collect(node.pin.ls({ type: 'recursive' }))).map(String)
  for await (const r of node.add([{ path: 'first.txt', content: enc('first') }, { path: 'second.txt', content: pseudoRandomBytes(1024 * 1024, 9) }])) {
    assert.is(r.path, 'first.txt')
    break
  }
  // gc takes the lock exclusively: it runs once the cancelled add has let go
  await collect(node.repo.gc())
  assert.equal((await collect(node.pin.ls({ type: 'recursive' }))).map(String), before)
})

test('add with pin: false leaves nothing pinned, and gc removes it', async () => {
  const [r] = await collect(node.add([{ path: 'loose.txt', content: enc('loose') }], { pin: false }))
  assert.is(await node.blockstore.hasBlock(r.cid), true)
  const removed = await collect(node.repo.gc())
  assert.ok(removed.some(g => g.cid?.equals(r.cid)), 'gc reports the unpinned block')
  assert.is(await node.blockstore.hasBlock(r.cid), false)
  await rejects(async () => node.block.get(r.cid), 'ERR_OFFLINE')
})

test('onlyHash computes the CID and writes nothing', async () => {
  const before = await node.repo.stat()
  const [r] = await collect(node.add([{ path: 'x', content: enc('only hashed') }], { onlyHash: true }))
  assert.ok(r.cid != null)
  assert.equal(await node.repo.stat(), before)
  assert.is(await node.blockstore.hasBlock(r.cid), false)
})

test('pin rm then gc sweeps the tree; pin add of present blocks works offline', async () => {
  const [r] = await collect(node.add([{ path: 'p.txt', content: enc('pin me') }]))
  assert.equal((await node.pin.rm(r.cid)).map(String), [r.cid.toString()])
  await rejects(async () => node.pin.rm(r.cid), 'ERR_NOT_PINNED')
  assert.equal((await node.pin.add(`/ipfs/${r.cid.toString()}`)).map(String), [r.cid.toString()])
  const [entry] = await collect(node.pin.ls({ paths: [r.cid] }))
  assert.is(entry.type, 'recursive')
  await node.pin.rm(r.cid)
  await collect(node.repo.gc())
  assert.is(await node.blockstore.hasBlock(r.cid), false)
})

test('pin update moves a recursive pin', async () => {
  const [one] = await collect(node.add([{ path: 'one', content: enc('one') }]))
  const [two] = await collect(node.add([{ path: 'two', content: enc('two') }], { pin: false }))
  const moved = await node.pin.update(one.cid, two.cid)
  assert.equal(moved.map(String), [one.cid.toString(), two.cid.toString()])
  const roots = (await collect(node.pin.ls({ type: 'recursive' }))).map(p => p.cid.toString())
  assert.ok(roots.includes(two.cid.toString()))
  assert.not.ok(roots.includes(one.cid.toString()))
})

test('block put/get/stat/rm, with codecs, and rm refusing pinned blocks', async () => {
  const data = enc('a raw block')
  const cid = await node.block.put(data)
  assert.is(cid.version, 1)
  assert.is(cid.code, 0x55)
  assert.equal(await node.block.get(cid), data)
  const stat = await node.block.stat(cid.toString())
  assert.equal([stat.cid.toString(), stat.size], [cid.toString(), data.byteLength])

  const json = await node.block.put(enc('{"a":1}'), { cidCodec: 'dag-json', mhtype: 'sha2-512' })
  assert.is(json.code, 0x0129)
  assert.is(json.multihash.code, 0x13)
  // Kubo stores the bytes as given, decodable under the codec or not (issue 15)
  const junk = await node.block.put(enc('not json'), { cidCodec: 'dag-json' })
  assert.equal(await node.block.get(junk), enc('not json'))
  await rejects(async () => node.block.put(data, { mhtype: 'md5' }), 'ERR_UNSUPPORTED_HASH')
  await rejects(async () => node.block.put(new Uint8Array(2 * 1024 * 1024 + 1)), 'ERR_BLOCK_TOO_LARGE')

  const pinned = await node.block.put(enc('pinned block'), { pin: true })
  const rm = await collect(node.block.rm([cid, pinned, await missingCid('never')]))
  assert.is(rm.length, 3)
  assert.ok(rm[0].cid.equals(cid) && rm[0].error == null)
  assert.match(rm[1].error ?? '', /pinned/)
  assert.match(rm[2].error ?? '', /not found/)
  assert.is(await node.blockstore.hasBlock(cid), false)
  assert.is(await node.blockstore.hasBlock(pinned), true, 'a pinned block survives rm')
  assert.equal(await collect(node.block.rm([await missingCid('never')], { force: true })), [])
  await rejects(async () => node.block.get('not-a-cid'), 'ERR_INVALID_CID')
})

test('repo stat and verify', async () => {
  const stat = await node.repo.stat()
  assert.ok(stat.numObjects > 0)
  assert.ok(stat.repoSize > 0)
  assert.is(stat.storageMax, 10_000_000_000)
  assert.is(stat.storageGcWatermark, 90)
  assert.is(stat.repoPath, node.repoPath)
  const lines = await collect(node.repo.verify())
  assert.equal(lines.map(l => l.msg), ['verify complete, all blocks validated.'])
})

test('id and version', async () => {
  const id = await node.id()
  assert.is(id.id, node.peerId)
  assert.ok(id.publicKey.length > 0)
  assert.match(id.agentVersion, /^cairn\//)
  const version = await node.version()
  assert.ok(version.version.length > 0)
})

test.run()
