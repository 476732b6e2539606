/**
 * The packages as a consumer gets them. Every package is packed as a release would be (`pnpm
 * pack`), served by a local registry for the `@cairn` scope, and installed by name into fresh
 * projects outside the workspace: one with npm, one with pnpm in strict isolated mode (no hoisting:
 * an undeclared import fails). There, each README example and a small program per package
 * (`test/packaging/programs/`) run on the lowest Node its `engines` admits and on Node 24, all with
 * `--conditions=development`, which would load TypeScript from node_modules if a published export
 * still pointed at `src/`. The CLI is installed globally (`npm install -g`) and runs `cairn init`,
 * `add`, `cat` and `daemon` on its lowest Node and on 24. And `pnpm publish --dry-run` passes for
 * every package.
 *
 * Node 20 and 22 come from the npm registry (`node@X.Y.Z`), cached in
 * `node_modules/.cache/cairn-packaging/` with npm's own cache, so only a first run downloads.
 * CAIRN_PACKAGING_CONCURRENCY (default 3) bounds the Node processes run at once. It prints the
 * time of each phase at the end. About 60 s of CPU in all (three installs, 7 dry-run publishes);
 * a loaded machine stretches it, hence:
 * @timeout-ms 900000
 */
import { execFile, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT, blockName, importsOf, outputMatches, runnableBlocks, where } from './doc-blocks.ts'
import type { DocBlock } from './doc-blocks.ts'
import { runNode, runnerSource, splitOutput, toJavaScript } from './doc-run.ts'
import { packAll, pnpmCommand } from './packaging/pack.ts'
import type { Packed } from './packaging/pack.ts'
import { atLeast, lowestVersion, nodeFromRegistry } from './packaging/node-versions.ts'
import { startRegistry } from './packaging/registry.ts'
import type { LocalRegistry } from './packaging/registry.ts'

const execFileP = promisify(execFile)
const CACHE = join(ROOT, 'node_modules', '.cache', 'cairn-packaging')
const NPM_CACHE = join(CACHE, 'npm')
const CONCURRENCY = Number(process.env.CAIRN_PACKAGING_CONCURRENCY ?? 3)
const NODE_24 = process.execPath
const PROGRAMS = join(ROOT, 'test', 'packaging', 'programs')
const CLI_NAME = '@cairn/cli'

interface Unit { name: string, code: string, output: string, imports: string[], where: string }
interface Project { dir: string, installed: Promise<void> }

const test = suite('packaging')
const t0 = Date.now()
/** Phase times, printed at the end: what the spec costs, and where */
const phases: string[] = []
const phase = (name: string): void => { phases.push(`${name} +${((Date.now() - t0) / 1000).toFixed(1)}s`) }
let work: string
let packed: Packed[]
let registry: LocalRegistry
let byName: Map<string, Packed>
let units: Unit[]
const nodes = new Map<string, Promise<string>>()
let npmProject: Project
let pnpmProject: Project
let globalCli: Promise<string>
let publishDryRun: Promise<{ code: number | null, output: string }>

/** A command's exit code and output, never rejecting */
async function sh (file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): Promise<{ code: number | null, output: string }> {
  return new Promise(resolve => {
    const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => { output += d.toString() })
    child.stderr.on('data', (d: Buffer) => { output += d.toString() })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', err => { output += String(err) })
    child.on('close', code => { clearTimeout(timer); resolve({ code, output }) })
  })
}

const registryArgs = (): string[] => [`--@cairn:registry=${registry.url}`]
const npmArgs = (): string[] => ['--no-audit', '--no-fund', '--prefer-offline', '--cache', NPM_CACHE, '--loglevel=error']

/** The lowest Node every `@cairn` package in `imports` admits */
function lowestNodeFor (imports: string[]): string {
  let lowest = '0.0.0'
  for (const name of imports) {
    const p = byName.get(name)
    if (p == null) continue
    const v = lowestVersion(p.manifest.engines.node)
    if (!atLeast(lowest, v)) lowest = v
  }
  return lowest
}

function nodeBinary (version: string): Promise<string> {
  let bin = nodes.get(version)
  if (bin == null) {
    bin = version === process.versions.node ? Promise.resolve(NODE_24) : nodeFromRegistry(version, CACHE, ['--cache', NPM_CACHE, '--prefer-offline'])
    nodes.set(version, bin)
  }
  return bin
}

/** Every `@cairn` package, and every other package the units import at the range our packages declare */
function consumerDependencies (): Record<string, string> {
  const deps: Record<string, string> = {}
  for (const p of packed) deps[p.manifest.name] = `^${p.manifest.version}`
  for (const unit of units) {
    for (const name of unit.imports) {
      if (deps[name] != null) continue
      const range = packed.map(p => p.manifest.dependencies?.[name]).find(r => r != null)
      assert.ok(range != null, `${unit.where} imports ${name}, which no @cairn package depends on`)
      deps[name] = range
    }
  }
  return deps
}

async function createProject (kind: 'npm' | 'pnpm'): Promise<Project> {
  const dir = join(work, `consumer-${kind}`)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${kind}`, private: true, type: 'module', dependencies: consumerDependencies() }, null, 2))
  if (kind === 'npm') {
    const installed = sh('npm', ['install', ...npmArgs(), ...registryArgs()], dir).then(r => { if (r.code !== 0) throw new Error(`npm install failed:\n${r.output}`) })
    return { dir, installed }
  }
  // strict: isolated node_modules and nothing hoisted, so a package sees only what it declares
  await writeFile(join(dir, '.npmrc'), [`@cairn:registry=${registry.url}`, 'node-linker=isolated', 'hoist=false', 'strict-peer-dependencies=true', ''].join('\n'))
  const pnpm = pnpmCommand()
  const installed = sh(pnpm.file, [...pnpm.args, 'install', '--prefer-offline', '--reporter=append-only'], dir).then(r => { if (r.code !== 0) throw new Error(`pnpm install failed:\n${r.output}`) })
  return { dir, installed }
}

async function pool<T> (items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let item = queue.shift(); item != null; item = queue.shift()) await fn(item)
  }))
}

test.before(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-packaging-'))
  await mkdir(CACHE, { recursive: true })
  packed = await packAll(join(work, 'tarballs'))
  phase('packed')
  byName = new Map(packed.map(p => [p.manifest.name, p]))
  registry = await startRegistry(packed)

  const readmeUnits = runnableBlocks().map((b: DocBlock): Unit => ({ name: blockName(b), code: b.code, output: b.output ?? '', imports: importsOf(b.code), where: where(b) }))
  const programUnits: Unit[] = []
  for (const file of (await readdir(PROGRAMS)).filter(f => f.endsWith('.ts')).sort()) {
    const code = await readFile(join(PROGRAMS, file), 'utf8')
    const pkg = `@cairn/${basename(file, '.ts')}`
    programUnits.push({ name: `program-${basename(file, '.ts')}`, code, output: `${pkg} ok\n`, imports: importsOf(code), where: `test/packaging/programs/${file}` })
  }
  units = [...readmeUnits, ...programUnits]

  // everything that waits on the network starts now, side by side
  for (const unit of units) void nodeBinary(lowestNodeFor(unit.imports)).catch(() => {})
  void nodeBinary(lowestVersion(byName.get(CLI_NAME)!.manifest.engines.node)).catch(() => {})
  npmProject = await createProject('npm')
  pnpmProject = await createProject('pnpm')
  npmProject.installed.catch(() => {})
  pnpmProject.installed.catch(() => {})
  const prefix = join(work, 'global')
  globalCli = sh('npm', ['install', '-g', '--prefix', prefix, ...npmArgs(), ...registryArgs(), `${CLI_NAME}@^${byName.get(CLI_NAME)!.manifest.version}`], work)
    .then(r => { if (r.code !== 0) throw new Error(`npm install -g failed:\n${r.output}`); return join(prefix, 'bin') })
  globalCli.catch(() => {})
  publishDryRun = (async () => {
    // npm refuses a version the registry already has: publish to one that has none
    const empty = await startRegistry([])
    const pnpm = pnpmCommand()
    try {
      return await sh(pnpm.file, [...pnpm.args, '-r', '--filter', './packages/*', '--filter', './apps/*', 'publish', '--dry-run', '--no-git-checks', '--registry', empty.url], ROOT)
    } finally {
      await empty.close()
    }
  })()
})

test.after(async () => {
  await registry?.close()
  if (work != null) await rm(work, { recursive: true, force: true })
  phase('cleaned up')
  process.stdout.write(`packaging phases: ${phases.join(', ')}\n`)
})

test('each packed manifest is what a consumer can use', () => {
  assert.equal(packed.map(p => p.manifest.name).sort(), ['@cairn/blockstore', '@cairn/cli', '@cairn/dag', '@cairn/gateway', '@cairn/interface', '@cairn/ipld', '@cairn/node', '@cairn/pinning-service', '@cairn/webui'])
  for (const { manifest: m, files } of packed) {
    const label = m.name as string
    const text = JSON.stringify(m)
    assert.not.ok(text.includes('"development"'), `${label}: an export keeps the development condition`)
    assert.not.ok(text.includes('workspace:'), `${label}: a workspace: range survived`)
    assert.is(m.scripts, undefined, `${label}: scripts (the workspace's test runner) are packed`)
    assert.is(m.devDependencies, undefined, `${label}: devDependencies are packed`)
    for (const [dep, range] of Object.entries<string>(m.dependencies ?? {})) {
      if (dep.startsWith('@cairn/')) assert.is(range, `^${m.version}`, `${label} → ${dep}`)
    }
    assert.match(m.engines?.node ?? '', /^>=\d+/, `${label}: engines.node`)
    assert.is(m.license, 'Apache-2.0 OR MIT', label)
    assert.match(m.repository?.url ?? '', /^git\+https:\/\//, `${label}: repository`)
    assert.ok(typeof m.homepage === 'string' && typeof m.bugs?.url === 'string', `${label}: homepage, bugs`)
    for (const f of ['LICENSE', 'LICENSE-MIT', 'LICENSE-APACHE', 'README.md', 'package.json']) assert.ok(files.includes(f), `${label}: ${f} not in the tarball`)
    assert.not.ok(files.some(f => f.startsWith('dist/test/') || f.startsWith('test/')), `${label}: tests are packed`)
    // every export target and the types exist in the tarball
    const targets: string[] = [m.types]
    const walk = (v: unknown): void => {
      if (typeof v === 'string') targets.push(v)
      else if (v != null && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(m.exports)
    for (const t of targets) assert.ok(files.includes(t.replace(/^\.\//, '')), `${label}: export target ${t} is not in the tarball`)
    for (const bin of Object.values<string>(m.bin ?? {})) assert.ok(files.includes(bin.replace(/^\.\//, '')), `${label}: bin ${bin} missing`)
  }
  assert.ok(byName.get('@cairn/node')!.manifest.exports['./bitswap'] != null, '@cairn/node/bitswap is exported')
  assert.is(new Set(packed.map(p => p.manifest.version)).size, 1, 'one version for all (pnpm version:set)')
})

test('pnpm publish --dry-run passes for every package', async () => {
  const r = await publishDryRun
  phase('publish dry-run')
  assert.is(r.code, 0, r.output)
  for (const p of packed) assert.ok(r.output.includes(`+ ${p.manifest.name}@${p.manifest.version}`), `${p.manifest.name} not published:\n${r.output}`)
})

/** Runs every unit in `project` on its lowest Node and on Node 24 */
async function runUnits (project: Project, label: string): Promise<void> {
  await project.installed
  phase(`${label} installed`)
  for (const unit of units) await writeFile(join(project.dir, `${unit.name}.mjs`), toJavaScript(unit.code))
  await writeFile(join(project.dir, 'run-units.mjs'), runnerSource('.mjs'))
  // each unit on its lowest Node; every unit on Node 24
  const byVersion = new Map<string, Unit[]>([[process.versions.node, units]])
  for (const unit of units) {
    const v = lowestNodeFor(unit.imports)
    if (v !== process.versions.node) byVersion.set(v, [...(byVersion.get(v) ?? []), unit])
  }
  // every package meets its own lowest Node in at least one unit
  for (const p of packed) {
    const lowest = lowestVersion(p.manifest.engines.node)
    assert.ok(units.some(u => u.imports.includes(p.manifest.name) && lowestNodeFor(u.imports) === lowest), `nothing runs ${p.manifest.name} on Node ${lowest}`)
  }
  const failures: string[] = []
  await pool([...byVersion], CONCURRENCY, async ([version, list]) => {
    const node = await nodeBinary(version)
    assert.is((await execFileP(node, ['--version'])).stdout.trim(), `v${version}`)
    const r = await runNode(node, ['--conditions=development', 'run-units.mjs', ...list.map(u => u.name)], project.dir, 180_000)
    const outputs = splitOutput(r.stdout)
    if (r.code !== 0 || r.stderr !== '' || !outputs.has('end')) failures.push(`${label}, Node ${version}: exit ${r.code}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout}`)
    for (const unit of list) {
      const got = outputs.get(unit.name)
      if (got == null || !outputMatches(unit.output, got)) failures.push(`${label}, Node ${version}: ${unit.where}\n--- output\n${got ?? '(none)'}\n--- expected\n${unit.output}`)
    }
    phase(`${label} on Node ${version} (${list.length} programs)`)
  })
  assert.equal(failures, [], failures.join('\n\n'))
}

test('npm project: every README example and package program runs on its lowest Node and on Node 24', async () => {
  await runUnits(npmProject, 'npm')
})

test('pnpm strict project (isolated, nothing hoisted): the same', async () => {
  await runUnits(pnpmProject, 'pnpm')
})

test('npm install -g @cairn/cli: cairn init, add, cat and daemon on its lowest Node and on Node 24', async () => {
  const bin = await globalCli
  phase('cli installed')
  const cliLowest = lowestVersion(byName.get(CLI_NAME)!.manifest.engines.node)
  for (const version of [cliLowest, process.versions.node]) {
    const node = await nodeBinary(version)
    const home = join(work, `cli-${version}`)
    await mkdir(home, { recursive: true })
    // the global bin on PATH, run by whichever `node` comes first there: this version
    const env = { PATH: `${bin}:${dirname(node)}:${process.env.PATH}`, CAIRN_PATH: join(home, 'repo'), HOME: home, NO_COLOR: '1' }
    const cairn = async (...args: string[]): Promise<{ code: number | null, stdout: string, stderr: string }> => {
      const r = await runNode('cairn', args, home, 90_000, env)
      return { code: r.code, stdout: r.stdout, stderr: r.stderr }
    }
    const label = `Node ${version}`
    const v = await cairn('--version')
    // the version constant follows package.json (`pnpm version:set`)
    assert.equal(v, { code: 0, stdout: `cairn version ${byName.get(CLI_NAME)!.manifest.version}\n`, stderr: '' }, `${label}: --version`)
    const all = await cairn('version', '--all')
    assert.ok(all.stdout.includes(`Node.js version: v${version}`), `${label}: ran on ${all.stdout}`)
    const init = await cairn('init', '--profile=test')
    assert.is(init.code, 0, `${label}: init ${init.stderr}`)
    assert.is(init.stderr, '', `${label}: init`)
    await writeFile(join(home, 'hello.txt'), 'hello\n')
    const add = await cairn('add', 'hello.txt')
    assert.equal(add, { code: 0, stdout: 'added QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN hello.txt\n', stderr: '' }, `${label}: add`)
    const cat = await cairn('cat', 'QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN')
    assert.equal(cat, { code: 0, stdout: 'hello\n', stderr: '' }, `${label}: cat`)

    // the daemon: ready, answers through its RPC, stops cleanly on SIGINT
    const daemon = spawn('cairn', ['daemon'], { cwd: home, env: { ...env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    daemon.stdout.on('data', (d: Buffer) => { out += d.toString() })
    daemon.stderr.on('data', (d: Buffer) => { err += d.toString() })
    const exited = new Promise<number | null>(resolve => daemon.on('close', code => resolve(code)))
    try {
      let timer: NodeJS.Timeout | undefined
      const ready = await Promise.race([
        new Promise<boolean>(resolve => daemon.stdout.on('data', () => { if (out.includes('Daemon is ready')) resolve(true) })),
        exited.then(() => false),
        new Promise<boolean>(resolve => { timer = setTimeout(() => resolve(false), 60_000) })
      ])
      clearTimeout(timer)
      assert.ok(ready, `${label}: daemon not ready\n${out}\n${err}`)
      assert.match(out, /RPC API server listening on \/ip4\/127\.0\.0\.1\/tcp\/\d+/)
      const viaDaemon = await cairn('cat', '/ipfs/QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN')
      assert.equal(viaDaemon, { code: 0, stdout: 'hello\n', stderr: '' }, `${label}: cat through the daemon`)
      const id = await cairn('id', '--enc=json')
      assert.is(id.code, 0, id.stderr)
      assert.match(JSON.parse(id.stdout).ID, /^12D3KooW/)
    } finally {
      daemon.kill('SIGINT')
    }
    assert.is(await exited, 0, `${label}: daemon exit\n${err}`)
    assert.is(err, '', `${label}: daemon stderr`)
    phase(`cli on Node ${version}`)
  }
})

test.run()
