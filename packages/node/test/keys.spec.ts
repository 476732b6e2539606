import { stat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { privateKeyFromProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, rejects, testNode, testRepo } from './fixtures/nodes.ts'

const test = suite('keystore: key gen/list/rm/rename/import/export/sign/verify')

test.after(cleanup)

test('keys are made, listed, renamed, exported, re-imported and removed', async () => {
  const repoPath = await testRepo()
  const node = await testNode({ repoPath, offline: true })

  const a = await node.key.gen('alpha')
  assert.match(a.id, /^12D3Koo/, 'ed25519 by default')
  const rsa = await node.key.gen('beta', { type: 'rsa', size: 2048 })
  assert.match(rsa.id, /^Qm/, 'RSA peer IDs are sha256 multihashes')

  const list = await node.key.list()
  assert.equal(list.map(k => k.name), ['self', 'alpha', 'beta'])
  assert.is(list[0].id, node.peerId)

  // files are owner-only and not named after the key in clear
  const files = await readdir(join(repoPath, 'keystore'))
  assert.ok(files.every(f => f === 'self' || f.startsWith('key_')), files.join(','))
  for (const f of files) assert.is((await stat(join(repoPath, 'keystore', f))).mode & 0o077, 0, `${f} is not readable by others`)

  await rejects(node.key.gen('alpha'), (err: any) => err.code === 'ERR_INVALID_PARAMETERS' && /already exists/.test(err.message))
  await rejects(node.key.gen('self'), /cannot create key with name 'self'/)
  await rejects(node.key.gen('a/b'), /slashes/)
  await rejects(node.key.gen('x', { type: 'rsa', size: 1024 }), /2048/)

  const renamed = await node.key.rename('alpha', 'gamma')
  assert.equal({ ...renamed }, { name: 'gamma', id: a.id, was: 'alpha', overwrite: false })
  await rejects(node.key.rename('gamma', 'beta'), /refusing to overwrite/)
  await rejects(node.key.rename('self', 'x'), /cannot rename key with name 'self'/)

  const exported = await node.key.export('gamma')
  assert.is(peerIdFromPrivateKey(privateKeyFromProtobuf(exported)).toString(), a.id)
  await rejects(node.key.export('self'), /cannot export key with name 'self'/)
  await rejects(node.key.export('nope'), /key with name 'nope' doesn't exist/)

  // PEM round trips for each type, through node:crypto's PKCS#8
  const pem = await node.key.export('gamma', { format: 'pem-pkcs8-cleartext' })
  assert.match(new TextDecoder().decode(pem), /^-----BEGIN PRIVATE KEY-----/)
  assert.is((await node.key.import('gamma-pem', pem, { format: 'pem-pkcs8-cleartext' })).id, a.id)
  const rsaPem = await node.key.export('beta', { format: 'pem-pkcs8-cleartext' })
  assert.is((await node.key.import('beta-pem', rsaPem, { format: 'pem-pkcs8-cleartext' })).id, rsa.id)
  const secp = await node.key.gen('delta', { type: 'secp256k1' })
  const secpPem = await node.key.export('delta', { format: 'pem-pkcs8-cleartext' })
  assert.is((await node.key.import('delta-pem', secpPem, { format: 'pem-pkcs8-cleartext' })).id, secp.id)
  await rejects(node.key.import('bad', pem), /unexpected PEM block for format=libp2p-protobuf-cleartext/)
  await rejects(node.key.import('bad', new Uint8Array([1, 2, 3])), /unable to unmarshall/)
  await rejects(node.key.import('gamma', exported), /already exists/)

  const removed = await node.key.rm('gamma')
  assert.is(removed.id, a.id)
  await rejects(node.key.rm('gamma'), /no key named gamma was found/)
  await rejects(node.key.rm('self'), /cannot remove key with name 'self'/)
  assert.ok(!(await node.key.list()).some(k => k.name === 'gamma'))

  // sign/verify over Kubo's prefixed message
  const data = new TextEncoder().encode('hello')
  const signed = await node.key.sign(data, { key: 'beta' })
  assert.is(signed.key.id, rsa.id)
  assert.ok((await node.key.verify(data, signed.signature, { key: 'beta' })).signatureValid)
  assert.not.ok((await node.key.verify(new TextEncoder().encode('other'), signed.signature, { key: 'beta' })).signatureValid)
})

test.run()
