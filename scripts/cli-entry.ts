/**
 * Which `cairn` to run from the workspace: the compiled bin when `pnpm build` (run by `pnpm install`)
 * has built it from the current sources, else the TypeScript sources under the `development`
 * condition (correct, only slower to start). Used by `pnpm cairn`, `pnpm start` and `pnpm bench:cli`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')
export const COMPILED_BIN = join(ROOT, 'apps/cli/dist/src/bin.js')
export const SOURCE_BIN = join(ROOT, 'apps/cli/src/bin.ts')

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

/** Node arguments that start the CLI (then come the CLI's own arguments) */
export function cliNodeArgs (): string[] {
  return isBuildCurrent() ? [COMPILED_BIN] : ['--conditions=development', SOURCE_BIN]
}
