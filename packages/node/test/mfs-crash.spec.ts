/**
 * MFS crash safety with a real child process SIGKILLed in the middle of its changes: the repo
 * must open with the last root the child reported flushed, or one it flushed after (never a root
 * naming blocks that were not written), and every block of the tree must be readable.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cleanup, collect, testNode, testRepo } from './fixtures/nodes.ts'

const test = suite('mfs crash')
test.after(cleanup)

const ROUNDS = 3
const CHILD_TIMEOUT_MS = 60_000

/** Runs the writer until it has flushed `atLeast` roots, then SIGKILLs it after `extraMs` */
async function runAndKill (repo: string, seed: number, atLeast: number, extraMs: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--conditions=development', join(import.meta.dirname, 'fixtures', 'mfs-writer.ts'), repo, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const roots: string[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer made no progress: ${stderr}`)), CHILD_TIMEOUT_MS)
      let buffered = ''
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        for (const line of lines) {
          const m = /^flushed (\S+)$/.exec(line)
          if (m != null) roots.push(m[1])
        }
        if (roots.length >= atLeast) {
          clearTimeout(timer)
          setTimeout(resolve, extraMs)
        }
      })
      child.on('exit', code => { clearTimeout(timer); reject(new Error(`writer exited with ${code} before the kill: ${stderr}`)) })
    })
  } finally {
    child.kill('SIGKILL')
  }
  await new Promise<void>(resolve => { if (child.exitCode != null || child.signalCode != null) resolve(); else child.on('exit', () => resolve()) })
  assert.is(child.signalCode, 'SIGKILL')
  return roots
}

test('SIGKILL mid-change leaves the last flushed root or a later one, whole', async () => {
  const repo = await testRepo()
  for (let round = 0; round < ROUNDS; round++) {
    const roots = await runAndKill(repo, round + 1, 3 + round, 37 * (round + 1))
    const node = await testNode({ repoPath: repo, offline: true })
    const root = (await node.files.stat('/')).cid.toString()
    const lastReported = roots.at(-1)!
    // the child may have flushed more after its last line reached us, never less
    if (root !== lastReported) assert.not.ok(roots.slice(0, -1).includes(root), `root ${root} went back before the last reported flush`)
    // every block of the tree is there and every file reads to its end
    await node.dag.stat(root)
    for (const entry of await collect(node.files.ls('/work', { long: true }))) {
      if (entry.type !== 'file') continue
      let bytes = 0
      for await (const chunk of node.files.read(`/work/${entry.name}`)) bytes += chunk.byteLength
      assert.is(bytes, entry.size)
    }
    await node.stop()
  }
})

test.run()
