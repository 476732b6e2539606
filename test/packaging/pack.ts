/**
 * Every workspace package packed as a release would be: `pnpm pack` (the root `.pnpmfile.cjs`
 * rewrites each manifest on the way), and what landed in each tarball.
 */
import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../doc-blocks.ts'
import type { PackedPackage } from './registry.ts'

const run = promisify(execFile)

export interface Packed extends PackedPackage {
  /** Paths inside the tarball, without the leading `package/` */
  files: string[]
}

/** The pnpm that runs this workspace: the one on PATH, else the one running `pnpm test` */
export function pnpmCommand (): { file: string, args: string[] } {
  const execPath = process.env.npm_execpath
  if (execPath != null && /pnpm/.test(execPath) && execPath.endsWith('.cjs')) return { file: process.execPath, args: [execPath] }
  return { file: 'pnpm', args: [] }
}

export async function packAll (dest: string): Promise<Packed[]> {
  const pnpm = pnpmCommand()
  await run(pnpm.file, [...pnpm.args, '-r', '--filter', './packages/*', '--filter', './apps/*', 'pack', '--pack-destination', dest], { cwd: ROOT, timeout: 120_000 })
  const out: Packed[] = []
  for (const name of (await readdir(dest)).filter(f => f.endsWith('.tgz')).sort()) {
    const tarball = join(dest, name)
    const manifest = JSON.parse((await run('tar', ['-xzOf', tarball, 'package/package.json'])).stdout)
    const files = (await run('tar', ['-tzf', tarball])).stdout.split('\n').filter(Boolean).map(f => f.replace(/^package\//, ''))
    out.push({ manifest, tarball, files })
  }
  return out
}
