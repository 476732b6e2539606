import { InvalidParametersError } from '@cairn/interface'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'
import type { AddOptions, AddResult, ImportCandidate } from '@cairn/interface'
import type { CID } from 'multiformats/cid'
import type { Args } from '../args.ts'
import type { CommandTable } from '../command.ts'
import { multipartParts, readPart } from '../multipart.ts'
import { lazyStream, sendNdjson } from '../output.ts'

const ADD_CID_VERSIONS = new Set(['0', '1'])

/** A bare stream is named by its CID, which `--cid-base` writes too */
const nameOf = (r: AddResult, enc: (cid: CID) => string): string => r.path === r.cid.toString() ? enc(r.cid) : r.path

function addOptions (a: Args, signal: AbortSignal): AddOptions {
  const cidVersion = a.string('cid-version')
  if (cidVersion != null && !ADD_CID_VERSIONS.has(cidVersion)) throw new InvalidParametersError(`unsupported cid-version "${cidVersion.slice(0, 10)}"`)
  const inlineLimit = a.int('inline-limit')
  if (inlineLimit != null && (inlineLimit < 0 || inlineLimit > 127)) throw new InvalidParametersError('inline-limit must be between 0 and 127')
  const maxLinks = a.int('max-file-links')
  if (maxLinks != null && (maxLinks < 2 || maxLinks > 65536)) throw new InvalidParametersError('max-file-links must be between 2 and 65536')
  const chunker = a.string('chunker')
  if (chunker != null && !/^(size-\d+|rabin(-\d+){0,3}|buzhash)$/.test(chunker)) throw new InvalidParametersError(`invalid chunker "${chunker.slice(0, 50)}"`)
  const opts: AddOptions = { signal }
  if (cidVersion != null) opts.cidVersion = Number(cidVersion) as 0 | 1
  const set = <K extends keyof AddOptions>(key: K, value: AddOptions[K] | undefined): void => { if (value != null) opts[key] = value }
  set('rawLeaves', a.bool('raw-leaves'))
  set('chunker', chunker)
  set('trickle', a.bool('trickle'))
  set('wrapWithDirectory', a.bool('wrap-with-directory'))
  set('hidden', a.bool('hidden'))
  set('onlyHash', a.bool('only-hash'))
  set('pin', a.bool('pin'))
  set('inline', a.bool('inline'))
  set('inlineLimit', inlineLimit)
  set('maxLinks', maxLinks)
  set('toFiles', a.string('to-files'))
  set('hash', a.string('hash'))
  return opts
}

/** `add`, as Kubo's `core/commands/add.go`: multipart files in, NDJSON results (and progress) out */
export const addCommands: CommandTable = {
  add: {
    args: [0, 0],
    options: {
      quiet: 'bool', quieter: 'bool', silent: 'bool', progress: 'bool', trickle: 'bool', 'only-hash': 'bool',
      'wrap-with-directory': 'bool', chunker: 'string', pin: 'bool', 'raw-leaves': 'bool', nocopy: 'bool',
      fscache: 'bool', 'cid-version': 'int', hash: 'string', inline: 'bool', 'inline-limit': 'int', hidden: 'bool',
      'max-file-links': 'int', 'preserve-mode': 'bool', 'preserve-mtime': 'bool', mode: 'string', mtime: 'int',
      'mtime-nsecs': 'int', 'to-files': 'string', 'pin-name': 'string', recursive: 'bool', 'dereference-args': 'bool',
      'stdin-name': 'string', wrap: 'bool', ...CID_BASE_OPTIONS
    },
    async run ({ api, args, req, res, signal, limits }) {
      const enc = outputCid(args)
      const options = addOptions(args, signal)
      const progress = args.bool('progress') === true
      const quiet = args.bool('quiet') === true || args.bool('quieter') === true
      if (args.bool('nocopy') === true) throw new InvalidParametersError('nocopy is not supported')
      const parts = multipartParts(req, limits)
      async function * candidates (): AsyncGenerator<ImportCandidate> {
        let count = 0
        for await (const part of parts) {
          count++
          const candidate: ImportCandidate = { path: part.path }
          if (part.mode != null) candidate.mode = part.mode
          if (part.mtime != null) candidate.mtime = part.mtime
          if (part.kind === 'file') candidate.content = part.content
          if (part.kind === 'symlink') candidate.symlinkTarget = new TextDecoder().decode(await readPart(part, 4096))
          yield candidate
        }
        if (count === 0) throw new InvalidParametersError('no files in the request')
      }
      if (progress) {
        // progress lines interleave with results; the headers go out with the first of either
        const out = lazyStream(res, 'application/json; charset=utf-8', 'values')
        options.onProgress = (bytes, path) => { out.push(JSON.stringify({ Name: path, Bytes: bytes }) + '\n') }
        try {
          for await (const r of api.add(candidates(), options)) {
            await out.write(JSON.stringify({ Name: nameOf(r, enc), Hash: enc(r.cid), Size: String(r.size) }) + '\n')
          }
        } catch (err) {
          out.end(err)
          return
        }
        out.end()
        return
      }
      await sendNdjson(res, api.add(candidates(), options), r =>
        quiet ? { Hash: enc(r.cid) } : { Name: nameOf(r, enc), Hash: enc(r.cid), Size: String(r.size) })
    }
  }
}
