/**
 * The READMEs' examples are code: every `ts runnable` block runs here, from the workspace's source
 * (the `development` condition, Node's type stripping), in a folder outside the workspace with
 * only the `@cairn/*` packages it imports (and their runtime dependencies it names) linked in,
 * and prints exactly its `text output` block. The packaging test runs the same blocks against the
 * packed tarballs on each package's lowest Node.
 */
import { mkdtemp, mkdir, rm, symlink, writeFile, realpath } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT, blockName, blocksOf, importsOf, isScript, outputMatches, readmes, runnableBlocks, undocumentedBlocks, where } from './doc-blocks.ts'
import { runNode, runnerSource, splitOutput, writeBlock } from './doc-run.ts'

const test = suite('README examples')

/** `@cairn/*` package name → its folder in the workspace */
const workspace = new Map<string, string>()
for (const readme of readmes().slice(1)) {
  const dir = join(ROOT, dirname(readme))
  workspace.set(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name, dir)
}

/** What an example may import besides `node:*`: the packages it names and their runtime dependencies */
function allowedImports (imports: string[]): Set<string> {
  const allowed = new Set<string>()
  for (const name of imports) {
    const dir = workspace.get(name)
    if (dir == null) continue
    allowed.add(name)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    for (const dep of Object.keys(pkg.dependencies ?? {})) allowed.add(dep)
  }
  return allowed
}

test('every ts/js block of every README says whether it runs (runnable, signatures or fragment)', () => {
  const unmarked = undocumentedBlocks().map(where)
  assert.equal(unmarked, [], `unmarked blocks: ${unmarked.join(', ')}`)
})

test('every package README and the root README have a runnable example, each with its output', () => {
  for (const readme of readmes()) {
    const runnable = blocksOf(readme).filter(b => isScript(b) && b.kind === 'runnable')
    assert.ok(runnable.length > 0, `${readme} has no runnable example`)
  }
  for (const b of runnableBlocks()) assert.ok(b.output != null, `${where(b)}: no \`text output\` block after it`)
})

test('runnable examples import only node:*, @cairn/* and the runtime dependencies of what they import', () => {
  for (const b of runnableBlocks()) {
    const imports = importsOf(b.code)
    const allowed = allowedImports(imports)
    for (const name of imports) assert.ok(allowed.has(name), `${where(b)} imports ${name}, which no @cairn package it imports depends on`)
  }
})

let dir = ''

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-readme-'))
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'readme-examples', private: true, type: 'module' }))
  const linked = new Set<string>()
  const link = async (name: string, target: string): Promise<void> => {
    if (linked.has(name)) return
    linked.add(name)
    await mkdir(dirname(join(dir, 'node_modules', name)), { recursive: true })
    await symlink(target, join(dir, 'node_modules', name), 'dir')
  }
  for (const b of runnableBlocks()) {
    const imports = importsOf(b.code)
    const cairn = imports.filter(n => workspace.has(n))
    for (const name of imports) {
      if (workspace.has(name)) {
        await link(name, workspace.get(name)!)
        continue
      }
      // a runtime dependency of an imported package: the copy that package resolves
      const from = cairn.map(c => join(workspace.get(c)!, 'node_modules', name)).find(p => existsSync(p))
      if (from == null) throw new Error(`${where(b)}: ${name} not found beside ${cairn.join(', ')}`)
      await link(name, await realpath(from))
    }
    await writeBlock(dir, b, false)
  }
})

test.after(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

test('each runnable example runs and prints what its README says', async () => {
  // one process for all of them (see runnerSource); a failing one does not hide the others
  await writeFile(join(dir, 'run-examples.mjs'), runnerSource('.ts'))
  const blocks = runnableBlocks()
  const r = await runNode(process.execPath, ['--conditions=development', 'run-examples.mjs', ...blocks.map(blockName)], dir, 180_000)
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stderr, '', 'nothing on stderr')
  const outputs = splitOutput(r.stdout)
  for (const b of blocks) {
    const got = outputs.get(blockName(b))
    assert.ok(got != null && outputMatches(b.output ?? '', got), `${where(b)}\n--- output\n${got ?? '(none)'}\n--- README says\n${b.output}`)
  }
})

test('each runnable example type-checks as a strict consumer project would, against the built types', async () => {
  // the published types (dist/src/*.d.ts, which `pnpm test` builds first), not the sources
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
      lib: ['es2024'], types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')]
    },
    include: ['*.ts']
  }))
  const r = await runNode(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir, 180_000)
  assert.is(r.code, 0, r.stdout + r.stderr)
})

test.run()
