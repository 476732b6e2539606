/**
 * The CLI against one real offline daemon: what each command loads (the module graph, recorded in
 * the `cairn` process itself), and that every error on the RPC path reaches the user as one line
 * and a non-zero exit, for each command family, including errors that happen after the daemon's
 * answer has started (a DAG with a block missing in the middle).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon, RunResult } from './fixtures/cli.ts'

const RECORDER = join(import.meta.dirname, 'fixtures', 'record-modules.ts')

/** What `version`, `--help` and every command through a daemon must never load */
const HEAVY = [
  /\/node_modules\/\.pnpm\/(libp2p@|@libp2p\+|@chainsafe\+libp2p|classic-level@|abstract-level@|level@|ipfs-unixfs-importer@)/,
  /\/packages\/(node|blockstore)\/(src|dist)\//,
  /\/apps\/gateway\/(src|dist)\//,
  /\/packages\/dag\/(src|dist\/src)\/(index|importer|file-builder|dir-builder|hamt|reader|car|pb)\.(ts|js)$/,
  // the daemon decodes blocks, the CLI does not
  /\/node_modules\/\.pnpm\/(@ipld\+dag-pb|ipfs-unixfs)@/
]

interface Context { dir: string, repo: string, daemon?: Daemon, file: string, damaged?: string, missingLeaf?: string }
const test = suite<Context>('cairn through a daemon: what it loads, and no error lost', { dir: '', repo: '', file: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cli-rpc-'))
  ctx.repo = join(ctx.dir, 'repo')
  ctx.file = join(ctx.dir, 'one-kib.txt')
  await writeFile(ctx.file, 'x'.repeat(1024))
  await ok(['init', '--profile=test'], { repo: ctx.repo })
  // a 3-leaf file whose middle leaf is then removed: reading it fails after the first leaf
  const big = join(ctx.dir, 'three-leaves.bin')
  await writeFile(big, Buffer.concat([Buffer.alloc(1024, 1), Buffer.alloc(1024, 2), Buffer.alloc(1024, 3)]))
  ctx.damaged = (await ok(['add', '-Q', '--pin=false', '--chunker=size-1024', '--raw-leaves', big], { repo: ctx.repo })).out.trim()
  const leaf = join(ctx.dir, 'leaf2')
  await writeFile(leaf, Buffer.alloc(1024, 2))
  ctx.missingLeaf = (await ok(['add', '-Q', '--only-hash', '--raw-leaves', leaf], { repo: ctx.repo })).out.trim()
  await ok(['block', 'rm', ctx.missingLeaf], { repo: ctx.repo })
  ctx.daemon = await startDaemon(ctx.repo, ['--offline'])
})

test.after(async (ctx) => {
  await ctx.daemon?.stop()
  await rm(ctx.dir, { recursive: true, force: true })
})

async function loadedBy (args: string[], ctx: Context, input?: string): Promise<{ run: RunResult, modules: string[] }> {
  const file = join(ctx.dir, `modules-${args[0]}-${Date.now()}.txt`)
  const run = await cairn(args, { repo: ctx.repo, input, env: { NODE_OPTIONS: `--import=${RECORDER}`, CAIRN_TEST_MODULES_FILE: file } })
  const modules = (await readFile(file, 'utf8')).split('\n')
  return { run, modules }
}

function assertLight (modules: string[], what: string): void {
  assert.ok(modules.some(m => m.includes('/apps/cli/')), `${what}: the recorder saw the CLI's own modules`)
  for (const m of modules) {
    for (const heavy of HEAVY) assert.not.match(m, heavy, `${what} loaded ${m}`)
  }
}

test('version, --version and --help load no node, store, libp2p or importer, and need no repo', async (ctx) => {
  for (const args of [['version'], ['--version'], ['--help']]) {
    const { run, modules } = await loadedBy(args, { ...ctx, repo: join(ctx.dir, 'no-repo-here') })
    assert.is(run.code, 0, run.err)
    assert.is(run.err, '')
    if (args[0] !== '--help') assert.match(run.out, /^cairn version \d+\.\d+\.\d+\n$/)
    assertLight(modules, args.join(' '))
    // not even a CID parser: nothing here parses a CID
    assert.not.ok(modules.some(m => m.includes('/multiformats')), `${args.join(' ')} loaded multiformats`)
  }
})

test('version answers the same whether bin.ts answers it alone or through the command tree', async (ctx) => {
  const repo = join(ctx.dir, 'no-repo-here')
  const bare = await ok(['version'], { repo })
  // a global flag or an unusual flag goes through commander
  assert.is((await ok(['version', '--commit'], { repo })).out, bare.out)
  assert.is((await ok(['version', '--debug'], { repo })).out, bare.out)
  assert.is((await ok(['version', '-n'], { repo })).out, (await ok(['version', '--number', '--debug'], { repo })).out)
  assert.is((await ok(['version', '--all'], { repo })).out, (await ok(['version', '--all', '--debug'], { repo })).out)
  const json = JSON.parse((await ok(['--enc=json', 'version'], { repo })).out)
  assert.is(`cairn version ${json.Version}\n`, bare.out)
  // the daemon's node (@cairn/node's REPO_VERSION) reports the repo version the client prints
  const [, host, port] = /^\/ip4\/([^/]+)\/tcp\/(\d+)$/.exec(ctx.daemon!.apiMultiaddr)!
  const daemon = await (await fetch(`http://${host}:${port}/api/v0/version`, { method: 'POST' })).json() as { Repo: string, Version: string }
  assert.is(daemon.Repo, json.Repo)
  assert.is(daemon.Version, json.Version)
})

test('commands through the daemon load no node, store, libp2p or importer', async (ctx) => {
  const added = (await ok(['add', '-Q', ctx.file], { repo: ctx.repo })).out.trim()
  const commands = [['id'], ['cat', added], ['add', '-q', ctx.file], ['ls', ctx.damaged!], ['pin', 'ls'], ['repo', 'stat'], ['block', 'stat', added], ['dag', 'stat', added], ['config', 'show']]
  for (const args of commands) {
    const { run, modules } = await loadedBy(args, ctx)
    assert.is(run.code, 0, `${args.join(' ')}: ${run.err}`)
    assertLight(modules, args.join(' '))
  }
  const { run, modules } = await loadedBy(['add', '-q'], ctx, 'from stdin')
  assert.is(run.code, 0, run.err)
  assertLight(modules, 'add from stdin')
})

/** One line on stderr, `Error: ` and the expected words, and the exit code */
function assertFails (r: RunResult, message: RegExp, code: number | RegExp = /^[1-5]$/): void {
  assert.ok(r.code !== 0, `exited 0; stdout: ${r.out}`)
  if (typeof code === 'number') assert.is(r.code, code, r.err)
  else assert.match(String(r.code), code)
  const lines = r.err.trimEnd().split('\n')
  assert.is(lines.length, 1, `one line, not: ${r.err}`)
  assert.match(lines[0], /^Error: /)
  assert.match(lines[0], message)
  assert.not.match(r.err, /at .*\.(ts|js):\d+/, 'no stack trace')
}

test('add: an unsupported chunker fails through the daemon as it does offline', async (ctx) => {
  assertFails(await cairn(['add', '--chunker=rabin', ctx.file], { repo: ctx.repo }), /rabin/i)
  assertFails(await cairn(['add', '--chunker=rabin'], { repo: ctx.repo, input: 'stdin bytes' }), /rabin/i)
})

test('cat, get, dag export, ls: a block missing after the answer started is an error, not a short answer', async (ctx) => {
  const cat = await cairn(['cat', ctx.damaged!], { repo: ctx.repo })
  assertFails(cat, /not found|offline/i)
  assert.ok(cat.stdout.byteLength < 3072, 'the bytes after the hole were not invented')
  assertFails(await cairn(['get', ctx.damaged!, '-o', join(ctx.dir, 'got')], { repo: ctx.repo }), /not found|offline/i)
  assertFails(await cairn(['dag', 'export', ctx.damaged!], { repo: ctx.repo }), /not found|offline/i)
  assertFails(await cairn(['pin', 'add', ctx.damaged!], { repo: ctx.repo }), /not found|offline/i)
  assertFails(await cairn(['dag', 'stat', ctx.damaged!], { repo: ctx.repo }), /not found|offline/i)
})

test('every command family reports the daemon\'s error in one line', async (ctx) => {
  const missing = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'
  assertFails(await cairn(['cat', missing], { repo: ctx.repo }), /not found|offline/i, 3)
  assertFails(await cairn(['ls', missing], { repo: ctx.repo }), /not found|offline/i, 3)
  assertFails(await cairn(['pin', 'rm', missing], { repo: ctx.repo }), /not pinned|not found|offline/i)
  assertFails(await cairn(['block', 'get', missing], { repo: ctx.repo }), /not found|offline/i, 3)
  assertFails(await cairn(['block', 'stat', missing], { repo: ctx.repo }), /not found|offline/i, 3)
  assertFails(await cairn(['config', 'No.Such.Key'], { repo: ctx.repo }), /./)
  assertFails(await cairn(['swarm', 'connect', '/ip4/127.0.0.1/tcp/1/p2p/12D3KooWDxkLwGTxSgfp7Lfq6b5BbnVt8r2uTGH5hGhLuKwCp4ky'], { repo: ctx.repo }), /./)
  assertFails(await cairn(['bootstrap', 'add', 'not-a-multiaddr'], { repo: ctx.repo }), /./)
})

test('dag import of a file that does not exist: one line, exit 3, through the daemon and offline', async (ctx) => {
  const missing = join(ctx.dir, 'nope.car')
  assertFails(await cairn(['dag', 'import', missing], { repo: ctx.repo }), /^Error: open .*nope\.car: no such file or directory$/, 3)
  const offlineRepo = join(ctx.dir, 'offline')
  await ok(['init', '--profile=test'], { repo: offlineRepo })
  assertFails(await cairn(['dag', 'import', missing], { repo: offlineRepo }), /^Error: open .*nope\.car: no such file or directory$/, 3)
})

test.run()
