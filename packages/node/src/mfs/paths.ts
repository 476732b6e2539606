import { InvalidPathError } from '@cairn/interface'

export interface MfsPath {
  /** Names from the root down; empty for '/' */
  segments: string[]
  /** The argument ended in '/' (cp and add --to-files then keep the source's name) */
  trailingSlash: boolean
  /** Cleaned, as Kubo's `checkPath` prints it */
  text: string
}

/**
 * Kubo's `checkPath`: absolute, then cleaned as Go's `path.Clean` does (`//` and `.` collapse, a
 * `..` takes the name before it away, and at the root stays at the root)
 */
export function parseMfsPath (path: string): MfsPath {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidPathError('paths must not be empty')
  if (path[0] !== '/') throw new InvalidPathError('paths must start with a leading slash')
  const segments: string[] = []
  for (const s of path.split('/')) {
    if (s === '' || s === '.') continue
    if (s === '..') segments.pop()
    else segments.push(s)
  }
  const trailingSlash = path.length > 1 && path.endsWith('/')
  return { segments, trailingSlash, text: '/' + segments.join('/') }
}

/** An immutable content path (`/ipfs/...`, `ipfs://...`): `files stat`, `cp` and `ls` read those too */
export function isContentPath (path: string): boolean {
  return path.startsWith('/ipfs/') || path.startsWith('ipfs://')
}

/** `ipfs://cid/a` → `/ipfs/cid/a` */
export function contentPath (path: string): string {
  return path.startsWith('ipfs://') ? '/ipfs/' + path.slice('ipfs://'.length) : path.replace(/\/+$/, '')
}
