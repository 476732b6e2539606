/**
 * Cairn's Pinning Service API client (`createPinningServiceClient`, what `pin remote` uses) and
 * the official one generated from the spec (`@ipfs-shipyard/pinning-service-client`) against the
 * same service, a server written from the spec alone: what one writes, the other reads the same
 * way, field by field; both read the same pages and filters; errors carry the spec's Failure.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Configuration, RemotePinningServiceClient, Status } from '@ipfs-shipyard/pinning-service-client'
import { createPinningServiceClient } from '@cairn/node'
import { startSpecService } from './fixtures/pinning-service.ts'
import type { SpecService } from './fixtures/pinning-service.ts'
import type { PinningServiceClient } from '@cairn/node'

const TOKEN = 'interop-token'
const CIDS = [
  'bafkqaaa',
  'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn',
  'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'
]

interface Context { svc?: SpecService, ours?: PinningServiceClient, theirs?: RemotePinningServiceClient }
const test = suite<Context>('pinning service client interop', {})

test.before(async (ctx) => {
  ctx.svc = await startSpecService(TOKEN)
  ctx.svc.onAdd = s => { s.status = 'pinned' }
  ctx.ours = createPinningServiceClient({ endpoint: ctx.svc.url, key: TOKEN })
  ctx.theirs = new RemotePinningServiceClient(new Configuration({ endpointUrl: ctx.svc.url, accessToken: TOKEN }))
})

test.after(async (ctx) => { await ctx.svc?.close() })

test('a pin the official client adds reads back the same through ours', async (ctx) => {
  const added = await ctx.theirs!.pinsPost({ pin: { cid: CIDS[0], name: 'from-theirs', origins: ['/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWLsSWaRsoCejZ6RMsGqdftpKbohczNqs3jvNfPgRwrMp2'], meta: { app: 'interop' } } })
  const got = await ctx.ours!.get(added.requestid)
  assert.is(got.requestid, added.requestid)
  assert.is(got.status, added.status)
  assert.is(new Date(got.created).getTime(), added.created.getTime())
  assert.equal(got.pin, { cid: added.pin.cid, name: added.pin.name, origins: added.pin.origins, meta: added.pin.meta })
  assert.equal(got.delegates, added.delegates)
})

test('a pin ours adds reads back the same through the official client', async (ctx) => {
  const added = await ctx.ours!.add({ cid: CIDS[1], name: 'from-ours', meta: { app: 'interop' } })
  const got = await ctx.theirs!.pinsRequestidGet({ requestid: added.requestid })
  assert.is(got.requestid, added.requestid)
  assert.is(got.status, Status.Pinned)
  assert.is(got.created.getTime(), new Date(added.created).getTime())
  assert.is(got.pin.cid, CIDS[1])
  assert.is(got.pin.name, 'from-ours')
  assert.equal(got.pin.meta, { app: 'interop' })
})

test('both list the same requests for the same filters', async (ctx) => {
  await ctx.ours!.add({ cid: CIDS[2], name: 'third' })
  const theirs = await ctx.theirs!.pinsGet({ status: [Status.Pinned], limit: 1000 })
  const ours = await ctx.ours!.list({ status: ['pinned'], limit: 1000 })
  assert.is(ours.count, theirs.count)
  assert.equal(ours.results.map(r => r.requestid), theirs.results.map(r => r.requestid))
  const byCid = await ctx.theirs!.pinsGet({ cid: [CIDS[1]], status: [Status.Pinned] })
  const oursByCid = await ctx.ours!.list({ cid: [CIDS[1]], status: ['pinned'] })
  assert.equal(oursByCid.results.map(r => r.requestid), byCid.results.map(r => r.requestid))
  assert.is(oursByCid.count, 1)
  const byName = await ctx.ours!.list({ name: 'third' })
  assert.equal(byName.results.map(r => r.pin.cid), [CIDS[2]])
})

test('replace and delete through ours are what the official client then sees', async (ctx) => {
  const first = await ctx.theirs!.pinsPost({ pin: { cid: CIDS[0], name: 'to-replace' } })
  const replaced = await ctx.ours!.replace(first.requestid, { cid: CIDS[2], name: 'replaced' })
  assert.is.not(replaced.requestid, first.requestid)
  const gone = await ctx.theirs!.pinsRequestidGet({ requestid: first.requestid }).then(() => 'found', (res: Response) => res.status)
  assert.is(gone, 404)
  await ctx.ours!.delete(replaced.requestid)
  const deleted = await ctx.theirs!.pinsRequestidGet({ requestid: replaced.requestid }).then(() => 'found', (res: Response) => res.status)
  assert.is(deleted, 404)
})

test('errors: the spec\'s Failure reason reaches the caller; a wrong token is 401', async (ctx) => {
  const wrong = createPinningServiceClient({ endpoint: ctx.svc!.url, key: 'wrong' })
  const err = await wrong.list().then(() => undefined, (e: any) => e)
  assert.is(err?.code, 'ERR_REMOTE_PINNING')
  assert.is(err.details.status, 401)
  assert.is(err.details.reason, 'UNAUTHORIZED')
  assert.match(err.message, /access denied/)
  const missing = await ctx.ours!.get('no-such-request').then(() => undefined, (e: any) => e)
  assert.is(missing?.details.status, 404)
  const theirsWrong = new RemotePinningServiceClient(new Configuration({ endpointUrl: ctx.svc!.url, accessToken: 'wrong' }))
  const theirStatus = await theirsWrong.pinsGet({}).then(() => 0, (res: Response) => res.status)
  assert.is(theirStatus, err.details.status)
})

test.run()
