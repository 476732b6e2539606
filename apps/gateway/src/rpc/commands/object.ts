import { dagPbObject, encodeObjectData } from '@cairn/dag'
import { InvalidParametersError } from '@cairn/interface'
import { UnsupportedCommandError } from '../../errors.ts'
import { pathArg } from '../command.ts'
import { sendBytes, sendJson } from '../output.ts'
import type { Command, CommandTable, RpcContext } from '../command.ts'
import type { ObjectView } from '@cairn/dag'

/** The dag-pb node a path names (the path must end at a block, as Kubo's ResolvePath) */
async function objectAt ({ api, args, signal }: RpcContext): Promise<ObjectView> {
  const { cid, remPath } = await api.dag.resolve(pathArg(args), { signal })
  if (remPath !== '') throw new InvalidParametersError(`${pathArg(args)} names a value inside ${cid.toString()}, not a dag-pb object`)
  return dagPbObject(cid, await api.block.get(cid, { signal }))
}

/** Kubo's answer for the `object` commands it removed */
const removed: Command = {
  args: [0, 1024],
  async run () {
    throw new UnsupportedCommandError('removed, use \'ipfs dag\' or \'ipfs files\' instead')
  }
}

/**
 * `object/*`: Kubo deprecated the namespace and has since removed it. The read side old clients still
 * call answers as Kubo 0.2x did (`core/commands/object/object.go` before #10375); the write side
 * answers with Kubo's removal message.
 */
export const objectCommands: CommandTable = {
  'object/get': {
    args: [1, 1],
    options: { 'data-encoding': 'string' },
    async run (ctx) {
      const o = await objectAt(ctx)
      sendJson(ctx.res, { Links: o.links, Data: encodeObjectData(o.data, ctx.args.string('data-encoding') ?? 'text') })
    }
  },
  'object/links': {
    args: [1, 1],
    options: { headers: 'bool' },
    async run (ctx) {
      const o = await objectAt(ctx)
      sendJson(ctx.res, { Hash: o.stat.Hash, ...(o.links.length > 0 ? { Links: o.links } : {}) })
    }
  },
  'object/stat': {
    args: [1, 1],
    options: { human: 'bool' },
    async run (ctx) {
      sendJson(ctx.res, (await objectAt(ctx)).stat)
    }
  },
  'object/data': {
    args: [1, 1],
    async run (ctx) {
      const o = await objectAt(ctx)
      await sendBytes(ctx.res, (async function * () { yield o.data })(), 'text/plain')
    }
  },
  ...Object.fromEntries([
    'object/new', 'object/put', 'object/diff', 'object/patch', 'object/patch/add-link', 'object/patch/rm-link',
    'object/patch/append-data', 'object/patch/set-data'
  ].map(name => [name, removed]))
}
