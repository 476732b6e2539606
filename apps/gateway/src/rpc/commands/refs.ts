import { InvalidParametersError } from '@cairn/interface'
import { CID_BASE_OPTIONS, outputCid } from '../cid-base.ts'
import { sendNdjson } from '../output.ts'
import type { Command, CommandTable } from '../command.ts'
import type { RefEdge } from '@cairn/interface'
import type { CID } from 'multiformats/cid'

/** Kubo's `--format` tokens, replaced in each edge */
export function formatRef (format: string, edge: RefEdge, enc: (cid: CID) => string = cid => cid.toString()): string {
  return format.replaceAll('<src>', enc(edge.src)).replaceAll('<dst>', enc(edge.dst)).replaceAll('<linkname>', edge.linkName)
}

const localRefs: Command = {
  args: [0, 0],
  async run ({ api, res, signal }) {
    await sendNdjson(res, api.refsLocal({ signal }), cid => ({ Ref: cid.toString(), Err: '' }))
  }
}

/** `refs` and `refs/local`, as Kubo's `core/commands/refs.go`: `{"Ref","Err"}` per line */
export const refsCommands: CommandTable = {
  refs: {
    args: [1, 1024],
    options: { format: 'string', edges: 'bool', unique: 'bool', recursive: 'bool', 'max-depth': 'int', ...CID_BASE_OPTIONS },
    async run ({ api, args, res, signal }) {
      const enc = outputCid(args)
      let format = args.string('format') ?? '<dst>'
      if (args.bool('edges') === true) {
        if (format !== '<dst>') throw new InvalidParametersError('using format argument with edges is not allowed')
        format = '<src> -> <dst>'
      }
      const edges = api.refs(args.args, {
        signal,
        recursive: args.bool('recursive') === true,
        unique: args.bool('unique') === true,
        maxDepth: args.int('max-depth') ?? -1
      })
      await sendNdjson(res, edges, edge => ({ Ref: formatRef(format, edge, enc), Err: '' }))
    }
  },

  'refs/local': localRefs,
  // Kubo registers the same command under `repo` too
  'repo/ls': localRefs
}
