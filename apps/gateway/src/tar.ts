import { posix } from 'node:path'
import { pack } from 'it-tar'
import type { GetEntry } from '@cairn/interface'
import type { TarImportCandidate } from 'it-tar'

async function collect (source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const c of source) { chunks.push(c); length += c.length }
  const out = new Uint8Array(length)
  let offset = 0
  for (const c of chunks) { out.set(c, offset); offset += c.length }
  return out
}

/** Kubo's wording (its typo included), which clients and the conformance suite look for */
export const OUTSIDE_ROOT_MESSAGE = 'relative UnixFS paths outside the root are now allowed'

/**
 * Link names may hold `..`: each entry's path is normalised, and one that lands outside the root
 * folder stops the archive, so extracting it can never write outside the target directory
 */
function safePath (path: string, root: string): string {
  const normalised = posix.normalize(path)
  if (normalised !== root && !normalised.startsWith(root + '/')) throw new Error(`${OUTSIDE_ROOT_MESSAGE}: ${path.slice(0, 200)}`)
  return normalised
}

async function * safeEntries (entries: AsyncIterable<GetEntry>): AsyncGenerator<GetEntry> {
  let root: string | undefined
  let lastDirectory: string | undefined
  try {
    for await (const raw of entries) {
      root ??= posix.normalize(raw.path)
      const path = safePath(raw.path, root)
      if (raw.type === 'directory') lastDirectory = path
      yield { ...raw, path }
    }
  } catch (err) {
    // the reader refuses `..` in link names outright; say whether this one would have left the root
    const name = /unsafe entry name "(.*)"/.exec((err as Error)?.message ?? '')?.[1]
    if (name != null && root != null && lastDirectory != null) {
      const target = posix.normalize(`${lastDirectory}/${name}`)
      if (target !== root && !target.startsWith(root + '/')) throw new Error(`${OUTSIDE_ROOT_MESSAGE}: ${(err as Error).message}`, { cause: err })
    }
    throw err
  }
}

async function * toTarEntries (entries: AsyncIterable<GetEntry>): AsyncGenerator<TarImportCandidate> {
  for await (const entry of safeEntries(entries)) {
    const mtime = entry.mtime != null ? new Date(Number(entry.mtime.secs) * 1000) : new Date(0)
    if (entry.type === 'directory') {
      yield { header: { name: entry.path, type: 'directory', mode: entry.mode ?? 0o755, mtime } }
    } else if (entry.type === 'symlink') {
      yield { header: { name: entry.path, type: 'symlink', linkname: entry.symlinkTarget ?? '', mode: entry.mode ?? 0o777, mtime } }
    } else {
      // tar needs the size up front; the reader normally knows it, otherwise the file is read first
      const content = entry.content ?? (async function * () {})()
      const body = entry.size != null ? content : await collect(content)
      const size = entry.size ?? (body as Uint8Array).length
      yield { header: { name: entry.path, type: 'file', size, mode: entry.mode ?? 0o644, mtime }, body }
    }
  }
}

/** A tar stream of `get` entries, as Kubo's `ipfs get` and the gateway's `?format=tar` return */
export function tarStream (entries: AsyncIterable<GetEntry>): AsyncIterable<Uint8Array> {
  return pack()(toTarEntries(entries))
}
