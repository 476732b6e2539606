import { InvalidParametersError } from '@cairn/interface'
import { sendJson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `files/stat` of immutable paths, as Kubo's `core/commands/files.go` (MFS arrives here) */
export const filesCommands: CommandTable = {
  'files/stat': {
    args: [1, 1],
    options: { format: 'string', hash: 'bool', size: 'bool', 'with-local': 'bool' },
    async run ({ api, args, res, signal }) {
      const path = args.args[0]
      // only immutable paths: there is no MFS here
      if (!path.startsWith('/ipfs/')) throw new InvalidParametersError('only /ipfs/ paths are supported (no MFS)')
      const s = await api.stat(path, { signal })
      sendJson(res, { Hash: s.cid.toString(), Size: s.size, CumulativeSize: s.cumulativeSize, Blocks: s.blocks, Type: s.type === 'directory' ? 'directory' : s.type === 'symlink' ? 'symlink' : 'file' })
    }
  }
}
