/**
 * Delegated IPNS publishing (`Ipns.DelegatedPublishers`): the config's endpoints, and records PUT
 * to real HTTP servers on 127.0.0.1 that take or refuse them
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { delegatedPublishers, putDelegated } from '../src/ipns/delegated.ts'
import { ipnsNameOf } from '../src/ipns/name.ts'
import { defaultLogger } from '@libp2p/logger'
import { rejects } from './fixtures/nodes.ts'

const test = suite('IPNS delegated publishers')
const servers: Server[] = []

test.after(async () => {
  for (const s of servers) await new Promise(resolve => { s.close(resolve); s.closeAllConnections() })
})

interface Seen { method?: string, url?: string, type?: string, body: Buffer }

/** An HTTP server answering `status` and remembering the last request */
async function endpoint (status: number): Promise<{ url: string, seen: Seen }> {
  const seen: Seen = { body: Buffer.alloc(0) }
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      Object.assign(seen, { method: req.method, url: req.url, type: req.headers['content-type'], body: Buffer.concat(chunks) })
      res.writeHead(status, { 'Content-Type': 'text/plain' })
      res.end(status === 200 ? '' : 'record refused here')
    })
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen }
}

test('the config: "auto" is empty here, URLs lose their trailing slash, anything else is refused', () => {
  assert.equal(delegatedPublishers(undefined), [])
  assert.equal(delegatedPublishers(['auto']), [])
  assert.equal(delegatedPublishers(['auto', 'https://pub.example/']), ['https://pub.example'])
  assert.throws(() => delegatedPublishers(['ftp://pub.example']), /not an http\(s\) URL/)
  assert.throws(() => delegatedPublishers(['not a url']), /is not a URL/)
  assert.throws(() => delegatedPublishers('https://pub.example'), /must be an array of URLs/)
  assert.throws(() => delegatedPublishers([42]), /42 is not a URL/)
})

test('a record goes to every endpoint as PUT /routing/v1/ipns/{name}; one taking it is enough', async () => {
  const name = ipnsNameOf(peerIdFromPrivateKey(await generateKeyPair('Ed25519')))
  const record = new Uint8Array([1, 2, 3, 4])
  const ok = await endpoint(200)
  const refusing = await endpoint(400)
  const log = defaultLogger().forComponent('test')
  const taken = await putDelegated(delegatedPublishers([ok.url, refusing.url]), name, record, log)
  assert.is(taken, 1)
  assert.is(ok.seen.method, 'PUT')
  assert.is(ok.seen.url, `/routing/v1/ipns/${name.cid}`)
  assert.is(ok.seen.type, 'application/vnd.ipfs.ipns-record')
  assert.equal(new Uint8Array(ok.seen.body), record)
  assert.is(refusing.seen.url, `/routing/v1/ipns/${name.cid}`)

  // none takes it: the error names each endpoint and what it said
  const err = await rejects(putDelegated(delegatedPublishers([refusing.url, 'http://127.0.0.1:1']), name, record, log), /no delegated publisher took the record/)
  assert.is(err.name, 'ResolveFailedError')
  assert.match(err.message, /: 400 record refused here/)
  assert.match(err.message, /http:\/\/127\.0\.0\.1:1: /)
})

test.run()
