import { InvalidParametersError } from '@cairn/interface'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'
import { MalformedRequestError } from '../../errors.ts'
import { multipartParts, readBlockPart } from '../multipart.ts'
import { pathArg } from '../command.ts'
import { sendJson, sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `block/*`, as Kubo's `core/commands/block.go` */
export const blockCommands: CommandTable = {
  'block/get': {
    args: [1, 1],
    async run ({ api, args, res, signal }) {
      const bytes = await api.block.get(pathArg(args), { signal })
      res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Stream-Output': '1', 'Content-Length': String(bytes.length) })
      res.end(bytes)
    }
  },

  'block/put': {
    args: [0, 0],
    options: { 'cid-codec': 'string', mhtype: 'string', mhlen: 'int', pin: 'bool', format: 'string', 'allow-big-block': 'bool', 'cid-version': 'int', version: 'int', ...CID_BASE_OPTIONS },
    async run ({ api, args, req, res, signal, limits }) {
      const enc = outputCid(args)
      const format = args.string('format')
      if (format != null && args.has('cid-codec')) throw new InvalidParametersError('unable to use "format" (deprecated) and a custom "cid-codec" at the same time')
      // Kubo's legacy --format: v0 and dag-pb keep a CIDv0 (dag-pb, sha2-256)
      const legacy: Record<string, 'raw' | 'dag-pb' | 'dag-cbor' | 'dag-json'> = { v0: 'dag-pb', protobuf: 'dag-pb', cbor: 'dag-cbor', 'dag-pb': 'dag-pb', 'dag-cbor': 'dag-cbor', 'dag-json': 'dag-json', raw: 'raw' }
      const codec = args.string('cid-codec') ?? (format != null ? legacy[format] : undefined) ?? 'raw'
      if (!['raw', 'dag-pb', 'dag-cbor', 'dag-json'].includes(codec)) throw new InvalidParametersError(`unsupported cid-codec "${codec.slice(0, 30)}"`)
      const mhtype = args.string('mhtype') ?? 'sha2-256'
      const mhlen = args.int('mhlen') ?? -1
      const allowBigBlock = args.bool('allow-big-block') === true
      const max = allowBigBlock ? limits.maxPartBytes : limits.maxBlockBytes
      const blocks: Uint8Array[] = []
      for await (const part of multipartParts(req, { ...limits, maxPartBytes: max })) {
        if (part.kind !== 'file') throw new MalformedRequestError('block/put takes file parts only')
        blocks.push(await readBlockPart(part, max, allowBigBlock))
      }
      if (blocks.length === 0) throw new InvalidParametersError('no block data in the request')
      // every part was read and checked before anything is stored
      const results: Array<{ Key: string, Size: number }> = []
      for (const bytes of blocks) {
        const cid = await api.block.put(bytes, { signal, cidCodec: codec as 'raw', mhtype, mhlen, pin: args.bool('pin') ?? false, allowBigBlock })
        results.push({ Key: enc(cid), Size: bytes.length })
      }
      // kubo-rpc-client reads one JSON value; several blocks are several NDJSON lines, as Kubo
      if (results.length === 1) sendJson(res, results[0])
      else await sendNdjson(res, results, r => r)
    }
  },

  'block/stat': {
    args: [1, 1],
    options: CID_BASE_OPTIONS,
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      const s = await api.block.stat(pathArg(args), { signal })
      sendJson(res, { Key: enc(s.cid), Size: s.size })
    }
  },

  'block/rm': {
    args: [1, 1024],
    options: { force: 'bool', quiet: 'bool' },
    async run ({ api, args, res, signal }) {
      const quiet = args.bool('quiet') === true
      const results = []
      for await (const r of api.block.rm(args.args, { signal, force: args.bool('force') ?? false })) {
        if (quiet && r.error == null) continue
        results.push({ Hash: r.cid.toString(), ...(r.error != null ? { Error: r.error } : {}) })
      }
      await sendNdjson(res, results, r => r)
    }
  }
}
