import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createVerifiedFetchWithHelia } from '@helia/verified-fetch'
import { withHTTP } from '@helia/http'
import { createHeliaLight } from 'helia'
import { startGateway } from './fixtures/node.ts'

test('@helia/verified-fetch uses Cairn as its trustless gateway and verifies what it gets', async () => {
  const gw = await startGateway({ api: false })
  const content = new Uint8Array(700 * 1024).map((_, i) => (i * 31 + (i >> 10)) % 256)
  const results = []
  for await (const r of gw.node.add([{ path: 'site/data.bin', content }, { path: 'site/hello.txt', content: new TextEncoder().encode('hello from cairn\n') }], { cidVersion: 1 })) results.push(r)
  const dir = results.find(r => r.path === 'site')!.cid
  const file = results.find(r => r.path === 'site/data.bin')!.cid
  // an HTTP-only Helia whose one source of blocks is Cairn's trustless gateway (no libp2p, no delegated routers)
  const helia = withHTTP(createHeliaLight(), { delegatedRouters: [], recursiveGateways: [gw.gateway.gatewayUrl!], allowLocal: true, allowInsecure: true })
  // helia 7 only consults fallback routers after its regular ones finish: give it one that finds nothing
  helia.addRouter({ name: 'none', async * findProviders () {} } as never)
  await helia.start()
  const verifiedFetch = await createVerifiedFetchWithHelia(helia)
  try {
    const res = await verifiedFetch(`ipfs://${file}`, { signal: AbortSignal.timeout(30_000) })
    assert.is(res.status, 200)
    const body = new Uint8Array(await res.arrayBuffer())
    assert.is(body.length, content.length)
    assert.ok(Buffer.from(body).equals(Buffer.from(content)), 'a multi-block file, verified block by block')
    const hello = await verifiedFetch(`ipfs://${dir}/hello.txt`, { signal: AbortSignal.timeout(30_000) })
    assert.is(hello.status, 200)
    assert.is(await hello.text(), 'hello from cairn\n')
  } finally {
    await verifiedFetch.stop()
    await helia.stop()
    await gw.stop()
  }
})

test.run()
