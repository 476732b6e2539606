import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { GcLock } from '../src/locks.ts'

const tick = async (): Promise<void> => new Promise(resolve => setImmediate(resolve))

test('shared holders run together; exclusive waits for them and holds back later shared ones', async () => {
  const lock = new GcLock()
  const events: string[] = []
  let releaseA!: () => void
  const a = lock.shared(async () => { events.push('a in'); await new Promise<void>(resolve => { releaseA = resolve }); events.push('a out') })
  const b = lock.shared(async () => { events.push('b in'); events.push('b out') })
  await tick()
  const gc = (async () => { const release = await lock.exclusive(); events.push('gc'); release() })()
  await tick()
  const c = lock.shared(async () => { events.push('c') })
  await tick()
  assert.equal(events, ['a in', 'b in', 'b out'], 'gc waits for a; c waits behind gc')
  releaseA()
  await Promise.all([a, b, gc, c])
  assert.equal(events, ['a in', 'b in', 'b out', 'a out', 'gc', 'c'])
})

test('shared holds are re-entrant in their async context, and only while held', async () => {
  const lock = new GcLock()
  let later: Promise<boolean> | undefined
  await lock.shared(async () => {
    assert.ok(lock.heldShared)
    // Re-entering while a GC waits must not queue behind it
    const gc = lock.exclusive().then(release => release())
    await lock.shared(async () => { assert.ok(lock.heldShared) })
    later = new Promise(resolve => setTimeout(() => resolve(lock.heldShared), 20))
    void gc
  })
  assert.not.ok(lock.heldShared)
  assert.is(await later, false, 'work that outlives the hold does not hold the lock')
})

test.run()
