import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { nodeErrorClasses } from '../src/index.ts'
import { cleanup, tempDir, testNode } from './fixtures/nodes.ts'
import { initRepo } from '../src/index.ts'

test.after(cleanup)

test('every error class has its own name and a stable code', () => {
  for (const E of nodeErrorClasses) {
    const err = new E()
    assert.is(err.name, E.name)
    assert.is(err.code, E.code)
    assert.ok(err.message.length > 0)
  }
})

test('a swarm address already in use is ListenError, and the repo is released', async () => {
  const first = await testNode()
  const taken = (await first.swarm.localAddrs())[0].replace(/\/p2p\/.*$/, '')
  const dir = await tempDir()
  await initRepo(dir, { profile: 'test', config: { Addresses: { Swarm: [taken] } } })
  try {
    await testNode({ repoPath: dir })
    assert.unreachable('should not listen')
  } catch (err: any) {
    assert.is(err.code, 'ERR_LISTEN')
    assert.match(err.message, taken)
  }
  // nothing was left holding the repo
  const offline = await testNode({ repoPath: dir, offline: true })
  assert.is(offline.offline, true)
})

test.run()
