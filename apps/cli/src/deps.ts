/**
 * `version deps`: this CLI and the packages it runs on, with the versions installed (Kubo lists
 * its Go module versions). Each version comes from the package's own package.json, found by
 * walking up from where Node resolves the package.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Dependency { path: string, version: string }

async function packageJson (from: string, name?: string): Promise<{ name: string, version: string, dependencies?: Record<string, string> } | undefined> {
  let dir = from
  for (let i = 0; i < 12; i++) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
      if (name == null || pkg.name === name) return pkg
    } catch {}
    const up = dirname(dir)
    if (up === dir) return undefined
    dir = up
  }
  return undefined
}

export async function dependencyVersions (): Promise<Dependency[]> {
  const self = await packageJson(dirname(fileURLToPath(import.meta.url)), '@cairn/cli')
  if (self == null) return []
  const out: Dependency[] = [{ path: self.name, version: self.version }]
  for (const name of Object.keys(self.dependencies ?? {}).sort()) {
    let version = 'unknown'
    try {
      const entry = fileURLToPath(import.meta.resolve(name))
      version = (await packageJson(dirname(entry), name))?.version ?? version
    } catch {}
    out.push({ path: name, version })
  }
  return out
}
