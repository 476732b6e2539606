import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createHash } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { CID } from 'multiformats/cid'
import { startGateway } from './fixtures/node.ts'

const FILE_BYTES = 16 * 1024 * 1024
const CLIENTS = 64
// a server holding whole files would need CLIENTS × FILE_BYTES = 1 GiB live; ours holds, per
// request, the node reader's prefetch window (16 blocks of 256 KiB) and a chunk in the socket
const LIVE_GROWTH_BOUND_BYTES = 512 * 1024 * 1024

// live memory, not RSS: RSS also counts garbage the collector has not got round to yet
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const live = (): number => { const m = process.memoryUsage(); return m.heapUsed + m.external }

/** Reads a response slowly at first, so the server must hold back rather than buffer */
function download (url: string): Promise<{ status: number, sha256: string, length: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { signal: AbortSignal.timeout(180_000) }, res => {
      const hash = createHash('sha256')
      let length = 0
      res.pause()
      setTimeout(() => { res.resume() }, 300)
      res.on('data', (c: Buffer) => { hash.update(c); length += c.length })
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, sha256: hash.digest('hex'), length }) })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

test(`${CLIENTS} concurrent downloads of a ${FILE_BYTES / 1024 / 1024} MiB file: all correct, memory bounded`, async () => {
  const gw = await startGateway({ api: false })
  try {
    const content = new Uint8Array(FILE_BYTES)
    for (let i = 0; i < content.length; i += 4) new DataView(content.buffer).setUint32(i, Math.imul(i, 2654435761) >>> 0)
    const expected = createHash('sha256').update(content).digest('hex')
    let cid: CID | undefined
    for await (const r of gw.node.add([{ path: '', content }])) cid = r.cid
    const url = `${gw.gateway.gatewayUrl}/ipfs/${cid}`
    // warm up once so lazy allocations are not counted as growth
    assert.is((await download(url)).sha256, expected)
    gc()
    const baseline = live()
    let peak = baseline
    const sampler = setInterval(() => { gc(); peak = Math.max(peak, live()) }, 250)
    try {
      const results = await Promise.all(Array.from({ length: CLIENTS }, async () => download(url)))
      for (const r of results) {
        assert.is(r.status, 200)
        assert.is(r.length, FILE_BYTES)
        assert.is(r.sha256, expected)
      }
    } finally {
      clearInterval(sampler)
    }
    const growth = peak - baseline
    assert.ok(growth < LIVE_GROWTH_BOUND_BYTES, `live memory grew by ${Math.round(growth / 1024 / 1024)} MiB`)
  } finally {
    await gw.stop()
  }
})

test.run()
