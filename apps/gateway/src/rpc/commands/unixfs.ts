import type { CairnApi, EntryType, LsEntry } from '@cairn/interface'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'
import type { CID } from 'multiformats/cid'
import { catMany } from '@cairn/dag/cat-many'
import { archiveStream, compressionLevel } from '../../archive.ts'
import { pathArg } from '../command.ts'
import type { CommandTable } from '../command.ts'
import { sendBytes } from '../output.ts'

/** Kubo's UnixFS type numbers in `ls` output (a raw block is a file there) */
const UNIXFS_TYPE: Record<EntryType, number> = { raw: 2, directory: 1, file: 2, symlink: 4, object: 0, unknown: 0 }

/** Kubo's `ls` sizes: a file's size; 0 for directories and symlinks (UnixFS `FileSize`) */
const lsSize = (e: LsEntry): number => e.type === 'directory' || e.type === 'symlink' ? 0 : e.size

const isNotADirectory = (err: unknown): boolean =>
  (err as Error)?.name === 'NotADirectoryError' || (err as Error)?.name === 'NotAFileError'

type LsEvent = { kind: 'object', path: string } | { kind: 'link', path: string, name: string, json: string } | { kind: 'end' }

/**
 * Each path's listing as events. An object opens only once its first link (or its end) is known,
 * so an error on the first path still gets an error status. A file has no links, as Kubo lists it.
 */
async function * lsEvents (api: CairnApi, paths: string[], signal: AbortSignal, resolveChildren: boolean, enc: (cid: CID) => string): AsyncGenerator<LsEvent> {
  for (const path of paths) {
    let opened = false
    try {
      for await (const e of api.ls(path, { signal, resolveChildren })) {
        if (!opened) yield { kind: 'object', path }
        opened = true
        yield { kind: 'link', path, name: e.name, json: JSON.stringify({ Name: e.name, Hash: enc(e.cid), Size: lsSize(e), Type: UNIXFS_TYPE[e.type] ?? 0, Target: '' }) }
      }
    } catch (err) {
      if (!isNotADirectory(err)) throw err
    }
    if (!opened) yield { kind: 'object', path }
    yield { kind: 'end' }
  }
}

/** Go's string order (bytes), which Kubo's `ls` sorts by; a HAMT's order is not the names' */
const byNameBytes = (a: { name: string }, b: { name: string }): number => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name))

/**
 * Kubo's `{"Objects":[{"Hash","Links":[...]}]}`. As Kubo's `ls.go` without `--stream`, each
 * object's links are gathered and sorted by name before it is written (`--stream` is the way to
 * list a huge directory without holding it).
 */
async function * lsDocument (api: CairnApi, paths: string[], signal: AbortSignal, resolveChildren: boolean, enc: (cid: CID) => string): AsyncGenerator<string> {
  let objects = 0
  let links: Array<{ name: string, json: string }> = []
  for await (const event of lsEvents(api, paths, signal, resolveChildren, enc)) {
    if (event.kind === 'object') {
      yield `${objects++ === 0 ? '{"Objects":[' : ','}{"Hash":${JSON.stringify(event.path)},"Links":[`
      links = []
    } else if (event.kind === 'link') {
      links.push(event)
    } else {
      yield links.sort(byNameBytes).map(l => l.json).join(',') + ']}'
    }
  }
  yield objects === 0 ? '{"Objects":[]}\n' : ']}\n'
}

/** `ls --stream`: one `{"Objects":[{"Hash","Links":[link]}]}` line per link, as Kubo emits them */
async function * lsLines (api: CairnApi, paths: string[], signal: AbortSignal, resolveChildren: boolean, enc: (cid: CID) => string): AsyncGenerator<string> {
  for await (const event of lsEvents(api, paths, signal, resolveChildren, enc)) {
    if (event.kind === 'link') yield `{"Objects":[{"Hash":${JSON.stringify(event.path)},"Links":[${event.json}]}]}\n`
  }
}

/** `cat`, `get`, `ls`: reading UnixFS, as Kubo's `cat.go`, `get.go`, `ls.go` */
export const unixfsCommands: CommandTable = {
  // several paths: one stream, offset and length counted across the files (Kubo's `cat`)
  cat: {
    args: [1, 64],
    options: { offset: 'int', length: 'int', progress: 'bool' },
    async run ({ api, args, res, signal }) {
      pathArg(args)
      await sendBytes(res, catMany(api, args.args, { signal, offset: args.int('offset'), length: args.int('length') }), 'text/plain')
    }
  },

  get: {
    args: [1, 1],
    options: { output: 'string', archive: 'bool', compress: 'bool', 'compression-level': 'int', progress: 'bool' },
    async run ({ api, args, res, signal }) {
      const level = compressionLevel(args.bool('compress'), args.int('compression-level'))
      const body = archiveStream(api.get(pathArg(args), { signal }), { archive: args.bool('archive'), compressionLevel: level })
      await sendBytes(res, body, level != null ? 'application/gzip' : 'application/x-tar')
    }
  },

  ls: {
    args: [1, 64],
    options: { headers: 'bool', 'resolve-type': 'bool', size: 'bool', stream: 'bool', long: 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      // Kubo reads each child only when a type or a size is asked for (both are by default)
      const resolveChildren = args.bool('resolve-type') !== false || args.bool('size') !== false
      if (args.bool('stream') === true) {
        await sendBytes(res, lsLines(api, args.args, signal, resolveChildren, enc), 'application/json; charset=utf-8', 'values')
        return
      }
      await sendBytes(res, lsDocument(api, args.args, signal, resolveChildren, enc), 'application/json; charset=utf-8', 'single')
    }
  }
}
