/** `pin add|rm|ls|update`, with Kubo's output lines */
import type { PinType } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { formatPin } from '../format.ts'
import { parsePathArg } from './parse.ts'

export function registerPin (program: Command, ctx: CliContext): void {
  const pin = program.command('pin').description('Pin (and unpin) objects to local storage')

  pin.command('add')
    .description('Pin objects to local storage')
    .argument('<paths...>', 'paths to pin')
    .option('-r, --recursive', 'recursively pin the object linked to by the path (default)', true)
    .option('--no-recursive', 'pin only the block itself (Kubo: --recursive=false)')
    .option('--progress', 'show the number of blocks fetched')
    .action(async (paths: string[], flags: { recursive: boolean, progress?: boolean }) => {
      paths.forEach(parsePathArg)
      const api = await ctx.api()
      const pinned: string[] = []
      for (const path of paths) {
        const onProgress = flags.progress === true ? (n: number) => { ctx.print.status(`Fetched/Processed ${n} nodes`) } : undefined
        const cids = await api.pin.add(path, { recursive: flags.recursive, signal: ctx.signal, onProgress })
        ctx.print.endStatus()
        for (const cid of cids) {
          pinned.push(cid.toString())
          if (ctx.print.enc === 'text') ctx.print.line(`pinned ${cid.toString()} ${flags.recursive ? 'recursively' : 'directly'}`)
        }
      }
      if (ctx.print.enc === 'json') ctx.print.json({ Pins: pinned })
    })

  pin.command('rm')
    .description('Remove pins')
    .argument('<paths...>', 'paths to unpin')
    .option('-r, --recursive', 'recursively unpin the object (default)', true)
    .option('--no-recursive', 'remove a direct pin (Kubo: --recursive=false)')
    .action(async (paths: string[], flags: { recursive: boolean }) => {
      paths.forEach(parsePathArg)
      const api = await ctx.api()
      const removed: string[] = []
      for (const path of paths) {
        for (const cid of await api.pin.rm(path, { recursive: flags.recursive, signal: ctx.signal })) {
          removed.push(cid.toString())
          if (ctx.print.enc === 'text') ctx.print.line(`unpinned ${cid.toString()}`)
        }
      }
      if (ctx.print.enc === 'json') ctx.print.json({ Pins: removed })
    })

  pin.command('ls')
    .description('List objects pinned to local storage')
    .argument('[paths...]', 'only these paths')
    .addOption(new Option('-t, --type <type>', 'the type of pinned keys to list').choices(['direct', 'indirect', 'recursive', 'all']).default('all'))
    .option('-q, --quiet', 'write just the CIDs')
    .option('-s, --stream', 'print each pin as it is found (JSON: one object per line)')
    .action(async (paths: string[], flags: { type: PinType | 'all', quiet?: boolean, stream?: boolean }) => {
      paths.forEach(parsePathArg)
      const api = await ctx.api()
      const keys: Record<string, { Type: string }> = {}
      for await (const entry of api.pin.ls({ type: flags.type, paths: paths.length > 0 ? paths : undefined, signal: ctx.signal })) {
        if (ctx.print.enc === 'text') ctx.print.line(formatPin(entry, flags.quiet === true))
        else if (flags.stream === true) ctx.print.json({ Cid: entry.cid.toString(), Type: entry.type })
        else keys[entry.cid.toString()] = { Type: entry.type }
      }
      if (ctx.print.enc === 'json' && flags.stream !== true) ctx.print.json({ Keys: keys })
    })

  pin.command('update')
    .description('Update a recursive pin, walking only what changed')
    .argument('<from>', 'the path of the old pin')
    .argument('<to>', 'the path of the new pin')
    .option('--unpin', 'remove the old pin (default)', true)
    .option('--no-unpin', 'keep the old pin (Kubo: --unpin=false)')
    .action(async (from: string, to: string, flags: { unpin: boolean }) => {
      parsePathArg(from)
      parsePathArg(to)
      const api = await ctx.api()
      const [oldCid, newCid] = await api.pin.update(from, to, { unpin: flags.unpin, signal: ctx.signal })
      if (ctx.print.enc === 'json') ctx.print.json({ Pins: [oldCid.toString(), newCid.toString()] })
      else ctx.print.line(`updated ${oldCid.toString()} to ${newCid.toString()}`)
    })
}
