/**
 * The real `cairn` process on a repo with no daemon: add a tree and read it back, pin and gc,
 * move a DAG between repos as a CAR, raw blocks, config, and the one-line errors.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok } from './fixtures/cli.ts'

interface Context {
  dir: string
  repo: string
  tree: string
  root?: string
}

const test = suite<Context>('cairn without a daemon', { dir: '', repo: '', tree: '' })

const big = Buffer.alloc(300 * 1024)
for (let i = 0; i < big.length; i++) big[i] = (i * 7 + 3) & 0xff

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-e2e-'))
  ctx.repo = join(ctx.dir, 'repo')
  ctx.tree = join(ctx.dir, 'tree')
  await mkdir(join(ctx.tree, 'sub'), { recursive: true })
  await writeFile(join(ctx.tree, 'hello.txt'), 'hello\n')
  await writeFile(join(ctx.tree, 'big.bin'), big)
  await writeFile(join(ctx.tree, 'sub', 'b.txt'), 'bee\n')
  await writeFile(join(ctx.tree, '.hidden'), 'secret\n')
})

test.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true })
})

test('init --profile=test, and refuses to init twice', async (ctx) => {
  const r = await ok(['init', '--profile=test'], { repo: ctx.repo })
  assert.match(r.out, /peer identity: 12D3Koo/)
  const again = await cairn(['init'], { repo: ctx.repo })
  assert.is(again.code, 4)
  assert.match(again.err, /^Error: a Cairn repo already exists at .*\n$/)
  assert.equal(JSON.parse((await ok(['config', 'Bootstrap', '--enc=json'], { repo: ctx.repo })).out).Value, [])
})

test('add -r prints Kubo lines; hidden files are skipped', async (ctx) => {
  const r = await ok(['add', '-r', ctx.tree], { repo: ctx.repo })
  const lines = r.out.trim().split('\n')
  assert.equal(lines.map(l => l.split(' ')[2]), ['tree/big.bin', 'tree/hello.txt', 'tree/sub/b.txt', 'tree/sub', 'tree'])
  for (const l of lines) assert.match(l, /^added (Qm\w{44}) \S+$/)
  // the bytes "hello\n" have this CID in Kubo with default settings
  assert.ok(lines.includes('added QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN tree/hello.txt'))
  ctx.root = lines[lines.length - 1].split(' ')[1]
  assert.is(r.err, '', 'no progress bar when stderr is not a terminal')

  const q = await ok(['add', '-Q', '-r', ctx.tree], { repo: ctx.repo })
  assert.is(q.out, `${ctx.root}\n`)
  const withHidden = await ok(['add', '-Q', '-r', '--hidden', ctx.tree], { repo: ctx.repo })
  assert.is.not(withHidden.out, q.out)
  const json = await ok(['add', '--enc=json', '-n', join(ctx.tree, 'hello.txt')], { repo: ctx.repo })
  assert.equal(JSON.parse(json.out), { Name: 'hello.txt', Hash: 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN', Size: '14' })
})

test('stdin and --cid-version=1', async (ctx) => {
  const r = await ok(['add', '-q', '--cid-version=1'], { repo: ctx.repo, input: 'hello\n' })
  assert.match(r.out, /^bafkrei\w+\n$/)
  const cat = await ok(['cat', r.out.trim()], { repo: ctx.repo })
  assert.is(cat.out, 'hello\n')
})

test('stdin with -w is linked by its CID in the wrapper, or by --stdin-name, as Kubo does', async (ctx) => {
  const HELLO = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'
  const bare = await ok(['add', '-w'], { repo: ctx.repo, input: 'hello\n' })
  const lines = bare.out.trim().split('\n')
  assert.is(lines[0], `added ${HELLO} ${HELLO}`)
  const wrapper = lines[1].replace(/^added /, '')
  assert.is((await ok(['cat', `${wrapper}/${HELLO}`], { repo: ctx.repo })).out, 'hello\n')
  const named = await ok(['add', '-w', '--stdin-name', 'greeting.txt'], { repo: ctx.repo, input: 'hello\n' })
  const [file, dir] = named.out.trim().split('\n')
  assert.is(file, `added ${HELLO} greeting.txt`)
  assert.is((await ok(['cat', `${dir.replace(/^added /, '')}/greeting.txt`], { repo: ctx.repo })).out, 'hello\n')
  assert.is((await ok(['add', '--stdin-name', 'greeting.txt'], { repo: ctx.repo, input: 'hello\n' })).out, `added ${HELLO} greeting.txt\n`)
})

test('cat, ls and get read the tree back', async (ctx) => {
  assert.is((await ok(['cat', `/ipfs/${ctx.root!}/hello.txt`], { repo: ctx.repo })).out, 'hello\n')
  const whole = await ok(['cat', `${ctx.root!}/big.bin`], { repo: ctx.repo })
  assert.ok(whole.stdout.equals(big))
  const part = await ok(['cat', '--offset', '1000', '--length', '5', `${ctx.root!}/big.bin`], { repo: ctx.repo })
  assert.ok(part.stdout.equals(big.subarray(1000, 1005)))

  const ls = await ok(['ls', ctx.root!], { repo: ctx.repo })
  const rows = ls.out.trim().split('\n').map(l => l.split(/\s+/))
  assert.equal(rows.map(r => r[2]), ['big.bin', 'hello.txt', 'sub/'])
  assert.equal(rows.map(r => r[1]), [String(big.length), '6', '-'])

  const out = join(ctx.dir, 'got')
  const get = await ok(['get', ctx.root!, '-o', out], { repo: ctx.repo })
  assert.match(get.out, /Saving file\(s\) to /)
  assert.is(await readFile(join(out, 'hello.txt'), 'utf8'), 'hello\n')
  assert.is(await readFile(join(out, 'sub', 'b.txt'), 'utf8'), 'bee\n')
  assert.ok((await readFile(join(out, 'big.bin'))).equals(big))
})

test('symlinks are stored as symlinks and written back as symlinks', async (ctx) => {
  const dir = join(ctx.dir, 'links')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'target.txt'), 'pointed at\n')
  await symlink('target.txt', join(dir, 'link'))
  const root = (await ok(['add', '-Q', '-r', dir], { repo: ctx.repo })).out.trim()
  const out = join(ctx.dir, 'links-back')
  await ok(['get', root, '-o', out], { repo: ctx.repo })
  assert.is(await readlink(join(out, 'link')), 'target.txt')
  assert.is(await readFile(join(out, 'link'), 'utf8'), 'pointed at\n')
})

test('pin rm and gc remove what nothing pins; what is pinned stays', async (ctx) => {
  const keep = (await ok(['add', '-q', '--pin=false', join(ctx.tree, 'sub', 'b.txt')], { repo: ctx.repo })).out.trim()
  await ok(['pin', 'add', keep], { repo: ctx.repo })
  const pins = (await ok(['pin', 'ls', '--type=recursive', '-q'], { repo: ctx.repo })).out.trim().split('\n')
  assert.ok(pins.includes(ctx.root!) && pins.includes(keep))

  const unpinned = await ok(['pin', 'rm', ctx.root!], { repo: ctx.repo })
  assert.is(unpinned.out, `unpinned ${ctx.root!}\n`)
  // the -Q / --hidden adds above pinned other roots that share blocks: unpin them too
  for (const line of (await ok(['pin', 'ls', '--type=recursive', '-q'], { repo: ctx.repo })).out.trim().split('\n')) {
    if (line !== keep) await ok(['pin', 'rm', line], { repo: ctx.repo })
  }
  const gc = await ok(['repo', 'gc'], { repo: ctx.repo })
  assert.ok(gc.out.includes(`removed ${ctx.root!}`))
  assert.not.ok(gc.out.includes(keep))

  const gone = await cairn(['cat', `${ctx.root!}/hello.txt`], { repo: ctx.repo })
  assert.is.not(gone.code, 0)
  assert.match(gone.err, /^Error: [^\n]+\n$/)
  assert.is((await ok(['cat', keep], { repo: ctx.repo })).out, 'bee\n')
})

test('dag export to a CAR and import it into a second repo', async (ctx) => {
  const root = (await ok(['add', '-Q', '-r', ctx.tree], { repo: ctx.repo })).out.trim()
  const car = await ok(['dag', 'export', root], { repo: ctx.repo })
  const carFile = join(ctx.dir, 'tree.car')
  await writeFile(carFile, car.stdout)

  const second = join(ctx.dir, 'repo2')
  await ok(['init', '--profile=test'], { repo: second })
  const imported = await ok(['dag', 'import', carFile], { repo: second })
  assert.is(imported.out, `Pinned root\t${root}\tsuccess\n`)
  assert.is((await ok(['cat', `${root}/sub/b.txt`], { repo: second })).out, 'bee\n')
  assert.ok((await ok(['pin', 'ls', '-q', '--type=recursive'], { repo: second })).out.includes(root))
  const stat = await ok(['dag', 'stat', root], { repo: second })
  assert.match(stat.out, /Unique Blocks: \d+/)
})

test('block put, stat, get and rm', async (ctx) => {
  const put = await ok(['block', 'put'], { repo: ctx.repo, input: 'raw block bytes' })
  const cid = put.out.trim()
  assert.match(cid, /^bafkrei/)
  assert.is((await ok(['block', 'stat', cid], { repo: ctx.repo })).out, `Key: ${cid}\nSize: 15\n`)
  assert.is((await ok(['block', 'get', cid], { repo: ctx.repo })).out, 'raw block bytes')
  assert.is((await ok(['block', 'rm', cid], { repo: ctx.repo })).out, `removed ${cid}\n`)
  assert.is((await cairn(['block', 'stat', cid], { repo: ctx.repo })).code, 3)
})

test('config set and get, repo stat, version', async (ctx) => {
  await ok(['config', 'Datastore.StorageMax', '20GB'], { repo: ctx.repo })
  assert.is((await ok(['config', 'Datastore.StorageMax'], { repo: ctx.repo })).out, '20GB\n')
  await ok(['config', 'set', '--json', 'Swarm.ConnMgr.HighWater', '50'], { repo: ctx.repo })
  assert.is((await ok(['config', 'get', 'Swarm.ConnMgr.HighWater'], { repo: ctx.repo })).out, '50\n')
  assert.equal(JSON.parse((await ok(['config', 'get', '--enc=json', 'Swarm.ConnMgr.HighWater'], { repo: ctx.repo })).out), { Key: 'Swarm.ConnMgr.HighWater', Value: 50 })
  await ok(['config', 'set', '--bool', 'Discovery.MDNS.Enabled', 'false'], { repo: ctx.repo })
  assert.equal(JSON.parse((await ok(['config', 'show'], { repo: ctx.repo })).out).Discovery.MDNS.Enabled, false)
  const stat = (await ok(['repo', 'stat'], { repo: ctx.repo })).out
  assert.match(stat, /^NumObjects: +\d+\nRepoSize: +\d+\nStorageMax: +20000000000\n/)
  // usage against the budget, and where eviction starts (Kubo's default watermark, 90%)
  assert.match(stat, /\nStorageUsed: +(<0\.01|\d+\.\d\d)%\nGCWatermark: +90% \(18000000000\)\n/)
  assert.match((await ok(['version'], { repo: ctx.repo })).out, /^cairn version \d+\.\d+\.\d+/)
})

test('add on a repo that was never initialised creates it', async (ctx) => {
  const fresh = join(ctx.dir, 'fresh')
  const r = await ok(['add', '-q', join(ctx.tree, 'hello.txt')], { repo: fresh })
  assert.is(r.out, 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN\n')
  assert.match(r.err, /initialized a new Cairn repo/)
  assert.is((await ok(['cat', 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'], { repo: fresh })).out, 'hello\n')
})

test('errors: one line on stderr, non-zero exit, no stack trace', async (ctx) => {
  // the real process for the cases the issue names; the rest of the usage errors are in main.spec.ts
  const cases: Array<[string[], number, RegExp]> = [
    [['cat', 'not-a-cid'], 1, /^Error: invalid path "not-a-cid": "not-a-cid" is not a CID$/],
    [['block', 'get', 'bafynope'], 1, /^Error: invalid CID "bafynope": not a CID/],
    [['add', join(ctx.dir, 'missing.txt')], 3, /^Error: lstat .*missing\.txt: no such file or directory$/],
    [['add', '--frobnicate', 'x'], 1, /^Error: unknown option '--frobnicate'$/],
    [['cat', 'QmWATWQ7fVPP2EFGu71UkfnqhYXDYH566qy47CnJDgvs8u'], 3, /^Error: /],
    [['id'], 4, /^Error: no Cairn repo found in /]
  ]
  for (const [args, code, message] of cases) {
    const repo = args[0] === 'id' ? join(ctx.dir, 'nowhere') : ctx.repo
    const r = await cairn(args, { repo })
    assert.is(r.code, code, `cairn ${args.join(' ')} → ${r.code}: ${r.err}`)
    const lines = r.err.trimEnd().split('\n')
    assert.is(lines.length, 1, `one line for cairn ${args.join(' ')}: ${r.err}`)
    assert.match(lines[0], message)
  }
  const debug = await cairn(['--debug', 'cat', 'not-a-cid'], { repo: ctx.repo })
  assert.match(debug.err, /\n\s+at /, '--debug adds the stack')
})

test('an api file naming no running daemon: one line, exit 5', async (ctx) => {
  await writeFile(join(ctx.repo, 'api'), '/ip4/127.0.0.1/tcp/1')
  try {
    const r = await cairn(['cat', 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'], { repo: ctx.repo })
    assert.is(r.code, 5)
    assert.match(r.err, /^Error: cannot connect to the api at http:\/\/127\.0\.0\.1:1\. Is the daemon running\?[^\n]*\n$/)
    // --offline ignores the api file, as Kubo's does
    assert.is((await ok(['cat', '--offline', 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'], { repo: ctx.repo })).out, 'hello\n')
  } finally {
    await rm(join(ctx.repo, 'api'), { force: true })
  }
})

test.run()
