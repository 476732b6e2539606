/**
 * MFS through the in-process node on a real repo (LevelDB on disk): every command and its Kubo
 * errors (the tree unchanged after each), the CIDs a sequence of changes gives (the same as `add`
 * of the same tree, sharded past Kubo's threshold and unsharded below it), edits that write
 * O(depth) blocks, persistence across restarts, GC keeping what MFS reaches, and concurrent writers.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, collect, concatBytes, pseudoRandomBytes, testNode, waitFor } from './fixtures/nodes.ts'
import { CID } from 'multiformats/cid'
import type { CairnNode } from '../src/index.ts'
import type { ImportCandidate } from '@cairn/interface'

const test = suite('mfs')
test.after(cleanup)

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const dec = (b: Uint8Array): string => new TextDecoder().decode(b)

async function rejects (fn: () => Promise<unknown>, message: string | RegExp, name?: string): Promise<void> {
  try {
    await fn()
  } catch (err: any) {
    if (typeof message === 'string') assert.is(err.message, message)
    else assert.match(err.message, message)
    if (name != null) assert.is(err.name, name)
    return
  }
  assert.unreachable(`expected an error: ${String(message)}`)
}

async function rootCid (node: CairnNode): Promise<string> {
  return (await node.files.stat('/')).cid.toString()
}

/** The CID `add -r` gives a folder `name` holding `files` (paths relative to it) */
async function addTree (node: CairnNode, name: string, files: Record<string, Uint8Array>, dirs: string[] = []): Promise<string> {
  const candidates: ImportCandidate[] = [
    ...dirs.map(d => ({ path: `${name}/${d}` })),
    ...Object.entries(files).map(([p, content]) => ({ path: `${name}/${p}`, content }))
  ]
  const results = await collect(node.add(candidates, { pin: false }))
  return results.find(r => r.path === name)!.cid.toString()
}

test('a new repo has the empty directory as its MFS root', async () => {
  const node = await testNode({ offline: true })
  assert.is(await rootCid(node), 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn')
  assert.equal(await collect(node.files.ls('/')), [])
  await node.stop()
})

test('mkdir, write, read, ls, stat, cp, mv, rm', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  await f.mkdir('/docs')
  await f.write('/docs/hello.txt', enc('hello\n'), { create: true })
  assert.is(dec(await concatBytes(f.read('/docs/hello.txt'))), 'hello\n')
  assert.is(dec(await concatBytes(f.read('/docs/hello.txt', { offset: 1, count: 3 }))), 'ell')
  // the same bytes `add` gives
  const added = (await collect(node.add([{ path: '', content: enc('hello\n') }], { pin: false })))[0].cid
  const s = await f.stat('/docs/hello.txt')
  assert.is(s.cid.toString(), added.toString())
  assert.is(s.type, 'file')
  assert.is(s.size, 6)
  assert.equal(await collect(f.ls('/docs')), [{ name: 'hello.txt' }])
  const long = await collect(f.ls('/', { long: true }))
  assert.is(long.length, 1)
  assert.is(long[0].name, 'docs')
  assert.is(long[0].type, 'directory')
  // ls of a file lists the file
  assert.equal((await collect(f.ls('/docs/hello.txt', { long: true }))).map(e => [e.name, e.type, e.size]), [['hello.txt', 'file', 6]])

  await f.cp('/docs', '/copy')
  assert.is((await f.stat('/copy')).cid.toString(), (await f.stat('/docs')).cid.toString())
  await f.mv('/copy/hello.txt', '/copy/renamed.txt')
  assert.equal((await collect(f.ls('/copy'))).map(e => e.name), ['renamed.txt'])
  // mv onto an existing directory moves into it
  await f.mkdir('/into')
  await f.mv('/copy/renamed.txt', '/into')
  assert.equal((await collect(f.ls('/into'))).map(e => e.name), ['renamed.txt'])
  // cp to a path ending in '/' keeps the name
  await f.cp(`/ipfs/${added.toString()}`, '/into/')
  assert.equal((await collect(f.ls('/into'))).map(e => e.name).sort(), [added.toString(), 'renamed.txt'].sort())
  await f.rm('/into/renamed.txt')
  await f.rm('/copy', { recursive: true })
  assert.equal((await collect(f.ls('/'))).map(e => e.name).sort(), ['docs', 'into'])
  // flush returns the root CID, which stat agrees with
  assert.is((await f.flush('/')).toString(), await rootCid(node))
  await node.stop()
})

test("bad input: Kubo's messages, typed errors, and the tree unchanged", async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  await f.mkdir('/d')
  await f.write('/d/file', enc('x'), { create: true })
  const before = await rootCid(node)
  await rejects(async () => f.mkdir('relative'), 'paths must start with a leading slash', 'InvalidPathError')
  await rejects(async () => f.mkdir(''), 'paths must not be empty', 'InvalidPathError')
  // `..` is cleaned as Go's path.Clean: up a level, and never above the root
  await rejects(async () => f.mkdir('/d/../d'), 'file already exists', 'AlreadyExistsError')
  await rejects(async () => f.mkdir('/../..'), "cannot create directory '/': Already exists")
  await rejects(async () => f.write('/d', enc('x')), '/d was not a file', 'InvalidParametersError')
  await rejects(async () => f.write('/nope', enc('x')), 'file does not exist', 'NotFoundError')
  await rejects(async () => f.write('/a/b/c', enc('x'), { create: true }), 'file does not exist', 'NotFoundError')
  await rejects(async () => collect(f.read('/d')), '/d was not a file', 'InvalidParametersError')
  await rejects(async () => collect(f.read('/missing')), '/missing: file does not exist', 'NotFoundError')
  await rejects(async () => collect(f.read('/d/file', { offset: 5 })), 'offset was past end of file (5 > 1)')
  await rejects(async () => f.mkdir('/d'), 'file already exists', 'AlreadyExistsError')
  await rejects(async () => f.mkdir('/'), "cannot create directory '/': Already exists")
  await rejects(async () => f.cp('/d/file', '/d/file'), 'cp: cannot put node in path /d/file: directory already has entry by that name', 'AlreadyExistsError')
  await rejects(async () => f.cp('/nope', '/x'), 'cp: cannot get node from path /nope: file does not exist')
  await rejects(async () => f.rm('/'), 'cannot delete root')
  await rejects(async () => f.rm('/d'), 'path is a directory, use -r to remove directories')
  await rejects(async () => f.rm('/nope'), 'file does not exist', 'NotFoundError')
  await rejects(async () => f.rm('/d', { flush: false } as never), /always flushes/)
  await rejects(async () => f.mv('/d', '/d/inside'), /into itself/)
  await rejects(async () => f.chcid('/', { cidVersion: 1 }), /cannot change CID format of the MFS root/)
  await rejects(async () => f.chcid('/d/file', { cidVersion: 1 }), 'can only update directories')
  await rejects(async () => f.mkdir('/e', { hash: 'md5' }), 'unrecognized hash function: md5', 'InvalidParametersError')
  assert.is(await rootCid(node), before)
  // -p and --force make the same calls succeed
  await f.mkdir('/d', { parents: true })
  await f.rm('/nope', { force: true })
  await f.cp('/d', '/d2/deep/', { parents: true })
  assert.equal((await collect(f.ls('/d2/deep'))).map(e => e.name), ['d'])
  await f.write('/d/file', enc('y'))
  await f.cp('/d/file', '/d2/deep/d/file', { force: true })
  assert.is(dec(await concatBytes(f.read('/d2/deep/d/file'))), 'y')
  await f.write('/d/../../up/./x', enc('cleaned'), { create: true, parents: true })
  assert.is(dec(await concatBytes(f.read('/up/x'))), 'cleaned')
  await node.stop()
})

test('a tree built by files commands has the root CID add -r gives it, sharded and unsharded', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  // long names so that the HAMT switch (link bytes > 256 KiB) comes at ~1,100 entries
  const name = (i: number): string => `${String(i).padStart(5, '0')}-${'n'.repeat(200)}`
  const files: Record<string, Uint8Array> = {
    'a.txt': enc('a'),
    'sub/b.bin': pseudoRandomBytes(600_000, 3),
    'sub/deeper/c.txt': enc('c')
  }
  for (let i = 0; i < 1200; i++) files[`big/${name(i)}`] = enc(`entry ${i}`)
  await f.mkdir('/t/empty', { parents: true })
  let n = 0
  for (const [path, content] of Object.entries(files)) {
    // flush only now and then (Kubo's limit is 256 unflushed changes): the directory stays in memory
    await f.write(`/t/${path}`, content, { create: true, parents: true, flush: false })
    if (++n % 200 === 0) await f.flush()
  }
  await f.flush()
  const expected = await addTree(node, 't', files, ['empty'])
  assert.is((await f.stat('/t')).cid.toString(), expected, 'same root CID as add -r')
  const big = await f.stat('/t/big')
  assert.ok(big.blocks > 1 && big.blocks <= 256, 'the big directory is a HAMT')
  assert.is((await collect(f.ls('/t/big'))).length, 1200)

  // shrink below the threshold: back to a plain directory, as boxo does
  for (let batch = 0; batch < 1000; batch += 250) {
    const paths: string[] = []
    for (let i = batch; i < batch + 250; i++) {
      paths.push(`/t/big/${name(i)}`)
      delete files[`big/${name(i)}`]
    }
    await f.rm(paths)
  }
  const smaller = await addTree(node, 't', files, ['empty'])
  assert.is((await f.stat('/t')).cid.toString(), smaller, 'unsharded: same root CID as add -r')
  assert.is((await f.stat('/t/big')).blocks, 200, 'a flat directory: one link per entry')
  await node.stop()
})

test('write --offset rewrites only the touched leaves and the path to the root', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  const size = 4 * 262_144 * 8 // 32 leaves
  const original = pseudoRandomBytes(size, 7)
  await f.write('/big', original, { create: true })
  const patch = pseudoRandomBytes(4096, 8)
  const offset = size / 2 + 1000
  const writesBefore = node.blockstore.counters().writes
  await f.write('/big', patch, { offset })
  const written = node.blockstore.counters().writes - writesBefore
  // one leaf, the file root, the MFS root directory
  assert.ok(written <= 3, `wrote ${written} blocks`)
  const expected = original.slice()
  expected.set(patch, offset)
  assert.equal(await concatBytes(f.read('/big')), expected)
  const added = (await collect(node.add([{ path: '', content: expected }], { pin: false })))[0].cid
  assert.is((await f.stat('/big')).cid.toString(), added.toString(), 'the CID add gives the edited bytes')

  // append past the end, a write straddling two leaves, count, truncate, a sparse write
  await f.write('/big', enc('tail'), { offset: size })
  await f.write('/big', pseudoRandomBytes(10, 9), { offset: 262_144 - 5 })
  const check = expected.slice()
  const grown = new Uint8Array(size + 4)
  grown.set(check)
  grown.set(enc('tail'), size)
  grown.set(pseudoRandomBytes(10, 9), 262_144 - 5)
  assert.equal(await concatBytes(f.read('/big')), grown)
  assert.is((await f.stat('/big')).cid.toString(), (await collect(node.add([{ path: '', content: grown }], { pin: false })))[0].cid.toString())
  await f.write('/small', enc('abcdef'), { create: true })
  await f.write('/small', enc('XYZ123'), { offset: 2, count: 3 })
  assert.is(dec(await concatBytes(f.read('/small'))), 'abXYZf')
  await f.write('/small', enc('new'), { truncate: true })
  assert.is(dec(await concatBytes(f.read('/small'))), 'new')
  await f.write('/small', enc('!'), { offset: 5 })
  assert.equal(await concatBytes(f.read('/small')), new Uint8Array([110, 101, 119, 0, 0, 33]))
  // cid-version 1: raw leaves, CIDv1, as add --cid-version=1
  await f.write('/v1', enc('hello\n'), { create: true, cidVersion: 1 })
  assert.is((await f.stat('/v1')).cid.toString(), (await collect(node.add([{ path: '', content: enc('hello\n') }], { pin: false, cidVersion: 1 })))[0].cid.toString())
  await node.stop()
})

test('flags: mkdir --cid-version, write --raw-leaves/--hash, stat --with-local', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  await f.mkdir('/v1', { cidVersion: 1 })
  assert.is((await f.stat('/v1')).cid.version, 1)
  await f.mkdir('/h', { hash: 'sha2-256' })
  assert.is((await f.stat('/h')).cid.version, 1, '--hash implies CIDv1, as Kubo')
  const big = pseudoRandomBytes(300_000, 21)
  await f.write('/raw', big, { create: true, rawLeaves: true })
  const rawAdd = (await collect(node.add([{ path: '', content: big }], { pin: false, rawLeaves: true })))[0].cid
  assert.is((await f.stat('/raw')).cid.toString(), rawAdd.toString())
  const local = await f.stat('/raw', { withLocal: true })
  assert.is(local.local, true)
  assert.ok(local.sizeLocal! >= 300_000)
  // --hash: the directory, what is made inside it, and a file written with it: the CIDs add --hash gives
  await f.mkdir('/b2', { hash: 'blake2b-256' })
  const b2 = await f.stat('/b2')
  assert.is(b2.cid.version, 1)
  assert.is(b2.cid.multihash.code, 0xb220)
  await f.write('/b2/file', big, { create: true })
  await f.mkdir('/b2/sub/deeper', { parents: true })
  const [addedB2] = await collect(node.add([{ path: '', content: big }], { pin: false, hash: 'blake2b-256' }))
  assert.is((await f.stat('/b2/file')).cid.toString(), addedB2.cid.toString(), 'a file inherits its directory\'s prefix')
  assert.is((await f.stat('/b2/sub/deeper')).cid.multihash.code, 0xb220)
  await f.write('/sha512', big, { create: true, hash: 'SHA2-512' })
  const [added512] = await collect(node.add([{ path: '', content: big }], { pin: false, hash: 'sha2-512' }))
  assert.is((await f.stat('/sha512')).cid.toString(), added512.cid.toString())
  assert.equal(await concatBytes(f.read('/sha512')), big)
  // chcid --hash changes a directory's own prefix
  await f.chcid('/v1', { hash: 'sha3-256' })
  assert.is((await f.stat('/v1')).cid.multihash.code, 0x16)
  await node.stop()
})

test('chmod, touch and chcid', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  await f.write('/file', enc('x'), { create: true })
  await f.mkdir('/dir')
  await f.chmod('/file', 0o600)
  await f.touch('/file', { mtime: 1_700_000_000, mtimeNsecs: 5 })
  const s = await f.stat('/file')
  assert.is(s.mode, 0o600)
  assert.equal(s.mtime, { secs: 1_700_000_000, nsecs: 5 })
  assert.is(dec(await concatBytes(f.read('/file'))), 'x', 'content kept')
  await f.chmod('/dir', 0o700)
  await f.touch('/dir', { mtime: 1_600_000_000 })
  const d = await f.stat('/dir')
  assert.is(d.mode, 0o700)
  assert.is(d.mtime?.secs, 1_600_000_000)
  assert.is(d.cid.version, 0)
  await f.chcid('/dir', { cidVersion: 1 })
  assert.is((await f.stat('/dir')).cid.version, 1)
  // new entries under a CIDv1 directory are CIDv1 with raw leaves, as Kubo's prefix inheritance
  await f.write('/dir/in', enc('hello\n'), { create: true })
  assert.is((await f.stat('/dir/in')).cid.toString(), 'bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am')
  await node.stop()
})

test('the root survives a restart; flush=false changes are written by stop and by flush, and are limited', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  await f.write('/kept', enc('kept'), { create: true })
  await f.write('/pending', enc('pending'), { create: true, flush: false })
  const expected = await rootCid(node)
  await node.stop()
  await node.start()
  assert.is(await rootCid(node), expected)
  assert.is(dec(await concatBytes(node.files.read('/pending'))), 'pending')
  // Kubo's Internal.MFSNoFlushLimit (256)
  for (let i = 0; i < 256; i++) await f.mkdir(`/n${i}`, { flush: false })
  await rejects(async () => f.mkdir('/one-too-many', { flush: false }), /reached limit of 256 unflushed MFS operations/)
  await f.flush()
  await f.mkdir('/one-too-many', { flush: false })
  await node.stop()
})

test('Internal.MFSNoFlushLimit sets the limit of unflushed changes (0: none); flush resets the count', async () => {
  const node = await testNode({ offline: true, config: { Internal: { MFSNoFlushLimit: 3 } } as never })
  const f = node.files
  for (let i = 0; i < 3; i++) await f.mkdir(`/l${i}`, { flush: false })
  await rejects(async () => f.write('/l3', enc('x'), { create: true, flush: false }), /reached limit of 3 unflushed MFS operations/)
  await f.flush('/l0')
  await f.mkdir('/l3', { flush: false })
  await node.stop()
  const unlimited = await testNode({ offline: true, config: { Internal: { MFSNoFlushLimit: 0 } } as never })
  for (let i = 0; i < 300; i++) await unlimited.files.mkdir(`/u${i}`, { flush: false })
  await unlimited.files.flush()
  assert.is((await collect(unlimited.files.ls('/'))).length, 300)
  await unlimited.stop()
  await rejects(async () => testNode({ offline: true, config: { Internal: { MFSNoFlushLimit: -1 } } as never }), /Internal.MFSNoFlushLimit must be a non-negative integer/)
})

test('flush PATH records that path only: other unflushed changes stay out of the recorded root', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  await f.mkdir('/a')
  await f.mkdir('/b')
  await f.write('/a/x', enc('x'), { create: true, flush: false })
  await f.write('/b/y', enc('y'), { create: true, flush: false })
  await f.write('/new/deep/z', enc('z'), { create: true, parents: true, flush: false })
  const recorded = async (path: string): Promise<string | undefined> => {
    const root = (await node.blockstore.roots.get('mfs'))!
    try {
      return dec(await concatBytes(node.cat(`/ipfs/${root.toString()}${path}`)))
    } catch {
      return undefined
    }
  }
  const aCid = await f.flush('/a')
  assert.is(aCid.toString(), (await f.stat('/a')).cid.toString(), 'flush prints the CID of the path')
  assert.is(await recorded('/a/x'), 'x')
  assert.is(await recorded('/b/y'), undefined, 'a sibling change is not recorded')
  assert.is(await recorded('/new/deep/z'), undefined)
  // a path under a directory the recorded root lacks: that directory goes in whole
  await f.flush('/new/deep/z')
  assert.is(await recorded('/new/deep/z'), 'z')
  assert.is(await recorded('/b/y'), undefined)
  await rejects(async () => f.flush('/missing'), 'file does not exist', 'NotFoundError')
  // everything, and the tree in memory agrees with the recorded one
  const all = await f.flush()
  assert.is(await recorded('/b/y'), 'y')
  assert.is(all.toString(), (await node.blockstore.roots.get('mfs'))!.toString())
  await node.stop()
})

test('chroot records a local directory (or the empty one) as the root, dropping unflushed changes', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  const [dir] = (await collect(node.add([{ path: 'site/index.html', content: enc('<p>hi</p>') }], { pin: false }))).filter(r => r.path === 'site')
  const [file] = await collect(node.add([{ path: '', content: enc('a file') }], { pin: false }))
  const before = (await node.blockstore.roots.get('mfs'))!
  await rejects(async () => f.chroot(file.cid), 'new root must be a directory, got File', 'InvalidParametersError')
  await rejects(async () => f.chroot(CID.parse('bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi')), /does not exist locally/, 'NotFoundError')
  await f.write('/unflushed', enc('dropped'), { create: true, flush: false })
  const r = await f.chroot(dir.cid)
  assert.is(r.old?.toString(), before.toString())
  assert.is((await node.blockstore.roots.get('mfs'))!.toString(), dir.cid.toString())
  assert.equal(await collect(f.ls('/')), [{ name: 'index.html' }])
  await f.chroot()
  assert.is(await rootCid(node), 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn')
  await node.stop()
})

test('unflushed changes are written within the bounded delay, with no flush call', async () => {
  const node = await testNode({ offline: true, mfs: { flushDelayMs: 300 } })
  const before = await node.blockstore.roots.get('mfs')
  await node.files.write('/later', enc('later'), { create: true, flush: false })
  assert.ok((await node.blockstore.roots.get('mfs'))!.equals(before!), 'not recorded yet')
  await waitFor(async () => !(await node.blockstore.roots.get('mfs'))!.equals(before!), 10_000, 'the timed flush')
  assert.is((await node.blockstore.roots.get('mfs'))!.toString(), (await node.files.stat('/')).cid.toString())
  await node.stop()
})

test('repo gc keeps everything MFS reaches (written, copied from /ipfs/, unflushed) and collects what left it', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  const data = pseudoRandomBytes(700_000, 11)
  await f.write('/written', data, { create: true })
  const [unpinned] = await collect(node.add([{ path: '', content: pseudoRandomBytes(300_000, 12) }], { pin: false }))
  await f.cp(`/ipfs/${unpinned.cid.toString()}`, '/copied')
  await f.write('/unflushed', enc('not yet flushed'), { create: true, flush: false })
  const [gone] = await collect(node.add([{ path: '', content: pseudoRandomBytes(5000, 13) }], { pin: false }))
  const removed = (await collect(node.repo.gc())).map(r => r.cid?.toString())
  assert.ok(removed.includes(gone.cid.toString()), 'unreferenced content is collected')
  assert.equal(await concatBytes(f.read('/written')), data)
  assert.equal(await concatBytes(f.read('/copied')), pseudoRandomBytes(300_000, 12))
  assert.is(dec(await concatBytes(f.read('/unflushed'))), 'not yet flushed')
  assert.is((await node.dag.stat((await f.stat('/')).cid)).numBlocks > 5, true)
  // removed from MFS: the next GC takes it
  const written = (await f.stat('/written')).cid
  await f.rm('/written')
  await collect(node.repo.gc())
  assert.is(await node.blockstore.hasBlock(written), false)
  await node.stop()
})

test('flush=false blocks wait in memory until a flush; a GC between flushes keeps the HAMT nodes the next flush links again', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  const name = (i: number): string => `${String(i).padStart(5, '0')}-${'n'.repeat(200)}`
  const files: Record<string, Uint8Array> = {}
  for (let i = 0; i < 1300; i++) {
    files[name(i)] = enc(`entry ${i}`)
    await f.write(`/d/${name(i)}`, files[name(i)], { create: true, parents: true, flush: false })
    if (i % 250 === 249) await f.flush()
  }
  await f.flush()
  // one more change: its file's block is held, not stored, yet readable through MFS
  const body = enc('held in memory')
  const [expected] = await collect(node.add([{ path: '', content: body }], { onlyHash: true }))
  await f.write('/d/late', body, { create: true, flush: false })
  files.late = body
  assert.is(await node.blockstore.hasBlock(expected.cid), false, 'not in the store before a flush')
  assert.is(dec(await concatBytes(f.read('/d/late'))), 'held in memory')
  // stat writes the changed HAMT nodes (not recorded); a next change leaves them to be linked
  // again by the flush: a GC meanwhile must keep them
  await f.stat('/d')
  await f.write('/d/later', enc('later'), { create: true, flush: false })
  files.later = enc('later')
  await collect(node.repo.gc())
  await f.flush()
  assert.is(await node.blockstore.hasBlock(expected.cid), true, 'stored by the flush')
  const root = (await f.stat('/d')).cid
  // every block the recorded tree reaches is local (an offline walk fails on a missing one);
  // before `add -r` below, which would store the same HAMT nodes again
  assert.is((await node.dag.stat(root)).numBlocks > 1300, true)
  assert.is(root.toString(), await addTree(node, 'd', files), 'same CID as add -r')
  await node.stop()
})

test('concurrent writers are serialised per path; readers see whole files', async () => {
  const node = await testNode({ offline: true })
  const f = node.files
  await f.mkdir('/c')
  const contents = Array.from({ length: 8 }, (_, i) => pseudoRandomBytes(300_000, 100 + i))
  const reads: Array<Promise<Uint8Array>> = []
  await Promise.all(contents.map(async (c, i) => {
    await f.write('/c/same', c, { create: true, truncate: true })
    await f.write(`/c/own-${i}`, c, { create: true })
    reads.push(concatBytes(f.read('/c/same')))
  }))
  const last = await concatBytes(f.read('/c/same'))
  assert.ok(contents.some(c => Buffer.compare(c, last) === 0), 'the file is one of the writes, whole')
  for (const r of await Promise.all(reads)) assert.ok(contents.some(c => Buffer.compare(c, r) === 0), 'a read never sees a mix')
  for (let i = 0; i < contents.length; i++) assert.equal(await concatBytes(f.read(`/c/own-${i}`)), contents[i])
  await node.stop()
})

test('add --to-files links what was added into MFS', async () => {
  const node = await testNode({ offline: true })
  await node.files.mkdir('/in')
  const results = await collect(node.add([{ path: 'pic.jpg', content: enc('jpeg') }], { toFiles: '/in/' }))
  assert.is((await node.files.stat('/in/pic.jpg')).cid.toString(), results[0].cid.toString())
  await collect(node.add([{ path: 'other', content: enc('x') }], { toFiles: '/renamed', pin: false }))
  assert.is(dec(await concatBytes(node.files.read('/renamed'))), 'x')
  await rejects(async () => collect(node.add([{ path: 'f', content: enc('y') }], { toFiles: '/missing/' })), /MFS destination directory/)
  await node.stop()
})

test.run()
