import { InvalidParametersError } from '@cairn/interface'
import type { CommandTable } from '../command.ts'
import { sendJson } from '../output.ts'

/** `id`, as Kubo's `core/commands/id.go` */
export const idCommands: CommandTable = {
  id: {
    args: [0, 1],
    options: { format: 'string', 'peerid-base': 'string' },
    async run ({ api, args, res, signal }) {
      const id = await api.id({ signal })
      if (args.args[0] != null && args.args[0] !== id.id) throw new InvalidParametersError('looking up other peers is not supported')
      sendJson(res, { ID: id.id, PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, ProtocolVersion: id.protocolVersion, Protocols: id.protocols })
    }
  }
}
