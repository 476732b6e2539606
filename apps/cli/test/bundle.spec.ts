/**
 * The bundled CLI (`scripts/bundle-cli.ts`, what `pnpm cairn`, `pnpm start` and `pnpm bench:cli`
 * run) behaves as the sources do: offline add/cat/id give the same answers, its daemon serves the
 * RPC and the gateway and stops cleanly, and a command loads a few files instead of hundreds.
 * The bundle is made here from the compiled CLI (`pnpm test` compiles first).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT, cairn, ok, startDaemon } from './fixtures/cli.ts'

const BUNDLED_BIN = join(ROOT, 'apps/cli/dist/bundle/bin.js')
const RECORDER = join(import.meta.dirname, 'fixtures', 'record-modules.ts')

interface Context { dir: string, file: string }
const test = suite<Context>('the bundled cairn', { dir: '', file: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-bundle-'))
  ctx.file = join(ctx.dir, 'one-kib.bin')
  await writeFile(ctx.file, Buffer.alloc(1024, 7))
  const bundling = spawn(process.execPath, [join(ROOT, 'scripts/bundle-cli.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  bundling.stdout.on('data', (d: Buffer) => { out += d.toString() })
  bundling.stderr.on('data', (d: Buffer) => { out += d.toString() })
  const code = await new Promise<number | null>(resolve => bundling.on('close', resolve))
  if (code !== 0) throw new Error(`bundle-cli exited ${code}: ${out}`)
})

test.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true })
})

test('offline add, cat and id answer as the sources do, loading a few files', async (ctx) => {
  const repo = join(ctx.dir, 'offline')
  await ok(['init', '--profile=test'], { repo, bin: BUNDLED_BIN })
  const modulesFile = join(ctx.dir, 'modules.txt')
  const added = await ok(['add', '-Q', ctx.file], { repo, bin: BUNDLED_BIN, env: { NODE_OPTIONS: `--import=${RECORDER}`, CAIRN_TEST_MODULES_FILE: modulesFile } })
  const fromSources = await ok(['add', '-Q', '--only-hash', ctx.file], { repo })
  assert.is(added.out, fromSources.out)
  const modules = (await readFile(modulesFile, 'utf8')).split('\n').filter(m => !m.startsWith('node:'))
  // the unbundled build loads ~270 files for this; the bundle a few dozen, LevelDB's binding among them
  assert.ok(modules.length < 60, `${modules.length} files: ${modules.join(' ')}`)
  assert.ok(modules.some(m => m.includes('/classic-level/')), 'the native binding, from where it is installed')
  assert.ok(modules.every(m => !/\/(libp2p|@libp2p\+(?!logger))/.test(m)), 'no libp2p offline')
  const cid = added.out.trim()
  assert.ok((await ok(['cat', cid], { repo, bin: BUNDLED_BIN })).stdout.equals(Buffer.alloc(1024, 7)))
  assert.equal(JSON.parse((await ok(['id'], { repo, bin: BUNDLED_BIN })).out), JSON.parse((await ok(['id'], { repo })).out))
  assert.is((await ok(['version'], { repo, bin: BUNDLED_BIN })).out, (await ok(['version'], { repo })).out)
  const missing = await cairn(['cat', 'QmNotACid'], { repo, bin: BUNDLED_BIN })
  assert.ok(missing.code !== 0)
  assert.match(missing.err, /^Error: .+\n$/)
})

test('its daemon serves the RPC and the gateway, and stops cleanly', async (ctx) => {
  const repo = join(ctx.dir, 'online')
  await ok(['init', '--profile=test'], { repo, bin: BUNDLED_BIN })
  const daemon = await startDaemon(repo, [], BUNDLED_BIN)
  try {
    const cid = (await ok(['add', '-Q', ctx.file], { repo, bin: BUNDLED_BIN })).out.trim()
    const body = Buffer.from(await (await fetch(`${daemon.gatewayUrl}/ipfs/${cid}`)).arrayBuffer())
    assert.ok(body.equals(Buffer.alloc(1024, 7)))
    const id = JSON.parse((await ok(['id'], { repo, bin: BUNDLED_BIN })).out) as { ID: string, Addresses: string[], Protocols: string[] }
    assert.is(id.ID, daemon.peerId)
    assert.ok(id.Addresses.length > 0)
    assert.ok(id.Protocols.includes('/ipfs/bitswap/1.2.0'), id.Protocols.join(' '))
  } finally {
    assert.is(await daemon.stop(), 0)
  }
})

test.run()
