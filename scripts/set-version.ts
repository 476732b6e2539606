/**
 * Sets one version on every published package and on the constants that report it
 * (`cairn version`, the node's agent version): `pnpm version:set 0.2.0`. Cairn's packages are
 * released together, at one version; `workspace:^` becomes `^0.2.0` when they are packed.
 * The packaging test checks that the packed CLI reports its package's version.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const version = process.argv[2] ?? ''
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  process.stderr.write('usage: pnpm version:set X.Y.Z[-pre]\n')
  process.exit(2)
}

const packages = ['packages/interface', 'packages/ipld', 'packages/blockstore', 'packages/dag', 'packages/node', 'apps/gateway', 'apps/cli']
for (const dir of packages) {
  const file = join(root, dir, 'package.json')
  const text = readFileSync(file, 'utf8')
  const updated = text.replace(/^(\s*"version":\s*)"[^"]*"/m, `$1"${version}"`)
  if (updated === text && !text.includes(`"version": "${version}"`)) throw new Error(`${file}: no version field`)
  writeFileSync(file, updated)
}

const constants: Array<[string, RegExp]> = [
  ['apps/cli/src/constants.ts', /(export const CLI_VERSION = ')[^']*(')/],
  ['packages/node/src/constants.ts', /(export const CAIRN_VERSION = ')[^']*(')/]
]
for (const [path, pattern] of constants) {
  const file = join(root, path)
  const text = readFileSync(file, 'utf8')
  if (!pattern.test(text)) throw new Error(`${path}: ${pattern} not found`)
  writeFileSync(file, text.replace(pattern, `$1${version}$2`))
}
process.stdout.write(`version ${version}: ${packages.length} packages, CLI_VERSION, CAIRN_VERSION\n`)
