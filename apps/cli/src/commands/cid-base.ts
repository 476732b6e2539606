/** Kubo's `--cid-base` (and the deprecated `--upgrade-cidv0-in-output`) on commands that print CIDs */
import type { Command } from 'commander'
import type { CidText } from '../format.ts'

export interface CidBaseFlags {
  cidBase?: string
  upgradeCidv0InOutput?: boolean
}

export function withCidBase (command: Command): Command {
  return command
    .option('--cid-base <base>', 'multibase encoding for CIDs in output; CIDv0 becomes CIDv1 in any base but base58btc')
    .option('--upgrade-cidv0-in-output', '[DEPRECATED] upgrade version 0 to version 1 CIDs in output')
    .option('--no-upgrade-cidv0-in-output', '[DEPRECATED] keep version 0 CIDs in output (--upgrade-cidv0-in-output=false)')
}

/** How this run writes CIDs; the multibase tables load only when a base is asked for */
export async function cidOutput (flags: CidBaseFlags): Promise<CidText> {
  if (flags.cidBase == null && flags.upgradeCidv0InOutput == null) return cid => cid.toString()
  const { cidEncoder } = await import('@cairn/ipld')
  return cidEncoder(flags.cidBase, flags.upgradeCidv0InOutput)
}
