/**
 * Issue 15's content commands through the real `cairn` process, each run twice: offline on one
 * repo and through a running daemon's RPC on another. Both must print the same thing (Kubo's lines).
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon, RunResult } from './fixtures/cli.ts'

interface Context { dir: string, offline: string, online: string, daemon?: Daemon }

const test = suite<Context>('cli content commands', { dir: '', offline: '', online: '' })
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']

test.before(async (ctx) => {
  try {
    ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-content-'))
    ctx.offline = join(ctx.dir, 'offline')
    ctx.online = join(ctx.dir, 'online')
    await Promise.all([ok(['init', '--profile=test'], { repo: ctx.offline }), ok(['init', '--profile=test'], { repo: ctx.online })])
    ctx.daemon = await startDaemon(ctx.online, LISTEN)
  } catch (err) {
    process.stderr.write(`before: ${(err as Error).stack}\n`)
    throw err
  }
})

test.after(async (ctx) => {
  await ctx.daemon?.stop()
  await rm(ctx.dir, { recursive: true, force: true })
})

/** Runs the same command offline and through the daemon; both results, offline first */
async function both (ctx: Context, args: string[], input?: string): Promise<[RunResult, RunResult]> {
  const [a, b] = await Promise.all([cairn(args, { repo: ctx.offline, input }), cairn(args, { repo: ctx.online, input })])
  return [a, b]
}

/** Same command, same exit code and stdout offline and online; returns stdout */
async function same (ctx: Context, args: string[], input?: string): Promise<string> {
  const [a, b] = await both(ctx, args, input)
  assert.is(a.code, b.code, `exit codes of cairn ${args.join(' ')}: offline ${a.err} / online ${b.err}`)
  assert.is(a.out, b.out, `stdout of cairn ${args.join(' ')}`)
  return a.out
}

test('pin add --name, pin ls --names / --name / --enc=json, pin verify, pin rm of an unpinned CID', async (ctx) => {
  const cid = (await same(ctx, ['add', '-q', '--pin=false'], 'pin names\n')).trim()
  assert.is(await same(ctx, ['pin', 'add', '--name', 'my pin', cid]), `pinned ${cid} recursively\n`)
  assert.is(await same(ctx, ['pin', 'ls', '--type=recursive']), `${cid} recursive\n`, 'names only when asked for')
  assert.is(await same(ctx, ['pin', 'ls', '--type=recursive', '--names']), `${cid} recursive my pin\n`)
  assert.is(await same(ctx, ['pin', 'ls', '--name', 'my']), `${cid} recursive my pin\n`)
  assert.is(await same(ctx, ['pin', 'ls', '--name', 'nope']), '')
  assert.equal(JSON.parse(await same(ctx, ['pin', 'ls', '--type=recursive', '--enc=json'])), { Keys: { [cid]: { Type: 'recursive', Name: '' } } })
  assert.equal(JSON.parse(await same(ctx, ['pin', 'ls', '--type=recursive', '--names', '--enc=json'])), { Keys: { [cid]: { Type: 'recursive', Name: 'my pin' } } })
  assert.equal(JSON.parse(await same(ctx, ['pin', 'ls', '--type=recursive', '--stream', '--enc=json'])), { Cid: cid, Type: 'recursive' }, 'an unnamed entry omits Name')
  assert.is(await same(ctx, ['pin', 'verify', '--verbose']), `${cid} ok\n`)
  assert.is(await same(ctx, ['pin', 'verify']), '')
  const progress = await both(ctx, ['pin', 'add', '--progress', cid])
  for (const r of progress) assert.is(r.out, `pinned ${cid} recursively\n`)
  assert.is(await same(ctx, ['pin', 'rm', cid]), `unpinned ${cid}\n`)
  const [a, b] = await both(ctx, ['pin', 'rm', cid])
  for (const r of [a, b]) {
    assert.is.not(r.code, 0)
    assert.is(r.err.trim(), 'Error: not pinned or pinned indirectly')
  }
})

test('dag put | get | resolve, refs -r / --unique / --edges, refs local, block put --mhtype --mhlen, block stat of a path', async (ctx) => {
  const leaf = (await same(ctx, ['dag', 'put'], '"leaf"')).trim()
  const top = (await same(ctx, ['dag', 'put', '--pin'], `{"a":{"/":"${leaf}"},"b":{"/":"${leaf}"},"n":{"x":1}}`)).trim()
  assert.match(top, /^bafyrei/)
  assert.is(await same(ctx, ['dag', 'get', `${top}/n`]), '{"x":1}')
  assert.is(await same(ctx, ['dag', 'resolve', `/ipfs/${top}/n/x`]), `${top}/n/x`, 'Kubo prints no newline')
  assert.is(await same(ctx, ['dag', 'resolve', `${top}/a`]), leaf)
  assert.is(await same(ctx, ['refs', top]), `${leaf}\n${leaf}\n`)
  assert.is(await same(ctx, ['refs', '-r', '--unique', top]), `${leaf}\n`)
  assert.is(await same(ctx, ['refs', '--edges', top]), `${top} -> ${leaf}\n${top} -> ${leaf}\n`)
  assert.is(await same(ctx, ['refs', '--format', '<linkname>: <dst>', top]), `a: ${leaf}\nb: ${leaf}\n`)
  const local = await same(ctx, ['refs', 'local'])
  assert.ok(local.trim().split('\n').length >= 2, 'every block, as CIDv1 raw')
  const cut = (await same(ctx, ['block', 'put', '--mhtype=sha2-512', '--mhlen=20'], 'hashed')).trim()
  assert.is(await same(ctx, ['block', 'stat', cut]), `Key: ${cut}\nSize: 6\n`)
  const [a, b] = await both(ctx, ['block', 'put', '--mhtype=md5'], 'x')
  for (const r of [a, b]) {
    assert.is(r.code, 1)
    assert.is(r.err.trim(), 'Error: unrecognized multihash function: md5')
  }
})

test('cid format | base32 | inspect | bases, multibase encode | decode (no repo needed, same with a daemon)', async (ctx) => {
  const v0 = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'
  const v1 = 'bafybeiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4'
  assert.is(await same(ctx, ['cid', 'base32', v0]), `${v1}\n`)
  assert.is(await same(ctx, ['cid', 'format', '-f', '%P %b', '-v', '1', v0]), 'cidv1-dag-pb-sha2-256-32 base32\n')
  assert.match(await same(ctx, ['cid', 'inspect', v0]), /^CID: {8}Qm.*\nVersion: {4}0\nMultibase: {2}base58btc \(implicit\)\n/)
  assert.equal(JSON.parse(await same(ctx, ['cid', 'inspect', '--enc=json', v0])).cidV1, v1)
  assert.match(await same(ctx, ['cid', 'bases', '--prefix']), /^z {2}base58btc$/m)
  assert.is(await same(ctx, ['multibase', 'encode', '-b', 'base32'], 'hello'), 'bnbswy3dp')
  assert.is(await same(ctx, ['multibase', 'decode'], 'bnbswy3dp'), 'hello')
  const [a] = await both(ctx, ['cid', 'format', 'nope'])
  assert.is.not(a.code, 0)
  assert.match(a.err, /^nope: invalid cid: /)
})

test('object stat | links | get | data (Kubo 0.2x shapes), object new refused with Kubo\'s removal message; add -w keeps Kubo\'s trailing space', async (ctx) => {
  const hello = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'
  await same(ctx, ['add', '-q', '--pin=false'], 'hello\n')
  assert.is(await same(ctx, ['object', 'stat', hello]), 'NumLinks:       0\nBlockSize:      14\nLinksSize:      2\nDataSize:       12\nCumulativeSize: 14\n')
  assert.equal(JSON.parse(await same(ctx, ['object', 'stat', '--enc=json', hello])), { Hash: hello, NumLinks: 0, BlockSize: 14, LinksSize: 2, DataSize: 12, CumulativeSize: 14 })
  assert.equal(JSON.parse(await same(ctx, ['object', 'get', '--data-encoding=base64', hello])), { Links: [], Data: 'CAISBmhlbGxvChgG' })
  assert.is(await same(ctx, ['object', 'links', hello]), '')
  const wrapped = (await same(ctx, ['add', '-w', '--pin=false'], 'hi\n')).split('\n')
  assert.match(wrapped[1], /^added Qm\w+ $/, 'the wrapper line ends with a space, as Kubo prints it')
  const [a, b] = await both(ctx, ['object', 'new'])
  for (const r of [a, b]) {
    assert.is.not(r.code, 0)
    assert.is(r.err.trim(), 'Error: removed, use \'ipfs dag\' or \'ipfs files\' instead')
  }
})

test.run()
