import type { CairnApi } from '@cairn/interface'
import { cidJson } from '../command.ts'
import { sendJson, sendNdjson } from '../output.ts'
import type { CommandTable } from '../command.ts'

type GcLine = { Key: { '/': string } } | { Key: null, Error: string }

/**
 * Kubo's `repo gc` over HTTP, streamed as the sweep goes. With `stream-errors` every failure is a
 * line (`{"Key":null,"Error"}`, as go-cid writes an undefined CID) and the run ends with
 * "encountered errors during gc run"; without it, failures are gathered and the run ends with
 * them (`a; b; c` for several, as Kubo's MultiError), and `silent` drops the removed keys.
 */
async function * gcLines (api: CairnApi, streamErrors: boolean, silent: boolean, signal: AbortSignal): AsyncGenerator<GcLine> {
  const errors: string[] = []
  for await (const r of api.repo.gc({ signal })) {
    if (r.error != null) {
      errors.push(r.error)
      if (streamErrors) yield { Key: null, Error: r.error }
    } else if (r.cid != null && (streamErrors || !silent)) {
      yield { Key: cidJson(r.cid) }
    }
  }
  if (errors.length > 0) throw new Error(streamErrors ? 'encountered errors during gc run' : errors.join('; '))
}

/** `repo/*`, as Kubo's `core/commands/repo.go` */
export const repoCommands: CommandTable = {
  'repo/gc': {
    args: [0, 0],
    options: { 'stream-errors': 'bool', quiet: 'bool', silent: 'bool' },
    async run ({ api, args, res, signal }) {
      await sendNdjson(res, gcLines(api, args.bool('stream-errors') === true, args.bool('silent') === true, signal), l => l)
    }
  },

  'repo/stat': {
    args: [0, 0],
    options: { 'size-only': 'bool', human: 'bool' },
    async run ({ api, args, res, signal }) {
      const s = await api.repo.stat({ signal })
      // Kubo's size-only answer is a Stat with only its SizeStat filled in
      if (args.bool('size-only') === true) sendJson(res, { RepoSize: s.repoSize, StorageMax: s.storageMax, NumObjects: 0, RepoPath: '', Version: '' })
      // Kubo's fields, and the GC watermark so that clients can show usage against the budget
      else sendJson(res, { RepoSize: s.repoSize, StorageMax: s.storageMax, StorageGCWatermark: s.storageGcWatermark, NumObjects: s.numObjects, RepoPath: s.repoPath, Version: s.version })
    }
  },

  'repo/version': {
    args: [0, 0],
    options: { quiet: 'bool' },
    async run ({ api, res, signal }) {
      sendJson(res, { Version: (await api.version({ signal })).repo })
    }
  },

  'repo/verify': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      await sendNdjson(res, api.repo.verify({ signal }), v => ({ Msg: v.msg, Progress: v.progress ?? 0 }))
    }
  }
}

// Kubo's `stats repo` is `repo stat` under another name
repoCommands['stats/repo'] = repoCommands['repo/stat']
