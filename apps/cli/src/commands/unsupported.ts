/**
 * Kubo commands Cairn deliberately lacks: the CLI names them and says why (as the RPC's 501
 * does), so a Kubo user learns it is a known gap, not a typo.
 */
import type { Command } from 'commander'
import { CairnError } from '@cairn/interface'

/** A Kubo command Cairn does not have */
export class UnsupportedCommandError extends CairnError {
  static override name = 'UnsupportedCommandError'
  static override code = 'ERR_UNSUPPORTED_COMMAND'
}

const UNSUPPORTED: Readonly<Record<string, string>> = {
  p2p: 'libp2p stream forwarding is an experimental Kubo feature',
  mount: 'there is no FUSE mount',
  filestore: 'blocks are always stored in the repo (no --nocopy)',
  update: 'Cairn is updated with its package manager'
}

export function registerUnsupported (program: Command): void {
  for (const [name, why] of Object.entries(UNSUPPORTED)) {
    program.command(name, { hidden: true })
      .description(`not supported by Cairn: ${why}`)
      .argument('[args...]')
      .allowUnknownOption()
      .helpOption(false)
      .action(() => { throw new UnsupportedCommandError(`"${name}" is not supported by Cairn: ${why}`) })
  }
}
