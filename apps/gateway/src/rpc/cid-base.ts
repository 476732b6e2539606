/** Kubo's `--cid-base` and `--upgrade-cidv0-in-output` on the commands that print CIDs */
import { cidEncoder } from '@cairn/ipld'
import type { CID } from 'multiformats/cid'
import type { Args, OptionKind } from './args.ts'

/** The two options, to spread into a command's `options` */
export const CID_BASE_OPTIONS: Record<string, OptionKind> = { 'cid-base': 'string', 'upgrade-cidv0-in-output': 'bool' }

/** How this request wants CIDs written (an unknown base is a 400 before anything runs) */
export function outputCid (args: Args): (cid: CID) => string {
  return cidEncoder(args.string('cid-base'), args.bool('upgrade-cidv0-in-output'))
}
