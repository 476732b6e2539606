/**
 * `pnpm start`: initialise the default repo if needed and start the node.
 * Until the CLI's daemon lands this opens the repo's block store and prints its stats.
 */
import { mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { createBlockstore } from '@cairn/blockstore'

const repoPath = process.env.CAIRN_PATH ?? join(homedir(), '.cairn')
process.stdout.write(`Cairn repo: ${repoPath}\n`)
try {
  await mkdir(repoPath, { recursive: true })
  const store = await createBlockstore({ path: join(repoPath, 'blocks') })
  try {
    const { blocks, bytes } = await store.stats()
    let pins = 0
    for await (const _ of store.pins.ls({ type: 'recursive' })) pins++
    process.stdout.write(`blocks: ${blocks}\nbytes: ${bytes}\nrecursive pins: ${pins}\n`)
  } finally {
    await store.close()
  }
} catch (err) {
  // A locked or corrupt repo explains itself in one line; anything else is a bug worth a stack
  const e = err as Error & { code?: string }
  process.stderr.write(e.code != null ? `Error: ${e.message}\n` : `${e.stack ?? String(e)}\n`)
  process.exitCode = 1
}
