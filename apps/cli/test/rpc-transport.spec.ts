/**
 * Errors that must not vanish between a daemon and the CLI: a real `node:http` server answers in
 * each way Kubo's RPC reports a failure (error status, `X-Stream-Error` trailer, an error value in
 * NDJSON) and in each way a connection can break (reset mid-answer, closed before the end), and
 * every reader of the transport (`json`, `ndjson`, `bytes`) throws for each.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createTransport } from '../src/rpc/transport.ts'
import type { Transport } from '../src/rpc/transport.ts'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** Behaviours by command name */
const behaviours: Record<string, Handler> = {
  // go-ipfs-cmds: an error before the answer started is a status and Kubo's JSON error
  status: (_req, res) => {
    res.writeHead(500, { 'Content-Type': 'application/json', 'X-Cairn-Error-Code': 'ERR_INVALID_PARAMETERS' })
    res.end(JSON.stringify({ Message: 'unsupported chunker rabin', Code: 0, Type: 'error' }) + '\n')
  },
  // ...after it started: the trailer
  trailer: (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Chunked-Output': '1', Trailer: 'X-Stream-Error' })
    res.write('{"Name":"a","Hash":"QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN","Size":"14"}\n')
    res.addTrailers({ 'X-Stream-Error': 'block not found while offline' })
    res.end()
  },
  // an error value among the values
  value: (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Chunked-Output': '1' })
    res.write('{"Name":"a","Hash":"QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN","Size":"14"}\n')
    res.end('{"Message":"no link named \\"x\\"","Code":0,"Type":"error"}\n')
  },
  // the connection reset in the middle of the answer
  reset: (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Chunked-Output': '1' })
    res.write('{"Name":"a","Hash":"QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN","Size":"14"}\n', () => {
      res.socket?.resetAndDestroy()
    })
  },
  // closed cleanly at the TCP level, but before the chunked body's end
  cut: (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Chunked-Output': '1' })
    res.write('{"Name":"a","Hash":"QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN","Size":"14"}\n', () => {
      res.socket?.end()
    })
  },
  // and one that works, so the readers are seen to succeed too
  fine: (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Chunked-Output': '1', Trailer: 'X-Stream-Error' })
    res.write('{"n":1}\n')
    res.end('{"n":2}\n')
  }
}

interface Context { server?: Server, rpc?: Transport }
const test = suite<Context>('rpc transport: no error is lost')

test.before(async (ctx) => {
  ctx.server = createServer((req, res) => {
    const command = new URL(req.url ?? '/', 'http://x').pathname.replace('/api/v0/', '')
    req.resume()
    behaviours[command](req, res)
  })
  await new Promise<void>(resolve => ctx.server!.listen(0, '127.0.0.1', resolve))
  const { port } = ctx.server.address() as AddressInfo
  ctx.rpc = createTransport({ url: `http://127.0.0.1:${port}`, maxSockets: 4, maxJsonBytes: 1024 * 1024 })
})

test.after(async (ctx) => {
  ctx.rpc?.close()
  ctx.server?.closeAllConnections()
  await new Promise(resolve => ctx.server?.close(resolve))
})

const readers: Record<string, (rpc: Transport, command: string) => Promise<unknown>> = {
  json: async (rpc, command) => rpc.json(command),
  ndjson: async (rpc, command) => { for await (const _ of rpc.ndjson(command)) {} },
  bytes: async (rpc, command) => { for await (const _ of rpc.bytes(command)) {} }
}

const expected: Record<string, { message: RegExp, code: string }> = {
  status: { message: /^unsupported chunker rabin$/, code: 'ERR_INVALID_PARAMETERS' },
  trailer: { message: /^block not found while offline$/, code: 'ERR_OFFLINE' },
  reset: { message: /closed the connection before its answer was complete/, code: 'ERR_REMOTE' },
  cut: { message: /closed the connection before its answer was complete/, code: 'ERR_REMOTE' }
}

for (const [failure, { message, code }] of Object.entries(expected)) {
  for (const [reader, read] of Object.entries(readers)) {
    test(`${failure}: ${reader} throws`, async ({ rpc }) => {
      try {
        await read(rpc!, failure)
      } catch (err) {
        assert.match((err as Error).message, message)
        assert.is((err as { code?: string }).code, code)
        return
      }
      assert.unreachable(`${reader} of "${failure}" ended without an error`)
    })
  }
}

test('an error value in NDJSON: ndjson throws after the values before it', async ({ rpc }) => {
  const seen: unknown[] = []
  try {
    for await (const v of rpc!.ndjson('value')) seen.push(v)
    assert.unreachable('the error value was swallowed')
  } catch (err) {
    assert.is((err as Error).message, 'no link named "x"')
    assert.is((err as { code?: string }).code, 'ERR_NOT_FOUND')
  }
  assert.is(seen.length, 1)
})

test('an error value as the whole JSON answer throws', async ({ rpc }) => {
  // `value` ends with an error value: read as one JSON document it is not JSON, and says so
  try {
    await rpc!.json('value')
    assert.unreachable()
  } catch (err) {
    assert.is((err as { code?: string }).code, 'ERR_REMOTE')
  }
})

test('a good answer reads whole, by every reader', async ({ rpc }) => {
  const values: unknown[] = []
  for await (const v of rpc!.ndjson('fine')) values.push(v)
  assert.equal(values, [{ n: 1 }, { n: 2 }])
  let bytes = 0
  for await (const chunk of rpc!.bytes('fine')) bytes += chunk.byteLength
  assert.is(bytes, 16)
})

test.run()
