import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createHash } from 'node:crypto'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AbortError } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { createPathGateway } from '../src/path-gateway.ts'
import type { GatewayBackend } from '../src/backend.ts'
import { request } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'

/** Never answers until the gateway gives up: content that the network does not deliver */
const silent = <T>(signal?: AbortSignal): Promise<T> => new Promise((_resolve, reject) => {
  signal?.addEventListener('abort', () => { reject(new AbortError()) }, { once: true })
})

test('content that does not come within timeoutMs is a 504 with a short body', async () => {
  const backend: GatewayBackend = {
    resolvePath: async (_root, _segments, options) => silent(options?.signal),
    cat: async function * () {},
    ls: async function * () {},
    get: async function * () {},
    getBlock: async (_cid, options) => silent(options?.signal),
    getCar: async function * () {}
  }
  const server = createServer(createPathGateway({ backend, timeoutMs: 200 }))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const res = await request(`${url}/ipfs/bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4`)
    assert.is(res.status, 504)
    assert.match(res.text, /^504 Gateway Timeout: content not found within 200 ms/)
    const raw = await request(`${url}/ipfs/bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4?format=raw`)
    assert.is(raw.status, 504)
  } finally {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
})

test('an online node that cannot find content answers 504 after timeoutMs, not after its own fetch timeout', async () => {
  const gw = await startGateway({ api: false, timeoutMs: 800 }, false)
  try {
    // a valid CID nobody has: the node asks the (empty) network until the gateway gives up
    const res = await request(`${gw.gateway.gatewayUrl}/ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy`)
    assert.is(res.status, 504)
    assert.match(res.text, /^504 Gateway Timeout/)
  } finally {
    await gw.stop()
  }
})

test('a slow client is not a slow backend: a paused download outlives timeoutMs and completes', async () => {
  // generous against a busy CI machine: the pause is what must outlive the timeout
  const gw = await startGateway({ api: false, timeoutMs: 1500 })
  try {
    const content = new Uint8Array(32 * 1024 * 1024).map((_, i) => (i * 7 + (i >> 12)) % 256)
    let cid: CID | undefined
    for await (const r of gw.node.add([{ path: '', content }])) cid = r.cid
    const result = await new Promise<{ length: number, sha256: string }>((resolve, reject) => {
      httpRequest(`${gw.gateway.gatewayUrl}/ipfs/${cid}`, { signal: AbortSignal.timeout(20_000) }, res => {
        const hash = createHash('sha256')
        let length = 0
        res.once('data', (c: Buffer) => {
          hash.update(c)
          length += c.length
          res.pause()
          setTimeout(() => {
            res.on('data', (d: Buffer) => { hash.update(d); length += d.length })
            res.resume()
          }, 4000)
        })
        res.on('end', () => { resolve({ length, sha256: hash.digest('hex') }) })
        res.on('error', reject)
      }).on('error', reject).end()
    })
    assert.is(result.length, content.length)
    assert.is(result.sha256, createHash('sha256').update(content).digest('hex'))
  } finally {
    await gw.stop()
  }
})

test.run()
