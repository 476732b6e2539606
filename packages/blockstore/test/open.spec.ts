import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Level } from 'level'
import { STORE_VERSION, createBlockstore } from '../src/index.ts'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { PREFIX_DIRECT, VERSION_KEY, nodeId, prefixed } from '../src/encoding.ts'
import { collect, rejects, tempDir } from './fixtures/blocks.ts'

const test = suite('open')

const oneLine = (err: Error): void => {
  assert.ok(err.message.length > 0)
  assert.not.ok(err.message.includes('\n'), `one line: ${err.message}`)
}

test('a second open in the same process is RepoLockedError', async () => {
  const dir = await tempDir('locked')
  const store = await createBlockstore({ path: dir.path })
  try {
    const err = await rejects(async () => createBlockstore({ path: dir.path }), 'RepoLockedError')
    assert.is(err.code, 'ERR_REPO_LOCKED')
    oneLine(err)
  } finally {
    await store.close()
    await dir.remove()
  }
})

test('a store held by another process is RepoLockedError, and opens once it is released', async () => {
  const dir = await tempDir('locked-child')
  const child = spawn(process.execPath, ['--conditions=development', join(import.meta.dirname, 'fixtures', 'hold-open.ts'), dir.path], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const signal = AbortSignal.timeout(20_000)
      signal.addEventListener('abort', () => reject(new Error('child did not open the store')))
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve() })
      child.on('exit', code => reject(new Error(`child exited ${code}`)))
    })
    const err = await rejects(async () => createBlockstore({ path: dir.path }), 'RepoLockedError')
    oneLine(err)
    child.stdin.end()
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('child did not exit')), 20_000)
      child.on('exit', () => { clearTimeout(timer); resolve() })
    })
    const store = await createBlockstore({ path: dir.path })
    await store.close()
  } finally {
    child.kill('SIGKILL')
    await dir.remove()
  }
})

test('an unreadable index is RepoCorruptError with a one-line message', async () => {
  const dir = await tempDir('corrupt')
  try {
    await mkdir(join(dir.path, 'index'), { recursive: true })
    await writeFile(join(dir.path, 'index', 'CURRENT'), 'MANIFEST-000007\n')
    await writeFile(join(dir.path, 'index', 'MANIFEST-000007'), 'this is not a manifest')
    const err = await rejects(async () => createBlockstore({ path: dir.path }), 'RepoCorruptError')
    assert.is(err.code, 'ERR_REPO_CORRUPT')
    oneLine(err)
  } finally {
    await dir.remove()
  }
})

test('a path that is a file, and a store of another version, are RepoCorruptError', async () => {
  const dir = await tempDir('corrupt-file')
  try {
    await writeFile(join(dir.path, 'file'), 'x')
    oneLine(await rejects(async () => createBlockstore({ path: join(dir.path, 'file') }), 'RepoCorruptError'))

    const store = await createBlockstore({ path: join(dir.path, 'store') })
    await store.close()
    const db = new Level<Uint8Array, Uint8Array>(join(dir.path, 'store', 'index'), { keyEncoding: 'view', valueEncoding: 'view' })
    await db.put(VERSION_KEY, new TextEncoder().encode('99'))
    await db.close()
    const err = await rejects(async () => createBlockstore({ path: join(dir.path, 'store') }), 'RepoCorruptError')
    assert.match(err.message, /version 99/)
    oneLine(err)
  } finally {
    await dir.remove()
  }
})

test('a version 1 store (pin records without names) is migrated to the current version on open, its pins unnamed', async () => {
  const dir = await tempDir('migrate-v1')
  try {
    const store = await createBlockstore({ path: dir.path })
    const block = { cid: CID.createV1(0x55, await sha256.digest(Uint8Array.of(1, 2, 3))), bytes: Uint8Array.of(1, 2, 3) }
    await store.putBlock(block.cid, block.bytes)
    await store.close()
    // a version 1 index: the pin record is the CID bytes alone
    const db = new Level<Uint8Array, Uint8Array>(join(dir.path, 'index'), { keyEncoding: 'view', valueEncoding: 'view' })
    await db.put(VERSION_KEY, new TextEncoder().encode('1'))
    await db.put(prefixed(PREFIX_DIRECT, nodeId(block.cid)), block.cid.bytes)
    await db.close()
    const migrated = await createBlockstore({ path: dir.path })
    try {
      const pins = await collect(migrated.pins.ls())
      assert.equal(pins.map(p => `${p.type} ${p.cid.toString()} ${p.name ?? '-'}`), [`direct ${block.cid.toString()} -`])
      await migrated.pins.add(block.cid, { recursive: false, name: 'now named' })
      assert.is((await migrated.pins.isPinned(block.cid))?.name, 'now named')
    } finally {
      await migrated.close()
    }
    const check = new Level<Uint8Array, Uint8Array>(join(dir.path, 'index'), { keyEncoding: 'view', valueEncoding: 'view' })
    try {
      assert.is(new TextDecoder().decode(await check.get(VERSION_KEY)), String(STORE_VERSION))
    } finally {
      await check.close()
    }
  } finally {
    await dir.remove()
  }
})

test('missing init.path is InvalidParametersError', async () => {
  await rejects(async () => createBlockstore({} as any), 'InvalidParametersError')
})

test.run()
