/**
 * `cairn files …` and `cairn add --to-files` as real processes: offline on the repo, then through
 * a daemon's RPC, with Kubo's output lines, errors (one line, non-zero exit) and the tree unchanged.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

interface Context { dir: string, repo: string, daemon?: Daemon }

const test = suite<Context>('cairn files', { dir: '', repo: '' })
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']
const HELLO = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN' // `echo hello | ipfs add`

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-files-'))
  ctx.repo = join(ctx.dir, 'repo')
  await ok(['init', '--profile=test'], { repo: ctx.repo })
})

test.after(async (ctx) => {
  await ctx.daemon?.stop()
})

test('offline: mkdir, write, read, ls, stat, cp, mv, rm with Kubo output', async ({ repo, dir }) => {
  await ok(['files', 'mkdir', '-p', '/a/b'], { repo })
  await ok(['files', 'write', '--create', '/a/b/hello.txt'], { repo, input: 'hello\n' })
  assert.is((await ok(['files', 'read', '/a/b/hello.txt'], { repo })).out, 'hello\n')
  assert.is((await ok(['files', 'read', '-o', '1', '-n', '3', '/a/b/hello.txt'], { repo })).out, 'ell')
  assert.is((await ok(['files', 'ls', '/a'], { repo })).out, 'b\n')
  assert.is((await ok(['files', 'ls', '-l', '/a/b'], { repo })).out, `hello.txt\t${HELLO}\t6\n`)
  const stat = (await ok(['files', 'stat', '/a/b/hello.txt'], { repo })).out
  assert.is(stat, `${HELLO}\nSize: 6\nCumulativeSize: 14\nChildBlocks: 0\nType: file\nMode: not set (not set)\nMtime: not set\n`)
  assert.is((await ok(['files', 'stat', '--hash', '/a/b/hello.txt'], { repo })).out, `${HELLO}\n`)
  assert.is((await ok(['files', 'stat', '--format', '<type> <size>', '/a/b/hello.txt'], { repo })).out, 'file 6\n')
  const json = JSON.parse((await ok(['files', 'stat', '--enc=json', '/a/b/hello.txt'], { repo })).out)
  assert.equal(json, { Hash: HELLO, Size: 6, CumulativeSize: 14, Blocks: 0, Type: 'file' })
  // a local file as the data argument
  const local = join(dir, 'local.txt')
  await writeFile(local, 'from disk')
  await ok(['files', 'write', '-e', '/a/disk.txt', local], { repo })
  assert.is((await ok(['files', 'read', '/a/disk.txt'], { repo })).out, 'from disk')
  await ok(['files', 'cp', `/ipfs/${HELLO}`, '/a/copied'], { repo })
  await ok(['files', 'mv', '/a/copied', '/a/moved'], { repo })
  await ok(['files', 'rm', '/a/disk.txt'], { repo })
  assert.is((await ok(['files', 'ls', '/a'], { repo })).out, 'b\nmoved\n')
  await ok(['files', 'chmod', '0644', '/a/moved'], { repo })
  await ok(['files', 'touch', '--mtime=1700000000', '/a/moved'], { repo })
  const st = (await ok(['files', 'stat', '/a/moved'], { repo })).out
  assert.match(st, /Mode: -rw-r--r-- \(0644\)/)
  assert.match(st, /Mtime: 14 Nov 2023, 22:13:20 UTC/)
  const flushed = (await ok(['files', 'flush'], { repo })).out.trim()
  assert.is((await ok(['files', 'stat', '--hash', '/'], { repo })).out.trim(), flushed)
})

test("offline: bad input exits non-zero with Kubo's one line, tree unchanged", async ({ repo }) => {
  const before = (await ok(['files', 'stat', '--hash', '/'], { repo })).out
  const cases: Array<[string[], RegExp, number]> = [
    [['files', 'mkdir', 'rel'], /^Error: paths must start with a leading slash\n$/, 1],
    [['files', 'mkdir', '/a'], /^Error: file already exists\n$/, 1],
    [['files', 'rm', '/'], /^Error: cannot delete root\n$/, 1],
    [['files', 'rm', '/a'], /^Error: path is a directory, use -r to remove directories\n$/, 1],
    [['files', 'read', '/a'], /^Error: \/a was not a file\n$/, 1],
    [['files', 'read', '/nope'], /^Error: \/nope: file does not exist\n$/, 3],
    [['files', 'cp', '/a', '/a'], /directory already has entry by that name/, 1],
    [['files', 'rm', '--flush=false', '/a/moved'], /always flushes/, 1],
    [['files', 'stat', '--hash', '--size', '/'], /format was set by multiple options/, 1]
  ]
  for (const [args, message, code] of cases) {
    const r = await cairn(args, { repo, input: 'x' })
    assert.match(r.err, message, args.join(' '))
    assert.is(r.code, code, args.join(' '))
  }
  assert.is((await ok(['files', 'stat', '--hash', '/'], { repo })).out, before)
})

test('through a daemon: the same commands over RPC, add --to-files, and MFS kept across restarts', async (ctx) => {
  const { repo } = ctx
  ctx.daemon = await startDaemon(repo, LISTEN)
  await ok(['files', 'write', '-e', '-p', '/daemon/x.txt'], { repo, input: 'over rpc' })
  assert.is((await ok(['files', 'read', '/daemon/x.txt'], { repo })).out, 'over rpc')
  assert.is((await ok(['files', 'ls', '/'], { repo })).out, 'a\ndaemon\n')
  const added = (await ok(['add', '-q', '--to-files', '/daemon/', '--stdin-name', 'named.txt'], { repo, input: 'added' })).out.trim()
  assert.is((await ok(['files', 'stat', '--hash', '/daemon/named.txt'], { repo })).out.trim(), added)
  const bad = await cairn(['files', 'mkdir', '/daemon'], { repo })
  assert.is(bad.code, 1)
  assert.match(bad.err, /^Error: file already exists\n$/)
  const root = (await ok(['files', 'stat', '--hash', '/'], { repo })).out
  assert.is(await ctx.daemon.stop(), 0)
  ctx.daemon = undefined
  assert.is((await ok(['files', 'stat', '--hash', '/'], { repo })).out, root, 'the root survives the daemon')
  assert.is((await ok(['files', 'read', '/daemon/named.txt'], { repo })).out, 'added')
})

test('files chroot: needs --confirm and no daemon; takes a local directory, or the empty one', async (ctx) => {
  const { repo } = ctx
  const old = (await ok(['files', 'stat', '--hash', '/'], { repo })).out.trim()
  const dir = (await ok(['files', 'stat', '--hash', '/daemon'], { repo })).out.trim()
  const file = (await ok(['files', 'stat', '--hash', '/daemon/x.txt'], { repo })).out.trim()
  const refusals: Array<[string[], RegExp]> = [
    [['files', 'chroot'], /^Error: this is a potentially destructive operation; pass --confirm to proceed\n$/],
    [['files', 'chroot', '--confirm', 'nope'], /^Error: invalid CID "nope"/],
    [['files', 'chroot', '--confirm', file], /^Error: new root must be a directory, got File\n$/],
    [['files', 'chroot', '--confirm', 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'], /does not exist locally; fetch it first with 'ipfs block get'/]
  ]
  for (const [args, message] of refusals) {
    const r = await cairn(args, { repo })
    assert.match(r.err, message, args.join(' '))
    assert.ok(r.code !== 0, args.join(' '))
  }
  assert.is((await ok(['files', 'stat', '--hash', '/'], { repo })).out.trim(), old, 'refused: the root unchanged')
  assert.is((await ok(['files', 'chroot', '--confirm', `/ipfs/${dir}`], { repo })).out,
    `MFS root changed from ${old} to ${dir}\nThe old root ${old} will be garbage collected unless pinned.\n`)
  assert.is((await ok(['files', 'ls', '/'], { repo })).out, 'named.txt\nx.txt\n')
  assert.match((await ok(['files', 'chroot', '--confirm'], { repo })).out, / to QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn\n/)
  assert.is((await ok(['files', 'ls', '/'], { repo })).out, '')
  ctx.daemon = await startDaemon(repo, LISTEN)
  const running = await cairn(['files', 'chroot', '--confirm', dir], { repo })
  assert.match(running.err, /daemon is running/)
  assert.ok(running.code !== 0)
})

test.run()
