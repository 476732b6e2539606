import { InvalidParametersError, NotFoundError } from '@cairn/interface'
import { multipartParts, readPart } from '../multipart.ts'
import { sendJson } from '../output.ts'
import type { CommandTable } from '../command.ts'

/** `config`, as Kubo's `core/commands/config.go` */
export const configCommands: CommandTable = {
  config: {
    args: [1, 2],
    options: { bool: 'bool', json: 'bool' },
    async run ({ api, args, res, signal }) {
      const [key, raw] = args.args
      if (raw == null) {
        const value = await api.config.get(key, { signal })
        if (value === undefined) throw new NotFoundError(`config key "${key.slice(0, 100)}" has no value`)
        sendJson(res, { Key: key, Value: value })
        return
      }
      let value: unknown = raw
      if (args.bool('json') === true) {
        try {
          value = JSON.parse(raw)
        } catch (err) {
          throw new InvalidParametersError('value is not valid JSON', { cause: err })
        }
      } else if (args.bool('bool') === true) {
        if (raw !== 'true' && raw !== 'false') throw new InvalidParametersError('value must be true or false')
        value = raw === 'true'
      }
      await api.config.set(key, value, { signal })
      sendJson(res, { Key: key, Value: value })
    }
  },

  'config/show': {
    args: [0, 0],
    async run ({ api, res, signal }) {
      sendJson(res, await api.config.show({ signal }))
    }
  },

  // Kubo's `config replace <file>`: the file is the request's one part; no value comes back
  'config/replace': {
    args: [0, 0],
    async run ({ api, req, res, signal, limits }) {
      let text: string | undefined
      for await (const part of multipartParts(req, limits)) {
        if (text != null) throw new InvalidParametersError('config/replace takes one file')
        text = new TextDecoder().decode(await readPart(part, limits.maxPartBytes))
      }
      if (text == null) throw new InvalidParametersError('argument "file" is required')
      let config: unknown
      try {
        config = JSON.parse(text)
      } catch (err) {
        throw new InvalidParametersError('failed to decode file as config', { cause: err })
      }
      await api.config.replace(config as Record<string, unknown>, { signal })
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end()
    }
  },

  'config/profile/apply': {
    args: [1, 1],
    options: { 'dry-run': 'bool' },
    async run ({ api, args, res, signal }) {
      const { oldConfig, newConfig } = await api.config.applyProfile(args.args[0], { signal, dryRun: args.bool('dry-run') ?? false })
      sendJson(res, { OldCfg: oldConfig, NewCfg: newConfig })
    }
  }
}
