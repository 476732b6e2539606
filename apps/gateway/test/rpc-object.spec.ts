/** Kubo's deprecated `object/*` over plain HTTP (kubo-rpc-client no longer has it): the read side and the removal error */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { request } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

const test = suite<{ gw?: RunningGateway }>('RPC object/*')
const HELLO = 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN'

test.before(async ctx => {
  ctx.gw = await startGateway({ gateway: false })
  for await (const _ of ctx.gw.node.add([{ path: 'd/hello.txt', content: new TextEncoder().encode('hello\n') }])) {}
})
test.after(async ctx => { await ctx.gw?.stop() })

const post = async (ctx: { gw?: RunningGateway }, path: string): Promise<{ status: number, text: string }> =>
  request(`${ctx.gw!.gateway.apiUrl!}/api/v0/${path}`, { method: 'POST' })

test('object stat, get, links, data answer as Kubo 0.2x did; the write side is Kubo\'s removal error', async ctx => {
  assert.equal(JSON.parse((await post(ctx, `object/stat?arg=${HELLO}`)).text), { Hash: HELLO, NumLinks: 0, BlockSize: 14, LinksSize: 2, DataSize: 12, CumulativeSize: 14 })
  assert.equal(JSON.parse((await post(ctx, `object/get?arg=${HELLO}&data-encoding=base64`)).text), { Links: [], Data: 'CAISBmhlbGxvChgG' })
  assert.equal(JSON.parse((await post(ctx, `object/links?arg=${HELLO}`)).text), { Hash: HELLO })
  const data = await post(ctx, `object/data?arg=${HELLO}`)
  assert.is(data.status, 200)
  assert.is(Buffer.from(data.text, 'utf8').subarray(4, 10).toString(), 'hello\n')
  const bad = await post(ctx, 'object/new')
  assert.ok(bad.status >= 400)
  assert.is(JSON.parse(bad.text).Message, 'removed, use \'ipfs dag\' or \'ipfs files\' instead')
  const raw = await post(ctx, 'object/stat?arg=bafkreiffndsajwhk3lwjewwdxqntmjm4b5wxaaanokonsggenkbw6slwk4')
  assert.ok(raw.status >= 400, 'a raw block is not a dag-pb object')
})

test.run()
