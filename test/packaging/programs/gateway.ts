// @cairn/gateway over an offline node: a raw block, a HEAD, a bad CID, and the RPC's version
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, initRepo } from '@cairn/node'
import { createGateway } from '@cairn/gateway'

const dir = await mkdtemp(join(tmpdir(), 'cairn-pack-'))
const repoPath = join(dir, 'repo')
await initRepo(repoPath, { profile: 'test' })
const node = await createNode({ repoPath, offline: true })
const gateway = await createGateway(node, { gateway: { host: '127.0.0.1', port: 0 }, api: { host: '127.0.0.1', port: 0 } })
await gateway.start()
let cid
for await (const r of node.add([{ path: 'x.txt', content: new TextEncoder().encode('gateway') }], { cidVersion: 1 })) cid = r.cid

const raw = await fetch(`${gateway.gatewayUrl}/ipfs/${cid}?format=raw`)
assert.equal(raw.status, 200)
assert.equal(raw.headers.get('content-type'), 'application/vnd.ipld.raw')
assert.equal(Buffer.from(await raw.arrayBuffer()).toString(), 'gateway')
const head = await fetch(`${gateway.gatewayUrl}/ipfs/${cid}`, { method: 'HEAD' })
assert.equal(head.status, 200)
assert.equal(head.headers.get('etag'), `"${cid}"`)
const bad = await fetch(`${gateway.gatewayUrl}/ipfs/not-a-cid`)
assert.equal(bad.status, 400)
await bad.arrayBuffer()
const version = await fetch(`${gateway.apiUrl}/api/v0/version`, { method: 'POST' }).then(async r => r.json())
assert.equal(typeof version.Version, 'string')

await gateway.stop()
await node.stop()
await rm(dir, { recursive: true })
console.log('@cairn/gateway ok')
