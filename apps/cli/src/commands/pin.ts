/** `pin add|rm|ls|update`, with Kubo's output lines */
import type { PinEntry, PinType } from '@cairn/interface'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { CliContext } from '../context.ts'
import { UsageError } from '../errors.ts'
import { formatPin, humanBytes } from '../format.ts'
import { parsePathArg } from './parse.ts'
import { registerPinRemote } from './pin-remote.ts'

export function registerPin (program: Command, ctx: CliContext): void {
  const pin = program.command('pin').description('Pin (and unpin) objects to local storage')

  pin.command('add')
    .description('Pin objects to local storage')
    .argument('<paths...>', 'paths to pin')
    .option('-r, --recursive', 'recursively pin the object linked to by the path (default)', true)
    .option('--no-recursive', 'pin only the block itself (Kubo: --recursive=false)')
    .option('-n, --name <name>', 'an optional name for created pin(s)')
    .option('--progress', 'show progress')
    .option('--replicas <n>', 'also keep N copies on the remote pinning services (one per service); waits until they are pinned', parseReplicas)
    .action(async (paths: string[], flags: { recursive: boolean, progress?: boolean, name?: string, replicas?: number }) => {
      paths.forEach(parsePathArg)
      const api = await ctx.api()
      const pinned: string[] = []
      for (const path of paths) {
        // Kubo's line, on stderr, redrawn in place
        const onProgress = flags.progress === true ? (n: number, bytes = 0) => { ctx.print.status(`Fetched/Processed ${n} nodes (${humanBytes(bytes)})`) } : undefined
        const cids = await api.pin.add(path, { recursive: flags.recursive, signal: ctx.signal, onProgress, name: flags.name, ...(flags.replicas != null ? { replicas: flags.replicas } : {}) })
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
    .option('-n, --name <name>', 'only pins whose name contains this (case-sensitive); implies --names')
    .option('-s, --stream', 'print each pin as it is found (JSON: one object per line)')
    .option('--names', 'include pin names in the output')
    .option('--remote', 'also show where each replica (pin add --replicas) stands on the remote services')
    .action(async (paths: string[], flags: { type: PinType | 'all', quiet?: boolean, stream?: boolean, names?: boolean, name?: string, remote?: boolean }) => {
      paths.forEach(parsePathArg)
      const api = await ctx.api()
      const names = flags.names === true || (flags.name != null && flags.name !== '')
      const name = (entry: PinEntry): string => names ? entry.name ?? '' : ''
      const keys: Record<string, { Type: string, Name: string }> = {}
      const source = api.pin.ls({ type: flags.type, paths: paths.length > 0 ? paths : undefined, name: flags.name, signal: ctx.signal })
      for await (const entry of source) {
        if (ctx.print.enc === 'text') ctx.print.line(formatPin(entry, flags.quiet === true, names))
        // Kubo's shapes: the stream's objects omit an empty Name, the Keys map always has it
        else if (flags.stream === true) ctx.print.json({ Cid: entry.cid.toString(), ...(name(entry) !== '' ? { Name: name(entry) } : {}), Type: entry.type })
        else keys[entry.cid.toString()] = { Type: entry.type, Name: name(entry) }
      }
      if (flags.remote === true) {
        // Cairn: one line per copy, `<cid> remote <service> <status>`; a silent service is `- remote <service> unreachable`
        const copies = []
        for await (const r of api.pin.remote.replicas({ signal: ctx.signal, ...(paths.length > 0 ? { cids: Object.keys(keys).length > 0 ? Object.keys(keys) : paths } : {}) })) {
          if (ctx.print.enc === 'text') ctx.print.line(`${r.cid === '' ? '-' : r.cid} remote ${r.service} ${r.status}`)
          copies.push({ Cid: r.cid, Service: r.service, Status: r.status, ...(r.requestid != null ? { RequestId: r.requestid } : {}) })
        }
        if (ctx.print.enc === 'json' && flags.stream !== true) ctx.print.json({ Keys: keys, Remote: copies })
        return
      }
      if (ctx.print.enc === 'json' && flags.stream !== true) ctx.print.json({ Keys: keys })
    })

  registerPinRemote(pin, ctx)

  pin.command('verify')
    .description('Verify that recursive pins are complete')
    .option('--verbose', 'also write the hashes of non-broken pins')
    .option('-q, --quiet', 'write just hashes of broken pins')
    .action(async (flags: { verbose?: boolean, quiet?: boolean }) => {
      if (flags.verbose === true && flags.quiet === true) throw new UsageError('the --verbose and --quiet options can not be used at the same time')
      const api = await ctx.api()
      // Kubo exits 0 whatever it finds: the output says which pins are broken
      for await (const r of api.pin.verify({ includeOk: flags.verbose === true, explain: flags.quiet !== true, signal: ctx.signal })) {
        if (ctx.print.enc === 'json') {
          ctx.print.json({ Cid: r.cid.toString(), ...(r.ok ? { Ok: true } : {}), ...(r.badNodes != null ? { BadNodes: r.badNodes.map(b => ({ Cid: b.cid.toString(), Err: b.error })) } : {}) })
        } else if (flags.quiet === true) {
          if (!r.ok) ctx.print.line(r.cid.toString())
        } else if (r.ok) {
          ctx.print.line(`${r.cid.toString()} ok`)
        } else {
          ctx.print.line(`${r.cid.toString()} broken`)
          for (const b of r.badNodes ?? []) ctx.print.line(`  ${b.cid.toString()}: ${b.error}`)
        }
      }
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

function parseReplicas (value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--replicas takes a number of copies, not '${value}'`)
  return Number(value)
}
