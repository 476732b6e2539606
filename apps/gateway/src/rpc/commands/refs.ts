import { InvalidParametersError } from '@cairn/interface'
import { sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'
import type { RefEdge } from '@cairn/interface'

/** Kubo's `--format` tokens, replaced in each edge */
export function formatRef (format: string, edge: RefEdge): string {
  return format.replaceAll('<src>', edge.src.toString()).replaceAll('<dst>', edge.dst.toString()).replaceAll('<linkname>', edge.linkName)
}

/** `refs` and `refs/local`, as Kubo's `core/commands/refs.go`: `{"Ref","Err"}` per line */
export const refsCommands: CommandTable = {
  refs: {
    args: [1, 1024],
    options: { format: 'string', edges: 'bool', unique: 'bool', recursive: 'bool', 'max-depth': 'int' },
    async run ({ api, args, res, signal }) {
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
      await sendNdjson(res, edges, edge => ({ Ref: formatRef(format, edge), Err: '' }))
    }
  },

  'refs/local': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      await sendNdjson(res, api.refsLocal({ signal }), cid => ({ Ref: cid.toString(), Err: '' }))
    }
  }
}
