import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createRpcApi } from '../src/rpc/client.ts'
import { codeFromMessage, toRpcError } from '../src/rpc/errors.ts'
import { multipartBody } from '../src/rpc/multipart.ts'

const test = suite('rpc-client')

test('Kubo and Cairn messages map to codes', () => {
  assert.is(codeFromMessage('QmX is not pinned'), 'ERR_NOT_PINNED')
  assert.is(codeFromMessage('No link named "a" under QmX'), 'ERR_NOT_FOUND')
  assert.is(codeFromMessage('invalid path "x": invalid cid'), 'ERR_INVALID_CID')
  assert.is(codeFromMessage('Block QmX is not in the local store and the node is offline'), 'ERR_OFFLINE')
  assert.is(codeFromMessage('something else'), undefined)
})

test('transport failures become typed errors', () => {
  const refused = toRpcError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'http://127.0.0.1:1')
  assert.is((refused as any).code, 'ERR_DAEMON_UNREACHABLE')
  assert.match(refused.message, /^cannot connect to the api at http:\/\/127\.0\.0\.1:1\. Is the daemon running\?/)
  // a reset once the answer had started is a cut answer, not a missing daemon
  const cut = toRpcError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), 'u', true)
  assert.is((cut as any).code, 'ERR_REMOTE')
  assert.match(cut.message, /closed the connection before its answer was complete/)
  assert.is((toRpcError(new Error('No link named "x"'), 'u') as any).code, 'ERR_NOT_FOUND')
})

test('a daemon that is not there: every call fails with ERR_DAEMON_UNREACHABLE', async () => {
  const api = createRpcApi({ address: '/ip4/127.0.0.1/tcp/1' })
  try {
    await api.id({ signal: AbortSignal.timeout(5000) })
    assert.unreachable()
  } catch (err) {
    assert.is((err as any).code, 'ERR_DAEMON_UNREACHABLE')
  } finally {
    await api.close()
  }
})

test("add's multipart body: Kubo's part types, field parameters and encoded names", async () => {
  const chunks: Uint8Array[] = []
  for await (const c of multipartBody([
    { path: 'd' },
    { path: 'd/a b.txt', content: [new TextEncoder().encode('hi')], mode: 0o644, mtime: { secs: 5n, nsecs: 7 } },
    { path: 'd/l', symlinkTarget: 'a b.txt' }
  ], 'XX')) chunks.push(c)
  const text = Buffer.concat(chunks).toString()
  assert.is(text, [
    '--XX\r\nContent-Disposition: form-data; name="dir"; filename="d"\r\nContent-Type: application/x-directory\r\n\r\n',
    '\r\n--XX\r\nContent-Disposition: form-data; name="file-1?mode=0644&mtime=5&mtime-nsecs=7"; filename="d%2Fa%20b.txt"\r\nContent-Type: application/octet-stream\r\n\r\nhi',
    '\r\n--XX\r\nContent-Disposition: form-data; name="symlink-2"; filename="d%2Fl"\r\nContent-Type: application/symlink\r\n\r\na b.txt',
    '\r\n--XX--\r\n'
  ].join(''))
})

test.run()
