import { InvalidParametersError } from '@cairn/interface'
import type { FilesStat } from '@cairn/interface'
import type { Args } from '../args.ts'
import type { CommandTable } from '../command.ts'
import { MalformedRequestError } from '../../errors.ts'
import { multipartParts } from '../multipart.ts'
import { sendBytes, sendJson } from '../output.ts'
import type { ServerResponse } from 'node:http'
import type { CID } from 'multiformats/cid'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'

/** Kubo's `defaultStatFormat` */
export const DEFAULT_STAT_FORMAT = '<hash>\nSize: <size>\nCumulativeSize: <cumulsize>\nChildBlocks: <childs>\nType: <type>\nMode: <mode> (<mode-octal>)\nMtime: <mtime>'

/** Kubo's `statGetFormatOptions`: one of --format, --hash, --size */
function checkStatFormat (a: Args): void {
  const hash = a.bool('hash') === true
  const size = a.bool('size') === true
  const format = a.string('format')
  const custom = format != null && format !== DEFAULT_STAT_FORMAT
  if ((hash && size) || (size && custom) || (hash && custom)) {
    throw new InvalidParametersError('invalid parameters: format was set by multiple options. Only one format option is allowed')
  }
}

/** Kubo's `statOutput` JSON: Mode as an octal string, zero fields left out */
export function statJson (s: FilesStat, enc: (cid: CID) => string = cid => cid.toString()): Record<string, unknown> {
  const out: Record<string, unknown> = { Hash: enc(s.cid), Size: s.size, CumulativeSize: s.cumulativeSize, Blocks: s.blocks, Type: s.type }
  if (s.local != null) {
    out.WithLocality = true
    if (s.local) out.Local = true
    if (s.sizeLocal != null && s.sizeLocal > 0) out.SizeLocal = s.sizeLocal
  }
  if (s.mode != null && s.mode !== 0) out.Mode = s.mode.toString(8).padStart(4, '0')
  if (s.mtime != null && s.mtime.secs > 0) {
    out.Mtime = s.mtime.secs
    if (s.mtime.nsecs != null && s.mtime.nsecs > 0) out.MtimeNsecs = s.mtime.nsecs
  }
  return out
}

const cidVersionArg = (a: Args): 0 | 1 | undefined => {
  const v = a.int('cid-version')
  if (v == null) return undefined
  if (v !== 0 && v !== 1) throw new InvalidParametersError(`unknown CID version ${v}`)
  return v
}

/** Commands that write nothing answer 200 with an empty body, as go-ipfs-cmds does */
function sendEmpty (res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '0' })
  res.end()
}

const FLUSH = { flush: 'bool' } as const
const CID_OPTIONS = { 'cid-version': 'int', 'cid-ver': 'int', hash: 'string' } as const

/** `/api/v0/files/*`, as Kubo's `core/commands/files.go`: MFS, and `stat` of `/ipfs/` paths */
export const filesCommands: CommandTable = {
  'files/stat': {
    args: [1, 1],
    options: { format: 'string', hash: 'bool', size: 'bool', 'with-local': 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      checkStatFormat(args)
      const enc = outputCid(args)
      const s = await api.files.stat(args.args[0], { signal, withLocal: args.bool('with-local') === true })
      sendJson(res, statJson(s, enc))
    }
  },

  'files/ls': {
    args: [0, 1],
    options: { long: 'bool', l: 'bool', U: 'bool', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      const long = args.bool('long') === true || args.bool('l') === true
      const entries: unknown[] = []
      for await (const e of api.files.ls(args.args[0] ?? '/', { signal, long })) {
        entries.push({ Name: e.name, Type: e.type === 'directory' ? 1 : 0, Size: e.size ?? 0, Hash: e.cid != null ? enc(e.cid) : '' })
      }
      sendJson(res, { Entries: entries })
    }
  },

  'files/mkdir': {
    args: [1, 1],
    options: { parents: 'bool', p: 'bool', ...CID_OPTIONS, ...FLUSH },
    async run ({ api, args, res, signal }) {
      await api.files.mkdir(args.args[0], {
        signal,
        parents: args.bool('parents') === true || args.bool('p') === true,
        cidVersion: cidVersionArg(args),
        hash: args.string('hash'),
        flush: args.bool('flush')
      })
      sendEmpty(res)
    }
  },

  'files/write': {
    args: [1, 1],
    options: {
      offset: 'int', o: 'int', create: 'bool', e: 'bool', parents: 'bool', p: 'bool', truncate: 'bool', t: 'bool',
      count: 'int', n: 'int', 'raw-leaves': 'bool', ...CID_OPTIONS, ...FLUSH
    },
    async run ({ api, args, req, res, signal, limits }) {
      const offset = args.int('offset') ?? args.int('o')
      const count = args.int('count') ?? args.int('n')
      if (offset != null && offset < 0) throw new InvalidParametersError('cannot have negative write offset')
      if (count != null && count < 0) throw new InvalidParametersError('cannot have negative byte count')
      // the one file part streams into the file DAG; a whole write can be larger than one block
      const parts = multipartParts(req, { ...limits, maxPartBytes: limits.maxBodyBytes })
      const first = await parts.next()
      if (first.done === true || first.value.kind !== 'file') throw new MalformedRequestError('files/write takes one file part')
      await api.files.write(args.args[0], first.value.content, {
        signal,
        offset,
        count,
        create: args.bool('create') ?? args.bool('e'),
        parents: args.bool('parents') ?? args.bool('p'),
        truncate: args.bool('truncate') ?? args.bool('t'),
        rawLeaves: args.bool('raw-leaves'),
        cidVersion: cidVersionArg(args),
        hash: args.string('hash'),
        flush: args.bool('flush')
      })
      // drain what follows so the request ends cleanly
      for await (const part of { [Symbol.asyncIterator]: () => parts }) part.stream.resume()
      sendEmpty(res)
    }
  },

  'files/read': {
    args: [1, 1],
    options: { offset: 'int', o: 'int', count: 'int', n: 'int' },
    async run ({ api, args, res, signal }) {
      const offset = args.int('offset') ?? args.int('o')
      const count = args.int('count') ?? args.int('n')
      await sendBytes(res, api.files.read(args.args[0], { signal, offset, count }), 'text/plain')
    }
  },

  'files/cp': {
    args: [2, 2],
    options: { force: 'bool', parents: 'bool', p: 'bool', ...FLUSH },
    async run ({ api, args, res, signal }) {
      await api.files.cp(args.args[0], args.args[1], {
        signal,
        force: args.bool('force'),
        parents: args.bool('parents') ?? args.bool('p'),
        flush: args.bool('flush')
      })
      sendEmpty(res)
    }
  },

  'files/mv': {
    args: [2, 2],
    options: { ...FLUSH },
    async run ({ api, args, res, signal }) {
      await api.files.mv(args.args[0], args.args[1], { signal, flush: args.bool('flush') })
      sendEmpty(res)
    }
  },

  'files/rm': {
    args: [1, 1024],
    options: { recursive: 'bool', r: 'bool', force: 'bool', ...FLUSH },
    async run ({ api, args, res, signal }) {
      if (args.bool('flush') === false) throw new InvalidParametersError('files rm always flushes for safety. The --flush flag cannot be set to false for this command')
      await api.files.rm(args.args, { signal, recursive: args.bool('recursive') ?? args.bool('r'), force: args.bool('force') })
      sendEmpty(res)
    }
  },

  'files/flush': {
    args: [0, 1],
    options: { ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      const cid = await api.files.flush(args.args[0] ?? '/', { signal })
      sendJson(res, { Cid: enc(cid) })
    }
  },

  'files/chcid': {
    args: [1, 1],
    options: { ...CID_OPTIONS, ...FLUSH },
    async run ({ api, args, res, signal }) {
      await api.files.chcid(args.args[0], { signal, cidVersion: cidVersionArg(args), hash: args.string('hash'), flush: args.bool('flush') })
      sendEmpty(res)
    }
  },

  'files/touch': {
    args: [1, 1],
    options: { mtime: 'int', 'mtime-nsecs': 'int', ...FLUSH },
    async run ({ api, args, res, signal }) {
      const mtime = args.int('mtime')
      const nsecs = args.int('mtime-nsecs')
      if (nsecs != null && (nsecs < 0 || nsecs > 999_999_999)) throw new InvalidParametersError('mtime-nsecs must be between 0 and 999999999')
      await api.files.touch(args.args[0], { signal, mtime: mtime === 0 ? undefined : mtime, mtimeNsecs: nsecs, flush: args.bool('flush') })
      sendEmpty(res)
    }
  },

  'files/chmod': {
    args: [2, 2],
    options: { ...FLUSH },
    async run ({ api, args, res, signal }) {
      const text = args.args[0]
      if (!/^[0-7]{1,5}$/.test(text)) throw new InvalidParametersError(`strconv.ParseInt: parsing "${text.slice(0, 20)}": invalid syntax`)
      await api.files.chmod(args.args[1], parseInt(text, 8), { signal, flush: args.bool('flush') })
      sendEmpty(res)
    }
  }
}
