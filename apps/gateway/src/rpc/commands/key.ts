import { InvalidParametersError } from '@cairn/interface'
import { base64url } from 'multiformats/bases/base64'
import { bases } from 'multiformats/basics'
import { multipartParts, readPart } from '../multipart.ts'
import { sendJson } from '../output.ts'
import { peerIdEncoder } from '../peerid-base.ts'
import type { Args } from '../args.ts'
import type { CommandTable, RpcContext } from '../command.ts'
import type { KeyFormat, KeyInfo, KeyType } from '@cairn/interface'

/** Largest key file `key import` reads: an 8192-bit RSA key in PEM is under 7 KiB */
const KEY_FILE_BYTES_MAX = 64 * 1024
/** Largest message `key sign`/`key verify` read */
const SIGN_DATA_BYTES_MAX = 1024 * 1024

/** Kubo's `--ipns-base` (default base36): how key IDs are written */
const encoderOf = (args: Args): (id: string) => string => peerIdEncoder(args.string('ipns-base') ?? 'base36')
const keyJson = (encode: (id: string) => string, k: KeyInfo): { Name: string, Id: string } => ({ Name: k.name, Id: encode(k.id) })

/** The one file part of a request (key file, record, data to sign) */
export async function singleFile (ctx: RpcContext, max: number, what: string): Promise<Uint8Array> {
  let file: Uint8Array | undefined
  for await (const part of multipartParts(ctx.req, { ...ctx.limits, maxPartBytes: max })) {
    const bytes = await readPart(part, max)
    file ??= bytes
  }
  if (file == null) throw new InvalidParametersError(`argument "${what}" is required`)
  return file
}

/** `key/*`, as Kubo's `core/commands/keystore.go` */
export const keyCommands: CommandTable = {
  'key/gen': {
    args: [1, 1],
    options: { type: 'string', size: 'int', 'ipns-base': 'string' },
    async run ({ api, args, res, signal }) {
      const encode = encoderOf(args)
      const key = await api.key.gen(args.args[0], { signal, type: (args.string('type') ?? 'ed25519') as KeyType, size: args.int('size') })
      sendJson(res, keyJson(encode, key))
    }
  },

  'key/list': {
    args: [0, 0],
    options: { l: 'bool', 'ipns-base': 'string' },
    async run ({ api, args, res, signal }) {
      const encode = encoderOf(args)
      sendJson(res, { Keys: (await api.key.list({ signal })).map(k => keyJson(encode, k)) })
    }
  },

  // Kubo's alias of `key/list`
  get 'key/ls' () { return keyCommands['key/list'] },

  'key/rm': {
    args: [1, 1024],
    options: { l: 'bool', 'ipns-base': 'string' },
    async run ({ api, args, res, signal }) {
      const encode = encoderOf(args)
      const removed: KeyInfo[] = []
      for (const name of args.args) removed.push(await api.key.rm(name, { signal }))
      sendJson(res, { Keys: removed.map(k => keyJson(encode, k)) })
    }
  },

  'key/rename': {
    args: [2, 2],
    options: { force: 'bool', 'ipns-base': 'string' },
    async run ({ api, args, res, signal }) {
      const encode = encoderOf(args)
      const r = await api.key.rename(args.args[0], args.args[1], { signal, force: args.bool('force') ?? false })
      sendJson(res, { Was: r.was, Now: r.name, Id: encode(r.id), Overwrite: r.overwrite })
    }
  },

  'key/import': {
    args: [1, 1],
    options: { format: 'string', 'allow-any-key-type': 'bool', 'ipns-base': 'string' },
    async run (ctx) {
      const { api, args, res, signal } = ctx
      const encode = encoderOf(args)
      const bytes = await singleFile(ctx, KEY_FILE_BYTES_MAX, 'key')
      const key = await api.key.import(args.args[0], bytes, { signal, format: args.string('format') as KeyFormat | undefined, allowAnyKeyType: args.bool('allow-any-key-type') })
      sendJson(res, keyJson(encode, key))
    }
  },

  'key/export': {
    args: [1, 1],
    options: { format: 'string', output: 'string' },
    async run ({ api, args, res, signal }) {
      const bytes = await api.key.export(args.args[0], { signal, format: args.string('format') as KeyFormat | undefined })
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'X-Stream-Output': '1', 'Content-Length': String(bytes.length) })
      res.end(bytes)
    }
  },

  'key/sign': {
    args: [0, 0],
    options: { key: 'string', 'ipns-base': 'string' },
    async run (ctx) {
      const { api, args, res, signal } = ctx
      const encode = encoderOf(args)
      const data = await singleFile(ctx, SIGN_DATA_BYTES_MAX, 'data')
      const r = await api.key.sign(data, { signal, key: args.string('key') })
      sendJson(res, { Key: keyJson(encode, r.key), Signature: base64url.encode(r.signature) })
    }
  },

  'key/verify': {
    args: [0, 0],
    options: { key: 'string', signature: 'string', 'signature-file': 'string', 'ipns-base': 'string' },
    async run (ctx) {
      const { api, args, res, signal } = ctx
      const encode = encoderOf(args)
      const text = args.string('signature')
      if (text == null || text === '') throw new InvalidParametersError('signature must be passed as string or file')
      const decoder = Object.values(bases).find(b => b.prefix === text[0])
      if (decoder == null) throw new InvalidParametersError('signature must be multibase-encoded')
      let signature: Uint8Array
      try {
        signature = decoder.decode(text)
      } catch (err) {
        throw new InvalidParametersError(`failed to decode signature: ${(err as Error).message}`, { cause: err })
      }
      const data = await singleFile(ctx, SIGN_DATA_BYTES_MAX, 'data')
      const r = await api.key.verify(data, signature, { signal, key: args.string('key') })
      sendJson(res, { Key: keyJson(encode, r.key), SignatureValid: r.signatureValid })
    }
  }
}
