/**
 * What an offline command loads (the module graph, recorded in the `cairn` process itself): an
 * offline node opens the repo, its block store and the importer, and builds no libp2p at all.
 * libp2p, its crypto, transports and services are most of a one-shot command's start-up
 * (issue 12: offline `add` of 1 KiB within 5x a bare `node -e 0`, see `pnpm bench:cli`).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cairn, ok } from './fixtures/cli.ts'
import type { RunResult } from './fixtures/cli.ts'

const RECORDER = join(import.meta.dirname, 'fixtures', 'record-modules.ts')

/** What no offline command may load: libp2p, its services and transports, the datastore, metrics */
const NETWORK = /\/node_modules\/\.pnpm\/(libp2p@|@libp2p\+(?!logger@|interface@|crypto@|peer-id@)|@chainsafe\+(?!netmask@|is-ip@)|datastore-level@|datastore-core@|prom-client@)|\/packages\/node\/(src|dist\/src)\/(online|libp2p|noise-crypto|metrics)\.(ts|js)$|\/packages\/node\/(src|dist\/src)\/bitswap\//
interface Context { dir: string, repo: string, file: string }
const test = suite<Context>('offline cairn: no libp2p in the process', { dir: '', repo: '', file: '' })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-offline-modules-'))
  ctx.repo = join(ctx.dir, 'repo')
  ctx.file = join(ctx.dir, 'one-kib.txt')
  await writeFile(ctx.file, 'y'.repeat(1024))
  await ok(['init', '--profile=test'], { repo: ctx.repo })
})

test.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true })
})

async function loadedBy (args: string[], ctx: Context): Promise<{ run: RunResult, modules: string[] }> {
  const file = join(ctx.dir, `modules-${args[0]}-${Date.now()}.txt`)
  const run = await cairn(args, { repo: ctx.repo, env: { NODE_OPTIONS: `--import=${RECORDER}`, CAIRN_TEST_MODULES_FILE: file } })
  const modules = (await readFile(file, 'utf8')).split('\n')
  return { run, modules }
}

test('add, cat, ls, pin ls and id offline open the store and load no libp2p', async (ctx) => {
  const added = await loadedBy(['add', '-Q', ctx.file], ctx)
  assert.is(added.run.code, 0, added.run.err)
  const cid = added.run.out.trim()
  const runs = [added, await loadedBy(['cat', cid], ctx), await loadedBy(['ls', cid], ctx), await loadedBy(['pin', 'ls'], ctx)]
  const id = await loadedBy(['id'], ctx)
  for (const { run, modules } of [...runs, id]) {
    assert.is(run.code, 0, run.err)
    // the recorder saw the work: the block store and LevelDB were loaded in this process
    assert.ok(modules.some(m => /\/packages\/blockstore\/(src|dist\/src)\//.test(m)), 'the block store was opened')
    for (const m of modules) assert.not.match(m, NETWORK, `offline ${m} was loaded`)
  }
  assert.is(runs[1].run.out, 'y'.repeat(1024))
  assert.match(runs[3].run.out, new RegExp(`^${cid} recursive$`, 'm'))
  // the identity comes from the repo's key, as online
  const shown = JSON.parse(id.run.out) as { ID: string, PublicKey: string, Addresses: string[], Protocols: string[] }
  const config = JSON.parse(await readFile(join(ctx.repo, 'config'), 'utf8')) as { Identity: { PeerID: string } }
  assert.is(shown.ID, config.Identity.PeerID)
  assert.match(shown.PublicKey, /^CAES/)
  assert.equal(shown.Addresses, [])
  assert.equal(shown.Protocols, [])
})

test('network commands offline fail with one line, as before', async (ctx) => {
  const r = await cairn(['swarm', 'peers', '--offline'], { repo: ctx.repo })
  assert.ok(r.code !== 0, r.out)
  assert.match(r.err, /^Error: .+\n$/)
})

test.run()
