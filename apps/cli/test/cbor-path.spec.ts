/**
 * A path through DAG-CBOR and DAG-JSON documents resolves the same way for `cairn cat` (offline
 * and through the daemon's RPC) and for the gateway: both go through `@cairn/dag`'s resolvePath.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { cairn, ok, startDaemon } from './fixtures/cli.ts'
import type { Daemon } from './fixtures/cli.ts'

interface Context {
  dir: string
  repo: string
  daemon?: Daemon
  /** /ipfs/<dag-cbor>/… paths that end at the file */
  toFile: string[]
  /** paths that go through a document and fail, with the CLI exit code and gateway status expected */
  failing: Array<[string, number, number]>
}

const test = suite<Context>('a path through dag-cbor', { dir: '', repo: '', toFile: [], failing: [] })
const LISTEN = ['--api', '/ip4/127.0.0.1/tcp/0', '--gateway', '/ip4/127.0.0.1/tcp/0', '--swarm', '/ip4/127.0.0.1/tcp/0']
const CONTENT = 'the same bytes, whoever resolves the path\n'

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'cairn-cbor-path-'))
  ctx.repo = join(ctx.dir, 'repo')
  await ok(['init', '--profile=test'], { repo: ctx.repo })
  await writeFile(join(ctx.dir, 'hello.txt'), CONTENT)
  const added = (await ok(['add', '-w', '-q', join(ctx.dir, 'hello.txt')], { repo: ctx.repo })).out.trim().split('\n')
  const [file, wrapper] = added
  const json = (await ok(['block', 'put', '--cid-codec=dag-json'], { repo: ctx.repo, input: JSON.stringify({ dir: { '/': wrapper }, note: 'text' }) })).out.trim()
  const cbor = dagCbor.encode({ docs: { json: CID.parse(json) }, files: [CID.parse(file)] })
  const root = (await ok(['block', 'put', '--cid-codec=dag-cbor'], { repo: ctx.repo, input: cbor })).out.trim()
  assert.match(root, /^bafyrei/)
  ctx.toFile = [`/ipfs/${root}/docs/json/dir/hello.txt`, `/ipfs/${root}/files/0`]
  ctx.failing = [[`/ipfs/${root}/nope`, 3, 404], [`/ipfs/${root}/docs/json/dir/missing.txt`, 3, 404], [`/ipfs/${root}/docs/json/note`, 1, 501]]
})

test.after(async (ctx) => {
  await ctx.daemon?.stop()
  await rm(ctx.dir, { recursive: true, force: true })
})

async function catBoth (ctx: Context, how: string): Promise<void> {
  for (const path of ctx.toFile) assert.is((await ok(['cat', path], { repo: ctx.repo })).out, CONTENT, `${how}: cairn cat ${path}`)
  for (const [path, exit] of ctx.failing) {
    const r = await cairn(['cat', path], { repo: ctx.repo })
    assert.is(r.code, exit, `${how}: cairn cat ${path}: ${r.err}`)
    assert.match(r.err, /^Error: /)
  }
}

test('cairn cat offline resolves through dag-cbor and dag-json', async (ctx) => {
  await catBoth(ctx, 'offline')
})

test('the gateway and cairn cat through the RPC give the same answers', async (ctx) => {
  ctx.daemon = await startDaemon(ctx.repo, LISTEN)
  await catBoth(ctx, 'rpc')
  for (const path of ctx.toFile) {
    const res = await fetch(`${ctx.daemon.gatewayUrl}${path}`, { signal: AbortSignal.timeout(30_000) })
    assert.is(res.status, 200, path)
    assert.is(await res.text(), CONTENT, `gateway ${path}`)
  }
  for (const [path, , status] of ctx.failing) {
    const res = await fetch(`${ctx.daemon.gatewayUrl}${path}`, { signal: AbortSignal.timeout(30_000) })
    assert.is(res.status, status, `gateway ${path}`)
    await res.arrayBuffer()
  }
})

test.run()
