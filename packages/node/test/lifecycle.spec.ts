import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createBlockstore } from '@cairn/blockstore'
import { defaultLogger } from '@libp2p/logger'
import { LevelDatastore } from 'datastore-level'
import { initRepo, repoPaths } from '../src/index.ts'
import { cleanup, collect, concatBytes, connect, pseudoRandomBytes, tempDir, testNode, testRepo } from './fixtures/nodes.ts'
import type { CairnNode } from '../src/index.ts'
import type { ComponentLogger } from '@libp2p/interface'

const test = suite('node lifecycle')

test.after(cleanup)

async function addBytes (node: CairnNode, bytes: Uint8Array): Promise<string> {
  const [result] = await collect(node.add([{ path: 'f', content: bytes }], { cidVersion: 1 }))
  return result.cid.toString()
}

async function rejectsWith (fn: () => Promise<unknown>, code: string): Promise<Error> {
  try {
    await fn()
  } catch (err: any) {
    assert.is(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`)
    return err
  }
  assert.unreachable(`expected ${code}`)
  throw new Error('unreachable')
}

test('stop then start: the node fetches over the network again, and keeps what it stored', async () => {
  const a = await testNode()
  const b = await testNode()
  const first = pseudoRandomBytes(300_000, 11)
  const firstCid = await addBytes(a, first)
  await connect(b, a)
  assert.equal(await concatBytes(b.cat(firstCid, { signal: AbortSignal.timeout(20_000) })), first)

  await b.stop()
  assert.is(b.status, 'stopped')
  assert.equal(b.libp2p.getMultiaddrs(), [], 'a stopped node listens nowhere')
  await rejectsWith(async () => b.block.stat(firstCid), 'ERR_NOT_STARTED')
  await b.stop() // a second stop is a no-op

  await b.start()
  assert.is(b.status, 'started')
  assert.ok(b.libp2p.getMultiaddrs().length > 0, 'listening again')
  // what B fetched before the restart is still in its store
  assert.is((await b.block.stat(firstCid)).size > 0, true)
  // content A adds now can only reach B through the network, after the restart
  const second = pseudoRandomBytes(300_000, 12)
  const secondCid = await addBytes(a, second)
  await connect(b, a)
  assert.equal(await concatBytes(b.cat(secondCid, { signal: AbortSignal.timeout(20_000) })), second)
  // and the restarted node serves what it holds
  const third = pseudoRandomBytes(100_000, 13)
  const thirdCid = await addBytes(b, third)
  assert.equal(await concatBytes(a.cat(thirdCid, { signal: AbortSignal.timeout(20_000) })), third)
})

test('concurrent starts and stops settle in call order', async () => {
  const node = await testNode({ start: false })
  assert.is(node.status, 'stopped')
  await Promise.all([node.start(), node.start()])
  assert.is(node.status, 'started')
  await Promise.all([node.stop(), node.stop()])
  assert.is(node.status, 'stopped')
  await Promise.all([node.start(), node.stop(), node.start()])
  assert.is(node.status, 'started')
  assert.ok(node.libp2p.getMultiaddrs().length > 0)
})

test('a failed start (swarm port taken) undoes what it started: nothing listens, the repo reopens', async () => {
  const holder = await testNode()
  const taken = (await holder.swarm.localAddrs())[0].replace(/\/p2p\/.*$/, '')
  const dir = await tempDir()
  await initRepo(dir, { profile: 'test', config: { Addresses: { Swarm: [taken] } } })
  const node = await testNode({ repoPath: dir, start: false })
  const err = await rejectsWith(async () => node.start(), 'ERR_LISTEN')
  assert.match(err.message, taken)
  assert.is(node.status, 'stopped')
  assert.is(node.libp2p.status, 'stopped')
  assert.equal(node.libp2p.getMultiaddrs(), [])
  // the block store and the datastore it had opened are closed again
  const store = await createBlockstore({ path: repoPaths(dir).blocks })
  await store.close()
  const datastore = new LevelDatastore(repoPaths(dir).datastore)
  await datastore.open()
  await datastore.close()
  // once the port is free, the same node starts
  await holder.stop()
  await node.start()
  assert.is(node.status, 'started')
  assert.ok(node.libp2p.getMultiaddrs().some(ma => ma.toString().startsWith(`${taken}/p2p/`)))
  await node.stop()
})

test('a failed start after the block store opened (datastore locked) closes the block store', async () => {
  const dir = await testRepo()
  const locker = new LevelDatastore(repoPaths(dir).datastore)
  await locker.open()
  try {
    const node = await testNode({ repoPath: dir, start: false })
    await rejectsWith(async () => node.start(), 'ERR_REPO_LOCKED')
    assert.is(node.status, 'stopped')
    const store = await createBlockstore({ path: repoPaths(dir).blocks })
    await store.close()
  } finally {
    await locker.close()
  }
})

test('the logger given to createNode is the one the node, libp2p and the block store log through', async () => {
  const names = new Set<string>()
  const base = defaultLogger()
  const logger: ComponentLogger = {
    forComponent (name: string) {
      names.add(name)
      return base.forComponent(name)
    }
  }
  const node = await testNode({ logger })
  await node.stop()
  for (const name of ['cairn:node', 'cairn:bitswap', 'cairn:blockstore']) assert.ok(names.has(name), `${name} in ${[...names].join(', ')}`)
  assert.ok([...names].some(n => n.startsWith('libp2p:')), 'libp2p logs through it')
})

test.run()
