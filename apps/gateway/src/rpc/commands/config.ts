import { InvalidParametersError, NotFoundError } from '@cairn/interface'
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
  }
}
