/**
 * Keeps the monorepo wiring mechanical: every `@cairn/*` dependency of a package is `workspace:^`
 * and has a matching tsconfig `references` entry, every reference is a declared dependency, and
 * nothing imports against the design's dependency direction
 * (cli → gateway → pinning-service → node → dag → blockstore → ipld; gateway → webui). And every package's manifest tells the truth
 * about its imports: whatever `src/` imports is a dependency, whatever only `test/` or `bench/`
 * imports is a devDependency, and nothing declared goes unimported.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const order = ['@cairn/interface', '@cairn/ipld', '@cairn/blockstore', '@cairn/dag', '@cairn/node', '@cairn/pinning-service', '@cairn/webui', '@cairn/gateway', '@cairn/cli']
const problems: string[] = []
/** The root's devDependencies (typescript, uvu, @types/node) serve every package's tests */
const rootDevDeps = new Set(Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {}))

/**
 * Declared dependencies that no source imports by name, each with why it must stay: tools run by
 * a script, type packages, and modules loaded by name at runtime
 */
const USED_WITHOUT_IMPORT: Record<string, Record<string, string>> = {
  '@cairn/webui': { preact: 'the page in ui/ imports it; scripts/build-webui.ts bundles it into dist/ui' },
  // data, no code: reachability/asn.ts reads its IPv6 table by path (createRequire().resolve)
  '@cairn/node': { '@ip-location-db/asn': 'reachability/asn.ts reads asn-ipv6-num.csv from it by path' },
  '@cairn/cli': { '@ip-location-db/asn': 'the bundled CLI (scripts/bundle-cli.ts) resolves @cairn/node\'s ASN table from apps/cli/node_modules' }
}

/** The npm package a bare import specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name` */
function packageOf (specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('#')) return undefined
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s+'([^']+)'|(?:^|[\s;])import\s+'([^']+)'|(?:\bimport|\brequire|import\.meta\.resolve)\(\s*'([^']+)'\s*\)/gm

const CODECS = new Set(['@ipld/dag-pb', '@ipld/dag-cbor', '@ipld/dag-json', '@ipld/dag-jose', 'ipfs-unixfs', 'cborg', 'protons-runtime'])

const dirs = ['packages', 'apps'].flatMap(g => readdirSync(join(root, g)).map(n => join(root, g, n)))
const byName = new Map<string, string>()
for (const dir of dirs) byName.set(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name, dir)

for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'))
  const refs = new Set<string>((tsconfig.references ?? []).map((r: { path: string }) => resolve(dir, r.path)))
  const deps: Record<string, string> = { ...pkg.dependencies, ...pkg.devDependencies }
  const here = order.indexOf(pkg.name)
  for (const [name, range] of Object.entries(deps)) {
    if (!name.startsWith('@cairn/')) continue
    const target = byName.get(name)
    if (target == null) { problems.push(`${pkg.name}: depends on unknown ${name}`); continue }
    if (range !== 'workspace:^') problems.push(`${pkg.name}: ${name} must be "workspace:^", is "${range}"`)
    if (!refs.has(target)) problems.push(`${pkg.name}: depends on ${name} but tsconfig.json has no reference to ${relative(dir, target)}`)
    if (name !== '@cairn/interface' && order.indexOf(name) >= here) problems.push(`${pkg.name}: may not depend on ${name} (dependency direction)`)
    refs.delete(target)
  }
  for (const file of sourceFiles(dir, ['src', 'test', 'bench'])) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(@cairn\/[a-z-]+)/g)) {
      if (m[1] !== pkg.name && deps[m[1]] == null) problems.push(`${relative(root, file)}: imports ${m[1]}, not a dependency of ${pkg.name}`)
    }
  }
  for (const extra of refs) problems.push(`${pkg.name}: tsconfig references ${relative(dir, extra)} which is not a dependency`)
  checkManifest(dir, pkg)
}

/** Packages imported by the files under `subs` of `dir` */
function importsIn (dir: string, subs: string[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of sourceFiles(dir, subs)) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const name = packageOf(m[1] ?? m[2] ?? m[3])
      if (name != null && !found.has(name)) found.set(name, relative(root, file))
    }
  }
  return found
}

function checkManifest (dir: string, pkg: { name: string, dependencies?: Record<string, string>, devDependencies?: Record<string, string> }): void {
  const deps = new Set(Object.keys(pkg.dependencies ?? {}))
  const devDeps = new Set(Object.keys(pkg.devDependencies ?? {}))
  const runtime = importsIn(dir, ['src'])
  const dev = importsIn(dir, ['test', 'bench'])
  const excused = USED_WITHOUT_IMPORT[pkg.name] ?? {}
  for (const [name, file] of runtime) {
    // apps translate HTTP and argv: decoding blocks is @cairn/dag's and @cairn/ipld's job
    if (dir.startsWith(join(root, 'apps')) && CODECS.has(name)) problems.push(`${file}: imports the codec ${name}: apps hold no codec decoding (use @cairn/dag)`)
    if (name === pkg.name || name.startsWith('@cairn/')) continue // @cairn/* imports are checked above
    if (devDeps.has(name)) problems.push(`${file}: imports ${name}, a devDependency of ${pkg.name}: make it a dependency`)
    else if (!deps.has(name)) problems.push(`${file}: imports ${name}, not a dependency of ${pkg.name}`)
  }
  for (const [name, file] of dev) {
    if (name !== pkg.name && !name.startsWith('@cairn/') && !deps.has(name) && !devDeps.has(name) && !rootDevDeps.has(name)) problems.push(`${file}: imports ${name}, not a dependency of ${pkg.name}`)
  }
  for (const name of deps) {
    if (runtime.has(name) || excused[name] != null) continue
    if (dev.has(name)) problems.push(`${pkg.name}: ${name} is imported only by tests or benchmarks: make it a devDependency`)
    else problems.push(`${pkg.name}: depends on ${name}, which nothing imports`)
  }
  for (const name of devDeps) {
    if (runtime.has(name) || dev.has(name) || excused[name] != null) continue
    // @types/x is used when x is
    const typed = name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : undefined
    if (typed != null && (runtime.has(typed) || dev.has(typed))) continue
    problems.push(`${pkg.name}: devDependency ${name} is imported nowhere`)
  }
}

function sourceFiles (dir: string, subs: string[]): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.ts')) out.push(p)
    }
  }
  for (const sub of subs) { try { walk(join(dir, sub)) } catch {} }
  return out
}

const rootRefs = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).references.map((r: { path: string }) => resolve(root, r.path))
for (const dir of dirs) if (!rootRefs.includes(dir)) problems.push(`root tsconfig.json does not reference ${relative(root, dir)}`)

// pnpm checks `engines` against `nodeVersion` (pnpm-workspace.yaml): it must be the Node the workspace runs on
const workspaceNode = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> }).devDependencies?.node
const checkedNode = /^nodeVersion:\s*(\S+)\s*$/m.exec(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'))?.[1]
if (workspaceNode !== checkedNode) problems.push(`pnpm-workspace.yaml nodeVersion (${checkedNode}) is not the root devDependency node (${workspaceNode})`)

if (problems.length > 0) {
  process.stderr.write(problems.map(p => `check-deps: ${p}\n`).join(''))
  process.exit(1)
}
process.stdout.write(`check-deps: ${dirs.length} packages wired consistently\n`)
