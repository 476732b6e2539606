// @cairn/pinning-service: tokens kept hashed on disk, a pin request queued and pinned through the
// components it is given, then removed and unpinned; bad input refused with the spec's typed errors
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkPin, createPinningService, createToken, listTokens, parseQuery } from '@cairn/pinning-service'

const dir = await mkdtemp(join(tmpdir(), 'cairn-pinning-service-'))
const { token } = await createToken(dir, { name: 'ci' })
assert.ok(!(await readFile(join(dir, 'pinning-service', 'tokens.json'), 'utf8')).includes(token.slice(10)), 'only the hash is stored')
assert.deepEqual((await listTokens(dir)).map(t => t.name), ['ci'])

// pins by CIDv1, as a block store keys them by multihash: the service may unpin another version
const pinned = new Set<string>()
const service = await createPinningService({
  async pin (cid) { pinned.add(cid.toV1().toString()) },
  async unpin (cid) { pinned.delete(cid.toV1().toString()) },
  async isPinned (cid) { return pinned.has(cid.toV1().toString()) },
  async dagSize () { return 6 },
  async connect () {},
  async delegates () { return ['/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWSsQJcQdLFQRz2gyoz6LoTEWEEZTG3af5FKn6GRoLRMgH'] }
}, { repoPath: dir })
await service.start()
const scope = await service.authenticate(token)
const queued = await scope.add({ cid: 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN', name: 'hello' })
await service.idle()
const done = await scope.get(queued.requestid)
assert.equal(done.status, 'pinned')
assert.equal(done.info?.dag_size, '6')
assert.equal((await scope.list({})).count, 1)
await scope.remove(queued.requestid)
assert.equal(pinned.size, 0, 'the service unpins what it pinned')
await assert.rejects(service.authenticate('cairn-pst-unknown'), { code: 'ERR_UNAUTHORIZED' })
assert.throws(() => checkPin({ cid: 'not-a-cid' }), { code: 'ERR_INVALID_CID' })
assert.throws(() => parseQuery(new URLSearchParams('limit=0')), { code: 'ERR_INVALID_PARAMETERS' })
await service.stop()
await rm(dir, { recursive: true })
console.log('@cairn/pinning-service ok')
