// @cairn/node: an offline node (add, pin, stat, stop, typed errors after stop), the Bitswap
// subpath export, and tuneGarbageCollector() silent on every Node (stderr must stay empty)
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNode, initRepo, tuneGarbageCollector, supportsGcTuning } from '@cairn/node'
import { bitswap, BITSWAP_120, BITSWAP_PROTOCOLS, encodeFrame, emptyMessage } from '@cairn/node/bitswap'

tuneGarbageCollector()
assert.equal(supportsGcTuning(), Number(process.versions.node.split('.')[0]) >= 24)

const dir = await mkdtemp(join(tmpdir(), 'cairn-pack-'))
const repoPath = join(dir, 'repo')
await initRepo(repoPath, { profile: 'test' })
const node = await createNode({ repoPath, offline: true })
const added = []
for await (const r of node.add([{ path: 'a/one.txt', content: new TextEncoder().encode('one') }, { path: 'a/two.txt', content: new TextEncoder().encode('two') }])) added.push(r)
assert.deepEqual(added.map(r => r.path), ['a/one.txt', 'a/two.txt', 'a'])
const root = added[2].cid
const pins = []
for await (const p of node.pin.ls({ type: 'recursive' })) pins.push(p.cid.toString())
assert.deepEqual(pins, [root.toString()])
const chunks = []
for await (const c of node.cat(`/ipfs/${root}/two.txt`)) chunks.push(c)
assert.equal(Buffer.concat(chunks).toString(), 'two')
await node.stop()
await assert.rejects(async () => { for await (const _ of node.cat(root)) {} }, (err: Error & { code?: string }) => typeof err.code === 'string' && err.code.startsWith('ERR_'))
await rm(dir, { recursive: true })

// the subpath: a service factory and the wire helpers, without createNode
assert.equal(typeof bitswap, 'function')
assert.equal(BITSWAP_120, '/ipfs/bitswap/1.2.0')
assert.ok(BITSWAP_PROTOCOLS.includes(BITSWAP_120))
assert.equal(encodeFrame(emptyMessage()).subarray()[0], 0, 'an empty message is a zero-length frame')
console.log('@cairn/node ok')
