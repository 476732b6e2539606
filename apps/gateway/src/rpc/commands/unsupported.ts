import { UnsupportedCommandError } from '../../errors.ts'
import type { Command, CommandTable } from '../command.ts'

/** Kubo namespaces Cairn deliberately lacks, and why (said in the 501's message) */
const UNSUPPORTED: Record<string, { why: string, commands: string[] }> = {
  p2p: {
    why: 'libp2p stream forwarding is an experimental Kubo feature',
    commands: ['p2p', 'p2p/listen', 'p2p/forward', 'p2p/close', 'p2p/ls', 'p2p/stream', 'p2p/stream/ls', 'p2p/stream/close']
  },
  mount: { why: 'there is no FUSE mount', commands: ['mount'] },
  filestore: {
    why: 'blocks are always stored in the repo (no --nocopy)',
    commands: ['filestore', 'filestore/ls', 'filestore/verify', 'filestore/dups']
  },
  update: { why: 'Cairn is updated with its package manager', commands: ['update', 'update/check', 'update/clean', 'update/install', 'update/revert', 'update/versions'] }
}

function unsupported (name: string, why: string): Command {
  return {
    args: [0, 1024],
    async run () {
      throw new UnsupportedCommandError(`"${name}" is not supported by Cairn: ${why}`)
    }
  }
}

/**
 * Kubo commands that exist there but not here answer 501 with Kubo's error JSON, so a client
 * (or a person) learns it is a known gap, not a typo (which is a 404).
 */
export const unsupportedCommands: CommandTable = Object.fromEntries(
  Object.values(UNSUPPORTED).flatMap(({ why, commands }) => commands.map(name => [name, unsupported(name, why)]))
)
