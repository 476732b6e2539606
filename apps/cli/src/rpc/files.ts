/** `FilesApi` (MFS) over Kubo's `/api/v0/files/*` */
import type { FilesApi, FilesEntry, FilesStat } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import { multipartContentType, multipartFile, newBoundary } from './multipart.ts'
import type { Params, Transport } from './transport.ts'

/** Kubo's `statOutput` JSON back to `FilesStat` */
export function statFromJson (s: any, parseCid: (text: string) => CID): FilesStat {
  const out: FilesStat = {
    cid: parseCid(String(s.Hash)),
    size: Number(s.Size ?? 0),
    cumulativeSize: Number(s.CumulativeSize ?? 0),
    blocks: Number(s.Blocks ?? 0),
    type: s.Type === 'directory' ? 'directory' : 'file'
  }
  if (typeof s.Mode === 'string' && s.Mode !== '') out.mode = parseInt(s.Mode, 8)
  if (s.Mtime != null && Number(s.Mtime) !== 0) out.mtime = { secs: Number(s.Mtime), ...(s.MtimeNsecs != null ? { nsecs: Number(s.MtimeNsecs) } : {}) }
  if (s.WithLocality === true) {
    out.local = s.Local === true
    out.sizeLocal = Number(s.SizeLocal ?? 0)
  }
  return out
}

export function createFilesClient (rpc: Transport, parseCid: (text: string) => CID): FilesApi {
  const call = async (command: string, args: string[], params: Params, signal?: AbortSignal): Promise<void> => {
    await rpc.json(command, { args, params, signal })
  }
  return {
    stat: async (path, options = {}) => statFromJson(await rpc.json('files/stat', { args: [path], params: { 'with-local': options.withLocal }, signal: options.signal }), parseCid),
    ls: async function * (path = '/', options = {}): AsyncGenerator<FilesEntry> {
      const r = await rpc.json('files/ls', { args: [path], params: { long: options.long }, signal: options.signal })
      for (const e of r?.Entries ?? []) {
        const entry: FilesEntry = { name: String(e.Name) }
        if (options.long === true) {
          entry.type = e.Type === 1 ? 'directory' : 'file'
          entry.size = Number(e.Size ?? 0)
          if (typeof e.Hash === 'string' && e.Hash !== '') entry.cid = parseCid(e.Hash)
        }
        yield entry
      }
    },
    mkdir: async (path, o = {}) => { await call('files/mkdir', [path], { parents: o.parents, 'cid-version': o.cidVersion, hash: o.hash, flush: o.flush }, o.signal) },
    write: async (path, content, o = {}) => {
      const boundary = newBoundary()
      const source = content instanceof Uint8Array ? content : (async function * () { yield * content })()
      await rpc.json('files/write', {
        args: [path],
        params: { offset: o.offset, count: o.count, create: o.create, parents: o.parents, truncate: o.truncate, 'raw-leaves': o.rawLeaves, 'cid-version': o.cidVersion, hash: o.hash, flush: o.flush },
        body: multipartFile(source, boundary),
        contentType: multipartContentType(boundary),
        signal: o.signal
      })
    },
    read: (path, o = {}) => rpc.bytes('files/read', { args: [path], params: { offset: o.offset, count: o.count }, signal: o.signal }),
    cp: async (from, to, o = {}) => { await call('files/cp', [from, to], { parents: o.parents, force: o.force, flush: o.flush }, o.signal) },
    mv: async (from, to, o = {}) => { await call('files/mv', [from, to], { flush: o.flush }, o.signal) },
    rm: async (paths, o = {}) => { await call('files/rm', Array.isArray(paths) ? paths : [paths], { recursive: o.recursive, force: o.force }, o.signal) },
    flush: async (path = '/', o = {}) => parseCid(String((await rpc.json('files/flush', { args: [path], signal: o.signal })).Cid)),
    chcid: async (path, o = {}) => { await call('files/chcid', [path], { 'cid-version': o.cidVersion, hash: o.hash, flush: o.flush }, o.signal) },
    touch: async (path, o = {}) => { await call('files/touch', [path], { mtime: o.mtime, 'mtime-nsecs': o.mtimeNsecs, flush: o.flush }, o.signal) },
    chmod: async (path, mode, o = {}) => { await call('files/chmod', [mode.toString(8), path], { flush: o.flush }, o.signal) }
  }
}
