import type { CommandTable } from '../command.ts'
import { sendJson } from '../output.ts'
import { peerIdEncoder } from '../peerid-base.ts'

/** `id`, as Kubo's `core/commands/id.go` */
export const idCommands: CommandTable = {
  id: {
    args: [0, 1],
    // `peer-id` is what kubo-rpc-client's `id({ peerId })` adds beside the `arg`
    options: { format: 'string', 'peerid-base': 'string', 'peer-id': 'string' },
    async run ({ api, args, res, signal }) {
      const encode = peerIdEncoder(args.string('peerid-base'))
      const peerId = args.args[0] ?? args.string('peer-id')
      const id = await api.id({ signal, ...(peerId != null && peerId !== '' ? { peerId } : {}) })
      sendJson(res, { ID: encode(id.id), PublicKey: id.publicKey, Addresses: id.addresses, AgentVersion: id.agentVersion, ProtocolVersion: id.protocolVersion, Protocols: id.protocols, ...(id.reachability != null ? { Reachability: id.reachability } : {}) })
    }
  }
}
