import { cidJson } from '../command.ts'
import { sendJson, sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `repo/*`, as Kubo's `core/commands/repo.go` */
export const repoCommands: CommandTable = {
  'repo/gc': {
    args: [0, 0],
    options: { 'stream-errors': 'bool', quiet: 'bool', silent: 'bool' },
    async run ({ api, args, res, signal }) {
      const silent = args.bool('silent') === true
      const results = []
      for await (const r of api.repo.gc({ signal })) {
        if (silent) continue
        results.push(r.error != null ? { Error: r.error } : { Key: cidJson(r.cid!) })
      }
      await sendNdjson(res, results, r => r)
    }
  },

  'repo/stat': {
    args: [0, 0],
    options: { 'size-only': 'bool', human: 'bool' },
    async run ({ api, res, signal }) {
      const s = await api.repo.stat({ signal })
      sendJson(res, { RepoSize: s.repoSize, StorageMax: s.storageMax, NumObjects: s.numObjects, RepoPath: s.repoPath, Version: s.version })
    }
  },

  'repo/verify': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      await sendNdjson(res, api.repo.verify({ signal }), v => ({ Msg: v.msg, Progress: v.progress ?? 0 }))
    }
  }
}
