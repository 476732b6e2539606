/**
 * Node binaries from the npm registry's `node` package (`npm install node@20.0.0` unpacks that
 * version's binary, as the workspace's own Node 24 arrives), cached under
 * `node_modules/.cache/cairn-packaging/` so a second run downloads nothing.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The lowest version a `>=X[.Y[.Z]]` engines range admits: `>=22.12` → `22.12.0` */
export function lowestVersion (range: string): string {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim())
  if (m == null) throw new Error(`engines.node "${range}" is not of the form >=X[.Y[.Z]]`)
  return `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`
}

/** `a` is at least `b`, both `X.Y.Z` */
export function atLeast (a: string, b: string): boolean {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i]
  return true
}

/** Path of a `node` binary of exactly `version`, installed from the registry once and then reused */
export async function nodeFromRegistry (version: string, cacheDir: string, npmArgs: string[] = []): Promise<string> {
  const dir = join(cacheDir, `node-${version}`)
  const bin = join(dir, 'node_modules', 'node', 'bin', 'node')
  if (existsSync(bin) && await versionOf(bin) === `v${version}`) return bin
  const tmp = `${dir}.tmp-${process.pid}`
  await rm(tmp, { recursive: true, force: true })
  await mkdir(tmp, { recursive: true })
  await writeFile(join(tmp, 'package.json'), '{"private":true}')
  // the package's preinstall fetches node-<platform>-<arch>@version and links its binary in place
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', ...npmArgs, `node@${version}`], { cwd: tmp, timeout: 300_000 })
  await rm(dir, { recursive: true, force: true })
  await rename(tmp, dir)
  const got = await versionOf(bin)
  if (got !== `v${version}`) throw new Error(`npm's node@${version} runs as ${got}`)
  return bin
}

async function versionOf (bin: string): Promise<string | undefined> {
  try {
    return (await run(bin, ['--version'])).stdout.trim()
  } catch {
    return undefined
  }
}
