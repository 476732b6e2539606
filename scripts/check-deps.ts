/**
 * Keeps the monorepo wiring mechanical: every `@cairn/*` dependency of a package is `workspace:*`
 * and has a matching tsconfig `references` entry, every reference is a declared dependency, and
 * nothing imports against the design's dependency direction (cli → gateway → node → dag → blockstore).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const order = ['@cairn/interface', '@cairn/blockstore', '@cairn/dag', '@cairn/node', '@cairn/gateway', '@cairn/cli']
const problems: string[] = []

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
    if (range !== 'workspace:*') problems.push(`${pkg.name}: ${name} must be "workspace:*", is "${range}"`)
    if (!refs.has(target)) problems.push(`${pkg.name}: depends on ${name} but tsconfig.json has no reference to ${relative(dir, target)}`)
    if (name !== '@cairn/interface' && order.indexOf(name) >= here) problems.push(`${pkg.name}: may not depend on ${name} (dependency direction)`)
    refs.delete(target)
  }
  for (const file of sourceFiles(dir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(@cairn\/[a-z-]+)/g)) {
      if (m[1] !== pkg.name && deps[m[1]] == null) problems.push(`${relative(root, file)}: imports ${m[1]}, not a dependency of ${pkg.name}`)
    }
  }
  for (const extra of refs) problems.push(`${pkg.name}: tsconfig references ${relative(dir, extra)} which is not a dependency`)
}

function sourceFiles (dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.ts')) out.push(p)
    }
  }
  for (const sub of ['src', 'test']) { try { walk(join(dir, sub)) } catch {} }
  return out
}

const rootRefs = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).references.map((r: { path: string }) => resolve(root, r.path))
for (const dir of dirs) if (!rootRefs.includes(dir)) problems.push(`root tsconfig.json does not reference ${relative(root, dir)}`)

if (problems.length > 0) {
  process.stderr.write(problems.map(p => `check-deps: ${p}\n`).join(''))
  process.exit(1)
}
process.stdout.write(`check-deps: ${dirs.length} packages wired consistently\n`)
