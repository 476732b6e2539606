import {
  checkCidFormatOptions, formatCid, inspectCid, listBases, listCodecs, listHashes, multibaseByName, multibaseDecode, multibaseEncode
} from '@cairn/ipld'
import { InvalidParametersError } from '@cairn/interface'
import { MalformedRequestError } from '../../errors.ts'
import { multipartParts, readPart } from '../multipart.ts'
import { sendBytes, sendJson, sendNdjson } from '../output.ts'
import type { CommandTable, RpcContext } from '../command.ts'

/** The one file part `multibase/*` reads (Kubo: a FileArg) */
async function filePart ({ req, limits }: RpcContext, command: string): Promise<Uint8Array> {
  for await (const part of multipartParts(req, limits)) {
    if (part.kind !== 'file') throw new MalformedRequestError(`${command} takes one file part`)
    return readPart(part, limits.maxPartBytes)
  }
  throw new InvalidParametersError('argument "file" is required')
}

async function emitFormatted (ctx: RpcContext, options: { format?: string, version?: string, codec?: string, base?: string }): Promise<void> {
  checkCidFormatOptions(options)
  // Kubo's CidFormatRes, one per CID; a CID that does not parse is an ErrorMsg, not a failed call
  await sendNdjson(ctx.res, ctx.args.args, text => {
    try {
      return { CidStr: text, Formatted: formatCid(text, options), ErrorMsg: '' }
    } catch (err) {
      return { CidStr: text, Formatted: '', ErrorMsg: (err as Error).message }
    }
  })
}

/** `cid/*` and `multibase/*`, as Kubo's `core/commands/cid.go` and `multibase.go` */
export const cidCommands: CommandTable = {
  'cid/format': {
    args: [1, 1024],
    options: { f: 'string', v: 'string', mc: 'string', b: 'string' },
    async run (ctx) {
      await emitFormatted(ctx, { format: ctx.args.string('f'), version: ctx.args.string('v'), codec: ctx.args.string('mc'), base: ctx.args.string('b') })
    }
  },
  'cid/base32': {
    args: [1, 1024],
    async run (ctx) {
      await emitFormatted(ctx, { version: '1', base: 'base32' })
    }
  },
  'cid/inspect': {
    args: [1, 1],
    async run ({ args, res }) {
      try {
        sendJson(res, inspectCid(args.args[0]))
      } catch (err) {
        sendJson(res, { cid: args.args[0], errorMsg: `invalid CID: ${(err as Error).message}` })
      }
    }
  },
  'cid/bases': {
    args: [0, 0],
    options: { prefix: 'bool', numeric: 'bool' },
    async run ({ res }) { sendJson(res, listBases()) }
  },
  'cid/codecs': {
    args: [0, 0],
    options: { numeric: 'bool', supported: 'bool' },
    async run ({ args, res }) { sendJson(res, listCodecs({ supported: args.bool('supported') === true })) }
  },
  'cid/hashes': {
    args: [0, 0],
    options: { numeric: 'bool', supported: 'bool' },
    async run ({ res }) { sendJson(res, listHashes()) }
  },
  'multibase/encode': {
    args: [0, 0],
    options: { b: 'string' },
    async run (ctx) {
      const base = ctx.args.string('b') ?? 'base64url'
      multibaseByName(base)
      const text = multibaseEncode(await filePart(ctx, 'multibase/encode'), base)
      await sendBytes(ctx.res, (async function * () { yield text })(), 'text/plain')
    }
  },
  'multibase/decode': {
    args: [0, 0],
    async run (ctx) {
      const bytes = multibaseDecode(new TextDecoder().decode(await filePart(ctx, 'multibase/decode')))
      await sendBytes(ctx.res, (async function * () { yield bytes })(), 'text/plain')
    }
  },
  'multibase/transcode': {
    args: [0, 0],
    options: { b: 'string' },
    async run (ctx) {
      const base = ctx.args.string('b') ?? 'base64url'
      multibaseByName(base)
      const text = multibaseEncode(multibaseDecode(new TextDecoder().decode(await filePart(ctx, 'multibase/transcode'))), base)
      await sendBytes(ctx.res, (async function * () { yield text })(), 'text/plain')
    }
  },
  'multibase/list': {
    args: [0, 0],
    options: { prefix: 'bool', numeric: 'bool' },
    async run ({ res }) { sendJson(res, listBases()) }
  }
}
