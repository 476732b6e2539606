/**
 * Errors never become silence on the RPC (server side, plain HTTP): an error before any output is
 * an error status with Kubo's error JSON; an error after output went out ends the stream cleanly
 * with the `X-Stream-Error` trailer, as go-ipfs-cmds sends it (never a bare reset, never a 200
 * that looks complete).
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as dagPb from '@ipld/dag-pb'
import { sendNdjson, startStream } from '../src/rpc/output.ts'
import { request } from './fixtures/http.ts'
import type { Response } from './fixtures/http.ts'
import { startGateway } from './fixtures/node.ts'
import type { RunningGateway } from './fixtures/node.ts'

interface Ctx { gw: RunningGateway, api: string }

const test = suite<Ctx>('RPC: streamed errors reach the client as Kubo sends them')
const BOUNDARY = '----cairn-stream-errors'

/** A multipart body of files; `cut` leaves out the closing boundary, as a dropped upload would */
function multipart (files: Array<{ name: string, body: Uint8Array | string }>, cut = false): Buffer {
  const chunks: Buffer[] = []
  for (const f of files) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`))
    chunks.push(Buffer.from(f.body))
    if (!cut) chunks.push(Buffer.from('\r\n'))
  }
  if (!cut) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(chunks)
}

const post = async (url: string, body?: Buffer): Promise<Response> =>
  request(url, { method: 'POST', body, headers: body != null ? { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` } : {} })

function kuboError (res: Response, status: number): string {
  assert.is(res.status, status, res.text)
  assert.match(res.headers['content-type']!, /^application\/json/)
  const json = JSON.parse(res.text)
  assert.is(json.Type, 'error')
  assert.is(json.Code, status === 500 ? 0 : 1)
  assert.is(res.trailers['x-stream-error'], undefined)
  return json.Message
}

/** A 200 stream that announced the trailer and ended with it */
function streamError (res: Response): string {
  assert.is(res.status, 200)
  assert.is(res.headers.trailer, 'X-Stream-Error')
  const message = res.trailers['x-stream-error']
  assert.type(message, 'string', 'the X-Stream-Error trailer arrived')
  assert.ok(message!.length > 0)
  return message!
}

const pattern = (n: number): Uint8Array => new Uint8Array(n).map((_, i) => (i * 31 + (i >> 8)) % 251)

test.before(async ctx => {
  ctx.gw = await startGateway({
    gateway: false,
    commands: {
      // a command that fails after its first line: the server's own last resort must keep the trailer
      'test/fail-late': {
        args: [0, 0],
        async run ({ res }) {
          startStream(res, 'application/json; charset=utf-8', 'values')
          res.write('{"Line":1}\n')
          throw new Error('failed after the first line')
        }
      },
      'test/fail-second': {
        args: [0, 0],
        async run ({ res }) {
          await sendNdjson(res, (async function * () { yield 1; throw new Error('failed on the second value') })(), n => ({ N: n }))
        }
      }
    }
  })
  ctx.api = ctx.gw.gateway.apiUrl!
})

test.after(async ctx => { await ctx.gw?.stop() })

test('add with an unsupported chunker is an error status, with and without progress (as the CLI sends it)', async ({ api }) => {
  const file = multipart([{ name: 'f.txt', body: 'some bytes\n' }])
  for (const query of ['chunker=rabin', 'chunker=rabin&progress=true&stream-channels=true', 'chunker=buzhash&progress=true']) {
    const message = kuboError(await post(`${api}/api/v0/add?${query}`, file), 400)
    assert.match(message, /rabin|buzhash/, query)
  }
})

test('add: a body cut after output went out ends with the trailer, with and without progress', async ({ api }) => {
  const big = multipart([{ name: 'big.bin', body: pattern(1024 * 1024) }], true)
  const withProgress = await post(`${api}/api/v0/add?progress=true`, big)
  assert.match(streamError(withProgress), /end|unexpected|multipart|form/i)
  const lines = withProgress.text.trim().split('\n').map(l => JSON.parse(l))
  assert.ok(lines.length > 0 && lines.every(l => l.Bytes != null), 'progress went out before the failure, and no result')
  const two = multipart([{ name: 'a.txt', body: 'first file\n' }, { name: 'b.bin', body: pattern(600 * 1024) }], true)
  const res = await post(`${api}/api/v0/add`, two)
  // either the failure came before any result (an error status) or after one (the trailer)
  if (res.status === 200) {
    streamError(res)
    assert.not.ok(res.text.includes('b.bin'), 'no result for the cut file')
  } else {
    kuboError(res, 400)
  }
})

test('cat: a block missing in the middle of a file ends the bytes with the trailer', async ({ api, gw }) => {
  const added = await post(`${api}/api/v0/add?pin=false`, multipart([{ name: 'three.bin', body: pattern(600 * 1024) }]))
  const root = JSON.parse(added.text.trim()).Hash as string
  const rootBlock = await post(`${api}/api/v0/block/get?arg=${root}`)
  const links = dagPb.decode(rootBlock.body).Links
  assert.is(links.length, 3)
  const removed = await post(`${api}/api/v0/block/rm?arg=${links[1].Hash.toString()}`)
  assert.is(removed.status, 200)
  assert.is(JSON.parse(removed.text).Error, undefined)
  const cat = await post(`${api}/api/v0/cat?arg=${root}`)
  assert.is(cat.headers['x-stream-output'], '1')
  assert.match(streamError(cat), /not found|offline|could not find/i)
  assert.is(cat.body.length, 256 * 1024, 'the first block, then nothing')
  assert.ok(gw.node.peerId.length > 0)
})

test('ls of several paths: a failing later path ends the document with the trailer', async ({ api }) => {
  const added = await post(`${api}/api/v0/add?wrap-with-directory=true`, multipart([{ name: 'x.txt', body: 'x' }]))
  const dir = added.text.trim().split('\n').map(l => JSON.parse(l)).find(r => r.Name === '')!.Hash as string
  const res = await post(`${api}/api/v0/ls?arg=${dir}&arg=/ipfs/${dir}/missing`)
  assert.match(streamError(res), /missing|not found|no link/i)
  assert.ok(res.text.includes('"x.txt"'), 'the first listing went out')
  kuboError(await post(`${api}/api/v0/ls?arg=/ipfs/${dir}/missing&arg=${dir}`), 500)
})

test('ls of a file lists it with no links; ls of a path past a file is an error, not an empty answer', async ({ api }) => {
  const file = JSON.parse((await post(`${api}/api/v0/add?pin=false`, multipart([{ name: 'f.txt', body: 'f' }]))).text.trim()).Hash as string
  const listed = await post(`${api}/api/v0/ls?arg=${file}`)
  assert.is(listed.status, 200)
  assert.is(JSON.parse(listed.text).Objects[0].Links.length, 0)
  const message = kuboError(await post(`${api}/api/v0/ls?arg=/ipfs/${file}/nope`), 500)
  assert.match(message, /nope/)
})

test('pubsub/sub that cannot subscribe (offline node) is an error status, not a reset', async ({ api }) => {
  const message = kuboError(await post(`${api}/api/v0/pubsub/sub?arg=u${Buffer.from('t').toString('base64url')}`), 500)
  assert.match(message, /offline|online mode/i)
})

test('a command failing after its first line: the trailer, never a cut connection', async ({ api }) => {
  const late = await post(`${api}/api/v0/test/fail-late`)
  assert.is(streamError(late), 'failed after the first line')
  assert.is(late.text, '{"Line":1}\n')
  const second = await post(`${api}/api/v0/test/fail-second`)
  assert.is(streamError(second), 'failed on the second value')
  assert.is(second.headers['x-chunked-output'], '1')
  assert.is(second.text, '{"N":1}\n')
})

test('repo/gc streams removed keys as Kubo, stream-errors accepted; silent drops keys unless stream-errors', async ({ api }) => {
  const loose = async (text: string): Promise<string> =>
    JSON.parse((await post(`${api}/api/v0/add?pin=false`, multipart([{ name: 'g.txt', body: text }]))).text.trim()).Hash
  const a = await loose('gc me 1')
  const gc = await post(`${api}/api/v0/repo/gc?stream-errors=true`)
  assert.is(gc.status, 200)
  assert.is(gc.trailers['x-stream-error'], undefined)
  const lines = gc.text.trim().split('\n').map(l => JSON.parse(l))
  assert.ok(lines.some(l => l.Key?.['/'] === a), 'the loose block was removed')
  assert.ok(lines.every(l => Object.keys(l).join() === 'Key' && typeof l.Key['/'] === 'string'), gc.text)
  await loose('gc me 2')
  const silent = await post(`${api}/api/v0/repo/gc?silent=true`)
  assert.is(silent.status, 200)
  assert.is(silent.text, '')
  const b = await loose('gc me 3')
  const both = await post(`${api}/api/v0/repo/gc?silent=true&stream-errors=true`)
  assert.ok(both.text.includes(b), 'with stream-errors, silent is for the CLI\'s text only, as in Kubo')
})

test.run()
