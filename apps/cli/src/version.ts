/**
 * What `cairn version` prints. Kept apart from the command tree so that `bin.ts` can answer the
 * bare `cairn version` and `cairn --version` without loading commander or any command module.
 */
import { CLI_VERSION, REPO_VERSION } from './constants.ts'

export interface VersionFlags { number?: boolean, commit?: boolean, repo?: boolean, all?: boolean }

export const versionInfo = (): { Version: string, Commit: string, Repo: string, System: string } =>
  ({ Version: CLI_VERSION, Commit: '', Repo: REPO_VERSION, System: `${process.arch}/${process.platform}` })

/** The text lines for these flags, as Kubo's `ipfs version` prints them */
export function versionLines (flags: VersionFlags): string[] {
  const v = versionInfo()
  if (flags.all === true) {
    return [`Cairn version: ${v.Version}`, `Repo version: ${v.Repo}`, `System version: ${v.System}`, `Node.js version: ${process.version}`]
  }
  if (flags.number === true) return [v.Version]
  if (flags.repo === true) return [v.Repo]
  return [`cairn version ${v.Version}`]
}

/** The argument lists answered without the command tree: no global flag, no environment involved */
const BARE: Readonly<Record<string, VersionFlags>> = {
  version: {},
  '--version': {},
  'version -n': { number: true },
  'version --number': { number: true },
  'version --all': { all: true }
}

/** The flags when `argv` is one of the bare forms, else undefined (commander handles it) */
export function bareVersion (argv: string[]): VersionFlags | undefined {
  return BARE[argv.join(' ')]
}
