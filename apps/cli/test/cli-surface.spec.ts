/**
 * Issue 15's last wave through the real `cairn` process, on a repo with no daemon and then through
 * a daemon (the same assertions both ways): `cat` of several paths, `get -a/-C/-l`, `ls --stream`
 * and `--resolve-type=false`, `init --empty-repo=false`, Kubo's exit codes for usage errors.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'
import { CID } from 'multiformats/cid'
import { sha512 } from 'multiformats/hashes/sha2'
import { base36 } from 'multiformats/bases/base36'

interface Context { dir: string, repo: string, a: string, b: string, tree: string, daemon?: Daemon }

const test = suite<Context>('cairn: the last of Kubo\'s reading surface', { dir: '', repo: '', a: '', b: '', tree: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-surface-'))
  ctx.repo = join(ctx.dir, 'repo')
  await ok(['init', '--profile=test'], { repo: ctx.repo })
  await writeFile(join(ctx.dir, 'a'), 'hello ')
  await writeFile(join(ctx.dir, 'b'), 'world\n')
  await mkdir(join(ctx.dir, 'tree', 'sub'), { recursive: true })
  await writeFile(join(ctx.dir, 'tree', 'one.txt'), 'one\n')
  await writeFile(join(ctx.dir, 'tree', 'sub', 'two.txt'), 'two two\n')
  const added = (await ok(['add', '-q', join(ctx.dir, 'a'), join(ctx.dir, 'b')], { repo: ctx.repo })).out.trim().split('\n')
  ctx.a = added[0]
  ctx.b = added[1]
  ctx.tree = (await ok(['add', '-Q', '-r', join(ctx.dir, 'tree')], { repo: ctx.repo })).out.trim()
  // the same folder with and without what ignore rules leave out (a file by pattern, a folder)
  for (const [name, extra] of [['kept', false], ['all', true]] as const) {
    const root = join(ctx.dir, 'ignored', name)
    await mkdir(join(root, 'src'), { recursive: true })
    await writeFile(join(root, 'keep.txt'), 'kept\n')
    await writeFile(join(root, 'src', 'main.c'), 'int main;\n')
    if (extra) {
      await mkdir(join(root, 'build'), { recursive: true })
      await writeFile(join(root, 'build', 'out.o'), 'obj')
      await writeFile(join(root, 'debug.log'), 'noise')
      await writeFile(join(root, 'src', 'trace.log'), 'noise')
    }
  }
  await writeFile(join(ctx.dir, 'rules.ignore'), '# Kubo reads .gitignore syntax\n*.log\nbuild/\n')
})

test.after(async (ctx) => {
  await ctx.daemon?.stop()
  await rm(ctx.dir, { recursive: true, force: true })
})

/** Every check, run once on the bare repo and once through the daemon */
async function checks (ctx: Context, mode: string): Promise<void> {
  const { repo, a, b, tree } = ctx
  const cwd = await mkdtemp(join(ctx.dir, `get-${mode}-`))

  // cat: several paths are one stream, offset and length across them
  assert.is((await ok(['cat', a, b], { repo })).out, 'hello world\n', mode)
  assert.is((await ok(['cat', '-o', '3', '-l', '5', a, b], { repo })).out, 'lo wo', mode)
  assert.is((await ok(['cat', '--offset=7', a, b], { repo })).out, 'orld\n', mode)
  const dirCat = await cairn(['cat', a, tree], { repo })
  assert.is(dirCat.err, 'Error: this dag node is a directory\n', mode)
  assert.is(dirCat.out, '', `${mode}: nothing is written before every path is opened`)
  assert.is((await cairn(['cat', '--offset=-1', a], { repo })).err, 'Error: cannot specify negative offset\n', mode)

  // get -a: a tar named <name>.tar; -C gzips it; -C alone gzips a file's bytes
  const tar = await ok(['get', '-a', tree], { repo, cwd })
  assert.is(tar.out, `Saving archive to ${tree}.tar\n`, mode)
  const listing = spawnSync('tar', ['tf', join(cwd, `${tree}.tar`)], { encoding: 'utf8' }).stdout.trim().split('\n')
  assert.equal(listing.map(l => l.replace(/\/$/, '')), [tree, `${tree}/one.txt`, `${tree}/sub`, `${tree}/sub/two.txt`], mode)
  const gz = await ok(['get', '-a', '-C', '-l', '9', '-o', 'out', tree], { repo, cwd })
  assert.is(gz.out, 'Saving archive to out.tar.gz\n', mode)
  const unpacked = spawnSync('tar', ['xzf', join(cwd, 'out.tar.gz'), '-O', `${tree}/sub/two.txt`], { encoding: 'utf8' })
  assert.is(unpacked.stdout, 'two two\n', mode)
  assert.is((await ok(['get', '--compress', '-o', 'greeting', a], { repo, cwd })).out, 'Saving archive to greeting.gz\n', mode)
  assert.is(gunzipSync(await readFile(join(cwd, 'greeting.gz'))).toString(), 'hello ', mode)
  const notFile = await cairn(['get', '-C', tree], { repo, cwd })
  assert.is(notFile.err, 'Error: file is not regular\n', mode)
  assert.is(notFile.code, 1)
  const badLevel = await cairn(['get', '-C', '-l', '10', a], { repo, cwd })
  assert.is(badLevel.err, 'Error: compression level must be between 1 and 9\n', mode)

  // ls --stream: each entry as it comes, columns padded to Kubo's minimum of 10
  const sub = (await ok(['ls', tree], { repo })).out.split('\n')[1].split(' ')[0]
  const streamed = (await ok(['ls', '-s', '-v', tree], { repo })).out
  assert.is(streamed, [
    'Hash                                           Size      Name',
    `${(await ok(['ls', tree], { repo })).out.split('\n')[0].split(' ')[0]} 4         one.txt`,
    `${sub} -         sub/`,
    ''
  ].join('\n'), mode)
  const streamedJson = (await ok(['ls', '-s', '--enc=json', tree], { repo })).out.trim().split('\n').map(l => JSON.parse(l))
  assert.equal(streamedJson.map(o => o.Objects[0].Links.map((l: any) => l.Name)), [['one.txt'], ['sub']], mode)
  // no child read: dag-pb children have type 0 and size 0, as Kubo
  const bare = JSON.parse((await ok(['ls', '--resolve-type=false', '--size=false', '--enc=json', tree], { repo })).out)
  assert.equal(bare.Objects[0].Links.map((l: any) => [l.Name, l.Type, l.Size]), [['one.txt', 0, 0], ['sub', 0, 0]], mode)
  assert.is((await ok(['ls', '--resolve-type=false', '--size=false', tree], { repo })).out.split('\n')[1], `${sub} sub`, mode)

  // --cid-base: CIDv0 becomes CIDv1 in the base asked for, as Kubo
  const v1 = (cid: string): string => CID.parse(cid).toV1().toString()
  assert.is((await ok(['add', '-q', '--cid-base=base32', join(ctx.dir, 'a')], { repo })).out, `${v1(a)}\n`, mode)
  assert.is((await ok(['ls', '--cid-base=base32', tree], { repo })).out.split('\n')[1].split(' ')[0], v1(sub), mode)
  assert.is((await ok(['refs', '--cid-base=base36', tree], { repo })).out.split('\n')[1], CID.parse(sub).toV1().toString(base36), mode)
  assert.is((await ok(['pin', 'ls', '-q', '--cid-base=base32', tree], { repo })).out, `${v1(tree)}\n`, mode)
  assert.is((await cairn(['ls', '--cid-base=nope', tree], { repo })).err, 'Error: unsupported multibase encoding: nope\n', mode)
  // pin ls of a path held by a recursive pin says which one, as Kubo
  assert.is((await ok(['pin', 'ls', sub], { repo })).out, `${sub} indirect through ${tree}\n`, mode)
  // repo ls is Kubo's other name for refs local
  assert.is((await ok(['repo', 'ls'], { repo })).out, (await ok(['refs', 'local'], { repo })).out, mode)

  // dag stat --progress: Kubo's running line on stderr, cleared before the result; none when off
  const progress = await ok(['dag', 'stat', '--progress', tree], { repo })
  assert.match(progress.err, /Fetched\/Processed \d+ blocks, \d+ bytes \(\d+(\.\d)? k?B\)\r/, mode)
  assert.match(progress.out, /^CID/, mode)
  assert.is((await ok(['dag', 'stat', '--progress=false', tree], { repo })).err, '', mode)

  // add --hash: a CIDv1 raw leaf under sha2-512 for a one-block file, as Kubo
  const hashed = (await ok(['add', '-q', '--hash=sha2-512', join(ctx.dir, 'a')], { repo })).out.trim()
  assert.is(hashed, CID.createV1(0x55, await sha512.digest(new TextEncoder().encode('hello '))).toString(), mode)
  assert.is((await cairn(['add', '--hash=sha2-512', '--cid-version=0', join(ctx.dir, 'a')], { repo })).err, 'Error: CIDv0 only supports sha2-256\n', mode)

  // --cid-base on files, dag and resolve: CIDv0 comes out as CIDv1 in the asked base
  const treeV1 = CID.parse(tree).toV1()
  await ok(['files', 'cp', `/ipfs/${tree}`, `/cb-${mode}`], { repo })
  assert.is((await ok(['files', 'stat', '--hash', '--cid-base=base32', `/cb-${mode}`], { repo })).out, `${treeV1.toString()}\n`, mode)
  assert.is(JSON.parse((await ok(['files', 'stat', '--cid-base=base36', '--enc=json', `/cb-${mode}`], { repo })).out).Hash, treeV1.toString(base36), mode)
  const longLs = (await ok(['files', 'ls', '-l', '--cid-base=base32', '/'], { repo })).out
  assert.match(longLs, new RegExp(`^cb-${mode}/\t${treeV1.toString()}\t0$`, 'm'), mode)
  assert.match((await ok(['files', 'flush', '--cid-base=base32', '/'], { repo })).out, /^bafy[a-z2-7]+\n$/, mode)
  assert.is((await ok(['dag', 'stat', '--progress=false', '--cid-base=base32', tree], { repo })).out.split('\n')[1].split(/\s+/)[0], treeV1.toString(), mode)
  assert.is(JSON.parse((await ok(['dag', 'stat', '--progress=false', '--cid-base=base32', '--enc=json', tree], { repo })).out).DagStats[0].Cid, treeV1.toString(), mode)
  assert.is((await ok(['dag', 'resolve', '--cid-base=base32', `${tree}/sub`], { repo })).out, CID.parse((await ok(['dag', 'resolve', `${tree}/sub`], { repo })).out).toV1().toString(), mode)
  // a UnixFS path resolves to its last node, as Kubo
  const subPath = (await ok(['resolve', `/ipfs/${tree}/sub`], { repo })).out.trim()
  assert.match(subPath, /^\/ipfs\/Qm\w+$/, `${mode}: no base keeps CIDv0`)
  assert.is((await ok(['resolve', '--cid-base=base32', `/ipfs/${tree}/sub`], { repo })).out, `/ipfs/${CID.parse(subPath.slice(6)).toV1().toString()}\n`, mode)
  const put = (await ok(['dag', 'put', '--cid-base=base36'], { repo, input: '{"a":1}' })).out.trim()
  assert.ok(put.startsWith('k'), `${mode}: ${put}`)
  await ok(['files', 'rm', '-r', `/cb-${mode}`], { repo })

  // add --ignore-rules-path / --ignore: gitignore rules on each entry's name below the given path
  const kept = (await ok(['add', '-Q', '-r', '--only-hash', join(ctx.dir, 'ignored', 'kept')], { repo })).out
  const rules = join(ctx.dir, 'rules.ignore')
  assert.is((await ok(['add', '-Q', '-r', '--ignore-rules-path', rules, join(ctx.dir, 'ignored', 'all')], { repo })).out, kept, `${mode}: the rules file leaves out *.log and build/`)
  assert.is((await ok(['add', '-Q', '-r', '--ignore=*.log', '--ignore=build/', join(ctx.dir, 'ignored', 'all')], { repo })).out, kept, `${mode}: the same rules by --ignore`)
  const listed = (await ok(['add', '-n', '-r', '--ignore-rules-path', rules, join(ctx.dir, 'ignored', 'all')], { repo })).out
  assert.not.match(listed, /\.log|build/, mode)
  assert.match(listed, /all\/keep\.txt\n/, mode)
  const missing = await cairn(['add', '-r', '--ignore-rules-path', 'nope.ignore', join(ctx.dir, 'ignored', 'all')], { repo, cwd: ctx.dir })
  assert.is(missing.err, 'Error: open nope.ignore: no such file or directory\n', mode)
}

test('offline: cat, get, ls', async (ctx) => {
  await checks(ctx, 'offline')
})

test('through a daemon: cat, get, ls', async (ctx) => {
  ctx.daemon = await startDaemon(ctx.repo)
  await checks(ctx, 'daemon')
  await ctx.daemon.stop()
  ctx.daemon = undefined
})

test('init: empty by default as Kubo; --empty-repo=false adds and pins the help files', async ({ dir }) => {
  const empty = join(dir, 'empty')
  const quiet = await ok(['init', '--profile=test'], { repo: empty })
  assert.not.match(quiet.out, /to get started/)
  assert.is((await ok(['pin', 'ls', '--type=recursive'], { repo: empty })).out, '')

  const docs = join(dir, 'docs')
  const r = await ok(['init', '--profile=test', '--empty-repo=false'], { repo: docs })
  const m = /to get started, enter:\n\n\tcairn cat \/ipfs\/(\w+)\/readme\n\n$/.exec(r.out)
  assert.ok(m, r.out)
  assert.match((await ok(['cat', `/ipfs/${m[1]}/readme`], { repo: docs })).out, /^Hello and welcome to Cairn!/)
  assert.is((await ok(['pin', 'ls', '--type=recursive', '-q'], { repo: docs })).out, `${m[1]}\n`)
})

test('Import.UnixFSHAMTDirectorySizeThreshold (or the older Internal.UnixFSShardingSizeThreshold) sets when add shards', async ({ dir }) => {
  const repo = join(dir, 'shards')
  await ok(['init', '--profile=test'], { repo })
  const many = join(dir, 'many')
  await mkdir(many)
  for (let i = 0; i < 40; i++) await writeFile(join(many, `file-with-a-longish-name-${i}`), `${i}\n`)
  const isShard = async (cid: string): Promise<boolean> => {
    // UnixFS Data starts 08 05 for a HAMT shard: base64 "CAU"
    const node = JSON.parse((await ok(['dag', 'get', cid], { repo })).out)
    return (node.Data['/'].bytes as string).startsWith('CAU')
  }
  const plain = (await ok(['add', '-Q', '-r', '--only-hash', many], { repo })).out.trim()
  assert.not.ok(await isShard((await ok(['add', '-Q', '-r', many], { repo })).out.trim()))
  await ok(['config', 'Internal.UnixFSShardingSizeThreshold', '1KiB'], { repo })
  const sharded = (await ok(['add', '-Q', '-r', many], { repo })).out.trim()
  assert.is.not(sharded, plain)
  assert.ok(await isShard(sharded))
  await ok(['config', 'Import.UnixFSHAMTDirectorySizeThreshold', '1MiB'], { repo })
  assert.is((await ok(['add', '-Q', '-r', many], { repo })).out.trim(), plain, 'the Import key wins')
})

test('usage errors and an unknown command exit 1 as Kubo', async ({ repo }) => {
  for (const args of [['cat'], ['add', '--badflag'], ['pin', 'ls', '--badflag'], ['ls', '--size=maybe', 'x']]) {
    const r = await cairn(args, { repo })
    assert.is(r.code, 1, `${args.join(' ')}: ${r.err}`)
    assert.match(r.err, /^Error: /)
  }
  const unknown = await cairn(['frobnicate'], { repo })
  assert.is(unknown.code, 1)
  assert.is(unknown.err, "Error: unknown command 'frobnicate'\n")
})

test.run()
