/**
 * Which `cairn` to run from the workspace: the bundle of the compiled CLI (`scripts/bundle-cli.ts`)
 * when `pnpm build` (run by `pnpm install`) has made it from the current build, else the compiled
 * bin when that is current, else the TypeScript sources under the `development` condition (correct,
 * only slower to start). Used by `pnpm cairn`, `pnpm start` and `pnpm bench:cli`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')
export const COMPILED_BIN = join(ROOT, 'apps/cli/dist/src/bin.js')
export const SOURCE_BIN = join(ROOT, 'apps/cli/src/bin.ts')
/** The compiled CLI in a few files (`scripts/bundle-cli.ts`): the fastest to start */
export const BUNDLED_BIN = join(ROOT, 'apps/cli/dist/bundle/bin.js')

/** Newest modification time of any file under `dir`, 0 when it has none */
function newestMtimeMs (dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/**
 * True when every workspace project's build is newer than its `src/` (a few ms of `stat`s):
 * `tsc -b` rewrites a project's `dist/tsconfig.tsbuildinfo` whenever it rebuilds it
 */
export function isBuildCurrent (): boolean {
  if (!existsSync(COMPILED_BIN)) return false
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const project = join(ROOT, group, name)
      if (!existsSync(join(project, 'src'))) continue
      const info = join(project, 'dist', 'tsconfig.tsbuildinfo')
      if (!existsSync(info) || newestMtimeMs(join(project, 'src')) > statSync(info).mtimeMs) return false
    }
  }
  return true
}

/** True when the build is current and the bundle was made from it (after every project's last build) */
export function isBundleCurrent (): boolean {
  if (!existsSync(BUNDLED_BIN) || !isBuildCurrent()) return false
  const bundled = statSync(BUNDLED_BIN).mtimeMs
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const info = join(ROOT, group, name, 'dist', 'tsconfig.tsbuildinfo')
      if (existsSync(info) && statSync(info).mtimeMs > bundled) return false
    }
  }
  return true
}

/** The compiled CLI to run: the bundle when current, else the compiled bin (undefined: run the sources) */
export function compiledBin (): string | undefined {
  if (isBundleCurrent()) return BUNDLED_BIN
  return isBuildCurrent() ? COMPILED_BIN : undefined
}

/** Node arguments that start the CLI (then come the CLI's own arguments) */
export function cliNodeArgs (): string[] {
  const bin = compiledBin()
  return bin != null ? [bin] : ['--conditions=development', SOURCE_BIN]
}
